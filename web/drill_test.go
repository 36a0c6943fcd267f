package web

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

var drillLink = regexp.MustCompile(`href="(/reports\?[^"]*list=1[^"]*)"`)

// TestReportDrillDown: on the real reporter (real Redis), every report
// dimension — the compliance bars and figures, the daily trend, topic,
// officer, outlet, release (shown by title), channel, language (by name),
// hours — links to a list of exactly its enquiries, the "(none)" rows
// included.
func TestReportDrillDown(t *testing.T) {
	f := newFixture(t, func(o *Options) {
		rep, err := sla.NewReporter(o.Store, o.Config, o.Clock)
		if err != nil {
			t.Fatal(err)
		}
		o.Reports = rep
	})
	albania := f.plain("Albania visit", "ann")
	m := &mailparse.Message{MessageID: "other@example.org", From: mailparse.Address{Name: "Blerina Çela", Addr: "b@example.org"},
		Subject: "Other question", Date: f.clock.Now(), Text: "?", NewText: "?", Size: 10}
	other := f.commit(m, &store.NewEnquiry{Topic: "general", Officer: "bob", Policy: "standard", Channel: store.ChannelPhone, Lang: "sq"})
	proj, err := sla.NewProjector(f.st, f.cfg, quietLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := proj.CatchUp(f.ctx); err != nil {
		t.Fatal(err)
	}
	meg := f.client().loginAs("meg")
	rec := meg.get("/reports?from=2023-10-16&to=2023-10-16")
	if rec.Code != 200 {
		t.Fatalf("reports: %d %s", rec.Code, rec.Body.String())
	}
	page := rec.Body.String()
	section := func(id string) string {
		i := strings.Index(page, `id="`+id+`"`)
		if i < 0 {
			t.Fatalf("no section %s", id)
		}
		j := strings.Index(page[i:], "</section>")
		return page[i : i+j]
	}
	if !strings.Contains(section("by-release"), ">Foreign Secretary visits Albania</a>") {
		t.Errorf("by release does not show the release title:\n%s", section("by-release"))
	}
	for _, w := range []string{">Albanian (sq)</a>", ">(not detected)</a>"} {
		if !strings.Contains(section("by-language"), w) {
			t.Errorf("by language lacks %s:\n%s", w, section("by-language"))
		}
	}
	for _, w := range []string{">Phone</a>", ">Email</a>"} {
		if !strings.Contains(section("by-channel"), w) {
			t.Errorf("by channel lacks %s:\n%s", w, section("by-channel"))
		}
	}
	for _, tc := range []struct {
		section string
		label   string // the link's row or bar (its text, or part of its URL)
		want    []string
	}{
		{"compliance", "clock=acknowledge&from=2023-10-16&list=1&to=", []string{albania, other}},
		{"compliance", "clock=acknowledge&from=2023-10-16&list=1&outcome=met", nil},
		{"compliance", "clock=first_response&from=2023-10-16&list=1&to=", []string{albania, other}},
		{"trend", "from=2023-10-16&list=1", []string{albania, other}},
		{"by-topic", "topic=europe", []string{albania}},
		{"by-topic", "topic=general", []string{other}},
		{"by-officer", "officer=ann", []string{albania}},
		{"by-officer", "officer=bob", []string{other}},
		{"by-outlet", "outlet=BBC", []string{albania}},
		{"by-outlet", "empty=outlet", []string{other}},
		{"by-release", "release=fcdo-2023-10-16-albania", []string{albania}},
		{"by-release", "empty=release", []string{other}},
		{"by-channel", "channel=phone", []string{other}},
		{"by-channel", "channel=email", []string{albania}},
		{"by-language", "lang=sq", []string{other}},
		{"by-language", "lang=none", []string{albania}},
		{"by-hours", "hours=in", []string{albania, other}},
	} {
		var href string
		for _, m := range drillLink.FindAllStringSubmatch(section(tc.section), -1) {
			if u := html.UnescapeString(m[1]); strings.Contains(u, tc.label) {
				href = u
				break
			}
		}
		if href == "" {
			t.Errorf("%s: no drill-down link with %q", tc.section, tc.label)
			continue
		}
		rec := meg.get(href)
		list := rec.Body.String()
		if rec.Code != 200 || !strings.Contains(list, `id="drill-count">`) {
			t.Errorf("%s: %d", href, rec.Code)
			continue
		}
		for _, ref := range []string{albania, other} {
			listed := strings.Contains(list, `href="/enquiries/`+ref+`"`)
			if want := contains(tc.want, ref); listed != want {
				t.Errorf("%s: %s listed %v, want %v", href, ref, listed, want)
			}
		}
	}
	if rec := meg.get("/reports?list=1&from=2023-10-16&to=2023-10-16&lang=sq&channel=phone"); !strings.Contains(rec.Body.String(), "channel Phone, language Albanian (sq)") {
		t.Errorf("the drill-down does not say what it lists in words: %s", rec.Body.String())
	}
	// Back from a drill-down: the report of those enquiries, saying so;
	// the outlet grouping, which no other filter combines with, says why
	// it is left out.
	for _, tc := range []struct{ back, only string }{
		{"/reports?channel=phone&from=2023-10-16&to=2023-10-16", "Only channel Phone."},
		{"/reports?lang=sq&topic=general&from=2023-10-16&to=2023-10-16", "Only topic General enquiries, language Albanian (sq)."},
	} {
		list := meg.get(strings.Replace(tc.back, "/reports?", "/reports?list=1&", 1)).Body.String()
		m := regexp.MustCompile(`<a href="([^"]*)" id="back-to-report">`).FindStringSubmatch(list)
		if m == nil {
			t.Fatalf("%s: no back link", tc.back)
		}
		rec := meg.get(html.UnescapeString(m[1]))
		page := rec.Body.String()
		if rec.Code != 200 || !strings.Contains(textOf(page, "report-filter"), tc.only) || !strings.Contains(page, `<strong id="opened">1</strong>`) {
			t.Errorf("back to %s: %d, filter %q", m[1], rec.Code, textOf(page, "report-filter"))
		}
		i := strings.Index(page, `id="by-outlet"`)
		if i < 0 || !strings.Contains(page[i:i+strings.Index(page[i:], "</section>")], "Not shown for") {
			t.Errorf("back to %s: the outlet grouping does not say why it is left out", m[1])
		}
	}
	if rec := meg.get("/reports?list=1&from=2023-10-16&to=2023-10-16&clock=sundial"); rec.Code != 400 {
		t.Errorf("unknown clock: %d", rec.Code)
	}
	if rec := meg.get("/reports?list=1&from=2023-10-16&to=2023-10-16&clock=acknowledge&outcome=breached"); rec.Code != 200 ||
		strings.Contains(rec.Body.String(), `href="/enquiries/`) {
		t.Errorf("nothing breached yet, yet listed: %d", rec.Code)
	}
	if rec := f.client().loginAs("ann").get("/reports?list=1&from=2023-10-16&to=2023-10-16"); rec.Code != 403 {
		t.Errorf("an officer drills into reports: %d", rec.Code)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
