package outbound

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/mailparse"
)

// TestAckRelayThroughSMTP: a stranger's mail with Reply-To: a victim and
// a subject (and display name) full of links makes the desk acknowledge
// the From address only, and what reaches the real SMTP server carries no
// link from the subject or name and at most a clipped, plain subject.
// Reply-To is still used when it is in From's own domain.
func TestAckRelayThroughSMTP(t *testing.T) {
	e := newEnv(t, "", nil)
	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	evil := []string{"evil.example", "http", "www.", "prize.example", "mailto", "<a "}
	subject := "Win big at http://evil.example/claim?x=1 or www.prize.example — " +
		"reply to claim@prize.example, offer ends soon, this subject is deliberately far longer than eighty characters"
	relay := "From: \"Visit evil.example now\" <mallory@spam.example>\nReply-To: Victim <victim@target.example>\n" +
		strings.TrimPrefix(enquiryMail("relay1@spam.example", "x", subject, "Click https://evil.example/landing"), "From: x\n")
	relayRef := e.commit(1, relay).Ref
	alias := "Reply-To: BBC Newsdesk <newsdesk@bbc.co.uk>\n" + enquiryMail("alias1@bbc.co.uk", "Jo Reporter <jo@bbc.co.uk>", "Albania visit", "When is the visit?")
	aliasRef := e.commit(2, alias).Ref
	sub := "Reply-To: someone@news.bbc.co.uk\n" + enquiryMail("sub1@bbc.co.uk", "Sam <sam@bbc.co.uk>", "Kosovo", "A question")
	subRef := e.commit(3, sub).Ref

	e.waitState("ack:"+relayRef, StateSent)
	e.waitState("ack:"+aliasRef, StateSent)
	e.waitState("ack:"+subRef, StateSent)
	byRcpt := map[string]*Received{}
	for _, m := range e.sink.Messages() {
		m := m
		for _, to := range m.To {
			if m.Header("Auto-Submitted") == "auto-replied" {
				byRcpt[to] = &m
			}
		}
	}
	if byRcpt["victim@target.example"] != nil {
		t.Fatal("the desk acknowledged the Reply-To of a stranger's mail")
	}
	ack := byRcpt["mallory@spam.example"]
	if ack == nil {
		t.Fatalf("no acknowledgement to the From address; acknowledged %v", keys(byRcpt))
	}
	raw := string(ack.Data)
	p := ack.Parsed
	for _, part := range []struct{ name, text string }{
		{"Subject", p.Subject}, {"To", ack.Header("To")}, {"text", p.Text}, {"HTML", p.HTML},
	} {
		for _, bad := range evil {
			if strings.Contains(strings.ToLower(part.text), bad) {
				t.Errorf("acknowledgement %s carries %q:\n%s", part.name, bad, part.text)
			}
		}
	}
	if strings.Contains(raw, "evil.example") || strings.Contains(raw, "prize.example") || strings.Contains(strings.ToLower(raw), "href") {
		t.Errorf("the raw acknowledgement carries a link:\n%s", raw)
	}
	if !strings.Contains(p.Text, "[link removed]") || !strings.Contains(p.Text, "Dear Visit [link removed] now") {
		t.Errorf("links not visibly removed:\n%s", p.Text)
	}
	echoed := strings.TrimPrefix(p.Subject, "["+relayRef+"] Re: ")
	if n := utf8.RuneCountInString(echoed); n > maxAckSubject || !strings.HasSuffix(echoed, "…") {
		t.Errorf("subject echoed with %d runes (max %d): %q", n, maxAckSubject, echoed)
	}
	if !strings.Contains(p.Text, `about "Win big at [link removed] or [link removed]`) {
		t.Errorf("plain subject not echoed:\n%s", p.Text)
	}
	// Reply-To in exactly From's domain is the journalist's alias; a
	// subdomain is another domain.
	if byRcpt["newsdesk@bbc.co.uk"] == nil || byRcpt["jo@bbc.co.uk"] != nil {
		t.Errorf("same-domain Reply-To: acknowledged %v", keys(byRcpt))
	}
	if byRcpt["sam@bbc.co.uk"] == nil || byRcpt["someone@news.bbc.co.uk"] != nil {
		t.Errorf("subdomain Reply-To: acknowledged %v", keys(byRcpt))
	}
	// A person's reply still goes to Reply-To (an officer chose to send it).
	m, _ := mailparse.Parse([]byte(strings.ReplaceAll(relay, "\n", "\r\n")), mailparse.Options{})
	if got := replyAddress(m).Addr; got != "victim@target.example" {
		t.Errorf("replyAddress = %q", got)
	}
}

