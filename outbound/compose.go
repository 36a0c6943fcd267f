package outbound

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"html"
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"
)

// LoopHeader is stamped on everything mediadesk sends, with the desk's
// address as its value. mailparse classifies incoming mail carrying it as
// automatic, so anything that echoes our headers back can never open an
// enquiry or be acknowledged.
const LoopHeader = "X-Mediadesk-Loop"

// RefHeader carries the enquiry reference on mail we send.
const RefHeader = "X-Mediadesk-Ref"

// Draft is a message to compose.
type Draft struct {
	From    *mail.Address
	ReplyTo *mail.Address
	To      []*mail.Address
	Cc      []*mail.Address
	Subject string
	// InReplyTo and References are Message-IDs without angle brackets.
	InReplyTo  []string
	References []string
	// Text is the plain-text body; HTML the HTML alternative ("" derives
	// one from Text, escaped).
	Text string
	HTML string
	// NoLinks derives the HTML alternative without making URLs links
	// (automatic mail echoing what a stranger wrote).
	NoLinks bool
	// AutoSubmitted is "auto-replied" (acknowledgements),
	// "auto-generated" (alerts) or "" (a person's reply).
	AutoSubmitted string
	Ref           string
	// Urgent marks the message high priority.
	Urgent bool
	Date   time.Time
	// MessageID, if "", is generated on the desk's domain.
	MessageID string
}

// Composer builds RFC 5322 messages for the desk.
type Composer struct {
	// DeskAddress is the value of the loop header and gives the domain of
	// our Message-IDs.
	DeskAddress string
}

