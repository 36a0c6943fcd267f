package routing

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/mailparse"
)

// The shared data lives next to the project; tests that need it skip when
// it is absent.
const sharedData = "../../shared/data"

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
	path := filepath.Join(sharedData, "desk.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(sharedData, "releases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rels, err := LoadJSONL(f)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, NewCatalogue(rels, cfg.Location)
}

// loadSamples parses the labelled sample enquiries.
func loadSamples(t testing.TB, dir string) []sample {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		t.Skipf("labelled samples not available: %v", err)
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
	return out
}
