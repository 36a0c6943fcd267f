package mailauth

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/google"

	"github.com/mediadesk/mediadesk/internal/clock"
)

// Default scopes for the providers.
const (
	// MicrosoftScope is Exchange Online's scope for IMAP and SMTP with
	// application permissions (IMAP.AccessAsApp, SMTP.SendAsApp).
	MicrosoftScope = "https://outlook.office365.com/.default"
	// GoogleScope is Gmail's full-access scope, the one IMAP and SMTP
	// accept.
	GoogleScope = "https://mail.google.com/"
	// MicrosoftAuthority is the Entra ID (Azure AD) sign-in host of the
	// global cloud.
	MicrosoftAuthority = "https://login.microsoftonline.com"
)

// Microsoft fetches app-only tokens from the Microsoft identity platform
// with the client credentials grant, for a shared mailbox that the app
// registration has been given access to (see docs/oauth2.md). The client
// proves itself with a secret, or with a certificate: a client assertion
// JWT signed with its private key, made fresh for every request.
type Microsoft struct {
	// Authority is the sign-in host (default MicrosoftAuthority); Tenant
	// the directory (tenant) id or a verified domain.
	Authority, Tenant string
	ClientID          string
	// Secret returns the client secret (read when needed, so a rotated
	// secret is picked up); nil when a certificate is used.
	Secret func() (string, error)
	// Certificate and Key sign client assertions when Secret is nil.
	Certificate *x509.Certificate
	Key         *rsa.PrivateKey
	Scopes      []string
	HTTPClient  *http.Client
	Clock       clock.Clock
}

// TokenURL is the tenant's v2.0 token endpoint.
func (m *Microsoft) TokenURL() string {
	a := m.Authority
	if a == "" {
		a = MicrosoftAuthority
	}
	return strings.TrimRight(a, "/") + "/" + url.PathEscape(m.Tenant) + "/oauth2/v2.0/token"
}

// Fetch implements Fetcher.
func (m *Microsoft) Fetch(ctx context.Context) (*oauth2.Token, error) {
	cc := clientcredentials.Config{
		ClientID: m.ClientID, TokenURL: m.TokenURL(), Scopes: scopesOr(m.Scopes, MicrosoftScope),
		AuthStyle: oauth2.AuthStyleInParams,
	}
	if m.Secret != nil {
		s, err := m.Secret()
		if err != nil {
			return nil, fmt.Errorf("microsoft client secret: %w", err)
		}
		cc.ClientSecret = s
	} else {
		jwt, err := m.assertion()
		if err != nil {
			return nil, err
		}
		cc.EndpointParams = url.Values{
			"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
			"client_assertion":      {jwt},
		}
	}
	tok, err := cc.Token(withHTTPClient(ctx, m.HTTPClient))
	if err != nil {
		return nil, classify("microsoft token for client "+m.ClientID, err)
	}
	return tok, nil
}

// assertion is the client assertion JWT Entra ID accepts for certificate
// credentials: RS256, the certificate's SHA-1 thumbprint as x5t (and the
// SHA-256 one as x5t#S256), audience the token endpoint, issuer and
// subject the client id, valid for ten minutes.
func (m *Microsoft) assertion() (string, error) {
	if m.Certificate == nil || m.Key == nil {
		return "", errors.New("microsoft: neither a client secret nor a certificate and key")
	}
	c := m.Clock
	if c == nil {
		c = clock.Real{}
	}
	now := c.Now()
	s1 := sha1.Sum(m.Certificate.Raw)
	s256 := sha256.Sum256(m.Certificate.Raw)
	header := map[string]string{
		"alg": "RS256", "typ": "JWT",
		"x5t":      base64.RawURLEncoding.EncodeToString(s1[:]),
		"x5t#S256": base64.RawURLEncoding.EncodeToString(s256[:]),
	}
	jti := make([]byte, 16)
	if _, err := rand.Read(jti); err != nil {
		return "", err
	}
	claims := map[string]any{
		"aud": m.TokenURL(), "iss": m.ClientID, "sub": m.ClientID, "jti": hex.EncodeToString(jti),
		"nbf": now.Add(-time.Minute).Unix(), "iat": now.Unix(), "exp": now.Add(10 * time.Minute).Unix(),
	}
	return signRS256(header, claims, m.Key)
}

func signRS256(header map[string]string, claims map[string]any, key *rsa.PrivateKey) (string, error) {
	h, err := json.Marshal(header)
	if err != nil {
		return "", err
	}
	cl, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	signing := base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(cl)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("signing the client assertion: %w", err)
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}

