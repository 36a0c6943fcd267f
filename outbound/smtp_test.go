package outbound

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	crand "crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// TestAcknowledgementAndAlertOverSMTP follows a new enquiry from a
// journalist with a non-ASCII name and subject through the events consumer
// and the outbox to a real SMTP server, and checks what arrives.
func TestAcknowledgementAndAlertOverSMTP(t *testing.T) {
	e := newEnv(t, "", nil)
	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	out := e.commit(1, enquiryMail("q1@lemonde.fr", "=?utf-8?q?Zo=C3=AB_Dubois?= <zoe.dubois@lemonde.fr>",
		"=?utf-8?q?Question_sur_l'Albanie_=E2=80=94_r=C3=A9fugi=C3=A9s?=", "Bonjour, une question sur les réfugiés. Merci!"))
	if out.Kind != "enquiry" {
		t.Fatalf("commit: %+v", out)
	}
	ref := out.Ref
	msgs, err := e.sink.Wait(ctxTimeout(t, 20*time.Second), 2)
	if err != nil {
		t.Fatalf("want an acknowledgement and an alert, got %d: %v", len(msgs), err)
	}
	var ack, alert *Received
	for i := range msgs {
		switch msgs[i].To[0] {
		case "zoe.dubois@lemonde.fr":
			ack = &msgs[i]
		case "ann@desk.example.gov.uk":
			alert = &msgs[i]
		}
	}
	if ack == nil || alert == nil {
		t.Fatalf("recipients: %v", msgs)
	}

	// The acknowledgement.
	p := ack.Parsed
	if p == nil {
		t.Fatal("acknowledgement does not parse")
	}
	wantSubj := "[" + ref + "] Re: Question sur l'Albanie — réfugiés"
	if p.Subject != wantSubj {
		t.Errorf("subject %q, want %q", p.Subject, wantSubj)
	}
	if raw := ack.Header("Subject"); !strings.Contains(raw, "=?utf-8?") || strings.ContainsAny(raw, "éà—") {
		t.Errorf("subject not RFC 2047-encoded: %q", raw)
	}
	if raw := ack.Header("To"); !strings.Contains(raw, "=?utf-8?") || !strings.Contains(raw, "<zoe.dubois@lemonde.fr>") {
		t.Errorf("To not RFC 2047-encoded: %q", raw)
	}
	if len(p.To) != 1 || p.To[0].Name != "Zoë Dubois" {
		t.Errorf("To decodes to %+v", p.To)
	}
	if p.From.Addr != DeskAddress || p.From.Name != "Test Press Office" {
		t.Errorf("From %+v", p.From)
	}
	if ack.From != DeskAddress {
		t.Errorf("envelope sender %q", ack.From)
	}
	if got := ack.Header("In-Reply-To"); got != "<q1@lemonde.fr>" {
		t.Errorf("In-Reply-To %q", got)
	}
	if got := ack.Header("References"); got != "<q1@lemonde.fr>" {
		t.Errorf("References %q", got)
	}
	if got := ack.Header("Auto-Submitted"); got != "auto-replied" {
		t.Errorf("Auto-Submitted %q", got)
	}
	if got := ack.Header(LoopHeader); got != DeskAddress {
		t.Errorf("%s %q", LoopHeader, got)
	}
	if !strings.HasSuffix(p.MessageID, "@desk.example.gov.uk") || p.DerivedID {
		t.Errorf("Message-ID %q not on the desk's domain", p.MessageID)
	}
	if p.Automatic == mailparse.NotAutomatic {
		t.Error("our acknowledgement would not be recognised as automatic if it came back")
	}
	for _, want := range []string{"Dear Zoë Dubois", ref, "by 11:30 today", "our Duty desk", "automatic acknowledgement"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("acknowledgement text lacks %q:\n%s", want, p.Text)
		}
	}
	if !strings.Contains(p.HTML, "<p>") || !strings.Contains(p.HTML, "Zoë") {
		t.Errorf("no HTML alternative: %q", p.HTML)
	}
	if ct := ack.Header("Content-Type"); !strings.HasPrefix(ct, "multipart/mixed") {
		t.Errorf("Content-Type %q", ct)
	}
	if !strings.Contains(string(ack.Data), "multipart/alternative") || !strings.Contains(string(ack.Data), "quoted-printable") {
		t.Error("body is not a quoted-printable multipart/alternative")
	}

	// The alert to the officer.
	a := alert.Parsed
	if !strings.HasPrefix(a.Subject, "["+ref+"] New enquiry for you: ") {
		t.Errorf("alert subject %q", a.Subject)
	}
	if alert.Header("Auto-Submitted") != "auto-generated" || alert.Header(LoopHeader) != DeskAddress {
		t.Errorf("alert headers: %q %q", alert.Header("Auto-Submitted"), alert.Header(LoopHeader))
	}
	if len(a.To) != 1 || a.To[0].Name != "Ann Ångström" {
		t.Errorf("alert To %+v", a.To)
	}
	for _, want := range []string{"https://desk.example.gov.uk/enquiries/" + ref, "Zoë Dubois <zoe.dubois@lemonde.fr>", "Le Monde (international)", "first response by 11:30 today"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("alert lacks %q:\n%s", want, a.Text)
		}
	}

	// Recorded: the acknowledgement is on the thread, registered as ours,
	// and did not meet the acknowledge clock (a person's reply does).
	j := e.waitState("ack:"+ref, StateSent)
	if j.MessageID != p.MessageID || j.Attempts != 1 || j.PossibleDuplicate {
		t.Errorf("job %+v", j)
	}
	got, err := e.st.RefForMessageID(e.ctx, p.MessageID)
	if err != nil || got != ref {
		t.Errorf("RefForMessageID(ack) = %q, %v", got, err)
	}
	thread, _ := e.st.Messages(e.ctx, ref)
	if len(thread) != 2 || thread[1].Kind != KindAck || thread[1].Direction != "out" {
		t.Errorf("thread %+v", thread)
	}
	enq, _ := e.st.Enquiry(e.ctx, ref)
	if !enq.Clocks[store.ClockAcknowledge].Met.IsZero() {
		t.Error("the automatic acknowledgement met the acknowledge clock")
	}
	Eventually(t, "alert recorded", 10*time.Second, func() bool {
		jobs, _ := e.svc.outbox.ForEnquiry(e.ctx, ref)
		for _, j := range jobs {
			if strings.HasPrefix(j.Key, "alert:"+ref+":ann:") && j.State == StateSent && j.Recorded {
				return true
			}
		}
		return false
	})
	tl, _ := e.st.Timeline(e.ctx, ref)
	if !hasEvent(tl, "acknowledgement", "acknowledgement sent to zoe.dubois@lemonde.fr") || !hasEvent(tl, "outbound.sent", "assigned alert emailed to ann") {
		t.Errorf("timeline: %+v", tl)
	}
}

