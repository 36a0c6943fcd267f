package routing

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
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
	y, mo, d := l.Date()
	h, mi, s := l.Clock()
	return time.Date(y, mo, d, h, mi, s, l.Nanosecond(), time.UTC)
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
	var prevStart time.Time // wall-clock start of the last shift in out
	for i := range r.shifts {
		rs := &r.shifts[i]
		s, ok := rs.occurrence(w)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]ActiveShift, 0, len(r.shifts)-i)
		}
		a := ActiveShift{Shift: rs.shift}
		if n := len(out); n > 0 && s.Equal(prevStart) && out[n-1].Shift.Duration == rs.shift.Duration {
			// Desks listed together often share a spec: the same
			// instants (placing a wall-clock time in the zone is costly).
			a.Start, a.End = out[n-1].Start, out[n-1].End
		} else {
			a.Start, a.End = unwall(s, r.loc), unwall(s.Add(rs.shift.Duration), r.loc)
		}
		out = append(out, a)
		prevStart = s
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
	var buf [16]onShift
	active := r.Active(at)
	on := r.pool(active, topic, false, buf[:0])
	if len(on) == 0 {
		on = r.pool(active, topic, true, buf[:0])
	}
	var ids []string
	for _, o := range on {
		ids = append(ids, o.officer)
	}
	return ids
}

// onShift is an officer on shift and the shift they are on.
type onShift struct{ officer, shift string }

// pool appends to out the officers of the active shifts that list topic
// (wildcard false) or take every topic (wildcard true), each once, with the
// first of those shifts they are on.
func (r *Rota) pool(active []ActiveShift, topic string, wildcard bool, out []onShift) []onShift {
	for _, a := range active {
		if a.Shift.Wildcard() != wildcard || !wildcard && !a.Shift.CoversTopic(topic) {
			continue
		}
	officers:
		for _, o := range a.Shift.Officers {
			for _, x := range out {
				if x.officer == o {
					continue officers
				}
			}
			out = append(out, onShift{officer: o, shift: a.Shift.Name})
		}
	}
	return out
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
	return r.AssignLang(topic, "", at, load)
}

// AssignLang is Assign for an enquiry in language lang (ISO 639-1; ""
// unknown): among the officers Assign would choose from, those who read
// lang (officers[].languages, Bosnian/Croatian/Serbian as one) are
// preferred when any is on, before topic expertise — a preference that
// never leaves nobody — and the reason says "reads <lang>". Load breaks
// the ties as in Assign.
func (r *Rota) AssignLang(topic, lang string, at time.Time, load Load) Assignment {
	var onBuf, expertBuf [16]onShift
	active := r.Active(at)
	ids := r.pool(active, topic, false, onBuf[:0])
	wildcard := false
	if len(ids) == 0 {
		ids = r.pool(active, topic, true, onBuf[:0])
		wildcard = true
	}
	if len(ids) == 0 {
		m := r.cfg.Escalation.Manager
		return Assignment{Officer: m, Reason: "nobody on shift; escalation manager"}
	}
	// The language first (an officer cannot answer what they cannot
	// read), then topic expertise; each narrows only when it leaves
	// someone.
	pool := ids
	var readerBuf [16]onShift
	readers := readerBuf[:0]
	if lang != "" {
		for _, o := range ids {
			if off := r.cfg.Officer(o.officer); off != nil && ReadsLanguage(off, lang) {
				readers = append(readers, o)
			}
		}
	}
	reads := len(readers) > 0 && len(readers) < len(ids)
	if len(readers) > 0 {
		pool = readers
	}
	experts := expertBuf[:0]
	for _, o := range pool {
		if off := r.cfg.Officer(o.officer); off != nil && off.Covers(topic) {
			experts = append(experts, o)
		}
	}
	covers := len(experts) > 0 && len(experts) < len(pool)
	if len(experts) > 0 {
		pool = experts
	}
	// Officers appear once in the pool and the id breaks ties, so the
	// order is total.
	slices.SortFunc(pool, func(x, y onShift) int {
		a, b := x.officer, y.officer
		if oa, ob := load.Open[a], load.Open[b]; oa != ob {
			return cmp.Compare(oa, ob)
		}
		if ta, tb := load.LastAssigned[a], load.LastAssigned[b]; !ta.Equal(tb) {
			return ta.Compare(tb)
		}
		return strings.Compare(a, b)
	})
	pick := pool[0]
	why := make([]byte, 0, 128)
	if wildcard {
		why = append(append(append(why, "nobody on shift for "...), topic...), "; on the all-topics shift"...)
	} else {
		why = append(append(why, "on shift for "...), topic...)
	}
	why = append(append(append(why, " ("...), pick.shift...), ')')
	if reads {
		why = append(append(why, "; reads "...), lang...)
	}
	if covers {
		why = append(append(why, "; covers "...), topic...)
	}
	if len(pool) > 1 {
		why = strconv.AppendInt(append(why, "; fewest open ("...), int64(load.Open[pick.officer]), 10)
		why = strconv.AppendInt(append(why, ") of "...), int64(len(pool)), 10)
	}
	return Assignment{Officer: pick.officer, Shift: pick.shift, Reason: string(why)}
}
