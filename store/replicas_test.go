package store

import (
	"errors"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestCommitWaitsForReplicas: with WaitReplicas 1 and no replica (WAIT
// answers 0), a batch commit reports ErrNotReplicated for the whole batch,
// so nothing of it may be flagged; committing it again once the wait is
// met gives each message as committed before, not twice. Without a wait
// no WAIT is sent.
func TestCommitWaitsForReplicas(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		waiting := New(f.rdb, Options{RefPrefix: "FCDO", Location: f.s.loc, Clock: f.clock, WaitReplicas: 1, WaitTimeout: 20 * time.Millisecond})
		a, b := f.in(msg("<a@x>", "jo@bbc.co.uk", "A")), f.in(msg("<b@x>", "sam@itv.com", "B"))
		out, err := waiting.Commit(f.ctx, []Incoming{a, b}, CommitOptions{WarnBefore: 15 * time.Minute})
		if !errors.Is(err, ErrNotReplicated) || out != nil {
			t.Fatalf("commit without a replica: %v %v, want ErrNotReplicated and no outcomes", out, err)
		}
		if _, err := f.rdb.Get(f.ctx, waiting.key("waited")).Result(); err != nil {
			t.Errorf("the WAIT marker was not written: %v", err)
		}
		// The retry (as the ingest worker does) once a replica has it.
		again := f.commit(a, b)
		for _, o := range again {
			if o.Kind != "dup-source" {
				t.Errorf("retried commit: %+v, want dup-source", o)
			}
		}
		if s := f.stats(); s.Enquiries != 2 {
			t.Errorf("stats %+v, want 2 enquiries", s)
		}
	})
}

// TestNoWaitWithoutReplicas: WaitReplicas 0 queues no WAIT and no marker.
func TestNoWaitWithoutReplicas(t *testing.T) {
	f := newFixture(t, servertest.Miniredis(t))
	pipe := f.rdb.Pipeline()
	if cmd := f.s.QueueWait(f.ctx, pipe); cmd != nil || pipe.Len() != 0 {
		t.Errorf("QueueWait with no replicas queued %d command(s)", pipe.Len())
	}
	if err := f.s.CheckWait(nil); err != nil {
		t.Error(err)
	}
}
