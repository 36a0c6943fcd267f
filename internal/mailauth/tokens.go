package mailauth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/mediadesk/mediadesk/internal/clock"
)

// DefaultRefreshBefore is how long before its expiry a cached token is
// replaced: Entra ID and Google tokens live about an hour.
const DefaultRefreshBefore = 5 * time.Minute

// Fetcher fetches a new access token from its source every time it is
// called (no caching): a token endpoint, a command, a file.
type Fetcher interface {
	Fetch(ctx context.Context) (*oauth2.Token, error)
}

// Tokens caches one account's access token: every login reuses it until it
// comes within RefreshBefore of its expiry (or half its lifetime, for
// short-lived tokens), and a token the server refused is dropped so the
// next login fetches a fresh one. It is safe for concurrent use; the
// folders of one mailbox share it.
//
// It does what oauth2.ReuseTokenSourceWithExpiry does, plus two things a
// mail login needs: Invalidate (a token the server refused must not be
// offered again) and a context per fetch.
type Tokens struct {
	src   Fetcher
	early time.Duration
	clock clock.Clock

	mu      sync.Mutex
	cur     *oauth2.Token
	fetched time.Time
	fetches int
}

// NewTokens caches tokens from src. refreshBefore 0 means
// DefaultRefreshBefore; c nil means the wall clock.
func NewTokens(src Fetcher, refreshBefore time.Duration, c clock.Clock) *Tokens {
	if refreshBefore <= 0 {
		refreshBefore = DefaultRefreshBefore
	}
	if c == nil {
		c = clock.Real{}
	}
	return &Tokens{src: src, early: refreshBefore, clock: c}
}

// Token returns a usable token and whether it was fetched just now (true)
// or taken from the cache (false).
func (t *Tokens) Token(ctx context.Context) (tok *oauth2.Token, fresh bool, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cur != nil && t.usable(t.cur, t.fetched) {
		return t.cur, false, nil
	}
	now := t.clock.Now()
	tok, err = t.src.Fetch(ctx)
	t.fetches++
	if err != nil {
		return nil, false, err
	}
	if tok == nil || tok.AccessToken == "" {
		return nil, false, errors.New("the token source returned an empty access token")
	}
	t.cur, t.fetched = tok, now
	return tok, true, nil
}

// usable reports whether tok, fetched at fetched, is far enough from its
// expiry. A token without an expiry is usable until invalidated.
func (t *Tokens) usable(tok *oauth2.Token, fetched time.Time) bool {
	if tok.Expiry.IsZero() {
		return true
	}
	early := t.early
	if life := tok.Expiry.Sub(fetched); life/2 < early {
		early = life / 2
	}
	return t.clock.Now().Before(tok.Expiry.Add(-early))
}

// Invalidate drops tok from the cache if it is still the cached token (a
// token fetched meanwhile by another login is kept).
func (t *Tokens) Invalidate(tok *oauth2.Token) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cur != nil && tok != nil && t.cur.AccessToken == tok.AccessToken {
		t.cur = nil
	}
}

// Fetches counts calls to the source (for tests and status).
func (t *Tokens) Fetches() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.fetches
}

// ErrRefused marks credentials that the token endpoint refused (an OAuth2
// error reply such as invalid_client or unauthorized_client, a missing
// consent): a configuration problem that retrying soon will not fix.
var ErrRefused = errors.New("token request refused")

// classify wraps a token endpoint's error: a 4xx OAuth2 error reply is
// ErrRefused with the provider's error code and description (never the
// request, which holds the secret); anything else (network, 5xx, 429) is
// transient and returned as is.
func classify(what string, err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return fmt.Errorf("%s: %w", what, err)
	}
	code, desc := re.ErrorCode, re.ErrorDescription
	if code == "" {
		code, desc = errorFromBody(re.Body)
	}
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	detail := code
	if desc != "" {
		detail += ": " + desc
	}
	if detail == "" {
		detail = "no OAuth2 error in the reply"
	}
	detail = printable(clip(detail, 400))
	if status >= 400 && status < 500 && status != 408 && status != 429 {
		return fmt.Errorf("%s: %w (HTTP %d, %s)", what, ErrRefused, status, detail)
	}
	return fmt.Errorf("%s: HTTP %d from the token endpoint (%s)", what, status, detail)
}
