package outbound_test

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/store"
)

// TestReadStatsDeadLetters reads outbound:dead as outbound writes it: a
// capped list (deadLetter LPUSHes), not a stream. Reading it as a stream
// failed with WRONGTYPE as soon as anything was set aside.
func TestReadStatsDeadLetters(t *testing.T) {
	for name, r := range map[string]func(testing.TB) string{
		"redis":     func(t testing.TB) string { return servertest.Redis(t).URL },
		"miniredis": func(t testing.TB) string { return servertest.Miniredis(t).URL },
	} {
		t.Run(name, func(t *testing.T) {
			opt, err := redis.ParseURL(r(t))
			if err != nil {
				t.Fatal(err)
			}
			rdb := redis.NewClient(opt)
			defer rdb.Close()
			ctx := context.Background()
			st := store.New(rdb, store.Options{Prefix: "{md:t}:"})
			got, err := outbound.ReadStats(ctx, st, time.Now())
			if err != nil || got.DeadLetters != 0 {
				t.Fatalf("empty desk: %+v, %v", got, err)
			}
			for i := 0; i < 3; i++ {
				if err := rdb.LPush(ctx, "{md:t}:outbound:dead", `{"error":"x"}`).Err(); err != nil {
					t.Fatal(err)
				}
			}
			got, err = outbound.ReadStats(ctx, st, time.Now())
			if err != nil || got.DeadLetters != 3 {
				t.Fatalf("3 dead letters: got %+v, %v", got, err)
			}
		})
	}
}
