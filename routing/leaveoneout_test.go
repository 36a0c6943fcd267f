package routing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/releases/release"
)

// looSamples loads the labelled enquiries of dir that name a release;
// with odd only the odd-numbered files are read (the even half of the
// multilingual set is held out and never opened here).
func looSamples(t *testing.T, dir string, odd bool) []sample {
	t.Helper()
	return loadSamplesWhere(t, dir, func(l sampleLabel) bool {
		return l.Release != "" && !l.Automatic && (!odd || oddOnly(l))
	})
}

// TestLeaveOneOutConfidentWrong links every labelled enquiry again with its
// own release removed from the catalogue (a feed that lags behind the mail),
// so any release linked is wrong, and bounds how many such confident wrong
// links the linker makes per set. Each enquiry's language is told as
// Router.Classify tells it. The bounds are today's counts (tuning 7 of 35,
// enquiries 2 of 10, multilingual odd half 4 of 29, mldev 6 of 47, mldev2
// 3 of 47 (as it landed), mldev3 6 of 40 (7 as it landed; the money rule
// took the £20m Gaza aid enquiry off the £10m release), shared samples 7
// of 50; 10, 2, 5, 9 and 12 before the names and figures rules
// and the cross-language work of issue 11 item 2, see namesUnmet and
// figuresUnmet): they come from near-duplicate releases of the same days,
// and the test keeps them from growing. None may come from the agreement
// rules (signalsAgree), which raise a candidate below the threshold.
func TestLeaveOneOutConfidentWrong(t *testing.T) {
	f, err := os.Open(sharedData(t, "releases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rels, err := release.LoadJSONL(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := sharedDesk(t)
	// The language is told as Router.Classify tells it, so a foreign
	// enquiry is read through its own vocabulary, as in route.
	langs, err := NewLanguages(cfg.Desk.Languages)
	if err != nil {
		t.Fatal(err)
	}
	without := map[string]*Catalogue{}
	catalogueWithout := func(id string) *Catalogue {
		if c, ok := without[id]; ok {
			return c
		}
		var keep []Release
		for _, r := range rels {
			if r.ID != id {
				keep = append(keep, r)
			}
		}
		c := NewCatalogue(keep, cfg.Location)
		without[id] = c
		return c
	}
	sets := []struct {
		name    string
		dir     string
		oddOnly bool
		max     int
	}{
		// (tuning 6 once a mirror's tag page identifies no release: 006,
		// its GCC update left out, took the Taiwan talks listed on the
		// same page by its address)
		// (tuning 5, mldev 5, mldev2 2, mldev3 4, endev2 3, mixdev 3,
		// endev5 2, dldev5 2, shared 5 once a release whose title names
		// someone rare the enquiry never mentions, its title barely met,
		// its cover low, is capped (titleNamesUnmet): the Eastern
		// Mediterranean deployment for the Netanyahu and Sisi calls, the
		// Begaj meeting for the criminal networks release, the trilateral
		// for the Meloni bilateral, the Amir of Qatar call for the Erdoğan
		// call and the £10m aid, the Iran statement for a Netanyahu call)
		{"tuning", filepath.Join("testdata", "tuning"), false, 5},
		{"enquiries", filepath.Join("testdata", "enquiries"), false, 2},
		{"multilingual-odd", filepath.Join("testdata", "multilingual"), true, 4},
		{"mldev", filepath.Join("testdata", "mldev"), false, 5},
		{"mldev2", filepath.Join("testdata", "mldev2"), false, 2},
		// (mldev3 5 once names no release knows count for the names rule:
		// 026, the flights for British nationals left out, took the same
		// day's Sisi call)
		{"mldev3", filepath.Join("testdata", "mldev3"), false, 4},
		// endev2 and mixdev (DEV sets of today): 6 of 39, 4 of 41 —
		// siblings of a day (the Meloni bilateral and the trilateral, the
		// Begaj meeting and the Joint Migration Task Force, the PM's calls
		// of 12-16 October 2023) that share nearly every word; endev2 5
		// once the subject's days are the release's (032, "PM /
		// Netanyahu - yesterday afternoon", its call left out, no longer
		// takes the Iran statement of the "13/14 April" its text names)
		{"endev2", filepath.Join("testdata", "endev2"), false, 3},
		{"mixdev", filepath.Join("testdata", "mixdev"), false, 3},
		// mldev7 and endev5 (DEV sets of the fifth linking round): 7 of
		// 35 and 7 of 37 as they landed, siblings of a day again (the
		// Begaj meeting and the criminal networks release, the
		// Mediterranean deployment and the Netanyahu call, the Meloni
		// bilateral and the trilateral); endev5 6 once a day set aside
		// is no day named
		{"mldev7", filepath.Join("testdata", "mldev7"), false, 7},
		// (endev5 3 once names no release knows count for the names
		// rule: 002 and 003, flights for British nationals, 008, the
		// Sisi meeting, no longer take the Sisi call and the £10m aid)
		{"endev5", filepath.Join("testdata", "endev5"), false, 2},
		// mldev8, endev6 and dldev5 (DEV sets of the sixth linking
		// round): 4 of 36, 2 of 36 and 4 of 41 as they landed (the Begaj
		// meeting and the criminal networks release, the Meloni
		// bilateral and the trilateral again); mldev8 3 once a day its
		// URL's path names is a day named (031, forwarding the Home
		// Office statement of 7 November 2025 with its address, no
		// longer takes the same statement of January 2023, p 0.67);
		// dldev5 3 once the days the quoted history names put a thread
		// release of another day back (027, a chaser on the December
		// Hamas sanctions, its release left out, took the November ones
		// at p 0.80)
		// (mldev8 2, endev6 0, dldev5 1, mixdev4 4, shared 4 once a
		// meeting of another number of parties than the enquiry names is
		// no link (partiesUnmet): "the PM's bilateral with Meloni", its
		// release left out, no longer takes the same day's trilateral)
		{"mldev8", filepath.Join("testdata", "mldev8"), false, 2},
		// (endev6 1 once names no release knows count for the names
		// rule: 007, DW Turkish on the Erdoğan call, no longer takes the
		// same day's £10m aid at 0.79)
		{"endev6", filepath.Join("testdata", "endev6"), false, 0},
		{"dldev5", filepath.Join("testdata", "dldev5"), false, 1},
		// mixdev4 (a DEV set since its checkpoint): 5 of 41 as it landed
		// and after this round (siblings of a day again)
		{"mixdev4", filepath.Join("testdata", "mixdev4"), false, 4},
		// mixdev5 (a DEV set since its checkpoint, landed after the title
		// names rule was fitted): 5 of 37 before the rule, 3 with it (020,
		// the criminal networks release left out, no longer takes the
		// Begaj meeting; 045, the £10m aid left out, the Amir of Qatar call)
		{"mixdev5", filepath.Join("testdata", "mixdev5"), false, 3},
		// mldev9 (pt, sq, el; a DEV set of the eighth linking round): 4 of
		// 35 as it landed and after the sibling names rule (siblings of a
		// day again: the Sisi meeting and the COP28 speech, the Begaj
		// meeting and the criminal networks release, the Meloni bilateral
		// and the trilateral)
		{"mldev9", filepath.Join("testdata", "mldev9"), false, 4},
		// mldev10 (pt, sq, el) and endev7 (English; DEV sets of the ninth
		// linking round): 5 of 35 and 4 of 34 as they landed (siblings
		// of a day again); endev7 3 with the parties rule (022, the
		// Meloni bilateral left out, no longer takes the trilateral) and
		// 2 once a day named in what the email is not about is no day
		// named (021, "today's round I'm after, not the November one - I
		// already have the Sinwar/Deif list from 14 November", its
		// release left out, took the November sanctions at p 0.98)
		{"mldev10", filepath.Join("testdata", "mldev10"), false, 5},
		{"endev7", filepath.Join("testdata", "endev7"), false, 2},
		// mldev11 (36 Albanian, a DEV set of this round): 3 of 31 as it
		// landed and after (siblings of a day again)
		{"mldev11", filepath.Join("testdata", "mldev11"), false, 3},
		// mixdev6 (48 mixed-language, a DEV set since its checkpoint): 3
		// of 39 (the Begaj meeting and the criminal networks release
		// again; the GCC update left out, the Taiwan talks)
		{"mixdev6", filepath.Join("testdata", "mixdev6"), false, 3},
		{"shared", "", false, 4},
	}
	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			dir := s.dir
			if dir == "" {
				dir = sharedData(t, "enquiries")
			}
			samples := looSamples(t, dir, s.oddOnly)
			wrong := 0
			for _, sm := range samples {
				in := sm.in
				in.Language = langs.Detect(in.NewText)
				l := catalogueWithout(sm.label.Release).Link(&in)
				if l.Release != "" {
					if strings.Contains(l.Detail, "raised from") {
						t.Errorf("%s: linked %s by an agreement rule with its own release removed (%s)", sm.label.File, l.Release, l.Detail)
					}
					wrong++
					t.Logf("%s (about %s): linked %s p=%.2f", sm.label.File, sm.label.Release, l.Release, l.Score)
				}
			}
			t.Logf("leave-one-out: %d confident wrong links of %d enquiries", wrong, len(samples))
			if wrong > s.max {
				t.Errorf("leave-one-out: %d confident wrong links of %d, want at most %d", wrong, len(samples), s.max)
			}
		})
	}
}
