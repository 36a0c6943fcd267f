package mailparse

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText converts an HTML mail body to plain text and returns the
// http(s) hrefs of its links. script, style, head, title and similar
// elements are dropped; block elements and <br> become line breaks; <p>
// becomes a paragraph (blank line) except Outlook's zero-margin "Mso"
// paragraphs, which are lines; list items get "- "; entities are decoded,
// &nbsp; becomes a space and runs of white space collapse as a browser
// would. Text inside <blockquote> is prefixed with "> " per level so that
// SplitTextWithSubject sees it as quoted.
func HTMLToText(src string) (text string, hrefs []string) {
	c := htmlConv{out: make([]byte, 0, len(src)/3+16), cur: make([]byte, 0, 128)}
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	skip := 0 // depth inside dropped elements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return c.finish(), hrefs
		case html.TextToken:
			if skip > 0 {
				continue
			}
			// Raw avoids Text's copies when there is nothing to unescape.
			raw := z.Raw()
			if bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, 0) >= 0 {
				raw = z.Text()
			}
			c.text(raw)
		case html.StartTagToken, html.SelfClosingTagToken:
			var nb [16]byte
			a := atom.Lookup(rawTagName(nb[:0], z.Raw()))
			hasAttr := true
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Title, atom.Noscript, atom.Template, atom.Svg, atom.Object, atom.Iframe, atom.Select, atom.Textarea:
				if tt == html.StartTagToken {
					skip++
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch a {
			case atom.Br:
				c.br()
			case atom.P:
				mso := false
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "class" && bytes.HasPrefix(bytes.ToLower(v), []byte("mso")) {
						mso = true
					}
				}
				if mso {
					c.block()
				} else {
					c.paragraph()
				}
			case atom.Blockquote:
				c.block()
				c.quote++
			case atom.Li:
				c.block()
				c.raw("- ")
			case atom.Hr:
				c.block()
				c.raw("---")
				c.block()
			case atom.Td, atom.Th:
				c.space()
			case atom.A:
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" {
						h := strings.TrimSpace(string(v))
						if hasHTTPPrefix(h) && len(hrefs) < maxURLs {
							hrefs = appendURL(hrefs, cleanURL(h))
						}
					}
				}
			case atom.Pre:
				c.block()
				c.pre++
			default:
				if isBlockAtom(a) {
					c.block()
				}
			}
		case html.EndTagToken:
			var nb [16]byte
			a := atom.Lookup(rawTagName(nb[:0], z.Raw()))
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Title, atom.Noscript, atom.Template, atom.Svg, atom.Object, atom.Iframe, atom.Select, atom.Textarea:
				if skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch a {
			case atom.P:
				c.block()
			case atom.Blockquote:
				c.block()
				if c.quote > 0 {
					c.quote--
				}
			case atom.Pre:
				c.block()
				if c.pre > 0 {
					c.pre--
				}
			case atom.Td, atom.Th:
				c.space()
			default:
				if isBlockAtom(a) {
					c.block()
				}
			}
		}
	}
}

func isBlockAtom(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Tr, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Address, atom.Center, atom.Body, atom.Html, atom.Nav, atom.Aside, atom.Main, atom.Figure, atom.Figcaption,
		atom.Form, atom.Fieldset, atom.Caption, atom.Details, atom.Summary:
		return true
	}
	return false
}

// htmlConv accumulates text lines. Breaks are requested lazily (brk) and
// written before the next word, so runs of block boundaries collapse into
// at most one blank line.
type htmlConv struct {
	out       []byte
	cur       []byte // current line, without quote prefix
	curQuote  int    // quote depth of the current line
	brk       int    // pending: 1 = new line, 2 = blank line
	spacePend bool
	quote     int
	pre       int
	lines     int // lines written to out
}

func isHTMLSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u200b', '\ufeff':
		return true
	}
	return false
}

func (c *htmlConv) text(b []byte) {
	if c.pre > 0 {
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				c.word(b, true)
				return
			}
			c.word(bytes.TrimSuffix(b[:i], []byte("\r")), true)
			c.br()
			b = b[i+1:]
		}
		return
	}
	start := -1
	onlyNBSP, sawNBSP := true, false
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if isHTMLSpace(r) {
			if r == '\u00a0' {
				sawNBSP = true
			} else if r != '\n' && r != '\r' {
				onlyNBSP = false
			}
			if start >= 0 {
				c.word(b[start:i], false)
				start = -1
			}
			c.spacePend = true
		} else {
			onlyNBSP = false
			if start < 0 {
				start = i
			}
		}
		i += size
	}
	if start >= 0 {
		c.word(b[start:], false)
	}
	if onlyNBSP && sawNBSP && len(c.cur) == 0 && c.lines > 0 {
		// Outlook's <p>&nbsp;</p>: an empty line
		c.brk = 2
	}
}

