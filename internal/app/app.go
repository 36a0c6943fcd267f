// Package app assembles a running desk from its parts: the store over
// Redis, the release catalogue and router, one ingest worker per watched
// mailbox folder (each under a Redis lease so only one replica polls it),
// and the HTTP server. `mediadesk serve` and `mediadesk demo` both run a
// Desk; they differ only in where Redis, IMAP and SMTP come from.
//
// What the configuration file decides live — topics, officers, rota, SLA
// policies, outlets, releases, templates — lives in a generation (routing,
// outbound mail, SLA, the dashboard handler) that Reload rebuilds and swaps
// whole; what it cannot change live (listen addresses, mailboxes, Redis)
// is reported as needing a restart. Run stops gracefully: IDLE and new
// work stop at once, work in flight gets ops.shutdown_timeout.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/inbox"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/lifecycle"
	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/internal/ops"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
	"github.com/mediadesk/mediadesk/web"
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
	// OutboxClaimAfter is how long mail claimed by a sender that died
	// waits before another sends it (default outbound's 2m; the scale
	// tests shorten it).
	OutboxClaimAfter time.Duration
	// Mux, if set, is given the HTTP mux to add routes to (the demo adds
	// its pages).
	Mux func(mux *http.ServeMux)
	// OpsListen is the operations listener's address ("" means
	// Config.Ops.Listen; "-" or "off" means none).
	OpsListen string
	// LoadConfig reads the configuration again for Reload (SIGHUP, the
	// admin page); nil means this desk cannot reload.
	LoadConfig func() (*config.Config, error)
	// ReconnectMax caps a mailbox worker's reconnect backoff (default 1m);
	// /readyz fails for a folder disconnected longer than twice it.
	ReconnectMax time.Duration
}

// Desk is a running desk.
type Desk struct {
	opts  Options
	log   *slog.Logger
	Store *store.Store
	// Router is the router the desk started with; CurrentRouter follows
	// reloads.
	Router  *routing.Router
	workers []*inbox.Worker
	// held[i] is set while this replica holds worker i's lease; since[i]
	// is when it took it (unix ns).
	held    []atomic.Bool
	since   []atomic.Int64
	metrics *ops.Metrics
	// auths is how each mailbox and the SMTP server sign in (passwords,
	// OAuth2 token caches), shared by a mailbox's workers and kept across
	// reloads.
	auths *mailauth.Set

	// gen is the live generation: everything the config decides live.
	gen      atomic.Pointer[generation]
	reloadMu sync.Mutex
	run      runState
	reloadSt atomic.Pointer[ReloadStatus]

	mu       sync.Mutex
	httpAddr string
	opsAddr  string
	ready    chan struct{}
}

// generation is what one configuration builds: the router and its release
// refresher, outbound mail, SLA, and the HTTP endpoints they add.
type generation struct {
	cfg     *config.Config
	router  *routing.Router
	refresh *releases.Refresher
	out     *outbound.Service
	sla     *sla.Service
	// components run alongside the workers (outbound mail, SLA sweeps);
	// routes add HTTP endpoints. Filled by the setup functions.
	components []component
	routes     []func(mux *http.ServeMux)
	handler    http.Handler
	web        *web.Server
	hours      *sla.Hours
	// stop ends the components; wg waits for them.
	stop context.CancelFunc
	wg   sync.WaitGroup
}

// component is a long-running part of the desk.
type component struct {
	name string
	run  func(ctx context.Context) error
}

// addComponent registers a part to run until the generation stops.
func (g *generation) addComponent(name string, run func(ctx context.Context) error) {
	g.components = append(g.components, component{name, run})
}

