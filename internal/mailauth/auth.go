// Package mailauth owns how mediadesk signs in to mail servers: a password
// (IMAP LOGIN, SMTP AUTH PLAIN or LOGIN) or an OAuth2 bearer token over the
// SASL mechanisms XOAUTH2 and OAUTHBEARER, for Microsoft 365 and Google
// Workspace mailboxes that refuse passwords.
//
// Tokens come from a Fetcher — the Microsoft identity platform's client
// credentials grant (a secret or a certificate), a Google service account
// with domain-wide delegation, a command, or a file — and are cached per
// account by Tokens until shortly before they expire. A token the server
// refuses is dropped from the cache, so the next login fetches a new one.
//
// The IMAP workers (inbox.Dialer), the Sent-folder watcher and the SMTP
// sender (outbound) take an *Auth; NewSet builds one per configured
// account so every folder of a mailbox shares one token.
package mailauth

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
)

// Auth is how one account (a mailbox, or the SMTP server) signs in.
type Auth struct {
	// Username is the login name (the mailbox address for OAuth2).
	Username string
	// Mechanism is "" for a password, else XOAuth2 or OAuthBearer.
	Mechanism string
	// Tokens supplies bearer tokens (OAuth2 only).
	Tokens *Tokens
	// Source describes where tokens come from, for messages ("microsoft
	// tenant contoso.onmicrosoft.com, client 1234…").
	Source string

	password string
}

// Password returns an Auth that logs in with a password.
func Password(username, password string) *Auth {
	return &Auth{Username: username, password: password}
}

// OAuth returns an Auth that logs in with bearer tokens from tokens over
// mechanism (XOAuth2 or OAuthBearer).
func OAuth(username, mechanism string, tokens *Tokens, source string) *Auth {
	return &Auth{Username: username, Mechanism: mechanism, Tokens: tokens, Source: source}
}

// IsOAuth reports whether a logs in with tokens.
func (a *Auth) IsOAuth() bool { return a != nil && a.Mechanism != "" }

// Secret returns the password (password logins only). Never log it.
func (a *Auth) Secret() string {
	if a == nil {
		return ""
	}
	return a.password
}

// Attempt is the credentials of one login.
type Attempt struct {
	auth   *Auth
	token  *oauth2.Token
	client TokenClient
	// Fresh is set when the token was fetched for this login rather than
	// taken from the cache: a fresh token the server refuses is a real
	// refusal; a cached one may just have been revoked or expired early.
	Fresh bool
}

// Begin gets the credentials for one login to host:port: for OAuth2, a
// cached or newly fetched token. An error wrapping ErrRefused means the
// token endpoint refused the app's credentials.
func (a *Auth) Begin(ctx context.Context, host string, port int) (*Attempt, error) {
	if !a.IsOAuth() {
		return &Attempt{auth: a}, nil
	}
	tok, fresh, err := a.Tokens.Token(ctx)
	if err != nil {
		return nil, err
	}
	at := &Attempt{auth: a, token: tok, Fresh: fresh}
	switch a.Mechanism {
	case OAuthBearer:
		at.client = NewOAuthBearerClient(a.Username, tok.AccessToken, host, port)
	default:
		at.client = NewXOAuth2Client(a.Username, tok.AccessToken)
	}
	return at, nil
}

// SASL is the SASL client for this attempt (nil for a password login).
func (at *Attempt) SASL() sasl.Client {
	if at.client == nil {
		return nil
	}
	return at.client
}

// Expiry is when the attempt's token expires (zero for a password).
func (at *Attempt) Expiry() time.Time {
	if at.token == nil {
		return time.Time{}
	}
	return at.token.Expiry
}

// Refused records that the server refused this attempt: the token is
// dropped from the cache. It returns what the server said in its SASL
// error challenge, if anything, for the error message.
func (at *Attempt) Refused() string {
	if at.token == nil {
		return ""
	}
	at.auth.Tokens.Invalidate(at.token)
	if at.client != nil {
		if e := at.client.Refusal(); e != nil {
			return e.Error()
		}
	}
	return ""
}

// Hint is advice for an operator whose login was refused.
func (a *Auth) Hint() string {
	if !a.IsOAuth() {
		return "check the username and the password variable"
	}
	return "check the username (the mailbox address) and that the app (" + a.Source + ") has been granted access to this mailbox; see docs/oauth2.md"
}

// Options tune how Auths are built from the config.
type Options struct {
	// Secret reads the environment variable it names (default
	// config.Secret).
	Secret func(env string) string
	// HTTPClient reaches the token endpoints (default: 30 s timeout).
	HTTPClient *http.Client
	// Clock tells token expiry (default: the wall clock).
	Clock clock.Clock
	// RefreshBefore: a cached token is replaced this long before it
	// expires (default DefaultRefreshBefore).
	RefreshBefore time.Duration
}

// New builds the Auth for an account: username, its auth block and, for
// password logins, the variable holding the password. Key files are read
// and checked now, so a broken key fails at start-up.
func New(cfg *config.Config, ma *config.MailAuth, username, passwordEnv string, o Options) (*Auth, error) {
	if o.Secret == nil {
		o.Secret = config.Secret
	}
	if !ma.IsOAuth() {
		return Password(username, o.Secret(passwordEnv)), nil
	}
	f, source, err := fetcher(cfg, ma, username, o)
	if err != nil {
		return nil, err
	}
	return OAuth(username, ma.Mechanism(), NewTokens(f, o.RefreshBefore, o.Clock), source), nil
}

