package routing

import (
	"bytes"
	"unicode/utf8"
)

// Topics in the journalist's language (issue 11). An enquiry in another
// language is read for its topic through the same per-language vocabulary
// the linker reads it with (lang/data/vocab/<code>.json, compiled in
// xlate.go): each of its words that the vocabulary knows is read as the
// English it gives ("Sanktionen" as "sanctions", "migrantëve" as
// "migrants", "Ägypten" as "Egypt"), so the desk's keywords, the related
// terms of topiclex.yaml and the regional names meet it as they meet an
// English enquiry, and the reason names the word as written ("migrants" in
// question, as "migranteve"). Names and figures need no vocabulary: the
// tokeniser folds diacritics and spells Cyrillic and Greek in Latin.
//
// Only the vocabulary of the message's own language is used (bs and hr
// read with sr's when they have none of their own), and none for English
// or a language not told: a word of one language is often another word in
// another ("aide" is aid in French, a person in English), and an English
// enquiry reads exactly as before.

// topicGloss reads the words of one message's language as English; the
// zero topicGloss reads none.
type topicGloss struct {
	vt *vocabTable
	// clitics are the language's proclitics, tried off a word its
	// vocabulary does not know (Arabic "لإجلاء", for evacuation, is
	// "ل" + "إجلاء").
	clitics []string
	// suffixes are its plural endings, tried off the same way.
	suffixes []string
}

// arabicProclitics are Arabic's conjunctions, prepositions and article
// written as one word with the next, longest first; the vocabulary lists
// a word bare or with its article "ال".
var arabicProclitics = []string{"وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"}

// arabicPlurals are Arabic's sound plural endings.
var arabicPlurals = []string{"ين", "ون", "ات"}

// glossFor returns the gloss for a message in language code.
func glossFor(code string) topicGloss {
	switch code {
	case "", "en":
		return topicGloss{}
	}
	if vt, ok := vocabByLang[code]; ok {
		g := topicGloss{vt: vt}
		if code == "ar" {
			g.clitics, g.suffixes = arabicProclitics, arabicPlurals
		}
		return g
	}
	switch code {
	case "bs", "hr", "me", "sh":
		return topicGloss{vt: vocabByLang["sr"]}
	}
	return topicGloss{}
}

// glossTerm is one English term a word reads as: its stem (the index
// term) and its root (see topicRoot).
type glossTerm struct{ stem, root []byte }

// translate returns the English terms of folded word w (nil: none, or no
// vocabulary).
func (g topicGloss) translate(w []byte) []glossTerm {
	if g.vt == nil {
		return nil
	}
	en := g.lookup(w)
	if len(en) == 0 {
		return nil
	}
	out := make([]glossTerm, len(en))
	for i, e := range en {
		b := []byte(e)
		out[i] = glossTerm{stem: b, root: topicRootBytes(b)}
	}
	return out
}

// lookup is the vocabulary's English for w or, for a language with
// clitics, for w without its proclitic and plural ending, bare or with
// the article: Arabic "البريطانيين" (the British, plural) is "ال" +
// "بريطاني" + "ين".
func (g topicGloss) lookup(w []byte) []string {
	if en := g.vt.translate(w); en != nil || len(g.clitics) == 0 {
		return en
	}
	try := func(stem []byte) []string {
		if utf8.RuneCount(stem) < 3 {
			return nil
		}
		if en := g.vt.translate(stem); en != nil {
			return en
		}
		return g.vt.translate(append([]byte("ال"), stem...))
	}
	for _, c := range append(g.clitics, "") {
		rest, ok := bytes.CutPrefix(w, []byte(c))
		if !ok {
			continue
		}
		if c != "" {
			if en := try(rest); en != nil {
				return en
			}
		}
		for _, suf := range g.suffixes {
			if stem, ok := bytes.CutSuffix(rest, []byte(suf)); ok {
				if en := try(stem); en != nil {
					return en
				}
			}
		}
	}
	return nil
}

// asks reports whether folded word w reads as a word that asks the desk
// for something ("bestätigen" as "confirm").
func (g topicGloss) asks(w []byte) bool {
	if g.vt == nil {
		return false
	}
	for _, e := range g.lookup(w) {
		if isRequestWord([]byte(e)) {
			return true
		}
	}
	return false
}

// reorderPairs puts two translated words that make one of the desk's
// two-word phrases in reverse order back in English order: Albanian
// "varka të vogla", Arabic "مساعدات إنسانية" read "boats (të) small",
// "aid humanitarian"; the phrase is "small boats", "humanitarian aid". A
// short untranslated word between them (a particle such as "të", "de")
// moves after the pair.
func (t *Topics) reorderPairs(sc *topicScan) {
	var key []byte
	for i := 0; i+1 < len(sc.roots); i++ {
		j := i + 1
		if sc.origs[j] == nil && len(sc.roots[j]) <= 3 && j+1 < len(sc.roots) {
			j++
		}
		if sc.origs[i] == nil || sc.origs[j] == nil || sc.sents[i] != sc.sents[j] {
			continue
		}
		key = append(append(append(key[:0], sc.roots[i]...), ' '), sc.roots[j]...)
		if !t.pairs[string(key)] {
			continue
		}
		// rotate [i, gap…, j] to [j, i, gap…]
		sc.caps[i], sc.caps[j] = sc.caps[j], sc.caps[i]
		for _, s := range [][][]byte{sc.roots, sc.stems, sc.words} { // (origs stay: the reason quotes the words as written)
			last := s[j]
			copy(s[i+1:j+1], s[i:j])
			s[i] = last
		}
		i = j
	}
}

// spanOrig returns the words of another language that n terms from i were
// read from, space-separated (nil when all are English).
func spanOrig(origs [][]byte, i, n int) []byte {
	if n == 1 {
		return origs[i]
	}
	var out, prev []byte
	for _, o := range origs[i : i+n] {
		if o == nil || string(o) == string(prev) {
			continue // English, or one word read as two ("außenminister")
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out, prev = append(out, o...), o
	}
	return out
}

// unicased reports whether folded word w is in a script without capitals
// (Arabic), where a name cannot show itself by one.
func unicased(w []byte) bool {
	r, _ := utf8.DecodeRune(w)
	return r >= 0x600 && r < 0x700
}
