package deadline

// Deadlines written in other languages (issue 11, item 4).
//
// The reader's rules are English. When they find no deadline, Extract
// rewrites the text into the English they know, word by word, with the
// aliases and phrases of every language's data file (lang/data/*.json,
// deadline.aliases and deadline.phrases): "bis 14 Uhr" → "by 14 hrs",
// "avant 18h heure de Paris" → "before 18h Paris time", "до 18:00 за
// київським часом" → "by 18:00 Kyiv time", "saat 17.00'ye kadar" → "at
// 17.00 latest". Then it reads the rewritten text again, so every English
// rule applies unchanged: the anti-cues ("press conference at 15h", office
// hours, ranges), quoted text, the bare-hour rules and the zone
// conversions. The English reading goes first and wins, so English mail
// reads exactly as before.
//
// Decisions:
//   - All languages' words are active at once; a word two languages spell
//     alike must mean the same in both (TestForeignAliasesAgree).
//   - A sentence written in English is English's: its words of English's
//     file ("do", "to", "a", "per") and, but for a unit after a number
//     ("until 15 Uhr"), its other ASCII words ("serve") are read by no
//     other language, so "The minister will do it tomorrow." is not
//     Polish "do" (by) tomorrow. Each sentence is told on its own, so an
//     English chaser above a Polish original, or a Polish enquiry above
//     an English signature, is still read where it is Polish
//     (englishSentences).
//   - Words are compared folded: lower case, accents and other combining
//     marks removed, final sigma as sigma, so "mañana"/"manana",
//     "αύριο"/"ΑΥΡΙΟ" and "yarın"/"YARIN" match.
//   - A Turkish case suffix after a number ("17.00'ye", "15'e") is dropped;
//     Arabic-Indic digits are read as digits.
//   - Another language's "next" before or after a weekday ("nächsten
//     Freitag", "vendredi prochain", "до следующей пятницы") reads as
//     "coming": the next one after today, never today, and not
//     necessarily in next calendar week as English "next Friday" is (the
//     word means the coming one to most writers); "Freitag nächster
//     Woche", "volgende week vrijdag" read as next week's.
//   - A quarter or half before or after an hour in words is read with the
//     hour wherever it stands ("cinq heures moins le quart", "πέντε παρά
//     τέταρτο", "الخامسة إلا ربعا": quarter to five, 16:45); the forms
//     that name the next hour are phrases per hour ("половина пятого",
//     "wpół do piątej", "пів на п'яту": half past four; "beşe çeyrek
//     kala": quarter to five); Serbian "pola pet" is half before the hour
//     like German "halb fünf" (4:30); five, ten or twenty minutes too
//     ("cinq heures moins dix", "las 17 menos veinte", "zehn vor fünf":
//     16:50, 16:40). After a word for hours it is a span:
//     "dans deux heures et demie" reads "in two hours and a half".
//   - Hours and minutes in number words are read with each language's
//     own table, its file's "numbers" (one word a value; tens and a unit
//     joined by a hyphen, a space or deadline.number_joiners), and
//     written as the clock in digits: an hour and its minutes ("dix-sept
//     heures vingt-cinq" 17:25, "siebzehn Uhr dreißig", "las cinco y
//     veinte", "в пять тридцать", "o siedemnastej trzydzieści"), an hour
//     and a part of it ("dix-sept heures et quart"), an hour past 12 with
//     its word for hours or after a cue ("dix-sept heures", "до
//     семнадцати"), an hour then the part of the day ("στις επτά το
//     απόγευμα"). Without a word for hours right after the hour a cue
//     must come before it ("by", "at", an article the aliases drop after
//     one); a quantity ("bis achtzehn Prozent") or a span ("pendant deux
//     heures trente") is no clock. Hours named by an ordinal (Ukrainian
//     "до п'ятої", Polish "do piątej") are in the tables too, and a
//     Turkish hour with a case suffix ("saat beşe kadar") reads as
//     "5'e" does. An hour in words right after "at" at the end of its
//     clause, or before a request verb or a time word, reads as English
//     "at five o'clock" ("στις επτά", "um sechs antworten", "в шесть"),
//     before anything else as a bare number ("um fünf Prozent"). Only
//     the words of the language the text votes for are read as numbers
//     (English "on" is not Turkish ten).
//   - Minutes before or after an hour from the half the half-before
//     languages name ("fünf nach halb drei" 2:35, "vijf voor half drie"
//     2:25), and a phrase ending in a part of an hour and the hour
//     ("dreiviertel sechs", "без четверти шесть", "altıya çeyrek kala"),
//     are written as digits ("5:45"), so that a verb after them does not
//     hide them.
//   - Two spellings one language's file gives that fold alike ("às"
//     at, "as" the) are read the same on every run: the accented one.
//   - A one-word entry of deadline.phrases is read as an alias.
//   - The phrase reported is the rewritten (English) phrase.
//   - No word is Go: the English the rules compare the rewritten text with
//     is en.json's deadline.grammar (gw) and deadline.rewrite (rw, and the
//     zone, event and until sets, rewrite.go); what a language folds,
//     writes onto a word or glues to an hour is in its own file
//     (deadline.fold, proclitics, half_before, hour_suffixes).

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mediadesk/mediadesk/internal/wordfilter"
	"github.com/mediadesk/mediadesk/lang"
)

// alt is one language's reading of a word or phrase.
type alt struct {
	lang int // index in foreignTable.langs
	repl string
}

type foreignTable struct {
	langs     []string         // language codes
	halfPrior []bool           // "half" before an hour is half an hour before it
	words     map[string][]alt // folded word → its readings ("" drops it)
	phrases   map[string][]alt // folded words joined by single spaces → readings
	evidence  map[string][]int // folded word → the languages whose files name it
	firsts    map[string]bool  // the first words of phrases
	lasts     map[string]bool  // the last words of phrases
	prefixes  map[string]bool  // the first two or more words of phrases
	maxPhrase int              // words in the longest phrase
	numbers   map[string][]num // folded number word → its values ("numbers")
	joiners   map[string][]int // folded word → the languages it joins numbers in
	hourArts  map[string][]int // folded word → the languages it is an hour article in ("le 19")
	hourNouns map[string][]int // folded word → the languages it is the noun "hour" in ("ora 16")
	dayArts   map[string][]int // folded word → the languages it is a day article in ("le 15", "zum 15.")
	// quick is what first's cheap pass asks of every word, in one look-up
	// instead of two: true for an English function word, false for
	// another word some language's file names (evidence), absent for
	// neither. quickFilter pre-checks its keys (most words of a text are
	// in neither).
	quick       map[string]bool
	quickFilter wordfilter.Filter
}

// num is one language's value of a number word.
type num struct {
	lang, val int
}

var foreign = buildForeign(lang.All())

func buildForeign(ls []*lang.Language) *foreignTable {
	ft := &foreignTable{words: map[string][]alt{}, phrases: map[string][]alt{}, evidence: map[string][]int{},
		firsts: map[string]bool{}, lasts: map[string]bool{}, prefixes: map[string]bool{}, maxPhrase: 1,
		numbers: map[string][]num{}, joiners: map[string][]int{}, hourArts: map[string][]int{}, hourNouns: map[string][]int{}, dayArts: map[string][]int{}}
	add := func(m map[string][]alt, key string, a alt) {
		for _, b := range m[key] {
			if b.lang == a.lang {
				return
			}
		}
		m[key] = append(m[key], a)
	}
	seen := func(w string, li int) {
		for _, x := range ft.evidence[w] {
			if x == li {
				return
			}
		}
		ft.evidence[w] = append(ft.evidence[w], li)
	}
	for _, l := range ls {
		if l == en {
			continue // English is the first reading
		}
		li := len(ft.langs)
		ft.langs = append(ft.langs, l.Code)
		ft.halfPrior = append(ft.halfPrior, l.Deadline.HalfBefore)
		for _, w := range l.Deadline.HourArticles {
			ft.hourArts[foldWord(w)] = append(ft.hourArts[foldWord(w)], li)
		}
		for _, w := range l.Deadline.HourNouns {
			ft.hourNouns[foldWord(w)] = append(ft.hourNouns[foldWord(w)], li)
		}
		for _, w := range l.Deadline.DayArticles {
			ft.dayArts[foldWord(w)] = append(ft.dayArts[foldWord(w)], li)
		}
		for _, w := range accentedFirst(l.Deadline.Aliases) {
			f := foldWord(w)
			add(ft.words, f, alt{li, l.Deadline.Aliases[w]})
			seen(f, li)
		}
		for _, p := range accentedFirst(l.Deadline.Phrases) {
			r := l.Deadline.Phrases[p]
			ws := strings.Fields(p)
			for i := range ws {
				ws[i] = foldWord(ws[i])
				seen(ws[i], li)
			}
			if len(ws) == 1 {
				// a one-word phrase ("nachmittags", "stamattina") is an
				// alias: phrases are matched from two words up
				if _, dup := l.Deadline.Aliases[p]; !dup {
					add(ft.words, ws[0], alt{li, r})
				}
				continue
			}
			add(ft.phrases, strings.Join(ws, " "), alt{li, r})
			ft.firsts[ws[0]] = true
			ft.lasts[ws[len(ws)-1]] = true
			for n := 2; n <= len(ws); n++ {
				ft.prefixes[strings.Join(ws[:n], " ")] = true
			}
			ft.maxPhrase = max(ft.maxPhrase, len(ws))
		}
		for w, v := range l.Numbers {
			f := foldWord(w)
			ft.numbers[f] = append(ft.numbers[f], num{li, v})
		}
		for _, w := range l.Deadline.NumberJoiners {
			f := foldWord(w)
			ft.joiners[f] = append(ft.joiners[f], li)
		}
		for _, g := range l.Linker.Stopwords {
			for _, w := range g {
				seen(foldWord(w), li)
			}
		}
	}
	ft.quick = make(map[string]bool, len(ft.evidence)+len(englishFunctionWords))
	for w := range ft.evidence {
		ft.quick[w] = false
	}
	for w := range englishFunctionWords {
		ft.quick[w] = true // an English function word counts as English first
	}
	for w := range ft.quick {
		ft.quickFilter.Add(w)
	}
	return ft
}

// accentedFirst returns the keys of m in a fixed order, those that
// folding changes first: where two spellings of a language fold alike
// ("às" at, "as" the; "wären" would, "waren" were) the accented one is
// the reading, the same on every run.
func accentedFirst(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		fi, fj := foldWord(ks[i]) == ks[i], foldWord(ks[j]) == ks[j]
		if fi != fj {
			return fj
		}
		return ks[i] < ks[j]
	})
	return ks
}

// reader is one reading of a text: the table and the language the text's
// words vote for, which settles a word two languages read differently
// (Dutch "u" is "you", Serbian "u" is "at").
type reader struct {
	*foreignTable
	votes []int
	lang  int
	sure  bool // the vote is clear: only that language's words are read
	// the phrase found from each word, once asked (the rules ask again
	// and again): its length + 1 (0: not yet asked) and its reading
	phraseLen []uint8
	phraseRep []string
}

// first reports whether text is clearly in another language, so that its
// own reading goes before the English one ("Deadline: 16:00 (ώρα
// Ελλάδας)": the English rules alone would read 16:00 without the zone):
// the vote is clear and the voted language's words outnumber English
// function words.
func (ft *foreignTable) first(text string) bool {
	// a cheap pass first: English mail stops here after a few words
	en, fo := 0, 0
	var buf [32]byte
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j, k, ascii := i, 0, true
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
					break
				}
				if k < len(buf) {
					buf[k] = c | 0x20
					k++
				}
				j++
				continue
			}
			r2, sz := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && !unicode.Is(unicode.Mn, r2) {
				break
			}
			ascii = false
			j += sz
		}
		if !ascii {
			fo++
		} else if k < len(buf) && ft.quickFilter.MayHave(buf[:k]) {
			if isEn, ok := ft.quick[string(buf[:k])]; ok {
				if isEn {
					en++
				} else {
					fo++
				}
			}
		}
		if en >= 12 && 2*en >= fo {
			return false
		}
		i = j
	}
	if fo <= 2*en {
		return false
	}
	ws := ft.splitWords(text)
	rd := ft.vote(ws)
	if !rd.sure {
		return false
	}
	foreignWords, englishWords := 0, 0
	for _, w := range ws {
		if englishFunctionWords[w.fold] {
			englishWords++
		}
		for _, l := range ft.evidence[w.fold] {
			if l == rd.lang {
				foreignWords++
				break
			}
		}
	}
	return foreignWords > 2*englishWords
}

// englishFunctionWords are English's stopwords (lang/data/en.json).
var englishFunctionWords = lang.Set(lang.English().Linker.Stopwords["function_words"])

// vote counts, for each language, the words of the text its file names: a
// word only one language has counts most.
func (ft *foreignTable) vote(ws []fword) *reader {
	r := &reader{foreignTable: ft, votes: make([]int, len(ft.langs)), lang: -1}
	for _, w := range ws {
		ls := ft.evidence[w.fold]
		if len(ls) == 0 || len(ls) > 6 {
			continue
		}
		for _, l := range ls {
			r.votes[l] += 12 / len(ls)
		}
	}
	best, second := 0, 0
	for l, v := range r.votes {
		switch {
		case v > best:
			best, second, r.lang = v, best, l
		case v > second:
			second = v
		}
	}
	// a clear vote: Spanish "quinta" (fifth) is not Portuguese "quinta"
	// (Thursday), Portuguese "para" (for) not Albanian "para" (before)
	r.sure = best >= 24 && 4*best >= 5*second
	return r
}

// pick returns the reading of the text's language, else of the language
// with the most votes, else the first.
func (r *reader) pick(as []alt) (string, bool) {
	if r.sure {
		for _, a := range as {
			if a.lang == r.lang {
				return a.repl, true
			}
		}
		return "", false
	}
	if len(as) == 1 {
		return as[0].repl, true
	}
	best, bv := 0, -1
	for i, a := range as {
		if a.lang == r.lang {
			return a.repl, true
		}
		if r.votes[a.lang] > bv {
			best, bv = i, r.votes[a.lang]
		}
	}
	return as[best].repl, true
}

