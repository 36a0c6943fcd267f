package outbound

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// deliveries reads how many times an entry has been delivered (0 if it
// cannot be told).
func deliveries(ctx context.Context, rdb redis.UniversalClient, stream, group, id string) int64 {
	p, err := rdb.XPendingExt(ctx, &redis.XPendingExtArgs{Stream: stream, Group: group, Start: id, End: id, Count: 1}).Result()
	if err != nil || len(p) == 0 {
		return 0
	}
	return p[0].RetryCount
}

// deadLetter records an entry given up on in P outbound:dead (a capped
// list, newest first) and acknowledges it.
func deadLetter(ctx context.Context, rdb redis.UniversalClient, deadKey, stream, group string, m redis.XMessage, cause error) error {
	b, _ := json.Marshal(map[string]any{"stream": stream, "id": m.ID, "values": m.Values, "error": cause.Error(),
		"at": strconv.FormatInt(time.Now().UnixMilli(), 10)})
	pipe := rdb.TxPipeline()
	pipe.LPush(ctx, deadKey, string(b))
	pipe.LTrim(ctx, deadKey, 0, 999)
	pipe.XAck(ctx, stream, group, m.ID)
	_, err := pipe.Exec(ctx)
	return err
}

// dropConsumer removes a consumer from its group on shutdown, but only
// when it has no pending entries: XGROUP DELCONSUMER discards a consumer's
// pending entries, which would lose them.
func dropConsumer(ctx context.Context, rdb redis.UniversalClient, stream, group, consumer string) {
	p, err := rdb.XPendingExt(ctx, &redis.XPendingExtArgs{Stream: stream, Group: group, Start: "-", End: "+", Count: 1, Consumer: consumer}).Result()
	if err != nil || len(p) > 0 {
		return
	}
	_ = rdb.XGroupDelConsumer(ctx, stream, group, consumer).Err()
}
