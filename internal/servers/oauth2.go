package servers

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// TokenServer is a throwaway OAuth2 authorization server on a loopback port,
// for testing OAuth2 mailboxes against a real Dovecot. It issues bearer
// tokens to a client credentials request on any path ending in /token (so
// the Microsoft provider can use it as its authority) and answers RFC 7662
// introspection at /introspect the way Dovecot's oauth2 passdb asks (see
// DovecotOptions.OAuth2IntrospectionURL): {"active": true, "username": U}
// for a token it issued that has neither expired nor been revoked, and
// {"active": false} otherwise.
type TokenServer struct {
	// URL is the server's base URL, http://127.0.0.1:<port>.
	URL string
	// Username is the mail user every token is for.
	Username string

	srv *http.Server
	ln  net.Listener

	mu       sync.Mutex
	lifetime time.Duration
	tokens   map[string]*issuedToken
	order    []string
	refuse   bool // refuse every introspection (a revoked grant)
	failNext int  // refuse this many token requests with invalid_client
	requests int  // token requests
	checks   []Introspection
}

type issuedToken struct {
	expiry  time.Time
	revoked bool
}

// Introspection is one introspection request and its answer.
type Introspection struct {
	At     time.Time
	Token  string
	Active bool
}

// StartTokenServer listens on a free loopback port. Tokens live lifetime
// (default one hour) unless changed with SetLifetime.
func StartTokenServer(username string, lifetime time.Duration) (*TokenServer, error) {
	if lifetime <= 0 {
		lifetime = time.Hour
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("token server: %w", err)
	}
	s := &TokenServer{URL: "http://" + ln.Addr().String(), Username: username, ln: ln,
		lifetime: lifetime, tokens: map[string]*issuedToken{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /introspect", s.introspect)
	mux.HandleFunc("POST /", s.token)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// IntrospectionURL is the URL to give Dovecot.
func (s *TokenServer) IntrospectionURL() string { return s.URL + "/introspect" }

// Close stops the server.
func (s *TokenServer) Close() error { return s.srv.Close() }

// SetLifetime sets the lifetime of tokens issued from now on.
func (s *TokenServer) SetLifetime(d time.Duration) {
	s.mu.Lock()
	s.lifetime = d
	s.mu.Unlock()
}

// Issue makes a token directly (as the token endpoint would).
func (s *TokenServer) Issue() (token string, expiry time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issueLocked()
}

func (s *TokenServer) issueLocked() (string, time.Time) {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	tok := "tok-" + hex.EncodeToString(b)
	exp := time.Now().Add(s.lifetime)
	s.tokens[tok] = &issuedToken{expiry: exp}
	s.order = append(s.order, tok)
	return tok, exp
}

// Revoke makes an issued token inactive.
func (s *TokenServer) Revoke(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.tokens[token]; t != nil {
		t.revoked = true
	}
}

// RefuseAll makes every token inactive, issued or yet to be (a grant that
// was revoked: the app still gets tokens, the mail server refuses them).
func (s *TokenServer) RefuseAll(on bool) {
	s.mu.Lock()
	s.refuse = on
	s.mu.Unlock()
}

// FailTokenRequests makes the next n token requests fail with an OAuth2
// invalid_client error.
func (s *TokenServer) FailTokenRequests(n int) {
	s.mu.Lock()
	s.failNext = n
	s.mu.Unlock()
}

// Issued lists the tokens issued, oldest first.
func (s *TokenServer) Issued() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.order...)
}

// TokenRequests counts requests to the token endpoint.
func (s *TokenServer) TokenRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// Introspections lists the introspection requests answered so far.
func (s *TokenServer) Introspections() []Introspection {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Introspection(nil), s.checks...)
}

func (s *TokenServer) token(w http.ResponseWriter, r *http.Request) {
	if !strings.HasSuffix(r.URL.Path, "/token") {
		http.NotFound(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid_request"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	if s.failNext > 0 {
		s.failNext--
		writeJSON(w, http.StatusUnauthorized, map[string]any{"error": "invalid_client",
			"error_description": "the test token server refuses this client"})
		return
	}
	if g := r.PostForm.Get("grant_type"); g != "client_credentials" && g != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "unsupported_grant_type"})
		return
	}
	tok, exp := s.issueLocked()
	secs := int(time.Until(exp).Round(time.Second) / time.Second)
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": secs})
}

func (s *TokenServer) introspect(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid_request"})
		return
	}
	tok := r.PostForm.Get("token")
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tokens[tok]
	active := t != nil && !t.revoked && !s.refuse && time.Now().Before(t.expiry)
	s.checks = append(s.checks, Introspection{At: time.Now(), Token: tok, Active: active})
	if !active {
		writeJSON(w, http.StatusOK, map[string]any{"active": false})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"active": true, "username": s.Username})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