func hasEvent(tl []store.Event, typ, text string) bool {
	for _, ev := range tl {
		if ev.Type == typ && strings.Contains(ev.Text, text) {
			return true
		}
	}
	return false
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), d)
	t.Cleanup(cancel)
	return ctx
}

// TestTemporaryFailureThenSuccess: the server answers 451 twice, then
// accepts. The reply is retried with backoff and delivered exactly once,
// and recorded as a holding response by its officer.
func TestTemporaryFailureThenSuccess(t *testing.T) {
	e := newEnv(t, "", nil)
	e.run(e.svc.outbox.Run)
	ref := e.commit(1, enquiryMail("q2@bbc.co.uk", "Jo Reporter <jo@bbc.co.uk>", "Albania returns", "How many returns?")).Ref
	var mu sync.Mutex
	fails := 2
	e.sink.SetReject(func(from string, to []string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if fails > 0 {
			fails--
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
		}
		return nil
	})
	j, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "We are looking into it. [holding]", Kind: "holding", By: "bob", ID: "r1"})
	if err != nil {
		t.Fatal(err)
	}
	j = e.waitState(j.Key, StateSent)
	if j.Attempts != 3 {
		t.Errorf("attempts %d, want 3", j.Attempts)
	}
	if e.sink.Attempts() != 3 {
		t.Errorf("server saw %d DATA transactions, want 3", e.sink.Attempts())
	}
	got := e.sink.Messages()
	if len(got) != 1 || got[0].Parsed.MessageID != j.MessageID {
		t.Fatalf("delivered %d messages, want exactly one", len(got))
	}
	r := got[0]
	if r.Header("In-Reply-To") != "<q2@bbc.co.uk>" || r.Header("Auto-Submitted") != "" || r.Header(LoopHeader) != DeskAddress {
		t.Errorf("reply headers: irt %q, auto %q, loop %q", r.Header("In-Reply-To"), r.Header("Auto-Submitted"), r.Header(LoopHeader))
	}
	if r.Parsed.Subject != "["+ref+"] Re: Albania returns" || !strings.Contains(r.Parsed.Text, "Bob Bryant") {
		t.Errorf("reply %q:\n%s", r.Parsed.Subject, r.Parsed.Text)
	}
	enq, _ := e.st.Enquiry(e.ctx, ref)
	if enq.Clocks[store.ClockAcknowledge].Met.IsZero() || !enq.Clocks[store.ClockFirstResponse].Met.IsZero() {
		t.Errorf("a holding reply meets acknowledge only: %+v", enq.Clocks)
	}
	tl, _ := e.st.Timeline(e.ctx, ref)
	if !hasEvent(tl, "response", "holding reply by bob (api)") {
		t.Errorf("timeline %+v", tl)
	}
	// The same request again (a double click) sends nothing more.
	again, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "We are looking into it. [holding]", Kind: "holding", By: "bob", ID: "r1"})
	if err != nil || again.Key != j.Key || again.State != StateSent {
		t.Errorf("repeat: %+v %v", again, err)
	}
	c, _ := Totals(e.ctx, e.st)
	if c.Sent != 1 || c.Retrying != 0 || c.Queued != 0 || c.Failed != 0 {
		t.Errorf("counts %+v", c)
	}
}

