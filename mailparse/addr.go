package mailparse

import (
	"strings"

	"github.com/emersion/go-message/mail"
)

// maxAddresses bounds the addresses kept per header.
const maxAddresses = 200

// parseAddressList parses an address header: strictly first (net/mail via
// go-message, which also decodes RFC 2047 display names in any charset),
// then, if that fails, leniently: the list is split at commas outside
// quotes, angle brackets and comments, and each piece yields the addr-spec
// in <…> or the first word containing '@', with the rest as display name.
func parseAddressList(v string) []Address {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	if len(v) < 4096 {
		if list, err := mail.ParseAddressList(v); err == nil && len(list) > 0 {
			out := make([]Address, 0, len(list))
			for _, a := range list {
				if len(out) >= maxAddresses {
					break
				}
				addr := normalizeAddr(a.Address)
				if addr == "" {
					continue
				}
				out = append(out, Address{Name: cleanName(a.Name), Addr: addr})
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return lenientAddressList(v)
}

// parseAddress returns the first address of a header, or false.
func parseAddress(v string) (Address, bool) {
	l := parseAddressList(v)
	if len(l) == 0 {
		return Address{}, false
	}
	return l[0], true
}

func lenientAddressList(v string) []Address {
	var out []Address
	for _, piece := range splitAddressList(v) {
		if len(out) >= maxAddresses {
			break
		}
		if a, ok := lenientAddress(piece); ok {
			out = append(out, a)
		}
	}
	return out
}

// splitAddressList splits at commas (and semicolons) outside quotes,
// comments and angle brackets.
func splitAddressList(v string) []string {
	var parts []string
	depthParen, inAngle, inQuote := 0, false, false
	start := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case inQuote:
			if c == '\\' {
				i++
			} else if c == '"' {
				inQuote = false
			}
		case c == '"':
			inQuote = true
		case c == '(':
			depthParen++
		case c == ')' && depthParen > 0:
			depthParen--
		case depthParen > 0:
		case c == '<':
			inAngle = true
		case c == '>':
			inAngle = false
		case (c == ',' || c == ';') && !inAngle:
			parts = append(parts, v[start:i])
			start = i + 1
		}
	}
	return append(parts, v[start:])
}

// lenientAddress extracts an address from "Name <addr>", "addr (Name)",
// "Name addr", "<addr>" and worse.
func lenientAddress(p string) (Address, bool) {
	p = strings.TrimSpace(p)
	if p == "" {
		return Address{}, false
	}
	// group syntax "undisclosed-recipients:" or "Team: a@b"
	if c := strings.IndexByte(p, ':'); c >= 0 && !strings.ContainsAny(p[:c], "<\"@") {
		p = strings.TrimSpace(p[c+1:])
	}
	var addr, name string
	if lt := strings.LastIndexByte(p, '<'); lt >= 0 {
		gt := strings.IndexByte(p[lt:], '>')
		inner := p[lt+1:]
		if gt >= 0 {
			inner = p[lt+1 : lt+gt]
		}
		if strings.IndexByte(inner, '@') > 0 {
			addr = inner
			name = p[:lt]
			if gt >= 0 && strings.TrimSpace(name) == "" {
				name = p[lt+gt+1:]
			}
		}
	}
	if addr == "" {
		for _, w := range strings.FieldsFunc(p, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '<' || r == '>' || r == '(' || r == ')' || r == '"' || r == '\'' || r == '[' || r == ']'
		}) {
			if at := strings.IndexByte(w, '@'); at > 0 && at < len(w)-1 {
				addr = w
				name = strings.Replace(p, w, "", 1)
				break
			}
		}
	}
	if addr == "" {
		// a bare local part such as "MAILER-DAEMON"
		w := strings.TrimSpace(p)
		if w == "" || strings.ContainsAny(w, " \t\"<>()@,;") {
			return Address{}, false
		}
		addr = w
	}
	addr = normalizeAddr(addr)
	if addr == "" {
		return Address{}, false
	}
	return Address{Name: cleanName(name), Addr: addr}, true
}

// normalizeAddr trims an addr-spec and lower-cases its domain.
func normalizeAddr(a string) string {
	a = strings.TrimSpace(a)
	a = strings.Trim(a, "<>\"'.,;: \t")
	a = fixString(a)
	if strings.ContainsAny(a, " \t\r\n") || len(a) > 320 {
		return ""
	}
	if at := strings.LastIndexByte(a, '@'); at >= 0 {
		a = a[:at+1] + strings.ToLower(a[at+1:])
	}
	return a
}

// cleanName decodes and tidies a display name: RFC 2047 words, quotes,
// comment parentheses and surrounding punctuation.
func cleanName(n string) string {
	n = strings.TrimSpace(n)
	if n == "" {
		return ""
	}
	if strings.Contains(n, "=?") {
		n, _ = decodeHeaderText(n)
	} else {
		n = fixString(n)
	}
	n = strings.TrimSpace(n)
	if len(n) >= 2 && n[0] == '(' && n[len(n)-1] == ')' {
		n = n[1 : len(n)-1]
	}
	if len(n) >= 2 && n[0] == '"' && n[len(n)-1] == '"' {
		n = n[1 : len(n)-1]
		n = strings.ReplaceAll(n, `\"`, `"`)
		n = strings.ReplaceAll(n, `\\`, `\`)
	}
	n = strings.Trim(n, " \t,;:<>")
	return collapseSpace(n)
}
