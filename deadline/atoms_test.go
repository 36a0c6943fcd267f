package deadline

import (
	"strings"
	"testing"
	"time"
)

// TestAtomStartWords checks that no parser starts an atom from a word of
// the vocabulary outside atomStartWords, weekdays, months and numbers
// (parseAtoms passes such words over), whatever follows it.
func TestAtomStartWords(t *testing.T) {
	sent := time.Date(2023, 11, 22, 10, 0, 0, 0, time.UTC)
	contexts := []string{"", " 22nd", " 22nd of November", " 4pm", " 4", " 4.30", " 16:00", " thing", " thing in the morning", " day",
		" of day", " of play", " of the week", " two hours", " the hour", " the next hour", " next hour", " past four", " to five",
		" Friday", " next Friday", " o'clock", " pm", " 10am", " 2023-11-22", " 22/11", ". m.", " an hour", " 30 minutes"}
	var sc scanner
	n := 0
	for w, e := range vocab {
		if e.cls&(clsAtomStart|clsWeekday|clsMonth|clsNumber) != 0 || len(w) == 1 {
			continue
		}
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			for _, ctx := range contexts {
				sc.reset(form+ctx, sent, time.UTC)
				sc.tokenize()
				sc.markBreaks()
				if len(sc.toks) == 0 || sc.toks[0].kind != tkWord {
					continue
				}
				var a atom
				if sc.parseRelative(0, &a) || sc.parseNamed(0, &a) || sc.parseDate(0, &a) || sc.parseWordClock(0, &a) {
					t.Errorf("%q starts an atom in %q but is not an atom start word", w, form+ctx)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("nothing checked")
	}
}
