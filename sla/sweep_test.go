package sla

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

func TestSweepTransitions(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		// broadcast: acknowledge 10m, first response 1h, resolution 6h;
		// warn_before 15m, after_breach 30m.
		ref := e.one(open{Tier: "broadcast", Outlet: "Example TV", Topic: "europe", Officer: "moreau"})
		sw := NewSweeper(e.st, e.cfg, e.clock, quiet)
		rec := newRecorder()
		dl := NewDeliverer(e.st, e.cfg, rec, quiet)
		step := func(d time.Duration) SweepResult {
			t.Helper()
			e.clock.Advance(d)
			r, err := sw.Sweep(e.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := dl.Deliver(e.ctx, e.clock.Now()); err != nil {
				t.Fatal(err)
			}
			return r
		}
		// Acknowledge is due in 10m, less than warn_before: it warns when
		// half of it has run (store.WarnAt), not the moment it opens.
		if r := step(0); r.Transitions() != 0 {
			t.Fatalf("t0: %+v", r)
		}
		if r := step(5 * time.Minute); r.Warned != 1 || r.Breached != 0 {
			t.Fatalf("t5: %+v", r)
		}
		if r := step(4 * time.Minute); r.Transitions() != 0 {
			t.Fatalf("t9: %+v", r)
		}
		if r := step(time.Minute); r.Breached != 1 {
			t.Fatalf("t10: %+v", r)
		}
		// A holding reply at 20m meets acknowledge (late) and cancels its
		// escalation.
		step(10 * time.Minute)
		e.respond(ref, "moreau", store.Holding)
		// First response warns at 45m, breaches at 60m, escalates at 90m.
		if r := step(25 * time.Minute); r.Warned != 1 || r.Escalated != 0 {
			t.Fatalf("t45: %+v", r)
		}
		if r := step(15 * time.Minute); r.Breached != 1 {
			t.Fatalf("t60: %+v", r)
		}
		if r := step(30 * time.Minute); r.Escalated != 1 {
			t.Fatalf("t90: %+v", r)
		}
		if r := step(24 * time.Hour); r.Warned != 1 || r.Breached != 1 || r.Escalated != 1 {
			t.Fatalf("resolution after a day: %+v", r) // one sweep after an outage: all three in order
		}
		q := e.enquiry(ref)
		ack, frt := q.Clocks[store.ClockAcknowledge], q.Clocks[store.ClockFirstResponse]
		if !ack.Warned.Equal(monday.Add(5*time.Minute)) || !ack.Breached.Equal(monday.Add(10*time.Minute)) || !ack.Escalated.IsZero() || ack.Met.IsZero() {
			t.Errorf("acknowledge %+v", ack)
		}
		if !frt.Warned.Equal(monday.Add(45*time.Minute)) || !frt.Breached.Equal(monday.Add(time.Hour)) || !frt.Escalated.Equal(monday.Add(90*time.Minute)) {
			t.Errorf("first response %+v", frt)
		}
		kinds := rec.byKind()
		if kinds[NoticeWarning] != 3 || kinds[NoticeBreach] != 3 || kinds[NoticeEscalation] != 2 {
			t.Errorf("notices %v", kinds)
		}
		for _, n := range rec.sent {
			switch n.Kind {
			case NoticeWarning:
				if strings.Join(n.To, ",") != "moreau" || n.Emails[0] != "claire.moreau@press.example.gov.uk" {
					t.Errorf("warning to %v %v", n.To, n.Emails)
				}
			case NoticeBreach:
				if strings.Join(n.To, ",") != "grant" {
					t.Errorf("breach to %v", n.To)
				}
			case NoticeEscalation:
				if strings.Join(n.To, ",") != "grant,moreau" {
					t.Errorf("escalation to %v", n.To)
				}
			}
			if !strings.HasPrefix(n.Key, "sla:"+ref+":") || n.Subject == "" || n.Text == "" {
				t.Errorf("notice %+v", n)
			}
		}
		// Events carry the clock.met dims.
		var types []string
		for _, m := range e.events() {
			typ := m.Values["type"].(string)
			if !strings.HasPrefix(typ, "clock.") || typ == "clock.met" {
				continue
			}
			types = append(types, typ)
			var d map[string]any
			if err := json.Unmarshal([]byte(m.Values["data"].(string)), &d); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"clock", "due", "topic", "officer", "tier", "release", "created", "outlet", "policy", "channel", "lang"} {
				if _, ok := d[k]; !ok {
					t.Errorf("%s lacks %s: %v", typ, k, d)
				}
			}
			if d["topic"] != "europe" || d["tier"] != "broadcast" || d["officer"] != "moreau" || d["policy"] != "broadcast-national" {
				t.Errorf("%s dims %v", typ, d)
			}
		}
		if got := strings.Join(types, " "); got != "clock.warned clock.breached clock.warned clock.breached clock.escalated clock.warned clock.breached clock.escalated" {
			t.Errorf("events %s", got)
		}
		// Timeline entries in the store's shape.
		tl, err := e.st.Timeline(e.ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, ev := range tl {
			if strings.HasPrefix(ev.Type, "clock.") {
				n++
				if ev.By != "system" || ev.Text == "" || ev.Data["clock"] == nil || ev.At.IsZero() {
					t.Errorf("timeline %+v", ev)
				}
			}
		}
		if n != 8 {
			t.Errorf("%d clock timeline entries, want 8", n)
		}
	})
}
