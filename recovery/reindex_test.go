package recovery_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/recovery"
	"github.com/mediadesk/mediadesk/store"
)

// why says what settled last waited for.
var why string

const (
	deskAddr = "press@desk.example.gov.uk"
	annAddr  = "ann@desk.example.gov.uk"
	passEnv  = "T_IMAP_PW"
)

func deskConfig(t testing.TB, im *servers.IMAP, smtpAddr, processed string) *config.Config {
	t.Helper()
	// The catalogue's release is published today, so the enquiries about
	// it link to it (the linker prefers recent releases).
	catalogue, err := os.ReadFile("testdata/releases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	catalogue = bytes.ReplaceAll(catalogue, []byte(`"published":"2023-10-16"`), []byte(`"published":"`+time.Now().Format("2006-01-02")+`"`))
	rel := filepath.Join(t.TempDir(), "releases.jsonl")
	if err := os.WriteFile(rel, catalogue, 0o600); err != nil {
		t.Fatal(err)
	}
	y := fmt.Sprintf(`desk:
  name: Test Press Office
  timezone: Europe/London
  reference_prefix: TEST
  address: %s
mailboxes:
  - id: desk
    address: %s
    security: none
    username: %s
    password_env: %s
    folders: [INBOX]
    sent_folder: Sent
%s
redis:
  url_env: T_REDIS_URL
smtp:
  address: %s
  security: none
  from: "Test Press Office <%s>"
releases:
  sources:
    - file: %s
topics:
  - id: europe
    name: Europe and the Western Balkans
    keywords: [Albania, Tirana, Western Balkans, Kosovo]
  - id: general
    name: General enquiries
    fallback: true
officers:
  - {id: ann, name: Ann Officer, email: %s, role: officer, topics: ["*"]}
  - {id: meg, name: Meg Manager, email: meg@desk.example.gov.uk, role: manager, topics: ["*"]}
rota:
  - {name: Duty desk, topics: ["*"], officers: [ann], start: "0 0 * * *", duration: 24h}
escalation:
  manager: meg
  after_breach: 30m
sla:
  policies:
    - {id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}
  deadline_margin: 15m
  warn_before: 15m
outlets:
  - {domain: bbc.co.uk, name: BBC, tier: broadcast}
  - {domain: reuters.com, name: Reuters, tier: wire}
web:
  base_url: https://desk.example.gov.uk
ingest:
  poll_interval: 1s
alerts:
  group_interval: 0s
`, deskAddr, im.Addr, im.Username, passEnv, processed, smtpAddr, deskAddr, rel, annAddr)
	path := filepath.Join(t.TempDir(), "desk.yaml")
	if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		t.Fatalf("test config: %v", err)
	}
	return cfg
}

func quietLogger() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// env is a desk's servers: IMAP, Redis, the SMTP sink, and a fake clock.
type env struct {
	t     *testing.T
	ctx   context.Context
	im    *servers.IMAP
	rdb   *redis.Client
	sink  *outbound.Sink
	cfg   *config.Config
	clock *clock.Fake
	st    *store.Store
}

func (e *env) secret(name string) string {
	if name == passEnv {
		return e.im.Password
	}
	return ""
}

// run starts a whole desk (app.New, as serve does) until the returned
// stop is called.
func (e *env) run() (stop func()) {
	e.t.Helper()
	ctx, cancel := context.WithCancel(e.ctx)
	d, err := app.New(ctx, app.Options{Config: e.cfg, Redis: e.rdb, Listen: "-", Logger: quietLogger(), Clock: e.clock, Secret: e.secret})
	if err != nil {
		e.t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = d.Run(ctx) }()
	return func() { cancel(); <-done }
}

