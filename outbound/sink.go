package outbound

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/mailparse"
)

// Received is one message an SMTP Sink accepted.
type Received struct {
	At   time.Time
	From string   // envelope sender
	To   []string // envelope recipients
	Data []byte
	// Parsed is Data read by mailparse (nil if it could not be).
	Parsed *mailparse.Message
}

// Header returns the raw value of a header field of the received message.
func (r *Received) Header(name string) string {
	end := bytes.Index(r.Data, []byte("\r\n\r\n"))
	if end < 0 {
		end = len(r.Data)
	}
	lines := strings.Split(string(r.Data[:end]), "\r\n")
	prefix := strings.ToLower(name) + ":"
	for i := 0; i < len(lines); i++ {
		if strings.HasPrefix(strings.ToLower(lines[i]), prefix) {
			v := strings.TrimSpace(lines[i][len(prefix):])
			for i+1 < len(lines) && (strings.HasPrefix(lines[i+1], " ") || strings.HasPrefix(lines[i+1], "\t")) {
				i++
				v += " " + strings.TrimSpace(lines[i])
			}
			return v
		}
	}
	return ""
}

// SinkOptions tune a Sink.
type SinkOptions struct {
	// TLS, when set, is offered as STARTTLS (or used for every connection
	// when Implicit).
	TLS      *tls.Config
	Implicit bool
	// Username and Password, when set, require AUTH PLAIN or LOGIN.
	Username, Password string
	// Mechanisms are the AUTH mechanisms offered (default PLAIN and LOGIN,
	// plus XOAUTH2 and OAUTHBEARER with TokenCheck).
	Mechanisms []string
	// TokenCheck, when set, requires AUTH and accepts XOAUTH2 and
	// OAUTHBEARER bearer tokens it approves (a non-nil error refuses).
	TokenCheck func(username, token string) error
	// Reject, when set, is asked about every message at the end of DATA;
	// an *smtp.SMTPError it returns is the reply (e.g. 451 or 550).
	Reject func(from string, to []string, data []byte) error
}

// Sink is an in-process SMTP server that accepts and keeps every message:
// the outbound tests' real protocol peer and the demo's outgoing mail
// server (mounted at /demo/outbox to show what the desk sent).
type Sink struct {
	Addr string
	srv  *smtp.Server
	opts SinkOptions

	mu       sync.Mutex
	msgs     []Received
	attempts int
	notify   chan struct{}
}

// StartSink listens on addr ("127.0.0.1:0" for any free port).
func StartSink(addr string) (*Sink, error) { return StartSinkWith(addr, SinkOptions{}) }

// StartSinkWith is StartSink with options.
func StartSinkWith(addr string, o SinkOptions) (*Sink, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("smtp sink: listen %s: %w", addr, err)
	}
	s := &Sink{Addr: ln.Addr().String(), opts: o, notify: make(chan struct{})}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &sinkSession{sink: s}, nil
	}))
	srv.Domain = "sink.localhost"
	srv.AllowInsecureAuth = true
	srv.MaxMessageBytes = 32 << 20
	srv.ReadTimeout, srv.WriteTimeout = time.Minute, time.Minute
	srv.EnableSMTPUTF8 = true
	srv.ErrorLog = discardLogger{}
	if o.TLS != nil {
		srv.TLSConfig = o.TLS
		if o.Implicit {
			ln = tls.NewListener(ln, o.TLS)
		}
	}
	s.srv = srv
	go func() { _ = srv.Serve(ln) }()
	return s, nil
}

type discardLogger struct{}

func (discardLogger) Printf(string, ...interface{}) {}
func (discardLogger) Println(...interface{})        {}

// Close stops the server.
func (s *Sink) Close() error { return s.srv.Close() }

// SetReject replaces the reject function.
func (s *Sink) SetReject(f func(from string, to []string, data []byte) error) {
	s.mu.Lock()
	s.opts.Reject = f
	s.mu.Unlock()
}

// Messages returns a copy of what was received, oldest first.
func (s *Sink) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

// Attempts counts completed DATA transactions, accepted or not.
func (s *Sink) Attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts
}

// Changed returns a channel closed at the next received message.
func (s *Sink) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notify
}

// Wait blocks until at least n messages arrived or ctx ends.
func (s *Sink) Wait(ctx context.Context, n int) ([]Received, error) {
	for {
		ch := s.Changed()
		if m := s.Messages(); len(m) >= n {
			return m, nil
		}
		select {
		case <-ctx.Done():
			return s.Messages(), ctx.Err()
		case <-ch:
		}
	}
}

func (s *Sink) add(r Received) {
	if m, err := mailparse.Parse(r.Data, mailparse.Options{}); err == nil {
		r.Parsed = m
	}
	s.mu.Lock()
	s.msgs = append(s.msgs, r)
	close(s.notify)
	s.notify = make(chan struct{})
	s.mu.Unlock()
}

type sinkSession struct {
	sink   *Sink
	authed bool
	from   string
	to     []string
}

