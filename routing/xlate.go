package routing

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/lang"
)

// Cross-language linking (issue 11). An enquiry in another language meets
// an English release on what survives translation: figures and money
// (the tokeniser reads "20 Mio. Pfund" as "20m"), URLs, names — matched
// across transliteration by nameKey, "Νετανιάχου" meeting "Netanyahu" —
// and the words of the press office's trade, read as English through
// each language's vocabulary (lang/data/vocab/<code>.json): "Sanktionen"
// as "sanctions", "Außenminister" as "foreign secretary". Only words no
// release uses are translated or matched as names, so an English enquiry
// reads as before. The days the enquiry names ("gestern", "am Montag",
// "16. Oktober") are read through the vocabulary's anchors.

// vocabTable is one language's vocabulary, folded as mail is.
type vocabTable struct {
	// code is the language's ("" for the merged table)
	code string
	// words maps a whole folded word, prefixes a folded word start
	// (minPre..maxPre bytes), to its English index terms.
	words    map[string][]string
	prefixes map[string][]string
	minPre   int
	maxPre   int
	// anchors maps a folded word to the English calendar word it reads
	// as (nil for the merged table: a word's language must be known for
	// it to say when).
	anchors map[string][]byte
	// cues are the folded words that, before a day, make it a deadline
	// ("bis", "avant", "deri"): the language's deadline cues.
	cues map[string]bool
	// ignore holds the folded words read as nothing in a message in
	// this language, ignorePre the folded prefixes (ignoreMin..ignoreMax
	// bytes) of the words read so (lang.Vocabulary.Ignore).
	ignore               map[string]bool
	ignorePre            map[string]bool
	ignoreMin, ignoreMax int
	// neighbour is the vocabulary of the language the detector most
	// often tells for this one (Russian and Ukrainian, Spanish and
	// Portuguese), tried for a word this one lacks.
	neighbour *vocabTable
	// plain is the same table with its keys spelt plainly (see
	// plainSpelling), for a word of a language written in two scripts
	// (Serbian "санкције", folded "sanktsije", is Latin "sankcije").
	plain *vocabTable
}

var (
	// vocabByLang are the vocabularies by language code; vocabAny merges
	// every language's words (those with one meaning in all of them), for
	// a message whose language is not told or is English (a chaser in
	// English quoting a first message that was not).
	vocabByLang map[string]*vocabTable
	vocabAny    *vocabTable
)

func init() { vocabByLang, vocabAny = buildVocabularies() }

// buildVocabularies reads every language's vocabulary into tables: by
// language, and merged.
func buildVocabularies() (map[string]*vocabTable, *vocabTable) {
	vocabByLang := map[string]*vocabTable{}
	vocabAny := &vocabTable{words: map[string][]string{}, prefixes: map[string][]string{}}
	conflict := map[string]bool{}
	merge := func(dst map[string][]string, k string, v []string) {
		if old, ok := dst[k]; ok && strings.Join(old, " ") != strings.Join(v, " ") {
			conflict[k] = true
		}
		dst[k] = v
	}
	var tz tokenizer
	for _, code := range lang.VocabularyCodes() {
		v := lang.Vocabularies()[code]
		t := &vocabTable{code: code, words: map[string][]string{}, prefixes: map[string][]string{}, anchors: map[string][]byte{}, cues: map[string]bool{}}
		// Keys in sorted order: two spellings may fold to one key, and
		// which one wins must not depend on map order (route output is
		// the same run to run).
		for _, k := range slices.Sorted(maps.Keys(v.Words)) {
			en := v.Words[k]
			stem, prefix := strings.CutSuffix(k, "*")
			key := foldWord(&tz, stem)
			terms := englishTerms(&tz, en)
			if key == "" || len(terms) == 0 {
				continue
			}
			if prefix {
				t.prefixes[key] = terms
				merge(vocabAny.prefixes, key, terms)
			} else {
				t.words[key] = terms
				merge(vocabAny.words, "="+key, terms)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v.Anchors)) {
			en := v.Anchors[k]
			if key := foldWord(&tz, k); key != "" {
				t.anchors[key] = []byte(en)
			}
		}
		if l, ok := lang.Get(code); ok {
			for w := range l.Deadline.LeftCues {
				t.cues[foldWord(&tz, w)] = true
			}
			for w, as := range l.Deadline.Aliases {
				switch as {
				case "by", "before", "until", "till", "deadline", "need", "within":
					t.cues[foldWord(&tz, w)] = true
				}
			}
		}
		t.setPrefixLengths()
		t.setIgnore(&tz, v.Ignore)
		if plainDigraphs[code] {
			t.withPlain()
		}
		vocabByLang[code] = t
	}
	// (a new map: keys added to a map while ranging over it may or may
	// not be visited, which cut a random few of them short run to run)
	words := make(map[string][]string, len(vocabAny.words))
	for k, v := range vocabAny.words {
		if !conflict[k] {
			words[k[1:]] = v
		}
	}
	vocabAny.words = words
	for k := range conflict {
		delete(vocabAny.prefixes, k)
	}
	vocabAny.setPrefixLengths()
	vocabAny.withPlain()
	for a, b := range neighbours {
		if ta, tb := vocabByLang[a], vocabByLang[b]; ta != nil && tb != nil {
			ta.neighbour = tb
		}
	}
	return vocabByLang, vocabAny
}

