package mailparse

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding/charmap"
)

// charsetKind classifies a declared charset name for the fast paths.
type charsetKind int

const (
	csUTF8   charsetKind = iota // utf-8: repair invalid sequences
	csASCII                     // us-ascii or none: 8-bit bytes are really some legacy charset
	csLatin1                    // iso-8859-1 / windows-1252: decoded as windows-1252
	csUTF7                      // utf-7: decoded here (x/text has no UTF-7)
	csOther                     // everything else: go-message's charset package
)

func classifyCharset(cs string) (charsetKind, string) {
	cs = strings.ToLower(strings.Trim(cs, " \t\"'"))
	switch cs {
	case "utf-8", "utf8", "x-utf-8", "x-utf8", "utf-8-sig":
		return csUTF8, cs
	case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646", "ansi_x3.4-1986", "iso-ir-6", "cp367", "ibm367", "default", "unknown-8bit", "x-unknown", "8bit", "7bit":
		return csASCII, cs
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252", "win-1252", "iso_8859-1:1987":
		return csLatin1, cs
	case "utf-7", "utf7", "unicode-1-1-utf-7", "x-utf-7", "csunicode11utf7":
		return csUTF7, cs
	}
	return csOther, cs
}

// decodeCharset converts b, declared as cs, to valid UTF-8. known is false
// when the charset is not supported; the text is then kept as raw bytes
// (valid UTF-8 as is, anything else read as windows-1252).
func decodeCharset(cs string, b []byte) (s string, known bool) {
	kind, name := classifyCharset(cs)
	switch kind {
	case csUTF8:
		return validUTF8(b), true
	case csASCII:
		return fixText(b), true
	case csLatin1:
		return decode1252(b), true
	case csUTF7:
		return decodeUTF7(b), true
	}
	r, err := charset.Reader(name, bytes.NewReader(b))
	if err != nil {
		return fixText(b), false
	}
	out, err := io.ReadAll(r)
	if err != nil && len(out) == 0 {
		return fixText(b), false
	}
	return validUTF8(out), true
}

// validUTF8 returns b as a string with invalid sequences replaced.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
}

// fixText returns b as a string: unchanged when it is valid UTF-8,
// otherwise decoded as windows-1252 (the usual truth behind undeclared or
// mislabelled 8-bit text).
func fixText(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decode1252(b)
}

// fixString is fixText for strings, without copying valid input.
func fixString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return decode1252([]byte(s))
}

