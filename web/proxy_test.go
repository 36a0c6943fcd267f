package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// Finding 7: X-Forwarded-For and X-Forwarded-Proto are believed only from
// web.trusted_proxies; the client is the right-most untrusted address.
func TestClientAddrBehindTrustedProxies(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.Config.Web.TrustedProxies = []string{"10.0.0.0/8", "2001:db8::1"} })
	for _, tc := range []struct {
		name, peer string
		xff        []string
		xfp        []string
		addr       string
		https      bool
	}{
		{"untrusted peer: both headers ignored", "192.0.2.1:4000", []string{"198.51.100.7"}, []string{"https"}, "192.0.2.1", false},
		{"untrusted peer forging a trusted hop", "192.0.2.1:4000", []string{"10.0.0.9"}, nil, "192.0.2.1", false},
		{"trusted peer, no header", "10.0.0.5:4000", nil, nil, "10.0.0.5", false},
		{"trusted peer", "10.0.0.5:4000", []string{"198.51.100.7"}, []string{"https"}, "198.51.100.7", true},
		{"left-most may be forged", "10.0.0.5:4000", []string{"203.0.113.9, 198.51.100.7"}, nil, "198.51.100.7", false},
		{"trusted hops skipped", "10.0.0.5:4000", []string{"198.51.100.7, 10.0.0.9,10.200.0.1"}, nil, "198.51.100.7", false},
		{"several header lines", "10.0.0.5:4000", []string{"203.0.113.9", "198.51.100.7"}, nil, "198.51.100.7", false},
		{"garbage on the left", "10.0.0.5:4000", []string{"<script>, 198.51.100.7"}, nil, "198.51.100.7", false},
		{"garbage from the proxy itself", "10.0.0.5:4000", []string{"198.51.100.7, unknown"}, nil, "10.0.0.5", false},
		{"only trusted hops", "10.0.0.5:4000", []string{"10.0.0.7, 10.0.0.8"}, nil, "10.0.0.7", false},
		{"with a port", "10.0.0.5:4000", []string{"198.51.100.7:5555"}, nil, "198.51.100.7", false},
		{"IPv6 in brackets with a port", "10.0.0.5:4000", []string{"[2001:db8::5]:443"}, nil, "2001:db8::5", false},
		{"IPv6 in brackets", "10.0.0.5:4000", []string{"[2001:db8::5]"}, nil, "2001:db8::5", false},
		{"IPv4-mapped peer", "[::ffff:10.0.0.5]:4000", []string{"198.51.100.7"}, nil, "198.51.100.7", false},
		{"IPv6 trusted peer", "[2001:db8::1]:443", []string{"2001:db8::99"}, []string{"HTTPS"}, "2001:db8::99", true},
		{"IPv6 untrusted neighbour", "[2001:db8::2]:443", []string{"2001:db8::99"}, []string{"https"}, "2001:db8::2", false},
		{"proto from the nearest proxy", "10.0.0.5:4000", nil, []string{"http, https"}, "10.0.0.5", true},
		{"proto: the nearest says http", "10.0.0.5:4000", nil, []string{"https", "http"}, "10.0.0.5", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "http://desk.test/login", nil)
			r.RemoteAddr = tc.peer
			for _, v := range tc.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			for _, v := range tc.xfp {
				r.Header.Add("X-Forwarded-Proto", v)
			}
			if got := f.srv.clientAddr(r); got != tc.addr {
				t.Errorf("client address %q, want %q", got, tc.addr)
			}
			if got := f.srv.forwardedHTTPS(r); got != tc.https {
				t.Errorf("https %v, want %v", got, tc.https)
			}
		})
	}
}

