// Package app assembles a running desk from its parts: the store over
// Redis, the release catalogue and router, one ingest worker per watched
// mailbox folder (each under a Redis lease so only one replica polls it),
// and the HTTP server. `mediadesk serve` and `mediadesk demo` both run a
// Desk; they differ only in where Redis, IMAP and SMTP come from.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/inbox"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

// Options configure a Desk.
type Options struct {
	Config *config.Config
	Redis  redis.UniversalClient
	// Listen is the HTTP address ("" means Config.Web.Listen; "-" means
	// no HTTP server).
	Listen string
	Logger *slog.Logger
	Clock  clock.Clock
	// Secret reads a secret from the environment variable it names
	// (default config.Secret).
	Secret func(env string) string
	// OnOutcome is told about every committed message.
	OnOutcome func(o store.Outcome, in *store.Incoming)
	// Mux, if set, is given the HTTP mux to add routes to (the demo adds
	// its pages).
	Mux func(mux *http.ServeMux)
}

// Desk is a running desk.
type Desk struct {
	opts    Options
	log     *slog.Logger
	Store   *store.Store
	Router  *routing.Router
	refresh *routing.Refresher
	workers []*inbox.Worker
	out     *outbound.Service
	sla     *sla.Service
	// auths is how each mailbox and the SMTP server sign in (passwords,
	// OAuth2 token caches), shared by a mailbox's workers.
	auths *mailauth.Set

	// components run alongside the workers (outbound mail, SLA sweeps);
	// routes add HTTP endpoints. Filled by the setup functions in New.
	components []component
	routes     []func(mux *http.ServeMux)

	mu       sync.Mutex
	httpAddr string
	ready    chan struct{}
}

// component is a long-running part of the desk.
type component struct {
	name string
	run  func(ctx context.Context) error
}

// addComponent registers a part to run until the desk stops.
func (d *Desk) addComponent(name string, run func(ctx context.Context) error) {
	d.components = append(d.components, component{name, run})
}

// addRoutes registers HTTP endpoints.
func (d *Desk) addRoutes(f func(mux *http.ServeMux)) { d.routes = append(d.routes, f) }

// New builds a desk: it checks Redis, loads the release catalogue and
// prepares a worker per watched folder. Nothing runs until Run.
func New(ctx context.Context, o Options) (*Desk, error) {
	if o.Config == nil || o.Redis == nil {
		return nil, errors.New("app: Config and Redis are required")
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Secret == nil {
		o.Secret = config.Secret
	}
	if o.Listen == "" {
		o.Listen = o.Config.Web.Listen
	}
	cfg := o.Config
	d := &Desk{opts: o, log: o.Logger, ready: make(chan struct{})}
	auths, err := mailauth.NewSet(cfg, mailauth.Options{Secret: o.Secret})
	if err != nil {
		return nil, fmt.Errorf("mail sign-in: %w", err)
	}
	d.auths = auths
	d.Store = store.New(o.Redis, store.ConfigOptions(cfg, o.Clock))
	if err := waitRedis(ctx, d.Store, o.Logger); err != nil {
		return nil, err
	}
	if err := checkKeyPrefix(ctx, d.Store, cfg); err != nil {
		return nil, err
	}
	router, err := routing.NewRouter(cfg, nil)
	if err != nil {
		return nil, fmt.Errorf("routing: %w", err)
	}
	d.Router = router
	d.refresh = routing.NewRefresher(cfg, router, routing.RefresherOptions{
		Store: routing.NewReleaseStore(o.Redis, cfg.Redis.KeyPrefix),
		Log:   o.Logger.With("component", "releases"),
	})
	if err := d.refresh.Init(ctx); err != nil {
		return nil, fmt.Errorf("release catalogue: %w", err)
	}
	o.Logger.Info("release catalogue loaded", "releases", router.Catalogue().Len())

	ingest := &inbox.Ingest{
		Store:      d.Store,
		Router:     &Router{Config: cfg, Router: router, Clock: o.Clock},
		MaxSize:    cfg.Ingest.MaxMessageSize,
		WarnBefore: cfg.SLA.WarnBefore,
		OnOutcome:  o.OnOutcome,
	}
	for i := range cfg.Mailboxes {
		mb := &cfg.Mailboxes[i]
		dialer := inbox.NewDialer(mb, d.auths.Mailbox(mb.ID))
		for _, folder := range mb.Folders {
			wc := inbox.Config{
				Mailbox: mb.ID, Folder: folder,
				Dial: dialer.Dial, CredentialsExpiry: dialer.Expiry,
				Store: d.Store, Handler: ingest,
				Mark: inbox.MarkKeyword, Keyword: cfg.Ingest.Keyword,
				UseIdle: mb.UseIdle(), PollInterval: cfg.Ingest.PollInterval,
				MaxSize: cfg.Ingest.MaxMessageSize,
				Logger:  o.Logger.With("component", "inbox"),
			}
			if mb.ProcessedFolder != "" {
				wc.Mark, wc.MoveTo = inbox.MarkMove, mb.ProcessedFolder
			}
			w, err := inbox.NewWorker(wc)
			if err != nil {
				return nil, err
			}
			d.workers = append(d.workers, w)
		}
	}
	if err := d.setupOutbound(ctx); err != nil {
		return nil, fmt.Errorf("outbound mail: %w", err)
	}
	if err := d.setupSLA(ctx); err != nil {
		return nil, fmt.Errorf("sla: %w", err)
	}
	return d, nil
}

// waitRedis pings until Redis answers or ctx ends, so a desk started
// before its Redis waits instead of failing.
func waitRedis(ctx context.Context, s *store.Store, log *slog.Logger) error {
	delay := 250 * time.Millisecond
	for {
		err := s.Ping(ctx)
		if err == nil {
			return nil
		}
		log.Warn("waiting for Redis", "err", err)
		select {
		case <-ctx.Done():
			return fmt.Errorf("redis never answered: %w", err)
		case <-time.After(delay):
		}
		delay = min(delay*2, 10*time.Second)
	}
}

// HTTPAddr is the address the HTTP server listens on, once Ready.
func (d *Desk) HTTPAddr() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.httpAddr
}

