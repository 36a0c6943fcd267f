package routing

import (
	"testing"
	"time"
)

// TestYearOnly: a calendar date of 1 January is a date known only to its
// year; another day, or 1 January with a time, is a day.
func TestYearOnly(t *testing.T) {
	for _, c := range []struct {
		name string
		r    Release
		want bool
	}{
		{"1 January, no time", Release{Published: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), DateOnly: true}, true},
		{"2 January, no time", Release{Published: time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC), DateOnly: true}, false},
		{"1 December, no time", Release{Published: time.Date(2017, 12, 1, 0, 0, 0, 0, time.UTC), DateOnly: true}, false},
		{"1 January at 10:00", Release{Published: time.Date(2017, 1, 1, 10, 0, 0, 0, time.UTC)}, false},
	} {
		if got := yearOnly(&c.r); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// sanctionsCatalogue has an embassy's comment on sanctions against a
// regional president dated published (as a source that knows only the
// year writes it, 1 January, or a day), a statement on the region's
// elections a month before, and the filler.
func sanctionsCatalogue(published time.Time) *Catalogue {
	rels := []Release{
		{ID: "sanctions", Published: published, DateOnly: true, Topics: []string{"europe"},
			Title: "Comment on the US sanctions against Borduria's President Vlad",
			Body: "The British Embassy in Szohod made a statement on US sanctions against President Vlad of Borduria " +
				"in response to concerns about his undermining of the authority of the state institutions."},
		{ID: "elections", Published: time.Date(2016, 12, 10, 0, 0, 0, 0, time.UTC), DateOnly: true, Topics: []string{"europe"},
			Title: "Statement on the elections in Borduria",
			Body:  "The UK welcomes the peaceful conduct of the elections in Borduria and calls on all parties to respect the result."},
	}
	return NewCatalogue(append(rels, fillerReleases(time.Date(2017, 1, 19, 0, 0, 0, 0, time.UTC))...), time.UTC)
}

// TestLinkYearOnly: a release known only to its year (dated 1 January)
// is neither put back for a day of its year the email names nor aged from
// 1 January (mldev7 016, Serbian: the Embassy's 2017 comment on the US
// sanctions against Dodik, asked on 19 January with "9. januara" named:
// p 0.01 -> 0.93; 017 and 026, Kosovo troops asked days into 2021 and
// 2017: 0.60 -> 0.83, 0.52 -> 0.73). Dated a day, the same release is
// still put back for the day named (here p 0.08, unlinked).
func TestLinkYearOnly(t *testing.T) {
	in := Input{Subject: "Sanctions against President Vlad",
		NewText: "Will the UK join the US sanctions against President Vlad of Borduria? How does London view the " +
			"celebrations of 9 January? Our deadline is 2pm.",
		Date: at3339(t, "2017-01-19T10:02:33+01:00"), Language: "en"}
	l := sanctionsCatalogue(time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)).Link(&in)
	if l.Release != "sanctions" {
		t.Errorf("known only to its year: linked %q (%.2f, %s), want the sanctions comment", l.Release, l.Score, l.Detail)
	}
	t.Logf("known only to its year: %.2f (%s)", l.Score, l.Detail)
	l = sanctionsCatalogue(time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)).Link(&in)
	if l.Release == "sanctions" {
		t.Errorf("dated 2 January, a week before the day named: linked (%.2f, %s), want none", l.Score, l.Detail)
	}
	t.Logf("dated a day: %.2f (%s)", l.Score, l.Detail)
}
