package web_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeResult is the part of axe.run's answer the test reads.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// axeCheck loads the vendored axe-core (testdata/axe, the npm package's
// axe.min.js, MPL-2.0) into the page and fails on any serious or critical
// violation.
func (b *browserTab) axeCheck(name string, script string) {
	b.t.Helper()
	b.eval(script + `;''`)
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify({violations: r.violations}))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: axe.run: %v", name, err)
	}
	var res axeResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		b.t.Fatalf("%s: axe result: %v", name, err)
	}
	for _, v := range res.Violations {
		if v.Impact != "serious" && v.Impact != "critical" {
			continue
		}
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
		}
		b.t.Errorf("%s: axe %s (%s): %s — %d nodes: %s", name, v.ID, v.Impact, v.Help, len(v.Nodes), strings.Join(where, " | "))
	}
}

// TestBrowserAxe runs axe-core on every page, at desktop and phone width:
// no serious or critical accessibility violations.
func TestBrowserAxe(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	k := startDeskWith(t, triageDesk, []string{"ann", "bob", "meg", "ada"})
	b := openTab(t, k)
	k.deliver(enquiryMail("Albania visit", "axe-1"))
	k.deliver(fmt.Sprintf(hostileEnquiry, time.Now().Format(time.RFC1123Z)))
	ref := k.refBySubject("Albania visit")
	hostile := k.refBySubject(hostileSubject)
	js := string(script)

	b.do("login", chromedp.Navigate(k.url+"/login"), chromedp.WaitVisible(chromedp.ID("login-form")))
	b.axeCheck("login", js)
	b.signIn("ada")
	pages := []struct{ name, path, wait string }{
		{"queue", "/queues/open", "queue-table"},
		{"needs me", "/queues/needs", "main"},
		{"enquiry", "/enquiries/" + ref, "thread"},
		{"hostile enquiry", "/enquiries/" + hostile, "thread"},
		{"releases", "/releases", "releases"},
		{"release", "/releases/fcdo-2023-10-16-albania", "lines"},
		{"reports", "/reports", "report-form"},
		{"admin", "/admin", "ingest"},
		{"search", "/search?q=Tirana", "search-form"},
		{"log a call", "/calls/new", "call-form"},
	}
	// Search finds the enquiry by a word only its body has ("Tirana").
	eventually(t, "search finds the enquiry by a word of its body", func() bool {
		if _, err := chromedp.Run(b.ctx, chromedp.Navigate(k.url+"/search?q=Tirana")); err != nil {
			return false
		}
		found, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`!!document.querySelector('#search-results') && document.querySelector('#search-results').textContent.includes('`+ref+`')`))
		return err == nil && found
	})
	for _, vp := range []struct{ w, h int64 }{{1440, 900}, {390, 844}} {
		b.do("viewport", chromedp.EmulateViewport(vp.w, vp.h))
		for _, p := range pages {
			b.do(p.name, chromedp.Navigate(k.url+p.path), chromedp.WaitVisible(chromedp.ID(p.wait)))
			if p.name == "release" || p.name == "reports" { // the README's screenshots (MEDIADESK_SCREENSHOTS)
				if p.name == "reports" && vp.w == 390 { // the phone's screen shows the charts
					b.eval(`(document.getElementById('trend') || document.querySelector('svg.chart')).scrollIntoView(); ''`)
				}
				b.shot(fmt.Sprintf("%s-%d", p.name, vp.w))
			}
			b.axeCheck(fmt.Sprintf("%s at %d px", p.name, vp.w), js)
		}
	}
}
