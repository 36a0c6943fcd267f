package routing

import (
	"bytes"
	"math"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/lang"
)

// BM25F parameters. Titles are short and say what a release is about, so a
// title term counts for titleWeight body terms; body lengths vary a lot (some
// releases are the opening paragraphs only), so body length is normalised
// fully and title length hardly.
const (
	bm25K1      = 1.2
	titleWeight = 3.0
	titleB      = 0.3
	bodyB       = 0.75
)

// posting is one document containing a term, with its precomputed BM25F
// weight (IDF included).
type posting struct {
	doc int32
	w   float32
}

// docInfo is what the linker needs about one release besides its postings.
type docInfo struct {
	day int32 // publication day in the desk's zone (days since 1970-01-01)
	// (Whether a release has a term is read from the term's postings:
	// index.contains.)
	// title holds the distinct word ids of the title, bigrams the distinct
	// phrase ids of the title, for the title-match feature.
	title, titleBigrams []int32
	// titleMass is the summed IDF of title, titleBigramMass of titleBigrams.
	titleMass, titleBigramMass float32
	// titleWords are the ids of title that are no figures ("PM call with
	// Prime Minister Netanyahu of Israel", its "7" and "2024" aside:
	// what a series of releases shares, see seriesAgree)
	titleWords []int32
	// money holds the ids of the sums of money it names ("20m", "1.6bn":
	// moneyFigure), for the money rule, and moneyVals the same sums in
	// millions (moneyMillions), for moneyNear
	money     []int32
	moneyVals []float64
	// span is how many days after its publication the release says its
	// subject goes on ("tomorrow", "over the next 3 days", "a two-day
	// visit"; see releaseSpan)
	span int8
	// stated are the days its text names as when something happened
	// ("held in London from 17 to 28 July", read as dateAnchors reads an
	// email, against its publication day; years left out), at most
	// maxStated
	stated [][2]int32
	// yearEnd is the last day of its year for a release known only to
	// its year (see yearOnly), else 0
	yearEnd int32
}

// yearOnly reports whether a release's date is one known only to its
// year: a calendar date (no time) of 1 January, as a source that knows
// only the year writes it ("2017-01-01" for a 2017 statement; the desk
// does not publish on New Year's Day). Its day is any of that year's.
func yearOnly(r *Release) bool {
	return r.DateOnly && r.Published.Month() == time.January && r.Published.Day() == 1
}

// index is an inverted index over the catalogue's words and adjacent-word
// phrases (bigrams), with IDF and per-document BM25F weights precomputed so
// a query only adds up posting weights.
type index struct {
	words   map[string]int32
	bigrams bigramTable
	idf     []float32
	df      []int32
	post    [][]posting
	docs    []docInfo
	nterms  int
	// idfUnique is the IDF of a term found in one release only.
	idfUnique float32
	// topics lists the topic ids the releases carry; the centroid of
	// topics[i] is the unit-length mean of the word vectors (BM25F
	// weights) of the releases with topics[i] (their first topic counting
	// double). The centroids are held by term, sparsely: the weights of
	// term t are termTopic[termTopicOff[t]:termTopicOff[t+1]], by topic
	// index ascending, zeros left out (a query reads only its own terms).
	topics       []string
	topicIndex   map[string]int // topic id → its index in topics
	termTopicOff []int32
	termTopic    []topicWeight
	// bilateral and trilateral are the ids of those words (-1 when no
	// release uses one), for the parties rule (see partiesOf)
	bilateral, trilateral int32
	// capital and seen count, per word, how often it was written with a
	// capital inside a sentence, and how often inside a sentence at all:
	// names (Albania, Rwanda, Netanyahu) are nearly always capitalised.
	capital, seen []int32
	// names files the catalogue's names (words written with a capital
	// in most of their mid-sentence uses) under their nameKey skeleton,
	// for matching a transliterated name in an enquiry ("Νετανιάχου").
	names map[string][]nameEntry
	// cognates files the other words of six letters or more the same
	// way, for a word of another language that differs from the English
	// one as a spelling ("strategie", "tekhnologii", "koridor").
	cognates map[string][]nameEntry
}

