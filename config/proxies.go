package config

import (
	"fmt"
	"net/netip"
	"strings"
)

// ParseProxy reads one web.trusted_proxies entry: an IP address ("10.0.0.5",
// "::1") or a CIDR prefix ("10.0.0.0/8"). A prefix that covers every address
// is refused: it would let anyone forge X-Forwarded-For.
func ParseProxy(s string) (netip.Prefix, error) {
	s = strings.TrimSpace(s)
	var p netip.Prefix
	if strings.Contains(s, "/") {
		q, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, fmt.Errorf("%q is not an IP address or CIDR prefix such as 10.0.0.0/8", s)
		}
		p = q.Masked()
	} else {
		a, err := netip.ParseAddr(s)
		if err != nil || a.Zone() != "" {
			return netip.Prefix{}, fmt.Errorf("%q is not an IP address or CIDR prefix such as 10.0.0.0/8", s)
		}
		a = a.Unmap()
		p = netip.PrefixFrom(a, a.BitLen())
	}
	if p.Addr().Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	}
	if p.Bits() == 0 {
		return netip.Prefix{}, fmt.Errorf("%q trusts every address; list only your reverse proxies", s)
	}
	return p, nil
}

// ParseProxies reads web.trusted_proxies.
func ParseProxies(list []string) ([]netip.Prefix, error) {
	out := make([]netip.Prefix, 0, len(list))
	for _, s := range list {
		p, err := ParseProxy(s)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// trustedProxies checks web.trusted_proxies, each entry with its line.
func (v *validator) trustedProxies() {
	for i, s := range v.cfg.Web.TrustedProxies {
		if _, err := ParseProxy(s); err != nil {
			v.errorf(fmt.Sprintf("web.trusted_proxies[%d]", i), "%v", err)
		}
	}
}
