package ops

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// OutboxReader reads the outbox figures from Redis: job counts per state
// (outbox:counts), the oldest entry of the outbox stream not yet handled
// (pending or undelivered to the sender group), and outbound:dead.
// key maps a key suffix to the desk's full key (store.Key).
func OutboxReader(rdb redis.UniversalClient, key func(string) string, now func() time.Time) func(ctx context.Context) (OutboxStats, error) {
	return func(ctx context.Context) (OutboxStats, error) {
		st := OutboxStats{Jobs: map[string]int64{}}
		counts, err := rdb.HGetAll(ctx, key("outbox:counts")).Result()
		if err != nil {
			return st, fmt.Errorf("outbox counts: %w", err)
		}
		for k, v := range counts {
			n, _ := strconv.ParseInt(v, 10, 64)
			st.Jobs[k] = n
		}
		// outbound:dead is a capped list (outbound.deadLetter), not a stream.
		if st.DeadLetters, err = rdb.LLen(ctx, key("outbound:dead")).Result(); err != nil {
			return st, fmt.Errorf("dead letters: %w", err)
		}
		stream := key("outbox")
		groups, err := rdb.XInfoGroups(ctx, stream).Result()
		if err != nil {
			if strings.Contains(err.Error(), "no such key") {
				return st, nil
			}
			return st, fmt.Errorf("outbox groups: %w", err)
		}
		var oldest int64 // unix ms
		consider := func(id string) {
			ms, ok := idMillis(id)
			if ok && (oldest == 0 || ms < oldest) {
				oldest = ms
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
			st.OldestQueued = max(now().Sub(time.UnixMilli(oldest)), 0)
		}
		return st, nil
	}
}

func idMillis(id string) (int64, bool) {
	ms, _, ok := strings.Cut(id, "-")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(ms, 10, 64)
	return n, err == nil && n > 0
}

// TailSLA follows the desk's events stream from now on and counts clock
// warnings, breaches and escalations by clock, until ctx ends. It reads
// without a consumer group (read-only, like the dashboard's live view).
func TailSLA(ctx context.Context, rdb redis.UniversalClient, stream string, m *Metrics, log *slog.Logger) error {
	last := "0-0"
	if ids, err := rdb.XRevRangeN(ctx, stream, "+", "-", 1).Result(); err == nil && len(ids) > 0 {
		last = ids[0].ID
	}
	delay := 500 * time.Millisecond
	for ctx.Err() == nil {
		res, err := rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{stream, last}, Count: 500, Block: 5 * time.Second}).Result()
		if err != nil {
			if errors.Is(err, redis.Nil) {
				continue
			}
			if ctx.Err() != nil {
				return nil
			}
			log.Debug("metrics: events stream unreadable; retrying", "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(delay):
			}
			delay = min(delay*2, 10*time.Second)
			continue
		}
		delay = 500 * time.Millisecond
		for _, s := range res {
			for _, msg := range s.Messages {
				last = msg.ID
				typ, _ := msg.Values["type"].(string)
				if tr, ok := strings.CutPrefix(typ, "clock."); ok && (tr == "warned" || tr == "breached" || tr == "escalated") {
					var data struct {
						Clock string `json:"clock"`
					}
					raw, _ := msg.Values["data"].(string)
					_ = json.Unmarshal([]byte(raw), &data)
					m.ObserveSLA(tr, data.Clock)
				}
			}
		}
	}
	return nil
}
