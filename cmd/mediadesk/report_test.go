package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// TestReportFlags: the channel and language filters and groupings are
// read, and a bad value is refused with its flag named before Redis is
// needed.
func TestReportFlags(t *testing.T) {
	desk := fixture.Desk(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--channel", "fax"}, 2, "channel"},
		{[]string{"--lang", "german"}, 2, "lang"},
		{[]string{"--by", "dialect"}, 2, "by"},
		// Good values get as far as needing the desk's Redis.
		{[]string{"--by", "language", "--channel", "phone", "--lang", "de"}, 1, "Redis"},
		{[]string{"--by", "channel", "--lang", "none"}, 1, "Redis"},
	} {
		t.Setenv("MEDIADESK_REDIS_URL", "")
		var out, errb bytes.Buffer
		code := cmdReport(append([]string{"--config", desk}, c.args...), &out, &errb)
		if code != c.code || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, want %d; stderr %q (want %q)", c.args, code, c.code, errb.String(), c.want)
		}
	}
}
