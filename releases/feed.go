package releases

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/mediadesk/mediadesk/internal/redact"
	"github.com/mediadesk/mediadesk/releases/release"
)

// ErrNotFeed is returned (wrapped) for a document that is XML but neither
// Atom nor RSS.
var ErrNotFeed = errors.New("not an Atom or RSS feed")

// Atom 1.0, RSS 2.0 and RSS 1.0 (RDF) shapes; encoding/xml matches
// elements by local name, so namespaces need not be spelt out except to
// tell content:encoded from other "encoded" elements.
type atomFeed struct {
	Title   string      `xml:"title"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",innerxml"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     atomText   `xml:"title"`
	Links     []atomLink `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Summary   atomText   `xml:"summary"`
	Content   atomText   `xml:"content"`
	Author    atomPerson `xml:"author"`
}

type rssDoc struct {
	Channel struct {
		Title string    `xml:"title"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
	Items []rssItem `xml:"item"` // RSS 1.0 keeps items beside the channel
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate"`
	DCDate      string `xml:"http://purl.org/dc/elements/1.1/ date"`
	Description string `xml:"description"`
	Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Creator     string `xml:"http://purl.org/dc/elements/1.1/ creator"`
}

// ParseFeed reads an Atom 1.0 or RSS (2.0 or 1.0) document into releases:
// title, link (the alternate link for Atom), id/guid, published or updated
// / pubDate, and the summary or content converted from HTML to text. Each
// release is given topics (feeds carry none the desk could use) and source.
// An entry without a title or link is skipped; one without a date is dated
// now. The id is the publication date and a slug of the title, in the
// catalogue's style; a later version of the same item is matched by its URL
// (see Merge), so a changed title does not duplicate it.
func ParseFeed(data []byte, source string, topics []string, now time.Time) ([]Release, error) {
	root, err := rootElement(data)
	if err != nil {
		return nil, err
	}
	var out []Release
	add := func(title, link, guid, date, body, dept string) {
		title = strings.TrimSpace(htmlToText(title))
		link = strings.TrimSpace(link)
		if link == "" && strings.HasPrefix(guid, "http") {
			link = guid
		}
		if title == "" || link == "" {
			return
		}
		pub, ok := parseFeedDate(date)
		if !ok {
			pub = now
		}
		out = append(out, Release{
			ID:         feedID(pub, title),
			Title:      title,
			URL:        link,
			Published:  pub,
			Department: strings.TrimSpace(dept),
			Topics:     append([]string(nil), topics...),
			Body:       htmlToText(body),
			Source:     source,
		})
	}
	dec := func(v any) error {
		d := xml.NewDecoder(bytes.NewReader(data))
		d.CharsetReader = charset.NewReaderLabel
		d.Strict = false
		return d.Decode(v)
	}
	switch root {
	case "feed":
		var f atomFeed
		if err := dec(&f); err != nil {
			return nil, fmt.Errorf("reading Atom feed: %w", err)
		}
		for _, e := range f.Entries {
			link := ""
			for _, l := range e.Links {
				if l.Rel == "" || l.Rel == "alternate" {
					link = l.Href
					break
				}
			}
			date := e.Published
			if date == "" {
				date = e.Updated
			}
			body := e.Content.Body
			if strings.TrimSpace(body) == "" {
				body = e.Summary.Body
			}
			dept := e.Author.Name
			if dept == "" {
				dept = f.Author.Name
			}
			add(unescapeXML(e.Title.Body), link, e.ID, date, unescapeXML(body), dept)
		}
	case "rss", "RDF":
		var r rssDoc
		if err := dec(&r); err != nil {
			return nil, fmt.Errorf("reading RSS feed: %w", err)
		}
		items := append(r.Channel.Items, r.Items...)
		for _, it := range items {
			date := it.PubDate
			if date == "" {
				date = it.DCDate
			}
			body := it.Content
			if strings.TrimSpace(body) == "" {
				body = it.Description
			}
			dept := it.Creator
			if dept == "" {
				dept = r.Channel.Title
			}
			add(it.Title, it.Link, it.GUID, date, body, dept)
		}
	default:
		return nil, fmt.Errorf("%w: the root element is <%s>", ErrNotFeed, root)
	}
	return out, nil
}

// rootElement returns the local name of the document's root element.
func rootElement(data []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", errors.New("not XML: the document is empty")
			}
			return "", fmt.Errorf("not XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name.Local, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return "", errors.New("not XML: text before the first element")
			}
		}
	}
}

// unescapeXML turns the inner XML of an element into the text or HTML it
// carries: escaped HTML ("&lt;p&gt;") is unescaped, CDATA sections opened.
func unescapeXML(inner string) string {
	s := strings.TrimSpace(inner)
	if strings.HasPrefix(s, "<![CDATA[") && strings.HasSuffix(s, "]]>") {
		return s[len("<![CDATA[") : len(s)-len("]]>")]
	}
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader("<x>" + inner + "</x>"))
	d.Strict = false
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 1 { // inline XHTML: keep the tags for htmlToText
				b.WriteString("<" + t.Name.Local + ">")
			}
		case xml.EndElement:
			if depth > 1 {
				b.WriteString("</" + t.Name.Local + ">")
			}
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	return b.String()
}