// appendAt puts a message in folder with the given arrival time.
func (e *env) appendAt(folder string, at time.Time, raw string) {
	e.t.Helper()
	c, err := e.im.Dial(e.ctx, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	defer c.Close()
	b := []byte(strings.ReplaceAll(raw, "\n", "\r\n"))
	cmd := c.Append(folder, int64(len(b)), &imap.AppendOptions{Time: at})
	if _, err := cmd.Write(b); err != nil {
		e.t.Fatal(err)
	}
	if err := cmd.Close(); err != nil {
		e.t.Fatal(err)
	}
	if _, err := cmd.Wait(); err != nil {
		e.t.Fatal(err)
	}
}

func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s (%s)", what, why)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settled waits until the desk has done everything due by the fake
// clock's now: ingested n messages, consumed every event, swept every
// clock, handed over every notice, sent and archived every mail.
func (e *env) settled(n int64) {
	e.t.Helper()
	now := e.clock.Now()
	eventually(e.t, "the desk to settle", func() bool {
		// Ingested from INBOX, or (replayed) from Processed.
		st, err := e.st.FolderStats(e.ctx, [][2]string{{"desk", "INBOX"}, {"desk", "Processed"}})
		if err != nil || st[0].Messages+st[1].Messages < n {
			why = fmt.Sprint("ingested ", st, err)
			return false
		}
		if c, err := e.st.ClockWakesDue(e.ctx, now); err != nil || c > 0 {
			why = fmt.Sprint("clock wakes due ", c, err)
			return false
		}
		for _, z := range []string{"sla:notify", "outbox:toappend"} {
			if c, err := e.rdb.ZCard(e.ctx, e.st.Prefix()+z).Result(); err != nil || c > 0 {
				why = fmt.Sprint(z, c, err)
				return false
			}
		}
		for _, s := range []struct{ stream, group string }{{"events", "outbound"}, {"outbox", "outbox"}} {
			groups, err := e.rdb.XInfoGroups(e.ctx, e.st.Prefix()+s.stream).Result()
			if err != nil {
				why = fmt.Sprint(s.stream, err)
				return false
			}
			info, err := e.rdb.XInfoStream(e.ctx, e.st.Prefix()+s.stream).Result()
			if err != nil {
				why = fmt.Sprint(s.stream, err)
				return false
			}
			for _, g := range groups {
				if g.Name == s.group && (g.Pending != 0 || (info.Length > 0 && g.LastDeliveredID != info.LastGeneratedID)) {
					why = fmt.Sprintf("%s %+v %s", s.stream, g, info.LastGeneratedID)
					return false
				}
			}
		}
		c, err := outbound.Totals(e.ctx, e.st)
		return err == nil && c.Queued+c.Sending+c.Retrying == 0
	})
}

func mail(id, from, to, subject string, date time.Time, headers, body string) string {
	s := "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nDate: " + date.Format(time.RFC1123Z) +
		"\nMessage-ID: <" + id + ">\n"
	if headers != "" {
		s += strings.TrimRight(headers, "\n") + "\n"
	}
	return s + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n"
}

// snapshot is what a reindex must give back: every enquiry's identity,
// routing, thread and clocks.
type enquirySnap struct {
	Ref, Status, Subject, From, Officer, Topic, Outlet, Parent string
	Created                                                    time.Time
	Thread                                                     []string // Message-IDs, sorted
	Clocks                                                     map[string]store.Clock
	Responses                                                  int
	// Release is the linked release; Indexed says the enquiry is among
	// the release's enquiries (store.ReleaseEnquiries), which the reindex
	// rebuilds by committing again.
	Release string
	Indexed bool
}

func (e *env) snapshot() map[string]enquirySnap {
	e.t.Helper()
	refs, err := e.rdb.ZRange(e.ctx, e.st.Prefix()+"idx:all", 0, -1).Result()
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[string]enquirySnap{}
	for _, ref := range refs {
		q, err := e.st.Enquiry(e.ctx, ref)
		if err != nil {
			e.t.Fatal(err)
		}
		msgs, err := e.st.Messages(e.ctx, ref)
		if err != nil {
			e.t.Fatal(err)
		}
		s := enquirySnap{Ref: q.Ref, Status: string(q.Status), Subject: q.Subject, From: q.From, Officer: q.Officer,
			Topic: q.Topic, Outlet: q.Outlet, Parent: q.Parent, Created: q.Created, Clocks: q.Clocks, Release: q.Release}
		if q.Release != "" {
			linked, _, err := e.st.ReleaseEnquiries(e.ctx, q.Release, 1000)
			if err != nil {
				e.t.Fatal(err)
			}
			s.Indexed = slices.ContainsFunc(linked, func(l *store.Enquiry) bool { return l.Ref == ref })
		}
		for _, m := range msgs {
			s.Thread = append(s.Thread, m.MessageID)
		}
		slices.Sort(s.Thread)
		tl, _ := e.st.Timeline(e.ctx, ref)
		for _, ev := range tl {
			if ev.Type == "response" {
				s.Responses++
			}
		}
		out[ref] = s
	}
	return out
}

// compare checks that got holds want's enquiries unchanged, and extra
// more.
func compare(t *testing.T, what string, want, got map[string]enquirySnap, extra int) {
	t.Helper()
	if len(got) != len(want)+extra {
		t.Errorf("%s: %d enquiries, want %d", what, len(got), len(want)+extra)
	}
	for ref, w := range want {
		g, ok := got[ref]
		if !ok {
			t.Errorf("%s: %s missing", what, ref)
			continue
		}
		if fmt.Sprintf("%+v", g) != fmt.Sprintf("%+v", w) {
			t.Errorf("%s: %s differs:\n got  %+v\n want %+v", what, ref, g, w)
		}
	}
}

// TestReindex: a desk ingests enquiries, acknowledges them, records
// replies from the Sent folder (in time, holding, late), threads
// follow-ups (one replying to our acknowledgement, one after the answer),
// and its clocks warn, breach and escalate on the way. Then Redis loses
// everything (FLUSHALL; the outbound consumer group is recreated at the
// start of the stream, as a damaged Redis might keep it). `reindex` gives
// back the same enquiries — references, threads, routing, every clock's
// due, met, warned, breached and escalated time — and queues nothing; a
// desk started afterwards sends nothing for them, while a message that
// arrived during the outage (never ingested) is left to that desk, which
// acknowledges it and alerts the officer; and a second reindex changes
// nothing. Against real Dovecot and Redis (keyword and processed_folder
// modes), and the embedded ones.
func TestReindex(t *testing.T) {
	for _, tc := range []struct {
		name  string
		imap  func(testing.TB, ...servers.DovecotOptions) *servers.IMAP
		redis func(testing.TB) *servers.Redis
		// processed is the mailbox's processed_folder ("": keyword mode).
		processed string
	}{
		{"dovecot+redis-server", servertest.RealDovecot, servertest.RealRedis, ""},
		{"dovecot+redis-server/processed_folder", servertest.RealDovecot, servertest.RealRedis, "Processed"},
		{"embedded", servertest.MemIMAP, servertest.Miniredis, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testReindex(t, tc.imap(t), tc.redis(t), tc.processed)
		})
	}
}

