package release

import (
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/mediadesk/mediadesk/internal/fold"
)

// trackingParams are query parameters that say how a link was shared, not
// what it points to.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "igshid": true, "yclid": true, "twclid": true,
	"ref": true, "ref_src": true, "ref_url": true, "cmpid": true, "cmp": true, "ito": true, "icid": true,
	"at_medium": true, "at_campaign": true, "at_custom1": true, "at_custom2": true, "at_custom3": true, "at_custom4": true,
	"s_cid": true, "sr_share": true, "share": true, "smid": true, "ncid": true, "ocid": true, "spm": true,
	"hsenc": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true, "vero_id": true, "oly_enc_id": true, "oly_anon_id": true,
}

// NormaliseURL reduces a URL to a comparable key, so that the forms a
// journalist pastes match the catalogue: the scheme, "www."/"m." and a
// default port go, the host is lower-cased, the path loses a trailing slash,
// duplicate slashes, "index.html" and GOV.UK's "/api/content" prefix and
// Welsh ".cy" suffix; tracking parameters (utm_*, fbclid, gclid, …) and the
// fragment go, and the remaining parameters are sorted. Text around a
// pasted URL ("<…>", "(…)", a final '.') is trimmed. It returns "" for
// something that is not an http(s) URL.
func NormaliseURL(raw string) string {
	s := strings.TrimSpace(raw)
	for {
		t := strings.Trim(s, "<>()[]{}\"'“”‘’")
		t = strings.TrimRight(t, ".,;:!?")
		if t == s {
			break
		}
		s = t
	}
	if s == "" {
		return ""
	}
	if !strings.Contains(s, "://") {
		if !looksLikeHost(s) {
			return ""
		}
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimSuffix(host, ".")
	for _, p := range []string{"www.", "m.", "amp."} {
		host = strings.TrimPrefix(host, p)
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	p := u.EscapedPath()
	if up, err := url.PathUnescape(p); err == nil {
		p = up
	}
	if p != "" {
		p = path.Clean("/" + p)
	}
	if host == "gov.uk" {
		p = strings.TrimPrefix(p, "/api/content")
		p = strings.TrimSuffix(p, ".cy")
	}
	p = strings.TrimSuffix(p, "/index.html")
	p = strings.TrimSuffix(p, "/index.htm")
	p = strings.TrimRight(p, "/")
	if strings.HasSuffix(host, "gov.uk") {
		p = strings.ToLower(p) // GOV.UK paths are lower-case slugs
	}
	var keep []string
	for key, vals := range u.Query() {
		k := strings.ToLower(key)
		if strings.HasPrefix(k, "utm_") || trackingParams[k] {
			continue
		}
		for _, v := range vals {
			keep = append(keep, url.QueryEscape(key)+"="+url.QueryEscape(v))
		}
	}
	sort.Strings(keep)
	out := host + p
	if len(keep) > 0 {
		out += "?" + strings.Join(keep, "&")
	}
	return out
}

func looksLikeHost(s string) bool {
	h := s
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	return strings.Contains(h, ".") && !strings.ContainsAny(h, " @")
}

// URLSlug returns the last path segment of a URL when it is a word slug
// ("uk-to-clamp-down-on-criminal-networks…"), as GOV.UK and most news sites
// use; "" otherwise.
func URLSlug(raw string) string {
	n := NormaliseURL(raw)
	if n == "" {
		return ""
	}
	if i := strings.IndexByte(n, '?'); i >= 0 {
		n = n[:i]
	}
	i := strings.LastIndexByte(n, '/')
	if i < 0 {
		return ""
	}
	seg := strings.ToLower(n[i+1:])
	seg = strings.TrimSuffix(seg, ".html")
	seg = strings.TrimSuffix(seg, ".htm")
	if strings.Count(seg, "-") < 3 {
		return ""
	}
	return Slugify(strings.ReplaceAll(seg, "-", " "))
}

// Slugify makes a GOV.UK-style slug of a title: lower-case ASCII words
// joined by '-', apostrophes dropped, accents folded.
func Slugify(title string) string {
	var b []byte
	dash := false
	for _, r := range title {
		if isApostrophe(r) {
			continue
		}
		start := len(b)
		b = fold.Append(b, r)
		ok := len(b) > start
		for k := start; k < len(b); k++ {
			c := b[k]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				ok = false
			}
		}
		if !ok {
			b = b[:start]
			if len(b) > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b = append(b[:start], append([]byte{'-'}, b[start:]...)...)
			dash = false
		}
	}
	return string(b)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }
