package mailparse

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Bounds on hostile MIME trees.
const (
	maxDepth     = 32      // nesting of multiparts and attached messages
	maxParts     = 1000    // entities visited in one message (all levels)
	maxTextBytes = 4 << 20 // decoded text kept per body part
)

// walkState is shared by the walker of a message and the walkers of the
// messages attached to it, so the bounds hold for the whole tree.
type walkState struct {
	parts    int
	warnings []string
	warned   map[string]bool
	limitHit bool
}

func (s *walkState) warn(format string, args ...any) {
	w := format
	if len(args) > 0 {
		w = fmt.Sprintf(format, args...)
	}
	if s.warned == nil {
		s.warned = make(map[string]bool, 4)
	}
	if s.warned[w] || len(s.warnings) >= 50 {
		return
	}
	s.warned[w] = true
	s.warnings = append(s.warnings, w)
}

// walker collects the body, attachments and structural signals of one
// message (an attached message gets its own walker with nested=true).
type walker struct {
	st     *walkState
	nested bool // inside an attached message: no attachment list, no signals

	leaves      int
	plain       []string // text/plain body parts, in order
	otherText   string   // first other inline text/* (fallback body)
	html        string
	htmlSet     bool
	attachments []Attachment
	forwards    []string // readable text of attached messages
	nestedURLs  []string // hrefs of attached messages' HTML

	reportType     string // report-type of the first multipart/report
	deliveryStatus bool   // a message/delivery-status part was seen
	mdn            bool   // a message/disposition-notification part was seen

	// grab, when set (Part), sees every leaf with its index, header and
	// raw body.
	grab func(index int, h header, body []byte)
}

// entity walks one MIME entity: h is its header, body its raw (still
// transfer-encoded) content, depth its nesting level.
func (w *walker) entity(h header, body []byte, depth int, parentType string) {
	w.st.parts++
	if w.st.parts > maxParts {
		if !w.st.limitHit {
			w.st.limitHit = true
			w.st.warn("mime: more than %d parts; the rest were skipped", maxParts)
		}
		return
	}
	ctRaw := h.get("Content-Type")
	ctype, params := parseMediaHeader(ctRaw)
	if ctype == "" || strings.IndexByte(ctype, '/') <= 0 {
		switch {
		case ctype == "text":
			ctype = "text/plain"
		case ctRaw == "" && parentType == "multipart/digest":
			ctype = "message/rfc822"
		case ctRaw == "":
			ctype = "text/plain"
		default:
			w.st.warn("mime: malformed Content-Type %q; read as text/plain", clip(ctRaw, 60))
			ctype = "text/plain"
		}
	}

	if strings.HasPrefix(ctype, "multipart/") {
		boundary := params.boundary
		if boundary == "" {
			w.st.warn("mime: %s without boundary; read as text/plain", ctype)
			w.leaf(h, "text/plain", params, body, depth, parentType)
			return
		}
		if depth >= maxDepth {
			w.st.warn("mime: nesting deeper than %d; inner parts skipped", maxDepth)
			return
		}
		if ctype == "multipart/report" && w.reportType == "" && !w.nested {
			w.reportType = strings.ToLower(params.reportType)
		}
		if len(bytes.TrimSpace(body)) == 0 {
			w.st.warn("mime: empty %s", ctype)
			return
		}
		parts, closed := splitMultipart(body, boundary)
		if len(parts) == 0 {
			w.st.warn("mime: boundary %q of %s not found; body read as text/plain", clip(boundary, 40), ctype)
			w.leaf(h, "text/plain", params, body, depth, parentType)
			return
		}
		if !closed {
			w.st.warn("mime: %s is missing its closing boundary", ctype)
		}
		for _, p := range parts {
			ph := scanPartHeader(p)
			if ph.warning != "" {
				w.st.warn("mime: %s", ph.warning)
			}
			w.entity(ph.fields, p[ph.bodyStart:], depth+1, ctype)
			if w.st.parts > maxParts {
				return
			}
		}
		return
	}
	w.leaf(h, ctype, params, body, depth, parentType)
}

