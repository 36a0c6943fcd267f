package sla

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/store"
)

// replica is one desk process's SLA parts on its own Redis connection.
type replica struct {
	sw *Sweeper
	dl *Deliverer
}

func (e *env) replica(n Notifier) replica {
	e.t.Helper()
	opt := e.rdb.Options()
	rdb := redis.NewClient(opt)
	e.t.Cleanup(func() { rdb.Close() })
	st := store.New(rdb, store.Options{Prefix: e.cfg.Redis.KeyPrefix, RefPrefix: e.cfg.Desk.ReferencePrefix, Location: e.cfg.Location, Clock: e.clock})
	sw := NewSweeper(st, e.cfg, e.clock, quiet)
	sw.Batch = 50 // many script calls, to interleave the replicas
	dl := NewDeliverer(st, e.cfg, n, quiet)
	dl.Batch = 25
	// The fake clock leaps ahead while a replica is mid-batch; a lease that
	// lapsed then would offer notices again (by design, and dropped by the
	// idempotency key: TestNoticeSurvivesCrash). Here only failed
	// hand-overs should come again.
	dl.Lease = 1000 * 24 * time.Hour
	return replica{sw, dl}
}

func TestTwoSweepersExactlyOnce(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		n := 3000
		if e.mini || testing.Short() {
			n = 800
		}
		rng := rand.New(rand.NewPCG(5, 5))
		// Enquiries opened over two hours, a third answered at random.
		tiers := []string{"wire", "broadcast", "national", "regional", ""}
		var opens []open
		for i := 0; i < n; i++ {
			opens = append(opens, open{Tier: tiers[i%len(tiers)], Topic: "migration", Officer: []string{"patel", "doyle"}[i%2],
				At: monday.Add(time.Duration(rng.IntN(7200)) * time.Second)})
		}
		refs := e.commit(opens...)
		rec := newRecorder()
		// A notifier that fails now and then after having enqueued (a crash
		// between the outbox accepting the notice and the queue's ack): the
		// notice comes again under the same key, and the outbox drops it.
		var flaky atomic.Int64
		notifier := NotifierFunc(func(ctx context.Context, nt Notice) error {
			if err := rec.Notify(ctx, nt); err != nil {
				return err
			}
			if nt.Tries == 1 && flaky.Add(1)%17 == 0 {
				return errors.New("connection reset after enqueue")
			}
			return nil
		})
		a, b := e.replica(notifier), e.replica(notifier)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var errs atomic.Int64
		for _, r := range []replica{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					now := e.clock.Now()
					if _, err := r.sw.SweepAt(e.ctx, now); err != nil {
						t.Error(err)
						errs.Add(1)
						return
					}
					if _, err := r.dl.Deliver(e.ctx, now); err != nil {
						t.Error(err)
						errs.Add(1)
						return
					}
				}
			}()
		}
		// Advance simulated time a minute at a time for a day, answering a
		// third of the enquiries on the way.
		answers := map[int]time.Time{}
		for i := range refs {
			if rng.IntN(3) == 0 {
				answers[i] = opens[i].At.Add(time.Duration(rng.IntN(3*3600)) * time.Second)
			}
		}
		for step := 0; step < 26*60 && errs.Load() == 0; step++ {
			now := e.clock.Advance(time.Minute)
			for i, at := range answers {
				if !at.After(now) {
					e.respond(refs[i], opens[i].Officer, store.Substantive)
					delete(answers, i)
				}
			}
			time.Sleep(200 * time.Microsecond) // let the replicas interleave with the clock
		}
		close(stop)
		wg.Wait()
		// Far ahead, both replicas at once: everything left breaches and
		// escalates, and failed hand-overs come again.
		for i := 0; i < 3; i++ {
			now := e.clock.Advance(10 * 24 * time.Hour)
			var wg sync.WaitGroup
			for _, r := range []replica{a, b} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := r.sw.SweepAt(e.ctx, now); err != nil {
						t.Error(err)
					}
					if _, err := r.dl.Deliver(e.ctx, now); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
		}
		if p, _ := a.dl.Pending(e.ctx); p != 0 {
			t.Fatalf("%d notices still queued", p)
		}
		// Every transition recorded on the enquiry has exactly one event,
		// one timeline entry and one notice; and nothing else has any.
		type tk struct{ ref, clock, tr string }
		events := map[tk]int{}
		for _, m := range e.events() {
			typ := m.Values["type"].(string)
			if typ != "clock.warned" && typ != "clock.breached" && typ != "clock.escalated" {
				continue
			}
			var d map[string]any
			_ = json.Unmarshal([]byte(m.Values["data"].(string)), &d)
			events[tk{m.Values["ref"].(string), d["clock"].(string), strings.TrimPrefix(typ, "clock.")}]++
		}
		transitions := 0
		counts := map[string]int{}
		for _, ref := range refs {
			q := e.enquiry(ref)
			tl, err := e.st.Timeline(e.ctx, ref)
			if err != nil {
				t.Fatal(err)
			}
			entries := map[tk]int{}
			for _, ev := range tl {
				if c, ok := ev.Data["clock"].(string); ok && strings.HasPrefix(ev.Type, "clock.") {
					entries[tk{ref, c, strings.TrimPrefix(ev.Type, "clock.")}]++
				}
			}
			for c, cl := range q.Clocks {
				for tr, at := range map[string]time.Time{Warned: cl.Warned, Breached: cl.Breached, Escalated: cl.Escalated} {
					k := tk{ref, c, tr}
					want := 0
					if !at.IsZero() {
						want = 1
						transitions++
						counts[tr]++
						key := fmt.Sprintf("sla:%s:%s:%s:%d", ref, c, tr, cl.Due.UnixMilli())
						if !rec.seen[key] {
							t.Errorf("%s %s %s: no notice %s", ref, c, tr, key)
						}
					}
					if events[k] != want || entries[k] != want {
						t.Errorf("%s %s %s: recorded %v, %d events, %d timeline entries", ref, c, tr, at, events[k], entries[k])
					}
				}
				if !cl.Met.IsZero() && !cl.Breached.IsZero() && cl.Met.Before(cl.Breached) {
					t.Errorf("%s %s: breached at %s after being met at %s", ref, c, cl.Breached, cl.Met)
				}
			}
		}
		if len(rec.sent) != transitions {
			t.Errorf("%d notices for %d transitions", len(rec.sent), transitions)
		}
		redelivered := 0
		for k, c := range rec.calls {
			if c > 1 {
				redelivered++
			}
			if c > 2 {
				t.Errorf("notice %s handed over %d times", k, c)
			}
		}
		if counts[Warned] == 0 || counts[Breached] == 0 || counts[Escalated] == 0 || redelivered == 0 {
			t.Errorf("the test did not exercise everything: %v, %d redelivered", counts, redelivered)
		}
		t.Logf("%d clocks on %d enquiries: %v transitions, %d notices, %d offered again after a failed ack", 3*n, n, counts, len(rec.sent), redelivered)
	})
}

