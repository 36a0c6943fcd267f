package routing

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/internal/fold"
	"github.com/mediadesk/mediadesk/internal/wordfilter"
	"github.com/mediadesk/mediadesk/lang"
)

// This file is the one tokeniser shared by the release index, the linker's
// queries and the topic keyword matcher, so that a release and an email that
// say the same thing produce the same terms.
//
// A term is a lower-cased, accent-folded, lightly stemmed word, or a
// normalised figure: "12,000" → "12000", "£1.6bn" / "1.6 billion" →
// "1.6bn", "£10 million" / "£10m" → "10m", "36%" / "36 per cent" → "36pct".
// Clock times ("4pm", "11.30am", "15:00") and stopwords are dropped.

// tok is one raw token of a text.
type tok struct {
	// off/end index the token's normalised bytes in the tokeniser buffer.
	off, end int32
	// num is set for figures (digits, with an optional unit suffix).
	num bool
	// brk is set when a sentence or clause boundary precedes the token, so
	// phrases (bigrams) do not span it.
	brk bool
	// question is set for tokens of a sentence ending in '?'.
	question bool
	// poss is set when the word was followed by a possessive 's.
	poss bool
	// upper is set when the word was written with a capital first letter.
	upper bool
	// item is set for the first token of a list item ("- ...", "2. ...").
	item bool
	// sent numbers the sentences (and list items) of the text.
	sent int32
}

// tokenizer turns text into terms. It reuses its buffers: a zero tokenizer
// is ready, and after warm-up tokenising allocates nothing.
type tokenizer struct {
	buf  []byte
	toks []tok
	// work holds a copy of a figure while it is normalised (other tokens
	// are built in place in buf).
	work []byte
	// hooked is set when hookSpans found a hook in the text; keepHooks
	// makes hookSpans set none aside (the linker's check that a hook's
	// release is the one the whole text points to: see linkMessage)
	hooked, keepHooks bool
	// hooks caches hookSpans' hooks of the text as read through hooksVoc
	// (hooksDone once found): the linker's several readers of a text
	// find them once
	hooks     [][2]int32
	hooksDone bool
	hooksVoc  *vocabTable
}

// plainSeparator marks the ASCII bytes that only separate tokens: not a
// letter or digit, and not one of the marks tokenize reads (phrase and
// sentence breaks, '?', new lines).
var plainSeparator = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		r := rune(c)
		t[c] = !(unicode.IsLetter(r) || isDigit(r)) && !strings.ContainsRune(".!;:()\"|*?[]<>\n", r)
	}
	return t
}()

// appendFolded appends the folded form of r to b (lower case, accents
// folded: internal/fold, shared with the release slugs).
func appendFolded(b []byte, r rune) []byte { return fold.Append(b, r) }

// lowerText is strings.ToLower(s), made faster for the usual email text:
// ASCII with a few runes that have no lower case (curly quotes, dashes),
// which strings.ToLower sends through its slow strings.Map path. Such
// runes are copied as they are, as strings.Map does; any other non-ASCII
// rune (an invalid byte, a capital É) falls back to strings.ToLower.
func lowerText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	from := 0 // s[from:i] is unchanged and not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[from:i])
				b.WriteByte(c + ('a' - 'A'))
				from = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.ToLower(r) != r {
			return strings.ToLower(s)
		}
		i += size
	}
	if from == 0 {
		return s // nothing to lower
	}
	b.WriteString(s[from:])
	return b.String()
}

// mayContainLower reports whether strings.ToLower(s) may contain one of
// keys (lower-case ASCII): false means it does not, and s need not be
// lower-cased to ask. Lower-casing maps every rune to one rune, and the
// only non-ASCII runes whose lower case is ASCII are 'İ' and 'K' (Kelvin);
// so without those, the lowered text contains a key exactly where s
// contains it with ASCII letters in either case.
func mayContainLower(s string, keys []string) bool {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") {
		return true
	}
	var first [256]bool // the keys' first bytes, in both cases
	for _, k := range keys {
		first[k[0]] = true
		if 'a' <= k[0] && k[0] <= 'z' {
			first[k[0]-('a'-'A')] = true
		}
	}
	for i := 0; i < len(s); i++ {
		if !first[s[i]] {
			continue
		}
		for _, k := range keys {
			if len(s)-i >= len(k) && equalFoldASCII(s[i:i+len(k)], k) {
				return true
			}
		}
	}
	return false
}

