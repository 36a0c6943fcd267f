package outbound_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/store"
)

// desk is a whole running desk (app.New: ingest, routing, outbound) on
// a real IMAP server (Dovecot when installed), Redis and the SMTP sink.
type desk struct {
	t    *testing.T
	ctx  context.Context
	imap *servers.IMAP
	rdb  *redis.Client
	sink *outbound.Sink
	cfg  *config.Config
	d    *app.Desk
	st   *store.Store
}

func newDesk(t *testing.T, extra string) *desk {
	t.Helper()
	im := servertest.IMAP(t)
	r := servertest.Redis(t)
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
	cfg := outbound.DeskConfig(t, im.Addr, im.Username, sink.Addr, extra)
	ctx, cancel := context.WithCancel(t.Context())
	d, err := app.New(ctx, app.Options{Config: cfg, Redis: rdb, Listen: "127.0.0.1:0", Logger: outbound.QuietLogger(t),
		Secret: func(name string) string {
			if name == outbound.IMAPPassEnv {
				return im.Password
			}
			return ""
		}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = d.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	<-d.Ready()
	return &desk{t: t, ctx: t.Context(), imap: im, rdb: rdb, sink: sink, cfg: cfg, d: d, st: d.Store}
}

func (k *desk) deliver(folder string, raw string) {
	k.t.Helper()
	if err := k.imap.Append(k.ctx, folder, []byte(strings.ReplaceAll(raw, "\n", "\r\n"))); err != nil {
		k.t.Fatal(err)
	}
}

// ingested waits until the inbox has recorded n messages.
func (k *desk) ingested(n int64) store.FolderStats {
	k.t.Helper()
	var s store.FolderStats
	outbound.Eventually(k.t, fmt.Sprintf("%d messages ingested", n), 30*time.Second, func() bool {
		st, err := k.st.FolderStats(k.ctx, [][2]string{{"desk", "INBOX"}})
		if err != nil {
			return false
		}
		s = st[0]
		return s.Messages >= n
	})
	return s
}

// mailTo returns what the sink received for addr.
func (k *desk) mailTo(addr string) []outbound.Received {
	var out []outbound.Received
	for _, m := range k.sink.Messages() {
		for _, to := range m.To {
			if strings.EqualFold(to, addr) {
				out = append(out, m)
			}
		}
	}
	return out
}

// waitMail waits for n messages to addr.
func (k *desk) waitMail(addr string, n int) []outbound.Received {
	k.t.Helper()
	outbound.Eventually(k.t, fmt.Sprintf("%d message(s) to %s", n, addr), 30*time.Second, func() bool {
		return len(k.mailTo(addr)) >= n
	})
	return k.mailTo(addr)
}

// quiet waits until every event has been consumed and every queued
// message has been handled: after it, no more mail is on its way.
func (k *desk) quiet() {
	k.t.Helper()
	outbound.Eventually(k.t, "events and outbox drained", 30*time.Second, func() bool {
		for _, s := range []struct{ stream, group string }{{"events", "outbound"}, {"outbox", "outbox"}} {
			groups, err := k.rdb.XInfoGroups(k.ctx, k.st.Prefix()+s.stream).Result()
			if err != nil {
				return false
			}
			info, err := k.rdb.XInfoStream(k.ctx, k.st.Prefix()+s.stream).Result()
			if err != nil {
				return false
			}
			for _, g := range groups {
				if g.Name == s.group && (g.Pending != 0 || g.LastDeliveredID != info.LastGeneratedID) {
					return false
				}
			}
		}
		c, err := outbound.Totals(k.ctx, k.st)
		return err == nil && c.Queued+c.Sending+c.Retrying == 0
	})
}

// sentFolder lists the Message-IDs and flags in Sent.
func (k *desk) sentFolder() map[string][]imap.Flag {
	k.t.Helper()
	c, err := k.imap.Dial(k.ctx, nil)
	if err != nil {
		k.t.Fatal(err)
	}
	defer c.Close()
	sel, err := c.Select("Sent", &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		k.t.Fatal(err)
	}
	out := map[string][]imap.Flag{}
	if sel.NumMessages == 0 {
		return out
	}
	sec := &imap.FetchItemBodySection{Peek: true, Specifier: imap.PartSpecifierHeader}
	bufs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{Flags: true, BodySection: []*imap.FetchItemBodySection{sec}}).Collect()
	if err != nil {
		k.t.Fatal(err)
	}
	for _, b := range bufs {
		m, err := mailparse.Parse(b.FindBodySection(sec), mailparse.Options{})
		if err == nil {
			out[m.MessageID] = b.Flags
		}
	}
	return out
}

func (k *desk) enquiry(ref string) *store.Enquiry {
	k.t.Helper()
	e, err := k.st.Enquiry(k.ctx, ref)
	if err != nil {
		k.t.Fatal(err)
	}
	return e
}

func (k *desk) responses(ref string) []store.Event {
	tl, _ := k.st.Timeline(k.ctx, ref)
	var out []store.Event
	for _, ev := range tl {
		if ev.Type == "response" {
			out = append(out, ev)
		}
	}
	return out
}

func mailAt(id, from, to, subject string, date time.Time, headers, body string) string {
	s := "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nDate: " + date.Format(time.RFC1123Z) +
		"\nMessage-ID: <" + id + ">\n"
	if headers != "" {
		s += strings.TrimRight(headers, "\n") + "\n"
	}
	return s + "Content-Type: text/plain; charset=utf-8\n\n" + body + "\n"
}

// TestSentFolder: copies of what the desk sends land in Sent (\Seen); a
// reply an officer wrote in another mail client (appended to Sent) is
// detected and timed; a holding reply tagged only by [REF] meets the
// acknowledge clock; an internal forward and our own copies are not
// responses; a reply through the API counts once although it is also seen
// in Sent.
func TestSentFolder(t *testing.T) {
	k := newDesk(t, "")
	now := time.Now()
	k.deliver("INBOX", mailAt("q1@bbc.co.uk", "Jo Reporter <jo@bbc.co.uk>", outbound.DeskAddress,
		"Albania returns figures", now.Add(-time.Minute), "", "How many people were returned to Albania last month? Thanks, Jo"))
	k.deliver("INBOX", mailAt("q2@lemonde.fr", "Zoé Martin <zoe@lemonde.fr>", outbound.DeskAddress,
		"Kosovo", now.Add(-time.Minute), "", "A question about Kosovo."))
	k.ingested(2)
	ack1 := k.waitMail("jo@bbc.co.uk", 1)[0]
	ack2 := k.waitMail("zoe@lemonde.fr", 1)[0]
	ref1 := k.st.SubjectRefs(ack1.Parsed.Subject)[0]
	ref2 := k.st.SubjectRefs(ack2.Parsed.Subject)[0]

	// The acknowledgements' copies are in Sent, seen.
	outbound.Eventually(t, "acknowledgement copies in Sent", 30*time.Second, func() bool {
		f := k.sentFolder()
		return len(f[ack1.Parsed.MessageID]) > 0 && len(f[ack2.Parsed.MessageID]) > 0
	})
	for _, id := range []string{ack1.Parsed.MessageID, ack2.Parsed.MessageID} {
		seen := false
		for _, f := range k.sentFolder()[id] {
			seen = seen || f == imap.FlagSeen
		}
		if !seen {
			t.Errorf("copy of %s in Sent is not \\Seen", id)
		}
	}

	// Bob answers Jo from his own mail client: the copy lands in Sent.
	sentAt := time.Now().Add(-20 * time.Second).Truncate(time.Second)
	k.deliver("Sent", mailAt("bob-reply-1@desk.example.gov.uk", "Bob Bryant <bob@desk.example.gov.uk>", "Jo Reporter <jo@bbc.co.uk>",
		"Re: Albania returns figures", sentAt, "In-Reply-To: <q1@bbc.co.uk>\nReferences: <q1@bbc.co.uk>", "Jo, the figure is 1,234.\n\n> How many people were returned"))
	// Ann sends Zoé a holding line, tagged only in the subject.
	k.deliver("Sent", mailAt("ann-hold@desk.example.gov.uk", "ann@desk.example.gov.uk", "zoe@lemonde.fr",
		"["+ref2+"] [holding] Kosovo", sentAt, "", "We are checking and will come back to you."))
	// An internal forward with the tag: not a response.
	k.deliver("Sent", mailAt("fwd@desk.example.gov.uk", "ann@desk.example.gov.uk", "bob@desk.example.gov.uk",
		"Fwd: ["+ref2+"] Kosovo", sentAt, "", "Can you take this?"))
	// Something unrelated.
	k.deliver("Sent", mailAt("lunch@desk.example.gov.uk", "ann@desk.example.gov.uk", "friend@example.com",
		"Lunch?", sentAt, "", "Lunch?"))

	outbound.Eventually(t, "responses recorded", 30*time.Second, func() bool {
		return !k.enquiry(ref1).Clocks[store.ClockFirstResponse].Met.IsZero() && !k.enquiry(ref2).Clocks[store.ClockAcknowledge].Met.IsZero()
	})
	e1 := k.enquiry(ref1)
	if got := e1.Clocks[store.ClockFirstResponse].Met; !got.Equal(sentAt) {
		t.Errorf("first response met at %v, want the reply's Date %v", got, sentAt)
	}
	if e1.Status != store.StatusAnswered {
		t.Errorf("enquiry 1 %s", e1.Status)
	}
	r1 := k.responses(ref1)
	if len(r1) != 1 || r1[0].By != "bob" || r1[0].Data["via"] != "sent-folder" || r1[0].Data["kind"] != "substantive" {
		t.Errorf("responses of %s: %+v", ref1, r1)
	}
	e2 := k.enquiry(ref2)
	if !e2.Clocks[store.ClockFirstResponse].Met.IsZero() || e2.Status != store.StatusOpen {
		t.Errorf("a holding reply answered the enquiry: %+v", e2)
	}
	if r2 := k.responses(ref2); len(r2) != 1 || r2[0].By != "ann" || r2[0].Data["kind"] != "holding" {
		t.Errorf("responses of %s: %+v", ref2, r2)
	}
	// The officer's reply is on the thread, so the journalist's answer to
	// it threads too.
	msgs, _ := k.st.Messages(k.ctx, ref1)
	foundReply := false
	for _, m := range msgs {
		foundReply = foundReply || (m.MessageID == "bob-reply-1@desk.example.gov.uk" && m.Direction == "out")
	}
	if !foundReply {
		t.Error("the officer's reply is not on the enquiry's thread")
	}

	// A substantive reply as the web layer sends it: a typed request whose
	// sender is the signed-in officer. Outbound serves no route that reads
	// a reply from a request body, so nothing reaches Reply unauthenticated.
	mux := http.NewServeMux()
	k.d.Outbound().Routes(mux)
	if _, pattern := mux.Handler(httptest.NewRequest("POST", "/api/enquiries/"+ref2+"/replies", nil)); pattern != "" {
		t.Fatalf("outbound serves %q itself", pattern)
	}
	job, err := k.d.Outbound().Reply(k.ctx, ref2, outbound.ReplyRequest{Body: "Dear Zoé, here is our answer.", Kind: "substantive", By: "ann"})
	if err != nil || job.Key == "" {
		t.Fatalf("reply: %v %+v", err, job)
	}
	reply := k.waitMail("zoe@lemonde.fr", 2)[1]
	if reply.Header("In-Reply-To") != "<q2@lemonde.fr>" || reply.Parsed.Subject != "["+ref2+"] Re: Kosovo" {
		t.Errorf("API reply: irt %q subject %q", reply.Header("In-Reply-To"), reply.Parsed.Subject)
	}
	outbound.Eventually(t, "API reply's copy in Sent and looked at", 30*time.Second, func() bool {
		st, _ := k.st.SentStats(k.ctx, "desk", "Sent")
		return len(k.sentFolder()[reply.Parsed.MessageID]) > 0 && st["own"] >= 3
	})
	outbound.Eventually(t, "substantive response recorded", 30*time.Second, func() bool {
		return !k.enquiry(ref2).Clocks[store.ClockFirstResponse].Met.IsZero()
	})
	if r2 := k.responses(ref2); len(r2) != 2 || r2[1].Data["via"] != "api" || r2[1].By != "ann" {
		t.Errorf("responses of %s after the API reply: %+v", ref2, r2)
	}
	st, _ := k.st.SentStats(k.ctx, "desk", "Sent")
	if st["response"] != 2 || st["own"] != 3 || st["internal"] != 1 || st["unrelated"] != 1 || st["messages"] != 7 {
		t.Errorf("sent stats %v", st)
	}
	// Bad requests.
	for _, tc := range []outbound.ReplyRequest{
		{Body: "x", Kind: "holding", By: "mallory"},
		{Body: "x", Kind: "holding"},
		{Body: "x", Kind: "final", By: "ann"},
		{Body: "", Kind: "holding", By: "ann"},
		{Body: "x", Kind: "holding", By: "ann", UseLinesToTake: true},
	} {
		if _, err := k.d.Outbound().Reply(k.ctx, ref2, tc); !errors.Is(err, outbound.ErrBadRequest) {
			t.Errorf("%+v: %v, want a bad request", tc, err)
		}
	}
	if _, err := k.d.Outbound().Reply(k.ctx, "TEST-1999-000001", outbound.ReplyRequest{Body: "x", Kind: "holding", By: "ann"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown enquiry: %v", err)
	}
}

// TestLinesToTake: a reply using the linked release's approved lines.
func TestLinesToTake(t *testing.T) {
	k := newDesk(t, "")
	k.deliver("INBOX", mailAt("lt@bbc.co.uk", "jo@bbc.co.uk", outbound.DeskAddress, "Foreign Secretary in Albania",
		time.Now(), "", "What did the Foreign Secretary agree in Tirana on illegal migration? https://www.gov.uk/government/news/foreign-secretary-visits-albania"))
	k.ingested(1)
	ack := k.waitMail("jo@bbc.co.uk", 1)[0]
	ref := k.st.SubjectRefs(ack.Parsed.Subject)[0]
	if e := k.enquiry(ref); e.Release != "test-2023-10-16-albania" {
		t.Skipf("routing did not link the release (%q); nothing to take lines from", e.Release)
	}
	svc := k.d.Outbound()
	// Draft lines are not sent: the reply is refused until a manager
	// approved them, and then carries them.
	if _, err := svc.Reply(k.ctx, ref, outbound.ReplyRequest{Body: "Thanks Jo.", Kind: "substantive", By: "ann", UseLinesToTake: true}); !errors.Is(err, outbound.ErrBadRequest) {
		t.Fatalf("reply with draft lines: %v, want a bad request", err)
	}
	rels := releases.NewStore(k.rdb, k.cfg.Redis.KeyPrefix)
	rel, _, err := rels.Get(k.ctx, "test-2023-10-16-albania")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range rel.LinesToTake {
		if _, err := rels.ApproveLine(k.ctx, rel.ID, releases.LineKey(l), "meg", time.Now(), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Reply(k.ctx, ref, outbound.ReplyRequest{Body: "Thanks Jo.", Kind: "substantive", By: "ann", UseLinesToTake: true}); err != nil {
		t.Fatal(err)
	}
	r := k.waitMail("jo@bbc.co.uk", 2)[1]
	for _, want := range []string{"Thanks Jo.", "The UK and Albania work closely together", "Returns to Albania have risen sharply", "Ann Ångström"} {
		if !strings.Contains(r.Parsed.Text, want) {
			t.Errorf("reply lacks %q:\n%s", want, r.Parsed.Text)
		}
	}
}

// TestNoMailLoop: an out-of-office reply to our acknowledgement and a
// second auto-responder answering it again and again (with and without
// Auto-Submitted, echoing our loop header, "Auto: Re: [REF] …", quoting
// our headers in the body) produce no further mail to anyone outside the
// desk; the journalist's own reply to the acknowledgement threads into the
// same enquiry.
func TestNoMailLoop(t *testing.T) {
	k := newDesk(t, "")
	k.deliver("INBOX", mailAt("loop-q@bbc.co.uk", "Jo Reporter <jo@bbc.co.uk>", outbound.DeskAddress,
		"Consular case in Kosovo", time.Now(), "", "Can you confirm a British national was detained?"))
	k.ingested(1)

	// Responders: Jo's out-of-office answers each message we send her
	// once; the newsroom's robot, copied on her mail, answers everything
	// it has seen again and again, in three different ways.
	answered := map[string]bool{}
	sent := 1
	round := 0
	respond := func() {
		round++
		for _, m := range k.sink.Messages() {
			if m.Parsed == nil || m.To[0] != "jo@bbc.co.uk" {
				continue
			}
			id, subj := m.Parsed.MessageID, m.Parsed.Subject
			thread := "In-Reply-To: <" + id + ">\nReferences: <" + id + ">"
			var replies []string
			if !answered[id] {
				answered[id] = true
				replies = append(replies, mailAt("ooo-"+id, "Jo Reporter <jo@bbc.co.uk>", outbound.DeskAddress, "Automatic reply: "+subj, time.Now(),
					thread+"\nAuto-Submitted: auto-replied", "I am out of the office until Monday."))
			}
			n := fmt.Sprintf("%d-%s", round, id)
			replies = append(replies,
				mailAt("bot-a-"+n, "newsroom@bbc.co.uk", outbound.DeskAddress, "Re: "+subj, time.Now(),
					thread+"\n"+outbound.LoopHeader+": "+outbound.DeskAddress, "Your message has been received by the BBC newsroom."),
				mailAt("bot-b-"+n, "newsroom@bbc.co.uk", outbound.DeskAddress, "Auto: Re: "+subj, time.Now(),
					thread, "Your message has been received by the BBC newsroom."),
				mailAt("bot-c-"+n, "newsroom@bbc.co.uk", outbound.DeskAddress, "Re: "+subj, time.Now(),
					thread, "Thank you for your message.\n\n> "+outbound.LoopHeader+": "+outbound.DeskAddress+"\n> Auto-Submitted: auto-replied\n> "+subj),
			)
			for _, r := range replies {
				k.deliver("INBOX", r)
				sent++
			}
		}
	}
	ack := k.waitMail("jo@bbc.co.uk", 1)[0]
	ref := k.st.SubjectRefs(ack.Parsed.Subject)[0]
	for round := 0; round < 3; round++ {
		respond()
		k.ingested(int64(sent))
		k.quiet()
	}
	// Jo herself replies to the acknowledgement.
	k.deliver("INBOX", mailAt("jo-followup@bbc.co.uk", "Jo Reporter <jo@bbc.co.uk>", outbound.DeskAddress, "Re: "+ack.Parsed.Subject, time.Now(),
		"In-Reply-To: <"+ack.Parsed.MessageID+">\nReferences: <loop-q@bbc.co.uk> <"+ack.Parsed.MessageID+">", "One more thing: is the embassy involved?"))
	sent++
	k.ingested(int64(sent))
	k.quiet()
	respond()
	k.ingested(int64(sent))
	k.quiet()

	// Exactly one message ever went outside the desk: the acknowledgement.
	var outside []string
	for _, m := range k.sink.Messages() {
		for _, to := range m.To {
			if !strings.HasSuffix(to, "@desk.example.gov.uk") {
				outside = append(outside, to+": "+m.Parsed.Subject)
			}
		}
	}
	if len(outside) != 1 {
		t.Errorf("mail outside the desk: %q", outside)
	}
	// Jo's reply is a follow-up of the same enquiry.
	ref2, err := k.st.RefForMessageID(k.ctx, "jo-followup@bbc.co.uk")
	if err != nil || ref2 != ref {
		t.Errorf("Jo's reply to the acknowledgement is on %q, want %s", ref2, ref)
	}
	msgs, _ := k.st.Messages(k.ctx, ref)
	kinds := map[string]int{}
	for _, m := range msgs {
		kinds[m.Kind]++
	}
	if kinds["followup"] != 1 || kinds["acknowledgement"] != 1 || kinds["automatic"] < 2 {
		t.Errorf("thread kinds %v", kinds)
	}
	// The auto-replies were recorded as automatic; any robot message that
	// opened an enquiry was not acknowledged.
	c, _ := outbound.Totals(k.ctx, k.st)
	if c.Sent < 1 || c.Failed != 0 {
		t.Errorf("outbox %+v", c)
	}
	st := k.ingested(int64(sent))
	t.Logf("inbox: %+v; outbox: %+v", st, c)
	// Per round: two of the robot's replies (our header echoed, "Auto:")
	// are automatic; the one quoting our header in its body is a new
	// enquiry from a new sender, never acknowledged. Plus the OOO.
	if st.Automatic != int64(1+2*round) || st.Enquiries != int64(1+round) {
		t.Errorf("after %d rounds: %+v", round, st)
	}
	if c.Suppressed != int64(round) {
		t.Errorf("%d acknowledgements suppressed, want %d", c.Suppressed, round)
	}
}
