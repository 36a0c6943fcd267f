package sla

import (
	"testing"
	"time"
)

// DST nights: days and in-hours are read on the desk's wall clock (due
// times on those nights: sla/plan's TestDSTNights).
func TestDSTNights(t *testing.T) {
	cfg := deskConfig(t)
	london := cfg.Location
	h, err := NewHours(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("days", func(t *testing.T) {
		for _, c := range []struct {
			at   time.Time
			want string
		}{
			{time.Date(2023, 10, 28, 23, 30, 0, 0, time.UTC), "20231029"}, // 00:30 BST
			{time.Date(2023, 10, 29, 0, 30, 0, 0, time.UTC), "20231029"},  // 01:30 BST
			{time.Date(2023, 10, 29, 1, 30, 0, 0, time.UTC), "20231029"},  // 01:30 GMT
			{time.Date(2023, 10, 29, 23, 30, 0, 0, time.UTC), "20231029"}, // 23:30 GMT
			{time.Date(2024, 3, 30, 23, 59, 0, 0, time.UTC), "20240330"},
			{time.Date(2024, 3, 31, 23, 30, 0, 0, time.UTC), "20240401"}, // 00:30 BST
		} {
			if got := DayKey(c.at, london); got != c.want {
				t.Errorf("%s: day %s, want %s", c.at, got, c.want)
			}
		}
		got := days(time.Date(2023, 10, 28, 0, 0, 0, 0, london), time.Date(2023, 10, 30, 0, 0, 0, 0, london), london)
		if len(got) != 3 || got[0] != "20231028" || got[2] != "20231030" {
			t.Errorf("days across the change: %v", got)
		}
		got = days(time.Date(2024, 3, 30, 0, 0, 0, 0, london), time.Date(2024, 4, 1, 0, 0, 0, 0, london), london)
		if len(got) != 3 || got[1] != "20240331" {
			t.Errorf("days across the spring change: %v", got)
		}
	})
	t.Run("in hours", func(t *testing.T) {
		for _, c := range []struct {
			wall string // London wall clock
			want bool
		}{
			{"2023-10-27 17:59", true},  // Friday before the change, BST
			{"2023-10-27 18:00", false}, // the weeknight duty officer's
			{"2023-10-28 10:00", false}, // Saturday
			{"2023-10-29 10:00", false}, // the Sunday of the change
			{"2023-10-30 07:59", false}, // Monday after, GMT
			{"2023-10-30 08:00", true},
			{"2023-10-30 17:59", true},
			{"2024-03-29 12:00", true}, // Good Friday is a weekday to the rota
			{"2024-04-01 08:00", true}, // the Monday after spring forward, BST
			{"2024-04-01 07:30", false},
		} {
			at, err := time.ParseInLocation("2006-01-02 15:04", c.wall, london)
			if err != nil {
				t.Fatal(err)
			}
			if got := h.In(at); got != c.want {
				t.Errorf("%s: in hours %v, want %v", c.wall, got, c.want)
			}
		}
	})
}
