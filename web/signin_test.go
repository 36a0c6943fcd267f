package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// redisBackends runs a test against redis-server (skipped when it is not
// installed, failed then under MEDIADESK_REQUIRE_REAL=1) and, as an
// extra, miniredis.
func redisBackends(t *testing.T, test func(t *testing.T, r func(t *testing.T) *servers.Redis)) {
	t.Run("redis-server", func(t *testing.T) {
		test(t, func(t *testing.T) *servers.Redis { return servertest.RealRedis(t) })
	})
	t.Run("miniredis", func(t *testing.T) {
		test(t, func(t *testing.T) *servers.Redis { return servertest.Miniredis(t) })
	})
}

// signIn is one sign-in POST, built to be sent from any goroutine.
type signIn struct {
	user, password, next string
	peer                 string            // RemoteAddr host
	hdr                  map[string]string // extra headers (X-Forwarded-For)
}

// loginToken fetches a sign-in form token (the double-submit cookie and
// field carry the same value, which a burst of attempts may share).
func (f *fixture) loginFormToken() string {
	f.t.Helper()
	m := loginToken.FindStringSubmatch(f.client().get("/login").Body.String())
	if m == nil {
		f.t.Fatal("no sign-in token")
	}
	return m[1]
}

func (f *fixture) post(tok string, s signIn) *httptest.ResponseRecorder {
	v := url.Values{"csrf": {tok}, "user": {s.user}, "password": {s.password}}
	if s.next != "" {
		v.Set("next", s.next)
	}
	req := httptest.NewRequest("POST", "http://desk.test/login", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	peer := s.peer
	if peer == "" {
		peer = "192.0.2.10"
	}
	req.RemoteAddr = peer + ":40000"
	req.AddCookie(&http.Cookie{Name: "mediadesk-login", Value: tok})
	for k, x := range s.hdr {
		req.Header.Set(k, x)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return rec
}

// burst sends every attempt at once, each from its own goroutine, and
// holds the attempts the limiter admits (before their password check)
// until every attempt has been either admitted or answered: the widest
// race there can be, made deterministic. It returns the answers in input
// order and how many attempts were admitted.
func (f *fixture) burst(attempts []signIn) ([]int, int) {
	f.t.Helper()
	tok := f.loginFormToken()
	events := make(chan bool, len(attempts)) // true: admitted, false: answered
	open := make(chan struct{})
	f.srv.admittedHook = func() {
		events <- true
		<-open
	}
	defer func() { f.srv.admittedHook = nil }()
	codes := make([]int, len(attempts))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, a := range attempts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			rec := f.post(tok, a)
			codes[i] = rec.Code
			events <- false
		}()
	}
	close(start)
	admitted, answered := 0, 0
	for admitted+answered < len(attempts) {
		if <-events {
			admitted++
		} else {
			answered++
		}
	}
	close(open)
	wg.Wait()
	return codes, admitted
}

func countCodes(codes []int) map[int]int {
	m := map[int]int{}
	for _, c := range codes {
		m[c]++
	}
	return m
}

// Finding 2: thirty parallel wrong passwords for one user from one address
// used to all get a password check (the failure was counted after bcrypt);
// now at most five do and the rest are refused unchecked.
func TestSignInParallelWrongPasswordsOneUser(t *testing.T) {
	redisBackends(t, func(t *testing.T, r func(t *testing.T) *servers.Redis) {
		f := newFixtureOn(t, r(t), func(o *Options) { o.LoginCheckWait = time.Minute })
		attempts := make([]signIn, 30)
		for i := range attempts {
			attempts[i] = signIn{user: "ann", password: fmt.Sprintf("wrong guess %02d", i)}
		}
		codes, admitted := f.burst(attempts)
		n := countCodes(codes)
		if admitted > 5 || f.srv.checked.Load() > 5 || n[http.StatusUnauthorized] > 5 {
			t.Fatalf("%d admitted, %d password checks, answers %v: the limit is 5", admitted, f.srv.checked.Load(), n)
		}
		if n[http.StatusUnauthorized]+n[http.StatusTooManyRequests] != 30 {
			t.Fatalf("answers %v", n)
		}
		// The right password from that address is refused now too.
		if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword}); rec.Code != http.StatusTooManyRequests {
			t.Fatalf("right password after the burst: %d", rec.Code)
		}
	})
}