// neighbours are the languages whose vocabularies are tried for a word
// the told language's lacks: close ones the detector may confuse.
var neighbours = map[string]string{"ru": "uk", "uk": "ru", "es": "pt", "pt": "es"}

// plainDigraphs are the languages whose vocabulary is also read with the
// digraphs of folded Cyrillic spelt as one letter (withPlain): Serbian,
// written in both scripts, its vocabulary in Latin ("санкције", folded
// "sanktsije", is "sankcije"). Not a language written in Latin with
// digraphs of its own — Albanian "shërbim" (service) is no "Serbia",
// German "Schutz", French "chef" keep their letters — nor one whose
// vocabulary is written in its own script and folded as its mail is
// (Russian, Ukrainian, Greek).
var plainDigraphs = map[string]bool{"sr": true}

// withPlain sets t.plain and returns t.
func (t *vocabTable) withPlain() *vocabTable {
	p := &vocabTable{words: map[string][]string{}, prefixes: map[string][]string{}}
	var buf [64]byte
	for _, k := range slices.Sorted(maps.Keys(t.words)) {
		p.words[string(plainSpelling([]byte(k), buf[:0]))] = t.words[k]
	}
	for _, k := range slices.Sorted(maps.Keys(t.prefixes)) {
		p.prefixes[string(plainSpelling([]byte(k), buf[:0]))] = t.prefixes[k]
	}
	p.setPrefixLengths()
	t.plain = p
	return t
}

// plainSpelling appends to buf folded w with the digraphs the folding of
// Cyrillic writes where Latin alphabets write one letter with or without
// a mark spelt as that letter: ts, ch as c; sh as s; zh as z; dj as d.
func plainSpelling(w, buf []byte) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i+1 < len(w) {
			switch string(w[i : i+2]) {
			case "ts", "ch":
				buf = append(buf, 'c')
				i++
				continue
			case "sh", "zh", "dj":
				buf = append(buf, c) // s, z, d
				i++
				continue
			}
		}
		buf = append(buf, c)
	}
	return buf
}

// hasDigraph reports whether plainSpelling would change w.
func hasDigraph(w []byte) bool {
	for i := 0; i+1 < len(w); i++ {
		switch string(w[i : i+2]) {
		case "ts", "ch", "sh", "zh", "dj":
			return true
		}
	}
	return false
}

// setIgnore files the words of ws (folded; a final '*' makes a prefix).
func (t *vocabTable) setIgnore(tz *tokenizer, ws []string) {
	t.ignore, t.ignorePre = map[string]bool{}, map[string]bool{}
	t.ignoreMin, t.ignoreMax = 1<<30, 0
	for _, w := range ws {
		stem, prefix := strings.CutSuffix(w, "*")
		key := foldWord(tz, stem)
		switch {
		case key == "":
		case prefix:
			t.ignorePre[key] = true
			t.ignoreMin, t.ignoreMax = min(t.ignoreMin, len(key)), max(t.ignoreMax, len(key))
		default:
			t.ignore[key] = true
		}
	}
}

// ignores reports whether folded word w is read as nothing in a message
// in t's language.
func (t *vocabTable) ignores(w []byte) bool {
	if t == nil || t.ignore == nil {
		return false
	}
	if t.ignore[string(w)] {
		return true
	}
	for n := min(len(w), t.ignoreMax); n >= t.ignoreMin; n-- {
		if t.ignorePre[string(w[:n])] {
			return true
		}
	}
	return false
}

