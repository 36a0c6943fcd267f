package inbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/mailauth"
)

// Dialer returns a Dial function for a configured mailbox that logs in
// with a password: implicit TLS, STARTTLS, or plain (loopback only,
// enforced by config validation), then LOGIN. password is read from the
// environment by the caller and never logged.
func Dialer(mb *config.Mailbox, password string) func(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
	return NewDialer(mb, mailauth.Password(mb.Username, password)).Dial
}

// MailboxDialer opens logged-in connections to one mailbox with its
// credentials: a password (LOGIN) or an OAuth2 token (AUTHENTICATE
// XOAUTH2 or OAUTHBEARER). It remembers when each open connection's token
// expires (Expiry), so a Worker can renew its session in time.
type MailboxDialer struct {
	mb   *config.Mailbox
	auth *mailauth.Auth

	expiries sync.Map // *imapclient.Client → time.Time, while open
}

// NewDialer returns the dialer for mb signing in with auth.
func NewDialer(mb *config.Mailbox, auth *mailauth.Auth) *MailboxDialer {
	return &MailboxDialer{mb: mb, auth: auth}
}

// Expiry is when the credentials c logged in with expire (zero: never, or
// unknown). Use it as Config.CredentialsExpiry.
func (d *MailboxDialer) Expiry(c *imapclient.Client) time.Time {
	if v, ok := d.expiries.Load(c); ok {
		return v.(time.Time)
	}
	return time.Time{}
}

// Dial connects and logs in. A refused login is an error wrapping ErrAuth
// that says what the server answered and what to check; a token refused
// by the token endpoint is one too. When the server refuses a token that
// came from the cache (revoked, or expired early), the token is dropped
// and the login is tried once more with a fresh one before giving up.
func (d *MailboxDialer) Dial(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
	c, err := d.dial(ctx, opts)
	var rerr *refusedCached
	if errors.As(err, &rerr) {
		c, err = d.dial(ctx, opts)
	}
	return c, err
}

// refusedCached is a login refused with a cached token: worth one retry
// with a fresh token.
type refusedCached struct{ err error }

func (e *refusedCached) Error() string { return e.err.Error() }
func (e *refusedCached) Unwrap() error { return e.err }

func (d *MailboxDialer) dial(ctx context.Context, opts *imapclient.Options) (*imapclient.Client, error) {
	mb := d.mb
	host, portStr, _ := net.SplitHostPort(mb.Address)
	port, _ := strconv.Atoi(portStr)
	// The token first: no connection is held open while a token endpoint
	// is slow.
	at, err := d.auth.Begin(ctx, host, port)
	if err != nil {
		if errors.Is(err, mailauth.ErrRefused) {
			return nil, fmt.Errorf("mailbox %s: %w: %w; %s", mb.ID, ErrAuth, err, d.auth.Hint())
		}
		return nil, fmt.Errorf("mailbox %s: getting an OAuth2 token: %w", mb.ID, err)
	}
	o := *opts
	o.Dialer = &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
	o.TLSConfig = &tls.Config{ServerName: host, InsecureSkipVerify: mb.InsecureSkipVerify, MinVersion: tls.VersionTLS12}
	var c *imapclient.Client
	switch mb.Security {
	case config.SecurityTLS:
		c, err = imapclient.DialTLS(mb.Address, &o)
	case config.SecurityStartTLS:
		c, err = imapclient.DialStartTLS(mb.Address, &o)
	default:
		c, err = imapclient.DialInsecure(mb.Address, &o)
	}
	if err != nil {
		return nil, fmt.Errorf("connect %s (%s): %w", mb.Address, mb.Security, err)
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, fmt.Errorf("greeting from %s: %w", mb.Address, err)
	}
	if !d.auth.IsOAuth() {
		if err := c.Login(mb.Username, d.auth.Secret()).Wait(); err != nil {
			c.Close()
			var ie *imap.Error
			if errors.As(err, &ie) {
				return nil, fmt.Errorf("login %s at %s: %w: %s; %s", mb.Username, mb.Address, ErrAuth, ie.Text, d.auth.Hint())
			}
			return nil, fmt.Errorf("login %s at %s: %w", mb.Username, mb.Address, err)
		}
		return c, nil
	}
	mech := d.auth.Mechanism
	if caps := c.Caps(); !caps.Has(imap.Cap("AUTH=" + mech)) {
		c.Close()
		return nil, fmt.Errorf("login %s at %s: %w: the server does not offer AUTHENTICATE %s (it offers %v); check auth.method",
			mb.Username, mb.Address, ErrAuth, mech, caps.AuthMechanisms())
	}
	if err := c.Authenticate(at.SASL()); err != nil {
		c.Close()
		var ie *imap.Error
		var se *mailauth.ServerError
		if !errors.As(err, &ie) && !errors.As(err, &se) {
			return nil, fmt.Errorf("%s login %s at %s: %w", mech, mb.Username, mb.Address, err)
		}
		said := at.Refused() // drop the token: the next login fetches another
		if ie != nil && said != "" {
			said = ie.Text + " (" + said + ")"
		} else if ie != nil {
			said = ie.Text
		}
		err = fmt.Errorf("%s login %s at %s: %w: %s; %s", mech, mb.Username, mb.Address, ErrAuth, said, d.auth.Hint())
		if !at.Fresh {
			return nil, &refusedCached{err}
		}
		return nil, err
	}
	if exp := at.Expiry(); !exp.IsZero() {
		d.expiries.Store(c, exp)
		go func() {
			<-c.Closed()
			d.expiries.Delete(c)
		}()
	}
	return c, nil
}
