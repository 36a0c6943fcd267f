package inbox

import (
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/store"
)

func TestIngestEndToEnd(t *testing.T) {
	t.Run("server", func(t *testing.T) { testIngestEndToEnd(t, newHarness(t, nil)) })
	// The demo's in-process server must work the same way.
	t.Run("memory", func(t *testing.T) { testIngestEndToEnd(t, newHarness(t, servertest.MemIMAP(t))) })
}

func testIngestEndToEnd(t *testing.T, h *harness) {
	// A backlog before the worker starts: an enquiry, a follow-up, an
	// auto-reply and garbage.
	h.append("INBOX",
		mail(1, "jo@bbc.co.uk", "Albania returns"),
		mail(2, "jo@bbc.co.uk", "Re: Albania returns", "In-Reply-To: <msg-1@newsroom.example>"),
		mail(3, "jo@bbc.co.uk", "Out of office", "Auto-Submitted: auto-replied"),
	)
	h.worker("INBOX", nil)
	h.eventually("backlog ingested", 20*time.Second, func() bool { return h.stats("INBOX").Messages == 3 })
	// New mail while IDLE.
	h.append("INBOX", mail(4, "sam@itv.com", "Kosovo troops"))
	h.eventually("new mail ingested", 20*time.Second, func() bool { return h.stats("INBOX").Messages == 4 })
	s := h.stats("INBOX")
	if s.Enquiries != 2 || s.Followups != 1 || s.Automatic != 1 {
		t.Errorf("stats %+v", s)
	}
	h.eventually("all flagged", 10*time.Second, func() bool {
		with, all := h.flagged("INBOX", "$MediadeskIngested")
		return len(all) == 4 && len(with) == 4
	})
	list, _, err := h.store.List(h.ctx, store.ListOptions{})
	if err != nil || len(list) != 2 {
		t.Fatalf("list %v %v", list, err)
	}
	msgs, _ := h.store.Messages(h.ctx, list[1].Ref)
	if len(msgs) != 2 || msgs[0].Source.Mailbox != "desk" || msgs[0].Source.UID != 1 || msgs[0].Source.UIDValidity == 0 {
		t.Errorf("messages/source %+v", msgs)
	}
	if !strings.Contains(msgs[0].NewText, "Question number 1") {
		t.Errorf("text %q", msgs[0].NewText)
	}
}

func TestMoveToProcessed(t *testing.T) {
	h := newHarness(t, nil)
	h.append("INBOX", mail(1, "jo@bbc.co.uk", "one"), mail(2, "kim@ft.com", "two"))
	h.worker("INBOX", func(c *Config) { c.Mark, c.MoveTo = MarkMove, "Processed" })
	h.eventually("moved", 20*time.Second, func() bool {
		return dialCount(h, "INBOX") == 0 && dialCount(h, "Processed") == 2
	})
	if s := h.stats("INBOX"); s.Enquiries != 2 {
		t.Errorf("stats %+v", s)
	}
	if c := h.cursor("INBOX"); c.LastUID != 2 {
		t.Errorf("cursor %+v", c)
	}
}

func (h *harness) cursor(folder string) store.Cursor {
	c, err := h.store.Cursor(h.ctx, "desk", folder)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

func TestPollOnlyWithoutIdle(t *testing.T) {
	h := newHarness(t, nil)
	h.worker("INBOX", func(c *Config) { c.UseIdle = false; c.PollInterval = 200 * time.Millisecond })
	h.append("INBOX", mail(1, "jo@bbc.co.uk", "one"))
	h.eventually("polled", 20*time.Second, func() bool { return h.stats("INBOX").Messages == 1 })
}

func TestUIDValidityChangeNoDuplicates(t *testing.T) {
	h := newHarness(t, nil)
	h.append("INBOX", mail(1, "jo@bbc.co.uk", "one"), mail(2, "kim@ft.com", "two"),
		// No Message-ID: a derived one must dedupe it too.
		mail(3, "al@sky.uk", "three", "Message-ID:"))
	_, stop := h.worker("INBOX", nil)
	h.eventually("ingested", 20*time.Second, func() bool { return h.stats("INBOX").Messages == 3 })
	stop()
	before := h.cursor("INBOX").UIDValidity
	if _, err := h.imap.RecreateFolder(h.ctx, "INBOX"); err != nil {
		t.Fatal(err)
	}
	h.append("INBOX", mail(4, "new@bbc.co.uk", "four"))
	h.worker("INBOX", nil)
	h.eventually("rescanned", 20*time.Second, func() bool {
		c := h.cursor("INBOX")
		return c.UIDValidity != before && h.stats("INBOX").Messages == 4
	})
	s := h.stats("INBOX")
	if s.Enquiries != 4 || s.Duplicates < 3 {
		t.Errorf("after UIDVALIDITY change: %+v", s)
	}
}

func TestReconnectAfterIMAPRestart(t *testing.T) {
	h := newHarness(t, servertest.RealDovecot(t))
	w, _ := h.worker("INBOX", nil)
	h.append("INBOX", mail(1, "jo@bbc.co.uk", "one"))
	h.eventually("first", 20*time.Second, func() bool { return h.stats("INBOX").Messages == 1 })
	h.eventually("idling", 10*time.Second, func() bool { return w.Status().Idle })
	if err := h.imap.Restart(h.ctx); err != nil {
		t.Fatal(err)
	}
	h.append("INBOX", mail(2, "kim@ft.com", "two"))
	h.eventually("after restart", 30*time.Second, func() bool { return h.stats("INBOX").Messages == 2 })
	if s := h.stats("INBOX"); s.Enquiries != 2 {
		t.Errorf("stats %+v", s)
	}
}

func TestQuarantineNeverBlocks(t *testing.T) {
	h := newHarness(t, nil)
	h.append("INBOX",
		[]byte("this is not a mail at all, no header, no body"),
		mail(2, "jo@bbc.co.uk", "after the garbage"),
	)
	h.worker("INBOX", nil)
	h.eventually("both recorded", 20*time.Second, func() bool { return h.stats("INBOX").Messages == 2 })
	s := h.stats("INBOX")
	if s.Enquiries+s.Quarantined != 2 {
		t.Errorf("stats %+v", s)
	}
}

// TestTooLargeBecomesAnEnquiry: a message over the size cap is not read in
// full; it becomes an enquiry from its header, with a note saying so.
func TestTooLargeBecomesAnEnquiry(t *testing.T) {
	h := newHarness(t, nil)
	big := mail(1, "jo@bbc.co.uk", "Huge attachment")
	big = append(big, []byte(strings.Repeat("0123456789abcdef", 20000))...) // ~320 KB
	h.append("INBOX", big, mail(2, "kim@ft.com", "small"))
	h.worker("INBOX", func(c *Config) { c.MaxSize = 64 << 10 })
	h.eventually("both recorded", 20*time.Second, func() bool { return h.stats("INBOX").Messages == 2 })
	list, _, _ := h.store.List(h.ctx, store.ListOptions{})
	var found bool
	for _, e := range list {
		if e.Subject != "Huge attachment" {
			continue
		}
		found = true
		msgs, _ := h.store.Messages(h.ctx, e.Ref)
		m := msgs[0]
		if !m.TooLarge || m.Text != "" || m.Size < 300000 || len(m.Warnings) == 0 || !strings.Contains(m.Warnings[len(m.Warnings)-1], "only the header was read") {
			t.Errorf("too-large message: too_large=%v size=%d text=%q warnings=%v", m.TooLarge, m.Size, m.Text, m.Warnings)
		}
	}
	if !found {
		t.Error("no enquiry for the large message")
	}
}
