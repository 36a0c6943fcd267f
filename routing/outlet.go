package routing

import (
	"strings"

	"github.com/mediadesk/mediadesk/config"
)

// Outlets maps sender domains to outlets.
type Outlets struct {
	byDomain map[string]config.Outlet
}

// NewOutlets indexes cfg's outlets by domain.
func NewOutlets(list []config.Outlet) *Outlets {
	o := &Outlets{byDomain: make(map[string]config.Outlet, len(list))}
	for _, x := range list {
		d := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(x.Domain)), ".")
		if d != "" {
			o.byDomain[d] = x
		}
	}
	return o
}

// Lookup returns the outlet of an email address or bare domain: the
// outlet whose domain is the address's domain or its longest parent
// (news.balkaninsight.com → balkaninsight.com), and false when none
// matches, so a freelancer on gmail.com has no outlet and falls to the
// default SLA policy. A domain must match at a label boundary:
// "driftcraft.com" is not "ft.com".
func (o *Outlets) Lookup(addr string) (config.Outlet, bool) {
	if o == nil {
		return config.Outlet{}, false
	}
	d := addr
	if i := strings.LastIndexByte(d, '@'); i >= 0 {
		d = d[i+1:]
	}
	d = strings.TrimSuffix(strings.ToLower(strings.Trim(strings.TrimSpace(d), "<>[]")), ".")
	for d != "" {
		if x, ok := o.byDomain[d]; ok {
			return x, true
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			break
		}
		d = d[i+1:]
	}
	return config.Outlet{}, false
}
