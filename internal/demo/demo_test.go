package demo

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// syncBuffer is an io.Writer safe for the demo's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func runDemo(t *testing.T, shared string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Listen: "127.0.0.1:0", Interval: 100 * time.Millisecond, Shared: shared, Out: out, Seed: 1,
			Ready: func(d *app.Desk, _ *config.Config) { ready <- d.HTTPAddr() }})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("demo: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return addr, out
	case err := <-done:
		t.Fatalf("demo stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("demo never became ready")
	}
	return "", nil
}

var bannerLogin = regexp.MustCompile(`Log in as ([a-z0-9_-]+) .* with password (\S+)`)

// signIn signs in to the demo's dashboard as the banner says.
func signIn(t *testing.T, addr string, out *syncBuffer) *http.Client {
	t.Helper()
	m := bannerLogin.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("the banner says nothing about signing in:\n%s", out)
	}
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
	resp, err = c.PostForm("http://"+addr+"/login", url.Values{"csrf": {string(tok[1])}, "user": {m[1]}, "password": {m[2]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path == "/login" {
		t.Fatalf("sign-in as %s failed", m[1])
	}
	return c
}

func enquiryCount(t *testing.T, c *http.Client, addr string) int {
	resp, err := c.Get("http://" + addr + "/api/enquiries?status=all")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var v struct{ Total int }
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return v.Total
}

func waitEnquiries(t *testing.T, c *http.Client, addr string, n int) {
	deadline := time.Now().Add(30 * time.Second)
	for enquiryCount(t, c, addr) < n {
		if time.Now().After(deadline) {
			t.Fatalf("fewer than %d enquiries after 30s", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestDemoBuiltIn runs the demo as on a machine with only Go: built-in
// desk and releases, generated enquiries.
func TestDemoBuiltIn(t *testing.T) {
	addr, out := runDemo(t, "-")
	c := signIn(t, addr, out)
	waitEnquiries(t, c, addr, 15)
	// Two calls to the duty phone are logged, so queues and the reports'
	// by-channel section show phone enquiries too.
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(out.String(), "phone call logged by") < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the demo logged fewer than two phone calls:\n%s", out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err := c.Get("http://" + addr + "/api/search?channel=phone")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || strings.Count(string(b), `"channel":"phone"`) < 2 {
		t.Errorf("search for phone enquiries: %s %s", resp.Status, b)
	}
	text := out.String()
	for _, want := range []string{"IN MEMORY", "NOT DURABLE", "NEW"} {
		if !strings.Contains(text, want) {
			t.Errorf("demo output lacks %q:\n%s", want, text)
		}
	}
}

// TestDemoShared seeds the sample enquiries when the shared folder is there
// (beside the checkout, found from the module root: the demo's own lookup
// is relative to the directory it is run from).
func TestDemoShared(t *testing.T) {
	enquiries := fixture.RequireShared(t, "enquiries")
	addr, out := runDemo(t, filepath.Dir(enquiries))
	waitEnquiries(t, signIn(t, addr, out), addr, 60)
	if !strings.Contains(out.String(), "FCDO-") {
		t.Errorf("no FCDO references in the demo output")
	}
}
