package routing

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/mailparse"
)

func testRouter(t testing.TB) *Router {
	t.Helper()
	r, err := NewRouter(testDesk(t), testCatalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestOutlets(t *testing.T) {
	o := NewOutlets(testDesk(t).Outlets)
	for addr, want := range map[string]string{
		"jo@wire.example":               "Example Wire",
		"jo@desk.wire.example":          "Example Wire",
		"jo@WIRE.EXAMPLE.":              "Example Wire",
		"jo@news.example":               "Example News",
		"jo@local.news.example":         "Example Local", // the longest suffix wins
		"jo@sub.local.news.example":     "Example Local",
		"jo@ft.com":                     "Financial Times",
		"jess@driftcraft.com":           "", // not a label boundary
		"freelancer@gmail.com":          "",
		"":                              "",
		"bad-address-without-at-or-dot": "",
	} {
		got, ok := o.Lookup(addr)
		if got.Name != want || ok != (want != "") {
			t.Errorf("Lookup(%q) = %q %v, want %q", addr, got.Name, ok, want)
		}
	}
}

func TestTopics(t *testing.T) {
	cfg := testDesk(t)
	cat := testCatalogue(t)
	topics := NewTopics(cfg)
	rel := func(id string) Link { return Link{Release: id, Score: 0.95} }
	for _, c := range []struct {
		name string
		in   Input
		link Link
		want string
	}{
		{"the release's first topic by default",
			Input{Subject: "Returns deal", NewText: "How many officers will the taskforce have?"},
			rel("2024-03-05-ruritania-returns-agreement"), "migration"},
		{"the question outweighs the release: British nationals → consular",
			Input{Subject: "Marek call - British nationals", NewText: "In the call, did the PM ask about British nationals detained in Strelsau? Is consular access being given to the British nationals?"},
			rel("2024-03-04-pm-call-with-president-of-ruritania"), "consular"},
		{"keywords alone, no release",
			Input{Subject: "Asylum claims", NewText: "How many asylum claims were made by people arriving on small boats last month?"},
			Link{}, "migration"},
		{"whole words only: 'Brits' yes, 'Britsh' typo no",
			Input{Subject: "Britsh tourists", NewText: "Are Britsh tourists affected?"},
			Link{}, "general"},
		{"a single place name is not enough",
			Input{Subject: "Complaint", NewText: "I wrote about a family in Gaza and nobody replied. Who do I escalate this to?"},
			Link{}, "general"},
		{"nothing fits: fallback",
			Input{Subject: "Libraries", NewText: "Could the minister talk about libraries?"},
			Link{}, "general"},
		{"quoted history counts little",
			Input{Subject: "Re: thanks", NewText: "Thanks, all sorted.", QuotedText: "> How many asylum claims were there?", IsReply: true},
			Link{}, "general"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := topics.Choose(&c.in, c.link, cat)
			if got.Topic != c.want {
				t.Errorf("topic %q (%s), want %q", got.Topic, got.Reason, c.want)
			}
		})
	}
}

func TestRouteDecision(t *testing.T) {
	r := testRouter(t)
	sent := at3339(t, "2024-03-13T10:00:00Z") // Wednesday
	base := Input{
		From:    "reporter@desk.wire.example",
		Subject: "Vell sanctions",
		NewText: "Which assets of the financier Ottokar Vell were frozen under the new sanctions on Valdorian arms brokers? Need it by 4pm.",
		Date:    sent,
	}
	d := r.Route(base, sent, Load{})
	if d.Automatic || d.Outlet != "Example Wire" || d.OutletTier != "wire" {
		t.Errorf("outlet: %+v", d)
	}
	if d.Release != "2024-03-12-sanctions-on-valdorian-arms-brokers" || d.ReleaseTitle != "UK sanctions Valdorian arms brokers" {
		t.Errorf("release %q (%s)", d.Release, d.ReleaseDetail)
	}
	if d.Topic != "security" || d.Officer != "ada" || d.Shift != "Home desk" {
		t.Errorf("topic %q officer %q shift %q (%s / %s)", d.Topic, d.Officer, d.Shift, d.TopicReason, d.OfficerReason)
	}
	if !d.Deadline.Equal(at3339(t, "2024-03-13T16:00:00Z")) {
		t.Errorf("deadline %v (%q)", d.Deadline, d.DeadlinePhrase)
	}
	if d.Plan.Policy != "wire" || !d.Opened.Equal(sent) || !d.Plan.AcknowledgeDue.Equal(sent.Add(5*time.Minute)) ||
		!d.Plan.FirstResponseDue.Equal(sent.Add(30*time.Minute)) {
		t.Errorf("plan %+v opened %v", d.Plan, d.Opened)
	}

	// Received (when the desk got it) starts the clocks, not Date.
	in := base
	in.Received = sent.Add(3 * time.Minute)
	if d := r.Route(in, sent, Load{}); !d.Opened.Equal(in.Received) {
		t.Errorf("opened %v, want Received", d.Opened)
	}

	// Automatic mail: outlet yes, officer and clocks no.
	in = base
	in.Automatic = string(mailparse.AutoReply)
	d = r.Route(in, sent, Load{})
	if !d.Automatic || d.Officer != "" || !d.Plan.AcknowledgeDue.IsZero() || d.Release != "" || d.Outlet != "Example Wire" {
		t.Errorf("automatic: %+v", d)
	}

	// A freedom-of-information request goes to the fallback topic, unlinked.
	in = base
	in.NewText = "Under the Freedom of Information Act 2000, please send me all correspondence about the sanctions on Valdorian arms brokers."
	if d := r.Route(in, sent, Load{}); d.Release != "" || d.Topic != "general" {
		t.Errorf("FOI: release %q topic %q", d.Release, d.Topic)
	}
}

// TestRouteAboutTheDesk: an enquiry whose questions are about the desk
// itself (who handles it, how to escalate an enquiry that got no answer)
// outweighing every topic of the release its text names is, like a
// complaint about the desk's handling, no enquiry about that release: the
// fallback topic, unlinked. A chaser that asks about the release again
// stays linked.
func TestRouteAboutTheDesk(t *testing.T) {
	r := testRouter(t)
	sent := at3339(t, "2024-03-13T10:00:00Z")
	for _, c := range []struct {
		name, subject, text, release, topic string
	}{
		{"handling questions naming the release's story → fallback, no release", "Unanswered enquiries",
			"I have written to you twice since Tuesday about Ottokar Vell and the Valdorian brokers, and had no reply at all. How do I escalate an enquiry, and is there a different team for regional titles?",
			"", "general"},
		{"a chaser that asks about the release again stays linked", "Vell sanctions - chasing",
			"I have written to you twice since Tuesday and had no reply. Again: which assets of the financier Ottokar Vell were frozen under the sanctions on Valdorian arms brokers?",
			"2024-03-12-sanctions-on-valdorian-arms-brokers", "security"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := r.Route(Input{From: "reporter@desk.wire.example", Subject: c.subject, NewText: c.text, Date: sent}, sent, Load{})
			if d.Release != c.release || d.Topic != c.topic {
				t.Errorf("release %q topic %q (%s; %s), want %q %q", d.Release, d.Topic, d.ReleaseDetail, d.TopicReason, c.release, c.topic)
			}
			if c.release == "" && !strings.Contains(d.ReleaseDetail, "the desk's own business") {
				t.Errorf("detail %q does not say why", d.ReleaseDetail)
			}
		})
	}
}

