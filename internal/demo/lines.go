package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/releases"
)

// demoLineLife is how long the demo's lines to take stay approved.
const demoLineLife = 30 * 24 * time.Hour

// approveDemoLines approves every line to take of the demo's releases as
// the escalation manager, so officers are offered them (lines are drafts
// until a manager approves them). It waits briefly for the catalogue to
// reach Redis and returns how many lines it approved.
func approveDemoLines(ctx context.Context, rdb redis.UniversalClient, cfg *config.Config, now time.Time) (int, error) {
	by := cfg.Escalation.Manager
	if by == "" {
		return 0, nil
	}
	st := releases.NewStore(rdb, cfg.Redis.KeyPrefix)
	for wait := 0; wait < 50; wait++ {
		all, _, err := st.All(ctx)
		if err != nil && len(all) == 0 {
			return 0, fmt.Errorf("demo: reading releases: %w", err)
		}
		if len(all) == 0 {
			select {
			case <-ctx.Done():
				return 0, ctx.Err()
			case <-time.After(100 * time.Millisecond):
			}
			continue
		}
		n := 0
		for _, r := range all {
			for _, l := range r.LinesToTake {
				if _, err := st.ApproveLine(ctx, r.ID, releases.LineKey(l), by, now, now.Add(demoLineLife)); err != nil {
					return n, fmt.Errorf("demo: approving the lines of %s: %w", r.ID, err)
				}
				n++
			}
		}
		return n, nil
	}
	return 0, nil
}
