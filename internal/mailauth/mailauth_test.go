package mailauth

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
)

const testClientID = "11111111-2222-3333-4444-555555555555"

// tokenEndpoint is an httptest token endpoint that records each request's
// path and form and answers with reply.
type tokenEndpoint struct {
	*httptest.Server
	mu    sync.Mutex
	forms []url.Values
	paths []string
	reply func(n int) (int, string)
}

func newTokenEndpoint(t *testing.T, reply func(n int) (int, string)) *tokenEndpoint {
	t.Helper()
	e := &tokenEndpoint{reply: reply}
	e.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		e.mu.Lock()
		e.forms = append(e.forms, r.PostForm)
		e.paths = append(e.paths, r.URL.Path)
		n := len(e.forms)
		e.mu.Unlock()
		status, body := e.reply(n)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(e.Close)
	return e
}

func (e *tokenEndpoint) form(i int) url.Values {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.forms[i]
}

func okToken(n int) (int, string) {
	return 200, fmt.Sprintf(`{"access_token":"at-%d","token_type":"Bearer","expires_in":3599}`, n)
}

// TestMicrosoftClientSecret: the request is a client credentials grant to
// the tenant's v2.0 endpoint with the secret in the form and the Exchange
// Online scope.
func TestMicrosoftClientSecret(t *testing.T) {
	e := newTokenEndpoint(t, okToken)
	m := &Microsoft{Authority: e.URL, Tenant: "contoso.onmicrosoft.com", ClientID: testClientID,
		Secret: func() (string, error) { return "s3cret", nil }}
	tok, err := m.Fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "at-1" || time.Until(tok.Expiry) < 59*time.Minute {
		t.Errorf("token %q expiring %v", tok.AccessToken, tok.Expiry)
	}
	if p := e.paths[0]; p != "/contoso.onmicrosoft.com/oauth2/v2.0/token" {
		t.Errorf("path %s", p)
	}
	f := e.form(0)
	want := map[string]string{"grant_type": "client_credentials", "client_id": testClientID,
		"client_secret": "s3cret", "scope": "https://outlook.office365.com/.default"}
	for k, v := range want {
		if f.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, f.Get(k), v)
		}
	}
	if f.Has("client_assertion") {
		t.Error("a client assertion was sent with a secret")
	}
}

// testCert makes an RSA key and a self-signed certificate for it.
func testCert(t *testing.T) (*x509.Certificate, *rsa.PrivateKey, []byte, []byte) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "mediadesk"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	p8, _ := x509.MarshalPKCS8PrivateKey(key)
	return cert, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8})
}

// verifyJWT checks an RS256 JWT's signature and returns its header and
// claims.
func verifyJWT(t *testing.T, jwt string, pub *rsa.PublicKey) (map[string]any, map[string]any) {
	t.Helper()
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", jwt)
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig); err != nil {
		t.Fatalf("JWT signature: %v", err)
	}
	dec := func(s string) map[string]any {
		b, err := base64.RawURLEncoding.DecodeString(s)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	return dec(parts[0]), dec(parts[1])
}

