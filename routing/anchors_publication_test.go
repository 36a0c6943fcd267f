package routing

import (
	"slices"
	"testing"
	"time"
)

// TestDateAnchorsPublication: a weekday's before what a journalist
// publishes in ("for Thursday's paper", "Sunday's edition") is the day
// the piece comes out, no day its subject happened on; a weekday's before
// anything else ("Thursday's statement") is.
func TestDateAnchorsPublication(t *testing.T) {
	d0 := dayOf(time.Date(2024, 3, 20, 12, 0, 0, 0, time.UTC), time.UTC) // a Wednesday
	for _, c := range []struct {
		text string
		want []int32
	}{
		{"By close of play tomorrow is fine - the piece is for Thursday's paper.", nil},
		{"No rush, it's for Sunday's edition.", nil},
		{"I'm writing it up for Saturday's programme.", nil},
		{"On Monday's statement: how many were sanctioned?", []int32{d0 - 2}},
		{"Thursday's readout mentions the talks.", []int32{d0 - 6}},
	} {
		if got := anchorStarts(c.text, d0); !slices.Equal(got, c.want) {
			t.Errorf("%q: anchors from %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLinkPublicationDay: the day's release is linked for an enquiry
// whose only day is its paper's (mixdev6 017, "the piece is for
// Thursday's paper" written on a Tuesday: p 0.53 -> 0.97).
func TestLinkPublicationDay(t *testing.T) {
	in := Input{Subject: "Red Hand financiers",
		NewText: "Are any of the financiers based in London? No rush - the piece is for Saturday's paper.",
		Date:    at3339(t, "2024-03-20T18:20:00Z"), Language: "en"}
	l := roundsCatalogue("").Link(&in)
	if l.Release != "march" {
		t.Errorf("linked %q (%.2f, %s), want the day's round", l.Release, l.Score, l.Detail)
	}
	t.Logf("%q %.2f (%s)", l.Release, l.Score, l.Detail)
}
