package mailparse

import (
	"testing"
	"time"
)

// TestParseDateCalendarNames: header dates in the calendar names of
// lang/data (English by its first three letters, German and French
// exactly).
func TestParseDateCalendarNames(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Mon, 16 Oct 2023 09:12:44 +0100", "2023-10-16T09:12:44+01:00"},
		{"Weds, 18 Sept 2023 09:12:44 +0000", "2023-09-18T09:12:44Z"},
		{"Mo, 16 Okt 2023 09:12:44 +0200", "2023-10-16T09:12:44+02:00"},
		{"Di, 5 Mär 2024 10:00:00 +0100", "2024-03-05T10:00:00+01:00"},
		{"jeu., 5 janv. 2023 08:00:00 +0100", "2023-01-05T08:00:00+01:00"},
		{"16-déc.-2023 10:00:00 +0100", "2023-12-16T10:00:00+01:00"},
	} {
		got, ok := ParseDate(c.in)
		want, _ := time.Parse(time.RFC3339, c.want)
		if !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, ok, want)
		}
	}
}
