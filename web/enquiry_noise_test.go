package web

import (
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// TestEnquiryPageNoise: a desk reply names the officer who sent it (from
// the response record's by), the mail source is folded, system events are
// folded under what people did, message bodies are not monospace, and
// Reassign offers officers and managers only (no admin-only account),
// marks who is on shift now and defaults to nobody.
func TestEnquiryPageNoise(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Noise", "ann")
	at := f.clock.Now()
	own := store.Message{Received: at}
	own.Message = mailparse.Message{MessageID: "<reply-1@desk.example>", From: mailparse.Address{Name: "Press Office", Addr: "press@desk.example"},
		Subject: "Re: Noise", Date: at, Text: "We will come back to you.", NewText: "We will come back to you."}
	// As the outbox records a sent reply: the message, then the response.
	res, err := f.st.RecordOwnMessage(f.ctx, store.OwnMessage{Ref: ref, Kind: "reply", By: "ann", Msg: own})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.RecordResponse(f.ctx, ref, store.Response{At: at, By: "ann", Kind: store.Holding, Via: "dashboard",
		MessageID: own.MessageID, MKey: res.Detail}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.AddNote(f.ctx, ref, "bob", "I know this journalist"); err != nil {
		t.Fatal(err)
	}
	body := f.client().loginAs("meg").get("/enquiries/" + ref).Body.String()
	for _, c := range []struct{ what, want string }{
		{"who sent the reply", `sent by <span class="sent-by">Ann Officer</span>`},
		{"source folded", `<details class="source muted"><summary>Mail source</summary><p>Source: desk / INBOX`},
		{"system events folded", `<details id="system-events"><summary>System events (`},
		{"people's events by name", `<span class="by">Bob Officer</span> <span class="text">I know this journalist</span>`},
		{"reassign defaults to nobody", `<option value="" selected>Choose an officer…</option>`},
		{"on shift marked", `Ann Officer · on shift now (has it)</option>`},
		{"a manager offered", `<option value="meg">Meg Manager</option>`},
	} {
		if !strings.Contains(body, c.want) {
			t.Errorf("%s: no %q", c.what, c.want)
		}
	}
	if strings.Contains(body, `value="root"`) {
		t.Error("Reassign offers the admin-only account")
	}
	if i, j := strings.Index(body, `<details id="system-events">`), strings.Index(body, "I know this journalist"); i < 0 || j > i {
		t.Error("the note is not above the folded system events")
	}
	css := f.client().get("/static/app.css").Body.String()
	if i := strings.Index(css, "pre.body {"); i < 0 || strings.Contains(css[i:i+strings.Index(css[i:], "}")], "monospace") {
		t.Error("message bodies are still monospace")
	}
}
