package demo

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestRecentDates: the samples' Date headers move to the last hours in the
// order of their original dates (file order for unreadable ones), step
// apart, the latest a step before now; the original is kept; CRLF and
// LF messages, folded and missing Date headers are handled; bodies are
// untouched.
func TestRecentDates(t *testing.T) {
	now := time.Date(2026, 12, 6, 21, 0, 0, 0, time.UTC)
	seeds := [][]byte{
		[]byte("From: a@x\r\nDate: Wed, 04 Dec 2024 10:00:00 +0000\r\nSubject: b\r\n\r\nDate: in the body stays\r\n"),
		[]byte("From: a@x\nDate: Mon, 01 Dec 2023\n 09:00:00 +0000\nSubject: a\n\nbody\n"),
		[]byte("From: a@x\nSubject: no date\n\nbody\n"),
		[]byte("From: a@x\ndate: Sun, 23 Feb 2025 18:00:00 +0000\nSubject: c\n\nbody\n"),
	}
	out := recentDates(seeds, now, 2*time.Minute)
	for i, want := range []struct {
		date, orig string
	}{
		// Original order: 2023 (1), the dateless one after it (2), 2024 (0), 2025 (3).
		{"Date: Sun, 06 Dec 2026 20:56:00 +0000", "X-Demo-Original-Date: Wed, 04 Dec 2024 10:00:00 +0000"},
		{"Date: Sun, 06 Dec 2026 20:52:00 +0000", "X-Demo-Original-Date: Mon, 01 Dec 2023"},
		{"Date: Sun, 06 Dec 2026 20:54:00 +0000", ""},
		{"Date: Sun, 06 Dec 2026 20:58:00 +0000", "X-Demo-Original-Date: Sun, 23 Feb 2025 18:00:00 +0000"},
	} {
		got := string(out[i])
		if !strings.Contains(got, want.date) || (want.orig != "" && !strings.Contains(got, want.orig)) {
			t.Errorf("seed %d:\n%s\nwant %q and %q", i, got, want.date, want.orig)
		}
		if d := headerDate(out[i]); !d.Equal(headerDate([]byte(want.date + "\n\n"))) {
			t.Errorf("seed %d reads as %v", i, d)
		}
	}
	if !bytes.HasSuffix(out[0], []byte("\r\n\r\nDate: in the body stays\r\n")) || bytes.Contains(out[0], []byte("Date: Sun, 06 Dec 2026 20:56:00 +0000\n")) {
		t.Errorf("CRLF message changed beyond its header:\n%q", out[0])
	}
	if strings.Contains(string(out[1]), " 09:00:00 +0000\nSubject") {
		t.Errorf("the folded old Date line was left behind:\n%s", out[1])
	}
	if len(recentDates(nil, now, time.Minute)) != 0 {
		t.Error("no seeds, yet some came out")
	}
}
