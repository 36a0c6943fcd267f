package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// TestBadRedisURLNeverShowsThePassword: an unparsable Redis URL holding a
// password fails check-config (not "ok") at redis.url_env, stops serve
// before it starts, and fails status, and none of them prints the
// password or a piece of it. --no-env does not read the variable.
func TestBadRedisURLNeverShowsThePassword(t *testing.T) {
	desk := fixture.Desk(t)
	const pw = "Sup3rPw"
	t.Setenv("MEDIADESK_IMAP_PASSWORD", "x")
	t.Setenv("MEDIADESK_SMTP_PASSWORD", "y")
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		return code, out.String() + errb.String()
	}
	for _, raw := range []string{
		"redis://default:" + pw + "%zz@redis.example:6379/0",
		"redis://default:" + pw + "/x@redis.example:6379/0",
		"redis://default:" + pw + "@redis.example:port/0",
		"redis://default:" + pw + " x@redis.example:6379/0",
	} {
		t.Setenv("MEDIADESK_REDIS_URL", raw)
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"check-config", desk}, "redis.url_env (line "},
			{[]string{"serve", "--config", desk}, "redis.url_env (line "},
			{[]string{"status", "--config", desk}, "redis url"},
		} {
			code, out := run(c.args...)
			if code == 0 || strings.HasPrefix(out, "ok:") || !strings.Contains(out, c.want) {
				t.Errorf("%s with %q: exit %d, want a failure naming %q:\n%s", c.args[0], raw, code, c.want, out)
			}
			if strings.Contains(out, pw) || strings.Contains(out, pw[:4]) {
				t.Errorf("%s with %q shows the password:\n%s", c.args[0], raw, out)
			}
		}
		if code, out := run("check-config", "--no-env", desk); code != 0 {
			t.Errorf("check-config --no-env reads the variable: %d %s", code, out)
		}
	}
	t.Setenv("MEDIADESK_REDIS_URL", "redis://default:"+pw+"@redis.example:6379/0")
	if code, out := run("check-config", desk); code != 0 || strings.Contains(out, pw) {
		t.Errorf("a good URL: %d %s", code, out)
	}
}
