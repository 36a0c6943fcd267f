// Command scale measures mediadesk scaled out, with `mediadesk serve`
// processes (built from ./cmd/mediadesk) against a real Dovecot and real
// redis-server processes, all started here on loopback ports:
//
//   - lease takeover: -procs serve processes on one Redis share one mailbox
//     folder during the ingest of a -messages backlog; the process holding
//     the folder's lease is SIGKILLed -kills times (a replacement starts
//     after each kill), and the time from the kill until another process
//     holds the lease is reported as p50 and max; then every message is
//     checked recorded exactly once;
//   - cluster throughput: two desks (FCDO and DEFRA, whose key hash tags
//     fall on different masters when there are two or three), one serve
//     process each, ingest a -desk-messages backlog each on a Redis Cluster
//     of 1, 2 and 3 masters: messages/s for both together.
//
// Usage: go run ./bench/scale [-messages 20000] [-procs 2] [-kills 10]
// [-lease 5s] [-desk-messages 20000] [-masters 1,2,3]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/store"
)

type options struct {
	messages, procs, kills int
	lease                  time.Duration
	deskMessages           int
	masters                string
	keep                   bool
}

func main() {
	var o options
	flag.IntVar(&o.messages, "messages", 20000, "backlog for the takeover part (0 skips it)")
	flag.IntVar(&o.procs, "procs", 2, "serve processes sharing the folder")
	flag.IntVar(&o.kills, "kills", 10, "SIGKILLs of the lease holder")
	flag.DurationVar(&o.lease, "lease", 5*time.Second, "ingest.lease_ttl")
	flag.IntVar(&o.deskMessages, "desk-messages", 20000, "backlog per desk for the cluster part (0 skips it)")
	flag.StringVar(&o.masters, "masters", "1,2,3", "cluster sizes for the cluster part")
	flag.BoolVar(&o.keep, "keep", false, "keep the work folder")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/scale:", err)
		os.Exit(1)
	}
}

type bench struct {
	o   options
	dir string
	bin string
}

func run(o options) error {
	dir, err := os.MkdirTemp("", "mediadesk-scale-")
	if err != nil {
		return err
	}
	if !o.keep {
		defer os.RemoveAll(dir)
	} else {
		fmt.Println("work folder:", dir)
	}
	b := &bench{o: o, dir: dir, bin: filepath.Join(dir, "mediadesk")}
	fmt.Printf("machine: %d CPU, %s/%s, %s\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	build := exec.Command("go", "build", "-o", b.bin, "./cmd/mediadesk")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build mediadesk: %w", err)
	}
	if o.messages > 0 {
		if err := b.takeover(context.Background()); err != nil {
			return err
		}
	}
	if o.deskMessages > 0 {
		for _, s := range strings.Split(o.masters, ",") {
			m, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				return fmt.Errorf("-masters %q", o.masters)
			}
			if err := b.cluster(context.Background(), m); err != nil {
				return err
			}
		}
	}
	return nil
}

// deskConfig writes a bench desk's config: no acknowledgements or alerts
// (this measures ingest and leases), no ops listener (several processes
// share the host).
func (b *bench) deskConfig(name, ref, imapAddr, user, folder, extra string) (string, *config.Config, error) {
	dir := filepath.Join(b.dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "releases.jsonl"), []byte(`{"id":"r1","title":"Asylum figures","url":"https://www.gov.uk/r1","published":"2026-01-05","topics":["migration"],"body":"Asylum figures."}`+"\n"), 0o600); err != nil {
		return "", nil, err
	}
	lower := strings.ToLower(ref)
	conf := fmt.Sprintf(`desk: {name: %[1]s, timezone: Europe/London, reference_prefix: %[1]s, address: desk@%[2]s.example}
mailboxes:
  - {id: %[2]s, address: %[3]q, security: none, username: %[4]q, password_env: BENCH_IMAP_PASSWORD, folders: [%[5]q]}
redis: {url_env: BENCH_REDIS_URL}
smtp: {address: "127.0.0.1:1", security: none, from: "Bench <desk@%[2]s.example>"}
acknowledgements: {enabled: false}
alerts: {email: false}
reports: {digest_schedule: "off"}
ops: {listen: "off"}
releases: {sources: [{file: releases.jsonl}]}
topics:
  - {id: migration, keywords: [asylum, small boats]}
  - {id: general, fallback: true}
officers:
  - {id: a, name: A, email: a@%[2]s.example, role: officer, topics: ["*"]}
  - {id: m, name: M, email: m@%[2]s.example, role: manager, topics: ["*"]}
rota:
  - {name: All day, topics: ["*"], officers: [a], start: "0 0 * * *", duration: 24h}
escalation: {manager: m, after_breach: 30m}
sla:
  policies: [{id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}]
  deadline_margin: 15m
  warn_before: 10m
outlets:
  - {domain: bbc.co.uk, name: BBC, tier: broadcast}
%[6]s`, ref, lower, imapAddr, user, folder, extra)
	path := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		return "", nil, err
	}
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		return "", nil, fmt.Errorf("bench config: %w", err)
	}
	return path, cfg, nil
}