// word returns the reading of one folded word.
func (r *reader) word(f string) (string, bool) {
	as, ok := r.words[f]
	if !ok {
		// "Ekim'e", "Cuma'ya": a Turkish case suffix after a name;
		// "l'heure", "d'une": a French elision before a word
		if a := strings.IndexByte(f, '\''); a > 0 {
			pre, suf := f[:a], f[a+1:]
			switch {
			case utf8.RuneCountInString(pre) <= 2 && utf8.RuneCountInString(suf) >= 3:
				as, ok = r.words[suf]
			case utf8.RuneCountInString(pre) >= 3 && utf8.RuneCountInString(suf) <= 4:
				as, ok = r.words[pre]
			}
		}
		if !ok {
			// a word written onto the next (deadline.proclitics): Arabic
			// "و" (and) or "ف" (so) in "وقبل"
			for _, p := range proclitics {
				if rest, cut := strings.CutPrefix(f, p); cut && utf8.RuneCountInString(rest) >= 2 {
					as, ok = r.words[rest]
					break
				}
			}
		}
		if !ok {
			return "", false
		}
	}
	return r.pick(as)
}

// foldOf returns what a letter folds to (deadline.fold: "ß" to "ss").
func foldOf(r rune) (string, bool) {
	for _, f := range foldRunes {
		if f.r == r {
			return f.to, true
		}
	}
	return "", false
}

// foldWord lower-cases w, removes its combining marks and applies the
// folds of every language.
func foldWord(w string) string {
	ascii, lower := true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	if ascii {
		if lower {
			return w
		}
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if r == '’' || r == 'ʼ' {
			r = '\''
		}
		if to, ok := foldOf(r); ok {
			b.WriteString(to)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

type fword struct {
	start, end int
	fold       string
	// english is the word's fold when its sentence is English and the
	// word is read as English's own (fold is then englishFold): a phrase
	// of another language may still start or go on from it
	english string
}

// englishFold is the fold of a word read as English's own: no table of
// another language has it.
const englishFold = "\x00"

// phraseFold is the word's fold for another language's phrases.
func (w fword) phraseFold() string {
	if w.english != "" {
		return w.english
	}
	return w.fold
}

// span maps a piece of the rewritten text to the original: verbatim pieces
// byte for byte, replaced ones as a whole.
type span struct {
	out, outEnd, in, inEnd int
	verbatim               bool
}

type spanMap []span

// in returns the offset in the original text of offset o of the rewritten
// one; end says o ends a phrase.
func (m spanMap) in(o int, end bool) int {
	for _, s := range m {
		if !end && (o < s.out || o >= s.outEnd) || end && (o <= s.out || o > s.outEnd) {
			continue
		}
		switch {
		case s.verbatim:
			return s.in + (o - s.out)
		case end:
			return s.inEnd
		default:
			return s.in
		}
	}
	if len(m) > 0 {
		return m[len(m)-1].inEnd
	}
	return 0
}

// translate rewrites text with the foreign aliases and phrases; changed is
// false when no word was rewritten. spans maps the result back to text.
func (ft *foreignTable) translate(text string) (out string, spans spanMap, changed bool) {
	ws := ft.splitWords(text)
	ft.englishSentences(text, ws)
	out, spans, changed = ft.vote(ws).translate(text, ws)
	if changed && strings.IndexByte(out, ';') >= 0 && hasGreek(text) {
		out = greekQuestions(out)
	}
	return out, spans, changed
}

// hasGreek reports whether text has a letter of the Greek alphabet.
func hasGreek(text string) bool {
	for _, r := range text {
		if r >= 0x0370 && r <= 0x03ff || r >= 0x1f00 && r <= 0x1fff {
			return true
		}
	}
	return false
}

// greekQuestions rewrites Greek's question mark, ";" closing a sentence
// (after a word or a clock, before a space, a line break or the end),
// as "?", so that a Greek question reads as one ("Θα μπορούσατε αύριο
// το απόγευμα;"); one byte for one, so the offsets stay.
func greekQuestions(out string) string {
	b := []byte(out)
	for i, c := range b {
		if c != ';' || i == 0 || b[i-1] == ' ' || b[i-1] == '\n' {
			continue
		}
		if i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\n' || b[i+1] == '\r' || b[i+1] == '\t' {
			b[i] = '?'
		}
	}
	return string(b)
}

// englishWords are the words English's file names (the reader's own
// vocabulary and English's function words), folded; englishOnly those of
// them no other language's file names ("the", "will", "tomorrow"; not
// "do", "to", "a", "in", "per", which are also Polish, Spanish, Dutch,
// Italian words).
var englishWords, englishOnly = func() (map[string]bool, map[string]bool) {
	all, only := map[string]bool{}, map[string]bool{}
	for _, w := range append(en.Words(), en.Linker.Stopwords["function_words"]...) {
		f := foldWord(w)
		all[f] = true
		if foreign.evidence[f] == nil {
			only[f] = true
		}
	}
	return all, only
}()

// englishSentences marks the words that are English's own in the
// sentences of text written in English, so that no other language reads
// them: the vote of foreignTable.vote is between the other languages
// only, and where it is unclear every language's reading applies, so
// English "The minister will do it tomorrow." had been read with Polish
// "do" (by) as "will by it tomorrow" (a deadline). A sentence is English
// when at least two of its words are English's alone and they outnumber
// its words of other languages (a word only another language's file
// names, or one written with letters beyond ASCII), or when one is and
// no word is another language's ("Happy to do tonight."). In such a
// sentence a word of English's file is English's ("do", "to", "in",
// "per"; but for one right before another language's time: "do you
// have a comment do jutra?"), and so is any other word written in ASCII
// ("serve", Italian "need"; "sale", Spanish "airs"), unless it names a
// time (namesTime:
// "until 15 Uhr", "by demain", "avant 18h") or the sentence has two or
// more words of other languages (a sentence that mixes: "answer until
// 15 Uhr, bitte").
// A sentence is read on its own, so that mail that mixes languages is
// still read where it is not English: an English chaser above a Polish
// original, a Polish enquiry above an English signature. Sentences end
// at a full stop, "!", "?", ";" and a blank line.
func (ft *foreignTable) englishSentences(text string, ws []fword) {
	from := 0
	for k := 1; k <= len(ws); k++ {
		if k < len(ws) && !sentenceBreak(text[ws[k-1].end:ws[k].start]) {
			continue
		}
		s := ws[from:k]
		from = k
		en, fo := 0, 0
		for _, w := range s {
			switch {
			case englishOnly[w.fold]:
				en++
			case englishWords[w.fold]:
			case ft.evidence[w.fold] != nil || !isASCII(text[w.start:w.end]):
				fo++
			}
		}
		if !(en >= 2 && en > fo || en == 1 && fo == 0) {
			continue
		}
		for i := range s {
			w := &s[i]
			foreignTime := i+1 < len(s) && !englishWords[s[i+1].fold] && ft.timeWord(s[i+1].fold) // "do jutra"
			if englishWords[w.fold] && !foreignTime || fo < 2 && isASCII(text[w.start:w.end]) && !ft.namesTime(text, s, i) {
				w.english, w.fold = w.fold, englishFold
			}
		}
	}
}

// namesTime reports whether word i of an English sentence, a word of
// another language alone there, is read all the same: a unit after a
// number ("until 15 Uhr"), a time itself ("by demain", "till jutro"), or
// a cue right before a clock or such a time ("avant 18h", "avant
// demain"). Not a cue before a bare number ("para 5" is a paragraph), nor
// a word of another kind ("serve" is Italian "need").
func (ft *foreignTable) namesTime(text string, s []fword, i int) bool {
	return digitBefore(text, s[i].start) || ft.timeWord(s[i].fold) || clockAt2(text, s[i].end) ||
		i+1 < len(s) && !englishWords[s[i+1].fold] && ft.timeWord(s[i+1].fold)
}

// timeWord reports whether some language reads the folded word as a day,
// a month, a part of the day or a zone ("demain", "jutro", "Abend").
func (ft *foreignTable) timeWord(f string) bool {
	for _, a := range ft.words[f] {
		if a.repl == "" || isZone(a.repl) {
			return a.repl != ""
		}
		all := true
		for _, w := range strings.Fields(a.repl) {
			all = all && (isDay(w) || isMonth(w) || dayParts.has(w))
		}
		if all {
			return true
		}
	}
	return false
}

// sentenceBreak reports whether a gap between words ends a sentence (for
// englishSentences): a full stop (sentenceStop), "!", "?", ";" or a blank
// line.
func sentenceBreak(gap string) bool {
	if strings.ContainsAny(gap, "!?;") || sentenceStop(gap) {
		return true
	}
	if i := strings.IndexByte(gap, '\n'); i >= 0 {
		return strings.IndexByte(gap[i+1:], '\n') >= 0
	}
	return false
}

// words_ splits text into words (letters, combining marks, and an
// apostrophe between letters), folded.
func (ft *foreignTable) splitWords(text string) []fword {
	ws := make([]fword, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, sz2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2) {
				j += sz2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == 'ʼ' {
				if r3, _ := utf8.DecodeRuneInString(text[j+sz2:]); j+sz2 < len(text) && unicode.IsLetter(r3) {
					j += sz2
					continue
				}
			}
			if r2 == '.' && singleLetters(text[i:j]) && j+1 < len(text) {
				// "μ.μ.", "π.μ.": letters abbreviated one by one are one word
				r3, sz3 := utf8.DecodeRuneInString(text[j+1:])
				r4, _ := utf8.DecodeRuneInString(text[j+1+sz3:])
				if unicode.IsLetter(r3) && (j+1+sz3 == len(text) || !unicode.IsLetter(r4)) {
					j += 1 + sz3
					continue
				}
			}
			break
		}
		if ordinalAfterDigit(text, i, j) {
			i-- // "5ª feira", "6ª" (Portuguese Thursday, Friday): the digit is the word's
		}
		ws = append(ws, fword{start: i, end: j, fold: foldWord(text[i:j])})
		i = j
	}
	return ws
}

// ordinalAfterDigit reports whether the word text[i:j] is an ordinal
// indicator ("ª", "º") glued to one digit before it ("5ª feira", "2º"),
// which the word then takes in: the languages' files name such words
// whole ("5ª feira" is Portuguese Thursday), and "15º" stays two.
func ordinalAfterDigit(text string, i, j int) bool {
	r, n := utf8.DecodeRuneInString(text[i:j])
	if n != j-i || r != '\u00aa' && r != '\u00ba' { // feminine and masculine ordinal indicators
		return false
	}
	digit := func(k int) bool { return k >= 0 && text[k] >= '0' && text[k] <= '9' }
	return digit(i-1) && !digit(i-2)
}

// maxInserts bounds the words a rewriting moves back into what it has
// written (each move copies it): past it, words stay where they are.
const maxInserts = 32

// isASCII reports whether s has only ASCII bytes (an English word's
// spelling; "à" folds to "a" but is not it).
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// singleLetters reports whether s is letters each followed by a full stop
// but the last ("μ", "μ.μ").
func singleLetters(s string) bool {
	n := 0
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if n++; n > 3 {
			return false
		}
		if len(s) == 0 {
			return true
		}
		if s[0] != '.' {
			return false
		}
		s = s[1:]
	}
	return false
}

