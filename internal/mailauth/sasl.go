package mailauth

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/emersion/go-sasl"
)

// SASL mechanism names.
const (
	XOAuth2     = "XOAUTH2"
	OAuthBearer = sasl.OAuthBearer // "OAUTHBEARER"
)

// ServerError is what the server said when it refused a bearer token: the
// JSON error challenge of XOAUTH2 and OAUTHBEARER (RFC 7628 section 3.2.2),
// e.g. {"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}.
type ServerError struct {
	Status  string `json:"status"`
	Schemes string `json:"schemes,omitempty"`
	Scope   string `json:"scope,omitempty"`
}

func (e *ServerError) Error() string {
	s := "the server refused the token (status " + clip(e.Status, 40)
	if e.Scope != "" {
		s += ", scope " + clip(e.Scope, 200)
	}
	return s + ")"
}

// TokenClient is a SASL client for a bearer-token mechanism that remembers
// the server's error challenge, so a refusal can be reported with it.
type TokenClient interface {
	sasl.Client
	// Refusal is the server's error challenge, or nil when none came.
	Refusal() *ServerError
}

// NewXOAuth2Client returns a client for Google's and Microsoft's XOAUTH2
// mechanism: the initial response is
// "user=<username>\x01auth=Bearer <token>\x01\x01". On failure the server
// sends a JSON error as a challenge (the mechanism has no other); the
// client keeps it and returns it as a *ServerError, which makes the IMAP
// or SMTP client abandon the exchange. (Answering with the empty response
// the mechanism describes is not possible through go-imap, which sends
// "=" for an empty continuation; Dovecot rejects that as bad base64.)
func NewXOAuth2Client(username, token string) TokenClient {
	return &xoauth2Client{username: username, token: token}
}

type xoauth2Client struct {
	username, token string
	refusal         *ServerError
}

func (c *xoauth2Client) Start() (string, []byte, error) {
	return XOAuth2, []byte("user=" + c.username + "\x01auth=Bearer " + c.token + "\x01\x01"), nil
}

func (c *xoauth2Client) Next(challenge []byte) ([]byte, error) {
	c.refusal = parseServerError(challenge)
	return nil, c.refusal
}

func (c *xoauth2Client) Refusal() *ServerError { return c.refusal }

// NewOAuthBearerClient returns an RFC 7628 OAUTHBEARER client (go-sasl's,
// whose GS2 initial response it uses). The server's error challenge is
// kept and returned as a *ServerError, as with XOAUTH2.
func NewOAuthBearerClient(username, token, host string, port int) TokenClient {
	return &oauthBearerClient{inner: sasl.NewOAuthBearerClient(&sasl.OAuthBearerOptions{
		Username: username, Token: token, Host: host, Port: port})}
}

type oauthBearerClient struct {
	inner   sasl.Client
	refusal *ServerError
}

func (c *oauthBearerClient) Start() (string, []byte, error) { return c.inner.Start() }

func (c *oauthBearerClient) Next(challenge []byte) ([]byte, error) {
	c.refusal = parseServerError(challenge)
	return nil, c.refusal
}

func (c *oauthBearerClient) Refusal() *ServerError { return c.refusal }

// parseServerError reads an error challenge; one that is not JSON is kept
// (clipped) as its status so it can still be shown.
func parseServerError(challenge []byte) *ServerError {
	var e ServerError
	if err := json.Unmarshal(challenge, &e); err != nil || e.Status == "" {
		return &ServerError{Status: printable(clip(string(challenge), 120))}
	}
	e.Status, e.Schemes, e.Scope = printable(e.Status), printable(e.Schemes), printable(e.Scope)
	return &e
}

// TokenCheck validates a bearer token presented for username on the
// server side; a non-nil error refuses it.
type TokenCheck func(username, token string) error

// NewXOAuth2Server is the server side of XOAUTH2, for test servers (the
// SMTP sink). A refused token gets the JSON error challenge, then the
// exchange fails after the client's empty response.
func NewXOAuth2Server(check TokenCheck) sasl.Server {
	return &xoauth2Server{check: check}
}

type xoauth2Server struct {
	check   TokenCheck
	failErr error
	done    bool
}

// errBadXOAuth2 is a malformed XOAUTH2 initial response.
var errBadXOAuth2 = errors.New("sasl: malformed XOAUTH2 response")

func (s *xoauth2Server) Next(response []byte) ([]byte, bool, error) {
	if s.failErr != nil {
		// The client's empty response to our error challenge.
		return nil, true, s.failErr
	}
	if s.done {
		return nil, true, sasl.ErrUnexpectedClientResponse
	}
	if response == nil {
		return []byte{}, false, nil // ask for the initial response
	}
	s.done = true
	user, token, err := parseXOAuth2(response)
	if err != nil {
		return nil, true, err
	}
	if err := s.check(user, token); err != nil {
		s.failErr = err
		blob, _ := json.Marshal(ServerError{Status: "401", Schemes: "bearer"})
		return blob, false, nil
	}
	return nil, true, nil
}

// parseXOAuth2 splits "user=U\x01auth=Bearer T\x01\x01".
func parseXOAuth2(b []byte) (user, token string, err error) {
	if !bytes.HasSuffix(b, []byte("\x01\x01")) {
		return "", "", errBadXOAuth2
	}
	for _, f := range bytes.Split(bytes.TrimSuffix(b, []byte("\x01\x01")), []byte{0x01}) {
		k, v, ok := bytes.Cut(f, []byte("="))
		if !ok {
			return "", "", errBadXOAuth2
		}
		switch string(k) {
		case "user":
			user = string(v)
		case "auth":
			scheme, t, ok := strings.Cut(string(v), " ")
			if !ok || !strings.EqualFold(scheme, "Bearer") {
				return "", "", errBadXOAuth2
			}
			token = t
		}
	}
	if user == "" || token == "" {
		return "", "", errBadXOAuth2
	}
	return user, token, nil
}

// NewOAuthBearerServer is the server side of OAUTHBEARER (go-sasl's), for
// test servers.
func NewOAuthBearerServer(check TokenCheck) sasl.Server {
	return sasl.NewOAuthBearerServer(func(o sasl.OAuthBearerOptions) *sasl.OAuthBearerError {
		if err := check(o.Username, o.Token); err != nil {
			return &sasl.OAuthBearerError{Status: "invalid_token", Schemes: "bearer"}
		}
		return nil
	})
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// printable replaces control characters (server text is untrusted and
// ends up in logs).
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s)
}