func mails(desk string, from, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		j := from + i
		out[i] = []byte(fmt.Sprintf("From: Reporter %[2]d <r%[2]d.%[1]s@bbc.co.uk>\r\n"+
			"To: Press office <desk@%[1]s.example>\r\nSubject: Question %[2]d about asylum figures\r\n"+
			"Date: %[3]s\r\nMessage-ID: <q%[2]d.%[1]s@newsroom.example>\r\nMIME-Version: 1.0\r\n"+
			"Content-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\n\r\nWhat are the latest asylum figures? Question %[2]d.\r\n",
			desk, j, time.Now().Format(time.RFC1123Z)))
	}
	return out
}

func seed(im *servers.IMAP, folder, desk string, n int) error {
	for done := 0; done < n; {
		k := min(2000, n-done)
		if err := im.SeedMaildir(folder, mails(desk, done, k)); err != nil {
			return err
		}
		done += k
	}
	return nil
}

// serve starts `mediadesk serve` for config with the Redis URL and IMAP
// password in its environment, its output appended to log.
func (b *bench) serve(config, redisURL, imapPass, log string) (*exec.Cmd, error) {
	cmd := exec.Command(b.bin, "serve", "--config", config, "--listen", "-")
	cmd.Env = append(os.Environ(), "BENCH_IMAP_PASSWORD="+imapPass, "BENCH_REDIS_URL="+redisURL)
	f, err := os.OpenFile(log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cmd.Stdout, cmd.Stderr = f, f
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return cmd, cmd.Start()
}

func kill(cmd *exec.Cmd) {
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
}

func waitFor(what string, within time.Duration, cond func() bool) error {
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %s waiting for %s", within, what)
		}
		time.Sleep(2 * time.Millisecond)
	}
	return nil
}

func stats(ctx context.Context, st *store.Store, mailbox, folder string) store.FolderStats {
	fs, err := st.FolderStats(ctx, [][2]string{{mailbox, folder}})
	if err != nil || len(fs) == 0 {
		return store.FolderStats{}
	}
	return fs[0]
}

