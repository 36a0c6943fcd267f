package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestCSRFOnEveryStateChangingRoute: with a session cookie, every POST
// and PUT needs the session's token and a same-origin browser context.
func TestCSRFOnEveryStateChangingRoute(t *testing.T) {
	f := newFixture(t)
	for _, rc := range routeCases("") {
		if rc.method == "GET" {
			continue
		}
		t.Run(strings.ReplaceAll(rc.pattern, "/", "_"), func(t *testing.T) {
			c := f.client().loginAs("root")
			rc := routeCases(f.plain("CSRF "+rc.pattern, "root"))[indexOf(routeCases(""), rc.pattern)]
			send := func(token string, hdr map[string]string) *httptest.ResponseRecorder {
				h := map[string]string{}
				for k, v := range hdr {
					h[k] = v
				}
				if rc.form != nil {
					v := url.Values{}
					for k, x := range rc.form {
						v[k] = x
					}
					if token != "" {
						v.Set("csrf", token)
					}
					h["Content-Type"] = "application/x-www-form-urlencoded"
					return c.do(rc.method, rc.path, strings.NewReader(v.Encode()), h)
				}
				h["Content-Type"] = "application/json"
				if token != "" {
					h["X-CSRF-Token"] = token
				}
				return c.do(rc.method, rc.path, strings.NewReader(rc.json), h)
			}
			good := c.csrf
			if rec := send("", nil); rec.Code != http.StatusForbidden {
				t.Errorf("no token: %d", rec.Code)
			}
			wrong := "x" + good[1:]
			if good[0] == 'x' { // a one-in-64 chance the "wrong" token was right
				wrong = "y" + good[1:]
			}
			if rec := send(wrong, nil); rec.Code != http.StatusForbidden {
				t.Errorf("wrong token: %d", rec.Code)
			}
			other := f.client().loginAs("meg")
			if rec := send(other.csrf, nil); rec.Code != http.StatusForbidden {
				t.Errorf("another session's token: %d", rec.Code)
			}
			if rec := send(good, map[string]string{"Sec-Fetch-Site": "cross-site"}); rec.Code != http.StatusForbidden {
				t.Errorf("cross-site with the token: %d", rec.Code)
			}
			if rec := send(good, map[string]string{"Sec-Fetch-Site": "same-site"}); rec.Code != http.StatusForbidden {
				t.Errorf("same-site (a sibling subdomain) with the token: %d", rec.Code)
			}
			if rec := send(good, map[string]string{"Origin": "https://evil.example"}); rec.Code != http.StatusForbidden {
				t.Errorf("foreign Origin with the token: %d", rec.Code)
			}
			if rec := send(good, map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "http://desk.test"}); rec.Code == http.StatusForbidden || rec.Code >= 500 {
				t.Errorf("same origin with the token: %d %s", rec.Code, firstLine(rec.Body.String()))
			}
		})
	}
}

// TestCSRFTokenInFormOnlyForForms: a JSON body's "csrf" field is not a
// token; the header is.
func TestCSRFTokenInFormOnlyForForms(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Form", "ann")
	c := f.client().loginAs("ann")
	rec := c.do("POST", "/api/enquiries/"+ref+"/notes?csrf="+c.csrf, strings.NewReader(`{"text":"x","csrf":"`+c.csrf+`"}`),
		map[string]string{"Content-Type": "application/json"})
	if rec.Code != http.StatusForbidden {
		t.Fatalf("token in the query or JSON body: %d", rec.Code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t)
	ref := f.commit(hostileMessage("hdr@bbc.co.uk"), nil)
	c := f.client()
	check := func(path string, rec *httptest.ResponseRecorder) {
		t.Helper()
		h := rec.Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "*") {
			t.Errorf("%s: CSP too loose: %q", path, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"} {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q", path, k, h.Get(k))
			}
		}
	}
	for _, p := range []string{"/login", "/static/app.js", "/api/enquiries", "/queues/mine", "/nowhere"} {
		check(p, c.get(p))
	}
	c.loginAs("ann")
	for _, p := range []string{"/queues/open", "/enquiries/" + ref, "/api/enquiries", "/nowhere", "/releases"} {
		rec := c.get(p)
		check(p, rec)
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", p, rec.Header().Get("Cache-Control"))
		}
	}
	rec := c.get("/static/app.js")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") || !strings.Contains(rec.Header().Get("Cache-Control"), "max-age") {
		t.Errorf("static: %d %q %q", rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control"))
	}
	if rec := c.get("/static/"); rec.Code != 404 {
		t.Errorf("static listing: %d", rec.Code)
	}
	if rec := c.get("/nowhere"); rec.Code != 404 {
		t.Errorf("unknown page: %d", rec.Code)
	}
}