// addRoutes registers HTTP endpoints.
func (g *generation) addRoutes(f func(mux *http.ServeMux)) { g.routes = append(g.routes, f) }

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
	if o.ReconnectMax <= 0 {
		o.ReconnectMax = time.Minute
	}
	if o.OpsListen == "" {
		o.OpsListen = o.Config.Ops.Listen
		if o.Listen == "-" {
			o.OpsListen = "-"
		} else if _, port, err := net.SplitHostPort(o.Listen); err == nil && port == "0" {
			// Tests and side-by-side demos: a free port, like the dashboard's.
			o.OpsListen = "127.0.0.1:0"
		}
	}
	cfg := o.Config
	d := &Desk{opts: o, log: o.Logger, ready: make(chan struct{}), metrics: ops.NewMetrics(o.Clock, o.Logger)}
	auths, err := mailauth.NewSet(cfg, mailauth.Options{Secret: o.Secret})
	if err != nil {
		return nil, fmt.Errorf("mail sign-in: %w", err)
	}
	d.auths = auths
	stOpts := store.ConfigOptions(cfg, o.Clock)
	stOpts.WaitReplicas = cfg.Redis.ReplicasToWait(IsSentinelClient(o.Redis))
	if _, cluster := o.Redis.(*redis.ClusterClient); cluster && stOpts.WaitReplicas > 0 {
		return nil, errors.New("redis.wait_replicas: not supported on a Redis Cluster (a key-less WAIT does not reach the desk's master); set it to 0")
	}
	d.Store = store.New(o.Redis, stOpts)
	if err := waitRedis(ctx, d.Store, o.Logger); err != nil {
		return nil, err
	}
	if err := checkKeyPrefix(ctx, d.Store, cfg); err != nil {
		return nil, err
	}
	g, err := d.build(ctx, cfg, nil)
	if err != nil {
		return nil, err
	}
	d.gen.Store(g)
	d.Router = g.router

	ingest := &inbox.Ingest{
		Store:      d.Store,
		Router:     liveRouter{d},
		MaxSize:    cfg.Ingest.MaxMessageSize,
		WarnBefore: cfg.SLA.WarnBefore,
		OnOutcome: func(out store.Outcome, in *store.Incoming) {
			d.metrics.ObserveOutcome(out.Kind, in.Received)
			if o.OnOutcome != nil {
				o.OnOutcome(out, in)
			}
		},
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
				MaxSize: cfg.Ingest.MaxMessageSize, MaxBackoff: o.ReconnectMax,
				Logger: o.Logger.With("component", "inbox"),
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
	d.held = make([]atomic.Bool, len(d.workers))
	d.since = make([]atomic.Int64, len(d.workers))
	d.setupMetrics()
	return d, nil
}

// build makes a generation from cfg: router and release catalogue,
// outbound mail, SLA, and the dashboard handler. Nothing runs yet. prev,
// when set, is the generation it will replace (its catalogue serves until
// the new one is loaded).
func (d *Desk) build(ctx context.Context, cfg *config.Config, prev *generation) (*generation, error) {
	var cat *routing.Catalogue
	if prev != nil {
		cat = prev.router.Catalogue()
	}
	router, err := routing.NewRouter(cfg, cat)
	if err != nil {
		return nil, fmt.Errorf("routing: %w", err)
	}
	g := &generation{cfg: cfg, router: router}
	g.refresh = releases.NewRefresher(cfg, router.ReleaseCatalogue(), releases.RefresherOptions{
		Store: releases.NewStore(d.opts.Redis, cfg.Redis.KeyPrefix),
		Log:   d.log.With("component", "releases"),
	})
	if err := g.refresh.Init(ctx); err != nil {
		return nil, fmt.Errorf("release catalogue: %w", err)
	}
	d.log.Info("release catalogue loaded", "releases", router.Catalogue().Len())
	g.addComponent("releases", func(ctx context.Context) error {
		if err := g.refresh.Start(ctx); err != nil {
			return err
		}
		<-ctx.Done()
		g.refresh.Stop()
		return nil
	})
	if err := d.setupOutbound(ctx, g); err != nil {
		return nil, fmt.Errorf("outbound mail: %w", err)
	}
	if err := d.setupSLA(ctx, g); err != nil {
		return nil, fmt.Errorf("sla: %w", err)
	}
	if g.hours, err = sla.NewHours(cfg); err != nil {
		return nil, fmt.Errorf("desk hours: %w", err)
	}
	if d.opts.Listen != "-" {
		if g.handler, err = d.handler(g); err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
	}
	return g, nil
}

// Web is the live dashboard server (nil when the desk serves no HTTP).
func (d *Desk) Web() *web.Server { return d.gen.Load().web }

// CurrentRouter is the live router (it changes on Reload).
func (d *Desk) CurrentRouter() *routing.Router { return d.gen.Load().router }

// Config is the live configuration (it changes on Reload).
func (d *Desk) Config() *config.Config { return d.gen.Load().cfg }

// liveRouter routes with the live generation's router and config.
type liveRouter struct{ d *Desk }

func (l liveRouter) r() *Router {
	g := l.d.gen.Load()
	return &Router{Config: g.cfg, Router: g.router, Clock: l.d.opts.Clock}
}
func (l liveRouter) Officers() []string                          { return l.r().Officers() }
func (l liveRouter) Route(in *store.Incoming)                    { l.r().Route(in) }
func (l liveRouter) Assign(in *store.Incoming, load *store.Load) { l.r().Assign(in, load) }
func (l liveRouter) Own(addr string) bool                        { return l.r().Own(addr) }

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