// TestMicrosoftCertificate: with a certificate, the request carries a
// client assertion JWT (no secret) signed by the key, with the
// certificate's thumbprint, the token endpoint as audience and the client
// id as issuer and subject; each request gets a new one.
func TestMicrosoftCertificate(t *testing.T) {
	e := newTokenEndpoint(t, okToken)
	cert, key, certPEM, keyPEM := testCert(t)
	c, k, err := LoadCertificate(certPEM, keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	m := &Microsoft{Authority: e.URL + "/", Tenant: "0000aaaa-1111-2222-3333-444455556666", ClientID: testClientID,
		Certificate: c, Key: k, Clock: clock.NewFake(now)}
	for range 2 {
		if _, err := m.Fetch(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	f := e.form(0)
	if f.Get("grant_type") != "client_credentials" || f.Get("scope") != MicrosoftScope || f.Get("client_id") != testClientID {
		t.Errorf("form %v", f)
	}
	if f.Has("client_secret") {
		t.Error("client_secret sent with a certificate")
	}
	if got := f.Get("client_assertion_type"); got != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" {
		t.Errorf("client_assertion_type %q", got)
	}
	header, claims := verifyJWT(t, f.Get("client_assertion"), &key.PublicKey)
	s1 := sha1.Sum(cert.Raw)
	if header["alg"] != "RS256" || header["x5t"] != base64.RawURLEncoding.EncodeToString(s1[:]) {
		t.Errorf("header %v", header)
	}
	wantAud := e.URL + "/0000aaaa-1111-2222-3333-444455556666/oauth2/v2.0/token"
	if claims["aud"] != wantAud || claims["iss"] != testClientID || claims["sub"] != testClientID {
		t.Errorf("claims %v, want aud %s", claims, wantAud)
	}
	if exp := int64(claims["exp"].(float64)); exp <= now.Unix() || exp > now.Add(15*time.Minute).Unix() {
		t.Errorf("exp %d, now %d", exp, now.Unix())
	}
	if e.form(1).Get("client_assertion") == f.Get("client_assertion") {
		t.Error("a client assertion was reused")
	}
}

// TestLoadCertificate: a key that does not belong to the certificate, or a
// missing block, is refused with a reason; one file holding both works.
func TestLoadCertificate(t *testing.T) {
	_, _, certPEM, keyPEM := testCert(t)
	_, _, _, otherKey := testCert(t)
	if _, _, err := LoadCertificate(append(append([]byte{}, certPEM...), keyPEM...), append(append([]byte{}, certPEM...), keyPEM...)); err != nil {
		t.Errorf("combined file: %v", err)
	}
	for name, tc := range map[string]struct {
		cert, key []byte
		want      string
	}{
		"wrong key":      {certPEM, otherKey, "does not belong"},
		"no certificate": {keyPEM, keyPEM, "no PEM CERTIFICATE"},
		"no key":         {certPEM, certPEM, "no PEM PRIVATE KEY"},
		"encrypted":      {certPEM, pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: []byte{1}}), "encrypted keys are not supported"},
	} {
		if _, _, err := LoadCertificate(tc.cert, tc.key); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", name, err, tc.want)
		}
	}
}

// TestTokenEndpointRefusal: an OAuth2 error reply is ErrRefused with the
// provider's code and description and without the secret; a 5xx is
// transient.
func TestTokenEndpointRefusal(t *testing.T) {
	cases := []struct {
		status  int
		body    string
		refused bool
		want    string
	}{
		{401, `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}`, true, "AADSTS7000215"},
		{400, `{"error":"unauthorized_client","error_description":"Client is unauthorized to retrieve access tokens using this method"}`, true, "unauthorized_client"},
		{503, `upstream down`, false, "HTTP 503"},
		{429, `{"error":"throttled"}`, false, "HTTP 429"},
	}
	for _, tc := range cases {
		e := newTokenEndpoint(t, func(int) (int, string) { return tc.status, tc.body })
		m := &Microsoft{Authority: e.URL, Tenant: "contoso.com", ClientID: testClientID,
			Secret: func() (string, error) { return "s3cret-value", nil }}
		_, err := m.Fetch(context.Background())
		if err == nil {
			t.Fatalf("%d: no error", tc.status)
		}
		if errors.Is(err, ErrRefused) != tc.refused || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d: %v (refused %v, want %v and %q)", tc.status, err, errors.Is(err, ErrRefused), tc.refused, tc.want)
		}
		if strings.Contains(err.Error(), "s3cret-value") {
			t.Errorf("%d: the secret is in the error: %v", tc.status, err)
		}
	}
}