// LoadCertificate reads a PEM certificate and its RSA private key (PKCS #1
// or #8, unencrypted). keyPEM may be the same bytes as certPEM (one file
// holding both). The key must match the certificate.
func LoadCertificate(certPEM, keyPEM []byte) (*x509.Certificate, *rsa.PrivateKey, error) {
	var cert *x509.Certificate
	for rest := certPEM; ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type == "CERTIFICATE" {
			c, err := x509.ParseCertificate(b.Bytes)
			if err != nil {
				return nil, nil, fmt.Errorf("certificate: %w", err)
			}
			cert = c
			break
		}
	}
	if cert == nil {
		return nil, nil, errors.New("certificate: no PEM CERTIFICATE block")
	}
	var key *rsa.PrivateKey
	for rest := keyPEM; key == nil; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		switch b.Type {
		case "RSA PRIVATE KEY":
			k, err := x509.ParsePKCS1PrivateKey(b.Bytes)
			if err != nil {
				return nil, nil, fmt.Errorf("private key: %w", err)
			}
			key = k
		case "PRIVATE KEY":
			k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
			if err != nil {
				return nil, nil, fmt.Errorf("private key: %w", err)
			}
			rk, ok := k.(*rsa.PrivateKey)
			if !ok {
				return nil, nil, fmt.Errorf("private key: %T; Entra ID client assertions need an RSA key", k)
			}
			key = rk
		case "ENCRYPTED PRIVATE KEY":
			return nil, nil, errors.New("private key: encrypted keys are not supported; store it unencrypted with permissions 0600")
		}
	}
	if key == nil {
		return nil, nil, errors.New("private key: no PEM PRIVATE KEY or RSA PRIVATE KEY block")
	}
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok || !pub.Equal(&key.PublicKey) {
		return nil, nil, errors.New("the private key does not belong to the certificate")
	}
	return cert, key, nil
}

// Google fetches tokens for a Google Workspace mailbox with a service
// account that has domain-wide delegation: a JWT bearer grant signed with
// the service account's key, impersonating Subject (the mailbox).
type Google struct {
	// KeyJSON returns the service account's JSON key (read when needed, so
	// a rotated key is picked up).
	KeyJSON    func() ([]byte, error)
	Subject    string
	Scopes     []string
	HTTPClient *http.Client
}

// Fetch implements Fetcher.
func (g *Google) Fetch(ctx context.Context) (*oauth2.Token, error) {
	key, err := g.KeyJSON()
	if err != nil {
		return nil, fmt.Errorf("google service account key: %w", err)
	}
	conf, err := google.JWTConfigFromJSON(key, scopesOr(g.Scopes, GoogleScope)...)
	if err != nil {
		return nil, fmt.Errorf("google service account key: %w", err)
	}
	conf.Subject = g.Subject
	tok, err := conf.TokenSource(withHTTPClient(ctx, g.HTTPClient)).Token()
	if err != nil {
		return nil, classify("google token for "+g.Subject+" as "+conf.Email, err)
	}
	return tok, nil
}

// Command runs a program that prints an access token: either the bare
// token on one line, or a JSON object with access_token and, optionally,
// expires_in (seconds), expires_on (Unix seconds) or expiry / expires_at
// (RFC 3339). A token without a stated expiry is taken to live
// AssumedLifetime (default 10 minutes) unless it is a JWT with an exp
// claim. The program gets no stdin; it must finish within Timeout
// (default 30s). Its stdout is never logged.
type Command struct {
	Argv            []string
	Dir             string
	Timeout         time.Duration
	AssumedLifetime time.Duration
	Clock           clock.Clock
}

// Fetch implements Fetcher.
func (c *Command) Fetch(ctx context.Context) (*oauth2.Token, error) {
	if len(c.Argv) == 0 {
		return nil, errors.New("token_command is empty")
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.Argv[0], c.Argv[1:]...)
	cmd.Dir = c.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := firstLine(stderr.String())
		if msg != "" {
			msg = ": " + printable(clip(msg, 200))
		}
		return nil, fmt.Errorf("token_command %s: %w%s", c.Argv[0], err, msg)
	}
	tok, err := ParseToken(stdout.Bytes(), now(c.Clock), c.AssumedLifetime)
	if err != nil {
		return nil, fmt.Errorf("token_command %s: %w", c.Argv[0], err)
	}
	return tok, nil
}

// File reads an access token kept current by another program (an agent
// or sidecar), in the same formats as Command, every time a token is
// needed.
type File struct {
	Path            string
	AssumedLifetime time.Duration
	Clock           clock.Clock
}

// Fetch implements Fetcher.
func (f *File) Fetch(context.Context) (*oauth2.Token, error) {
	b, err := os.ReadFile(f.Path)
	if err != nil {
		return nil, fmt.Errorf("token_file: %w", err)
	}
	tok, err := ParseToken(b, now(f.Clock), f.AssumedLifetime)
	if err != nil {
		return nil, fmt.Errorf("token_file %s: %w", f.Path, err)
	}
	if !tok.Expiry.IsZero() && !tok.Expiry.After(now(f.Clock)) {
		return nil, fmt.Errorf("token_file %s: the token in it expired at %s; whatever keeps it current has stopped", f.Path, tok.Expiry.Format(time.RFC3339))
	}
	return tok, nil
}

