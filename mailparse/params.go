package mailparse

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// maxParams bounds the parameters read from one header (hostile headers
// with thousands of unterminated quotes would otherwise be quadratic).
const maxParams = 64

// mediaParams holds the parameters mediadesk uses; others are skipped.
type mediaParams struct {
	charset, boundary, name, filename, reportType string
	set                                           uint8 // bit per field: first occurrence wins
}

func paramIndex(key string) int {
	switch key {
	case "charset":
		return 0
	case "boundary":
		return 1
	case "name":
		return 2
	case "filename":
		return 3
	case "report-type":
		return 4
	}
	return -1
}

func (p *mediaParams) field(i int) *string {
	switch i {
	case 0:
		return &p.charset
	case 1:
		return &p.boundary
	case 2:
		return &p.name
	case 3:
		return &p.filename
	default:
		return &p.reportType
	}
}

// setFirst sets a parameter unless it was already set (force overrides).
func (p *mediaParams) setFirst(i int, v string, force bool) {
	if p.set&(1<<i) != 0 && !force {
		return
	}
	p.set |= 1 << i
	*p.field(i) = v
}

// parseMediaHeader parses a Content-Type or Content-Disposition value
// leniently: the first token (lower-cased) and its parameters. Unlike
// mime.ParseMediaType it never fails: duplicate, unquoted, badly quoted and
// missing-semicolon parameters are all accepted, first occurrence wins.
// RFC 2231 continuations and extended values are joined and decoded; RFC
// 2047 encoded words in name/filename are decoded.
func parseMediaHeader(v string) (typ string, params mediaParams) {
	v = strings.TrimSpace(v)
	semi := strings.IndexByte(v, ';')
	head, rest := v, ""
	if semi >= 0 {
		head, rest = v[:semi], v[semi+1:]
	}
	head = strings.TrimSpace(head)
	// "text/plain charset=us-ascii" (missing semicolon)
	if sp := strings.IndexAny(head, " \t"); sp >= 0 {
		if strings.IndexByte(head[sp:], '=') >= 0 {
			rest = head[sp:] + ";" + rest
		}
		head = head[:sp]
	}
	// drop a comment glued to the type: "text/plain(comment)"
	if p := strings.IndexByte(head, '('); p >= 0 {
		head = head[:p]
	}
	typ = strings.ToLower(strings.Trim(head, " \t\"'"))
	if rest == "" {
		return typ, params
	}
	var ext [5][]section // RFC 2231 pieces per parameter
	for count := 0; len(rest) > 0 && count < maxParams; count++ {
		var key, val string
		key, val, _, rest = nextParam(rest)
		if key == "" {
			continue
		}
		if star := strings.IndexByte(key, '*'); star >= 0 {
			idx := paramIndex(key[:star])
			if idx < 0 {
				continue
			}
			suffix := key[star+1:]
			sec := section{val: val}
			if suffix == "" { // name*=charset'lang'value
				sec.extended = true
			} else { // name*N= or name*N*=
				n, err := strconv.Atoi(strings.TrimSuffix(suffix, "*"))
				if err != nil || n < 0 || n > 1000 || len(ext[idx]) > 100 {
					continue
				}
				sec.idx = n
				sec.extended = strings.HasSuffix(suffix, "*")
			}
			ext[idx] = append(ext[idx], sec)
			continue
		}
		if idx := paramIndex(key); idx >= 0 {
			params.setFirst(idx, val, false)
		}
	}
	for i := range ext {
		if len(ext[i]) > 0 {
			if v := joinSections(ext[i]); v != "" {
				params.setFirst(i, v, true) // RFC 2231 value wins over a plain fallback
			}
		}
	}
	for _, f := range [...]*string{&params.name, &params.filename} {
		if strings.Contains(*f, "=?") {
			*f, _ = decodeHeaderText(*f)
		} else if *f != "" {
			*f = fixString(*f)
		}
	}
	return typ, params
}

// nextParam reads one "key=value" from s and returns the rest after the
// next unquoted ';'.
func nextParam(s string) (key, val string, quoted bool, rest string) {
	s = strings.TrimLeft(s, " \t\r\n;")
	eq := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '=' {
			eq = i
			break
		}
		if s[i] == ';' {
			return "", "", false, s[i+1:]
		}
	}
	if eq < 0 {
		return "", "", false, ""
	}
	key = strings.TrimSpace(s[:eq])
	for i := 0; i < len(key); i++ {
		if key[i] >= 'A' && key[i] <= 'Z' {
			key = strings.ToLower(key)
			break
		}
	}
	s = strings.TrimLeft(s[eq+1:], " \t\r\n")
	if len(s) > 0 && s[0] == '"' {
		quoted = true
		var sb strings.Builder
		i := 1
		closed := false
		for ; i < len(s); i++ {
			c := s[i]
			if c == '\\' && i+1 < len(s) {
				i++
				sb.WriteByte(s[i])
				continue
			}
			if c == '"' {
				closed = true
				i++
				break
			}
			sb.WriteByte(c)
		}
		val = sb.String()
		rest = s[i:]
		if !closed {
			// unterminated quote: stop at the next ';' if any
			if semi := strings.IndexByte(val, ';'); semi >= 0 {
				rest = val[semi+1:]
				val = val[:semi]
			}
		}
		if semi := strings.IndexByte(rest, ';'); semi >= 0 {
			rest = rest[semi+1:]
		} else {
			rest = ""
		}
		return key, val, quoted, rest
	}
	if semi := strings.IndexByte(s, ';'); semi >= 0 {
		val, rest = s[:semi], s[semi+1:]
	} else {
		val = s
	}
	val = strings.TrimSpace(val)
	// a trailing comment "boundary=abc (comment)"
	if p := strings.Index(val, " ("); p > 0 {
		val = strings.TrimSpace(val[:p])
	}
	val = strings.Trim(val, "'\"")
	return key, val, false, rest
}

type section struct {
	idx      int
	val      string
	extended bool
}

// joinSections assembles RFC 2231 continuations and decodes extended
// (charset'lang'percent-encoded) pieces.
func joinSections(secs []section) string {
	sort.SliceStable(secs, func(i, j int) bool { return secs[i].idx < secs[j].idx })
	cs := ""
	var raw []byte
	for i, s := range secs {
		v := s.val
		if s.extended {
			if i == 0 {
				if a := strings.IndexByte(v, '\''); a >= 0 {
					if b := strings.IndexByte(v[a+1:], '\''); b >= 0 {
						cs = v[:a]
						v = v[a+1+b+1:]
					}
				}
			}
			if u, err := url.PathUnescape(v); err == nil {
				v = u
			} else {
				v = percentDecodeLenient(v)
			}
		}
		raw = append(raw, v...)
	}
	if cs == "" {
		return fixText(raw)
	}
	s, _ := decodeCharset(cs, raw)
	return s
}

func percentDecodeLenient(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}
