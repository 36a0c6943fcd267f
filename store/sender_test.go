package store

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const floodNote = "threaded: sender over 5 new enquiries in 1h"

// limited is a fixture whose store has the ingest limits on: 5 new
// enquiries per sender per hour, 1 KiB of HTML.
func limited(f *fixture) *fixture {
	f.s = New(f.rdb, Options{RefPrefix: "FCDO", Location: f.s.loc, Clock: f.clock,
		SenderLimit: 5, SenderWindow: time.Hour, MaxHTMLBytes: 1024})
	return f
}

// inMin is a message from `from` arriving `min` minutes after t0, with the
// clock there.
func (f *fixture) inMin(min int, id, from string) Incoming {
	at := t0.Add(time.Duration(min) * time.Minute)
	f.clock.Set(at)
	m := msg(id, from, "question "+id)
	m.Date = at
	in := f.in(m)
	in.Received = at
	return in
}

func (f *fixture) eventCount(typ string) int {
	f.t.Helper()
	es, err := f.rdb.XRange(f.ctx, f.s.key("events"), "-", "+").Result()
	if err != nil {
		f.t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.Values["type"] == typ {
			n++
		}
	}
	return n
}

// TestSenderLimit: eight mails from one sender with a limit of 5 make 5
// enquiries (5 created events, so 5 officer alerts and acknowledgements,
// and 5 sets of clocks) and 3 follow-ups on the latest open one, each with
// a timeline note saying why; a replay lands in the same place; other
// senders, the desk's own mail and the next window are not affected.
func TestSenderLimit(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		f = limited(f)
		var outs []Outcome
		// Two batches and single commits: the decision is inside the
		// script, so a pipeline sees each earlier message's effect.
		var batch []Incoming
		for i := 1; i <= 4; i++ {
			batch = append(batch, f.inMin(i, fmt.Sprintf("jo%d@x", i), "Jo@Example.org"))
		}
		outs = append(outs, f.commit(batch...)...)
		for i := 5; i <= 8; i++ {
			outs = append(outs, f.one(f.inMin(i, fmt.Sprintf("jo%d@x", i), "jo@example.org")))
		}
		var refs []string
		for i, o := range outs {
			switch {
			case i < 5 && o.Kind == "enquiry":
				refs = append(refs, o.Ref)
			case i >= 5 && o.Kind == "followup" && o.Ref == refs[4] && o.Detail == floodNote:
			default:
				t.Errorf("message %d: %+v", i+1, o)
			}
		}
		if n := f.eventCount("enquiry.created"); n != 5 {
			t.Errorf("%d enquiry.created events (acknowledgements and officer alerts), want 5", n)
		}
		if n := f.eventCount("enquiry.followup"); n != 3 {
			t.Errorf("%d enquiry.followup events, want 3", n)
		}
		if n, _, _, _ := f.s.ClockBacklog(f.ctx); n != 5*3 {
			t.Errorf("%d scheduled clocks, want 15 (5 enquiries × 3)", n)
		}
		tl, _ := f.s.Timeline(f.ctx, refs[4])
		notes := 0
		for _, e := range tl {
			if e.Type == "followup" && strings.Contains(e.Text, floodNote) {
				notes++
			}
		}
		if notes != 3 {
			t.Errorf("%d timeline notes on %s, want 3: %+v", notes, refs[4], tl)
		}
		if msgs, _ := f.s.Messages(f.ctx, refs[4]); len(msgs) != 4 {
			t.Errorf("%s holds %d messages, want 4", refs[4], len(msgs))
		}
		if st := f.stats(); st.Enquiries != 5 || st.Followups != 3 {
			t.Errorf("stats %+v", st)
		}

		// A replay (same mailbox message; the same message in another
		// folder) lands where it landed the first time, adding nothing.
		again := f.inMin(8, "jo8@x", "jo@example.org")
		again.Source.UID = outs[7].Source.UID
		if o := f.one(again); o.Kind != "dup-source" || o.Ref != refs[4] {
			t.Errorf("replay: %+v", o)
		}
		m := msg("jo7@x", "jo@example.org", "question jo7@x")
		m.Date = t0.Add(7 * time.Minute)
		other := f.inAt("Archive", 9, 1, m)
		other.Received = m.Date
		if o := f.one(other); o.Kind != "dup-message-id" || o.Ref != refs[4] {
			t.Errorf("same message elsewhere: %+v", o)
		}

		// Another sender, and the desk's own mail, are not limited.
		if o := f.one(f.inMin(9, "kim@x", "kim@example.org")); o.Kind != "enquiry" {
			t.Errorf("another sender: %+v", o)
		}
		for i := 0; i < 6; i++ {
			in := f.inMin(10, fmt.Sprintf("desk%d@x", i), "press@fcdo.gov.uk")
			in.Own = true
			if o := f.one(in); o.Kind != "enquiry" {
				t.Errorf("own mail %d: %+v", i, o)
			}
		}

		// The latest *open* one: with refs[4] resolved, the next threads
		// into refs[3]; with all five resolved, into the latest, reopened.
		if _, err := f.s.Resolve(f.ctx, refs[4], "lindqvist", ""); err != nil {
			t.Fatal(err)
		}
		if o := f.one(f.inMin(11, "jo9@x", "jo@example.org")); o.Kind != "followup" || o.Ref != refs[3] {
			t.Errorf("with the latest resolved: %+v, want a follow-up on %s", o, refs[3])
		}
		for _, r := range refs[:4] {
			if _, err := f.s.Resolve(f.ctx, r, "lindqvist", ""); err != nil {
				t.Fatal(err)
			}
		}
		if o := f.one(f.inMin(12, "jo10@x", "jo@example.org")); o.Kind != "followup" || o.Ref != refs[4] {
			t.Errorf("all resolved: %+v, want a follow-up reopening %s", o, refs[4])
		}
		if e, _ := f.s.Enquiry(f.ctx, refs[4]); e.Status != StatusOpen {
			t.Errorf("%s status %s, want reopened", refs[4], e.Status)
		}

		// An hour after the first five came in, the sender may open
		// enquiries again.
		if o := f.one(f.inMin(66, "jo11@x", "jo@example.org")); o.Kind != "enquiry" {
			t.Errorf("next window: %+v", o)
		}
		// The sender's key stays small: at most the limit.
		if n, _ := f.rdb.ZCard(f.ctx, f.s.key("sender:jo@example.org")).Result(); n > 5 {
			t.Errorf("sender key holds %d entries", n)
		}
	})
}