// TestPermanentFailure: 550 fails the message at once, with no retry, and
// the failure is visible on the enquiry and in the totals.
func TestPermanentFailure(t *testing.T) {
	e := newEnv(t, "", nil)
	e.run(e.svc.outbox.Run)
	ref := e.commit(1, enquiryMail("q3@bbc.co.uk", "Gone Away <gone@bbc.co.uk>", "Old question", "Hello")).Ref
	e.sink.SetReject(func(from string, to []string, data []byte) error {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
	})
	j, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "The answer.", Kind: "substantive", By: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	j = e.waitState(j.Key, StateFailed)
	if j.Attempts != 1 || e.sink.Attempts() != 1 || !strings.Contains(j.LastError, "550") {
		t.Errorf("job %+v, server attempts %d", j, e.sink.Attempts())
	}
	// Nothing left to retry: not delayed, not pending in the group.
	if n, _ := e.rdb.ZCard(e.ctx, e.st.Prefix()+"outbox:delayed").Result(); n != 0 {
		t.Errorf("%d delayed", n)
	}
	Eventually(t, "stream entry acknowledged", 5*time.Second, func() bool {
		n, err := e.svc.outbox.pending(e.ctx)
		return err == nil && n == 0
	})
	jobs, _ := e.svc.outbox.ForEnquiry(e.ctx, ref)
	if len(jobs) != 1 || jobs[0].State != StateFailed {
		t.Errorf("enquiry outbox %+v", jobs)
	}
	tl, _ := e.st.Timeline(e.ctx, ref)
	if !hasEvent(tl, "outbound.failed", "reply to gone@bbc.co.uk failed") {
		t.Errorf("timeline %+v", tl)
	}
	enq, _ := e.st.Enquiry(e.ctx, ref)
	if !enq.Clocks[store.ClockFirstResponse].Met.IsZero() {
		t.Error("a failed reply met the first-response clock")
	}
	c, _ := Totals(e.ctx, e.st)
	if c.Failed != 1 || c.Sent != 0 {
		t.Errorf("counts %+v", c)
	}
	if f, err := Failures(e.ctx, e.st, 10); err != nil || len(f) != 1 || f[0].Key != j.Key || f[0].Raw != nil {
		t.Errorf("failures %+v %v", f, err)
	}
	if e.sink.Attempts() != 1 {
		t.Errorf("retried after a 5xx: %d attempts", e.sink.Attempts())
	}
}

