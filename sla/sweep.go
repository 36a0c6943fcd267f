package sla

import (
	"context"
	_ "embed"
	"log/slog"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/store"
)

// notice.lua is sla's notice step, composed by store into its clock
// sweep script so a transition and its notice are one atomic step.
//
//go:embed notice.lua
var noticeLua string

var clockSweep = store.NewClockSweep(noticeLua)

// Sweeper moves due clocks through warning, breach and escalation. Any
// number of replicas may sweep one Redis at once: each transition is
// claimed, recorded and queued for notification in one Lua call (the
// store's clock sweep with sla's notice step, notice.lua), so it happens
// exactly once whoever sweeps. sla decides when to sweep and who is told;
// the store records the transition.
type Sweeper struct {
	st    *store.Store
	cfg   *config.Config
	clock clock.Clock
	log   *slog.Logger
	// Batch is how many enquiries one script call handles (default 200),
	// so a backlog never blocks Redis for long.
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

// Sweep records every transition due by now: for each enquiry whose wake
// has come, warnings first, then breaches, then escalations, so a clock
// overdue on all three counts (after an outage) goes through them in
// order in one sweep.
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
	opts := store.SweepOptions{Limit: batch, EscalateAfter: s.cfg.Escalation.AfterBreach,
		WarnBefore: s.cfg.SLA.WarnBefore, NoticeArg: s.cfg.Escalation.Manager, Silent: silent}
	for round := 0; ; round++ {
		step, err := s.st.SweepClocks(ctx, clockSweep, now, opts)
		if err != nil {
			return res, err
		}
		res.Claimed += step.Claimed
		res.Warned += step.Warned
		res.Breached += step.Breached
		res.Escalated += step.Escalated
		if !step.More || round > 10000 {
			break
		}
	}
	res.Took = time.Since(start)
	if res.Transitions() > 0 {
		s.log.Info("sla sweep", "warned", res.Warned, "breached", res.Breached, "escalated", res.Escalated, "took", res.Took)
	}
	return res, nil
}

// Backlog counts scheduled clocks: what is waiting to warn, to breach and
// to escalate.
func (s *Sweeper) Backlog(ctx context.Context) (warn, breach, escalate int64, err error) {
	return s.st.ClockBacklog(ctx)
}
