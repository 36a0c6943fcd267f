package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

func TestCheckConfig(t *testing.T) {
	desk := fixture.Desk(t)
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"check-config"}, args...), &out, &errb)
		return code, out.String(), errb.String()
	}
	t.Setenv("MEDIADESK_IMAP_PASSWORD", "x")
	t.Setenv("MEDIADESK_SMTP_PASSWORD", "y")
	if code, out, e := run(desk); code != 0 || !strings.HasPrefix(out, "ok: Department of Example Affairs Press Office:") || strings.Count(out, "\n") != 1 {
		t.Errorf("valid: %d %q %q", code, out, e)
	}
	if shared, ok := fixture.Shared(t, "desk.yaml"); ok {
		if code, out, e := run(shared); code != 0 || !strings.HasPrefix(out, "ok: ") {
			t.Errorf("reference desk: %d %q %q", code, out, e)
		}
	}
	t.Setenv("MEDIADESK_SMTP_PASSWORD", "")
	if code, _, e := run(desk); code != 1 || !strings.Contains(e, "smtp.password_env (line 34): environment variable MEDIADESK_SMTP_PASSWORD is not set") {
		t.Errorf("missing secret: %d %q", code, e)
	}
	if code, _, _ := run("--no-env", desk); code != 0 {
		t.Errorf("--no-env: %d", code)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("desk:\n  name: x\n  colour: blue\n"), 0o600)
	code, _, e := run("--no-env", bad)
	if code != 1 || !strings.Contains(e, `desk.colour (line 3): unknown key "colour"`) || !strings.Contains(e, "problem(s)") {
		t.Errorf("bad: %d %q", code, e)
	}
	if code, _, _ := run(); code != 2 {
		t.Errorf("no file: %d", code)
	}
}
