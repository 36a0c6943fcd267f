package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/store"
)

const (
	storyRelease = "fcdo-2023-10-16-albania"
	storyLine    = "The UK and Albania work closely together."
)

// storyEnquiry is an enquiry about the test release from journalist n,
// with a Message-ID of its own.
func (f *fixture) storyEnquiry(n, officer string) (ref, msgID string) {
	f.t.Helper()
	msgID = "story-" + n + "@outlet.example"
	m := &mailparse.Message{MessageID: msgID, From: mailparse.Address{Name: "Journalist " + n, Addr: "j" + n + "@outlet.example"},
		Subject: "Albania visit " + n, Date: f.clock.Now(), Text: "Can you comment?", NewText: "Can you comment?", Size: 100}
	ref = f.commit(m, &store.NewEnquiry{Topic: "europe", Officer: officer, Policy: "standard", Outlet: "Outlet",
		Release: storyRelease, ReleaseTitle: "Foreign Secretary visits Albania", ReleaseScore: 0.9, ReleaseReason: "url"})
	return ref, msgID
}

// TestLineApprovalOnReleasePage: a draft line is shown to a manager with
// an Approve form and not offered to an officer; an officer cannot
// approve (403), nor without a CSRF token can a manager; the manager's
// approval (who, when, until) is offered to officers and recorded in the
// line history; once the fake clock passes the expiry it is shown as
// expired, no longer offered, and a send of it is refused with nothing
// sent.
func TestLineApprovalOnReleasePage(t *testing.T) {
	f := newFixture(t)
	ref, _ := f.storyEnquiry("1", "ann")
	key := releases.LineKey(storyLine)
	ann := f.client().loginAs("ann")
	meg := f.client().loginAs("meg")
	page := meg.get("/releases/" + storyRelease).Body.String()
	if !strings.Contains(page, `data-line="`+key+`" data-state="draft"`) || !strings.Contains(page, `id="approve-`+key+`"`) {
		t.Fatal("the manager is not shown the draft with an Approve form")
	}
	page = ann.get("/releases/" + storyRelease).Body.String()
	if strings.Contains(page, `name="line"`) || !strings.Contains(page, `id="no-sendable"`) || strings.Contains(page, "approve-") {
		t.Fatal("a draft line is offered to an officer")
	}
	approve := url.Values{"expires": {f.clock.Now().Add(3 * time.Hour).In(f.cfg.Location).Format("2006-01-02T15:04")}}
	if rec := ann.post("/releases/"+storyRelease+"/lines/"+key+"/approve", approve); rec.Code != http.StatusForbidden {
		t.Fatalf("officer approves: %d", rec.Code)
	}
	noCSRF := *meg
	noCSRF.csrf = "wrong"
	if rec := noCSRF.post("/releases/"+storyRelease+"/lines/"+key+"/approve", approve); rec.Code != http.StatusForbidden {
		t.Fatalf("approve without the CSRF token: %d", rec.Code)
	}
	past := url.Values{"expires": {f.clock.Now().Add(-time.Hour).In(f.cfg.Location).Format("2006-01-02T15:04")}}
	if rec := meg.post("/releases/"+storyRelease+"/lines/"+key+"/approve", past); rec.Code != http.StatusBadRequest {
		t.Fatalf("approve with a past expiry: %d", rec.Code)
	}
	if rec := meg.post("/releases/"+storyRelease+"/lines/0000/approve", approve); rec.Code != http.StatusConflict {
		t.Fatalf("approve an unknown line: %d", rec.Code)
	}
	if rec := meg.post("/releases/"+storyRelease+"/lines/"+key+"/approve", approve); rec.Code != http.StatusSeeOther {
		t.Fatalf("manager approves: %d %s", rec.Code, firstLine(rec.Body.String()))
	}
	lines, _ := f.srv.releases.Lines(f.ctx, storyRelease, f.clock.Now())
	if lines[0].State != releases.LineApproved || lines[0].Approval.ApprovedBy != "meg" || !lines[0].Approval.ApprovedAt.Equal(f.clock.Now()) ||
		lines[1].State != releases.LineDraft {
		t.Fatalf("after approval: %+v", lines)
	}
	page = ann.get("/releases/" + storyRelease).Body.String()
	if !strings.Contains(page, `id="send-line-`+key+`"`) || strings.Contains(page, releases.LineKey("We will not comment on operational matters.")) {
		t.Fatal("officer: the approved line is not offered, or the draft is")
	}
	if got := textOf(page, "line-history"); !strings.Contains(got, "Meg") || !strings.Contains(got, "approved") {
		t.Errorf("history %q", got)
	}
	f.clock.Advance(3*time.Hour + time.Minute)
	ann, meg = f.client().loginAs("ann"), f.client().loginAs("meg") // the sessions have gone idle
	page = ann.get("/releases/" + storyRelease).Body.String()
	if strings.Contains(page, `name="line"`) || !strings.Contains(page, `id="no-sendable"`) {
		t.Fatal("an expired line is offered")
	}
	if page := meg.get("/releases/" + storyRelease).Body.String(); !strings.Contains(page, `data-line="`+key+`" data-state="expired"`) {
		t.Error("the manager does not see the line as expired")
	}
	rec := ann.post("/releases/"+storyRelease+"/send", url.Values{"ref": {ref}, "line": {key}, "nonce": {"n1"}})
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "expired") {
		t.Fatalf("send an expired line: %d", rec.Code)
	}
	if n := len(f.replies.requests()); n != 0 {
		t.Fatalf("%d replies asked for an expired line", n)
	}
	// Withdrawn: back to draft, recorded.
	if rec := meg.post("/releases/"+storyRelease+"/lines/"+key+"/withdraw", url.Values{}); rec.Code != http.StatusSeeOther {
		t.Fatalf("withdraw: %d", rec.Code)
	}
	if log, _ := f.srv.releases.LineLog(f.ctx, storyRelease, 5); len(log) != 2 || log[0].What != "withdrawn" || log[0].By != "meg" {
		t.Fatalf("history %+v", log)
	}
}