func (rd *reader) translate(text string, ws []fword) (out string, spans spanMap, changed bool) {
	var b strings.Builder
	last := 0
	signal := false
	// the clauses that say someone is available, read when a cue needs them
	var availMap map[int]bool
	availDone := false
	avail := func(k int) bool {
		if !availDone {
			availMap, availDone = rd.availableClauses(text, ws), true
		}
		return availMap[k]
	}
	verbatim := func(from, to int) {
		for from < to {
			if de, dr := europeanDate(text, from, to); de > 0 {
				o := b.Len()
				b.WriteString(dr)
				spans = append(spans, span{out: o, outEnd: b.Len(), in: from, inEnd: de})
				from, changed, signal = de, true, true
				continue
			}
			if ce := commaClock(text, from, to); ce > 0 && lastWordIs(b.String(), "", gw.By, gw.Before, gw.At, gw.Until, gw.To) {
				// "do 15,30", "entro le 15,30": a clock written with a
				// decimal comma after a cue reads as "15.30"
				o := b.Len()
				b.WriteString(strings.Replace(text[from:ce], ",", ".", 1))
				spans = append(spans, span{out: o, outEnd: b.Len(), in: from, inEnd: ce})
				from, changed, signal = ce, true, true
				continue
			}
			r, size := utf8.DecodeRuneInString(text[from:])
			e := from + size
			if arabicDigit(r) < 0 {
				for e < to {
					r2, sz2 := utf8.DecodeRuneInString(text[e:])
					if arabicDigit(r2) >= 0 || r2 >= '0' && r2 <= '9' && (e == 0 || text[e-1] < '0' || text[e-1] > '9') && text[e-1] != '.' {
						break
					}
					e += sz2
				}
				o := b.Len()
				b.WriteString(text[from:e])
				spans = append(spans, span{out: o, outEnd: b.Len(), in: from, inEnd: e, verbatim: true})
			} else {
				o := b.Len()
				b.WriteByte(byte('0' + arabicDigit(r)))
				spans = append(spans, span{out: o, outEnd: b.Len(), in: from, inEnd: e})
			}
			from = e
		}
	}
	replaced := func(from, to int, repl string) {
		o := b.Len()
		b.WriteString(repl)
		spans = append(spans, span{out: o, outEnd: b.Len(), in: from, inEnd: to})
	}
	// writeClock writes the text from last to from as it is and clock for
	// from..to; reading goes on at to (the loop skips the words before it)
	writeClock := func(from, to int, clock string) {
		verbatim(last, from)
		replaced(from, to, clock)
		last, changed, signal = to, true, true
	}
	// insertBefore writes s into what is written already, before the
	// piece that reads input offset in
	inserts := 0 // each insertion copies what is written: a hostile text gets a few
	insertBefore := func(in int, ins string) bool {
		if inserts++; inserts > maxInserts {
			return false
		}
		out := -1
		for i, sp := range spans {
			if sp.verbatim && sp.in <= in && in < sp.inEnd || !sp.verbatim && sp.in == in {
				out = sp.out
				if sp.verbatim && in > sp.in {
					// split the verbatim piece
					out = sp.out + (in - sp.in)
					spans = append(spans[:i+1], spans[i:]...)
					spans[i].outEnd, spans[i].inEnd = out, in
					spans[i+1].out, spans[i+1].in = out, in
				}
				break
			}
		}
		if out < 0 {
			return false // inside a phrase already rewritten
		}
		str := b.String()
		b.Reset()
		b.WriteString(str[:out])
		b.WriteString(ins)
		b.WriteString(str[out:])
		for i := range spans {
			if spans[i].out >= out {
				spans[i].out += len(ins)
				spans[i].outEnd += len(ins)
			}
		}
		spans = append(spans, span{out: out, outEnd: out + len(ins), in: in, inEnd: in})
		sort.Slice(spans, func(i, j int) bool { return spans[i].out < spans[j].out })
		return true
	}
	half := "" // "pm" or "am" written before the hour it goes after
	for k := 0; k < len(ws); k++ {
		w := ws[k]
		if w.start < last {
			continue // read already (the words dropped before a bare hour)
		}
		// a Turkish case suffix after a number: "17.00'ye", "15’e"
		if a, ok := apostropheBefore(text, w.start); ok && a > 0 && isDigitRune(text, a) {
			verbatim(last, a)
			suffix := ""
			if h := bareHourBefore(text, a); half != "" && h >= 1 && h <= 12 {
				suffix = " " + half // "akşam 5'e kadar": "5 pm"
			} else if h >= 8 {
				suffix = gw.H // "saat 17'ye kadar", "10'a": a 24-hour hour
			}
			half = ""
			replaced(a, w.end, suffix)
			last, changed = w.end, true
			continue
		}
		if rd.number(w.fold) >= 0 { // (most words: one lookup)
			if ce, cn, clock := rd.wordClock(text, ws, k, rd.clockCue(b.String(), text[last:w.start])); cn > 0 {
				// "dix-sept heures vingt-cinq", "las diecisiete treinta",
				// "do siedemnastej": the clock in digits
				writeClock(w.start, ce, clock)
				k += cn - 1
				continue
			}
			if h, he, hn := rd.inflectedHour(text, ws, k); hn > 0 {
				// "saat beşe kadar", "akşam saat sekize kadar": an hour
				// in words with a case suffix, read as "5'e" is
				clock := strconv.Itoa(h)
				switch {
				case half != "" && h <= 12:
					clock += " " + half
				case h >= 13:
					clock += gw.H // ("sekize" alone is 8 as a bare 8 is, not 08:00)
				case hourNames[h] != "" && rd.clauseEndsAt(text, ws, he):
					// "Η προθεσμία είναι στις επτά.", "Können Sie morgen um
					// fünf antworten?": "at seven o'clock", read as English
					// "at seven o'clock" is (a bare "at 7" needs a strong cue)
					clock = hourNames[h] + " " + gw.OClock
				}
				half = ""
				writeClock(w.start, he, clock)
				k += hn - 1
				continue
			}
		}
		n, repl := rd.match(text, ws, k)
		repl = clockTail(repl)
		if n <= 1 && rd.joiner(w.fold) && lastWordIs(b.String(), text[last:w.start], gw.Hour, gw.Hours) && rd.spanAfter(text, ws, k+1, true) {
			n, repl = 1, gw.And // "en una hora y veinte minutos": an hour and twenty minutes
		}
		if body, ok := strings.CutSuffix(repl, " "+gw.OClock); ok && n > 1 {
			// "antes de las cinco y veinte": the phrase ends in the hour
			// ("before five o'clock"), its minutes after it
			if ce, cn, clock := rd.wordClock(text, ws, k+n-1, true); cn > 1 && strings.Contains(clock, ":") {
				writeClock(w.start, ce, body[:strings.LastIndexByte(body, ' ')+1]+clock)
				k += n - 2 + cn
				continue
			}
		}
		if body, ok := strings.CutSuffix(repl, " "+gw.OClock); ok && k+n < len(ws) && joinedBySpace(text, ws[k+n-1:k+n+1]) {
			// "antes de las cuatro y media": "before half past four
			// o'clock" (the part of the hour read with the hour, here)
			if pn, pr := rd.match(text, ws, k+n); partOfHour(pr) != 0 {
				i := strings.LastIndexByte(body, ' ')
				repl = body[:i+1] + pr + " " + body[i+1:] + " " + gw.OClock
				n += pn
			}
		}
		if (repl == gw.Evening || repl == gw.Afternoon || repl == gw.Pm || repl == gw.Morning || repl == gw.Tonight) && k+n < len(ws) {
			// "akşam 5'e kadar", "öğleden sonra saat 3'e kadar": the part
			// of the day before an hour with a case suffix goes after it
			j, hw := ws[k+n-1].end, k+n
			if nn, nr := rd.match(text, ws, k+n); nn == 1 && nr == gw.At && strings.TrimSpace(text[j:ws[k+n].start]) == "" {
				j, hw = ws[k+n].end, k+n+1
			}
			if _, _, hn := rd.inflectedHour(text, ws, hw); hourSuffixAt(text, j) || hn > 0 && spaced(text, ws, hw) {
				half = gw.Pm
				if repl == gw.Morning {
					half = gw.Am
				}
				repl = ""
			}
		}
		if w.start > 0 && text[w.start-1] >= '0' && text[w.start-1] <= '9' && hourSuffixes[w.fold] {
			n, repl = 1, gw.H // Flemish "16u", "16u30" (deadline.hour_suffixes)
		}
		if n == 0 {
			continue
		}
		if repl != "" && (n > 1 || vocab[w.fold].w == "" || !isASCII(text[w.start:w.end])) {
			signal = true // a word of another language that says something ("à", not "a")
		}
		switch {
		case (repl == gw.By || repl == gw.At || repl == gw.Until || repl == gw.Before) && afterHour(b.String(), text[last:w.start]) &&
			rd.timeAfter(text, ws, k+n):
			// "9 bis 18 Uhr", "od 9 do 17", "de 9h à 18h": a range of
			// hours, not a deadline
			repl = gw.To
		case (repl == gw.By || repl == gw.Latest) && avail(k):
			// "Ich bin bis 18 Uhr erreichbar", "joignable jusqu'à 18h":
			// until, when the clause says someone is available
			repl = gw.Until
		case repl == gw.For && digitBefore(text, w.start) && rd.asksAfter(text, ws, k+n):
			// "17.00 için yanıt rica ediyorum" (a reply for 17:00, asked
			// for): by then; "Toplantı 17.00 için planlandı" asks nothing
			repl = gw.Latest
		case repl == gw.At && !rd.timeAfter(text, ws, k+n):
			// "à", "um", "u", "saat": "at" only before a time (Dutch "u"
			// is "you", "à demain" is "tomorrow")
			repl = ""
		case repl == gw.Before && n == 1 && k > 0 && clauseEndAfter(text, ws[k].end) && !sentenceBreak(text[ws[k-1].end:ws[k].start]):
			// "il me faudrait quelque chose avant.", "mi servirebbe
			// prima.", "θα χρειαζόμουν κάτι πριν;": "before" closing its
			// clause points back to the time named before it, as
			// "before then" ("Avant, le ministre …" opening a sentence
			// is "previously")
			repl = gw.Before + " " + gw.Then
		case repl == gw.Before && (!rd.timeAfter(text, ws, k+n) || rd.dateAfter(text, ws, k+n)):
			// "avant vendredi", "antes del 20 de octubre": by that day
			repl = gw.By
		case repl == gw.Am && n > 1 && !afterHour(b.String(), text[last:w.start]) && rd.numberAt2(text, ws, k) < 0 && rd.readsAs(w.fold, gw.Before):
			// "przed południem" (before midday) with no hour before it:
			// before noon ("o 10 przed południem" is 10 am; "del
			// mattino" is only ever am)
			repl = gw.By + " " + gw.Noon
		case partOfHour(repl) != 0:
			// "a las 4 y media", "alle 16 e un quarto": an hour in digits
			// and its part read as a clock ("4:30", "16:15"); "las cuatro
			// y media": the part goes before the hour in words ("half
			// past four"); with no hour before it ("una hora y media")
			// it says nothing
			if h, he := rd.hourAfter(text, ws, k+n); h > 0 {
				// "Viertel nach drei", "zwanzig nach vier", "kwart voor
				// vijf": the clock in digits ("3:15", "4:20", "4:45"),
				// read also with a verb after it
				hs, ms := clockWithPart(h, partOfHour(repl))
				writeClock(w.start, he, hs+":"+ms)
				continue
			}
			if rd.sure && rd.halfPrior[rd.lang] && spaced(text, ws, k+n) {
				// "fünf nach halb drei" (2:35), "vijf voor half drie"
				// (2:25): minutes from the half before the hour
				if r, _ := rd.word(ws[k+n].fold); r == gw.Half {
					if h, he := rd.hourAfter(text, ws, k+n+1); h > 0 {
						if h--; h == 0 {
							h = 12
						}
						hs, ms := clockWithPart(h, 30+partOfHour(repl))
						writeClock(w.start, he, hs+":"+ms)
						continue
					}
				}
			}
			if out := strings.TrimRight(b.String(), " \t"); repl == gw.Half+" "+gw.Past && strings.TrimSpace(text[last:w.start]) == "" &&
				(strings.HasSuffix(out, " "+gw.Hours) || strings.HasSuffix(out, " "+gw.Hour)) {
				// "dans deux heures et demie", "brenda një ore e gjysmë":
				// a span of hours and a half
				repl = gw.And + " " + gw.A + " " + gw.Half
				break
			}
			pending := strings.TrimRight(text[last:w.start], " \t")
			if h := bareHourBefore(pending, len(pending)); h >= 1 && strings.TrimLeft(pending, " \t0123456789") == "" {
				ds := last + len(pending) - len(strings.TrimLeft(pending, " \t"))
				for ds < len(text) && (text[ds] == ' ' || text[ds] == '\t') {
					ds++
				}
				h, m := clockWithPart(h, partOfHour(repl))
				pe := ws[k+n-1].end
				verbatim(last, ds)
				replaced(ds, pe, h+":"+m)
				last, changed = pe, true
				k += n - 1
				continue
			}
			if strings.TrimSpace(text[last:w.start]) == "" && k > 0 {
				// the hour before it in words, maybe with its word for
				// hours ("cinq heures moins le quart", "الخامسة إلا ربعا")
				j := k - 1
				if r, ok := rd.word(ws[j].fold); ok && (r == gw.H || r == gw.Hours || r == gw.Hour || r == gw.OClock) && j > 0 &&
					strings.TrimSpace(text[ws[j-1].end:ws[j].start]) == "" {
					j--
				}
				r, ok := rd.word(ws[j].fold)
				h := numberWords[r]
				if n, err := strconv.Atoi(r); err == nil {
					h = n
				}
				if v := rd.number(ws[j].fold); h == 0 && v > 0 {
					h, ok = v, true // "saat beşi yirmi geçe": an hour with a case suffix
				}
				if ok && h >= 1 && h <= 12 && insertBefore(ws[j].start, repl+" ") {
					repl = ""
					break
				}
			}
			repl = ""
		case (repl == gw.Hours || repl == gw.Hour) && k+n <= len(ws) && clockOrHourAt(text, ws[k+n-1].end) && !isDigitRune(strings.TrimRight(text[last:w.start], " \t"), len(strings.TrimRight(text[last:w.start], " \t"))):
			// Italian "ore 16", "alle ore 15:00": the hour's word before it
			repl = gw.At
		case repl == gw.Reply && lastWordIs(b.String(), text[last:w.start], gw.Need, gw.An, gw.Is, gw.Like):
			// "brauchen die Antwort heute": after "need" the answer is a
			// thing needed ("need an answer today")
			repl = rw.Answer
		case repl == gw.By && (rd.spanAfter(text, ws, k+n, true) || rd.spanAfter(text, ws, k+n, false) && numberBeyondDay(text, w.end)):
			// "entro 30 minuti", "entro 48 ore": within the span ("до 18
			// часов" is a clock)
			repl = gw.Within
		case repl == gw.Between && rd.spanAfter(text, ws, k+n, false):
			// "tra due ore", "fra mezz'ora": in that span
			repl = gw.In
		case repl == gw.In && rd.spanAfter(text, ws, k+n, false) && !clockAt2(text, w.end):
			// "in vier Stunden antworten": the span however the verb
			// comes after it, as "within"
			repl = gw.Within
		case repl == gw.In && clockAt2(text, w.end):
			// Serbian "za 16h", "za 16:00": for that time, not in 16 hours
			repl = gw.By
			if eventBefore(b.String(), text[last:w.start]) {
				repl = gw.At // "Konferencija je zakazana za 12h": when it happens, as "previsto per le 14"
			}
		case repl == gw.For:
			// "pour 15h", "para las 15:00", "per le 15": by that time
			// ("o meu artigo é para domingo" is when it runs)
			if rd.timeAfter(text, ws, k+n) {
				repl = gw.By
				if eventBefore(b.String(), text[last:w.start]) {
					repl = gw.At // "previsto per le 14": when it happens
				}
			} else if !rd.broadcastAfter(text, ws, k+n) {
				repl = "" // (but "pour le journal de 20h": for the bulletin)
			}
		case (repl == gw.Afternoon || repl == gw.Evening) && (lastWordIs(b.String(), text[last:w.start], gw.By, gw.Before) ||
			rd.nextReads(text, ws, k+n, gw.Latest) && !lastWordIs(b.String(), text[last:w.start], gw.Today, gw.Tomorrow, gw.This)):
			// "bis zum Nachmittag", "akşama kadar": by this afternoon
			repl = gw.This + " " + repl
		case repl == gw.Afternoon || repl == gw.Evening || repl == gw.Night || repl == gw.Tonight || repl == gw.Morning || repl == gw.Noon || repl == gw.Lunchtime:
			// "ora 2 pasdite", "3 بعد الظهر", "5 heures de l'après-midi",
			// "до 5 часов вечера": the part of the day after an hour is
			// "pm" or "am"
			o := strings.TrimRight(text[last:w.start], " \t")
			if o == "" {
				o = strings.TrimRight(b.String(), " \t")
			}
			o = strings.TrimSuffix(o, gw.H)
			if o != "" && o[len(o)-1] >= '0' && o[len(o)-1] <= '9' {
				if repl == gw.Morning {
					repl = gw.Am
				} else {
					repl = gw.Pm
				}
			}
		case isMonth(repl):
			// "20. Oktober": the day's full stop goes
			if t := strings.TrimRight(text[last:w.start], " \t"); len(t) >= 2 && t[len(t)-1] == '.' && t[len(t)-2] >= '0' && t[len(t)-2] <= '9' {
				verbatim(last, last+len(t)-1)
				replaced(last+len(t)-1, w.start, " ")
				last = w.start
			}
		}
		if repl == gw.Hours || repl == gw.Hour {
			// "до 15 часов", "к 18 часам", "do 15 godziny": after a cue
			// and an hour, the word for hours is the clock's "h"
			pre := strings.TrimRight(text[last:w.start], " \t")
			out := strings.TrimRight(b.String(), " \t")
			if pre != "" && (bareHourBefore(pre, len(pre)) >= 0 && strings.TrimLeft(pre, " \t0123456789") == "" ||
				hasMinutes(pre) && strings.TrimLeft(pre, " \t0123456789:.") == "") &&
				(strings.HasSuffix(out, gw.By) || strings.HasSuffix(out, gw.Before) || strings.HasSuffix(out, gw.At) || strings.HasSuffix(out, gw.Around) ||
					strings.HasSuffix(out, rw.NoLaterThan) || // "не позднее 17 часов", "не пізніше 17 години"
					broadcastWords[out[strings.LastIndexAny(out, " \t\n")+1:]] || byDayBefore(out)) {
				repl = gw.H // (also after a programme: "del informativo de las 21 horas"; "сегодня до 16 часов" rewritten "by today 16")
			}
		}
		if pend := strings.TrimSpace(text[last:w.start]); repl == gw.H && (pend == "" || numberWords[strings.ToLower(pend)] > 0) {
			// "drei Uhr", "trois heures", "six heures" (an English
			// number left as written): a number word's hour is "o'clock"
			out := b.String()
			if len(out) > 64 {
				out = out[len(out)-64:] // (its last words only)
			}
			out = strings.TrimRight(out+text[last:w.start], " \t")
			if i := strings.LastIndexAny(out, " \t\n"); numberWords[out[i+1:]] > 0 {
				repl = gw.OClock
				if lastWordIs(strings.TrimRight(out[:i+1], " \t"), "", gw.In, gw.Within) {
					repl = gw.Hours // "dans trois heures": in three hours, a span
				}
			}
		}
		if repl == gw.Half && rd.sure && rd.halfPrior[rd.lang] {
			// "halb drei", "half drie": half an hour before three, 2:30
			if h, end := rd.hourAfter(text, ws, k+1); h > 0 {
				verbatim(last, w.start)
				h--
				if h == 0 {
					h = 12
				}
				replaced(w.start, end, strconv.Itoa(h)+":30")
				last, changed = end, true
				for k+1 < len(ws) && ws[k+1].start < end {
					k++
				}
				continue
			}
		}
		if repl == gw.H {
			// "14 Uhr", "16.00 uur", "12 sati": the "h" of "14h", glued
			if a := strings.TrimRight(text[last:w.start], " \t"); a != "" && a[len(a)-1] >= '0' && a[len(a)-1] <= '9' {
				if h := bareHourBefore(a, len(a)); h >= 1 && k+1 < len(ws) && strings.TrimSpace(text[w.end:ws[k+1].start]) == "" {
					// "16h et demie", "16h e meia", "cinq heures moins
					// le quart" (the hour in digits): "16:30"
					if pn, pr := rd.match(text, ws, k+1); pn > 0 {
						if part := partOfHour(pr); part != 0 {
							hs, ms := clockWithPart(h, part)
							ds := last + strings.LastIndexFunc(a, func(r rune) bool { return r < '0' || r > '9' }) + 1
							pe := ws[k+pn].end
							verbatim(last, ds)
							replaced(ds, pe, hs+":"+ms)
							last, changed = pe, true
							k += pn
							continue
						}
					}
				}
				verbatim(last, last+len(a))
				end := w.end
				if hasMinutes(a) {
					replaced(last+len(a), w.end, "") // "16.00 uur" reads as "16.00"
				} else if m := minutesAfter(text, w.end); m > 0 {
					replaced(last+len(a), m-2, gw.H) // "14 h 30" reads as "14h30"
					verbatim(m-2, m)
					end = rd.minutesWordAfter(text, ws, m)
					replaced(m, end, "") // "17 часов 30 минут"
				} else if m := rd.joinedMinutes(text, ws, k+1); m > 0 {
					replaced(last+len(a), m-2, gw.H) // "17 horas y 30 minutos", "ore 17 e 30": "17h30"
					verbatim(m-2, m)
					end = rd.minutesWordAfter(text, ws, m)
					replaced(m, end, "")
				} else {
					replaced(last+len(a), w.end, gw.H)
				}
				if end == w.end && strings.HasPrefix(text[end:], ". ") && k+1 < len(ws) {
					// "до 17 ч. по Москве": the abbreviation's full stop
					// ends no sentence before the time's zone
					if zn, zr := rd.match(text, ws, k+1); zn > 0 && isZone(zr) {
						replaced(end, end+1, "")
						end++
					}
				}
				last, changed = end, true
				for k+1 < len(ws) && ws[k+1].start < end {
					k++
				}
				continue
			}
		}
		if isZone(repl) {
			// "17:00, hora de Madrid": the zone of the time before the comma
			if t := strings.TrimRight(text[last:w.start], " \t"); strings.HasSuffix(t, ",") {
				pre := strings.TrimRight(t[:len(t)-1], " \t")
				out := strings.TrimRight(b.String()+pre, " \t")
				if c := out[max(len(out)-1, 0):]; c != "" && (c[0] >= '0' && c[0] <= '9' || c == gw.H || c == gw.M) ||
					strings.HasSuffix(out, " "+gw.OClock) || strings.HasSuffix(out, " "+gw.Pm) || strings.HasSuffix(out, " "+gw.Am) {
					verbatim(last, last+len(pre))
					replaced(last+len(pre), w.start, " ")
					last = w.start
				}
			}
		}
		e := ws[k+n-1].end
		if (repl == "" || utf8.RuneCountInString(ws[k+n-1].fold) <= 4) && strings.HasPrefix(text[e:], ". ") {
			j := e + 1
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if j < len(text) && text[j] >= '0' && text[j] <= '9' {
				e++ // "do godz. 16": the abbreviation's full stop ends no sentence
			} else if zn, zr := rd.match(text, ws, k+n); (repl == gw.Pm || repl == gw.Am || repl == gw.H) && zn > 0 && isZone(zr) {
				e++ // "ως τις 4 μ.μ. ώρα Ελλάδας", "до 17 ч. по Москве": nor before the time's zone
			}
		}
		if isDay(repl) && k+n+1 < len(ws) && joinedBySpace(text, ws[k+n-1:k+n+2]) {
			// "Montag bis Freitag", "od poniedziałku do piątku": a range
			// of days, "Monday to Friday"
			if cn, cr := rd.match(text, ws, k+n); cn == 1 && (cr == gw.By || cr == gw.Before) {
				if dn, dr := rd.match(text, ws, k+n+1); dn == 1 && isDay(dr) {
					verbatim(last, w.start)
					de := ws[k+n+1].end
					replaced(w.start, de, repl+" "+gw.To+" "+dr)
					last, changed = de, true
					k += n + 1
					continue
				}
			}
		}
		if day := dayOf(repl); day != "" && k+n < len(ws) && joinedBySpace(text, ws[k+n-1:k+n+1]) {
			// "jutro do południa", "غداً قبل الساعة 4", "morgenochtend
			// voor 10.00 uur": the day before its cue reads as "by
			// tomorrow noon", "by tomorrow 10.00"
			if cn, cr := rd.match(text, ws, k+n); cn > 0 && ((cr == gw.By || cr == gw.Before) && rd.timeAfter(text, ws, k+n+cn) || strings.HasPrefix(cr, gw.By+" ")) && !avail(k+n) {
				verbatim(last, w.start)
				ce := ws[k+n+cn-1].end
				if rest, ok := strings.CutPrefix(cr, gw.By+" "); ok {
					day += " " + rest // "yarın öğlene kadar": "by tomorrow noon"
				}
				replaced(w.start, ce, gw.By+" "+day)
				last, changed = ce, true
				if j, ok := rd.bareHour(text, ws, k+n+cn); ok {
					replaced(last, j, " ")
					verbatim(j, skipDigits(text, j))
					last = skipDigits(text, j)
					replaced(last, last, gw.H)
				}
				k += n + cn - 1
				continue
			}
		}
		if (repl == gw.Reply || repl == rw.Answer || repl == gw.File || repl == gw.Send || repl == gw.Give || repl == gw.Get || repl == rw.Comment) && k > 0 {
			// "Könnten Sie heute Nachmittag antworten?", "Kunt u
			// morgenochtend reageren?": the verb after its time goes
			// before it, "could reply this afternoon" ("… heute Abend
			// etwas schicken?": "could send me tonight something"); "Ich muss um 17
			// Uhr abgeben": "must file at 17h"
			v := k
			for (repl == gw.Send || repl == gw.Give || repl == gw.Get) && v > k-4 && v > 0 && strings.TrimSpace(text[ws[v-1].end:ws[v].start]) == "" {
				// "heute Abend etwas schicken", "bu akşam bana bir yorum
				// gönderebilir", "vanavond een reactie geven": what is
				// sent or given stays after the time
				if r, ok := rd.word(ws[v-1].fold); !ok || r == "" || !leftFillers[r] && r != gw.Reply {
					break
				}
				v--
			}
			if rs := rd.runStart(text, ws, v); rs >= 0 && rs < w.start && (repl == gw.File || repl == gw.Reply && rd.askedBefore(ws, rs) || !strings.ContainsAny(text[rs:w.start], "0123456789")) &&
				rd.namesTime(text, ws, rs, w.start) && !rd.cueBefore(text, ws, rs) {
				moved := true
				if rs < last {
					moved = insertBefore(rs, repl+" ")
				} else {
					verbatim(last, rs)
					replaced(rs, rs, repl+" ")
					verbatim(rs, w.start)
					last = w.start
				}
				if moved {
					repl = ""
				}
			}
		}
		if repl == gw.The {
			// "antes del día 20", "entro il giorno 20": the 20th
			j := w.end
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if e := skipDigits(text, j); e > j && e-j <= 2 && j > w.end && (e == len(text) || text[e] != ':' && text[e] != '.' || e+1 == len(text) || text[e+1] < '0' || text[e+1] > '9') {
				if d, _ := strconv.Atoi(text[j:e]); d >= 1 && d <= 31 {
					verbatim(last, w.start)
					replaced(w.start, j, gw.The+" ")
					verbatim(j, e)
					replaced(e, e, ordinalSuffix(d))
					last, changed = e, true
					for k+1 < len(ws) && ws[k+1].start < e {
						k++
					}
					continue
				}
			}
		}
		if strings.HasSuffix(repl, gw.Within) {
			// "2 saat içinde", "iki saat içinde": a Turkish postposition
			// after its span reads as "within" before it
			if ns := numberBefore(text, ws, k, rd); ns >= 0 {
				if ns < last {
					_ = insertBefore(ns, gw.Within+" ")
				} else {
					verbatim(last, ns)
					replaced(ns, ns, gw.Within+" ")
					verbatim(ns, w.start)
					last = w.start
				}
				repl = strings.TrimSpace(strings.TrimSuffix(repl, gw.Within))
			}
		}
		if repl == gw.Latest && !avail(k) {
			// "17.00'ye kadar", "Cuma gününe kadar", "20 Ekim'e kadar": a
			// Turkish postposition after its time reads as "by" before
			// it; a zone in brackets after it goes next to the time
			zone, ze := "", e
			if k+n < len(ws) && strings.TrimSpace(text[e:ws[k+n].start]) == "(" {
				if zn, zr := rd.match(text, ws, k+n); zn > 0 && isZone(zr) && strings.HasPrefix(text[ws[k+n+zn-1].end:], ")") {
					zone, ze = zr, ws[k+n+zn-1].end+1
				}
			}
			if rs := rd.runStart(text, ws, k); rs >= 0 {
				moved := true
				if rs >= last {
					verbatim(last, rs)
					replaced(rs, rs, gw.By+" ")
					verbatim(rs, w.start)
				} else {
					moved = insertBefore(rs, gw.By+" ")
					verbatim(last, w.start)
				}
				switch {
				case zone != "":
					replaced(w.start, ze, zone)
				case !moved:
					replaced(w.start, e, gw.Latest) // "beşi yirmi geçe kadar": inside what is read already, "latest" after it
				default:
					replaced(w.start, e, "")
				}
				last, changed = ze, true
				for k+1 < len(ws) && ws[k+1].start < ze {
					k++
				}
				continue
			}
			if zone != "" {
				verbatim(last, w.start)
				replaced(w.start, ze, "("+zone+") "+gw.Latest)
				last, changed = ze, true
				for k+1 < len(ws) && ws[k+1].start < ze {
					k++
				}
				continue
			}
		}
		if isZone(repl) {
			// "Türkiye saatiyle 16:00'ya kadar": a zone before its time
			// goes after it, "16:00 Istanbul time"
			if te := clockAt(text, e); te > 0 {
				verbatim(last, w.start)
				replaced(w.start, e, "")
				verbatim(e, te)
				replaced(te, te, " "+repl)
				last, changed = te, true
				for k+1 < len(ws) && ws[k+1].start < te {
					k++
				}
				continue
			}
		}
		if dayArt, ae := rd.dayArticleAt(ws, k, n, e); (isCue(repl) || repl == gw.Until) && dayArt {
			// "bis zum 15.", "avant le 15", "hasta el 15": the 15th (not
			// 15:00; a month after it is read with it), by that day
			j := ae
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if d := skipDigits(text, j); d > j && d-j <= 2 && dayEnds(text, d) && !rd.monthAt(text, ws, d) && !rd.hourWordAfter(text, ws, d) && rd.dayAlone(text, ws, d) {
				if day, _ := strconv.Atoi(text[j:d]); day >= 1 && day <= 31 {
					if repl == gw.Before {
						repl = gw.By // ("before the 15th" alone is ambiguous in English)
					}
					verbatim(last, w.start)
					replaced(w.start, e, repl)
					last, changed = e, true
					replaced(last, j, " "+gw.The+" ")
					verbatim(j, d)
					replaced(d, d, ordinalSuffix(day))
					last = d
					for k+n < len(ws) && ws[k+n].start < d {
						k++
					}
					k += n - 1
					continue
				}
			}
		}
		if repl == "" && n == 1 && (e > w.end || rd.article(rd.hourNouns, w.fold)) && rd.article(rd.hourArts, w.fold) {
			// "Termin: dziś, godz. 16": an hour article written short
			// with its dot ("godz." for "godzina"), or one that is the
			// noun "hour" itself ("Afati është ora 16": deadline is hour
			// 16), says the bare 13-23 after it is an hour, with no cue
			// before it
			if j, ok := rd.bareHour(text, ws, k+n); ok {
				verbatim(last, w.start)
				replaced(w.start, j, "")
				verbatim(j, skipDigits(text, j))
				last = skipDigits(text, j)
				replaced(last, last, gw.H)
				changed = true
				for k+1 < len(ws) && ws[k+1].start < last {
					k++
				}
				continue
			}
		}
		verbatim(last, w.start)
		replaced(w.start, e, repl)
		last, changed = e, true
		if isCue(repl) || repl == gw.Until || broadcastAt(repl) || repl == gw.Moved+" "+gw.To {
			// "entro le 17", "do 18", "anticipata alle 15" (moved to): a
			// bare 24-hour hour after a cue is
			// "17h" (the English reader leaves a bare 13-23 alone)
			if j, ok := rd.bareHour(text, ws, k+n); ok {
				replaced(last, j, " ")
				verbatim(j, skipDigits(text, j))
				last = skipDigits(text, j)
				replaced(last, last, gw.H)
				// "alle ore 17 e 30", "në orën 17 e 30": its minutes
				// after the joiner
				x := sort.Search(len(ws), func(i int) bool { return ws[i].start >= last })
				if x < len(ws) && ws[x].start > last && strings.Trim(text[last:ws[x].start], " \t") == "" && rd.joiner(ws[x].fold) && minutesAfter(text, ws[x].end) > 0 {
					m := minutesAfter(text, ws[x].end)
					replaced(last, m-2, "")
					verbatim(m-2, m)
					last = rd.minutesWordAfter(text, ws, m)
					replaced(m, last, "")
				}
			}
		}
		k += n - 1
	}
	if !signal {
		// English with a word another language spells alike ("a", "do"):
		// the English reading stands
		return text, nil, false
	}
	verbatim(last, len(text))
	return b.String(), spans, true
}

