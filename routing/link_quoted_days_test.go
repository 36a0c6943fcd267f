package routing

import (
	"testing"
	"time"
)

// TestQuotedAnchors: the days the quoted history names, each message's
// words read against its attribution's date; the attribution lines and
// the words above every attribution name none.
func TestQuotedAnchors(t *testing.T) {
	day := func(m time.Month, d int) int32 { return dayOf(time.Date(2023, m, d, 0, 0, 0, 0, time.UTC), time.UTC) }
	d0 := day(12, 14)
	for _, c := range []struct {
		name, quoted string
		want         []dayRange
	}{
		{"a first message's today",
			"On Wed, 13 Dec 2023 at 11:05, Joe <joe@example.test> wrote:\n> Hi - on today's joint sanctions:\n> Who are the seven?",
			[]dayRange{{from: day(12, 13), to: day(12, 13), today: true, quoted: true}}},
		{"two messages, two days",
			"On Wed, 13 Dec 2023 at 14:51, Press Office wrote:\n> Yesterday's statement stands.\n>\n> On Tue, 12 Dec 2023 at 11:05, Joe wrote:\n>> On today's sanctions: who?",
			[]dayRange{{from: day(12, 12), to: day(12, 12), quoted: true}, {from: day(12, 12), to: day(12, 12), today: true, quoted: true}}},
		{"Outlook's header",
			"From: Joe\nSent: Wednesday, 13 December 2023 11:05\nTo: Press Office\nSubject: sanctions\n\nOn today's sanctions: who?",
			[]dayRange{{from: day(12, 13), to: day(12, 13), today: true, quoted: true}}},
		{"an attribution names no day itself",
			"On Mon, 4 Dec 2023 at 10:00, Joe wrote:\n> On your statement on the sanctions: who is named?", nil},
		{"words above every attribution", "Today's sanctions: who?\nOn Mon, 4 Dec 2023 at 10:00, Joe wrote:\n> Hello", nil},
	} {
		var tz tokenizer
		var buf []byte
		got := quotedAnchors(c.quoted, d0, nil, &tz, &buf, nil)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

// sanctionsRoundsCatalogue has two rounds of sanctions on one group a
// month apart (the December round when dec is set), and the filler.
func sanctionsRoundsCatalogue(dec bool) *Catalogue {
	nov := time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)
	rels := []Release{{ID: "nov", Published: nov, DateOnly: true, Topics: []string{"middle-east"},
		Title: "Travel bans on four leaders of the Black Hand",
		Body:  "The UK sanctions four members of the leadership of the Black Hand with travel bans, as part of a package."}}
	if dec {
		rels = append(rels, Release{ID: "dec", Published: nov.AddDate(0, 0, 29), DateOnly: true, Topics: []string{"middle-east"},
			Title: "UK and US target the Black Hand with new sanctions",
			Body:  "The UK and US sanction seven more leaders and financiers of the Black Hand and its allies with asset freezes."})
	}
	return NewCatalogue(append(rels, fillerReleases(nov.AddDate(0, 0, 29))...), time.UTC)
}

// TestLinkQuotedDays: a chaser whose own words name no release inherits
// the release its quoted history is about; the day that history names
// (its first message's "today's sanctions", written on 13 December)
// puts a release of another day back: with the December round missing
// from the catalogue (a feed lag), the November round is not linked
// (dldev5 027, the Guardian's chaser on the UK-US Hamas and PIJ
// sanctions, its release left out: the November sanctions at p 0.80,
// now none); with it, the December round.
func TestLinkQuotedDays(t *testing.T) {
	in := Input{Subject: "Re: [FCDO-2023-000902] Black Hand sanctions - designations", IsReply: true,
		NewText: "Thanks for yesterday's line, we used it. Still keen to know about the second question. I'll keep an eye out.",
		QuotedText: "On Wed, 13 Dec 2023 at 14:51, FCDO Press Office <newsdesk@example.test> wrote:\n" +
			"> Hi Joe, on the record: \"Today's sanctions, co-ordinated with the US, target leaders and financiers of the Black Hand.\"\n>\n" +
			"> On Wed, 13 Dec 2023 at 11:05, Joe <joe@example.test> wrote:\n" +
			">> Hi - on today's joint UK-US sanctions on the Black Hand:\n>> 1. Who are the seven individuals?\n>> 2. Were any already designated?",
		Date: at3339(t, "2023-12-14T09:40:33Z"), Language: "en"}
	if l := sanctionsRoundsCatalogue(false).Link(&in); l.Release != "" {
		t.Errorf("the December round missing: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
	if l := sanctionsRoundsCatalogue(true).Link(&in); l.Release != "dec" {
		t.Errorf("with the December round: linked %q (%.2f, %s), want dec", l.Release, l.Score, l.Detail)
	}
}
