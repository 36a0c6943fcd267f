package outbound

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// Stats is the outbox as the metrics scrape it.
type Stats struct {
	// Jobs per state (queued, sending, retrying, sent, failed, suppressed)
	// and the other outbox:counts fields.
	Jobs map[string]int64
	// OldestQueued is the age at now of the oldest outbox stream entry not
	// yet handled (pending, or not yet delivered to a group); 0: none.
	OldestQueued time.Duration
	// DeadLetters are entries set aside after repeated failures
	// (outbound:dead, a capped list).
	DeadLetters int64
}

// ReadStats reads the outbox figures: job counts per state, the oldest
// entry of the outbox stream not yet handled, and the dead letters. It is
// the typed read of outbound's keys for other packages (internal/ops).
func ReadStats(ctx context.Context, st *store.Store, now time.Time) (Stats, error) {
	keys := keySpace(st)
	rdb := keys.Client()
	out := Stats{Jobs: map[string]int64{}}
	counts, err := rdb.HGetAll(ctx, keys.Key("outbox:counts")).Result()
	if err != nil {
		return out, fmt.Errorf("outbox counts: %w", err)
	}
	for k, v := range counts {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return out, fmt.Errorf("outbox counts: %s=%q: %w", k, v, err)
		}
		out.Jobs[k] = n
	}
	if out.DeadLetters, err = rdb.LLen(ctx, keys.Key("outbound:dead")).Result(); err != nil {
		return out, fmt.Errorf("dead letters: %w", err)
	}
	stream := keys.Key("outbox")
	groups, err := rdb.XInfoGroups(ctx, stream).Result()
	if err != nil {
		if strings.Contains(err.Error(), "no such key") {
			return out, nil
		}
		return out, fmt.Errorf("outbox groups: %w", err)
	}
	var oldest int64 // unix ms
	consider := func(id string) {
		ms, _, ok := strings.Cut(id, "-")
		if !ok {
			return
		}
		n, err := strconv.ParseInt(ms, 10, 64)
		if err == nil && n > 0 && (oldest == 0 || n < oldest) {
			oldest = n
		}
	}
	for _, g := range groups {
		if g.Pending > 0 {
			if p, err := rdb.XPending(ctx, stream, g.Name).Result(); err == nil {
				consider(p.Lower)
			}
		}
		// The first entry after what the group has been given.
		if next, err := rdb.XRangeN(ctx, stream, "("+g.LastDeliveredID, "+", 1).Result(); err == nil && len(next) > 0 {
			consider(next[0].ID)
		}
	}
	if oldest > 0 {
		out.OldestQueued = max(now.Sub(time.UnixMilli(oldest)), 0)
	}
	return out, nil
}
