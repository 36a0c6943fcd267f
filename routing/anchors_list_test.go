package routing

import (
	"testing"
	"time"
)

// TestDateAnchorsListNumbers: a list's number next to a month across a
// break is no day of it ("your update on the fourth round in July.\n\n1.
// Which chapters are now provisionally closed?" named 1 July, and the
// update of 1 August was put back 30 days: mixdev4 014, p 0.06 -> 0.99);
// a day and its month written together still are.
func TestDateAnchorsListNumbers(t *testing.T) {
	d0 := dayOf(time.Date(2023, 8, 7, 9, 41, 0, 0, time.UTC), time.UTC)
	day := func(m time.Month, d int) int32 { return dayOf(time.Date(2023, m, d, 12, 0, 0, 0, time.UTC), time.UTC) }
	for _, c := range []struct {
		text string
		want []dayRange
	}{
		{"following your update on the fourth round in July.\n\n1. Which chapters are now provisionally closed?", nil},
		{"The talks ended in July. 2. Is the deal still on?", nil},
		{"Questions:\n2. April's statement said what?", nil},
		{"the statement of July 28 on the round", []dayRange{{from: day(7, 28), to: day(7, 28)}}},
		{"the round that ended on 28 July", []dayRange{{from: day(7, 28), to: day(7, 28)}}},
		{"the talks on 13-14 July", []dayRange{{from: day(7, 13), to: day(7, 14)}}},
	} {
		checkAnchors(t, c.text, d0, c.want)
	}
}
