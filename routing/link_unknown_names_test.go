package routing

import (
	"testing"
	"time"
)

// TestUnknownNames: the words no release uses that the sender's own text
// writes with a capital inside a sentence are kept once each; a
// sentence's first word, a word in lower case, the subject's words and
// figures are not.
func TestUnknownNames(t *testing.T) {
	c := NewCatalogue(fillerReleases(time.Date(2023, 10, 16, 0, 0, 0, 0, time.UTC)), time.UTC)
	in := Input{Subject: "Question about Elphberg",
		NewText: "Yesterday Sunak spoke to Elphberg in Zenda. Osterlich was named, and Elphberg again; " +
			"the zendaite question and 42 more remain.",
		Date: at3339(t, "2023-10-16T18:00:00Z"), Language: "en"}
	m := newMessage(&in)
	defer m.release()
	sc := c.pool.Get().(*scratch)
	defer c.pool.Put(sc)
	sc.idsDone = [nParts]bool{}
	sc.voc, sc.english, sc.quotedVoc = vocabFor("en"), true, nil
	sc.reset()
	c.addQuery(sc, m, partSubject, weightSubject, true)
	c.addQuery(sc, m, partNew, weightNew, false)
	var got []string
	for _, w := range sc.unknownNames {
		got = append(got, string(w))
	}
	want := []string{"sunak", "elphberg", "zenda"}
	if len(got) != len(want) {
		t.Fatalf("unknown names %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("unknown names %q, want %q", got, want)
		}
	}
}

// callAndAidCatalogue has the PM's call with a leader (when call is set)
// and an aid announcement of the same day, and the filler.
func callAndAidCatalogue(call bool) *Catalogue {
	day := time.Date(2023, 10, 16, 0, 0, 0, 0, time.UTC)
	rels := []Release{{ID: "aid", Published: day, DateOnly: true, Topics: []string{"development"},
		Title: "UK announces 10 million humanitarian aid for civilians in Strelsau",
		Body: "The Prime Minister announced £10 million of humanitarian aid for civilians in Strelsau. He said the release " +
			"of the hostages is a priority."}}
	if call {
		rels = append(rels, Release{ID: "call", Published: day, DateOnly: true, Topics: []string{"middle-east"},
			Title: "Rishi Sunak call with President Elphberg of Borduria",
			Body: "The Prime Minister spoke to President Elphberg of Borduria this afternoon about the situation in Strelsau. " +
				"They discussed the release of hostages and the Prime Minister's plan to visit Zenda."})
	}
	// releases of weeks before that use the enquiry's everyday words, as
	// a catalogue of thousands does
	for i, w := range []string{"journalist", "readers", "phone", "situation", "contacts", "plan", "visit", "meet", "weeks", "citizens"} {
		rels = append(rels, Release{ID: "older-" + w, Published: day.AddDate(0, 0, -40-i), DateOnly: true, Topics: []string{"general"},
			Title: "Update on the " + w + " programme",
			Body:  "The minister wrote about the " + w + " programme."})
	}
	return NewCatalogue(append(rels, fillerReleases(day)...), time.UTC)
}

// TestNamesUnmetUnknownNames: an enquiry about a release the catalogue
// lacks (a feed lag) names people and places no other release knows; for
// the names rule they are names the best candidate lacks (with the PM's
// call with Erdoğan left out, the same day's £10m aid release, covering
// 19% of the enquiry, took the enquiries about the call: endev6 007, DW
// Turkish, p 0.79; endev5 002, 003, 008 and mldev3 026 alike; none now,
// TestLeaveOneOutConfidentWrong). Read without them (as for a release
// the series rule picks) the rule does not hold here; and with the call
// in the catalogue the call is linked.
func TestNamesUnmetUnknownNames(t *testing.T) {
	in := Input{Subject: "Question about PM and President Elphberg phone call today",
		NewText: "I am journalist from Borduria, I write from Osterlich. Today afternoon Prime Minister had phone call with " +
			"President Elphberg about the Strelsau situation. Did the Prime Minister ask Borduria to use its contacts with " +
			"the Black Hand for release of hostages, including British citizens? Is there a plan to visit Zenda or meet " +
			"President Elphberg in Hentzau in the coming weeks?",
		Date: at3339(t, "2023-10-16T18:00:00Z"), Language: "en"}
	c := callAndAidCatalogue(false)
	sc, done := englishQuery(c, &in)
	defer done()
	aid := &cand{doc: 0, cover: 0.19}
	if c.releases[aid.doc].ID != "aid" {
		t.Fatalf("release 0 is %s", c.releases[aid.doc].ID)
	}
	if !c.namesUnmet(sc, aid, true) {
		t.Errorf("names unknown to the catalogue %q: the names rule does not hold for the aid release", sc.unknownNames)
	}
	if c.namesUnmet(sc, aid, false) {
		t.Errorf("without the names unknown to the catalogue: the names rule holds for the aid release")
	}
	if l := callAndAidCatalogue(true).Link(&in); l.Release != "call" {
		t.Errorf("with the call: linked %q (%.2f, %s), want the call", l.Release, l.Score, l.Detail)
	}
}