// Finding 2: forty parallel guesses with the right one sent last used to
// sign in (every guess passed the check of the counter before any failure
// was counted).
func TestSignInParallelGuessesRightOneLast(t *testing.T) {
	redisBackends(t, func(t *testing.T, r func(t *testing.T) *servers.Redis) {
		f := newFixtureOn(t, r(t), func(o *Options) { o.LoginCheckWait = time.Minute })
		tok := f.loginFormToken()
		// 39 wrong guesses in flight together: the admitted ones are held
		// before their password check until all 39 are admitted or
		// answered; then the right password follows, while they are
		// still unchecked.
		var right *httptest.ResponseRecorder
		events := make(chan bool, 40)
		open := make(chan struct{})
		f.srv.admittedHook = func() {
			events <- true
			<-open
		}
		var wg sync.WaitGroup
		codes := make([]int, 39)
		for i := range 39 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = f.post(tok, signIn{user: "ann", password: fmt.Sprintf("guess number %02d", i)}).Code
				events <- false
			}()
		}
		admitted := 0
		for seen := 0; seen < 39; seen++ {
			if <-events {
				admitted++
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			right = f.post(tok, signIn{user: "ann", password: testPassword})
			events <- false
		}()
		// The last one is either held (admitted: a failure of the test
		// below) or answered at once.
		if <-events {
			admitted++
		}
		close(open)
		wg.Wait()
		f.srv.admittedHook = nil
		if right.Code == http.StatusSeeOther || cookieNamed(right, "mediadesk") != nil {
			t.Fatalf("the right password, sent last among 40 parallel guesses, signed in (%d admitted)", admitted)
		}
		if right.Code != http.StatusTooManyRequests || admitted > 5 {
			t.Fatalf("right password: %d; %d admitted; answers %v", right.Code, admitted, countCodes(codes))
		}
	})
}

// Finding 2: 120 parallel sign-ins for different users from one address
// used to pass the per-address limit of 50.
func TestSignInParallelManyUsersOneAddress(t *testing.T) {
	redisBackends(t, func(t *testing.T, r func(t *testing.T) *servers.Redis) {
		f := newFixtureOn(t, r(t), func(o *Options) { o.LoginCheckWait = time.Minute })
		attempts := make([]signIn, 120)
		for i := range attempts {
			attempts[i] = signIn{user: fmt.Sprintf("user%03d", i), password: "not a password at all"}
		}
		attempts[119].user, attempts[119].password = "bob", testPassword // a right one among them
		codes, admitted := f.burst(attempts)
		n := countCodes(codes)
		if admitted != 50 || f.srv.checked.Load() != 50 || n[http.StatusTooManyRequests] < 70 {
			t.Fatalf("%d admitted, %d checks, answers %v: the per-address limit is 50", admitted, f.srv.checked.Load(), n)
		}
		// Another address is not affected.
		if rec := f.post(f.loginFormToken(), signIn{user: "bob", password: testPassword, peer: "198.51.100.9"}); rec.Code != http.StatusSeeOther {
			t.Fatalf("bob from another address: %d", rec.Code)
		}
	})
}

