package inbox

import (
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/mailauth"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// oauthHarness is a real Dovecot whose oauth2 passdb asks a loopback token
// server, and a worker that gets its tokens from that server through the
// Microsoft client credentials provider (the token server plays Entra ID).
type oauthHarness struct {
	*harness
	ts     *servers.TokenServer
	tokens *mailauth.Tokens
}

func newOAuthHarness(t *testing.T, lifetime time.Duration) *oauthHarness {
	t.Helper()
	ts, err := servers.StartTokenServer("desk", lifetime)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ts.Close() })
	m := servertest.RealDovecot(t, servers.DovecotOptions{Username: "desk", OAuth2IntrospectionURL: ts.IntrospectionURL()})
	ms := &mailauth.Microsoft{Authority: ts.URL, Tenant: "contoso.onmicrosoft.com",
		ClientID: "11111111-2222-3333-4444-555555555555", Secret: func() (string, error) { return "app-secret", nil }}
	return &oauthHarness{harness: newHarness(t, m), ts: ts, tokens: mailauth.NewTokens(ms, 0, nil)}
}

// oauthWorker starts an INBOX worker signing in with mech.
func (h *oauthHarness) oauthWorker(mech string, tweak func(c *Config)) *Worker {
	h.t.Helper()
	d := NewDialer(h.mailbox(), mailauth.OAuth("desk", mech, h.tokens, "the test token server"))
	w, _ := h.worker("INBOX", func(c *Config) {
		c.Dial, c.CredentialsExpiry = d.Dial, d.Expiry
		if tweak != nil {
			tweak(c)
		}
	})
	return w
}

func (h *oauthHarness) inactive() int {
	n := 0
	for _, in := range h.ts.Introspections() {
		if !in.Active {
			n++
		}
	}
	return n
}

// TestOAuth2WorkerLogin: the worker signs in to Dovecot with a token from
// the token endpoint over XOAUTH2 and over OAUTHBEARER, and ingests mail
// delivered before and after it connected.
func TestOAuth2WorkerLogin(t *testing.T) {
	for _, mech := range []string{mailauth.XOAuth2, mailauth.OAuthBearer} {
		t.Run(mech, func(t *testing.T) {
			h := newOAuthHarness(t, time.Hour)
			h.append("INBOX", mail(1, "jo@bbc.co.uk", "Before"))
			w := h.oauthWorker(mech, nil)
			h.eventually("the first message", 30*time.Second, func() bool { return h.stats("INBOX").Messages == 1 })
			h.eventually("IDLE", 10*time.Second, func() bool { return w.Status().Idle })
			h.append("INBOX", mail(2, "jo@bbc.co.uk", "After"))
			h.eventually("the second message", 30*time.Second, func() bool { return h.stats("INBOX").Messages == 2 })
			if n := h.ts.TokenRequests(); n != 1 {
				t.Errorf("%d token requests, want 1 (cached)", n)
			}
			if in := h.ts.Introspections(); len(in) != 1 || !in[0].Active {
				t.Errorf("introspections %+v, want one active", in)
			}
			if st := w.Status(); !st.Connected || st.LastError != "" {
				t.Errorf("status %+v", st)
			}
		})
	}
}

// TestOAuth2TokenExpiryMidIdle: tokens live 4 s. While idling, the worker
// signs in again with a fresh token before its token expires (the
// introspection endpoint then answers inactive for the old one), so mail
// delivered after the first token's expiry is ingested, and no expired
// token is ever presented.
func TestOAuth2TokenExpiryMidIdle(t *testing.T) {
	h := newOAuthHarness(t, 4*time.Second)
	start := time.Now()
	w := h.oauthWorker(mailauth.XOAuth2, nil)
	h.eventually("IDLE with the first token", 30*time.Second, func() bool { return w.Status().Idle })
	// Past the first token's expiry, idling on a session signed in with a
	// later token.
	h.eventually("the first token to expire and a renewed session", 30*time.Second, func() bool {
		return time.Since(start) > 5*time.Second && len(h.ts.Issued()) >= 2 && w.Status().Idle
	})
	h.append("INBOX", mail(3, "jo@bbc.co.uk", "After expiry"))
	h.eventually("the message delivered after expiry", 30*time.Second, func() bool { return h.stats("INBOX").Messages == 1 })
	if n := h.inactive(); n != 0 {
		t.Errorf("%d logins with an inactive token; want every login with a live one", n)
	}
	issued := h.ts.Issued()
	seen := map[string]int{}
	for _, in := range h.ts.Introspections() {
		seen[in.Token]++
	}
	for tok, n := range seen {
		if n > 1 {
			t.Errorf("token %s… presented %d times; each renewal should fetch a new one", tok[:10], n)
		}
	}
	// A renewal about every 3 s (3/4 of a 4 s life), not a storm.
	if limit := int(time.Since(start)/(2*time.Second)) + 2; len(issued) > limit {
		t.Errorf("%d tokens in %v; want at most %d", len(issued), time.Since(start).Round(time.Second), limit)
	}
	t.Logf("%d tokens over %v", len(issued), time.Since(start).Round(time.Millisecond))
}