// spanAfter reports whether a span of minutes (or, unless minutesOnly,
// hours) starts at word k (after spaces): a number or a number word, then
// a word for hours or minutes ("30 minuti", "due ore"), or one phrase read
// as a span ("mezz'ora": "thirty minutes").
func (rd *reader) spanAfter(text string, ws []fword, k int, minutesOnly bool) bool {
	if k >= len(ws) {
		return false
	}
	i := ws[k-1].end
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	unit := k
	if e := skipDigits(text, i); e > i {
		if e != ws[k].start-1 && e != ws[k].start {
			return false
		}
	} else if ws[k].start != i {
		return false
	} else if n, r := rd.match(text, ws, k); n > 0 {
		f := strings.Fields(r)
		if len(f) == 2 && numberWords[f[0]] > 0 && (f[1] == gw.Minutes || f[1] == gw.Hours && !minutesOnly) {
			return true // "mezz'ora": "thirty minutes"
		}
		if len(f) != 1 || numberWords[r] == 0 && r != gw.An {
			return false
		}
		unit = k + n
	} else {
		return false
	}
	_, r := rd.match(text, ws, unit)
	return r == gw.Minutes || !minutesOnly && (r == gw.Hours || r == gw.Hour || r == gw.H && unit > k) // ("in drie uur")
}

