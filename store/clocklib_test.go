package store

import (
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestClockLibWarnAt holds the Lua clock library's clock_warn_at (what
// the scripts schedule) and store.WarnAt (what Go pre-computes for a new
// enquiry and sla.StateOf reads) to one rule, case by case.
func TestClockLibWarnAt(t *testing.T) {
	f := newFixture(t, servertest.Redis(t))
	probe := redis.NewScript(withClockLib(`return clock_warn_at(ARGV[2], ARGV[3], ARGV[4])`))
	start := t0
	cases := []struct {
		name               string
		start              time.Time
		target, warnBefore time.Duration
	}{
		{"plenty of time: warn_before ahead", start, 2 * time.Hour, 15 * time.Minute},
		{"would warn at once: half-way", start, 15 * time.Minute, 15 * time.Minute},
		{"short target", start, 5 * time.Minute, 15 * time.Minute},
		{"just over", start, 20 * time.Minute, 15 * time.Minute},
		{"no start", time.Time{}, 10 * time.Minute, 15 * time.Minute},
		{"due before start", start, -time.Minute, 15 * time.Minute},
		{"no warning time", start, time.Hour, 0},
	}
	for _, c := range cases {
		due := start.Add(c.target)
		if c.start.IsZero() {
			due = t0.Add(c.target)
		}
		startArg := "0"
		if !c.start.IsZero() {
			startArg = ms(c.start)
		}
		got, err := probe.Run(f.ctx, f.rdb, []string{"x"}, "", startArg, ms(due), c.warnBefore.Milliseconds()).Text()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		want := strconv.FormatInt(WarnAt(c.start, due, c.warnBefore).UnixMilli(), 10)
		if got != want {
			t.Errorf("%s: Lua %s, Go %s", c.name, got, want)
		}
	}
}