func (b *bench) takeover(ctx context.Context) error {
	o := b.o
	r, err := servers.StartRedisServer(ctx, filepath.Join(b.dir, "redis"), servers.RedisOptions{})
	if err != nil {
		return fmt.Errorf("redis-server (install redis-server): %w", err)
	}
	defer r.Stop()
	im, err := servers.StartDovecot(ctx, filepath.Join(b.dir, "dovecot"), servers.DovecotOptions{})
	if err != nil {
		return fmt.Errorf("dovecot (install dovecot-imapd): %w", err)
	}
	defer im.Stop()
	path, cfg, err := b.deskConfig("takeover", "FCDO", im.Addr, im.Username, "INBOX", fmt.Sprintf("ingest: {lease_ttl: %s}\n", o.lease))
	if err != nil {
		return err
	}
	if err := seed(im, "INBOX", "fcdo", o.messages); err != nil {
		return err
	}
	opt, _ := redis.ParseURL(r.URL)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	st := store.New(rdb, store.Options{Prefix: cfg.Redis.KeyPrefix})
	fmt.Printf("\nlease takeover: %d serve processes, one Redis, one Dovecot folder, %d-message backlog, ingest.lease_ttl %s, %d SIGKILLs of the holder\n",
		o.procs, o.messages, o.lease, o.kills)
	log := filepath.Join(b.dir, "takeover.log")
	procs := map[int]*exec.Cmd{}
	start := func() error {
		cmd, err := b.serve(path, r.URL, im.Password, log)
		if err == nil {
			procs[cmd.Process.Pid] = cmd
		}
		return err
	}
	defer func() {
		for _, c := range procs {
			kill(c)
		}
	}()
	t0 := time.Now()
	for i := 0; i < o.procs; i++ {
		if err := start(); err != nil {
			return err
		}
	}
	const lease = "ingest:fcdo:INBOX"
	var takeovers []time.Duration
	prev := ""
	for k := 1; k <= o.kills; k++ {
		var holder string
		// The holder has held it a moment (a new one since the last kill).
		if err := waitFor("a lease holder", 2*o.lease+30*time.Second, func() bool {
			holder, _, _ = st.LeaseHolder(ctx, lease)
			return holder != "" && holder != prev
		}); err != nil {
			return err
		}
		// Kill it mid-ingest: once it has committed some of what is left.
		before := stats(ctx, st, "fcdo", "INBOX").Messages
		_ = waitFor("progress", 10*time.Second, func() bool {
			now := stats(ctx, st, "fcdo", "INBOX").Messages
			return now >= before+int64(min(int64(o.messages/(2*o.kills)), int64(o.messages)-before))
		})
		holder, _, _ = st.LeaseHolder(ctx, lease)
		pid := store.LeasePID(holder)
		cmd, ok := procs[pid]
		if !ok {
			return fmt.Errorf("lease holder %q is not one of ours", holder)
		}
		at := stats(ctx, st, "fcdo", "INBOX").Messages
		kill(cmd)
		killed := time.Now()
		delete(procs, pid)
		var next string
		if err := waitFor("another process to take the lease", 3*o.lease+30*time.Second, func() bool {
			next, _, _ = st.LeaseHolder(ctx, lease)
			return next != "" && next != holder
		}); err != nil {
			return err
		}
		d := time.Since(killed)
		takeovers = append(takeovers, d)
		prev = holder
		fmt.Printf("  kill %2d at %6d committed: taken over after %s\n", k, at, d.Round(time.Millisecond))
		if err := start(); err != nil {
			return err
		}
	}
	if err := waitFor("the backlog", 10*time.Minute, func() bool { return stats(ctx, st, "fcdo", "INBOX").Messages >= int64(o.messages) }); err != nil {
		return err
	}
	elapsed := time.Since(t0)
	s := stats(ctx, st, "fcdo", "INBOX")
	all, _ := st.Count(ctx)
	sort.Slice(takeovers, func(i, j int) bool { return takeovers[i] < takeovers[j] })
	fmt.Printf("takeover after SIGKILL over %d kills: p50 %s, max %s, min %s (lease %s: a holder renews every third of it, so takeover falls between 2/3 of it and all of it)\n",
		len(takeovers), takeovers[(len(takeovers)-1)/2].Round(time.Millisecond), takeovers[len(takeovers)-1].Round(time.Millisecond),
		takeovers[0].Round(time.Millisecond), o.lease)
	verdict := "OK: every message exactly once"
	if s.Messages != int64(o.messages) || s.Enquiries != int64(o.messages) || all != int64(o.messages) {
		verdict = "WRONG"
	}
	fmt.Printf("backlog: %d messages, %d recorded, %d enquiries, %d indexed, in %s with %d kills: %s\n",
		o.messages, s.Messages, s.Enquiries, all, elapsed.Round(time.Millisecond), o.kills, verdict)
	if verdict != "OK: every message exactly once" {
		return fmt.Errorf("messages lost or recorded twice (see %s)", log)
	}
	return nil
}