// nameEntry is one name of the catalogue: its term id and nameKey.
type nameEntry struct {
	id   int32
	key  string
	word string
}

// buildNames files the names (see index.names).
func (ix *index) buildNames(acroOnly map[int32]bool) {
	ix.names = map[string][]nameEntry{}
	ix.cognates = map[string][]nameEntry{}
	var buf []byte
	for w, id := range ix.words {
		if acroOnly[id] {
			continue // an acronym no release writes is not spelt otherwise
		}
		name := len(w) >= 4 && int(id) < len(ix.seen) && ix.capital[id] > 0 && 2*ix.capital[id] >= ix.seen[id]
		if !name && len(w) < 6 {
			continue
		}
		key, skel := nameKey([]byte(w), buf)
		if len(skel) < 2 && !(name && len(skel) == 1 && len(key) >= 4) {
			// (a name of one consonant, "hama" for Hamas, "huti",
			// is filed too, for a spelling that matches it exactly)
			continue
		}
		m := ix.cognates
		if name {
			m = ix.names
		}
		m[string(skel)] = append(m[string(skel)], nameEntry{id: id, key: string(key), word: w})
		buf = key[:0]
	}
}

// nameMatch returns the term id of the catalogue's name that folded word
// w (not itself a term of the catalogue) spells in another script or
// language, or unknownWord: the same skeleton and a spelling at most one
// letter off (two from seven letters), allowing w up to three letters of
// ending ("Sunaka", "Netanjahuom") when the whole word matches none.
// Two names equally near make no match.
func (ix *index) nameMatch(w []byte, buf *[]byte) int32 {
	id, _ := ix.nameMatchWord(w, buf)
	return id
}

// nameMatchWord is nameMatch, with the catalogue's word for the name. A
// word with a digraph that folded Cyrillic writes for one Latin letter
// ("vuchic", Serbian "Вучић") is tried as Latin spells it too ("vucic").
func (ix *index) nameMatchWord(w []byte, buf *[]byte) (int32, string) {
	return spellMatch(ix.names, w, buf, false)
}

// cognateMatch is nameMatchWord among the catalogue's other words
// (index.cognates), for a word of six letters or more.
func (ix *index) cognateMatch(w []byte, buf *[]byte) (int32, string) {
	if len(w) < 6 {
		return unknownWord, ""
	}
	return spellMatch(ix.cognates, w, buf, true)
}

// spellMatch is nameMatchWord among the words filed in m. A cognate (an
// ordinary word, not a name) must be nearer: one letter off at most, the
// same first three letters, no more than two letters of ending stripped
// ("kommentar" is not "common", nor "emission" "mission").
func spellMatch(m map[string][]nameEntry, w []byte, buf *[]byte, cognate bool) (int32, string) {
	if rest := arabicClitic(w); rest != nil {
		// "وسوناك": "and Sunak"
		if id, name := spellMatchOne(m, w, buf, cognate); id >= 0 {
			return id, name
		}
		return spellMatchOne(m, rest, buf, cognate)
	}
	id, name := spellMatchOne(m, w, buf, cognate)
	if id >= 0 || len(w) > 60 {
		return id, name
	}
	var alt [64]byte
	if hasDigraph(w) {
		if id, name := spellMatchOne(m, plainSpelling(w, alt[:0]), buf, cognate); id >= 0 {
			return id, name
		}
	}
	if g, ok := greekSpelling(w, alt[:0]); ok && !cognate {
		return spellMatchOne(m, g, buf, cognate)
	}
	return unknownWord, ""
}

