package store

import (
	"errors"
	"testing"
)

func TestSentSeen(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		src := Source{Mailbox: "desk", Folder: "Sent", UIDValidity: 9, UID: 3}
		if err := f.s.ResetCursor(f.ctx, "desk", "Sent", 9); err != nil {
			t.Fatal(err)
		}
		r, err := f.s.SentSeen(f.ctx, src, "response", "mk1")
		if err != nil || !r.Changed {
			t.Fatalf("first: %+v %v", r, err)
		}
		r, err = f.s.SentSeen(f.ctx, src, "response", "mk1")
		if err != nil || r.Changed {
			t.Fatalf("again: %+v %v", r, err)
		}
		if _, err := f.s.SentSeen(f.ctx, Source{Mailbox: "desk", Folder: "Sent", UIDValidity: 9, UID: 2}, "unrelated", ""); err != nil {
			t.Fatal(err)
		}
		c, _ := f.s.Cursor(f.ctx, "desk", "Sent")
		if c.LastUID != 3 {
			t.Errorf("cursor %+v", c)
		}
		rec, _ := f.s.Recorded(f.ctx, "desk", "Sent", 9, []uint32{1, 2, 3})
		if rec[1] || !rec[2] || !rec[3] {
			t.Errorf("recorded %v", rec)
		}
		st, _ := f.s.SentStats(f.ctx, "desk", "Sent")
		if st["messages"] != 2 || st["response"] != 1 || st["unrelated"] != 1 {
			t.Errorf("stats %v", st)
		}
	})
}

func TestRecordOutbound(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		ref := f.one(f.in(msg("a@x", "jo@bbc.co.uk", "Q"))).Ref
		o := Outbound{Key: "ack:" + ref, Kind: "acknowledgement", Status: "failed", To: "jo@bbc.co.uk", Detail: "550 no such user"}
		for i := 0; i < 2; i++ {
			if _, err := f.s.RecordOutbound(f.ctx, ref, o); err != nil {
				t.Fatal(err)
			}
		}
		tl, _ := f.s.Timeline(f.ctx, ref)
		n := 0
		for _, ev := range tl {
			if ev.Type == "outbound.failed" {
				n++
				if ev.Data["detail"] != "550 no such user" || ev.Text != "acknowledgement failed (jo@bbc.co.uk)" {
					t.Errorf("event %+v", ev)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d timeline entries, want 1", n)
		}
		evs, _ := f.rdb.XRange(f.ctx, f.s.key("events"), "-", "+").Result()
		if last := evs[len(evs)-1]; last.Values["type"] != "outbound.failed" || last.Values["ref"] != ref {
			t.Errorf("event %+v", last.Values)
		}
		if _, err := f.s.RecordOutbound(f.ctx, "FCDO-1999-000001", o); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown enquiry: %v", err)
		}
	})
}
