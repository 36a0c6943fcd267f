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
	if a, ok := simpleAddress(v); ok {
		return []Address{a}
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
		for i := at + 1; i < len(a); i++ {
			if c := a[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
				a = a[:at+1] + strings.ToLower(a[at+1:])
				break
			}
		}
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

// simpleAddress parses the common single-address forms "addr",
// "<addr>" and "Display Name <addr>" (plain ASCII, no quotes, comments,
// encoded words or lists) without net/mail.
func simpleAddress(v string) (Address, bool) {
	// an optional quoted display name without escapes: "Name" <addr>
	quotedName, rest := "", v
	if len(v) > 0 && v[0] == '"' {
		end := strings.IndexByte(v[1:], '"')
		if end < 0 {
			return Address{}, false
		}
		quotedName, rest = v[1:1+end], strings.TrimLeft(v[2+end:], " \t")
		if len(rest) == 0 || rest[0] != '<' || strings.IndexByte(quotedName, '\\') >= 0 || strings.Contains(quotedName, "=?") {
			return Address{}, false
		}
		for i := 0; i < len(quotedName); i++ {
			if c := quotedName[i]; c >= 0x80 || c < 0x20 {
				return Address{}, false
			}
		}
	}
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c >= 0x80 || c < 0x20, c == '"', c == '(', c == ')', c == ',', c == ';', c == '\\', c == '[', c == ':':
			return Address{}, false
		case c == '=' && i+1 < len(rest) && rest[i+1] == '?':
			return Address{}, false
		}
	}
	name, addr := quotedName, rest
	if lt := strings.IndexByte(rest, '<'); lt >= 0 {
		if rest[len(rest)-1] != '>' || strings.IndexByte(rest[lt+1:], '<') >= 0 {
			return Address{}, false
		}
		if quotedName == "" {
			name = strings.TrimSpace(rest[:lt])
		} else if lt != 0 {
			return Address{}, false
		}
		addr = rest[lt+1 : len(rest)-1]
		if quotedName == "" && strings.ContainsAny(name, "<>@") {
			return Address{}, false // leave odd names to net/mail
		}
	} else if quotedName != "" {
		return Address{}, false
	}
	at := strings.IndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 || strings.IndexByte(addr[at+1:], '@') >= 0 || strings.ContainsAny(addr, " \t<>") ||
		addr[0] == '.' || addr[at-1] == '.' || strings.Contains(addr, "..") {
		return Address{}, false
	}
	name = strings.TrimSpace(name)
	if strings.Contains(name, "  ") {
		name = collapseSpace(name)
	}
	return Address{Name: name, Addr: normalizeAddr(addr)}, true
}
