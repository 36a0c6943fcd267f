package routing

import "testing"

// TestMarkQuestions: questions that end in the Arabic or Greek question
// mark are the question focus, as those ending in '?' are.
func TestMarkQuestions(t *testing.T) {
	for _, c := range []struct {
		code, text string
		want       string // one flag per token: q in the question, . outside
	}{
		{"ar", "مرحبا. هل ستفرض بريطانيا عقوبات جديدة؟ شكرا", ".qqqqq."},
		{"el", "Καλημέρα. Υπάρχουν πτήσεις εκκένωσης; Ευχαριστώ", ".qqq."},
		{"el", "Καλημέρα. Υπάρχουν πτήσεις εκκένωσης\u037e Ευχαριστώ", ".qqq."},
		{"de", "Guten Tag; wir schreiben.", "...."},
		{"en", "Hello. Is it open? Thanks", "....."}, // '?' is the tokeniser's
	} {
		var tz, scratch tokenizer
		tz.tokenize(c.text)
		focus := make([]bool, len(tz.toks))
		markQuestions(c.text, c.code, focus, &scratch)
		got := make([]byte, len(focus))
		for i, f := range focus {
			got[i] = '.'
			if f {
				got[i] = 'q'
			}
		}
		if string(got) != c.want {
			t.Errorf("%s %q: %s, want %s", c.code, c.text, got, c.want)
		}
	}
}
