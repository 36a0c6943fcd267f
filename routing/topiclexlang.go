package routing

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/lang"
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
	// desk reads the words of the desk's own business (topiclex_lang.json)
	desk *deskWords
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
		g := topicGloss{vt: vt, desk: deskVocab[code]}
		if code == "ar" {
			g.clitics, g.suffixes = arabicProclitics, arabicPlurals
		}
		return g
	}
	switch code {
	case "bs", "hr", "me", "sh":
		return topicGloss{vt: vocabByLang["sr"], desk: deskVocab["sr"]}
	}
	return topicGloss{}
}

// glossTerm is one English term a word reads as: its stem (the index
// term) and its root (see topicRoot).
type glossTerm struct {
	stem, root []byte
	// word: the vocabulary wrote this English as one word (oneWordTerms)
	word bool
}

// oneWordTerms marks the English of the vocabularies' entries written as
// one word ("voyage*": "travel"), by the address of its one term in the
// linker's tables (vocabByLang, whose slices the merged table shares):
// such a word is that word, never a phrase of the desk's whose other
// words are stopwords ("against all travel", "out of hours"), where an
// entry written as the phrase ("net zero") is the phrase. Built once, on
// first use (the tables are built in xlate.go's init).
var oneWordTerms = sync.OnceValue(func() map[*string]bool {
	m := map[*string]bool{}
	var tz tokenizer
	for code, t := range vocabByLang {
		v := lang.Vocabularies()[code]
		if v == nil {
			continue
		}
		for k, en := range v.Words {
			if len(strings.Fields(en)) != 1 {
				continue
			}
			stem, prefix := strings.CutSuffix(k, "*")
			key := foldWord(&tz, stem)
			terms := t.words[key]
			if prefix {
				terms = t.prefixes[key]
			}
			if len(terms) == 1 {
				m[&terms[0]] = true
			}
		}
	}
	return m
})

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
	one := len(en) == 1 && oneWordTerms()[&en[0]]
	for i, e := range en {
		b := []byte(e)
		out[i] = glossTerm{stem: b, root: topicRootBytes(b), word: one}
	}
	return out
}

