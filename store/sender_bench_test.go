package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
)

// BenchmarkCommitSenderLimit measures what the sender limit costs the
// commit script: new enquiries from distinct senders with the limit off
// and on (the normal path: ZCOUNT, ZADD, ZREMRANGEBYRANK), and a flood
// from one sender (past the limit every message is a follow-up). Compare
// redis-cpu-µs/msg between "off" and "on":
//
//	go test -run X -bench CommitSenderLimit -benchtime 60x -count 5 ./store
func BenchmarkCommitSenderLimit(b *testing.B) {
	for _, c := range []struct {
		name    string
		limit   int
		senders int // 0: a new sender for every message
	}{{"off", 0, 0}, {"on", 5, 0}, {"flood", 5, 1}} {
		b.Run(c.name, func(b *testing.B) {
			r := servertest.Redis(b)
			f := newFixture(&testing.T{}, r)
			f.s = New(f.rdb, Options{RefPrefix: "FCDO", Location: f.s.loc, Clock: f.clock,
				SenderLimit: c.limit, SenderWindow: time.Hour})
			body := strings.Repeat("A question about the announcement on small boats and returns. ", 20)
			batch := make([]Incoming, 500)
			cpu0 := redisCPU(b, f)
			b.ResetTimer()
			n := 0
			for i := 0; i < b.N; i++ {
				for j := range batch {
					n++
					from := fmt.Sprintf("j%d@bbc.co.uk", n)
					if c.senders > 0 {
						from = fmt.Sprintf("j%d@bbc.co.uk", n%c.senders)
					}
					m := &mailparse.Message{MessageID: fmt.Sprintf("m%d@x", n), From: mailparse.Address{Addr: from, Name: "Jo"},
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
		})
	}
}
