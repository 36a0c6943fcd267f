package routing

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/lang"
)

// DefaultLanguages are the languages detected when the desk configures
// none (desk.languages): English and the languages of the foreign media a
// ministry's desk hears from most (ISO 639-1).
var DefaultLanguages = []string{"en", "sq", "de", "fr", "es", "it", "sr", "hr", "bs", "pl", "uk", "ru", "ar", "pt", "nl", "tr", "el"}

// MaxLanguageText is how much of a message's new text the detector reads:
// the language shows in the first lines, and the detector's cost grows
// with the text.
const MaxLanguageText = 300

// minLanguageLetters is the fewest letters a text needs for a language to
// be told: below it ("OK, thanks", a bare URL) the language is "".
const minLanguageLetters = 20

// Languages tells the language of a message from the languages a desk
// configures. It is safe for concurrent use.
//
// The detector is lingua-go in its low-accuracy mode (trigram models),
// restricted to the desk's languages: see doc.go for the measurements
// behind the choice.
type Languages struct {
	codes   []string
	det     lingua.LanguageDetector
	english bool // "en" is one of codes: plainEnglish may answer first
}

// NewLanguages builds a detector for codes (ISO 639-1; nil or empty:
// DefaultLanguages). A code the detector cannot tell is an error.
func NewLanguages(codes []string) (*Languages, error) {
	if len(codes) == 0 {
		codes = DefaultLanguages
	}
	var ls []lingua.Language
	seen := map[lingua.Language]bool{}
	for _, c := range codes {
		l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToLower(c)))
		if l == lingua.Unknown {
			return nil, fmt.Errorf("desk.languages: %q is not a language the detector knows (ISO 639-1, e.g. de, sq, fr)", c)
		}
		if !seen[l] {
			seen[l] = true
			ls = append(ls, l)
		}
	}
	x := &Languages{codes: append([]string(nil), codes...)}
	for _, c := range codes {
		x.english = x.english || strings.EqualFold(c, "en")
	}
	if len(ls) >= 2 {
		// Models load on first use and are shared by every detector.
		x.det = lingua.NewLanguageDetectorBuilder().FromLanguages(ls...).WithLowAccuracyMode().Build()
	}
	return x, nil
}

// Codes returns the languages the detector chooses from.
func (x *Languages) Codes() []string { return append([]string(nil), x.codes...) }

// Detect returns the ISO 639-1 code of text's language, or "" when the
// text is too short to tell (fewer than 20 letters) or the detector cannot
// choose. Give it what the sender wrote (no quoted history or signature).
func (x *Languages) Detect(text string) string {
	if x == nil {
		return ""
	}
	text = withoutAddresses(clipTo(text, MaxLanguageText))
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if letters++; letters >= minLanguageLetters {
				break
			}
		}
	}
	if letters < minLanguageLetters {
		return ""
	}
	if x.det == nil {
		// One language configured: every message is in it.
		return strings.ToLower(x.codes[0])
	}
	if x.english && plainEnglish(text) {
		// Most of a desk's mail: told in a few µs instead of lingua's
		// fraction of a millisecond (BenchmarkDetectLanguage).
		return "en"
	}
	l, ok := x.det.DetectLanguageOf(text)
	if !ok {
		return ""
	}
	return strings.ToLower(l.IsoCode639_1().String())
}

// clipTo cuts s to n bytes at a character boundary.
func clipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// languageGroup maps the codes a reader of one reads as well: Bosnian,
// Croatian and Serbian in Latin script are one language to a reader, and
// the detector often cannot tell them apart on a short text.
var languageGroup = map[string]string{"bs": "sh", "hr": "sh", "sr": "sh"}

// SameLanguage reports whether a reader of a reads b (equal codes, or both
// in a group such as Bosnian/Croatian/Serbian).
func SameLanguage(a, b string) bool {
	if a == b {
		return a != ""
	}
	ga, gb := languageGroup[a], languageGroup[b]
	return ga != "" && ga == gb
}

// ReadsLanguage reports whether officer o reads lang (officers[].languages,
// with SameLanguage's groups).
func ReadsLanguage(o *config.Officer, lang string) bool {
	for _, l := range o.Languages {
		if SameLanguage(l, lang) {
			return true
		}
	}
	return false
}

