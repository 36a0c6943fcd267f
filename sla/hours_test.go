package sla

import (
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
)

func TestHoursRule(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	shift := func(name, topics, start string, d time.Duration) config.Shift {
		return config.Shift{Name: name, Topics: strings.Split(topics, ","), Officers: []string{"x"}, Start: start, Duration: d}
	}
	cases := []struct {
		name    string
		rota    []config.Shift
		in, out []string // London wall clock
	}{
		{
			"specialist shifts every day 07:00-19:00: weekdays only",
			[]config.Shift{shift("Home", "migration", "0 7 * * *", 12*time.Hour), shift("Nights", "*", "0 19 * * *", 12*time.Hour)},
			[]string{"2023-10-16 07:00", "2023-10-20 18:59"},
			[]string{"2023-10-16 06:59", "2023-10-16 19:00", "2023-10-21 12:00", "2023-10-22 12:00"},
		},
		{
			"a specialist night shift is not in hours",
			[]config.Shift{shift("Day", "europe", "30 8 * * MON-FRI", 9*time.Hour), shift("ME nights", "middle-east", "0 20 * * *", 10*time.Hour)},
			[]string{"2023-10-16 08:30", "2023-10-16 17:29"},
			[]string{"2023-10-16 08:29", "2023-10-16 17:30", "2023-10-16 21:00", "2023-10-17 03:00"},
		},
		{
			"only all-topics shifts: the fallback Mon-Fri 09:00-17:00",
			[]config.Shift{shift("Duty", "*", "0 8 * * *", 24*time.Hour)},
			[]string{"2023-10-16 09:00", "2023-10-16 16:59"},
			[]string{"2023-10-16 08:59", "2023-10-16 17:00", "2023-10-21 10:00"},
		},
		{
			"split day shifts",
			[]config.Shift{shift("Early", "trade", "0 6 * * MON-FRI", 6*time.Hour), shift("Late", "trade", "0 12 * * MON-FRI", 8*time.Hour)},
			[]string{"2023-10-16 06:00", "2023-10-16 12:00", "2023-10-16 19:59"},
			[]string{"2023-10-16 05:59", "2023-10-16 20:00"},
		},
	}
	for _, c := range cases {
		h, err := NewHours(&config.Config{Location: london, Rota: c.rota})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.in {
			at, _ := time.ParseInLocation("2006-01-02 15:04", w, london)
			if !h.In(at) {
				t.Errorf("%s: %s should be in hours (%s)", c.name, w, h.Desc)
			}
		}
		for _, w := range c.out {
			at, _ := time.ParseInLocation("2006-01-02 15:04", w, london)
			if h.In(at) {
				t.Errorf("%s: %s should be out of hours (%s)", c.name, w, h.Desc)
			}
		}
	}
}
