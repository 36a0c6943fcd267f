package routing

import (
	"testing"
	"time"
)

// TestLinkSeriesOtherName: the series rule does not pick the day's member
// of a series when the email names someone no release knows, written as
// a name is ("President Zapolya of Ruritania" is not the day's call with
// Prime Minister Rassendyll of Ruritania; a probe on Herzog took the
// Netanyahu call of the day at p 0.8); acronyms no release knows
// ("UNRWA", "PA's") are questions beyond the readout and leave it
// (TestLinkSeries).
func TestLinkSeriesOtherName(t *testing.T) {
	cat := seriesCatalogue(time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC), time.Date(2024, 7, 8, 0, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		name, subject, text, want string
	}{
		{"another leader of the country", "PM / Zapolya call",
			"Did the PM speak to President Zapolya of Ruritania yesterday morning? We are told there was a call.", ""},
		{"the series' leader, and acronyms", "PM / Rassendyll call",
			"The readout of yesterday morning's call between the PM and Rassendyll mentions the PA's finances - did the PM raise the UNRWA funding decision?",
			"call-2024-07-08"},
	} {
		in := Input{Subject: c.subject, NewText: c.text, Date: at3339(t, "2024-07-08T12:15:44+01:00"), Language: "en"}
		l := cat.Link(&in)
		if l.Release != c.want {
			t.Errorf("%s: linked %q (%.2f, %s), want %q", c.name, l.Release, l.Score, l.Detail, c.want)
		}
		t.Logf("%s: %q %.2f (%s)", c.name, l.Release, l.Score, l.Detail)
	}
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"did the PM raise the UNRWA funding decision?", "unrwa", true},
		{"the PA's finances", "pa", true},
		{"President Herzog of Israel", "herzog", false},
		{"the Pacific", "pa", false},
	} {
		if got := acronymIn(c.text, []byte(c.word)); got != c.want {
			t.Errorf("acronymIn(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
	}
}