// lookup is the vocabulary's English for w or, for a language with
// clitics, for w without its proclitic and plural ending, bare or with
// the article: Arabic "البريطانيين" (the British, plural) is "ال" +
// "بريطاني" + "ين".
func (g topicGloss) lookup(w []byte) []string {
	if g.desk != nil {
		if en := g.desk.over.translate(w); en != nil {
			return en
		}
	}
	if en := g.vt.translate(w); en != nil {
		return en
	}
	if en := g.desk.translate(w); en != nil || len(g.clitics) == 0 {
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
	for i := 0; i <= len(g.clitics); i++ {
		c := "" // last: no proclitic, only a plural ending
		if i < len(g.clitics) {
			c = g.clitics[i]
		}
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

// particle reports whether folded word w is one of the language's words
// that make a sentence a question (topiclex_lang.json's '?' keys: "ob",
// "czy", Russian "ли", Serbian "li"), not a request word: after a
// conjunction and one word ("и участвовали ли …", "and did … take
// part") it opens a question of its own (questionUnits).
func (g topicGloss) particle(w []byte) bool {
	return g.vt != nil && g.desk != nil && g.desk.asks[string(w)]
}

// asks reports whether folded word w reads as a word that asks the desk
// for something ("bestätigen" as "confirm"), or is one of the language's
// words that make a sentence a question without a question mark ("Wir
// möchten wissen, ob …": topiclex_lang.json's '?' keys).
func (g topicGloss) asks(w []byte) bool {
	if g.vt == nil {
		return false
	}
	if g.desk != nil && g.desk.asks[string(w)] {
		return true
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
// moves after the pair. Every word written between the two, kept or
// dropped as a stopword, must be one of the language's words that join a
// noun to what qualifies it (topiclex_lang.json's '+' keys: French "de",
// "la" in "traversées de la Manche", Dutch "van", Albanian "të"): Serbian
// "snage sa granice" is forces from the border, no "border force".
func (t *Topics) reorderPairs(sc *topicScan, tz *tokenizer, gl topicGloss) {
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
		if !t.pairs[string(key)] || !gl.joins(tz, sc.toks[i], sc.toks[j]) {
			continue
		}
		// rotate [i, gap…, j] to [j, i, gap…]
		sc.caps[i], sc.caps[j] = sc.caps[j], sc.caps[i]
		last := sc.oneWord[j]
		copy(sc.oneWord[i+1:j+1], sc.oneWord[i:j])
		sc.oneWord[i] = last
		for _, s := range [][][]byte{sc.roots, sc.stems, sc.words} { // (origs stay: the reason quotes the words as written)
			last := s[j]
			copy(s[i+1:j+1], s[i:j])
			s[i] = last
		}
		i = j
	}
}

// joins reports whether every token of tz strictly between a and b is one
// of the language's words that join a noun to what qualifies it (none
// between: true). A word read as one English word and as another (one
// token, two terms) has nothing between.
func (g topicGloss) joins(tz *tokenizer, a, b int32) bool {
	for k := a + 1; k < b; k++ {
		if g.desk == nil || !g.desk.links[string(tz.word(int(k)))] {
			return false
		}
	}
	return true
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

// deskWords are one language's words of the desk's own business, folded
// as mail is: whole words, and word starts (minPre..maxPre bytes).
type deskWords struct {
	words, prefixes map[string][]string
	minPre, maxPre  int
	// multi: the phrases of two to four words ("jashtë orarit", out of
	// hours), by their first word that is no stopword, the longest first
	// (sortPhrases: "ambasadori i ri britanik" is read before "ambasadori
	// i ri", whatever order the JSON's keys come in)
	multi map[string][]multiGloss
	// over: the words read before the linker's vocabulary, whose reading
	// there loses the desk's meaning (German "Abschiebung" links as
	// returns, but is a deportation: '!abschiebung*')
	over *deskWords
	// asks: the words that make their sentence ask the desk, keys written
	// '?word' (an indirect question's "whether": German "ob", Polish
	// "czy"; a question particle: Russian "ли", Arabic "هل"), folded
	asks map[string]bool
	// links: the words that join a noun to the word that qualifies it,
	// keys written '+word' (French "de", Albanian "të"), folded: the only
	// words a reversed pair is read across (see reorderPairs)
	links map[string]bool
}

// multiGloss is a phrase of deskWords: the words after its first, folded,
// and its English.
type multiGloss struct {
	words []string // folded, stopwords too
	lead  int      // the index of its first word that is no stopword
	en    []string
}

// phrase returns the English of the desk phrase of the message's language
// whose first word that is no stopword is token k of tz, and the tokens
// it spans, [start, end) (nil: none). The phrase's words are all
// written, stopwords too ("lista e shpërndarjes", distribution list; "mar
// Rojo", the Red Sea, whose "mar" is a stopword), in one sentence.
func (g topicGloss) phrase(tz *tokenizer, k int) (en []string, start, end int) {
	if g.desk == nil {
		return nil, 0, 0
	}
	// a '!' phrase is read before the desk's others, as a '!' word is
	// before the vocabulary ("se odnosi", applies, is no "odnosi",
	// relations)
	if en, start, end := g.desk.over.phrase(tz, k); en != nil {
		return en, start, end
	}
	return g.desk.phrase(tz, k)
}

// phrase is topicGloss.phrase for one set of the desk's words.
func (d *deskWords) phrase(tz *tokenizer, k int) (en []string, start, end int) {
	if d == nil || len(d.multi) == 0 {
		return nil, 0, 0
	}
	for _, mg := range d.multi[string(tz.word(k))] {
		start, end := k-mg.lead, k-mg.lead+len(mg.words)
		if start < 0 || end > len(tz.toks) {
			continue
		}
		ok := true
		for j, w := range mg.words {
			if string(tz.word(start+j)) != w || tz.toks[start+j].sent != tz.toks[k].sent {
				ok = false
				break
			}
		}
		if ok {
			return mg.en, start, end
		}
	}
	return nil, 0, 0
}

// translate is vocabTable.translate for the desk's words.
func (d *deskWords) translate(w []byte) []string {
	if d == nil {
		return nil
	}
	if en, ok := d.words[string(w)]; ok {
		return en
	}
	for n := min(len(w), d.maxPre); n >= d.minPre; n-- {
		if en, ok := d.prefixes[string(w[:n])]; ok {
			return en
		}
	}
	return nil
}

//go:embed topiclex_lang.json
var deskVocabJSON []byte

// deskVocab is topiclex_lang.json by language (TestDeskVocabulary checks
// it).
var deskVocab = func() map[string]*deskWords {
	v, err := parseDeskVocab(deskVocabJSON)
	if err != nil {
		panic("routing: embedded topiclex_lang.json: " + err.Error()) // a build defect, not input
	}
	return v
}()

// parseDeskVocab reads a desk-business vocabulary: {"<code>": {"<word,
// start* or phrase>": "<English>"}}, "_" a comment. Every key is one
// word, a start of four letters or more, or a phrase of two to four
// whole words (one at least no stopword); a key written "!word" or
// "!start*" is read before the linker's vocabulary, not after it; every
// English reads as index terms. A key written "?word" is a word that
// makes its sentence ask the desk (its English, "whether", only says
// what it is; it is read as nothing else); a key written "+word" is a
// word that joins a noun to what qualifies it (French "de": its English,
// "of", only says what it is), the only words a reversed pair of the
// desk's two-word phrases is read across (reorderPairs).
func parseDeskVocab(b []byte) (map[string]*deskWords, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	out := map[string]*deskWords{}
	var tz tokenizer
	for code, r := range raw {
		if code == "_" {
			continue
		}
		var words map[string]string
		if err := json.Unmarshal(r, &words); err != nil {
			return nil, fmt.Errorf("%s: %w", code, err)
		}
		d := &deskWords{words: map[string][]string{}, prefixes: map[string][]string{}, minPre: 1 << 30}
		for k, en := range words {
			dd := d
			if rest, ok := strings.CutPrefix(k, "?"); ok {
				// a word that makes its sentence ask (its English says
				// which, for the reader)
				tz.tokenize(rest)
				if len(tz.toks) != 1 || en == "" {
					return nil, fmt.Errorf("%s: %q: a word that asks is one word, with its English", code, k)
				}
				if d.asks == nil {
					d.asks = map[string]bool{}
				}
				d.asks[string(tz.word(0))] = true
				continue
			}
			if rest, ok := strings.CutPrefix(k, "+"); ok {
				// a word that joins a noun to what qualifies it (its
				// English says which, for the reader)
				tz.tokenize(rest)
				if len(tz.toks) != 1 || en == "" {
					return nil, fmt.Errorf("%s: %q: a joining word is one word, with its English", code, k)
				}
				if d.links == nil {
					d.links = map[string]bool{}
				}
				d.links[string(tz.word(0))] = true
				continue
			}
			if rest, ok := strings.CutPrefix(k, "!"); ok {
				if d.over == nil {
					d.over = &deskWords{words: map[string][]string{}, prefixes: map[string][]string{}, minPre: 1 << 30}
				}
				dd, k = d.over, rest
			}
			stem, prefix := strings.CutSuffix(k, "*")
			tz.tokenize(stem)
			var phrase []string
			lead := -1
			if len(tz.toks) > 1 && len(tz.toks) <= 4 && !prefix {
				for i := range tz.toks {
					if _, stop := tz.term(i); !stop && lead < 0 {
						lead = i
					}
				}
				if lead >= 0 {
					for i := range tz.toks {
						phrase = append(phrase, string(tz.word(i)))
					}
				}
			}
			if len(tz.toks) != 1 && phrase == nil || prefix && utf8.RuneCountInString(stem) < 4 {
				return nil, fmt.Errorf("%s: %q: one word, a start of four letters or more, or two to four whole words", code, k)
			}
			key := string(tz.word(0))
			var terms []string
			tz.tokenize(en)
			for i := range tz.toks {
				if t, stop := tz.term(i); !stop {
					terms = append(terms, string(t))
				}
			}
			if len(terms) == 0 {
				return nil, fmt.Errorf("%s: %q: English %q has no words", code, k, en)
			}
			if phrase != nil {
				if dd.multi == nil {
					dd.multi = map[string][]multiGloss{}
				}
				dd.multi[phrase[lead]] = append(dd.multi[phrase[lead]], multiGloss{words: phrase, lead: lead, en: terms})
			} else if prefix {
				dd.prefixes[key] = terms
				dd.minPre, dd.maxPre = min(dd.minPre, len(key)), max(dd.maxPre, len(key))
			} else {
				dd.words[key] = terms
			}
		}
		d.sortPhrases()
		if d.over != nil {
			d.over.sortPhrases()
		}
		out[code] = d
	}
	return out, nil
}

// sortPhrases orders each word's phrases longest first, then by their
// words, so that phrase reads the longest one written and the same one
// on every run (the JSON object's keys come in map order).
func (d *deskWords) sortPhrases() {
	for _, ms := range d.multi {
		slices.SortFunc(ms, func(a, b multiGloss) int {
			if len(a.words) != len(b.words) {
				return len(b.words) - len(a.words)
			}
			return slices.Compare(a.words, b.words)
		})
	}
}

// markQuestions sets focus for the tokens of the questions of text s that
// end in another script's question mark: Arabic '؟', the Greek question
// mark (U+037E, or ';' in Greek, which Unicode folds it to). The
// tokeniser ends questions at '?' only. focus holds one flag per token of
// s as the message's tokeniser read it; tz is scratch.
func markQuestions(s, code string, focus []bool, tz *tokenizer) {
	if code == "" || code == "en" {
		return // an English enquiry asks with '?'
	}
	greek := code == "el"
	if !strings.Contains(s, "؟") && !strings.Contains(s, "\u037e") && !(greek && strings.Contains(s, ";")) {
		return
	}
	// tokens(i) is how many tokens s[:i] holds.
	tokens := func(i int) int {
		tz.tokenize(s[:i])
		return len(tz.toks)
	}
	start := 0 // where the current sentence began
	for i, r := range s {
		switch {
		case r == '؟' || r == '\u037e' || greek && r == ';':
			from, to := tokens(start), tokens(i)
			for k := from; k < to && k < len(focus); k++ {
				focus[k] = true
			}
			start = i + utf8.RuneLen(r)
		case r == '.' || r == '!' || r == '?' || r == '\n':
			start = i + 1
		}
	}
}
