package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
)

var t0 = time.Date(2023, 10, 16, 9, 30, 0, 0, time.UTC)

type fixture struct {
	t     *testing.T
	ctx   context.Context
	s     *Store
	rdb   redis.UniversalClient
	clock *clock.Fake
	uid   uint32
}

// both runs a test against the real Redis (or its stand-in when absent)
// and against miniredis, which the demo uses: the Lua must work on both.
func both(t *testing.T, fn func(t *testing.T, f *fixture)) {
	t.Run("redis", func(t *testing.T) { fn(t, newFixture(t, servertest.Redis(t))) })
	t.Run("miniredis", func(t *testing.T) { fn(t, newFixture(t, servertest.Miniredis(t))) })
}

func newFixture(t *testing.T, r *servers.Redis) *fixture {
	t.Helper()
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	london, _ := time.LoadLocation("Europe/London")
	fc := clock.NewFake(t0)
	return &fixture{t: t, ctx: context.Background(), rdb: rdb, clock: fc,
		s: New(rdb, Options{RefPrefix: "FCDO", Location: london, Clock: fc})}
}

func msg(id, from, subject string, irt ...string) *mailparse.Message {
	return &mailparse.Message{
		MessageID: id, From: mailparse.Address{Addr: from}, Subject: subject,
		Date: t0, Text: "body of " + id, NewText: "body of " + id, InReplyTo: irt, Size: 100,
	}
}

func (f *fixture) in(m *mailparse.Message) Incoming {
	f.uid++
	return f.inAt("INBOX", 7, f.uid, m)
}

func (f *fixture) inAt(folder string, uv, uid uint32, m *mailparse.Message) Incoming {
	return Incoming{
		Source:   Source{Mailbox: "newsdesk", Folder: folder, UIDValidity: uv, UID: uid},
		Received: t0, Size: 100, Msg: m,
		New: &NewEnquiry{
			Topic: "europe", Officer: "lindqvist", Policy: "standard",
			PolicyFRT:        2 * time.Hour,
			PolicyRes:        24 * time.Hour,
			AcknowledgeDue:   t0.Add(15 * time.Minute),
			FirstResponseDue: t0.Add(2 * time.Hour),
			ResolutionDue:    t0.Add(24 * time.Hour),
			Timeline:         []Event{{Type: "routed", Text: "europe desk"}},
		},
	}
}

func (f *fixture) commit(ins ...Incoming) []Outcome {
	f.t.Helper()
	out, err := f.s.Commit(f.ctx, ins, CommitOptions{WarnBefore: 15 * time.Minute})
	if err != nil {
		f.t.Fatal(err)
	}
	for _, o := range out {
		if o.Err != nil {
			f.t.Fatalf("outcome error: %v", o.Err)
		}
	}
	return out
}

func (f *fixture) one(in Incoming) Outcome { f.t.Helper(); return f.commit(in)[0] }

func (f *fixture) stats() FolderStats {
	f.t.Helper()
	st, err := f.s.FolderStats(f.ctx, [][2]string{{"newsdesk", "INBOX"}})
	if err != nil {
		f.t.Fatal(err)
	}
	s := st[0]
	if s.Messages != s.Enquiries+s.Followups+s.Automatic+s.Quarantined {
		f.t.Errorf("messages %d != sum of %+v", s.Messages, s)
	}
	return s
}

