package routing

import (
	"strings"
	"testing"
	"time"
)

// TestDateAnchorsAhead: days the email names as ahead of it — a time
// after a deadline cue ("later this week", "back to me this afternoon")
// or the day of a deadline further back in its clause ("come back by
// close of play on Wednesday") — say nothing about when the release came
// out, and are no anchors; the same words naming days past still are. A
// past year as a limit ("until at least 2019") is a figure the release
// stated, not a year named. A bare weekday five or six days back ("we
// publish on Wednesday", written on a Monday) is the coming one, and
// "today" in a sentence naming tomorrow the journalist's own day.
func TestDateAnchorsAhead(t *testing.T) {
	d0 := dayOf(time.Date(2023, 1, 9, 11, 0, 0, 0, time.UTC), time.UTC) // a Monday
	for _, c := range []struct {
		text string
		want []dayRange
	}{
		{"We're aiming to publish later this week.", nil},
		{"Could you get back to me this afternoon?", nil},
		{"If you could come back by close of play on Wednesday that would be great.", nil},
		{"We need a line before our deadline on Thursday.", nil},
		// days past, as before
		{"The statement issued earlier this week", []dayRange{{from: d0, to: d0}}},
		{"Your statement this morning", []dayRange{{from: d0, to: d0}}},
		{"The minister spoke on Friday.", []dayRange{{from: d0 - 3, to: d0 - 3}}},
		{"Wednesday's statement", []dayRange{{from: d0 - 5, to: d0 - 5}}},
		{"The minister has been silent since Wednesday.", []dayRange{{from: d0 - 5, to: d0 - 5}}},
		// a bare weekday five or six days back is the coming one
		{"We publish the package on Wednesday.", nil},
		{"Will the UK raise it when the Council meets at 9.30 on Tuesday?", nil},
		// "today" in a sentence naming tomorrow is the journalist's day
		{"Tomorrow morning would be fine for this, no panic today.", nil},
		{"We're on air at 5pm today, but this is for tomorrow's follow-up.", nil},
		{"We need to know what was agreed last Wednesday.", []dayRange{{from: d0 - 5, to: d0 - 5}}},
		// a past year as a limit the release stated, not a year named
		{"UK troops were to stay in Kosovo until at least 2019.", nil},
		{"Is the KFOR commitment till 2019 still the plan?", nil},
		{"the 2019 agreement", []dayRange{{from: dayOf(time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), time.UTC), to: dayOf(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC), time.UTC), year: true}}},
		// a cue in the sentence before does not reach the day
		{"Please come back by noon. The minister spoke on Friday.", []dayRange{{from: d0 - 3, to: d0 - 3}}},
	} {
		checkAnchors(t, c.text, d0, c.want)
	}
}

// TestLinkDaysAhead: a fact-checker's enquiry on a release of two weeks
// before, planning to publish "later this week" and asking for an answer
// "by close of play on Wednesday", is linked to it: neither day is when
// the release came out (both were read as days named it did not fit,
// p 0.01 on the like mixdev3 005).
func TestLinkDaysAhead(t *testing.T) {
	cat := testCatalogue(t)
	in := Input{
		Subject: "Fact check: Valdorian arms brokers sanctions",
		NewText: "We're checking a claim that the UK froze £3.4m of assets of six Valdorian arms brokers, including Ottokar Vell. " +
			"Were all six based in Valdoria? We're aiming to publish later this week, so if you could come back by close of play on Wednesday that would be great.",
		Date: at3339(t, "2024-03-25T10:00:00Z"), // a Monday
	}
	l := cat.Link(&in)
	if l.Release != "2024-03-12-sanctions-on-valdorian-arms-brokers" {
		t.Errorf("linked %q (%.2f, %s), want the sanctions release", l.Release, l.Score, l.Detail)
	}
}

// TestLinkJournalistsDay: "today" in a sentence naming tomorrow is the
// journalist's schedule, and a bare weekday five days back the coming
// one: neither puts back the release of the day before (mixdev2 002,
// "Tomorrow morning would be fine for this, no panic today", p 0.60 ->
// 0.87; endl 040, "when the Council meets at 9.30 on Monday", written on
// a Saturday, 0.44 -> 0.96).
func TestLinkJournalistsDay(t *testing.T) {
	cat := testCatalogue(t)
	for _, text := range []string{
		"Are the brokers all in Valdoria? Tomorrow morning would be fine for this, no panic today.",
		"Were the arms brokers sanctioned by the UK all based in Valdoria? Will it come up when ministers meet on Thursday?",
	} {
		in := Input{Subject: "Valdoria sanctions", NewText: text, Date: at3339(t, "2024-03-13T10:00:00Z"), Language: "en"} // a Wednesday
		if l := cat.Link(&in); l.Release != "2024-03-12-sanctions-on-valdorian-arms-brokers" {
			t.Errorf("%q: linked %q (%.2f, %s), want the sanctions release", text, l.Release, l.Score, l.Detail)
		}
	}
}

// BenchmarkDateAnchorsHostile reads 256 kB of "today" in one sentence
// with "tomorrow" at its end: each sentence is searched for tomorrow once
// (journalistsDay), so the time grows with the text, not its square.
func BenchmarkDateAnchorsHostile(b *testing.B) {
	text := strings.Repeat("today ", 256<<10/6) + "tomorrow."
	var tz tokenizer
	tz.tokenize(text)
	d0 := dayOf(time.Date(2023, 1, 9, 11, 0, 0, 0, time.UTC), time.UTC)
	var out []dayRange
	b.ResetTimer()
	for range b.N {
		out = dateAnchors(&tz, d0, out[:0], nil)
	}
	if len(out) != 0 {
		b.Fatalf("%d anchors, want none", len(out))
	}
}