// domain is the right-hand side of our Message-IDs.
func (c *Composer) domain() string {
	if i := strings.LastIndexByte(c.DeskAddress, '@'); i >= 0 && i < len(c.DeskAddress)-1 {
		return strings.ToLower(strings.Trim(c.DeskAddress[i+1:], "> "))
	}
	return "mediadesk.invalid"
}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9.-]`)

// NewMessageID returns a fresh Message-ID (without brackets) on the
// desk's domain, carrying the reference and kind for people reading logs.
func (c *Composer) NewMessageID(ref, kind string) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	local := "md." + strconv.FormatInt(time.Now().UnixMilli(), 36) + "." + hex.EncodeToString(b)
	if ref != "" {
		local = idUnsafe.ReplaceAllString(strings.ToLower(ref), "") + "." + kind + "." + local
	}
	return local + "@" + c.domain()
}

// Compose renders d as a MIME message (multipart/mixed holding a
// multipart/alternative of text and HTML, UTF-8, quoted-printable; names
// and subject RFC 2047-encoded) and returns the bytes and the Message-ID.
func (c *Composer) Compose(d Draft) ([]byte, string, error) {
	if d.From == nil || len(d.To) == 0 {
		return nil, "", fmt.Errorf("compose: From and To are required")
	}
	var h gomail.Header
	if d.Date.IsZero() {
		d.Date = time.Now()
	}
	h.SetDate(d.Date)
	h.SetAddressList("From", []*gomail.Address{d.From})
	h.SetAddressList("To", d.To)
	if len(d.Cc) > 0 {
		h.SetAddressList("Cc", d.Cc)
	}
	if d.ReplyTo != nil && !strings.EqualFold(d.ReplyTo.Address, d.From.Address) {
		h.SetAddressList("Reply-To", []*gomail.Address{d.ReplyTo})
	}
	h.SetSubject(d.Subject)
	id := strings.Trim(d.MessageID, "<> ")
	if id == "" {
		id = c.NewMessageID(d.Ref, "msg")
	}
	h.SetMessageID(id)
	if irt := cleanIDs(d.InReplyTo); len(irt) > 0 {
		h.SetMsgIDList("In-Reply-To", irt)
	}
	if refs := cleanIDs(d.References); len(refs) > 0 {
		// Keep the thread root and the newest: RFC 5322 allows trimming the
		// middle of a long chain.
		if len(refs) > 20 {
			refs = append(refs[:1:1], refs[len(refs)-19:]...)
		}
		h.SetMsgIDList("References", refs)
	}
	if d.AutoSubmitted != "" {
		h.Set("Auto-Submitted", d.AutoSubmitted)
		// Ask Exchange and friends not to answer with out-of-office mail.
		h.Set("X-Auto-Response-Suppress", "All")
	}
	if d.Urgent {
		h.Set("Importance", "high")
		h.Set("X-Priority", "1")
	}
	h.Set(LoopHeader, c.DeskAddress)
	if d.Ref != "" {
		h.Set(RefHeader, d.Ref)
	}
	h.Set("MIME-Version", "1.0")

	var buf bytes.Buffer
	w, err := gomail.CreateWriter(&buf, h)
	if err != nil {
		return nil, "", fmt.Errorf("compose: %w", err)
	}
	alt, err := w.CreateInline()
	if err != nil {
		return nil, "", fmt.Errorf("compose: %w", err)
	}
	htmlBody := d.HTML
	if htmlBody == "" {
		htmlBody = textToHTML(d.Text, !d.NoLinks)
	}
	for _, p := range []struct{ ctype, body string }{
		{"text/plain", normaliseText(d.Text)},
		{"text/html", htmlBody},
	} {
		var ph gomail.InlineHeader
		ph.SetContentType(p.ctype, map[string]string{"charset": "utf-8"})
		ph.Set("Content-Transfer-Encoding", "quoted-printable")
		pw, err := alt.CreatePart(ph)
		if err != nil {
			return nil, "", fmt.Errorf("compose: %w", err)
		}
		if _, err := pw.Write([]byte(p.body)); err != nil {
			return nil, "", fmt.Errorf("compose: %w", err)
		}
		if err := pw.Close(); err != nil {
			return nil, "", fmt.Errorf("compose: %w", err)
		}
	}
	if err := alt.Close(); err != nil {
		return nil, "", fmt.Errorf("compose: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, "", fmt.Errorf("compose: %w", err)
	}
	return buf.Bytes(), id, nil
}

func cleanIDs(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		id = strings.Trim(strings.TrimSpace(id), "<>")
		if id == "" || strings.ContainsAny(id, " <>\r\n") || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}

// normaliseText gives a body CRLF line endings (quoted-printable keeps
// them as hard breaks).
func normaliseText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// textToHTML renders plain text as a minimal HTML document: every
// character escaped, blank-line-separated paragraphs as <p>, single line
// breaks as <br>, and, when links is set, http(s) links made clickable.
func textToHTML(text string, links bool) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"></head>\r\n<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 14px;\">\r\n")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		para = strings.Trim(para, "\n")
		if para == "" {
			continue
		}
		lines := strings.Split(para, "\n")
		for i, l := range lines {
			if links {
				lines[i] = linkify(l)
			} else {
				lines[i] = html.EscapeString(l)
			}
		}
		b.WriteString("<p>")
		b.WriteString(strings.Join(lines, "<br>\r\n"))
		b.WriteString("</p>\r\n")
	}
	b.WriteString("</body></html>\r\n")
	return b.String()
}

var urlRe = regexp.MustCompile(`https?://[^\s<>"']+[^\s<>"'.,;:!?)]`)

// linkify escapes a line of text and makes its URLs links.
func linkify(line string) string {
	var b strings.Builder
	last := 0
	for _, m := range urlRe.FindAllStringIndex(line, -1) {
		b.WriteString(html.EscapeString(line[last:m[0]]))
		u := html.EscapeString(line[m[0]:m[1]])
		b.WriteString(`<a href="` + u + `">` + u + `</a>`)
		last = m[1]
	}
	b.WriteString(html.EscapeString(line[last:]))
	return b.String()
}

var replyPrefixRe = regexp.MustCompile(`(?i)^\s*((re|aw|sv|vs|fw|fwd|wg|tr|rif|r)\s*(\[\d+\])?\s*:\s*)+`)
var refTagRe = regexp.MustCompile(`\s*\[[A-Z][A-Z0-9]{0,15}-\d{4}-\d{6}\]\s*`)

// ReplySubject is "[REF] Re: subject", with earlier reply prefixes and
// reference tags removed so a long thread's subject does not grow.
func ReplySubject(ref, subject string) string {
	s := strings.TrimSpace(subject)
	for i := 0; i < 4; i++ {
		t := strings.TrimSpace(refTagRe.ReplaceAllString(s, " "))
		t = strings.TrimSpace(replyPrefixRe.ReplaceAllString(t, ""))
		if t == s {
			break
		}
		s = t
	}
	if s == "" {
		s = "Your enquiry"
	}
	return "[" + ref + "] Re: " + s
}