func (t *vocabTable) setPrefixLengths() {
	t.minPre, t.maxPre = 1<<30, 0
	for k := range t.prefixes {
		t.minPre, t.maxPre = min(t.minPre, len(k)), max(t.maxPre, len(k))
	}
}

// vocabFor returns the vocabulary for a message in language code: its
// language's, or for English and untold languages the merged one (which
// has no anchors).
func vocabFor(code string) *vocabTable {
	if code == "hr" || code == "bs" || code == "me" {
		code = "sr" // one vocabulary for Serbian, Croatian, Bosnian and Montenegrin
	}
	if t, ok := vocabByLang[code]; ok && code != "en" {
		return t
	}
	return vocabAny
}

// foldWord is s as the tokeniser writes it ("" unless s is one word).
func foldWord(tz *tokenizer, s string) string {
	tz.tokenize(s)
	if len(tz.toks) != 1 {
		return ""
	}
	return string(tz.word(0))
}

// englishTerms are the index terms of English text s (stopwords left out).
func englishTerms(tz *tokenizer, s string) []string {
	tz.tokenize(s)
	var out []string
	for k := range tz.toks {
		if w, stop := tz.term(k); !stop {
			out = append(out, string(w))
		}
	}
	return out
}

// translate returns the English terms of folded word w: its whole-word
// entry, else the longest prefix entry it starts with (nil: none).
func (t *vocabTable) translate(w []byte) []string {
	if t == nil {
		return nil
	}
	if en, ok := t.words[string(w)]; ok {
		return en
	}
	for n := min(len(w), t.maxPre); n >= t.minPre; n-- {
		if en, ok := t.prefixes[string(w[:n])]; ok {
			return en
		}
	}
	if t.plain != nil && len(w) <= 60 && hasDigraph(w) {
		var buf [64]byte
		return t.plain.translate(plainSpelling(w, buf[:0]))
	}
	if caseless(w) && len(w) <= 60 {
		// Arabic writes a conjunction, a preposition and the article
		// joined to the word's front ("والعقوبات": and the sanctions).
		var buf [4][64]byte
		for i, v := range arabicVariants(w, &buf) {
			if i == 0 {
				continue // w itself, looked up above
			}
			if en := t.lookup(v); en != nil {
				return en
			}
		}
	}
	return nil
}

// lookup is translate's whole-word and prefix lookup of w.
func (t *vocabTable) lookup(w []byte) []string {
	if en, ok := t.words[string(w)]; ok {
		return en
	}
	for n := min(len(w), t.maxPre); n >= t.minPre; n-- {
		if en, ok := t.prefixes[string(w[:n])]; ok {
			return en
		}
	}
	return nil
}

// arabicVariants returns Arabic word w (≤ 60 bytes) and its spellings
// without a joined conjunction (و, ف) and preposition (ب, ل, ك), each
// with and without the article ال, in buf; at least three letters are
// always left.
func arabicVariants(w []byte, buf *[4][64]byte) [][]byte {
	out := [][]byte{w}
	const (
		and1, and2 = "و", "ف"
		al         = "ال"
	)
	s := string(w)
	long := func(x string) bool { return utf8.RuneCountInString(x) >= 4 }
	if (strings.HasPrefix(s, and1) || strings.HasPrefix(s, and2)) && long(s) {
		s = s[2:]
		out = append(out, append(buf[0][:0], s...))
	}
	switch {
	case strings.HasPrefix(s, "لل") && long(s):
		// li + al- is written with one alef fewer
		out = append(out, append(append(buf[1][:0], al...), s[4:]...))
	case (strings.HasPrefix(s, "ب") || strings.HasPrefix(s, "ل") || strings.HasPrefix(s, "ك")) && long(s):
		out = append(out, append(buf[1][:0], s[2:]...))
	}
	switch last := out[len(out)-1]; {
	case strings.HasPrefix(string(last), al) && utf8.RuneCount(last) > 4:
		// "الرئيس", the president: the vocabulary may list it bare
		out = append(out, append(buf[2][:0], last[len(al):]...))
	case len(out) > 1:
		out = append(out, append(append(buf[2][:0], al...), last...))
	}
	return out
}

