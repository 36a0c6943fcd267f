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
			a.route = func(in routing.Input, at time.Time, l routing.Load) routing.Decision {
				if c.panicWhen(in) {
					panic("index out of range [7] with length 3")
				}
				return rr.Route(in, at, l)
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
