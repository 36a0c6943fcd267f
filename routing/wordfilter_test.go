package routing

import (
	"testing"

	"github.com/mediadesk/mediadesk/config"
)

// TestWordFilters checks the pre-checks never rule out a word of their
// set (which would change a lookup's answer).
func TestWordFilters(t *testing.T) {
	for w := range stopwords {
		if !stopwordFilter.MayHave([]byte(w)) {
			t.Errorf("stopword %q filtered out", w)
		}
	}
	cfg, err := config.Load("testdata/desk.yaml", config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tp := NewTopics(cfg)
	for w := range tp.first {
		if !tp.firstFilter.MayHave([]byte(w)) {
			t.Errorf("phrase root %q filtered out", w)
		}
	}
	var f wordFilter
	f.Add("sanction")
	if f.MayHave([]byte("troops")) || !f.MayHave([]byte("sanction")) {
		t.Errorf("filter: troops %v, sanction %v", f.MayHave([]byte("troops")), f.MayHave([]byte("sanction")))
	}
}