func TestNewEnquiry(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		if err := f.s.ResetCursor(f.ctx, "newsdesk", "INBOX", 7); err != nil {
			t.Fatal(err)
		}
		o := f.one(f.in(msg("a@x", "jo@bbc.co.uk", "Albania question")))
		if o.Kind != "enquiry" || o.Ref != "FCDO-2023-000001" {
			t.Fatalf("outcome %+v", o)
		}
		e, err := f.s.Enquiry(f.ctx, o.Ref)
		if err != nil {
			t.Fatal(err)
		}
		if e.Status != StatusOpen || e.Officer != "lindqvist" || e.From != "jo@bbc.co.uk" || e.Subject != "Albania question" {
			t.Errorf("enquiry %+v", e)
		}
		if got := e.Clocks[ClockFirstResponse].Due; !got.Equal(t0.Add(2 * time.Hour)) {
			t.Errorf("first response due %v", got)
		}
		if n := f.scheduled(t, o.Ref, ClockFirstResponse, "warn"); n != t0.Add(105*time.Minute).UnixMilli() {
			t.Errorf("warn score %v", n)
		}
		tl, _ := f.s.Timeline(f.ctx, o.Ref)
		if len(tl) != 2 || tl[0].Type != "received" || tl[1].Type != "routed" {
			t.Errorf("timeline %+v", tl)
		}
		msgs, _ := f.s.Messages(f.ctx, o.Ref)
		if len(msgs) != 1 || msgs[0].MessageID != "a@x" || msgs[0].Source.UID != 1 || msgs[0].Kind != "enquiry" {
			t.Errorf("messages %+v", msgs)
		}
		// The commit does not move the cursor; the worker does, per batch,
		// and only forward, and only under the same UIDVALIDITY.
		if cur, _ := f.s.Cursor(f.ctx, "newsdesk", "INBOX"); cur != (Cursor{UIDValidity: 7}) {
			t.Errorf("cursor after commit %+v", cur)
		}
		for _, step := range []struct{ uv, uid, want uint32 }{{7, 5, 5}, {7, 3, 5}, {8, 9, 5}, {7, 6, 6}} {
			if err := f.s.AdvanceCursor(f.ctx, "newsdesk", "INBOX", step.uv, step.uid); err != nil {
				t.Fatal(err)
			}
			if cur, _ := f.s.Cursor(f.ctx, "newsdesk", "INBOX"); cur.LastUID != step.want {
				t.Errorf("advance %+v: cursor %+v", step, cur)
			}
		}
		if s := f.stats(); s.Messages != 1 || s.Enquiries != 1 {
			t.Errorf("stats %+v", s)
		}
		list, total, _ := f.s.List(f.ctx, ListOptions{Open: true})
		if total != 1 || len(list) != 1 || list[0].Ref != o.Ref {
			t.Errorf("open list %v %d", list, total)
		}
		load, _ := f.s.Load(f.ctx, []string{"lindqvist", "chen"})
		if load.Open["lindqvist"] != 1 || load.Open["chen"] != 0 || load.LastAssigned["lindqvist"].IsZero() {
			t.Errorf("load %+v", load)
		}
	})
}

func TestReferencesCountPerYear(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		a := f.one(f.in(msg("a@x", "a@bbc.co.uk", "one")))
		in := f.in(msg("b@x", "b@bbc.co.uk", "two"))
		in.Received = time.Date(2024, 1, 1, 0, 30, 0, 0, time.UTC)
		b := f.one(in)
		c := f.one(f.in(msg("c@x", "c@bbc.co.uk", "three")))
		if a.Ref != "FCDO-2023-000001" || b.Ref != "FCDO-2024-000001" || c.Ref != "FCDO-2023-000002" {
			t.Errorf("refs %s %s %s", a.Ref, b.Ref, c.Ref)
		}
	})
}

func TestDedupe(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		m := msg("a@x", "jo@bbc.co.uk", "q")
		first := f.one(f.inAt("INBOX", 7, 10, m))
		// The same mailbox message again (crash before the flag).
		if o := f.one(f.inAt("INBOX", 7, 10, m)); o.Kind != "dup-source" || o.Ref != first.Ref {
			t.Errorf("same source: %+v", o)
		}
		// The same message under a new UIDVALIDITY.
		if o := f.one(f.inAt("INBOX", 8, 1, m)); o.Kind != "dup-message-id" || o.Ref != first.Ref {
			t.Errorf("new uidvalidity: %+v", o)
		}
		if s := f.stats(); s.Messages != 1 || s.Enquiries != 1 || s.Duplicates != 1 {
			t.Errorf("stats %+v", s)
		}
	})
}

func TestSharedMessageIDNeverMerges(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		a := f.one(f.in(msg("same@localhost", "a@bbc.co.uk", "first")))
		b := f.one(f.in(msg("same@localhost", "b@itv.com", "second, unrelated")))
		if b.Kind != "enquiry" || b.Ref == a.Ref {
			t.Fatalf("shared id merged: %+v %+v", a, b)
		}
		// A reply citing the shared id is ambiguous: it must not thread.
		c := f.one(f.in(msg("c@x", "a@bbc.co.uk", "Re: first", "same@localhost")))
		if c.Kind != "enquiry" || c.Ref == a.Ref || c.Ref == b.Ref {
			t.Errorf("reply to a shared id threaded: %+v", c)
		}
		if s := f.stats(); s.Enquiries != 3 {
			t.Errorf("stats %+v", s)
		}
	})
}

