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
