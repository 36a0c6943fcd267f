package routing

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// spelledOutWordByWord is spelledOut as first written: every word of the
// text tried in turn. The faster one jumps to the acronym's first letter
// and must find the same run.
func spelledOutWordByWord(text, a string) string {
	for i := 0; i < len(text); {
		s, e := nextWordDecoding(text, i)
		if s < 0 {
			return ""
		}
		i = e
		if text[s] != a[0] {
			continue
		}
		k, end := 0, s
		for j := s; k < len(a); {
			ws, we := nextWordDecoding(text, j)
			if ws < 0 {
				break
			}
			w := text[ws:we]
			if k > 0 && isAcronymStop(w) {
				j = we
				continue
			}
			if w[0] != a[k] || allUpperASCII(w) {
				break
			}
			k, end, j = k+1, we, we
		}
		if k == len(a) {
			return text[s:end]
		}
	}
	return ""
}

// nextWordDecoding is nextWord decoding every rune (no ASCII fast path).
func nextWordDecoding(text string, i int) (int, int) {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return -1, -1
	}
	s := i
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return s, i
}

var spelledOutCases = []struct{ text, a string }{
	{"the Global Combat Air Programme (GCAP) is", "GCAP"},
	{"Kosovo Force, KFOR, and the Kosovo Force", "KFOR"},
	{"ÜGlobal Combat Air Programme GCAP", "GCAP"},
	{"aGlobal Combat Air Programme", "GCAP"},
	{"the Foreign, Commonwealth and Development Office FCDO", "FCDO"},
	{"Gaza Combat ÉAir Programme, Global Combat Air Programme", "GCAP"},
	{"GCAP only", "GCAP"},
	{"", "NATO"},
	{"North Atlantic Treaty Organization", "NATO"},
	{"Ñorth Atlantic Treaty Organization; North Atlantic Treaty Organisation", "NATO"},
}

func TestSpelledOutSameAsWordByWord(t *testing.T) {
	for _, c := range spelledOutCases {
		if got, want := spelledOut(c.text, c.a), spelledOutWordByWord(c.text, c.a); got != want {
			t.Errorf("spelledOut(%q, %q) = %q, word by word %q", c.text, c.a, got, want)
		}
		for i := 0; i <= len(c.text); i++ {
			s1, e1 := nextWord(c.text, i)
			s2, e2 := nextWordDecoding(c.text, i)
			if s1 != s2 || e1 != e2 {
				t.Errorf("nextWord(%q, %d) = %d,%d, decoding %d,%d", c.text, i, s1, e1, s2, e2)
			}
		}
	}
}

func FuzzSpelledOut(f *testing.F) {
	for _, c := range spelledOutCases {
		f.Add(c.text, c.a)
	}
	f.Fuzz(func(t *testing.T, text, a string) {
		if len(a) < 3 || len(a) > 6 || !allUpperASCII(a) {
			return
		}
		if got, want := spelledOut(text, a), spelledOutWordByWord(text, a); got != want {
			t.Fatalf("spelledOut(%q, %q) = %q, word by word %q", text, a, got, want)
		}
		s1, e1 := nextWord(text, 0)
		s2, e2 := nextWordDecoding(text, 0)
		if s1 != s2 || e1 != e2 {
			t.Fatalf("nextWord(%q) = %d,%d, decoding %d,%d", text, s1, e1, s2, e2)
		}
	})
}