func TestThreading(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		root := f.one(f.in(msg("root@x", "jo@bbc.co.uk", "Albania")))

		// Same sender, In-Reply-To an earlier message → follow-up.
		fu := f.one(f.in(msg("fu@x", "Jo@BBC.co.uk", "Re: Albania", "root@x")))
		if fu.Kind != "followup" || fu.Ref != root.Ref {
			t.Errorf("follow-up %+v", fu)
		}
		// Another journalist replying in the thread → a new enquiry linked to it.
		other := f.one(f.in(msg("other@x", "sam@itv.com", "Re: Albania", "fu@x")))
		if other.Kind != "enquiry" || other.Ref == root.Ref || other.Detail != root.Ref {
			t.Errorf("other sender %+v", other)
		}
		e, _ := f.s.Enquiry(f.ctx, other.Ref)
		if e.Parent != root.Ref {
			t.Errorf("parent %q", e.Parent)
		}
		// Our reference in the subject from the journalist → follow-up.
		sr := f.one(f.in(msg("sr@x", "jo@bbc.co.uk", "RE: ["+root.Ref+"] Albania")))
		if sr.Kind != "followup" || sr.Ref != root.Ref {
			t.Errorf("subject ref %+v", sr)
		}
		// Our reference in the subject from a stranger → new, linked.
		st := f.one(f.in(msg("st@x", "kim@ft.com", "Fwd: ["+root.Ref+"] Albania")))
		if st.Kind != "enquiry" || st.Detail != root.Ref {
			t.Errorf("stranger subject ref %+v", st)
		}
		// A reference of another desk's prefix is ignored.
		if refs := f.s.SubjectRefs("[HO-2023-000001] x [FCDO-2023-000009]"); len(refs) != 1 || refs[0] != "FCDO-2023-000009" {
			t.Errorf("subject refs %v", refs)
		}
		root2, _ := f.s.Enquiry(f.ctx, root.Ref)
		if root2.Messages != 3 {
			t.Errorf("root messages %d", root2.Messages)
		}
		tl, _ := f.s.Timeline(f.ctx, root.Ref)
		var types []string
		for _, ev := range tl {
			types = append(types, ev.Type)
		}
		if got := strings.Join(types, ","); got != "received,routed,followup,linked,followup,linked" {
			t.Errorf("timeline %s", got)
		}
		if s := f.stats(); s.Enquiries != 3 || s.Followups != 2 {
			t.Errorf("stats %+v", s)
		}
	})
}

func TestReplyToOwnMessageThreads(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		root := f.one(f.in(msg("root@x", "jo@bbc.co.uk", "Albania")))
		// Outbound mail registers its Message-ID as our own.
		f.rdb.HSet(f.ctx, f.s.key(MessageIDKey("ack-1@desk")), "ref", root.Ref, "own", "1")
		o := f.one(f.in(msg("r@x", "jo@bbc.co.uk", "Re: Acknowledgement", "ack-1@desk")))
		if o.Kind != "followup" || o.Ref != root.Ref || o.Detail != "reply to our message" {
			t.Errorf("reply to own %+v", o)
		}
		// Our own mail arriving in the inbox (a copy) is a duplicate, not an enquiry.
		own := msg("ack-1@desk", "newsdesk@fcdo.example.gov.uk", "Acknowledgement")
		if o := f.one(f.in(own)); o.Kind != "dup-message-id" {
			t.Errorf("own copy %+v", o)
		}
	})
}

func TestAutomatic(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		root := f.one(f.in(msg("root@x", "jo@bbc.co.uk", "Albania")))
		ooo := msg("ooo@x", "jo@bbc.co.uk", "Out of office", "root@x")
		ooo.Automatic, ooo.AutoReason = mailparse.AutoReply, "Auto-Submitted: auto-replied"
		in := f.in(ooo)
		in.New = nil
		o := f.one(in)
		if o.Kind != "automatic" || o.Ref != root.Ref {
			t.Errorf("automatic %+v", o)
		}
		bounce := msg("b@x", "mailer-daemon@x.org", "Undelivered")
		bounce.Automatic = mailparse.Bounce
		in = f.in(bounce)
		in.New = nil
		if o := f.one(in); o.Kind != "automatic" || o.Ref != "" {
			t.Errorf("bounce %+v", o)
		}
		e, _ := f.s.Enquiry(f.ctx, root.Ref)
		if e.Status != StatusOpen || e.Messages != 1 {
			t.Errorf("automatic changed the enquiry: %+v", e)
		}
		autos, _ := f.s.Automatic(f.ctx, 10)
		if len(autos) != 2 {
			t.Errorf("automatic list %d", len(autos))
		}
		if s := f.stats(); s.Automatic != 2 || s.Enquiries != 1 {
			t.Errorf("stats %+v", s)
		}
	})
}

