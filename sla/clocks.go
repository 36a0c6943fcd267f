package sla

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// ClockState is where one clock stands at an instant.
type ClockState string

const (
	StateRunning  ClockState = "running"  // not yet at its warning time (store.WarnAt)
	StateWarning  ClockState = "warning"  // past its warning time, not yet due
	StateBreached ClockState = "breached" // past due, unmet
	StateMet      ClockState = "met"      // met in time
	StateMetLate  ClockState = "met-late" // met after its due time
	StatePaused   ClockState = "paused"   // resolution, while waiting on the journalist
	StateStopped  ClockState = "stopped"  // the enquiry was resolved before the clock was met
)

// StateOf tells a clock's state at now: a lookup on its timestamps.
func StateOf(c store.Clock, now time.Time, warnBefore time.Duration, paused, resolved bool) ClockState {
	switch {
	case !c.Met.IsZero() && c.Met.After(c.Due):
		return StateMetLate
	case !c.Met.IsZero():
		return StateMet
	case resolved:
		return StateStopped
	case paused:
		return StatePaused
	case !now.Before(c.Due):
		return StateBreached
	case !now.Before(store.WarnAt(c.Start, c.Due, warnBefore)):
		return StateWarning
	}
	return StateRunning
}

// LiveClock is one running clock of an open enquiry, for the dashboard and
// the demo.
type LiveClock struct {
	Ref   string     `json:"ref"`
	Clock string     `json:"clock"`
	State ClockState `json:"state"`
	Due   time.Time  `json:"due"`
	// Remaining is due − now (negative when overdue), in milliseconds.
	Remaining Duration  `json:"remaining_ms"`
	Warned    time.Time `json:"warned,omitzero"`
	Breached  time.Time `json:"breached,omitzero"`
	Escalated time.Time `json:"escalated,omitzero"`
	Officer   string    `json:"officer,omitempty"`
	Topic     string    `json:"topic,omitempty"`
	Subject   string    `json:"subject,omitempty"`
}

// Countdown says how long is left: "due in 4m12s", "overdue by 1m03s",
// "paused".
func (c LiveClock) Countdown() string {
	r := time.Duration(c.Remaining)
	switch {
	case c.State == StatePaused:
		return "paused"
	case r >= 0:
		return "due in " + FormatDuration(r)
	}
	return "overdue by " + FormatDuration(-r)
}

// LiveClocks lists the unmet clocks of open enquiries at now, soonest due
// first (overdue ones first of all), reading at most limit enquiries (the
// oldest open first).
func LiveClocks(ctx context.Context, st *store.Store, now time.Time, warnBefore time.Duration, limit int) ([]LiveClock, error) {
	if limit <= 0 {
		limit = 200
	}
	refs, err := st.OpenRefs(ctx, time.Time{}, time.Time{}, limit)
	if err != nil {
		return nil, err
	}
	es, err := st.EnquiryFields(ctx, refs)
	if err != nil {
		return nil, fmt.Errorf("live clocks: %w", err)
	}
	out := []LiveClock{}
	for _, e := range es {
		if e == nil || e.Status == store.StatusResolved {
			continue
		}
		for _, name := range store.Clocks {
			cl := e.Clocks[name]
			if cl.Due.IsZero() || !cl.Met.IsZero() {
				continue
			}
			paused := name == store.ClockResolution && e.Status == store.StatusWaiting
			out = append(out, LiveClock{
				Ref: e.Ref, Clock: name, State: StateOf(cl, now, warnBefore, paused, false), Due: cl.Due,
				Remaining: Duration(cl.Due.Sub(now)), Warned: cl.Warned, Breached: cl.Breached, Escalated: cl.Escalated,
				Officer: e.Officer, Topic: e.Topic, Subject: e.Subject,
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Due.Equal(out[j].Due) {
			return out[i].Ref < out[j].Ref
		}
		return out[i].Due.Before(out[j].Due)
	})
	return out, nil
}
