package store

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
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

// The clock schedule: one member per enquiry with a clock waiting for a
// transition, scored by when the sweep should look at it (clock.lua).
// The per-transition zsets of earlier versions (sla:warn, sla:breach,
// sla:escalate) are only drained by the sweep.
const keyClockWake = "clock:wake"

// schedField is the enquiry hash field holding the clock schedule
// (clock.lua): for each clock of Clocks its warning, breach and escalation
// time (ms), comma-separated, 0 when not scheduled.
const schedField = "sched"

// schedTransitions are the slots of each clock in the schedule.
var schedTransitions = []string{"warn", "breach", "escalate"}

// clockAtFields are the per-slot fields of the version before schedField,
// in slot order (still read: clock.lua's sched_load).
var clockAtFields = func() []string {
	var out []string
	for _, c := range Clocks {
		for _, tr := range schedTransitions {
			out = append(out, c+":at_"+tr)
		}
	}
	return out
}()

// schedule is an enquiry's clock schedule, slot by slot (ms; 0: not
// scheduled), as the sched field holds it.
type schedule [12]int64

func (s *schedule) set(clock, tr string, at int64) {
	s[slices.Index(Clocks, clock)*len(schedTransitions)+slices.Index(schedTransitions, tr)] = at
}

// String is the sched field's value.
func (s *schedule) String() string {
	b := make([]byte, 0, 64)
	for i, at := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, at, 10)
	}
	return string(b)
}

// parseSchedule reads a schedule field into its slots (0: not scheduled).
func parseSchedule(s string) []int64 {
	out := make([]int64, len(Clocks)*len(schedTransitions))
	for i, x := range strings.SplitN(s, ",", len(out)) {
		out[i], _ = strconv.ParseInt(x, 10, 64)
	}
	return out
}

// ClockBacklog counts clocks scheduled per transition: waiting to warn,
// to breach and to escalate. It reads the schedule of every enquiry with a
// wake, a page at a time (an admin's status call, not a hot path).
func (s *Store) ClockBacklog(ctx context.Context) (warn, breach, escalate int64, err error) {
	const page = 500
	fields := append([]string{schedField}, clockAtFields...)
	for from := int64(0); ; from += page {
		refs, err := s.rdb.ZRange(ctx, s.key(keyClockWake), from, from+page-1).Result()
		if err != nil {
			return 0, 0, 0, fmt.Errorf("read clock backlog: %w", err)
		}
		pipe := s.rdb.Pipeline()
		cmds := make([]*redis.SliceCmd, len(refs))
		for i, ref := range refs {
			cmds[i] = pipe.HMGet(ctx, s.key(enqKey(ref)), fields...)
		}
		if len(refs) > 0 {
			if _, err := pipe.Exec(ctx); err != nil {
				return 0, 0, 0, fmt.Errorf("read clock backlog: %w", err)
			}
		}
		for _, c := range cmds {
			v := c.Val()
			slots := make([]int64, len(clockAtFields))
			if sched, ok := v[0].(string); ok {
				slots = parseSchedule(sched)
			} else {
				// An enquiry scheduled by the version before sched.
				for i, x := range v[1:] {
					if x != nil {
						slots[i] = 1
					}
				}
			}
			for i, at := range slots {
				if at == 0 {
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
	// Members of the earlier schedules not yet moved by a sweep.
	pipe := s.rdb.Pipeline()
	a := pipe.ZCard(ctx, s.key("sla:warn"))
	b := pipe.ZCard(ctx, s.key("sla:breach"))
	c := pipe.ZCard(ctx, s.key("sla:escalate"))
	if _, err := pipe.Exec(ctx); err != nil {
		return 0, 0, 0, fmt.Errorf("read clock backlog: %w", err)
	}
	return warn + a.Val(), breach + b.Val(), escalate + c.Val(), nil
}

// ClockWakesDue counts the enquiries whose clocks the sweep should look
// at by now (zero once a sweep at now has run), with members of the
// earlier schedules still due.
func (s *Store) ClockWakesDue(ctx context.Context, now time.Time) (int64, error) {
	at := strconv.FormatInt(now.UnixMilli(), 10)
	pipe := s.rdb.Pipeline()
	cmds := []*redis.IntCmd{pipe.ZCount(ctx, s.key(keyClockWake), "-inf", at)}
	for _, z := range []string{"sla:warn", "sla:breach", "sla:escalate"} {
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
