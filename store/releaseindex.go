package store

import (
	"context"
	"fmt"
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

// ReleaseEnquiries returns the newest n enquiries (n ≤ 0: 50) linked to a
// release, newest first, and how many are linked in all.
func (s *Store) ReleaseEnquiries(ctx context.Context, release string, n int) ([]*Enquiry, int64, error) {
	if n <= 0 {
		n = 50
	}
	key := s.key(releaseIndex(release))
	pipe := s.rdb.Pipeline()
	total := pipe.ZCard(ctx, key)
	refs := pipe.ZRevRange(ctx, key, 0, int64(n-1))
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, 0, fmt.Errorf("list enquiries of release %s: %w", release, err)
	}
	es, err := s.enquiries(ctx, refs.Val())
	return es, total.Val(), err
}
