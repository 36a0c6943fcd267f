package releases

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/clock"
)

// TestLineStates: a line is a draft until approved; approved lines are
// sendable until the fake clock reaches their expiry, then expired and no
// longer sendable; an edited line is a new draft; withdrawing returns a
// line to draft; each change is in the line history. On real Redis and on
// miniredis.
func TestLineStates(t *testing.T) {
	backends := map[string]func(t *testing.T) redis.UniversalClient{
		"redis": testRedis,
		"miniredis": func(t *testing.T) redis.UniversalClient {
			m := miniredis.RunT(t)
			rdb := redis.NewClient(&redis.Options{Addr: m.Addr()})
			t.Cleanup(func() { _ = rdb.Close() })
			return rdb
		},
	}
	for name, open := range backends {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			rdb := open(t)
			s := NewStore(rdb, "")
			fc := clock.NewFake(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
			const id = "rel-1"
			put := func(lines string) {
				t.Helper()
				if err := rdb.HSet(ctx, s.hashKey(), id, `{"id":"rel-1","title":"T","lines_to_take":`+lines+`}`).Err(); err != nil {
					t.Fatal(err)
				}
			}
			put(`["One.","Two."]`)
			lines, err := s.Lines(ctx, id, fc.Now())
			if err != nil || len(lines) != 2 || lines[0].State != LineDraft || lines[1].State != LineDraft {
				t.Fatalf("fresh lines: %+v %v", lines, err)
			}
			if got, _ := s.SendableLines(ctx, id, fc.Now()); len(got) != 0 {
				t.Fatalf("drafts are sendable: %v", got)
			}
			one := lines[0].Key
			if _, err := s.ApproveLine(ctx, id, one, "meg", fc.Now(), fc.Now()); !errors.Is(err, ErrBadExpiry) {
				t.Errorf("approval expiring now: %v", err)
			}
			if _, err := s.ApproveLine(ctx, id, "nope", "meg", fc.Now(), fc.Now().Add(time.Hour)); !errors.Is(err, ErrNoLine) {
				t.Errorf("unknown line: %v", err)
			}
			if _, err := s.ApproveLine(ctx, "no-such", one, "meg", fc.Now(), fc.Now().Add(time.Hour)); !errors.Is(err, ErrNoRelease) {
				t.Errorf("unknown release: %v", err)
			}
			l, err := s.ApproveLine(ctx, id, one, "meg", fc.Now(), fc.Now().Add(2*time.Hour))
			if err != nil || l.State != LineApproved || l.Approval.ApprovedBy != "meg" || !l.Approval.ApprovedAt.Equal(fc.Now()) {
				t.Fatalf("approve: %+v %v", l, err)
			}
			for _, c := range []struct {
				after time.Duration
				state LineState
				n     int
			}{{0, LineApproved, 1}, {2*time.Hour - time.Second, LineApproved, 1}, {time.Second, LineExpired, 0}} {
				fc.Advance(c.after)
				lines, _ := s.Lines(ctx, id, fc.Now())
				got, _ := s.SendableLines(ctx, id, fc.Now())
				if lines[0].State != c.state || lines[1].State != LineDraft || len(got) != c.n {
					t.Errorf("at %s: %s/%s, sendable %v", fc.Now(), lines[0].State, lines[1].State, got)
				}
			}
			// Approved again, then the text edited: the new text is a draft.
			if _, err := s.ApproveLine(ctx, id, one, "meg", fc.Now(), fc.Now().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.SendableLines(ctx, id, fc.Now()); len(got) != 1 || got[0] != "One." {
				t.Fatalf("re-approved: %v", got)
			}
			put(`["One, edited.","Two."]`)
			if got, _ := s.SendableLines(ctx, id, fc.Now()); len(got) != 0 {
				t.Fatalf("edited line still sendable: %v", got)
			}
			put(`["One.","Two."]`)
			if err := s.WithdrawLine(ctx, id, one, "root", fc.Now()); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.SendableLines(ctx, id, fc.Now()); len(got) != 0 {
				t.Fatalf("withdrawn line sendable: %v", got)
			}
			log, err := s.LineLog(ctx, id, 10)
			if err != nil || len(log) != 3 || log[0].What != "withdrawn" || log[0].By != "root" || log[2].What != "approved" || log[2].By != "meg" {
				t.Fatalf("history: %+v %v", log, err)
			}
		})
	}
}
