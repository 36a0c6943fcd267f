package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// TestReindexUsage: the flags are checked before anything is read, and
// reindex refuses to run without the desk's Redis (it would rebuild into
// a throwaway embedded one).
func TestReindexUsage(t *testing.T) {
	desk := fixture.Desk(t)
	t.Setenv("MEDIADESK_IMAP_PASSWORD", "x")
	t.Setenv("MEDIADESK_SMTP_PASSWORD", "x")
	t.Setenv("MEDIADESK_REDIS_URL", "")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "usage: mediadesk reindex --config FILE"},
		{[]string{"--config", desk, "extra"}, 2, "usage:"},
		{[]string{"--config", desk, "--since", "last week"}, 2, "want a day, YYYY-MM-DD"},
		{[]string{"--config", desk}, 1, "set MEDIADESK_REDIS_URL"},
	} {
		var out, errb bytes.Buffer
		if code := run(append([]string{"reindex"}, c.args...), &out, &errb); code != c.code || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errb.String(), c.code, c.want)
		}
	}
}

// TestLineProgress: without a terminal, progress is a plain line at most
// every interval, with the rate and an estimate, and a last line at the end.
func TestLineProgress(t *testing.T) {
	var b bytes.Buffer
	p := &lineProgress{w: &b, every: time.Hour}
	p.Start(100)
	p.Add(10)
	p.Add(10)
	if strings.Count(b.String(), "\n") != 1 {
		t.Errorf("a line before the interval: %q", b.String())
	}
	p.every = 0
	p.Add(30)
	p.Finish()
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "reindex: 100 messages to read") ||
		!strings.Contains(lines[1], "50/100 (50%)") || !strings.Contains(lines[1], "left") || !strings.Contains(lines[2], "50/100") {
		t.Errorf("progress lines: %q", lines)
	}
}

// TestBarProgress: the terminal bar (written to a buffer here) shows the
// description and the count.
func TestBarProgress(t *testing.T) {
	var b bytes.Buffer
	p := &barProgress{w: &b}
	p.Start(10)
	p.Add(4)
	p.Add(6)
	p.Finish()
	if out := b.String(); !strings.Contains(out, "reindex") || !strings.Contains(out, "10/10") {
		t.Errorf("bar output %q", out)
	}
}
