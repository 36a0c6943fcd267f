package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrNotReplicated says a write reached the primary but not, within the
// wait timeout, the number of replicas the desk asks for
// (redis.wait_replicas). Under Sentinel replication is asynchronous: a
// primary that fails over in that moment loses the write, so nothing that
// leaves the process (a flagged mailbox message, a sent mail) may depend
// on it. Retry later; the commit and the outbox are idempotent.
var ErrNotReplicated = errors.New("write not replicated")

// ReplicaWait is how many replicas must acknowledge a write before its
// effects leave the process, and how long to wait for them.
type ReplicaWait struct {
	// Replicas is the WAIT count; 0 issues no WAIT.
	Replicas int
	// Timeout bounds each WAIT (default 1s).
	Timeout time.Duration
}

// Wait returns the store's replica wait (Options.WaitReplicas, WaitTimeout).
func (s *Store) Wait() ReplicaWait { return s.wait }

// QueueWait adds a marker write (P waited) and WAIT to pipe after the
// writes queued on it, so WAIT counts the replicas that have those writes.
// WAIT waits for the last write of its own connection: it must travel in
// the writes' pipeline, and the marker makes that connection's last write
// the newest on the primary even when the queued commands wrote nothing
// (a commit of messages all committed before), so every earlier write,
// from any connection, is covered. It returns nil when no wait is
// configured.
func (s *Store) QueueWait(ctx context.Context, pipe redis.Pipeliner) *redis.Cmd {
	if s.wait.Replicas <= 0 {
		return nil
	}
	pipe.Set(ctx, s.key("waited"), s.clock.Now().UnixMilli(), 0)
	return pipe.Do(ctx, "wait", s.wait.Replicas, s.wait.Timeout.Milliseconds())
}

// CheckWait reads the reply of a WAIT queued by QueueWait: an error
// wrapping ErrNotReplicated when fewer replicas than asked acknowledged.
// A nil cmd (no wait configured) passes.
func (s *Store) CheckWait(cmd *redis.Cmd) error {
	if cmd == nil {
		return nil
	}
	n, err := cmd.Int64()
	if err != nil {
		return fmt.Errorf("wait for %d replica(s): %w", s.wait.Replicas, err)
	}
	if n < int64(s.wait.Replicas) {
		return fmt.Errorf("%w: %d of %d replica(s) acknowledged within %s (redis.wait_replicas)",
			ErrNotReplicated, n, s.wait.Replicas, s.wait.Timeout)
	}
	return nil
}
