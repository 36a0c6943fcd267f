package routing

import (
	"testing"

	"github.com/mediadesk/mediadesk/config"
)

// TestWordFilters checks the pre-checks never rule out a word of their
// set (which would change a lookup's answer).
func TestWordFilters(t *testing.T) {
	for w := range stopwords {
		if !stopwordFilter.mayHave([]byte(w)) {
			t.Errorf("stopword %q filtered out", w)
		}
	}
	for w := range vocab {
		if !vocabFilter.mayHave([]byte(w)) {
			t.Errorf("deadline word %q filtered out", w)
		}
	}
	cfg, err := config.Load("testdata/desk.yaml", config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tp := NewTopics(cfg)
	for w := range tp.first {
		if !tp.firstFilter.mayHave([]byte(w)) {
			t.Errorf("phrase root %q filtered out", w)
		}
	}
	var f wordFilter
	f.add("sanction")
	if f.mayHave([]byte("troops")) || !f.mayHave([]byte("sanction")) {
		t.Errorf("filter: troops %v, sanction %v", f.mayHave([]byte("troops")), f.mayHave([]byte("sanction")))
	}
}
