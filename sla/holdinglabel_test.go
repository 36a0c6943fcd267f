package sla

import (
	"strings"
	"testing"
	"time"
)

// TestHoldingReplyOnTimeline: the sweeper's timeline lines name the first
// clock "holding reply" (its id stays acknowledge), on Redis and miniredis.
func TestHoldingReplyOnTimeline(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		ref := e.commit(open{Topic: "general", Officer: "walsh"})[0]
		svc := e.service(nil)
		e.clock.Advance(20 * time.Minute) // the standard policy's holding reply (15m) breached
		if _, err := svc.Tick(e.ctx); err != nil {
			t.Fatal(err)
		}
		tl, err := e.st.Timeline(e.ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		found := false
		for _, ev := range tl {
			texts = append(texts, ev.Text)
			if strings.HasPrefix(ev.Text, "breach: holding reply not met") {
				found = true
			}
			if strings.Contains(ev.Text, ": acknowledge ") {
				t.Errorf("timeline names the clock by its id: %q", ev.Text)
			}
		}
		if !found {
			t.Errorf("no holding-reply breach on the timeline: %q", texts)
		}
	})
}

// TestStamp: report tables show the year only when it is not this year.
func TestStamp(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 12, 6, 21, 0, 0, 0, loc)
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 12, 6, 18, 0, 0, 0, loc), "Sun 6 Dec 18:00"},
		{time.Date(2025, 2, 23, 18, 0, 0, 0, loc), "Sun 23 Feb 2025 18:00"},
		{time.Date(2027, 1, 1, 0, 30, 0, 0, time.UTC), "Fri 1 Jan 2027 00:30"},
	} {
		if got := stamp(tc.t, now, loc); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.t, got, tc.want)
		}
	}
}