// readsAs reports whether the folded word f alone reads as r.
func (rd *reader) readsAs(f, r string) bool {
	got, ok := rd.word(f)
	return ok && got == r
}

// numberAt2 returns the number written in digits or words right before
// word k (after spaces), or -1.
func (rd *reader) numberAt2(text string, ws []fword, k int) int {
	if k == 0 {
		return -1
	}
	if rd.number(ws[k-1].fold) >= 0 && strings.TrimSpace(text[ws[k-1].end:ws[k].start]) == "" {
		return rd.number(ws[k-1].fold)
	}
	return -1
}

// numberBeyondDay reports whether the digits after offset i (after
// spaces) are more than 24: hours no clock can be ("entro 48 ore").
func numberBeyondDay(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	e := skipDigits(text, i)
	if e == i || e-i > 3 {
		return false
	}
	v, _ := strconv.Atoi(text[i:e])
	return v > 24
}

// byDayBefore reports whether the rewritten text so far ends with "by" or
// "before" and then "today" or "tomorrow" ("сегодня до 16 часов",
// "сьогодні до 16 години" are rewritten "by today 16 ..."): an hour after
// them is the day's clock, as after "by" alone.
func byDayBefore(out string) bool {
	i := strings.LastIndexAny(out, " \t\n")
	if w := out[i+1:]; i < 0 || w != gw.Today && w != gw.Tomorrow {
		return false
	}
	rest := strings.TrimRight(out[:i], " \t")
	j := strings.LastIndexAny(rest, " \t\n")
	w := rest[j+1:]
	return w == gw.By || w == gw.Before
}

// hourSuffixAt reports whether an hour 1-12 with a case suffix follows
// offset i after spaces ("5'e", "3’te").
func hourSuffixAt(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	e := skipDigits(text, i)
	if e == i || e-i > 2 || e == len(text) {
		return false
	}
	if h, _ := strconv.Atoi(text[i:e]); h < 1 || h > 12 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[e:])
	return r == '\'' || r == '’' || r == 'ʼ'
}

// apostropheBefore returns the offset of an apostrophe right before i.
func apostropheBefore(text string, i int) (int, bool) {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if r == '\'' || r == '’' || r == 'ʼ' {
		return i - size, true
	}
	return 0, false
}

func isDigitRune(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r >= '0' && r <= '9' || arabicDigit(r) >= 0
}

// joinedBySpace reports whether the words are separated only by spaces,
// tabs, hyphens or one line break (a hard-wrapped line; no blank line, no
// punctuation).
func joinedBySpace(text string, ws []fword) bool {
	for i := 1; i < len(ws); i++ {
		gap := text[ws[i-1].end:ws[i].start]
		if gap == "" || strings.Trim(gap, " \t\r\n-‑") != "" || strings.Count(gap, "\n") > 1 {
			return false // a hard-wrapped line is joined, a blank line is not
		}
	}
	return true
}

func arabicDigit(r rune) int {
	switch {
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	}
	return -1
}

func isCue(s string) bool {
	return s == gw.By || s == gw.Before || s == gw.At || s == rw.NoLaterThan || s == rw.AtTheLatest || s == gw.Around
}

// dayOf returns the day a reading names ("tomorrow" for "tomorrow
// morning", "today" for "this afternoon", "Friday"), or "".
func dayOf(r string) string {
	switch {
	case isDay(r):
		return r
	case len(r) > len(gw.Tomorrow) && r[len(gw.Tomorrow)] == ' ' && strings.HasPrefix(r, gw.Tomorrow):
		return gw.Tomorrow
	case r == gw.Tonight || r == rw.ThisAfternoon || r == rw.ThisMorning || r == rw.ThisEvening:
		return gw.Today
	}
	return ""
}

// bareHourBefore returns the hour written as bare digits ending at i
// ("17" in "saat 17'ye"), or -1 when there is none or it has minutes.
func bareHourBefore(text string, i int) int {
	j := i
	for j > 0 && text[j-1] >= '0' && text[j-1] <= '9' {
		j--
	}
	if i-j < 1 || i-j > 2 || j > 0 && (text[j-1] == ':' || text[j-1] == '.' || text[j-1] == ',') {
		return -1
	}
	h, _ := strconv.Atoi(text[j:i])
	if h > 23 {
		return -1
	}
	return h
}

// minutesAfter returns the end of two minute digits after spaces at i
// ("14 h 30"), or 0.
func minutesAfter(text string, i int) int {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	if j == i || j+2 > len(text) || skipDigits(text, j) != j+2 {
		return 0
	}
	if text[j] > '5' {
		return 0
	}
	return j + 2
}

func skipDigits(text string, j int) int {
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	return j
}

// bareHour finds, after the word at k (skipping words the aliases drop),
// a bare number 13-23 with no minutes and no unit after it, and returns
// its offset.
func (rd *reader) bareHour(text string, ws []fword, k int) (int, bool) {
	i := 0
	if k > 0 {
		i = ws[k-1].end
		if strings.HasPrefix(text[i:], ". ") && utf8.RuneCountInString(ws[k-1].fold) <= 4 {
			i++ // "do godz. 16"
		}
	}
	nl := 0
	// an hour article right before the digits ("le 19"; also the last
	// word of the cue's phrase, "entro le")
	article := k > 0 && rd.article(rd.hourArts, ws[k-1].fold)
	for {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n' && nl == 0) {
			if text[i] == '\n' {
				nl++ // "do\n16": a hard-wrapped line
			}
			i++
		}
		if k < len(ws) && ws[k].start == i {
			if r, ok := rd.word(ws[k].fold); ok && (r == "" || r == gw.At) {
				article = r == "" && rd.article(rd.hourArts, ws[k].fold)
				i = ws[k].end
				if r == "" && strings.HasPrefix(text[i:], ". ") {
					i++ // "do godz. 16"
				}
				k++
				continue
			}
			return 0, false
		}
		break
	}
	e := skipDigits(text, i)
	if e-i != 2 || text[i] < '1' || text[i] > '2' {
		return 0, false
	}
	if rd.monthAt(text, ws, e) || romanAfter(text, e) {
		return 0, false // "do 20 października", "do 15-XI" are dates
	}
	if h := int(text[i]-'0')*10 + int(text[i+1]-'0'); h < 13 || h > 23 {
		return 0, false
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if r == '-' && e+1 < len(text) {
			x := e + 1
			for x < len(text) {
				r2, sz := utf8.DecodeRuneInString(text[x:])
				if !unicode.IsLetter(r2) {
					break
				}
				x += sz
			}
			if dayOrdinals[strings.ToLower(text[e+1:x])] {
				return 0, false // "до 15-го ноября", "do 15-go": a day's ordinal
			}
		}
		if unicode.IsLetter(r) || r == ':' || r == '/' || r == '\'' || r == '’' || (r == '.' || r == ',' || r == '-') && e+1 < len(text) && text[e+1] >= '0' && text[e+1] <= '9' {
			return 0, false // ("18-00": a clock, as the reader reads it)
		}
		if r == ' ' || r == '\t' {
			// "17 Uhr", "17 heures": the unit glues it already; "do 15
			// procent", "bis 20 Millionen": a quantity, not an hour
			for k < len(ws) && strings.TrimLeft(text[e:ws[k].start], " \t") == "" {
				if rd.joiner(ws[k].fold) && minutesAfter(text, ws[k].end) > 0 {
					break // "do 16 i 30": its minutes after the joiner
				}
				n, r := rd.match(text, ws, k)
				switch {
				case r == gw.H || r == gw.Hours || r == gw.Hour:
					return 0, false
				case article && partOfHour(r) == 0 && !rd.joiner(ws[k].fold) && (k+n >= len(ws) || rd.number(ws[k+n].fold) < 0):
					// "entro le 19 per chiudere", "antes de las 20 para
					// cerrar": the article says it is an hour (not "las 16
					// y cuarto", "las 17 menos veinte": its minutes follow)
				case n == 0:
					return 0, false
				case r == "":
					e, k = ws[k+n-1].end, k+n
					continue
				case !timeish(r) && !afterHourWords[r]:
					return 0, false
				}
				break
			}
		}
	}
	return i, true
}

// article reports whether the folded word f is an article of the
// language read in set (deadline.hour_articles, day_articles).
func (rd *reader) article(set map[string][]int, f string) bool {
	for _, li := range set[f] {
		if li == rd.lang {
			return true
		}
	}
	return false
}

// dayEnds reports whether a day's digits end at d: the text ends, or a
// space or a stop follows that no digit or hour letter continues ("15.",
// "15,"; not "05/03", "15:00", "15h", "15.30").
func dayEnds(text string, d int) bool {
	if d >= len(text) {
		return true
	}
	switch text[d] {
	case ' ', '\t', '\n', '\r', '!', '?', ';', ')':
		return true
	case '.', ',':
		return d+1 >= len(text) || text[d+1] < '0' || text[d+1] > '9'
	}
	return false
}

// dayAlone reports whether nothing but a stop, a time word or a
// request follows a day's digits ending at d in their clause ("bis zum
// 15.", "avant le 15, merci"; not "hasta el 15 por ciento", "bis zum 15.
// Mal").
func (rd *reader) dayAlone(text string, ws []fword, d int) bool {
	x := sort.Search(len(ws), func(x int) bool { return ws[x].start >= d })
	for ; x < len(ws); x++ {
		gap := text[d:ws[x].start]
		if strings.ContainsAny(gap, ",;!?()\n") || strings.Contains(gap, ". ") && !strings.HasPrefix(gap, ". ") {
			return true
		}
		n, r := rd.match(text, ws, x)
		switch {
		case n == 0:
			return false
		case r == "":
			d = ws[x+n-1].end
			x += n - 1
			continue
		}
		return timeish(r) || afterHourWords[r]
	}
	return true
}