// spellMatchOne is spellMatch for one spelling of the word. A word of a
// script without capitals (Arabic) may be any word, not only a name: it
// is matched whole (its endings are not a name's case endings) and on a
// skeleton of three consonants or more ("تأكيد", confirmation, is not
// "Thaci").
func spellMatchOne(m map[string][]nameEntry, w []byte, buf *[]byte, cognate bool) (int32, string) {
	maxStrip, minSkel := 3, 2
	if cognate {
		maxStrip = 2
	}
	w0 := w
	if caseless(w) {
		lat := arabicLatin(w, nil)
		if lat == nil {
			return unknownWord, ""
		}
		w = lat
		maxStrip, minSkel = 0, 3
	}
	if need := 4*len(w) + 8; cap(*buf) < need {
		// room for the key and its skeleton after it (no growing per word)
		*buf = make([]byte, 0, need+64)
	}
	for strip := 0; strip <= maxStrip && len(w)-strip >= 4; strip++ {
		key, skel := nameKey(w[:len(w)-strip], *buf)
		*buf = key[:0]
		maxd := 1
		switch {
		case len(skel) == 1 && minSkel == 2 && !cognate && len(key) >= 4:
			maxd = 0 // "chamas" (Χαμάς) is "hama", exactly
		case len(skel) < minSkel:
			return unknownWord, ""
		case caseless(w0) && bytes.HasPrefix(w0, []byte("ال")):
			// with the article an Arabic word is a common noun far more
			// often than a name ("الطيران", aviation, is not Tirana):
			// exactly
			maxd = 0
		case len(key) >= 7 && !cognate, caseless(w0) && len(skel) >= 3 && len(key) >= 5:
			// Arabic writes few vowels: on three consonants or more, two
			// letters off ("ميلوني", miluni, is Meloni; but "طهران",
			// Tehran, is not Tirana)
			maxd = 2
		}
		best, bestD, tie := -1, maxd+1, false
		es := m[string(skel)]
		for i := range es {
			if cognate && (len(key) < 3 || len(es[i].key) < 3 || string(key[:3]) != es[i].key[:3]) {
				continue
			}
			d := editDistance(key, es[i].key, maxd)
			if strip > 0 && d > 0 && d <= maxd && !cognate && !stemOff(key, es[i].key, strip) {
				continue // an ending off and a letter off: another word
			}
			switch {
			case d < bestD:
				best, bestD, tie = i, d, false
			case d == bestD && best >= 0 && es[i].id != es[best].id:
				tie = true
			}
		}
		if best >= 0 && !tie {
			return es[best].id, es[best].word
		}
	}
	return unknownWord, ""
}

// stemOff reports whether key, a word's spelling with strip letters of
// ending taken off, may differ from name's spelling by a letter: only
// where the ending replaced the name's own final vowel ("tiran" of
// Russian "Тираны" is Tirana, "kosov" of "Kosovu" Kosovo; or, with one
// letter off, "gaze" of Albanian "Gazës"), or inside a long name, its
// first and last letters kept ("biniamin" of "Biniaminom" is Benjamin).
// Otherwise the letter off and the ending add up to a word that merely
// starts like the name: "Hamburg" less its "g" is one letter from
// "Chamber" ("hamber"), "Gazeta" less "ta" one from Gaza, "Irina" less
// "a" one from Iran.
func stemOff(key []byte, name string, strip int) bool {
	n := len(name)
	if n == 0 || len(key) == 0 {
		return false
	}
	if c := name[n-1]; vowel(c) && c != 'i' { // (i is also j and y: "Begaj", "Lammy")
		if len(key) == n-1 && string(key) == name[:n-1] {
			return true
		}
		if strip == 1 && len(key) == n && vowel(key[n-1]) && string(key[:n-1]) == name[:n-1] {
			return true
		}
	}
	return n >= 7 && key[0] == name[0] && key[len(key)-1] == name[n-1]
}

