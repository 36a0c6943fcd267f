package store

import (
	"context"
	_ "embed"
	"fmt"
	"strconv"
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
// notice_enqueue(key, notice) (store it durably; only its owner's keys)
// and notice_flush() (called once at the end of the sweep: queue what
// notice_enqueue stored, so a sweep queues its notices in one write).
// It may read ARGV[6], SweepOptions.NoticeArg.
func NewClockSweep(noticeLua string) *ClockSweep {
	return &ClockSweep{script: redis.NewScript(clockLua + "\n" + noticeLua + "\n" + sweepLua)}
}

// SweepOptions are the policy inputs of one sweep call.
type SweepOptions struct {
	Limit         int           // at most this many enquiries per call
	EscalateAfter time.Duration // escalation.after_breach
	WarnBefore    time.Duration // sla.warn_before
	NoticeArg     string        // handed to the notice step (sla: the escalation manager)
	Silent        bool          // record without notices (a reindex rebuilding the past)
}

// SweepStep is what one sweep call did: clock transitions claimed off the
// schedule, those recorded per transition (the rest had been met,
// resolved or paused), and More when the limit was reached.
type SweepStep struct {
	Claimed                     int
	Warned, Breached, Escalated int
	More                        bool
}

// SweepClocks records every transition due by now of at most o.Limit
// enquiries whose wake has come, atomically (see sweep.lua): warnings,
// then breaches, then escalations, so a clock overdue on all three goes
// through them in order in one call.
func (s *Store) SweepClocks(ctx context.Context, cs *ClockSweep, now time.Time, o SweepOptions) (SweepStep, error) {
	silent := ""
	if o.Silent {
		silent = "silent"
	}
	out, err := cs.script.Run(ctx, s.rdb, []string{s.key("events")}, s.prefix, "", now.UnixMilli(), o.Limit,
		o.EscalateAfter.Milliseconds(), o.NoticeArg, o.WarnBefore.Milliseconds(), silent).Int64Slice()
	if err != nil {
		return SweepStep{}, fmt.Errorf("sweep clocks: %w", err)
	}
	if len(out) != 5 {
		return SweepStep{}, fmt.Errorf("sweep clocks: unexpected reply %v", out)
	}
	return SweepStep{Claimed: int(out[0]), Warned: int(out[1]), Breached: int(out[2]), Escalated: int(out[3]),
		More: out[4] != 0}, nil
}

// The clock schedule of the version before (clock.lua): one member per
// enquiry, with its clocks' times in the enquiry hash fields
// clockAtFields. Only read: the sweep moves it onto the schedules.
const keyClockWake = "clock:wake"

// The clock schedules, one per transition, member "<ref>|<clock>"
// (clock.lua; historical sla: names, owned by store).
var clockSchedules = []string{"sla:warn", "sla:breach", "sla:escalate"}

// clockAtFields are the enquiry hash fields of the version before's
// schedule, per clock: warn, breach, escalate.
var clockAtFields = func() []string {
	var out []string
	for _, c := range Clocks {
		out = append(out, c+":at_warn", c+":at_breach", c+":at_escalate")
	}
	return out
}()

// ClockBacklog counts clocks scheduled per transition: waiting to warn,
// to breach and to escalate. A clock's breach is scheduled when it warns
// (clock.lua), so breach counts the clocks past their warning.
func (s *Store) ClockBacklog(ctx context.Context) (warn, breach, escalate int64, err error) {
	pipe := s.rdb.Pipeline()
	var cards []*redis.IntCmd
	for _, z := range clockSchedules {
		cards = append(cards, pipe.ZCard(ctx, s.key(z)))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, 0, 0, fmt.Errorf("read clock backlog: %w", err)
	}
	warn, breach, escalate = cards[0].Val(), cards[1].Val(), cards[2].Val()
	// Enquiries of the version before not yet moved by a sweep, a page at
	// a time (an admin's status call, not a hot path).
	const page = 500
	for from := int64(0); ; from += page {
		refs, err := s.rdb.ZRange(ctx, s.key(keyClockWake), from, from+page-1).Result()
		if err != nil {
			return 0, 0, 0, fmt.Errorf("read clock backlog: %w", err)
		}
		pipe := s.rdb.Pipeline()
		cmds := make([]*redis.SliceCmd, len(refs))
		for i, ref := range refs {
			cmds[i] = pipe.HMGet(ctx, s.key(enqKey(ref)), clockAtFields...)
		}
		if len(refs) > 0 {
			if _, err := pipe.Exec(ctx); err != nil {
				return 0, 0, 0, fmt.Errorf("read clock backlog: %w", err)
			}
		}
		for _, c := range cmds {
			for i, v := range c.Val() {
				if v == nil {
					continue
				}
				switch i % 3 {
				case 0:
					warn++
				case 1:
					breach++
				default:
					escalate++
				}
			}
		}
		if len(refs) < page {
			break
		}
	}
	return warn, breach, escalate, nil
}

// ClockWakesDue counts the scheduled transitions the sweep should record
// by now (zero once a sweep at now has run), with enquiries of the version
// before's schedule still due.
func (s *Store) ClockWakesDue(ctx context.Context, now time.Time) (int64, error) {
	at := strconv.FormatInt(now.UnixMilli(), 10)
	pipe := s.rdb.Pipeline()
	cmds := []*redis.IntCmd{pipe.ZCount(ctx, s.key(keyClockWake), "-inf", at)}
	for _, z := range clockSchedules {
		cmds = append(cmds, pipe.ZCount(ctx, s.key(z), "-inf", at))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, fmt.Errorf("count clock wakes: %w", err)
	}
	var n int64
	for _, c := range cmds {
		n += c.Val()
	}
	return n, nil
}
