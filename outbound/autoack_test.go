package outbound

import (
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/store"
)

// TestAutoAckMeetsHolding: with sla.policies[].auto_ack_meets_holding on,
// the automatic acknowledgement, once sent, meets the holding-reply clock
// (id acknowledge) and nothing else; off (the default) it meets no clock.
// On real Redis and on miniredis (the demo's).
func TestAutoAckMeetsHolding(t *testing.T) {
	for _, rd := range []struct {
		name  string
		start func(testing.TB) *servers.Redis
	}{{"redis", servertest.Redis}, {"miniredis", servertest.Miniredis}} {
		for _, on := range []bool{false, true} {
			name := rd.name + "/off"
			if on {
				name = rd.name + "/on"
			}
			t.Run(name, func(t *testing.T) {
				e := newEnvOn(t, rd.start(t), "", nil)
				e.cfg.SLA.Policies[0].AutoAckMeetsHolding = on
				ref := e.commit(1, enquiryMail("m1@bbc", "Jo <jo@bbc.co.uk>", "Holding", "q")).Ref
				e.run(e.svc.outbox.Run)
				e.run(e.svc.runEvents)
				j := e.waitState("ack:"+ref, StateSent)
				enq, err := e.st.Enquiry(e.ctx, ref)
				if err != nil {
					t.Fatal(err)
				}
				met := enq.Clocks[store.ClockAcknowledge].Met
				if on && !met.Equal(j.SentAt.Truncate(time.Millisecond)) {
					t.Errorf("holding clock met %v, want the acknowledgement's sending time %v", met, j.SentAt)
				}
				if !on && !met.IsZero() {
					t.Errorf("holding clock met %v by the automatic acknowledgement with the option off", met)
				}
				if fr := enq.Clocks[store.ClockFirstResponse].Met; !fr.IsZero() {
					t.Errorf("first response met %v by an acknowledgement", fr)
				}
				if enq.Status != store.StatusOpen {
					t.Errorf("status %s, want open", enq.Status)
				}
				tl, err := e.st.Timeline(e.ctx, ref)
				if err != nil {
					t.Fatal(err)
				}
				var responses int
				for _, ev := range tl {
					if ev.Type == "response" {
						responses++
						if !strings.Contains(ev.Text, "auto-ack") || !strings.Contains(ev.Text, "met acknowledge") {
							t.Errorf("response event %q", ev.Text)
						}
					}
				}
				if want := map[bool]int{false: 0, true: 1}[on]; responses != want {
					t.Errorf("%d response events, want %d", responses, want)
				}
			})
		}
	}
}
