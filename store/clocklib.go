package store

import (
	"context"
	_ "embed"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// The clock library (clock.lua) holds every SLA clock transition of an
// enquiry: set, met, pause and resume, next response, warn, breach,
// escalate and the one warnAt rule. Redis scripts cannot require a module,
// so it is prepended to each script that touches a clock when the script
// is built: commit.lua, actions.lua and sweep.lua.
//
//go:embed clock.lua
var clockLua string

//go:embed sweep.lua
var sweepLua string

// withClockLib composes a script from the clock library and its body.
func withClockLib(body string) string { return clockLua + "\n" + body }

// Clock transitions recorded by a sweep, in the order a clock goes
// through them.
const (
	TransitionWarned    = "warned"
	TransitionBreached  = "breached"
	TransitionEscalated = "escalated"
)

// ClockSweep is the script that moves due clocks through a transition,
// composed of the clock library, the notice step of the package that owns
// notices, and the sweep driver (sweep.lua).
type ClockSweep struct{ script *redis.Script }

// NewClockSweep builds the sweep script around noticeLua, which must
// define the Lua functions notice_to(tr, officer) → list of recipients,
// notice_key(ref, clock, tr, due) → idempotency key, and
// notice_enqueue(key, notice) (store it durably; only its owner's keys).
// It may read ARGV[6], SweepOptions.NoticeArg.
func NewClockSweep(noticeLua string) *ClockSweep {
	return &ClockSweep{script: redis.NewScript(clockLua + "\n" + noticeLua + "\n" + sweepLua)}
}

// SweepOptions are the policy inputs of one sweep call.
type SweepOptions struct {
	Limit         int           // at most this many clocks per call
	EscalateAfter time.Duration // escalation.after_breach
	WarnBefore    time.Duration // sla.warn_before
	NoticeArg     string        // handed to the notice step (sla: the escalation manager)
	Silent        bool          // record without notices (a reindex rebuilding the past)
}

// SweepStep is what one sweep call did: clocks claimed off the schedule,
// transitions recorded (the rest had been met, resolved or paused), and
// More when the limit was reached.
type SweepStep struct {
	Claimed, Recorded int
	More              bool
}

// SweepClocks records transition tr for at most o.Limit clocks due for it
// by now, atomically (see sweep.lua).
func (s *Store) SweepClocks(ctx context.Context, cs *ClockSweep, tr string, now time.Time, o SweepOptions) (SweepStep, error) {
	switch tr {
	case TransitionWarned, TransitionBreached, TransitionEscalated:
	default:
		return SweepStep{}, fmt.Errorf("sweep: unknown transition %q", tr)
	}
	silent := ""
	if o.Silent {
		silent = "silent"
	}
	out, err := cs.script.Run(ctx, s.rdb, []string{s.key("events")}, s.prefix, tr, now.UnixMilli(), o.Limit,
		o.EscalateAfter.Milliseconds(), o.NoticeArg, o.WarnBefore.Milliseconds(), silent).Int64Slice()
	if err != nil {
		return SweepStep{}, fmt.Errorf("sweep %s: %w", tr, err)
	}
	if len(out) != 3 {
		return SweepStep{}, fmt.Errorf("sweep %s: unexpected reply %v", tr, out)
	}
	return SweepStep{Claimed: int(out[0]), Recorded: int(out[1]), More: out[2] != 0}, nil
}

// Schedule zsets of the clock library (keys keep their historical sla:
// names; only clock.lua writes them).
const (
	keyClockWarn     = "sla:warn"
	keyClockBreach   = "sla:breach"
	keyClockEscalate = "sla:escalate"
)

// ClockBacklog counts clocks scheduled per transition: waiting to warn,
// to breach and to escalate.
func (s *Store) ClockBacklog(ctx context.Context) (warn, breach, escalate int64, err error) {
	pipe := s.rdb.Pipeline()
	a := pipe.ZCard(ctx, s.key(keyClockWarn))
	b := pipe.ZCard(ctx, s.key(keyClockBreach))
	c := pipe.ZCard(ctx, s.key(keyClockEscalate))
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, 0, 0, fmt.Errorf("read clock backlog: %w", err)
	}
	return a.Val(), b.Val(), c.Val(), nil
}