func (ss *sinkSession) AuthMechanisms() []string {
	if !ss.sink.authRequired() {
		return nil
	}
	if len(ss.sink.opts.Mechanisms) > 0 {
		return ss.sink.opts.Mechanisms
	}
	var m []string
	if ss.sink.opts.Username != "" {
		m = append(m, sasl.Plain, sasl.Login)
	}
	if ss.sink.opts.TokenCheck != nil {
		m = append(m, mailauth.XOAuth2, mailauth.OAuthBearer)
	}
	return m
}

// authRequired reports whether the sink wants AUTH before MAIL.
func (s *Sink) authRequired() bool { return s.opts.Username != "" || s.opts.TokenCheck != nil }

func (ss *sinkSession) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		if ss.sink.opts.Username == "" || user != ss.sink.opts.Username || pass != ss.sink.opts.Password {
			return smtp.ErrAuthFailed
		}
		ss.authed = true
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	}
	if tc := ss.sink.opts.TokenCheck; tc != nil {
		checkToken := func(user, token string) error {
			if err := tc(user, token); err != nil {
				return smtp.ErrAuthFailed
			}
			ss.authed = true
			return nil
		}
		switch mech {
		case mailauth.XOAuth2:
			return mailauth.NewXOAuth2Server(checkToken), nil
		case mailauth.OAuthBearer:
			return mailauth.NewOAuthBearerServer(checkToken), nil
		}
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

// loginServer is the server side of AUTH LOGIN (go-sasl has only the client).
type loginServer struct {
	check      func(user, pass string) error
	step       int
	user, pass string
}

func (l *loginServer) Next(response []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step++
		if len(response) > 0 { // initial response carries the username
			l.user = string(response)
			l.step++
			return []byte("Password:"), false, nil
		}
		return []byte("Username:"), false, nil
	case 1:
		l.user = string(response)
		l.step++
		return []byte("Password:"), false, nil
	default:
		l.pass = string(response)
		return nil, true, l.check(l.user, l.pass)
	}
}

func (ss *sinkSession) Mail(from string, _ *smtp.MailOptions) error {
	if ss.sink.authRequired() && !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

func (ss *sinkSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.sink.mu.Lock()
	ss.sink.attempts++
	reject := ss.sink.opts.Reject
	ss.sink.mu.Unlock()
	if reject != nil {
		if err := reject(ss.from, ss.to, b); err != nil {
			return err
		}
	}
	ss.sink.add(Received{At: time.Now(), From: ss.from, To: append([]string(nil), ss.to...), Data: b})
	return nil
}

func (ss *sinkSession) Reset()        { ss.from, ss.to = "", nil }
func (ss *sinkSession) Logout() error { return nil }

var _ smtp.AuthSession = (*sinkSession)(nil)

// ServeHTTP lists received mail, newest first, as an HTML page. Every
// value is escaped by html/template: mail content is hostile.
func (s *Sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	msgs := s.Messages()
	type row struct {
		At, From, To, Subject, Kind, Ref, Body string
	}
	rows := make([]row, 0, len(msgs))
	for i := len(msgs) - 1; i >= 0 && len(rows) < 200; i-- {
		m := msgs[i]
		rw := row{At: m.At.Format("15:04:05"), To: strings.Join(m.To, ", "), Ref: m.Header(RefHeader)}
		if m.Parsed != nil {
			rw.From = m.Parsed.From.Addr
			if m.Parsed.From.Name != "" {
				rw.From = m.Parsed.From.Name + " <" + m.Parsed.From.Addr + ">"
			}
			rw.Subject = m.Parsed.Subject
			rw.Body = clip(m.Parsed.Text, 4000)
		}
		switch strings.ToLower(m.Header("Auto-Submitted")) {
		case "auto-replied":
			rw.Kind = "acknowledgement"
		case "auto-generated":
			rw.Kind = "alert"
		default:
			rw.Kind = "reply"
		}
		rows = append(rows, rw)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	if err := sinkPage.Execute(w, map[string]any{"Addr": s.Addr, "Rows": rows, "Total": len(msgs)}); err != nil && !errors.Is(err, http.ErrHandlerTimeout) {
		return
	}
}

var sinkPage = template.Must(template.New("outbox").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="15"><title>Sent mail ({{.Total}})</title>
<style>body{font-family:sans-serif;margin:1.5em}details{border-bottom:1px solid #ddd;padding:.4em 0}
summary{cursor:pointer}.k{display:inline-block;min-width:9em;color:#555}pre{white-space:pre-wrap;background:#f6f6f6;padding:.6em}</style>
</head><body>
<h1>Mail the desk sent</h1>
<p>{{.Total}} message(s) received by the demo SMTP server at {{.Addr}}; newest first.</p>
{{range .Rows}}<details><summary><span class="k">{{.At}} {{.Kind}}</span> to {{.To}}: {{.Subject}}</summary>
<p>From: {{.From}}{{if .Ref}} · reference {{.Ref}}{{end}}</p><pre>{{.Body}}</pre></details>
{{else}}<p>Nothing sent yet.</p>{{end}}
</body></html>
`))
