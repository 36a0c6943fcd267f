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
	default:
		return utf8.AppendRune(b, unicode.ToLower(r))
	}
}
