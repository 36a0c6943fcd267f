package outbound

import (
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// TestAckLoggedCall: a call logged on the dashboard is acknowledged by
// mail only when the officer asked for it (and gave an address); mail is
// acknowledged as before.
func TestAckLoggedCall(t *testing.T) {
	e := newEnv(t, "", nil)
	for i, tc := range []struct {
		name, channel, from string
		ackRequested        bool
		suppressed          string // "" when the acknowledgement is queued
	}{
		{"call, no tick", store.ChannelPhone, "jo@bbc.co.uk", false, "without \"send acknowledgement\""},
		{"call, ticked", store.ChannelPhone, "sam@bbc.co.uk", true, ""},
		{"call, no address", store.ChannelPhone, "", true, "no address"},
		{"logged email, no tick", "email", "kim@bbc.co.uk", false, "logged on the dashboard"},
		{"mail", "", "lee@bbc.co.uk", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := e.clock.Now()
			m := &mailparse.Message{MessageID: "call." + tc.name + "@calls.example", From: mailparse.Address{Addr: tc.from},
				Subject: "Phone call: comment?", Date: now, Text: "Comment?", NewText: "Comment?", Size: 8}
			in := store.Incoming{Source: store.Source{Mailbox: store.CallMailbox, Folder: store.CallFolder, UIDValidity: 1, UID: uint32(i + 1)},
				Received: now, Msg: m, New: &store.NewEnquiry{Topic: "general", Officer: "ann", Policy: "standard",
					AcknowledgeDue: now.Add(15 * time.Minute), FirstResponseDue: now.Add(2 * time.Hour), ResolutionDue: now.Add(24 * time.Hour),
					Channel: tc.channel, AckRequested: tc.ackRequested}}
			outs, err := e.st.Commit(e.ctx, []store.Incoming{in}, store.CommitOptions{WarnBefore: 15 * time.Minute})
			if err != nil || outs[0].Kind != "enquiry" {
				t.Fatalf("commit: %v %+v", err, outs)
			}
			if err := e.svc.acknowledge(e.ctx, outs[0].Ref, outs[0].MKey); err != nil {
				t.Fatal(err)
			}
			j := e.job("ack:" + outs[0].Ref)
			switch {
			case j == nil:
				t.Fatal("no acknowledgement job")
			case tc.suppressed == "" && j.State != StateQueued:
				t.Errorf("want queued, got %s %q", j.State, j.Reason)
			case tc.suppressed != "" && (j.State != StateSuppressed || !strings.Contains(j.Reason, tc.suppressed)):
				t.Errorf("want suppressed (%q), got %s %q", tc.suppressed, j.State, j.Reason)
			}
		})
	}
}
