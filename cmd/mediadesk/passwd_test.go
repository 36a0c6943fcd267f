package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	t.Setenv("MEDIADESK_API_TOKENS_FILE", tokens)
	code, out, _ := run("", "--token", "ann")
	if code != 0 || !strings.HasPrefix(out, "mdk_") {
		t.Fatalf("token: %d %q", code, out)
	}
	if b, _ := os.ReadFile(tokens); !strings.HasPrefix(string(b), "ann:sha256:") || strings.Contains(string(b), strings.TrimSpace(out)) {
		t.Fatalf("tokens file %q", b)
	}
	if code, out, _ := run("", "--token", "--delete", "ann"); code != 0 || !strings.Contains(out, "removed 1") {
		t.Errorf("delete token: %d %s", code, out)
	}
	if code, out, _ := run("", "--file", users, "--delete", "ann"); code != 0 || !strings.Contains(out, "removed 1") {
		t.Errorf("delete password: %d %s", code, out)
	}
	cfg, _ := filepath.Abs("../../../shared/data/desk.yaml")
	if _, err := os.Stat(cfg); err == nil {
		if code, _, e := run("a long enough password\n", "--file", users, "--config", cfg, "nobody"); code != 1 || !strings.Contains(e, "not an officer") {
			t.Errorf("unknown officer: %d %s", code, e)
		}
	}
}
