package mailparse

import (
	"bytes"
	"strings"

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
// SplitText sees it as quoted.
func HTMLToText(src string) (text string, hrefs []string) {
	c := htmlConv{}
	c.out.Grow(len(src) / 3)
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
			c.text(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
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
						if hasHTTPPrefix(h) {
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
			name, _ := z.TagName()
			a := atom.Lookup(name)
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
	out       strings.Builder
	cur       strings.Builder // current line, without quote prefix
	curQuote  int             // quote depth of the current line
	brk       int             // pending: 1 = new line, 2 = blank line
	spacePend bool
	quote     int
	pre       int
	lines     int // lines written to out
}

func (c *htmlConv) text(b []byte) {
	if c.pre > 0 {
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				c.word(string(b), true)
				return
			}
			c.word(string(b[:i]), true)
			c.br()
			b = b[i+1:]
		}
		return
	}
	s := string(b)
	start := -1
	onlyNBSP := true
	for i, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			if r != '\u00a0' && r != '\n' && r != '\r' {
				onlyNBSP = false
			}
			if start >= 0 {
				c.word(s[start:i], false)
				start = -1
			}
			c.spacePend = true
			continue
		}
		onlyNBSP = false
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		c.word(s[start:], false)
	}
	if onlyNBSP && strings.ContainsRune(s, '\u00a0') && c.cur.Len() == 0 && c.lines > 0 {
		// Outlook's <p>&nbsp;</p>: an empty line
		c.brk = 2
	}
}

// word writes a run of non-space text, writing pending breaks first.
func (c *htmlConv) word(w string, keepSpace bool) {
	if w == "" {
		return
	}
	if c.brk > 0 {
		c.endLine()
		if c.brk == 2 && c.lines > 0 {
			c.out.WriteByte('\n')
		}
		c.brk = 0
		c.spacePend = false
	}
	if c.cur.Len() == 0 {
		c.curQuote = c.quote
		if !keepSpace {
			c.spacePend = false
		}
	}
	if c.spacePend && !keepSpace {
		c.cur.WriteByte(' ')
	}
	c.spacePend = false
	c.cur.WriteString(w)
}

func (c *htmlConv) raw(s string) { c.word(s, true) }

func (c *htmlConv) space() { c.spacePend = true }

// br is a forced line break; a break on an empty line makes a blank line.
func (c *htmlConv) br() {
	if c.cur.Len() > 0 {
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
	if c.cur.Len() > 0 {
		c.endLine()
	}
	if c.lines > 0 && c.brk < 1 {
		c.brk = 1
	}
}

func (c *htmlConv) paragraph() {
	if c.cur.Len() > 0 {
		c.endLine()
	}
	if c.lines > 0 {
		c.brk = 2
	}
}

// endLine moves the current line to out (a "\n" separates lines).
func (c *htmlConv) endLine() {
	if c.cur.Len() == 0 {
		return
	}
	if c.lines > 0 {
		c.out.WriteByte('\n')
	}
	for i := 0; i < c.curQuote; i++ {
		c.out.WriteString("> ")
	}
	c.out.WriteString(strings.TrimRight(c.cur.String(), " "))
	c.cur.Reset()
	c.lines++
}

func (c *htmlConv) finish() string {
	c.endLine()
	return c.out.String()
}

// hrefURLs extracts the http(s) hrefs of an HTML document with a cheap scan
// (no tokenizer), for messages whose text comes from a text/plain part.
func hrefURLs(src string) []string {
	var out []string
	s := src
	for {
		i := indexFold(s, "href")
		if i < 0 {
			return out
		}
		s = s[i+4:]
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
		}
	}
}

// indexFold is a case-insensitive strings.Index for an ASCII lower-case
// needle.
func indexFold(s, needle string) int {
	n := len(needle)
	first := needle[0]
	for i := 0; i+n <= len(s); i++ {
		c := s[i] | 0x20
		if c != first {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if s[i+k]|0x20 != needle[k] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}
