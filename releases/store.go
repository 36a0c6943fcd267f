package releases

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/redis/go-redis/v9"
)

// DefaultKeyPrefix namespaces mediadesk's Redis keys; the hash tag keeps a
// desk's keys in one Redis Cluster slot, so transactions over them work.
const DefaultKeyPrefix = "{md}:"

// ErrNoRelease is returned (wrapped) for an unknown release id.
var ErrNoRelease = errors.New("no such release")

// Store keeps the release catalogue in Redis so that every replica
// and the dashboard share it:
//
//	{md}:releases          hash: release id → release JSON (JSON Lines form)
//	{md}:releases:version  counter, incremented on every change
//
// Replicas poll the version (one GET) and reload the hash only when it
// moved. Lines to take are edited in place (SetLinesToTake); a file or
// feed update without lines to take keeps the stored ones.
type Store struct {
	rdb    redis.UniversalClient
	prefix string
}

// NewStore returns a store over rdb; prefix "" means DefaultKeyPrefix.
func NewStore(rdb redis.UniversalClient, prefix string) *Store {
	if prefix == "" {
		prefix = DefaultKeyPrefix
	}
	return &Store{rdb: rdb, prefix: prefix}
}

func (s *Store) hashKey() string    { return s.prefix + "releases" }
func (s *Store) versionKey() string { return s.prefix + "releases:version" }

// Version returns the catalogue's version counter (0 before any write).
func (s *Store) Version(ctx context.Context) (int64, error) {
	v, err := s.rdb.Get(ctx, s.versionKey()).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("release store: reading version: %w", err)
	}
	return v, nil
}

// All returns every stored release (sorted by id) and the version they
// were read at. A stored value that does not decode is skipped and
// reported in the error, with the others returned.
func (s *Store) All(ctx context.Context) ([]Release, int64, error) {
	var hash *redis.MapStringStringCmd
	var ver *redis.StringCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		hash = p.HGetAll(ctx, s.hashKey())
		ver = p.Get(ctx, s.versionKey())
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, 0, fmt.Errorf("release store: reading releases: %w", err)
	}
	v, _ := ver.Int64()
	m := hash.Val()
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]Release, 0, len(ids))
	var bad []string
	for _, id := range ids {
		var r Release
		if err := json.Unmarshal([]byte(m[id]), &r); err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", id, err))
			continue
		}
		out = append(out, r)
	}
	if len(bad) > 0 {
		return out, v, fmt.Errorf("release store: %d unreadable release(s): %v", len(bad), bad)
	}
	return out, v, nil
}

// Get returns one release.
func (s *Store) Get(ctx context.Context, id string) (Release, bool, error) {
	b, err := s.rdb.HGet(ctx, s.hashKey(), id).Bytes()
	if errors.Is(err, redis.Nil) {
		return Release{}, false, nil
	}
	if err != nil {
		return Release{}, false, fmt.Errorf("release store: reading %s: %w", id, err)
	}
	var r Release
	if err := json.Unmarshal(b, &r); err != nil {
		return Release{}, false, fmt.Errorf("release store: %s: %w", id, err)
	}
	return r, true, nil
}

// Put stores releases, writing only those that differ from what is stored
// (an update without lines to take keeps the stored ones), and bumps the
// version when anything was written. It returns how many were written.
func (s *Store) Put(ctx context.Context, rels []Release) (int, error) {
	if len(rels) == 0 {
		return 0, nil
	}
	ids := make([]string, len(rels))
	for i := range rels {
		ids[i] = rels[i].ID
	}
	old, err := s.rdb.HMGet(ctx, s.hashKey(), ids...).Result()
	if err != nil {
		return 0, fmt.Errorf("release store: reading current releases: %w", err)
	}
	fields := make(map[string]any, len(rels))
	for i := range rels {
		r := rels[i]
		if prev, ok := old[i].(string); ok {
			var p Release
			if json.Unmarshal([]byte(prev), &p) == nil && len(r.LinesToTake) == 0 {
				r.LinesToTake = p.LinesToTake
			}
		}
		b, err := json.Marshal(r)
		if err != nil {
			return 0, fmt.Errorf("release store: encoding %s: %w", r.ID, err)
		}
		if prev, ok := old[i].(string); ok && prev == string(b) {
			continue
		}
		fields[r.ID] = string(b)
	}
	if len(fields) == 0 {
		return 0, nil
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, s.hashKey(), fields)
		p.Incr(ctx, s.versionKey())
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("release store: writing %d release(s): %w", len(fields), err)
	}
	return len(fields), nil
}

// SetLinesToTake replaces a release's lines to take (nil or empty clears
// them) and bumps the version. The read-modify-write is optimistic: it is
// retried when another writer changed the release meanwhile.
func (s *Store) SetLinesToTake(ctx context.Context, id string, lines []string) error {
	key := s.hashKey()
	clean := make([]string, 0, len(lines))
	for _, l := range lines {
		if l != "" {
			clean = append(clean, l)
		}
	}
	for attempt := 0; attempt < 10; attempt++ {
		err := s.rdb.Watch(ctx, func(tx *redis.Tx) error {
			b, err := tx.HGet(ctx, key, id).Bytes()
			if errors.Is(err, redis.Nil) {
				return fmt.Errorf("release store: %q: %w", id, ErrNoRelease)
			}
			if err != nil {
				return err
			}
			var r Release
			if err := json.Unmarshal(b, &r); err != nil {
				return fmt.Errorf("release store: %s: %w", id, err)
			}
			r.LinesToTake = clean
			nb, err := json.Marshal(r)
			if err != nil {
				return err
			}
			_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.HSet(ctx, key, id, string(nb))
				p.Incr(ctx, s.versionKey())
				return nil
			})
			return err
		}, key)
		if errors.Is(err, redis.TxFailedErr) {
			continue
		}
		if err != nil && !errors.Is(err, ErrNoRelease) {
			return fmt.Errorf("release store: setting lines to take of %s: %w", id, err)
		}
		return err
	}
	return fmt.Errorf("release store: setting lines to take of %s: too much contention", id)
}
