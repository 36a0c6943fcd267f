package config

import (
	"errors"
	"strings"
	"testing"
)

const ownDesk = `desk:
  name: Press Office
  timezone: Europe/London
  reference_prefix: FCDO
  address: newsdesk@fcdo.example.gov.uk
  own_domains: [fcdo.example.gov.uk, "Press.Example.ORG."]
mailboxes:
  - {id: main, address: "127.0.0.1:1143", security: none, username: inbox@mail.example.net, password_env: T_IMAP_PW}
  - {id: other, address: "127.0.0.1:1144", security: none, username: plainuser, password_env: T_IMAP_PW}
redis: {url_env: T_REDIS_URL}
smtp: {address: "127.0.0.1:1025", security: none, from: "Press Office <sender@relay.example.com>"}
releases: {sources: [{file: releases.jsonl}]}
topics:
  - {id: general, name: General, fallback: true}
officers:
  - {id: ann, name: Ann, email: Ann.Officer@Home.example.net, role: officer, topics: ["*"]}
  - {id: meg, name: Meg, email: meg@fcdo.example.gov.uk, role: manager, topics: ["*"]}
rota:
  - {name: Duty, topics: ["*"], officers: [ann], start: "0 0 * * *", duration: 24h}
escalation: {manager: meg, after_breach: 30m}
sla:
  policies:
    - {id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}
  deadline_margin: 15m
  warn_before: 15m
outlets: []
`

// TestIsOwnAddress: the one definition of the desk's own addresses —
// exact addresses (desk, SMTP from, mailbox usernames that are addresses,
// officers) and the configured own domains with their subdomains; never
// a substring or a look-alike domain.
func TestIsOwnAddress(t *testing.T) {
	c, err := parse(t, []byte(ownDesk))
	if err != nil {
		t.Fatal(err)
	}
	noDomains, err := parse(t, []byte(strings.Replace(ownDesk, "  own_domains: [fcdo.example.gov.uk, \"Press.Example.ORG.\"]\n", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		addr         string
		own, exactly bool // with own_domains; without (exact addresses only)
	}{
		{"newsdesk@fcdo.example.gov.uk", true, true},
		{"  NewsDesk@FCDO.example.gov.uk ", true, true},
		{"Press Office <newsdesk@fcdo.example.gov.uk>", true, true},
		{"sender@relay.example.com", true, true},         // smtp.from
		{"inbox@mail.example.net", true, true},           // a mailbox username that is an address
		{"plainuser", false, false},                      // a username that is not an address
		{"ann.officer@home.example.net", true, true},     // an officer outside the own domains
		{"meg@fcdo.example.gov.uk", true, true},          // an officer inside them
		{"k@fcdo.example.gov.uk", true, false},           // not an officer: own by domain only
		{"k@example.gov.uk", false, false},               // substring of newsdesk@… once counted
		{"desk@example.gov.uk", false, false},            // substring of newsdesk@fcdo.example.gov.uk
		{"ewsdesk@fcdo.example.gov.uk", true, false},     // by domain, never by substring
		{"x@news.fcdo.example.gov.uk", true, false},      // a subdomain of an own domain
		{"x@deep.sub.press.example.org", true, false},    // configured with upper case and a trailing dot
		{"x@fcdo.example.gov.uk.", true, false},          // a trailing dot on the address's domain
		{"x@evilfcdo.example.gov.uk", false, false},      // not a subdomain: a look-alike
		{"x@fcdo.example.gov.uk.evil.com", false, false}, // own domain as a prefix of another
		{"x@example.org", false, false},                  // the parent of an own domain
		{"newsdesk@fcdo.example.gov.uk.evil.com", false, false},
		{"jo@bbc.co.uk", false, false},
		{"", false, false},
		{"@fcdo.example.gov.uk", false, false},
		{"fcdo.example.gov.uk", false, false},
		{"x@", false, false},
	} {
		if got := c.IsOwnAddress(tc.addr); got != tc.own {
			t.Errorf("IsOwnAddress(%q) = %v, want %v", tc.addr, got, tc.own)
		}
		if got := noDomains.IsOwnAddress(tc.addr); got != tc.exactly {
			t.Errorf("without own_domains: IsOwnAddress(%q) = %v, want %v", tc.addr, got, tc.exactly)
		}
	}
	// A Config assembled by hand (no validation) answers the same.
	bare := &Config{Desk: Desk{Address: "newsdesk@fcdo.example.gov.uk"}}
	if !bare.IsOwnAddress("NEWSDESK@fcdo.example.gov.uk") || bare.IsOwnAddress("k@example.gov.uk") {
		t.Error("unvalidated config")
	}
}

func TestOwnDomainsValidated(t *testing.T) {
	for _, tc := range []struct{ domains, path, msg string }{
		{"[not a domain]", "desk.own_domains[0]", "is not a domain name"},
		{"[\"@fcdo.gov.uk\"]", "desk.own_domains[0]", "is not a domain name"},
		{"[fcdo.gov.uk, FCDO.gov.uk]", "desk.own_domains[1]", "is listed twice"},
		{"fcdo.gov.uk", "desk.own_domains", "must be a list"},
	} {
		in := strings.Replace(ownDesk, `[fcdo.example.gov.uk, "Press.Example.ORG."]`, tc.domains, 1)
		_, err := parse(t, []byte(in))
		var es Errors
		if !errors.As(err, &es) {
			t.Errorf("%s: want Errors, got %v", tc.domains, err)
			continue
		}
		found := false
		for _, e := range es {
			found = found || (e.Path == tc.path && strings.Contains(e.Msg, tc.msg) && e.Line == 6)
		}
		if !found {
			t.Errorf("%s: no error at %s line 6 with %q: %v", tc.domains, tc.path, tc.msg, es)
		}
	}
}

func TestDeskAckLimit(t *testing.T) {
	c, err := parse(t, []byte(ownDesk))
	if err != nil {
		t.Fatal(err)
	}
	if c.Ack.DeskLimitPerHour != 200 {
		t.Errorf("default desk limit %d", c.Ack.DeskLimitPerHour)
	}
	c, err = parse(t, []byte(ownDesk+"acknowledgements: {desk_limit_per_hour: 20}\n"))
	if err != nil || c.Ack.DeskLimitPerHour != 20 {
		t.Fatalf("desk limit 20: %v %+v", err, c)
	}
	if _, err := parse(t, []byte(ownDesk+"acknowledgements: {desk_limit_per_hour: -1}\n")); err == nil || !strings.Contains(err.Error(), "acknowledgements.desk_limit_per_hour") {
		t.Errorf("negative desk limit: %v", err)
	}
}