// vowel reports whether c is a vowel of a name key (nameKey writes j and
// y as i).
func vowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func bigramKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// bigramTable maps a bigram's key (bigramKey) to its term id, for the
// linker, which asks it for every pair of adjacent words of an enquiry.
// It is an open-addressed table with linear probing, filled once from the
// map the index is built with: a look-up hashes the key and reads the
// slots from there on (a key and its id side by side, four to a cache
// line), where the Go map, as large as a 10,000-release catalogue makes
// it, reads its directory, a table, a group's control word and then a
// slot, each likely a cache miss.
type bigramTable struct {
	// slots has a power-of-two length, at most three quarters full; a
	// slot holds bigramKey+1 (0: empty; no key is 1<<64-1, since ids are
	// not negative).
	slots []bigramSlot
	shift uint8 // 64 - log2(len(slots))
}

type bigramSlot struct {
	key uint64 // bigramKey + 1; 0 for an empty slot
	id  int32
}

func newBigramTable(m map[uint64]int32) bigramTable {
	n := 8
	for n*3 < len(m)*4 {
		n *= 2
	}
	t := bigramTable{slots: make([]bigramSlot, n), shift: uint8(64 - bits.TrailingZeros(uint(n)))}
	for k, id := range m {
		i := t.home(k + 1)
		for t.slots[i].key != 0 {
			i = (i + 1) & (n - 1)
		}
		t.slots[i] = bigramSlot{key: k + 1, id: id}
	}
	return t
}

// home is the first slot tried for stored key k.
func (t *bigramTable) home(k uint64) int {
	return int((k * 0x9e3779b97f4a7c15) >> t.shift)
}

// get returns the id of the bigram a b, if a release has it.
func (t *bigramTable) get(a, b int32) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	k := bigramKey(a, b) + 1
	mask := len(t.slots) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case k:
			return t.slots[i].id, true
		case 0:
			return 0, false
		}
	}
}

// countCase records how a word was written inside a sentence (at its
// start a capital says nothing).
func (ix *index) countCase(id int32, upper bool) {
	for int(id) >= len(ix.seen) {
		ix.seen = append(ix.seen, 0)
		ix.capital = append(ix.capital, 0)
	}
	ix.seen[id]++
	if upper {
		ix.capital[id]++
	}
}

// nameShare is the share of mid-sentence uses of word (a stem) written
// with a capital in the catalogue; ok is false for a word seen fewer than
// twice.
func (ix *index) nameShare(word string) (float64, bool) {
	id, ok := ix.words[word]
	if !ok || int(id) >= len(ix.seen) || ix.seen[id] < 2 {
		return 0, false
	}
	return float64(ix.capital[id]) / float64(ix.seen[id]), true
}

// Ids termSeq gives terms not in the index.
const (
	unknownWord   = -1
	unknownFigure = -2
	// ignoredWord is a word the message's language reads as nothing
	// (lang.Vocabulary.Ignore): neither looked up nor counted unknown.
	ignoredWord = -3
)

// termSeq tokenises s and returns its term ids (adding new ones when add is
// set; unknown terms are unknownWord or unknownFigure otherwise) and a parallel slice saying whether a
// phrase boundary precedes each term.
func (ix *index) termSeq(tz *tokenizer, s string, add bool, ids []int32, brks []bool) ([]int32, []bool) {
	tz.tokenize(s)
	brk := false
	for k := range tz.toks {
		w, stop := tz.term(k)
		if tz.toks[k].brk {
			brk = true
		}
		if stop {
			continue
		}
		id, ok := ix.words[string(w)]
		if !ok {
			switch {
			case add:
				id = int32(ix.nterms)
				ix.words[string(w)] = id
				ix.nterms++
			case tz.toks[k].num:
				id = unknownFigure
			default:
				id = unknownWord
			}
		}
		if add && !tz.toks[k].brk && !tz.toks[k].num {
			ix.countCase(id, tz.toks[k].upper)
		}
		ids = append(ids, id)
		brks = append(brks, brk)
		brk = false
	}
	return ids, brks
}

