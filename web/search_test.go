package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/search"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// TestSearchEnquiries: search finds an enquiry by a word of its body,
// filters and sorts, and sees changes made after the index was built
// (a new enquiry, a resolve, a logged call) through the events stream.
func TestSearchEnquiries(t *testing.T) {
	f := callFixture(t, servertestRedis(t))
	a := f.plain("Albania visit", "ann")
	m := &mailparse.Message{MessageID: "visas@ft.com", From: mailparse.Address{Name: "Sam Writer", Addr: "sam@ft.com"},
		Subject: "Visa backlog", Date: f.clock.Now(), Text: "How many visas are waiting in Tirana?", NewText: "How many visas are waiting in Tirana?", Size: 50}
	v := f.commit(m, &store.NewEnquiry{Topic: "general", Officer: "bob", Policy: "standard", Outlet: "FT", OutletTier: "national", Lang: "en"})
	c := f.client().loginAs("ann")
	find := func(query string) (int, []string) {
		t.Helper()
		rec := c.get("/api/search?" + query)
		var out struct {
			Total int
			Hits  []struct{ Ref, Status, Channel string }
		}
		if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &out) != nil {
			t.Fatalf("search %s: %d %s", query, rec.Code, rec.Body.String())
		}
		var refs []string
		for _, h := range out.Hits {
			refs = append(refs, h.Ref+":"+h.Status+":"+h.Channel)
		}
		return out.Total, refs
	}
	for _, tc := range []struct{ q, want string }{
		{"q=visas", v + ":open:email"},
		{"q=comment", a + ":open:email"},               // a word of the body
		{"q=" + strings.ToLower(v), v + ":open:email"}, // the reference
		{"q=sam%40ft.com", v + ":open:email"},          // the journalist
		{"q=BBC", a + ":open:email"},                   // the outlet
		{"officer=bob", v + ":open:email"},             // a filter alone
		{"tier=broadcast", a + ":open:email"},
		{"sort=oldest", a + ":open:email," + v + ":open:email"},
		{"lang=en", v + ":open:email"}, // the language routing told
		{"lang=EN&q=visas", v + ":open:email"},
		{"lang=none", a + ":open:email"}, // language not told
		{"lang=de", ""},
		{"q=nowhere", ""},
	} {
		if _, got := find(tc.q); strings.Join(got, ",") != tc.want {
			t.Errorf("%s: %v, want %s", tc.q, got, tc.want)
		}
	}
	// Changes after the index was built.
	if _, err := f.st.Resolve(f.ctx, a, "ann", ""); err != nil {
		t.Fatal(err)
	}
	res, err := f.srv.LogCall(f.ctx, &User{ID: "ann", Name: "Ann Officer"}, CallRequest{Phone: "+44 1", Question: "Is the embassy in Tirana open?", Nonce: "s1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, got := find("q=comment"); strings.Join(got, ",") != a+":resolved:email" {
		t.Errorf("after resolving: %v", got)
	}
	if _, got := find("q=tirana&channel=phone"); strings.Join(got, ",") != res.Ref+":open:phone" {
		t.Errorf("a logged call: %v", got)
	}
	if n, _ := find("q=tirana"); n != 2 {
		t.Errorf("tirana: %d hits, want 2", n)
	}
	// The page, and bad input.
	page := c.get("/search?q=visas")
	if page.Code != 200 || !strings.Contains(page.Body.String(), `href="/enquiries/`+v+`"`) {
		t.Errorf("search page: %d", page.Code)
	}
	if p := c.get("/search?lang=en").Body.String(); !strings.Contains(p, `<option value="en" selected>English (en)</option>`) ||
		!strings.Contains(p, `<option value="de">German (de)</option>`) {
		t.Error("the search page offers no language filter by name")
	}
	for _, bad := range []string{"sort=sideways", "from=yesterday", "q=" + strings.Repeat("x", 501), "lang=german", "lang=d%C3%A9"} {
		if rec := c.get("/api/search?" + bad); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", bad, rec.Code)
		}
	}
	// The plain list refuses search filters instead of ignoring them.
	if rec := c.get("/api/enquiries?lang=de"); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "/api/search?lang=") {
		t.Errorf("/api/enquiries?lang=de: %d %s", rec.Code, rec.Body.String())
	}
	if rec := c.get("/api/enquiries?status=open&limit=5"); rec.Code != http.StatusOK {
		t.Errorf("/api/enquiries?status=open: %d", rec.Code)
	}
	if RouteRole("GET /search") != "officer" || RouteRole("GET /api/search") != "officer" {
		t.Error("search routes need the officer role")
	}
	_ = search.SortNewest
}

// TestSearchWhileBuilding: while the first build runs longer than a
// search may wait, the search says so (503, Retry-After) instead of
// hanging.
func TestSearchWhileBuilding(t *testing.T) {
	f := newFixture(t)
	old := searchWait
	searchWait = 10 * time.Millisecond
	t.Cleanup(func() { searchWait = old })
	sr := f.srv.searcher()
	sr.mu.Lock()
	sr.done = make(chan struct{}) // a build that never ends
	sr.mu.Unlock()
	c := f.client().loginAs("ann")
	rec := c.get("/api/search?q=x")
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "being built") {
		t.Errorf("API: %d %q %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
	}
	if rec := c.get("/search?q=x"); rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "being built") {
		t.Errorf("page: %d", rec.Code)
	}
}