func TestQuarantine(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		in := f.in(nil)
		in.ParseErr = errTest("header: malformed line 3")
		in.RawHeader = "From: x\nbroken"
		o := f.one(in)
		if o.Kind != "quarantined" || !strings.Contains(o.Detail, "malformed") {
			t.Fatalf("outcome %+v", o)
		}
		q, total, _ := f.s.Quarantine(f.ctx, 10)
		if total != 1 || q[0].Reason != "header: malformed line 3" || q[0].Source.UID != in.Source.UID || q[0].Header == "" {
			t.Errorf("quarantine %+v", q)
		}
		// Seen again: recognised by source, not quarantined twice.
		if o := f.one(in); o.Kind != "dup-source" {
			t.Errorf("again %+v", o)
		}
		if s := f.stats(); s.Quarantined != 1 || s.Messages != 1 {
			t.Errorf("stats %+v", s)
		}
	})
}

type errTest string

func (e errTest) Error() string { return string(e) }

func TestFollowUpClocks(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		root := f.one(f.in(msg("root@x", "jo@bbc.co.uk", "Albania")))
		key := f.s.key("enq:" + root.Ref)

		// Unanswered: a follow-up deadline brings due times forward, never back.
		in := f.in(msg("d1@x", "jo@bbc.co.uk", "Re: Albania", "root@x"))
		in.DeadlineTarget = t0.Add(time.Hour)
		in.New.Deadline, in.New.DeadlinePhrase = t0.Add(75*time.Minute), "by 10.45"
		f.one(in)
		e, _ := f.s.Enquiry(f.ctx, root.Ref)
		if !e.Clocks[ClockFirstResponse].Due.Equal(t0.Add(time.Hour)) || !e.Clocks[ClockAcknowledge].Due.Equal(t0.Add(15*time.Minute)) {
			t.Errorf("pull forward: %+v", e.Clocks)
		}
		if !e.Deadline.Equal(t0.Add(75*time.Minute)) || e.DeadlinePhrase != "by 10.45" {
			t.Errorf("deadline %v %q", e.Deadline, e.DeadlinePhrase)
		}

		// Answered and resolved: a follow-up reopens and starts a next-response clock.
		f.rdb.HSet(f.ctx, key, "status", "resolved", "first_response:met", t0.Add(30*time.Minute).UnixMilli())
		f.rdb.ZRem(f.ctx, f.s.key("idx:open"), root.Ref)
		in = f.in(msg("d2@x", "jo@bbc.co.uk", "Re: Albania", "d1@x"))
		in.Received = t0.Add(3 * time.Hour)
		o := f.one(in)
		if o.Kind != "followup" {
			t.Fatalf("%+v", o)
		}
		e, _ = f.s.Enquiry(f.ctx, root.Ref)
		if e.Status != StatusOpen {
			t.Errorf("not reopened: %s", e.Status)
		}
		if due := e.Clocks[ClockNextResponse].Due; !due.Equal(t0.Add(5 * time.Hour)) {
			t.Errorf("next response due %v", due)
		}
		if n, _ := f.rdb.ZScore(f.ctx, f.s.key("idx:open"), root.Ref).Result(); n == 0 {
			t.Error("not back in the open index")
		}
	})
}

func TestEventsStream(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		f.one(f.in(msg("a@x", "jo@bbc.co.uk", "q")))
		xs, err := f.rdb.XRange(f.ctx, f.s.key("events"), "-", "+").Result()
		if err != nil || len(xs) != 1 || xs[0].Values["type"] != "enquiry.created" || xs[0].Values["ref"] != "FCDO-2023-000001" {
			t.Errorf("events %v %v", xs, err)
		}
	})
}

