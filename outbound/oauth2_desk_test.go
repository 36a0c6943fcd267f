package outbound_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/store"
)

// TestOAuth2Desk runs a whole desk (app.New) whose mailbox and SMTP server
// accept only OAuth2: Dovecot's oauth2 passdb and the SMTP sink both check
// tokens by introspection at the test token server, which also plays the
// Entra ID token endpoint (auth.provider microsoft with a loopback
// authority). The inbox worker (XOAUTH2), the Sent-folder watcher and the
// Sent-copy archiver (the same mailbox, so one token between them) and
// the SMTP sender (OAUTHBEARER, a token of its own) all sign in: an
// enquiry is ingested and acknowledged, the acknowledgement's copy lands
// in Sent, and an officer's reply written in Sent is recorded.
func TestOAuth2Desk(t *testing.T) {
	ts, err := servers.StartTokenServer("desk", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ts.Close() })
	im := servertest.RealDovecot(t, servers.DovecotOptions{Username: "desk", OAuth2IntrospectionURL: ts.IntrospectionURL()})
	r := servertest.Redis(t)
	opt, err := redis.ParseURL(r.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	sink, err := outbound.StartSinkWith("127.0.0.1:0", outbound.SinkOptions{TokenCheck: func(user, token string) error {
		resp, err := http.PostForm(ts.IntrospectionURL(), url.Values{"token": {token}})
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		var v struct {
			Active   bool   `json:"active"`
			Username string `json:"username"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || !v.Active || v.Username != user {
			return errors.New("inactive token")
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })

	base := outbound.DeskConfig(t, im.Addr, im.Username, sink.Addr, "")
	auth := func(method string) string {
		return "{method: " + method + ", provider: microsoft, tenant: contoso.onmicrosoft.com, " +
			"client_id: 11111111-2222-3333-4444-555555555555, client_secret_env: T_MS_SECRET, authority: '" + ts.URL + "'}"
	}
	y, err := os.ReadFile(base.Path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(y), "    password_env: "+outbound.IMAPPassEnv+"\n", "    auth: "+auth("xoauth2")+"\n", 1)
	text = strings.Replace(text, "  security: none\n  from:", "  security: none\n  username: desk\n  auth: "+auth("oauthbearer")+"\n  from:", 1)
	if err := os.WriteFile(base.Path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(base.Path, config.LoadOptions{})
	if err != nil {
		t.Fatalf("config: %v\n%s", err, text)
	}
	if !cfg.Mailboxes[0].Auth.IsOAuth() || !cfg.SMTP.Auth.IsOAuth() {
		t.Fatalf("the config does not sign in with OAuth2:\n%s", text)
	}
	ctx, cancel := context.WithCancel(t.Context())
	d, err := app.New(ctx, app.Options{Config: cfg, Redis: rdb, Listen: "127.0.0.1:0", Logger: outbound.QuietLogger(t),
		Secret: func(name string) string {
			if name == "T_MS_SECRET" {
				return "app-secret"
			}
			return ""
		}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = d.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	<-d.Ready()
	k := &desk{t: t, ctx: t.Context(), imap: im, rdb: rdb, sink: sink, cfg: cfg, d: d, st: d.Store}

	k.deliver("INBOX", mailAt("oa1@bbc.co.uk", "Jo Reporter <jo@bbc.co.uk>", outbound.DeskAddress,
		"Albania returns figures", time.Now().Add(-time.Minute), "", "How many people were returned to Albania last month?"))
	k.ingested(1)
	ack := k.waitMail("jo@bbc.co.uk", 1)[0]
	ref := k.st.SubjectRefs(ack.Parsed.Subject)[0]
	outbound.Eventually(t, "the acknowledgement's copy in Sent", 30*time.Second, func() bool {
		return len(k.sentFolder()[ack.Parsed.MessageID]) > 0
	})
	k.deliver("Sent", mailAt("bob-oa@desk.example.gov.uk", "Bob Bryant <bob@desk.example.gov.uk>", "Jo Reporter <jo@bbc.co.uk>",
		"Re: Albania returns figures", time.Now().Add(-10*time.Second).Truncate(time.Second),
		"In-Reply-To: <oa1@bbc.co.uk>\nReferences: <oa1@bbc.co.uk>", "Jo, the figure is 1,234."))
	outbound.Eventually(t, "the reply in Sent recorded", 30*time.Second, func() bool {
		return !k.enquiry(ref).Clocks[store.ClockFirstResponse].Met.IsZero()
	})
	// One token for the mailbox's three connections, one for SMTP.
	if n := ts.TokenRequests(); n != 2 {
		t.Errorf("%d token requests, want 2 (one per account)", n)
	}
	checks := ts.Introspections()
	for _, c := range checks {
		if !c.Active {
			t.Errorf("a login with an inactive token at %v", c.At)
		}
	}
	if len(checks) < 4 {
		t.Errorf("%d token checks; want at least the inbox, Sent watcher, archiver and SMTP logins", len(checks))
	}
}
