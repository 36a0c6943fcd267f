package store

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestLeaseTakeover: a holder that stops renewing (a dead replica) keeps
// the lease until it lapses; a waiting replica takes it then, not before,
// and the holder's token names its process.
func TestLeaseTakeover(t *testing.T) {
	r := servertest.RealRedis(t) // TTLs lapse by the wall clock
	opt, _ := redis.ParseURL(r.URL)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	s := New(rdb, Options{Prefix: "{md:lease}:"})
	ctx := context.Background()
	const ttl = 600 * time.Millisecond
	dead := s.NewLease("ingest:desk:INBOX", ttl)
	if ok, err := dead.Acquire(ctx); !ok || err != nil {
		t.Fatalf("acquire: %v %v", ok, err)
	}
	acquired := time.Now()
	holder, left, err := s.LeaseHolder(ctx, "ingest:desk:INBOX")
	if err != nil || holder != dead.Token() || left <= 0 || left > ttl {
		t.Fatalf("holder %q left %s err %v", holder, left, err)
	}
	if LeasePID(holder) != os.Getpid() {
		t.Errorf("token %q does not name pid %d", holder, os.Getpid())
	}
	next := s.NewLease("ingest:desk:INBOX", ttl)
	started := make(chan time.Time, 1)
	hctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- next.Hold(hctx, func(ctx context.Context) error {
			started <- time.Now()
			<-ctx.Done()
			return nil
		})
	}()
	var at time.Time
	select {
	case at = <-started:
	case <-time.After(10 * ttl):
		t.Fatal("the waiting replica never took the lapsed lease")
	}
	if at.Before(acquired.Add(ttl - 50*time.Millisecond)) {
		t.Errorf("taken %s after acquisition, before the %s lease lapsed", at.Sub(acquired), ttl)
	}
	if h, _, _ := s.LeaseHolder(ctx, "ingest:desk:INBOX"); h != next.Token() {
		t.Errorf("holder %q, want the new one %q", h, next.Token())
	}
	t.Logf("taken over %s after the last renewal (ttl %s)", at.Sub(acquired).Round(time.Millisecond), ttl)
	cancel()
	<-done
	if h, _, _ := s.LeaseHolder(ctx, "ingest:desk:INBOX"); h != "" {
		t.Errorf("released lease still held by %q", h)
	}
}