// Finding 2: password checks run in a bounded number of slots; an attempt
// that finds none free in time is answered 503 without a check, and its
// attempt is given back.
func TestSignInCheckSlots(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.LoginChecks = 1; o.LoginCheckWait = 20 * time.Millisecond })
	if cap(f.srv.checks) != 1 {
		t.Fatalf("%d slots", cap(f.srv.checks))
	}
	f.srv.checks <- struct{}{} // a check in progress holds the only slot
	for range 7 {
		rec := f.post(f.loginFormToken(), signIn{user: "ann", password: "wrong password here"})
		if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
			t.Fatalf("no free slot: %d %q", rec.Code, rec.Header().Get("Retry-After"))
		}
	}
	if f.srv.checked.Load() != 0 {
		t.Fatal("a password was checked without a slot")
	}
	<-f.srv.checks
	// The seven unchecked attempts were not counted: five tries remain.
	for i := range 5 {
		if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: "wrong password here"}); rec.Code != http.StatusUnauthorized {
			t.Fatalf("attempt %d after the slot came free: %d", i, rec.Code)
		}
	}
	if rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword}); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("sixth: %d", rec.Code)
	}
	if len(f.srv.checks) != 0 {
		t.Fatal("a slot was not released")
	}
}

// Finding 8: the typed name is resolved to the officer id (with the
// comparison that finds the officer, strings.EqualFold) before anything is
// counted, so "evanſ" (long s) does not get a fresh counter for evans.
func TestSignInSpellingsShareOneCounter(t *testing.T) {
	f := newFixture(t, func(o *Options) {
		desk := strings.Replace(testDesk, "{id: bob, name: Bob Officer, email: bob@", "{id: evans, name: Eve Evans, email: evans@", 1)
		cfg, err := config.Parse([]byte(desk), filepath.Join(filepath.Dir(o.UsersFile), "desk.yaml"), config.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		o.Config = cfg
		if err := SetPassword(o.UsersFile, "evans", testPassword, bcrypt.MinCost); err != nil {
			t.Fatal(err)
		}
	})
	if !strings.EqualFold("evanſ", "evans") || strings.ToLower("evanſ") == "evans" {
		t.Fatal("the premise: EqualFold matches the long s, ToLower does not")
	}
	for i, name := range []string{"evans", "EVANS", "Evans", "evanS", "evanſ"} {
		if rec := f.post(f.loginFormToken(), signIn{user: name, password: "wrong password here"}); i < 5 && rec.Code != http.StatusUnauthorized {
			t.Fatalf("failure %d (%q): %d", i, name, rec.Code)
		}
	}
	for _, name := range []string{"evanſ", "EVANſ", "evans", "EVANS"} {
		if rec := f.post(f.loginFormToken(), signIn{user: name, password: testPassword}); rec.Code != http.StatusTooManyRequests {
			t.Errorf("%q with the right password after five failures: %d", name, rec.Code)
		}
	}
	// Unknown names fold the same way: no enumeration by the limiter.
	for range 5 {
		f.post(f.loginFormToken(), signIn{user: "ghoſt", password: "x", peer: "198.51.100.1"})
	}
	if rec := f.post(f.loginFormToken(), signIn{user: "GHOST", password: "x", peer: "198.51.100.1"}); rec.Code != http.StatusTooManyRequests {
		t.Errorf("unknown name in another spelling: %d", rec.Code)
	}
	// The canonical id is what the session holds.
	c := f.client()
	c.ip = "203.0.113.5"
	if rec := c.tryLogin("EVANſ", testPassword); rec.Code != http.StatusSeeOther {
		t.Fatalf("from another address: %d", rec.Code)
	}
	if se, err := f.srv.sessions.get(f.ctx, c.session()); err != nil || se.User != "evans" {
		t.Fatalf("session %+v %v", se, err)
	}
	if foldName("evanſ") != foldName("EVANS") || foldName("evans") == foldName("evan5") {
		t.Error("foldName")
	}
}

// The per-address counter sees an IPv6 client by its /64, which one host
// usually holds whole; IPv4 addresses (also when IPv4-mapped) as they are.
func TestLimitAddr(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.7":                  "192.0.2.7",
		"::ffff:192.0.2.7":           "192.0.2.7",
		"2001:db8:1:2:3:4:5:6":       "2001:db8:1:2::/64",
		"2001:db8:1:2:ffff:ffff:0:1": "2001:db8:1:2::/64",
		"not an address":             "not an address",
	} {
		if got := limitAddr(in); got != want {
			t.Errorf("limitAddr(%q) = %q, want %q", in, got, want)
		}
	}
}

