package config

import (
	"net/mail"
	"strings"
)

// IsOwnAddress reports whether addr belongs to the desk itself: the desk's
// address, the SMTP sender, a mailbox username that is an address, an
// officer's address, or any address in one of desk.own_domains or their
// subdomains. It is the one definition of "our own address": ingest uses
// it to thread the desk's own mail as internal, outbound never
// acknowledges such an address.
//
// addr is a bare address ("jo@example.org") or one with a display name;
// the comparison ignores case and surrounding space. Anything that is not
// an address with a local part and a domain is not the desk's.
func (c *Config) IsOwnAddress(addr string) bool {
	a := normAddress(addr)
	at := strings.LastIndexByte(a, '@')
	if at <= 0 || at == len(a)-1 {
		return false
	}
	own := c.own
	if own == nil {
		own = c.ownAddresses() // a Config built without validation
	}
	if own[a] {
		return true
	}
	domain := strings.TrimSuffix(a[at+1:], ".")
	for _, d := range c.Desk.OwnDomains {
		d = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
		if d != "" && (domain == d || strings.HasSuffix(domain, "."+d)) {
			return true
		}
	}
	return false
}

// ownAddresses is the set of the desk's exact addresses, lower-cased.
func (c *Config) ownAddresses() map[string]bool {
	own := map[string]bool{}
	add := func(s string) {
		if a := normAddress(s); strings.Contains(a, "@") {
			own[a] = true
		}
	}
	add(c.Desk.Address)
	add(c.SMTP.From)
	for _, mb := range c.Mailboxes {
		add(mb.Username)
	}
	for _, o := range c.Officers {
		add(o.Email)
	}
	return own
}

// normAddress lower-cases an address, taking it out of a display-name form
// ("Desk <desk@example.org>") when it has one.
func normAddress(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "<\"") {
		if a, err := mail.ParseAddress(s); err == nil {
			s = a.Address
		}
	}
	return strings.ToLower(strings.TrimSpace(s))
}
