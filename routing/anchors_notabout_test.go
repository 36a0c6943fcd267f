package routing

import (
	"slices"
	"testing"
	"time"
)

// TestDateAnchorsNotAbout: a day named in what the email says it is not
// about ("not the November one", "not to be confused with …") is no day
// its subject happened on; a day outside that clause, or after "not" that
// denies something of the subject, is.
func TestDateAnchorsNotAbout(t *testing.T) {
	d0 := dayOf(time.Date(2024, 3, 20, 12, 0, 0, 0, time.UTC), time.UTC) // a Wednesday
	feb14 := dayOf(time.Date(2024, 2, 14, 12, 0, 0, 0, time.UTC), time.UTC)
	for _, c := range []struct {
		text string
		want []int32 // the first day of each anchor
	}{
		{"It's today's list I'm after, not the February one - I already have the names from 14 February.", []int32{d0}},
		{"(Not to be confused with the seizure on 14 February.) This is about yesterday's boarding.", []int32{d0 - 1}},
		{"On today's statement (the Home Office's, not the one of 14 February): how many crossed?", []int32{d0}},
		// look-alikes: the days are the subject's
		{"The list of 14 February was not the first, was it?", []int32{feb14}},
		{"It's not the first list: the names from 14 February were the first.", []int32{feb14}},
		{"Sanctions were not announced on 14 February.", []int32{feb14}},
	} {
		if got := anchorStarts(c.text, d0); !slices.Equal(got, c.want) {
			t.Errorf("%q: anchors from %v, want %v", c.text, got, c.want)
		}
	}
}

// roundsCatalogue has two rounds of sanctions on one group, on 14
// February and 20 March 2024, and the filler; without drops one.
func roundsCatalogue(without string) *Catalogue {
	feb, mar := time.Date(2024, 2, 14, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC)
	var rels []Release
	for _, r := range []Release{
		{ID: "february", Published: feb, DateOnly: true, Topics: []string{"sanctions"},
			Title: "UK sanctions Red Hand leadership",
			Body:  "The UK has sanctioned four leaders of the Red Hand militia in Borduria, including its commander Ivo Brandt, freezing their assets."},
		{ID: "march", Published: mar, DateOnly: true, Topics: []string{"sanctions"},
			Title: "UK targets Red Hand financiers with new sanctions",
			Body:  "The UK has sanctioned six financiers and leaders of the Red Hand militia in Borduria, cutting off the money behind its attacks."},
	} {
		if r.ID != without {
			rels = append(rels, r)
		}
	}
	return NewCatalogue(append(rels, fillerReleases(mar)...), time.UTC)
}

// TestLinkNotAboutDays: the second round's chaser that sets the first
// aside ("today's round I'm after, not the February one - I already have
// the list from 14 February") is about today's round; with today's
// release missing the first round is not linked (endev7 021, its release
// left out, took the November Hamas sanctions at p 0.98).
func TestLinkNotAboutDays(t *testing.T) {
	in := Input{Subject: "Red Hand sanctions - names",
		NewText: "To be clear, it's today's round I'm after, not the February one - I already have the Brandt list from 14 February. " +
			"Can you send me the names of the financiers and leaders sanctioned today?",
		Date: at3339(t, "2024-03-20T15:00:00Z"), Language: "en"}
	if l := roundsCatalogue("").Link(&in); l.Release != "march" {
		t.Errorf("both rounds: linked %q (%.2f, %s), want today's", l.Release, l.Score, l.Detail)
	}
	l := roundsCatalogue("march").Link(&in)
	if l.Release != "" {
		t.Errorf("today's round missing: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
	t.Logf("today's round missing: %.2f (%s)", l.Score, l.Detail)
}