// Finding 3: an unknown user is checked against a dummy hash of the cost
// the users file holds — for a file `mediadesk passwd` wrote (SetPassword
// with cost 0), PasswordCost — so it takes as long as a wrong password.
func TestDummyHashHasStoredCost(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users")
	p := passwords{&watchedFile{path: path, log: quietLogger(t), what: "users file"}}
	if _, cost := p.lookup("nobody"); cost != PasswordCost {
		t.Fatalf("no users file: dummy cost %d, want %d", cost, PasswordCost)
	}
	if err := SetPassword(path, "ann", testPassword, 0); err != nil { // as `mediadesk passwd` does
		t.Fatal(err)
	}
	stored, err := bcrypt.Cost(p.hash("ann"))
	if err != nil || stored != PasswordCost {
		t.Fatalf("passwd stores cost %d (%v), want %d", stored, err, PasswordCost)
	}
	_, cost := p.lookup("nobody")
	dummy, err := bcrypt.Cost(dummyHash(cost))
	if err != nil || dummy != stored {
		t.Fatalf("the dummy hash has cost %d (%v); passwd stores %d", dummy, err, stored)
	}
	// A file of another cost (the demo's) gets a dummy of that cost.
	if err := WriteUsers(path, []string{"ann", "bob", "meg"}, testPassword, bcrypt.MinCost+1); err != nil {
		t.Fatal(err)
	}
	if _, cost := p.lookup("nobody"); cost != bcrypt.MinCost+1 {
		t.Fatalf("dummy cost for a cost-%d file: %d", bcrypt.MinCost+1, cost)
	}
	if c, _ := bcrypt.Cost(dummyHash(bcrypt.MinCost + 1)); c != bcrypt.MinCost+1 {
		t.Fatalf("dummy hash cost %d", c)
	}
	// A line that is not a bcrypt hash is as good as no line.
	if err := os.WriteFile(path, []byte("bob:x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if p.hash("bob") != nil || p.verify("bob", "x") {
		t.Error("a malformed line was used as a hash")
	}
}

// Finding 5: a session is bound to the password it was signed in with;
// changing or deleting the password (`mediadesk passwd`, the users file
// re-read when it changes) ends it at the next request.
func TestSessionEndsWhenPasswordChangesOrGoes(t *testing.T) {
	f := newFixture(t)
	ann := f.client().loginAs("ann")
	ann2 := f.client().loginAs("ann") // another browser
	meg := f.client().loginAs("meg")
	users := f.srv.o.UsersFile
	// The password changes: both of ann's sessions end; meg's does not.
	if err := SetPassword(users, "ann", "a brand new password", bcrypt.MinCost); err != nil {
		t.Fatal(err)
	}
	if rec := ann.get("/queues/mine"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login") {
		t.Fatalf("ann's page after her password changed: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	if rec := ann2.do("GET", "/api/me", nil, nil); rec.Code != http.StatusUnauthorized {
		t.Fatalf("ann's other session on the API: %d", rec.Code)
	}
	if rec := ann2.post("/enquiries/"+f.plain("After", "ann")+"/note", url.Values{"text": {"x"}}); rec.Code == http.StatusOK || rec.Code == http.StatusSeeOther && !strings.HasPrefix(rec.Header().Get("Location"), "/login") {
		t.Fatalf("ann's other session acted: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	if keys, _ := f.rdb.Keys(f.ctx, "*session:*").Result(); len(keys) != 1 {
		t.Errorf("sessions left: %d, want meg's only", len(keys))
	}
	if rec := meg.get("/queues/mine"); rec.Code != 200 {
		t.Fatalf("meg: %d", rec.Code)
	}
	// The new password works.
	if rec := f.client().tryLogin("ann", "a brand new password"); rec.Code != http.StatusSeeOther {
		t.Fatalf("ann with the new password: %d", rec.Code)
	}
	// Deleted (mediadesk passwd --delete meg): her session ends at once,
	// and the session store (which the live stream re-checks) refuses it.
	if n, err := RemoveEntries(users, "meg"); err != nil || n != 1 {
		t.Fatalf("remove: %d %v", n, err)
	}
	if rec := meg.get("/queues/mine"); rec.Code != http.StatusSeeOther {
		t.Fatalf("meg after her password was deleted: %d", rec.Code)
	}
	if _, err := f.srv.sessions.get(f.ctx, meg.session()); err == nil {
		t.Fatal("the session store still returns meg's session")
	}
	// A session without a fingerprint (from before this check) is not
	// accepted either.
	se, err := f.srv.sessions.create(f.ctx, "bob")
	if err != nil {
		t.Fatal(err)
	}
	f.rdb.HDel(f.ctx, f.srv.sessions.redisKey(se.ID), "cred")
	if _, err := f.srv.sessions.get(f.ctx, se.ID); err == nil {
		t.Fatal("a session without a credential fingerprint was accepted")
	}
	// Nobody without a password gets a session.
	if _, err := f.srv.sessions.create(f.ctx, "meg"); err == nil {
		t.Fatal("a session was created for a user without a password")
	}
}

// Finding 6: the post-sign-in redirect accepts only a local path.
func TestSafeNext(t *testing.T) {
	for _, tc := range []struct{ next, want string }{
		{"/enquiries/TEST-2023-000001", "/enquiries/TEST-2023-000001"},
		{"/queues/mine?partial=1&x=a%20b", "/queues/mine?partial=1&x=a%20b"},
		{"/releases/fcdo-1#lines", "/releases/fcdo-1#lines"},
		{"/", "/"},
		{"", "/"},
		// Tab, CR, LF and other control characters (browsers drop some:
		// "/\t/evil" is "//evil").
		{"/\t/evil.example", "/"},
		{"/\t\t/evil.example/x", "/"},
		{"/\n/evil.example", "/"},
		{"/\r\n/evil.example", "/"},
		{"/queues\x00", "/"},
		{"/\x7f/evil.example", "/"},
		{"/\u0085/evil.example", "/"},
		{"/\u2028/evil.example", "/"},
		{"\t//evil.example", "/"},
		{" /queues/mine", "/"},
		// Backslashes.
		{"/\\evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"/\\/evil.example", "/"},
		{"/queues\\..\\x", "/"},
		// Percent-encoded forms.
		{"/%09/evil.example", "/"},
		{"/%0d%0a/evil.example", "/"},
		{"/%5cevil.example", "/"},
		{"/%5Cevil.example", "/"},
		{"/%2f%2fevil.example", "/"},
		{"/%2F/evil.example", "/"},
		{"%2f%2fevil.example", "/"},
		{"/%252f%252fevil.example", "/"},
		{"/%25252f%25252fevil.example", "/"},
		{"/%zz", "/"},
		{"/%00", "/"},
		// Absolute, scheme-relative and script URLs.
		{"//evil.example/x", "/"},
		{"///evil.example/x", "/"},
		{"https://evil.example/", "/"},
		{"http:evil.example", "/"},
		{"HTTPS://evil.example", "/"},
		{"javascript:alert(1)", "/"},
		{"JavaScript:alert(1)//", "/"},
		{"data:text/html,<script>alert(1)</script>", "/"},
		{"evil.example", "/"},
		{"queues/mine", "/"},
		{"@evil.example", "/"},
		{"/\xff\xfe", "/"},
		// The sign-in page is not a destination.
		{"/login", "/"},
		{"/login?next=//evil.example", "/"},
		{"/LOGIN", "/"},
		{"/%6cogin", "/"},
	} {
		if got := safeNext(tc.next); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.next, got, tc.want)
		}
	}
	// Through the form: a sign-in with next=/<tab>/evil lands on /.
	f := newFixture(t)
	rec := f.post(f.loginFormToken(), signIn{user: "ann", password: testPassword, next: "/\t/evil.example/"})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
		t.Fatalf("redirected to %q", rec.Header().Get("Location"))
	}
}