func TestInputFromMessage(t *testing.T) {
	m := &mailparse.Message{MessageID: "x@y", From: mailparse.Address{Addr: "a@b.example"}, Subject: "RE: [TPO-2024-000001] Question",
		NewText: "n", QuotedText: "q", ForwardedText: "f", URLs: []string{"https://e.example/a"}, Automatic: mailparse.Bulk}
	in := InputFromMessage(m)
	if !in.IsReply || in.Automatic != "bulk" || in.From != "a@b.example" || in.QuotedText != "q" || len(in.URLs) != 1 {
		t.Errorf("%+v", in)
	}
	m.Subject, m.InReplyTo = "Fwd: thing", nil
	if InputFromMessage(m).IsReply {
		t.Error("a forward is not a reply")
	}
	// the reply markers of the desk's languages, without In-Reply-To;
	// forward markers and a reference are no reply
	for subject, reply := range map[string]bool{
		"ΑΠ: Ερώτηση": true, "Отв: вопрос": true, "Відп: запит": true, "YNT: soru": true, "رد: استفسار": true,
		"R: domanda": true, "RIF: domanda": true, "RES: pergunta": true, "Odg: pitanje": true, "Përgjigje: pyetje": true,
		"AW: Anfrage": true, "TR: question": false, "WG: Anfrage": false, "RV: consulta": false, "Ref: FCDO-2024-000001": false,
	} {
		m.Subject = subject
		if got := InputFromMessage(m).IsReply; got != reply {
			t.Errorf("%q: reply %v, want %v", subject, got, reply)
		}
	}
}

