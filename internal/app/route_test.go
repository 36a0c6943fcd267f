package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/releases/release"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/store"
)

// TestRoutePanicStillMakesAnEnquiry: when routing fails on a message's
// text, the message is routed from its sender and dates alone (fallback
// topic, the policy's due times) and the failure is on its timeline: a
// routing bug never costs an enquiry or stalls the mailbox.
func TestRoutePanicStillMakesAnEnquiry(t *testing.T) {
	dir := filepath.Join("..", "..", "routing", "testdata")
	cfg, err := config.Load(filepath.Join(dir, "desk.yaml"), config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "releases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rels, err := release.LoadJSONL(f)
	if err != nil {
		t.Fatal(err)
	}
	rr, err := routing.NewRouter(cfg, routing.NewCatalogue(rels, cfg.Location))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 3, 13, 10, 0, 0, 0, time.UTC)
	fallback := cfg.FallbackTopic()
	for _, c := range []struct {
		name      string
		panicWhen func(routing.Input) bool
		topic     string
	}{
		{"text breaks routing", func(in routing.Input) bool { return in.NewText != "" }, fallback},
		{"routing breaks on anything", func(routing.Input) bool { return true }, fallback},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := &Router{Config: cfg, Router: rr, Clock: clock.NewFake(now)}
			a.route = func(in routing.Input, at time.Time) routing.Decision {
				if c.panicWhen(in) {
					panic("index out of range [7] with length 3")
				}
				return rr.Classify(in, at)
			}
			in := &store.Incoming{Received: now, Msg: &mailparse.Message{MessageID: "m@x", Date: now,
				From: mailparse.Address{Addr: "jo@wire.example"}, Subject: "Question", Text: "Deadline 4pm?", NewText: "Deadline 4pm?"}}
			a.Route(in)
			if in.New == nil {
				t.Fatal("no enquiry fields: the message would be lost to the desk")
			}
			if in.New.Topic != c.topic {
				t.Errorf("topic %q, want %q", in.New.Topic, c.topic)
			}
			if len(in.New.Timeline) == 0 || in.New.Timeline[0].Type != "routing-failed" || !strings.Contains(in.New.Timeline[0].Text, "index out of range") {
				t.Errorf("timeline does not say routing failed: %+v", in.New.Timeline)
			}
			if c.name == "text breaks routing" && in.New.FirstResponseDue.IsZero() {
				t.Error("no first-response due time: the SLA clock would not run")
			}
		})
	}
}

// TestRouterOwnIsTheConfigs: ingest's "own address" is config's single
// definition — an exact address, never a substring of the desk's.
func TestRouterOwnIsTheConfigs(t *testing.T) {
	cfg, err := config.Load(filepath.Join("..", "..", "routing", "testdata", "desk.yaml"), config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := &Router{Config: cfg}
	desk := strings.ToLower(cfg.Desk.Address)
	at := strings.IndexByte(desk, '@')
	for _, tc := range []struct {
		addr string
		own  bool
	}{
		{desk, true},
		{strings.ToUpper(desk), true},
		{desk[at-1:], false},          // "k@…" of "newsdesk@…": a substring, not the address
		{desk[at+1:], false},          // the bare domain
		{"x" + desk, false},           // a longer local part
		{cfg.Officers[0].Email, true}, // an officer
		{"jo@bbc.co.uk", false},
	} {
		if got := a.Own(tc.addr); got != tc.own || got != cfg.IsOwnAddress(tc.addr) {
			t.Errorf("Own(%q) = %v, want %v (and the config's answer)", tc.addr, got, tc.own)
		}
	}
}

// TestOneOfficerDecision: Route classifies a message but leaves the officer
// open (no "assigned" event); Assign makes the one officer decision against
// the live load, records one "assigned" event and counts it in the load,
// and that decision is the one routing.Router.Route makes given the same
// load (what `mediadesk route` prints).
func TestOneOfficerDecision(t *testing.T) {
	dir := filepath.Join("..", "..", "routing", "testdata")
	cfg, err := config.Load(filepath.Join(dir, "desk.yaml"), config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rr, err := routing.NewRouter(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 3, 13, 10, 0, 0, 0, time.UTC)
	a := &Router{Config: cfg, Router: rr, Clock: clock.NewFake(now)}
	text := "How many migrants crossed the Channel in small boats this year? We are reporting on asylum and migration figures."
	msg := &mailparse.Message{MessageID: "m@x", Date: now, From: mailparse.Address{Addr: "jo@wire.example"},
		Subject: "Migration figures", Text: text, NewText: text}
	in := &store.Incoming{Received: now, Msg: msg}
	a.Route(in)
	if in.New == nil {
		t.Fatal("no enquiry fields")
	}
	if in.New.Officer != "" {
		t.Errorf("Route chose officer %q before the live load was known", in.New.Officer)
	}
	for _, e := range in.New.Timeline {
		if e.Type == "assigned" {
			t.Errorf("Route recorded an assignment: %+v", e)
		}
	}
	if in.New.PolicyAck == 0 || in.New.Policy == "" {
		t.Errorf("policy %q ack %v: the policy looked up once must give both the plan and the durations", in.New.Policy, in.New.PolicyAck)
	}
	on := rr.Rota().OnShiftFor(in.New.Topic, now)
	if len(on) < 2 {
		t.Fatalf("topic %q: %d officers on shift, the test needs two for the load to decide", in.New.Topic, len(on))
	}
	// The officer who would win on an empty load carries the most.
	first := rr.Route(routing.InputFromMessage(msg), now, routing.Load{}).Officer
	load := store.Load{Open: map[string]int{first: 5}, LastAssigned: map[string]time.Time{}}
	want := rr.Route(routing.InputFromMessage(msg), now, routing.Load{Open: map[string]int{first: 5}}).Officer
	a.Assign(in, &load)
	if in.New.Officer == "" || in.New.Officer == first || in.New.Officer != want {
		t.Errorf("Assign chose %q (empty-load choice %q, Route with the load %q)", in.New.Officer, first, want)
	}
	n := 0
	for _, e := range in.New.Timeline {
		if e.Type == "assigned" {
			n++
			if e.Data["officer"] != in.New.Officer {
				t.Errorf("assigned event names %v, enquiry %q", e.Data["officer"], in.New.Officer)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d assigned events, want 1", n)
	}
	if load.Open[in.New.Officer] != 1 || !load.LastAssigned[in.New.Officer].Equal(now) {
		t.Errorf("the assignment is not counted in the live load: %+v", load)
	}
}
