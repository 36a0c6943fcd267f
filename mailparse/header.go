package mailparse

import (
	"bytes"
	"fmt"
	"net/textproto"
	"strings"
	"unicode/utf8"
)

// Limits on the top-level header block. A header larger than this is hostile
// or broken; what was read before the limit is kept.
const (
	maxHeaderBytes  = 1 << 20
	maxHeaderFields = 2000
)

// field is one unfolded header field. key is in canonical MIME form; value is
// the raw (undecoded) value with folding removed and surrounding whitespace
// trimmed. It may contain invalid UTF-8 (raw 8-bit headers).
type field struct {
	key, value string
}

// header is the ordered list of fields of one entity.
type header []field

// get returns the first value of key (canonical form) or "".
func (h header) get(key string) string {
	for i := range h {
		if h[i].key == key {
			return h[i].value
		}
	}
	return ""
}

// has reports whether key (canonical form) is present.
func (h header) has(key string) bool {
	for i := range h {
		if h[i].key == key {
			return true
		}
	}
	return false
}

// scanResult is the outcome of scanning a header block.
type scanResult struct {
	fields    header
	bodyStart int    // offset of the body in the scanned bytes
	warning   string // non-fatal problem, "" if none
}

// knownMailHeaders are fields at least one of which a mail has. A block of
// "key: value" lines without any of them is not treated as a mail.
var knownMailHeaders = map[string]bool{
	"From": true, "Sender": true, "Reply-To": true, "To": true, "Cc": true,
	"Bcc": true, "Subject": true, "Date": true, "Message-Id": true,
	"In-Reply-To": true, "References": true, "Received": true,
	"Return-Path": true, "Mime-Version": true, "Content-Type": true,
	"Content-Transfer-Encoding": true, "Delivered-To": true,
	"Resent-From": true, "Resent-Date": true, "Resent-Message-Id": true,
	"X-Mailer": true, "User-Agent": true, "Auto-Submitted": true,
	"Precedence": true, "List-Id": true, "Content-Disposition": true,
}

// scanHeader splits raw into header fields and body. It is lenient:
//   - a leading mbox "From " line and leading blank lines are skipped;
//   - a line that is neither a field nor a continuation ends the header
//     (the body starts there) with a warning, as long as at least one field
//     was read;
//   - a header block without the blank separator line simply has no body.
//
// It returns an error only when no field at all can be read.
func scanHeader(raw []byte) (scanResult, error) {
	return scanHeaderMode(raw, true)
}

// scanPartHeader scans the header of a MIME body part: a leading blank line
// means "no header", and a part whose first line is not a field has no
// header at all (the whole part is body). It never fails.
func scanPartHeader(raw []byte) scanResult {
	res, err := scanHeaderMode(raw, false)
	if err != nil {
		return scanResult{bodyStart: 0, warning: "part without header: " + err.Error()}
	}
	return res
}

func scanHeaderMode(raw []byte, top bool) (scanResult, error) {
	var res scanResult
	n := len(raw)
	if !top {
		// A part that starts with an empty line has an empty header.
		if n > 0 && raw[0] == '\n' {
			res.bodyStart = 1
			return res, nil
		}
		if n > 1 && raw[0] == '\r' && raw[1] == '\n' {
			res.bodyStart = 2
			return res, nil
		}
	}
	pos := 0

	// Skip a UTF-8 BOM and leading blank lines (some exporters add them).
	if top && bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		pos = 3
	}
	for top && pos < n && (raw[pos] == '\n' || raw[pos] == '\r') {
		pos++
	}
	// mbox separator "From sender date" (no colon after the first word),
	// also in the quoted form ">From " some tools write.
	for _, sep := range [...]string{"From ", ">From "} {
		if top && n-pos >= len(sep) && string(raw[pos:pos+len(sep)]) == sep {
			eol := bytes.IndexByte(raw[pos:], '\n')
			if eol < 0 {
				pos = n
			} else {
				pos += eol + 1
			}
		}
	}

	// Unfolded values become sub-strings of one string made of the whole
	// header block at the end; folded values are joined into new strings.
	if top {
		res.fields = make(header, 0, 24)
	} else {
		res.fields = make(header, 0, 4) // part headers are short
	}
	type pendingValue struct{ idx, a, b int }
	var pendBuf [48]pendingValue
	pending := pendBuf[:0]

	curStart, curEnd := -1, -1 // the current field's bytes in raw
	folded := false
	var sb []byte // scratch for unfolding
	limit := pos + maxHeaderBytes
	flush := func() {
		if curStart < 0 {
			return
		}
		cur := raw[curStart:curEnd]
		start := curStart
		curStart = -1
		if len(res.fields) >= maxHeaderFields {
			return
		}
		i := bytes.IndexByte(cur, ':')
		kb := bytes.TrimRight(cur[:i], " \t")
		key, ok := commonKeys[string(kb)]
		if !ok {
			key = textproto.CanonicalMIMEHeaderKey(string(kb))
		}
		if folded {
			sb = unfold(sb[:0], cur[i+1:])
			res.fields = append(res.fields, field{key: key, value: string(sb)})
			return
		}
		a, b := start+i+1, curEnd
		for a < b && (raw[a] == ' ' || raw[a] == '\t') {
			a++
		}
		for b > a && (raw[b-1] == ' ' || raw[b-1] == '\t' || raw[b-1] == '\r') {
			b--
		}
		pending = append(pending, pendingValue{len(res.fields), a, b})
		res.fields = append(res.fields, field{key: key})
	}
	finish := func() {
		if len(pending) == 0 {
			return
		}
		lo, hi := pending[0].a, pending[0].b
		for _, p := range pending {
			lo, hi = min(lo, p.a), max(hi, p.b)
		}
		block := string(raw[lo:hi])
		for _, p := range pending {
			res.fields[p.idx].value = block[p.a-lo : p.b-lo]
		}
	}
	var err error
