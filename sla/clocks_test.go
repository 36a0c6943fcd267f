package sla

import (
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// Clock behaviour through the store and the sweeper, with a fake clock.
func TestClockLifecycle(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		sw := NewSweeper(e.st, e.cfg, e.clock, quiet)
		sweep := func(d time.Duration) SweepResult {
			t.Helper()
			e.clock.Advance(d)
			r, err := sw.Sweep(e.ctx)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		t.Run("the automatic acknowledgement does not meet acknowledge", func(t *testing.T) {
			e.reset()
			ref := e.one(open{Tier: "regional", Topic: "general", Officer: "walsh"})
			_, err := e.st.RecordOwnMessage(e.ctx, store.OwnMessage{Ref: ref, Kind: "acknowledgement", By: "system",
				Msg: store.Message{Message: mailparse.Message{MessageID: "ack-" + ref + "@desk", Subject: "Re: question"}}})
			if err != nil {
				t.Fatal(err)
			}
			if c := e.enquiry(ref).Clocks[store.ClockAcknowledge]; !c.Met.IsZero() {
				t.Fatalf("acknowledge met by the automatic acknowledgement: %+v", c)
			}
			sweep(16 * time.Minute) // standard: acknowledge 15m
			if c := e.enquiry(ref).Clocks[store.ClockAcknowledge]; c.Breached.IsZero() {
				t.Fatalf("acknowledge not breached: %+v", c)
			}
		})
		t.Run("live clocks warn when the sweeper does", func(t *testing.T) {
			e.reset()
			ref := e.one(open{Tier: "regional", Topic: "general", Officer: "walsh"}) // acknowledge 15m, warn_before 15m
			state := func() ClockState {
				t.Helper()
				cs, err := LiveClocks(e.ctx, e.st, e.clock.Now(), e.cfg.SLA.WarnBefore, 50)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cs {
					if c.Ref == ref && c.Clock == store.ClockAcknowledge {
						return c.State
					}
				}
				t.Fatalf("no live acknowledge clock for %s in %+v", ref, cs)
				return ""
			}
			// The run is no longer than warn_before: the warning comes half
			// way (as the sweeper sends it), not at once.
			if r := sweep(time.Minute); r.Warned != 0 || state() != StateRunning {
				t.Errorf("a minute in: %d warned, live state %q, want running", r.Warned, state())
			}
			if r := sweep(7 * time.Minute); r.Warned != 1 || state() != StateWarning {
				t.Errorf("eight minutes in: %d warned, live state %q, want warning", r.Warned, state())
			}
		})
		t.Run("pause and resume", func(t *testing.T) {
			e.reset()
			ref := e.one(open{Tier: "regional", Topic: "general", Officer: "walsh"}) // resolution 24h
			opened := e.clock.Now()
			e.respond(ref, "walsh", store.Substantive)
			sweep(2 * time.Hour)
			if _, err := e.st.SetWaiting(e.ctx, ref, "walsh", true, e.cfg.SLA.WarnBefore); err != nil {
				t.Fatal(err)
			}
			// Waiting on the journalist for 30 hours: the resolution clock,
			// due at 24h, neither warns nor breaches.
			for i := 0; i < 30; i++ {
				if r := sweep(time.Hour); r.Warned+r.Breached > 0 {
					q := e.enquiry(ref)
					t.Fatalf("transition while paused: %+v %+v", r, q.Clocks)
				}
			}
			if _, err := e.st.SetWaiting(e.ctx, ref, "walsh", false, e.cfg.SLA.WarnBefore); err != nil {
				t.Fatal(err)
			}
			// The pause does not count: due 24h after opening, moved by the 30h pause.
			res := e.enquiry(ref).Clocks[store.ClockResolution]
			if want := opened.Add(24*time.Hour + 30*time.Hour); !res.Due.Equal(want) {
				t.Fatalf("resolution due %s after resuming, want %s", res.Due, want)
			}
			// Due 24h + 30h after opening: warns at 53h45m, breaches at 54h.
			if r := sweep(21*time.Hour + 44*time.Minute); r.Warned != 0 {
				t.Fatalf("warned early: %+v", r)
			}
			if r := sweep(time.Minute); r.Warned != 1 {
				t.Fatalf("no warning: %+v", r)
			}
			if r := sweep(15 * time.Minute); r.Breached != 1 {
				t.Fatalf("no breach: %+v", r)
			}
			if got := e.enquiry(ref).Clocks[store.ClockResolution].Breached; !got.Equal(res.Due) {
				t.Errorf("breached at %s, due %s", got, res.Due)
			}
		})
		t.Run("next response after a follow-up", func(t *testing.T) {
			e.reset()
			from := "nr@example.com"
			ref := e.one(open{Tier: "wire", Topic: "trade", Officer: "tanaka", From: from}) // first response 30m
			sweep(10 * time.Minute)
			e.respond(ref, "tanaka", store.Substantive)
			sweep(time.Hour)
			if o := e.followup(ref, from, time.Time{}); o.Ref != ref {
				t.Fatalf("follow-up %+v", o)
			}
			fu := e.clock.Now()
			nr := e.enquiry(ref).Clocks[store.ClockNextResponse]
			// The first-response target again, from the follow-up.
			if want := fu.Add(30 * time.Minute); !nr.Due.Equal(want) {
				t.Fatalf("next response due %s, want %s", nr.Due, want)
			}
			if r := sweep(15 * time.Minute); r.Warned != 1 { // warn_before 15m
				t.Fatalf("next response not warned: %+v", r)
			}
			if r := sweep(15 * time.Minute); r.Breached != 1 {
				t.Fatalf("next response not breached: %+v", r)
			}
			e.respond(ref, "tanaka", store.Substantive)
			nr = e.enquiry(ref).Clocks[store.ClockNextResponse]
			if nr.Met.IsZero() || nr.Breached.IsZero() {
				t.Fatalf("next response %+v", nr)
			}
			if r := sweep(time.Hour); r.Escalated != 0 {
				t.Fatalf("escalated after being met: %+v", r)
			}
			// A second follow-up with a deadline in 20 minutes: a new
			// next-response clock, due at the deadline (the margin does not fit).
			deadline := e.clock.Now().Add(20 * time.Minute)
			e.followup(ref, from, deadline)
			nr = e.enquiry(ref).Clocks[store.ClockNextResponse]
			if !nr.Due.Equal(deadline.Add(-15*time.Minute)) || !nr.Met.IsZero() || !nr.Breached.IsZero() || !nr.Warned.IsZero() {
				t.Fatalf("second next response %+v (deadline %s)", nr, deadline)
			}
			// Due in 5 minutes, less than warn_before: it warns when half
			// of it has run (store.WarnAt).
			if r := sweep(2 * time.Minute); r.Warned != 0 {
				t.Fatalf("second next response warned before half its time: %+v", r)
			}
			if r := sweep(time.Minute); r.Warned != 1 {
				t.Fatalf("second next response not warned at half its time: %+v", r)
			}
		})
		t.Run("a deadline in a follow-up before any answer brings clocks forward", func(t *testing.T) {
			e.reset()
			from := "dl@example.com"
			ref := e.one(open{Tier: "regional", Topic: "general", Officer: "walsh", From: from}) // ack 15m, frt 2h
			sweep(time.Minute)
			deadline := e.clock.Now().Add(45 * time.Minute)
			e.followup(ref, from, deadline)
			q := e.enquiry(ref)
			if due := q.Clocks[store.ClockFirstResponse].Due; !due.Equal(deadline.Add(-15 * time.Minute)) {
				t.Errorf("first response due %s, want %s", due, deadline.Add(-15*time.Minute))
			}
			if due := q.Clocks[store.ClockAcknowledge].Due; !due.Equal(e.clock.Now().Add(14 * time.Minute)) {
				t.Errorf("acknowledge due moved: %s", due)
			}
			// Acknowledge (15m) warns at half its time and breaches at 15m —
			// both in this one sweep — and the pulled-forward first response
			// warns (due at 31m).
			if r := sweep(16 * time.Minute); r.Warned != 2 || r.Breached != 1 {
				t.Errorf("sweep: %+v", r)
			}
			if c := e.enquiry(ref).Clocks[store.ClockFirstResponse]; c.Warned.IsZero() || !c.Breached.IsZero() {
				t.Errorf("first response %+v", c)
			}
		})
		t.Run("resolving stops every clock", func(t *testing.T) {
			e.reset()
			ref := e.one(open{Tier: "wire", Topic: "trade", Officer: "tanaka"})
			if _, err := e.st.Resolve(e.ctx, ref, "tanaka", "no comment"); err != nil {
				t.Fatal(err)
			}
			if r := sweep(48 * time.Hour); r.Claimed != 0 {
				t.Errorf("sweep after resolve: %+v", r)
			}
			q := e.enquiry(ref)
			for c, cl := range q.Clocks {
				if !cl.Warned.IsZero() || !cl.Breached.IsZero() {
					t.Errorf("%s: %+v", c, cl)
				}
			}
		})
	})
}