func decode1252(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError || r == 0 {
			r = rune(c) // undefined 1252 slots: Latin-1 C1 control
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// decodeUTF7 decodes RFC 2152 UTF-7 leniently.
func decodeUTF7(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	var units []uint16
	for i := 0; i < len(b); {
		c := b[i]
		if c != '+' {
			if c < 0x80 {
				sb.WriteByte(c)
			} else {
				sb.WriteRune(utf8.RuneError)
			}
			i++
			continue
		}
		i++
		if i < len(b) && b[i] == '-' {
			sb.WriteByte('+')
			i++
			continue
		}
		var acc uint32
		var nbits uint
		units = units[:0]
		for i < len(b) {
			v := b64val(b[i])
			if v < 0 {
				break
			}
			acc = acc<<6 | uint32(v)
			nbits += 6
			if nbits >= 16 {
				nbits -= 16
				units = append(units, uint16(acc>>nbits))
				acc &= (1 << nbits) - 1
			}
			i++
		}
		for _, r := range utf16.Decode(units) {
			sb.WriteRune(r)
		}
		if i < len(b) && b[i] == '-' {
			i++
		}
	}
	return strings.ToValidUTF8(sb.String(), "\uFFFD")
}

// b64val returns the value of a base64 alphabet byte or -1.
func b64val(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for i >= 0 {
		sb.WriteString(s[:i])
		sb.WriteByte('\n')
		s = s[i+1:]
		if len(s) > 0 && s[0] == '\n' {
			s = s[1:]
		}
		i = strings.IndexByte(s, '\r')
	}
	sb.WriteString(s)
	return sb.String()
}

// decodeHeaderText decodes RFC 2047 encoded words in a header value, in any
// charset, leniently:
//   - adjacent encoded words in the same charset are joined before charset
//     conversion, so a multi-byte character split across words survives;
//   - whitespace between encoded words is dropped;
//   - encoded words glued to text, with spaces inside, or with bad padding
//     are decoded as far as possible;
//   - something that only looks like an encoded word is kept literally;
//   - raw 8-bit bytes outside encoded words are kept (UTF-8) or read as
//     windows-1252.
//
// unknown is the first charset that could not be converted ("" if none).
func decodeHeaderText(s string) (out, unknown string) {
	if !strings.Contains(s, "=?") {
		return fixString(s), ""
	}
	var sb strings.Builder
	sb.Grow(len(s))
	var pend []byte
	var pendCS string
	havePend := false
	flush := func() {
		if !havePend {
			return
		}
		t, known := decodeCharset(pendCS, pend)
		if !known && unknown == "" {
			unknown = pendCS
		}
		sb.WriteString(t)
		pend = pend[:0]
		havePend = false
	}
	i := 0
	for i < len(s) {
		j := strings.Index(s[i:], "=?")
		if j < 0 {
			flush()
			sb.WriteString(fixString(s[i:]))
			break
		}
		lit := s[i : i+j]
		n, cs, decoded, ok := parseEncodedWord(s[i+j:], pend[len(pend):])
		if !ok {
			flush()
			sb.WriteString(fixString(lit))
			sb.WriteString("=?")
			i += j + 2
			continue
		}
		if havePend && strings.TrimSpace(lit) == "" {
			// whitespace between encoded words is not displayed
		} else {
			flush()
			sb.WriteString(fixString(lit))
		}
		if havePend && !strings.EqualFold(cs, pendCS) {
			flush()
		}
		if !havePend {
			pendCS = cs
			havePend = true
		}
		pend = append(pend, decoded...)
		i += j + n
	}
	flush()
	return sb.String(), unknown
}

// maxEncodedWord bounds the text of one encoded word.
const maxEncodedWord = 1024

// parseEncodedWord parses an encoded word at the start of s ("=?cs?e?text?=").
// It returns the number of bytes consumed, the charset (without RFC 2231
// language) and the decoded bytes (appended to dst).
func parseEncodedWord(s string, dst []byte) (n int, cs string, out []byte, ok bool) {
	if len(s) < 8 || s[0] != '=' || s[1] != '?' {
		return 0, "", nil, false
	}
	k := strings.IndexByte(s[2:min(len(s), 2+66)], '?')
	if k <= 0 || k > 64 {
		return 0, "", nil, false
	}
	cs = s[2 : 2+k]
	if strings.ContainsAny(cs, " \t\r\n\"") {
		return 0, "", nil, false
	}
	if star := strings.IndexByte(cs, '*'); star >= 0 {
		cs = cs[:star]
	}
	p := 2 + k + 1
	if p+2 > len(s) || s[p+1] != '?' {
		return 0, "", nil, false
	}
	enc := s[p] | 0x20
	if enc != 'q' && enc != 'b' {
		return 0, "", nil, false
	}
	t := p + 2
	// RFC 2047 words are at most 75 bytes; allow a few times that (bounded
	// so hostile headers full of "=?" stay linear).
	e := strings.Index(s[t:min(len(s), t+maxEncodedWord)], "?=")
	if e < 0 {
		return 0, "", nil, false
	}
	text := s[t : t+e]
	if strings.Contains(text, "=?") {
		return 0, "", nil, false
	}
	if enc == 'b' {
		out = decodeBase64Lenient(dst, text)
	} else {
		out = decodeQWord(dst, text)
	}
	return t + e + 2, cs, out, true
}

// decodeQWord decodes RFC 2047 "Q" text.
func decodeQWord(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			dst = append(dst, ' ')
		case c == '=' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			dst = append(dst, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// decodeBase64Lenient decodes base64, ignoring characters outside the
// alphabet, restarting after padding (concatenated chunks) and flushing an
// unpadded final group.
func decodeBase64Lenient(dst []byte, s string) []byte {
	var d b64state
	for i := 0; i < len(s); i++ {
		dst = d.feed(dst, s[i])
	}
	return d.finish(dst)
}

// b64state is an incremental, never-failing base64 decoder.
type b64state struct {
	acc uint32
	n   int
}

func (d *b64state) feed(dst []byte, c byte) []byte {
	var v int
	switch {
	case c >= 'A' && c <= 'Z':
		v = int(c - 'A')
	case c >= 'a' && c <= 'z':
		v = int(c-'a') + 26
	case c >= '0' && c <= '9':
		v = int(c-'0') + 52
	case c == '+':
		v = 62
	case c == '/':
		v = 63
	case c == '=':
		return d.finish(dst)
	default:
		return dst
	}
	d.acc = d.acc<<6 | uint32(v)
	d.n++
	if d.n == 4 {
		dst = append(dst, byte(d.acc>>16), byte(d.acc>>8), byte(d.acc))
		d.acc, d.n = 0, 0
	}
	return dst
}

func (d *b64state) finish(dst []byte) []byte {
	switch d.n {
	case 2:
		dst = append(dst, byte(d.acc>>4))
	case 3:
		dst = append(dst, byte(d.acc>>10), byte(d.acc>>2))
	}
	d.acc, d.n = 0, 0
	return dst
}

// collapseSpace replaces runs of whitespace (including CR, LF, tabs and
// no-break spaces) with one space and trims the ends.
func collapseSpace(s string) string {
	clean := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; clean && i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && s[i+1] == ' ') {
			clean = false
		}
	}
	if clean {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\u2029', '\u3000':
			space = true
			continue
		}
		if r < 0x20 || r == 0x7f {
			// drop other control characters
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}
