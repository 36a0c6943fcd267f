package sla

import (
	"context"
	_ "embed"
	"fmt"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/store"
)

//go:embed sweep.lua
var sweepLua string

var sweepScript = redis.NewScript(sweepLua)

// Sweeper moves due clocks through warning, breach and escalation. Any
// number of replicas may sweep one Redis at once: each transition is
// claimed, recorded and queued for notification in one Lua call (see
// sweep.lua), so it happens exactly once whoever sweeps.
type Sweeper struct {
	st    *store.Store
	cfg   *config.Config
	clock clock.Clock
	log   *slog.Logger
	// Batch is how many clocks one script call handles (default 200), so a
	// backlog never blocks Redis for long.
	Batch int
}

// NewSweeper returns a sweeper over st.
func NewSweeper(st *store.Store, cfg *config.Config, c clock.Clock, log *slog.Logger) *Sweeper {
	if c == nil {
		c = st.Clock()
	}
	if log == nil {
		log = slog.Default()
	}
	return &Sweeper{st: st, cfg: cfg, clock: c, log: log, Batch: 200}
}

// SweepResult counts what one sweep did. Claimed clocks that were not
// recorded had been met, resolved or paused since they were scheduled.
type SweepResult struct {
	Warned, Breached, Escalated int
	Claimed                     int
	Took                        time.Duration
}

// Transitions is Warned + Breached + Escalated.
func (r SweepResult) Transitions() int { return r.Warned + r.Breached + r.Escalated }

// Sweep records every transition due by now: warnings first, then
// breaches, then escalations, so a clock overdue on all three counts
// (after an outage) goes through them in order in one sweep.
func (s *Sweeper) Sweep(ctx context.Context) (SweepResult, error) {
	return s.SweepAt(ctx, s.clock.Now())
}

// SweepAt is Sweep at the instant now.
func (s *Sweeper) SweepAt(ctx context.Context, now time.Time) (SweepResult, error) {
	return s.sweepAt(ctx, now, false)
}

func (s *Sweeper) sweepAt(ctx context.Context, now time.Time, silent bool) (SweepResult, error) {
	start := time.Now()
	var res SweepResult
	batch := s.Batch
	if batch <= 0 {
		batch = 200
	}
	keys := []string{s.st.Key("events")}
	for _, tr := range []string{Warned, Breached, Escalated} {
		for round := 0; ; round++ {
			out, err := sweepScript.Run(ctx, s.st.Client(), keys, s.st.Prefix(), tr, now.UnixMilli(), batch,
				s.cfg.Escalation.AfterBreach.Milliseconds(), s.cfg.Escalation.Manager, s.cfg.SLA.WarnBefore.Milliseconds(), silentArg(silent)).Int64Slice()
			if err != nil {
				return res, fmt.Errorf("sweep %s: %w", tr, err)
			}
			if len(out) != 3 {
				return res, fmt.Errorf("sweep %s: unexpected reply %v", tr, out)
			}
			res.Claimed += int(out[0])
			switch tr {
			case Warned:
				res.Warned += int(out[1])
			case Breached:
				res.Breached += int(out[1])
			case Escalated:
				res.Escalated += int(out[1])
			}
			if out[2] == 0 || round > 10000 {
				break
			}
		}
	}
	res.Took = time.Since(start)
	if res.Transitions() > 0 {
		s.log.Info("sla sweep", "warned", res.Warned, "breached", res.Breached, "escalated", res.Escalated, "took", res.Took)
	}
	return res, nil
}

// Backlog counts clocks scheduled per live zset: what is waiting to warn,
// to breach and to escalate.
func (s *Sweeper) Backlog(ctx context.Context) (warn, breach, escalate int64, err error) {
	pipe := s.st.Client().Pipeline()
	a := pipe.ZCard(ctx, s.st.Key(keyWarn))
	b := pipe.ZCard(ctx, s.st.Key(keyBreach))
	c := pipe.ZCard(ctx, s.st.Key(keyEscalate))
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, 0, 0, fmt.Errorf("read sla backlog: %w", err)
	}
	return a.Val(), b.Val(), c.Val(), nil
}
