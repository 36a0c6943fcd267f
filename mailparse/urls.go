package mailparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxURLs bounds the URLs kept per message.
const maxURLs = 500

// appendURLs appends the http(s) URLs in text to dst, in order of first
// appearance, deduplicated. Trailing punctuation (.,;:!?'") and unbalanced
// closing brackets are trimmed; a URL in angle brackets (<https://…>) may
// be wrapped over several lines, and the line breaks are removed.
func appendURLs(dst []string, text string) []string {
	s := text
	ff := newFoldFinder(s, "http")
	off := 0
	for {
		i := ff.next(off)
		if i < 0 {
			return dst
		}
		off = i + 4
		rest := s[i:]
		var schemeLen int
		switch {
		case len(rest) >= 8 && strings.EqualFold(rest[:8], "https://"):
			schemeLen = 8
		case len(rest) >= 7 && strings.EqualFold(rest[:7], "http://"):
			schemeLen = 7
		default:
			continue
		}
		// must start a word: "xhttp://" is not a URL
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		if len(rest) <= schemeLen || !isHostStart(rest[schemeLen]) {
			continue
		}
		var u string
		if i > 0 && s[i-1] == '<' {
			// <https://…> may be wrapped: up to the closing '>'
			if j := strings.IndexByte(rest[:min(len(rest), 4096)], '>'); j > 0 && !strings.ContainsAny(rest[:j], "< \"") {
				u = removeSpace(rest[:j])
				off = i + j
			}
		}
		if u == "" {
			j := urlEnd(rest)
			u = rest[:j]
			off = i + j
		}
		u = cleanURL(u)
		if len(u) > schemeLen {
			dst = appendURL(dst, u)
			if len(dst) >= maxURLs {
				return dst
			}
		}
	}
}

func isHostStart(c byte) bool {
	return c == '[' || c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z') || (c >= '0' && c <= '9')
}

// urlEnd finds where a bare URL ends: at white space, a control
// character, or one of <>"` and some typographic quotes.
func urlEnd(s string) int {
	for i, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', '<', '>', '"', '`', '\u00a0', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u3000', '\u2028', '\u2029', utf8.RuneError:
			return i
		}
		if r < 0x20 || r == 0x7f {
			return i
		}
	}
	return len(s)
}

func removeSpace(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// cleanURL trims trailing punctuation and unbalanced closing brackets.
func cleanURL(u string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '*':
			u = u[:len(u)-1]
			continue
		case ')', ']', '}':
			open := byte('(')
			if c == ']' {
				open = '['
			} else if c == '}' {
				open = '{'
			}
			if countByte(u, open) < countByte(u, c) {
				u = u[:len(u)-1]
				continue
			}
		}
		break
	}
	return u
}

func hasHTTPPrefix(s string) bool {
	return (len(s) > 8 && strings.EqualFold(s[:8], "https://")) || (len(s) > 7 && strings.EqualFold(s[:7], "http://"))
}

// appendURL appends u unless already present (or maxURLs are kept).
func appendURL(dst []string, u string) []string {
	if u == "" || len(dst) >= maxURLs || !utf8.ValidString(u) {
		return dst
	}
	for _, x := range dst {
		if x == u {
			return dst
		}
	}
	return append(dst, u)
}

func countByte(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}
