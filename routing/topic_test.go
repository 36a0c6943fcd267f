package routing

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/fixture"
)

// TestTopicQuestionFocus checks the topic convention on the shared desk
// and catalogue (texts of our own): the linked release's first topic by
// default; another of its topics when the question is about that; a
// functional desk (consular, development, trade) outside the release's
// topics only on strong, specific evidence in the question; armed forces
// and sanctions words never take an enquiry off a regional release; with
// no release, the question decides.
func TestTopicQuestionFocus(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	rel := func(id string) Link {
		if _, ok := cat.Release(id); !ok {
			t.Fatalf("no release %s", id)
		}
		return Link{Release: id, Score: 0.97}
	}
	pmCall := rel("2023-10-31-pm-call-with-prime-minister-netanyahu-of-israel")    // middle-east
	qatarCall := rel("2023-10-17-pm-call-with-the-amir-of-qatar-sheikh-tamim-bin") // middle-east, consular
	hamasSanc := rel("2023-11-14-uk-us-sanctions-hamas-leadership")                // middle-east, security
	medDeploy := rel("2023-10-12-uk-deploys-military-to-eastern-mediterranean-to") // security, middle-east
	ramaCall := rel("2024-05-10-pm-call-with-albanian-prime-minister-edi-rama-10") // europe, migration
	balkans := rel("2025-04-02-uk-to-tackle-western-balkan-migrant-transit")       // migration, europe
	kforExt := rel("2023-05-23-extension-of-uk-commitment-to-nato-s-kosovo")       // europe, security
	aid10m := rel("2023-10-16-uk-announces-10-million-humanitarian-aid-for")       // middle-east, development
	cop28 := rel("2023-12-01-pm-to-call-for-era-of-action-at-cop28-climate")       // climate
	meloni := rel("2024-09-16-pm-meeting-with-prime-minister-meloni-of-italy")     // migration
	meloniDec := rel("2023-12-16-pm-meeting-with-prime-minister-meloni-of-italy")  // migration
	for _, c := range []struct {
		name string
		in   Input
		link Link
		want string
		why  string // in the reason
	}{
		{"British nationals and evacuation flights on a regional release → consular, outside its topics", Input{Subject: "PM call",
			NewText: "The readout mentions the crossing. How many British nationals are still waiting to leave, and will there be evacuation flights?"},
			pmCall, "consular", "not a topic of the release"},
		{"a variant of a keyword: evacuees, on a release tagged consular", Input{Subject: "PM call",
			NewText: "Could you tell me how many evacuees have been flown out so far?"},
			qatarCall, "consular", "a variant"},
		{"one mention of British nationals is not enough outside the release's topics", Input{Subject: "PM call",
			NewText: "Did the PM raise the hostages, and are there British nationals among them?"},
			pmCall, "middle-east", "release topic"},
		{"aid money on a readout → development", Input{Subject: "Readout",
			NewText: "Is the UK increasing its humanitarian funding, and how much aid has got in since the call?"},
			pmCall, "development", "question"},
		{"one aid question among others stays with the region", Input{Subject: "Readout",
			NewText: "Did the PM press for the crossing to open, and is more aid coming?"},
			pmCall, "middle-east", "release topic"},
		{"investment and exports on a leaders' call → trade", Input{Subject: "Call with Rama",
			NewText: "What were UK exports to Albania last year, and are any new investors lined up?"},
			ramaCall, "trade", "question"},
		{"returns and asylum on a europe-first release → migration", Input{Subject: "Call with Rama",
			NewText: "Can you confirm how many returns flights there have been this year?\n\n- How many asylum claims were refused?"},
			ramaCall, "migration", "question"},
		{"designations and frozen assets on a regional release stay with the region", Input{Subject: "Readout",
			NewText: "Which individuals have been designated, and has any asset freeze been applied in the UK?"},
			pmCall, "middle-east", "stay with the release's first topic"},
		{"sanctions words beside a question on the region stay with the region", Input{Subject: "Hamas sanctions",
			NewText: "How will OFSI enforce the asset freeze? And did the Foreign Secretary raise the hostages with Qatar?"},
			hamasSanc, "middle-east", "release topic"},
		{"questions all about sanctions enforcement on a release tagged [middle-east, security] → security", Input{Subject: "Hamas sanctions",
			NewText: "How will OFSI enforce the asset freeze, and have any licences been issued?"},
			hamasSanc, "security", "the questions are about security"},
		{"one Royal Navy question beside the region's sea, in text on naval forces → security", Input{Subject: "UK naval presence in the Eastern Mediterranean",
			NewText: "Your readout says the UK contributes to maritime security with Combined Maritime Forces.\n\nWhich Royal Navy ships are off Israel now?"},
			pmCall, "security", "the questions are about security"},
		{"one Royal Navy question with few naval words in the text stays with the region", Input{Subject: "PM call",
			NewText: "Your readout mentions support for Israel.\n\nWhich Royal Navy ships are off Israel now?"},
			pmCall, "middle-east", "release topic"},
		{"a naval question beside one on the region stays with the region", Input{Subject: "UK naval presence in the Eastern Mediterranean",
			NewText: "Your readout says the UK contributes to maritime security with Combined Maritime Forces.\n\nWhich Royal Navy ships are there now? Did the PM raise the hostages?"},
			pmCall, "middle-east", "release topic"},
		{"German questions all about the forces on a regional release → security", Input{Language: "de", Subject: "Telefonat",
			NewText: "Welche Kriegsschiffe und Fregatten? Wird die Luftwaffe Patrouillen fliegen?"},
			pmCall, "security", "the questions are about security"},
		{"Polish questions all about the forces on a regional release → security", Input{Language: "pl", Subject: "Rozmowa",
			NewText: "Które okręty i fregaty? Czy lotnictwo będzie prowadzić patrole?"},
			pmCall, "security", "the questions are about security"},
		{"the return of sculptures is no migration returns", Input{Subject: "Parthenon Sculptures",
			NewText: "What is the Foreign Office's position on the request for the return of the Sculptures?"},
			Link{}, "general", "\"Parthenon Sculptures\" in subject (the desk's own business)"},
		{"enforced returns are migration", Input{Subject: "Albania figures",
			NewText: "How many were enforced returns and how many voluntary?"},
			Link{}, "migration", "returns"},
		{"returns beside asylum are migration", Input{Subject: "Figures",
			NewText: "How many returns and asylum claims were there last quarter?"},
			Link{}, "migration", "returns"},
		{"troops on a security-first release stay with security", Input{Subject: "Deployment",
			NewText: "Which Royal Marines unit is going, and how many troops in all?"},
			medDeploy, "security", "release topic"},
		{"with no release linked, sanctions questions → security", Input{Subject: "Sanctions",
			NewText: "Which individuals have been designated, and has any asset freeze been applied in the UK?"},
			Link{}, "security", "like"},
		{"troops asked about on a release whose first topic is migration → security, outside its topics", Input{Subject: "Kosovo visit",
			NewText: "The release says the Foreign Secretary will meet British troops serving with KFOR there. How many UK troops are in Kosovo now?"},
			balkans, "security", "no part of the release's first topic (migration)"},
		{"troops questions beside a question on the region's own story stay with the region among the release's topics", Input{Subject: "Kosovo visit",
			NewText: "How many UK troops are in KFOR now, and will numbers rise given the tensions?\n\nWill the Foreign Secretary raise the Banjska attack with President Vučić?"},
			balkans, "europe", `"Vucic" in question (name)`},
		{"one troops word on a migration-first release stays with its topics", Input{Subject: "Kosovo visit",
			NewText: "Will the Foreign Secretary meet the troops, and what will the new migration agreement with Serbia cover?"},
			balkans, "migration", "release topic"},
		{"a region's questions on a release of none of its topics → that region", Input{Subject: "PM at COP28",
			NewText: "We are doing the Gaza angle, not the climate money. Which leaders is the PM seeing on Gaza today, and will he meet Sisi?"},
			cop28, "middle-east", "none about the release's topics (climate)"},
		{"the same names on a release whose title names them stay with the release", Input{Subject: "Meloni meeting",
			NewText: "Is the 60% figure Italy's own? Does the PM want to copy Italy's deal with Albania, and did he discuss it with Meloni?"},
			meloni, "migration", "release topic"},
		{"with no release, one sanctions word beside a region's name in the question stays with the region", Input{Subject: "Snapback",
			NewText: "Does the UK expect UN sanctions on Iran to be reimposed within 30 days, and is there still an offer on the table for Iran?"},
			Link{}, "middle-east", "Iran"},
		{"with no release, two distinct sanctions words beside a region's name → security", Input{Subject: "Iran",
			NewText: "Will the UK announce new designations against Iranian officials, and will there be an asset freeze on the bank in Iran?"},
			Link{}, "security", "asset freeze"},
		{"a region's places asked about on a release with that region among its topics → the region (also a release topic)", Input{Subject: "PM in Budapest",
			NewText: "Is the PM having a bilateral with Viktor Orban in Budapest today, and will he raise Hungary's blocking of EU decisions?"},
			balkans, "europe", `"Hungary" in question (name)`},
		{"the region's places only in the subject and text, questions on no desk's words → the release's first topic", Input{Subject: "Western Balkans deals - Budapest",
			NewText: "I'm in Budapest with the travelling press for the summit in Europe today. Which countries are signing, and is the UK paying for anything under them?"},
			balkans, "migration", "release topic"},
		{"the same release, a question on its first topic with a region's place → the first topic", Input{Subject: "PM in Budapest",
			NewText: "How many small boats crossings does the PM expect the deals agreed in Budapest to stop?"},
			balkans, "migration", "release topic"},
		{"questions about the desk's own handling on a linked release → general", Input{Subject: "Unanswered enquiries",
			NewText: "I have sent three enquiries about the returns agreement this week. How do I escalate an enquiry, and are regional titles handled by a different team?"},
			balkans, "general", "the desk's own business"},
		{"an acronym the enquiry spells out reads as its words: GCAP asked about on a migration release → security", Input{Subject: "GCAP treaty",
			NewText: "The readout welcomes the treaty on the new stealth fighter under the Global Combat Air Programme. How much has the UK committed to GCAP, and where will the GCAP agency sit?"},
			meloniDec, "security", `"combat air" in question`},
		{"a Balkan country's relationship with the UK → europe", Input{Subject: "Serbia visit",
			NewText: "How would you describe the bilateral relationship with Serbia now, and does the UK support its EU accession?"},
			balkans, "europe", "politics"},
		{"the release topic when the question names no desk", Input{Subject: "Call",
			NewText: "What exactly did the two leaders agree on the call?"},
			pmCall, "middle-east", "release topic"},
		{"a diary question that names NATO → fallback", Input{Subject: "Planning",
			NewText: "Can you confirm the Foreign Secretary's movements next week for our diary? She is due at a NATO meeting - will there be a press conference?"},
			Link{}, "general", "desk's own business"},
		{"an appointment that names a country → fallback", Input{Subject: "Ambassador to Serbia",
			NewText: "Could you confirm who has been appointed as the next ambassador in Belgrade, and when they take up the post?"},
			Link{}, "general", "desk's own business"},
		{"a question in the quoted history counts little", Input{Subject: "Re: thanks", IsReply: true,
			NewText: "Thanks, that's all I needed.", QuotedText: "> How many troops are deployed?"},
			Link{}, "general", ""},
		{"the money of an aid release asked about → its development topic", Input{Subject: "£10m",
			NewText: "On today's announcement: which organisations will receive the money, and how will you make sure none of it is diverted?"},
			aid10m, "development", `"money" in question`},
		{"the same in German", Input{Subject: "10 Mio. Pfund", Language: "de",
			NewText: "Zur heutigen Ankündigung: Welche Organisationen erhalten das Geld, und wie stellen Sie sicher, dass nichts abgezweigt wird?"},
			aid10m, "development", `"money" in question, as "geld"`},
		{"money on a release of no aid topic is no aid evidence", Input{Subject: "KFOR",
			NewText: "Which organisations will receive the money for the mission?"},
			kforExt, "europe", "release topic"},
		{"Britons and the embassy's staff at the crossing on a release with consular among its topics → consular", Input{Subject: "Rafah",
			NewText: "How many embassy staff has the UK sent to the Rafah crossing, and how many Britons are waiting to cross?"},
			qatarCall, "consular", `"Britons" in question`},
		{"the same in German ('Briten', a noun, not 'britisch')", Input{Subject: "Rafah", Language: "de",
			NewText: "Wie viele Briten warten am Grenzübergang Rafah auf die Ausreise?"},
			qatarCall, "consular", `as "briten"`},
		{"troop questions on a region's release → security", Input{Subject: "KFOR",
			NewText: "How many British troops are deployed with KFOR now, and how much will keeping the battalion there until 2026 cost?"},
			kforExt, "security", "the questions are about security"},
		{"the same troop question joined to one on the region's politics: two questions, the region's stays with the release", Input{Subject: "KFOR",
			NewText: "How many British troops are deployed with KFOR now, and did the minister discuss the tensions in the north with Prime Minister Kurti?"},
			kforExt, "europe", "release topic"},
		{"a chaser forwarding the sender's own enquiry: its questions are theirs", Input{Subject: "Fwd: Qatar call",
			From: "r.okoro@example-news.test", NewText: "Sending this again as I have had no reply yet.",
			ForwardedText: "---------- Forwarded message ---------\nFrom: Rita Okoro <R.Okoro@example-news.test>\nTo: <newsdesk@fcdo.example.gov.uk>\n\nThe readout says the PM discussed hostages. How many British nationals are among them, and are their families getting consular support?"},
			qatarCall, "consular", `"British nationals" in question`},
		{"someone else's message forwarded stays forwarded text", Input{Subject: "Fwd: Qatar call",
			From: "r.okoro@example-news.test", NewText: "Any comment on this?",
			ForwardedText: "---------- Forwarded message ---------\nFrom: Desk Editor <editor@example-news.test>\nTo: Rita Okoro <r.okoro@example-news.test>\n\nThe readout says the PM discussed hostages. How many British nationals are among them, and are their families getting consular support?"},
			qatarCall, "middle-east", "release topic"},
		{"context outside the question counts less than the question", Input{Subject: "Readout",
			NewText: "The readout mentions sanctions and the troops sent last week. But my question is simpler: how many British nationals are still there?"},
			qatarCall, "consular", "question"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := topics.Choose(&c.in, c.link, cat)
			if got.Topic != c.want {
				t.Errorf("topic %q (%s), want %q", got.Topic, got.Reason, c.want)
			}
			if !strings.Contains(got.Reason, c.why) {
				t.Errorf("reason %q does not say %q", got.Reason, c.why)
			}
		})
	}
}

func TestTopicRoot(t *testing.T) {
	for _, ws := range [][]string{
		{"evacuation", "evacuate", "evacuees"},
		{"sanction", "sanctions", "sanctioned"},
		{"investment", "investors", "invest"},
		{"deployment", "deployed", "deploy"},
		{"exports", "exporters", "export"},
		{"migration", "migrate"},
		{"detainees", "detained", "detain"},
	} {
		var tz tokenizer
		want := ""
		for i, w := range ws {
			roots, _ := phraseRoots(&tz, w)
			if len(roots) != 1 {
				t.Fatalf("%q: roots %v", w, roots)
			}
			if i == 0 {
				want = roots[0]
			} else if roots[0] != want {
				t.Errorf("%q → %q, %q → %q", ws[0], want, w, roots[0])
			}
		}
	}
	// short words keep their letters: "nation" is not "n"
	if r := topicRoot("nation"); r != "nation" {
		t.Errorf("topicRoot(nation) = %q", r)
	}
}

// TestTopicRootNotAnotherWord: an ending is taken off only where what is
// left is a root of two syllables' worth, so a word is not cut into
// another word's root (issue 11: "coalition" met the climate keyword
// "coal").
func TestTopicRootNotAnotherWord(t *testing.T) {
	var tz tokenizer
	root := func(w string) string {
		r, _ := phraseRoots(&tz, w)
		return strings.Join(r, " ")
	}
	for _, c := range [][2]string{
		{"coalition", "coal"}, {"mission", "missing"}, {"counter", "count"}, {"movements", "move"},
		{"statement", "state"}, {"numbers", "numb"}, {"border", "bord"}, {"Easter", "East"},
		{"sector", "sect"}, {"treatment", "treat"},
	} {
		if a, b := root(c[0]), root(c[1]); a == b {
			t.Errorf("%q and %q share the root %q", c[0], c[1], a)
		}
	}
}

