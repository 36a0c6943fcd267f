package web

import (
	"testing"
	"time"
)

// TestDeadlineDisplay: the deadline display rules — the year when not
// this year, grey and no countdown once resolved, "deadline had passed on
// arrival" when the stated deadline was before the message arrived, else
// a live countdown.
func TestDeadlineDisplay(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 12, 6, 20, 59, 0, 0, loc)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, loc) }
	for _, tc := range []struct {
		name              string
		deadline, arrived time.Time
		resolved          bool
		want              deadlineView
	}{
		{"none", time.Time{}, at(2026, 12, 6, 9, 0), false, deadlineView{}},
		{"ahead, this year", at(2026, 12, 6, 22, 0), at(2026, 12, 6, 20, 0), false,
			deadlineView{When: "Sun 6 Dec 22:00", Countdown: "due in 1h 01m", Live: true, Class: "deadline-open"}},
		{"overdue, arrived in time", at(2026, 12, 6, 18, 0), at(2026, 12, 6, 9, 0), false,
			deadlineView{When: "Sun 6 Dec 18:00", Countdown: "overdue by 2h 59m", Live: true, Class: "deadline-open"}},
		{"last year shows the year", at(2025, 2, 23, 18, 0), at(2025, 2, 23, 9, 0), false,
			deadlineView{When: "Sun 23 Feb 2025 18:00", Countdown: "overdue by 651d 2h", Live: true, Class: "deadline-open"}},
		{"next year shows the year", at(2027, 1, 4, 10, 0), at(2026, 12, 6, 20, 0), false,
			deadlineView{When: "Mon 4 Jan 2027 10:00", Countdown: "due in 28d 13h", Live: true, Class: "deadline-open"}},
		{"passed on arrival", at(2026, 12, 6, 18, 0), at(2026, 12, 6, 20, 59), false,
			deadlineView{When: "Sun 6 Dec 18:00", Class: "deadline-passed", Note: "deadline had passed on arrival"}},
		{"resolved: grey, no countdown", at(2026, 12, 6, 18, 0), at(2026, 12, 6, 9, 0), true,
			deadlineView{When: "Sun 6 Dec 18:00", Class: "deadline-resolved", Note: "enquiry resolved"}},
		{"resolved, had passed on arrival", at(2025, 2, 23, 18, 0), at(2025, 2, 24, 9, 0), true,
			deadlineView{When: "Sun 23 Feb 2025 18:00", Class: "deadline-resolved", Note: "deadline had passed on arrival"}},
		{"unknown arrival: never 'passed on arrival'", at(2026, 12, 6, 18, 0), time.Time{}, false,
			deadlineView{When: "Sun 6 Dec 18:00", Countdown: "overdue by 2h 59m", Live: true, Class: "deadline-open"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := deadlineOf(tc.deadline, tc.arrived, tc.resolved, now, loc)
			if !tc.deadline.IsZero() {
				tc.want.DueMs = tc.deadline.UnixMilli()
			}
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestWhenShort: table times carry the year only when it is not this year.
func TestWhenShort(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 1, 1, 0, 30, 0, 0, loc)
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{time.Time{}, ""},
		{time.Date(2026, 1, 1, 9, 0, 0, 0, loc), "Thu 1 Jan 09:00"},
		{time.Date(2025, 12, 31, 23, 59, 0, 0, loc), "Wed 31 Dec 2025 23:59"},
		{time.Date(2025, 12, 31, 23, 59, 0, 0, time.UTC), "Wed 31 Dec 2025 23:59"},
	} {
		if got := whenShort(tc.t, now, loc); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.t, got, tc.want)
		}
	}
}
