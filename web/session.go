package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
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
//	<prefix>session:<sha256(id) hex>  user, csrf, created, seen (unix ms)
//
// Expiry is decided against the desk clock (idle since seen, absolute
// since created); the key's TTL is only garbage collection.
type sessions struct {
	rdb   redis.UniversalClient
	key   func(string) string
	clock clock.Clock
	idle  time.Duration
	max   time.Duration
	// touchEvery limits writes of "seen" to one per interval.
	touchEvery time.Duration
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
	k := s.redisKey(se.ID)
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, k, "user", user, "csrf", se.CSRF, "created", now.UnixMilli(), "seen", now.UnixMilli())
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

// get reads a live session; an expired one is deleted.
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

// limiter counts failed sign-ins in fixed windows of the desk clock:
//
//	<prefix>login:fail:u:<sha256(user, ip)>:<window>   per user and IP
//	<prefix>login:fail:ip:<sha256(ip)>:<window>        per IP, any user
//
// Keys expire after two windows.
type limiter struct {
	rdb     redis.UniversalClient
	key     func(string) string
	clock   clock.Clock
	window  time.Duration
	perUser int64
	perIP   int64
}

func (l *limiter) keys(user, ip string) (string, string) {
	w := strconv.FormatInt(l.clock.Now().UnixNano()/int64(l.window), 10)
	u := sha256.Sum256([]byte(strings.ToLower(user) + "\x00" + ip))
	i := sha256.Sum256([]byte(ip))
	return l.key("login:fail:u:" + hex.EncodeToString(u[:16]) + ":" + w),
		l.key("login:fail:ip:" + hex.EncodeToString(i[:16]) + ":" + w)
}

// blocked reports whether user from ip has used up its failures.
func (l *limiter) blocked(ctx context.Context, user, ip string) (bool, error) {
	ku, ki := l.keys(user, ip)
	v, err := l.rdb.MGet(ctx, ku, ki).Result()
	if err != nil {
		return false, fmt.Errorf("read sign-in counters: %w", err)
	}
	n := func(x any) int64 {
		s, _ := x.(string)
		c, _ := strconv.ParseInt(s, 10, 64)
		return c
	}
	return n(v[0]) >= l.perUser || n(v[1]) >= l.perIP, nil
}

// fail counts one failed sign-in.
func (l *limiter) fail(ctx context.Context, user, ip string) error {
	ku, ki := l.keys(user, ip)
	_, err := l.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Incr(ctx, ku)
		p.Expire(ctx, ku, 2*l.window)
		p.Incr(ctx, ki)
		p.Expire(ctx, ki, 2*l.window)
		return nil
	})
	if err != nil {
		return fmt.Errorf("count a failed sign-in: %w", err)
	}
	return nil
}

// reset forgets user's failures from ip after a good sign-in.
func (l *limiter) reset(ctx context.Context, user, ip string) error {
	ku, _ := l.keys(user, ip)
	return l.rdb.Del(ctx, ku).Err()
}