// TestGivesUpAfterMaxAttempts: 451 for ever fails after MaxAttempts.
func TestGivesUpAfterMaxAttempts(t *testing.T) {
	e := newEnv(t, "", nil)
	e.run(e.svc.outbox.Run)
	ref := e.commit(1, enquiryMail("q4@bbc.co.uk", "jo@bbc.co.uk", "Q", "Hello")).Ref
	e.sink.SetReject(func(string, []string, []byte) error {
		return &smtp.SMTPError{Code: 421, Message: "busy"}
	})
	j, _ := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "x", Kind: "substantive", By: "ann"})
	j = e.waitState(j.Key, StateFailed)
	if j.Attempts != 4 || e.sink.Attempts() != 4 || !strings.Contains(j.LastError, "gave up after 4 attempts") {
		t.Errorf("job %+v, server attempts %d", j, e.sink.Attempts())
	}
}

// TestSMTPSecurityAndAuth sends through STARTTLS and implicit TLS with
// AUTH PLAIN and LOGIN; a wrong password is a temporary (retried) error.
func TestSMTPSecurityAndAuth(t *testing.T) {
	cert := selfSigned(t)
	tlsConf := &tls.Config{Certificates: []tls.Certificate{cert}}
	raw, _, err := (&Composer{DeskAddress: DeskAddress}).Compose(Draft{From: &mailAddress{Address: DeskAddress},
		To: []*mailAddress{{Address: "jo@bbc.co.uk"}}, Subject: "s", Text: "t"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		sec      config.Security
		implicit bool
		mechs    []string
	}{
		{"starttls-plain", config.SecurityStartTLS, false, nil},
		{"tls-login", config.SecurityTLS, true, []string{sasl.Login}},
		{"none-plain", config.SecurityNone, false, []string{sasl.Plain}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sink, err := StartSinkWith("127.0.0.1:0", SinkOptions{TLS: tlsConf, Implicit: tc.implicit,
				Username: "desk", Password: "s3cret", Mechanisms: tc.mechs})
			if err != nil {
				t.Fatal(err)
			}
			defer sink.Close()
			m := &SMTP{Address: sink.Addr, Security: tc.sec, Username: "desk", Password: "s3cret", InsecureSkipVerify: true, Timeout: 10 * time.Second}
			called := false
			reply, err := m.Send(t.Context(), DeskAddress, []string{"jo@bbc.co.uk"}, raw, func() error { called = true; return nil })
			if err != nil || !called || !strings.HasPrefix(reply, "250") {
				t.Fatalf("send: %q %v (beforeEnd called %v)", reply, err, called)
			}
			if got := sink.Messages(); len(got) != 1 || got[0].To[0] != "jo@bbc.co.uk" {
				t.Fatalf("received %+v", got)
			}
			m.Password = "wrong"
			_, err = m.Send(t.Context(), DeskAddress, []string{"jo@bbc.co.uk"}, raw, nil)
			var se *SendError
			if !errors.As(err, &se) || se.Permanent {
				t.Errorf("wrong password: %v (want a temporary error)", err)
			}
			if strings.Contains(err.Error(), "wrong") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
	// Abandoning before the end of DATA: the server never gets the message.
	sink, _ := StartSink("127.0.0.1:0")
	defer sink.Close()
	m := &SMTP{Address: sink.Addr, Security: config.SecurityNone}
	_, err = m.Send(t.Context(), DeskAddress, []string{"jo@bbc.co.uk"}, raw, func() error { return errLost })
	if !errors.Is(err, errLost) {
		t.Errorf("abandon: %v", err)
	}
	if n := len(sink.Messages()); n != 0 {
		t.Errorf("server kept %d message(s) from an abandoned transaction", n)
	}
}

func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), crand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(crand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// TestAcknowledgementPolicy: who gets an acknowledgement and who does not.
func TestAcknowledgementPolicy(t *testing.T) {
	e := newEnv(t, "", nil)
	uid := uint32(0)
	ack := func(from, subject string, extra string) (string, *Job) {
		t.Helper()
		uid++
		raw := enquiryMail(strings.ReplaceAll(from, "@", ".")+subject+"@x", from, subject, "Question")
		if extra != "" {
			raw = extra + "\n" + raw
		}
		out := e.commit(uid, raw)
		if out.Kind != "enquiry" {
			return out.Kind, nil
		}
		if err := e.svc.acknowledge(e.ctx, out.Ref, out.MKey); err != nil {
			t.Fatal(err)
		}
		return out.Ref, e.job("ack:" + out.Ref)
	}
	_, j := ack("jo@bbc.co.uk", "one", "")
	if j.State != StateQueued {
		t.Errorf("journalist: %+v", j)
	}
	for _, tc := range []struct{ from, reason string }{
		{"noreply@bbc.co.uk", "no-reply"},
		{"do-not-reply@lemonde.fr", "no-reply"},
		{"newsroom-noreply@itv.com", "no-reply"},
		{"bob@desk.example.gov.uk", "the desk or one of its officers"},
		{DeskAddress, "the desk or one of its officers"},
	} {
		ref, j := ack(tc.from, "q", "")
		if j == nil || j.State != StateSuppressed || !strings.Contains(j.Reason, tc.reason) {
			t.Errorf("%s: %+v", tc.from, j)
			continue
		}
		tl, _ := e.st.Timeline(e.ctx, ref)
		if !hasEvent(tl, "outbound.suppressed", "no acknowledgement sent") {
			t.Errorf("%s: suppression not on the timeline", tc.from)
		}
	}
	// A body quoting our loop header (an auto-responder quoting our headers).
	_, j = ack("desk-bot@itv.com", "quoted", "")
	_ = j
	uid++
	out := e.commit(uid, enquiryMail("quoted@itv.com", "robot@itv.com", "Re: your mail", "> X-Mediadesk-Loop: "+DeskAddress+"\n> Auto-Submitted: auto-replied\nThanks"))
	if err := e.svc.acknowledge(e.ctx, out.Ref, out.MKey); err != nil {
		t.Fatal(err)
	}
	if j := e.job("ack:" + out.Ref); j.State != StateSuppressed || !strings.Contains(j.Reason, "loop header") {
		t.Errorf("quoted loop header: %+v", j)
	}
	// Automatic mail never opens an enquiry.
	if kind, _ := ack("jo2@bbc.co.uk", "Automatic reply: away", ""); kind != "automatic" {
		t.Errorf("auto-reply became %q", kind)
	}
	// Idempotent: the same enquiry again queues nothing new.
	before, _ := Totals(e.ctx, e.st)
	ref := e.commit(100, enquiryMail("again@x", "sam@bbc.co.uk", "again", "q")).Ref
	for i := 0; i < 3; i++ {
		if err := e.svc.acknowledge(e.ctx, ref, hashOf(t, e, ref)); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := Totals(e.ctx, e.st)
	if after.Queued != before.Queued+1 {
		t.Errorf("three acknowledge calls queued %d", after.Queued-before.Queued)
	}
}

func hashOf(t *testing.T, e *env, ref string) string {
	msgs, err := e.st.Messages(e.ctx, ref)
	if err != nil || len(msgs) == 0 {
		t.Fatal(err)
	}
	return msgs[0].Key
}

// TestPerSenderLimit: at most 3 acknowledgements per sender per hour.
func TestPerSenderLimit(t *testing.T) {
	e := newEnv(t, "", nil)
	var states []string
	for i := 0; i < 5; i++ {
		if i == 4 {
			e.clock.Advance(61 * time.Minute)
		}
		out := e.commit(uint32(i+1), enquiryMail("n"+string(rune('a'+i))+"@bbc", "prolific@bbc.co.uk", "Question "+string(rune('A'+i)), "q"))
		if err := e.svc.acknowledge(e.ctx, out.Ref, out.MKey); err != nil {
			t.Fatal(err)
		}
		states = append(states, e.job("ack:"+out.Ref).State)
	}
	want := []string{StateQueued, StateQueued, StateQueued, StateSuppressed, StateQueued}
	if strings.Join(states, ",") != strings.Join(want, ",") {
		t.Errorf("states %v, want %v", states, want)
	}
}

// TestWebhookAlert: an assignment posts {"text": …} to the webhook, a 500
// is retried, and the URL (a secret) is not stored with the job.
func TestWebhookAlert(t *testing.T) {
	var mu sync.Mutex
	var bodies []map[string]any
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if calls == 1 {
			http.Error(w, "busy", http.StatusInternalServerError)
			return
		}
		b, _ := io.ReadAll(r.Body)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		bodies = append(bodies, m)
	}))
	defer srv.Close()
	e := newEnv(t, "alerts:\n  email: false\n  webhook_url_env: "+WebhookEnv+"\n", func(o *Options) {
		o.Secret = func(name string) string {
			if name == WebhookEnv {
				return srv.URL + "/hook/T0K3N"
			}
			return ""
		}
	})
	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	ref := e.commit(1, enquiryMail("w@bbc", "jo@bbc.co.uk", "Webhook please", "q")).Ref
	if _, err := e.st.Assign(e.ctx, ref, "bob", "meg", "", "rebalancing"); err != nil {
		t.Fatal(err)
	}
	Eventually(t, "two webhook posts", 20*time.Second, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(bodies) == 2
	})
	mu.Lock()
	texts := []string{bodies[0]["text"].(string), bodies[1]["text"].(string)}
	mu.Unlock()
	joined := strings.Join(texts, "\n")
	for _, want := range []string{"New enquiry for you: Webhook please", "Enquiry reassigned to you", "https://desk.example.gov.uk/enquiries/" + ref} {
		if !strings.Contains(joined, want) {
			t.Errorf("webhook texts lack %q: %q", want, joined)
		}
	}
	jobs, _ := e.svc.outbox.ForEnquiry(e.ctx, ref)
	for _, j := range jobs {
		if j.Kind == KindAlert || j.Kind == KindNotification {
			t.Errorf("an email alert was queued with alerts.email off: %+v", j)
		}
	}
	keys, _ := e.rdb.Keys(e.ctx, e.st.Prefix()+"outbox:job:*").Result()
	for _, k := range keys {
		h, _ := e.rdb.HGetAll(e.ctx, k).Result()
		for f, v := range h {
			if strings.Contains(v, "T0K3N") {
				t.Errorf("%s field %s holds the webhook URL", k, f)
			}
		}
	}
}

