package routing

import (
	"strings"
	"testing"
	"time"
)

// seriesCatalogue has the PM's calls with one leader on the days given
// (titled alike but for the date), a statement on the same leader's
// country on the last day, and the filler.
func seriesCatalogue(days ...time.Time) *Catalogue {
	var rels []Release
	for _, d := range days {
		rels = append(rels, Release{ID: "call-" + d.Format("2006-01-02"), Published: d, DateOnly: true, Topics: []string{"middle-east"},
			Title: "PM call with Prime Minister Rassendyll of Ruritania (" + d.AddDate(0, 0, -1).Format("2 January 2006") + ")",
			Body: "The Prime Minister spoke to Prime Minister Rudolf Rassendyll yesterday morning. The leaders discussed regional " +
				"security, the need for a ceasefire and the return of hostages, and agreed to stay in close touch."})
	}
	last := days[len(days)-1]
	// calls with other leaders, naming Rassendyll, months before: "call"
	// and his name are common words of the catalogue
	for i, leader := range []string{"Elphberg of Borduria", "Sapt of Syldavia", "Tarlenheim of Zenda", "Hentzau of Graustark", "Flavia of Carpathia", "Michael of Strelsau"} {
		d := last.AddDate(0, 0, -100-7*i)
		rels = append(rels, Release{ID: "other-call-" + d.Format("2006-01-02"), Published: d, DateOnly: true, Topics: []string{"europe"},
			Title: "PM call with President " + leader,
			Body:  "The Prime Minister spoke to President " + leader + " this morning about trade and security, and the conflict involving Prime Minister Rassendyll's government."})
	}
	rels = append(rels, Release{ID: "statement", Published: last, DateOnly: true, Topics: []string{"middle-east"},
		Title: "Statement on the situation in Borduria",
		Body:  "The UK calls for restraint on the border between Ruritania and Borduria and for humanitarian access."})
	return NewCatalogue(append(rels, fillerReleases(last)...), time.UTC)
}

// seriesEnquiry asks about the call of the day before 8 July with words
// the readouts do not use (dldev5 029, Channel 4 News: "The readout of
// yesterday morning's call between the new PM and Netanyahu mentions the
// PA's finances and the withholding of funds - did the PM raise the UNRWA
// funding decision, and is a review of arms export licences on the
// table?").
func seriesEnquiry(t *testing.T) Input {
	return Input{Subject: "PM / Rassendyll call",
		NewText: "The readout of yesterday morning's call between the new PM and Rassendyll mentions the PA's finances " +
			"and the withholding of funds - did the PM raise the UNRWA funding decision, and is a review of arms export " +
			"licences on the table? " +
			"P.S. We're pre-recording at 5 so anything by 4.15 would be ideal.",
		Date: at3339(t, "2024-07-08T12:15:44+01:00"), Language: "en"}
}

// TestLinkSeries: a release of a series (the PM's calls with one leader)
// is linked when the day the email names picks it and the runner-up is
// the same series on another day, though the email says little else the
// readout says (dldev5 029: p 0.47 -> 0.8). The call alone, with no
// other of its series to say the email's words are the series', stays
// unlinked; and with the call of the day left out (a feed lag) the call
// of another day is not linked.
func TestLinkSeries(t *testing.T) {
	jul8 := time.Date(2024, 7, 8, 0, 0, 0, 0, time.UTC)
	jun10 := time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)
	in := seriesEnquiry(t)
	l := seriesCatalogue(jun10, jul8).Link(&in)
	if l.Release != "call-2024-07-08" || !strings.Contains(l.Detail, "titled alike") {
		t.Errorf("the series' call of the day named: linked %q (%.2f, %s), want call-2024-07-08 by the series rule", l.Release, l.Score, l.Detail)
	}
	t.Logf("the series: %q %.2f (%s)", l.Release, l.Score, l.Detail)
	l = seriesCatalogue(jul8).Link(&in)
	if l.Release != "" {
		t.Errorf("the call alone: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
	t.Logf("the call alone: %.2f (%s)", l.Score, l.Detail)
	l = seriesCatalogue(jun10).Link(&in)
	if l.Release != "" {
		t.Errorf("the call of the day left out: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
}

// TestSameTitle: the share of two titles' words (figures aside) both
// hold.
func TestSameTitle(t *testing.T) {
	c := seriesCatalogue(time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC), time.Date(2024, 7, 8, 0, 0, 0, 0, time.UTC))
	doc := func(id string) int32 {
		for i := range c.releases {
			if c.releases[i].ID == id {
				return int32(i)
			}
		}
		t.Fatalf("no release %s", id)
		return -1
	}
	if s := c.sameTitle(doc("call-2024-06-10"), doc("call-2024-07-08")); s != 1 {
		t.Errorf("two calls titled alike but for the date: %.2f, want 1", s)
	}
	if s := c.sameTitle(doc("call-2024-07-08"), doc("statement")); s >= seriesTitle {
		t.Errorf("a call and a statement: %.2f, want below %.2f", s, seriesTitle)
	}
}
