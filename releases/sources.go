package releases

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/redact"
	"github.com/mediadesk/mediadesk/releases/release"
)

// SourceOptions tune LoadSources.
type SourceOptions struct {
	// Feeds fetches the feed sources too; otherwise only files are read
	// (a dry run needs no network).
	Feeds bool
	// Fetcher fetches feeds (nil: a default FeedFetcher).
	Fetcher *FeedFetcher
	// Log receives warnings (bad lines, unreachable feeds); nil discards.
	Log *slog.Logger
}

// LoadSources reads the catalogue named by cfg.releases.sources: every
// JSON Lines file (relative to the config) and, with opts.Feeds, every
// feed. Bad lines and failed feeds are logged and skipped; an unreadable
// file is an error.
func LoadSources(cfg *config.Config, opts SourceOptions) ([]Release, error) {
	return loadSources(context.Background(), cfg, opts)
}

func loadSources(ctx context.Context, cfg *config.Config, opts SourceOptions) ([]Release, error) {
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	var all []Release
	for i, src := range cfg.Releases.Sources {
		switch {
		case src.File != "":
			rels, err := readReleaseFile(cfg.Resolve(src.File))
			var le release.LineErrors
			if errors.As(err, &le) {
				for _, e := range le {
					log.Warn("skipping a bad release line", "file", src.File, "line", e.Line, "error", e.Err)
				}
				err = nil
			}
			if err != nil {
				return nil, fmt.Errorf("releases.sources[%d]: %w", i, err)
			}
			all, _ = release.Merge(all, rels)
		case src.Feed != "" && opts.Feeds:
			f := opts.Fetcher
			if f == nil {
				f = &FeedFetcher{}
			}
			res, err := f.Fetch(ctx, src.Feed, src.Topics)
			if err != nil {
				log.Warn("feed not loaded", "feed", redact.URL(src.Feed), "error", err)
				continue
			}
			all, _ = release.Merge(all, res.Releases)
		case src.Feed != "":
			log.Info("feed not fetched in this mode", "feed", redact.URL(src.Feed))
		}
	}
	return all, nil
}

