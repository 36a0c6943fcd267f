package routing

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/fixture"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/releases/release"
)

// sharedData returns the path of rel in the shared data set (beside the
// checkout, see internal/fixture), skipping the test when it is absent: the
// tests that use it measure routing on the shared desk and catalogue; the
// router's behaviour is tested on the project's own desk (testdata/).
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	return fixture.RequireShared(t, rel)
}

type sampleLabel struct {
	File      string `json:"file"`
	Release   string `json:"release"`
	Topic     string `json:"topic"`
	Deadline  string `json:"deadline"`
	Automatic bool   `json:"automatic"`
	Outlet    string `json:"outlet"`
	Note      string `json:"note"`
}

type sample struct {
	label sampleLabel
	in    Input
	msg   *mailparse.Message
}

// sharedDesk loads the shared desk.yaml and its releases, skipping the test
// when they are absent.
func sharedDesk(t testing.TB) (*config.Config, *Catalogue) {
	t.Helper()
	path := sharedData(t, "desk.yaml")
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(sharedData(t, "releases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rels, err := release.LoadJSONL(f)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, NewCatalogue(rels, cfg.Location)
}

// sharedRouter is a router over the shared desk and its releases,
// skipping the test when they are absent.
func sharedRouter(t testing.TB) (*config.Config, *Router) {
	t.Helper()
	cfg, cat := sharedDesk(t)
	r, err := NewRouter(cfg, cat)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, r
}

// loadSamples parses the labelled sample enquiries of dir.
func loadSamples(t testing.TB, dir string) []sample {
	t.Helper()
	return loadSamplesWhere(t, dir, nil)
}

// oddOnly keeps the odd-numbered files of a set whose even half is held
// out (testdata/multilingual).
func oddOnly(l sampleLabel) bool { return IsOddSample(l.File) }

// loadSamplesWhere parses the labelled enquiries of dir whose label keep
// accepts (all when keep is nil). keep sees only the label, so a file it
// refuses is never opened: a held-out half stays unread.
func loadSamplesWhere(t testing.TB, dir string, keep func(sampleLabel) bool) []sample {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Fatalf("labelled samples: %v", err)
	}
	defer f.Close()
	var out []sample
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l sampleLabel
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("labels: %v", err)
		}
		if keep != nil && !keep(l) {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, l.File))
		if err != nil {
			t.Fatal(err)
		}
		m, err := mailparse.Parse(raw, mailparse.Options{})
		if err != nil {
			t.Fatalf("%s: %v", l.File, err)
		}
		out = append(out, sample{label: l, in: InputFromMessage(m), msg: m})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSamples is the regression check on labelled enquiries: the shared
// samples (skipped when absent) and our own near-misses and paraphrases in
// testdata/enquiries, routed against the shared catalogue.
func TestSamples(t *testing.T) {
	// The project's own enquiries, written for the test desk and its
	// releases (testdata/desk.yaml, testdata/releases.jsonl): always.
	t.Run("own", func(t *testing.T) {
		cfg := testDesk(t)
		r, err := NewRouter(cfg, testCatalogue(t))
		if err != nil {
			t.Fatal(err)
		}
		routeSamples(t, cfg, r, filepath.Join("testdata", "desk-enquiries"), 1, 1)
	})
	// The shared samples, and our own near-misses and paraphrases in
	// testdata/enquiries, routed against the shared desk and catalogue.
	// Both are held at every release and every topic found: the shared
	// samples are the desk's own convention (an interview bid on a
	// regional theme is the region's, 068), and a rule that costs one of
	// them has to say so here rather than pass under a loose floor.
	t.Run("shared", func(t *testing.T) {
		cfg, r := sharedRouter(t)
		routeSamples(t, cfg, r, sharedData(t, "enquiries"), 1, 1)
		routeSamples(t, cfg, r, filepath.Join("testdata", "enquiries"), 1, 1)
	})
}

// routeSamples routes the labelled samples in dir and checks automatic,
// outlet, the officer on shift, no wrong link, and the shares of releases
// and topics found.
func routeSamples(t *testing.T, cfg *config.Config, r *Router, dir string, minRelease, minTop float64) {
	t.Helper()
	samples := loadSamples(t, dir)
	var n, rel, wrong, top int
	for _, s := range samples {
		d := r.Route(s.in, s.in.Date, Load{})
		if d.Automatic != s.label.Automatic {
			t.Errorf("%s: automatic %v", s.label.File, d.Automatic)
		}
		if d.Outlet != s.label.Outlet {
			t.Errorf("%s: outlet %q, want %q", s.label.File, d.Outlet, s.label.Outlet)
		}
		if s.label.Automatic {
			continue
		}
		n++
		switch {
		case d.Release == s.label.Release:
			rel++
		case d.Release != "":
			wrong++
			t.Errorf("%s: wrong link %q (want %q): %s", s.label.File, d.Release, s.label.Release, d.ReleaseDetail)
		default:
			t.Logf("%s: missed %q: %s", s.label.File, s.label.Release, d.ReleaseDetail)
		}
		if d.Topic == s.label.Topic {
			top++
		} else {
			t.Logf("%s: topic %q, want %q (%s)", s.label.File, d.Topic, s.label.Topic, d.TopicReason)
		}
		if !slicesContains(r.Rota().OnShiftFor(d.Topic, s.in.Date), d.Officer) && d.Officer != cfg.Escalation.Manager {
			t.Errorf("%s: officer %s is not on shift for %s", s.label.File, d.Officer, d.Topic)
		}
	}
	t.Logf("%s: release %.3f (wrong %d), topic %.3f, n %d", dir, float64(rel)/float64(n), wrong, float64(top)/float64(n), n)
	if float64(rel)/float64(n) < minRelease || float64(top)/float64(n) < minTop {
		t.Errorf("%s: release %.3f (min %.2f), topic %.3f (min %.2f)", dir,
			float64(rel)/float64(n), minRelease, float64(top)/float64(n), minTop)
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
