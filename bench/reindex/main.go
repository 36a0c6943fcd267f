// Command reindex measures `mediadesk reindex` against a real Dovecot and
// a real redis-server (appendonly yes, appendfsync everysec):
//
//  1. -n messages are seeded into the Maildir as bench/ingest does
//     (internal/mailgen, servers.SeedMaildir) and `mediadesk serve`
//     ingests them (and flags them $MediadeskIngested);
//  2. Redis loses everything (FLUSHALL);
//  3. `mediadesk reindex` (a child process, plain progress lines) rebuilds
//     the enquiries: messages/s, and the enquiries before and after;
//  4. `mediadesk reindex` again: nothing new, and how long it takes.
//
// Usage: go run ./bench/reindex [-n 50000]
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/mailgen"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

func main() {
	n := flag.Int("n", 50000, "messages in the mailbox")
	keep := flag.Bool("keep", false, "keep the work folder")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := run(*n, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "bench/reindex:", err)
		os.Exit(1)
	}
}

func run(n int, keep bool) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "mediadesk-bench-reindex-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	fmt.Printf("machine: %d CPU, %s/%s, %s\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	rs, err := servers.StartRedisServer(ctx, filepath.Join(dir, "redis"), servers.RedisOptions{})
	if err != nil {
		return fmt.Errorf("redis-server (install redis-server): %w", err)
	}
	defer rs.Stop()
	im, err := servers.StartDovecot(ctx, filepath.Join(dir, "dovecot"), servers.DovecotOptions{})
	if err != nil {
		return fmt.Errorf("dovecot (install dovecot-imapd): %w", err)
	}
	defer im.Stop()
	opt, _ := redis.ParseURL(rs.URL)
	rdb := redis.NewClient(opt)
	defer rdb.Close()

	bin := filepath.Join(dir, "mediadesk")
	build := exec.Command("go", "build", "-o", bin, "./cmd/mediadesk")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build mediadesk: %w", err)
	}
	cfgPath, cfg, err := writeConfig(dir, im)
	if err != nil {
		return err
	}
	// st reads what serve and reindex wrote, through the store's typed calls.
	st := store.New(rdb, store.ConfigOptions(cfg, nil))
	env := append(os.Environ(), "BENCH_IMAP_PASSWORD="+im.Password, "BENCH_REDIS_URL="+rs.URL)

	// 1. Seed and ingest.
	var rels []routing.Release
	if all, err := releases.LoadSources(cfg, releases.SourceOptions{}); err == nil {
		rels = routing.NewCatalogue(all, cfg.Location).Releases() // newest first, as the generator has always had them
	}
	gen := mailgen.NewGenerator(42, rels, cfg)
	var size int64
	for done := 0; done < n; {
		k := min(2000, n-done)
		batch := make([][]byte, k)
		for i := range batch {
			batch[i] = gen.Next(time.Now(), cfg.Location)
			size += int64(len(batch[i]))
		}
		if err := im.SeedMaildir("INBOX", batch); err != nil {
			return err
		}
		done += k
	}
	fmt.Printf("seeded %d messages (%.1f MB) into INBOX; mediadesk serve ingests them...\n", n, float64(size)/1e6)
	serve := exec.Command(bin, "serve", "--config", cfgPath, "--listen", "-")
	serve.Env = env
	logf, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		return err
	}
	serve.Stdout, serve.Stderr = logf, logf
	serve.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	start := time.Now()
	if err := serve.Start(); err != nil {
		return err
	}
	for committed(ctx, st) < int64(n) {
		if time.Since(start) > 15*time.Minute {
			_ = serve.Process.Kill()
			return fmt.Errorf("serve did not ingest the backlog (see %s)", logf.Name())
		}
		time.Sleep(20 * time.Millisecond)
	}
	fmt.Printf("serve: %d committed in %s\n", n, time.Since(start).Round(time.Millisecond))
	time.Sleep(2 * time.Second) // the last batch flagged
	_ = serve.Process.Signal(syscall.SIGTERM)
	_ = serve.Wait()
	before, err := st.Count(ctx)
	if err != nil {
		return err
	}
	evRDB, stream := st.EventStream()
	events, _ := evRDB.XLen(ctx, stream).Result()
	fmt.Printf("before the loss: %d enquiries, %d events\n", before, events)

	// 2. The loss.
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		return err
	}
	fmt.Println("FLUSHALL")

	// 3 and 4. Reindex, twice.
	for round := 1; round <= 2; round++ {
		cmd := exec.Command(bin, "reindex", "--config", cfgPath)
		cmd.Env = env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("reindex: %v\n%s", err, errb.String())
		}
		took := time.Since(t0)
		var res struct {
			Messages int            `json:"messages"`
			Outcomes map[string]int `json:"outcomes"`
		}
		_ = json.Unmarshal(out.Bytes(), &res)
		after, _ := st.Count(ctx)
		fmt.Printf("reindex #%d: %d messages in %s = %.0f msg/s (process wall time, config load and IMAP login included); outcomes %v; %d enquiries in Redis\n",
			round, res.Messages, took.Round(time.Millisecond), float64(res.Messages)/took.Seconds(), res.Outcomes, after)
		if round == 1 {
			fmt.Printf("progress lines (stderr, not a terminal):\n%s", errb.String())
			if after != before {
				return fmt.Errorf("reindex gave %d enquiries back, want %d", after, before)
			}
		}
	}
	q, _ := sla.NewDeliverer(st, cfg, nil, nil).Pending(ctx)
	c, _ := outbound.Totals(ctx, st)
	ob := c.Queued + c.Sending + c.Retrying + c.Sent + c.Failed + c.Suppressed
	fmt.Printf("queued by the reindexes: %d SLA notices, %d outbox jobs\n", q, ob)
	return nil
}

// committed counts the messages recorded for the bench folder.
func committed(ctx context.Context, st *store.Store) int64 {
	fs, err := st.FolderStats(ctx, [][2]string{{"bench", "INBOX"}})
	if err != nil {
		return 0
	}
	return fs[0].Messages
}

// writeConfig writes the bench desk (bench/ingest's, with the shared
// example releases when present).
func writeConfig(dir string, im *servers.IMAP) (string, *config.Config, error) {
	relFile := filepath.Join("..", "shared", "data", "releases.jsonl")
	if _, err := os.Stat(relFile); err != nil {
		relFile = filepath.Join(dir, "releases.jsonl")
		if err := os.WriteFile(relFile, []byte(`{"id":"r1","title":"Bench release","url":"https://example.gov.uk/r1","published":"2026-01-01","topics":["general"],"body":"Bench."}`+"\n"), 0o600); err != nil {
			return "", nil, err
		}
	}
	abs, _ := filepath.Abs(relFile)
	conf := mailgen.BenchDesk(im.Addr, im.Username, abs)
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