func testReindex(t *testing.T, im *servers.IMAP, r *servers.Redis, processed string) {
	ctx := t.Context()
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	sink, err := outbound.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	line := ""
	if processed != "" {
		line = "    processed_folder: " + processed
	}
	cfg := deskConfig(t, im, sink.Addr, line)
	start := time.Now().Truncate(time.Second)
	e := &env{t: t, ctx: ctx, im: im, rdb: rdb, sink: sink, cfg: cfg, clock: clock.NewFake(start),
		st: store.New(rdb, store.Options{Prefix: cfg.Redis.KeyPrefix, RefPrefix: cfg.Desk.ReferencePrefix, Location: cfg.Location})}
	at := func(d time.Duration) time.Time { return start.Add(d) }

	stop := e.run()
	journalists := []string{"amy@bbc.co.uk", "ben@reuters.com", "cat@bbc.co.uk", "dan@reuters.com", "eve@bbc.co.uk", "fay@bbc.co.uk"}
	for i, j := range journalists {
		e.appendAt("INBOX", at(time.Duration(i)*time.Second), mail(fmt.Sprintf("q%d@example.net", i), j, deskAddr,
			fmt.Sprintf("Question %d on the Albania visit", i), at(time.Duration(i)*time.Second), "", "What did the Foreign Secretary agree in Tirana?"))
	}
	e.settled(6)
	ackID := map[string]string{}
	for _, m := range sink.Messages() {
		for _, to := range m.To {
			if slices.Contains(journalists, to) {
				ackID[to] = strings.Trim(m.Header("Message-ID"), "<> ")
			}
		}
	}
	if len(ackID) != len(journalists) {
		t.Fatalf("acknowledgements to %d journalists, want %d", len(ackID), len(journalists))
	}

	// +5m: a substantive reply to q0 and a holding reply to q1, from Ann's
	// own mail client.
	e.clock.Set(at(5 * time.Minute))
	e.appendAt("Sent", at(5*time.Minute), mail("ann-0@desk.example.gov.uk", annAddr, journalists[0], "Re: Question 0 on the Albania visit",
		at(5*time.Minute), "In-Reply-To: <q0@example.net>", "They agreed returns."))
	e.appendAt("Sent", at(5*time.Minute+time.Second), mail("ann-1@desk.example.gov.uk", annAddr, journalists[1], "[holding] Re: Question 1 on the Albania visit",
		at(5*time.Minute+time.Second), "In-Reply-To: <q1@example.net>", "Looking into it."))
	eventually(t, "two responses recorded", func() bool {
		s := e.snapshot()
		n := 0
		for _, q := range s {
			n += q.Responses
		}
		return n == 2
	})
	// +6m: cat answers our acknowledgement; +7m: amy follows up after the answer.
	e.clock.Set(at(6 * time.Minute))
	e.appendAt("INBOX", at(6*time.Minute), mail("f2@example.net", journalists[2], deskAddr, "Re: Question 2 on the Albania visit",
		at(6*time.Minute), "In-Reply-To: <"+ackID[journalists[2]]+">\nReferences: <q2@example.net> <"+ackID[journalists[2]]+">", "Any news?"))
	e.settled(7)
	e.clock.Set(at(7 * time.Minute))
	e.appendAt("INBOX", at(7*time.Minute), mail("f0@example.net", journalists[0], deskAddr, "Re: Re: Question 0 on the Albania visit",
		at(7*time.Minute), "In-Reply-To: <ann-0@desk.example.gov.uk>", "And the numbers?"))
	e.settled(8)
	// +20m: the unanswered acknowledge clocks warn and breach.
	e.clock.Set(at(20 * time.Minute))
	e.settled(8)
	// +25m: a late reply to q3.
	e.clock.Set(at(25 * time.Minute))
	e.appendAt("Sent", at(25*time.Minute), mail("ann-3@desk.example.gov.uk", annAddr, journalists[3], "Re: Question 3 on the Albania visit",
		at(25*time.Minute), "In-Reply-To: <q3@example.net>", "Late, sorry."))
	eventually(t, "the late response recorded", func() bool { return e.snapshot()["TEST-"+fmt.Sprint(start.Year())+"-000004"].Responses == 1 })
	// +3h: first responses breach, breaches escalate.
	e.clock.Set(at(3 * time.Hour))
	e.settled(8)
	stop()
	before := e.snapshot()
	if len(before) != 6 {
		t.Fatalf("%d enquiries before, want 6", len(before))
	}
	indexed := 0
	for _, q := range before {
		if q.Release != "" && !q.Indexed {
			t.Errorf("%s links %s but is not among its enquiries", q.Ref, q.Release)
		}
		if q.Indexed {
			indexed++
		}
	}
	if indexed == 0 {
		t.Error("no enquiry linked to a release: the release index goes untested")
	}
	breached := 0
	for _, q := range before {
		for _, c := range q.Clocks {
			if !c.Breached.IsZero() {
				breached++
			}
		}
	}
	if breached < 6 {
		t.Fatalf("only %d clocks breached before the loss; the scenario needs breaches", breached)
	}
	mails := len(sink.Messages())
	// While the desk is down, a new enquiry arrives: never ingested, it is
	// not replayed, and the desk acknowledges it when it starts again.
	e.appendAt("INBOX", at(3*time.Hour), mail("q6@example.net", "gus@bbc.co.uk", deskAddr, "A new question",
		at(3*time.Hour), "", "Anything on Kosovo?"))

	// Redis loses everything; the outbound group is recreated at the start
	// of the stream (the hard case: it will read every replayed event).
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	if err := rdb.XGroupCreateMkStream(ctx, e.st.Prefix()+"events", "outbound", "0").Err(); err != nil {
		t.Fatal(err)
	}
	reindex := func() *recovery.Result {
		t.Helper()
		res, err := recovery.Run(ctx, recovery.Options{Config: cfg, Redis: rdb, Secret: e.secret, Clock: e.clock, Logger: quietLogger()})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := reindex()
	t.Logf("first reindex: %+v", *res)
	if res.Outcomes["enquiry"] != 6 || res.Outcomes["followup"] != 2 || res.RefsRestored != 6 || res.Left != 1 {
		t.Errorf("first reindex: %v, %d references restored, %d left; want 6 enquiries, 2 follow-ups, 6 restored, 1 left for serve",
			res.Outcomes, res.RefsRestored, res.Left)
	}
	compare(t, "after reindex", before, e.snapshot(), 0)
	if c, err := outbound.Totals(ctx, e.st); err != nil || c.Queued+c.Sending+c.Retrying+c.Sent+c.Failed+c.Suppressed != 0 {
		t.Errorf("the outbox after reindex: %+v (%v), want it empty", c, err)
	}
	if n, _ := rdb.ZCard(ctx, e.st.Prefix()+"sla:notify").Result(); n != 0 {
		t.Errorf("%d SLA notices queued by the reindex, want none", n)
	}

	// A desk started on the rebuilt Redis sends nothing for the past; it
	// ingests the new enquiry, acknowledges it and alerts Ann.
	stop = e.run()
	e.settled(9)
	stop()
	// (Dovecot may set a future APPEND date to now, so the new enquiry
	// can be overdue by the fake clock: its live SLA notices are right.)
	newRef := fmt.Sprintf("TEST-%d-000007", start.Year())
	acked, alerted := false, false
	for _, m := range sink.Messages()[mails:] {
		line := strings.Join(m.To, ",") + ": " + m.Parsed.Subject
		if !strings.Contains(m.Parsed.Subject, "["+newRef+"]") {
			t.Errorf("sent after the reindex, not about the new enquiry %s: %s", newRef, line)
		}
		acked = acked || strings.Join(m.To, ",") == "gus@bbc.co.uk"
		alerted = alerted || strings.Contains(line, annAddr+": ["+newRef+"] New enquiry for you")
	}
	if !acked || !alerted {
		t.Errorf("the new enquiry: acknowledged %v, alert %v; want both", acked, alerted)
	}
	compare(t, "after serve", before, e.snapshot(), 1)

	// Again: nothing changes.
	xlen := rdb.XLen(ctx, e.st.Prefix()+"events").Val()
	res = reindex()
	if res.New() != 0 || res.RefsRestored != 0 {
		t.Errorf("second reindex: %v, want nothing new", res.Outcomes)
	}
	if got := rdb.XLen(ctx, e.st.Prefix()+"events").Val(); got != xlen {
		t.Errorf("second reindex wrote %d events, want 0", got-xlen)
	}
	compare(t, "after a second reindex", before, e.snapshot(), 1)
}