// TestTopicNoFalseFamilies: words that only look like a keyword's
// derivation are no evidence for its topic.
func TestTopicNoFalseFamilies(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ text, not string }{
		{"Will the coalition government change its position on the talks?", "climate"},
		{"What is the mission's mandate, and who leads it?", "consular"},
		{"Was the visit a success, and when will the minister move on to the next stop?", ""},
	} {
		got := topics.Choose(&Input{Subject: "Question", NewText: c.text}, Link{}, cat)
		if got.Topic == c.not {
			t.Errorf("%q → %s (%s)", c.text, got.Topic, got.Reason)
		}
		if strings.Contains(got.Reason, `"coal"`) || strings.Contains(got.Reason, `"missing"`) ||
			strings.Contains(got.Reason, `"successor"`) || strings.Contains(got.Reason, `"movements"`) {
			t.Errorf("%q: reason %q", c.text, got.Reason)
		}
	}
}

// The related-term families join a topic only through the desk's own
// keywords: a desk without a trade keyword gets no trade words, and
// a name ("KFOR") brings no family.
func TestTopicRelatedTermsFollowTheDesk(t *testing.T) {
	cfg := testDesk(t) // no trade or development topic; security lists "sanctions"
	topics := NewTopics(cfg)
	freeze := false
	for _, tp := range topics.topics {
		for _, p := range tp.phrases {
			if p.kind == evRelated && (p.text == "humanitarian" || p.text == "exports") {
				t.Errorf("%s got %q without a keyword of that family", tp.id, p.text)
			}
			freeze = freeze || tp.id == "security" && p.text == "asset freeze"
		}
	}
	if !freeze {
		t.Error("security lists sanctions but did not get the sanctions family")
	}
	// europe's keywords are all names, on the test desk and on the shared
	// reference desk (when present)
	desks := []*config.Config{cfg}
	if path, ok := fixture.Shared(t, "desk.yaml"); ok {
		shared, err := config.Load(path, config.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		desks = append(desks, shared)
	}
	for _, desk := range desks {
		for _, tp := range NewTopics(desk).topics {
			if tp.id == "europe" {
				for _, p := range tp.phrases {
					if p.kind == evRelated {
						t.Errorf("%s: europe (keywords all names) got related term %q via %q", desk.Desk.Name, p.text, p.via)
					}
				}
			}
		}
	}
}

// TestTuningSetRegression is the TUNING-SET REGRESSION TEST: it routes the
// enquiries in testdata/tuning (written by an evaluator who had not seen
// the code, and used to tune the methods, so this is not an independent
// measure) and fails when release, topic or deadline accuracy falls below
// the level reached (minus a small margin) or a wrong link appears beyond
// the allowance. testdata/heldout is never read here.
func TestTuningSetRegression(t *testing.T) {
	cfg, cat := sharedDesk(t)
	r, err := NewRouter(cfg, cat)
	if err != nil {
		t.Fatal(err)
	}
	samples := loadSamples(t, filepath.Join("testdata", "tuning"))
	var n, human, rel, wrong, top, dl, auto, outlet int
	// the topic labels within the linked release's topics (or with no
	// release), and outside them
	var within, withinOK, outside, outsideOK int
	for _, s := range samples {
		n++
		d := r.Route(s.in, s.in.Date, Load{})
		if d.Automatic == s.label.Automatic {
			auto++
		}
		if d.Outlet == s.label.Outlet {
			outlet++
		} else {
			t.Logf("%s: outlet %q, want %q", s.label.File, d.Outlet, s.label.Outlet)
		}
		got := ""
		if !d.Deadline.IsZero() {
			got = d.Deadline.Format("2006-01-02T15:04:05-07:00") // +00:00 rather than Z, as the labels
		}
		if got == s.label.Deadline {
			dl++
		} else {
			t.Logf("%s: deadline %q (%q), want %q", s.label.File, got, d.DeadlinePhrase, s.label.Deadline)
		}
		if s.label.Automatic {
			continue
		}
		human++
		switch {
		case d.Release == s.label.Release:
			rel++
		case d.Release != "":
			wrong++
			t.Logf("%s: wrong link %q, want %q (%s)", s.label.File, d.Release, s.label.Release, d.ReleaseDetail)
		default:
			t.Logf("%s: missed %q (%s)", s.label.File, s.label.Release, d.ReleaseDetail)
		}
		in := true
		if x, ok := cat.Release(s.label.Release); ok {
			in = slicesContains(x.Topics, s.label.Topic)
		}
		if in {
			within++
		} else {
			outside++
		}
		if d.Topic == s.label.Topic {
			top++
			if in {
				withinOK++
			} else {
				outsideOK++
			}
		} else {
			t.Logf("%s: topic %q, want %q (%s)", s.label.File, d.Topic, s.label.Topic, d.TopicReason)
		}
	}
	if n != 60 {
		t.Fatalf("%d tuning enquiries, want 60", n)
	}
	share := func(k, of int) float64 { return float64(k) / float64(of) }
	t.Logf("tuning set: release %.3f (wrong %d), topic %.3f (of %d human; within the release's topics or unlinked %d/%d, outside %d/%d), deadline %.3f, automatic %.3f, outlet %.3f",
		share(rel, human), wrong, share(top, human), human, withinOK, within, outsideOK, outside, share(dl, n), share(auto, n), share(outlet, n))
	// Reached: release 52/52, topic 52/52, deadline 60/60, automatic and
	// outlet 60/60; the floors leave a margin of about one or two emails.
	//
	// The evaluator labels armed-forces and sanctions questions on releases
	// whose first topic is a region (or migration, or the fallback) as
	// security; the founders label the same kind of question on the same
	// kind of release with the region when the questions also ask about the
	// region or name only one or two such things. The questions' own
	// evidence leads (questionLed, issue 11) on a regional release; on a
	// release whose first topic is no region two distinct such words, one
	// in a question, are enough (themLed: 054, "troops" and "KFOR"), and an
	// acronym the enquiry spells out reads as its words (029, "GCAP", the
	// Global Combat Air Programme). All nine are met, as are the
	// functional desks outside the release's topics (consular,
	// development, trade: 9 labels).
	if share(rel, human) < 0.95 || wrong > 1 || share(top, human) < 0.96 || outsideOK < 12 || share(dl, n) < 0.96 || auto != n || outlet != n {
		t.Errorf("tuning-set regression: release %d/%d (wrong %d), topic %d/%d (outside the release's topics %d/%d), deadline %d/%d, automatic %d/%d, outlet %d/%d",
			rel, human, wrong, top, human, outsideOK, outside, dl, n, auto, n, outlet, n)
	}
}

// TestTopicDeskBusinessOnlyAboutTheDesk: the desk's own business (the
// fallback topic) is for questions about the desk itself; words such as
// staffing, planning or schedule inside a policy question leave it on its
// policy topic, while words that name the desk (press officers, out of
// hours, duty rota) count anywhere.
func TestTopicDeskBusinessOnlyAboutTheDesk(t *testing.T) {
	cfg := testDesk(t)
	topics := NewTopics(cfg)
	cat := NewCatalogue(nil, time.UTC)
	for _, c := range []struct {
		name   string
		in     Input
		want   string
		why    string // in the reason
		notWhy string // not in the reason
	}{
		{"planning inside a sanctions question → security", Input{Subject: "Shadow fleet",
			NewText: "Is the UK planning further sanctions on tankers in the shadow fleet?"},
			"security", "sanctions", "desk's own business"},
		{"staffing inside an asylum question → migration", Input{Subject: "Processing centres",
			NewText: "What staffing will the new asylum processing centres have, and who is recruiting the staff?"},
			"migration", "asylum", "desk's own business"},
		{"a schedule question about troops stays with security", Input{Subject: "Exercise",
			NewText: "What is the schedule for the troops' deployment next month?"},
			"security", "troops", "desk's own business"},
		{"the press office's own staffing → the fallback", Input{Subject: "Press office staffing",
			NewText: "How many press officers does the FCDO employ, and what is the out of hours staffing of the desk?"},
			"general", "desk's own business", ""},
		{"staffing and sanctions in separate sentences: the staffing question is the desk's", Input{Subject: "Query",
			NewText: "I read the sanctions announcement. My question is about the press office: what is its staffing and headcount this year?"},
			"general", `"staffing" in question`, ""},
		{"a diary question with no policy → the fallback", Input{Subject: "Diary",
			NewText: "Could you send me the Foreign Secretary's schedule and movements for next week?"},
			"general", "desk's own business", ""},
		// a phrase whose other words are stopwords is met only as written
		{"'within 24 hours' is not 'out of hours', nor a military response 'response time'", Input{Subject: "Response",
			NewText: "Will the UK give its response to Israel within 24 hours?"},
			"middle-east", "Israel", "desk's own business"},
		{"'takes up the post' is one of the ways it is written", Input{Subject: "New ambassador",
			NewText: "When does she take up the post, and when does he take up his post?"},
			"general", `"take up the post" in question`, ""},
		{"the desk's distribution list in another language", Input{Subject: "Kërkesë", Language: "sq",
			NewText: "A mund ta shtoni adresën tonë në listën tuaj të shpërndarjes? Si mund t'ju kontaktojmë jashtë orarit zyrtar?"},
			"general", `"distribution list" in question, as "listen tuaj te shperndarjes"`, ""},
		{"an interview request and contact details in Spanish", Input{Subject: "Entrevista", Language: "es",
			NewText: "¿Podrían enviarme los datos de contacto de su oficina? Tenemos una solicitud de entrevista con el embajador."},
			"general", `"contact details" in question, as "datos de contacto"`, ""},
		{"out of hours in German", Input{Subject: "Kontakt", Language: "de",
			NewText: "Wen kann ich außerhalb der Bürozeiten erreichen, und wie komme ich in Ihren Presseverteiler?"},
			"general", `"out of hours" in question, as "ausserhalb der burozeiten"`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := topics.Choose(&c.in, Link{}, cat)
			if got.Topic != c.want {
				t.Errorf("topic %q (%s), want %q", got.Topic, got.Reason, c.want)
			}
			if !strings.Contains(got.Reason, c.why) {
				t.Errorf("reason %q does not say %q", got.Reason, c.why)
			}
			if c.notWhy != "" && strings.Contains(got.Reason, c.notWhy) {
				t.Errorf("reason %q says %q", got.Reason, c.notWhy)
			}
		})
	}
}

// TestTopicInOtherLanguages: an enquiry in another language with no
// release linked gets its topic from its own words, read through its
// language's vocabulary (lang/data/vocab), and the reason names the words
// as written; the adjective after the noun still makes the desk's phrase;
// an English enquiry is never read through another language's words.
func TestTopicInOtherLanguages(t *testing.T) {
	cfg := testDesk(t)
	topics := NewTopics(cfg)
	cat := NewCatalogue(nil, time.UTC)
	for _, c := range []struct {
		name string
		in   Input
		want string
		why  []string
	}{
		{"German: asylum and smugglers → migration", Input{Language: "de", Subject: "Anfrage",
			NewText: "Guten Tag, wie viele Asylanträge wurden seit Januar abgelehnt, und was tut die Regierung gegen die Schleuser?"},
			"migration", []string{`"asylum" in question, as "asylantrage"`, `"smugglers" in question, as "schleuser"`}},
		{"German: sanctions in the question → security", Input{Language: "de", Subject: "Schattenflotte",
			NewText: "Plant London neue Sanktionen gegen die Schattenflotte?"},
			"security", []string{`"sanctions" in question, as "sanktionen"`}},
		{"German: staffing inside a sanctions question stays on the policy", Input{Language: "de", Subject: "Sanktionen",
			NewText: "Wie viele Sanktionen hat das Vereinigte Königreich seit 2022 verhängt, und plant die Regierung weitere Truppen?"},
			"security", []string{`as "sanktionen"`}},
		{"French: the consular words → consular", Input{Language: "fr", Subject: "Ressortissants",
			NewText: "Combien de ressortissants britanniques ont été évacués, et une aide consulaire est-elle prévue ?"},
			"consular", []string{`as "consulaire"`}},
		{"Spanish: small boats, the adjective after the noun", Input{Language: "es", Subject: "Consulta",
			NewText: "¿Cuántas personas cruzaron el Canal en embarcaciones pequeñas este año?"},
			"migration", []string{`"small boats" in question, as "embarcaciones pequenas"`}},
		{"German: the press office's own staffing → the fallback", Input{Language: "de", Subject: "Pressestelle",
			NewText: "Guten Tag, wie viele Pressesprecher hat das Ministerium, und wie ist der Bereitschaftsdienst am Wochenende geregelt?"},
			"general", []string{`"press officers" in question, as "pressesprecher"`}},
		{"German: staff inside an asylum question stays on migration", Input{Language: "de", Subject: "Asylzentren",
			NewText: "Wie viel Personal wird in den neuen Asylzentren eingesetzt?"},
			"migration", []string{`as "asylzentren"`}},
		// a sentence that asks without a question mark ("we would like to
		// know whether"): its words are the question's
		{"German: an indirect question ('ob') is a question", Input{Language: "de", Subject: "Anfrage",
			NewText: "Wir möchten gerne wissen, ob weitere Asylanträge abgelehnt werden."},
			"migration", []string{`"asylum" in question, as "asylantrage"`}},
		{"Polish: 'czy' asks", Input{Language: "pl", Subject: "Pytanie",
			NewText: "Prosimy o informację, czy rząd planuje nowe sankcje."},
			"security", []string{`"sanctions" in question, as "sankcje"`}},
		{"Greek: 'αν' asks", Input{Language: "el", Subject: "Ερώτηση",
			NewText: "Θα θέλαμε να μάθουμε αν θα υπάρξουν νέες κυρώσεις."},
			"security", []string{`"sanctions" in question`}},
		{"Arabic: 'هل' asks without '؟'", Input{Language: "ar", Subject: "استفسار",
			NewText: "هل تخطط الحكومة لفرض عقوبات جديدة."},
			"security", []string{`"sanctions" in question`}},
		{"German: a statement without 'ob' is no question", Input{Language: "de", Subject: "Anfrage",
			NewText: "Wir berichten heute über die Asylanträge."},
			"migration", []string{`"asylum" in text, as "asylantrage"`}},
		{"English is read as English: 'asile' is no keyword", Input{Language: "en", Subject: "Query",
			NewText: "Could you tell me about the asile in the hotel?"},
			"general", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := topics.Choose(&c.in, Link{}, cat)
			if got.Topic != c.want {
				t.Errorf("topic %q (%s), want %q", got.Topic, got.Reason, c.want)
			}
			for _, w := range c.why {
				if !strings.Contains(got.Reason, w) {
					t.Errorf("reason %q does not say %q", got.Reason, w)
				}
			}
		})
	}
}

