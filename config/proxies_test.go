package config

import (
	"errors"
	"strings"
	"testing"
)

// TestTrustedProxies: web.trusted_proxies takes addresses and CIDR
// prefixes; each bad entry is reported with its key path and line, all at
// once, and a prefix trusting everyone is refused.
func TestTrustedProxies(t *testing.T) {
	base := string(loadValid(t))
	good := "web:\n  trusted_proxies: [10.0.0.1, \"10.1.0.0/16\", \"::1\", \"2001:db8::/32\", \"::ffff:192.0.2.0/120\"]\noutlets:\n"
	c, err := parse(t, []byte(strings.Replace(base, "outlets:\n", good, 1)))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ParseProxies(c.Web.TrustedProxies)
	if err != nil || len(ps) != 5 || ps[0].String() != "10.0.0.1/32" || ps[2].String() != "::1/128" || ps[4].String() != "192.0.2.0/24" {
		t.Fatalf("%v %v", ps, err)
	}
	bad := "web:\n  trusted_proxies:\n    - 10.0.0.1\n    - not-an-ip\n    - 0.0.0.0/0\n    - 10.0.0.0/33\n    - \"::/0\"\n    - fe80::1%eth0\noutlets:\n"
	_, err = parse(t, []byte(strings.Replace(base, "outlets:\n", bad, 1)))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("want Errors, got %v", err)
	}
	want := []struct {
		path string
		line int
		msg  string
	}{
		{"web.trusted_proxies[1]", 64, `"not-an-ip" is not an IP address or CIDR prefix`},
		{"web.trusted_proxies[2]", 65, "trusts every address"},
		{"web.trusted_proxies[3]", 66, "is not an IP address or CIDR prefix"},
		{"web.trusted_proxies[4]", 67, "trusts every address"},
		{"web.trusted_proxies[5]", 68, "is not an IP address or CIDR prefix"},
	}
	if len(es) != len(want) {
		t.Fatalf("errors:\n%v", es)
	}
	for i, w := range want {
		if es[i].Path != w.path || es[i].Line != w.line || !strings.Contains(es[i].Msg, w.msg) {
			t.Errorf("error %d: %s line %d: %s; want %s line %d: %s", i, es[i].Path, es[i].Line, es[i].Msg, w.path, w.line, w.msg)
		}
	}
}