// leaf handles a non-multipart entity.
func (w *walker) leaf(h header, ctype string, params mediaParams, body []byte, depth int, parentType string) {
	index := w.leaves
	w.leaves++
	if w.grab != nil {
		w.grab(index, h, body)
	}

	disp, dparams := parseMediaHeader(h.get("Content-Disposition"))
	filename := dparams.filename
	if filename == "" {
		filename = params.name
	}
	isAttachment := disp == "attachment" || filename != ""
	cte := h.get("Content-Transfer-Encoding")

	switch ctype {
	case "text/plain", "text/html":
		// The top-level single part is the body whatever it claims.
		if !isAttachment || (depth == 0 && disp != "attachment") {
			if ctype == "text/plain" {
				if parentType == "multipart/alternative" && len(w.plain) > 0 {
					return // another alternative of the body
				}
				w.plain = append(w.plain, w.readText(body, cte, params.charset, ctype))
				return
			}
			if !w.htmlSet {
				w.html = w.readText(body, cte, params.charset, ctype)
				w.htmlSet = true
				return
			}
			if parentType == "multipart/alternative" {
				return
			}
		}
	case "text/enriched", "text/richtext", "text/watch-html", "text/x-amp-html":
		if !isAttachment {
			if parentType == "multipart/alternative" {
				return // an alternative rendering of the body
			}
			if w.otherText == "" {
				w.otherText = w.readText(body, cte, params.charset, ctype)
			}
			return
		}
	case "message/rfc822", "message/global", "message/news":
		w.attachedMessage(h, ctype, filename, disp, body, cte, depth, index)
		return
	case "message/delivery-status", "message/global-delivery-status":
		w.deliveryStatus = true
	case "message/disposition-notification", "message/global-disposition-notification":
		w.mdn = true
	}

	if w.nested {
		return
	}
	w.attachments = append(w.attachments, Attachment{
		Filename:    filename,
		ContentType: ctype,
		Size:        w.decodedSize(body, cte),
		Inline:      disp == "inline" || (disp == "" && h.get("Content-Id") != ""),
		ContentID:   trimAngle(h.get("Content-Id")),
		Index:       index,
	})
}

// attachedMessage handles message/rfc822: its readable text becomes
// forwarded text, and the part is listed as an attachment.
func (w *walker) attachedMessage(h header, ctype, filename, disp string, body []byte, cte string, depth, index int) {
	decoded := body
	kind := classifyCTE(cte)
	if kind != cteIdentity && kind != cteUnknown {
		decoded = decodeTransfer(nil, body, kind)
	}
	if !w.nested {
		w.attachments = append(w.attachments, Attachment{
			Filename:    filename,
			ContentType: "message/rfc822",
			Size:        int64(len(decoded)),
			Inline:      disp == "inline",
			ContentID:   trimAngle(h.get("Content-Id")),
			Index:       index,
		})
	}
	if depth+1 >= maxDepth {
		w.st.warn("mime: nesting deeper than %d; attached message skipped", maxDepth)
		return
	}
	res, err := scanHeader(decoded)
	if err != nil || len(res.fields) == 0 {
		if err != nil {
			w.st.warn("mime: attached message unreadable: %v", err)
		}
		if t := strings.TrimSpace(fixText(decoded)); t != "" {
			w.forwards = append(w.forwards, normalizeNewlines(clip(t, maxTextBytes)))
		}
		return
	}
	if res.warning != "" {
		w.st.warn("mime: attached message: %s", res.warning)
	}
	sub := &walker{st: w.st, nested: true}
	sub.entity(res.fields, decoded[res.bodyStart:], depth+1, ctype)
	text, _ := sub.bodyText()
	var sb strings.Builder
	writeHdr := func(name, v string) {
		if v == "" {
			return
		}
		sb.WriteString(name)
		sb.WriteString(": ")
		sb.WriteString(v)
		sb.WriteByte('\n')
	}
	from, _ := decodeHeaderText(res.fields.get("From"))
	subj, _ := decodeHeaderText(res.fields.get("Subject"))
	to, _ := decodeHeaderText(res.fields.get("To"))
	writeHdr("From", collapseSpace(from))
	writeHdr("Subject", collapseSpace(subj))
	writeHdr("Date", collapseSpace(fixString(res.fields.get("Date"))))
	writeHdr("To", collapseSpace(to))
	if sb.Len() > 0 {
		sb.WriteByte('\n')
	}
	sb.WriteString(strings.TrimSpace(text))
	for _, f := range sub.forwards {
		sb.WriteString("\n\n")
		sb.WriteString(f)
	}
	if s := strings.TrimSpace(sb.String()); s != "" {
		w.forwards = append(w.forwards, s)
	}
	w.nestedURLs = append(w.nestedURLs, sub.nestedURLs...)
	if sub.htmlSet {
		w.nestedURLs = append(w.nestedURLs, hrefURLs(sub.html)...)
	}
}

