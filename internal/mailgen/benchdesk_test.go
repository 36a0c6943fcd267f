package mailgen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mediadesk/mediadesk/config"
)

// TestBenchDeskLoads: the benchmarks' desk is a valid config.
func TestBenchDeskLoads(t *testing.T) {
	dir := t.TempDir()
	rel := filepath.Join(dir, "releases.jsonl")
	if err := os.WriteFile(rel, []byte(`{"id":"r1","title":"Bench release","url":"https://example.gov.uk/r1","published":"2026-01-01","topics":["general"],"body":"Bench."}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(path, []byte(BenchDesk("127.0.0.1:1143", "bench", rel)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Mailboxes[0].Address != "127.0.0.1:1143" || cfg.Ingest.SenderLimit != 1000000 {
		t.Errorf("bench desk: %+v, sender limit %d", cfg.Mailboxes[0], cfg.Ingest.SenderLimit)
	}
}