// TestNotify: the SLA engine's API — one message per officer per key.
func TestNotify(t *testing.T) {
	e := newEnv(t, "", nil)
	e.run(e.svc.outbox.Run)
	ref := e.commit(1, enquiryMail("n@bbc", "jo@bbc.co.uk", "Due soon", "q")).Ref
	due := e.clock.Now().Add(2 * time.Hour)
	n := Notification{Key: "sla:" + ref + ":first_response:breach:1", Kind: NotifyBreach, Ref: ref, Officer: "ann",
		To: []string{"meg"}, Clock: store.ClockFirstResponse, Due: due, Urgent: true}
	for i := 0; i < 3; i++ {
		if err := e.svc.Notify(e.ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	msgs, err := e.sink.Wait(ctxTimeout(t, 20*time.Second), 2)
	if err != nil {
		t.Fatal(err)
	}
	Eventually(t, "both recorded", 10*time.Second, func() bool {
		c, _ := Totals(e.ctx, e.st)
		return c.Sent == 2
	})
	if got := len(e.sink.Messages()); got != 2 {
		t.Errorf("%d messages for one notification to two officers", got)
	}
	for _, m := range msgs {
		if !strings.Contains(m.Parsed.Subject, "SLA breached, first response was due 11:30 today") || m.Header("Importance") != "high" {
			t.Errorf("notification %q importance %q", m.Parsed.Subject, m.Header("Importance"))
		}
	}
	if err := e.svc.Notify(e.ctx, Notification{Key: "report:digest:1", Kind: "digest", To: []string{"meg"}, Subject: "Daily report", Text: "All well."}); err != nil {
		t.Fatal(err)
	}
	msgs, _ = e.sink.Wait(ctxTimeout(t, 20*time.Second), 3)
	if d := msgs[2].Parsed; d.Subject != "Daily report" || !strings.Contains(d.Text, "All well.") {
		t.Errorf("digest %q %q", d.Subject, d.Text)
	}
}

// TestLostStreamEntry: a queued job whose stream entry is gone (trimmed)
// is put back by the janitor and sent once.
func TestLostStreamEntry(t *testing.T) {
	e := newEnv(t, "", func(o *Options) { o.Outbox.ClaimAfter = 200 * time.Millisecond })
	ref := e.commit(1, enquiryMail("lost@bbc", "jo@bbc.co.uk", "Lost", "q")).Ref
	j, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "x", Kind: "substantive", By: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.rdb.XTrimMaxLen(e.ctx, e.st.Prefix()+"outbox", 0).Err(); err != nil {
		t.Fatal(err)
	}
	e.run(e.svc.outbox.Run)
	e.waitState(j.Key, StateSent)
	if n := len(e.sink.Messages()); n != 1 {
		t.Errorf("delivered %d", n)
	}
}

// TestPoisonEvent: an event that can never be handled is set aside after
// MaxDeliveries, and the events behind it are handled.
func TestPoisonEvent(t *testing.T) {
	e := newEnv(t, "", func(o *Options) { o.Outbox.MaxDeliveries = 3 })
	ref := e.commit(1, enquiryMail("p1@bbc", "jo@bbc.co.uk", "First", "q")).Ref
	e.rdb.XAdd(e.ctx, &redis.XAddArgs{Stream: e.st.Prefix() + "events", Values: []any{"type", "enquiry.assigned", "ref", ref,
		"at", "0", "data", `{"to":"ghost","by":"meg","from":"ann"}`}})
	ref2 := e.commit(2, enquiryMail("p2@bbc", "sam@bbc.co.uk", "Second", "q")).Ref
	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	e.waitState("ack:"+ref2, StateSent)
	dead, _ := e.rdb.LRange(e.ctx, e.st.Prefix()+"outbound:dead", 0, -1).Result()
	if len(dead) != 1 || !strings.Contains(dead[0], "ghost") {
		t.Errorf("dead letters %q", dead)
	}
}

// TestPanickingEvent: an event whose handling panics is retried, then set
// aside with the panic as the reason, like any failing event; the process
// stays up and the events behind it are handled.
func TestPanickingEvent(t *testing.T) {
	e := newEnv(t, "", func(o *Options) { o.Outbox.MaxDeliveries = 3 })
	ref := e.commit(1, enquiryMail("boom1@bbc", "jo@bbc.co.uk", "First", "q")).Ref
	e.svc.beforeEvent = func(m redis.XMessage) {
		if m.Values["ref"] == ref {
			panic("template index out of range")
		}
	}
	ref2 := e.commit(2, enquiryMail("boom2@bbc", "sam@bbc.co.uk", "Second", "q")).Ref
	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	e.waitState("ack:"+ref2, StateSent)
	dead, _ := e.rdb.LRange(e.ctx, e.st.Prefix()+"outbound:dead", 0, -1).Result()
	if len(dead) != 1 || !strings.Contains(dead[0], "panic") || !strings.Contains(dead[0], ref) {
		t.Errorf("dead letters %q", dead)
	}
}

// TestTwoSenders: two replicas' senders on one Redis deliver each of 40
// messages exactly once.
func TestTwoSenders(t *testing.T) {
	e := newEnv(t, "", nil)
	other, err := New(e.svc.opts)
	if err != nil {
		t.Fatal(err)
	}
	e.sink.SetReject(func(string, []string, []byte) error { time.Sleep(5 * time.Millisecond); return nil })
	e.run(e.svc.outbox.Run)
	e.run(other.outbox.Run)
	var keys []string
	for i := 0; i < 40; i++ {
		ref := e.commit(uint32(i+1), enquiryMail(fmt.Sprintf("two%d@bbc", i), fmt.Sprintf("r%d@bbc.co.uk", i), "Q", "q")).Ref
		j, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "A", Kind: "substantive", By: "ann"})
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, j.Key)
	}
	for _, k := range keys {
		e.waitState(k, StateSent)
	}
	seen := map[string]int{}
	for _, m := range e.sink.Messages() {
		seen[m.Parsed.MessageID]++
	}
	if len(seen) != 40 {
		t.Errorf("%d distinct messages delivered", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s delivered %d times", id, n)
		}
	}
}