// bodyText returns the readable body: the text/plain parts, else the HTML
// converted to text, else another inline text part. fromHTML says the
// text came from the HTML.
func (w *walker) bodyText() (text string, fromHTML bool) {
	plain := ""
	switch len(w.plain) {
	case 0:
	case 1:
		plain = w.plain[0]
	default:
		var nonEmpty []string
		for _, p := range w.plain {
			if strings.TrimSpace(p) != "" {
				nonEmpty = append(nonEmpty, strings.TrimRight(p, "\n "))
			}
		}
		plain = strings.Join(nonEmpty, "\n\n")
	}
	if strings.TrimSpace(plain) != "" {
		return plain, false
	}
	if w.htmlSet {
		t, _ := HTMLToText(w.html)
		if strings.TrimSpace(t) != "" {
			return t, true
		}
	}
	if w.otherText != "" {
		return w.otherText, false
	}
	return plain, false
}

// readText decodes a text part to valid UTF-8 with \n line endings.
func (w *walker) readText(body []byte, cte, cs, ctype string) string {
	kind := classifyCTE(cte)
	if kind == cteUnknown {
		w.st.warn("mime: unknown Content-Transfer-Encoding %q; kept raw", clip(cte, 40))
	}
	if len(body) > maxTextBytes*2 {
		body = body[:maxTextBytes*2]
		w.st.warn("mime: %s part longer than %d bytes; truncated", ctype, maxTextBytes*2)
	}
	decoded := body
	if kind != cteIdentity && kind != cteUnknown {
		decoded = decodeTransfer(make([]byte, 0, len(body)), body, kind)
	}
	if len(decoded) > maxTextBytes {
		decoded = decoded[:maxTextBytes]
		w.st.warn("mime: %s part decodes to more than %d bytes; truncated", ctype, maxTextBytes)
	}
	if cs == "" && ctype == "text/html" {
		cs = sniffHTMLCharset(decoded)
	}
	kindCS, _ := classifyCharset(cs)
	if kindCS == csUTF8 || kindCS == csASCII {
		// Fast path: one copy, newlines normalised on the way.
		return bytesToText(decoded, kindCS == csUTF8)
	}
	s, known := decodeCharset(cs, decoded)
	if !known {
		w.st.warn("mime: unknown charset %q; text kept as raw bytes", clip(cs, 40))
	}
	return normalizeNewlines(s)
}

// bytesToText converts UTF-8 (or undeclared) bytes to a string with \n
// line endings; invalid UTF-8 is repaired (utf8Decl) or read as
// windows-1252.
func bytesToText(b []byte, utf8Decl bool) string {
	if bytes.IndexByte(b, '\r') < 0 {
		if utf8Decl {
			return validUTF8(b)
		}
		return fixText(b)
	}
	if utf8.Valid(b) {
		// one copy, newlines normalised on the way
		var sb strings.Builder
		sb.Grow(len(b))
		for {
			i := bytes.IndexByte(b, '\r')
			if i < 0 {
				sb.Write(b)
				return sb.String()
			}
			sb.Write(b[:i])
			sb.WriteByte('\n')
			b = b[i+1:]
			if len(b) > 0 && b[0] == '\n' {
				b = b[1:]
			}
		}
	}
	var s string
	if utf8Decl {
		s = validUTF8(b)
	} else {
		s = fixText(b)
	}
	return normalizeNewlines(s)
}

