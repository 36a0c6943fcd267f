package outbound

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestAlertGroups drives one officer's alert group on a fake clock, on
// real Redis and on miniredis: the first alert goes alone at once; the
// next ones wait for group_interval and go as one summary; a replayed
// alert is not added twice; a flusher that dies after claiming a batch,
// or after queueing its summary, leaves it to the next flush, which
// queues it under the same outbox key (so once); a group quiet for
// group_interval sends its next alert at once again; group_wait holds
// even the first.
func TestAlertGroups(t *testing.T) {
	for _, r := range []struct {
		name  string
		redis func(testing.TB) *servers.Redis
	}{{"redis", servertest.Redis}, {"miniredis", servertest.Miniredis}} {
		t.Run(r.name, func(t *testing.T) {
			e := newEnvOn(t, r.redis(t), "", nil)
			notify := func(i int) {
				t.Helper()
				ref := e.commit(uint32(i), enquiryMail(fmt.Sprintf("g%d@bbc", i), "Jo <jo@bbc.co.uk>", fmt.Sprintf("Question %d", i), "q")).Ref
				if err := e.svc.Notify(e.ctx, Notification{Key: fmt.Sprintf("alert:%s:ann:%d-0", ref, i), Kind: NotifyAssigned,
					Ref: ref, Officer: "ann", By: "system"}); err != nil {
					t.Fatal(err)
				}
			}
			queued := func() int64 {
				t.Helper()
				c, err := Totals(e.ctx, e.st)
				if err != nil {
					t.Fatal(err)
				}
				return c.Queued
			}
			flush := func() int {
				t.Helper()
				n, err := e.svc.FlushAlerts(e.ctx)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			notify(1)
			if q := queued(); q != 1 {
				t.Fatalf("after the first alert: %d queued, want 1 (alone, at once)", q)
			}
			notify(2)
			notify(3)
			// A replayed event: the same key again.
			ref3, _ := e.st.RefForMessageID(e.ctx, "g3@bbc")
			if err := e.svc.Notify(e.ctx, Notification{Key: "alert:" + ref3 + ":ann:3-0", Kind: NotifyAssigned, Ref: ref3, Officer: "ann"}); err != nil {
				t.Fatal(err)
			}
			if q, n := queued(), e.rdb.LLen(e.ctx, e.st.Prefix()+"alerts:items:ann|enquiries").Val(); q != 1 || n != 2 {
				t.Fatalf("within the interval: %d queued, %d waiting; want 1 and 2", q, n)
			}
			if n := flush(); n != 0 {
				t.Fatalf("flushed %d before the interval was up", n)
			}

			// +5m: the flusher claims the batch and dies before queueing it.
			e.clock.Advance(5 * time.Minute)
			if n, err := groupsScript.Run(e.ctx, e.rdb, []string{e.st.Prefix() + "alerts:due"}, e.st.Prefix(), "claim", e.clock.Now().UnixMilli(), 100).Int(); err != nil || n != 1 {
				t.Fatalf("claim: %d %v", n, err)
			}
			batch := e.rdb.HGet(e.ctx, e.st.Prefix()+"alerts:batches", "ann|enquiries|1").Val()
			if n := flush(); n != 1 {
				t.Fatalf("the next flush queued %d summaries, want 1", n)
			}
			// ... and a flusher that queued it and died before removing it.
			e.rdb.HSet(e.ctx, e.st.Prefix()+"alerts:batches", "ann|enquiries|1", batch)
			flush()
			if q := queued(); q != 2 {
				t.Fatalf("%d queued after the summary, want 2 (the first alert, one summary)", q)
			}
			j := e.job("alerts:ann|enquiries|1")
			if j.Subject != "2 new enquiries for you" || !strings.Contains(string(j.Raw), "Question 2") || !strings.Contains(string(j.Raw), "Question 3") {
				t.Errorf("summary %q:\n%s", j.Subject, j.Raw)
			}

			// Within the interval after the summary: waits again.
			e.clock.Advance(time.Minute)
			notify(4)
			if q := queued(); q != 2 {
				t.Fatalf("an alert a minute after the summary: %d queued, want 2", q)
			}
			e.clock.Advance(4 * time.Minute)
			if n := flush(); n != 1 {
				t.Fatalf("flushed %d at the end of the interval, want 1", n)
			}
			// A batch of one is the ordinary, detailed alert.
			if j := e.job("alerts:ann|enquiries|2:email"); !strings.Contains(j.Subject, "New enquiry for you: Question 4") {
				t.Errorf("a batch of one: %q", j.Subject)
			}
			// Quiet for a whole interval: the next goes alone, at once.
			e.clock.Advance(6 * time.Minute)
			notify(5)
			if q := queued(); q != 4 {
				t.Fatalf("after a quiet interval: %d queued, want 4", q)
			}
		})
	}
	t.Run("group_wait", func(t *testing.T) {
		e := newEnv(t, "alerts:\n  group_wait: 30s\n", nil)
		ref := e.commit(1, enquiryMail("w1@bbc", "Jo <jo@bbc.co.uk>", "Waits", "q")).Ref
		if err := e.svc.Notify(e.ctx, Notification{Key: "alert:" + ref + ":ann:1-0", Kind: NotifyAssigned, Ref: ref, Officer: "ann"}); err != nil {
			t.Fatal(err)
		}
		if n, _ := e.svc.FlushAlerts(e.ctx); n != 0 {
			t.Fatal("the first alert did not wait group_wait")
		}
		e.clock.Advance(30 * time.Second)
		if n, _ := e.svc.FlushAlerts(e.ctx); n != 1 {
			t.Fatal("not sent after group_wait")
		}
	})
}

// TestAlertText: what a journalist wrote reaches an officer's alert as one
// inert line (no header breaks, no bidi tricks, no link to click in the
// desk's own trusted mail), the same rule as acknowledgements.
func TestAlertText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hello\r\nBcc: x@y.com\tz", "Hello Bcc: [link removed] z"},
		{"evil\u202eolleh", "evil olleh"},
		{"  spaced   out  ", "spaced out"},
		{"Re: claim your refund at https://evil.example/x now", "Re: claim your refund at [link removed] now"},
		{strings.Repeat("é", 10), "éééé…"},
	} {
		n := 100
		if strings.HasPrefix(c.in, "é") {
			n = 5
		}
		if got := InertText(c.in, n); got != c.want {
			t.Errorf("InertText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
