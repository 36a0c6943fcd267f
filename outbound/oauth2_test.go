package outbound

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-sasl"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/internal/servers"
)

// introspect asks the token server whether a token is active, as a mail
// server's OAuth2 backend would.
func introspect(ts *servers.TokenServer) func(user, token string) error {
	return func(user, token string) error {
		resp, err := http.PostForm(ts.IntrospectionURL(), url.Values{"token": {token}})
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		var r struct {
			Active   bool   `json:"active"`
			Username string `json:"username"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return err
		}
		if !r.Active || r.Username != user {
			return errors.New("inactive token")
		}
		return nil
	}
}

// TestSMTPOAuth2 sends through the SMTP sink with AUTH XOAUTH2 and
// OAUTHBEARER over STARTTLS, tokens from the Microsoft client credentials
// provider (the test token server plays Entra ID; the sink checks tokens
// by introspection): a token is fetched once and reused; a cached token
// revoked meanwhile is replaced by a fresh one on the same connection; a
// refused token is a temporary error that says so without showing it; a
// server that does not offer the mechanism is reported as such.
func TestSMTPOAuth2(t *testing.T) {
	tlsConf := &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
	raw, _, err := (&Composer{DeskAddress: DeskAddress}).Compose(Draft{From: &mailAddress{Address: DeskAddress},
		To: []*mailAddress{{Address: "jo@bbc.co.uk"}}, Subject: "s", Text: "t"})
	if err != nil {
		t.Fatal(err)
	}
	for _, mech := range []string{mailauth.XOAuth2, mailauth.OAuthBearer} {
		t.Run(mech, func(t *testing.T) {
			ts, err := servers.StartTokenServer("press@contoso.com", time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			defer ts.Close()
			sink, err := StartSinkWith("127.0.0.1:0", SinkOptions{TLS: tlsConf, TokenCheck: introspect(ts)})
			if err != nil {
				t.Fatal(err)
			}
			defer sink.Close()
			ms := &mailauth.Microsoft{Authority: ts.URL, Tenant: "contoso.com", ClientID: "11111111-2222-3333-4444-555555555555",
				Secret: func() (string, error) { return "app-secret", nil }}
			auth := mailauth.OAuth("press@contoso.com", mech, mailauth.NewTokens(ms, 0, nil), "test app")
			m := NewSMTPAuth(&config.SMTP{Address: sink.Addr, Security: config.SecurityStartTLS, InsecureSkipVerify: true}, auth)
			m.Timeout = 10 * time.Second
			send := func() error {
				_, err := m.Send(t.Context(), DeskAddress, []string{"jo@bbc.co.uk"}, raw, nil)
				return err
			}
			for i := range 2 {
				if err := send(); err != nil {
					t.Fatalf("send %d: %v", i, err)
				}
			}
			if n, r := len(sink.Messages()), ts.TokenRequests(); n != 2 || r != 1 {
				t.Errorf("%d messages with %d token requests; want 2 with 1", n, r)
			}

			ts.Revoke(ts.Issued()[0])
			if err := send(); err != nil {
				t.Fatalf("after revoking the cached token: %v", err)
			}
			if n, r := len(sink.Messages()), ts.TokenRequests(); n != 3 || r != 2 {
				t.Errorf("%d messages with %d token requests; want 3 with 2", n, r)
			}

			ts.RefuseAll(true)
			err = send()
			var se *SendError
			if !errors.As(err, &se) || se.Permanent || !strings.Contains(err.Error(), "refused") ||
				!strings.Contains(err.Error(), "granted access") {
				t.Errorf("refused token: %v (want a temporary error saying it was refused and what to check)", err)
			}
			for _, secret := range append(ts.Issued(), "app-secret") {
				if strings.Contains(fmt.Sprint(err), secret) {
					t.Errorf("the error shows a secret: %v", err)
				}
			}
			if n := len(sink.Messages()); n != 3 {
				t.Errorf("%d messages accepted with a refused token", n)
			}
		})
	}
	t.Run("mechanism not offered", func(t *testing.T) {
		sink, err := StartSinkWith("127.0.0.1:0", SinkOptions{Username: "desk", Password: "pw", Mechanisms: []string{sasl.Plain}})
		if err != nil {
			t.Fatal(err)
		}
		defer sink.Close()
		tok := mailauth.NewTokens(&mailauth.File{Path: "/nonexistent"}, 0, nil)
		m := NewSMTPAuth(&config.SMTP{Address: sink.Addr, Security: config.SecurityNone},
			mailauth.OAuth("desk", mailauth.XOAuth2, tok, "test"))
		_, err = m.Send(t.Context(), DeskAddress, []string{"jo@bbc.co.uk"}, raw, nil)
		if err == nil || !strings.Contains(err.Error(), "does not offer AUTH XOAUTH2") {
			t.Errorf("got %v", err)
		}
	})
}
