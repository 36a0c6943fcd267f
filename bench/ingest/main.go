// Command ingest measures mail pickup against a real Dovecot and a real
// redis-server, with `mediadesk serve` running as a separate process:
//
//   - idle cost: CPU used by the idle serve process holding an IDLE
//     connection;
//   - pickup latency: APPEND of one message → its enquiry committed (seen
//     on the events stream), over -latency messages: p50, p99;
//   - backlog throughput: -backlog messages written straight into the
//     Maildir → all committed: messages/s, beside the raw UID FETCH
//     BODY.PEEK[] rate of the same mailbox measured in the same run, and
//     the serve process's peak RSS.
//
// Usage: go run ./bench/ingest [-backlog 50000] [-latency 100] [-idle 30s]
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

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/mailgen"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/store"
)

type options struct {
	backlog int
	latency int
	idle    time.Duration
	shared  string
	keep    bool
	noAOF   bool
}

func main() {
	var o options
	flag.IntVar(&o.backlog, "backlog", 50000, "messages in the backlog")
	flag.IntVar(&o.latency, "latency", 100, "messages for the pickup latency (0 skips latency and idle)")
	flag.DurationVar(&o.idle, "idle", 30*time.Second, "how long to measure the idle process")
	flag.StringVar(&o.shared, "shared", filepath.Join("..", "shared", "data"), "shared data folder (desk.yaml, releases.jsonl)")
	flag.BoolVar(&o.keep, "keep", false, "keep the work folder")
	flag.BoolVar(&o.noAOF, "no-aof", false, "run Redis without its append-only file (diagnosis only: production runs appendonly yes)")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/ingest:", err)
		os.Exit(1)
	}
}

type bench struct {
	o     options
	dir   string
	bin   string
	imap  *servers.IMAP
	redis *servers.Redis
	rdb   *redis.Client
	cfg   string
	// st reads what serve committed through the store's typed calls.
	st  *store.Store
	gen *mailgen.Generator
	loc *time.Location
}

func run(o options) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "mediadesk-bench-")
	if err != nil {
		return err
	}
	if !o.keep {
		defer os.RemoveAll(dir)
	}
	b := &bench{o: o, dir: dir}
	fmt.Printf("machine: %d CPU, %s, %s/%s, %s\n", runtime.NumCPU(), cpuModel(), runtime.GOOS, runtime.GOARCH, runtime.Version())

	if b.redis, err = servers.StartRedisServer(ctx, filepath.Join(dir, "redis"), servers.RedisOptions{NoAppendOnly: o.noAOF}); err != nil {
		return fmt.Errorf("redis-server (install redis-server): %w", err)
	}
	defer b.redis.Stop()
	if b.imap, err = servers.StartDovecot(ctx, filepath.Join(dir, "dovecot"), servers.DovecotOptions{}); err != nil {
		return fmt.Errorf("dovecot (install dovecot-imapd): %w", err)
	}
	defer b.imap.Stop()
	opt, _ := redis.ParseURL(b.redis.URL)
	b.rdb = redis.NewClient(opt)
	defer b.rdb.Close()

	b.bin = filepath.Join(dir, "mediadesk")
	build := exec.Command("go", "build", "-o", b.bin, "./cmd/mediadesk")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build mediadesk: %w", err)
	}
	if err := b.writeConfig(); err != nil {
		return err
	}
	fmt.Printf("servers: dovecot %s, redis-server %s; serve runs as a separate process\n\n", b.imap.Addr, b.redis.Addr)

	if b.o.latency > 0 {
		if err := b.latencyAndIdle(ctx); err != nil {
			return err
		}
	}
	return b.backlog(ctx)
}

// writeConfig writes a desk config for the bench servers: the shared
// example desk when present (its releases make routing realistic).
func (b *bench) writeConfig() error {
	relFile := filepath.Join(b.o.shared, "releases.jsonl")
	if _, err := os.Stat(relFile); err != nil {
		relFile = filepath.Join(b.dir, "releases.jsonl")
		if err := os.WriteFile(relFile, []byte(`{"id":"r1","title":"Bench release","url":"https://example.gov.uk/r1","published":"2026-01-01","topics":["general"],"body":"Bench."}`+"\n"), 0o600); err != nil {
			return err
		}
	}
	abs, _ := filepath.Abs(relFile)
	conf := mailgen.BenchDesk(b.imap.Addr, b.imap.Username, abs)
	b.cfg = filepath.Join(b.dir, "desk.yaml")
	if err := os.WriteFile(b.cfg, []byte(conf), 0o600); err != nil {
		return err
	}
	cfg, err := config.Load(b.cfg, config.LoadOptions{})
	if err != nil {
		return fmt.Errorf("bench config: %w", err)
	}
	b.loc = cfg.Location
	b.st = store.New(b.rdb, store.ConfigOptions(cfg, nil))
	var rels []routing.Release
	if all, err := releases.LoadSources(cfg, releases.SourceOptions{}); err == nil {
		rels = routing.NewCatalogue(all, cfg.Location).Releases() // newest first, as the generator has always had them
	}
	b.gen = mailgen.NewGenerator(42, rels, cfg)
	return nil
}

