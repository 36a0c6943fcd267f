package routing

import (
	"path/filepath"
	"testing"
)

// TestLinkDevSets pins the release linking on the DEV sets, routed as
// route routes them (the language told by the detector): testdata/mldev
// (written for tuning, issue 11), the odd half of testdata/multilingual
// (its even half is held out and never read here) and the English
// testdata/endev (37 of 38, 35 before the agreement rules).
// Reached: mldev 53 of 53 enquiries (not automatic) right (52 before a
// day named only as "today" stopped putting an older release back by its
// distance, see anchorMatch), the odd half 31 of 31, no wrong link in
// either; a wrong link fails at once, a right one lost fails below the
// floor.
func TestLinkDevSets(t *testing.T) {
	_, r := sharedRouter(t)
	for _, c := range []struct {
		dir      string
		oddOnly  bool
		minRight int // releases right (at least), of the enquiries that are not automatic
		enquiry  int
		// wrongOK are files whose wrong link is a known labelling choice
		wrongOK string
	}{
		{"mldev", false, 53, 53, ""},
		// mldev2 (another author's, issue 11's last round): 53 of 53 when
		// it landed, and still
		{"mldev2", false, 53, 53, ""},
		// dldev (a third author's, written for deadlines): 48 of 48 when
		// it landed
		{"dldev", false, 48, 48, ""},
		{"multilingual", true, 31, 31, ""},
		// endev (English): 017 and 029 were below the threshold before
		// the agreement rules (signalsAgree: 35 of 38 before); 023, a
		// chaser about the desk's handling of earlier enquiries on the
		// Rwanda Bill, linked that release until questions about the desk
		// outweighing the release's topics left it unlinked (38 of 38)
		{"endev", false, 38, 38, ""},
		// mldev3 (a fourth author's, written to make topic and linking
		// hard): 47 of 48 when it landed, 006 (an English chaser of an
		// Arabic enquiry on the PM's call with Sisi) confidently linked
		// to the same day's Netanyahu call until a reply's thread release
		// yields only to own words that rank another clearly above it
		// (threadMargin)
		{"mldev3", false, 48, 48, ""},
		// dldev2, dldev3, dldev4 (deadline DEV sets by other authors):
		// 48 of 48 each. endev2 (44, mostly English, topic and linking):
		// 43 of 44 when it landed, 44 once a word the message's
		// vocabulary gives as another English word is read so (009,
		// French "accord": agreement). mixdev (45 human enquiries in 15
		// languages): 44 of 45 when it landed, 45 with Albanian
		// "praninë" (presence) and "zgjat" (extends) in the vocabulary
		// (022). No wrong link in any.
		{"dldev2", false, 48, 48, ""},
		{"dldev3", false, 48, 48, ""},
		{"dldev4", false, 48, 48, ""},
		{"endev2", false, 44, 44, ""},
		{"mixdev", false, 45, 45, ""},
		// mixdev2 (46 human enquiries by another author): 42 of 46 when
		// it landed; 45 with Turkish "Türkiye" also read as Turkey (046),
		// Albanian "qëndrojnë" (remain), "jetë" (be, not lives) in the
		// vocabulary (022), and substances, chemicals, a licence and
		// members of the public in Dutch and 12 more languages (044,
		// Dutch: p 0.41 -> 0.93); 46 once "today" in a sentence naming
		// tomorrow is the journalist's day, not one the release must be
		// of (002, Welsh soldiers on the 2017 KFOR deployment, "Tomorrow
		// morning would be fine for this, no panic today": p 0.60 ->
		// 0.87). No wrong link.
		{"mixdev2", false, 46, 46, ""},
		// mldev4 (42 everyday enquiries by another author, 39 not
		// automatic): 38 of 39 when it landed, 010 (Italian: "after the
		// trilateral with Albania he had a bilateral with Meloni … will
		// the UK fund or copy the Italy-Albania model? did Sunak discuss
		// the Rwanda plan with Meloni?", labelled the bilateral's) linked
		// to the same day's trilateral, whose text alone names Albania
		// and Rwanda, as the questions do. 39 of 39 once a meeting named
		// just after an "after" word, the other kind named elsewhere, is
		// the time the subject came in, not the subject (afterAt: 010,
		// the bilateral at p 0.99). No wrong link.
		{"mldev4", false, 39, 39, ""},
		// mldev5 (42 multilingual, 40 not automatic) and endev3 (48
		// English, 46 not automatic), two authors' topic sets: 40 of 40
		// and 46 of 46 when they landed and now, no wrong link.
		{"mldev5", false, 40, 40, ""},
		{"endev3", false, 46, 46, ""},
		// mixdev3 (48 everyday enquiries by another author, 46 not
		// automatic, 28 in 14 languages other than English): 43 of 46
		// when it landed, every miss the right release ranked best below
		// the threshold. 45 once days ahead are no days named (005,
		// "publish later this week … by close of play on Wednesday": p
		// 0.01 -> 0.89) and a year ahead the release states confirms it
		// (030, Italian "fino al 2023": 0.40 -> 0.77). 004 ("KFOR till
		// 2026 - how many UK troops actually in Kosovo at the moment?",
		// "As per subject - for a package today") stays below (p 0.17):
		// five words, "today" the journalist's. No wrong link.
		{"mixdev3", false, 45, 46, ""},
		// endl (48 English, written for deadlines): 46 of 48 as it
		// stood; 47 once a bare "on Monday" five days back is the coming
		// one (040, "when the Council meets at 9.30 on Monday", written
		// on a Saturday: p 0.44 -> 0.96). 027 (FT on "today's critical
		// minerals announcement", its other words the desk's and the
		// paper's) stays below (p 0.48). No wrong link.
		{"endl", false, 47, 48, ""},
		// mldev6 (42 in 14 languages, 40 not automatic) and endev4 (42
		// English, 40 not automatic), two more authors' everyday sets:
		// 38 of 40 and 39 of 40 as they landed, one wrong link (mldev6
		// 025, Russian: "Sunak's call with Netanyahu today" in the
		// subject, "the 31 October call did not touch on it" in the text,
		// linked the 31 October call, whose title writes the 31). 39 of
		// 40 once the subject's days are the release's (025: today's
		// call, p 0.98) and 40 of 40 once a release's announced days
		// ahead are no miss (endev4 020, the Foreign Secretary "in Egypt
		// today", the second of the three days his tour's release
		// announced: p 0.65 -> 0.89). mldev6 017 (Bosnian, whether the
		// Embassy's 2017 comment on the US sanctions on Dodik still
		// stands) stays below (p 0.11): its release is seven years old,
		// and the age that keeps new events about the same people off old
		// releases keeps it off too.
		{"mldev6", false, 39, 40, ""},
		{"endev4", false, 40, 40, ""},
		// mldev7 (42 in 14 languages, 40 not automatic) and endev5 (42
		// English, 40 not automatic), two more authors' everyday sets:
		// 35 of 40 and 39 of 40 as they landed, one wrong link (endev5
		// 027: "I saw Friday's Home Office crossings statement too but
		// this is just about the new law" linked Friday's statement at
		// 0.95). 38 of 40 once a release known only to its year (dated
		// 1 January) is of any of its days (016, Serbian, the 2017 Dodik
		// sanctions comment asked on 19 January naming "9. januara": p
		// 0.01 -> 0.93; 017 and 026, Kosovo troops days into 2021 and
		// 2017: 0.60 -> 0.83, 0.52 -> 0.73), and 40 of 40 once a day
		// named in a part of a sentence set aside is no day named (027:
		// the law, 0.97). mldev7 031 (Portuguese, "aprovada esta noite")
		// and 038 (Turkish, "Dışişleri Bakanı", "Orta Doğu") stay just
		// below (p 0.665, 0.660): the vocabulary lacks "noite" (night:
		// 0.89 with it) and reads the Foreign Secretary as a minister.
		{"mldev7", false, 38, 40, ""},
		{"endev5", false, 40, 40, ""},
		// mldev8 (42 in 14 languages, 40 not automatic), endev6 (42
		// English, 40 not automatic) and dldev5 (44 English, written for
		// deadlines, 42 not automatic), three more authors' sets: 40 of
		// 40, 40 of 40 and 40 of 42 as they landed, no wrong link. dldev5
		// 41 of 42 once a release the email holds under embargo may come
		// out after it (030, "the release under embargo until 00:01
		// Thursday", asked on Wednesday evening: p 0.03 -> 0.98), 42 of
		// 42 once the day named picks a release of a series the email's
		// words meet alike on another day (029, "the readout of yesterday
		// morning's call between the new PM and Netanyahu", then UNRWA
		// and arms export licences: p 0.47 -> 0.8, the series rule).
		{"mldev8", false, 40, 40, ""},
		{"endev6", false, 40, 40, ""},
		{"dldev5", false, 42, 42, ""},
		// mixdev4 (48 everyday enquiries, 28 in 14 languages, 46 not
		// automatic; a DEV set once the lead's checkpoint scored it): 43
		// of 46 at its checkpoint, 44 once a list's number after a
		// month's sentence is no day of it (014, "the fourth round in
		// July.\n\n1. Which chapters …" named 1 July: p 0.06 -> 0.99),
		// 45 once "ten years since" names the days around its
		// anniversary (035, the 2013 Brussels Agreement asked about on
		// its tenth anniversary: p 0.03 -> 0.99). 011 (Polish, an
		// anniversary piece on the statement of "we wrześniu ubiegłego
		// roku", September last year: p 0.63) stays below: the
		// vocabulary reads neither "ubiegłego" (last) nor "roku" (year).
		{"mixdev4", false, 45, 46, ""},
		// mldev9 (42 in Portuguese, Albanian and Greek, 39 not
		// automatic): 35 of 39 as it landed, one wrong link (023,
		// Albanian, a chaser on "the return hubs the two prime ministers
		// discussed today" in Tirana, its quoted history guessed the
		// PM's meeting with President Begaj at 0.85, not the migration
		// release of the same visit); none once the sibling names rule
		// caps that guess (siblingNamesUnmet). 36 of 39 once a forwarded
		// message's "today" is its header's day (011, Portuguese, "no
		// encontro de hoje com a Meloni" written on the 16th, forwarded on
		// the 17th: p 0.53 -> 0.98), 37 once "10 vjet nga", "10-vjetorin"
		// name the anniversary's days (020, Albanian, on the 2013
		// agreement: p 0.004 -> 0.99), 38 once the Greek vocabulary reads
		// "βρετανούς" (British), "οργανώνει" (arrange), "φύγουν" (leave)
		// (030, flights for Britons leaving Israel via Cyprus: p 0.65 ->
		// 0.95).
		{"mldev9", false, 38, 39, ""},
		// mldev10 (42 in Portuguese, Albanian and Greek, 39 not
		// automatic) and endev7 (40 English, 38 not automatic; DEV sets
		// of the ninth linking round): 39 of 39 and 37 of 38 as they
		// landed, one wrong link (endev7 022, "the PM's bilateral with
		// Meloni this afternoon (the one-to-one, not the later three-way
		// with Rama)", linked the same afternoon's trilateral at 0.99);
		// 38 of 38 once a release titled a trilateral is put back for an
		// enquiry naming a bilateral (the parties rule: the bilateral,
		// 0.99).
		{"mldev10", false, 39, 39, ""},
		{"endev7", false, 38, 38, ""},
		// mldev11 (36 Albanian, 34 not automatic): 32 of 34 as it
		// landed, one wrong link (022, Ora News: "we saw you announced
		// the High Commissioner to Brunei yesterday, but Tirana interests
		// us": the Brunei release at 0.99, labelled none); 33 once the
		// desk's acknowledgement in a chaser's quoted history is read as
		// nothing (025: its first message's release, p 0.10 -> 0.80);
		// 022 was kept as a known wrong link (the hook it names first is
		// a release; what it asks about after "but" is none) until a
		// hook before "but … interests us", in any language, is set
		// aside and its release linked only when the rest alone points
		// to it too (hookSpans, hookCheck: 022 p 0.99 -> 0.04, none):
		// 34 of 34, no wrong link.
		{"mldev11", false, 34, 34, ""},
		// mixdev6 (48 mixed-language, 45 not automatic; a DEV set since
		// its checkpoint): 44 of 45 at its checkpoint and after this
		// round's other rules, 45 once a weekday's before what a
		// journalist publishes is no day named (017, FT on the £21bn
		// Korean investment, "the piece is for Thursday's paper" written
		// on a Tuesday: p 0.53 -> 0.97).
		{"mixdev6", false, 45, 45, ""},
	} {
		t.Run(c.dir, func(t *testing.T) {
			n, right, wrong := 0, 0, 0
			for _, s := range loadSamplesWhere(t, filepath.Join("testdata", c.dir), keepOdd(c.oddOnly)) {
				if s.label.Automatic {
					continue
				}
				n++
				d := r.Route(s.in, s.in.Date, Load{})
				switch {
				case d.Release == s.label.Release:
					right++
				case d.Release != "" && s.label.File == c.wrongOK:
					t.Logf("%s: linked %q, labelled %q (known)", s.label.File, d.Release, s.label.Release)
				case d.Release != "":
					wrong++
					t.Errorf("%s: linked %q (%.2f, %s), want %q", s.label.File, d.Release, d.ReleaseScore, d.ReleaseDetail, s.label.Release)
				default:
					t.Logf("%s: no release (%s), want %q", s.label.File, d.ReleaseDetail, s.label.Release)
				}
			}
			t.Logf("%s: release %d of %d (%.3f), %d wrong", c.dir, right, n, float64(right)/float64(n), wrong)
			if n != c.enquiry {
				t.Errorf("%d enquiries, want %d (the set changed: pin its figure again)", n, c.enquiry)
			}
			if right < c.minRight {
				t.Errorf("release %d of %d, want at least %d", right, n, c.minRight)
			}
		})
	}
}

// keepOdd is oddOnly when odd is set, else nil (every file).
func keepOdd(odd bool) func(sampleLabel) bool {
	if odd {
		return oddOnly
	}
	return nil
}
