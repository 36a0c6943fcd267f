package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// fieldFirstMsg is the enquiry hash field holding the key of the message
// that opened it (the later ones are in the list enq:<ref>:msgs), which
// saves a list per enquiry that never gets a follow-up.
const fieldFirstMsg = "first_msg"

// releaseIndex is the key suffix of a release's enquiries: a sorted set
// of references scored by creation time (ms), written by the commit
// script when an enquiry opens linked to the release. Nothing changes an
// enquiry's release after it opens; an action that does must move the
// reference between the two sets in the same script.
func releaseIndex(id string) string { return "idx:release:" + id }

// keyReleaseIndexed marks that enquiries committed before the release
// index existed have been added to it (backfillReleaseIndex).
const keyReleaseIndexed = "idx:release-indexed"

// ReleaseEnquiries returns the newest n enquiries (n ≤ 0: 50) linked to a
// release, newest first, and how many are linked in all. The first call
// on a store whose enquiries predate the index adds them to it.
func (s *Store) ReleaseEnquiries(ctx context.Context, release string, n int) ([]*Enquiry, int64, error) {
	if n <= 0 {
		n = 50
	}
	key := s.key(releaseIndex(release))
	for attempt := 0; ; attempt++ {
		pipe := s.rdb.Pipeline()
		indexed := pipe.Exists(ctx, s.key(keyReleaseIndexed))
		total := pipe.ZCard(ctx, key)
		refs := pipe.ZRevRange(ctx, key, 0, int64(n-1))
		if _, err := pipe.Exec(ctx); err != nil {
			return nil, 0, fmt.Errorf("list enquiries of release %s: %w", release, err)
		}
		if indexed.Val() == 0 && attempt == 0 {
			if err := s.backfillReleaseIndex(ctx); err != nil {
				return nil, 0, err
			}
			continue
		}
		es, err := s.enquiries(ctx, refs.Val())
		return es, total.Val(), err
	}
}

// backfillReleaseIndex adds every enquiry in idx:all that is linked to a
// release to the release's index, a page at a time, then sets the
// marker. Adding is idempotent, so commits meanwhile and another process
// doing the same are harmless.
func (s *Store) backfillReleaseIndex(ctx context.Context) error {
	const page = 1000
	for off := int64(0); ; off += page {
		zs, err := s.rdb.ZRangeWithScores(ctx, s.key("idx:all"), off, off+page-1).Result()
		if err != nil {
			return fmt.Errorf("index enquiries by release: %w", err)
		}
		pipe := s.rdb.Pipeline()
		rels := make([]*redis.StringCmd, len(zs))
		for i, z := range zs {
			rels[i] = pipe.HGet(ctx, s.key(enqKey(z.Member.(string))), FieldRelease)
		}
		if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
			return fmt.Errorf("index enquiries by release: %w", err)
		}
		pipe = s.rdb.Pipeline()
		for i, z := range zs {
			if r := rels[i].Val(); r != "" {
				pipe.ZAdd(ctx, s.key(releaseIndex(r)), z)
			}
		}
		if len(zs) < page {
			pipe.Set(ctx, s.key(keyReleaseIndexed), "1", 0)
		}
		if _, err := pipe.Exec(ctx); err != nil {
			return fmt.Errorf("index enquiries by release: %w", err)
		}
		if len(zs) < page {
			return nil
		}
	}
}
