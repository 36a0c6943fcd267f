package mailparse

import (
	"bytes"
	"strings"
)

type cteKind int

const (
	cteIdentity cteKind = iota // 7bit, 8bit, binary, none and their misspellings
	cteQP
	cteBase64
	cteUU
	cteUnknown // unknown: the bytes are kept as they are (with a warning)
)

// classifyCTE reads a Content-Transfer-Encoding value leniently
// ("Quoted-Printable;", "quoted printable", "7-bit", "8bits", "x-uuencode").
func classifyCTE(v string) cteKind {
	if v == "" {
		return cteIdentity
	}
	v = strings.ToLower(strings.Trim(v, " \t\"'"))
	if i := strings.IndexAny(v, ";("); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	switch v {
	case "7bit", "8bit", "binary", "", "7-bit", "8-bit", "7bits", "8bits", "7 bit", "8 bit",
		"plain", "none", "text", "text/plain", "ascii", "us-ascii", "utf-8", "utf8", "8", "7", "identity":
		return cteIdentity
	case "quoted-printable", "quoted printable", "quotedprintable", "quoted_printable", "qp", "q":
		return cteQP
	case "base64", "base-64", "x-base64", "b", "b64":
		return cteBase64
	case "x-uuencode", "uuencode", "x-uue", "uue", "x-uu":
		return cteUU
	}
	switch {
	case strings.Contains(v, "quoted"):
		return cteQP
	case strings.Contains(v, "base64"):
		return cteBase64
	case strings.HasPrefix(v, "7bit") || strings.HasPrefix(v, "8bit"):
		return cteIdentity
	}
	return cteUnknown
}

// decodeTransfer decodes a whole body, appending to dst.
func decodeTransfer(dst, body []byte, kind cteKind) []byte {
	d := transferDecoder{kind: kind}
	dst = d.decode(dst, body)
	return d.finish(dst)
}

// transferDecoder is an incremental, never-failing decoder for base64,
// quoted-printable and uuencode. Garbage is skipped (base64), kept
// literally (quoted-printable) or ignored (uuencode).
type transferDecoder struct {
	kind cteKind
	b64  b64state
	// quoted-printable state
	qp    int  // 0 normal, 1 after '=', 2 after '=X', 3 soft break CR, 4 '=' + blanks
	qpHex byte // first hex digit after '='
	// uuencode state: the current line
	uuLine  []byte
	uuBegun bool
	uuDone  bool
}

func (d *transferDecoder) decode(dst, src []byte) []byte {
	switch d.kind {
	case cteBase64:
		for _, c := range src {
			dst = d.b64.feed(dst, c)
		}
		return dst
	case cteQP:
		return d.decodeQP(dst, src)
	case cteUU:
		return d.decodeUU(dst, src)
	}
	return append(dst, src...)
}

func (d *transferDecoder) finish(dst []byte) []byte {
	switch d.kind {
	case cteBase64:
		return d.b64.finish(dst)
	case cteQP:
		switch d.qp {
		case 2:
			dst = append(dst, '=', d.qpHex)
		}
		d.qp = 0
	case cteUU:
		if len(d.uuLine) > 0 {
			dst = d.uuDecodeLine(dst, d.uuLine)
			d.uuLine = d.uuLine[:0]
		}
	}
	return dst
}

func (d *transferDecoder) decodeQP(dst, src []byte) []byte {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch d.qp {
		case 0:
			if c == '=' {
				d.qp = 1
				continue
			}
			// copy the run up to the next '=' at once
			j := bytes.IndexByte(src[i:], '=')
			if j < 0 {
				return append(dst, src[i:]...)
			}
			dst = append(dst, src[i:i+j]...)
			i += j - 1
		case 1: // after '='
			switch {
			case isHex(c):
				d.qpHex = c
				d.qp = 2
			case c == '\n':
				d.qp = 0 // soft line break
			case c == '\r':
				d.qp = 3
			case c == ' ' || c == '\t':
				d.qp = 4
			default:
				dst = append(dst, '=')
				d.qp = 0
				i-- // reprocess c
			}
		case 2: // after '=X'
			if isHex(c) {
				dst = append(dst, unhex(d.qpHex)<<4|unhex(c))
				d.qp = 0
				continue
			}
			dst = append(dst, '=', d.qpHex)
			d.qp = 0
			i--
		case 3: // "=\r"
			d.qp = 0
			if c != '\n' {
				i--
			}
		case 4: // '=' followed by blanks: a soft break with trailing blanks?
			switch c {
			case ' ', '\t':
			case '\n':
				d.qp = 0
			case '\r':
				d.qp = 3
			default:
				dst = append(dst, '=', ' ')
				d.qp = 0
				i--
			}
		}
	}
	return dst
}

func (d *transferDecoder) decodeUU(dst, src []byte) []byte {
	for _, c := range src {
		if c == '\n' {
			dst = d.uuDecodeLine(dst, d.uuLine)
			d.uuLine = d.uuLine[:0]
			continue
		}
		if len(d.uuLine) < 1024 {
			d.uuLine = append(d.uuLine, c)
		}
	}
	return dst
}

func (d *transferDecoder) uuDecodeLine(dst, line []byte) []byte {
	if d.uuDone {
		return dst
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	if !d.uuBegun {
		if strings.HasPrefix(string(line), "begin") {
			d.uuBegun = true
		}
		return dst
	}
	if string(line) == "end" || len(line) == 0 {
		if string(line) == "end" {
			d.uuDone = true
		}
		return dst
	}
	n := int((line[0] - ' ') & 63)
	line = line[1:]
	out := 0
	for i := 0; out < n; i += 4 {
		var q [4]byte
		for k := 0; k < 4; k++ {
			if i+k < len(line) {
				q[k] = (line[i+k] - ' ') & 63
			}
		}
		b := [3]byte{q[0]<<2 | q[1]>>4, q[1]<<4 | q[2]>>2, q[2]<<6 | q[3]}
		for k := 0; k < 3 && out < n; k++ {
			dst = append(dst, b[k])
			out++
		}
		if i > len(line)+4 {
			break
		}
	}
	return dst
}
