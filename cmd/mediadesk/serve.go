package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/servers"
)

type serveOptions struct {
	config string
	listen string
	json   bool
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o serveOptions
	fs.StringVar(&o.config, "config", "", "desk config (desk.yaml)")
	fs.StringVar(&o.listen, "listen", "", "HTTP listen address (default web.listen, 127.0.0.1:8080)")
	fs.BoolVar(&o.json, "log-json", false, "log as JSON lines")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.config == "" || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: mediadesk serve --config FILE [--listen ADDR] [--log-json]")
		return 2
	}
	log := newLogger(stderr, o.json)
	if path := os.Getenv("MEDIADESK_CPUPROFILE"); path != "" {
		// For benchmarks: a CPU profile of the whole run.
		f, err := os.Create(path)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	cfg, err := loadConfig(o.config, true, stderr)
	if err != nil {
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rdb, closeRedis, err := openRedis(ctx, cfg, log)
	if err != nil {
		log.Error("redis", "err", err)
		return 1
	}
	defer closeRedis()
	desk, err := app.New(ctx, app.Options{Config: cfg, Redis: rdb, Listen: o.listen, Logger: log,
		LoadConfig: func() (*config.Config, error) {
			return config.Load(o.config, config.LoadOptions{CheckSecrets: true, CheckRedisURL: checkRedisURL})
		}})
	if err != nil {
		log.Error("start", "err", err)
		return 1
	}
	// SIGHUP reloads the configuration (topics, officers, rota, SLA
	// policies, outlets, releases); an invalid file is refused and logged.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				log.Info("SIGHUP: reloading the configuration", "file", o.config)
				desk.Reload(ctx)
			}
		}
	}()
	log.Info("mediadesk serving", "desk", cfg.Desk.Name, "mailboxes", len(cfg.Mailboxes), "ops", cfg.Ops.Listen,
		"shutdown_timeout", cfg.Ops.ShutdownTimeout)
	if err := desk.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		log.Error("stopped", "err", err)
		return 1
	}
	return 0
}

func newLogger(w io.Writer, json bool) *slog.Logger {
	if json {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// loadConfig loads and validates, printing every problem.
func loadConfig(path string, secrets bool, stderr io.Writer) (*config.Config, error) {
	cfg, err := config.Load(path, config.LoadOptions{CheckSecrets: secrets, CheckRedisURL: checkRedisURL})
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			fmt.Fprintf(stderr, "%s: %d problem(s):\n", path, len(es))
			for _, e := range es {
				fmt.Fprintf(stderr, "  %s\n", e)
			}
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
		}
		return nil, err
	}
	return cfg, nil
}

// openRedis connects to the Redis named by redis.url_env, or — when that
// variable is unset — starts an embedded in-memory Redis and says loudly
// that nothing will survive a restart.
func openRedis(ctx context.Context, cfg *config.Config, log *slog.Logger) (redis.UniversalClient, func(), error) {
	url := config.Secret(cfg.Redis.URLEnv)
	if url != "" {
		rdb, err := app.ConnectRedis(ctx, url)
		if err != nil {
			return nil, nil, err
		}
		return rdb, func() { rdb.Close() }, nil
	}
	mr, err := servers.StartMiniredis()
	if err != nil {
		return nil, nil, err
	}
	log.Warn("NOT DURABLE: " + cfg.Redis.URLEnv + " is not set, so enquiries are kept in an embedded in-memory Redis (miniredis) at " + mr.Addr + " and are lost when this process stops. Set it to a real Redis with appendonly yes for production.")
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr, ContextTimeoutEnabled: true})
	return rdb, func() { rdb.Close(); mr.Stop() }, nil
}
