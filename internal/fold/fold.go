// Package fold folds text for matching: lower case, accents removed
// ("Durrës" → "durres", "ß" → "ss"), shared by the linker's tokeniser and
// the release catalogue's URL slugs so both fold alike.
package fold

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps runes below 0x250 to their accent-free lower-case ASCII
// form ("" when the rune has none and should be kept as is).
var foldTable [0x250]string

func init() {
	special := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o",
		'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'ð': "d"}
	for r := rune(0x80); r < 0x250; r++ {
		if s, ok := special[r]; ok {
			foldTable[r] = s
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		d := norm.NFD.String(string(unicode.ToLower(r)))
		if c, _ := utf8.DecodeRuneInString(d); c < 0x80 && c > 0 {
			foldTable[r] = string(c)
		}
	}
}

// translit spells Cyrillic and Greek letters in Latin (lower case, accents
// removed), so that names survive the script: "Тирана" → "tirana",
// "Сунак" → "sunak", "Μητσοτάκης" → "mitsotakis" (issue 11).
var translit = map[rune]string{}

func init() {
	cyr := map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'ђ': "dj", 'е': "e", 'ё': "e", 'є': "ie",
		'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "i", 'й': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m",
		'н': "n", 'њ': "nj", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'ћ': "c", 'у': "u", 'ў': "u", 'ф': "f",
		'х': "kh", 'ц': "ts", 'ч': "ch", 'џ': "dz", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e",
		'ю': "iu", 'я': "ia", 'ѓ': "g", 'ќ': "k", 'ѕ': "dz"}
	grk := map[rune]string{'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
		'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
		'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o"}
	for _, m := range []map[rune]string{cyr, grk} {
		for r, s := range m {
			translit[r] = s
			translit[unicode.ToUpper(r)] = s
		}
	}
	// accented Greek vowels: ά → a
	for r := rune(0x370); r < 0x400; r++ {
		if _, ok := translit[r]; ok || !unicode.IsLetter(r) {
			continue
		}
		d := norm.NFD.String(string(unicode.ToLower(r)))
		if c, _ := utf8.DecodeRuneInString(d); c != r {
			if s, ok := translit[c]; ok {
				translit[r] = s
			}
		}
	}
}

// Append appends the folded form of r to b.
func Append(b []byte, r rune) []byte {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	case r < 0x250 && foldTable[r] != "":
		return append(b, foldTable[r]...)
	case r >= 0x370 && r < 0x500:
		if s, ok := translit[r]; ok {
			return append(b, s...)
		}
		return utf8.AppendRune(b, unicode.ToLower(r))
	default:
		return utf8.AppendRune(b, unicode.ToLower(r))
	}
}