// TestCatalogueSwapDoesNotBlockRouting routes concurrently while catalogue
// snapshots are rebuilt and swapped (run with -race).
func TestCatalogueSwapDoesNotBlockRouting(t *testing.T) {
	r := testRouter(t)
	base := testCatalogue(t).releases
	sent := at3339(t, "2024-03-13T10:00:00Z")
	in := Input{From: "a@news.example", Subject: "Vell sanctions", Date: sent,
		NewText: "Which assets of the financier Ottokar Vell were frozen under the new sanctions on Valdorian arms brokers?"}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if d := r.Route(in, sent, Load{}); d.Release != "2024-03-12-sanctions-on-valdorian-arms-brokers" {
					errs <- fmt.Errorf("routed to %q during a swap", d.Release)
					return
				}
			}
		}()
	}
	for i := 0; i < 50; i++ {
		extra := Release{ID: fmt.Sprintf("extra-%d", i), Title: fmt.Sprintf("Unrelated item %d about libraries", i),
			Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), DateOnly: true, Body: "Libraries and museums."}
		next, _ := r.Catalogue().With(append([]Release{extra}, base...))
		r.SetCatalogue(next)
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if r.Catalogue().Len() != len(base)+50 {
		t.Errorf("catalogue has %d releases", r.Catalogue().Len())
	}
}

// TestRouteClipsHugeText: routing reads the first MaxRouteText bytes of
// each text, cut at a character boundary, so what follows cannot change
// the decision.
func TestRouteClipsHugeText(t *testing.T) {
	r := testRouter(t)
	date := at3339(t, "2024-03-13T09:00:00Z")
	head := "Could you help with a question for a piece I am writing? "
	pad := strings.Repeat("é", MaxRouteText) // two bytes each: the cut falls mid-character
	tail := " UK and Ruritania sign returns agreement to tackle people smuggling: where will the 40 officers be based?"
	if d := r.Route(Input{From: "jo@wire.example", Subject: "Question", NewText: head + tail, Date: date}, date, Load{}); d.Release == "" {
		t.Fatal("the release is not linked even within the limit")
	}
	d := r.Route(Input{From: "jo@wire.example", Subject: "Question", NewText: head + pad + tail, Date: date}, date, Load{})
	if d.Release != "" {
		t.Errorf("text past the limit was read: linked %q", d.Release)
	}
	if s := clipText(head + pad); len(s) > MaxRouteText || !utf8.ValidString(s) {
		t.Errorf("clipText: %d bytes, valid %v", len(s), utf8.ValidString(s))
	}
}