// acronymConnectors may stand inside a capitalised phrase without
// giving its acronym a letter ("Department for Business and Trade").
var acronymConnectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "&": true}

// phraseAcronyms appends to out the acronyms (lower case, three to six
// letters) of the runs of three or more capitalised words in s, connectors
// inside a run skipped and a run not starting with one: "the European
// Political Community" gives "epc". Words joined by a hyphen or apostrophe
// count as one.
func phraseAcronyms(s string, out []string) []string {
	var letters []byte
	run := 0
	// sentStart: the next word starts a sentence; firstAtStart: the
	// run's first word did (its capital may be the sentence's)
	sentStart, firstAtStart := true, false
	flush := func() {
		if run >= 3 && run <= 6 {
			a := string(letters)
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
		letters, run = letters[:0], 0
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if !isASCIILetter(c) && c != '&' {
			if c != ' ' {
				flush() // punctuation, digits, line breaks end a run
			}
			if c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' {
				sentStart = true
			}
			i++
			continue
		}
		j := i
		for j < len(s) && (isASCIILetter(s[j]) || s[j] == '&' || (s[j] == '-' || s[j] == '\'') && j+1 < len(s) && isASCIILetter(s[j+1])) {
			j++
		}
		w := s[i:j]
		i = j
		atStart := sentStart
		sentStart = false
		if j < len(s) && s[j] >= 0x80 {
			flush() // a word with letters beyond ASCII: not read here
			continue
		}
		switch {
		case acronymConnectors[strings.ToLower(w)]:
			// inside a run it gives no letter; a run does not start
			// with one ("The Prime Minister" is no "tpm"), nor with a
			// sentence's first word before one ("Attending the
			// European Political Community" is "epc")
			if run == 1 && firstAtStart {
				letters, run = letters[:0], 0
			}
		case w[0] >= 'A' && w[0] <= 'Z':
			if run == 0 {
				firstAtStart = atStart
			}
			letters = append(letters, w[0]+'a'-'A')
			run++
		default:
			flush()
		}
	}
	flush()
	return out
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// buildIndex indexes the releases' titles (weighted) and bodies, lines to
// take included.
func buildIndex(rels []Release, loc *time.Location) *index {
	ix := &index{words: make(map[string]int32, 1000+20*len(rels))}
	// the bigrams' ids while the index is built (then ix.bigrams)
	bigrams := make(map[uint64]int32, 1000+150*len(rels))
	var tz tokenizer
	// docTF holds, per release, its distinct terms with their title and
	// body frequencies, sorted by term id.
	type termTF struct {
		id          int32
		title, body int32
	}
	docTF := make([][]termTF, len(rels))
	titleLen := make([]int, len(rels))
	bodyLen := make([]int, len(rels))
	ix.docs = make([]docInfo, len(rels))
	var ids, titleIDs, bodyIDs []int32
	var anchorBuf []dayRange
	var brks []bool
	acros := make([][]string, len(rels))
	// collect appends the terms of ids (words and phrases) to out.
	collect := func(out []int32, ids []int32, brks []bool) []int32 {
		for k, id := range ids {
			out = append(out, id)
			if k > 0 && !brks[k] {
				key := bigramKey(ids[k-1], id)
				bid, ok := bigrams[key]
				if !ok {
					bid = int32(ix.nterms)
					bigrams[key] = bid
					ix.nterms++
				}
				out = append(out, bid)
			}
		}
		return out
	}
	sortIDs := func(a []int32) { slices.Sort(a) }
	for i := range rels {
		r := &rels[i]
		d := &ix.docs[i]
		ids, brks = ix.termSeq(&tz, r.Title, true, ids[:0], brks[:0])
		titleLen[i] = len(ids)
		titleIDs = collect(titleIDs[:0], ids, brks)
		for k, id := range ids {
			if !slices.Contains(d.title, id) {
				d.title = append(d.title, id)
			}
			if k > 0 && !brks[k] {
				if bid := bigrams[bigramKey(ids[k-1], id)]; !slices.Contains(d.titleBigrams, bid) {
					d.titleBigrams = append(d.titleBigrams, bid)
				}
			}
		}
		bodyIDs = bodyIDs[:0]
		n := 0
		for j := -1; j < len(r.LinesToTake); j++ {
			part := r.Body
			if j >= 0 {
				part = r.LinesToTake[j]
			}
			ids, brks = ix.termSeq(&tz, part, true, ids[:0], brks[:0])
			if j < 0 {
				d.span = releaseSpan(&tz)
				d.stated = statedDays(&tz, dayNumber(r.Published, r.DateOnly, loc), &anchorBuf)
			}
			n += len(ids)
			bodyIDs = collect(bodyIDs, ids, brks)
		}
		bodyLen[i] = n
		// (the acronyms of its capitalised phrases, read below)
		for j := -1; j < len(r.LinesToTake); j++ {
			part := r.Title + ". " + r.Body
			if j >= 0 {
				part = r.LinesToTake[j]
			}
			acros[i] = phraseAcronyms(part, acros[i])
		}
		d.day = dayNumber(r.Published, r.DateOnly, loc)
		if yearOnly(r) {
			d.yearEnd = int32(time.Date(r.Published.Year(), 12, 31, 0, 0, 0, 0, time.UTC).Unix() / 86400)
		}
		// Merge the two sorted runs into (id, title tf, body tf).
		sortIDs(titleIDs)
		sortIDs(bodyIDs)
		tf := make([]termTF, 0, len(titleIDs)/2+len(bodyIDs)/2+1)
		a, b := 0, 0
		for a < len(titleIDs) || b < len(bodyIDs) {
			var id int32
			switch {
			case b >= len(bodyIDs) || a < len(titleIDs) && titleIDs[a] <= bodyIDs[b]:
				id = titleIDs[a]
			default:
				id = bodyIDs[b]
			}
			t := termTF{id: id}
			for a < len(titleIDs) && titleIDs[a] == id {
				t.title++
				a++
			}
			for b < len(bodyIDs) && bodyIDs[b] == id {
				t.body++
				b++
			}
			tf = append(tf, t)
		}
		docTF[i] = tf
	}
	// The acronyms of a release's capitalised phrases ("European
	// Political Community": epc) are body terms of it too, so that an
	// enquiry writing only the acronym meets the release; not where the
	// catalogue uses the letters as an ordinary word ("aim", "big").
	acroOnly := map[int32]bool{}
	for i, as := range acros {
		for _, a := range as {
			w, stop := termOf([]byte(a), false)
			if stop {
				continue
			}
			id, ok := ix.words[string(w)]
			switch {
			case !ok:
				id = int32(ix.nterms)
				ix.words[string(w)] = id
				ix.nterms++
				acroOnly[id] = true
			case int(id) >= len(ix.seen) || 2*ix.capital[id] < ix.seen[id]:
				continue
			}
			if k, found := slices.BinarySearchFunc(docTF[i], id, func(t termTF, id int32) int { return int(t.id - id) }); !found {
				docTF[i] = slices.Insert(docTF[i], k, termTF{id: id, body: 1})
				ix.countCase(id, true)
			}
		}
	}
	ix.df = make([]int32, ix.nterms)
	for i := range docTF {
		for _, t := range docTF[i] {
			ix.df[t.id]++
		}
	}
	N := float64(len(rels))
	ix.idfUnique = float32(math.Log(1 + (N-0.5)/1.5))
	if ix.idfUnique <= 0 {
		ix.idfUnique = 1
	}
	ix.idf = make([]float32, ix.nterms)
	for id, df := range ix.df {
		ix.idf[id] = float32(math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5)))
	}
	avgT, avgB := 1.0, 1.0
	if len(rels) > 0 {
		st, sb := 0, 0
		for i := range rels {
			st += titleLen[i]
			sb += bodyLen[i]
		}
		avgT = math.Max(1, float64(st)/N)
		avgB = math.Max(1, float64(sb)/N)
	}
	ix.post = make([][]posting, ix.nterms)
	for id, df := range ix.df {
		ix.post[id] = make([]posting, 0, df)
	}
	for i := range rels {
		nt := 1 - titleB + titleB*float64(titleLen[i])/avgT
		nb := 1 - bodyB + bodyB*float64(bodyLen[i])/avgB
		d := &ix.docs[i]
		for _, t := range docTF[i] {
			tf := titleWeight*float64(t.title)/nt + float64(t.body)/nb
			w := float64(ix.idf[t.id]) * tf / (bm25K1 + tf)
			ix.post[t.id] = append(ix.post[t.id], posting{doc: int32(i), w: float32(w)})
		}
		for _, id := range d.title {
			d.titleMass += ix.idf[id]
		}
		for _, id := range d.titleBigrams {
			d.titleBigramMass += ix.idf[id]
		}
	}
	// the sums of money each release names
	moneyIDs := map[int32]float64{}
	for w, id := range ix.words {
		if v, ok := moneyMillions([]byte(w)); ok {
			moneyIDs[id] = v
		}
	}
	if len(moneyIDs) > 0 {
		for i := range docTF {
			for _, t := range docTF[i] {
				if v, ok := moneyIDs[t.id]; ok {
					ix.docs[i].money = append(ix.docs[i].money, t.id)
					ix.docs[i].moneyVals = append(ix.docs[i].moneyVals, v)
				}
			}
		}
	}
	ix.bigrams = newBigramTable(bigrams)
	ix.buildCentroids(rels)
	ix.buildNames(acroOnly)
	ix.buildTitleWords()
	ix.buildParties()
	return ix
}