scan:
	for pos < n {
		if pos >= limit {
			flush()
			res.warning = fmt.Sprintf("header: header block exceeds %d bytes; the rest of the message was ignored", maxHeaderBytes)
			pos = n
			break
		}
		eol := bytes.IndexByte(raw[pos:], '\n')
		var line []byte
		next := n
		if eol >= 0 {
			line = raw[pos : pos+eol]
			next = pos + eol + 1
		} else {
			line = raw[pos:]
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.Trim(line, " \t\r")) == 0 {
			if len(res.fields) == 0 && curStart < 0 {
				// Whitespace before any field: skip it.
				pos = next
				continue
			}
			// Blank line: end of header. (A whitespace-only line also ends
			// it; many broken generators emit one.)
			flush()
			pos = next
			break
		}
		lineStart := pos
		if line[0] == ' ' || line[0] == '\t' {
			if curStart >= 0 {
				curEnd = pos + len(line)
				folded = true
				pos = next
				continue
			}
			// Continuation without a field: lenient, try it as a field.
			trimmed := bytes.TrimLeft(line, " \t")
			lineStart += len(line) - len(trimmed)
			line = trimmed
		}
		if isFieldLine(line) {
			flush()
			curStart, curEnd = lineStart, lineStart+len(line)
			folded = false
			pos = next
			continue
		}
		// Not a header line.
		flush()
		if len(res.fields) == 0 {
			err = notMailf("header: malformed MIME header line: %q", clip(string(line), 80))
			break scan
		}
		res.warning = fmt.Sprintf("header: malformed header line %q; treated as the start of the body", clip(string(line), 80))
		break scan
	}
	flush()
	finish()
	res.bodyStart = pos
	return res, err
}

// isFieldLine reports whether line starts a "Key: value" field.
func isFieldLine(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	key := bytes.TrimRight(line[:i], " \t")
	if len(key) == 0 {
		return false
	}
	for _, c := range key {
		if c < 33 || c > 126 {
			return false
		}
	}
	return true
}

// unfold joins folded lines: each line is trimmed and lines are joined by a
// single space.
func unfold(dst, v []byte) []byte {
	first := true
	for len(v) > 0 {
		var l []byte
		if i := bytes.IndexByte(v, '\n'); i >= 0 {
			l, v = v[:i], v[i+1:]
		} else {
			l, v = v, nil
		}
		l = bytes.Trim(l, " \t\r")
		if len(l) == 0 {
			continue
		}
		if !first {
			dst = append(dst, ' ')
		}
		first = false
		dst = append(dst, l...)
	}
	return dst
}

// clip shortens s to at most n bytes (on a rune boundary) for messages.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// hasKnownMailHeader reports whether h has at least one mail header field.
func hasKnownMailHeader(h header) bool {
	for i := range h {
		if knownMailHeaders[h[i].key] {
			return true
		}
	}
	return false
}

// commonKeys maps frequent header names, as usually written, to their
// canonical form without allocating.
var commonKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{
		"From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "Message-Id", "In-Reply-To",
		"References", "Reply-To", "Sender", "Return-Path", "Received", "MIME-Version", "Mime-Version",
		"Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "Content-Id",
		"Content-Description", "Content-Language", "Accept-Language", "Thread-Topic", "Thread-Index",
		"X-Mailer", "User-Agent", "Auto-Submitted", "Precedence", "List-Id", "List-ID", "List-Unsubscribe",
		"X-Auto-Response-Suppress", "X-Autoreply", "X-MS-Has-Attach", "X-MS-TNEF-Correlator",
		"Delivered-To", "X-Original-To", "DKIM-Signature", "Authentication-Results", "ARC-Seal",
		"ARC-Message-Signature", "ARC-Authentication-Results", "X-Received", "X-Google-Smtp-Source",
		"X-Gm-Message-State", "msip_labels", "X-Spam-Status", "X-Spam-Score", "X-Mediadesk-Loop",
	} {
		c := textproto.CanonicalMIMEHeaderKey(k)
		m[k] = c
		m[strings.ToLower(k)] = c
		m[c] = c
	}
	return m
}()
