package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
)

// TestReleaseIndex: an enquiry that opens linked to a release is among
// the release's enquiries, newest first; follow-ups, automatic mail and
// unlinked enquiries are not; a duplicate adds nothing.
func TestReleaseIndex(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		linked := func(id, rel string, at time.Time) Incoming {
			in := f.in(msg(id, id[:1]+"@bbc.co.uk", "About "+rel))
			in.Received = at
			in.New.Release, in.New.ReleaseTitle = rel, "Title of "+rel
			return in
		}
		out := f.commit(
			linked("a@x", "r1", t0),
			linked("b@x", "r2", t0.Add(time.Minute)),
			linked("c@x", "r1", t0.Add(2*time.Minute)),
			f.in(msg("d@x", "d@bbc.co.uk", "Nothing linked")),
		)
		// A follow-up to the first, linked by routing too: not a new enquiry.
		fu := linked("a2@x", "r1", t0.Add(3*time.Minute))
		fu.Msg.From.Addr, fu.Msg.InReplyTo = "a@bbc.co.uk", []string{"a@x"}
		if o := f.one(fu); o.Kind != "followup" {
			t.Fatalf("follow-up: %+v", o)
		}
		if o := f.one(linked("c@x", "r1", t0.Add(2*time.Minute))); !strings.HasPrefix(o.Kind, "dup-") {
			t.Fatalf("duplicate: %+v", o)
		}
		if o := f.one(linked("e@x", "r1", t0.Add(4*time.Minute))); o.Kind != "enquiry" {
			t.Fatalf("fourth: %+v", o)
		}
		es, total, err := f.s.ReleaseEnquiries(f.ctx, "r1", 2)
		if err != nil {
			t.Fatal(err)
		}
		if total != 3 || len(es) != 2 || es[0].From != "e@bbc.co.uk" || es[1].Ref != out[2].Ref {
			t.Errorf("r1: total %d, %v", total, refsOf(es))
		}
		if es, total, _ := f.s.ReleaseEnquiries(f.ctx, "r2", 0); total != 1 || len(es) != 1 || es[0].Ref != out[1].Ref || es[0].Release != "r2" {
			t.Errorf("r2: total %d, %v", total, refsOf(es))
		}
		if es, total, _ := f.s.ReleaseEnquiries(f.ctx, "none", 0); total != 0 || len(es) != 0 {
			t.Errorf("unknown release: total %d, %v", total, refsOf(es))
		}
	})
}

// TestReleaseIndexBackfill: enquiries committed before the release index
// existed (no index, no marker) are found all the same: the first read
// adds them, once.
func TestReleaseIndexBackfill(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		var batch []Incoming
		for i := range 1005 {
			in := f.in(msg(fmt.Sprintf("b%d@x", i), fmt.Sprintf("j%d@bbc.co.uk", i), "Question"))
			in.Received = t0.Add(time.Duration(i) * time.Second)
			if i%2 == 0 {
				in.New.Release = "r1"
			}
			batch = append(batch, in)
		}
		out := f.commit(batch...)
		if err := f.rdb.Del(f.ctx, f.s.key(releaseIndex("r1")), f.s.key(keyReleaseIndexed)).Err(); err != nil {
			t.Fatal(err)
		}
		es, total, err := f.s.ReleaseEnquiries(f.ctx, "r1", 3)
		if err != nil {
			t.Fatal(err)
		}
		if total != 503 || len(es) != 3 || es[0].Ref != out[1004].Ref || es[1].Ref != out[1002].Ref {
			t.Errorf("after backfill: total %d, %v", total, refsOf(es))
		}
		if n, _ := f.rdb.Exists(f.ctx, f.s.key(keyReleaseIndexed)).Result(); n != 1 {
			t.Error("marker not set")
		}
		// Once marked, a lost index is not rebuilt behind the desk's back.
		f.rdb.Del(f.ctx, f.s.key(releaseIndex("r1")))
		if _, total, _ := f.s.ReleaseEnquiries(f.ctx, "r1", 3); total != 0 {
			t.Errorf("backfilled again: %d", total)
		}
	})
}

func refsOf(es []*Enquiry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Ref)
	}
	return out
}