func readReleaseFile(path string) ([]Release, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening releases: %w", err)
	}
	defer f.Close()
	rels, err := release.LoadJSONL(f)
	for i := range rels {
		if rels[i].Source == "" {
			rels[i].Source = path
		}
	}
	if err != nil {
		var le release.LineErrors
		if errors.As(err, &le) {
			return rels, err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rels, nil
}

// Catalogue is where a Refresher keeps the releases the desk routes
// against: routing's Router (Router.ReleaseCatalogue) builds an indexed
// snapshot of them and swaps it in.
type Catalogue interface {
	// Current returns the releases of the current snapshot, in their
	// order; the caller must not modify them.
	Current() []Release
	// Replace builds a snapshot of rels and swaps it in.
	Replace(rels []Release)
}

// Refresher keeps a Catalogue current: it refetches each feed on
// its cron schedule (read in the desk's time zone), merges new and changed
// releases into a new snapshot and swaps it in, writes the changes to the
// Store when there is one, and — so that every replica sees changes
// made by the others and lines to take edited on the dashboard — polls the
// store's version and reloads when it moves. Routing never waits for any of
// this: snapshots are built aside and swapped atomically.
type Refresher struct {
	cfg     *config.Config
	cat     Catalogue
	store   *Store
	fetcher *FeedFetcher
	log     *slog.Logger
	poll    time.Duration

	mu      sync.Mutex // serialises catalogue updates
	version int64      // the store version the catalogue reflects
	cron    *cron.Cron
	cancel  context.CancelFunc
	done    chan struct{}
}

// RefresherOptions tune a Refresher.
type RefresherOptions struct {
	// Store shares the catalogue through Redis (nil: this process only).
	Store *Store
	// Fetcher fetches feeds (nil: a default FeedFetcher).
	Fetcher *FeedFetcher
	// PollInterval is how often the store's version is checked (default 5s).
	PollInterval time.Duration
	Log          *slog.Logger
}

// NewRefresher returns a refresher for cat.
func NewRefresher(cfg *config.Config, cat Catalogue, opts RefresherOptions) *Refresher {
	r := &Refresher{cfg: cfg, cat: cat, store: opts.Store, fetcher: opts.Fetcher, log: opts.Log, poll: opts.PollInterval}
	if r.fetcher == nil {
		r.fetcher = &FeedFetcher{UserAgent: "mediadesk (+" + cfg.Desk.Address + ")"}
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	if r.poll <= 0 {
		r.poll = 5 * time.Second
	}
	return r
}

// Init loads the files (and feeds) into the store, then the store into the
// router, so a starting replica sees what the others have (lines to take
// included). Without a store it loads the sources into the router.
func (r *Refresher) Init(ctx context.Context) error {
	rels, err := loadSources(ctx, r.cfg, SourceOptions{Feeds: true, Fetcher: r.fetcher, Log: r.log})
	if err != nil {
		return err
	}
	if r.store == nil {
		r.cat.Replace(rels)
		return nil
	}
	if _, err := r.store.Put(ctx, rels); err != nil {
		return err
	}
	return r.Sync(ctx, true)
}

// Sync reloads the catalogue from the store when its version moved (or
// always, with force).
func (r *Refresher) Sync(ctx context.Context, force bool) error {
	if r.store == nil {
		return nil
	}
	v, err := r.store.Version(ctx)
	if err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !force && v == r.version {
		return nil
	}
	rels, v, err := r.store.All(ctx)
	if err != nil && len(rels) == 0 {
		return err
	}
	if err != nil {
		r.log.Warn("some stored releases are unreadable", "error", err)
	}
	r.cat.Replace(rels)
	r.version = v
	return nil
}

// RefreshFeed fetches feed source i and applies what changed; it returns
// the number of releases added or changed.
func (r *Refresher) RefreshFeed(ctx context.Context, i int) (int, error) {
	src := r.cfg.Releases.Sources[i]
	res, err := r.fetcher.Fetch(ctx, src.Feed, src.Topics)
	if err != nil {
		return 0, err
	}
	if res.NotModified {
		return 0, nil
	}
	return r.Apply(ctx, res.Releases)
}

// Apply merges releases into the catalogue (and the store) and returns
// how many were added or changed.
func (r *Refresher) Apply(ctx context.Context, rels []Release) (int, error) {
	r.mu.Lock()
	merged, changed := release.Merge(r.cat.Current(), rels)
	if len(changed) > 0 {
		r.cat.Replace(merged)
	}
	r.mu.Unlock()
	if len(changed) == 0 || r.store == nil {
		return len(changed), nil
	}
	if _, err := r.store.Put(ctx, changed); err != nil {
		return len(changed), err
	}
	return len(changed), r.Sync(ctx, false)
}

// Start schedules the feeds and the store polling until ctx ends or Stop.
func (r *Refresher) Start(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	c := cron.New(cron.WithLocation(r.cfg.Location), cron.WithParser(config.CronParser))
	for i, src := range r.cfg.Releases.Sources {
		if src.Feed == "" {
			continue
		}
		spec := src.Schedule
		if spec == "" {
			spec = "*/15 * * * *"
		}
		i, feed := i, redact.URL(src.Feed)
		if _, err := c.AddFunc(spec, func() {
			n, err := r.RefreshFeed(ctx, i)
			if err != nil {
				r.log.Warn("feed refresh failed", "feed", feed, "error", err)
				return
			}
			if n > 0 {
				r.log.Info("feed refreshed", "feed", feed, "changed", n)
			}
		}); err != nil {
			cancel()
			return fmt.Errorf("releases.sources[%d].schedule %q: %w", i, spec, err)
		}
	}
	r.cron, r.cancel, r.done = c, cancel, make(chan struct{})
	c.Start()
	go func() {
		defer close(r.done)
		if r.store == nil {
			<-ctx.Done()
			return
		}
		t := time.NewTicker(r.poll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := r.Sync(ctx, false); err != nil && ctx.Err() == nil {
					r.log.Warn("catalogue sync failed", "error", err)
				}
			}
		}
	}()
	return nil
}

// Stop ends the schedule and waits for a running refresh to finish.
func (r *Refresher) Stop() {
	if r.cron == nil {
		return
	}
	r.cancel()
	<-r.cron.Stop().Done()
	<-r.done
}
