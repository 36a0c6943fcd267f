package ops

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestOutboxReaderDeadLetters reads outbound:dead as outbound writes it: a
// capped list (outbound.deadLetter LPUSHes), not a stream. Reading it as a
// stream failed with WRONGTYPE as soon as anything was set aside.
func TestOutboxReaderDeadLetters(t *testing.T) {
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
			key := func(s string) string { return "{md:t}:" + s }
			read := OutboxReader(rdb, key, time.Now)
			st, err := read(ctx)
			if err != nil || st.DeadLetters != 0 {
				t.Fatalf("empty desk: %+v, %v", st, err)
			}
			for i := 0; i < 3; i++ {
				if err := rdb.LPush(ctx, key("outbound:dead"), `{"error":"x"}`).Err(); err != nil {
					t.Fatal(err)
				}
			}
			st, err = read(ctx)
			if err != nil || st.DeadLetters != 3 {
				t.Fatalf("3 dead letters: got %+v, %v", st, err)
			}
		})
	}
}