// TestCommitChunks: a batch longer than one commit script's chunk keeps
// every message's order-dependent outcome — a duplicate of a message
// earlier in the batch, the same mailbox message twice, a follow-up to an
// enquiry opened earlier in the batch whose deadline brings its clocks
// forward (the schedule holds the new time, not the one gathered for the
// chunk's end) — and the folder's counts, indexes and schedules match
// the messages.
func TestCommitChunks(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		var batch []Incoming
		for i := range 2*commitChunk + 10 {
			batch = append(batch, f.in(msg(fmt.Sprintf("m%d@x", i), fmt.Sprintf("j%d@bbc.co.uk", i), fmt.Sprintf("Question %d", i))))
		}
		// In the second chunk: the first message again under another UID
		// (same Message-ID and content), the same UID again, and a
		// follow-up of the second message with a deadline sooner than its
		// acknowledgement due time.
		batch[commitChunk+1] = f.in(msg("m0@x", "j0@bbc.co.uk", "Question 0"))
		dupSource := batch[5]
		batch[commitChunk+2] = dupSource
		fu := f.in(msg("fu@x", "j1@bbc.co.uk", "Re: Question 1", "m1@x"))
		soon := t0.Add(5 * time.Minute)
		fu.DeadlineTarget = soon
		fu.New.Deadline, fu.New.DeadlinePhrase = soon.Add(15*time.Minute), "by 9:50"
		batch[commitChunk+3] = fu
		out := f.commit(batch...)
		if len(out) != len(batch) {
			t.Fatalf("%d outcomes for %d messages", len(out), len(batch))
		}
		kinds := map[string]int{}
		for _, o := range out {
			kinds[o.Kind]++
		}
		if o := out[commitChunk+1]; o.Kind != "dup-message-id" || o.Ref != out[0].Ref {
			t.Errorf("duplicate of the first: %+v", o)
		}
		if o := out[commitChunk+2]; o.Kind != "dup-source" || o.Ref != out[5].Ref {
			t.Errorf("same UID again: %+v", o)
		}
		if o := out[commitChunk+3]; o.Kind != "followup" || o.Ref != out[1].Ref {
			t.Errorf("follow-up: %+v", o)
		}
		want := len(batch) - 3
		if kinds["enquiry"] != want {
			t.Errorf("kinds %v, want %d enquiries", kinds, want)
		}
		st := f.stats()
		if st.Enquiries != int64(want) || st.Followups != 1 || st.Duplicates != 1 {
			t.Errorf("stats %+v", st)
		}
		e, err := f.s.Enquiry(f.ctx, out[1].Ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []string{ClockAcknowledge, ClockFirstResponse} {
			if !e.Clocks[c].Due.Equal(soon) {
				t.Errorf("%s due %v, want %v", c, e.Clocks[c].Due, soon)
			}
			// The breach is scheduled when the clock warns (clock.lua).
			warn, breach := f.scheduled(t, out[1].Ref, c, "warn"), f.scheduled(t, out[1].Ref, c, "breach")
			if breach != 0 || warn != WarnAt(t0, soon, 15*time.Minute).UnixMilli() {
				t.Errorf("%s scheduled to warn at %v and breach at %v, want to warn at %v", c, time.UnixMilli(warn), breach, WarnAt(t0, soon, 15*time.Minute))
			}
		}
		for _, idx := range []string{"idx:all", "idx:open", "idx:officer:lindqvist"} {
			if n, _ := f.rdb.ZCard(f.ctx, f.s.key(idx)).Result(); n != int64(want) {
				t.Errorf("%s holds %d, want %d", idx, n, want)
			}
		}
		if n, _, _, _ := f.s.ClockBacklog(f.ctx); n != int64(3*want) {
			t.Errorf("%d clocks scheduled to warn, want %d", n, 3*want)
		}
		rec, err := f.s.Recorded(f.ctx, "newsdesk", "INBOX", 7, []uint32{1, uint32(len(batch))})
		if err != nil || len(rec) != 2 {
			t.Errorf("recorded %v, %v", rec, err)
		}
		// Committing the batch again changes nothing.
		again := f.commit(batch...)
		for i, o := range again {
			if o.Kind != "dup-source" || o.Ref != out[i].Ref {
				t.Fatalf("again %d: %+v, first %+v", i, o, out[i])
			}
		}
	})
}

// TestCommitOneFailsAlone: a message whose commit fails inside the
// script (its Message-ID record is not a hash) does not take the rest of
// its chunk with it: it is quarantined with the reason, the others are
// committed.
func TestCommitOneFailsAlone(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		if err := f.rdb.Set(f.ctx, f.s.key(MessageIDKey("bad@x")), "not a hash", 0).Err(); err != nil {
			t.Fatal(err)
		}
		out := f.commit(f.in(msg("a@x", "a@bbc.co.uk", "A")), f.in(msg("bad@x", "b@bbc.co.uk", "B")), f.in(msg("c@x", "c@bbc.co.uk", "C")))
		if out[0].Kind != "enquiry" || out[2].Kind != "enquiry" {
			t.Errorf("the others: %+v, %+v", out[0], out[2])
		}
		if out[1].Kind != "quarantined" || !strings.Contains(out[1].Detail, "WRONGTYPE") {
			t.Errorf("the failing one: %+v", out[1])
		}
		if st := f.stats(); st.Enquiries != 2 || st.Quarantined != 1 {
			t.Errorf("stats %+v", st)
		}
	})
}

