// Command clocklife measures what SLA clocks cost Redis over enquiries'
// whole lives, not one step of them: a day of a busy desk simulated on a
// fake clock against a real redis-server — enquiries committed as they
// arrive, most acknowledged, answered and resolved in time, some late
// (warnings, breaches, escalations), and the sweeper run every simulated
// -tick — with Redis's main-thread CPU counted per phase (commit, officer
// actions, sweeps) and per enquiry.
//
// It exists because a change to where the clock schedule lives moves cost
// between the phases (a cheaper commit can make the sweep dearer): the
// total per enquiry is the figure that says whether it was worth it. The
// workload is fixed by -seed, so two builds compare like for like.
//
// Usage: go run ./bench/clocklife [-enquiries 20000] [-tick 1m] [-config ../shared/data/desk.yaml]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

func main() {
	n := flag.Int("enquiries", 20000, "enquiries arriving over the first 8 simulated hours")
	tick := flag.Duration("tick", time.Minute, "simulated time between sweeps")
	seed := flag.Uint64("seed", 7, "workload seed")
	cfgPath := flag.String("config", filepath.Join("..", "shared", "data", "desk.yaml"), "desk config")
	redisURL := flag.String("redis", "", "use this Redis (its keys under {life}: are overwritten) instead of starting one")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := run(*n, *tick, *seed, *cfgPath, *redisURL); err != nil {
		fmt.Fprintln(os.Stderr, "bench/clocklife:", err)
		os.Exit(1)
	}
}

// action is an officer's step on an enquiry at a simulated time.
type action struct {
	at   time.Time
	i    int // enquiry index
	kind string
}

