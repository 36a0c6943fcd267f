package app

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/inbox"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/fixture"
	"github.com/mediadesk/mediadesk/internal/mailgen"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/store"
)

// BenchmarkIngestHandle measures the ingest handler on batches of 500
// generated enquiries: parse (all cores), route, commit to Redis. The
// stages are also timed apart.
func BenchmarkIngestHandle(b *testing.B) {
	// The shared reference desk when present (the figures in the README
	// are on it), else the project's test desk.
	desk, ok := fixture.Shared(b, "desk.yaml")
	if !ok {
		desk = fixture.Desk(b)
	}
	cfg, err := config.Load(desk, config.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	r := servertest.Redis(b)
	opt, _ := redis.ParseURL(r.URL)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	st := store.New(rdb, store.Options{RefPrefix: cfg.Desk.ReferencePrefix, Location: cfg.Location})
	rels, err := releases.LoadSources(cfg, releases.SourceOptions{})
	if err != nil {
		b.Fatal(err)
	}
	cat := routing.NewCatalogue(rels, cfg.Location)
	router, _ := routing.NewRouter(cfg, cat)
	adapter := &Router{Config: cfg, Router: router, Clock: clock.Real{}}
	h := &inbox.Ingest{Store: st, Router: adapter, WarnBefore: cfg.SLA.WarnBefore}
	gen := mailgen.NewGenerator(1, cat.Releases(), cfg)
	const n = 500
	uid := uint32(0)
	batch := func() []inbox.Fetched {
		out := make([]inbox.Fetched, n)
		for i := range out {
			uid++
			raw := gen.Next(time.Now(), cfg.Location)
			out[i] = inbox.Fetched{UID: uid, InternalDate: time.Now(), Size: int64(len(raw)), Raw: raw}
		}
		return out
	}
	var parse, route time.Duration
	for i := 0; i < 3; i++ { // what the stages cost on their own
		msgs := batch()
		t := time.Now()
		parsed := make([]*mailparse.Message, n)
		for j, m := range msgs {
			parsed[j], _ = mailparse.Parse(m.Raw, mailparse.Options{})
		}
		parse += time.Since(t)
		t = time.Now()
		load := store.Load{Open: map[string]int{}, LastAssigned: map[string]time.Time{}}
		for _, m := range parsed {
			in := store.Incoming{Msg: m, Received: time.Now()}
			adapter.Route(&in)
			adapter.Assign(&in, &load)
		}
		route += time.Since(t)
	}
	// Redis memory and append-only file growth per message, for sizing
	// (docs/operations.md); on miniredis the INFO fields are absent and
	// the figures are not reported.
	info := func(keys ...string) float64 {
		s, err := rdb.Info(context.Background(), "memory", "persistence").Result()
		if err != nil {
			b.Fatal(err)
		}
		return servers.InfoSum(s, keys...)
	}
	mem0, aof0 := info("used_memory"), info("aof_current_size")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		msgs := batch()
		b.StartTimer()
		if _, err := h.Handle(context.Background(), inbox.Folder{Mailbox: "m", Name: "INBOX", UIDValidity: 1}, msgs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "msgs/s")
	if r.Kind == servers.KindRedisServer {
		b.ReportMetric((info("used_memory")-mem0)/float64(b.N*n), "redis-B/msg")
		b.ReportMetric((info("aof_current_size")-aof0)/float64(b.N*n), "aof-B/msg")
	}
	b.ReportMetric(float64(parse.Microseconds())/float64(3*n), "parse-µs/msg")
	b.ReportMetric(float64(route.Microseconds())/float64(3*n), "route-µs/msg")
}
