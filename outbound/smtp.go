package outbound

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/mailauth"
)

// Mailer delivers one message. beforeEnd is called after the whole
// message has been written and before the final "." of DATA is sent; if
// it fails, the transaction is abandoned (the server never sees the end
// of the message, so it cannot have accepted it).
type Mailer interface {
	Send(ctx context.Context, from string, to []string, raw []byte, beforeEnd func() error) (reply string, err error)
}

// SendError classifies a failed delivery.
type SendError struct {
	// Permanent failures (5xx to RCPT or DATA, a refused webhook) are not
	// retried.
	Permanent bool
	// Uncertain is set when the failure came after the end of DATA was
	// sent and before a reply was read: the server may have accepted it.
	Uncertain bool
	Err       error
}

func (e *SendError) Error() string { return e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

func temporary(err error) error { return &SendError{Err: err} }
func permanent(err error) error { return &SendError{Permanent: true, Err: err} }

// errLost is returned by beforeEnd when the job is no longer ours.
var errLost = errors.New("outbox: another sender took the message over")

// SMTP is a Mailer for an SMTP submission server: implicit TLS, STARTTLS
// or plain (loopback only), AUTH PLAIN or LOGIN when a username is given,
// or AUTH XOAUTH2 or OAUTHBEARER with an OAuth2 token when Auth says so.
// One connection per message: a desk sends tens of messages an hour, and
// a fresh connection never inherits a broken one's state.
type SMTP struct {
	Address  string
	Security config.Security
	Username string
	// Password is read from the environment by the caller; never logged.
	Password string
	// Auth, when it signs in with OAuth2, replaces Username and Password.
	Auth               *mailauth.Auth
	InsecureSkipVerify bool
	// LocalName is the EHLO name (default: the host name).
	LocalName string
	// Timeout bounds the connection and each command (default 1m).
	Timeout time.Duration
}

// NewSMTP returns the Mailer for the config's smtp section signing in
// with a password.
func NewSMTP(c *config.SMTP, password string) *SMTP {
	return &SMTP{Address: c.Address, Security: c.Security, Username: c.Username, Password: password,
		InsecureSkipVerify: c.InsecureSkipVerify}
}

// NewSMTPAuth returns the Mailer for the config's smtp section signing in
// with auth (a password or OAuth2 tokens).
func NewSMTPAuth(c *config.SMTP, auth *mailauth.Auth) *SMTP {
	m := NewSMTP(c, auth.Secret())
	if auth.IsOAuth() {
		m.Auth = auth
	}
	return m
}

// Send delivers raw to the recipients.
func (m *SMTP) Send(ctx context.Context, from string, to []string, raw []byte, beforeEnd func() error) (string, error) {
	timeout := m.Timeout
	if timeout <= 0 {
		timeout = time.Minute
	}
	host, _, _ := net.SplitHostPort(m.Address)
	tlsConf := &tls.Config{ServerName: host, InsecureSkipVerify: m.InsecureSkipVerify, MinVersion: tls.VersionTLS12}
	d := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	var conn net.Conn
	var err error
	if m.Security == config.SecurityTLS {
		conn, err = (&tls.Dialer{NetDialer: d, Config: tlsConf}).DialContext(ctx, "tcp", m.Address)
	} else {
		conn, err = d.DialContext(ctx, "tcp", m.Address)
	}
	if err != nil {
		return "", temporary(fmt.Errorf("connect to SMTP %s (%s): %w", m.Address, m.Security, err))
	}
	var c *smtp.Client
	if m.Security == config.SecurityStartTLS {
		c, err = smtp.NewClientStartTLS(conn, tlsConf)
		if err != nil {
			conn.Close()
			return "", temporary(fmt.Errorf("STARTTLS with %s: %w", m.Address, err))
		}
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	c.CommandTimeout, c.SubmissionTimeout = timeout, timeout
	name := m.LocalName
	if name == "" {
		name, _ = os.Hostname()
	}
	if name != "" {
		if err := c.Hello(name); err != nil {
			return "", classify("EHLO", err, false)
		}
	}
	if m.Auth.IsOAuth() {
		if err := m.authOAuth(ctx, c); err != nil {
			return "", err
		}
	} else if m.Username != "" {
		var auth sasl.Client
		switch {
		case c.SupportsAuth(sasl.Plain):
			auth = sasl.NewPlainClient("", m.Username, m.Password)
		case c.SupportsAuth(sasl.Login):
			auth = sasl.NewLoginClient(m.Username, m.Password)
		default:
			// A configuration problem, not the message's: retried with
			// backoff so fixing the server or config lets it through.
			return "", temporary(fmt.Errorf("SMTP %s offers neither AUTH PLAIN nor LOGIN", m.Address))
		}
		if err := c.Auth(auth); err != nil {
			return "", temporary(fmt.Errorf("SMTP AUTH as %s at %s: %w", m.Username, m.Address, err))
		}
	}
	if err := c.Mail(from, &smtp.MailOptions{Size: int64(len(raw))}); err != nil {
		// A refused sender is the desk's configuration: retry.
		return "", classify("MAIL FROM", err, false)
	}
	for _, rcpt := range to {
		if err := c.Rcpt(rcpt, nil); err != nil {
			return "", classify("RCPT TO <"+rcpt+">", err, true)
		}
	}
	w, err := c.Data()
	if err != nil {
		return "", classify("DATA", err, true)
	}
	if _, err := w.Write(raw); err != nil {
		return "", temporary(fmt.Errorf("write message to %s: %w", m.Address, err))
	}
	if beforeEnd != nil {
		if err := beforeEnd(); err != nil {
			// Drop the connection without the final ".": the server
			// discards the unfinished message.
			c.Close()
			if errors.Is(err, errLost) {
				return "", err
			}
			return "", temporary(fmt.Errorf("before the end of DATA: %w", err))
		}
	}
	resp, err := w.CloseWithResponse()
	if err != nil {
		var se *smtp.SMTPError
		if errors.As(err, &se) {
			return "", classify("end of DATA", err, true)
		}
		// No reply after the final ".": the server may have accepted it.
		return "", &SendError{Uncertain: true, Err: fmt.Errorf("no reply to the end of DATA from %s: %w", m.Address, err)}
	}
	_ = c.Quit()
	return strings.TrimSpace("250 " + resp.StatusText), nil
}

// authOAuth signs in with a bearer token. A refused token is dropped from
// the cache; when it came from the cache (revoked, or expired early) one
// fresh token is tried on the same connection. Failures are temporary:
// the outbox retries with backoff, so fixing the app's permissions lets
// the mail through.
func (m *SMTP) authOAuth(ctx context.Context, c *smtp.Client) error {
	a := m.Auth
	host, portStr, _ := net.SplitHostPort(m.Address)
	port, _ := strconv.Atoi(portStr)
	if !c.SupportsAuth(a.Mechanism) {
		return temporary(fmt.Errorf("SMTP %s does not offer AUTH %s; check smtp.auth.method", m.Address, a.Mechanism))
	}
	for try := 0; ; try++ {
		at, err := a.Begin(ctx, host, port)
		if err != nil {
			return temporary(fmt.Errorf("SMTP AUTH %s as %s: %w", a.Mechanism, a.Username, err))
		}
		err = c.Auth(at.SASL())
		if err == nil {
			return nil
		}
		var se *smtp.SMTPError
		var re *mailauth.ServerError
		if !errors.As(err, &se) && !errors.As(err, &re) {
			return temporary(fmt.Errorf("SMTP AUTH %s as %s at %s: %w", a.Mechanism, a.Username, m.Address, err))
		}
		said := at.Refused()
		if se != nil {
			said = strings.TrimSpace(fmt.Sprintf("%d %s %s", se.Code, se.Message, said))
		}
		if at.Fresh || try > 0 {
			return temporary(fmt.Errorf("SMTP AUTH %s as %s at %s refused: %s; %s", a.Mechanism, a.Username, m.Address, said, a.Hint()))
		}
	}
}

// classify turns an SMTP reply into a SendError: 5xx is permanent where
// it concerns this message (permanentOn5xx), 4xx and network errors are
// temporary.
func classify(stage string, err error, permanentOn5xx bool) error {
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		e := fmt.Errorf("%s: %d %s", stage, se.Code, se.Message)
		if se.Code >= 500 && permanentOn5xx {
			return permanent(e)
		}
		return temporary(e)
	}
	return temporary(fmt.Errorf("%s: %w", stage, err))
}
