package sla

import (
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mediadesk/mediadesk/config"
)

// Hours tells in-hours from out-of-hours, derived from the rota.
//
// The rule: the desk is "in hours" while one of its weekday day shifts is
// on. A weekday day shift is a rota occurrence of a shift that
//   - takes specific topics (its topics are not "*": the all-topics shifts
//     are the duty officers who cover nights and weekends), and
//   - starts on a Monday to Friday, desk time, between 05:00 and 12:59.
//
// An instant is in hours when it lies inside such an occurrence (start ≤ t
// < start + duration, read on the desk's wall clock exactly as the router
// reads the rota, so DST nights shift nothing). For the reference desk
// that is Monday to Friday 08:00–18:00; a desk whose specialist shifts run
// every day 07:00–19:00 is in hours Monday to Friday 07:00–19:00 (the
// weekend is out of hours however it is staffed). A rota with no such
// shift falls back to Monday to Friday 09:00–17:00.
type Hours struct {
	loc    *time.Location
	shifts []hoursShift
	// Desc describes the rule's outcome for people ("Mon–Fri 08:00–18:00").
	Desc string
}

type hoursShift struct {
	name  string
	sched cron.Schedule
	dur   time.Duration
}

// Day-shift start window (desk wall clock, inclusive hours).
const dayStartFrom, dayStartTo = 5, 12

// NewHours compiles the in-hours rule from cfg's rota.
func NewHours(cfg *config.Config) (*Hours, error) {
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	h := &Hours{loc: loc}
	var names []string
	for i := range cfg.Rota {
		s := &cfg.Rota[i]
		if s.Wildcard() || s.Duration <= 0 {
			continue
		}
		sched, err := config.ParseCron(s.Start)
		if err != nil {
			return nil, fmt.Errorf("rota[%d] %q: start %q: %w", i, s.Name, s.Start, err)
		}
		hs := hoursShift{name: s.Name, sched: sched, dur: s.Duration}
		if !hs.hasWeekdayDayStart() {
			continue
		}
		h.shifts = append(h.shifts, hs)
		names = append(names, s.Name)
	}
	if len(h.shifts) == 0 {
		sched, _ := config.ParseCron("0 9 * * MON-FRI")
		h.shifts = []hoursShift{{name: "fallback", sched: sched, dur: 8 * time.Hour}}
		h.Desc = "no weekday day shift in the rota: Mon–Fri 09:00–17:00"
	} else {
		h.Desc = "while a weekday day shift is on (" + strings.Join(names, ", ") + ")"
	}
	return h, nil
}

// hasWeekdayDayStart reports whether the shift ever starts on a weekday in
// the daytime window, looking at a year of starts on the zone-free clock.
func (hs *hoursShift) hasWeekdayDayStart() bool {
	t := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	end := t.AddDate(1, 0, 0)
	for i := 0; i < 5000; i++ {
		t = hs.sched.Next(t)
		if t.IsZero() || t.After(end) {
			return false
		}
		if dayStart(t) {
			return true
		}
	}
	return false
}

func dayStart(w time.Time) bool {
	wd := w.Weekday()
	return wd != time.Saturday && wd != time.Sunday && w.Hour() >= dayStartFrom && w.Hour() <= dayStartTo
}

// wall is t's wall-clock reading in loc on a zone-free (UTC) clock.
func wall(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
}

// In reports whether t is in hours.
func (h *Hours) In(t time.Time) bool {
	w := wall(t, h.loc)
	for i := range h.shifts {
		hs := &h.shifts[i]
		// Every start S with w-dur < S ≤ w; any of them that is a weekday
		// day start puts w in hours.
		s := hs.sched.Next(w.Add(-hs.dur))
		for n := 0; !s.IsZero() && !s.After(w) && n < 10000; n++ {
			if dayStart(s) {
				return true
			}
			s = hs.sched.Next(s)
		}
	}
	return false
}

// HoursLabel names the in/out-of-hours dimension value.
func HoursLabel(in bool) string {
	if in {
		return "in hours"
	}
	return "out of hours"
}