// TestGoogleServiceAccount: the request is a JWT bearer grant whose
// assertion, signed with the service account's key, names the service
// account as issuer, the mailbox as subject, the Gmail scope and the
// token URI from the key file as audience.
func TestGoogleServiceAccount(t *testing.T) {
	e := newTokenEndpoint(t, okToken)
	_, key, _, keyPEM := testCert(t)
	keyJSON, _ := json.Marshal(map[string]string{
		"type": "service_account", "project_id": "press", "private_key_id": "kid-1",
		"private_key": string(keyPEM), "client_email": "mediadesk@press.iam.gserviceaccount.com",
		"client_id": "1234", "token_uri": e.URL + "/token",
	})
	g := &Google{KeyJSON: func() ([]byte, error) { return keyJSON, nil }, Subject: "press@example.org"}
	tok, err := g.Fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "at-1" || tok.Expiry.IsZero() {
		t.Errorf("token %+v", tok)
	}
	f := e.form(0)
	if got := f.Get("grant_type"); got != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		t.Errorf("grant_type %q", got)
	}
	header, claims := verifyJWT(t, f.Get("assertion"), &key.PublicKey)
	if header["kid"] != "kid-1" {
		t.Errorf("header %v", header)
	}
	want := map[string]string{"iss": "mediadesk@press.iam.gserviceaccount.com", "sub": "press@example.org",
		"scope": "https://mail.google.com/", "aud": e.URL + "/token"}
	for k, v := range want {
		if claims[k] != v {
			t.Errorf("claim %s = %v, want %q", k, claims[k], v)
		}
	}
}

