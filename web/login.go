package web

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

type loginData struct {
	Next    string
	User    string
	Error   string
	Notice  string
	Token   string
	NoUsers bool
}

// safeNext keeps a post-sign-in redirect on this site: a path, not
// "//host" or "/\host".
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n") || strings.HasPrefix(next, "/login") {
		return "/"
	}
	return next
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

// login checks the form: double-submit token and origin, the rate limit,
// then the password. Every failure reads the same, whether or not the
// user exists.
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
	// Officer ids are matched case-insensitively; the canonical id is the
	// config's.
	id := ""
	for i := range s.cfg.Officers {
		if strings.EqualFold(s.cfg.Officers[i].ID, name) {
			id = s.cfg.Officers[i].ID
		}
	}
	ip := clientIP(r)
	ctx := r.Context()
	blocked, err := s.limiter.blocked(ctx, name, ip)
	if err != nil {
		s.log.Error("sign-in rate limit", "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "sign-in is unavailable; try again shortly")
		return
	}
	if blocked {
		s.log.Warn("sign-in refused: too many failures", "user", logUser(id), "ip", ip)
		w.Header().Set("Retry-After", itoa(int(s.o.LoginWindow.Seconds())))
		d.Error = "Too many failed attempts. Wait " + s.o.LoginWindow.String() + " and try again, or ask an admin."
		s.renderLogin(w, r, http.StatusTooManyRequests, d)
		return
	}
	if len(password) > 1024 || !s.passwords.verify(id, password) || id == "" {
		if err := s.limiter.fail(ctx, name, ip); err != nil {
			s.log.Error("sign-in rate limit", "err", err)
		}
		s.log.Info("sign-in failed", "user", logUser(id), "ip", ip)
		d.Error = "Wrong user or password."
		s.renderLogin(w, r, http.StatusUnauthorized, d)
		return
	}
	_ = s.limiter.reset(ctx, name, ip)
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