// TestTopicForeignEnquiriesOfOurOwn routes enquiries we wrote in eleven
// languages (none of them from the multilingual sample set) against the
// shared desk and catalogue: no release fits any of them, so the topic
// stands on their own words, read through each language's vocabulary;
// with no word of a desk's, the fallback answers rather than a guess.
func TestTopicForeignEnquiriesOfOurOwn(t *testing.T) {
	_, r := sharedRouter(t)
	for _, c := range [][3]string{
		{"migration", "Barconi nella Manica", "Buongiorno, quanti migranti sono arrivati con i piccoli barconi attraverso la Manica quest'anno? E quanti sono stati rimpatriati?"},
		{"security", "Sankcje", "Dzień dobry, czy Wielka Brytania planuje nowe sankcje wobec Rosji za dostawy dronów z Iranu?"},
		{"development", "Gazze yardımı", "Merhaba, İngiltere bu kış Sudan'a ne kadar insani yardım gönderecek? Hangi kuruluşlar fon alacak?"},
		{"consular", "Evacuatie", "Goedemiddag, hoeveel Britse burgers zijn de afgelopen week uit Libanon geëvacueerd, en komen er nog chartervluchten?"},
		{"trade", "Acordo comercial", "Bom dia, o Reino Unido vai assinar um acordo de comércio livre com o Brasil este ano? Quais tarifas serão reduzidas?"},
		{"consular", "Βρετανοί υπήκοοι", "Καλημέρα, πόσοι Βρετανοί υπήκοοι έχουν απομακρυνθεί από τον Λίβανο μέχρι σήμερα; Υπάρχουν πτήσεις εκκένωσης;"},
		{"security", "Санкції", "Добрий день! Чи планує Велика Британія нові санкції проти Росії через атаки дронів?"},
		{"migration", "Мигранты", "Здравствуйте! Сколько мигрантов пересекли Ла-Манш на небольших лодках в этом году?"},
		{"development", "Aide humanitaire", "Bonjour, quel est le montant de l'aide humanitaire britannique pour le Soudan cette année ?"},
		{"climate", "Klimafinanzierung", "Guten Tag, wird die Regierung auf der nächsten Klimakonferenz neue Klimafinanzierung ankündigen? Wie hoch sind die Emissionen?"},
		{"migration", "Emigrantët", "Përshëndetje, sa emigrantë shqiptarë janë kthyer nga Britania këtë vit me marrëveshjen e riatdhesimit?"},
		{"consular", "Detenidos", "Hola, ¿cuántos británicos detenidos hay ahora en Venezuela y reciben asistencia consular?"},
		{"general", "Pressebüro", "Guten Tag, wie viele Pressesprecher arbeiten im Pressebüro des Außenministeriums, und wie ist der Bereitschaftsdienst am Wochenende organisiert?"},
		{"general", "Intervista", "Buongiorno, vorrei chiedere un'intervista con l'ambasciatore la prossima settimana. È possibile?"},
		// holidays and the desk's duty are no names ("Navidad" is not the
		// Navy, Albanian "shërbim", service, not Serbia)
		{"general", "Horario", "Hola, ¿cuál es el horario de la oficina de prensa en Navidad y quién está de guardia?"},
		{"general", "Orari", "Përshëndetje, cili është orari i zyrës së shtypit gjatë festave dhe kush është në shërbim?"},
		{"general", "Öffnungszeiten", "Guten Tag, wie sind die Öffnungszeiten der Pressestelle über Weihnachten und Ostern?"},
		// a festival's programme is no aid programme, the office's
		// holidays no holidaymakers'
		{"general", "Festival", "Bonjour, l'ambassade organise un festival de cinéma britannique à Lyon. Pourriez-vous m'envoyer le programme et les noms des réalisateurs ?"},
		{"general", "Film festival", "Hello, can you send me the programme of the British film festival in Leeds and the names of the directors?"},
		{"general", "Office hours", "Hello, who is on duty at the press office over the holidays?"},
		{"development", "Aid programmes", "Hello, how much funding will the UK give to education programmes for refugees in Chad this year?"},
		{"consular", "Holidays", "Hello, how many British tourists had their holidays cut short, and are Brits still stranded at the resorts?"},
		// the department's own jobs and contractors are no trade; a name
		// the catalogue does not know ("Chatham House") is none of its
		// names ("House")
		{"general", "Embassy staff", "Hello, how many embassy staff does the UK employ in Paris, and what do they cost?"},
		{"general", "Job cuts", "Hello, how many jobs will be cut at the department in the restructure, and which companies are running the consultation?"},
		{"trade", "Trade deal", "Hello, which British companies will benefit from the trade deal, and how many jobs will it create in the energy sector?"},
		{"general", "Chatham House speech", "Is the Foreign Secretary's speech at Chatham House tonight open to press, and can I get a copy of the text in advance?"},
	} {
		in := Input{Subject: c[1], NewText: c[2], Date: time.Date(2025, 2, 10, 10, 0, 0, 0, time.UTC), From: "x@example.com"}
		d := r.Classify(in, in.Date)
		if d.Topic != c[0] {
			t.Errorf("%s (%s): topic %q (%s), want %q", c[1], d.Language, d.Topic, d.TopicReason, c[0])
		}
	}
}

// TestTopicForeignQuestionOnALinkedRelease: an enquiry in another
// language linked to a release goes where its question is, among the
// release's topics (and to a functional desk outside them on strong
// evidence), as an English one does. Texts of our own.
func TestTopicForeignQuestionOnALinkedRelease(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	link := func(id string) Link {
		if _, ok := cat.Release(id); !ok {
			t.Fatalf("no release %s", id)
		}
		return Link{Release: id, Score: 0.95}
	}
	rama := link("2024-05-10-pm-call-with-albanian-prime-minister-edi-rama-10") // europe, migration
	egypt := link("2023-10-12-pm-call-with-egypt-s-president-12-october-2023")  // middle-east, consular
	aid := link("2023-10-16-uk-announces-10-million-humanitarian-aid-for")      // middle-east, development
	for _, c := range []struct {
		name string
		in   Input
		link Link
		want string
	}{
		{"German: returns and asylum on a europe-first release → migration", Input{Language: "de", Subject: "Telefonat mit Rama",
			NewText: "Wie viele Rückführungen nach Albanien gab es dieses Jahr, und wie viele Asylanträge wurden abgelehnt?"}, rama, "migration"},
		{"German: the same release, a question about the relationship → europe", Input{Language: "de", Subject: "Telefonat mit Rama",
			NewText: "Wie beschreibt London die Beziehungen zu Albanien nach dem Telefonat mit Edi Rama?"}, rama, "europe"},
		{"French: evacuating British nationals on a region's call → consular", Input{Language: "fr", Subject: "Appel avec Sissi",
			NewText: "Combien de ressortissants britanniques attendent encore l'évacuation de Gaza, et y aura-t-il des vols d'évacuation ?"}, egypt, "consular"},
		{"Arabic: which partners get the aid → development", Input{Language: "ar", Subject: "المساعدات البريطانية",
			NewText: "ما هي المنظمات التي ستحصل على المساعدات الإنسانية الجديدة؟ وكيف ستصل المساعدات الإنسانية إلى المدنيين؟"}, aid, "development"},
		{"Spanish: the call itself stays with the region", Input{Language: "es", Subject: "Llamada con Sisi",
			NewText: "¿Qué acordaron exactamente los dos líderes durante la llamada?"}, egypt, "middle-east"},
		{"Turkish: investment and exports on a leaders' call → trade, outside its topics", Input{Language: "tr", Subject: "Rama görüşmesi",
			NewText: "İngiltere'nin Arnavutluk'a ihracatı geçen yıl ne kadardı ve yeni yatırımcılar var mı? Ticaret anlaşması planlanıyor mu?"}, rama, "trade"},
		{"Polish: smugglers and small boats on the Albania call → migration", Input{Language: "pl", Subject: "Rozmowa z Ramą",
			NewText: "Ilu przemytników aresztowano w tym roku i ile małych łodzi przepłynęło kanał?"}, rama, "migration"},
		{"Ukrainian: hostages on a region's call stay with the region", Input{Language: "uk", Subject: "Розмова з Сісі",
			NewText: "Чи обговорювали лідери звільнення заручників і відкриття пункту пропуску Рафах?"}, egypt, "middle-east"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := topics.Choose(&c.in, c.link, cat)
			if got.Topic != c.want {
				t.Errorf("topic %q (%s), want %q", got.Topic, got.Reason, c.want)
			}
		})
	}
}

// TestTopicQuestionLed: armed-forces and sanctions words take an enquiry
// off its release's first topic only when the questions are about them —
// three distinct such words in the question sentences, in more than half
// of those with any desk's evidence, and no question about the region
// beside them; the reason names the words. A name the enquiry writes next
// to such a word ("HMS Trent", "Wildcat helicopters") counts for it where
// a question names it again; a place's people ("Iranian") and the
// catalogue's common words ("UK") do not. (Texts of our own.)
func TestTopicQuestionLed(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	rel := func(id string) Link {
		if _, ok := cat.Release(id); !ok {
			t.Fatalf("no release %s", id)
		}
		return Link{Release: id, Score: 0.97}
	}
	pmCall := rel("2023-10-31-pm-call-with-prime-minister-netanyahu-of-israel")    // middle-east
	ramaCall := rel("2024-05-10-pm-call-with-albanian-prime-minister-edi-rama-10") // europe, migration
	houthis := rel("2023-11-21-seizure-of-mv-galaxy-leader-by-the-houthis-uk")     // middle-east, security
	for _, c := range []struct {
		name, text string
		link       Link
		want, why  string
	}{
		{"every question on the forces → security, off a regional release",
			"The readout mentions the UK's military support. Which squadron of RAF jets is flying, and how many drones have they intercepted?",
			pmCall, "security", `the questions are about security: "squadron", "RAF", "jets", "drones" in 2 of 2 question sentences, over the release's first topic (middle-east)`},
		{"a ship named beside HMS is the forces' matter where the question names it",
			"The readout says HMS Trent is on her way.\n\n- Will Trent escort merchant shipping?\n- Are her Wildcat helicopters armed with missiles?",
			pmCall, "security", `"trent"`},
		{"two words only: the region's story",
			"How many troops are going, and when does the deployment start?",
			pmCall, "middle-east", "stay with the release's first topic"},
		{"a question on the region beside them keeps the release's topic",
			"Which RAF jets shot down the drones, and were missiles used? Did the PM also raise the hostages in Gaza?",
			pmCall, "middle-east", "stay with the release's first topic"},
		{"a name the catalogue ties to the region keeps the release's topic",
			"Which RAF jets shot down the drones, and were missiles used? Has the PM raised Rafah?",
			pmCall, "middle-east", "release topic"},
		{"in one sentence, the forces' words outweigh one name of the region",
			"Are RAF jets and drones flying over Rafah, and were missiles fired?",
			pmCall, "security", "the questions are about security"},
		{"a question's names count as one: two names of the region beside one military word",
			"Which RAF jets shot down the drones, and were missiles used? Would the UK join an Israeli military response against Iran?",
			pmCall, "security", "in 3 of 3 question sentences"},
		{"but a question on the region's own matter keeps the release's topic",
			"Which RAF jets shot down the drones, and were missiles used? Would the UK back a ceasefire between Israel and Iran?",
			pmCall, "middle-east", "stay with the release's first topic"},
		{"two of them in every question pick the release's own other topic",
			"Will the Royal Navy escort merchant ships in the Red Sea? How many British warships are in the region now?",
			houthis, "security", "in 2 of 2 question sentences, over the release's first topic (middle-east)"},
		{"the same two off the release's topics are the region's story",
			"Will the Royal Navy escort merchant ships in the Red Sea? How many British warships are in the region now?",
			pmCall, "middle-east", "release topic"},
		{"two of them beside a question on the region stay with the region",
			"Will the Royal Navy escort merchant ships? How many warships are there? Did the PM raise the hostages?",
			houthis, "middle-east", "release topic"},
		{"outside the release's topics, the same test",
			"Following the call:\n1. How many personnel will the battalion send?\n2. Is the strategic reserve on standby?",
			ramaCall, "security", "over the release's first topic (europe)"},
		{"a release's other topic still wins on its own question",
			"Can you confirm how many returns flights there have been this year?",
			ramaCall, "migration", "question"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Subject: "Readout", NewText: c.text}
			got := topics.Choose(&in, c.link, cat)
			if got.Topic != c.want {
				t.Errorf("topic %q (%s), want %q", got.Topic, got.Reason, c.want)
			}
			if !strings.Contains(got.Reason, c.why) {
				t.Errorf("reason %q does not say %q", got.Reason, c.why)
			}
		})
	}
	// the guards on names bound in the enquiry
	for _, c := range []struct {
		w    string
		name bool
	}{{"iranian", true}, {"israeli", true}, {"trent", false}, {"merlin", false}} {
		if got := topics.extendsName([]byte(c.w)); got != c.name {
			t.Errorf("extendsName(%q) = %v, want %v", c.w, got, c.name)
		}
	}
	if m := topics.model(cat); !m.common([]byte("uk")) || m.common([]byte("trent")) {
		t.Error(`the catalogue's common words: "uk" is one, "trent" is not`)
	}
}

// TestTopicAcronyms: an acronym counts as the desk's phrases only when
// the same text spells it out with capitalised words holding them.
func TestTopicAcronyms(t *testing.T) {
	cfg, _ := sharedDesk(t)
	topics := NewTopics(cfg)
	var tz tokenizer
	for _, c := range []struct {
		text string
		want string // the acronym found, "" for none
	}{
		{"the Global Combat Air Programme (GCAP) and GCAP's budget", "gcap"},
		{"GCAP is the Global Combat Air Programme", "gcap"},
		{"the International Climate Finance of Ministry of Defence MOD", ""},
		{"GCAP alone, never spelt out", ""},
		{"NATO and the North Atlantic Treaty Organization", ""}, // the desk's own keyword
		{"the UK and the PM", ""},
		{"the Foreign, Commonwealth & Development Office (FCDO) and the FCDO's line", ""}, // the desk's own
	} {
		got := topics.acronyms(c.text, nil, &tz)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%q: acronym %q", c.text, got[0].word)
		case c.want != "" && (len(got) != 1 || string(got[0].word) != c.want):
			t.Errorf("%q: %v, want %q", c.text, got, c.want)
		}
	}
}

// TestTopicPlaceSpelling: in another language, the desk's one-word names
// (capitalised keywords, the regions' places) are met in the language's
// own spelling or with a case ending, as the catalogue's names are; a
// word that only looks like one is not.
func TestTopicPlaceSpelling(t *testing.T) {
	cfg, _ := sharedDesk(t)
	topics := NewTopics(cfg)
	var buf []byte
	for _, c := range []struct{ written, want string }{
		{"Bagdad", "baghdad"},
		{"Бейрут", "beirut"},
		{"Teheran", "tehran"},
		{"Libyen", "libya"},
		{"Podgorici", "podgorica"},
		{"Sarajevu", "sarajevo"},
		{"Irakom", "iraq"},
		{"Mann", ""},    // German "man", not Amman
		{"Hamburg", ""}, // not Chamber
		{"Rabe", ""},
	} {
		got := ""
		if pw := topics.placeMatch(folded(c.written), &buf); pw != nil {
			got = pw.stem
		}
		if !strings.HasPrefix(c.want, got) || (got == "") != (c.want == "") {
			t.Errorf("%s: matched %q, want %q", c.written, got, c.want)
		}
	}
	_, r := sharedRouter(t)
	in := Input{Subject: "Reise", Language: "de", NewText: "Guten Tag, wird der Außenminister nächste Woche nach Bagdad und Teheran reisen? Trifft er auch Vertreter in Beirut?",
		Date: time.Date(2025, 2, 10, 10, 0, 0, 0, time.UTC), From: "x@example.com"}
	if d := r.Classify(in, in.Date); d.Topic != "middle-east" || !strings.Contains(d.TopicReason, `as "bagdad"`) {
		t.Errorf("topic %q (%s), want middle-east by Bagdad", d.Topic, d.TopicReason)
	}
}

// TestTopicWarShips: the languages that write a warship as two words
// ("πολεμικά πλοία", "savaş gemisi", "buques de guerra") read as "war
// ships" through their vocabularies, a word of the armed forces family.
func TestTopicWarShips(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ lang, text, as string }{
		{"el", "Καλημέρα, πόσα βρετανικά πολεμικά πλοία βρίσκονται στην περιοχή;", `as "polemika ploia"`},
		{"tr", "İyi günler, bölgede kaç İngiliz savaş gemisi var?", `as "savas gemisi"`},
		{"es", "Hola, ¿cuántos buques de guerra británicos hay en la zona?", `as "buques guerra"`},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		got := topics.Choose(&in, Link{}, cat)
		if got.Topic != "security" || !strings.Contains(got.Reason, `"war ships" in question, `+c.as) {
			t.Errorf("%s: topic %q (%s), want security by war ships %s", c.lang, got.Topic, got.Reason, c.as)
		}
	}
}