// TestOAuth2CachedTokenRevoked: a cached token revoked before its expiry
// is refused at the next login (here after a server restart); the worker
// drops it and signs in with a fresh one at once, without waiting the
// slow authentication retry.
func TestOAuth2CachedTokenRevoked(t *testing.T) {
	h := newOAuthHarness(t, time.Hour)
	w := h.oauthWorker(mailauth.OAuthBearer, func(c *Config) { c.AuthRetry = time.Hour })
	h.eventually("IDLE", 30*time.Second, func() bool { return w.Status().Idle })
	first := h.ts.Issued()[0]
	h.ts.Revoke(first)
	if err := h.imap.Restart(h.ctx); err != nil {
		t.Fatal(err)
	}
	h.append("INBOX", mail(4, "jo@bbc.co.uk", "After the restart"))
	h.eventually("the message after the restart", 30*time.Second, func() bool { return h.stats("INBOX").Messages == 1 })
	if n := len(h.ts.Issued()); n != 2 {
		t.Errorf("%d tokens issued, want 2", n)
	}
	if n := h.inactive(); n != 1 {
		t.Errorf("%d refused logins, want 1 (the revoked cached token)", n)
	}
}

// TestOAuth2RefusedNoHotLoop: a token the mail server refuses (a revoked
// grant), or an app the token endpoint refuses, is reported plainly in the
// worker's status and retried only every AuthRetry: over a 4 s window with
// AuthRetry 1 s the endpoints see a handful of requests, not the
// thousands a 1 ms backoff would give.
func TestOAuth2RefusedNoHotLoop(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(ts *servers.TokenServer)
		count  func(ts *servers.TokenServer) int
		status []string
	}{
		{"mail server refuses the token", func(ts *servers.TokenServer) { ts.RefuseAll(true) },
			func(ts *servers.TokenServer) int { return len(ts.Introspections()) },
			[]string{"authentication failed", "XOAUTH2 login desk", "has been granted access to this mailbox"}},
		{"token endpoint refuses the app", func(ts *servers.TokenServer) { ts.FailTokenRequests(1 << 20) },
			func(ts *servers.TokenServer) int { return ts.TokenRequests() },
			[]string{"authentication failed", "invalid_client", "token request refused"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newOAuthHarness(t, time.Hour)
			tc.setup(h.ts)
			const retry, window = time.Second, 4 * time.Second
			w := h.oauthWorker(mailauth.XOAuth2, func(c *Config) {
				c.AuthRetry, c.MinBackoff, c.MaxBackoff = retry, time.Millisecond, 10*time.Millisecond
			})
			h.eventually("the refusal to be reported", 30*time.Second, func() bool { return w.Status().LastError != "" })
			base := tc.count(h.ts)
			time.Sleep(window)
			n := tc.count(h.ts) - base
			if limit := int(window/retry) + 1; n > limit || n < 1 {
				t.Errorf("%d requests in %v with AuthRetry %v; want 1..%d", n, window, retry, limit)
			}
			st := w.Status()
			for _, want := range tc.status {
				if !strings.Contains(st.LastError, want) {
					t.Errorf("status error %q does not say %q", st.LastError, want)
				}
			}
			if strings.Contains(st.LastError, "app-secret") || strings.Contains(st.LastError, "tok-") {
				t.Errorf("a secret or token in the status: %q", st.LastError)
			}
			if st.Connected || st.Backoff != retry {
				t.Errorf("status %+v, want disconnected with backoff %v", st, retry)
			}
		})
	}
}