// dayArticleAt reports whether the cue read from words k..k+n-1 (ending
// at offset e) ends in a day article of the language read ("bis zum"), or
// the word after it is one ("avant le"); it returns where the article
// ends.
func (rd *reader) dayArticleAt(ws []fword, k, n, e int) (bool, int) {
	if rd.article(rd.dayArts, ws[k+n-1].fold) {
		return true, e
	}
	if k+n < len(ws) && rd.article(rd.dayArts, ws[k+n].fold) {
		return true, ws[k+n].end
	}
	return false, e
}

// hourWordAfter reports whether a word read as hours follows offset i
// ("le 15 heures" is 15:00, not the 15th).
func (rd *reader) hourWordAfter(text string, ws []fword, i int) bool {
	x := sort.Search(len(ws), func(x int) bool { return ws[x].start >= i })
	if x >= len(ws) || strings.TrimLeft(text[i:ws[x].start], " ") != "" {
		return false
	}
	_, r := rd.match(text, ws, x)
	return r == gw.H || r == gw.Hours || r == gw.Hour
}

// romanAfter reports whether a month in Roman numerals follows a day's
// digits ending at e: "15-XI", "15.XI", "15/XI", "15 XI".
func romanAfter(text string, e int) bool {
	if e >= len(text) {
		return false
	}
	spaced := text[e] == ' ' || strings.HasPrefix(text[e:], ". ")
	if text[e] == '.' && spaced {
		e++ // "15. XI" (Serbian: the day an ordinal)
	}
	if spaced || text[e] == '-' || text[e] == '.' || text[e] == '/' {
		e++
	}
	j := e
	for j < len(text) && (text[j] == 'I' || text[j] == 'V' || text[j] == 'X') {
		j++
	}
	if j == e || spaced && j-e < 2 {
		return false
	}
	if j < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return romanMonth(text[e:j]) > 0
}

// afterHourWords may follow a bare hour ("do 16 molim", "bis 17 bitte",
// "do 16 jer…").
// (rewrite.go fills it).
var afterHourWords = map[string]bool{}

// hasMinutes reports whether s ends in a time with minutes ("16.00",
// "14:30").
func hasMinutes(s string) bool {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	return len(s)-i == 2 && i >= 2 && (s[i-1] == ':' || s[i-1] == '.') && s[i-2] >= '0' && s[i-2] <= '9'
}

// match returns the phrase or alias that starts at word k: its length in
// words (0: none) and its replacement.
func (rd *reader) match(text string, ws []fword, k int) (int, string) {
	if k >= len(ws) {
		return 0, ""
	}
	if rd.firsts[ws[k].phraseFold()] {
		if len(rd.phraseLen) != len(ws) {
			rd.phraseLen, rd.phraseRep = make([]uint8, len(ws)), make([]string, len(ws))
		}
		if n := rd.phraseLen[k]; n > 1 {
			return int(n - 1), rd.phraseRep[k]
		} else if n == 1 {
			return rd.wordMatch(ws, k)
		}
		// the longest phrase from word k: grow the key a word at a
		// time while it is the start of some phrase (no allocation)
		var kb [160]byte
		key := append(kb[:0], ws[k].phraseFold()...)
		other := ws[k].english == "" // a word not English's own (englishSentences)
		bestL, bestR := 0, ""
		for L := 2; L <= rd.maxPhrase && k+L <= len(ws); L++ {
			if !joinedBySpace(text, ws[k+L-2:k+L]) {
				break
			}
			key = append(append(key, ' '), ws[k+L-1].phraseFold()...)
			if !rd.prefixes[string(key)] {
				break
			}
			other = other || ws[k+L-1].english == ""
			if as, ok := rd.phrases[string(key)]; ok && other {
				if r, ok := rd.pick(as); ok {
					bestL, bestR = L, r
				}
			}
		}
		rd.phraseLen[k], rd.phraseRep[k] = uint8(bestL+1), bestR
		if bestL > 0 {
			return bestL, bestR
		}
	}
	return rd.wordMatch(ws, k)
}

// wordMatch returns the reading of word k alone.
func (rd *reader) wordMatch(ws []fword, k int) (int, string) {
	if r, ok := rd.word(ws[k].fold); ok {
		return 1, r
	}
	return 0, ""
}

// isZone reports whether a replacement names a zone ("Paris time", "CET").
func isZone(r string) bool {
	if len(r) > len(gw.Time) && r[len(r)-len(gw.Time)-1] == ' ' && strings.HasSuffix(r, gw.Time) {
		return true
	}
	return rewriteZones.has(r)
}

// availableClauses marks the words of each clause (up to a full stop,
// comma, semicolon, question or exclamation mark or line break) that says
// someone or something is available, reachable, open or away, or speaks of
// yesterday or of an event held: there "bis", "jusqu'à", "do" mean
// "until", not "by".
func (rd *reader) availableClauses(text string, ws []fword) map[int]bool {
	var m map[int]bool
	from := 0
	for k := 0; k <= len(ws); k++ {
		if k < len(ws) && k > from {
			gap := text[ws[k-1].end:ws[k].start]
			if !strings.ContainsAny(gap, ",;!?\n") && !sentenceStop(gap) {
				continue
			}
		}
		if k < len(ws) && k == from {
			continue
		}
		// the clause is ws[from:k]
		for j := from; j < k; j++ {
			n, r := rd.match(text, ws, j)
			if n > 0 && untilWords.has(r) {
				if m == nil {
					m = map[int]bool{}
				}
				for x := from; x < k; x++ {
					m[x] = true
				}
				break
			}
			if n > 1 {
				j += n - 1 // the words of a phrase read whole: Italian "nostro orario" is "our time", not "orario" (office hours)
			}
		}
		from = k
	}
	return m
}

// numberBefore returns where the number before word k starts ("2" or
// "iki" in "2 saat içinde", the word or phrase at k naming the unit), or -1.
func numberBefore(text string, ws []fword, k int, rd *reader) int {
	gapStart := 0
	if k > 0 {
		gapStart = ws[k-1].end
	}
	gap := strings.TrimRight(text[gapStart:ws[k].start], " \t")
	if d := strings.TrimLeft(gap, " \t"); d != "" && strings.Trim(d, "0123456789") == "" {
		return gapStart + strings.Index(gap, d)
	}
	if k > 0 && strings.TrimSpace(gap) == "" {
		if r, ok := rd.word(ws[k-1].fold); ok && numberWords[r] > 0 {
			return ws[k-1].start
		}
	}
	return -1
}

// hourAfter reads the hour after word k-1 ("3", "drei"): 1-12 and where
// it ends, or 0.
func (rd *reader) hourAfter(text string, ws []fword, k int) (int, int) {
	i := ws[k-1].end
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if e := skipDigits(text, i); e > i && e-i <= 2 {
		if h, _ := strconv.Atoi(text[i:e]); h >= 1 && h <= 12 && (e == len(text) || text[e] != ':' && text[e] != '.' || e+1 == len(text) || text[e+1] < '0' || text[e+1] > '9') {
			return h, e
		}
		return 0, 0
	}
	if k < len(ws) && ws[k].start == i {
		if r, ok := rd.word(ws[k].fold); ok && numberWords[r] >= 1 && numberWords[r] <= 12 {
			return numberWords[r], ws[k].end
		}
		if v := rd.number(ws[k].fold); v >= 1 && v <= 12 {
			return v, ws[k].end // "dziesięć po piątej": an hour the aliases do not read
		}
	}
	return 0, 0
}

// lastWordIs reports whether the last word written, then pending, is one
// of words.
func lastWordIs(written, pending string, words ...string) bool {
	t := strings.TrimRight(pending, " \t")
	if t == "" {
		t = strings.TrimRight(written, " \t")
	} else if strings.ContainsFunc(t, unicode.IsLetter) {
		return false // an unknown word in between
	}
	last := t[strings.LastIndexAny(t, " \t\n")+1:]
	for _, w := range words {
		if last == w {
			return true
		}
	}
	return false
}

// eventBefore reports whether the last word written, then pending, is an
// event or its schedule ("scheduled", "conference", "broadcast").
func eventBefore(written, pending string) bool {
	if len(written) > 64 {
		written = written[len(written)-64:] // (only its last word is read)
	}
	t := strings.TrimRight(written+pending, " \t")
	i := strings.LastIndexAny(t, " \t\n")
	return eventWords.has(t[i+1:])
}

// afterHour reports whether what was written, then pending, ends in an
// hour ("9", "9h", "09:00") and not a date ("20.10.", "20/10").
func afterHour(written, pending string) bool {
	t := strings.TrimRight(pending, " \t")
	if t == "" {
		t = strings.TrimRight(written, " \t")
	}
	t = strings.TrimSuffix(t, gw.H)
	i := len(t)
	for i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		i--
	}
	if n := len(t) - i; n < 1 || n > 2 {
		return false
	}
	if i >= 3 && (t[i-1] == ':' || t[i-1] == '.' || t[i-1] == '-' && (t[i:] == "00" || t[i:] == "30")) {
		j := i - 1
		for j > 0 && t[j-1] >= '0' && t[j-1] <= '9' {
			j--
		}
		if i-1-j < 1 || i-1-j > 2 {
			return false
		}
		if t[i-1] == '.' && len(t)-i == 2 && (t[i] == '0' || t[i] == '1' && t[i+1] <= '2') && t[i:] != "00" {
			return false // "до 18.01 до 12:00": a day and month before the time
		}
		i = j
	}
	return i == 0 || t[i-1] == ' ' || t[i-1] == '\t' || t[i-1] == '(' || t[i-1] == ':'
}

// sentenceStop reports whether a gap between words ends a sentence: a
// full stop, but not one after a bare day ("25. Oktober") or inside a
// time ("16.30").
func sentenceStop(gap string) bool {
	for i := 0; i < len(gap); i++ {
		if gap[i] != '.' || i+1 < len(gap) && gap[i+1] != ' ' {
			continue
		}
		j := i
		for j > 0 && gap[j-1] >= '0' && gap[j-1] <= '9' {
			j--
		}
		if n := i - j; n >= 1 && n <= 2 && (j == 0 || gap[j-1] == ' ') {
			continue // "25. Oktober": a day's full stop
		}
		return true
	}
	return false
}

// commaClock returns the end of a clock written with a decimal comma at
// i ("15,30", "9,45": an hour 0-23, a comma, two digits 00-59), or 0;
// not a figure in a list or a larger number ("15,300", "3,50,70").
func commaClock(text string, i, to int) int {
	if i > 0 && (text[i-1] >= '0' && text[i-1] <= '9' || text[i-1] == ',' || text[i-1] == '.') {
		return 0
	}
	j := i
	for j < to && j-i < 3 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j == i || j-i > 2 || j+3 > to || text[j] != ',' {
		return 0
	}
	h := 0
	for _, c := range text[i:j] {
		h = h*10 + int(c-'0')
	}
	m1, m2 := text[j+1], text[j+2]
	if h > 23 || m1 < '0' || m1 > '5' || m2 < '0' || m2 > '9' {
		return 0
	}
	e := j + 3
	if e < len(text) && (text[e] >= '0' && text[e] <= '9' || text[e] == ',' && e+1 < len(text) && text[e+1] >= '0' && text[e+1] <= '9') {
		return 0
	}
	if !clauseEndAfter(text, e) && !zoneAbbrevAfter(text, e) {
		return 0 // "15,30 kn", "15,30 eura": a price ("15,30 h" is read elsewhere)
	}
	return e
}

// zoneAbbrevAfter reports whether a zone's abbreviation follows offset i
// after one space: two to four capitals closing the clause ("15,30 CET.").
func zoneAbbrevAfter(text string, i int) bool {
	if i >= len(text) || text[i] != ' ' {
		return false
	}
	j := i + 1
	for j < len(text) && text[j] >= 'A' && text[j] <= 'Z' {
		j++
	}
	return j-i-1 >= 2 && j-i-1 <= 4 && clauseEndAfter(text, j)
}

// clauseEndAfter reports whether the clause ends at offset i: only
// spaces, then a full stop, comma, question or exclamation mark (the
// Greek ";" too), a line break or the end of the text.
func clauseEndAfter(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i >= len(text) {
		return true
	}
	switch text[i] {
	case '.', ',', '?', '!', ';', '\n', '\r':
		return true
	}
	return strings.HasPrefix(text[i:], ";") // Greek question mark
}

// digitBefore reports whether a digit ends the text before offset i,
// after spaces ("17.00 için").
func digitBefore(text string, i int) bool {
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i > 0 && text[i-1] >= '0' && text[i-1] <= '9'
}

// asksAfter reports whether a word read as a request ("please", "need",
// "reply", "could") follows word k within a few words of its sentence
// ("… için yanıt rica ediyorum", "… için bir açıklamaya ihtiyacımız var").
func (rd *reader) asksAfter(text string, ws []fword, k int) bool {
	for j := k; j < len(ws) && j < k+8; j++ {
		if j > 0 && (sentenceStop(text[ws[j-1].end:ws[j].start]) || strings.ContainsAny(text[ws[j-1].end:ws[j].start], "\n;!?")) {
			return false
		}
		switch r, _ := rd.word(ws[j].fold); r {
		case gw.Please, gw.Need, gw.Needed, gw.Reply, gw.Could:
			return true
		}
	}
	return false
}

// clockAt returns the end of a clock time ("16:00", "16.00") after
// spaces at i, or 0.
func clockAt(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	h := skipDigits(text, i)
	if h-i < 1 || h-i > 2 || h+1 >= len(text) || text[h] != ':' && text[h] != '.' && text[h] != '-' {
		return 0
	}
	m := skipDigits(text, h+1)
	if m-h-1 != 2 {
		return 0
	}
	if text[h] == '-' && (text[h+1:m] != "00" && text[h+1:m] != "30" || m < len(text) && text[m] == '-') {
		return 0 // "18-00", "17-30" (as the reader takes them), not "12-15", "12-30-2023"
	}
	return m
}

