package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Lease is a named lock in Redis held by one owner for a TTL and renewed
// while the owner works, so only one replica polls a mailbox folder (or
// runs a singleton job) at a time. When the owner dies, the lease lapses
// after its TTL and another replica takes over.
type Lease struct {
	s     *Store
	key   string
	token string
	ttl   time.Duration
}

var renewScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`)

var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`)

// NewLease prepares a lease on name for this process. Its token says who
// holds it ("<host>/<pid>/<random>"), so LeaseHolder can tell an operator
// (or a test) which process polls a folder.
func (s *Store) NewLease(name string, ttl time.Duration) *Lease {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	host, _ := os.Hostname()
	host = strings.NewReplacer("/", "_", " ", "_").Replace(host)
	token := fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
	return &Lease{s: s, key: s.key("lease:" + name), token: token, ttl: ttl}
}

// LeaseHolder returns the token of the holder of lease name
// ("<host>/<pid>/<random>") and how long the lease has left, or "" when
// nobody holds it.
func (s *Store) LeaseHolder(ctx context.Context, name string) (string, time.Duration, error) {
	key := s.key("lease:" + name)
	pipe := s.rdb.Pipeline()
	get := pipe.Get(ctx, key)
	ttl := pipe.PTTL(ctx, key)
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return "", 0, fmt.Errorf("lease %s: %w", key, err)
	}
	return get.Val(), max(ttl.Val(), 0), nil
}

// LeasePID is the process id in a lease holder's token (0 if none).
func LeasePID(token string) int {
	parts := strings.Split(token, "/")
	if len(parts) < 3 {
		return 0
	}
	pid, _ := strconv.Atoi(parts[len(parts)-2])
	return pid
}

// Token is this process's token for the lease.
func (l *Lease) Token() string { return l.token }

// Acquire takes the lease if it is free (or already ours, renewing it).
func (l *Lease) Acquire(ctx context.Context) (bool, error) {
	ok, err := l.s.rdb.SetNX(ctx, l.key, l.token, l.ttl).Result()
	if err != nil {
		return false, fmt.Errorf("acquire lease %s: %w", l.key, err)
	}
	if ok {
		return true, nil
	}
	return l.Renew(ctx)
}

// Renew extends the lease if this process still holds it.
func (l *Lease) Renew(ctx context.Context) (bool, error) {
	n, err := renewScript.Run(ctx, l.s.rdb, []string{l.key}, l.token, l.ttl.Milliseconds()).Int()
	if err != nil && !errors.Is(err, redis.Nil) {
		return false, fmt.Errorf("renew lease %s: %w", l.key, err)
	}
	return n == 1, nil
}

// Release gives the lease up if held.
func (l *Lease) Release(ctx context.Context) error {
	if err := releaseScript.Run(ctx, l.s.rdb, []string{l.key}, l.token).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("release lease %s: %w", l.key, err)
	}
	return nil
}

// Hold acquires the lease (waiting while another replica holds it), then
// runs fn with a context that is cancelled if the lease is lost. It
// returns when ctx ends or fn returns.
//
// A waiting replica sleeps until the holder's lease would lapse (at most a
// third of the TTL at a time), so when the holder dies another takes over
// within the TTL of its last renewal, plus one round trip.
func (l *Lease) Hold(ctx context.Context, fn func(ctx context.Context) error) error {
	wait := l.ttl / 3
	for {
		ok, err := l.Acquire(ctx)
		if err == nil && ok {
			break
		}
		sleep := wait
		if err == nil {
			left, perr := l.s.rdb.PTTL(ctx, l.key).Result()
			if perr == nil && left == -2 { // gone since: try again now
				left = 0
			}
			if perr == nil && left >= 0 && left < sleep {
				// Wake just after it lapses; a little jitter keeps
				// waiting replicas from arriving in lockstep.
				sleep = left + time.Duration(mrand.Int64N(int64(5*time.Millisecond)))
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(sleep):
		}
	}
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(wait)
		defer t.Stop()
		misses := 0
		for {
			select {
			case <-inner.Done():
				return
			case <-t.C:
				ok, err := l.Renew(inner)
				switch {
				case err == nil && ok:
					misses = 0
				case err == nil && !ok:
					cancel() // someone else holds it now
					return
				default:
					// Redis unreachable: keep working until the TTL would
					// have lapsed, then stop so two owners never overlap.
					misses++
					if time.Duration(misses)*wait >= l.ttl-wait {
						cancel()
						return
					}
				}
			}
		}
	}()
	err := fn(inner)
	cancel()
	<-done
	_ = l.Release(context.WithoutCancel(ctx))
	return err
}
