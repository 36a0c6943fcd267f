package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func cookieNamed(rec interface{ Result() *http.Response }, name string) *http.Cookie {
	for _, c := range rec.Result().Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func TestLoginLogout(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	if rec := c.get("/queues/mine"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login?next=%2Fqueues%2Fmine") {
		t.Fatalf("anonymous queue: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	if rec := c.get("/"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
		t.Fatalf("anonymous home: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	rec := c.tryLogin("ann", testPassword)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
		t.Fatalf("login: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	ck := cookieNamed(rec, "mediadesk")
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure || ck.Path != "/" || len(ck.Value) != 43 {
		t.Fatalf("session cookie over http: %+v", ck)
	}
	if lc := cookieNamed(rec, "mediadesk-login"); lc == nil || lc.MaxAge >= 0 {
		t.Errorf("the sign-in form cookie is not cleared: %+v", lc)
	}
	// The raw id is not a Redis key; its hash is.
	keys, _ := f.rdb.Keys(f.ctx, "*session:*").Result()
	if len(keys) != 1 || strings.Contains(keys[0], ck.Value) {
		t.Fatalf("session keys %v", keys)
	}
	if rec := c.get("/queues/mine"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Ann Officer") {
		t.Fatalf("queue after login: %d", rec.Code)
	}
	if rec := c.get("/"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/queues/needs" {
		t.Fatalf("home: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	// Already signed in: the login page goes on.
	if rec := c.get("/login?next=/releases"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/releases" {
		t.Fatalf("login page when signed in: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	old := c.session()
	rec = c.post("/logout", nil)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login?m=out" {
		t.Fatalf("logout: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	if n, _ := f.rdb.Keys(f.ctx, "*session:*").Result(); len(n) != 0 {
		t.Fatalf("session left after logout: %v", n)
	}
	if rec := c.get("/queues/mine"); rec.Code != http.StatusSeeOther {
		t.Fatalf("queue after logout: %d", rec.Code)
	}
	// The old cookie is worthless.
	c.cookies["mediadesk"] = &http.Cookie{Name: "mediadesk", Value: old}
	if rec := c.get("/queues/mine"); rec.Code != http.StatusSeeOther {
		t.Fatalf("replayed session: %d", rec.Code)
	}
	if rec := c.get("/login?m=out"); !strings.Contains(rec.Body.String(), "You have signed out.") {
		t.Error("no signed-out notice")
	}
}

func TestLoginIsCaseInsensitiveAndRotatesSession(t *testing.T) {
	f := newFixture(t)
	c := f.client()
	if rec := c.tryLogin("  ANN ", testPassword); rec.Code != http.StatusSeeOther {
		t.Fatalf("login ANN: %d", rec.Code)
	}
	first := c.session()
	// A sign-in form fetched while signed out, posted with the old
	// session cookie (as after a session was planted).
	delete(c.cookies, "mediadesk")
	tok := loginToken.FindStringSubmatch(c.get("/login").Body.String())[1]
	c.cookies["mediadesk"] = &http.Cookie{Name: "mediadesk", Value: first}
	rec := c.do("POST", "/login", strings.NewReader(url.Values{"csrf": {tok}, "user": {"ann"}, "password": {testPassword}}.Encode()),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("second login: %d", rec.Code)
	}
	if c.session() == first {
		t.Fatal("the session id was not renewed at sign-in")
	}
	if _, err := f.srv.sessions.get(f.ctx, first); err == nil {
		t.Fatal("the previous session survived a new sign-in")
	}
}

// logBuffer captures log output.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestBadPasswordSameAsUnknownUser(t *testing.T) {
	logs := &logBuffer{}
	f := newFixture(t, func(o *Options) {
		o.Log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	body := func(user, pw string) (int, string) {
		rec := f.client().tryLogin(user, pw)
		b := loginToken.ReplaceAllString(rec.Body.String(), "TOKEN")
		b = strings.ReplaceAll(b, `value="`+user+`"`, `value="USER"`)
		return rec.Code, b
	}
	c1, b1 := body("ann", "wrong password here")
	c2, b2 := body("nobody", "wrong password here")
	c3, b3 := body("ann", "")
	if c1 != http.StatusUnauthorized || c2 != c1 || c3 != c1 {
		t.Fatalf("statuses %d %d %d", c1, c2, c3)
	}
	if b1 != b2 || b1 != b3 {
		t.Error("a wrong password and an unknown user answer differently")
	}
	if !strings.Contains(b1, "Wrong user or password.") {
		t.Error("no error message")
	}
	// Whoever typed their password into the user box does not find it in
	// the log, and no password or session id is ever logged.
	f.client().tryLogin(testPassword, testPassword)
	c := f.client().loginAs("meg")
	lg := logs.String()
	for _, secret := range []string{testPassword, "wrong password here", c.session(), c.csrf} {
		if strings.Contains(lg, secret) {
			t.Errorf("the log holds a secret %q:\n%s", secret, lg)
		}
	}
	if !strings.Contains(lg, "sign-in failed") || !strings.Contains(lg, "user=unknown") || !strings.Contains(lg, "signed in") {
		t.Errorf("sign-ins are not logged:\n%s", lg)
	}
}

func TestLoginRateLimit(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.LoginPerIP = 8 })
	c := f.client()
	for i := 0; i < 5; i++ {
		if rec := c.tryLogin("ann", "not the password"); rec.Code != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, rec.Code)
		}
	}
	rec := c.tryLogin("ann", testPassword)
	if rec.Code != http.StatusTooManyRequests || !strings.Contains(rec.Body.String(), "Too many failed attempts") || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("sixth attempt with the right password: %d", rec.Code)
	}
	// The same for a user that does not exist: no enumeration.
	for i := 0; i < 5; i++ {
		c.tryLogin("ghost", "x")
	}
	if rec := c.tryLogin("ghost", "x"); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("unknown user after 5 failures: %d", rec.Code)
	}
	// Another address is not blocked for ann; another user from this
	// address is, once the per-IP limit (8 here) is reached.
	other := f.client()
	other.ip = "198.51.100.7"
	if rec := other.tryLogin("ann", testPassword); rec.Code != http.StatusSeeOther {
		t.Fatalf("ann from elsewhere: %d", rec.Code)
	}
	if rec := c.tryLogin("bob", testPassword); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("bob from an address with 10 failures (per-IP limit 8): %d", rec.Code)
	}
	// After the window, ann may try again.
	f.clock.Advance(31 * time.Minute)
	if rec := c.tryLogin("ann", testPassword); rec.Code != http.StatusSeeOther {
		t.Fatalf("after the window: %d", rec.Code)
	}
}

func TestSessionExpiry(t *testing.T) {
	f := newFixture(t)
	c := f.client().loginAs("ann")
	// Idle: 2h without a request ends it.
	f.clock.Advance(2*time.Hour - time.Minute)
	if rec := c.get("/queues/mine"); rec.Code != 200 {
		t.Fatalf("after 1h59 idle: %d", rec.Code)
	}
	f.clock.Advance(2*time.Hour - time.Minute)
	if rec := c.get("/queues/mine"); rec.Code != 200 {
		t.Fatalf("activity kept it alive: %d", rec.Code)
	}
	// Background refreshes are not activity.
	f.clock.Advance(time.Hour)
	if rec := c.do("GET", "/queues/mine?partial=1", nil, map[string]string{backgroundHeader: "1"}); rec.Code != 200 {
		t.Fatalf("background refresh: %d", rec.Code)
	}
	f.clock.Advance(time.Hour + time.Second)
	if rec := c.do("GET", "/queues/mine?partial=1", nil, map[string]string{backgroundHeader: "1"}); rec.Code != http.StatusUnauthorized {
		t.Fatalf("background refresh after 2h of no activity: %d", rec.Code)
	}
	if rec := c.get("/queues/mine"); rec.Code != http.StatusSeeOther {
		t.Fatalf("after 2h idle: %d", rec.Code)
	}
	if n, _ := f.rdb.Keys(f.ctx, "*session:*").Result(); len(n) != 0 {
		t.Fatalf("an expired session is kept: %v", n)
	}
	// Absolute: however busy, a session ends after 12h.
	c = f.client().loginAs("ann")
	for i := 0; i < 12; i++ {
		f.clock.Advance(59 * time.Minute)
		if rec := c.get("/queues/mine"); rec.Code != 200 {
			t.Fatalf("busy session at %d: %d", i, rec.Code)
		}
	}
	f.clock.Advance(13 * time.Minute)
	if rec := c.get("/queues/mine"); rec.Code != http.StatusSeeOther {
		t.Fatalf("after 12h: %d", rec.Code)
	}
}

func TestSecureCookies(t *testing.T) {
	check := func(t *testing.T, c *client, hdr map[string]string, wantSecure bool) {
		t.Helper()
		rec := c.do("GET", "/login", nil, hdr)
		m := loginToken.FindStringSubmatch(rec.Body.String())
		h := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
		for k, v := range hdr {
			h[k] = v
		}
		rec = c.do("POST", "/login", strings.NewReader(url.Values{"csrf": {m[1]}, "user": {"ann"}, "password": {testPassword}}.Encode()), h)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("login: %d %s", rec.Code, rec.Body.String())
		}
		name := "mediadesk"
		if wantSecure {
			name = "__Host-mediadesk"
		}
		ck := cookieNamed(rec, name)
		if ck == nil || ck.Secure != wantSecure || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Domain != "" {
			t.Fatalf("cookie %s: %+v", name, ck)
		}
		if rec := c.do("GET", "/queues/mine", nil, hdr); rec.Code != 200 {
			t.Fatalf("signed-in page: %d", rec.Code)
		}
	}
	t.Run("http", func(t *testing.T) { check(t, newFixture(t).client(), nil, false) })
	t.Run("tls", func(t *testing.T) {
		c := newFixture(t).client()
		c.https = true
		check(t, c, nil, true)
		if rec := c.get("/login"); rec.Header().Get("Strict-Transport-Security") == "" {
			t.Error("no HSTS over TLS")
		}
	})
	t.Run("proxy", func(t *testing.T) {
		// The client's peer address (192.0.2.10) is the trusted proxy.
		f := newFixture(t, func(o *Options) { o.Config.Web.TrustedProxies = []string{"192.0.2.0/24"} })
		check(t, f.client(), map[string]string{"X-Forwarded-Proto": "https"}, true)
	})
	t.Run("untrusted proxy header", func(t *testing.T) {
		check(t, newFixture(t).client(), map[string]string{"X-Forwarded-Proto": "https"}, false)
	})
	t.Run("base_url", func(t *testing.T) {
		f := newFixture(t, func(o *Options) { o.Config.Web.BaseURL = "https://desk.example.gov.uk/" })
		check(t, f.client(), nil, true)
		// A plain cookie is not accepted where the __Host- one is due.
		c := f.client()
		c.cookies["mediadesk"] = &http.Cookie{Name: "mediadesk", Value: f.client().loginAsHTTPSession(t)}
		if rec := c.get("/queues/mine"); rec.Code != http.StatusSeeOther {
			t.Fatalf("unprefixed cookie on an https desk: %d", rec.Code)
		}
	})
}

// loginAsHTTPSession returns a valid session id for ann.
func (c *client) loginAsHTTPSession(t *testing.T) string {
	se, err := c.f.srv.sessions.create(c.f.ctx, "ann")
	if err != nil {
		t.Fatal(err)
	}
	return se.ID
}

func TestLoginFormCSRF(t *testing.T) {
	f := newFixture(t)
	post := func(c *client, v url.Values, hdr map[string]string) int {
		h := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
		for k, x := range hdr {
			h[k] = x
		}
		return c.do("POST", "/login", strings.NewReader(v.Encode()), h).Code
	}
	good := url.Values{"user": {"ann"}, "password": {testPassword}}
	c := f.client()
	if code := post(c, good, nil); code != http.StatusForbidden {
		t.Errorf("no token, no cookie: %d", code)
	}
	c.get("/login")
	v := url.Values{"user": {"ann"}, "password": {testPassword}, "csrf": {"forged"}}
	if code := post(c, v, nil); code != http.StatusForbidden {
		t.Errorf("wrong token: %d", code)
	}
	rec := c.get("/login")
	tok := loginToken.FindStringSubmatch(rec.Body.String())[1]
	v.Set("csrf", tok)
	if code := post(c, v, map[string]string{"Sec-Fetch-Site": "cross-site"}); code != http.StatusForbidden {
		t.Errorf("cross-site sign-in: %d", code)
	}
	if code := post(c, v, map[string]string{"Origin": "https://evil.example"}); code != http.StatusForbidden {
		t.Errorf("foreign Origin: %d", code)
	}
	if code := post(c, v, map[string]string{"Sec-Fetch-Site": "same-origin"}); code != http.StatusSeeOther {
		t.Errorf("good sign-in: %d", code)
	}
}

func TestLoginRedirectStaysOnSite(t *testing.T) {
	for next, want := range map[string]string{
		"/enquiries/TEST-2023-000001": "/enquiries/TEST-2023-000001",
		"//evil.example/x":            "/",
		"/\\evil.example":             "/",
		"https://evil.example/":       "/",
		"/login":                      "/",
		"":                            "/",
	} {
		if got := safeNext(next); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", next, got, want)
		}
	}
	f := newFixture(t)
	c := f.client()
	rec := c.get("/login")
	tok := loginToken.FindStringSubmatch(rec.Body.String())[1]
	rec = c.do("POST", "/login", strings.NewReader(url.Values{"csrf": {tok}, "user": {"ann"}, "password": {testPassword}, "next": {"//evil.example/"}}.Encode()),
		map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	if rec.Header().Get("Location") != "/" {
		t.Fatalf("redirected to %q", rec.Header().Get("Location"))
	}
}

func TestAPITokens(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Tokens", "ann")
	tokAnn, err := NewAPIToken(f.srv.o.TokensFile, "ann")
	if err != nil {
		t.Fatal(err)
	}
	tokMeg, _ := NewAPIToken(f.srv.o.TokensFile, "meg")
	if !strings.HasPrefix(tokAnn, "mdk_") || tokAnn == tokMeg {
		t.Fatalf("tokens %q %q", tokAnn, tokMeg)
	}
	b, _ := os.ReadFile(f.srv.o.TokensFile)
	if strings.Contains(string(b), tokAnn) {
		t.Fatal("the tokens file holds the token itself")
	}
	call := func(method, path, tok, body string) int {
		hdr := map[string]string{"Content-Type": "application/json"}
		if tok != "" {
			hdr["Authorization"] = "Bearer " + tok
		}
		c := f.client()
		return c.do(method, path, strings.NewReader(body), hdr).Code
	}
	if code := call("GET", "/api/enquiries", tokAnn, ""); code != 200 {
		t.Errorf("officer token, list: %d", code)
	}
	if code := call("GET", "/api/enquiries", "", ""); code != 401 {
		t.Errorf("no token: %d", code)
	}
	if code := call("GET", "/api/enquiries", tokAnn+"x", ""); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	if code := call("GET", "/api/enquiries", "mdk_"+strings.Repeat("A", 43), ""); code != 401 {
		t.Errorf("made-up token: %d", code)
	}
	if code := call("GET", "/api/reports/summary", tokAnn, ""); code != 403 {
		t.Errorf("officer token, reports: %d", code)
	}
	if code := call("GET", "/api/reports/summary", tokMeg, ""); code != 200 {
		t.Errorf("manager token, reports: %d", code)
	}
	// No CSRF token is needed with an API token.
	if code := call("POST", "/api/enquiries/"+ref+"/notes", tokAnn, `{"text":"from the API"}`); code != 200 {
		t.Errorf("officer token, note: %d", code)
	}
	// Tokens do not open the dashboard.
	c := f.client()
	if rec := c.do("GET", "/queues/mine", nil, map[string]string{"Authorization": "Bearer " + tokAnn}); rec.Code != http.StatusSeeOther {
		t.Errorf("token on a page: %d", rec.Code)
	}
	// Revoked: the file changed, no restart needed.
	if n, err := RemoveEntries(f.srv.o.TokensFile, "ann"); err != nil || n != 1 {
		t.Fatalf("remove: %d %v", n, err)
	}
	if code := call("GET", "/api/enquiries", tokAnn, ""); code != 401 {
		t.Errorf("revoked token: %d", code)
	}
	if code := call("GET", "/api/me", tokMeg, ""); code != 200 {
		t.Errorf("the other token went too: %d", code)
	}
}

func TestPasswordFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users")
	if err := os.WriteFile(path, []byte("# mediadesk users\nann:$2a$04$notarealhash\n\nbob:x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"short", strings.Repeat("x", 73), " leading space here", "trailing space here ", "\xff\xfe invalid utf8 x"} {
		if err := SetPassword(path, "ann", bad, bcrypt.MinCost); err == nil {
			t.Errorf("SetPassword accepted %q", bad)
		}
	}
	if err := SetPassword(path, "a:b", testPassword, bcrypt.MinCost); err == nil {
		t.Error("an id with a colon was accepted")
	}
	if err := SetPassword(path, "ann", testPassword, bcrypt.MinCost); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != "# mediadesk users" || len(lines) != 4 || !strings.HasPrefix(lines[3], "ann:$2a$04$") || strings.Contains(string(b), "notarealhash") {
		t.Fatalf("file after SetPassword:\n%s", b)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	p := passwords{&watchedFile{path: path, log: quietLogger(t), what: "users file"}}
	if !p.verify("ann", testPassword) || p.verify("ann", testPassword+"x") || p.verify("bob", "x") || p.verify("carol", testPassword) {
		t.Error("verify")
	}
	// Changed on disk: seen at the next sign-in.
	if err := SetPassword(path, "ann", "another long password", bcrypt.MinCost); err != nil {
		t.Fatal(err)
	}
	if p.verify("ann", testPassword) || !p.verify("ann", "another long password") {
		t.Error("a changed file was not re-read")
	}
	if n, err := RemoveEntries(path, "ann"); err != nil || n != 1 || p.verify("ann", "another long password") {
		t.Errorf("remove: %d %v", n, err)
	}
	// A missing file: nobody signs in, nothing panics.
	os.Remove(path)
	if p.verify("bob", "x") {
		t.Error("verified against a missing file")
	}
}

func TestNoUsersFile(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.UsersFile = "" })
	c := f.client()
	rec := c.get("/login")
	if !strings.Contains(rec.Body.String(), "No users file is configured") {
		t.Error("the login page does not say that nobody can sign in")
	}
	if rec := c.tryLogin("ann", testPassword); rec.Code != http.StatusUnauthorized {
		t.Errorf("login without a users file: %d", rec.Code)
	}
}
