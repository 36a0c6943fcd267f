package app

import (
	"bytes"
	"log/slog"
	"net/url"
	"strings"
	"testing"
)

// TestRedisURLErrorsHideThePassword: however a Redis URL with a password
// fails to parse, neither the error nor a log line carrying it shows the
// password or a piece of it (url.Parse's detail quotes part of the input:
// "invalid port \":Sup3rPw\" after host" when the password holds a slash).
func TestRedisURLErrorsHideThePassword(t *testing.T) {
	const pw = "Sup3rPw"
	for _, raw := range []string{
		"redis://user:" + pw + "%zz@redis.example:6379/0",
		"redis://user:" + pw + "/x@redis.example:6379/0",
		"redis://user:" + pw + " x@redis.example:6379/0",
		"redis://user:" + pw + "@redis.example:port/0",
		"redis://user:" + pw + "@redis.example:6379/0\x01",
		"redis://user:" + pw + "@[::1:6379/0",
		":redis://user:" + pw + "@redis.example:6379",
		"redis://user:" + pw + "@redis.example:6379/notadb",
		"redis://user:" + pw + "@h1:1,h2:2/0?master=m&bogus=1",
		"redis+cluster://user:" + pw + "@c1:7000,c2:x/0",
		"ftp://user:" + pw + "@redis.example:6379",
		"redis://user:" + url.QueryEscape(pw+"%zz") + "@redis.example:6379/zz",
	} {
		_, _, err := ParseRedisURL(raw)
		if err == nil {
			t.Errorf("%q: no error", raw)
			continue
		}
		var logged bytes.Buffer
		slog.New(slog.NewTextHandler(&logged, nil)).Error("redis", "err", err)
		for _, s := range []string{err.Error(), logged.String()} {
			if strings.Contains(s, pw) || strings.Contains(s, pw[:4]) {
				t.Errorf("%q: the password shows in %q", raw, s)
			}
		}
	}
}