func TestBatchThreadsWithinBatch(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		out := f.commit(
			f.in(msg("a@x", "jo@bbc.co.uk", "q")),
			f.in(msg("b@x", "jo@bbc.co.uk", "Re: q", "a@x")),
			f.in(msg("c@x", "sam@itv.com", "other")),
		)
		if out[0].Kind != "enquiry" || out[1].Kind != "followup" || out[1].Ref != out[0].Ref || out[2].Kind != "enquiry" {
			t.Errorf("batch %+v", out)
		}
	})
}

func TestLease(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		a := f.s.NewLease("newsdesk/INBOX", 3*time.Second)
		b := f.s.NewLease("newsdesk/INBOX", 3*time.Second)
		if ok, err := a.Acquire(f.ctx); !ok || err != nil {
			t.Fatalf("a: %v %v", ok, err)
		}
		if ok, _ := b.Acquire(f.ctx); ok {
			t.Fatal("b took a held lease")
		}
		if ok, _ := a.Renew(f.ctx); !ok {
			t.Fatal("a could not renew")
		}
		if err := a.Release(f.ctx); err != nil {
			t.Fatal(err)
		}
		if ok, _ := b.Acquire(f.ctx); !ok {
			t.Fatal("b could not take a released lease")
		}
		if ok, _ := a.Renew(f.ctx); ok {
			t.Fatal("a renewed b's lease")
		}
	})
}