// TestTopicKeywordsAcrossLanguages: the desk's policy keywords as each
// language writes them (our own phrases) are read as the keyword — words
// whose linker reading loses the desk's meaning ('Abschiebung' links as
// returns) read first as topiclex_lang.json's '!' keys say, phrases of
// several words ('tráfico de personas') as one.
func TestTopicKeywordsAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ lang, text, want string }{
		{"de", "Abschiebung", "deportation"},
		{"ar", "الترحيل", "deportation"},
		{"pl", "deportacja", "deportation"},
		{"es", "hambruna", "famine"},
		{"nl", "hongersnood", "famine"},
		{"de", "Menschenschmuggel", "people smuggling"},
		{"es", "tráfico de personas", "people smuggling"},
		{"uk", "контрабанда людей", "people smuggling"},
		{"de", "Reisehinweise", "advice against travel"}, // the same roots as "travel advice"
		{"sr", "savete za putovanja", "advice against travel"},
		{"fr", "chaînes d'approvisionnement", "supply chains"},
		{"pl", "łańcuchy dostaw", "supply chains"},
		{"es", "Marina Real", "Royal Navy"},
		{"fr", "Cisjordanie", "West Bank"},
		{"ar", "الضفة الغربية", "West Bank"},
		{"de", "Rotes Meer", "Red Sea"},
		{"ru", "небольших лодках", "small boats"},
		{"el", "τρομοκρατία", "terrorism"},
		{"de", "Waffenruhe in Gaza", "ceasefire"}, // (the region's politics: with the region named)
		{"ar", "وقف إطلاق النار في غزة", "ceasefire"},
		{"de", "Charterflüge", "charter flight"},
		{"es", "vuelos chárter", "charter flight"},
		{"ru", "авиаудары", "airstrikes"},
		{"el", "αναπτυξιακή βοήθεια", "development"}, // not "deployment"
		{"es", "el mar Rojo", "Red Sea"},             // "mar" is a stopword (March)
		{"ru", "в Красном море", "Red Sea"},
		{"pl", "na Zachodnim Brzegu", "West Bank"},
		{"sr", "Severna Makedonija", "North Macedonia"},
		{"sr", "u Crnoj Gori", "Montenegro"},
		{"ar", "في الجبل الأسود", "Montenegro"},
		{"ar", "في تل أبيب", "Tel Aviv"},
		{"fr", "le livre blanc", "white paper"},
		{"pl", "w białej księdze", "white paper"},
		{"sr", "bela knjiga", "white paper"},
		// a consulate and a missing person, as each language writes them
		{"es", "el consulado británico en Málaga", "consulate"},
		{"pt", "o consulado do Reino Unido", "consulate"},
		{"fr", "le consulat britannique à Marseille", "consulate"},
		{"it", "il consolato britannico", "consulate"},
		{"de", "das britische Konsulat in München", "consulate"},
		{"nl", "het Britse consulaat", "consulate"},
		{"pl", "konsulatu brytyjskiego", "consulate"},
		{"ru", "британское консульство", "consulate"},
		{"uk", "британського консульства", "consulate"},
		{"el", "το βρετανικό προξενείο", "consulate"},
		{"sr", "britanski konzulat", "consulate"},
		{"sq", "konsullata britanike", "consulate"},
		{"es", "un turista desaparecido", "missing"},
		{"fr", "un randonneur disparu", "missing"},
		{"it", "un ragazzo scomparso", "missing"},
		{"de", "eine vermisste Britin", "missing"},
		{"nl", "een vermiste toerist", "missing"},
		{"pl", "zaginiony turysta", "missing"},
		{"ru", "пропавший турист", "missing"},
		{"uk", "зниклий турист", "missing"},
		{"el", "ο αγνοούμενος τουρίστας", "missing"},
		{"sr", "nestali turista", "missing"},
		{"tr", "kayıp turist", "missing"},
		{"sq", "turisti i zhdukur", "missing"},
		{"ar", "السائح المفقود", "missing"},
		{"en", "the British consulate in Lanzarote", "consulate"},
		{"en", "has the new aid money been disbursed", "disbursed"},
		{"sq", "migracionit të paligjshëm", "illegal migration"},
		// migrants returned, the participle as each language writes it
		// (a contextual word: beside "migrants")
		{"de", "Migranten zurückgeführt", "returns"},
		{"fr", "migrants renvoyés", "returns"},
		{"es", "migrantes devueltos", "returns"},
		{"pt", "migrantes devolvidos", "returns"},
		{"nl", "migranten teruggestuurd", "returns"},
		{"ru", "мигранты возвращены", "returns"},
		{"uk", "мігрантів повернули", "returns"},
		{"el", "μετανάστες επαναπατρίστηκαν", "returns"},
		{"tr", "göçmenler geri gönderildi", "returns"},
		{"ar", "المهاجرين أعيدوا", "returns"},
		{"sq", "emigrantë të kthyer", "returns"},
		{"sr", "migranata vraćeno", "returns"},
		{"sq", "emigrimin e paligjshëm", "illegal migration"},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: "Q: " + c.text + "?"}
		got := topics.Choose(&in, Link{}, cat)
		if !strings.Contains(got.Reason, `"`+c.want+`" in question`) {
			t.Errorf("%s %q: topic %q (%s), want %q read", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicPresence: "presence" is the armed forces' word only beside
// another of theirs in the same sentence (topiclex.yaml contextual) — a
// stronger Royal Navy presence in the region asked about on the Houthi
// seizure release [middle-east, security] picks security, in any
// language (dldev 048, Greek), while a minister's presence at talks is
// no military word.
func TestTopicPresence(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	houthis := Link{Release: "2023-11-21-seizure-of-mv-galaxy-leader-by-the-houthis-uk", Score: 0.97}
	if _, ok := cat.Release(houthis.Release); !ok {
		t.Fatalf("no release %s", houthis.Release)
	}
	for _, c := range []struct {
		lang, text, want, why string
	}{
		{"en", "Are there plans to strengthen the presence of the Royal Navy in the region to protect commercial shipping? What do you know of the crew?",
			"security", `"Royal Navy", "presence" in 1 of 1 question sentences`},
		{"en", "Will the UK's presence at the talks in Oman help free the crew of the ship in the Red Sea?",
			"middle-east", "release topic"},
		{"el", "Υπάρχουν σχέδια για ενίσχυση της παρουσίας του Βασιλικού Ναυτικού στην περιοχή για την προστασία της εμπορικής ναυσιπλοΐας; Έχετε πληροφορίες για την τύχη του πληρώματος;",
			"security", `"presence" in question, as "paroysias"`},
		{"ru", "Планирует ли Великобритания усилить присутствие флота в регионе для защиты судоходства?",
			"security", `"presence" in question, as "prisutstvie"`},
		{"es", "¿Reforzará el Reino Unido la presencia de la Marina Real en la región?",
			"security", `"presence" in question, as "presencia"`},
		{"de", "Wird Großbritannien die Präsenz der Marine in der Region verstärken?",
			"security", `"presence" in question, as "prasenz"`},
	} {
		in := Input{Subject: "Galaxy Leader", Language: c.lang, NewText: c.text}
		got := topics.Choose(&in, houthis, cat)
		if got.Topic != c.want || !strings.Contains(got.Reason, c.why) {
			t.Errorf("%s %q: topic %q (%s), want %q by %s", c.lang, c.text, got.Topic, got.Reason, c.want, c.why)
		}
		if c.want != "security" && strings.Contains(got.Reason, `"presence"`) {
			t.Errorf("%s %q: presence read as a military word alone: %s", c.lang, c.text, got.Reason)
		}
	}
}

// TestTopicUnknownNameEnglishOnly: a name the learnt model knows is part
// of a name the catalogue does not know after a capitalised word it does
// not know — in English ("Chatham House"); German writes every noun with
// a capital, and "Präsident Sisi" is still Sisi.
func TestTopicUnknownNameEnglishOnly(t *testing.T) {
	_, r := sharedRouter(t)
	in := Input{Subject: "Anfrage", From: "x@example.com", Date: time.Date(2024, 12, 13, 10, 0, 0, 0, time.UTC),
		NewText: "Guten Tag, hat der Premierminister mit Präsident Sisi über den Grenzübergang gesprochen?"}
	d := r.Classify(in, in.Date)
	if d.Topic != "middle-east" || !strings.Contains(d.TopicReason, `"sisi"`) {
		t.Errorf("topic %q (%s), want middle-east by the learnt name sisi", d.Topic, d.TopicReason)
	}
}

// TestQuestionUnits: a conjunction that asks again opens a question of
// its own within a sentence; one that joins two things does not.
func TestQuestionUnits(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		parts      int
	}{
		{"en", "How many troops are there, and did he meet Kurti?", 2},
		{"en", "Is the UK sending ships or will it fund the mission, and when?", 3},
		{"en", "How many troops and tanks are there and the cost?", 1},
		{"pl", "Ilu żołnierzy tam jest i czy minister spotka się z premierem?", 2},
		{"sr", "Koliko vojnika je tamo i da li će ministar razgovarati sa predsednikom?", 2},
		{"el", "Πόσοι στρατιώτες είναι εκεί και αν θα συναντήσει τον πρόεδρο;", 2},
		{"de", "Wie viele Soldaten sind dort und welche Kosten entstehen?", 1}, // (German question words are no asking word)
		{"pt", "Qual é a posição da Itália e do Reino Unido?", 1},              // "do": of the, no English "do"
		{"en", "Can you confirm how many drones were shot down, and whether the UK wants new sanctions?", 2},
		{"en", "Please explain if the UK is preparing sanctions, and if RAF jets were involved?", 2},
		{"ru", "Поддерживает ли Лондон санкции, и участвовали ли британские самолёты в перехвате?", 2}, // a particle after the verb
		{"sr", "Koliko vojnika je tamo i hoće li ministar razgovarati sa predsednikom?", 2},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		units := questionUnits(&tz, glossFor(c.lang), nil)
		seen := map[int32]bool{}
		for _, u := range units {
			seen[u] = true
		}
		if len(seen) != c.parts {
			t.Errorf("%s %q: %d questions, want %d", c.lang, c.text, len(seen), c.parts)
		}
	}
}

// TestTopicJournalistVisa: a journalist's own visa is the press's
// procedure, as its accreditation is (desk_self "journalist visa", read
// in each language through topiclex_lang.json), and a phrase of the
// desk's own procedures written so takes its words from the other
// families: "visa" inside it is no consular visa (mldev4 036, a Serbian
// crew's visas for filming in London, labelled general). A visa for
// British nationals stays consular.
func TestTopicJournalistVisa(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct {
		lang, text, want, why string
	}{
		{"en", "How long does it take to issue a journalist visa for Serbian citizens, and can the Embassy speed up the process?",
			"general", `"journalist visa" in question`},
		{"sr", "Koliko traje izdavanje novinarske vize za državljane Srbije i da li Ambasada može da ubrza postupak?",
			"general", `"journalist visa" in question, as "novinarske vize"`},
		{"fr", "Combien de temps faut-il pour obtenir un visa de journaliste pour notre équipe ?",
			"general", `"journalist visa" in question, as "visa de journaliste"`},
		{"ru", "Сколько времени занимает оформление журналистской визы для нашей съёмочной группы?",
			"general", `"journalist visa" in question`},
		{"en", "Will British nationals stranded at the border need a visa to leave?",
			"consular", `"British nationals" in question`},
	} {
		in := Input{Subject: "Visa", Language: c.lang, NewText: c.text}
		got := topics.Choose(&in, Link{}, cat)
		if got.Topic != c.want || !strings.Contains(got.Reason, c.why) {
			t.Errorf("%s %q: topic %q (%s), want %q by %s", c.lang, c.text, got.Topic, got.Reason, c.want, c.why)
		}
	}
}

// TestTopicPairsAcrossJoiningWords: two words another language writes in
// the reverse of one of the desk's two-word phrases are read as it
// across the words that join a noun to what qualifies it (French "de la",
// Italian "di", Albanian "të"; topiclex_lang.json's '+' keys) and no
// other: Serbian "snage sa granice" is forces from the border, no "border
// force", and the Serbia–Kosovo question it is part of stays the
// region's (mldev5 017).
func TestTopicPairsAcrossJoiningWords(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct {
		lang, text, phrase string
		read               bool
	}{
		{"fr", "combien de traversées de la Manche cette semaine", "channel crossings", true},
		{"pt", "quantas travessias do Canal esta semana", "channel crossings", true},
		{"it", "le catene di approvvigionamento dei semiconduttori", "supply chains", true},
		{"es", "las cadenas de suministro de chips", "supply chains", true},
		{"sq", "sa varka të vogla kanë mbërritur", "small boats", true},
		{"sr", "da li je Srbija povukla snage sa granice", "border force", false},
		{"fr", "la Serbie a-t-elle retiré ses forces à la frontière", "border force", false},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: "Q: " + c.text + "?"}
		got := topics.Choose(&in, Link{}, cat)
		if strings.Contains(got.Reason, `"`+c.phrase+`" in question`) != c.read {
			t.Errorf("%s %q: topic %q (%s), want %q read: %v", c.lang, c.text, got.Topic, got.Reason, c.phrase, c.read)
		}
	}
	in := Input{Subject: "Berlinski proces u Tirani - tenzije Srbija/Kosovo", Language: "sr",
		NewText: "Da li će se ministar sastati sa predsednikom Vučićem u Tirani? I da li London smatra da je Srbija povukla snage sa granice?"}
	// on the Foreign Secretary's Western Balkans release [migration, europe]
	l := Link{Release: "2023-10-16-foreign-secretary-to-build-on-progress-in", Score: 0.94}
	if got := topics.Choose(&in, l, cat); got.Topic != "europe" {
		t.Errorf("Serbia–Kosovo questions: topic %q (%s), want europe", got.Topic, got.Reason)
	}
}