// TestBulkAnswerChecks: what the send refuses, per request and per
// enquiry — the sender comes from the session, never the form.
func TestBulkAnswerChecks(t *testing.T) {
	f := newFixture(t)
	mine, _ := f.storyEnquiry("1", "ann")
	bobs, _ := f.storyEnquiry("2", "bob")
	other := f.commit(&mailparse.Message{MessageID: "x@bbc.co.uk", From: mailparse.Address{Addr: "jo@bbc.co.uk"}, Subject: "Other",
		Date: f.clock.Now(), Text: "?", NewText: "?", Size: 10}, nil)
	key := releases.LineKey(storyLine)
	if _, err := f.srv.releases.ApproveLine(f.ctx, storyRelease, key, "meg", f.clock.Now(), f.clock.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	ann := f.client().loginAs("ann")
	send := func(v url.Values) (int, string) {
		rec := ann.post("/releases/"+storyRelease+"/send", v)
		return rec.Code, rec.Body.String()
	}
	for name, v := range map[string]url.Values{
		"no enquiry": {"line": {key}, "nonce": {"a"}},
		"no nonce":   {"ref": {mine}, "line": {key}},
		"bad nonce":  {"ref": {mine}, "line": {key}, "nonce": {"a:b"}},
		"bad kind":   {"ref": {mine}, "line": {key}, "nonce": {"a"}, "kind": {"rude"}},
	} {
		if code, _ := send(v); code != http.StatusBadRequest {
			t.Errorf("%s: %d", name, code)
		}
	}
	if code, _ := send(url.Values{"ref": {mine}, "line": {"nope"}, "nonce": {"a"}}); code != http.StatusConflict {
		t.Errorf("unknown line: %d", code)
	}
	page := ann.get("/releases/" + storyRelease).Body.String()
	if !strings.Contains(page, `id="pick-`+mine+`"`) || strings.Contains(page, `id="pick-`+bobs+`"`) || strings.Contains(page, other) {
		t.Fatal("ann is offered the wrong enquiries")
	}
	code, body := send(url.Values{"ref": {mine, bobs, other, mine}, "line": {key}, "nonce": {"b"}, "by": {"meg"}})
	if code != http.StatusOK || !strings.Contains(body, "Sent to 1 of 3") || !strings.Contains(body, "not yours to answer") ||
		!strings.Contains(body, "not an enquiry about this release") {
		t.Fatalf("mixed send: %d %s", code, textOf(body, "bulk-outcome"))
	}
	reqs := f.replies.requests()
	if len(reqs) != 1 || reqs[0].By != "ann" || reqs[0].Body != storyLine || reqs[0].Kind != "substantive" || reqs[0].ID != "bulk-b" {
		t.Fatalf("replies asked: %+v", reqs)
	}
}

// TestBulkAnswerThreeThreaded: through the real outbound service and an
// SMTP sink, an approved line sent to three journalists' enquiries is
// three mails, each In-Reply-To (and References) its own journalist's
// message, each recorded on its enquiry's timeline as ann's with the
// response clocks met; the same form posted again sends nothing more.
func TestBulkAnswerThreeThreaded(t *testing.T) {
	sink, err := outbound.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	var svc *outbound.Service
	f := newFixture(t, func(o *Options) {
		smtp := o.Config.SMTP
		smtp.Address = sink.Addr
		var err error
		svc, err = outbound.New(outbound.Options{Config: o.Config, Store: o.Store, Clock: o.Clock, Logger: quietLogger(t),
			Mailer: outbound.NewSMTP(&smtp, ""), Secret: func(string) string { return "" },
			Outbox: outbound.OutboxOptions{Poll: 50 * time.Millisecond}})
		if err != nil {
			t.Fatal(err)
		}
		o.Replies = svc
	})
	ctx, cancel := context.WithCancel(f.ctx)
	if err := svc.Init(ctx); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = svc.Outbox().Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })

	ids := map[string]string{} // ref → journalist's Message-ID
	var refs []string
	for _, n := range []string{"1", "2", "3"} {
		ref, id := f.storyEnquiry(n, "ann")
		ids[ref] = id
		refs = append(refs, ref)
	}
	key := releases.LineKey(storyLine)
	meg := f.client().loginAs("meg")
	approve := url.Values{"expires": {f.clock.Now().Add(3 * time.Hour).In(f.cfg.Location).Format("2006-01-02T15:04")}}
	if rec := meg.post("/releases/"+storyRelease+"/lines/"+key+"/approve", approve); rec.Code != http.StatusSeeOther {
		t.Fatalf("approve: %d", rec.Code)
	}
	ann := f.client().loginAs("ann")
	form := url.Values{"ref": refs, "line": {key}, "nonce": {"double-click"}}
	for i := 0; i < 2; i++ {
		if rec := ann.post("/releases/"+storyRelease+"/send", form); rec.Code != http.StatusSeeOther ||
			rec.Header().Get("Location") != "/releases/"+storyRelease+"?done=bulk-sent" {
			t.Fatalf("send %d: %d %s", i, rec.Code, textOf(rec.Body.String(), "bulk-outcome"))
		}
	}
	wctx, wcancel := context.WithTimeout(f.ctx, 20*time.Second)
	defer wcancel()
	msgs, err := sink.Wait(wctx, 3)
	if err != nil {
		t.Fatalf("the replies did not reach the SMTP server: %v", err)
	}
	seen := map[string]bool{}
	for _, m := range msgs {
		p := m.Parsed
		if p == nil || len(m.To) != 1 {
			t.Fatalf("mail %+v", m)
		}
		var ref string
		for r := range ids {
			if strings.Contains(p.Subject, r) {
				ref = r
			}
		}
		want := ids[ref]
		if ref == "" || len(p.InReplyTo) != 1 || p.InReplyTo[0] != want || len(p.References) == 0 || p.References[len(p.References)-1] != want {
			t.Errorf("mail to %v subject %q: In-Reply-To %v References %v, want %s", m.To, p.Subject, p.InReplyTo, p.References, want)
		}
		if !strings.HasPrefix(m.To[0], "j") || !strings.Contains(p.Text, storyLine) || !strings.Contains(p.Text, "Ann Officer") {
			t.Errorf("mail %v: %q", m.To, p.Text)
		}
		seen[ref] = true
	}
	if len(seen) != 3 {
		t.Fatalf("mails went to %v", seen)
	}
	// The outbox records a sent reply in two steps (the message on the
	// timeline, then the response that meets the clocks), so both are
	// waited for.
	met := func(e *store.Enquiry) bool {
		return e != nil && !e.Clocks[store.ClockAcknowledge].Met.IsZero() && !e.Clocks[store.ClockFirstResponse].Met.IsZero()
	}
	for _, ref := range refs {
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			tl, _ := f.st.Timeline(f.ctx, ref)
			e, _ := f.st.Enquiry(f.ctx, ref)
			if by := replyBy(tl); len(by) == 1 && by[0] == "ann" && met(e) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the reply by ann was never recorded with its clocks met: %v %+v", ref, replyBy(tl), e)
			}
		}
	}
	// The double submit sent nothing more and is recorded once.
	time.Sleep(300 * time.Millisecond)
	if n := len(sink.Messages()); n != 3 {
		t.Errorf("%d mails after a double submit", n)
	}
	log, _ := f.srv.releases.LineLog(f.ctx, storyRelease, 10)
	sends := 0
	for _, ev := range log {
		if ev.What == "sent" {
			sends++
			if ev.By != "ann" {
				t.Errorf("sent by %q", ev.By)
			}
		}
	}
	if sends != 1 {
		t.Errorf("%d sends recorded: %+v", sends, log)
	}
}
