package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeReloader records reloads and answers with a set outcome.
type fakeReloader struct {
	mu    sync.Mutex
	calls int
	out   ReloadOutcome
	last  *ReloadOutcome
}

func (f *fakeReloader) ReloadConfig(ctx context.Context) ReloadOutcome {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	o := f.out
	f.last = &o
	return o
}

func (f *fakeReloader) LastReloadOutcome() *ReloadOutcome {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

// TestAdminReload: the admin page's reload button needs the admin role
// and the CSRF token; a refused reload's errors (hostile text escaped)
// and an applied one's restart-only keys show on the admin page.
func TestAdminReload(t *testing.T) {
	rl := &fakeReloader{out: ReloadOutcome{At: t0, Errors: []string{
		`desk.yaml:31: rota[0].officers[0]: unknown officer "<script>zed</script>"`}}}
	f := newFixture(t, func(o *Options) { o.Reloader = rl })

	admin := f.client().loginAs("root")
	if rec := admin.get("/admin"); !strings.Contains(rec.Body.String(), `id="reload-config"`) || strings.Contains(rec.Body.String(), `id="reload-result"`) {
		t.Fatalf("admin page before any reload:\n%s", rec.Body.String())
	}
	// No CSRF token: refused, nothing reloaded.
	if rec := admin.post("/admin/reload", url.Values{"csrf": {"wrong"}}); rec.Code != http.StatusForbidden {
		t.Errorf("reload with a wrong CSRF token: %d, want 403", rec.Code)
	}
	// Not an admin: refused.
	if rec := f.client().loginAs("meg").post("/admin/reload", nil); rec.Code != http.StatusForbidden {
		t.Errorf("manager reload: %d, want 403", rec.Code)
	}
	if rl.calls != 0 {
		t.Fatalf("%d reloads ran without an admin's CSRF-checked request", rl.calls)
	}
	rec := admin.post("/admin/reload", nil)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/admin#reload" || rl.calls != 1 {
		t.Fatalf("admin reload: %d %q, %d call(s)", rec.Code, rec.Header().Get("Location"), rl.calls)
	}
	page := admin.get("/admin").Body.String()
	for _, want := range []string{"refused; the running configuration is unchanged", `unknown officer &#34;&lt;script&gt;zed&lt;/script&gt;&#34;`} {
		if !strings.Contains(page, want) {
			t.Errorf("admin page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>zed") {
		t.Error("a reload error reached the page unescaped")
	}

	rl.out = ReloadOutcome{At: t0.Add(time.Minute), Applied: true, NeedsRestart: []string{"mailboxes", "web.listen"}}
	admin.post("/admin/reload", nil)
	page = admin.get("/admin").Body.String()
	if !strings.Contains(page, "applied. These changes need a restart to take effect: mailboxes, web.listen.") {
		t.Errorf("admin page after an applied reload:\n%s", page)
	}
}

// TestAdminReloadWithoutReloader: a desk that cannot reload shows no
// button and answers the route 404.
func TestAdminReloadWithoutReloader(t *testing.T) {
	f := newFixture(t)
	admin := f.client().loginAs("root")
	if strings.Contains(admin.get("/admin").Body.String(), "reload-config") {
		t.Error("reload button without a reloader")
	}
	if rec := admin.post("/admin/reload", nil); rec.Code != http.StatusNotFound {
		t.Errorf("reload without a reloader: %d, want 404", rec.Code)
	}
}

// TestUnknownPathsAre404: a path no route serves is 404 for anyone, with
// no redirect to the sign-in page (a probe would read that as healthy).
func TestUnknownPathsAre404(t *testing.T) {
	f := newFixture(t)
	for _, c := range []*client{f.client(), f.client().loginAs("ann")} {
		for _, p := range []string{"/metrics", "/readyz", "/livez", "/actuator/health", "/admin/x"} {
			rec := c.get(p)
			if rec.Code != http.StatusNotFound || rec.Header().Get("Location") != "" {
				t.Errorf("GET %s: %d (Location %q), want 404", p, rec.Code, rec.Header().Get("Location"))
			}
		}
	}
}
