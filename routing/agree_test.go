package routing

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// agreeCatalogue is a made-up catalogue for the agreement rules: on 10
// June 2024 the PM attends the Zenda Forum in Strelsau (Ruritania) and,
// the same day, makes a speech on the Tarlenheim summit that a second
// release of the day mentions in its body only; twenty releases of other
// days and matters make the names rare.
func agreeCatalogue(t *testing.T) *Catalogue {
	t.Helper()
	day := time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)
	rels := []Release{
		{ID: "forum", Published: day, DateOnly: true, Topics: []string{"migration", "europe"},
			Title: "PM: closer cooperation will be key to smashing the gangs who profit from people smuggling",
			Body: "The Prime Minister will chair a meeting on people smuggling at the Zenda Forum in Strelsau today. " +
				"Attending the forum in Ruritania, he will urge partners to act against the gangs."},
		{ID: "summit-speech", Published: day, DateOnly: true, Topics: []string{"climate"},
			Title: "PM to call for action at the Tarlenheim summit",
			Body:  "The Prime Minister will tell world leaders gathered in Tarlenheim that the world must act on emissions."},
		{ID: "summit-meeting", Published: day, DateOnly: true, Topics: []string{"middle-east"},
			Title: "PM meeting with President Sapt of Valdoria",
			Body:  "The Prime Minister met President Sapt of Valdoria at the Tarlenheim summit today to discuss the crossing at Hentzau."},
	}
	rels = append(rels, fillerReleases(day)...)
	return NewCatalogue(rels, time.UTC)
}

// TestSignalsAgree: the agreement rules (signalsAgree) apply to the best
// candidate of an English enquiry only when the release is of the day the
// email names and holds the enquiry's names (two rare ones or more), or
// holds its rarest name in the title where the runner-up does not.
func TestSignalsAgree(t *testing.T) {
	cat := agreeCatalogue(t)
	for _, c := range []struct {
		name, lang, subject, text, date, top, want string
	}{
		{"names and day agree", "en", "PM at the Zenda Forum in Strelsau",
			"Is the PM having a bilateral with Colonel Rassendyll at the forum in Strelsau today, and will he raise Ruritania's veto?",
			"2024-06-10T09:50:00Z", "forum", "names"},
		{"names agree, but the day named is not the release's", "en", "PM at the Zenda Forum in Strelsau",
			"Is the PM having a bilateral with Colonel Rassendyll at the forum in Strelsau today, and will he raise Ruritania's veto?",
			"2024-06-14T09:50:00Z", "forum", ""},
		{"the release lacks most of the enquiry's names", "en", "PM at Strelsau",
			"Is the PM meeting Colonel Sapt of Valdoria and the Hentzau delegation from Tarlenheim in Strelsau today?",
			"2024-06-10T09:50:00Z", "", ""},
		{"the rarest name in the title, the sibling's body only", "en", "Tarlenheim delegation - numbers and flights",
			"Ahead of the PM's Tarlenheim speech today - how many officials are in the delegation, and how many flights were taken?",
			"2024-06-10T08:05:00Z", "summit-speech", "title"},
		{"another language: names are matched loosely", "de", "PM beim Zenda Forum in Strelsau",
			"Trifft der Premierminister heute in Strelsau Oberst Rassendyll, und spricht er Ruritanias Veto an?",
			"2024-06-10T09:50:00Z", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Language: c.lang, Subject: c.subject, NewText: c.text, Date: at3339(t, c.date)}
			sc, r := ownQuery(cat, &in)
			if len(r.cands) == 0 {
				t.Fatal("no candidate")
			}
			if got := cat.releases[r.cands[0].doc].ID; c.top != "" && got != c.top {
				t.Fatalf("best candidate %s, want %s", got, c.top)
			}
			var second *cand
			if len(r.cands) > 1 {
				second = &r.cands[1]
			}
			if got := cat.signalsAgree(sc, &r.cands[0], second); got != c.want {
				t.Errorf("agreement %q (p=%.2f), want %q", got, r.p, c.want)
			}
			if c.want == "title" && cat.signalsAgree(sc, &r.cands[0], &r.cands[0]) != "" {
				t.Errorf("the title rule applies with a runner-up whose title holds the name too")
			}
			if c.want != "" && r.p < agreeP {
				t.Errorf("p=%.2f, want at least %.2f", r.p, agreeP)
			}
		})
	}
}

// ownQuery links the sender's own words of a first message in English
// or in in.Language as linkMessage does, and returns the scratch (for the
// rules that read the query) with the candidates.
func ownQuery(cat *Catalogue, in *Input) (*scratch, ranked) {
	m := newMessage(in)
	defer m.release()
	sc := newScratch(cat.idx)
	sc.voc = vocabFor(in.Language)
	sc.english = in.Language == "en"
	q := linkQuery{d0: dayOf(in.Date, cat.loc), sent: in.Date, anchorText: ownAnchorText, subject: true,
		chans: []channel{{partSubject, weightSubject}, {partNew, weightNew}, {partForwarded, weightForwarded}}}
	return sc, cat.run(sc, m, &defaultParams, &q)
}