// clockOrHourAt reports whether a clock time or a bare hour (1-2 digits
// not followed by a letter or more digits) follows spaces at i.
func clockOrHourAt(text string, i int) bool {
	j := i
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j == i {
		return false
	}
	e := skipDigits(text, j)
	if e-j < 1 || e-j > 2 {
		return false
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// clockAt2 reports whether a clock time follows spaces at i: "16:00",
// "16.00", "16h", "16h30".
func clockAt2(text string, i int) bool {
	if clockAt(text, i) > 0 {
		return true
	}
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	e := skipDigits(text, i)
	if e-i < 1 || e-i > 2 || e >= len(text) || text[e] != 'h' && text[e] != 'H' {
		return false
	}
	if e+1 < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e+1:])
		return !unicode.IsLetter(r) // "16h", "16h30", not "16 hours"
	}
	return true
}

// timeish reports whether a reading belongs to a time or date ("Friday",
// "tomorrow", "this evening", a zone, or nothing).
func timeish(r string) bool {
	if r == "" || isDay(r) || isMonth(r) || isZone(r) {
		return true
	}
	for _, w := range strings.Fields(r) {
		if !timeishWords.has(w) && (strings.Trim(w, "0123456789:") != "" || !hasMinutes(w)) {
			return false // (a clock the rewriting wrote, "5:45", is one)
		}
	}
	return true
}

// runStart returns where the time before the postposition at word k
// starts ("Cuma gününe" before "kadar", "17.00'ye"), or -1: the words
// before it read as times, dates or nothing, and the gaps between them
// hold digits, spaces and clock punctuation only.
func (rd *reader) runStart(text string, ws []fword, k int) int {
	start := -1
	gapEnd := ws[k].start
	for j := k - 1; ; j-- {
		gapStart := 0
		if j >= 0 {
			gapStart = ws[j].end
		}
		gap := text[gapStart:gapEnd]
		if strings.ContainsAny(gap, "\n\r,;!?()\"") || strings.Contains(gap, ". ") && !rd.ordinalDayGap(gap, ws, j+1) {
			break
		}
		if d := strings.IndexAny(gap, "0123456789"); d >= 0 {
			start = gapStart + d
		}
		if j < 0 {
			break
		}
		w := ws[j]
		if a, ok := apostropheBefore(text, w.start); ok && a > 0 && isDigitRune(text, a) {
			gapEnd = w.start // "17.00'ye": the suffix
			continue
		}
		if p := rd.phraseEndingAt(text, ws, j); p >= 0 {
			// the last word of a phrase that reads as a time ("gleich
			// morgen früh", "morgen als eerste": first thing tomorrow)
			start, gapEnd, j = ws[p].start, ws[p].start, p
			continue
		}
		r, ok := rd.word(w.fold)
		if !ok || !timeish(r) && numberWords[r] == 0 {
			if _, _, hn := rd.inflectedHour(text, ws, j); hn == 0 {
				break
			}
		}
		start, gapEnd = w.start, w.start
	}
	return start
}

// ordinalDayGap reports whether gap, before word k, is a day of the
// month written as an ordinal with a full stop before its month ("bis
// zum 22. Januar antworten": the date, not a sentence's end).
func (rd *reader) ordinalDayGap(gap string, ws []fword, k int) bool {
	i := strings.Index(gap, ". ")
	if i <= 0 || gap[i-1] < '0' || gap[i-1] > '9' || strings.Contains(gap[i+2:], ". ") || k >= len(ws) {
		return false
	}
	r, _ := rd.word(ws[k].fold)
	return isMonth(r)
}

// inflectedHour reads an hour in words right after a word read as "at"
// ("saat beşe", "στις επτά", "um sieben", "в семь"), or one the aliases
// do not read, a number with a case suffix ("beşe", "sekize", "on
// yediye"), right before a word read as "latest" ("kadar"): the hour,
// the end of its words and their count (0: none). After "at" a number
// word is an hour (the rules then read it as a bare hour), unless a unit
// follows it.
func (rd *reader) inflectedHour(text string, ws []fword, k int) (int, int, int) {
	h, hn := rd.numberAt(text, ws, k)
	if hn == 0 || h < 1 || h > 23 || rd.phraseAt(text, ws, k) {
		return 0, 0, 0
	}
	e := k + hn
	before := k > 0 && spaced(text, ws, k) && func() bool {
		if r, _ := rd.word(ws[k-1].fold); r == gw.At {
			return true
		}
		n, r := rd.match(text, ws, max(k-2, 0)) // "në orën pesë": a phrase read as "at"
		return k >= 2 && n == 2 && r == gw.At
	}()
	after := spaced(text, ws, e) && func() bool { r, _ := rd.word(ws[e].fold); return r == gw.Latest }()
	if r, ok := rd.word(ws[k+hn-1].fold); ok && numberWords[r] > 0 && !before {
		return 0, 0, 0 // "fünf kadar"? the aliases read it ("five")
	}
	if !before && !after {
		return 0, 0, 0
	}
	if e < len(ws) && spaced(text, ws, e) {
		// "um fünf Minuten", "στις πέντε λεπτά": a quantity after "at"
		if r, _ := rd.word(ws[e].fold); r == gw.Minutes || r == gw.Hours || r == gw.Hour || r == gw.H || r == gw.OClock {
			return 0, 0, 0 // (and "om vijf uur": the word for hours reads it)
		}
	}
	return h, ws[e-1].end, hn
}

// phraseEndingAt returns the first word of the longest phrase of two or
// more words that ends at word j and reads as a time, or -1.
func (rd *reader) phraseEndingAt(text string, ws []fword, j int) int {
	first := -1
	if !rd.lasts[ws[j].fold] {
		return first
	}
	for p := j - 1; p >= 0 && p > j-rd.maxPhrase; p-- {
		if !rd.firsts[ws[p].fold] {
			continue
		}
		if n, r := rd.match(text, ws, p); n > 1 && p+n-1 == j && r != "" && timeish(clockTail(r)) {
			first = p
		}
	}
	return first
}

// cueBefore reports whether the word right before offset i reads as a
// cue or a number ("bis heute Nachmittag antworten": "by this
// afternoon"; "binnen twee uur": "within two hours").
func (rd *reader) cueBefore(text string, ws []fword, i int) bool {
	// the last word ending at or before i (words are in text order)
	j := sort.Search(len(ws), func(x int) bool { return ws[x].end > i }) - 1
	if j < 0 || strings.TrimSpace(text[ws[j].end:i]) != "" {
		return false
	}
	r, _ := rd.word(ws[j].fold)
	if cueBeforeWord.has(r) {
		return true
	}
	return numberWords[r] > 0 // "binnen twee uur reageren"
}

// nextReads reports whether the word k reads as r, right after word k-1.
func (rd *reader) nextReads(text string, ws []fword, k int, r string) bool {
	if k >= len(ws) || strings.TrimSpace(text[ws[k-1].end:ws[k].start]) != "" {
		return false
	}
	_, got := rd.match(text, ws, k)
	return got == r
}

// namesTime reports whether a word between from and to reads as a day or
// a part of one (not only words the aliases drop).
func (rd *reader) namesTime(text string, ws []fword, from, to int) bool {
	for x := sort.Search(len(ws), func(x int) bool { return ws[x].start >= from }); x < len(ws); x++ {
		w := ws[x]
		if w.end > to {
			break
		}
		if r, ok := rd.word(w.fold); ok && r != "" && timeish(r) {
			return true
		}
		if rd.firsts[w.fold] {
			// a phrase that reads as a time ("über Nacht": overnight)
			if n, r := rd.match(text, ws, x); n > 1 && ws[x+n-1].end <= to && r != "" && timeish(clockTail(r)) {
				return true
			}
		}
	}
	return false
}

// ordinalSuffix returns the English suffix of a day of the month.
func ordinalSuffix(d int) string {
	switch {
	case d%10 == 1 && d != 11:
		return gw.St
	case d%10 == 2 && d != 12:
		return gw.Nd
	case d%10 == 3 && d != 13:
		return gw.Rd
	}
	return gw.Th
}

// isMonth reports whether a replacement is a month ("October").
func isMonth(r string) bool {
	return monthNames.has(r)
}

// dateAfter reports whether a day of a month follows word k-1, past the
// words the aliases drop: "20 de octubre", "20. Oktober", "τις 20
// Οκτωβρίου", "20/10".
func (rd *reader) dateAfter(text string, ws []fword, k int) bool {
	i := ws[k-1].end
	for {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if k < len(ws) && ws[k].start == i {
			if r, ok := rd.word(ws[k].fold); ok && r == "" {
				i, k = ws[k].end, k+1
				continue
			}
			return false
		}
		break
	}
	e := i
	for e < len(text) {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !(r >= '0' && r <= '9' || arabicDigit(r) >= 0) {
			break
		}
		e += size
	}
	if e == i {
		return false
	}
	if e+1 < len(text) && text[e] == '/' && text[e+1] >= '0' && text[e+1] <= '9' {
		return true // "avant le 20/10"
	}
	return rd.monthAt(text, ws, e)
}

// monthAt reports whether a month name follows offset i, past a full
// stop, spaces and the words the aliases drop ("20. Oktober", "20 de
// octubre").
func (rd *reader) monthAt(text string, ws []fword, i int) bool {
	if i < len(text) && text[i] == '.' {
		i++
	}
	k := sort.Search(len(ws), func(x int) bool { return ws[x].start >= i }) // (a scan from the start was quadratic on hostile repeats)
	for {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if k >= len(ws) || ws[k].start != i {
			return false
		}
		n, r := rd.match(text, ws, k)
		switch {
		case n == 0:
			return false
		case isMonth(r):
			return true
		case r == "":
			i, k = ws[k+n-1].end, k+n
			continue
		}
		return false
	}
}

// isDay reports whether a replacement is a day ("tomorrow", "Friday").
func isDay(r string) bool {
	return r == gw.Today || r == gw.Tomorrow || dayNames.has(r)
}

