package plan

import (
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/fixture"
)

func TestPolicyChoice(t *testing.T) {
	desk := deskConfig(t)
	// A desk with topic and tier-and-topic matches too.
	custom := &config.Config{SLA: config.SLA{Policies: []config.Policy{
		{ID: "wire-security", Match: &config.PolicyMatch{OutletTier: []string{"wire"}, Topic: []string{"security"}}, Acknowledge: time.Minute, FirstResponse: 10 * time.Minute, Resolution: time.Hour},
		{ID: "consular", Match: &config.PolicyMatch{Topic: []string{"consular"}}, Acknowledge: 5 * time.Minute, FirstResponse: 20 * time.Minute, Resolution: 2 * time.Hour},
		{ID: "wire", Match: &config.PolicyMatch{OutletTier: []string{"wire"}}, Acknowledge: 5 * time.Minute, FirstResponse: 30 * time.Minute, Resolution: 4 * time.Hour},
		{ID: "standard", Acknowledge: 15 * time.Minute, FirstResponse: 2 * time.Hour, Resolution: 24 * time.Hour},
	}}}
	cases := []struct {
		cfg         *config.Config
		tier, topic string
		want        string
	}{
		{desk, "wire", "migration", "wire"},
		{desk, "broadcast", "europe", "broadcast-national"},
		{desk, "national", "general", "broadcast-national"},
		{desk, "regional", "migration", "standard"},
		{desk, "trade", "trade", "standard"},
		{desk, "international", "middle-east", "standard"},
		{desk, "", "general", "standard"}, // no known outlet
		{custom, "wire", "security", "wire-security"},
		{custom, "wire", "migration", "wire"},
		{custom, "national", "security", "standard"},
		{custom, "wire", "consular", "consular"}, // first match wins
		{custom, "", "consular", "consular"},
	}
	for _, c := range cases {
		p := c.cfg.PolicyFor(c.tier, c.topic)
		if p == nil || p.ID != c.want {
			t.Errorf("%q/%q: policy %v, want %s", c.tier, c.topic, p, c.want)
		}
		plan := For(c.cfg, c.tier, c.topic, monday, time.Time{})
		if plan.Policy != c.want || !plan.AcknowledgeDue.Equal(monday.Add(p.Acknowledge)) ||
			!plan.FirstResponseDue.Equal(monday.Add(p.FirstResponse)) || !plan.ResolutionDue.Equal(monday.Add(p.Resolution)) {
			t.Errorf("%q/%q: plan %+v", c.tier, c.topic, plan)
		}
	}
}

func TestDeadlinePullForward(t *testing.T) {
	cfg := deskConfig(t) // margin 15m; broadcast: ack 10m, first response 1h, resolution 6h
	at := monday
	m := func(n int) time.Time { return at.Add(time.Duration(n) * time.Minute) }
	cases := []struct {
		name          string
		deadline      time.Time
		ack, frt, res time.Time
		pulled        bool
	}{
		{"no deadline", time.Time{}, m(10), m(60), m(360), false},
		{"deadline after the targets", m(240), m(10), m(60), m(360), false},
		{"deadline exactly at first response + margin", m(75), m(10), m(60), m(360), false},
		{"deadline pulls first response only", m(45), m(10), m(30), m(360), true},
		{"deadline pulls both", m(20), m(5), m(5), m(360), true},
		{"margin does not fit: the deadline itself", m(10), m(10), m(10), m(360), true},
		{"margin does not fit, closer than acknowledge", m(8), m(8), m(8), m(360), true},
		{"deadline already past", m(-30), m(10), m(60), m(360), false},
		{"deadline at the arrival instant", m(0), m(10), m(60), m(360), false},
	}
	for _, c := range cases {
		p := For(cfg, "broadcast", "europe", at, c.deadline)
		if !p.AcknowledgeDue.Equal(c.ack) || !p.FirstResponseDue.Equal(c.frt) || !p.ResolutionDue.Equal(c.res) || p.PulledForward != c.pulled {
			t.Errorf("%s: ack %s frt %s res %s pulled %v; want %s %s %s %v", c.name,
				p.AcknowledgeDue.Sub(at), p.FirstResponseDue.Sub(at), p.ResolutionDue.Sub(at), p.PulledForward,
				c.ack.Sub(at), c.frt.Sub(at), c.res.Sub(at), c.pulled)
		}
		if p.AcknowledgeDue.After(p.FirstResponseDue) {
			t.Errorf("%s: acknowledge after first response", c.name)
		}
	}
}

// DST nights: due times are elapsed time, whatever the wall clock does
// (days and in-hours on those nights: sla's TestDSTNights).
func TestDSTNights(t *testing.T) {
	cfg := deskConfig(t)
	london := cfg.Location
	t.Run("due times", func(t *testing.T) {
		cases := []struct {
			name    string
			opened  time.Time
			tier    string
			wantFRT string // wall clock, London
			wantRes string
		}{
			// Spring forward 31 Mar 2024 01:00 GMT → 02:00 BST.
			{"spring: standard 2h from 00:30 GMT", time.Date(2024, 3, 31, 0, 30, 0, 0, london), "", "03:30 BST", "01:30 BST"},
			// Fall back 29 Oct 2023 02:00 BST → 01:00 GMT: 01:30 happens twice.
			{"autumn: wire 30m from the first 01:30", time.Date(2023, 10, 29, 0, 30, 0, 0, time.UTC), "wire", "01:00 GMT", "04:30 GMT"},
			{"autumn: broadcast 1h from 00:45 BST", time.Date(2023, 10, 29, 0, 45, 0, 0, london), "broadcast", "01:45 BST", "05:45 GMT"},
		}
		for _, c := range cases {
			p := For(cfg, c.tier, "general", c.opened, time.Time{})
			pol := cfg.PolicyFor(c.tier, "general")
			if p.FirstResponseDue.Sub(c.opened) != pol.FirstResponse || p.ResolutionDue.Sub(c.opened) != pol.Resolution {
				t.Errorf("%s: not elapsed time", c.name)
			}
			if got := p.FirstResponseDue.In(london).Format("15:04 MST"); got != c.wantFRT {
				t.Errorf("%s: first response due %s, want %s", c.name, got, c.wantFRT)
			}
			if got := p.ResolutionDue.In(london).Format("15:04 MST"); got != c.wantRes {
				t.Errorf("%s: resolution due %s, want %s", c.name, got, c.wantRes)
			}
		}
	})
	t.Run("deadline on the change day", func(t *testing.T) {
		opened := time.Date(2023, 10, 29, 9, 0, 0, 0, london)
		deadline := time.Date(2023, 10, 29, 10, 0, 0, 0, london) // "by 10am" on the Sunday the clocks went back
		p := For(cfg, "", "general", opened, deadline)
		if got := p.FirstResponseDue.In(london).Format("15:04 MST"); got != "09:45 GMT" {
			t.Errorf("first response due %s", got)
		}
	})
}

// deskConfig is the project's test desk (testdata/desk.yaml at the module
// root).
func deskConfig(t testing.TB) *config.Config {
	t.Helper()
	cfg, err := config.Load(fixture.Desk(t), config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// monday is 09:30 BST on Monday 16 October 2023, in hours.
var monday = time.Date(2023, 10, 16, 8, 30, 0, 0, time.UTC)
