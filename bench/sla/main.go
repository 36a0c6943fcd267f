// Command sla measures the SLA engine against a real redis-server:
//
//   - rollup memory: -enquiries synthetic enquiries (default 1,000,000)
//     over -days days (default 365) folded into the rollups through the
//     projector's own code and script (Projector.ApplyEvents, one atomic
//     step per day of history), then the bytes Redis reports for every
//     rollup key (MEMORY USAGE), per enquiry;
//   - report time: the report for the last 30 days of that history
//     (total, by topic, by officer, by day), -reports times each:
//     median, p90, max;
//   - sweeper tick: -clocks open clocks (default 100,000) of which
//     -transitions (default 1,000) are due (half warnings, half breaches):
//     the time of one sweep, and of handing the resulting notices over.
//
// Usage: go run ./bench/sla [-enquiries 1000000] [-days 365] [-clocks 100000] [-transitions 1000]
//
// With -redis URL it uses that server (its data is overwritten under the
// key prefixes {bench}: and {bench-sweep}:) instead of starting one.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

type options struct {
	enquiries   int
	days        int
	reports     int
	clocks      int
	transitions int
	rounds      int
	config      string
	redisURL    string
	cpuprofile  string
}

func main() {
	var o options
	flag.IntVar(&o.enquiries, "enquiries", 1000000, "enquiries of history")
	flag.IntVar(&o.days, "days", 365, "days the history spans")
	flag.IntVar(&o.reports, "reports", 20, "runs of each report")
	flag.IntVar(&o.clocks, "clocks", 100000, "open clocks for the sweeper tick")
	flag.IntVar(&o.transitions, "transitions", 1000, "clocks due at the tick")
	flag.IntVar(&o.rounds, "rounds", 5, "sweeper ticks measured")
	flag.StringVar(&o.config, "config", filepath.Join("..", "shared", "data", "desk.yaml"), "desk config")
	flag.StringVar(&o.redisURL, "redis", "", "use this Redis instead of starting a redis-server")
	flag.StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the 30-day reports to this file")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench/sla:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	ctx := context.Background()
	cfg, err := config.Load(o.config, config.LoadOptions{})
	if err != nil {
		return err
	}
	rdb, closeRedis, err := servers.BenchRedis(ctx, o.redisURL)
	if err != nil {
		return err
	}
	defer closeRedis()
	url := o.redisURL
	if url == "" {
		url = "a throwaway redis-server"
	}
	info, _ := rdb.Info(ctx, "server").Result()
	fmt.Printf("redis %s, %s\n\n", field(info, "redis_version"), url)
	if err := rollups(ctx, o, cfg, rdb); err != nil {
		return err
	}
	return sweeper(ctx, o, cfg, rdb)
}

func field(info, name string) string {
	for _, l := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(l), name+":"); ok {
			return v
		}
	}
	return "?"
}

// history generates one day's enquiries as events, with outcomes drawn
// around each policy's targets.
type history struct {
	cfg      *config.Config
	rng      *rand.Rand
	officers map[string][]string
	seq      int
}

// benchLangs is the language mix of the history: one draw each.
var benchLangs = []string{"en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en",
	"", "", "de", "de", "fr", "sq", "es", "it", "sr", "ru"}

