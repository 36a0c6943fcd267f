package sla

import (
	"context"
	"time"
)

// SweepSilently records every transition due by now like SweepAt, but
// queues no notice: `mediadesk reindex` rebuilding clocks from the
// mailbox replays the past, whose warnings and breaches were sent the
// first time. The events (clock.warned, clock.breached, clock.escalated,
// with an empty notify list) and the timeline entries are written as
// usual, so reports count them.
func (s *Sweeper) SweepSilently(ctx context.Context, now time.Time) (SweepResult, error) {
	return s.sweepAt(ctx, now, true)
}
