package routing

import (
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mediadesk/mediadesk/config"
)

// Rota answers who is on shift. A shift starts at each activation of its
// cron spec read in the desk's wall-clock time and lasts its duration of
// wall-clock time: "0 18 * * MON-FRI" for 14h runs from 18:00 to 08:00 local
// the next morning, also on the nights the clocks change (when that night
// is an hour shorter or longer in real time). Wall-clock times are computed
// on a zone-free clock, so nothing depends on DST; only the start and end
// instants reported are placed back in the desk's zone. This is also how
// the scorer (score-route) reads the rota: on shift at local time W if the
// spec fires at some local minute S with S ≤ W < S + duration.
type Rota struct {
	cfg    *config.Config
	loc    *time.Location
	shifts []rotaShift
	// last caches the shifts on during one minute: starts are whole cron
	// minutes and durations whole minutes, so the answer only changes on a
	// minute boundary.
	last atomic.Pointer[activeMinute]
}

type activeMinute struct {
	minute int64
	shifts []ActiveShift
}

type rotaShift struct {
	shift *config.Shift
	sched cron.Schedule
	// weekly, when set, lists the schedule's start times in one week, as
	// seconds since a Monday 00:00 on the wall clock, ascending: a spec
	// that fires every month and every day of the month ("0 8 * *
	// MON-FRI") repeats each week, so the latest start before an instant
	// is a binary search instead of a walk through cron's Next.
	weekly []int64
}

const weekSeconds = 7 * 24 * 3600

// weekRef is a Monday 00:00 UTC (1970-01-05), the origin of weekly tables.
const weekRef = 4 * 24 * 3600

// weeklyStarts returns the start times of sched in one week (see
// rotaShift.weekly), or nil when sched does not repeat weekly. The table
// is read from cron's own Next, so it holds exactly the times Next gives.
func weeklyStarts(sched cron.Schedule) []int64 {
	spec, ok := sched.(*cron.SpecSchedule)
	// Specs are read on the zone-free wall clock: time.Local in a spec
	// means the zone of the time given, here UTC.
	if !ok || spec.Location != time.Local && spec.Location != time.UTC {
		return nil
	}
	const allMonths = uint64(1<<13 - 2) // bits 1..12
	const allDays = uint64(1<<32 - 2)   // bits 1..31
	if spec.Month&allMonths != allMonths || spec.Dom&allDays != allDays {
		return nil // which days fire depends on the month or the date
	}
	var out []int64
	t := time.Unix(weekRef-1, 0).UTC()
	for {
		t = sched.Next(t)
		if t.IsZero() || t.Unix() >= weekRef+weekSeconds {
			return out
		}
		out = append(out, t.Unix()-weekRef)
	}
}

// ActiveShift is one occurrence of a shift.
type ActiveShift struct {
	Shift *config.Shift
	// Start and End are the occurrence's instants (End exclusive).
	Start, End time.Time
}

// Load is the desk's workload at routing time, an input so assignment stays
// a pure function: open enquiries per officer and when each was last given
// one.
type Load struct {
	Open         map[string]int       `json:"open,omitempty"`
	LastAssigned map[string]time.Time `json:"last_assigned,omitempty"`
}

// Assignment is who gets an enquiry, and why.
type Assignment struct {
	Officer string `json:"officer"`
	// Shift is the name of the shift the officer is on ("" for the
	// escalation manager when nobody is on).
	Shift  string `json:"shift,omitempty"`
	Reason string `json:"reason"`
}

// NewRota compiles cfg's rota.
func NewRota(cfg *config.Config) (*Rota, error) {
	r := &Rota{cfg: cfg, loc: cfg.Location}
	if r.loc == nil {
		r.loc = time.UTC
	}
	for i := range cfg.Rota {
		s := &cfg.Rota[i]
		sched, err := config.ParseCron(s.Start)
		if err != nil {
			return nil, fmt.Errorf("rota[%d] %q: start %q: %w", i, s.Name, s.Start, err)
		}
		if s.Duration <= 0 {
			return nil, fmt.Errorf("rota[%d] %q: duration must be positive", i, s.Name)
		}
		rs := rotaShift{shift: s, sched: sched}
		if s.Duration <= weekSeconds*time.Second {
			// (Longer shifts keep the cron walk, which stops after 20,000
			// starts; within a week there are at most 10,080.)
			rs.weekly = weeklyStarts(sched)
		}
		r.shifts = append(r.shifts, rs)
	}
	return r, nil
}

// wall is t's wall-clock reading in loc on a zone-free (UTC) clock.
func wall(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
}

// unwall places a zone-free wall-clock reading back in loc. In the hour
// skipped when clocks go forward the instant is the one after the change;
// in the hour repeated when they go back it is the first.
func unwall(w time.Time, loc *time.Location) time.Time {
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
}

