package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
)

// BenchmarkCommitReplicated is BenchmarkCommit on the primary of a real
// primary + replica (+ sentinel) set, without a replica wait
// (redis.wait_replicas 0) and with one (1): what WAIT costs a batch of
// 500 in throughput and in the primary's CPU per message. Skipped without
// redis-server.
func BenchmarkCommitReplicated(b *testing.B) {
	set := servertest.RedisSentinelSet(b)
	body := strings.Repeat("A question about the announcement on small boats and returns. ", 20)
	for uv, replicas := range []int{0, 1} {
		b.Run(fmt.Sprintf("wait_replicas=%d", replicas), func(b *testing.B) {
			f := newFixture(&testing.T{}, set.Primary)
			round := time.Now().UnixNano() // new messages in every run (-count), never duplicates
			s := New(f.rdb, Options{RefPrefix: "FCDO", Location: f.s.loc, Clock: f.clock, WaitReplicas: replicas, WaitTimeout: time.Second})
			batch := make([]Incoming, 500)
			cpu0 := redisCPU(b, f)
			b.ResetTimer()
			n := 0
			for i := 0; i < b.N; i++ {
				for j := range batch {
					n++
					m := &mailparse.Message{MessageID: fmt.Sprintf("r%d-w%d-m%d@x", round, replicas, n), From: mailparse.Address{Addr: fmt.Sprintf("j%d@bbc.co.uk", n%50), Name: "Jo"},
						Subject: "Small boats", Date: t0, Text: body, NewText: body, Size: 2000}
					batch[j] = f.inAt("INBOX", uint32(round%1e6)*2+uint32(uv), uint32(n), m)
				}
				if _, err := s.Commit(f.ctx, batch, CommitOptions{WarnBefore: 15 * time.Minute}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N*len(batch))/b.Elapsed().Seconds(), "msgs/s")
			b.ReportMetric((redisCPU(b, f)-cpu0)*1e6/float64(b.N*len(batch)), "redis-cpu-µs/msg")
			if info, err := f.rdb.Info(f.ctx, "commandstats").Result(); err == nil {
				for _, l := range strings.Split(info, "\n") {
					if strings.HasPrefix(l, "cmdstat_wait:") {
						b.Log(strings.TrimSpace(l)) // the primary's own time in WAIT, cumulative
					}
				}
			}
		})
	}
}
