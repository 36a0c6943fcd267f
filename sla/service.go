package sla

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/store"
)

// Options configure a Service.
type Options struct {
	Clock  clock.Clock
	Logger *slog.Logger
	// Notifier receives warnings, breaches, escalations and digests (nil:
	// LogNotifier, which only logs them).
	Notifier Notifier
	// Interval between ticks (default sla.sweep_interval, else 2s).
	Interval time.Duration
}

// Service is the desk's SLA machinery: the sweeper, the notice deliverer,
// the rollup projector, the daily digest and the reports. Every replica
// runs one; all of it is safe to run several times over one Redis.
type Service struct {
	Sweeper   *Sweeper
	Deliverer *Deliverer
	Projector *Projector
	Reports   *Reporter
	// Digest is nil when reports.digest_schedule is "off".
	Digest *Digest

	st       *store.Store
	cfg      *config.Config
	clock    clock.Clock
	log      *slog.Logger
	interval time.Duration
}

// NewService assembles the SLA parts over st.
func NewService(st *store.Store, cfg *config.Config, o Options) (*Service, error) {
	if o.Clock == nil {
		o.Clock = st.Clock()
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Interval <= 0 {
		o.Interval = cfg.SLA.SweepInterval
	}
	if o.Interval <= 0 {
		o.Interval = 2 * time.Second
	}
	log := o.Logger.With("component", "sla")
	proj, err := NewProjector(st, cfg, log)
	if err != nil {
		return nil, err
	}
	rep, err := NewReporter(st, cfg, o.Clock)
	if err != nil {
		return nil, err
	}
	dig, err := NewDigest(st, cfg, rep, log)
	if err != nil {
		return nil, err
	}
	return &Service{
		Sweeper:   NewSweeper(st, cfg, o.Clock, log),
		Deliverer: NewDeliverer(st, cfg, o.Notifier, log),
		Projector: proj,
		Reports:   rep,
		Digest:    dig,
		st:        st, cfg: cfg, clock: o.Clock, log: log, interval: o.Interval,
	}, nil
}

// TickResult is what one tick did.
type TickResult struct {
	Sweep     SweepResult
	Delivered int
	Projected int
	Digests   int
}

// Tick runs everything once at the clock's now: sweep, hand notices over,
// fold new events into the rollups, send a due digest. Each part runs even
// if an earlier one failed; the errors are joined.
func (s *Service) Tick(ctx context.Context) (TickResult, error) {
	var res TickResult
	var errs []error
	now := s.clock.Now()
	var err error
	if res.Sweep, err = s.Sweeper.SweepAt(ctx, now); err != nil {
		errs = append(errs, err)
	}
	if res.Delivered, err = s.Deliverer.Deliver(ctx, now); err != nil {
		errs = append(errs, err)
	}
	if res.Projected, err = s.Projector.CatchUp(ctx); err != nil {
		errs = append(errs, err)
	}
	if s.Digest != nil {
		if res.Digests, err = s.Digest.Tick(ctx, now); err != nil {
			errs = append(errs, err)
		}
		if res.Digests > 0 {
			if n, err := s.Deliverer.Deliver(ctx, now); err != nil {
				errs = append(errs, err)
			} else {
				res.Delivered += n
			}
		}
	}
	return res, errors.Join(errs...)
}

// Run ticks every interval until ctx ends. Failures (Redis away) are
// logged, at most once a minute while they last, and never stop it.
func (s *Service) Run(ctx context.Context) error {
	s.log.Info("sla running", "interval", s.interval, "in_hours", s.Reports.hours.Desc, "digest", s.cfg.Reports.DigestSchedule)
	t := time.NewTicker(s.interval)
	defer t.Stop()
	var lastErr time.Time
	failing := false
	for {
		if _, err := s.Tick(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if time.Since(lastErr) > time.Minute {
				s.log.Error("sla tick failed; retrying every interval", "err", err)
				lastErr = time.Now()
			}
			failing = true
		} else if failing {
			s.log.Info("sla tick recovered")
			failing = false
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Clocks lists the live clocks of open enquiries, soonest due first.
func (s *Service) Clocks(ctx context.Context, limit int) ([]LiveClock, error) {
	return LiveClocks(ctx, s.st, s.clock.Now(), s.cfg.SLA.WarnBefore, limit)
}

// Status is the SLA machinery's state, for an admin.
type Status struct {
	// Scheduled clocks waiting to warn, breach and escalate. A clock is
	// on the breach schedule once it has warned (store/clock.lua), so
	// Breach counts the running clocks past their warning.
	Warn     int64 `json:"warn_scheduled"`
	Breach   int64 `json:"breach_scheduled"`
	Escalate int64 `json:"escalate_scheduled"`
	// Notices not yet handed to the outbound channel.
	Notices    int64          `json:"notices_pending"`
	Rollups    ProjectorStats `json:"rollups"`
	InHours    string         `json:"in_hours_rule"`
	NextDigest time.Time      `json:"next_digest,omitzero"`
}

// Status reads the state of the SLA machinery.
func (s *Service) Status(ctx context.Context) (*Status, error) {
	w, b, e, err := s.Sweeper.Backlog(ctx)
	if err != nil {
		return nil, err
	}
	n, err := s.Deliverer.Pending(ctx)
	if err != nil {
		return nil, err
	}
	ps, err := s.Projector.Stats(ctx)
	if err != nil {
		return nil, fmt.Errorf("rollup stats: %w", err)
	}
	st := &Status{Warn: w, Breach: b, Escalate: e, Notices: n, Rollups: ps, InHours: s.Reports.hours.Desc}
	if s.Digest != nil {
		st.NextDigest = s.Digest.Next()
	}
	return st, nil
}
