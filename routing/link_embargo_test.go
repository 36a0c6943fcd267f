package routing

import (
	"testing"
	"time"
)

// TestPressEmbargo: the words that speak of a press embargo (a release
// held until a stated time), not of an embargo on trade or arms.
func TestPressEmbargo(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"EMBARGOED - PM Albania visit / JMTF expansion", true},
		{"On the release under embargo until 00:01 Thursday about the PM's visit", true},
		{"Is it a hard embargo, or can broadcasters trail it from 22:30?", true},
		{"When does the embargo lift? The embargo time on the notice says 00:01.", true},
		{"Nos confrères reçoivent les communiqués sous embargo la veille au soir.", true},
		{"Die Mitteilung steht unter Sperrfrist bis Donnerstag.", true},
		{"Will the UK back an arms embargo on Israel?", false},
		{"The sanctions include travel bans, asset freezes and arms embargoes.", false},
		{"Is an oil embargo against Russia on the table?", false},
		{"How many officers will the expanded task force have?", false},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		if got := pressEmbargo(&tz); got != c.want {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

// embargoCatalogue has the release on the PM's visit and the expanded
// task force published (by date) the day after evening, a readout of a
// meeting of the same visit that day, another task force release a month
// before it, and the filler.
func embargoCatalogue(evening time.Time) *Catalogue {
	next := time.Date(evening.Year(), evening.Month(), evening.Day()+1, 0, 0, 0, 0, time.UTC)
	rels := []Release{
		{ID: "taskforce", Published: next, DateOnly: true, Topics: []string{"migration"},
			Title: "UK to clamp down on criminal networks in Ruritania",
			Body: "The Prime Minister visits Ruritania today and announces that the Joint Migration Task Force will expand " +
				"across the region, with more UK officers working alongside Ruritanian police against smuggling gangs."},
		{ID: "readout", Published: next, DateOnly: true, Topics: []string{"europe"},
			Title: "PM meeting with President Elphberg of Ruritania",
			Body:  "The Prime Minister met President Elphberg of Ruritania in Strelsau today and discussed trade and energy."},
		{ID: "earlier", Published: next.AddDate(0, -1, 0), DateOnly: true, Topics: []string{"migration"},
			Title: "UK to tackle migrant transit through Ruritania",
			Body:  "The Foreign Secretary announced funding to tackle migrant transit through Ruritania and the region."},
	}
	return NewCatalogue(append(rels, fillerReleases(evening)...), time.UTC)
}

// TestLinkEmbargo: an enquiry about a release it holds under embargo,
// sent the evening before the release comes out, is about that release
// (dldev5 030: "On the release under embargo until 00:01 Thursday about
// the PM's visit to Albania and expanding the Joint Migration Task
// Force", sent on Wednesday at 21:40, p 0.03 on the release a month
// before -> 0.98 on Thursday's); without words of an embargo, or with an
// embargo on arms, a release after the email is none it can be about.
func TestLinkEmbargo(t *testing.T) {
	evening := at3339(t, "2025-05-14T21:40:06+01:00")
	questions := " the PM's visit to Ruritania and expanding the Joint Migration Task Force across the region: " +
		"how many UK officers will the expanded task force have, and in which countries?"
	for _, c := range []struct {
		name, subject, text string
		want                string
	}{
		{"under embargo", "EMBARGOED - PM Ruritania visit / task force", "On the release under embargo until 00:01 Thursday about" + questions, "taskforce"},
		{"no embargo named", "PM Ruritania visit / task force", "On" + questions, ""},
		{"an arms embargo", "PM Ruritania visit / task force", "Beside the arms embargo, on" + questions, ""},
	} {
		in := Input{Subject: c.subject, NewText: c.text, Date: evening, Language: "en"}
		l := embargoCatalogue(evening).Link(&in)
		if l.Release == "taskforce" && c.want == "" || c.want != "" && l.Release != c.want {
			t.Errorf("%s: linked %q (%.2f, %s), want %q", c.name, l.Release, l.Score, l.Detail, c.want)
		}
		t.Logf("%s: %q %.2f", c.name, l.Release, l.Score)
	}
	// Two days on, the embargo's horizon has passed: no release three
	// days after the email is eligible.
	in := Input{Subject: "EMBARGOED - PM Ruritania visit / task force", NewText: "On the release under embargo about" + questions,
		Date: evening.AddDate(0, 0, -3), Language: "en"}
	if l := embargoCatalogue(evening).Link(&in); l.Release == "taskforce" || l.Release == "readout" {
		t.Errorf("three days before the release: linked %q (%.2f, %s), want none of its day", l.Release, l.Score, l.Detail)
	}
}
