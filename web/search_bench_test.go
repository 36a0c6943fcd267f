package web

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// BenchmarkSearchRequest: GET /api/search through the whole server over
// enquiries committed to Redis (10,000 by default; MEDIADESK_SEARCH_N=100000
// for the figure): the first search's build time, then p50/p95 of
// a request (catch-up on the events stream included).
//
//	MEDIADESK_SEARCH_N=100000 go test ./web -run '^$' -bench SearchRequest -benchtime 500x
func BenchmarkSearchRequest(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("MEDIADESK_SEARCH_N")); err == nil && v > 0 {
		n = v
	}
	f := newFixtureOn(b, servertestRedisB(b))
	r := rand.New(rand.NewPCG(3, 4))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	z := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	officers := []string{"ann", "bob"}
	now := f.clock.Now()
	for start := 0; start < n; start += 500 {
		batch := make([]store.Incoming, 0, 500)
		for i := start; i < min(n, start+500); i++ {
			text := ""
			for range 60 {
				text += vocab[z.Uint64()] + " "
			}
			m := &mailparse.Message{MessageID: fmt.Sprintf("s%d@bbc.co.uk", i), From: mailparse.Address{Addr: fmt.Sprintf("j%d@bbc.co.uk", i%3000)},
				Subject: vocab[z.Uint64()] + " " + vocab[z.Uint64()], Date: now, Text: text, NewText: text, Size: int64(len(text))}
			batch = append(batch, store.Incoming{Source: store.Source{Mailbox: "desk", Folder: "INBOX", UIDValidity: 9, UID: uint32(i + 1)},
				Received: now, Msg: m, New: &store.NewEnquiry{Topic: "europe", Officer: officers[i%2], Policy: "standard", Outlet: "BBC", OutletTier: "broadcast"}})
		}
		if _, err := f.st.Commit(f.ctx, batch, store.CommitOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	c := f.client().loginAs("ann")
	start := time.Now()
	for { // the first searches answer 503 while the index is built
		rec := c.get("/api/search?q=" + vocab[0])
		if rec.Code == 200 {
			break
		}
		if rec.Code != http.StatusServiceUnavailable || time.Since(start) > 5*time.Minute {
			b.Fatalf("first search: %d %s", rec.Code, rec.Body.String())
		}
	}
	build := time.Since(start)
	queries := []string{"q=" + vocab[0], "q=" + vocab[1] + "+" + vocab[2], "q=" + vocab[300], "q=" + vocab[4000],
		"q=TEST-2023-000042", "officer=bob&status=open", "q=" + vocab[5] + "&sort=oldest"}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		if rec := c.get("/api/search?" + queries[i%len(queries)]); rec.Code != 200 {
			b.Fatalf("search: %d", rec.Code)
		}
		times = append(times, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(n), "enquiries")
	b.ReportMetric(build.Seconds(), "build-s")
	if len(times) > 0 {
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
	}
}

func servertestRedisB(b *testing.B) *servers.Redis { b.Helper(); return servertest.Redis(b) }