func (h *history) day(day time.Time, n int) ([]sla.Event, []string) {
	var evs []sla.Event
	var open []string
	ms := func(t time.Time) float64 { return float64(t.UnixMilli()) }
	for i := 0; i < n; i++ {
		h.seq++
		ref := fmt.Sprintf("FCDO-%d-%06d", day.Year(), h.seq%1000000)
		created := day.Add(time.Duration(h.rng.Int64N(int64(24 * time.Hour))))
		topic := h.cfg.Topics[h.rng.IntN(len(h.cfg.Topics))].ID
		offs := h.officers[topic]
		officer := offs[h.rng.IntN(len(offs))]
		outlet, tier := "", ""
		if k := h.rng.IntN(len(h.cfg.Outlets) * 5 / 4); k < len(h.cfg.Outlets) {
			outlet, tier = h.cfg.Outlets[k].Name, h.cfg.Outlets[k].Tier
		}
		release := ""
		if h.rng.IntN(10) < 3 {
			release = fmt.Sprintf("%s-release-%d", topic, h.rng.IntN(7))
		}
		pol := h.cfg.PolicyFor(tier, topic)
		// A call in twelve is logged by phone; languages as a foreign
		// ministry's desk hears them (most mail English, some too short
		// to tell).
		channel := ""
		if h.rng.IntN(12) == 0 {
			channel = "phone"
		}
		lang := benchLangs[h.rng.IntN(len(benchLangs))]
		dims := map[string]any{"topic": topic, "officer": officer, "tier": tier, "outlet": outlet, "release": release,
			"policy": pol.ID, "created": ms(created), "channel": channel, "lang": lang}
		ev := func(typ string, at time.Time, extra map[string]any) {
			d := make(map[string]any, len(dims)+len(extra))
			for k, v := range dims {
				d[k] = v
			}
			for k, v := range extra {
				d[k] = v
			}
			evs = append(evs, sla.Event{Type: typ, Ref: ref, At: at, Data: d})
		}
		ev("enquiry.created", created, nil)
		clock := func(name string, start time.Time, target time.Duration, pMet float64) {
			due := start.Add(target)
			warnAt := due.Add(-h.cfg.SLA.WarnBefore)
			c := map[string]any{"clock": name, "due": ms(due)}
			if h.rng.Float64() >= pMet {
				ev("clock.warned", warnAt, c)
				ev("clock.breached", due, c)
				ev("clock.escalated", due.Add(h.cfg.Escalation.AfterBreach), c)
				return
			}
			// Times to meet: log-normal around 45% of the target (about
			// one in twenty late).
			elapsed := time.Duration(float64(target) * 0.45 * math.Exp(h.rng.NormFloat64()*0.5))
			met := start.Add(elapsed)
			if met.After(warnAt) {
				ev("clock.warned", warnAt, c)
			}
			within := !met.After(due)
			if !within {
				ev("clock.breached", due, c)
			}
			ev("clock.met", met, map[string]any{"clock": name, "due": ms(due), "met": ms(met), "elapsed_ms": float64(elapsed.Milliseconds()),
				"within": within, "breached": !within})
		}
		clock(store.ClockAcknowledge, created, pol.Acknowledge, 0.97)
		clock(store.ClockFirstResponse, created, pol.FirstResponse, 0.93)
		clock(store.ClockResolution, created, pol.Resolution, 0.85)
		if h.rng.IntN(10) == 0 {
			clock(store.ClockNextResponse, created.Add(3*time.Hour), pol.FirstResponse, 0.9)
		}
		if h.rng.IntN(100) < 2 {
			open = append(open, ref)
		}
	}
	return evs, open
}