// TestLinkAgreement: an enquiry whose best candidate the text match
// leaves below the threshold is linked when the agreement rules apply,
// and the link's detail says why.
func TestLinkAgreement(t *testing.T) {
	cat := agreeCatalogue(t)
	for _, c := range []struct{ name, subject, text, date, want, why string }{
		{"names and day", "PM at ZEF Strelsau - Rassendyll bilateral?",
			"Is the PM having a bilateral with Colonel Rassendyll at the ZEF in Strelsau today, and will he raise Ruritania's blocking of decisions? Within 30 minutes if possible.",
			"2024-06-10T09:50:00Z", "forum", "holds the enquiry's names"},
		{"title", "Tarlenheim delegation - numbers and flights",
			"Ahead of the PM's Tarlenheim speech today - how many officials are in the delegation, and how many flights were taken?",
			"2024-06-10T08:05:00Z", "summit-speech", "holds the enquiry's rarest name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Language: "en", Subject: c.subject, NewText: c.text, Date: at3339(t, c.date)}
			_, r := ownQuery(cat, &in)
			if r.agree == "" || r.pFit >= LinkThreshold {
				t.Fatalf("the text match alone gives p=%.2f (agreement %q): not a case below the threshold", r.pFit, r.agree)
			}
			l := cat.Link(&in)
			if l.Release != c.want || l.Score < agreeP || !strings.Contains(l.Detail, "raised from") || !strings.Contains(l.Detail, c.why) {
				t.Errorf("linked %q p=%.2f (%s), want %q at %.2f, the detail saying %q", l.Release, l.Score, l.Detail, c.want, agreeP, c.why)
			}
		})
	}
}

// TestPhraseAcronyms: the acronyms of a release's capitalised phrases,
// three words or more, connectors inside skipped, none started by one.
func TestPhraseAcronyms(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Attending the European Political Community meeting in Budapest", []string{"epc"}},
		{"The Prime Minister spoke to the Department for Business and Trade today.", []string{"dbt"}},
		{"The Prime Minister said.", nil},                                                    // "The" starts no run: no "tpm"
		{"European Political. Community Forum", nil},                                         // punctuation ends a run
		{"the Office of the United Nations High Commissioner for Human Rights (OHCHR)", nil}, // longer than six letters
		{"Visiting the Berlin Process Summit", []string{"bps"}},                              // not "vbps": a sentence's first word before "the"
		{"He met the Director of Border Force Operations.", []string{"dbfo"}},
		{"a meeting in Zürich Grand Hall today", nil}, // letters beyond ASCII end a run
	} {
		got := phraseAcronyms(c.text, nil)
		if !slices.Equal(got, c.want) {
			t.Errorf("phraseAcronyms(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestLinkAcronym: an enquiry that writes only the acronym of a phrase a
// release spells out ("the EPC"; "the European Political Community")
// meets that release; an acronym the catalogue uses as an ordinary word
// is not made one.
func TestLinkAcronym(t *testing.T) {
	day := time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)
	rels := []Release{
		{ID: "epc", Published: day, DateOnly: true, Title: "PM to chair meeting on smuggling gangs",
			Body: "The Prime Minister will attend the Zenda Political Community summit today and chair a meeting on smuggling gangs."},
		{ID: "aim", Published: day, DateOnly: true, Title: "Trade envoy visits Strelsau",
			Body: "The aim of the Agricultural Investment Mission is to open markets."},
	}
	for i := range 20 {
		rels = append(rels, Release{ID: fmt.Sprintf("other-%02d", i), Published: day.AddDate(0, -1, -i), DateOnly: true,
			Title: fmt.Sprintf("Trade update number %d", i), Body: "Figures on grain exports and fisheries quotas."})
	}
	cat := NewCatalogue(rels, time.UTC)
	ix := cat.idx
	id, ok := ix.words["zpc"]
	if !ok || !ix.contains(id, 0) {
		t.Fatalf("the acronym zpc is not a term of the release that spells it out")
	}
	if id, ok := ix.words["aim"]; !ok || ix.capital[id] != 0 {
		t.Errorf("aim, an ordinary word of the catalogue, was made the acronym of Agricultural Investment Mission")
	}
	in := Input{Language: "en", Subject: "PM at the ZPC - gangs", NewText: "Is the PM chairing the smuggling gangs meeting at the ZPC today?", Date: at3339(t, "2024-06-10T09:00:00Z")}
	_, r := ownQuery(cat, &in)
	if len(r.cands) == 0 || cat.releases[r.cands[0].doc].ID != "epc" || !ix.contains(id, r.cands[0].doc) {
		t.Fatalf("the enquiry's ZPC does not meet the release")
	}
}

// fillerReleases returns 20 trade updates of the month before day, so a
// small test catalogue has the document frequencies a real one has (its
// test words are rare, the filler's common).
func fillerReleases(day time.Time) []Release {
	var rels []Release
	for i := range 20 {
		rels = append(rels, Release{ID: fmt.Sprintf("other-%02d", i), Published: day.AddDate(0, -1, -i), DateOnly: true,
			Topics: []string{"trade"}, Title: fmt.Sprintf("Trade update number %d", i),
			Body: fmt.Sprintf("The Department published figures on exports of grain number %d and the quota for fisheries.", i)})
	}
	return rels
}
