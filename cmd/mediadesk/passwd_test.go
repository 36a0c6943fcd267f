package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

func TestPasswd(t *testing.T) {
	dir := t.TempDir()
	users := filepath.Join(dir, "users")
	tokens := filepath.Join(dir, "tokens")
	run := func(stdin string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := runPasswd(args, strings.NewReader(stdin), &out, &errb)
		return code, out.String(), errb.String()
	}
	if code, _, _ := run("", "ann"); code != 2 {
		t.Errorf("no file: %d", code)
	}
	if code, _, e := run("short\n", "--file", users, "ann"); code != 1 || !strings.Contains(e, "shorter than 12") {
		t.Errorf("short password: %d %s", code, e)
	}
	if code, out, e := run("a long enough password\n", "--file", users, "ann"); code != 0 || !strings.Contains(out, "password of ann set") {
		t.Fatalf("set: %d %s %s", code, out, e)
	}
	b, _ := os.ReadFile(users)
	if !strings.HasPrefix(string(b), "ann:$2a$12$") || strings.Contains(string(b), "long enough") {
		t.Fatalf("users file %q", b)
	}
	code, out, _ := run("", "--file", tokens, "--token", "ann")
	if code != 0 || !strings.HasPrefix(out, "mdk_") {
		t.Fatalf("token: %d %q", code, out)
	}
	if b, _ := os.ReadFile(tokens); !strings.HasPrefix(string(b), "ann:sha256:") || strings.Contains(string(b), strings.TrimSpace(out)) {
		t.Fatalf("tokens file %q", b)
	}
	if code, out, _ := run("", "--file", tokens, "--token", "--delete", "ann"); code != 0 || !strings.Contains(out, "removed 1") {
		t.Errorf("delete token: %d %s", code, out)
	}
	if code, out, _ := run("", "--file", users, "--delete", "ann"); code != 0 || !strings.Contains(out, "removed 1") {
		t.Errorf("delete password: %d %s", code, out)
	}
	// The project's test desk (testdata/desk.yaml at the module root).
	cfg := fixture.Desk(t)
	if code, _, e := run("a long enough password\n", "--file", users, "--config", cfg, "nobody"); code != 1 || !strings.Contains(e, "not an officer") {
		t.Errorf("unknown officer: %d %s", code, e)
	}
	// With --config and no --file, the file is the config's web.users_file.
	desk, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	own := filepath.Join(dir, "desk.yaml")
	os.WriteFile(filepath.Join(dir, "releases.jsonl"), nil, 0o600)
	const src = "    - file: ../routing/testdata/releases.jsonl\n"
	if !strings.Contains(string(desk), src) {
		t.Fatalf("%s no longer has %q", cfg, src)
	}
	desk = []byte(strings.Replace(string(desk), src, "    - file: releases.jsonl\nweb:\n  users_file: staff.pw\n", 1))
	if err := os.WriteFile(own, desk, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, e := run("another long password\n", "--config", own, "grant"); code != 0 || !strings.Contains(out, "staff.pw") {
		t.Fatalf("via config: %d %s %s", code, out, e)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "staff.pw")); !strings.HasPrefix(string(b), "grant:$2a$") {
		t.Errorf("staff.pw %q", b)
	}
	if code, _, e := run("", "--config", own, "--token", "grant"); code != 2 || !strings.Contains(e, "web.api_tokens_file") {
		t.Errorf("no tokens file configured: %d %s", code, e)
	}
}
