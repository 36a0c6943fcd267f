package web

import (
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// TestAckFact: the automatic acknowledgement is read from the timeline as
// a fact of its own — sent (when, to whom), suppressed (why), failed
// (why), or none yet; a later suppression record does not hide a sent
// one; the policy option is carried through.
func TestAckFact(t *testing.T) {
	at := time.Date(2026, 12, 6, 20, 59, 0, 0, time.UTC)
	sent := store.Event{At: at, Type: "acknowledgement", By: "system", Text: "acknowledgement sent to jo@bbc.co.uk (response expected by 22:59 today)"}
	supp := store.Event{At: at.Add(time.Second), Type: "outbound.suppressed", Text: "no acknowledgement sent: the sender is a no-reply or robot address",
		Data: map[string]any{"kind": "acknowledgement", "detail": "the sender is a no-reply or robot address"}}
	failed := store.Event{At: at, Type: "outbound.failed", Text: "acknowledgement to jo@bbc.co.uk failed: 550 no such user",
		Data: map[string]any{"kind": "acknowledgement", "detail": "550 no such user"}}
	alert := store.Event{At: at, Type: "outbound.failed", Data: map[string]any{"kind": "alert", "detail": "webhook down"}}
	note := store.Event{At: at, Type: "note", Text: "acknowledgement sent by hand"}
	for _, tc := range []struct {
		name string
		tl   []store.Event
		meet bool
		want ackFact
	}{
		{"none", []store.Event{note, alert}, false, ackFact{}},
		{"sent", []store.Event{note, sent}, false, ackFact{State: "sent", At: at, Detail: "sent to jo@bbc.co.uk (response expected by 22:59 today)"}},
		{"sent, policy meets holding", []store.Event{sent}, true, ackFact{State: "sent", At: at, Detail: "sent to jo@bbc.co.uk (response expected by 22:59 today)", MeetsHolding: true}},
		{"suppressed", []store.Event{supp}, false, ackFact{State: "suppressed", At: supp.At, Detail: "the sender is a no-reply or robot address"}},
		{"failed", []store.Event{failed, alert}, false, ackFact{State: "failed", At: at, Detail: "550 no such user"}},
		{"sent then a stray suppression", []store.Event{sent, supp}, false, ackFact{State: "sent", At: at, Detail: "sent to jo@bbc.co.uk (response expected by 22:59 today)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ackFactOf(tc.tl, tc.meet); got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