// Ready is closed once the HTTP server listens (or immediately without one).
func (d *Desk) Ready() <-chan struct{} { return d.ready }

// Workers are the ingest workers, one per watched folder.
func (d *Desk) Workers() []*inbox.Worker { return d.workers }

// Run runs everything until ctx ends.
func (d *Desk) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 8+len(d.workers)+len(d.components))
	run := func(name string, fn func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(ctx); err != nil && ctx.Err() == nil {
				d.log.Error("component stopped", "component", name, "err", err)
				errs <- fmt.Errorf("%s: %w", name, err)
				cancel()
			}
		}()
	}
	run("releases", func(ctx context.Context) error {
		if err := d.refresh.Start(ctx); err != nil {
			return err
		}
		<-ctx.Done()
		d.refresh.Stop()
		return nil
	})
	for i, w := range d.workers {
		cfgMb := d.workerName(i)
		lease := d.Store.NewLease("ingest:"+cfgMb, d.opts.Config.Ingest.LeaseTTL)
		run("ingest "+cfgMb, func(ctx context.Context) error {
			for ctx.Err() == nil {
				err := lease.Hold(ctx, w.Run)
				if ctx.Err() == nil {
					d.log.Warn("mailbox lease lost; waiting to take it again", "folder", cfgMb, "err", err)
				}
			}
			return nil
		})
	}
	for _, c := range d.components {
		run(c.name, c.run)
	}
	if d.opts.Listen != "-" {
		run("http", d.serveHTTP)
	} else {
		close(d.ready)
	}
	wg.Wait()
	close(errs)
	return <-errs
}

func (d *Desk) workerName(i int) string {
	n := 0
	for _, mb := range d.opts.Config.Mailboxes {
		for _, f := range mb.Folders {
			if n == i {
				return mb.ID + ":" + f
			}
			n++
		}
	}
	return fmt.Sprint(i)
}

func (d *Desk) serveHTTP(ctx context.Context) error {
	handler, err := d.handler(ctx)
	if err != nil {
		close(d.ready)
		return err
	}
	ln, err := net.Listen("tcp", d.opts.Listen)
	if err != nil {
		close(d.ready)
		return fmt.Errorf("listen %s: %w", d.opts.Listen, err)
	}
	d.mu.Lock()
	d.httpAddr = ln.Addr().String()
	d.mu.Unlock()
	close(d.ready)
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
	d.log.Info("HTTP listening", "addr", d.httpAddr)
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
