package main

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/fixture"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// TestStatus checks the shape `mediadesk status` promises: per folder
// and in total, messages equal the sum of enquiries, follow-ups, automatic
// and quarantined.
func TestStatus(t *testing.T) {
	desk := fixture.Desk(t)
	r := servertest.Redis(t)
	cfg, err := config.Load(desk, config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	opt, _ := redis.ParseURL(r.URL)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	st := store.New(rdb, store.Options{Prefix: cfg.Redis.KeyPrefix, RefPrefix: "FCDO", Location: cfg.Location})
	ctx := context.Background()
	now := time.Date(2023, 10, 16, 9, 30, 0, 0, time.UTC)
	in := func(uid uint32, id, from, subject string, irt []string, auto mailparse.AutoKind) store.Incoming {
		m := &mailparse.Message{MessageID: id, From: mailparse.Address{Addr: from}, Subject: subject, Date: now,
			Text: "q", NewText: "q", InReplyTo: irt, Automatic: auto}
		i := store.Incoming{Source: store.Source{Mailbox: "newsdesk", Folder: "INBOX", UIDValidity: 9, UID: uid}, Received: now, Msg: m}
		if auto == "" {
			i.New = &store.NewEnquiry{Topic: "general"}
		}
		return i
	}
	bad := store.Incoming{Source: store.Source{Mailbox: "newsdesk", Folder: "INBOX", UIDValidity: 9, UID: 4}, ParseErr: mailparse.ErrNotMail}
	if err := st.ResetCursor(ctx, "newsdesk", "INBOX", 9); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Commit(ctx, []store.Incoming{
		in(1, "a@x", "jo@bbc.co.uk", "q", nil, ""),
		in(2, "b@x", "jo@bbc.co.uk", "Re: q", []string{"a@x"}, ""),
		in(3, "c@x", "jo@bbc.co.uk", "Out of office", nil, mailparse.AutoReply),
		bad,
	}, store.CommitOptions{}); err != nil {
		t.Fatal(err)
	}
	// The worker advances the cursor once the whole batch is committed.
	if err := st.AdvanceCursor(ctx, "newsdesk", "INBOX", 9, 4); err != nil {
		t.Fatal(err)
	}
	t.Setenv("MEDIADESK_REDIS_URL", r.URL)
	var out, errb bytes.Buffer
	if code := cmdStatus([]string{"--config", desk}, &out, &errb); code != 0 {
		t.Fatalf("status exit %d: %s", code, errb.String())
	}
	var got struct {
		Mailboxes []struct {
			Mailbox, Folder                                        string
			UIDValidity                                            uint32 `json:"uidvalidity"`
			LastUID                                                uint32 `json:"last_uid"`
			Messages, Enquiries, Followups, Automatic, Quarantined int64
		}
		Totals     struct{ Messages, Enquiries, Followups, Automatic, Quarantined int64 }
		Quarantine []struct{ Reason string }
		Outbox     map[string]int64
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if len(got.Mailboxes) != 1 {
		t.Fatalf("mailboxes: %s", out.String())
	}
	m := got.Mailboxes[0]
	if m.Mailbox != "newsdesk" || m.Folder != "INBOX" || m.UIDValidity != 9 || m.LastUID != 4 ||
		m.Messages != 4 || m.Enquiries != 1 || m.Followups != 1 || m.Automatic != 1 || m.Quarantined != 1 {
		t.Errorf("folder: %+v", m)
	}
	if got.Totals.Messages != 4 || got.Totals.Messages != got.Totals.Enquiries+got.Totals.Followups+got.Totals.Automatic+got.Totals.Quarantined {
		t.Errorf("totals: %+v", got.Totals)
	}
	if len(got.Quarantine) != 1 || got.Quarantine[0].Reason == "" {
		t.Errorf("quarantine: %+v", got.Quarantine)
	}
	if _, ok := got.Outbox["queued"]; !ok {
		t.Errorf("no outbox counts: %s", out.String())
	}
}
