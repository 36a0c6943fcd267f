package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/clock"
)

// session is a signed-in browser. ID is the raw cookie value: it is never
// stored (Redis holds its SHA-256) and never logged.
type session struct {
	ID      string
	User    string
	CSRF    string
	Created time.Time
	Seen    time.Time
}

// sessions keeps sessions in Redis, one hash per session:
//
//	<prefix>session:<sha256(id) hex>  user, csrf, cred, created, seen (unix ms)
//
// Expiry is decided against the desk clock (idle since seen, absolute
// since created); the key's TTL is only garbage collection.
//
// cred binds the session to the credential it was signed in with: a
// fingerprint of the user's line in the users file (credFunc) taken at
// sign-in and compared at every read. Changing or deleting the password
// (`mediadesk passwd`, which rewrites the file; it is re-read when it
// changes) therefore ends every session of that user at its next request,
// on every replica, with nothing to clean up.
type sessions struct {
	rdb   redis.UniversalClient
	key   func(string) string
	clock clock.Clock
	idle  time.Duration
	max   time.Duration
	// touchEvery limits writes of "seen" to one per interval.
	touchEvery time.Duration
	// cred returns the current credential fingerprint of a user ("" when
	// the user has no password).
	cred func(user string) string
}

// randomToken returns n random bytes, base64url without padding.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand: " + err.Error()) // never fails on Linux
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *sessions) redisKey(id string) string {
	sum := sha256.Sum256([]byte(id))
	return s.key("session:" + hex.EncodeToString(sum[:]))
}

// create starts a session for user with a fresh 256-bit id and CSRF token.
func (s *sessions) create(ctx context.Context, user string) (*session, error) {
	now := s.clock.Now()
	se := &session{ID: randomToken(32), User: user, CSRF: randomToken(32), Created: now, Seen: now}
	cred := s.cred(user)
	if cred == "" {
		return nil, fmt.Errorf("create session: %s has no password", user)
	}
	k := s.redisKey(se.ID)
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, k, "user", user, "csrf", se.CSRF, "cred", cred, "created", now.UnixMilli(), "seen", now.UnixMilli())
		p.Expire(ctx, k, s.max+time.Minute)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("create session: %w", err)
	}
	return se, nil
}

// errNoSession is returned for an unknown, expired or malformed id.
var errNoSession = errors.New("no session")

// get reads a live session; an expired one, or one whose user's password
// has changed or gone since it began, is deleted.
func (s *sessions) get(ctx context.Context, id string) (*session, error) {
	if len(id) != 43 || strings.ContainsFunc(id, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) {
		return nil, errNoSession
	}
	k := s.redisKey(id)
	h, err := s.rdb.HGetAll(ctx, k).Result()
	if err != nil {
		return nil, fmt.Errorf("read session: %w", err)
	}
	if len(h) == 0 || h["user"] == "" || h["csrf"] == "" {
		return nil, errNoSession
	}
	se := &session{ID: id, User: h["user"], CSRF: h["csrf"], Created: msTime(h["created"]), Seen: msTime(h["seen"])}
	now := s.clock.Now()
	if now.Sub(se.Seen) >= s.idle || now.Sub(se.Created) >= s.max {
		_ = s.rdb.Del(ctx, k).Err()
		return nil, errNoSession
	}
	// A session from before sessions carried a fingerprint has none and
	// ends here too: its user signs in once more.
	if cur := s.cred(se.User); cur == "" || subtle.ConstantTimeCompare([]byte(cur), []byte(h["cred"])) != 1 {
		_ = s.rdb.Del(ctx, k).Err()
		return nil, errNoSession
	}
	return se, nil
}

// touch records activity (at most once per touchEvery).
func (s *sessions) touch(ctx context.Context, se *session) error {
	now := s.clock.Now()
	if now.Sub(se.Seen) < s.touchEvery {
		return nil
	}
	se.Seen = now
	// Only if the session still exists: a logout elsewhere wins.
	if err := touchScript.Run(ctx, s.rdb, []string{s.redisKey(se.ID)}, now.UnixMilli()).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

var touchScript = redis.NewScript(`if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'seen', ARGV[1]) end return 1`)

// destroy deletes a session (logout).
func (s *sessions) destroy(ctx context.Context, id string) error {
	if id == "" {
		return nil
	}
	if err := s.rdb.Del(ctx, s.redisKey(id)).Err(); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

func msTime(s string) time.Time {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.UnixMilli(n)
}