// TestFollowUpParticipant: the enquiry's sender follows up by replying;
// someone else replying in the thread opens an enquiry of their own; an
// enquiry stored with a participant set (as commits before the from
// field rule wrote) still threads that participant's mail.
func TestFollowUpParticipant(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		first := f.one(f.in(msg("p1@x", "Jo@BBC.co.uk", "Visit")))
		if o := f.one(f.in(msg("p2@x", "jo@bbc.co.uk", "Re: Visit", "p1@x"))); o.Kind != "followup" || o.Ref != first.Ref {
			t.Errorf("sender's reply: %+v", o)
		}
		if o := f.one(f.in(msg("p3@x", "sam@itv.com", "Re: Visit", "p1@x"))); o.Kind != "enquiry" || o.Detail != first.Ref {
			t.Errorf("another journalist's reply: %+v", o)
		}
		if err := f.rdb.SAdd(f.ctx, f.s.key("enq:"+first.Ref+":who"), "old@bbc.co.uk").Err(); err != nil {
			t.Fatal(err)
		}
		if o := f.one(f.in(msg("p4@x", "old@bbc.co.uk", "Re: Visit", "p1@x"))); o.Kind != "followup" || o.Ref != first.Ref {
			t.Errorf("a participant recorded in the old set: %+v", o)
		}
	})
}

// TestMessageDocParts: the text parts are stored as ranges of the text
// when they are slices of it and as themselves otherwise, and read back
// the same; a document without ranges (an older one) reads as it was; a
// range outside the text is an error, never a panic.
func TestMessageDocParts(t *testing.T) {
	text := "Can you confirm the figures?\n\n> earlier question\n\n-- \nJo Bloggs"
	for _, tc := range []struct {
		name string
		m    mailparse.Message
		// inline are the parts the document must hold as text.
		inline []string
	}{
		{"all slices", mailparse.Message{Text: text, NewText: "Can you confirm the figures?", QuotedText: "> earlier question", Signature: "Jo Bloggs"}, nil},
		{"same as text", mailparse.Message{Text: text, NewText: text}, nil},
		{"not a slice", mailparse.Message{Text: text, NewText: "Can you confirm the numbers?", ForwardedText: "forwarded elsewhere"},
			[]string{"Can you confirm the numbers?", "forwarded elsewhere"}},
		{"empty", mailparse.Message{}, nil},
		{"multibyte", mailparse.Message{Text: "Größe: ½ — naïve\nzweite", NewText: "zweite", Signature: "naïve"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Message{Direction: "in", Received: t0, Message: tc.m}
			doc, err := encodeDoc(in)
			if err != nil {
				t.Fatal(err)
			}
			textJSON, _ := json.Marshal(tc.m.Text)
			for _, p := range []string{tc.m.NewText, tc.m.QuotedText, tc.m.ForwardedText, tc.m.Signature} {
				if p == "" {
					continue
				}
				if n := strings.Count(string(doc), p) - strings.Count(string(textJSON), p); n != boolInt(contains(tc.inline, p)) {
					t.Errorf("part %q stored %d times besides the text in %s", p, n, doc)
				}
			}
			got, err := decodeDoc(string(doc))
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tc.m.Text || got.NewText != tc.m.NewText || got.QuotedText != tc.m.QuotedText ||
				got.ForwardedText != tc.m.ForwardedText || got.Signature != tc.m.Signature {
				t.Errorf("round trip %+v, want %+v", got.Message, tc.m)
			}
		})
	}
	old := `{"direction":"in","text":"abc","new_text":"ab","quoted_text":"c","source":{"mailbox":"m","folder":"INBOX","uidvalidity":1,"uid":2}}`
	if m, err := decodeDoc(old); err != nil || m.NewText != "ab" || m.QuotedText != "c" || m.Source.UID != 2 {
		t.Errorf("older document: %+v, %v", m, err)
	}
	for _, bad := range []string{`{"text":"abc","parts":{"new":[2,5]}}`, `{"text":"abc","parts":{"quoted":[-1,1]}}`, `{"text":"abc","parts":{"signature":[4,0]}}`} {
		if _, err := decodeDoc(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
