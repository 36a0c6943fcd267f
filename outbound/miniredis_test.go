package outbound

import (
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestOnMiniredis runs the outbox's scripts and stream commands on
// miniredis, which `mediadesk demo` uses: acknowledgement and alert, a
// retry, a permanent failure, a crashed sender's message taken over, the
// janitor and the counts.
func TestOnMiniredis(t *testing.T) {
	e := newEnvOn(t, servertest.Miniredis(t), "", func(o *Options) { o.Outbox.ClaimAfter = 300 * time.Millisecond })
	ref := e.commit(1, enquiryMail("m1@bbc", "Jo <jo@bbc.co.uk>", "Mini", "q")).Ref

	// A sender that read a reply and began it, then died: its entry is
	// pending on a consumer that is gone, its job "sending" under a lease.
	if _, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "Orphan", Kind: "holding", By: "bob", ID: "orphan"}); err != nil {
		t.Fatal(err)
	}
	dead := NewOutbox(e.st, nil, nil, QuietLogger(t), OutboxOptions{ClaimAfter: 300 * time.Millisecond})
	res, err := e.rdb.XReadGroup(e.ctx, &redis.XReadGroupArgs{Group: outboxGroup, Consumer: dead.owner,
		Streams: []string{dead.stream(), ">"}, Count: 1, Block: -1}).Result()
	if err != nil || len(res[0].Messages) != 1 {
		t.Fatalf("read as the doomed sender: %v %v", res, err)
	}
	if r, err := dead.run(e.ctx, "begin", map[string]any{"key": "reply:" + ref + ":orphan", "owner": dead.owner, "lease": "300"}); err != nil || r[0] != "send" {
		t.Fatalf("begin: %v %v", r, err)
	}

	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	if _, err := e.sink.Wait(ctxTimeout(t, 20*time.Second), 2); err != nil {
		t.Fatal(err)
	}
	e.waitState("ack:"+ref, StateSent)

	fails := 1
	e.sink.SetReject(func(from string, to []string, data []byte) error {
		if strings.Contains(string(data), "Permanent") {
			return &smtp.SMTPError{Code: 550, Message: "no"}
		}
		if fails > 0 {
			fails--
			return &smtp.SMTPError{Code: 451, Message: "later"}
		}
		return nil
	})
	j, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "Retry me", Kind: "substantive", By: "ann"})
	if err != nil {
		t.Fatal(err)
	}
	if j = e.waitState(j.Key, StateSent); j.Attempts != 2 {
		t.Errorf("attempts %d", j.Attempts)
	}
	p, _ := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "Permanent", Kind: "substantive", By: "ann"})
	e.waitState(p.Key, StateFailed)

	// The orphan was taken over and sent once, not flagged.
	o := e.waitState("reply:"+ref+":orphan", StateSent)
	if o.PossibleDuplicate || o.Attempts != 2 {
		t.Errorf("orphan %+v", o)
	}
	c, _ := Totals(e.ctx, e.st)
	if c.Sent != 4 || c.Failed != 1 || c.Queued+c.Sending+c.Retrying != 0 {
		t.Errorf("counts %+v", c)
	}
}