// Run runs everything until ctx ends, then stops gracefully: IDLE, new
// work and the listeners stop at once; commits and deliveries in flight
// get ops.shutdown_timeout to finish, after which they are abandoned (and
// replayed safely on the next start). It logs how the stop went.
func (d *Desk) Run(ctx context.Context) error {
	var opsLn net.Listener
	if d.opts.OpsListen != "-" && d.opts.OpsListen != config.OpsOff {
		var err error
		if opsLn, err = d.listenOps(); err != nil {
			close(d.ready)
			return err
		}
	}
	bound := d.opts.Config.Ops.ShutdownTimeout
	if bound <= 0 {
		bound = 20 * time.Second
	}
	hard, cancelHard := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHard()
	ctx, cancel := context.WithCancel(lifecycle.WithHard(ctx, hard))
	defer cancel()
	stopping := make(chan time.Time, 1)
	go func() {
		<-ctx.Done()
		stopping <- time.Now()
		d.log.Info("stopping: IDLE and new work stopped; finishing commits and sends in flight", "bound", bound)
		select {
		case <-hard.Done():
		case <-time.After(bound):
			d.log.Warn("shutdown bound reached: abandoning work still in flight (it is replayed on the next start)", "bound", bound)
			cancelHard()
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan error, 16+len(d.workers)+len(d.gen.Load().components))
	run := func(wg *sync.WaitGroup, ctx context.Context, name string, fn func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fn(ctx); err != nil && ctx.Err() == nil {
				d.log.Error("component stopped", "component", name, "err", err)
				select {
				case errs <- fmt.Errorf("%s: %w", name, err):
				default:
				}
				cancel()
			}
		}()
	}
	d.run.mu.Lock()
	d.run.ctx, d.run.start = ctx, func(ctx context.Context, name string, fn func(context.Context) error, wg *sync.WaitGroup) {
		run(wg, ctx, name, fn)
	}
	d.startGeneration(d.gen.Load())
	d.run.mu.Unlock()
	for i, w := range d.workers {
		cfgMb := d.workerName(i)
		lease := d.Store.NewLease("ingest:"+cfgMb, d.opts.Config.Ingest.LeaseTTL)
		run(&wg, ctx, "ingest "+cfgMb, func(ctx context.Context) error {
			for ctx.Err() == nil {
				err := lease.Hold(ctx, func(ctx context.Context) error {
					d.since[i].Store(time.Now().UnixNano())
					d.held[i].Store(true)
					defer d.held[i].Store(false)
					return w.Run(ctx)
				})
				if ctx.Err() == nil {
					d.log.Warn("mailbox lease lost; waiting to take it again", "folder", cfgMb, "err", err)
				}
			}
			return nil
		})
	}
	if d.opts.Listen != "-" {
		run(&wg, ctx, "http", d.serveHTTP)
	} else {
		close(d.ready)
	}
	if opsLn != nil {
		run(&wg, ctx, "ops", func(ctx context.Context) error {
			return ops.Serve(ctx, opsLn, ops.Handler(d.metrics, d.Readiness()), d.log)
		})
	}
	run(&wg, ctx, "metrics events", func(ctx context.Context) error {
		_, events := d.Store.EventStream()
		return ops.TailSLA(ctx, d.opts.Redis, events, d.metrics, d.log)
	})
	all := make(chan struct{})
	go func() {
		wg.Wait()
		d.reloadMu.Lock() // no reload starts a generation from here on
		g := d.gen.Load()
		d.reloadMu.Unlock()
		g.wg.Wait()
		close(all)
	}()
	select {
	case <-all:
	case <-afterHard(hard, 3*time.Second):
		// A part ignores its context (a hung connection): the bound holds
		// anyway; what it was doing is replayed on the next start.
		d.log.Error("parts of the desk did not stop within the shutdown bound; leaving them", "bound", bound)
	}
	cancel()
	t := <-stopping
	if hard.Err() == nil {
		d.log.Info("stopped cleanly", "took", time.Since(t).Round(time.Millisecond))
	}
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// afterHard fires grace after hard ends.
func afterHard(hard context.Context, grace time.Duration) <-chan struct{} {
	c := make(chan struct{})
	go func() {
		<-hard.Done()
		time.Sleep(grace)
		close(c)
	}()
	return c
}

// runState is what Reload needs to start a generation's components.
type runState struct {
	mu    sync.Mutex
	ctx   context.Context
	start func(ctx context.Context, name string, fn func(context.Context) error, wg *sync.WaitGroup)
}

// startGeneration runs g's components under a context of their own, so a
// reload can stop them without stopping the desk. d.run.mu is held.
func (d *Desk) startGeneration(g *generation) {
	ctx, cancel := context.WithCancel(d.run.ctx)
	g.stop = cancel
	for _, c := range g.components {
		d.run.start(ctx, c.name, c.run, &g.wg)
	}
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
	// The live generation's handler serves each request.
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d.gen.Load().handler.ServeHTTP(w, r)
	})
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
	return ops.ServeUntil(ctx, srv, ln, 5*time.Second)
}