func TestActions(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		root := f.one(f.in(msg("root@x", "jo@bbc.co.uk", "Albania")))
		ref := root.Ref
		ev := func() []string {
			xs, _ := f.rdb.XRange(f.ctx, f.s.key("events"), "-", "+").Result()
			var out []string
			for _, x := range xs {
				out = append(out, x.Values["type"].(string))
			}
			return out
		}
		// "Still unassigned" is checked atomically: this one has an owner.
		if _, err := f.s.Assign(f.ctx, ref, "haddad", "haddad", Unassigned, ""); !errors.Is(err, ErrConflict) {
			t.Fatalf("claim of an assigned enquiry as unassigned: %v", err)
		}
		// Claim with the expected owner; a second claim racing on a stale view loses.
		if r, err := f.s.Assign(f.ctx, ref, "price", "price", "lindqvist", ""); err != nil || !r.Changed {
			t.Fatalf("claim: %v %v", r, err)
		}
		if _, err := f.s.Assign(f.ctx, ref, "haddad", "haddad", "lindqvist", ""); !errors.Is(err, ErrConflict) {
			t.Fatalf("racing claim: %v", err)
		}
		load, _ := f.s.Load(f.ctx, []string{"price", "lindqvist"})
		if load.Open["price"] != 1 || load.Open["lindqvist"] != 0 {
			t.Errorf("load after claim %+v", load.Open)
		}
		// A holding reply meets acknowledge only.
		f.clock.Advance(5 * time.Minute)
		r, err := f.s.RecordResponse(f.ctx, ref, Response{At: t0.Add(5 * time.Minute), By: "price", Kind: Holding, Via: "dashboard", MessageID: "<h1@desk>"})
		if err != nil || r.Detail != "acknowledge" {
			t.Fatalf("holding: %+v %v", r, err)
		}
		// The same reply seen again in the Sent folder counts once.
		if r, _ := f.s.RecordResponse(f.ctx, ref, Response{At: t0.Add(6 * time.Minute), By: "price", Kind: Holding, Via: "sent-folder", MessageID: "h1@desk"}); r.Changed {
			t.Error("duplicate response counted")
		}
		r, _ = f.s.RecordResponse(f.ctx, ref, Response{At: t0.Add(40 * time.Minute), By: "price", Kind: Substantive, Via: "sent-folder", MessageID: "s1@desk"})
		if r.Detail != "first_response" {
			t.Errorf("substantive met %q", r.Detail)
		}
		e, _ := f.s.Enquiry(f.ctx, ref)
		if e.Status != StatusAnswered || !e.Clocks[ClockAcknowledge].Met.Equal(t0.Add(5*time.Minute)) || !e.Clocks[ClockFirstResponse].Met.Equal(t0.Add(40*time.Minute)) {
			t.Errorf("after responses: %s %+v", e.Status, e.Clocks)
		}
		if n := f.scheduled(t, ref, ClockFirstResponse, "breach"); n != 0 {
			t.Error("met clock still scheduled")
		}
		// Waiting pauses resolution; resuming pushes its due time by the pause.
		if _, err := f.s.SetWaiting(f.ctx, ref, "price", true, 15*time.Minute); err != nil {
			t.Fatal(err)
		}
		f.clock.Advance(time.Hour)
		if _, err := f.s.SetWaiting(f.ctx, ref, "price", false, 15*time.Minute); err != nil {
			t.Fatal(err)
		}
		e, _ = f.s.Enquiry(f.ctx, ref)
		if due := e.Clocks[ClockResolution].Due; !due.Equal(t0.Add(25 * time.Hour)) {
			t.Errorf("resolution due after pause %v", due)
		}
		if _, err := f.s.AddNote(f.ctx, ref, "price", "called the Albanian embassy"); err != nil {
			t.Fatal(err)
		}
		if r, _ := f.s.Resolve(f.ctx, ref, "price", "answered by phone"); !r.Changed {
			t.Error("resolve")
		}
		if r, _ := f.s.Resolve(f.ctx, ref, "price", ""); r.Changed {
			t.Error("resolved twice")
		}
		list, total, _ := f.s.List(f.ctx, ListOptions{Open: true})
		if total != 0 || len(list) != 0 {
			t.Error("resolved enquiry still open")
		}
		if res, total, _ := f.s.List(f.ctx, ListOptions{Resolved: true}); total != 1 || res[0].Ref != ref {
			t.Errorf("resolved list %d", total)
		}
		if _, err := f.s.Reopen(f.ctx, ref, "price", "", 15*time.Minute); err != nil {
			t.Fatal(err)
		}
		e, _ = f.s.Enquiry(f.ctx, ref)
		if e.Status != StatusOpen || !e.Clocks[ClockResolution].Met.IsZero() || !e.Clocks[ClockResolution].Due.After(f.clock.Now()) {
			t.Errorf("reopened: %s %+v", e.Status, e.Clocks[ClockResolution])
		}
		if n := f.scheduled(t, ref, ClockResolution, "warn"); n == 0 {
			t.Error("reopened resolution clock not scheduled")
		}
		if _, total, _ := f.s.List(f.ctx, ListOptions{Resolved: true}); total != 0 {
			t.Error("reopened enquiry still in the resolved list")
		}
		if _, err := f.s.Assign(f.ctx, "FCDO-2099-999999", "x", "x", "", ""); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown ref: %v", err)
		}
		want := "enquiry.created,enquiry.assigned,clock.met,response.recorded,clock.met,response.recorded,enquiry.waiting,enquiry.resumed,note.added,clock.met,enquiry.resolved,enquiry.reopened"
		if got := strings.Join(ev(), ","); got != want {
			t.Errorf("events\n got %s\nwant %s", got, want)
		}
		// Our own message: stored on the thread, replies to it thread here.
		if _, err := f.s.RecordOwnMessage(f.ctx, OwnMessage{Ref: ref, Kind: "acknowledgement", By: "system",
			Msg: Message{Message: mailparse.Message{MessageID: "<ack-9@desk>", Subject: "[" + ref + "] Albania"}}, Timeline: "acknowledgement sent"}); err != nil {
			t.Fatal(err)
		}
		if o := f.one(f.in(msg("re@x", "jo@bbc.co.uk", "Re: Albania", "ack-9@desk"))); o.Kind != "followup" || o.Ref != ref {
			t.Errorf("reply to ack %+v", o)
		}
	})
}

func TestWarnAt(t *testing.T) {
	start := t0
	cases := []struct {
		target, warn, want time.Duration
	}{
		{2 * time.Hour, 15 * time.Minute, 105 * time.Minute},    // plenty of time: warn_before ahead
		{15 * time.Minute, 15 * time.Minute, 450 * time.Second}, // would warn at once: half-way instead
		{5 * time.Minute, 15 * time.Minute, 150 * time.Second},
		{20 * time.Minute, 15 * time.Minute, 10 * time.Minute},
	}
	for _, c := range cases {
		if got := WarnAt(start, start.Add(c.target), c.warn); !got.Equal(start.Add(c.want)) {
			t.Errorf("target %s warn %s: %s, want %s", c.target, c.warn, got.Sub(start), c.want)
		}
	}
	if got := WarnAt(time.Time{}, start, 15*time.Minute); !got.Equal(start.Add(-15 * time.Minute)) {
		t.Errorf("no start: %s", got)
	}
}
