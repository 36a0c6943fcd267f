package demo

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestDemoOutboxForBannerUsers: the banner's "Sent mail" link works for
// every user the banner names (duty officer, manager, admin), not only an
// admin; and the seeded samples are dated recently (no deadline years
// overdue) when the shared samples are absent too (generated ones).
func TestDemoOutboxForBannerUsers(t *testing.T) {
	addr, out := runDemo(t, "-")
	text := out.String()
	line := regexp.MustCompile(`Log in as (.*) with password (\S+)`).FindStringSubmatch(text)
	if line == nil {
		t.Fatalf("no sign-in line in the banner:\n%s", text)
	}
	users := regexp.MustCompile(`([a-z0-9_-]+) \((duty officer|officer|manager|admin)\)`).FindAllStringSubmatch(line[1], -1)
	if len(users) < 2 {
		t.Fatalf("the banner names %d users: %q", len(users), line[1])
	}
	if !strings.Contains(text, "http://"+addr+"/demo/outbox") {
		t.Fatalf("the banner does not link the outbox:\n%s", text)
	}
	for _, u := range users {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		resp, err := c.Get("http://" + addr + "/login")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		tok := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(b)
		if tok == nil {
			t.Fatalf("no sign-in form: %s", b)
		}
		resp, err = c.PostForm("http://"+addr+"/login", url.Values{"csrf": {string(tok[1])}, "user": {u[1]}, "password": {line[2]}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		resp, err = c.Get("http://" + addr + "/demo/outbox")
		if err != nil {
			t.Fatal(err)
		}
		b, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/demo/outbox" {
			t.Errorf("%s (%s): /demo/outbox gave %d at %s: %.200s", u[1], u[2], resp.StatusCode, resp.Request.URL.Path, b)
		}
	}
}