// Finding 7: behind a trusted proxy, one attacker's failures do not lock
// out a user signing in through the same proxy, and a forged
// X-Forwarded-For from anyone else buys no fresh counters.
func TestSignInBehindTrustedProxy(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.Config.Web.TrustedProxies = []string{"10.0.0.5"} })
	via := func(client string) signIn {
		return signIn{peer: "10.0.0.5", hdr: map[string]string{"X-Forwarded-For": client}}
	}
	for i := range 6 {
		s := via("198.51.100.66")
		s.user, s.password = "ann", "wrong password here"
		want := http.StatusUnauthorized
		if i == 5 {
			want = http.StatusTooManyRequests
		}
		if rec := f.post(f.loginFormToken(), s); rec.Code != want {
			t.Fatalf("attacker attempt %d: %d, want %d", i, rec.Code, want)
		}
	}
	s := via("203.0.113.20")
	s.user, s.password = "ann", testPassword
	if rec := f.post(f.loginFormToken(), s); rec.Code != http.StatusSeeOther {
		t.Fatalf("ann through the same proxy after an attacker's failures: %d", rec.Code)
	}
	// A peer that is not a trusted proxy cannot pick its address.
	for i := range 6 {
		s := signIn{user: "bob", password: "wrong password here", peer: "192.0.2.77",
			hdr: map[string]string{"X-Forwarded-For": fmt.Sprintf("198.51.100.%d", i+1)}}
		want := http.StatusUnauthorized
		if i == 5 {
			want = http.StatusTooManyRequests
		}
		if rec := f.post(f.loginFormToken(), s); rec.Code != want {
			t.Fatalf("forged X-Forwarded-For, attempt %d: %d, want %d", i, rec.Code, want)
		}
	}
	// X-Forwarded-Proto: https makes the cookie Secure from the proxy only.
	for _, tc := range []struct {
		peer   string
		secure bool
	}{{"10.0.0.5", true}, {"192.0.2.78", false}} {
		tok := f.loginFormToken()
		s := signIn{user: "meg", password: testPassword, peer: tc.peer, hdr: map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.21"}}
		// The form cookie's name follows the same rule.
		req := httptest.NewRequest("GET", "http://desk.test/login", nil)
		req.RemoteAddr = tc.peer + ":1"
		req.Header.Set("X-Forwarded-Proto", "https")
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Strict-Transport-Security") != ""; got != tc.secure {
			t.Errorf("peer %s: HSTS %v", tc.peer, got)
		}
		if tc.secure {
			ck := cookieNamed(rec, "__Host-mediadesk-login")
			if ck == nil {
				t.Fatalf("no secure form cookie from the proxy")
			}
			tok = ck.Value
			rec = f.postNamed(tok, s, "__Host-mediadesk-login")
		} else {
			rec = f.post(tok, s)
		}
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("peer %s: sign-in %d", tc.peer, rec.Code)
		}
		name := "mediadesk"
		if tc.secure {
			name = "__Host-mediadesk"
		}
		if ck := cookieNamed(rec, name); ck == nil || ck.Secure != tc.secure {
			t.Errorf("peer %s: cookie %s %+v", tc.peer, name, ck)
		}
	}
}

// postNamed is post with the form cookie under another name.
func (f *fixture) postNamed(tok string, s signIn, cookie string) *httptest.ResponseRecorder {
	s.hdr = copyHeaders(s.hdr)
	s.hdr["Cookie"] = cookie + "=" + tok
	return f.post(tok, s)
}

func copyHeaders(h map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[k] = v
	}
	return out
}

// Finding 7: many addresses guessing one user slow that user's sign-in
// from new addresses, but never lock the user out of an address they
// have signed in from.
func TestSignInAccountLimitSlowsNewAddressesOnly(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.LoginPerAccount = 20 })
	home := "203.0.113.20"
	if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword, peer: home}); rec.Code != http.StatusSeeOther {
		t.Fatalf("ann at home: %d", rec.Code)
	}
	// 25 addresses, one guess each: the first 20 are checked, the rest
	// are refused unchecked.
	before := f.srv.checked.Load()
	refused := 0
	for i := range 25 {
		rec := f.post(f.loginFormToken(), signIn{user: "ann", password: "wrong password here", peer: fmt.Sprintf("198.51.100.%d", i+1)})
		if rec.Code == http.StatusTooManyRequests {
			refused++
		}
	}
	if refused != 5 || f.srv.checked.Load()-before != 20 {
		t.Fatalf("%d refused, %d checked; want 5 and 20", refused, f.srv.checked.Load()-before)
	}
	// From a new address ann waits for the window...
	if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword, peer: "192.0.2.200"}); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("ann from a new address during the attack: %d", rec.Code)
	}
	// ...but from home she signs in, and another user is not affected.
	if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword, peer: home}); rec.Code != http.StatusSeeOther {
		t.Fatalf("ann at home during the attack: %d", rec.Code)
	}
	if rec := f.post(f.loginFormToken(), signIn{user: "bob", password: testPassword, peer: "192.0.2.201"}); rec.Code != http.StatusSeeOther {
		t.Fatalf("bob: %d", rec.Code)
	}
	// Home still has its own per-address allowance: five wrong tries.
	for i := range 6 {
		want := http.StatusUnauthorized
		if i == 5 {
			want = http.StatusTooManyRequests
		}
		if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: "typo in password", peer: home}); rec.Code != want {
			t.Fatalf("typo %d at home: %d, want %d", i, rec.Code, want)
		}
	}
	// The next window starts afresh.
	f.clock.Advance(31 * time.Minute)
	if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword, peer: "192.0.2.200"}); rec.Code != http.StatusSeeOther {
		t.Fatalf("ann from the new address after the window: %d", rec.Code)
	}
	// A known address is forgotten after LoginKnownFor.
	f.clock.Advance(31 * 24 * time.Hour)
	for i := range 20 {
		f.post(f.loginFormToken(), signIn{user: "ann", password: "wrong password here", peer: fmt.Sprintf("198.51.100.%d", i+1)})
	}
	if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword, peer: home}); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("home after 31 days without a sign-in there: %d", rec.Code)
	}
}