// TestAckTemplateAndSwitch: a configured template file replaces the
// default; a broken one is refused at start; acknowledgements can be off.
func TestAckTemplateAndSwitch(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "ack.tmpl")
	os.WriteFile(good, []byte("Ref {{.Ref}} for {{.Email}}: answer expected {{.Expected}} from {{.Team}}.\n"), 0o600)
	e := newEnv(t, "acknowledgements:\n  template: "+good+"\n", nil)
	e.run(e.svc.outbox.Run)
	out := e.commit(1, enquiryMail("tpl@bbc", "jo@bbc.co.uk", "Template", "q"))
	if err := e.svc.acknowledge(e.ctx, out.Ref, out.MKey); err != nil {
		t.Fatal(err)
	}
	msgs, _ := e.sink.Wait(ctxTimeout(t, 20*time.Second), 1)
	if got := strings.TrimSpace(msgs[0].Parsed.Text); got != "Ref "+out.Ref+" for jo@bbc.co.uk: answer expected by 11:30 today from our Duty desk." {
		t.Errorf("templated text %q", got)
	}

	bad := filepath.Join(dir, "bad.tmpl")
	os.WriteFile(bad, []byte("{{.Nope}}"), 0o600)
	cfg := DeskConfig(t, "127.0.0.1:1", "desk", "127.0.0.1:2", "acknowledgements:\n  template: "+bad+"\n")
	if _, err := New(Options{Config: cfg, Store: e.st}); err == nil || !strings.Contains(err.Error(), "acknowledgements.template") {
		t.Errorf("broken template: %v", err)
	}

	off := newEnv(t, "acknowledgements:\n  enabled: false\n", nil)
	out = off.commit(1, enquiryMail("off@bbc", "jo@bbc.co.uk", "Off", "q"))
	if err := off.svc.acknowledge(off.ctx, out.Ref, out.MKey); err != nil {
		t.Fatal(err)
	}
	if jobs, _ := off.svc.outbox.ForEnquiry(off.ctx, out.Ref); len(jobs) != 0 {
		t.Errorf("acknowledgements off, yet %+v", jobs)
	}
}

