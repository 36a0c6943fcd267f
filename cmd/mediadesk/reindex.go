package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/recovery"
)

// cmdReindex rebuilds enquiries from the mailboxes into Redis (package
// recovery): `mediadesk reindex --config FILE [--since DATE]`.
func cmdReindex(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("config", "", "desk config (desk.yaml)")
	since := fs.String("since", "", "only messages that arrived on or after this day (YYYY-MM-DD): to repair a damaged Redis whose older enquiries are intact")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *path == "" || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: mediadesk reindex --config FILE [--since YYYY-MM-DD]")
		return 2
	}
	if *since != "" {
		if _, err := time.Parse("2006-01-02", *since); err != nil {
			fmt.Fprintf(stderr, "--since %q: want a day, YYYY-MM-DD\n", *since)
			return 2
		}
	}
	cfg, err := loadConfig(*path, true, stderr)
	if err != nil {
		return 1
	}
	var sinceDay time.Time
	if *since != "" {
		sinceDay, _ = time.ParseInLocation("2006-01-02", *since, cfg.Location)
	}
	url := config.Secret(cfg.Redis.URLEnv)
	if url == "" {
		fmt.Fprintf(stderr, "mediadesk reindex writes to the desk's Redis: set %s to its URL\n", cfg.Redis.URLEnv)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rdb, err := app.ConnectRedis(ctx, url)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer rdb.Close()
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	res, err := recovery.Run(ctx, recovery.Options{Config: cfg, Redis: rdb, Since: sinceDay, Logger: log,
		Progress: newProgress(stderr)})
	if err != nil {
		fmt.Fprintf(stderr, "reindex: %v\n", err)
		fmt.Fprintln(stderr, "Nothing was sent. Running it again is safe: what is already in Redis is skipped.")
		return 1
	}
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(res); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stderr, "reindex: %d messages in %s (%.0f msg/s); %d new enquiries, %d already in Redis; %d Sent messages; %d references restored; %d left for serve. Nothing was sent.\n",
		res.Messages, res.Took.Round(time.Millisecond), float64(res.Messages)/max(res.Took.Seconds(), 1e-3),
		res.Outcomes["enquiry"], res.Outcomes["dup-source"]+res.Outcomes["dup-message-id"], len(res.Sent), res.RefsRestored, res.Left)
	return 0
}

// newProgress is a progress bar with an estimate on a terminal, plain
// progress lines (at most one every 5 s, and at the end) otherwise.
func newProgress(w io.Writer) recovery.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{w: w}
	}
	return &lineProgress{w: w, every: 5 * time.Second}
}

type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(total int) {
	p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription("reindex"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("msg"),
		progressbar.OptionSetPredictTime(true), progressbar.OptionFullWidth(), progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(p.w) }))
}

func (p *barProgress) Add(n int) { _ = p.bar.Add(n) }

func (p *barProgress) Finish() { _ = p.bar.Finish() }

type lineProgress struct {
	w      io.Writer
	every  time.Duration
	mu     sync.Mutex
	total  int
	done   int
	start  time.Time
	logged time.Time
}

func (p *lineProgress) Start(total int) {
	p.total, p.start, p.logged = total, time.Now(), time.Now()
	fmt.Fprintf(p.w, "reindex: %d messages to read\n", total)
}

func (p *lineProgress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if time.Since(p.logged) >= p.every {
		p.logged = time.Now()
		p.line()
	}
}

func (p *lineProgress) line() {
	el := time.Since(p.start).Seconds()
	rate := float64(p.done) / max(el, 1e-3)
	pct := 100.0
	if p.total > 0 {
		pct = 100 * float64(p.done) / float64(p.total)
	}
	left := ""
	if rate > 0 && p.done < p.total {
		left = fmt.Sprintf(", about %s left", (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second))
	}
	fmt.Fprintf(p.w, "reindex: %d/%d (%.0f%%), %.0f msg/s%s\n", p.done, p.total, pct, rate, left)
}

func (p *lineProgress) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.line()
}
