package outbound

import (
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/store"
)

// TestUnreplicatedClaimNotSent: with redis.wait_replicas 1 and no replica
// (WAIT answers 0, as on a primary cut off by a failover), the sender
// claims the acknowledgement but never sends it: the claim is retried,
// never set aside, and nothing reaches the SMTP server.
func TestUnreplicatedClaimNotSent(t *testing.T) {
	e := newEnv(t, "", func(o *Options) {
		o.Store = store.New(keySpace(o.Store).Client(), store.Options{RefPrefix: TestPrefix, Location: o.Config.Location, Clock: o.Clock,
			WaitReplicas: 1, WaitTimeout: 20 * time.Millisecond})
		o.Outbox.MaxDeliveries = 2
	})
	ref := e.commit(1, enquiryMail("unrep@bbc", "jo@bbc.co.uk", "Question", "q")).Ref
	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	var j *Job
	Eventually(t, "the claim retried past MaxDeliveries", 20*time.Second, func() bool {
		var err error
		j, err = e.svc.outbox.Job(e.ctx, "ack:"+ref)
		return err == nil && j.Attempts >= 4
	})
	if n := len(e.sink.Messages()); n != 0 {
		t.Errorf("%d message(s) sent on a claim no replica has", n)
	}
	if j.State != StateSending {
		t.Errorf("state %q, want %q (claimed, waiting for a replica)", j.State, StateSending)
	}
	if dead, _ := e.rdb.LRange(e.ctx, e.st.Prefix()+"outbound:dead", 0, -1).Result(); len(dead) != 0 {
		t.Errorf("set aside while waiting for a replica: %q", dead)
	}
}

// TestMissingEnquiryEvent: an event for an enquiry that is not there (read
// from a primary that then failed over, say) is no longer acknowledged
// and forgotten: it is retried, then set aside in outbound:dead with the
// reason, and the events behind it are handled.
func TestMissingEnquiryEvent(t *testing.T) {
	e := newEnv(t, "", func(o *Options) { o.Outbox.MaxDeliveries = 3 })
	const ghost = TestPrefix + "-2023-999999"
	e.rdb.XAdd(e.ctx, &redis.XAddArgs{Stream: e.st.Prefix() + "events", Values: []any{"type", "enquiry.created", "ref", ghost,
		"at", "0", "data", `{"officer":"ann","mkey":"nosuchmessage"}`}})
	ref := e.commit(2, enquiryMail("after@bbc", "sam@bbc.co.uk", "Second", "q")).Ref
	e.run(e.svc.outbox.Run)
	e.run(e.svc.runEvents)
	e.waitState("ack:"+ref, StateSent)
	dead, _ := e.rdb.LRange(e.ctx, e.st.Prefix()+"outbound:dead", 0, -1).Result()
	if len(dead) != 1 || !strings.Contains(dead[0], ghost) || !strings.Contains(dead[0], "missing enquiry") {
		t.Errorf("dead letters %q, want the event for %s with its reason", dead, ghost)
	}
	if _, err := e.svc.outbox.Job(e.ctx, "ack:"+ghost); err == nil {
		t.Error("an acknowledgement was queued for a missing enquiry")
	}
}
