package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
)

// BenchmarkCommit measures committing new enquiries in batches of 500
// against a real Redis (miniredis when absent); reports msgs/s and the
// server-side time per script from INFO commandstats.
func BenchmarkCommit(b *testing.B) {
	r := servertest.Redis(b)
	f := newFixture(&testing.T{}, r)
	body := strings.Repeat("A question about the announcement on small boats and returns. ", 20)
	batch := make([]Incoming, 500)
	cpu0 := redisCPU(b, f)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for j := range batch {
			n++
			m := &mailparse.Message{MessageID: fmt.Sprintf("m%d@x", n), From: mailparse.Address{Addr: fmt.Sprintf("j%d@bbc.co.uk", n%50), Name: "Jo"},
				Subject: "Small boats", Date: t0, Text: body, NewText: body, Size: 2000}
			batch[j] = f.inAt("INBOX", 7, uint32(n), m)
		}
		if _, err := f.s.Commit(f.ctx, batch, CommitOptions{WarnBefore: 15 * time.Minute}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*len(batch))/b.Elapsed().Seconds(), "msgs/s")
	b.ReportMetric((redisCPU(b, f)-cpu0)*1e6/float64(b.N*len(batch)), "redis-cpu-µs/msg")
	if info, err := f.rdb.Info(f.ctx, "commandstats").Result(); err == nil {
		for _, l := range strings.Split(info, "\n") {
			if strings.Contains(l, "evalsha") {
				b.Log(strings.TrimSpace(l))
			}
		}
	}
}

// redisCPU is the CPU seconds Redis's main thread has used.
func redisCPU(b *testing.B, f *fixture) float64 {
	info, err := f.rdb.Info(f.ctx, "cpu").Result()
	if err != nil {
		b.Fatal(err)
	}
	return servers.InfoSum(info, "used_cpu_user_main_thread", "used_cpu_sys_main_thread")
}