// arabicClitic returns Arabic word w without the conjunction or
// preposition written joined to its front ("ونتنياهو", and Netanyahu →
// "نتنياهو"; "للاجئين" → "الاجئين"), nil when it has none or too little
// would be left: for the name matcher.
func arabicClitic(w []byte) []byte {
	if !caseless(w) || len(w) > 60 || utf8.RuneCount(w) < 4 {
		return nil
	}
	s := string(w)
	switch {
	case strings.HasPrefix(s, "لل"):
		// li + al- is written with one alef fewer
		return append([]byte("ال"), w[len("لل"):]...)
	case strings.HasPrefix(s, "و"), strings.HasPrefix(s, "ب"), strings.HasPrefix(s, "ف"), strings.HasPrefix(s, "ل"), strings.HasPrefix(s, "ك"):
		return w[len("و"):] // each is two bytes
	}
	return nil
}

// englishFunctionWords are English's function words (lang/data/en.json
// linker.stopwords.function_words), for quotedLanguage.
var englishFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lang.English().Linker.Stopwords["function_words"] {
		m[w] = true
	}
	return m
}()

// quotedLanguage guesses the language of the quoted history of a
// message in English or in no language told, from the function and
// request words of each vocabulary's ignore list among its first words:
// the vocabulary of the language with the most (three or more, more
// than English's function words and than any other language), or nil.
// An English chaser quoting its first message in Spanish reads that
// history as Spanish ("del" is then "of the", not Russian "affairs").
func quotedLanguage(tz *tokenizer) *vocabTable {
	const window = 120
	var score [32]int
	codes := lang.VocabularyCodes()
	english := 0
	for k := 0; k < len(tz.toks) && k < window; k++ {
		w := tz.word(k)
		if englishFunctionWords[string(w)] {
			english++
		}
		for i, code := range codes {
			if t := vocabByLang[code]; i < len(score) && t != nil && t.ignore[string(w)] {
				score[i]++
			}
		}
	}
	best, second := -1, 0
	for i := range codes {
		if i >= len(score) {
			break
		}
		switch {
		case best < 0 || score[i] > score[best]:
			if best >= 0 {
				second = max(second, score[best])
			}
			best = i
		case score[i] > second:
			second = score[i]
		}
	}
	if best < 0 || score[best] < 3 || score[best] <= english || score[best] <= second {
		return nil
	}
	return vocabFor(codes[best])
}

// anchor returns the English calendar word folded word w reads as (nil:
// none).
func (t *vocabTable) anchor(w []byte) []byte {
	if t == nil || t.anchors == nil {
		return nil
	}
	return t.anchors[string(w)]
}

// deadlineBefore reports whether one of the three words before token k
// is one of the language's deadline cues ("bis Freitag": a deadline, not
// when something happened).
func (t *vocabTable) deadlineBefore(tz *tokenizer, k int) bool {
	if t == nil {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if t.cues[string(tz.word(j))] {
			return true
		}
	}
	return false
}

// nameKey writes into buf the spelling of folded word w that
// transliterations share, and returns it with its consonant skeleton
// (nil, nil for a word that is not plain Latin letters): c, k, q and ck
// as k; ph, v and w as f (Arabic has no v); th as t; ch, kh and h as h; j
// and y as i; z as s; x as ks; ou (Greek "oy") as u; double letters
// single. "Netanyahu", Greek "netaniachou" and Russian "netaniakhu" all
// read "netaniahu"; "Cleverly" and Serbian "Kleverli" read "klefrli". The
// skeleton is the key without vowels and h ("ntn", "klfrl"), under which
// the catalogue files its names. (Greek writes b, d and g as μπ, ντ, γκ:
// see greekSpelling.)
func nameKey(w []byte, buf []byte) (key, skel []byte) {
	buf = buf[:0]
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return nil, nil
		}
	}
	at := func(i int) byte {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	put := func(b byte) {
		if len(buf) == 0 || buf[len(buf)-1] != b {
			buf = append(buf, b)
		}
	}
	for i := 0; i < len(w); i++ {
		c, n := w[i], at(i+1)
		switch {
		case c == 'c' && n == 'k':
			put('k')
			i++
		case c == 'p' && n == 'h':
			put('f')
			i++
		case c == 't' && n == 'h':
			put('t')
			i++
		case (c == 'c' || c == 'k') && n == 'h':
			put('h')
			i++
		case c == 'o' && (n == 'u' || n == 'y'): // Greek ου is spelt "oy"
			put('u')
			i++
		case c == 'c' || c == 'q':
			put('k')
		case c == 'w' || c == 'v':
			put('f') // Arabic writes v as f: "كليفرلي", Cleverly
		case c == 'j' || c == 'y':
			put('i')
		case c == 'z':
			put('s')
		case c == 'x':
			put('k')
			put('s')
		default:
			put(c)
		}
	}
	key = buf
	skel = buf[len(buf):]
	for _, c := range key {
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'h':
			continue
		}
		if len(skel) > 0 && skel[len(skel)-1] == c {
			continue
		}
		skel = append(skel, c)
	}
	return key, skel
}