// fetcher builds the token source an auth block names.
func fetcher(cfg *config.Config, ma *config.MailAuth, username string, o Options) (Fetcher, string, error) {
	switch ma.Provider {
	case config.ProviderMicrosoft:
		m := &Microsoft{Authority: ma.Authority, Tenant: ma.Tenant, ClientID: ma.ClientID,
			Scopes: ma.Scopes, HTTPClient: o.HTTPClient, Clock: o.Clock}
		switch {
		case ma.ClientSecretEnv != "":
			env := ma.ClientSecretEnv
			m.Secret = func() (string, error) {
				if s := o.Secret(env); s != "" {
					return s, nil
				}
				return "", fmt.Errorf("environment variable %s is not set", env)
			}
		case ma.ClientSecretFile != "":
			path := cfg.Resolve(ma.ClientSecretFile)
			m.Secret = func() (string, error) { return readSecretFile(path) }
		default:
			certPEM, err := os.ReadFile(cfg.Resolve(ma.CertificateFile))
			if err != nil {
				return nil, "", fmt.Errorf("certificate_file: %w", err)
			}
			keyPath := ma.KeyFile
			if keyPath == "" {
				keyPath = ma.CertificateFile
			}
			keyPEM, err := os.ReadFile(cfg.Resolve(keyPath))
			if err != nil {
				return nil, "", fmt.Errorf("key_file: %w", err)
			}
			if m.Certificate, m.Key, err = LoadCertificate(certPEM, keyPEM); err != nil {
				return nil, "", fmt.Errorf("certificate_file %s: %w", ma.CertificateFile, err)
			}
		}
		return m, fmt.Sprintf("Entra ID tenant %s, client %s", ma.Tenant, ma.ClientID), nil
	case config.ProviderGoogle:
		path := cfg.Resolve(ma.ServiceAccountFile)
		read := func() ([]byte, error) { return os.ReadFile(path) }
		b, err := read()
		if err != nil {
			return nil, "", fmt.Errorf("service_account_file: %w", err)
		}
		jc, err := googleConfig(b)
		if err != nil {
			return nil, "", fmt.Errorf("service_account_file %s: %w", ma.ServiceAccountFile, err)
		}
		subject := ma.Subject
		if subject == "" {
			subject = username
		}
		return &Google{KeyJSON: read, Subject: subject, Scopes: ma.Scopes, HTTPClient: o.HTTPClient},
			fmt.Sprintf("Google service account %s acting as %s", jc, subject), nil
	case config.ProviderTokenCommand:
		argv := append([]string(nil), ma.TokenCommand...)
		if strings.Contains(argv[0], "/") {
			argv[0] = cfg.Resolve(argv[0])
		}
		return &Command{Argv: argv, Dir: cfg.Dir, Clock: o.Clock}, "token_command " + ma.TokenCommand[0], nil
	case config.ProviderTokenFile:
		return &File{Path: cfg.Resolve(ma.TokenFile), Clock: o.Clock}, "token_file " + ma.TokenFile, nil
	}
	return nil, "", fmt.Errorf("unknown auth provider %q", ma.Provider)
}

// googleConfig checks a service account key and returns its client email.
func googleConfig(key []byte) (string, error) {
	jc, err := google.JWTConfigFromJSON(key, GoogleScope)
	if err != nil {
		return "", err
	}
	if jc.Email == "" || len(jc.PrivateKey) == 0 {
		return "", errors.New("the key file has no client_email or private_key")
	}
	b, _ := pem.Decode(jc.PrivateKey)
	if b == nil {
		return "", errors.New("private_key is not a PEM block")
	}
	if _, err := x509.ParsePKCS8PrivateKey(b.Bytes); err != nil {
		if _, err1 := x509.ParsePKCS1PrivateKey(b.Bytes); err1 != nil {
			return "", fmt.Errorf("private_key: %w", err)
		}
	}
	return jc.Email, nil
}

// readSecretFile reads a secret kept in a file (trailing newline removed).
func readSecretFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		return "", fmt.Errorf("%s is empty", path)
	}
	return s, nil
}

// Set holds the Auth of every configured account.
type Set struct {
	mailboxes map[string]*Auth
	smtp      *Auth
}

// NewSet builds the Auth of every mailbox and of the SMTP server.
func NewSet(cfg *config.Config, o Options) (*Set, error) {
	s := &Set{mailboxes: map[string]*Auth{}}
	var errs []error
	for i := range cfg.Mailboxes {
		mb := &cfg.Mailboxes[i]
		a, err := New(cfg, &mb.Auth, mb.Username, mb.PasswordEnv, o)
		if err != nil {
			errs = append(errs, fmt.Errorf("mailboxes[%d] (%s).auth: %w", i, mb.ID, err))
			continue
		}
		s.mailboxes[mb.ID] = a
	}
	a, err := New(cfg, &cfg.SMTP.Auth, cfg.SMTP.Username, cfg.SMTP.PasswordEnv, o)
	if err != nil {
		errs = append(errs, fmt.Errorf("smtp.auth: %w", err))
	}
	s.smtp = a
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// Mailbox is the Auth of the mailbox with id (nil if unknown, or s nil).
func (s *Set) Mailbox(id string) *Auth {
	if s == nil {
		return nil
	}
	return s.mailboxes[id]
}

// SMTP is the SMTP server's Auth (nil when s is nil).
func (s *Set) SMTP() *Auth {
	if s == nil {
		return nil
	}
	return s.smtp
}

// Check builds every account's Auth without fetching a token: key files
// are read and parsed, certificates matched to their keys. It is what
// check-config runs beyond the config's own validation.
func Check(cfg *config.Config) error {
	_, err := NewSet(cfg, Options{})
	return err
}