func rollups(ctx context.Context, o options, cfg *config.Config, rdb *redis.Client) error {
	const prefix = "{bench}:"
	if err := servers.DeletePrefix(ctx, rdb, prefix); err != nil {
		return err
	}
	st := store.New(rdb, store.Options{Prefix: prefix, RefPrefix: "FCDO", Location: cfg.Location})
	proj, err := sla.NewProjector(st, cfg, nil)
	if err != nil {
		return err
	}
	h := &history{cfg: cfg, rng: rand.New(rand.NewPCG(1, 2)), officers: map[string][]string{}}
	for _, t := range cfg.Topics {
		for _, off := range cfg.Officers {
			if off.Role == config.RoleOfficer && off.Covers(t.ID) {
				h.officers[t.ID] = append(h.officers[t.ID], off.ID)
			}
		}
	}
	loc := cfg.Location
	end := time.Date(2024, 12, 31, 0, 0, 0, 0, loc)
	first := end.AddDate(0, 0, -(o.days - 1))
	fmt.Printf("rollups: %d enquiries over %d days (%s to %s), desk %s\n", o.enquiries, o.days,
		first.Format("2006-01-02"), end.Format("2006-01-02"), cfg.Desk.Name)
	start := time.Now()
	events, loaded := 0, 0
	var openRefs []string
	for d := 0; d < o.days; d++ {
		day := first.AddDate(0, 0, d)
		n := o.enquiries*(d+1)/o.days - o.enquiries*d/o.days
		evs, open := h.day(day, n)
		// The open ones of the last two days stay open: committed through
		// the store (the only writer of enquiries), with the few fields a
		// report reads live and no clocks.
		if d >= o.days-2 && len(open) > 0 {
			at := day.Add(12 * time.Hour)
			batch := make([]store.Incoming, len(open))
			for i := range open {
				uid := len(openRefs) + i + 1
				id := fmt.Sprintf("bench-open-%d@bench", uid)
				batch[i] = store.Incoming{
					Source:   store.Source{Mailbox: "bench", Folder: "INBOX", UIDValidity: 1, UID: uint32(uid)},
					Received: at, Size: 100,
					Msg: &mailparse.Message{MessageID: id, From: mailparse.Address{Addr: fmt.Sprintf("o%d@reuters.com", uid)},
						Subject: fmt.Sprintf("open question %d", uid), Date: at, Text: "A question.", NewText: "A question."},
					New: &store.NewEnquiry{Topic: "migration", Officer: "okafor"},
				}
			}
			out, err := st.Commit(ctx, batch, store.CommitOptions{WarnBefore: cfg.SLA.WarnBefore})
			if err != nil {
				return err
			}
			for _, oc := range out {
				if oc.Kind != "enquiry" {
					return fmt.Errorf("open enquiries: %+v", oc)
				}
			}
			openRefs = append(openRefs, open...)
		}
		for i := 0; i < len(evs); i += 20000 {
			if err := proj.ApplyEvents(ctx, evs[i:min(i+20000, len(evs))]); err != nil {
				return err
			}
		}
		events += len(evs)
		loaded += n
	}
	took := time.Since(start)
	fmt.Printf("  loaded %d enquiries, %d events in %s (%.0f events/s through ApplyEvents)\n", loaded, events, took.Round(time.Millisecond), float64(events)/took.Seconds())
	// Memory.
	fp, err := sla.RollupFootprint(ctx, st)
	if err != nil {
		return err
	}
	fmt.Printf("  rollup memory: %d bytes in %d keys (%d day hashes, %d cells; %d breach lists, %d breached clocks) = %.1f bytes per enquiry\n\n",
		fp.Bytes, fp.Keys, fp.DayHashes, fp.Cells, fp.BreachLists, fp.Breached, float64(fp.Bytes)/float64(loaded))

	rep, err := sla.NewReporter(st, cfg, nil)
	if err != nil {
		return err
	}
	from := end.AddDate(0, 0, -29)
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	fmt.Printf("report, %s to %s (30 days), %d runs each:\n", from.Format("2006-01-02"), end.Format("2006-01-02"), o.reports)
	for _, by := range []string{sla.ByNone, sla.ByTopic, sla.ByOfficer, sla.ByDay, sla.ByRelease} {
		var times []time.Duration
		var r *sla.Report
		for i := 0; i < o.reports; i++ {
			t0 := time.Now()
			r, err = rep.Report(ctx, sla.Query{From: from, To: end, By: by, Breaches: 20})
			if err != nil {
				return err
			}
			times = append(times, time.Since(t0))
		}
		name := by
		if name == "" {
			name = "total"
		}
		a := r.Total.Clocks[store.ClockAcknowledge]
		f := r.Total.Clocks[store.ClockFirstResponse]
		fmt.Printf("  %-8s median %7s  p90 %7s  max %7s   (%d enquiries, %d rows, %d breaches, %d open; ack met %.1f%% median %s; first response met %.1f%% median %s p90 %s)\n",
			name, stat(times, 0.5), stat(times, 0.9), stat(times, 1), r.Total.Opened, len(r.Rows), r.BreachCount, r.Total.OpenNow,
			*a.MetShare*100, sla.FormatDuration(time.Duration(a.Median)), *f.MetShare*100,
			sla.FormatDuration(time.Duration(f.Median)), sla.FormatDuration(time.Duration(f.P90)))
	}
	pprof.StopCPUProfile()
	var times []time.Duration
	for i := 0; i < 5; i++ {
		t0 := time.Now()
		if _, err := rep.Report(ctx, sla.Query{From: first, To: end, By: sla.ByTopic, Breaches: 20}); err != nil {
			return err
		}
		times = append(times, time.Since(t0))
	}
	fmt.Printf("  whole history (%d days) by topic: median %s\n\n", o.days, stat(times, 0.5))
	_ = openRefs
	return nil
}