// greekSpelling appends to buf folded w with the digraphs Greek writes
// for b, d and g (μπ, ντ, γκ and γγ, folded "mp", "nt", "gk", "gg")
// spelt as those letters ("ntontik" is Dodik, "mpegkai" Begaj,
// "erntogan" Erdogan), and reports whether it changed anything.
func greekSpelling(w, buf []byte) ([]byte, bool) {
	changed := false
	for i := 0; i < len(w); i++ {
		if i+1 < len(w) {
			switch string(w[i : i+2]) {
			case "mp":
				buf, changed = append(buf, 'b'), true
				i++
				continue
			case "nt":
				buf, changed = append(buf, 'd'), true
				i++
				continue
			case "gk", "gg":
				buf, changed = append(buf, 'g'), true
				i++
				continue
			}
		}
		buf = append(buf, w[i])
	}
	return buf, changed
}

// editDistance is the Levenshtein distance of a and b, or max+1 when it is
// more than max.
func editDistance(a []byte, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	var rowBuf [2][32]int
	if len(b) >= 32 {
		return max + 1
	}
	prev, cur := rowBuf[0][:len(b)+1], rowBuf[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		lo := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			lo = min(lo, cur[j])
		}
		if lo > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// caseless reports whether folded word w is written in a script without
// capitals (Arabic), where any word may be a name.
func caseless(w []byte) bool {
	r, _ := utf8.DecodeRune(w)
	return r >= 0x600 && r < 0x700
}

// arabicLatin spells the Arabic letters of w in Latin, as names are
// transliterated ("سوناك" → "sunak", "نتنياهو" → "ntniahu"), dropping
// the article al-; nil when w has a letter it cannot spell.
func arabicLatin(w []byte, buf []byte) []byte {
	buf = buf[:0]
	s := string(w)
	if strings.HasPrefix(s, "ال") && utf8.RuneCountInString(s) > 4 {
		s = s[len("ال"):]
	}
	for _, r := range s {
		l, ok := arabicLetters[r]
		if !ok {
			return nil
		}
		buf = append(buf, l...)
	}
	return buf
}

var arabicLetters = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ب': "b", 'ت': "t", 'ث': "t", 'ج': "j", 'ح': "h", 'خ': "kh",
	'د': "d", 'ذ': "d", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z",
	'ع': "", 'غ': "g", 'ف': "f", 'ق': "k", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ة': "a",
	'و': "u", 'ي': "i", 'ى': "a", 'ء': "", 'ئ': "i", 'ؤ': "u", 'پ': "p", 'گ': "g", 'چ': "ch", 'ڤ': "v",
}

// acrossLanguages is what the link's detail adds for an enquiry read
// across languages: how many words its language's vocabulary read as
// English, and the catalogue's names found spelt in another script or
// with another ending ("" when neither).
func acrossLanguages(code string, words int, names []string) string {
	if words == 0 && len(names) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("; read across languages:")
	if words > 0 {
		name := "any"
		switch code {
		case "hr", "bs", "me":
			code = "sr" // read with the Serbian file (vocabFor)
		}
		if l, ok := lang.Get(code); ok && code != "en" {
			name = l.Name
		}
		b.WriteString(" " + strconv.Itoa(words) + " words through the " + name + " vocabulary")
	}
	if len(names) > 0 {
		if words > 0 {
			b.WriteString(",")
		}
		b.WriteString(" names " + strings.Join(names, ", "))
	}
	return b.String()
}
