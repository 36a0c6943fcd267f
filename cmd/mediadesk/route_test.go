package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const routeDesk = "../../routing/testdata/desk.yaml"

func routeFiles(names ...string) []string {
	var out []string
	for _, n := range names {
		out = append(out, filepath.Join("testdata", "route", n))
	}
	return out
}

// TestRouteGolden runs `mediadesk route` on our own test enquiries against
// the routing unit tests' desk and compares the JSON lines with a golden
// file (go test ./cmd/mediadesk -run TestRouteGolden -update rewrites it).
func TestRouteGolden(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := append([]string{"--config", routeDesk}, routeFiles("sanctions.eml", "flights.eml", "autoreply.eml", "football.eml")...)
	if code := cmdRoute(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	golden := filepath.Join("testdata", "route", "route.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Errorf("output differs from %s:\n%s", golden, stdout.String())
	}
	// The contract's fields are there on every line.
	for i, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, k := range []string{"file", "message_id", "from", "outlet", "outlet_tier", "automatic", "release", "release_score",
			"release_reason", "topic", "officer", "deadline", "acknowledge_due", "first_response_due", "resolution_due"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d: no %q", i+1, k)
			}
		}
	}
}

func TestRouteErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := append([]string{"--config", routeDesk},
		routeFiles("sanctions.eml", "missing.eml", ".", "flights.eml")...)
	if code := cmdRoute(args, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1 (stderr %s)", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a line per file, got %d:\n%s", len(lines), stdout.String())
	}
	var got []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		got = append(got, m)
	}
	if got[0]["error"] != nil || got[3]["error"] != nil || got[3]["release"] == "" {
		t.Errorf("good files should still be routed, in order: %v / %v", got[0], got[3])
	}
	if e, _ := got[1]["error"].(string); !strings.Contains(e, "no such file") || got[1]["file"] != filepath.Join("testdata", "route", "missing.eml") {
		t.Errorf("missing file: %v", got[1])
	}
	if e, _ := got[2]["error"].(string); e == "" {
		t.Errorf("a directory: %v", got[2])
	}
}

func TestRouteUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--config", routeDesk},
		{routeFiles("sanctions.eml")[0]},
		{"--config", routeDesk, "--now", "yesterday", routeFiles("sanctions.eml")[0]},
		{"--config", "nope.yaml", routeFiles("sanctions.eml")[0]},
	} {
		var stdout, stderr bytes.Buffer
		if code := cmdRoute(args, &stdout, &stderr); code != 2 || stdout.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout.String())
		}
	}
	// --now picks the officer on shift at that moment.
	var stdout, stderr bytes.Buffer
	args := []string{"--config", routeDesk, "--now", "2024-03-13T23:00:00Z", routeFiles("sanctions.eml")[0]}
	if code := cmdRoute(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var m map[string]any
	_ = json.Unmarshal(stdout.Bytes(), &m)
	if m["officer"] != "eve" || m["now"] != "2024-03-13T23:00:00Z" {
		t.Errorf("--now: officer %v now %v", m["officer"], m["now"])
	}
}