// TestAckNeverToOwnDomain: an address in desk.own_domains (or a
// subdomain) that is not an officer is the desk's own and is never
// acknowledged; a look-alike domain is.
func TestAckNeverToOwnDomain(t *testing.T) {
	e := newEnv(t, "", nil)
	e.cfg.Desk.OwnDomains = []string{"desk.example.gov.uk"}
	for i, tc := range []struct {
		from     string
		suppress bool
	}{
		{"k@desk.example.gov.uk", true},               // not an officer, in the own domain
		{"press.team@news.desk.example.gov.uk", true}, // a subdomain
		{"k@example.gov.uk", false},                   // the parent domain is not ours
		{"k@evildesk.example.gov.uk", false},          // a look-alike
	} {
		out := e.commit(uint32(i+1), enquiryMail(fmt.Sprintf("own%d@x", i), tc.from, "Question", "q"))
		if err := e.svc.acknowledge(e.ctx, out.Ref, out.MKey); err != nil {
			t.Fatal(err)
		}
		j := e.job("ack:" + out.Ref)
		if got := j.State == StateSuppressed && strings.Contains(j.Reason, "own_domains"); got != tc.suppress {
			t.Errorf("%s: %s %q", tc.from, j.State, j.Reason)
		}
	}
}

func keys(m map[string]*Received) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestDeskWideAckLimit: besides the per-recipient limit, the desk sends
// at most acknowledgements.desk_limit_per_hour acknowledgements in any
// hour; what either limit suppressed is counted for `mediadesk status`.
func TestDeskWideAckLimit(t *testing.T) {
	e := newEnv(t, "acknowledgements: {desk_limit_per_hour: 3, per_sender_limit: 1}\n", nil)
	uid := uint32(0)
	ack := func(from string) *Job {
		t.Helper()
		uid++
		out := e.commit(uid, enquiryMail("d"+string(rune('a'+uid))+"@x", from, "Question "+string(rune('A'+uid)), "q"))
		if err := e.svc.acknowledge(e.ctx, out.Ref, out.MKey); err != nil {
			t.Fatal(err)
		}
		return e.job("ack:" + out.Ref)
	}
	var states []string
	// The same sender twice: the second is the per-recipient limit's and
	// does not use up the desk's allowance.
	for _, from := range []string{"a@bbc.co.uk", "a@bbc.co.uk", "b@bbc.co.uk", "c@bbc.co.uk", "d@bbc.co.uk", "e@bbc.co.uk"} {
		states = append(states, ack(from).State)
	}
	want := []string{StateQueued, StateSuppressed, StateQueued, StateQueued, StateSuppressed, StateSuppressed}
	if strings.Join(states, ",") != strings.Join(want, ",") {
		t.Fatalf("states %v, want %v", states, want)
	}
	if j := ack("f@bbc.co.uk"); j.State != StateSuppressed || !strings.Contains(j.Reason, "desk_limit_per_hour") {
		t.Errorf("desk limit reason: %+v", j)
	}
	c, err := Totals(e.ctx, e.st)
	if err != nil {
		t.Fatal(err)
	}
	if c.AckDeskLimited != 3 || c.AckSenderLimited != 1 || c.Suppressed != 4 {
		t.Errorf("counts %+v", c)
	}
	b, _ := json.Marshal(c)
	if !strings.Contains(string(b), `"ack_suppressed_desk_limit":3`) {
		t.Errorf("status JSON %s", b)
	}
	// An hour on, the desk acknowledges again.
	e.clock.Advance(61 * time.Minute)
	if j := ack("g@bbc.co.uk"); j.State != StateQueued {
		t.Errorf("after an hour: %+v", j)
	}
}

// TestInertText: what an acknowledgement echoes of a stranger's words.
func TestInertText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Question about Albania", "Question about Albania"},
		{"See http://evil.example/x now", "See [link removed] now"},
		{"HTTPS://EVIL.EXAMPLE", "[link removed]"},
		{"go to www.evil.example", "go to [link removed]"},
		{"evil.example/path and evil.co.uk", "[link removed] and [link removed]"},
		{"write to a@evil.example", "write to [link removed]"},
		{"mailto:a@b tel:+4412345", "[link removed]"},
		{"javascript:alert(1)", "[link removed]"},
		{"(http://x.example).", "[link removed]"},
		{"evil。example fullwidth dot", "[link removed] fullwidth dot"},
		{"пример.рф in Cyrillic", "[link removed] in Cyrillic"},
		{"U.S. aid: £1.5bn at 3.30pm, e.g. No.10", "U.S. aid: £1.5bn at 3.30pm, e.g. No.10"},
		{"Breaking news: data file", "Breaking news: data file"},
		{"line\r\nbreak\tand\x00nul\u202eRTL", "line break and nul RTL"},
		{strings.Repeat("abcd ", 30), strings.TrimSpace(strings.Repeat("abcd ", 16)) + "…"},
		{"", ""},
	} {
		got := InertText(tc.in, 80)
		if got != tc.want {
			t.Errorf("InertText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if utf8.RuneCountInString(got) > 80 {
			t.Errorf("InertText(%q) is %d runes", tc.in, utf8.RuneCountInString(got))
		}
	}
	for _, n := range []int{-1, 0, 1, 2} {
		if got := InertText("a subject", n); utf8.RuneCountInString(got) > max(0, n) {
			t.Errorf("InertText(_, %d) = %q", n, got)
		}
	}
}
