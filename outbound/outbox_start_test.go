package outbound

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestOutboxRunWaitsForRedisAtStart: a sender started while Redis is
// down keeps trying (it used to return the consumer group's error, which
// stopped the whole desk) and creates its consumer group once Redis is
// back. On real Redis and on miniredis (the demo's).
func TestOutboxRunWaitsForRedisAtStart(t *testing.T) {
	for _, rd := range []struct {
		name  string
		start func(testing.TB) *servers.Redis
	}{{"redis", servertest.Redis}, {"miniredis", servertest.Miniredis}} {
		t.Run(rd.name, func(t *testing.T) {
			e := newEnvOn(t, rd.start(t), "", nil)
			o := e.svc.outbox
			if err := e.rdb.XGroupDestroy(e.ctx, o.stream(), outboxGroup).Err(); err != nil {
				t.Fatal(err)
			}
			if err := e.redis.Stop(); err != nil {
				t.Fatal(err)
			}
			retried := make(chan struct{}, 1)
			o.log = slog.New(retryHandler{retried})
			ctx, cancel := context.WithCancel(e.ctx)
			done := make(chan error, 1)
			go func() { done <- o.Run(ctx) }()
			t.Cleanup(func() { cancel(); <-done })
			select {
			case err := <-done:
				done <- err // for the cleanup
				t.Fatalf("outbox sender returned while Redis was down: %v", err)
			case <-retried: // it failed to reach Redis and is waiting to try again
			case <-time.After(30 * time.Second):
				t.Fatal("outbox sender neither returned nor tried again while Redis was down")
			}
			if err := e.redis.Restart(e.ctx); err != nil {
				t.Fatal(err)
			}
			Eventually(t, "the outbox's consumer group", 20*time.Second, func() bool {
				groups, err := e.rdb.XInfoGroups(e.ctx, o.stream()).Result()
				return err == nil && slices.ContainsFunc(groups, func(g redis.XInfoGroup) bool { return g.Name == outboxGroup })
			})
			select {
			case err := <-done:
				done <- err
				t.Fatalf("outbox sender returned after Redis came back: %v", err)
			default:
			}
		})
	}
}

// retryHandler is a slog handler that signals each "will try again".
type retryHandler struct{ retried chan struct{} }

func (h retryHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h retryHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h retryHandler) WithGroup(string) slog.Handler            { return h }
func (h retryHandler) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, "will try again") {
		select {
		case h.retried <- struct{}{}:
		default:
		}
	}
	return nil
}