func stat(ts []time.Duration, p float64) string {
	s := append([]time.Duration(nil), ts...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return s[max(0, i)].Round(100 * time.Microsecond).String()
}

func sweeper(ctx context.Context, o options, cfg *config.Config, rdb *redis.Client) error {
	const prefix = "{bench-sweep}:"
	if err := servers.DeletePrefix(ctx, rdb, prefix); err != nil {
		return err
	}
	st := store.New(rdb, store.Options{Prefix: prefix, RefPrefix: "FCDO", Location: cfg.Location})
	now := time.Date(2024, 12, 31, 12, 0, 0, 0, cfg.Location)
	clocks := []string{store.ClockAcknowledge, store.ClockFirstResponse, store.ClockResolution}
	nEnq := (o.clocks + len(clocks) - 1) / len(clocks)
	fmt.Printf("sweeper: %d open clocks on %d enquiries, %d due per tick (half warnings, half breaches)\n", nEnq*len(clocks), nEnq, o.transitions)
	rng := rand.New(rand.NewPCG(3, 4))
	members := make([]string, 0, nEnq*len(clocks))
	// The enquiries are committed through the store (the only writer of
	// enquiries and clocks), opened an hour before the tick so every
	// clock's warning time is due − warn_before (store.WarnAt).
	opened := now.Add(-time.Hour)
	for start := 0; start < nEnq; start += 500 {
		var batch []store.Incoming
		for i := start; i < min(start+500, nEnq); i++ {
			// Due between 20 minutes and a day from now: nothing due.
			due := func() time.Time { return now.Add(20*time.Minute + time.Duration(rng.Int64N(int64(24*time.Hour)))) }
			id := fmt.Sprintf("bench-sweep-%d@bench", i+1)
			batch = append(batch, store.Incoming{
				Source:   store.Source{Mailbox: "bench", Folder: "INBOX", UIDValidity: 1, UID: uint32(i + 1)},
				Received: opened, Size: 100,
				Msg: &mailparse.Message{MessageID: id, From: mailparse.Address{Addr: fmt.Sprintf("j%d@reuters.com", i+1)},
					Subject: fmt.Sprintf("question %d", i+1), Date: opened, Text: "A question.", NewText: "A question."},
				New: &store.NewEnquiry{Topic: "migration", Officer: "okafor", OutletTier: "wire", Outlet: "Reuters", Policy: "wire",
					AcknowledgeDue: due(), FirstResponseDue: due(), ResolutionDue: due()},
			})
		}
		out, err := st.Commit(ctx, batch, store.CommitOptions{WarnBefore: cfg.SLA.WarnBefore})
		if err != nil {
			return err
		}
		for _, oc := range out {
			if oc.Kind != "enquiry" {
				return fmt.Errorf("seed: %+v", oc)
			}
			for _, c := range clocks {
				members = append(members, oc.Ref+"|"+c)
			}
		}
	}
	sw := sla.NewSweeper(st, cfg, nil, nil)
	dl := sla.NewDeliverer(st, cfg, sla.NotifierFunc(func(context.Context, sla.Notice) error { return nil }), nil)
	// An idle tick first.
	t0 := time.Now()
	if _, err := sw.SweepAt(ctx, now); err != nil {
		return err
	}
	fmt.Printf("  idle tick (nothing due): %s\n", time.Since(t0).Round(10*time.Microsecond))
	var sweeps, delivers, sweepCPU []time.Duration
	perm := rng.Perm(len(members))
	for round := 0; round < o.rounds; round++ {
		// Make transitions clocks due, through the store: the second half
		// to breach (due a minute ago, its warning recorded by a sweep
		// before the tick, whose notices are handed over too), then the
		// first half to warn (due in 5 minutes).
		setDue := func(k int, due time.Time) error {
			ref, c, _ := strings.Cut(members[perm[round*o.transitions+k]], "|")
			_, err := st.SetDue(ctx, ref, c, due, "bench", cfg.SLA.WarnBefore)
			return err
		}
		for k := o.transitions / 2; k < o.transitions; k++ {
			if err := setDue(k, now.Add(-time.Minute)); err != nil {
				return err
			}
		}
		before := now.Add(-time.Minute - time.Second)
		if r, err := sw.SweepAt(ctx, before); err != nil || r.Transitions() != o.transitions-o.transitions/2 {
			return fmt.Errorf("round %d: staging the warnings: %+v, %v", round, r, err)
		}
		if _, err := dl.Deliver(ctx, before); err != nil {
			return err
		}
		for k := 0; k < o.transitions/2; k++ {
			if err := setDue(k, now.Add(5*time.Minute)); err != nil {
				return err
			}
		}
		cpu0, err := servers.MainThreadCPU(ctx, rdb)
		if err != nil {
			return err
		}
		t0 := time.Now()
		res, err := sw.SweepAt(ctx, now)
		if err != nil {
			return err
		}
		sweeps = append(sweeps, time.Since(t0))
		cpu1, err := servers.MainThreadCPU(ctx, rdb)
		if err != nil {
			return err
		}
		sweepCPU = append(sweepCPU, cpu1-cpu0)
		if res.Transitions() != o.transitions {
			return fmt.Errorf("round %d: %d transitions, want %d (%+v)", round, res.Transitions(), o.transitions, res)
		}
		t0 = time.Now()
		n, err := dl.Deliver(ctx, now)
		if err != nil {
			return err
		}
		delivers = append(delivers, time.Since(t0))
		if n != o.transitions {
			return fmt.Errorf("round %d: %d notices handed over, want %d", round, n, o.transitions)
		}
		now = now.Add(time.Second) // the next round's notices are new
	}
	fmt.Printf("  tick with %d transitions: median %s, max %s (%d rounds; Redis main-thread CPU median %s); handing the %d notices over: median %s\n",
		o.transitions, stat(sweeps, 0.5), stat(sweeps, 1), o.rounds, stat(sweepCPU, 0.5), o.transitions, stat(delivers, 0.5))
	return nil
}