// equalFoldASCII reports whether s equals key (lower-case ASCII) with
// ASCII letters in either case.
func equalFoldASCII(s, key string) bool {
	for i := 0; i < len(key); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// localDigit returns the ASCII digit of r when r is an Arabic-Indic digit
// ("٢٠", as Arabic mail often writes figures) or an Extended Arabic-Indic
// one ("۲۰", Persian and Urdu style), so that a figure meets its release
// whatever digits it is written in.
func localDigit(r rune) (byte, bool) {
	switch {
	case '\u0660' <= r && r <= '\u0669':
		return byte('0' + r - '\u0660'), true
	case '\u06f0' <= r && r <= '\u06f9':
		return byte('0' + r - '\u06f0'), true
	}
	return 0, false
}

// arabicLetter reports whether r is a letter of the Arabic script.
func arabicLetter(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }

// arabicProclitic reports whether w is one of the one-letter Arabic
// conjunctions and prepositions written joined to the next word.
func arabicProclitic(w []byte) bool {
	switch string(w) {
	case "و", "ب", "ل", "ك", "ف":
		return true
	}
	return false
}

// lastRuneOf returns the last rune of b (utf8.RuneError when none).
func lastRuneOf(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}

// isLocalDigit reports whether r is a digit localDigit reads.
func isLocalDigit(r rune) bool {
	_, ok := localDigit(r)
	return ok
}

// digitAt reports whether s starts with a digit, ASCII or local.
func digitAt(s string) bool {
	if s == "" {
		return false
	}
	if isDigit(rune(s[0])) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	_, ok := localDigit(r)
	return ok
}

// digitsAheadAny counts the digits (ASCII or local) s starts with.
func digitsAheadAny(s string) int {
	n := 0
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if _, ok := localDigit(r); !ok && !isDigit(r) {
			break
		}
		n++
		s = s[size:]
	}
	return n
}