// occurrence returns the latest start S of rs with S ≤ w < S+duration, on
// the wall clock.
func (rs *rotaShift) occurrence(w time.Time) (time.Time, bool) {
	d := rs.shift.Duration
	if len(rs.weekly) > 0 {
		// The latest start at or before w (starts are whole seconds, and
		// Unix rounds down), if the shift begun then is still on.
		sec := w.Unix()
		pos := (sec - weekRef) % weekSeconds
		if pos < 0 {
			pos += weekSeconds
		}
		week := sec - pos
		i := sort.Search(len(rs.weekly), func(i int) bool { return rs.weekly[i] > pos }) - 1
		if i < 0 {
			week -= weekSeconds
			i = len(rs.weekly) - 1
		}
		s := time.Unix(week+rs.weekly[i], 0).UTC()
		if !s.Add(d).After(w) {
			return time.Time{}, false
		}
		return s, true
	}
	s := rs.sched.Next(w.Add(-d))
	if s.IsZero() || s.After(w) {
		return time.Time{}, false
	}
	for i := 0; i < 20000; i++ {
		n := rs.sched.Next(s)
		if n.IsZero() || n.After(w) {
			break
		}
		s = n
	}
	return s, true
}

// Active returns the shifts on at instant at, in rota order. The slice is
// shared: do not modify it.
func (r *Rota) Active(at time.Time) []ActiveShift {
	minute := at.Unix() / 60
	if at.Unix() < 0 && at.Unix()%60 != 0 {
		minute--
	}
	if c := r.last.Load(); c != nil && c.minute == minute {
		return c.shifts
	}
	out := r.active(at)
	r.last.Store(&activeMinute{minute: minute, shifts: out})
	return out
}

func (r *Rota) active(at time.Time) []ActiveShift {
	w := wall(at, r.loc)
	var out []ActiveShift
	for i := range r.shifts {
		rs := &r.shifts[i]
		if s, ok := rs.occurrence(w); ok {
			out = append(out, ActiveShift{Shift: rs.shift, Start: unwall(s, r.loc), End: unwall(s.Add(rs.shift.Duration), r.loc)})
		}
	}
	return out
}

// OnShift reports whether officer is on any shift at at.
func (r *Rota) OnShift(officer string, at time.Time) bool {
	for _, a := range r.Active(at) {
		for _, o := range a.Shift.Officers {
			if o == officer {
				return true
			}
		}
	}
	return false
}

// OnShiftFor returns the officers on shift at at who take topic: those on
// shifts listing it, else those on "*" shifts.
func (r *Rota) OnShiftFor(topic string, at time.Time) []string {
	active := r.Active(at)
	ids, _ := r.pool(active, topic, false)
	if len(ids) == 0 {
		ids, _ = r.pool(active, topic, true)
	}
	return ids
}

// pool collects the officers of the active shifts that list topic
// (wildcard false) or take every topic (wildcard true), with the shift each
// is on.
func (r *Rota) pool(active []ActiveShift, topic string, wildcard bool) ([]string, map[string]string) {
	var ids []string
	shiftOf := map[string]string{}
	for _, a := range active {
		if a.Shift.Wildcard() != wildcard || !wildcard && !a.Shift.CoversTopic(topic) {
			continue
		}
		for _, o := range a.Shift.Officers {
			if _, dup := shiftOf[o]; !dup {
				shiftOf[o] = a.Shift.Name
				ids = append(ids, o)
			}
		}
	}
	return ids, shiftOf
}

// Assign picks the officer for an enquiry on topic at instant at:
//
//  1. the officers on shifts that list the topic; if none is on,
//  2. the officers on "*" shifts; if none is on,
//  3. the escalation manager.
//
// Within 1 or 2, officers whose own topics (officers[].topics) cover the
// topic are preferred when any is on; the rota says who is working, the
// officer's topics only what they know, so they never leave nobody. Among
// those, the one with the fewest open enquiries wins; ties go to the one
// least recently assigned (never counts as longest ago), then by id, which
// makes a round robin as LastAssigned is updated.
func (r *Rota) Assign(topic string, at time.Time, load Load) Assignment {
	active := r.Active(at)
	ids, shiftOf := r.pool(active, topic, false)
	how := "on shift for " + topic
	if len(ids) == 0 {
		ids, shiftOf = r.pool(active, topic, true)
		how = "nobody on shift for " + topic + "; on the all-topics shift"
	}
	if len(ids) == 0 {
		m := r.cfg.Escalation.Manager
		return Assignment{Officer: m, Reason: "nobody on shift; escalation manager"}
	}
	var experts []string
	for _, id := range ids {
		if o := r.cfg.Officer(id); o != nil && o.Covers(topic) {
			experts = append(experts, id)
		}
	}
	pool := ids
	if len(experts) > 0 {
		pool = experts
	}
	sort.SliceStable(pool, func(i, j int) bool {
		a, b := pool[i], pool[j]
		if load.Open[a] != load.Open[b] {
			return load.Open[a] < load.Open[b]
		}
		ta, tb := load.LastAssigned[a], load.LastAssigned[b]
		if !ta.Equal(tb) {
			return ta.Before(tb)
		}
		return a < b
	})
	pick := pool[0]
	var why []string
	why = append(why, fmt.Sprintf("%s (%s)", how, shiftOf[pick]))
	if len(experts) > 0 && len(experts) < len(ids) {
		why = append(why, "covers "+topic)
	}
	if len(pool) > 1 {
		why = append(why, fmt.Sprintf("fewest open (%d) of %d", load.Open[pick], len(pool)))
	}
	return Assignment{Officer: pick, Shift: shiftOf[pick], Reason: strings.Join(why, "; ")}
}