// serve starts `mediadesk serve` as a child process.
func (b *bench) serve() (*exec.Cmd, error) {
	cmd := exec.Command(b.bin, "serve", "--config", b.cfg, "--listen", "-")
	cmd.Env = append(os.Environ(), "BENCH_IMAP_PASSWORD="+b.imap.Password, "BENCH_REDIS_URL="+b.redis.URL)
	if p := os.Getenv("BENCH_PROFILE"); p != "" {
		cmd.Env = append(cmd.Env, "MEDIADESK_CPUPROFILE="+p)
	}
	log, err := os.Create(filepath.Join(b.dir, "serve.log"))
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return cmd, cmd.Start()
}

func (b *bench) stop(cmd *exec.Cmd) *syscall.Rusage {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return ru
}

// committed counts messages recorded for the bench folder.
func (b *bench) committed(ctx context.Context) int64 {
	st, err := b.st.FolderStats(ctx, [][2]string{{"bench", "INBOX"}})
	if err != nil {
		return 0
	}
	return st[0].Messages
}

func (b *bench) waitFor(ctx context.Context, what string, within time.Duration, cond func() bool) error {
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out waiting for %s (see %s)", what, filepath.Join(b.dir, "serve.log"))
		}
		time.Sleep(5 * time.Millisecond)
	}
	return nil
}