// TestSenderLimitOff: without a limit (the zero Options) nothing changes:
// eight mails, eight enquiries.
func TestSenderLimitOff(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		for i := 1; i <= 8; i++ {
			if o := f.one(f.inMin(i, fmt.Sprintf("jo%d@x", i), "jo@example.org")); o.Kind != "enquiry" {
				t.Errorf("message %d: %+v", i, o)
			}
		}
	})
}

// TestHTMLClipped: a message's HTML part is stored clipped to the limit at
// a character boundary, with a warning; the text is stored whole.
func TestHTMLClipped(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		f = limited(f)
		m := msg("html@x", "jo@example.org", "html")
		m.HTML = "<p>" + strings.Repeat("é", 3000) + "</p>"
		m.Text = strings.Repeat("é", 3000)
		small := msg("small@x", "kim@example.org", "small")
		small.HTML = "<p>short</p>"
		out := f.commit(f.in(m), f.in(small))
		got, err := f.s.Message(f.ctx, out[0].MKey)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.HTML) > 1024 || len(got.HTML) < 1020 || !utf8.ValidString(got.HTML) || !strings.HasPrefix(got.HTML, "<p>éé") {
			t.Errorf("stored HTML: %d bytes, valid %v", len(got.HTML), utf8.ValidString(got.HTML))
		}
		if got.Text != m.Text {
			t.Errorf("text not kept whole: %d bytes", len(got.Text))
		}
		if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "clipped") || !strings.Contains(got.Warnings[0], "the mailbox has the original") {
			t.Errorf("warnings %q", got.Warnings)
		}
		if m.HTML[len(m.HTML)-4:] != "</p>" {
			t.Error("the caller's message was changed")
		}
		s, _ := f.s.Message(f.ctx, out[1].MKey)
		if s.HTML != small.HTML || len(s.Warnings) != 0 {
			t.Errorf("small HTML: %q %q", s.HTML, s.Warnings)
		}
	})
}
