package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/store"
)

const floodDesk = `desk: {name: Flood desk, timezone: Europe/London, reference_prefix: FLOOD, address: desk@flood.example}
mailboxes:
  - {id: flood, address: %q, security: none, username: %q, password_env: FLOOD_IMAP_PASSWORD, folders: [INBOX]}
redis: {url_env: FLOOD_REDIS_URL}
smtp: {address: "127.0.0.1:1", security: none, from: "Press office <desk@flood.example>"}
releases: {sources: [{file: releases.jsonl}]}
topics:
  - {id: general, fallback: true}
officers:
  - {id: ann, name: Ann, email: ann@flood.example, role: officer, topics: ["*"]}
  - {id: meg, name: Meg, email: meg@flood.example, role: manager, topics: ["*"]}
rota:
  - {name: All day, topics: ["*"], officers: [ann], start: "0 0 * * *", duration: 24h}
escalation: {manager: meg, after_breach: 30m}
sla:
  policies: [{id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}]
acknowledgements: {enabled: false}
alerts: {email: false}
reports: {digest_schedule: "off"}
ingest: {poll_interval: 1s, sender_limit: 5, sender_window: 1h, max_html_bytes: 4096}
`

// TestSenderFloodThreaded: the whole desk (real Dovecot and Redis when
// installed) with ingest.sender_limit 5: eight mails from one sender make
// five enquiries and three follow-ups on the fifth, each with the timeline
// note; an HTML part is stored clipped to ingest.max_html_bytes.
func TestSenderFloodThreaded(t *testing.T) {
	im := servertest.IMAP(t)
	r := servertest.Redis(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "releases.jsonl"), []byte(`{"id":"r1","title":"Figures","url":"https://www.gov.uk/r1","published":"2026-01-05","topics":["general"],"body":"Figures."}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(path, []byte(fmt.Sprintf(floodDesk, im.Addr, im.Username)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })

	now := time.Now()
	var msgs [][]byte
	for i := 1; i <= 8; i++ {
		msgs = append(msgs, []byte(fmt.Sprintf("From: Flo Oder <flo@spam.example>\r\nTo: desk@flood.example\r\n"+
			"Subject: Question %d\r\nDate: %s\r\nMessage-ID: <flood-%d@spam.example>\r\nMIME-Version: 1.0\r\n"+
			"Content-Type: text/plain; charset=utf-8\r\n\r\nQuestion number %d.\r\n", i, now.Format(time.RFC1123Z), i, i)))
	}
	html := "<p>" + strings.Repeat("Big HTML. ", 2000) + "</p>"
	msgs = append(msgs, []byte(fmt.Sprintf("From: Kim <kim@news.example>\r\nTo: desk@flood.example\r\nSubject: Big\r\n"+
		"Date: %s\r\nMessage-ID: <big@news.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n"+
		"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe text, kept whole.\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s\r\n--b--\r\n",
		now.Format(time.RFC1123Z), html)))
	if err := im.Append(context.Background(), "INBOX", msgs...); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	d, err := New(ctx, Options{Config: cfg, Redis: rdb, Listen: "-", OpsListen: "-",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Secret: func(string) string { return im.Password }})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = d.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })

	var st store.FolderStats
	deadline := time.Now().Add(30 * time.Second)
	for st.Messages < 9 {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for 9 messages: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
		if s, err := d.Store.FolderStats(ctx, [][2]string{{"flood", "INBOX"}}); err == nil {
			st = s[0]
		}
	}
	if st.Enquiries != 6 || st.Followups != 3 {
		t.Errorf("stats %+v, want 6 enquiries (5 from flo, 1 from kim) and 3 follow-ups", st)
	}
	refs, err := rdb.ZRange(ctx, cfg.Redis.KeyPrefix+"idx:all", 0, -1).Result()
	if err != nil {
		t.Fatal(err)
	}
	notes, big := map[string]int{}, ""
	for _, ref := range refs {
		e, err := d.Store.Enquiry(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		if e.From == "kim@news.example" {
			big = ref
		}
		tl, _ := d.Store.Timeline(ctx, ref)
		for _, ev := range tl {
			if ev.Type == "followup" && strings.Contains(ev.Text, "threaded: sender over 5 new enquiries in 1h") {
				notes[ref]++
			}
		}
	}
	if len(notes) != 1 {
		t.Errorf("threaded follow-ups: %v, want 3 on one enquiry", notes)
	}
	for ref, n := range notes {
		if e, _ := d.Store.Enquiry(ctx, ref); n != 3 || e.Subject != "Question 5" {
			t.Errorf("%s (%q): %d notes, want 3 on the fifth enquiry", ref, e.Subject, n)
		}
	}
	ms, err := d.Store.Messages(ctx, big)
	if err != nil || len(ms) != 1 {
		t.Fatalf("big: %v %d", err, len(ms))
	}
	if len(ms[0].HTML) > 4096 || !strings.HasPrefix(ms[0].HTML, "<p>Big HTML.") || !strings.Contains(ms[0].Text, "kept whole") {
		t.Errorf("stored HTML %d bytes (limit 4096), text %q", len(ms[0].HTML), ms[0].Text)
	}
}