// thousandsGroup reports whether the figure being read (its digits so far
// in fig, the rest of the text after a separator in rest) continues with
// a group of exactly three digits: the separator is one of thousands
// ("20.000", "20 000", "20'000", "٢٠٬٠٠٠"), not a decimal point or the
// end of the figure. fig must be digits only, its last group (since the
// start or the previous such separator) one to three long.
func thousandsGroup(fig []byte, group int, rest string) bool {
	if group < 1 || group > 3 || len(fig) == 0 || fig[0] == '0' || digitsAheadAny(rest) != 3 {
		return false // ("0.125" is a decimal)
	}
	for _, c := range fig {
		if !isDigit(rune(c)) {
			return false
		}
	}
	// the group ends the figure or precedes another separator, not a
	// letter ("1.125bn" is a decimal)
	for k := 0; k < 3; k++ {
		_, size := utf8.DecodeRuneInString(rest)
		rest = rest[size:]
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLetter(r)
}

// tokenize splits s into raw tokens in t.toks (the previous ones are
// discarded). Figures with units that follow as separate words ("10
// million", "36 per cent") are merged.
func (t *tokenizer) tokenize(s string) {
	t.buf = t.buf[:0]
	t.toks = t.toks[:0]
	t.hooked, t.hooksDone = false, false
	brk := true
	sentenceStart := 0 // index in t.toks of the first token of the sentence
	var sent int32
	item := listItemAt(s, 0)
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && plainSeparator[c] {
			i++ // only separates tokens (spaces, commas, hyphens, ...)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// A token starts at a letter or an ASCII digit (other scripts'
		// digits separate, as the token loop below reads only ASCII ones).
		if _, local := localDigit(r); !(unicode.IsLetter(r) || isDigit(r) || local) {
			switch r {
			case '.', '!', ';', ':', '(', ')', '"', '“', '”', '|', '•', '*', '?', '[', ']', '<', '>', '؟', '\u037e':
				// A '.' or ':' between digits is handled inside a token.
				brk = true
			case '\n':
				if paragraphBreak(s, i) {
					brk = true
				}
			}
			if r == '?' {
				for k := sentenceStart; k < len(t.toks); k++ {
					t.toks[k].question = true
				}
			}
			if r == '.' && abbrevDot(s, i) {
				// an abbreviation's dot ("the U.S. announced", "EE. UU.",
				// "Mr. Vučić") ends no sentence
			} else if r == '.' || r == '!' || r == '?' || r == '\n' && paragraphBreak(s, i) || otherQuestionMark(s, i, r) {
				if sentenceStart < len(t.toks) {
					sent++
				}
				sentenceStart = len(t.toks)
			}
			if r == '\n' && listItemAt(s, i+1) {
				item = true
			}
			i += size
			continue
		}
		// A token: letters and digits, with '.' or ',' between digits,
		// apostrophes inside words, and a trailing '%'. Its normalised
		// bytes are built at the end of t.buf, from start.
		start := len(t.buf)
		hasDigit, hasLetter, poss := false, false, false
		upper := unicode.IsUpper(r)
		// group counts the digits read since the figure's start or its
		// last thousands separator (-1 once it is no plain figure)
		group := 0
		j := i
		for j < len(s) {
			if c := s[j]; 'a' <= c && c <= 'z' {
				// A run of lower-case ASCII letters, the common case.
				k := j + 1
				for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
					k++
				}
				hasLetter = true
				t.buf = append(t.buf, s[j:k]...)
				j = k
				continue
			} else if '0' <= c && c <= '9' && (hasDigit || !hasLetter) {
				// An ASCII digit of a figure (or of a word that already
				// has one: "cop28").
				hasDigit = true
				t.buf = append(t.buf, c)
				if group >= 0 {
					group++
				}
				j++
				continue
			} else if 'A' <= c && c <= 'Z' {
				// An ASCII capital, lower-cased as appendFolded does.
				hasLetter = true
				t.buf = append(t.buf, c|('a'-'A'))
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			switch {
			case r == '\u0640' || hasLetter && unicode.Is(unicode.Mn, r):
				// A mark inside a word is no break in it: a combining
				// accent of text written decomposed ("Durre\u0308s", as
				// some mail programs send it), Arabic vowel signs and the
				// shadda ("عمّان"), the Arabic stretching tatweel; folding
				// drops accents anyway.
			case unicode.IsLetter(r):
				hasLetter = true
				t.buf = appendFolded(t.buf, r)
			case isDigit(r) || isLocalDigit(r):
				if hasLetter && !hasDigit && arabicLetter(lastRuneOf(t.buf[start:])) {
					// an Arabic conjunction or preposition joined to a
					// figure ("و٢٠", and 20; "ب20", by 20) comes off; a
					// longer word ends before it
					if !arabicProclitic(t.buf[start:]) {
						goto done
					}
					t.buf, hasLetter, upper = t.buf[:start], false, false
				}
				hasDigit = true
				d, local := localDigit(r)
				if !local {
					d = byte(r)
				}
				t.buf = append(t.buf, d)
				if group >= 0 {
					group++
				}
			case (r == '.' || r == '\'' || r == '\u066c' || r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f') && hasDigit && !hasLetter && thousandsGroup(t.buf[start:], group, s[j+size:]):
				// a thousands separator between digits ("20.000",
				// "20'000", "٢٠٬٠٠٠"): a figure reads as English writes
				// it ("20,000": 20000), not as a decimal
				group = 0
			case r == '\u066b' && hasDigit && !hasLetter && digitAt(s[j+size:]):
				// the Arabic decimal separator
				t.buf = append(t.buf, '.')
				group = -1
			case (r == '.' || r == ',' || r == ':') && len(t.buf) > start && isDigit(lastRune(t.buf)) && j+1 < len(s) && digitAt(s[j+1:]):
				group = -1
				switch {
				case r == ',' && digitsAheadAny(s[j+1:]) == 3:
					// thousands separator: drop
					group = 0
				case r == ',':
					// a decimal comma ("1,5 Mrd." in most of Europe)
					t.buf = append(t.buf, '.')
				default:
					t.buf = append(t.buf, byte(r))
				}
			case isApostrophe(r) && hasLetter && j+size < len(s):
				// "Sunak's" → "sunak"; "don't" → "dont".
				n, nsize := utf8.DecodeRuneInString(s[j+size:])
				if n == 's' || n == 'S' {
					after, _ := utf8.DecodeRuneInString(s[j+size+nsize:])
					if j+size+nsize >= len(s) || !unicode.IsLetter(after) {
						j += size + nsize
						poss = true
						goto done
					}
				}
				if !unicode.IsLetter(n) || elided(t.buf[start:]) {
					// French and Italian elide the article or
					// preposition before a word: "l'aide", "d'hier",
					// "dell'Unione" are two words.
					goto done
				}
			case r == '%' && hasDigit:
				t.buf = append(t.buf, "pct"...)
				j += size
				goto done
			default:
				goto done
			}
			j += size
		}
	done:
		if j == i {
			// Nothing taken (cannot happen for a letter or a digit, but a
			// tokenizer must always move on): skip the rune.
			t.buf = t.buf[:start]
			i += size
			continue
		}
		i = j
		if t.emit(start, hasDigit, brk) {
			tk := &t.toks[len(t.toks)-1]
			tk.poss, tk.upper, tk.item, tk.sent = poss, upper, item, sent
			item = false
		}
		brk = false
	}
	t.mergeUnits()
}

// listItemAt reports whether the line starting at s[i] is a list item:
// "- ", "* ", "• " or "1. ", "2) " after optional spaces.
func listItemAt(s string, i int) bool {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	switch {
	case i+1 < len(s) && (s[i] == '-' || s[i] == '*') && s[i+1] == ' ':
		return true
	case strings.HasPrefix(s[i:], "• "):
		return true
	}
	j := i
	for j < len(s) && isDigit(rune(s[j])) && j-i < 2 {
		j++
	}
	return j > i && j+1 < len(s) && (s[j] == '.' || s[j] == ')') && s[j+1] == ' '
}

// abbrevDot reports whether the '.' at s[i] is an abbreviation's, which
// ends no sentence: a dot inside dotted initials ("U.S.", "U.K.", "E.U.")
// or Spanish doubled initials ("EE. UU.", "FF. AA."), or a title's before
// a name ("Mr. Vučić", "Dr. Tedros"); the last dot of initials ends none
// when what follows goes on with the sentence (a lower-case word, a
// figure, ',', '?', ';', ':', ')'): "as the U.S. announced today?" is one
// question. Initials followed by a capital ("the U.S. The PM said") still
// end their sentence, as they may.
func abbrevDot(s string, i int) bool {
	w := i
	for w > 0 && isASCIILetter(s[w-1]) {
		w--
	}
	word := s[w:i]
	if word == "" || w > 0 && s[w-1] >= utf8.RuneSelf {
		return false // a word of another script, or none
	}
	// next: the first byte after the dot and its spaces
	j := i + 1
	for j < len(s) && s[j] == ' ' {
		j++
	}
	var next byte
	if j < len(s) {
		next = s[j]
	}
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	initial := len(word) == 1 && upper(word[0]) ||
		len(word) == 2 && upper(word[0]) && word[0] == word[1]
	if initial {
		// another initial follows: "U.S", "EE. UU"
		if j < len(s) && upper(next) && (j+1 < len(s) && s[j+1] == '.' && len(word) == 1 && j == i+1 ||
			len(word) == 2 && j+2 < len(s) && s[j+1] == next && s[j+2] == '.') {
			return true
		}
		// the last initial of several goes on with the sentence
		last := w > 0 && s[w-1] == '.' ||
			len(word) == 2 && w >= 2 && s[w-1] == ' ' && s[w-2] == '.'
		if !last || j >= len(s) {
			return false
		}
		return next >= 'a' && next <= 'z' || next >= '0' && next <= '9' || strings.IndexByte(",?;:)", next) >= 0 ||
			next >= utf8.RuneSelf && unicode.IsLower(firstRune(s[j:]))
	}
	switch word {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Sra", "Hr", "Mme":
		return j == i+2 && upper(next) || j == i+2 && next >= utf8.RuneSelf && unicode.IsUpper(firstRune(s[j:]))
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// paragraphBreak reports whether the newline at s[i] ends a paragraph: the
// next line is blank or starts a list item.
func paragraphBreak(s string, i int) bool {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case ' ', '\t', '\r':
			continue
		case '\n', '-', '*', '>':
			return true
		case 0xe2: // "•"
			return strings.HasPrefix(s[j:], "•")
		default:
			return isDigit(rune(s[j])) && j+1 < len(s) && (s[j+1] == '.' || s[j+1] == ')')
		}
	}
	return true
}

// elided reports whether w, a word read up to an apostrophe followed by a
// letter, is an elided French or Italian article, pronoun or preposition
// ("l", "d", "qu", "dell"), not the start of a word such as "don't".
func elided(w []byte) bool {
	switch string(w) {
	case "c", "d", "j", "l", "m", "n", "s", "t", "qu", "dell", "nell", "all", "dall", "sull", "un":
		return true
	}
	return false
}

func lastRune(b []byte) rune { return rune(b[len(b)-1]) }

func digitsAhead(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}

// emit makes t.buf[start:], the bytes just read, a token, after
// normalising figures; it reports false (and drops the bytes) for a clock
// time or nothing useful.
func (t *tokenizer) emit(start int, hasDigit, brk bool) bool {
	num := false
	if hasDigit {
		var w []byte
		t.work = append(t.work[:0], t.buf[start:]...)
		w, num = normaliseFigure(t.work)
		t.buf = t.buf[:start]
		if w == nil {
			return false
		}
		t.buf = append(t.buf, w...)
	}
	t.toks = append(t.toks, tok{off: int32(start), end: int32(len(t.buf)), num: num, brk: brk})
	return true
}

// normaliseFigure normalises a token holding digits: currency prefixes go
// ("gbp21" → "21"), unit words shorten ("1.6billion" → "1.6bn"), ordinals
// lose their suffix ("21st" → "21"), clock times return nil. Tokens that
// mix letters and digits otherwise (COP28, P8s, G7) are kept as words.
func normaliseFigure(w []byte) ([]byte, bool) {
	for _, p := range [...]string{"gbp", "usd", "eur", "us"} {
		if len(w) > len(p) && string(w[:len(p)]) == p && isDigit(rune(w[len(p)])) {
			w = w[len(p):]
			break
		}
	}
	n := 0
	for n < len(w) && (isDigit(rune(w[n])) || w[n] == '.' || w[n] == ':' || w[n] == ',') {
		n++
	}
	if n == 0 {
		return w, false // starts with letters: COP28, P8s, G7
	}
	numPart, suffix := w[:n], string(w[n:])
	for _, c := range numPart {
		if c == ':' {
			return nil, false // 15:00, 13:30
		}
	}
	switch suffix {
	case "":
		return numPart, true
	case "am", "pm", "h", "hrs", "hr", "gmt", "bst", "utc", "cet", "cest":
		return nil, false
	case "bn", "billion", "b":
		return appendMoney(numPart, "bn"), true
	case "m", "mn", "million", "mill":
		return appendMoney(numPart, "m"), true
	case "k", "thousand":
		return append(numPart, 'k'), true
	case "tn", "trn", "trillion":
		return append(numPart, "trn"...), true
	case "pct", "percent":
		return append(numPart, "pct"...), true
	case "st", "nd", "rd", "th":
		return numPart, true
	case "s":
		return numPart, true // 1990s, P8s handled above
	}
	return w, false
}

// mergeUnits joins a figure with a following unit word: "10 million" →
// "10m", "36 per cent" → "36pct".
func (t *tokenizer) mergeUnits() {
	n := 0 // tokens kept; a merge drops the unit word, so n ≤ k
	for k := 0; k < len(t.toks); k++ {
		tk := &t.toks[k]
		at := k
		if tk.num && k+1 < len(t.toks) && !t.toks[k+1].brk {
			next := string(t.buf[t.toks[k+1].off:t.toks[k+1].end])
			unit, skip := "", 1
			switch next {
			case "million", "m", "mn",
				// other languages, folded ("20 milionë paund", "20 Mio. Pfund",
				// "20 млн фунтов"): a figure survives translation
				"millions", "millionen", "mio", "mill", "millones", "milioni", "milione", "milion", "miliona", "milionow",
				"milhoes", "milhao", "miljoen", "mln", "millionov", "milliona", "miliioniv", "miliiona", "milyon",
				"ekatommyria", "ekatommyrio", "milijuna", "milijun", "miliony", "milioniv",
				"ekatommyrion", "ekat", "milionu", "milijona",
				"مليون", "ملايين", "ملیون":
				unit = "m"
			case "mil":
				// "21 mil milhões", "21 mil millones": a thousand million
				if k+2 < len(t.toks) {
					switch string(t.buf[t.toks[k+2].off:t.toks[k+2].end]) {
					case "milhoes", "millones", "milhao":
						unit, skip = "bn", 2
					}
				}
			case "billion", "bn",
				"milliards", "milliard", "milliarden", "mrd", "md", "miliardi", "miliardo", "miliarde", "miliardow",
				"mld", "milijardi", "milijarde", "miljard", "mlrd", "milliardov", "milyar", "disekatommyria", "miliardiv",
				"miliard", "miliardy", "miliarda", "miliardu", "milijarda", "milijardu", "milliarda", "milliardy",
				"miljarden", "bilhoes", "bilhao", "disekatommyrion", "dis",
				"مليار", "مليارات":
				unit = "bn"
			case "trillion", "trn":
				unit = "trn"
			case "percent":
				unit = "pct"
			case "per":
				if k+2 < len(t.toks) && string(t.buf[t.toks[k+2].off:t.toks[k+2].end]) == "cent" {
					unit, skip = "pct", 2
				}
			}
			if unit != "" && isPlainNumber(t.buf[tk.off:tk.end]) {
				off := int32(len(t.buf))
				fig := appendMoney(append(t.work[:0], t.buf[tk.off:tk.end]...), unit)
				t.work = fig
				t.buf = append(t.buf, fig...)
				tk.off, tk.end = off, int32(len(t.buf))
				q := tk.question || t.toks[k+skip].question
				tk.question = q
				k += skip
			}
		}
		if n != at {
			t.toks[n] = *tk
		}
		n++
	}
	t.toks = t.toks[:n]
}

// appendMoney appends unit to the figure num (digits and a point) as one
// sum is written whatever way it was said: a thousand millions or more in
// billions ("21.000 millones", 21,000 million: "21bn"), under one billion
// in millions ("£0.5bn": "500m"); other units, or a figure that is not a
// plain number, as they are. It appends to num.
func appendMoney(num []byte, unit string) []byte {
	if (unit == "m" || unit == "bn") && isPlainNumber(num) && bytes.Count(num, []byte{'.'}) <= 1 {
		if v, err := strconv.ParseFloat(string(num), 64); err == nil && v > 0 {
			switch {
			case unit == "m" && v >= 1000:
				return append(strconv.AppendFloat(num[:0], v/1000, 'f', -1, 64), "bn"...)
			case unit == "bn" && v < 1:
				return append(strconv.AppendFloat(num[:0], math.Round(v*1e6)/1e3, 'f', -1, 64), 'm')
			}
		}
	}
	return append(num, unit...)
}

func isPlainNumber(b []byte) bool {
	for _, c := range b {
		if !isDigit(rune(c)) && c != '.' {
			return false
		}
	}
	return len(b) > 0
}

// word returns the normalised bytes of token k.
func (t *tokenizer) word(k int) []byte { return t.buf[t.toks[k].off:t.toks[k].end] }

// term returns token k as an index term: figures as they are, words
// stemmed; stop is set for stopwords (checked before and after stemming)
// and one-letter words.
//
// The stem is made in place, so the token's word reads differently after
// (message.go keeps the words intact by stemming a copy).
func (t *tokenizer) term(k int) (w []byte, stop bool) {
	return termOf(t.word(k), t.toks[k].num)
}

// termOf is tokenizer.term for the normalised bytes w of a token (num: a
// figure); it stems w in place.
func termOf(w []byte, num bool) (term []byte, stop bool) {
	if num {
		return w, false
	}
	if len(w) < 2 || isStopword(w) {
		return w, true
	}
	n := len(w)
	w = stem(w)
	if len(w) == n {
		// stem changes a word only by shortening it: this is the word
		// just found not to be a stopword.
		return w, false
	}
	return w, isStopword(w)
}

func isStopword(w []byte) bool { return stopwordFilter.MayHave(w) && stopwords[string(w)] }

// stem reduces an English word to a light stem in place and returns it:
// plurals, -ing, -ed and a final -e go, so "sanctions", "sanctioned" and
// "sanctioning" meet, as do "make" and "making". Figures are left alone.
func stem(w []byte) []byte {
	n, y := stemShape(w)
	if y {
		return append(w[:n], 'y')
	}
	return w[:n]
}

// stemShape says how stem changes w without changing it: the stem is
// w[:n], followed by a 'y' when y is set ("countries" → "countr"+"y").
// Stemming only cuts a word short, or replaces "ies"/"ied" by "y" as its
// last step, so this is the whole of it.
func stemShape(w []byte) (n int, y bool) {
	n = len(w)
	if n <= 3 {
		return n, false
	}
	for _, c := range w {
		if c >= 0x80 || isDigit(rune(c)) {
			return n, false
		}
	}
	// (Each rule of the first switch needs a final 's', of the second a
	// final 'g' or 'd': most words skip them after one comparison.)
	switch {
	case w[n-1] != 's':
	case hasSuffix(w, "ies") && n > 4:
		return n - 3, true // nothing below applies to a final 'y'
	case hasSuffix(w, "sses"):
		n -= 2
	case hasSuffix(w, "ss") || hasSuffix(w, "us") || hasSuffix(w, "is"):
	case hasSuffix(w, "es") && n > 4 && (w[n-3] == 'x' || w[n-3] == 'h' && (w[n-4] == 's' || w[n-4] == 'c')):
		n -= 2 // taxes, crashes, matches
	case hasSuffix(w, "s") && !hasSuffix(w, "'s"):
		n--
	}
	w = w[:n]
	switch {
	case w[n-1] != 'g' && w[n-1] != 'd':
	case hasSuffix(w, "ing") && n > 5:
		w = undouble(w[:n-3])
	case hasSuffix(w, "ied") && n > 4:
		return n - 3, true
	case hasSuffix(w, "eed") && n > 4:
		w = w[:n-1] // agreed → agree
	case hasSuffix(w, "ed") && n > 4:
		w = undouble(w[:n-2])
	}
	n = len(w)
	if n > 4 && w[n-1] == 'e' && w[n-2] != 'e' {
		n--
	}
	return n, false
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// undouble drops the last letter of a doubled final consonant: "stopp" →
// "stop", but not "ll", "ss", "zz".
func undouble(w []byte) []byte {
	n := len(w)
	if n >= 2 && w[n-1] == w[n-2] {
		switch w[n-1] {
		case 'a', 'e', 'i', 'o', 'u', 'l', 's', 'z':
		default:
			return w[:n-1]
		}
	}
	return w
}

// stopwords are dropped before indexing and querying. Besides the usual
// English function words they hold email small talk and calendar words
// (dates are read separately, by the date logic), and a few French and
// German function words, so that foreign-language mail matches on names
// and figures only. They are data: every language file's
// linker.stopwords (lang/data), and English calendar names.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range lang.All() {
		for _, ws := range l.Linker.Stopwords {
			for _, w := range ws {
				m[w] = true
			}
		}
	}
	en := lang.English()
	for w := range en.WeekdayWords(true) {
		m[w] = true
	}
	for w := range en.MonthWords() {
		m[w] = true
	}
	return m
}()

// wordFilter is a quick pre-check for a fixed set of words, asked before a
// map lookup on every word of a text (a "no" is always right).
type wordFilter = wordfilter.Filter

// stopwordFilter pre-checks stopwords.
var stopwordFilter = func() (f wordFilter) {
	for w := range stopwords {
		f.Add(w)
	}
	return f
}()

// otherQuestionMark reports whether r, at byte i of s, is another
// script's question mark that ends a sentence as '?' does: Arabic '؟',
// the Greek question mark (U+037E), or ';' closing a sentence written in
// Greek, which Unicode folds that mark to ("…των drones; Εξετάζει το
// Λονδίνο …;" is two questions). A ';' in a sentence with no Greek letter
// is a semicolon. (The questions' focus is markQuestions'.)
func otherQuestionMark(s string, i int, r rune) bool {
	switch r {
	case '؟', '\u037e':
		return true
	case ';':
		// a Greek letter in the sentence before it
		for j := i; j > 0; {
			c, size := utf8.DecodeLastRuneInString(s[:j])
			switch {
			case unicode.Is(unicode.Greek, c):
				return true
			case c == '.' || c == '!' || c == '?' || c == ';' || c == '\n':
				return false
			}
			j -= size
		}
	}
	return false
}
