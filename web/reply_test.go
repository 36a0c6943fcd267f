package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/store"
)

// TestReplyImpersonationThroughOutbound: the reported attack against the
// real outbound service and SMTP server. ann (an officer) posts a reply
// signed as meg, on an enquiry that is not hers, with a trailing JSON
// value; it is a 400, nothing is queued, sent or recorded, and the reply
// she may send goes out signed by her.
func TestReplyImpersonationThroughOutbound(t *testing.T) {
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

	bobs := f.plain("Not ann's", "bob")
	mine := f.plain("Ann's", "ann")
	ann := f.client().loginAs("ann")
	post := func(ref, body string) (int, string) {
		rec := ann.do("POST", "/api/enquiries/"+ref+"/replies", strings.NewReader(body),
			map[string]string{"X-CSRF-Token": ann.csrf, "Content-Type": "application/json"})
		return rec.Code, rec.Body.String()
	}
	for _, ref := range []string{bobs, mine} {
		if code, out := post(ref, `{"kind":"holding","body":"We will come back to you.","by":"meg"}{}`); code != http.StatusBadRequest {
			t.Errorf("%s: trailing JSON: %d %s", ref, code, out)
		}
	}
	if code, out := post(bobs, `{"kind":"holding","body":"We will come back to you."}`); code != http.StatusForbidden {
		t.Errorf("reply on bob's: %d %s", code, out)
	}
	for _, ref := range []string{bobs, mine} {
		jobs, err := svc.Outbox().ForEnquiry(f.ctx, ref)
		if err != nil || len(jobs) != 0 {
			t.Fatalf("%s: refused requests queued %d jobs (%v)", ref, len(jobs), err)
		}
	}
	// The reply ann may send goes out as ann.
	if code, out := post(mine, `{"kind":"holding","body":"We will come back to you."}`); code != http.StatusAccepted {
		t.Fatalf("ann's own reply: %d %s", code, out)
	}
	wctx, wcancel := context.WithTimeout(f.ctx, 20*time.Second)
	defer wcancel()
	msgs, err := sink.Wait(wctx, 1)
	if err != nil {
		t.Fatalf("no reply reached the SMTP server: %v", err)
	}
	if len(msgs) != 1 || msgs[0].To[0] != "jo@bbc.co.uk" || !strings.Contains(msgs[0].Parsed.Text, "Ann Officer") ||
		strings.Contains(msgs[0].Parsed.Text, "Meg Manager") {
		t.Fatalf("sent %d: %+v", len(msgs), msgs)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		tl, err := f.st.Timeline(f.ctx, mine)
		if err != nil {
			t.Fatal(err)
		}
		if by := replyBy(tl); len(by) > 0 {
			if len(by) != 1 || by[0] != "ann" {
				t.Fatalf("replies recorded as sent by %v", by)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the reply was never recorded")
		}
		time.Sleep(20 * time.Millisecond)
	}
	tl, _ := f.st.Timeline(f.ctx, bobs)
	if by := replyBy(tl); len(by) != 0 {
		t.Errorf("bob's enquiry records replies by %v", by)
	}
}

// replyBy lists who the timeline says sent replies.
func replyBy(tl []store.Event) []string {
	var by []string
	for _, ev := range tl {
		if strings.Contains(ev.Text, "reply sent to") {
			by = append(by, ev.By)
		}
	}
	return by
}
