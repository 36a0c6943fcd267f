package wordfilter

import "testing"

// TestFilter: every word added is "maybe"; most others are "no".
func TestFilter(t *testing.T) {
	var f Filter
	words := []string{"monday", "by", "deadline", "o'clock", "a", "mär"}
	for _, w := range words {
		f.Add(w)
	}
	for _, w := range words {
		if !f.MayHave([]byte(w)) {
			t.Errorf("%q filtered out", w)
		}
	}
	if !f.MayHave(nil) {
		t.Error("the empty word is not maybe")
	}
	no := 0
	for _, w := range []string{"release", "minister", "sanctions", "kosovo", "statement", "embassy", "visit", "trade"} {
		if !f.MayHave([]byte(w)) {
			no++
		}
	}
	if no < 6 {
		t.Errorf("only %d of 8 other words ruled out", no)
	}
}