// TestNoticeSurvivesCrash: a deliverer that claims notices and dies before
// handing them over delays them by the lease only.
func TestNoticeSurvivesCrash(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		e.commit(open{Tier: "wire", Topic: "europe", Officer: "moreau"}, open{Tier: "wire", Topic: "europe", Officer: "moreau"})
		sw := NewSweeper(e.st, e.cfg, e.clock, quiet)
		e.clock.Advance(3 * time.Minute) // past half of the 5-minute acknowledge target
		if r, err := sw.Sweep(e.ctx); err != nil || r.Warned != 2 {
			t.Fatalf("%+v %v", r, err)
		}
		// The crashed deliverer: claims, never acknowledges.
		now := e.clock.Now()
		claimed, err := notifyScript.Run(e.ctx, e.rdb, []string{e.st.Prefix() + keyNotify}, e.st.Prefix(), "claim", now.UnixMilli(), 100, (30 * time.Second).Milliseconds()).StringSlice()
		if err != nil || len(claimed) != 6 {
			t.Fatalf("claim: %v %v", claimed, err)
		}
		rec := newRecorder()
		dl := NewDeliverer(e.st, e.cfg, rec, quiet)
		if n, err := dl.Deliver(e.ctx, now.Add(29*time.Second)); err != nil || n != 0 {
			t.Fatalf("within the lease: delivered %d, %v", n, err)
		}
		if n, err := dl.Deliver(e.ctx, now.Add(30*time.Second)); err != nil || n != 2 {
			t.Fatalf("after the lease: delivered %d, %v", n, err)
		}
		for _, nt := range rec.sent {
			if nt.Tries != 2 {
				t.Errorf("notice %s: tries %d, want 2", nt.Key, nt.Tries)
			}
		}
		if n, _ := dl.Deliver(e.ctx, now.Add(time.Hour)); n != 0 {
			t.Errorf("delivered again: %d", n)
		}
	})
}
