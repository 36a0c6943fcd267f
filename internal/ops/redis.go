package ops

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

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