// cluster measures two desks' ingest on a cluster of masters masters.
func (b *bench) cluster(ctx context.Context, masters int) error {
	o := b.o
	dir := filepath.Join(b.dir, fmt.Sprintf("cluster%d", masters))
	cl, err := servers.StartRedisCluster(ctx, dir, masters, servers.RedisOptions{})
	if err != nil {
		return fmt.Errorf("redis cluster (install redis-server): %w", err)
	}
	defer cl.Stop()
	im, err := servers.StartDovecot(ctx, filepath.Join(dir, "dovecot"), servers.DovecotOptions{Folders: []string{"Defra"}})
	if err != nil {
		return fmt.Errorf("dovecot (install dovecot-imapd): %w", err)
	}
	defer im.Stop()
	addrs := make([]string, len(cl.Masters))
	for i, m := range cl.Masters {
		addrs[i] = m.Addr
	}
	cc := redis.NewClusterClient(&redis.ClusterOptions{Addrs: addrs})
	defer cc.Close()
	type desk struct {
		name, ref, folder string
		path              string
		st                *store.Store
		master            int
	}
	desks := []*desk{{name: "fcdo", ref: "FCDO", folder: "INBOX"}, {name: "defra", ref: "DEFRA", folder: "Defra"}}
	for _, d := range desks {
		path, cfg, err := b.deskConfig(fmt.Sprintf("c%d-%s", masters, d.name), d.ref, im.Addr, im.Username, d.folder, "")
		if err != nil {
			return err
		}
		d.path = path
		d.st = store.New(cc, store.Options{Prefix: cfg.Redis.KeyPrefix})
		_, events := d.st.EventStream()
		slot, err := cc.ClusterKeySlot(ctx, events).Result()
		if err != nil {
			return err
		}
		d.master = cl.MasterOfSlot(int(slot))
		if err := seed(im, d.folder, d.name, o.deskMessages); err != nil {
			return err
		}
	}
	cpu0 := clusterCPU(ctx, cl)
	log := filepath.Join(dir, "serve.log")
	t0 := time.Now()
	var cmds []*exec.Cmd
	for _, d := range desks {
		cmd, err := b.serve(d.path, cl.URL, im.Password, log)
		if err != nil {
			return err
		}
		cmds = append(cmds, cmd)
	}
	defer func() {
		for _, c := range cmds {
			kill(c)
		}
	}()
	want := int64(o.deskMessages)
	done := make([]time.Duration, len(desks))
	if err := waitFor("both backlogs", 10*time.Minute, func() bool {
		all := true
		for i, d := range desks {
			if done[i] == 0 {
				if stats(ctx, d.st, d.name, d.folder).Messages >= want {
					done[i] = time.Since(t0)
				} else {
					all = false
				}
			}
		}
		return all
	}); err != nil {
		return fmt.Errorf("%w (see %s)", err, log)
	}
	elapsed := time.Since(t0)
	cpu := clusterCPU(ctx, cl)
	fmt.Printf("\ncluster of %d master(s), two desks, %d messages each, one serve process each (2 cores shared by everything):\n", masters, o.deskMessages)
	for i, d := range desks {
		fmt.Printf("  %-5s on master %d: done after %s\n", d.ref, d.master, done[i].Round(time.Millisecond))
	}
	fmt.Printf("  total: %d messages in %s = %.0f msg/s; redis CPU by master:", 2*o.deskMessages, elapsed.Round(time.Millisecond),
		float64(2*o.deskMessages)/elapsed.Seconds())
	for i := range cpu {
		fmt.Printf(" %d: %.1fs", i, cpu[i]-cpu0[i])
	}
	fmt.Println()
	return nil
}

// clusterCPU is each master's CPU seconds so far.
func clusterCPU(ctx context.Context, cl *servers.RedisCluster) []float64 {
	out := make([]float64, len(cl.Masters))
	for i, m := range cl.Masters {
		c := redis.NewClient(&redis.Options{Addr: m.Addr})
		if info, err := c.Info(ctx, "cpu").Result(); err == nil {
			out[i] = servers.InfoSum(info, "used_cpu_user", "used_cpu_sys")
		}
		c.Close()
	}
	return out
}
