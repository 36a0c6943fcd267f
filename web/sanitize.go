package web

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// emailPolicy is bluemonday's UGC policy without images: the same
// elements and attributes, minus img (and its usemap), so nothing in a
// message loads from elsewhere. No style attributes or <style>, no forms,
// no script, no embedded content. Links get rel="nofollow noreferrer
// noopener" and, when absolute, target="_blank" (the sandbox lets them open
// in a new tab, outside the sandbox, and nothing else).
func emailPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardAttributes()
	p.AllowStandardURLs()

	p.AllowElements("article", "aside", "figure", "section", "summary",
		"h1", "h2", "h3", "h4", "h5", "h6", "hgroup",
		"br", "div", "hr", "p", "span", "wbr",
		"abbr", "acronym", "cite", "code", "dfn", "em", "figcaption", "mark", "s", "samp",
		"strong", "sub", "sup", "var",
		"b", "i", "pre", "small", "strike", "tt", "u",
		"rp", "rt", "ruby", "blockquote", "q", "del", "ins", "time", "details", "bdi", "bdo")
	p.AllowAttrs("open").Matching(regexp.MustCompile(`(?i)^(|open)$`)).OnElements("details")
	p.AllowAttrs("cite").OnElements("blockquote", "q")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("datetime").Matching(bluemonday.ISO8601).OnElements("time", "del", "ins")
	p.AllowAttrs("cite").Matching(bluemonday.Paragraph).OnElements("del", "ins")
	p.AllowAttrs("dir").Matching(bluemonday.Direction).OnElements("bdi", "bdo")
	p.AllowLists()
	p.AllowTables()

	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	p.AllowRelativeURLs(false)
	return p
}

// sandbox is the iframe's sandbox: no scripts, no same origin, no forms,
// no top navigation; links may open a new tab that leaves the sandbox.
const sandbox = "allow-popups allow-popups-to-escape-sandbox"

// sanitiseHTML makes a message's HTML part safe to show: the sanitised
// body, wrapped in a document that links the dashboard's mail stylesheet.
// The result goes into a srcdoc attribute as a plain string, so
// html/template attribute-encodes it and "</iframe>" cannot end the frame.
func (s *Server) sanitiseHTML(raw string) string {
	if raw == "" {
		return ""
	}
	body := s.html.Sanitize(raw)
	return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/mail.css"></head><body>` +
		body + `</body></html>`
}
