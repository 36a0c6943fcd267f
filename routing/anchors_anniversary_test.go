package routing

import (
	"testing"
	"time"
)

// TestDateAnchorsAnniversary: "ten years since", "10 years on", "a year
// since" name the days around the day that many years before the email;
// "a year ago" and years without "since" or "on" name none.
func TestDateAnchorsAnniversary(t *testing.T) {
	d0 := dayOf(time.Date(2023, 4, 19, 9, 5, 0, 0, time.UTC), time.UTC)
	around := func(y int) []dayRange {
		c := dayOf(time.Date(y, 4, 19, 0, 0, 0, 0, time.UTC), time.UTC)
		return []dayRange{{from: c - anniversaryWindow, to: c + anniversaryWindow, anniversary: true}}
	}
	for _, c := range []struct {
		text string
		want []dayRange
	}{
		{"a feature marking ten years since the first Brussels Agreement", around(2013)},
		{"10 years on from the agreement, is it implemented?", around(2013)},
		{"a year since the statement", around(2022)},
		{"how does that square with the 730 promised a year ago?", nil},
		{"the plan for the next five years", nil},
		{"years since the war began", nil},
	} {
		checkAnchors(t, c.text, d0, c.want)
	}
}

// agreementCatalogue has the Foreign Secretary's welcome of an agreement
// of 19 April 2013, an update on the same dialogue of last month, and
// the filler.
func agreementCatalogue() *Catalogue {
	rels := []Release{
		{ID: "welcome", Published: time.Date(2013, 4, 19, 0, 0, 0, 0, time.UTC), DateOnly: true, Topics: []string{"europe"},
			Title: "Foreign Secretary welcomes agreement between Borduria and Syldavia",
			Body: "The Foreign Secretary welcomed the agreement reached in Brussels between the Prime Ministers of Borduria " +
				"and Syldavia and congratulated them on their courage. The UK will support its implementation."},
		{ID: "dialogue", Published: time.Date(2023, 3, 18, 0, 0, 0, 0, time.UTC), DateOnly: true, Topics: []string{"europe"},
			Title: "Statement on the dialogue between Borduria and Syldavia",
			Body:  "The UK welcomes the progress in the dialogue between Borduria and Syldavia facilitated by the EU."},
	}
	return NewCatalogue(append(rels, fillerReleases(time.Date(2023, 4, 19, 0, 0, 0, 0, time.UTC))...), time.UTC)
}

// TestLinkAnniversary: an anniversary piece ("ten years since the first
// Brussels Agreement", sent on its anniversary, asking whether the
// agreement the then Foreign Secretary welcomed has been implemented) is
// about the release of ten years before (mixdev4 035: p 0.03, the
// release's age, -> 0.99); "two years since" a recent release's matter
// puts that release back no further than before.
func TestLinkAnniversary(t *testing.T) {
	in := Input{Subject: "Ten years since the Brussels agreement - UK view?",
		NewText: "We are preparing a feature marking ten years since the first agreement between Borduria and Syldavia. " +
			"At the time, the then Foreign Secretary welcomed it and congratulated the Prime Ministers for their courage. " +
			"Looking back, does the UK consider that the agreement has been implemented?",
		Date: at3339(t, "2023-04-19T09:05:00+02:00"), Language: "en"}
	if l := agreementCatalogue().Link(&in); l.Release != "welcome" {
		t.Errorf("ten years since: linked %q (%.2f, %s), want the welcome of ten years before", l.Release, l.Score, l.Detail)
	}
	recent := Input{Subject: "Dialogue - UK view?",
		NewText: "Two years since the talks resumed, does the UK welcome last month's progress in the dialogue between " +
			"Borduria and Syldavia facilitated by the EU?",
		Date: at3339(t, "2023-04-19T09:05:00+02:00"), Language: "en"}
	if l := agreementCatalogue().Link(&recent); l.Release != "dialogue" {
		t.Errorf("two years since, about last month's statement: linked %q (%.2f, %s), want the dialogue statement", l.Release, l.Score, l.Detail)
	}
}