// TestTopicContextualWordsNotEachOthersContext: a family's contextual
// words (aid's "money", "funding", "programmes", "partners") count beside
// its other words or a context word that is not itself one of them — two
// of them together are any desk's money: new money for critical minerals
// partnerships "or reallocated from existing programmes" is trade's
// question (endl 027), a policing budget's funding and frozen assets used
// to fund reconstruction no aid; money for schools, refugees, girls'
// education or from the aid budget still is, and so is the money of an
// aid release; three of them together (funding to partners, programmes
// closing) are the family's.
func TestTopicContextualWordsNotEachOthersContext(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	aid := Link{Release: "2023-10-23-extra-20m-in-humanitarian-aid-doubles-uk-support", Score: 0.96}
	for _, c := range []struct {
		subject, text string
		l             Link
		want          string
	}{
		{"Minerals", "Is there any new money for the critical minerals partnerships, or is it reallocated from existing programmes?", Link{}, "trade"},
		{"Policing funding", "Is the £287 million policing boost new money?", Link{}, "general"},
		{"Russian assets", "Will the UK use frozen Russian assets to fund Ukraine's reconstruction?", Link{}, "!development"},
		{"Chad", "How much funding is the UK giving to schools for refugees in Chad?", Link{}, "development"},
		{"Education programmes", "Which education programmes for girls in Afghanistan still receive UK money?", Link{}, "development"},
		{"Budget", "Will the money for the programmes come from the aid budget?", Link{}, "development"},
		{"£20m", "Which organisations will receive the money?", aid, "development"},
		// three of them together are the family's: a cluster says it
		{"Yemen", "Is UK funding to its partners in Yemen being cut, and which programmes will close?", Link{}, "development"},
	} {
		in := Input{Subject: c.subject, NewText: c.text}
		got := topics.Choose(&in, c.l, cat)
		if not, ok := strings.CutPrefix(c.want, "!"); ok && got.Topic == not || !ok && got.Topic != c.want {
			t.Errorf("%q: topic %q (%s), want %s", c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicNearReleasesOwnTerritory: with no release linked, the nearest
// releases' topics count for a desk the enquiry's own words give
// evidence for, or for any when they give none — Giorgia Meloni (one of
// Europe's keywords) visiting London is Europe's although the releases
// nearest are her meetings on migration; the crew of the Galaxy Leader
// and the annual Taiwan talks, which name no desk's word, are still the
// desks of the releases that tell their story.
func TestTopicNearReleasesOwnTerritory(t *testing.T) {
	_, r := sharedRouter(t)
	date := time.Date(2024, 1, 16, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct{ subject, text, want string }{
		{"Meloni", "Is Giorgia Meloni coming to London next month, and will she meet Keir Starmer?", "europe"},
		{"Galaxy Leader crew", "Any update on the crew of the Galaxy Leader? Are they still being held?", "middle-east"},
		{"Taiwan talks", "What came out of the annual Taiwan talks hosted in London?", "trade"},
		{"Meloni", "What did the PM and Meloni agree on small boats and returns?", "migration"},
	} {
		in := Input{Subject: c.subject, NewText: c.text, Date: date}
		d := r.Route(in, date, Load{})
		if d.Release != "" {
			t.Errorf("%q: linked %s, want no release (the rule is for unlinked enquiries)", c.text, d.Release)
		}
		if d.Topic != c.want {
			t.Errorf("%q: topic %q (%s), want %q", c.text, d.Topic, d.TopicReason, c.want)
		}
	}
}

// TestTopicClimateConferences: the UN climate conferences other than the
// catalogue's COP28 are the climate desk's (topiclex.yaml: COP26 … COP31,
// a climate summit, conference or talks), in any language that writes
// them so; "COP" as close of play is none.
func TestTopicClimateConferences(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ lang, text, want string }{
		{"en", "Who will lead the UK delegation at COP30 in Belém?", "climate"},
		{"en", "Will the PM attend COP29 in Baku?", "climate"},
		{"pt", "Quem vai chefiar a delegação britânica na COP30 em Belém?", "climate"},
		{"en", "Could you come back to me by COP Friday on the number of British troops in KFOR?", "security"},
	} {
		in := Input{Subject: "Question", Language: c.lang, NewText: c.text}
		if got := topics.Choose(&in, Link{}, cat); got.Topic != c.want {
			t.Errorf("%s %q: topic %q (%s), want %q", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicEmergencyAidAcrossLanguages: "is the UK sending emergency aid
// to the flood victims in Bosnia?" is an aid question in every language,
// as in English — German "Nothilfe", "Soforthilfe" and Dutch "noodhulp"
// had been no aid, and the question Europe's by "Bosnia".
func TestTopicEmergencyAidAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ lang, text string }{
		{"en", "Is the UK sending emergency aid to the flood victims in Bosnia?"},
		{"de", "Schickt Großbritannien Nothilfe für die Hochwasseropfer in Bosnien?"},
		{"de", "Schickt Großbritannien Soforthilfe für die Flutopfer in Bosnien?"},
		{"fr", "Le Royaume-Uni envoie-t-il une aide d'urgence aux victimes des inondations en Bosnie ?"},
		{"es", "¿Envía el Reino Unido ayuda de emergencia a las víctimas de las inundaciones en Bosnia?"},
		{"it", "Il Regno Unito invia aiuti d'emergenza alle vittime delle alluvioni in Bosnia?"},
		{"pt", "O Reino Unido está a enviar ajuda de emergência às vítimas das cheias na Bósnia?"},
		{"nl", "Stuurt het Verenigd Koninkrijk noodhulp naar de slachtoffers van de overstromingen in Bosnië?"},
		{"pl", "Czy Wielka Brytania wysyła pomoc doraźną ofiarom powodzi w Bośni?"},
		{"ru", "Направляет ли Великобритания экстренную помощь пострадавшим от наводнения в Боснии?"},
		{"uk", "Чи надсилає Велика Британія екстрену допомогу постраждалим від повені в Боснії?"},
		{"el", "Στέλνει το Ηνωμένο Βασίλειο επείγουσα βοήθεια στα θύματα των πλημμυρών στη Βοσνία;"},
		{"tr", "Birleşik Krallık Bosna'daki sel mağdurlarına acil yardım gönderiyor mu?"},
		{"ar", "هل ترسل المملكة المتحدة مساعدات طارئة لضحايا الفيضانات في البوسنة؟"},
		{"sq", "A po dërgon Mbretëria e Bashkuar ndihmë emergjente për viktimat e përmbytjeve në Bosnjë?"},
		{"sr", "Da li Velika Britanija šalje hitnu pomoć žrtvama poplava u Bosni?"},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		if got := topics.Choose(&in, Link{}, cat); got.Topic != "development" {
			t.Errorf("%s %q: topic %q (%s), want development", c.lang, c.text, got.Topic, got.Reason)
		}
	}
}

// TestTopicTravelAdviceAcrossLanguages: "has the Foreign Office changed
// its travel advice for Ecuador?" is consular in every language, as in
// English — Italian "consigli di viaggio" (the vocabulary reads
// "consigli" as council), Polish "zalecenia dla podróżujących",
// Ukrainian "рекомендації щодо подорожей" and Albanian "këshillën e
// udhëtimit" had been no desk's words.
func TestTopicTravelAdviceAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ lang, text string }{
		{"en", "Has the Foreign Office changed its travel advice for Ecuador after the state of emergency?"},
		{"de", "Hat das Auswärtige Amt seine Reisehinweise für Ecuador nach dem Ausnahmezustand geändert?"},
		{"fr", "Le Foreign Office a-t-il modifié ses conseils aux voyageurs pour l'Équateur après l'état d'urgence ?"},
		{"es", "¿Ha cambiado el Foreign Office sus recomendaciones de viaje para Ecuador tras el estado de excepción?"},
		{"it", "Il Foreign Office ha cambiato i suoi consigli di viaggio per l'Ecuador dopo lo stato di emergenza?"},
		{"pt", "O Foreign Office alterou os seus conselhos de viagem para o Equador depois do estado de emergência?"},
		{"nl", "Heeft het Foreign Office zijn reisadvies voor Ecuador aangepast na de noodtoestand?"},
		{"pl", "Czy Foreign Office zmienił swoje zalecenia dla podróżujących do Ekwadoru po ogłoszeniu stanu wyjątkowego?"},
		{"ru", "Изменил ли Форин-офис свои рекомендации для путешественников в Эквадор после введения чрезвычайного положения?"},
		{"uk", "Чи змінив Форин-офіс свої рекомендації щодо подорожей до Еквадору після запровадження надзвичайного стану?"},
		{"el", "Άλλαξε το Foreign Office τις ταξιδιωτικές οδηγίες για τον Ισημερινό μετά την κατάσταση έκτακτης ανάγκης;"},
		{"tr", "Foreign Office, olağanüstü halin ardından Ekvador için seyahat uyarısını değiştirdi mi?"},
		{"ar", "هل غيّرت وزارة الخارجية البريطانية نصائح السفر إلى الإكوادور بعد إعلان حالة الطوارئ؟"},
		{"sq", "A e ka ndryshuar Foreign Office këshillën e udhëtimit për Ekuadorin pas gjendjes së jashtëzakonshme?"},
		{"sr", "Da li je Foreign Office promenio savete za putovanja u Ekvador posle vanrednog stanja?"},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		if got := topics.Choose(&in, Link{}, cat); got.Topic != "consular" {
			t.Errorf("%s %q: topic %q (%s), want consular", c.lang, c.text, got.Topic, got.Reason)
		}
	}
}

// TestTopicBritonDetainedAcrossLanguages: a British woman arrested abroad
// is consular in every language — English "a British woman" (one person:
// "British man", "woman", "student", "couple", "child" … among the
// consular family's specific words, not "British men and women", who
// serve in KFOR), Spanish and Portuguese feminine "detenida", "detida",
// Ukrainian and Russian "затримали", "британка", German "Britin",
// Arabic "اعتقلت" had been read as nothing.
func TestTopicBritonDetainedAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ lang, text, want string }{
		{"en", "A British woman has been arrested in Dubai. Is the embassy in contact with her family?", "consular"},
		{"de", "Eine Britin wurde in Dubai festgenommen. Steht die Botschaft in Kontakt mit ihrer Familie?", "consular"},
		{"fr", "Une Britannique a été arrêtée à Dubaï. L'ambassade est-elle en contact avec sa famille ?", "consular"},
		{"es", "Una mujer británica ha sido detenida en Dubái. ¿Está la embajada en contacto con su familia?", "consular"},
		{"it", "Una donna britannica è stata arrestata a Dubai. L'ambasciata è in contatto con la sua famiglia?", "consular"},
		{"pt", "Uma mulher britânica foi detida no Dubai. A embaixada está em contacto com a família?", "consular"},
		{"nl", "Een Britse vrouw is in Dubai gearresteerd. Heeft de ambassade contact met haar familie?", "consular"},
		{"pl", "Brytyjka została zatrzymana w Dubaju. Czy ambasada jest w kontakcie z jej rodziną?", "consular"},
		{"ru", "Британка задержана в Дубае. Поддерживает ли посольство связь с её семьёй?", "consular"},
		{"uk", "Британку затримали в Дубаї. Чи підтримує посольство зв'язок з її родиною?", "consular"},
		{"el", "Μια Βρετανίδα συνελήφθη στο Ντουμπάι. Είναι η πρεσβεία σε επαφή με την οικογένειά της;", "consular"},
		{"tr", "Bir İngiliz kadın Dubai'de tutuklandı. Büyükelçilik ailesiyle temas halinde mi?", "consular"},
		{"ar", "اعتقلت امرأة بريطانية في دبي. هل السفارة على اتصال بعائلتها؟", "consular"},
		{"sq", "Një grua britanike është arrestuar në Dubai. A është ambasada në kontakt me familjen e saj?", "consular"},
		{"sr", "Britanka je uhapšena u Dubaiju. Da li je ambasada u kontaktu sa njenom porodicom?", "consular"},
		{"en", "How many British men and women serve in KFOR?", "!consular"},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		got := topics.Choose(&in, Link{}, cat)
		if not, ok := strings.CutPrefix(c.want, "!"); ok && got.Topic == not || !ok && got.Topic != c.want {
			t.Errorf("%s %q: topic %q (%s), want %s", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicDeathAbroad: a British person's death abroad is the consular
// desk's ("died", "death" among its contextual words: beside its words or
// British, tourists, families, a hotel …); deaths in Gaza, in the
// Channel or of a Palestinian journalist are no consular matter.
func TestTopicDeathAbroad(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"", "?", "A British man has died in a hotel fire in Antalya. Is the FCDO supporting the family?", "consular"},
		{"", "?", "Two British tourists died in a boat accident in Thailand. Can you confirm and are you helping the families?", "consular"},
		{"", "?", "How many people have died in Gaza since October, according to the FCDO's figures?", "middle-east"},
		{"", "?", "How many migrants have died crossing the Channel this year?", "migration"},
		{"", "?", "Is the UK calling for an investigation into the death of the Palestinian journalist?", "middle-east"},
	})
}

// TestTopicBritishNationalsAtRafahAcrossLanguages: "did they discuss
// opening Rafah so that British nationals can leave Gaza?" on the PM's
// call with President Sisi [middle-east, consular] is consular in every
// language, as the founders label British nationals on such releases —
// Dutch "Britse staatsburgers" and Greek "Βρετανοί πολίτες" (read as
// Britons alone, one word against the release's names) had left it
// with the region.
func TestTopicBritishNationalsAtRafahAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	l := Link{Release: "2023-10-12-pm-call-with-egypt-s-president-12-october-2023", Score: 0.97}
	for _, c := range []struct{ lang, text string }{
		{"en", "Did the PM and President Sisi discuss opening the Rafah crossing so that British nationals can leave Gaza?"},
		{"de", "Haben der Premierminister und Präsident Sisi über die Öffnung des Grenzübergangs Rafah gesprochen, damit britische Staatsangehörige Gaza verlassen können?"},
		{"fr", "Le Premier ministre et le président Sissi ont-ils discuté de l'ouverture du point de passage de Rafah pour que les ressortissants britanniques puissent quitter Gaza ?"},
		{"es", "¿Hablaron el primer ministro y el presidente Sisi de abrir el paso de Rafah para que los ciudadanos británicos puedan salir de Gaza?"},
		{"it", "Il premier e il presidente al-Sisi hanno discusso dell'apertura del valico di Rafah per permettere ai cittadini britannici di lasciare Gaza?"},
		{"pt", "O primeiro-ministro e o presidente Sisi discutiram a abertura da passagem de Rafah para que os cidadãos britânicos possam sair de Gaza?"},
		{"nl", "Hebben de premier en president Sisi gesproken over het openen van de grensovergang bij Rafah, zodat Britse staatsburgers Gaza kunnen verlaten?"},
		{"pl", "Czy premier i prezydent Sisi rozmawiali o otwarciu przejścia w Rafah, aby obywatele brytyjscy mogli opuścić Gazę?"},
		{"ru", "Обсуждали ли премьер-министр и президент Сиси открытие пункта пропуска Рафах, чтобы британские граждане могли покинуть Газу?"},
		{"uk", "Чи обговорювали прем'єр-міністр і президент Сісі відкриття пункту пропуску Рафах, щоб британські громадяни могли залишити Газу?"},
		{"el", "Συζήτησαν ο πρωθυπουργός και ο πρόεδρος Σίσι το άνοιγμα της διάβασης της Ράφα ώστε οι Βρετανοί πολίτες να φύγουν από τη Γάζα;"},
		{"tr", "Başbakan ve Cumhurbaşkanı Sisi, İngiliz vatandaşlarının Gazze'den çıkabilmesi için Refah sınır kapısının açılmasını görüştü mü?"},
		{"ar", "هل ناقش رئيس الوزراء والرئيس السيسي فتح معبر رفح حتى يتمكن الرعايا البريطانيون من مغادرة غزة؟"},
		{"sq", "A diskutuan kryeministri dhe presidenti Sisi hapjen e kalimit të Rafahut që shtetasit britanikë të largohen nga Gaza?"},
		{"sr", "Da li su premijer i predsednik Sisi razgovarali o otvaranju prelaza Rafa kako bi britanski državljani mogli da napuste Gazu?"},
	} {
		in := Input{Subject: "PM call with Sisi", Language: c.lang, NewText: c.text}
		if got := topics.Choose(&in, l, cat); got.Topic != "consular" {
			t.Errorf("%s %q: topic %q (%s), want consular", c.lang, c.text, got.Topic, got.Reason)
		}
	}
}

// TestTopicNumberedNames: a name followed by a number of one or two
// digits is a numbered name — "Channel 5", "Channel 4", "Channel 12" are
// broadcasters — not the place the learnt model knows by the word ("the
// Channel" of the small-boats releases): a documentary crew's filming
// request for Channel 5 is the desk's own business, not migration's
// (endev4 012). A year or a date after a name leaves it the name.
func TestTopicNumberedNames(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"We are filming for Channel 5 next month", "Channel", true},
		{"a producer at Channel 12 in Tel Aviv", "Channel", true},
		{"Channel 4's chief correspondent asked", "Channel", true},
		{"the Kosovo 1999 campaign", "Kosovo", false},
		{"Lammy in Brussels 14 November", "Brussels", false},
		{"crossing the channel 5 times", "channel", false}, // no capital: no name
		{"crossed the Channel. 5 boats were stopped", "Channel", false},
		{"crossed the Channel yesterday", "Channel", false},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		k := -1
		for i := range tz.toks {
			if string(tz.word(i)) == strings.ToLower(c.word) {
				k = i
				break
			}
		}
		if k < 0 {
			t.Fatalf("%q: no token %q", c.text, c.word)
		}
		if got := numberedName(&tz, int32(k)); got != c.want {
			t.Errorf("%q: numberedName(%q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ subject, text, want string }{
		{"Filming request - documentary on diplomats", "We've been commissioned by Channel 5 to make a series about British diplomats and would love to film in the Durbar Court. Could you let me know who is the right person to talk to about access?", "general"},
		{"Interview bid", "Channel 4 would like a minister for tonight's programme. Who should I speak to?", "general"},
		{"Question", "We're making a film for Channel 4 about the Channel: how many people crossed it last year?", "migration"},
		{"Question", "Is the UK doing more with France on the Channel?", "migration"},
	} {
		in := Input{Subject: c.subject, NewText: c.text}
		got := topics.Choose(&in, Link{}, cat)
		if got.Topic != c.want {
			t.Errorf("%q: topic %q (%s), want %s", c.text, got.Topic, got.Reason, c.want)
		}
		if c.want == "general" && strings.Contains(got.Reason, `"channel"`) {
			t.Errorf("%q: reason %q names the Channel", c.text, got.Reason)
		}
	}
}

// TestTopicFilmingRequest: a request to film (a documentary on the
// diplomats' work, the Durbar Court) is the desk's own business — the
// media arrangements — in a sentence that names no policy, and the
// reason says so (endev4 012 had been general only for want of other
// evidence: "weak evidence for migration"); a crew asking to film a
// story (troops arriving in Kosovo) stays with the story's desk.
func TestTopicFilmingRequest(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ subject, text, want, reason string }{
		{"Filming request - documentary on diplomats", "We've been commissioned by Channel 5 to make a series about British diplomats and would love to film in the Durbar Court. Could you let me know who is the right person to talk to about access?", "general", `"filming request" in subject`},
		{"Documentary", "Could I make a request to film inside King Charles Street for a series on the history of diplomacy?", "general", `"request to film" in question`},
		{"Our lifestyle programme", "Would you give our crew permission to film the ambassador's residence?", "general", `"permission to film" in question`},
		{"Filming request", "Can we film the British troops arriving in Kosovo to reinforce KFOR, and how many are deploying?", "security", ""},
	} {
		in := Input{Subject: c.subject, NewText: c.text}
		got := topics.Choose(&in, Link{}, cat)
		if got.Topic != c.want || !strings.Contains(got.Reason, c.reason) {
			t.Errorf("%q: topic %q (%s), want %s (%s)", c.text, got.Topic, got.Reason, c.want, c.reason)
		}
	}
}

// TestTopicSubjectRepeatsQuestion: a subject line that names again the
// specific word its question asks about ("aid trucks" over a question on
// "aid lorries") is one word of the family, not two distinct ones: one aid
// question beside a question on the crossing stays with the release's
// desk (endev5 008), while two distinct aid words, one in the subject,
// still make the question the aid desk's.
func TestTopicSubjectRepeatsQuestion(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	l := Link{Release: "2023-10-20-rishi-sunak-meeting-with-president-el-sisi-of", Score: 0.97}
	for _, c := range []struct{ subject, text, want string }{
		{"Cairo talks - aid trucks", "Did President Sisi tell the Prime Minister when the Rafah crossing will reopen, and will the aid lorries queuing at the border be let in?", "middle-east"},
		{"Humanitarian aid through Egypt", "Did the Prime Minister ask President Sisi to reopen Rafah, and when will aid get through?", "middle-east"},
		{"Cairo meeting", "When will the Rafah crossing reopen, and will the aid lorries get through?", "middle-east"},
		{"UK aid trucks at Rafah", "Is the UK worried about famine in Gaza, and what is it doing about it?", "development"},
		{"Cairo meeting", "How much humanitarian aid has the UK sent through El Arish, and is more aid funding coming?", "development"},
	} {
		in := Input{Subject: c.subject, NewText: c.text}
		if got := topics.Choose(&in, l, cat); got.Topic != c.want {
			t.Errorf("%q / %q: topic %q (%s), want %s", c.subject, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicRegionNamesOfTheStory: on a release whose first topic is not a
// region, a region among its other topics named in the questions by its
// places alone — no word of its own (a keyword that is no name, its
// politics) in the sender's words — names the countries of the release's
// story, which its first topic answers (mldev7 014, mixdev2 019: the
// agreements with Serbia, North Macedonia and Kosovo against smuggling
// gangs, on the [migration, europe] EPC release; dldev5 036, the same
// agreements with no word of migration). Relations, a dialogue, a
// bilateral or the Berlin Process still make the question the region's.
func TestTopicRegionNamesOfTheStory(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	l := Link{Release: "2024-11-07-pm-closer-international-collaboration-will-be", Score: 0.95}
	for _, c := range []struct{ subject, text, want string }{
		{"Budapest summit", "The Prime Minister said the people smugglers must be stopped. What will the agreements with Serbia, Montenegro and Kosovo actually commit each side to?", "migration"},
		{"EPC", "Starmer spoke of smashing the smuggling gangs today. When will the deals with North Macedonia and Serbia be signed?", "migration"},
		{"Starmer in Budapest", "The Prime Minister promised to go after the smuggling gangs. Which of Serbia, Montenegro, North Macedonia and Kosovo have signed so far?", "migration"},
		{"Budapest: accords with the Balkans", "Against the smuggling gangs, the PM announced new accords. What do the accords with Serbia, North Macedonia and Kosovo contain, and is there funding?", "migration"},
		{"EPC", "Setting aside the smuggling gangs, how does the UK see its relations with Serbia, and will the PM meet President Vucic?", "europe"},
		{"EPC and the Berlin Process", "The PM spoke about the smugglers today. What is new for Serbia and Kosovo?", "europe"},
		{"EPC", "What will the agreements with Serbia, North Macedonia and Kosovo provide?", "migration"},
		{"EPC", "Is the PM having a bilateral with Vucic, and what will the agreements with Serbia and Kosovo provide?", "europe"},
		{"EPC", "What will the agreements with Serbia and Kosovo mean for the Berlin Process?", "europe"},
	} {
		in := Input{Subject: c.subject, NewText: c.text}
		if got := topics.Choose(&in, l, cat); got.Topic != c.want {
			t.Errorf("%q / %q: topic %q (%s), want %s", c.subject, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicBroadcastIsNoEmissions: a broadcaster's own programme is
// written with the word several languages use for emissions (French
// "émission", Spanish "emisión", Portuguese "emissão", Greek "εκπομπή",
// Serbian "emisija", Albanian "emision"); in the singular, as a
// journalist writes of "our programme", it is the broadcast, and an
// interview bid for it is the desk's own business, not climate's. The
// plural, as emissions are cut, stays climate's.
func TestTopicBroadcastIsNoEmissions(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"fr", "?", "Le ministre pourrait-il venir en direct dans notre émission de demain matin ?", "general"},
		{"es", "?", "¿Podría el ministro intervenir en directo en nuestra emisión de mañana?", "general"},
		{"pt", "?", "O ministro poderia falar em direto na nossa emissão de amanhã?", "general"},
		{"el", "?", "Θα μπορούσε ο υπουργός να μιλήσει ζωντανά στην εκπομπή μας αύριο το πρωί;", "general"},
		{"sr", "?", "Da li bi ministar mogao da gostuje uživo u našoj emisiji sutra ujutru?", "general"},
		{"sr", "?", "Да ли би министар могао да гостује уживо у нашој емисији сутра ујутру?", "general"},
		{"sq", "?", "A mund të vijë ministri drejtpërdrejt në emisionin tonë nesër në mëngjes?", "general"},
		{"fr", "?", "Le Royaume-Uni va-t-il réduire davantage ses émissions d'ici 2030 ?", "climate"},
		{"es", "?", "¿Reducirá el Reino Unido sus emisiones antes de 2030?", "climate"},
		{"pt", "?", "O Reino Unido vai reduzir as suas emissões até 2030?", "climate"},
		{"el", "?", "Θα μειώσει το Ηνωμένο Βασίλειο τις εκπομπές του έως το 2030;", "climate"},
		{"sr", "?", "Da li će Velika Britanija smanjiti emisije do 2030?", "climate"},
		{"sq", "?", "A do t'i ulë Mbretëria e Bashkuar emetimet deri në vitin 2030?", "climate"},
	})
}

// TestTopicGreenhouseGasesAcrossLanguages: greenhouse gases and global
// warming are the climate desk's in every language, as "climate" and
// "emissions" are — a question naming only them ("gaz à effet de serre",
// "gases de efecto invernadero", "парниковые газы", "sera gazları",
// "küresel ısınma", "الاحتباس الحراري") had been no desk's.
func TestTopicGreenhouseGasesAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct{ lang, text string }{
		{"en", "Is the UK on course to cut greenhouse gases by 2030, and what more will it do about global warming?"},
		{"de", "Ist Großbritannien auf Kurs, die Treibhausgase bis 2030 zu senken, und was tut es gegen die Erderwärmung?"},
		{"fr", "Le Royaume-Uni est-il en voie de réduire ses gaz à effet de serre d'ici 2030, et que fera-t-il contre le réchauffement ?"},
		{"es", "¿Va el Reino Unido camino de reducir los gases de efecto invernadero para 2030 y qué hará contra el calentamiento global?"},
		{"it", "Il Regno Unito è sulla buona strada per ridurre i gas serra entro il 2030 e cosa farà contro il riscaldamento globale?"},
		{"pt", "O Reino Unido está no caminho certo para reduzir os gases com efeito de estufa até 2030 e o que fará contra o aquecimento global?"},
		{"nl", "Ligt het VK op koers om de broeikasgassen tegen 2030 te verminderen en wat doet het tegen de opwarming van de aarde?"},
		{"pl", "Czy Wielka Brytania zdąży ograniczyć gazy cieplarniane do 2030 roku i co zrobi wobec globalnego ocieplenia?"},
		{"ru", "Успеет ли Великобритания сократить парниковые газы к 2030 году и что она сделает против глобального потепления?"},
		{"uk", "Чи встигне Велика Британія скоротити парникові гази до 2030 року і що вона зробить проти глобального потепління?"},
		{"el", "Θα μειώσει το Ηνωμένο Βασίλειο τα αέρια του θερμοκηπίου έως το 2030 και τι θα κάνει για την υπερθέρμανση του πλανήτη;"},
		{"tr", "Birleşik Krallık 2030'a kadar sera gazlarını azaltabilecek mi ve küresel ısınmaya karşı ne yapacak?"},
		{"ar", "هل ستخفض المملكة المتحدة غازات الاحتباس الحراري بحلول 2030 وماذا ستفعل حيال الاحترار العالمي؟"},
		{"sq", "A do t'i ulë Mbretëria e Bashkuar gazrat serrë deri në 2030 dhe çfarë do të bëjë kundër ngrohjes globale?"},
		{"sr", "Da li će Velika Britanija do 2030. smanjiti gasove staklene bašte i šta će učiniti protiv globalnog zagrevanja?"},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		if got := topics.Choose(&in, Link{}, cat); got.Topic != "climate" {
			t.Errorf("%s %q: topic %q (%s), want climate", c.lang, c.text, got.Topic, got.Reason)
		}
	}
}

// TestTopicAidAgencies: the agencies aid money goes through are the aid
// desk's word, as its organisations and partners are — contextual, so
// "which agencies will get it, and how will it reach Gaza?" on the £10m
// aid release [middle-east, development] asks about aid money (endev6
// 006 had been middle-east by Gaza alone), in every language; news or
// travel agencies with no aid beside them are no aid. The word alone
// had been lost behind "UN agencies", whose "UN" is a stopword: a
// family's word of one root is now met wherever it is written.
func TestTopicAidAgencies(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	aid := Link{Release: "2023-10-16-uk-announces-10-million-humanitarian-aid-for", Score: 0.97}
	for _, c := range []struct {
		lang, text, want string
		l                Link
	}{
		{"en", "Which agencies will the new money be channelled through, and how will it reach Gaza with the crossings closed?", "development", aid},
		{"de", "Über welche Agenturen wird das Geld verteilt, und wie kommt es nach Gaza, solange die Übergänge geschlossen sind?", "development", aid},
		{"fr", "Par quelles agences cet argent passera-t-il, et comment arrivera-t-il à Gaza alors que les points de passage sont fermés ?", "development", aid},
		{"es", "¿A través de qué agencias se canalizará el dinero y cómo llegará a Gaza con los pasos cerrados?", "development", aid},
		{"it", "Attraverso quali agenzie passerà il denaro e come arriverà a Gaza con i valichi chiusi?", "development", aid},
		{"pl", "Przez jakie agencje trafią te pieniądze i jak dotrą do Gazy przy zamkniętych przejściach?", "development", aid},
		{"ru", "Через какие агентства пойдут эти деньги и как они попадут в Газу при закрытых КПП?", "development", aid},
		{"sr", "Preko kojih agencija će novac ići i kako će stići u Gazu dok su prelazi zatvoreni?", "development", aid},
		{"en", "Which news agencies have been invited to the minister's press conference tomorrow?", "general", Link{}},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		if got := topics.Choose(&in, c.l, cat); got.Topic != c.want {
			t.Errorf("%s %q: topic %q (%s), want %s", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicRegionLeadersAsked: on a release whose first topic is not a
// region, a question naming a leader of a region among its topics with a
// title ("Prime Minister Kurti", "President Vučić"; "predsednikom",
// "Präsident" as the vocabularies read them) is about the region's
// politics, not the countries of the release's story (storyNames), though
// the sender's words name the first topic's matter too ("beyond the
// migration cooperation, … will the Foreign Secretary press Prime
// Minister Kurti …?", endev6 035); the countries alone still name the
// story, and a question on the first topic's matter with a leader stays
// with it.
func TestTopicRegionLeadersAsked(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	l := Link{Release: "2025-04-02-uk-to-tackle-western-balkan-migrant-transit", Score: 0.95}
	checkTopics(t, topics, cat, l, []topicCase{
		{"en", "Lammy visit", "The smuggling gangs were the headline. Will the Foreign Secretary press Prime Minister Kurti on the north, and will he see President Vucic in Belgrade?", "europe"},
		{"sq", "Vizita e Lamit", "Bandat e kontrabandës ishin lajmi kryesor. A do ta shtyjë ministri kryeministrin Kurti për veriun dhe a do të takojë presidentin Vuçiq në Beograd?", "europe"},
		{"de", "Lammy-Besuch", "Die Migration war das Hauptthema. Wird der Außenminister Premierminister Kurti zum Norden drängen, und trifft er Präsident Vučić in Belgrad?", "europe"},
		{"en", "Lammy visit", "The smuggling gangs were the headline. What will the agreements with Serbia and Kosovo provide?", "migration"},
		{"en", "Lammy visit", "Will the Foreign Secretary ask President Vucic to help stop the smuggling gangs and take back failed asylum seekers?", "migration"},
	})
}

// TestTopicBerlinProcessAndBilaterals: the Berlin Process as Dutch and
// German write it ("Berlijnproces", "Berliner Prozess") and a bilateral
// (a meeting of two leaders, as journalists write the noun alone) are
// the region's politics: a question naming them with the region's places
// on the [migration, europe] EPC release is Europe's, where the places
// alone name the countries of the release's story.
func TestTopicBerlinProcessAndBilaterals(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	l := Link{Release: "2024-11-07-pm-closer-international-collaboration-will-be", Score: 0.95}
	checkTopics(t, topics, cat, l, []topicCase{
		{"nl", "Berlijnproces", "Wat verwacht het VK van Servië en Kosovo binnen het Berlijnproces?", "europe"},
		{"de", "Berliner Prozess", "Was erwartet Großbritannien im Berliner Prozess von Serbien und Kosovo?", "europe"},
		{"en", "EPC Budapest", "Is the Prime Minister having a bilateral with the Hungarian leader in Budapest today?", "europe"},
		{"en", "EPC Budapest", "Which of Serbia, North Macedonia and Kosovo have signed so far?", "migration"},
	})
}

// TestTopicUKVisaService: the UK's visa service for another country's
// citizens (the visa centre, its appointments, visa fees, processing
// times, extensions) is the desk's general business, not the region's
// story nor consular help for British nationals — as three sets label
// it (mixdev2 036, mldev4 036, mldev8 018: visas for Ukrainians in the
// UK, a crew's journalist visas, waiting times at the Belgrade visa
// centre) — in every language; a British family's visa trouble abroad
// stays consular.
func TestTopicUKVisaService(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"en", "?", "Viewers in Tirana say they wait weeks for a slot at the visa centre. Will visa fees for Albanians rise again next year?", "general"},
		{"de", "?", "Zuschauer in Belgrad warten wochenlang auf einen Termin im Visazentrum. Steigen die Visagebühren für Serben erneut?", "general"},
		{"fr", "?", "Nos lecteurs à Tirana attendent des semaines au centre de visas. Les frais de visa vont-ils encore augmenter ?", "general"},
		{"es", "?", "Los lectores en Beirut esperan semanas en el centro de visados. ¿Subirán de nuevo las tasas de visado?", "general"},
		{"it", "?", "I lettori a Tirana aspettano settimane al centro visti. Aumenterà di nuovo il costo del visto?", "general"},
		{"pt", "?", "Os leitores em Lisboa esperam semanas no centro de vistos. As taxas de visto vão subir outra vez?", "general"},
		{"nl", "?", "Lezers in Brussel wachten weken op een afspraak bij het visumcentrum. Gaan de visumkosten weer omhoog?", "general"},
		{"pl", "?", "Czytelnicy w Warszawie czekają tygodniami w centrum wizowym. Czy opłaty wizowe znowu wzrosną?", "general"},
		{"ru", "?", "Читатели в Белграде неделями ждут записи в визовом центре. Вырастут ли снова визовые сборы?", "general"},
		{"uk", "?", "Читачі в Києві тижнями чекають запису у візовому центрі. Чи зростуть знову візові збори?", "general"},
		{"el", "?", "Οι αναγνώστες μας στην Αθήνα περιμένουν εβδομάδες στο κέντρο θεωρήσεων. Θα αυξηθούν ξανά τα τέλη βίζας;", "general"},
		{"tr", "?", "Okurlarımız İstanbul'daki vize merkezinde haftalarca randevu bekliyor. Vize ücretleri yeniden artacak mı?", "general"},
		{"ar", "?", "ينتظر قراؤنا في عمّان أسابيع للحصول على موعد في مركز التأشيرات. هل سترتفع رسوم التأشيرة مجددا؟", "general"},
		{"sq", "?", "Lexuesit në Tiranë presin javë të tëra në qendrën e vizave. A do të rriten sërish tarifat e vizave?", "general"},
		{"sr", "?", "Gledaoci se žale na čekanje termina u viznom centru u Beogradu. Da li će vizne takse ponovo poskupeti?", "general"},
		{"en", "?", "A British family was refused boarding abroad over a visa problem. Is the embassy helping them get home?", "consular"},
	})
}

// TestTopicBritonHurtAbroadAcrossLanguages: a British tourist taken to
// hospital or injured abroad is consular in every language, as one who
// died is — "hospital", "hospitalised", "injured" join the consular
// family's contextual words (beside British, tourists, nationals,
// abroad, families …: not the hospitals of a war, nor soldiers hurt in an
// attack), and a tourist, holidaymakers, a hospital and the injured are
// read in each language (topiclex_lang.json; Russian "помощь семье" had
// made it aid). "Illegal immigrants" and "people traffickers" are
// migration's words beside its migrants and smugglers.
func TestTopicBritonHurtAbroadAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"en", "?", "A British tourist was taken to hospital after the attack. Is the embassy supporting the family?", "consular"},
		{"de", "?", "Ein britischer Tourist wurde nach dem Angriff ins Krankenhaus gebracht. Unterstützt die Botschaft die Familie?", "consular"},
		{"fr", "?", "Un touriste britannique a été hospitalisé après l'attaque. L'ambassade soutient-elle la famille ?", "consular"},
		{"es", "?", "Un turista británico fue hospitalizado tras el ataque. ¿Está la embajada apoyando a la familia?", "consular"},
		{"it", "?", "Un turista britannico è stato ricoverato in ospedale dopo l'attacco. L'ambasciata sta assistendo la famiglia?", "consular"},
		{"pt", "?", "Um turista britânico foi hospitalizado após o ataque. A embaixada está a apoiar a família?", "consular"},
		{"nl", "?", "Een Britse toerist is na de aanval in het ziekenhuis opgenomen. Steunt de ambassade de familie?", "consular"},
		{"pl", "?", "Brytyjski turysta trafił do szpitala po ataku. Czy ambasada wspiera jego rodzinę?", "consular"},
		{"ru", "?", "Британский турист госпитализирован после нападения. Оказывает ли посольство помощь семье?", "consular"},
		{"uk", "?", "Британського туриста госпіталізовано після нападу. Чи допомагає посольство родині?", "consular"},
		{"el", "?", "Ένας Βρετανός τουρίστας μεταφέρθηκε στο νοσοκομείο μετά την επίθεση. Στηρίζει η πρεσβεία την οικογένεια;", "consular"},
		{"tr", "?", "Saldırının ardından bir İngiliz turist hastaneye kaldırıldı. Büyükelçilik aileye destek veriyor mu?", "consular"},
		{"ar", "?", "نُقل سائح بريطاني إلى المستشفى بعد الهجوم. هل تقدم السفارة الدعم للعائلة؟", "consular"},
		{"sq", "?", "Një turist britanik u shtrua në spital pas sulmit. A po e mbështet ambasada familjen?", "consular"},
		{"sr", "?", "Britanski turista je hospitalizovan posle napada. Da li ambasada pruža podršku porodici?", "consular"},
		{"en", "?", "How many hospitals in Gaza are still working after the strikes?", "middle-east"},
		{"en", "?", "Were any soldiers injured in the drone attack on the base, and will more troops be deployed?", "security"},
		{"en", "?", "How many illegal immigrants were sent back last year, and is the government still working with people traffickers' home countries?", "migration"},
	})
}

// TestTopicPeoplesOfTheRegions: an English question naming a region's
// people or adjective ("the Iranian ambassador", "the Serbian
// president", "the Kosovan government", "the Saudi deal") names the
// place, as the vocabularies read "iranien", "srpski", "kosovar" in other
// languages (topiclex.yaml regions: the peoples of the desk's countries
// that are no language a journalist writes in, and Italian, Serbian,
// Bosnian); the catalogue's own (Israeli, Albanian) the learnt model
// already knew. The Egyptian Red Crescent and the Red Cross are aid's
// (endev 008: the aid warehouses at Rafah stay development's beside
// "Egyptian").
func TestTopicPeoplesOfTheRegions(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"", "?", "Has the UK summoned the Iranian ambassador over the seized tanker?", "middle-east"},
		{"", "?", "Is the Qatari mediation still going on, and has the Foreign Secretary spoken to Doha?", "middle-east"},
		{"", "?", "Has the Lebanese government asked the UK for help?", "middle-east"},
		{"", "?", "Is the Saudi normalisation deal still on the table?", "middle-east"},
		{"", "?", "Did the Foreign Secretary speak to the Serbian president about the north?", "europe"},
		{"", "?", "Has the Kosovan government replied to the UK's letter?", "europe"},
		{"", "?", "What did the Prime Minister tell the Italian prime minister about the Albania centres?", "europe"},
		{"", "?", "Has the Libyan coastguard asked for British support?", "middle-east"},
		{"", "?", "Who is running the warehouses in El Arish, the Egyptian Red Crescent or UN agencies, and how much humanitarian aid is there?", "development"},
	})
}