func run(n int, tick time.Duration, seed uint64, cfgPath, url string) error {
	ctx := context.Background()
	cfg, err := config.Load(cfgPath, config.LoadOptions{})
	if err != nil {
		return err
	}
	rdb, closeRedis, err := servers.BenchRedis(ctx, url)
	if err != nil {
		return err
	}
	defer closeRedis()
	if err := servers.DeletePrefix(ctx, rdb, "{life}:"); err != nil {
		return err
	}

	t0 := time.Date(2024, 11, 4, 8, 0, 0, 0, cfg.Location)
	fake := clock.NewFake(t0)
	st := store.New(rdb, store.Options{Prefix: "{life}:", RefPrefix: "FCDO", Location: cfg.Location, Clock: fake})
	sw := sla.NewSweeper(st, cfg, fake, nil)
	rng := rand.New(rand.NewPCG(seed, seed+1))
	minutes := func(lo, hi float64) time.Duration {
		return time.Duration((lo + rng.Float64()*(hi-lo)) * float64(time.Minute))
	}

	// The workload: arrivals spread over 8 hours; per enquiry a holding
	// reply (85 % within 25 min, the rest after the 30-minute target), a
	// substantive answer (75 % within its 2 hours, 20 % late, 5 % never
	// in the day) and a resolution (70 %, within 20 hours).
	arrive := make([]time.Time, n)
	var acts []action
	for i := range n {
		at := t0.Add(time.Duration(float64(8*time.Hour) * float64(i) / float64(n)))
		arrive[i] = at
		if rng.Float64() < 0.85 {
			acts = append(acts, action{at.Add(minutes(2, 25)), i, "holding"})
		} else {
			acts = append(acts, action{at.Add(minutes(35, 90)), i, "holding"})
		}
		switch p := rng.Float64(); {
		case p < 0.75:
			acts = append(acts, action{at.Add(minutes(26, 110)), i, "answer"})
		case p < 0.95:
			acts = append(acts, action{at.Add(minutes(150, 300)), i, "answer"})
		}
		if rng.Float64() < 0.70 {
			acts = append(acts, action{at.Add(minutes(320, 1200)), i, "resolve"})
		}
	}
	sort.SliceStable(acts, func(a, b int) bool { return acts[a].at.Before(acts[b].at) })

	cpu := func() (time.Duration, error) { return servers.MainThreadCPU(ctx, rdb) }
	var spent [3]time.Duration // commit, actions, sweeps
	phase := func(p int, f func() error) error {
		c0, err := cpu()
		if err != nil {
			return err
		}
		if err := f(); err != nil {
			return err
		}
		c1, err := cpu()
		if err != nil {
			return err
		}
		spent[p] += c1 - c0
		return nil
	}

	refs := make([]string, n)
	next, nextAct := 0, 0
	var res sla.SweepResult
	end := t0.Add(32 * time.Hour)
	for now := t0; !now.After(end); now = now.Add(tick) {
		fake.Set(now)
		var batch []store.Incoming
		var idx []int
		for next < n && !arrive[next].After(now) {
			i := next
			id := fmt.Sprintf("life-%d@bench", i+1)
			at := arrive[i]
			batch = append(batch, store.Incoming{
				Source:   store.Source{Mailbox: "bench", Folder: "INBOX", UIDValidity: 1, UID: uint32(i + 1)},
				Received: at, Size: 2000,
				Msg: &mailparse.Message{MessageID: id, From: mailparse.Address{Addr: fmt.Sprintf("j%d@reuters.com", i+1)},
					Subject: fmt.Sprintf("question %d", i+1), Date: at, Text: "A question.", NewText: "A question."},
				New: &store.NewEnquiry{Topic: "migration", Officer: "okafor", OutletTier: "wire", Outlet: "Reuters", Policy: "wire",
					AcknowledgeDue: at.Add(30 * time.Minute), FirstResponseDue: at.Add(2 * time.Hour), ResolutionDue: at.Add(24 * time.Hour)},
			})
			idx = append(idx, i)
			next++
		}
		if len(batch) > 0 {
			if err := phase(0, func() error {
				out, err := st.Commit(ctx, batch, store.CommitOptions{WarnBefore: cfg.SLA.WarnBefore})
				for k, o := range out {
					refs[idx[k]] = o.Ref
				}
				return err
			}); err != nil {
				return err
			}
		}
		if err := phase(1, func() error {
			for ; nextAct < len(acts) && !acts[nextAct].at.After(now); nextAct++ {
				a := acts[nextAct]
				var err error
				switch a.kind {
				case "holding":
					_, err = st.RecordResponse(ctx, refs[a.i], store.Response{At: a.at, By: "okafor", Kind: store.Holding, Via: "dashboard"})
				case "answer":
					_, err = st.RecordResponse(ctx, refs[a.i], store.Response{At: a.at, By: "okafor", Kind: store.Substantive, Via: "dashboard"})
				case "resolve":
					_, err = st.Resolve(ctx, refs[a.i], "okafor", "")
				}
				if err != nil {
					return fmt.Errorf("%s %s: %w", a.kind, refs[a.i], err)
				}
			}
			return nil
		}); err != nil {
			return err
		}
		if err := phase(2, func() error {
			r, err := sw.SweepAt(ctx, now)
			res.Warned += r.Warned
			res.Breached += r.Breached
			res.Escalated += r.Escalated
			return err
		}); err != nil {
			return err
		}
	}
	per := func(d time.Duration) string {
		return fmt.Sprintf("%.1f µs", float64(d.Microseconds())/float64(n))
	}
	total := spent[0] + spent[1] + spent[2]
	fmt.Printf("%d enquiries over 32 simulated hours, sweeps every %s: %d actions; %d warnings, %d breaches, %d escalations recorded\n",
		n, tick, len(acts), res.Warned, res.Breached, res.Escalated)
	fmt.Printf("Redis main-thread CPU per enquiry: commit %s, officer actions %s, sweeps %s; total %s (%.2f s)\n",
		per(spent[0]), per(spent[1]), per(spent[2]), per(total), total.Seconds())
	return nil
}
