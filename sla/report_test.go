package sla

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/store"
)

// action is one step of a simulated desk.
type action struct {
	at   time.Time
	kind string // open, holding, answer, followup, answer-next, resolve
	i    int    // enquiry index
}

type simEnquiry struct {
	o   open
	ref string
}

// simulate runs n enquiries with random but known timings through the real
// store over about days days, sweeping every sweepEvery of simulated time
// (so some late replies beat the sweeper to the breach) and projecting
// every projectEvery actions. It ends with a sweep far in the future, so
// every clock left unmet has breached.
func simulate(t *testing.T, e *env, seed uint64, n, days int, sweepEvery time.Duration, projectEvery int, p *Projector) []simEnquiry {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	cfg := e.cfg
	start := time.Date(2023, 10, 20, 0, 0, 0, 0, cfg.Location) // spans the end of BST (29 Oct)
	releases := []string{"", "", "", "2024-03-05-ruritania-returns-agreement", "2024-03-08-evacuation-flights-from-valdoria", "2024-03-12-sanctions-on-valdorian-arms-brokers"}
	var acts []action
	sims := make([]simEnquiry, n)
	for i := range sims {
		at := start.Add(time.Duration(rng.Int64N(int64(days) * int64(24*time.Hour))))
		at = at.Truncate(time.Second)
		topic := cfg.Topics[rng.IntN(len(cfg.Topics))].ID
		var officers []string
		for _, o := range cfg.Officers {
			if o.Role == "officer" && o.Covers(topic) {
				officers = append(officers, o.ID)
			}
		}
		o := open{Topic: topic, Officer: officers[rng.IntN(len(officers))], Release: releases[rng.IntN(len(releases))], At: at,
			From: fmt.Sprintf("j%d@example.com", i)}
		if k := rng.IntN(len(cfg.Outlets) + 4); k < len(cfg.Outlets) {
			o.Outlet, o.Tier = cfg.Outlets[k].Name, cfg.Outlets[k].Tier
		}
		if rng.IntN(10) == 0 {
			o.Deadline = at.Add(30*time.Minute + time.Duration(rng.IntN(180))*time.Minute)
		}
		// A call in eight (logged as phone or, rarely, as email), the rest
		// mail; languages as a foreign ministry's desk hears them.
		switch rng.IntN(16) {
		case 0, 1:
			o.Channel = store.ChannelPhone
		case 2:
			o.Channel = "email"
		}
		o.Lang = []string{"en", "en", "en", "en", "", "de", "sq", "fr"}[rng.IntN(8)]
		sims[i].o = o
		acts = append(acts, action{at, "open", i})
		last := at
		if rng.IntN(10) < 7 {
			last = at.Add(time.Duration(30+rng.IntN(20*60)) * time.Second)
			acts = append(acts, action{last, "holding", i})
		}
		if rng.IntN(100) < 85 {
			ans := at.Add(time.Duration(300+rng.IntN(3*3600)) * time.Second)
			if ans.Before(last) {
				ans = last.Add(time.Minute)
			}
			last = ans
			acts = append(acts, action{ans, "answer", i})
			if rng.IntN(100) < 15 {
				fu := ans.Add(time.Duration(10+rng.IntN(110)) * time.Minute)
				acts = append(acts, action{fu, "followup", i})
				last = fu
				if rng.IntN(10) < 7 {
					last = fu.Add(time.Duration(5*60+rng.IntN(3*3600)) * time.Second)
					acts = append(acts, action{last, "answer-next", i})
				}
			}
		}
		if rng.IntN(100) < 80 {
			acts = append(acts, action{last.Add(time.Duration(10+rng.IntN(30*60)) * time.Minute), "resolve", i})
		}
	}
	sort.SliceStable(acts, func(i, j int) bool { return acts[i].at.Before(acts[j].at) })
	sw := NewSweeper(e.st, cfg, e.clock, quiet)
	var lastSweep time.Time
	sweep := func(now time.Time) {
		if _, err := sw.SweepAt(e.ctx, now); err != nil {
			t.Fatal(err)
		}
		lastSweep = now
	}
	for k, a := range acts {
		if a.at.Sub(lastSweep) >= sweepEvery {
			sweep(a.at)
		}
		e.clock.Set(a.at)
		s := &sims[a.i]
		switch a.kind {
		case "open":
			s.ref = e.one(s.o)
		case "holding":
			e.respond(s.ref, s.o.Officer, store.Holding)
		case "answer", "answer-next":
			e.respond(s.ref, s.o.Officer, store.Substantive)
		case "followup":
			if o := e.followup(s.ref, s.o.From, time.Time{}); o.Kind != "followup" || o.Ref != s.ref {
				t.Fatalf("follow-up threaded as %+v", o)
			}
		case "resolve":
			if _, err := e.st.Resolve(e.ctx, s.ref, s.o.Officer, ""); err != nil {
				t.Fatal(err)
			}
		}
		if p != nil && projectEvery > 0 && k%projectEvery == 0 {
			if _, err := p.CatchUp(e.ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	end := acts[len(acts)-1].at.Add(40 * 24 * time.Hour)
	e.clock.Set(end)
	sweep(end)
	return sims
}

// brute computes a report row per group straight from the enquiry hashes.
type bruteRow struct {
	opened, open, overdue int64
	met, late, breached   [4]int64
	warned, escalated     [4]int64
	times                 [4][]time.Duration
}

type breachKey struct{ ref, clock string }

func bruteForce(t *testing.T, e *env, h *Hours, by string, from, to time.Time, f Filter) (map[string]*bruteRow, *bruteRow, map[breachKey]bool) {
	t.Helper()
	refs, err := e.rdb.ZRange(e.ctx, e.st.Prefix()+"idx:all", 0, -1).Result()
	if err != nil {
		t.Fatal(err)
	}
	loc := e.cfg.Location
	ws, we := window(Query{From: from, To: to}, loc)
	now := e.clock.Now()
	rows := map[string]*bruteRow{}
	total := &bruteRow{}
	breaches := map[breachKey]bool{}
	r := &Reporter{cfg: e.cfg}
	for _, ref := range refs {
		q := e.enquiry(ref)
		if q.Created.Before(ws) || !q.Created.Before(we) {
			continue
		}
		d := Dims{Topic: q.Topic, Officer: q.Officer, Tier: q.OutletTier, Outlet: q.Outlet, Release: q.Release,
			Channel: q.Channel, Lang: q.Lang, InHours: h.In(q.Created)}
		if !f.match(d) {
			continue
		}
		k, _ := r.groupKey(by, d, DayKey(q.Created, loc))
		row := rows[k]
		if row == nil {
			row = &bruteRow{}
			rows[k] = row
		}
		for _, x := range []*bruteRow{row, total} {
			x.opened++
			if q.Status != store.StatusResolved {
				x.open++
				for _, c := range []string{store.ClockAcknowledge, store.ClockFirstResponse, store.ClockNextResponse} {
					if cl := q.Clocks[c]; !cl.Due.IsZero() && cl.Met.IsZero() && !cl.Due.After(now) {
						x.overdue++
						break
					}
				}
			}
			for ci, c := range ReportClocks {
				cl, ok := q.Clocks[c]
				if !ok {
					continue
				}
				start, _ := strconv.ParseInt(q.Fields[c+":start"], 10, 64)
				if !cl.Met.IsZero() {
					if !cl.Met.After(cl.Due) {
						x.met[ci]++
					} else {
						x.late[ci]++
					}
					x.times[ci] = append(x.times[ci], cl.Met.Sub(time.UnixMilli(start)))
				}
				if !cl.Breached.IsZero() || (!cl.Met.IsZero() && cl.Met.After(cl.Due)) {
					x.breached[ci]++
					if x == total {
						breaches[breachKey{ref, c}] = true
					}
				}
				if !cl.Warned.IsZero() {
					x.warned[ci]++
				}
				if !cl.Escalated.IsZero() {
					x.escalated[ci]++
				}
			}
		}
	}
	return rows, total, breaches
}

func exactPercentile(ts []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), ts...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := int(float64(len(s))*p + 0.999999999)
	rank = max(1, min(rank, len(s)))
	return s[rank-1]
}

func compareRow(t *testing.T, name string, got Row, want *bruteRow) {
	t.Helper()
	if got.Opened != want.opened || got.OpenNow != want.open || got.OverdueNow != want.overdue {
		t.Errorf("%s: opened/open/overdue %d/%d/%d, brute force %d/%d/%d", name, got.Opened, got.OpenNow, got.OverdueNow, want.opened, want.open, want.overdue)
	}
	for ci, c := range ReportClocks {
		s := got.Clocks[c]
		if s.Met != want.met[ci] || s.Late != want.late[ci] || s.Breached != want.breached[ci] || s.Warned != want.warned[ci] || s.Escalated != want.escalated[ci] {
			t.Errorf("%s %s: met/late/breached/warned/escalated %d/%d/%d/%d/%d, brute force %d/%d/%d/%d/%d", name, c,
				s.Met, s.Late, s.Breached, s.Warned, s.Escalated, want.met[ci], want.late[ci], want.breached[ci], want.warned[ci], want.escalated[ci])
		}
		if s.Timed != int64(len(want.times[ci])) {
			t.Errorf("%s %s: %d timed, brute force %d", name, c, s.Timed, len(want.times[ci]))
			continue
		}
		if s.Timed == 0 {
			continue
		}
		for _, pc := range []struct {
			p   float64
			got Duration
		}{{0.5, s.Median}, {0.9, s.P90}} {
			exact := exactPercentile(want.times[ci], pc.p)
			lo, hi := BucketRange(Bucket(exact))
			tol := (hi - lo) / 2
			if hi == 0 {
				tol = 0
			}
			if diff := time.Duration(pc.got) - exact; diff > tol || diff < -tol {
				t.Errorf("%s %s p%.0f: %s, exact %s (tolerance %s)", name, c, pc.p*100, time.Duration(pc.got), exact, tol)
			}
		}
	}
}

func TestReportEqualsBruteForce(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		n := 3000
		if testing.Short() || e.mini {
			n = 700
		}
		p, err := NewProjector(e.st, e.cfg, quiet)
		if err != nil {
			t.Fatal(err)
		}
		sims := simulate(t, e, 1, n, 12, 5*time.Minute, 997, p)
		// Finish with three replicas projecting at once.
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				q, err := NewProjector(e.st, e.cfg, quiet)
				if err == nil {
					q.Batch = 64
					_, err = q.CatchUp(e.ctx)
				}
				if err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		st, err := p.Stats(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Lag != 0 || st.Events != int64(len(e.events())) {
			t.Fatalf("projection: %+v, stream has %d events", st, len(e.events()))
		}
		rep, err := NewReporter(e.st, e.cfg, e.clock)
		if err != nil {
			t.Fatal(err)
		}
		loc := e.cfg.Location
		from := time.Date(2023, 10, 20, 0, 0, 0, 0, loc)
		to := time.Date(2023, 11, 2, 0, 0, 0, 0, loc)
		cases := []struct {
			name     string
			from, to time.Time
			filter   Filter
		}{
			{"all", from, to, Filter{}},
			{"a week across the clock change", time.Date(2023, 10, 26, 0, 0, 0, 0, loc), time.Date(2023, 10, 30, 0, 0, 0, 0, loc), Filter{}},
			{"one day", time.Date(2023, 10, 29, 0, 0, 0, 0, loc), time.Date(2023, 10, 29, 0, 0, 0, 0, loc), Filter{}},
			{"migration, in hours", from, to, Filter{Topic: "migration", Hours: "in"}},
			{"Example TV", from, to, Filter{Outlet: "Example TV"}},
			{"phone calls", from, to, Filter{Channel: "phone"}},
			{"email, migration", from, to, Filter{Channel: "email", Topic: "migration"}},
			{"German", from, to, Filter{Lang: "de"}},
			{"language not told, out of hours", from, to, Filter{Lang: LangNone, Hours: "out"}},
		}
		for _, c := range cases {
			for _, by := range append([]string{ByNone}, Groupings...) {
				r, err := rep.Report(e.ctx, Query{From: c.from, To: c.to, By: by, Filter: c.filter, Breaches: -1})
				outletOnly := c.filter.Outlet != "" || by == ByOutlet
				if outletOnly && (c.filter.Topic != "" || c.filter.Channel != "" || c.filter.Lang != "" ||
					(by != ByNone && by != ByOutlet && by != ByDay && by != ByHours)) {
					if err == nil {
						t.Errorf("%s by %s: no error for a combination the outlet cells cannot answer", c.name, by)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				rows, total, breaches := bruteForce(t, e, p.Hours(), by, c.from, c.to, c.filter)
				compareRow(t, c.name+" total by "+by, r.Total, total)
				if by == ByNone {
					if r.BreachCount != int64(len(breaches)) || len(r.Breaches) != len(breaches) {
						t.Errorf("%s: %d breaches listed (%d counted), brute force %d", c.name, len(r.Breaches), r.BreachCount, len(breaches))
					}
					for _, b := range r.Breaches {
						if !breaches[breachKey{b.Ref, b.Clock}] {
							t.Errorf("%s: %s %s listed as breached", c.name, b.Ref, b.Clock)
						}
					}
					continue
				}
				seen := 0
				for _, row := range r.Rows {
					want := rows[row.Key]
					if want == nil {
						if row.Opened != 0 || row.OpenNow != 0 {
							t.Errorf("%s by %s: row %q not in brute force", c.name, by, row.Key)
						}
						continue
					}
					seen++
					compareRow(t, c.name+" by "+by+" "+row.Key, row, want)
				}
				if seen != len(rows) {
					t.Errorf("%s by %s: %d rows, brute force %d", c.name, by, seen, len(rows))
				}
			}
		}
		if len(sims) != n {
			t.Fatal("simulation lost enquiries")
		}
		t.Logf("%d enquiries, %d events; total: %+v", n, len(e.events()), summary(rep, e, from, to))
	})
}

func summary(rep *Reporter, e *env, from, to time.Time) string {
	r, err := rep.Report(e.ctx, Query{From: from, To: to})
	if err != nil {
		return err.Error()
	}
	a := r.Total.Clocks[store.ClockAcknowledge]
	f := r.Total.Clocks[store.ClockFirstResponse]
	return fmt.Sprintf("opened %d, open %d; ack met %d late %d breached %d median %s p90 %s; first response met %d breached %d median %s p90 %s",
		r.Total.Opened, r.Total.OpenNow, a.Met, a.Late, a.Breached, time.Duration(a.Median), time.Duration(a.P90),
		f.Met, f.Breached, time.Duration(f.Median), time.Duration(f.P90))
}

// rollupSnapshot reads every rollup cell as decoded dims → counters.
func rollupSnapshot(t *testing.T, e *env) map[string]map[string]int64 {
	t.Helper()
	rep := &Reporter{st: e.st, keys: keySpace(e.st), cfg: e.cfg}
	names, err := rep.dimNames(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := e.rdb.Keys(e.ctx, e.st.Prefix()+keyRollPrefix+"*").Result()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]int64{}
	for _, k := range keys {
		h, err := e.rdb.HGetAll(e.ctx, k).Result()
		if err != nil {
			t.Fatal(err)
		}
		for cell, rec := range h {
			d, outlet, ok := decodeCell(cell, names)
			if !ok {
				t.Fatalf("undecodable cell %s", cell)
			}
			id := fmt.Sprintf("%s %v %+v", k, outlet, d)
			m := map[string]int64{}
			for _, tok := range strings.Split(rec, ",") {
				name, n, _ := strings.Cut(tok, ":")
				v, _ := strconv.ParseInt(n, 10, 64)
				m[name] += v
			}
			out[id] = m
		}
	}
	return out
}

// The bulk path (ApplyEvents, used by backfills and the benchmark) folds
// events exactly as the stream projection does.
func TestApplyEventsEqualsStream(t *testing.T) {
	r := servertest.Redis(t)
	e := newEnv(t, r)
	p, err := NewProjector(e.st, e.cfg, quiet)
	if err != nil {
		t.Fatal(err)
	}
	simulate(t, e, 9, 300, 4, time.Minute, 0, nil)
	if _, err := p.CatchUp(e.ctx); err != nil {
		t.Fatal(err)
	}
	want := rollupSnapshot(t, e)
	keys, _ := e.rdb.Keys(e.ctx, e.st.Prefix()+"sla:r*").Result()
	if err := e.rdb.Del(e.ctx, keys...).Err(); err != nil {
		t.Fatal(err)
	}
	var evs []Event
	for _, m := range e.events() {
		evs = append(evs, DecodeEvent(m))
	}
	for i := 0; i < len(evs); i += 250 {
		if err := p.ApplyEvents(e.ctx, evs[i:min(i+250, len(evs))]); err != nil {
			t.Fatal(err)
		}
	}
	got := rollupSnapshot(t, e)
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d cells from the bulk path, %d from the stream", len(got), len(want))
	}
	for id, w := range want {
		g := got[id]
		for name, n := range w {
			if g[name] != n {
				t.Errorf("%s %s: bulk %d, stream %d", id, name, g[name], n)
			}
		}
		if len(g) != len(w) {
			t.Errorf("%s: bulk %v, stream %v", id, g, w)
		}
	}
}
