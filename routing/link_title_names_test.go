package routing

import (
	"testing"
	"time"
)

// deployAndCallCatalogue has a deployment of the day (its title naming
// Eastern Zembla), the PM's call with a leader of the same day when call
// is set, and the filler.
func deployAndCallCatalogue(call bool) *Catalogue {
	day := time.Date(2023, 10, 13, 0, 0, 0, 0, time.UTC)
	rels := []Release{{ID: "deploy", Published: day, DateOnly: true, Topics: []string{"defence"},
		Title: "UK deploys military to Eastern Zembla to support Strelsau",
		Body: "The Prime Minister has ordered ships and aircraft to Eastern Zembla in support of Strelsau. " +
			"The deployment to Zembla will help to prevent escalation, he said after talks with leaders about the hostages."}}
	if call {
		rels = append(rels, Release{ID: "call", Published: day, DateOnly: true, Topics: []string{"middle-east"},
			Title: "Rishi Sunak call with Prime Minister Elphberg of Strelsau",
			Body: "The Prime Minister spoke to Prime Minister Elphberg of Strelsau this morning. " +
				"They discussed the hostages and the humanitarian situation, and the Prime Minister offered support."})
	}
	return NewCatalogue(append(rels, fillerReleases(day)...), time.UTC)
}

// TestTitleNamesUnmet: a release whose title names somewhere rare the
// enquiry never mentions, while the enquiry meets little of its title
// and it covers little of the enquiry, is not the enquiry's subject
// (with the PM's call with Netanyahu left out, the same day's Eastern
// Mediterranean deployment took enquiries about the call at p 0.91-0.99:
// tuning 008, endev5 004; TestLeaveOneOutConfidentWrong).
func TestTitleNamesUnmet(t *testing.T) {
	c := deployAndCallCatalogue(false)
	for _, tc := range []struct {
		name, text   string
		title, cover float32
		want         bool
	}{
		{"name unmet", "What did the Prime Minister tell Elphberg about the hostages in Strelsau this morning?", 0.05, 0.2, true},
		{"name met", "What did the Prime Minister tell Elphberg about the hostages and the ships sent to Eastern Zembla in support of Strelsau?", 0.05, 0.2, false},
		{"title met", "What did the Prime Minister tell Elphberg about the hostages in Strelsau this morning?", 0.2, 0.2, false},
		{"cover high", "What did the Prime Minister tell Elphberg about the hostages in Strelsau this morning?", 0.05, 0.4, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Subject: "PM call", NewText: tc.text, Date: at3339(t, "2023-10-13T15:00:00Z"), Language: "en"}
			sc, done := englishQuery(c, &in)
			defer done()
			if c.releases[0].ID != "deploy" {
				t.Fatalf("release 0 is %s", c.releases[0].ID)
			}
			cd := &cand{doc: 0, title: tc.title, cover: tc.cover}
			if got := c.titleNamesUnmet(sc, cd); got != tc.want {
				t.Errorf("titleNamesUnmet = %v, want %v", got, tc.want)
			}
		})
	}
}