var blockTags = map[string]bool{"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "table": true,
	"blockquote": true, "section": true, "article": true, "hr": true, "pre": true}

// htmlToText converts an HTML fragment to plain text: block elements end
// paragraphs, scripts and styles go, entities are decoded, runs of spaces
// collapse.
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(collapseSpaces(s))
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(collapseSpaces(b.String()))
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			n := string(name)
			if n == "script" || n == "style" {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			}
			if blockTags[n] {
				b.WriteString("\n\n")
			}
		}
	}
}

// collapseSpaces collapses runs of spaces within lines and runs of blank
// lines to one.
func collapseSpaces(s string) string {
	var b strings.Builder
	space, newlines := false, 0
	for _, r := range s {
		switch {
		case r == '\n':
			newlines++
			space = false
		case unicode.IsSpace(r):
			space = true
		default:
			if newlines > 0 {
				if b.Len() > 0 {
					b.WriteString(strings.Repeat("\n", min(newlines, 2)))
				}
				newlines = 0
			} else if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

var feedDateLayouts = []string{
	time.RFC3339Nano, time.RFC3339, time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 -0700", "2006-01-02T15:04:05", "2006-01-02",
}

func parseFeedDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range feedDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// feedID makes a catalogue id: publication date and up to 48 characters of
// the title's slug, cut at a word.
func feedID(pub time.Time, title string) string {
	slug := release.Slugify(title)
	if len(slug) > 48 {
		cut := strings.LastIndexByte(slug[:48], '-')
		if cut < 16 {
			cut = 48
		}
		slug = slug[:cut]
	}
	return pub.UTC().Format(time.DateOnly) + "-" + slug
}

// FeedFetcher fetches feeds with conditional GET, remembering each feed's
// ETag and Last-Modified. It is safe for concurrent use.
type FeedFetcher struct {
	// Client does the requests; nil means a client with a 30 s timeout.
	Client *http.Client
	// MaxBytes caps a feed's size (default 10 MB).
	MaxBytes int64
	// UserAgent is sent with each request.
	UserAgent string
	// Now is the clock for releases without a date (default time.Now).
	Now func() time.Time

	mu    sync.Mutex
	state map[string]feedState
}

type feedState struct {
	etag, lastModified string
}

// FeedResult is one fetch of a feed.
type FeedResult struct {
	Releases []Release
	// NotModified is set when the server answered 304: nothing changed
	// since the last successful fetch.
	NotModified bool
}

// DefaultFeedMaxBytes caps a feed's size.
const DefaultFeedMaxBytes = 10 << 20

// Fetch gets the feed at url, conditionally on the last version seen, and
// parses it. Errors name the feed and say what was wrong: the HTTP status,
// a body over the size cap, not XML, not Atom or RSS. A feed URL may carry
// credentials (user:password@, ?token=): errors and the releases' Source
// show it redacted.
func (f *FeedFetcher) Fetch(ctx context.Context, url string, topics []string) (FeedResult, error) {
	res, err := f.fetch(ctx, url, topics)
	return res, redact.Error(err, url)
}

func (f *FeedFetcher) fetch(ctx context.Context, url string, topics []string) (FeedResult, error) {
	client := f.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = DefaultFeedMaxBytes
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return FeedResult{}, fmt.Errorf("feed %s: %w", url, err)
	}
	req.Header.Set("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")
	if f.UserAgent != "" {
		req.Header.Set("User-Agent", f.UserAgent)
	}
	f.mu.Lock()
	st := f.state[url]
	f.mu.Unlock()
	if st.etag != "" {
		req.Header.Set("If-None-Match", st.etag)
	}
	if st.lastModified != "" {
		req.Header.Set("If-Modified-Since", st.lastModified)
	}
	resp, err := client.Do(req)
	if err != nil {
		return FeedResult{}, fmt.Errorf("feed %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return FeedResult{NotModified: true}, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return FeedResult{}, fmt.Errorf("feed %s: HTTP %s", url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return FeedResult{}, fmt.Errorf("feed %s: reading: %w", url, err)
	}
	if int64(len(data)) > limit {
		return FeedResult{}, fmt.Errorf("feed %s: larger than the %d-byte limit", url, limit)
	}
	now := time.Now
	if f.Now != nil {
		now = f.Now
	}
	rels, err := ParseFeed(data, redact.URL(url), topics, now())
	if err != nil {
		return FeedResult{}, fmt.Errorf("feed %s: %w", url, err)
	}
	f.mu.Lock()
	if f.state == nil {
		f.state = map[string]feedState{}
	}
	f.state[url] = feedState{etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
	f.mu.Unlock()
	return FeedResult{Releases: rels}, nil
}
