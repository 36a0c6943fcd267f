package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

type loginData struct {
	Next    string
	User    string
	Error   string
	Notice  string
	Token   string
	NoUsers bool
}

// safeNext keeps a post-sign-in redirect on this site: it returns next
// when it is a plain local path ("/queues/mine?x=1"), else "/". Refused:
// anything with a scheme or host ("https://evil", "//evil",
// "javascript:…"); control characters (browsers drop tab, CR and LF, so
// "/\t/evil" becomes "//evil"); backslashes (browsers read "/\evil" as
// "//evil"); invalid UTF-8; and all of these percent-encoded ("/%2f%2fevil",
// "/%5cevil", "/%09/evil"), in case anything on the way decodes them.
// Sign-in pages themselves are not a destination.
func safeNext(next string) string {
	// The value and its decoded forms must all be local paths; a value
	// still encoded after two decodings is refused (nobody needs that).
	for d, i := next, 0; ; i++ {
		if !localPath(d) {
			return "/"
		}
		u, err := url.PathUnescape(d)
		if err != nil {
			return "/"
		}
		if u == d {
			break
		}
		if i == 2 {
			return "/"
		}
		d = u
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(strings.ToLower(u.Path), "/login") {
		return "/"
	}
	return next
}

// localPath is the syntactic check of safeNext on one form of the value.
func localPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || !utf8.ValidString(p) {
		return false
	}
	for _, r := range p {
		if r < 0x20 || r == 0x7f || r == '\\' || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

// loginPage shows the sign-in form with a fresh double-submit token (the
// form has no session to bind a token to).
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if u, err := s.authenticate(r); err == nil && u != nil && !u.Token {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	d := loginData{Next: safeNext(r.URL.Query().Get("next"))}
	switch r.URL.Query().Get("m") {
	case "out":
		d.Notice = "You have signed out."
	}
	s.renderLogin(w, r, http.StatusOK, d)
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, d loginData) {
	// Keep the token of a form already open (another tab, or a favicon
	// request that was sent here) so that form still works.
	if c, err := r.Cookie(s.cookieName(r, loginCookie)); err == nil && len(c.Value) == 43 && status == http.StatusOK {
		d.Token = c.Value
	} else {
		d.Token = randomToken(32)
	}
	d.NoUsers = s.o.UsersFile == ""
	s.setCookie(w, r, loginCookie, d.Token, 0)
	s.render(w, r, status, "login", &page{Title: "Sign in", Data: d})
}

// login checks the form: double-submit token and origin, then counts the
// attempt against the limits (before any password is checked, so parallel
// attempts cannot overtake the count), then checks the password in one of
// a few check slots. Every failure reads the same, whether or not the user
// exists.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := s.cop.Check(r); err != nil {
		s.errorPage(w, r, http.StatusForbidden, "cross-origin sign-in refused")
		return
	}
	_ = r.ParseForm()
	next := safeNext(r.PostFormValue("next"))
	name := strings.TrimSpace(r.PostFormValue("user"))
	password := r.PostFormValue("password")
	d := loginData{Next: next, User: name}
	c, err := r.Cookie(s.cookieName(r, loginCookie))
	form := r.PostFormValue("csrf")
	if err != nil || form == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(form)) != 1 {
		d.Error = "The sign-in form expired. Please try again."
		s.renderLogin(w, r, http.StatusForbidden, d)
		return
	}
	id, who := s.resolveUser(name)
	ip := s.clientAddr(r)
	ctx := r.Context()
	a, v, err := s.limiter.admit(ctx, who, ip)
	if err != nil {
		s.log.Error("sign-in rate limit", "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "sign-in is unavailable; try again shortly")
		return
	}
	if v != admitted {
		s.log.Warn("sign-in refused: too many failures", "user", logUser(id), "ip", ip, "limit", v.String())
		w.Header().Set("Retry-After", itoa(int(s.o.LoginWindow.Seconds())))
		d.Error = "Too many failed attempts. Wait " + s.o.LoginWindow.String() + " and try again, or ask an admin."
		s.renderLogin(w, r, http.StatusTooManyRequests, d)
		return
	}
	if s.admittedHook != nil {
		s.admittedHook()
	}
	ok, err := s.checkPassword(ctx, id, password)
	if err != nil {
		// Never checked: the attempt is given back.
		if err := s.limiter.refund(context.WithoutCancel(ctx), a); err != nil {
			s.log.Error("sign-in rate limit", "err", err)
		}
		s.log.Warn("sign-in refused: every password-check slot is busy", "user", logUser(id), "ip", ip)
		w.Header().Set("Retry-After", "5")
		d.Error = "Sign-in is busy. Please try again in a few seconds."
		s.renderLogin(w, r, http.StatusServiceUnavailable, d)
		return
	}
	if !ok {
		s.log.Info("sign-in failed", "user", logUser(id), "ip", ip)
		d.Error = "Wrong user or password."
		s.renderLogin(w, r, http.StatusUnauthorized, d)
		return
	}
	if err := s.limiter.succeeded(ctx, a); err != nil {
		s.log.Error("sign-in rate limit", "err", err)
	}
	// A new session id at every sign-in: no fixation.
	if old, err := r.Cookie(s.cookieName(r, sessionCookie)); err == nil {
		_ = s.sessions.destroy(ctx, old.Value)
	}
	se, err := s.sessions.create(ctx, id)
	if err != nil {
		s.log.Error("sign-in", "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "sign-in is unavailable; try again shortly")
		return
	}
	s.log.Info("signed in", "user", id, "ip", ip)
	s.setCookie(w, r, sessionCookie, se.ID, 0)
	s.setCookie(w, r, loginCookie, "", -1)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// resolveUser turns the typed name into the canonical officer id (""
// when it names nobody) and the key every sign-in counter uses: the id
// for an officer, else the typed name folded the same way (foldName), so
// every spelling strings.EqualFold accepts for a user shares its counters.
func (s *Server) resolveUser(name string) (id, key string) {
	for i := range s.cfg.Officers {
		if strings.EqualFold(s.cfg.Officers[i].ID, name) {
			id = s.cfg.Officers[i].ID
			return id, "officer:" + id
		}
	}
	return "", "name:" + foldName(name)
}

// errChecksBusy: no password-check slot came free in time.
var errChecksBusy = errors.New("every password-check slot is busy")

// checkPassword checks id's password (bcrypt) in one of the
// Options.LoginChecks slots, waiting at most Options.LoginCheckWait for
// one. An unknown id costs the same work as a wrong password.
func (s *Server) checkPassword(ctx context.Context, id, password string) (bool, error) {
	t := time.NewTimer(s.o.LoginCheckWait)
	defer t.Stop()
	select {
	case s.checks <- struct{}{}:
	case <-t.C:
		return false, errChecksBusy
	case <-ctx.Done():
		return false, errChecksBusy
	}
	defer func() { <-s.checks }()
	s.checked.Add(1)
	if len(password) > 1024 {
		return false, nil // bcrypt reads 72 bytes; this is not a password
	}
	ok := s.passwords.verify(id, password)
	return ok && id != "", nil
}

// logUser is what a sign-in log line says about who: an officer id, or
// "unknown" — never what was typed, which may be a password.
func logUser(id string) string {
	if id == "" {
		return "unknown"
	}
	return id
}

// logout ends the session (the route needs a session and its CSRF token).
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	if u != nil && u.session != nil {
		if err := s.sessions.destroy(r.Context(), u.session.ID); err != nil {
			s.log.Error("sign-out", "err", err)
		}
		s.log.Info("signed out", "user", u.ID)
	}
	s.setCookie(w, r, sessionCookie, "", -1)
	http.Redirect(w, r, "/login?m=out", http.StatusSeeOther)
}
