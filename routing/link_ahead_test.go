package routing

import (
	"testing"
	"time"
)

// aheadCatalogue is a small catalogue with a release stating a year ahead
// of it ("until at least 2026") among an older one on the same mission and
// the filler.
func aheadCatalogue(extra ...Release) *Catalogue {
	day := time.Date(2023, 5, 23, 0, 0, 0, 0, time.UTC)
	rels := []Release{
		{ID: "extension", Published: day, DateOnly: true, Topics: []string{"europe"},
			Title: "Extension of UK commitment to the Ruritanian peacekeeping mission",
			Body: "The UK will continue its commitment to the Ruritanian peacekeeping mission until at least 2026. " +
				"The minister announced the extension during a visit to Strelsau, where he met the mission's commander."},
		{ID: "deployment", Published: day.AddDate(-6, 0, 0), DateOnly: true, Topics: []string{"europe"},
			Title: "UK troops deploy to the Ruritanian peacekeeping mission",
			Body:  "A team of 30 UK troops has left for Strelsau to join the Ruritanian peacekeeping mission for a year-long deployment."},
	}
	rels = append(rels, extra...)
	rels = append(rels, fillerReleases(day)...)
	return NewCatalogue(rels, time.UTC)
}

// TestLinkYearAhead: an enquiry naming a year ahead of it ("till 2026",
// "fino al 2026") that the release states, as a limit or a target, is
// confirmed by it as by a day named (here p 0.35 -> above the threshold;
// mixdev3 030: 0.40 -> 0.77); a
// year ahead that many releases state confirms none of them, and a year
// past is not one ahead.
func TestLinkYearAhead(t *testing.T) {
	sent := at3339(t, "2023-05-24T08:00:00+01:00")
	in := Input{Subject: "Ruritania mission till 2026",
		NewText: "How many UK troops are with the mission today?",
		Date:    sent, Language: "en"}
	if l := aheadCatalogue().Link(&in); l.Release != "extension" {
		t.Errorf("year ahead the release states: linked %q (%.2f, %s), want the extension", l.Release, l.Score, l.Detail)
	}
	// three releases before the email state 2026: the year says little
	var more []Release
	for i, id := range []string{"plan-a", "plan-b"} {
		more = append(more, Release{ID: id, Published: time.Date(2022, time.Month(3+i), 1, 0, 0, 0, 0, time.UTC), DateOnly: true, Topics: []string{"trade"},
			Title: "Export plan to 2026", Body: "The export plan sets targets for 2026 on grain and fisheries."})
	}
	l := aheadCatalogue(more...).Link(&in)
	if l.Release == "extension" && l.Score >= LinkThreshold {
		t.Errorf("a year ahead three releases state: linked the extension (%.2f, %s), want no confirmation from the year", l.Score, l.Detail)
	}
}

// TestAheadYearsPast: a year the email names is ahead only while it is
// after the email's own year.
func TestAheadYearsPast(t *testing.T) {
	in := Input{Subject: "Ruritania mission till 2026", Date: at3339(t, "2027-02-01T09:00:00Z"), Language: "en"}
	cat := aheadCatalogue()
	sc := newScratch(cat.idx)
	sc.voc, sc.english = vocabFor("en"), true
	m := newMessage(&in)
	defer m.release()
	cat.addQuery(sc, m, partSubject, weightSubject, true)
	cat.aheadYears(sc, dayOf(in.Date, time.UTC))
	if len(sc.ahead) != 0 {
		t.Errorf("2026 named in 2027: %d years ahead, want none", len(sc.ahead))
	}
}
