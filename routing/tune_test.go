package routing

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestTuningTools runs the tuning tools (bench/tune) on the project's own
// desk and samples: each reports what it promises, and the explanations
// agree with the router.
func TestTuningTools(t *testing.T) {
	cfg := testDesk(t)
	cat := testCatalogue(t)
	r, err := NewRouter(cfg, cat)
	if err != nil {
		t.Fatal(err)
	}
	var ss []Sample
	manual := 0
	for _, s := range loadSamples(t, filepath.Join("testdata", "desk-enquiries")) {
		ss = append(ss, Sample{File: s.label.File, Release: s.label.Release, Topic: s.label.Topic, Automatic: s.label.Automatic, In: s.in})
		if !s.label.Automatic {
			manual++
		}
	}
	if manual == 0 {
		t.Fatal("no labelled enquiries")
	}
	right := 0
	for _, s := range ss {
		if !s.Automatic && r.Route(s.In, s.In.Date, Load{}).Topic == s.Topic {
			right++
		}
	}

	var b bytes.Buffer
	ExplainTopics(&b, r, ss, true)
	if got, want := strings.Count(b.String(), "\n"), manual+1; got != want {
		t.Errorf("explain-topics -all wrote %d lines, want %d:\n%s", got, want, &b)
	}
	if want := fmt.Sprintf("topic %d/%d\n", right, manual); !strings.HasSuffix(b.String(), want) {
		t.Errorf("explain-topics ends %q, want %q", b.String()[max(0, b.Len()-30):], want)
	}

	b.Reset()
	ExplainLinks(&b, cat, ss, ss[0].File)
	if first := strings.SplitN(b.String(), "\n", 2)[0]; !strings.HasPrefix(first, ss[0].File+" ") {
		t.Errorf("explain-links -file %s: %q", ss[0].File, first)
	}

	b.Reset()
	CalibrateLinker(&b, cat, ss, nil, false)
	for _, want := range []string{"lambda 0.100: held-out log loss", "fit on odd+own: b0=", "fit on all: b0="} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("calibrate does not report %q:\n%s", want, &b)
		}
	}
}

func TestIsOddSample(t *testing.T) {
	for f, want := range map[string]bool{"001.eml": true, "dir/010.eml": false, "d01.eml": false, "7.eml": true} {
		if got := IsOddSample(f); got != want {
			t.Errorf("IsOddSample(%q) = %v", f, got)
		}
	}
}