// timeAfter reports whether a time follows word k-1 (past the words the
// aliases drop): a number, or noon, midnight, end of day ("Montag bis
// Freitag" is a range of days, not "by Monday").
func (rd *reader) timeAfter(text string, ws []fword, k int) bool {
	i := ws[k-1].end
	for {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i >= len(text) {
			return false
		}
		if text[i] >= '0' && text[i] <= '9' {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(text[i:]); arabicDigit(r) >= 0 {
			return true
		}
		if k >= len(ws) || ws[k].start != i {
			return false
		}
		n, r := rd.match(text, ws, k)
		r = clockTail(r)
		switch {
		case n == 1 && (r == "" || r == gw.At):
			i, k = ws[k].end, k+1
			if r == "" && strings.HasPrefix(text[i:], ". ") && utf8.RuneCountInString(ws[k-1].fold) <= 4 {
				i++ // "do godz. 10"
			}
			continue
		case r == gw.Noon || r == gw.Midnight || r == rw.EndOfDay || numberWords[r] > 0 || r != "" && strings.Trim(r, "0123456789") == "" ||
			hasMinutes(r) && strings.Trim(r, "0123456789:") == "":
			return true
		}
		if _, cn, _ := rd.wordClock(text, ws, k, true); cn > 0 {
			return true // "à dix-sept heures", "a las diecisiete treinta"
		}
		if _, _, hn := rd.inflectedHour(text, ws, k); hn > 0 {
			return true // "saat beşe kadar"
		}
		return false
	}
}

// europeanDate reads a day-month date written with full stops at i
// ("20.10.", "20.10.2023") and returns its end and the form the English
// reader knows ("20/10", "20/10/2023"); 0 when there is none. "20.10" with
// no second full stop, or "16.10." at the end of a line, is a time.
func europeanDate(text string, i, to int) (int, string) {
	if i > 0 && (text[i-1] >= '0' && text[i-1] <= '9' || text[i-1] == '.') {
		return 0, ""
	}
	d := skipDigits(text, i)
	if d-i < 1 || d-i > 2 || d >= to || text[d] != '.' {
		return 0, ""
	}
	m := skipDigits(text, d+1)
	if m-d-1 < 1 || m-d-1 > 2 {
		return 0, ""
	}
	day, _ := strconv.Atoi(text[i:d])
	mon, _ := strconv.Atoi(text[d+1 : m])
	if day < 1 || day > 31 || mon < 1 || mon > 12 {
		return 0, ""
	}
	if (m >= to || text[m] != '.') && m-d-1 == 2 && timeFollows(text, m) {
		// "до 18.01 до 12:00", "do 18.01 do godz. 12": a time follows
		// in a word or two, so this one is the date
		return m, text[i:d] + "/" + text[d+1:m]
	}
	if m >= to || text[m] != '.' {
		return 0, ""
	}
	if y := skipDigits(text, m+1); (y-m-1 == 4 || y-m-1 == 2) && y <= to {
		return y, text[i:d] + "/" + text[d+1:m] + "/" + text[m+1:y]
	}
	// "20.10. antworten", "20.10., 12 Uhr", "bis zum 20.10." at the end of
	// a sentence: a date (a time's minutes are rarely 01-12: "16.00." and
	// "16.30." are no dates)
	return m + 1, text[i:d] + "/" + text[d+1:m]
}

// timeFollows reports whether, after spaces at i, one or two short words
// (a cue, "godz.") and then a clock in digits follow ("до 12:00", "do
// godz. 12", "à 12h").
func timeFollows(text string, i int) bool {
	for w := 0; w < 3; w++ {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if e := skipDigits(text, i); e > i && e-i <= 2 && w > 0 {
			return e == len(text) || text[e] == ':' || text[e] == '.' || text[e] == ' ' || text[e] == 'h' || text[e] == ',' || text[e] == '\n'
		}
		j, n := i, 0
		for j < len(text) && n < 8 {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
			n++
		}
		if n == 0 || n == 8 {
			return false
		}
		if j < len(text) && text[j] == '.' {
			j++ // "godz."
		}
		i = j
	}
	return false
}

// partOfHour reads a part of an hour as the rewriting writes it ("half
// past", "quarter to", "ten to", "twenty past": five, ten or twenty
// minutes, or a quarter or a half) as signed minutes; 0 when repl is none.
func partOfHour(repl string) int {
	f := strings.Fields(repl)
	if len(f) != 2 {
		return 0
	}
	sign := 1
	switch f[1] {
	case gw.Past:
	case gw.To:
		sign = -1
	default:
		return 0
	}
	m := 0
	switch f[0] {
	case gw.Half:
		if sign < 0 {
			return 0
		}
		m = 30
	case gw.Quarter:
		m = 15
	default:
		if n := numberWords[f[0]]; n == 5 || n == 10 || n == 20 {
			m = n
		}
	}
	return sign * m
}

// clockTail writes a reading that ends in a part of an hour and the
// hour in words ("quarter to six" for "dreiviertel sechs", "altıya
// çeyrek kala", "без четверти шесть"; "by half past five") with the
// clock in digits ("5:45", "by 5:30"), read also when a verb follows it.
func clockTail(r string) string {
	if i := strings.LastIndexByte(r, ' '); i < 0 || numberWords[r[i+1:]] == 0 || strings.Count(r, " ") < 2 {
		return r
	}
	f := strings.Fields(r)
	n := len(f)
	part := partOfHour(f[n-3] + " " + f[n-2])
	h := numberWords[f[n-1]]
	if part == 0 || h < 1 || h > 12 {
		return r
	}
	hs, ms := clockWithPart(h, part)
	return strings.Join(append(f[:n-3:n-3], hs+":"+ms), " ")
}

// clockWithPart writes hour h (1-23) moved by part minutes as "h:mm"
// ("16", -15 → "15:45"; "4", 30 → "4:30").
func clockWithPart(h, part int) (string, string) {
	m := part
	if part < 0 {
		h, m = (h+23)%24, 60+part
		if h == 0 {
			h = 12
		}
	}
	ms := strconv.Itoa(m)
	if m < 10 {
		ms = "0" + ms
	}
	return strconv.Itoa(h), ms
}

// joinedMinutes returns the end of two minute digits after the joiner at
// word k ("y 30" in "17 horas y 30"), or 0.
func (rd *reader) joinedMinutes(text string, ws []fword, k int) int {
	if !spaced(text, ws, k) || !rd.joiner(ws[k].fold) {
		return 0
	}
	return minutesAfter(text, ws[k].end)
}

// minutesWordAfter returns the end of a word for minutes right after
// offset i ("30 minutos"), or i.
func (rd *reader) minutesWordAfter(text string, ws []fword, i int) int {
	x := sort.Search(len(ws), func(j int) bool { return ws[j].start >= i })
	if x < len(ws) && strings.Trim(text[i:ws[x].start], " \t") == "" && ws[x].start > i {
		if r, _ := rd.word(ws[x].fold); r == gw.Minutes {
			return ws[x].end
		}
	}
	return i
}

// askedBefore reports whether the words before offset i (past words the
// aliases drop) ask: "could", "please", "me", "us", "you" ("Könnten Sie
// mir um 17 Uhr antworten?", not "Der Minister wird um 17 Uhr
// antworten").
func (rd *reader) askedBefore(ws []fword, i int) bool {
	x := sort.Search(len(ws), func(j int) bool { return ws[j].start >= i }) - 1
	for n := 0; x >= 0 && n < 3; x, n = x-1, n+1 {
		r, _ := rd.word(ws[x].fold)
		switch r {
		case "", gw.At, gw.Around:
			continue // "Kunt u rond 18.00 uur reageren?"
		case gw.Could, gw.Please, gw.Me, gw.Us, gw.You:
			return true
		}
		return false
	}
	return false
}

// hourNames are English's words for the hours 1-12 ("five").
var hourNames = func() (n [13]string) {
	for w, v := range numberWords {
		if v >= 1 && v <= 12 && (n[v] == "" || w < n[v]) {
			n[v] = w
		}
	}
	return n
}()

// clauseEndsAt reports whether nothing but punctuation, or a word read as
// a time, a part of the day or a request verb, follows offset i in its
// clause ("στις επτά.", "um fünf antworten?"): an hour in words there is
// no quantity ("um fünf Prozent").
func (rd *reader) clauseEndsAt(text string, ws []fword, i int) bool {
	x := sort.Search(len(ws), func(j int) bool { return ws[j].start >= i })
	if x == len(ws) {
		return true
	}
	gap := text[i:ws[x].start]
	if strings.Trim(gap, " \t") != "" {
		return true // punctuation
	}
	n, r := rd.match(text, ws, x)
	if n == 0 || r == "" {
		return false // an unknown or dropped word: maybe a quantity's unit ("fünf Prozent")
	}
	return r == gw.Reply || r == gw.Send || r == gw.Get || r == gw.Give || r == rw.Comment || r == gw.Please || timeish(r) || afterHourWords[r]
}

// clockCue reports whether what was written, then pending, ends in a
// word after which number words are a time of day: a cue ("by",
// "before", "at", "until", "for") or a word for hours ("alle ore
// diciassette").
func (rd *reader) clockCue(written, pending string) bool {
	if lastWordIs(written, pending, gw.By, gw.Before, gw.At, gw.Until, gw.For) {
		return true
	}
	if len(written) > 64 {
		// only its last words are read (all the rewritten text joined at
		// every number word was quadratic)
		written = written[len(written)-64:]
	}
	if t := strings.TrimRight(written+pending, " \t"); strings.TrimSpace(pending) == "" && t != "" {
		// "в пятницу до пяти тридцати": "by Friday", then the hour
		if d := t[strings.LastIndexAny(t, " \t\n")+1:]; isDay(d) || d == gw.Tomorrow || d == gw.Today {
			t = strings.TrimRight(t[:len(t)-len(d)], " \t")
			if lastWordIs(t, "", gw.By, gw.Before) {
				return true
			}
		}
	}
	if !lastWordIs(written, pending, gw.Hours, gw.Hour, gw.H) {
		return false
	}
	// the word for hours after a cue ("alle ore", "at hours"), not after
	// a span ("dans une heure vingt": "in an hour", then twenty)
	t := strings.TrimRight(written+pending, " \t")
	t = strings.TrimRight(t[:strings.LastIndexAny(t, " \t\n")+1], " \t")
	return lastWordIs(t, "", gw.By, gw.Before, gw.At, gw.Until, gw.For)
}

// partPhraseAt reports whether a phrase naming a part of an hour starts
// at word k ("on kala" in "beşe on kala": ten to, not ten minutes past).
func (rd *reader) partPhraseAt(text string, ws []fword, k int) bool {
	if !rd.phraseAt(text, ws, k) {
		return false
	}
	_, r := rd.match(text, ws, k)
	return partOfHour(r) != 0
}

// phraseAt reports whether a phrase of two or more words starts at word
// k ("beşe çeyrek kala", "fünf nach"): the data's phrase is read first.
func (rd *reader) phraseAt(text string, ws []fword, k int) bool {
	if !rd.firsts[ws[k].fold] {
		return false
	}
	n, _ := rd.match(text, ws, k)
	return n > 1
}

// number returns the value of a number word in the language the text's
// words vote for (its data file's "numbers"), or -1: only that
// language's, as English "on" is not Turkish ten.
func (rd *reader) number(f string) int {
	for _, x := range rd.numbers[f] {
		if x.lang == rd.lang {
			return x.val
		}
	}
	return -1
}

// joiner reports whether the folded word joins the parts of a number, or
// an hour and its minutes, in the text's language ("y", "e", "και").
func (rd *reader) joiner(f string) bool {
	for _, l := range rd.joiners[f] {
		if l == rd.lang {
			return true
		}
	}
	return false
}

// spaced reports whether words k-1 and k are separated by spaces only.
func spaced(text string, ws []fword, k int) bool {
	if k <= 0 || k >= len(ws) {
		return false
	}
	gap := text[ws[k-1].end:ws[k].start]
	return gap != "" && strings.Trim(gap, " \t") == ""
}

// numberAt reads a number written in words from word k: one word of the
// language's table ("dix", "siebzehn", "fünfundzwanzig", "п'ятої"), or
// tens and a unit joined by a hyphen, a space or the language's joiner
// ("dix-sept", "vingt-cinq", "двадцять п'ять", "treinta y cinco"; ten
// takes its unit by a hyphen or a space only: "las diez y cinco" is
// 10:05). It returns the value and the words read (0: none).
func (rd *reader) numberAt(text string, ws []fword, k int) (int, int) {
	if k >= len(ws) {
		return -1, 0
	}
	v := rd.number(ws[k].fold)
	if v < 0 {
		return -1, 0
	}
	if v%10 != 0 || v < 10 || v > 50 || k+1 >= len(ws) {
		return v, 1
	}
	if gap := text[ws[k].end:ws[k+1].start]; gap == "-" || gap == "‑" || spaced(text, ws, k+1) {
		if u := rd.number(ws[k+1].fold); u >= 1 && u <= 9 {
			return v + u, 2
		}
	}
	if v >= 20 && spaced(text, ws, k+1) && rd.joiner(ws[k+1].fold) && spaced(text, ws, k+2) {
		if u := rd.number(ws[k+2].fold); u >= 1 && u <= 9 {
			return v + u, 3
		}
	}
	return v, 1
}

// wordClock reads a time of day written in number words from word k: an
// hour and its minutes ("dix-sept heures vingt-cinq", "siebzehn Uhr
// dreißig", "las cinco y veinte", "в пять тридцать", "o siedemnastej
// trzydzieści"), an hour and a part of it ("dix-sept heures et quart"),
// or an hour past 12 ("dix-sept heures", "do siedemnastej"). Without a
// word for hours right after the hour it needs cue, a cue written before
// it ("by", "at"). It returns the end of what it read, the words read (0:
// none) and the clock as the English reader reads it ("17:25", "17h").
// broadcastAt reports whether a reading is a broadcast and "at" ("tg
// delle": "bulletin at"), a bare 24-hour hour after which is a clock
// ("per il tg delle 20").
func broadcastAt(r string) bool {
	b, ok := strings.CutSuffix(r, " "+gw.At)
	return ok && broadcastWords[b]
}

// broadcastAfter reports whether a broadcast or an edition (en.json
// deadline.broadcasts) follows word k, after words the rewriting drops
// ("pour le journal", "für die Tagesschau", "per il tg").
func (rd *reader) broadcastAfter(text string, ws []fword, k int) bool {
	for n := 0; n < 3 && k < len(ws); n++ {
		c, r := rd.match(text, ws, k)
		if c == 0 {
			return false
		}
		if f := strings.Fields(r); len(f) > 0 && broadcastWords[f[0]] {
			return true
		}
		if r != "" && !determiners[r] {
			return false
		}
		k += c
	}
	return false
}

// zeroMinutes is the reading of a language's spoken "zero zero" after an
// hour (deadline.phrases: "ноль ноль", "zero zero"): on the hour.
const zeroMinutes = "00"

func (rd *reader) wordClock(text string, ws []fword, k int, cue bool) (int, int, string) {
	h, hn := rd.numberAt(text, ws, k)
	if hn == 0 || h < 1 || h > 23 || rd.phraseAt(text, ws, k) {
		return 0, 0, ""
	}
	j := k + hn
	hourWord, hours := false, false
	if spaced(text, ws, j) {
		if r, _ := rd.word(ws[j].fold); r == gw.H || r == gw.OClock || cue && (r == gw.Hours || r == gw.Hour) {
			hourWord, hours = true, r == gw.Hours || r == gw.Hour
			j++
		}
	}
	if !hourWord && !cue {
		return 0, 0, ""
	}
	if spaced(text, ws, j) {
		m := j
		joined := rd.joiner(ws[m].fold) && spaced(text, ws, m+1)
		if joined {
			m++
		}
		if v, vn := rd.numberAt(text, ws, m); vn > 0 && v >= 1 && v <= 59 && (hourWord || joined || v >= 10) && !rd.partPhraseAt(text, ws, m) && !(joined && rd.partPhraseAt(text, ws, j)) {
			// (not "quatro e um quarto": "e um quarto" is a quarter past)
			m += vn
			if spaced(text, ws, m) {
				if r, _ := rd.word(ws[m].fold); r == gw.Minutes {
					m++ // "dix-sept heures vingt minutes"
				}
			}
			ms := strconv.Itoa(v)
			if v < 10 {
				ms = "0" + ms
			}
			return ws[m-1].end, m - k, strconv.Itoa(h) + ":" + ms
		}
		if pn, pr := rd.match(text, ws, j); pn > 0 {
			if pr == zeroMinutes {
				// "восемнадцати ноль-ноль", "o osiemnastej zero zero"
				return ws[j+pn-1].end, j + pn - k, strconv.Itoa(h) + ":" + zeroMinutes
			}
			if part := partOfHour(pr); part != 0 {
				hs, ms := clockWithPart(h, part)
				return ws[j+pn-1].end, j + pn - k, hs + ":" + ms
			}
		}
	}
	if h <= 12 && spaced(text, ws, j) {
		// "στις έξι το απόγευμα", "alle sei di sera": the hour in
		// digits, the part of the day after it then reads as pm
		if _, r := rd.match(text, ws, j); r == gw.Afternoon || r == gw.Evening || r == gw.Night || r == gw.Tonight || r == gw.Morning || r == gw.Pm || r == gw.Am {
			return ws[j-1].end, j - k, strconv.Itoa(h)
		}
	}
	if h < 13 && hn == 1 && !hours {
		return 0, 0, "" // "cinq heures", "by five": the English rules read these ("до пяти часов" is by 5h)
	}
	if !hourWord && spaced(text, ws, j) {
		// "до семнадцати процентов": a quantity, not an hour
		if n, r := rd.match(text, ws, j); n == 0 || r != "" && !timeish(r) && !afterHourWords[r] {
			return 0, 0, ""
		}
	}
	return ws[j-1].end, j - k, strconv.Itoa(h) + gw.H
}
