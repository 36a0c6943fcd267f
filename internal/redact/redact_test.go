package redact

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"redis://:s3cretPW@redis.example:6379/0", "redis://:xxxxx@redis.example:6379/0"},
		{"redis://default:s3cretPW@redis.example:6379/0", "redis://default:xxxxx@redis.example:6379/0"},
		{"rediss://tok3nonly@host:6380", "rediss://xxxxx@host:6380"},
		{"https://feeds.example/atom?token=abc123&page=2", "https://feeds.example/atom?token=xxxxx&page=2"},
		{"https://feeds.example/atom?page=2&Password=abc123", "https://feeds.example/atom?page=2&Password=xxxxx"},
		{"https://feeds.example/atom", "https://feeds.example/atom"},
		{"redis://h1:6379,h2:6379/?master=m", "redis://h1:6379,h2:6379/?master=m"},
		// Unparsable: everything between :// and the last @ goes.
		{"redis://user:p%zzword@host:6379", "redis://user:xxxxx@host:6379"},
		{"redis://user:pa ss@host:6379", "redis://user:xxxxx@host:6379"},
		{"redis://user:pa/ss@host:x", "redis://user:xxxxx@host:x"},
		{"redis://:p@ss@word@host:6379", "redis://:xxxxx@host:6379"},
		{"redis ://user:pw@host\x7f", "redis ://user:xxxxx@host\x7f"},
	} {
		if got := URL(c.in); got != c.want {
			t.Errorf("URL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`parse "redis://u:hunter22@h:1": bad`, `parse "redis://u:xxxxx@h:1": bad`},
		{`dial redis://u:hunter22@h:1 and rediss://v:other99@g:2`, `dial redis://u:xxxxx@h:1 and rediss://v:xxxxx@g:2`},
		{`parse "redis://u:hun\"ter22@h:1": bad`, `parse "redis://u:xxxxx@h:1": bad`},
		{`GET https://x.example/f?sig=abcdef: EOF`, `GET https://x.example/f?sig=xxxxx EOF`},
		{`no url here: user@example.org`, `no url here: user@example.org`},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestErrorNeverShowsThePassword: every way url.Parse (and an HTTP client)
// can fail on a URL carrying a password gives an error without it, and
// the parse detail that quotes a piece of the input is dropped.
func TestErrorNeverShowsThePassword(t *testing.T) {
	const pw = "Sup3r$ecret"
	for _, raw := range []string{
		"redis://user:" + pw + "%zz@host:6379/0",     // invalid escape
		"redis://user:" + pw + " x@host:6379/0",      // space in userinfo
		"redis://user:" + pw + "/x@host:6379/0",      // slash: the password becomes the port
		"redis://user:" + pw + "@host:port/0",        // bad port
		"redis://user:" + pw + "@host:6379/0\x01",    // control character
		"redis://user:" + pw + "@[::1:6379/0",        // bad IPv6 literal
		":redis://user:" + pw + "@host:6379",         // missing scheme
		"redis://user:" + url.QueryEscape(pw) + "@h", // parses, encoded
		"https://feeds.example/atom?password=" + pw + "&x=%zz",
	} {
		_, perr := url.Parse(raw)
		if perr == nil {
			perr = fmt.Errorf("connect %s: refused", raw)
		}
		wrapped := fmt.Errorf("redis url: %w", perr)
		for _, err := range []error{Error(wrapped, raw), Error(wrapped)} {
			msg := err.Error()
			if strings.Contains(msg, pw) || strings.Contains(msg, "ecret") || strings.Contains(msg, url.QueryEscape(pw)) {
				t.Errorf("%q: the password shows in %q", raw, msg)
			}
			if !errors.Is(err, perr) {
				t.Errorf("%q: the redacted error does not unwrap to the original", raw)
			}
		}
	}
	if Error(nil) != nil || Hidden(nil) != nil {
		t.Error("nil error should stay nil")
	}
}

func TestHidden(t *testing.T) {
	hook := "https://hooks.example/services/T000/B000/s3cr3tT0ken"
	req, _ := http.NewRequest("POST", hook, nil)
	_, err := (&http.Client{Transport: failing{}}).Do(req)
	msg := Hidden(fmt.Errorf("webhook post: %w", err), hook).Error()
	if strings.Contains(msg, "s3cr3tT0ken") || !strings.Contains(msg, "no route") {
		t.Errorf("Hidden: %q", msg)
	}
}

type failing struct{}

func (failing) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("no route to host")
}