// buildTitleWords files each release's title words that are no figures
// (docInfo.titleWords).
func (ix *index) buildTitleWords() {
	figure := map[int32]bool{}
	for w, id := range ix.words {
		if w != "" && '0' <= w[0] && w[0] <= '9' {
			figure[id] = true
		}
	}
	for i := range ix.docs {
		d := &ix.docs[i]
		for _, id := range d.title {
			if !figure[id] {
				d.titleWords = append(d.titleWords, id)
			}
		}
	}
}

// topicWeight is one term's weight in one topic's centroid.
type topicWeight struct {
	topic int32
	w     float32
}

// buildCentroids computes the topics' word centroids (see index.topics).
func (ix *index) buildCentroids(rels []Release) {
	var centroid [][]float32 // by topic, then term
	isWord := make([]bool, ix.nterms)
	for _, id := range ix.words {
		isWord[id] = true
	}
	byTopic := map[string]int{}
	ix.topicIndex = byTopic
	norms := make([]float64, len(rels))
	for id, ps := range ix.post {
		if !isWord[id] {
			continue
		}
		for _, p := range ps {
			norms[p.doc] += float64(p.w) * float64(p.w)
		}
	}
	for i := range rels {
		for _, tp := range rels[i].Topics {
			if _, ok := byTopic[tp]; !ok {
				byTopic[tp] = len(ix.topics)
				ix.topics = append(ix.topics, tp)
				centroid = append(centroid, make([]float32, ix.nterms))
			}
		}
	}
	for id, ps := range ix.post {
		if !isWord[id] {
			continue
		}
		for _, p := range ps {
			if norms[p.doc] == 0 {
				continue
			}
			v := float64(p.w) / math.Sqrt(norms[p.doc])
			for k, tp := range rels[p.doc].Topics {
				w := 1.0
				if k == 0 {
					w = 2
				}
				centroid[byTopic[tp]][id] += float32(w * v)
			}
		}
	}
	for _, c := range centroid {
		var n float64
		for _, v := range c {
			n += float64(v) * float64(v)
		}
		if n == 0 {
			continue
		}
		n = math.Sqrt(n)
		for i := range c {
			c[i] = float32(float64(c[i]) / n)
		}
	}
	ix.termTopicOff = make([]int32, ix.nterms+1)
	for t := 0; t < ix.nterms; t++ {
		for ti, c := range centroid {
			if c[t] != 0 {
				ix.termTopic = append(ix.termTopic, topicWeight{topic: int32(ti), w: c[t]})
			}
		}
		ix.termTopicOff[t+1] = int32(len(ix.termTopic))
	}
}