// TestTopicBritonsAbroadAsJournalistsWriteThem: the Briton a consular
// story is about, as journalists name them ("a British hiker", "a British
// journalist", "a British pensioner", "British expats"), is consular's
// specific word, and one kidnapped or abducted is consular beside them
// (contextual: the hostages Hamas took stay the region's story); the
// terror threat and its level are security's.
func TestTopicBritonsAbroadAsJournalistsWriteThem(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"", "?", "A British hiker has been missing in the mountains for three days. What help is the embassy giving the search?", "consular"},
		{"", "?", "A British aid worker has been kidnapped in the north of the country. Is the Foreign Office in touch with the family?", "consular"},
		{"", "?", "A British journalist was detained at the airport last night. Has the embassy been able to see her?", "consular"},
		{"", "?", "Is the embassy helping the British expats there whose homes were damaged in the earthquake?", "consular"},
		{"", "?", "Will the UK press Qatar to secure the release of the hostages abducted by Hamas?", "middle-east"},
		{"", "?", "What is the UK doing about the terror threat after the bombing, and has the threat level changed?", "security"},
	})
}

// TestTopicHeldWarshipsScheduleAcrossLanguages: a Briton held at an
// airport is consular in every language (German "festgehalten", French
// "retenue", Spanish "retenida", Portuguese "retida", Dutch
// "vastgehouden", Greek "κρατήθηκε", Serbian "zadržana" are detained);
// warships escorting merchant ships are security's (Italian "navi da
// guerra", Polish "okręty wojenne"; Polish "statki handlowe" and Arabic
// "السفن التجارية" are merchant ships, not trade); a minister's
// "raspored" is his schedule, not a deployment (Serbian, where the
// folded "raspoređ" deploys).
func TestTopicHeldWarshipsScheduleAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"de", "?", "Eskortieren britische Kriegsschiffe Handelsschiffe, und wurden welche beschossen?", "security"},
		{"fr", "?", "Des navires de guerre britanniques escortent-ils des navires marchands, et certains ont-ils essuyé des tirs ?", "security"},
		{"es", "?", "¿Escoltan buques de guerra británicos a barcos mercantes y alguno ha sido atacado?", "security"},
		{"it", "?", "Le navi da guerra britanniche scortano le navi mercantili e qualcuna è stata colpita?", "security"},
		{"pt", "?", "Navios de guerra britânicos estão a escoltar navios mercantes, e algum foi atacado?", "security"},
		{"nl", "?", "Begeleiden Britse oorlogsschepen koopvaardijschepen, en is er een beschoten?", "security"},
		{"pl", "?", "Czy brytyjskie okręty wojenne eskortują statki handlowe i czy któryś został ostrzelany?", "security"},
		{"ru", "?", "Сопровождают ли британские военные корабли торговые суда и были ли они обстреляны?", "security"},
		{"uk", "?", "Чи супроводжують британські військові кораблі торговельні судна і чи їх обстрілювали?", "security"},
		{"el", "?", "Συνοδεύουν βρετανικά πολεμικά πλοία εμπορικά σκάφη και έχει δεχτεί κάποιο πυρά;", "security"},
		{"tr", "?", "İngiliz savaş gemileri ticari gemilere eşlik ediyor mu ve ateş altında kalan oldu mu?", "security"},
		{"ar", "?", "هل ترافق السفن الحربية البريطانية السفن التجارية وهل تعرض أي منها لإطلاق نار؟", "security"},
		{"sq", "?", "A po shoqërojnë anijet luftarake britanike anijet tregtare dhe a është qëlluar ndonjëra?", "security"},
		{"sr", "?", "Da li britanski ratni brodovi prate trgovačke brodove i da li je neki bio napadnut?", "security"},
		{"sr", "?", "Da li biste mogli da mi pošaljete raspored ministra spoljnih poslova za sledeću nedelju?", "general"},
		{"de", "?", "Eine britische Journalistin wurde am Flughafen festgehalten. Konnte die Botschaft sie besuchen?", "consular"},
		{"fr", "?", "Une journaliste britannique a été retenue à l'aéroport. L'ambassade a-t-elle pu lui rendre visite ?", "consular"},
		{"es", "?", "Una periodista británica fue retenida en el aeropuerto. ¿Ha podido visitarla la embajada?", "consular"},
		{"pt", "?", "Uma jornalista britânica foi retida no aeroporto. A embaixada conseguiu visitá-la?", "consular"},
		{"nl", "?", "Een Britse journaliste is op het vliegveld vastgehouden. Heeft de ambassade haar kunnen bezoeken?", "consular"},
		{"pl", "?", "Brytyjska dziennikarka została zatrzymana na lotnisku. Czy ambasada mogła ją odwiedzić?", "consular"},
		{"ru", "?", "Британскую журналистку задержали в аэропорту. Смогло ли посольство её посетить?", "consular"},
		{"uk", "?", "Британську журналістку затримали в аеропорту. Чи змогло посольство її відвідати?", "consular"},
		{"el", "?", "Μια Βρετανίδα δημοσιογράφος κρατήθηκε στο αεροδρόμιο. Μπόρεσε η πρεσβεία να την επισκεφθεί;", "consular"},
		{"tr", "?", "İngiliz bir gazeteci havalimanında gözaltına alındı. Büyükelçilik onu ziyaret edebildi mi?", "consular"},
		{"ar", "?", "احتُجزت صحفية بريطانية في المطار. هل تمكنت السفارة من زيارتها؟", "consular"},
		{"sr", "?", "Britanska novinarka je zadržana na aerodromu. Da li je ambasada mogla da je poseti?", "consular"},
	})
}