// word writes a run of non-space text, writing pending breaks first.
func (c *htmlConv) word(w []byte, keepSpace bool) {
	if len(w) == 0 {
		return
	}
	if c.brk > 0 {
		c.endLine()
		if c.brk == 2 && c.lines > 0 {
			c.out = append(c.out, '\n')
		}
		c.brk = 0
		c.spacePend = false
	}
	if len(c.cur) == 0 {
		c.curQuote = c.quote
		if !keepSpace {
			c.spacePend = false
		}
	}
	if c.spacePend && !keepSpace {
		c.cur = append(c.cur, ' ')
	}
	c.spacePend = false
	c.cur = append(c.cur, w...)
}

func (c *htmlConv) raw(s string) { c.word([]byte(s), true) }

func (c *htmlConv) space() { c.spacePend = true }

// br is a forced line break; a break on an empty line makes a blank line.
func (c *htmlConv) br() {
	if len(c.cur) > 0 {
		c.endLine()
		if c.brk < 1 {
			c.brk = 1
		}
		return
	}
	if c.lines > 0 {
		c.brk = 2
	}
}

func (c *htmlConv) block() {
	if len(c.cur) > 0 {
		c.endLine()
	}
	if c.lines > 0 && c.brk < 1 {
		c.brk = 1
	}
}

func (c *htmlConv) paragraph() {
	if len(c.cur) > 0 {
		c.endLine()
	}
	if c.lines > 0 {
		c.brk = 2
	}
}

// endLine moves the current line to out (a "\n" separates lines).
func (c *htmlConv) endLine() {
	if len(c.cur) == 0 {
		return
	}
	if c.lines > 0 {
		c.out = append(c.out, '\n')
	}
	for i := 0; i < c.curQuote; i++ {
		c.out = append(c.out, "> "...)
	}
	c.out = append(c.out, bytes.TrimRight(c.cur, " ")...)
	c.cur = c.cur[:0]
	c.lines++
}

func (c *htmlConv) finish() string {
	c.endLine()
	return strings.ToValidUTF8(string(c.out), "\uFFFD")
}

// hrefURLs extracts the http(s) hrefs of an HTML document with a cheap scan
// (no tokenizer), for messages whose text comes from a text/plain part.
func hrefURLs(src string) []string {
	var out []string
	ff := newFoldFinder(src, "href")
	off := 0
	for {
		i := ff.next(off)
		if i < 0 {
			return out
		}
		off = i + 4
		s := src[off:]
		j := 0
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			continue
		}
		j++
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
			j++
		}
		if j >= len(s) {
			return out
		}
		var v string
		if q := s[j]; q == '"' || q == '\'' {
			k := strings.IndexByte(s[j+1:], q)
			if k < 0 {
				return out
			}
			v = s[j+1 : j+1+k]
		} else {
			k := j
			for k < len(s) && s[k] != ' ' && s[k] != '>' && s[k] != '\t' && s[k] != '\n' {
				k++
			}
			v = s[j:k]
		}
		v = strings.TrimSpace(v)
		if hasHTTPPrefix(v) {
			if strings.IndexByte(v, '&') >= 0 {
				v = html.UnescapeString(v)
			}
			out = appendURL(out, cleanURL(v))
			if len(out) >= maxURLs {
				return out
			}
		}
	}
}

// foldFinder finds an ASCII lower-case needle in s ignoring case, from
// increasing offsets. It remembers where the next upper-case first byte is,
// so repeated searches over one text stay linear.
type foldFinder struct {
	s, needle string
	nextUp    int // absolute position of the next upper-case first byte; -1 none; -2 unknown
}

func newFoldFinder(s, needle string) foldFinder {
	return foldFinder{s: s, needle: needle, nextUp: -2}
}

// next returns the first match at or after off, or -1.
func (f *foldFinder) next(off int) int {
	s, needle := f.s, f.needle
	n := len(needle)
	lo := needle[0]
	up := lo
	if lo >= 'a' && lo <= 'z' {
		up = lo - 32
	}
	for off >= 0 && off+n <= len(s) {
		i := strings.IndexByte(s[off:], lo)
		if i >= 0 {
			i += off
		}
		if up != lo {
			if f.nextUp != -1 && f.nextUp < off {
				if j := strings.IndexByte(s[off:], up); j >= 0 {
					f.nextUp = off + j
				} else {
					f.nextUp = -1
				}
			}
			if f.nextUp >= 0 && (i < 0 || f.nextUp < i) {
				i = f.nextUp
			}
		}
		if i < 0 || i+n > len(s) {
			return -1
		}
		if hasPrefixFoldASCII(s[i:], needle) {
			return i
		}
		off = i + 1
	}
	return -1
}

// rawTagName reads the lower-cased tag name from a raw tag ("<P class=…>",
// "</div>") without the tokenizer's copy. Names longer than dst's capacity
// are not elements we act on and come back empty (no atom matches).
func rawTagName(dst, raw []byte) []byte {
	i := 0
	if i < len(raw) && raw[i] == '<' {
		i++
	}
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	for ; i < len(raw) && len(dst) < cap(dst); i++ {
		c := raw[i]
		switch {
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+32)
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == ':', c == '-':
			dst = append(dst, c)
		default:
			return dst
		}
	}
	if i < len(raw) && isTagNameByte(raw[i]) {
		return dst[:0] // too long: not one of ours
	}
	return dst
}

func isTagNameByte(c byte) bool {
	return (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9' || c == ':' || c == '-'
}
