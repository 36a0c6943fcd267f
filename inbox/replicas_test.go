package inbox

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// countingIngest records what each batch commit returned.
type countingIngest struct {
	*Ingest
	mu   sync.Mutex
	errs []error
}

func (c *countingIngest) Commit(ctx context.Context, p any) ([]uint32, error) {
	done, err := c.Ingest.Commit(ctx, p)
	c.mu.Lock()
	c.errs = append(c.errs, err)
	c.mu.Unlock()
	return done, err
}

func (c *countingIngest) commits() []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]error(nil), c.errs...)
}

// TestUnreplicatedCommitNotFlagged: with redis.wait_replicas 1 and no
// replica (WAIT answers 0, as a primary cut off by a failover does), the
// batch reaches the primary but is not flagged in the mailbox, and the
// worker commits it again; once the wait is met (here: a worker that does
// not wait) every message is flagged, each recorded once.
func TestUnreplicatedCommitNotFlagged(t *testing.T) {
	h := newHarness(t, nil)
	waiting := store.New(h.rdb, store.Options{RefPrefix: "TEST", Location: time.UTC, WaitReplicas: 1, WaitTimeout: 20 * time.Millisecond})
	h.append("INBOX",
		mail(1, "jo@bbc.co.uk", "Albania returns"),
		mail(2, "sam@itv.com", "Kosovo troops"),
		mail(3, "ann@ft.com", "Trade figures"),
	)
	ing := &countingIngest{Ingest: &Ingest{Store: waiting, WarnBefore: 15 * time.Minute}}
	_, stop := h.worker("INBOX", func(c *Config) { c.Store, c.Handler = waiting, ing })
	h.eventually("the batch committed again after not being replicated", 20*time.Second, func() bool {
		return len(ing.commits()) >= 3
	})
	stop()
	for i, err := range ing.commits() {
		if !errors.Is(err, store.ErrNotReplicated) {
			t.Errorf("commit %d: %v, want ErrNotReplicated", i, err)
		}
	}
	if with, all := h.flagged("INBOX", "$MediadeskIngested"); len(with) != 0 || len(all) != 3 {
		t.Errorf("flagged %v of %v; want none while no replica has the commit", with, all)
	}
	if s := h.stats("INBOX"); s.Messages != 3 || s.Enquiries != 3 {
		t.Errorf("stats %+v; want the 3 messages on the primary", s)
	}

	// Replication caught up: the same messages commit as duplicates of
	// themselves and are flagged, nothing recorded twice.
	h.worker("INBOX", nil)
	h.eventually("all flagged", 20*time.Second, func() bool {
		with, all := h.flagged("INBOX", "$MediadeskIngested")
		return len(all) == 3 && len(with) == 3
	})
	if s := h.stats("INBOX"); s.Messages != 3 || s.Enquiries != 3 {
		t.Errorf("stats %+v after the retry; want each message once", s)
	}
}