// DefaultAssumedLifetime is how long a token of unknown lifetime is reused.
const DefaultAssumedLifetime = 10 * time.Minute

// ParseToken reads a token printed by a command or kept in a file: a JSON
// object with access_token (and an optional expiry), or the bare token.
func ParseToken(b []byte, now time.Time, assumed time.Duration) (*oauth2.Token, error) {
	if assumed <= 0 {
		assumed = DefaultAssumedLifetime
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		return nil, errors.New("no token in the output")
	}
	tok := &oauth2.Token{TokenType: "Bearer"}
	if strings.HasPrefix(s, "{") {
		var j struct {
			AccessToken    string          `json:"access_token"`
			AccessTokenAlt string          `json:"accessToken"` // az account get-access-token
			ExpiresIn      json.RawMessage `json:"expires_in"`
			ExpiresOn      json.RawMessage `json:"expires_on"`
			Expiry         string          `json:"expiry"`
			ExpiresAt      string          `json:"expires_at"`
		}
		if err := json.Unmarshal([]byte(s), &j); err != nil {
			return nil, fmt.Errorf("the output looks like JSON but is not: %v", err)
		}
		tok.AccessToken = j.AccessToken
		if tok.AccessToken == "" {
			tok.AccessToken = j.AccessTokenAlt
		}
		if tok.AccessToken == "" {
			return nil, errors.New("the JSON has no access_token")
		}
		switch {
		case len(j.ExpiresIn) > 0:
			n, err := jsonNumber(j.ExpiresIn)
			if err != nil {
				return nil, fmt.Errorf("expires_in: %v", err)
			}
			tok.Expiry = now.Add(time.Duration(n) * time.Second)
		case len(j.ExpiresOn) > 0:
			n, err := jsonNumber(j.ExpiresOn)
			if err != nil {
				return nil, fmt.Errorf("expires_on: %v", err)
			}
			tok.Expiry = time.Unix(n, 0)
		case j.Expiry != "" || j.ExpiresAt != "":
			v := j.Expiry
			if v == "" {
				v = j.ExpiresAt
			}
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return nil, fmt.Errorf("expiry %q is not an RFC 3339 time", v)
			}
			tok.Expiry = t
		}
	} else {
		if strings.ContainsAny(s, " \t\r\n") {
			return nil, errors.New("the output is neither one token on one line nor a JSON object")
		}
		tok.AccessToken = s
	}
	if strings.ContainsAny(tok.AccessToken, " \x00\x01\r\n") {
		return nil, errors.New("the access token holds spaces or control characters")
	}
	if tok.Expiry.IsZero() {
		if exp, ok := jwtExpiry(tok.AccessToken); ok {
			tok.Expiry = exp
		} else {
			tok.Expiry = now.Add(assumed)
		}
	}
	return tok, nil
}

// jwtExpiry reads the exp claim of a JWT without verifying it (the server
// verifies; this only says when to fetch a new one).
func jwtExpiry(tok string) (time.Time, bool) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	b, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return time.Time{}, false
	}
	var c struct {
		Exp json.Number `json:"exp"`
	}
	if json.Unmarshal(b, &c) != nil || c.Exp == "" {
		return time.Time{}, false
	}
	n, err := c.Exp.Int64()
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	return time.Unix(n, 0), true
}

// jsonNumber reads a number or a numeric string.
func jsonNumber(raw json.RawMessage) (int64, error) {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 || n > 1e12 {
		return 0, fmt.Errorf("%s is not a number of seconds", clip(string(raw), 40))
	}
	return int64(n), nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func now(c clock.Clock) time.Time {
	if c == nil {
		return time.Now()
	}
	return c.Now()
}

func scopesOr(s []string, def string) []string {
	if len(s) > 0 {
		return s
	}
	return []string{def}
}

// withHTTPClient makes the oauth2 package use hc (default: a 30 s timeout).
func withHTTPClient(ctx context.Context, hc *http.Client) context.Context {
	if hc == nil {
		hc = defaultHTTPClient
	}
	return context.WithValue(ctx, oauth2.HTTPClient, hc)
}

var defaultHTTPClient = &http.Client{Timeout: 30 * time.Second}

// errorFromBody reads RFC 6749's error and error_description from a token
// endpoint's reply body.
func errorFromBody(body []byte) (code, desc string) {
	var e struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &e) == nil {
		return e.Error, e.Description
	}
	return "", ""
}
