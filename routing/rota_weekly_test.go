package routing

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
)

// TestRotaWeeklyMatchesCron checks the weekly start tables against cron's
// own walk (rotaShift.occurrence without a table) on random instants,
// starts and ends of shifts, for specs that repeat weekly; the others get
// no table.
func TestRotaWeeklyMatchesCron(t *testing.T) {
	specs := []string{"0 8 * * MON-FRI", "0 18 * * MON-FRI", "0 8 * * SAT,SUN", "*/15 * * * *", "30 23 * * SUN", "0 8 1-31 * MON",
		"0 0 * * *", "5 */3 * * TUE", "0 8 * * *", "59 23 * * SAT", "0 9 1 * *", "0 9 * 1-6 MON"}
	durs := []time.Duration{time.Second, 30 * time.Second, 90 * time.Minute, 10 * time.Hour, 14 * time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 2*time.Hour + 500*time.Millisecond}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, sp := range specs {
		sched, err := config.ParseCron(sp)
		if err != nil {
			t.Fatal(err)
		}
		wk := weeklyStarts(sched)
		if monthly := sp == "0 9 1 * *" || sp == "0 9 * 1-6 MON"; monthly != (wk == nil) {
			t.Fatalf("%s: weekly table %v", sp, wk)
		}
		if wk == nil {
			continue
		}
		for _, d := range durs {
			fast := rotaShift{shift: &config.Shift{Duration: d}, sched: sched, weekly: wk}
			slow := rotaShift{shift: &config.Shift{Duration: d}, sched: sched}
			for k := 0; k < 400; k++ {
				var w time.Time
				switch k % 4 {
				case 0:
					w = time.Unix(rng.Int64N(4e9)-1e9, rng.Int64N(1e9)).UTC()
				case 1:
					w = time.Unix(rng.Int64N(4e9)-1e9, 0).UTC().Truncate(time.Minute)
				case 2: // at a start, or at its end
					s := slow.sched.Next(time.Unix(rng.Int64N(4e9)-1e9, 0).UTC())
					w = s
					if rng.IntN(2) == 0 {
						w = s.Add(d)
					}
					w = w.Add(time.Duration(rng.IntN(3)-1) * time.Nanosecond)
				case 3:
					w = time.Date(2023+rng.IntN(3), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC)
				}
				a, aok := fast.occurrence(w)
				b, bok := slow.occurrence(w)
				if aok != bok || !a.Equal(b) {
					t.Fatalf("%s d=%s w=%s: fast %s %v, slow %s %v", sp, d, w, a, aok, b, bok)
				}
			}
		}
	}
}