// TestTokensCache: a token is reused until RefreshBefore its expiry (half
// its life when shorter); Invalidate drops only the token it names.
func TestTokensCache(t *testing.T) {
	fc := clock.NewFake(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
	life := time.Hour
	n := 0
	src := FetcherFunc(func(context.Context) (*oauth2.Token, error) {
		n++
		return &oauth2.Token{AccessToken: fmt.Sprint("t", n), Expiry: fc.Now().Add(life)}, nil
	})
	tk := NewTokens(src, 5*time.Minute, fc)
	ctx := context.Background()
	get := func() (string, bool) {
		t.Helper()
		tok, fresh, err := tk.Token(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return tok.AccessToken, fresh
	}
	steps := []struct {
		advance   time.Duration
		want      string
		wantFresh bool
	}{
		{0, "t1", true},
		{30 * time.Minute, "t1", false},
		{24 * time.Minute, "t1", false}, // 6 minutes left
		{2 * time.Minute, "t2", true},   // 4 minutes left: replaced
	}
	for i, s := range steps {
		fc.Advance(s.advance)
		if got, fresh := get(); got != s.want || fresh != s.wantFresh {
			t.Errorf("step %d: %s fresh=%v, want %s fresh=%v", i, got, fresh, s.want, s.wantFresh)
		}
	}
	old := &oauth2.Token{AccessToken: "t1"}
	tk.Invalidate(old) // not the cached one any more
	if got, _ := get(); got != "t2" {
		t.Errorf("invalidating an older token dropped %s", got)
	}
	tok, _, _ := tk.Token(ctx)
	tk.Invalidate(tok)
	if got, fresh := get(); got != "t3" || !fresh {
		t.Errorf("after Invalidate: %s fresh=%v", got, fresh)
	}
	// A 10-second token is replaced after 5 s, not used until 5 minutes
	// before expiry (which would be never).
	life = 10 * time.Second
	tk.Invalidate(&oauth2.Token{AccessToken: "t3"})
	get()
	fc.Advance(4 * time.Second)
	if got, fresh := get(); got != "t4" || fresh {
		t.Errorf("short token at 4s: %s fresh=%v", got, fresh)
	}
	fc.Advance(2 * time.Second)
	if got, fresh := get(); got != "t5" || !fresh {
		t.Errorf("short token at 6s: %s fresh=%v", got, fresh)
	}
	if tk.Fetches() != 5 {
		t.Errorf("%d fetches", tk.Fetches())
	}
}

// TestParseToken: the output formats of token commands and files.
func TestParseToken(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	jwtExp := func(exp int64) string {
		c, _ := json.Marshal(map[string]any{"exp": exp})
		return "eyJhbGciOiJub25lIn0." + base64.RawURLEncoding.EncodeToString(c) + ".sig"
	}
	cases := []struct {
		name, in  string
		token     string
		expiry    time.Time
		wantError string
	}{
		{"bare", "ya29.abc\n", "ya29.abc", now.Add(DefaultAssumedLifetime), ""},
		{"json expires_in", `{"access_token":"x1","expires_in":3600}`, "x1", now.Add(time.Hour), ""},
		{"json expires_in string", `{"access_token":"x1","expires_in":"120"}`, "x1", now.Add(2 * time.Minute), ""},
		{"json expires_on", `{"accessToken":"x2","expires_on":1767261600}`, "x2", time.Unix(1767261600, 0), ""},
		{"json expiry", `{"access_token":"x3","expiry":"2026-01-01T10:00:00Z"}`, "x3", now.Add(time.Hour), ""},
		{"jwt exp", jwtExp(now.Add(50 * time.Minute).Unix()), jwtExp(now.Add(50 * time.Minute).Unix()), now.Add(50 * time.Minute), ""},
		{"empty", "  \n", "", time.Time{}, "no token"},
		{"two lines", "a\nb\n", "", time.Time{}, "neither one token"},
		{"json without token", `{"token":"x"}`, "", time.Time{}, "no access_token"},
		{"broken json", `{"access_token":`, "", time.Time{}, "not"},
		{"control chars", `{"access_token":"a\u0001b"}`, "", time.Time{}, "control characters"},
		{"bad expires_in", `{"access_token":"x","expires_in":"soon"}`, "", time.Time{}, "expires_in"},
	}
	for _, tc := range cases {
		tok, err := ParseToken([]byte(tc.in), now, 0)
		if tc.wantError != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantError) {
				t.Errorf("%s: got %v, want error %q", tc.name, err, tc.wantError)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if tok.AccessToken != tc.token || !tok.Expiry.Equal(tc.expiry) {
			t.Errorf("%s: %q %v, want %q %v", tc.name, tok.AccessToken, tok.Expiry, tc.token, tc.expiry)
		}
	}
}

// TestCommandAndFile: a token command's JSON is read; a failing command's
// error carries its exit status and first stderr line; a token file is
// re-read every time and a stale one is an error.
func TestCommandAndFile(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "tok")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nif [ \"$1\" = fail ]; then echo 'consent missing' >&2; exit 3; fi\necho '{\"access_token\":\"cmd-'$1'\",\"expires_in\":60}'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tok, err := (&Command{Argv: []string{script, "press"}}).Fetch(context.Background())
	if err != nil || tok.AccessToken != "cmd-press" || time.Until(tok.Expiry) > time.Minute {
		t.Fatalf("command: %v %v", tok, err)
	}
	_, err = (&Command{Argv: []string{script, "fail"}}).Fetch(context.Background())
	if err == nil || !strings.Contains(err.Error(), "exit status 3") || !strings.Contains(err.Error(), "consent missing") {
		t.Errorf("failing command: %v", err)
	}
	path := filepath.Join(dir, "token.json")
	f := &File{Path: path}
	for _, v := range []string{"one", "two"} {
		if err := os.WriteFile(path, []byte(`{"access_token":"`+v+`","expires_in":300}`), 0o600); err != nil {
			t.Fatal(err)
		}
		tok, err := f.Fetch(context.Background())
		if err != nil || tok.AccessToken != v {
			t.Fatalf("file: %v %v", tok, err)
		}
	}
	os.WriteFile(path, []byte(`{"access_token":"old","expiry":"2020-01-01T00:00:00Z"}`), 0o600)
	if _, err := f.Fetch(context.Background()); err == nil || !strings.Contains(err.Error(), "expired") {
		t.Errorf("stale file: %v", err)
	}
}

// TestSASLRoundTrip: the XOAUTH2 and OAUTHBEARER clients against their
// servers: a good token passes; a bad one gets the server's error
// challenge, which the client keeps for the report and returns as its
// error (abandoning the exchange).
func TestSASLRoundTrip(t *testing.T) {
	check := func(user, token string) error {
		if user == "press@example.org" && token == "good" {
			return nil
		}
		return errors.New("invalid token")
	}
	for _, mech := range []string{XOAuth2, OAuthBearer} {
		for _, token := range []string{"good", "bad"} {
			var c TokenClient
			if mech == XOAuth2 {
				c = NewXOAuth2Client("press@example.org", token)
			} else {
				c = NewOAuthBearerClient("press@example.org", token, "imap.example.org", 993)
			}
			srv := NewXOAuth2Server(check)
			if mech == OAuthBearer {
				srv = NewOAuthBearerServer(check)
			}
			m, ir, err := c.Start()
			if err != nil || m != mech {
				t.Fatalf("%s start: %s %v", mech, m, err)
			}
			chal, done, err := srv.Next(ir)
			if token == "good" {
				if err != nil || !done || c.Refusal() != nil {
					t.Errorf("%s good: done=%v err=%v", mech, done, err)
				}
				continue
			}
			if done || err != nil {
				t.Fatalf("%s bad: want an error challenge, got done=%v err=%v", mech, done, err)
			}
			var se *ServerError
			if _, err := c.Next(chal); !errors.As(err, &se) || se.Status == "" {
				t.Errorf("%s bad: Next = %v, want the server's error", mech, err)
			}
			if c.Refusal() == nil || c.Refusal().Status == "" {
				t.Errorf("%s bad: refusal not kept", mech)
			}
		}
	}
	if _, _, err := parseXOAuth2([]byte("user=a\x01auth=Basic x\x01\x01")); err == nil {
		t.Error("a Basic credential was accepted as XOAUTH2")
	}
}

// TestNewSet: one Auth per account from the config; password accounts
// keep their password; a broken key file fails with its key path.
func TestNewSet(t *testing.T) {
	dir := t.TempDir()
	_, _, certPEM, keyPEM := testCert(t)
	os.WriteFile(filepath.Join(dir, "cert.pem"), certPEM, 0o600)
	os.WriteFile(filepath.Join(dir, "key.pem"), keyPEM, 0o600)
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"type":"authorized_user"}`), 0o600)
	cfg := &config.Config{Dir: dir,
		Mailboxes: []config.Mailbox{
			{ID: "pw", Username: "desk", PasswordEnv: "PW"},
			{ID: "ms", Username: "press@contoso.com", Auth: config.MailAuth{Method: "xoauth2", Provider: "microsoft",
				Tenant: "contoso.com", ClientID: testClientID, CertificateFile: "cert.pem", KeyFile: "key.pem"}},
		},
		SMTP: config.SMTP{Username: "press@contoso.com", Auth: config.MailAuth{Method: "oauthbearer", Provider: "token_file", TokenFile: "tok"}},
	}
	set, err := NewSet(cfg, Options{Secret: func(n string) string { return map[string]string{"PW": "pw!"}[n] }})
	if err != nil {
		t.Fatal(err)
	}
	if a := set.Mailbox("pw"); a.IsOAuth() || a.Secret() != "pw!" {
		t.Errorf("password mailbox %+v", a)
	}
	if a := set.Mailbox("ms"); a.Mechanism != XOAuth2 || !strings.Contains(a.Source, "contoso.com") {
		t.Errorf("microsoft mailbox %+v", a)
	}
	if a := set.SMTP(); a.Mechanism != OAuthBearer {
		t.Errorf("smtp %+v", a)
	}
	cfg.Mailboxes[1].Auth = config.MailAuth{Method: "xoauth2", Provider: "google", ServiceAccountFile: "bad.json"}
	if err := Check(cfg); err == nil || !strings.Contains(err.Error(), "mailboxes[1] (ms).auth: service_account_file bad.json") {
		t.Errorf("bad key: %v", err)
	}
}

// FetcherFunc adapts a function to Fetcher.
type FetcherFunc func(ctx context.Context) (*oauth2.Token, error)

// Fetch calls f.
func (f FetcherFunc) Fetch(ctx context.Context) (*oauth2.Token, error) { return f(ctx) }