// withoutAddresses drops the words of text that are URLs, mail addresses
// or host names: they are in no language.
func withoutAddresses(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "@") && !strings.Contains(text, "www.") {
		return text
	}
	var b strings.Builder
	for _, w := range strings.Fields(text) {
		if strings.Contains(w, "://") || strings.Contains(w, "@") || strings.HasPrefix(strings.ToLower(w), "www.") {
			continue
		}
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return b.String()
}

// englishFunction are English function words (lang/data/en.json's
// linker.function_words): some of them ("in", "was", "so", "we", "of",
// "to") are function words of Dutch, German or the Slavic languages too, so
// they only count towards the share; englishStrong are words that are
// function words in none of the languages a desk is likely to hear.
var (
	englishFunction = lang.Set(lang.English().Linker.Stopwords["function_words"])
	englishStrong   = lang.Set([]string{"the", "and", "you", "your", "would", "could", "should", "which",
		"what", "with", "this", "that", "please", "about", "have", "been", "there", "their", "they",
		"thanks", "from", "our", "we're", "i'm", "it's", "can't", "don't"})
	// englishMarker is both in one table, looked up once per word:
	// markerFunction for a function word, markerStrong (and function) for
	// a strongly English one; englishMarkerLen is the longest word in it.
	englishMarker, englishMarkerLen = func() (map[string]uint8, int) {
		m, n := map[string]uint8{}, 0
		for w := range englishFunction {
			m[w] |= markerFunction
			n = max(n, len(w))
		}
		for w := range englishStrong {
			m[w] |= markerFunction | markerStrong
			n = max(n, len(w))
		}
		return m, n
	}()
	// englishMarkerFilter pre-checks englishMarker's keys: most words of
	// a text are neither function nor strongly English words.
	englishMarkerFilter = func() (f wordFilter) {
		for w := range englishMarker {
			f.Add(w)
		}
		return f
	}()
)

const (
	markerFunction uint8 = 1 << iota
	markerStrong
)

// plainEnglish reports whether text is unmistakably English: at least
// five words, no ordinary word with a letter beyond ASCII (a capitalised
// one is a name, "Erdoğan", "Türkiye", and counts as a word, but names may
// be at most one word in eight), and either at least a fifth of the words
// English function words with at least three different strongly English
// ones ("the", "and", "you", …), or a third of them function words with
// two strongly English ones (a short chaser: "Following up on the below …
// by 3pm please.").
// It only ever says yes to English; anything else goes to the detector.
func plainEnglish(text string) bool {
	words, markers, names := 0, 0, 0
	var strong [3]string
	nStrong := 0
	start, wide := -1, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		start = -1
		words++
		if wide {
			wide = false
			names++
			return
		}
		if len(w) > englishMarkerLen {
			return // longer than any marker
		}
		// lower-cased on the stack (the word is ASCII letters and
		// apostrophes here): one look-up, no allocation
		var buf [32]byte
		lw := buf[:len(w)]
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			lw[k] = c
		}
		if !englishMarkerFilter.MayHave(lw) {
			return
		}
		mk := englishMarker[string(lw)]
		if mk == 0 {
			return
		}
		markers++
		if mk&markerStrong != 0 && nStrong < len(strong) {
			for _, s := range strong[:nStrong] {
				if s == string(lw) {
					return
				}
			}
			strong[nStrong] = strings.ToLower(w)
			nStrong++
		}
	}
	// A byte at a time, decoding only bytes beyond ASCII (as ranging over
	// the string would: an invalid byte is utf8.RuneError, no letter).
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' {
				if start < 0 {
					start = i
				}
			} else {
				flush(i)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			flush(i)
			i += size
			continue
		}
		if start < 0 {
			if !unicode.IsUpper(r) {
				return false // an ordinary word with a letter beyond ASCII
			}
			start = i
		} else if !wide {
			if c := rune(text[start]); !(c >= 'A' && c <= 'Z') && !unicode.IsUpper(c) {
				return false
			}
		}
		wide = true
		i += size
	}
	flush(len(text))
	if words < 5 || names*8 > words {
		return false
	}
	return markers*5 >= words && nStrong >= 3 || markers*3 >= words && nStrong >= 2
}
