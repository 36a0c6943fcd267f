package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/store"
)

// statusOutput is what `mediadesk status` prints: ingestion per folder
// and in total, the open count, the newest quarantine entries, and the
// outbox (acknowledgements, alerts, replies) with its newest failures.
type statusOutput struct {
	*store.IngestStatus
	Outbox         outbound.Counts `json:"outbox"`
	OutboxFailures []*outbound.Job `json:"outbox_failures"`
}

func cmdStatus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("config", "", "desk config (desk.yaml)")
	quarantine := fs.Int("quarantine", 20, "how many of the newest quarantine entries to list")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *path == "" || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: mediadesk status --config FILE [--quarantine N]")
		return 2
	}
	cfg, err := loadConfig(*path, false, stderr)
	if err != nil {
		return 1
	}
	url := config.Secret(cfg.Redis.URLEnv)
	if url == "" {
		fmt.Fprintf(stderr, "mediadesk status reads the desk's Redis: set %s to its URL (the demo prints it)\n", cfg.Redis.URLEnv)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	rdb, err := app.ConnectRedis(ctx, url)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer rdb.Close()
	st := store.New(rdb, store.Options{Prefix: cfg.Redis.KeyPrefix, RefPrefix: cfg.Desk.ReferencePrefix, Location: cfg.Location})
	s, err := st.IngestStatus(ctx, store.WatchedFolders(cfg), *quarantine)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	out := statusOutput{IngestStatus: s}
	if out.Outbox, err = outbound.Totals(ctx, st); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if out.OutboxFailures, err = outbound.Failures(ctx, st, 10); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if out.OutboxFailures == nil {
		out.OutboxFailures = []*outbound.Job{}
	}
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
