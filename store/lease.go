package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
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

// NewLease prepares a lease on name for this process.
func (s *Store) NewLease(name string, ttl time.Duration) *Lease {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return &Lease{s: s, key: s.Key("lease:" + name), token: hex.EncodeToString(b), ttl: ttl}
}

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
func (l *Lease) Hold(ctx context.Context, fn func(ctx context.Context) error) error {
	wait := l.ttl / 3
	for {
		ok, err := l.Acquire(ctx)
		if err == nil && ok {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
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
