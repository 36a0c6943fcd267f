package servers_test

import (
	"errors"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"

	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestDovecotOAuth2 runs Dovecot's oauth2 passdb against the test token
// server: XOAUTH2 and OAUTHBEARER with an active token log in and SELECT;
// an unknown, revoked or expired token is refused with the mechanism's
// error challenge; password logins still work; each login is one
// introspection request.
func TestDovecotOAuth2(t *testing.T) {
	t.Parallel()
	ts, err := servers.StartTokenServer("desk", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ts.Close() })
	m := servertest.RealDovecot(t, servers.DovecotOptions{Username: "desk", OAuth2IntrospectionURL: ts.IntrospectionURL()})
	ctx := ctxT(t, time.Minute)

	login := func(client sasl.Client) error {
		c, err := imapclient.DialInsecure(m.Addr, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := c.Authenticate(client); err != nil {
			return err
		}
		if _, err := c.Select(servers.FolderInbox, nil).Wait(); err != nil {
			t.Fatalf("SELECT after AUTHENTICATE: %v", err)
		}
		return nil
	}
	good, _ := ts.Issue()
	revoked, _ := ts.Issue()
	ts.Revoke(revoked)
	ts.SetLifetime(time.Second)
	short, _ := ts.Issue()
	time.Sleep(1100 * time.Millisecond)

	cases := []struct {
		name   string
		client sasl.Client
		ok     bool
	}{
		{"xoauth2 good", mailauth.NewXOAuth2Client("desk", good), true},
		{"oauthbearer good", mailauth.NewOAuthBearerClient("desk", good, "127.0.0.1", 0), true},
		{"xoauth2 unknown", mailauth.NewXOAuth2Client("desk", "tok-forged"), false},
		{"xoauth2 revoked", mailauth.NewXOAuth2Client("desk", revoked), false},
		{"oauthbearer expired", mailauth.NewOAuthBearerClient("desk", short, "127.0.0.1", 0), false},
	}
	for _, tc := range cases {
		before := len(ts.Introspections())
		err := login(tc.client)
		if tc.ok && err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if !tc.ok {
			var se *mailauth.ServerError
			if !errors.As(err, &se) {
				t.Errorf("%s: got %v, want the server's error challenge", tc.name, err)
			}
			if r := tc.client.(mailauth.TokenClient).Refusal(); r == nil {
				t.Errorf("%s: the server's error challenge was not kept", tc.name)
			}
		}
		if n := len(ts.Introspections()) - before; n != 1 {
			t.Errorf("%s: %d introspection requests, want 1", tc.name, n)
		}
	}
	c, err := m.Dial(ctx, nil)
	if err != nil {
		t.Fatalf("password login with oauth2 on: %v", err)
	}
	c.Close()
	if err := m.Append(ctx, servers.FolderInbox, []byte("Subject: x\r\n\r\nx\r\n")); err != nil {
		t.Fatal(err)
	}
}
