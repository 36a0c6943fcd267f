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

// TestThematicGloss: the words of the thematic and functional families
// the linker's vocabulary lacks read as the family's English in every
// language (topiclex_lang.json), so that question-led topics work as
// they do in English (the linker's vocabulary, read first, gives some:
// "Soldaten" as "troops").
func TestThematicGloss(t *testing.T) {
	for _, c := range []struct{ code, word, want string }{
		{"de", "Soldaten", "troop"},
		{"de", "Kriegsschiffe", "warship"},
		{"fr", "frégates", "frigat"},
		{"es", "aranceles", "tariff"},
		{"it", "pattugliamento", "patrol"},
		{"pt", "Marinha", "navy"},
		{"nl", "luchtmacht", "air"},
		{"pl", "żołnierzy", "troop"},
		{"ru", "пошлины", "tariff"},
		{"uk", "експорту", "export"},
		{"el", "περιπολίες", "patrol"},
		{"tr", "vizesi", "visa"},
		{"sq", "ushtrisë", "military"},
		{"sr", "mornarica", "navy"},
		{"bs", "vojnici", "troop"},
		{"ar", "الجيش", "military"},
	} {
		var tz tokenizer
		tz.tokenize(c.word)
		got := glossFor(c.code).translate(tz.word(0))
		ok := false
		for _, g := range got {
			ok = ok || string(g.root) == c.want || string(g.stem) == c.want
		}
		if !ok {
			var s []string
			for _, g := range got {
				s = append(s, string(g.stem)+"/"+string(g.root))
			}
			t.Errorf("%s %q reads as %v, want %q", c.code, c.word, s, c.want)
		}
	}
}