// TestResponseCopiedToDesk: an officer who answers from their own mailbox
// with the desk in copy is seen through the inbox (enquiry.internal) and
// the reply counts as the response.
func TestResponseCopiedToDesk(t *testing.T) {
	e := newEnv(t, "", nil)
	e.run(e.svc.runEvents)
	ref := e.commit(1, enquiryMail("cc-q@bbc", "jo@bbc.co.uk", "Copy", "q")).Ref
	for i, raw := range []string{
		// To the desk only: internal, not a response.
		"From: Bob <bob@desk.example.gov.uk>\nTo: " + DeskAddress + "\nSubject: Re: Copy\nMessage-ID: <int@desk>\nIn-Reply-To: <cc-q@bbc>\n\nShall I take it?\n",
		// To the journalist, desk in copy: the response.
		"From: Bob <bob@desk.example.gov.uk>\nTo: jo@bbc.co.uk\nCc: " + DeskAddress + "\nSubject: Re: Copy\nMessage-ID: <resp@desk>\nIn-Reply-To: <cc-q@bbc>\n\nHere is the answer.\n",
	} {
		m, err := mailparse.Parse([]byte(strings.ReplaceAll(raw, "\n", "\r\n")), mailparse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		outs, err := e.st.Commit(e.ctx, []store.Incoming{{Source: store.Source{Mailbox: "desk", Folder: "INBOX", UIDValidity: 1, UID: uint32(10 + i)},
			Received: e.clock.Now(), Msg: m, Own: true}}, store.CommitOptions{})
		if err != nil || outs[0].Ref != ref {
			t.Fatalf("commit: %+v %v", outs, err)
		}
	}
	Eventually(t, "response recorded", 20*time.Second, func() bool {
		enq, _ := e.st.Enquiry(e.ctx, ref)
		return !enq.Clocks[store.ClockFirstResponse].Met.IsZero()
	})
	tl, _ := e.st.Timeline(e.ctx, ref)
	n := 0
	for _, ev := range tl {
		if ev.Type == "response" {
			n++
			if ev.By != "bob" || ev.Data["via"] != "copy-to-desk" {
				t.Errorf("response %+v", ev)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d responses", n)
	}
}