// contains reports whether release doc contains term id: whether doc is
// in the term's postings (sorted by doc). A posting list is short, and
// shared by the few candidates asked about.
func (ix *index) contains(id, doc int32) bool {
	// A binary search without a branch in its loop: the processor would
	// guess half of those wrong. Each step moves base up by half when
	// p[base+half].doc <= doc, that is when doc - p[base+half].doc is not
	// negative (its sign bit, spread by the shift, masks half out
	// otherwise).
	p := ix.post[id]
	if len(p) == 0 {
		return false
	}
	base, n := 0, len(p)
	for n > 1 {
		half := n / 2
		diff := int64(doc) - int64(p[base+half].doc)
		base += half &^ int(diff>>63)
		n -= half
	}
	return p[base].doc == doc
}

// maxSpan is the most days ahead a release is taken to announce.
const maxSpan = 3

// spanNumbers are English's number words (lang/data/en.json), for
// releaseSpan.
var spanNumbers = lang.English().Numbers

// releaseSpan reads how many days after its publication a release's text
// (tokenised in tz) says its subject goes on: "tomorrow" one, "over the
// next 3 days" and "a three-day visit" two (the day of the release is the
// first), at most maxSpan; 0 when it names none of these.
func releaseSpan(tz *tokenizer) int8 {
	count := func(k int) int {
		if k < 0 || k >= len(tz.toks) {
			return 0
		}
		w := tz.word(k)
		if tz.toks[k].num {
			return max(smallInt(w), 0)
		}
		return spanNumbers[string(w)]
	}
	span := 0
	for k := range tz.toks {
		switch w := tz.word(k); {
		case isTomorrow(w):
			span = max(span, 1)
		case string(w) == "days" && k >= 2 && string(tz.word(k-2)) == "next":
			// "over the next 3 days"
			if n := count(k - 1); n >= 2 && n <= 7 {
				span = max(span, n-1)
			}
		case string(w) == "day" && k >= 1 && !tz.toks[k].brk:
			// "a two-day visit", "a 3-day trip" (not a 90-day plan)
			if n := count(k - 1); n >= 2 && n <= 7 {
				span = max(span, n-1)
			}
		}
	}
	return int8(min(span, maxSpan))
}

// maxStated is the most days a release's text is taken to name.
const maxStated = 8

// statedDays returns the days a release's text (tokenised in tz),
// published on day d0, names as when something happened, as dateAnchors
// reads them (buf is scratch): single days and ranges, not years, not
// its own day.
func statedDays(tz *tokenizer, d0 int32, buf *[]dayRange) [][2]int32 {
	*buf = dateAnchors(tz, d0, (*buf)[:0], nil)
	var out [][2]int32
	for _, a := range *buf {
		if a.year || a.from == d0 && a.to == d0 || len(out) == maxStated {
			continue
		}
		if r := [2]int32{a.from, a.to}; !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// buildParties looks up the words that say how many parties met
// ("bilateral", "trilateral"), as the tokeniser writes them.
func (ix *index) buildParties() {
	ix.bilateral, ix.trilateral = -1, -1
	for _, w := range [...]struct {
		word string
		id   *int32
	}{{"bilateral", &ix.bilateral}, {"trilateral", &ix.trilateral}} {
		t, _ := termOf([]byte(w.word), false)
		if id, ok := ix.words[string(t)]; ok {
			*w.id = id
		}
	}
}