// sniffHTMLCharset finds a <meta charset> in the first KB of an HTML part.
func sniffHTMLCharset(b []byte) string {
	if len(b) > 1024 {
		b = b[:1024]
	}
	i := bytes.Index(bytes.ToLower(b), []byte("charset="))
	if i < 0 {
		return ""
	}
	rest := b[i+8:]
	rest = bytes.TrimLeft(rest, "\"' ")
	j := 0
	for j < len(rest) && j < 40 {
		c := rest[j]
		if c == '"' || c == '\'' || c == ';' || c == '>' || c == ' ' || c == '/' {
			break
		}
		j++
	}
	return string(rest[:j])
}

// decodedSize counts the decoded bytes of an attachment without keeping
// them: the body is decoded in small chunks into a scratch buffer.
func (w *walker) decodedSize(body []byte, cte string) int64 {
	kind := classifyCTE(cte)
	if kind == cteIdentity || kind == cteUnknown {
		return int64(len(body))
	}
	var scratch [4096]byte
	var n int64
	var d transferDecoder
	d.kind = kind
	const chunk = 3072
	for len(body) > 0 {
		c := body
		if len(c) > chunk {
			c = body[:chunk]
		}
		body = body[len(c):]
		out := d.decode(scratch[:0], c)
		n += int64(len(out))
	}
	n += int64(len(d.finish(scratch[:0])))
	return n
}

// splitMultipart splits a multipart body at its boundary. It returns the
// parts (sub-slices of body: header and content, without the line break
// before the next delimiter) and whether the closing delimiter was seen.
// Delimiter lines are matched as RFC 2046 says: "--boundary" (or
// "--boundary--") at the start of a line, followed only by white space.
func splitMultipart(body []byte, boundary string) (parts [][]byte, closed bool) {
	delim := make([]byte, 0, len(boundary)+2)
	delim = append(delim, '-', '-')
	delim = append(delim, boundary...)
	start := -1 // start of the current part's content
	pos := 0
	for pos < len(body) {
		i := bytes.Index(body[pos:], delim)
		if i < 0 {
			break
		}
		i += pos
		pos = i + len(delim)
		if i > 0 && body[i-1] != '\n' {
			continue
		}
		// what follows the boundary on this line
		rest := body[pos:]
		end := false
		if len(rest) >= 2 && rest[0] == '-' && rest[1] == '-' {
			end = true
			rest = rest[2:]
		}
		k := 0
		for k < len(rest) && (rest[k] == ' ' || rest[k] == '\t') {
			k++
		}
		lineEnd := -1
		switch {
		case k == len(rest):
			lineEnd = len(body)
		case rest[k] == '\n':
			lineEnd = len(body) - len(rest) + k + 1
		case rest[k] == '\r' && (k+1 == len(rest) || rest[k+1] == '\n'):
			lineEnd = len(body) - len(rest) + k + 1
			if k+1 < len(rest) {
				lineEnd++
			}
		default:
			continue // "--boundary-longer": not our delimiter
		}
		if start >= 0 {
			p := body[start:i]
			// the line break before the delimiter belongs to it
			p = bytes.TrimSuffix(p, []byte("\n"))
			p = bytes.TrimSuffix(p, []byte("\r"))
			parts = append(parts, p)
			if len(parts) > maxParts {
				return parts, false
			}
		}
		pos = lineEnd
		if end {
			// Keep scanning: broken generators (or a nested multipart
			// reusing the boundary) put more parts after an early close.
			start = -1
			closed = true
			continue
		}
		closed = false
		start = lineEnd
	}
	if start >= 0 && start <= len(body) {
		p := body[start:]
		if len(bytes.TrimSpace(p)) > 0 || len(parts) == 0 {
			parts = append(parts, p)
		}
	}
	return parts, closed
}

func trimAngle(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<")
	s = strings.TrimSuffix(s, ">")
	return strings.TrimSpace(fixString(s))
}
