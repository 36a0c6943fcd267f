package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/clock"
)

// Sign-in limits.
//
// Every attempt is counted in Redis, atomically, before its password is
// checked: a Lua script reads the counters that apply and, only when none
// is used up, increments them all. Parallel requests therefore cannot
// overtake the count (they could when the failure was counted after
// bcrypt). A good password gives its attempt back, so the counters hold
// failures plus attempts still being checked. The counters, in fixed
// windows of the desk clock (default 15 minutes), are:
//
//   - per (user, address), default 5: one address guessing one user is
//     stopped after five tries;
//   - per address, default 50, any user: one address spraying many users
//     is stopped (IPv6 addresses count per /64, which one host usually
//     holds whole);
//   - per user from anywhere, default 20: many addresses guessing one
//     user are stopped too — but only for addresses the user has not
//     signed in from lately. An address where the user signed in with the
//     right password within LoginKnownFor (default 30 days) keeps its own
//     per-(user, address) allowance, so an attacker can slow an account
//     (new addresses wait for the window) but cannot lock its owner out of
//     the places they work from.
//
// The "user" is the canonical officer id when the typed name is one
// (compared with strings.EqualFold, as the sign-in form does), else the
// typed name under the same folding, so "evanſ", "EVANS" and "evans" share
// one set of counters, and an unknown name is limited exactly like a known
// one. The address is the client address (Server.clientAddr: the peer, or
// behind a trusted proxy the address it forwarded).
//
// Keys (Redis holds hashes, never what was typed, which may be a password):
//
//	<prefix>login:n:ui:<h(user, address)>:<window>  per user and address
//	<prefix>login:n:ip:<h(address)>:<window>        per address
//	<prefix>login:n:u:<h(user)>:<window>            per user
//	<prefix>login:known:<h(user)>                   zset h(address) → until (unix ms)
type limiter struct {
	rdb    redis.UniversalClient
	key    func(string) string
	clock  clock.Clock
	window time.Duration
	// perUserIP, perIP and perUser are the limits above; knownFor how
	// long a good sign-in makes an address known for that user.
	perUserIP, perIP, perUser int64
	knownFor                  time.Duration
}

// knownCap bounds the addresses remembered per user.
const knownCap = 20

// verdict is what the limiter says about one attempt.
type verdict int

const (
	admitted     verdict = iota
	limitUserIP          // this address used up its tries for this user
	limitIP              // this address used up its tries for any user
	limitAccount         // this user used up its tries from new addresses
)

func (v verdict) String() string {
	switch v {
	case admitted:
		return "admitted"
	case limitUserIP:
		return "per user and address"
	case limitIP:
		return "per address"
	case limitAccount:
		return "per user from new addresses"
	}
	return "verdict(" + strconv.Itoa(int(v)) + ")"
}

// attempt is one counted sign-in attempt; its keys are those of the
// window it was counted in, so settling it later touches the same
// counters.
type attempt struct {
	userIP, ip, user, known string
	addr                    string // h(address), the member of known
}

func hash16(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// limitAddr is the address as the per-address counter sees it: an IPv4
// address, or the /64 of an IPv6 one. Anything else is used as given.
func limitAddr(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	a = a.Unmap()
	if a.Is4() {
		return a.String()
	}
	p, _ := a.Prefix(64)
	return p.String()
}

func (l *limiter) attempt(user, ip string) *attempt {
	w := strconv.FormatInt(l.clock.Now().UnixNano()/int64(l.window), 10)
	hu := hash16("user", user)
	return &attempt{
		userIP: l.key("login:n:ui:" + hash16("user+addr", user, ip) + ":" + w),
		ip:     l.key("login:n:ip:" + hash16("addr", limitAddr(ip)) + ":" + w),
		user:   l.key("login:n:u:" + hu + ":" + w),
		known:  l.key("login:known:" + hu),
		addr:   hash16("addr", ip),
	}
}

func (a *attempt) keys() []string { return []string{a.userIP, a.ip, a.user, a.known} }

// admitScript counts an attempt if no limit forbids it.
// KEYS: userIP, ip, user, known. ARGV: perUserIP, perIP, perUser, ttl ms,
// now ms, addr. Returns the verdict.
var admitScript = redis.NewScript(`
local function n(k) return tonumber(redis.call('GET', k) or '0') or 0 end
if n(KEYS[1]) >= tonumber(ARGV[1]) then return 1 end
if n(KEYS[2]) >= tonumber(ARGV[2]) then return 2 end
if n(KEYS[3]) >= tonumber(ARGV[3]) then
  local till = redis.call('ZSCORE', KEYS[4], ARGV[6])
  if not till or tonumber(till) <= tonumber(ARGV[5]) then return 3 end
end
for i = 1, 3 do
  redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], ARGV[4])
end
return 0`)

// settleScript gives an attempt back (it was not a failure).
// KEYS: userIP, ip, user, known. ARGV: good (1: the password was right),
// now ms, known until ms, known ttl ms, addr, cap.
var settleScript = redis.NewScript(`
for i = 1, 3 do
  if (tonumber(redis.call('GET', KEYS[i]) or '0') or 0) > 0 then redis.call('DECR', KEYS[i]) end
end
if ARGV[1] == '1' then
  redis.call('DEL', KEYS[1])
  redis.call('ZADD', KEYS[4], ARGV[3], ARGV[5])
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[2])
  redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[6]) + 1))
  redis.call('PEXPIRE', KEYS[4], ARGV[4])
end
return 1`)

// admit counts an attempt by user (a userKey) from ip before its password
// is checked. It returns the attempt, to settle later, when admitted.
func (l *limiter) admit(ctx context.Context, user, ip string) (*attempt, verdict, error) {
	a := l.attempt(user, ip)
	v, err := admitScript.Run(ctx, l.rdb, a.keys(),
		l.perUserIP, l.perIP, l.perUser, (2 * l.window).Milliseconds(), l.clock.Now().UnixMilli(), a.addr).Int64()
	if err != nil {
		return nil, 0, fmt.Errorf("count a sign-in attempt: %w", err)
	}
	if verdict(v) != admitted {
		return nil, verdict(v), nil
	}
	return a, admitted, nil
}

// succeeded settles an attempt whose password was right: it is not a
// failure, the user's failures from that address are forgotten, and the
// address becomes known for the user.
func (l *limiter) succeeded(ctx context.Context, a *attempt) error {
	now := l.clock.Now()
	err := settleScript.Run(ctx, l.rdb, a.keys(), 1, now.UnixMilli(), now.Add(l.knownFor).UnixMilli(),
		l.knownFor.Milliseconds(), a.addr, knownCap).Err()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("settle a sign-in: %w", err)
	}
	return nil
}

// refund gives back an attempt whose password was never checked.
func (l *limiter) refund(ctx context.Context, a *attempt) error {
	err := settleScript.Run(ctx, l.rdb, a.keys(), 0, 0, 0, 0, a.addr, knownCap).Err()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("refund a sign-in attempt: %w", err)
	}
	return nil
}

// foldName maps a name to one representative of its strings.EqualFold
// class: every rune becomes the smallest rune of its simple case-folding
// orbit, so foldName(a) == foldName(b) exactly when strings.EqualFold(a, b)
// (for valid UTF-8). Invalid bytes are kept as they are.
func foldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i])
			i++
			continue
		}
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < m {
				m = f
			}
		}
		b.WriteRune(m)
		i += size
	}
	return b.String()
}