func (b *bench) latencyAndIdle(ctx context.Context) error {
	cmd, err := b.serve()
	if err != nil {
		return err
	}
	defer b.stop(cmd)
	// Ready when the worker has selected the folder (its cursor exists).
	if err := b.waitFor(ctx, "serve to connect", 30*time.Second, func() bool {
		c, err := b.st.Cursor(ctx, "bench", "INBOX")
		return err == nil && c.UIDValidity != 0
	}); err != nil {
		return err
	}
	time.Sleep(2 * time.Second) // settle into IDLE
	cpu0 := procCPU(cmd.Process.Pid)
	t0 := time.Now()
	time.Sleep(b.o.idle)
	idle := (procCPU(cmd.Process.Pid) - cpu0).Seconds() / time.Since(t0).Seconds()
	fmt.Printf("idle cost: %.2f%% of one core over %s (serve holding an IDLE connection)\n", idle*100, b.o.idle)

	c, err := b.imap.Dial(ctx, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	_, events := b.st.EventStream()
	last := "$"
	lat := make([]time.Duration, 0, b.o.latency)
	for i := 0; i < b.o.latency; i++ {
		msg := b.gen.Next(time.Now(), b.loc)
		start := time.Now()
		if err := appendMsg(c, msg); err != nil {
			return err
		}
		// Wait for this message's commit on the events stream.
		for {
			res, err := b.rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{events, last}, Block: 10 * time.Second, Count: 1}).Result()
			if err != nil {
				return fmt.Errorf("message %d never committed: %w", i, err)
			}
			last = res[0].Messages[0].ID
			if t, _ := res[0].Messages[0].Values["type"].(string); t == "enquiry.created" || t == "enquiry.followup" || t == "message.automatic" {
				break
			}
		}
		lat = append(lat, time.Since(start))
		time.Sleep(50 * time.Millisecond)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	fmt.Printf("pickup latency (APPEND → enquiry committed, %d messages, IDLE): p50 %s, p99 %s, max %s\n",
		len(lat), pct(lat, 50).Round(time.Millisecond), pct(lat, 99).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	return nil
}

func appendMsg(c *imapclient.Client, msg []byte) error {
	cmd := c.Append("INBOX", int64(len(msg)), nil)
	if _, err := cmd.Write(msg); err != nil {
		return err
	}
	if err := cmd.Close(); err != nil {
		return err
	}
	_, err := cmd.Wait()
	return err
}

func (b *bench) backlog(ctx context.Context) error {
	before := b.committed(ctx)
	fmt.Printf("\nseeding %d messages into the Maildir...\n", b.o.backlog)
	var bytes int64
	for done := 0; done < b.o.backlog; {
		n := min(2000, b.o.backlog-done)
		batch := make([][]byte, n)
		for i := range batch {
			batch[i] = b.gen.Next(time.Now(), b.loc)
			bytes += int64(len(batch[i]))
		}
		if err := b.imap.SeedMaildir("INBOX", batch); err != nil {
			return err
		}
		done += n
	}
	fmt.Printf("seeded: %d messages, %.1f MB, mean %d bytes\n", b.o.backlog, float64(bytes)/1e6, bytes/int64(b.o.backlog))

	// The raw rate of the same mailbox: one connection, UID FETCH 1:*
	// BODY.PEEK[], every byte read and discarded.
	raw, n, err := rawFetch(ctx, b.imap)
	if err != nil {
		return err
	}
	rawRate := float64(n) / raw.Seconds()
	fmt.Printf("raw UID FETCH BODY.PEEK[]: %d messages in %s = %.0f msg/s\n", n, raw.Round(time.Millisecond), rawRate)

	want := before + int64(b.o.backlog)
	_ = b.rdb.ConfigResetStat(ctx).Err()
	redisCPU0 := b.redisCPU(ctx)
	start := time.Now()
	cmd, err := b.serve()
	if err != nil {
		return err
	}
	var first time.Duration
	_ = b.waitFor(ctx, "the first commit", time.Minute, func() bool {
		first = time.Since(start)
		return b.committed(ctx) > before
	})
	if err := b.waitFor(ctx, "the backlog to be committed", 10*time.Minute, func() bool { return b.committed(ctx) >= want }); err != nil {
		b.stop(cmd)
		return err
	}
	elapsed := time.Since(start)
	// Let it flag the last batch before stopping.
	time.Sleep(500 * time.Millisecond)
	ru := b.stop(cmd)
	rate := float64(b.o.backlog) / elapsed.Seconds()
	fmt.Printf("backlog: %d messages committed in %s (from serve start) = %.0f msg/s; %.2f of the raw fetch rate\n",
		b.o.backlog, elapsed.Round(time.Millisecond), rate, rate/rawRate)
	fmt.Printf("first commit %s after serve start; steady rate after it %.0f msg/s\n",
		first.Round(time.Millisecond), float64(b.o.backlog)/(elapsed-first).Seconds())
	if ru != nil {
		cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		fmt.Printf("serve peak RSS: %.0f MB; serve CPU %.1fs; redis CPU %.1fs (of %.1fs wall, 2 cores shared with dovecot)\n",
			float64(ru.Maxrss)/1024, cpu.Seconds(), b.redisCPU(ctx)-redisCPU0, elapsed.Seconds())
	}
	b.redisTime(ctx)
	return nil
}

// redisCPU is the CPU seconds redis-server has used so far.
func (b *bench) redisCPU(ctx context.Context) float64 {
	info, err := b.rdb.Info(ctx, "cpu").Result()
	if err != nil {
		return 0
	}
	return servers.InfoSum(info, "used_cpu_user", "used_cpu_sys")
}

// redisTime prints where Redis spent its time during the backlog: the
// desk's one Redis thread is shared by ingest and everything downstream.
func (b *bench) redisTime(ctx context.Context) {
	info, err := b.rdb.Info(ctx, "commandstats").Result()
	if err != nil {
		return
	}
	type stat struct {
		name        string
		calls, usec int64
	}
	var stats []stat
	var total int64
	for _, l := range strings.Split(info, "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "cmdstat_") {
			continue
		}
		name, rest, _ := strings.Cut(strings.TrimPrefix(l, "cmdstat_"), ":")
		var st stat
		st.name = name
		for _, kv := range strings.Split(rest, ",") {
			k, v, _ := strings.Cut(kv, "=")
			n, _ := strconv.ParseInt(v, 10, 64)
			switch k {
			case "calls":
				st.calls = n
			case "usec":
				st.usec = n
			}
		}
		total += st.usec
		stats = append(stats, st)
	}
	sort.Slice(stats, func(i, j int) bool { return stats[i].usec > stats[j].usec })
	fmt.Printf("redis busy %.1fs in commands during the backlog; top:", float64(total)/1e6)
	for _, st := range stats[:min(14, len(stats))] {
		fmt.Printf(" %s %.1fs (%d calls)", st.name, float64(st.usec)/1e6, st.calls)
	}
	fmt.Println()
}

func rawFetch(ctx context.Context, m *servers.IMAP) (time.Duration, int, error) {
	c, err := m.Dial(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer c.Close()
	start := time.Now()
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return 0, 0, err
	}
	cmd := c.Fetch(imap.UIDSet{imap.UIDRange{Start: 1, Stop: 0}}, &imap.FetchOptions{
		UID: true, BodySection: []*imap.FetchItemBodySection{{Peek: true}},
	})
	n := 0
	for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
		for item := msg.Next(); item != nil; item = msg.Next() {
			if body, ok := item.(imapclient.FetchItemDataBodySection); ok && body.Literal != nil {
				_, _ = io.Copy(io.Discard, body.Literal)
			}
		}
		n++
	}
	if err := cmd.Close(); err != nil {
		return 0, 0, err
	}
	return time.Since(start), n, nil
}

func pct(d []time.Duration, p int) time.Duration {
	i := (len(d)*p + 99) / 100
	if i > 0 {
		i--
	}
	return d[min(i, len(d)-1)]
}

// procCPU is the user+system CPU time of a process.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			return strings.TrimSpace(l[strings.IndexByte(l, ':')+1:])
		}
	}
	return "unknown CPU"
}
