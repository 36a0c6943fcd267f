package routing

import "testing"

// TestSiblingNamesUnmet: the release a chaser's quoted history is guessed
// to be about, whose title names someone or somewhere rare the thread
// never mentions, is not its subject only because it meets more of its
// other title words than the same day's sibling (mldev9 023, Albanian: "the
// return hubs the two prime ministers discussed today", guessed the PM's
// meeting with President Begaj at 0.85, not the migration release of the
// same visit). The sibling must be the runner-up, of the same day and not
// put back by the days named; the title match below siblingTitleMatch, the
// cover below titleUnmetCover.
func TestSiblingNamesUnmet(t *testing.T) {
	c := deployAndCallCatalogue(true)
	doc := map[string]int32{}
	for i, r := range c.releases {
		doc[r.ID] = int32(i)
	}
	const unmet = "Did the Prime Minister speak about the hostages in Strelsau this morning? We still need an answer."
	for _, tc := range []struct {
		name, text   string
		title, cover float32
		second       string // "" none
		anchor2      int8
		want         bool
	}{
		{"name unmet, sibling second", unmet, 0.3, 0.2, "call", 0, true},
		{"name met", "Did the ships sent to Eastern Zembla in support of Strelsau carry aid for the hostages?", 0.3, 0.2, "call", 0, false},
		{"no runner-up", unmet, 0.3, 0.2, "", 0, false},
		{"runner-up of another day", unmet, 0.3, 0.2, "other-03", 0, false},
		{"sibling put back by the days", unmet, 0.3, 0.2, "call", -1, false},
		{"title well met", unmet, 0.55, 0.2, "call", 0, false},
		{"cover high", unmet, 0.3, 0.4, "call", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{Subject: "Re: hostages", NewText: tc.text, Date: at3339(t, "2023-10-13T15:00:00Z"), Language: "en"}
			sc, done := englishQuery(c, &in)
			defer done()
			best := &cand{doc: doc["deploy"], title: tc.title, cover: tc.cover}
			var second *cand
			if tc.second != "" {
				second = &cand{doc: doc[tc.second], anchor: tc.anchor2}
			}
			if got := c.siblingNamesUnmet(sc, best, second); got != tc.want {
				t.Errorf("siblingNamesUnmet = %v, want %v", got, tc.want)
			}
		})
	}
}