// TestTopicMeasuresAimedAtTheRegion: on a release whose first topic is a
// region, a measure against a state (the sanctions family, measures:
// true) in a question naming one of the region's places is aimed at it
// and is the region's story — "will the UK back new sanctions against
// Iran, and did RAF jets shoot down drones?" on the UNSC statement on
// Iran's attack is middle-east's, as ten DEV sets label such questions
// (dldev 037, mixdev2 011, mldev8 027, dldev5 022 …) — while questions on
// the RAF's part alone stay security's (as tuning 034, endev 011, endev3
// 035 label them), and so do the asset freeze's machinery asked about
// with no name of the region (OFSI, licences: tuning 016).
func TestTopicMeasuresAimedAtTheRegion(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	unsc := Link{Release: "2024-04-15-the-uk-condemns-unequivocally-iran-s-reckless", Score: 0.97}
	hamas := Link{Release: "2023-11-14-uk-us-sanctions-hamas-leadership", Score: 0.97}
	for _, c := range []struct {
		lang, text, want string
		l                Link
	}{
		{"en", "Will the UK back new sanctions against Iran at the UN, and did RAF jets shoot down any of the drones?", "middle-east", unsc},
		{"en", "Can you say how many drones British jets brought down, and whether London wants fresh sanctions on Tehran?", "middle-east", unsc},
		{"ru", "Поддержит ли Лондон новые санкции против Ирана, и сбивали ли британские истребители беспилотники?", "middle-east", unsc},
		{"pl", "Czy Londyn poprze nowe sankcje wobec Iranu i czy brytyjskie myśliwce zestrzeliwały drony?", "middle-east", unsc},
		{"en", "How many drones did RAF Typhoons shoot down, which base did they fly from, and are more jets being sent?", "security", unsc},
		{"en", "Has OFSI frozen any assets yet, and have any licences been issued under the asset freeze?", "security", hamas},
		{"en", "How many Hamas figures has the UK now sanctioned, and will the asset freeze reach its financiers in Lebanon?", "middle-east", hamas},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		if got := topics.Choose(&in, c.l, cat); got.Topic != c.want {
			t.Errorf("%s %q: topic %q (%s), want %s", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicAidAndBritonsOnARegionsRelease: on a release of the region
// alone (the PM's meeting with President Sisi), questions on British
// nationals with the consulate, or on humanitarian aid with its trucks,
// are the functional desks' in every language — two distinct specific
// words, one in a question (German "Hilfstransporte", aid convoys, and
// "Hilfs-LKW" had been no word).
func TestTopicAidAndBritonsOnARegionsRelease(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	l := Link{Release: "2023-10-20-rishi-sunak-meeting-with-president-el-sisi-of", Score: 0.95}
	checkTopics(t, topics, cat, l, []topicCase{
		{"en", "?", "How many British nationals are still in Gaza, and is the consulate helping them cross at Rafah?", "consular"},
		{"de", "?", "Wie viele britische Staatsangehörige sind noch in Gaza, und hilft das Konsulat ihnen beim Grenzübertritt in Rafah?", "consular"},
		{"fr", "?", "Combien de ressortissants britanniques sont encore à Gaza, et le consulat les aide-t-il à passer à Rafah ?", "consular"},
		{"es", "?", "¿Cuántos ciudadanos británicos siguen en Gaza y les ayuda el consulado a cruzar por Rafah?", "consular"},
		{"it", "?", "Quanti cittadini britannici sono ancora a Gaza e il consolato li aiuta ad attraversare a Rafah?", "consular"},
		{"pt", "?", "Quantos cidadãos britânicos ainda estão em Gaza e o consulado está a ajudá-los a atravessar em Rafah?", "consular"},
		{"nl", "?", "Hoeveel Britse staatsburgers zijn nog in Gaza, en helpt het consulaat hen bij de oversteek in Rafah?", "consular"},
		{"pl", "?", "Ilu obywateli brytyjskich wciąż jest w Strefie Gazy i czy konsulat pomaga im przejść przez Rafah?", "consular"},
		{"ru", "?", "Сколько британских граждан ещё находится в Газе и помогает ли консульство им пересечь границу в Рафахе?", "consular"},
		{"uk", "?", "Скільки британських громадян ще перебуває в Газі і чи допомагає консульство їм перетнути кордон у Рафаху?", "consular"},
		{"el", "?", "Πόσοι Βρετανοί πολίτες βρίσκονται ακόμη στη Γάζα και βοηθά το προξενείο να περάσουν από τη Ράφα;", "consular"},
		{"tr", "?", "Gazze'de hâlâ kaç İngiliz vatandaşı var ve konsolosluk Refah'tan geçmelerine yardım ediyor mu?", "consular"},
		{"ar", "?", "كم عدد المواطنين البريطانيين الذين ما زالوا في غزة وهل تساعدهم القنصلية على العبور من رفح؟", "consular"},
		{"sq", "?", "Sa shtetas britanikë janë ende në Gaza dhe a po i ndihmon konsullata të kalojnë në Rafah?", "consular"},
		{"sr", "?", "Koliko britanskih državljana je još u Gazi i da li im konzulat pomaže da pređu kod Rafe?", "consular"},
		{"en", "?", "How much humanitarian aid has the UK pledged for Gaza, and will the aid trucks get through Rafah?", "development"},
		{"de", "?", "Wie viel humanitäre Hilfe hat Großbritannien für Gaza zugesagt, und kommen die Hilfstransporte durch Rafah?", "development"},
		{"fr", "?", "Combien d'aide humanitaire le Royaume-Uni a-t-il promis pour Gaza, et les camions d'aide passeront-ils par Rafah ?", "development"},
		{"es", "?", "¿Cuánta ayuda humanitaria ha prometido el Reino Unido para Gaza y pasarán los camiones de ayuda por Rafah?", "development"},
		{"it", "?", "Quanti aiuti umanitari ha promesso il Regno Unito per Gaza e i camion degli aiuti passeranno da Rafah?", "development"},
		{"pt", "?", "Quanta ajuda humanitária prometeu o Reino Unido para Gaza e os camiões de ajuda vão passar por Rafah?", "development"},
		{"nl", "?", "Hoeveel humanitaire hulp heeft het VK toegezegd voor Gaza, en komen de hulpkonvooien door Rafah?", "development"},
		{"pl", "?", "Ile pomocy humanitarnej Wielka Brytania obiecała dla Gazy i czy ciężarówki z pomocą przejadą przez Rafah?", "development"},
		{"ru", "?", "Какую гуманитарную помощь Великобритания пообещала Газе и пройдут ли грузовики с помощью через Рафах?", "development"},
		{"uk", "?", "Яку гуманітарну допомогу Велика Британія пообіцяла Газі і чи пройдуть вантажівки з допомогою через Рафах?", "development"},
		{"el", "?", "Πόση ανθρωπιστική βοήθεια έχει υποσχεθεί το Ηνωμένο Βασίλειο για τη Γάζα και θα περάσουν τα φορτηγά βοήθειας από τη Ράφα;", "development"},
		{"tr", "?", "Birleşik Krallık Gazze için ne kadar insani yardım sözü verdi ve yardım kamyonları Refah'tan geçecek mi?", "development"},
		{"ar", "?", "ما حجم المساعدات الإنسانية التي تعهدت بها المملكة المتحدة لغزة وهل ستعبر شاحنات المساعدات من رفح؟", "development"},
		{"sq", "?", "Sa ndihmë humanitare ka premtuar Mbretëria e Bashkuar për Gazën dhe a do të kalojnë kamionët e ndihmës nga Rafahu?", "development"},
		{"sr", "?", "Koliko humanitarne pomoći je Velika Britanija obećala Gazi i da li će kamioni sa pomoći proći kroz Rafu?", "development"},
	})
}

// TestTopicDesksOwnSpendingStaffAndLogistics: the department's own
// spending (an ambassador's residence refurbished, whether it is value for
// money, hospitality, consultants, what the taxpayer paid), its staff and
// posts at an embassy, and a visit's camera positions are the desk's own
// business in every language, though the question names a capital of a
// region (probes of our own, 20 of 100 missed before: "Madrid", "Athens"
// made them Europe's, "value for money … squeezed budgets" aid's as in
// mixdev4 016, Turkish "personel" the armed forces' personnel); "value for
// money" is a phrase of the desk's own, whose "money" is no aid money,
// while aid named beside it stays aid.
func TestTopicDesksOwnSpendingStaffAndLogistics(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"en", "?", "We understand more than GBP 4m was spent refurbishing three ambassadors' residences. Can you confirm which residences it covers? Does the FCDO think this represents value for money at a time of squeezed budgets?", "general"},
		{"en", "?", "How much public money has the department spent on official cars and hospitality this year?", "general"},
		{"en", "?", "Does the £30m aid package for Yemen represent value for money, given the NAO's criticism?", "development"},
		{"en", "?", "Is the humanitarian funding to UNRWA value for money for British taxpayers?", "development"},
		{"tr", "?", "Türkiye'deki askeri personel sayısı artırılacak mı ve yeni savaş gemileri gönderilecek mi?", "security"},
		{"en", "?", "How much was spent refurbishing the ambassador's residence in Paris, and does the department think that is value for money?", "general"},
		{"de", "?", "Wie viel wurde für die Renovierung der Residenz des Botschafters in Paris ausgegeben, und hält das Ministerium das für ein gutes Preis-Leistungs-Verhältnis?", "general"},
		{"fr", "?", "Combien a coûté la rénovation de la résidence de l'ambassadeur à Paris, et le ministère estime-t-il que c'est un bon usage de l'argent public ?", "general"},
		{"es", "?", "¿Cuánto se gastó en reformar la residencia del embajador en París y cree el ministerio que es un buen uso del dinero público?", "general"},
		{"it", "?", "Quanto è stato speso per ristrutturare la residenza dell'ambasciatore a Parigi, e il ministero ritiene che sia un buon uso del denaro pubblico?", "general"},
		{"pt", "?", "Quanto foi gasto na remodelação da residência do embaixador em Paris, e o ministério considera que é uma boa utilização do dinheiro público?", "general"},
		{"nl", "?", "Hoeveel is er uitgegeven aan de renovatie van de residentie van de ambassadeur in Parijs, en vindt het ministerie dat verantwoord met belastinggeld?", "general"},
		{"pl", "?", "Ile wydano na remont rezydencji ambasadora w Paryżu i czy ministerstwo uważa, że to dobre wykorzystanie publicznych pieniędzy?", "general"},
		{"ru", "?", "Сколько было потрачено на ремонт резиденции посла в Париже и считает ли министерство это разумным расходованием денег налогоплательщиков?", "general"},
		{"uk", "?", "Скільки було витрачено на ремонт резиденції посла в Парижі і чи вважає міністерство це раціональним використанням грошей платників податків?", "general"},
		{"el", "?", "Πόσα δαπανήθηκαν για την ανακαίνιση της κατοικίας του πρέσβη στο Παρίσι και θεωρεί το υπουργείο ότι είναι σωστή χρήση δημόσιου χρήματος;", "general"},
		{"tr", "?", "Paris'teki büyükelçi konutunun yenilenmesine ne kadar harcandı ve bakanlık bunun kamu parasının doğru kullanımı olduğunu düşünüyor mu?", "general"},
		{"ar", "?", "كم أُنفق على تجديد مقر إقامة السفير في باريس، وهل تعتبر الوزارة ذلك استخداما جيدا للمال العام؟", "general"},
		{"sq", "?", "Sa u shpenzua për rinovimin e rezidencës së ambasadorit në Paris dhe a mendon ministria se kjo është përdorim i mirë i parave publike?", "general"},
		{"sr", "?", "Koliko je potrošeno na renoviranje rezidencije ambasadora u Parizu i da li ministarstvo smatra da je to dobra upotreba javnog novca?", "general"},
		{"en", "?", "How many staff work at the embassy in Madrid now, and how many posts have been cut since 2020?", "general"},
		{"de", "?", "Wie viele Mitarbeiter arbeiten derzeit an der Botschaft in Madrid, und wie viele Stellen wurden seit 2020 gestrichen?", "general"},
		{"fr", "?", "Combien d'agents travaillent à l'ambassade à Madrid, et combien de postes ont été supprimés depuis 2020 ?", "general"},
		{"es", "?", "¿Cuántos empleados trabajan en la embajada en Madrid y cuántos puestos se han suprimido desde 2020?", "general"},
		{"it", "?", "Quanti dipendenti lavorano all'ambasciata a Madrid e quanti posti sono stati tagliati dal 2020?", "general"},
		{"pt", "?", "Quantos funcionários trabalham na embaixada em Madrid e quantos postos foram cortados desde 2020?", "general"},
		{"nl", "?", "Hoeveel medewerkers werken er op de ambassade in Madrid, en hoeveel functies zijn sinds 2020 geschrapt?", "general"},
		{"pl", "?", "Ilu pracowników zatrudnia ambasada w Madrycie i ile etatów zlikwidowano od 2020 roku?", "general"},
		{"ru", "?", "Сколько сотрудников работает в посольстве в Мадриде и сколько должностей сокращено с 2020 года?", "general"},
		{"uk", "?", "Скільки співробітників працює в посольстві в Мадриді і скільки посад скорочено з 2020 року?", "general"},
		{"el", "?", "Πόσοι υπάλληλοι εργάζονται στην πρεσβεία στη Μαδρίτη και πόσες θέσεις καταργήθηκαν από το 2020;", "general"},
		{"tr", "?", "Madrid büyükelçiliğinde kaç personel çalışıyor ve 2020'den bu yana kaç kadro kaldırıldı?", "general"},
		{"ar", "?", "كم عدد الموظفين العاملين في السفارة في مدريد، وكم وظيفة أُلغيت منذ 2020؟", "general"},
		{"sq", "?", "Sa punonjës punojnë në ambasadën në Madrid dhe sa vende pune janë shkurtuar që nga 2020?", "general"},
		{"sr", "?", "Koliko zaposlenih radi u ambasadi u Madridu i koliko je radnih mesta ukinuto od 2020?", "general"},
		{"en", "?", "What time does the minister arrive in Athens tomorrow, and is there a pool spot at the airport?", "general"},
		{"de", "?", "Wann landet der Minister morgen in Athen, und gibt es einen Pool-Platz für Kamerateams am Flughafen?", "general"},
		{"fr", "?", "À quelle heure le ministre arrive-t-il demain à Athènes, et y a-t-il une place pour les caméras à l'aéroport ?", "general"},
		{"es", "?", "¿A qué hora llega mañana el ministro a Atenas y hay sitio para cámaras en el aeropuerto?", "general"},
		{"it", "?", "A che ora arriva domani il ministro ad Atene, e c'è posto per le telecamere all'aeroporto?", "general"},
		{"pt", "?", "A que horas chega amanhã o ministro a Atenas e há lugar para câmaras no aeroporto?", "general"},
		{"nl", "?", "Hoe laat komt de minister morgen aan in Athene, en is er plek voor camera's op het vliegveld?", "general"},
		{"pl", "?", "O której minister przylatuje jutro do Aten i czy jest miejsce dla kamer na lotnisku?", "general"},
		{"ru", "?", "Во сколько министр завтра прилетает в Афины и будет ли место для съемочных групп в аэропорту?", "general"},
		{"uk", "?", "О котрій міністр завтра прилітає до Афін і чи буде місце для знімальних груп в аеропорту?", "general"},
		{"el", "?", "Τι ώρα φτάνει αύριο ο υπουργός στην Αθήνα και υπάρχει θέση για κάμερες στο αεροδρόμιο;", "general"},
		{"tr", "?", "Bakan yarın Atina'ya saat kaçta varıyor ve havalimanında kameralar için yer var mı?", "general"},
		{"ar", "?", "في أي ساعة يصل الوزير غدا إلى أثينا، وهل هناك مكان للكاميرات في المطار؟", "general"},
		{"sq", "?", "Në çfarë ore mbërrin nesër ministri në Athinë dhe a ka vend për kamerat në aeroport?", "general"},
		{"sr", "?", "U koliko sati ministar sutra stiže u Atinu i da li ima mesta za kamere na aerodromu?", "general"},
	})
}

// TestTopicSettlersAreTheRegions: settlers are a people of the Middle East
// region (topiclex.yaml's peoples; lang/data/vocab reads them in every
// language: Siedler, colons, colonos, osadnicy, поселенцы, έποικοι,
// yerleşimciler, المستوطنين, kolonët, doseljenici), so travel bans on
// violent settlers are a measure aimed at the region, its story — as endev
// 010, dldev 004 and mixdev4 027 label them on the PM's call with
// Netanyahu — even beside a question on HMS Diamond, which alone is
// security's (tuning 026, endev3 001).
func TestTopicSettlersAreTheRegions(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	l := Link{Release: "2023-12-05-pm-call-with-prime-minister-netanyahu-of-israel", Score: 0.95}
	checkTopics(t, topics, cat, l, []topicCase{
		{"en", "?", "Is the UK now preparing travel bans on violent settlers, as the US announced today? Did the PM raise the use of HMS Diamond or any UK military assets during the call?", "middle-east"},
		{"de", "?", "Bereitet Großbritannien jetzt Einreiseverbote gegen gewalttätige Siedler vor, wie die USA heute angekündigt haben? Hat der Premierminister den Einsatz der HMS Diamond oder anderer britischer Militärmittel angesprochen?", "middle-east"},
		{"fr", "?", "Le Royaume-Uni prépare-t-il des interdictions de voyager contre les colons violents, comme les États-Unis l'ont annoncé aujourd'hui ? Le Premier ministre a-t-il évoqué l'utilisation du HMS Diamond ou d'autres moyens militaires britanniques ?", "middle-east"},
		{"es", "?", "¿Prepara el Reino Unido prohibiciones de viaje contra los colonos violentos, como anunció hoy EE. UU.? ¿Mencionó el primer ministro el uso del HMS Diamond u otros medios militares británicos?", "middle-east"},
		{"it", "?", "Il Regno Unito sta preparando divieti di viaggio contro i coloni violenti, come annunciato oggi dagli Stati Uniti? Il primo ministro ha parlato dell'impiego della HMS Diamond o di altri mezzi militari britannici?", "middle-east"},
		{"pt", "?", "O Reino Unido está a preparar proibições de viagem contra os colonos violentos, como os EUA anunciaram hoje? O primeiro-ministro mencionou o uso do HMS Diamond ou de outros meios militares britânicos?", "middle-east"},
		{"nl", "?", "Bereidt het VK nu inreisverboden voor tegen gewelddadige kolonisten, zoals de VS vandaag aankondigden? Heeft de premier de inzet van HMS Diamond of ander Brits militair materieel ter sprake gebracht?", "middle-east"},
		{"pl", "?", "Czy Wielka Brytania przygotowuje zakazy wjazdu dla brutalnych osadników, jak ogłosiły dziś USA? Czy premier poruszył kwestię użycia HMS Diamond lub innych brytyjskich środków wojskowych?", "middle-east"},
		{"ru", "?", "Готовит ли Великобритания запреты на въезд для агрессивных поселенцев, как сегодня объявили США? Обсуждал ли премьер-министр использование HMS Diamond или других британских военных средств?", "middle-east"},
		{"uk", "?", "Чи готує Велика Британія заборони на в'їзд для агресивних поселенців, як сьогодні оголосили США? Чи обговорював прем'єр-міністр використання HMS Diamond або інших британських військових засобів?", "middle-east"},
		{"el", "?", "Ετοιμάζει το Ηνωμένο Βασίλειο απαγορεύσεις εισόδου για βίαιους εποίκους, όπως ανακοίνωσαν σήμερα οι ΗΠΑ; Έθεσε ο πρωθυπουργός τη χρήση του HMS Diamond ή άλλων βρετανικών στρατιωτικών μέσων;", "middle-east"},
		{"tr", "?", "ABD'nin bugün açıkladığı gibi İngiltere de şiddet uygulayan yerleşimcilere seyahat yasağı hazırlıyor mu? Başbakan görüşmede HMS Diamond'un veya başka İngiliz askeri unsurların kullanımını gündeme getirdi mi?", "middle-east"},
		{"ar", "?", "هل تستعد المملكة المتحدة لفرض حظر سفر على المستوطنين العنيفين كما أعلنت الولايات المتحدة اليوم؟ هل أثار رئيس الوزراء استخدام السفينة HMS Diamond أو أي أصول عسكرية بريطانية؟", "middle-east"},
		{"sq", "?", "A po përgatit Mbretëria e Bashkuar ndalime udhëtimi për kolonët e dhunshëm, siç njoftuan sot SHBA? A e ngriti kryeministri përdorimin e HMS Diamond apo mjeteve të tjera ushtarake britanike?", "middle-east"},
		{"sr", "?", "Da li Velika Britanija priprema zabrane putovanja za nasilne doseljenike, kao što su SAD danas najavile? Da li je premijer pomenuo upotrebu broda HMS Diamond ili drugih britanskih vojnih sredstava?", "middle-east"},
		{"en", "?", "Will the UK follow the US and impose travel bans on extremist settlers in the West Bank?", "middle-east"},
		{"en", "?", "Is HMS Diamond now in the Red Sea, and will she engage drones or missiles aimed at shipping? Is she under US command as part of a maritime coalition?", "security"},
	})
}

// TestTopicNewAmbassadorAcrossLanguages: who a new ambassador is and when
// she takes up the post is the desk's own business in every language, as
// in English (desk_self), though the question names the country of the
// posting — French, Italian, Greek, Arabic, Albanian and Serbian read
// "nouvelle ambassadrice", "nuovo ambasciatore", "νέα πρέσβειρα",
// "السفيرة الجديدة", "ambasadorja e re", "nova ambasadorka" and taking up
// the post (topiclex_lang.json; probes of our own, 6 of 15 were Europe's
// by "Serbia").
func TestTopicNewAmbassadorAcrossLanguages(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	checkTopics(t, topics, cat, Link{}, []topicCase{
		{"en", "?", "Who is the new ambassador to Serbia, and when does she take up the post?", "general"},
		{"de", "?", "Wer ist die neue Botschafterin in Serbien, und wann tritt sie ihr Amt an?", "general"},
		{"fr", "?", "Qui est la nouvelle ambassadrice en Serbie, et quand prendra-t-elle ses fonctions ?", "general"},
		{"es", "?", "¿Quién es la nueva embajadora en Serbia y cuándo asumirá el cargo?", "general"},
		{"it", "?", "Chi è la nuova ambasciatrice in Serbia e quando assumerà l'incarico?", "general"},
		{"pt", "?", "Quem é a nova embaixadora na Sérvia e quando assume o cargo?", "general"},
		{"nl", "?", "Wie is de nieuwe ambassadeur in Servië, en wanneer treedt zij aan?", "general"},
		{"pl", "?", "Kto jest nową ambasador w Serbii i kiedy obejmie stanowisko?", "general"},
		{"ru", "?", "Кто новый посол в Сербии и когда она вступит в должность?", "general"},
		{"uk", "?", "Хто новий посол у Сербії і коли вона обійме посаду?", "general"},
		{"el", "?", "Ποια είναι η νέα πρέσβειρα στη Σερβία και πότε αναλαμβάνει καθήκοντα;", "general"},
		{"tr", "?", "Sırbistan'a atanan yeni büyükelçi kim ve göreve ne zaman başlayacak?", "general"},
		{"ar", "?", "من هي السفيرة الجديدة لدى صربيا ومتى ستتسلم مهامها؟", "general"},
		{"sq", "?", "Kush është ambasadorja e re në Serbi dhe kur e merr detyrën?", "general"},
		{"sr", "?", "Ko je nova ambasadorka u Srbiji i kada preuzima dužnost?", "general"},
		{"en", "?", "Will the new ambassador to Serbia raise the Banjska attack with President Vucic?", "europe"},
	})
}
