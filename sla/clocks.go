package sla

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

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
	refs, err := st.Client().ZRange(ctx, st.Key("idx:open"), 0, int64(limit-1)).Result()
	if err != nil {
		return nil, fmt.Errorf("list open enquiries: %w", err)
	}
	pipe := st.Client().Pipeline()
	cmds := make([]*redis.MapStringStringCmd, len(refs))
	for i, ref := range refs {
		cmds[i] = pipe.HGetAll(ctx, st.Key("enq:"+ref))
	}
	if len(refs) > 0 {
		if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
			return nil, fmt.Errorf("read open enquiries: %w", err)
		}
	}
	out := []LiveClock{}
	for _, c := range cmds {
		h := c.Val()
		if len(h) == 0 || h["status"] == string(store.StatusResolved) {
			continue
		}
		tm := func(k string) time.Time {
			n, _ := strconv.ParseInt(h[k], 10, 64)
			if n == 0 {
				return time.Time{}
			}
			return time.UnixMilli(n)
		}
		for _, name := range store.Clocks {
			cl := store.Clock{Due: tm(name + ":due"), Met: tm(name + ":met"), Warned: tm(name + ":warned"),
				Breached: tm(name + ":breached"), Escalated: tm(name + ":escalated")}
			if cl.Due.IsZero() || !cl.Met.IsZero() {
				continue
			}
			paused := name == store.ClockResolution && h["status"] == string(store.StatusWaiting)
			out = append(out, LiveClock{
				Ref: h["ref"], Clock: name, State: StateOf(cl, now, warnBefore, paused, false), Due: cl.Due,
				Remaining: Duration(cl.Due.Sub(now)), Warned: cl.Warned, Breached: cl.Breached, Escalated: cl.Escalated,
				Officer: h["officer"], Topic: h["topic"], Subject: h["subject"],
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
