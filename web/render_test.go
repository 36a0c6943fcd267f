package web

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

var update = flag.Bool("update", false, "rewrite web/testdata/*.golden")

// normalise blanks what changes from run to run: tokens and reply ids.
var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(<meta name="csrf-token" content=")[^"]+`), "${1}CSRF"},
	{regexp.MustCompile(`(name="csrf" value=")[^"]+`), "${1}CSRF"},
	{regexp.MustCompile(`(name="reply_id" value=")[^"]+`), "${1}REPLY-ID"},
	{regexp.MustCompile(`(name="nonce" value=")[^"]+`), "${1}NONCE"},
}

func normalise(s string) string {
	for _, v := range volatile {
		s = v.re.ReplaceAllString(s, v.with)
	}
	return s
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	got = normalise(got)
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./web -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(go test ./web -run %s -update rewrites it)", path, i+1, g, w, t.Name())
			}
		}
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

var badScheme = regexp.MustCompile(`(?i)^\s*(javascript|vbscript|data|file):`)

// checkSafe walks a rendered page and fails on anything that could run
// script or load something from elsewhere: script other than ours, event
// handler or style attributes, dangerous URL schemes, unsandboxed or
// scriptable frames, images, objects, base and meta refresh. The HTML in
// a frame's srcdoc is checked the same way, stricter.
func checkSafe(t *testing.T, name, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	walkSafe(t, name, doc, false)
}

func walkSafe(t *testing.T, name string, n *html.Node, inFrame bool) {
	t.Helper()
	if n.Type == html.ElementNode {
		where := name + ": <" + n.Data + ">"
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(k, "on"):
				t.Errorf("%s has an event handler %s=%q", where, a.Key, a.Val)
			case k == "style":
				t.Errorf("%s has a style attribute %q", where, a.Val)
			case k == "href" || k == "src" || k == "action" || k == "formaction" || k == "xlink:href" || k == "cite" || k == "background" || k == "poster":
				if badScheme.MatchString(a.Val) && !(n.Data == "link" && a.Val == "data:," && !inFrame) {
					t.Errorf("%s has %s=%q", where, a.Key, a.Val)
				}
			}
		}
		switch n.Data {
		case "script":
			src, _ := attr(n, "src")
			if inFrame || (src != "/static/app.js" && src != "/static/drafts.js" && src != "/static/attention.js") || n.FirstChild != nil {
				t.Errorf("%s: a script that is not ours (src %q)", where, src)
			}
		case "iframe":
			if inFrame {
				t.Errorf("%s: a frame inside the sanitised mail", where)
			}
			sb, ok := attr(n, "sandbox")
			if !ok || strings.Contains(sb, "allow-scripts") || strings.Contains(sb, "allow-same-origin") {
				t.Errorf("%s: sandbox %q (present %v)", where, sb, ok)
			}
			if _, ok := attr(n, "src"); ok {
				t.Errorf("%s: a frame with src", where)
			}
			if doc, ok := attr(n, "srcdoc"); ok {
				inner, err := html.Parse(strings.NewReader(doc))
				if err != nil {
					t.Fatal(err)
				}
				walkSafe(t, name+" (srcdoc)", inner, true)
			}
		case "img", "object", "embed", "base", "svg", "math", "form", "input", "textarea", "select", "button", "meta", "style", "link", "video", "audio", "source":
			if !inFrame {
				switch n.Data {
				case "form":
					if a, _ := attr(n, "action"); !strings.HasPrefix(a, "/") {
						t.Errorf("%s: form action %q", where, a)
					}
				case "meta":
					if _, ok := attr(n, "http-equiv"); ok {
						t.Errorf("%s: meta http-equiv", where)
					}
				case "link":
					if h, _ := attr(n, "href"); h != "/static/app.css" && h != "data:," {
						t.Errorf("%s: link %q", where, h)
					}
				case "img", "object", "embed", "base", "style", "video", "audio", "source", "math":
					t.Errorf("%s in the dashboard", where)
				}
				break
			}
			// Inside the frame only our stylesheet and the charset meta
			// (both from sanitiseHTML) may appear.
			if n.Data == "link" {
				if h, _ := attr(n, "href"); h == "/static/mail.css" {
					break
				}
			}
			if n.Data == "meta" {
				if _, ok := attr(n, "charset"); ok && len(n.Attr) == 1 {
					break
				}
			}
			t.Errorf("%s inside the sanitised mail", where)
		case "a":
			if inFrame {
				if h, _ := attr(n, "href"); h != "" && !strings.HasPrefix(h, "https://") && !strings.HasPrefix(h, "http://") && !strings.HasPrefix(h, "mailto:") {
					t.Errorf("%s: link %q in mail", where, h)
				}
				if rel, _ := attr(n, "rel"); !strings.Contains(rel, "noopener") || !strings.Contains(rel, "noreferrer") {
					t.Errorf("%s: link without noopener noreferrer: %q", where, rel)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkSafe(t, name, c, inFrame)
	}
}

// textOf returns the text content of the element with id.
func textOf(page, id string) string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return ""
	}
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if v, ok := attr(n, "id"); ok && v == id && found == nil {
			found = n
		}
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == nil {
		return ""
	}
	var b strings.Builder
	var text func(n *html.Node)
	text = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
	}
	text(found)
	return b.String()
}

func countElements(page, tag string) int {
	doc, _ := html.Parse(strings.NewReader(page))
	n := 0
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == tag {
			n++
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return n
}

// hostileRouting puts script in every routed field a queue row shows.
func hostileRouting() *store.NewEnquiry {
	x := `<script>window.pwned=1</script>"'><img src=x onerror=window.pwned=1>`
	return &store.NewEnquiry{
		Outlet: "BBC" + x, OutletTier: "broadcast" + x, Topic: "topic" + x, TopicReason: x,
		Release: "javascript:window.pwned=1//" + x, ReleaseTitle: "Release" + x, ReleaseReason: x, ReleaseScore: 0.5,
		Officer: "ann", OfficerReason: x, Shift: x, Policy: "standard" + x,
		Deadline: t0.Add(3 * time.Hour), DeadlinePhrase: "by 4pm" + x,
	}
}

func TestHostileEnquiryPage(t *testing.T) {
	f := newFixture(t)
	ref := f.commit(hostileMessage("hostile@bbc.co.uk"), hostileRouting())
	c := f.client().loginAs("ann")
	page := c.get("/enquiries/" + ref).Body.String()
	checkSafe(t, "enquiry", page)
	golden(t, "enquiry-hostile", page)
	// What was hostile is shown as text, not lost.
	m := hostileMessage("")
	if got := textOf(page, "subject"); got != m.Subject {
		t.Errorf("subject shown as %q", got)
	}
	if got := textOf(page, "journalist"); !strings.Contains(got, m.From.Name) {
		t.Errorf("journalist shown as %q", got)
	}
	for _, want := range []string{m.Attachments[0].Filename, m.Attachments[1].Filename, "Hello <script>window.pwned=1</script>"} {
		if !strings.Contains(textOf(page, "thread"), want) {
			t.Errorf("thread text lacks %q", want)
		}
	}
	// One frame (the HTML part), three scripts (ours: app.js, drafts.js,
	// attention.js): nothing broke out.
	if n := countElements(page, "iframe"); n != 1 {
		t.Errorf("%d frames", n)
	}
	if n := countElements(page, "script"); n != 3 {
		t.Errorf("%d scripts", n)
	}
	// The sanitised part keeps the safe link and drops the rest.
	doc := f.srv.sanitiseHTML(m.HTML)
	for _, bad := range []string{"script", "javascript:", "tracker.evil", "onerror", "expression", "<style", "<iframe", "<form", "<svg", "<object", "<base", "refresh", "evil.example/x.css"} {
		if strings.Contains(strings.ToLower(doc), bad) {
			t.Errorf("sanitised HTML keeps %q: %s", bad, doc)
		}
	}
	if !strings.Contains(doc, `href="https://www.bbc.co.uk/news"`) || !strings.Contains(doc, "styled") {
		t.Errorf("sanitised HTML lost the harmless parts: %s", doc)
	}
}

// TestXSSInEveryQueueField renders every queue with script in every field
// a row shows.
func TestXSSInEveryQueueField(t *testing.T) {
	f := newFixture(t)
	f.commit(hostileMessage("q1@bbc.co.uk"), hostileRouting())
	n := hostileRouting()
	n.Officer = `<script>window.pwned=1</script>`
	f.commit(hostileMessage("q2@bbc.co.uk"), n)
	ref3 := f.commit(hostileMessage("q3@bbc.co.uk"), hostileRouting())
	if _, err := f.st.SetWaiting(f.ctx, ref3, "ann", true, 15*time.Minute); err != nil {
		t.Fatal(err)
	}
	ref4 := f.commit(hostileMessage("q4@bbc.co.uk"), hostileRouting())
	if _, err := f.st.Resolve(f.ctx, ref4, "ann", "<script>window.pwned=1</script>"); err != nil {
		t.Fatal(err)
	}
	n5 := hostileRouting()
	n5.AcknowledgeDue, n5.FirstResponseDue, n5.ResolutionDue = t0.Add(5*time.Minute), t0.Add(time.Hour), t0.Add(24*time.Hour)
	f.commit(hostileMessage("q5@bbc.co.uk"), n5)
	f.clock.Advance(14 * time.Minute) // acknowledge clocks in their warning time, q5's breached
	c := f.client().loginAs("ann")
	for _, q := range queues {
		page := c.get("/queues/" + q.Name).Body.String()
		checkSafe(t, q.Name, page)
		if !strings.Contains(page, "queue-table") {
			t.Errorf("queue %s is empty", q.Name)
			continue
		}
		text := textOf(page, "queue-table")
		for _, want := range []string{"BBC<script>", `"><script>window.pwned=1</script>`, "topic<script>", "Release<script>", "by 4pm<script>"} {
			if !strings.Contains(text, want) {
				t.Errorf("queue %s: the text lacks %q", q.Name, want)
			}
		}
		if q.Name == "open" {
			golden(t, "queue-open-hostile", page)
			if !strings.Contains(text, "<script>window.pwned=1</script>") {
				t.Error("a hostile officer id is not shown as text")
			}
		}
		partial := c.get("/queues/" + q.Name + "?partial=1").Body.String()
		checkSafe(t, q.Name+" partial", partial)
	}
}

func TestAdminPageWithHostileMail(t *testing.T) {
	f := newFixture(t)
	x := `</iframe><script>window.pwned=1</script><img src=x onerror=window.pwned=1>`
	f.uid++
	_, err := f.st.Commit(f.ctx, []store.Incoming{
		{Source: store.Source{Mailbox: "desk", Folder: "INBOX" + x, UIDValidity: 7, UID: 90}, Received: t0, Size: 10,
			ParseErr: errString("header: no mail header field " + x), RawHeader: "X-Evil: " + x},
		{Source: store.Source{Mailbox: "desk", Folder: "INBOX", UIDValidity: 7, UID: 91}, Received: t0, Size: 10,
			Msg: &mailparse.Message{MessageID: "auto@evil.example", From: mailparse.Address{Name: x, Addr: "mailer-daemon@evil.example"},
				Subject: "Undeliverable: " + x, Date: t0, Automatic: mailparse.Bounce, AutoReason: "Auto-Submitted: " + x, Size: 10}},
	}, store.CommitOptions{WarnBefore: 15 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	c := f.client().loginAs("root")
	page := c.get("/admin").Body.String()
	checkSafe(t, "admin", page)
	golden(t, "admin-hostile", page)
	for _, id := range []string{"quarantine", "automatic"} {
		if !strings.Contains(textOf(page, id), "</iframe><script>window.pwned=1</script>") {
			t.Errorf("%s does not show the hostile text as text", id)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestOtherPagesGolden(t *testing.T) {
	f := newFixture(t)
	f.plain("Albania visit", "ann")
	meg := f.client().loginAs("meg")
	for name, path := range map[string]string{
		"reports": "/reports?from=2023-10-10&to=2023-10-16", "releases": "/releases",
		"release-manager": "/releases/fcdo-2023-10-16-albania",
	} {
		page := meg.get(path).Body.String()
		checkSafe(t, name, page)
		golden(t, name, page)
	}
	ann := f.client().loginAs("ann")
	page := ann.get("/releases/fcdo-2023-10-16-albania").Body.String()
	checkSafe(t, "release-officer", page)
	golden(t, "release-officer", page)
	login := f.client().get("/login").Body.String()
	checkSafe(t, "login", login)
	golden(t, "login", normaliseLogin(login))
	if strings.Contains(ann.get("/releases/fcdo-2023-10-16-albania").Body.String(), "lines-form") {
		t.Error("an officer is offered the lines-to-take editor")
	}
}

func normaliseLogin(s string) string {
	return loginToken.ReplaceAllString(s, `name="csrf" value="TOKEN"`)
}

func TestReportsPage(t *testing.T) {
	f := newFixture(t)
	meg := f.client().loginAs("meg")
	page := meg.get("/reports?from=2023-10-10&to=2023-10-16").Body.String()
	for _, want := range []string{"<svg", `href="/api/reports/export?format=csv&amp;from=2023-10-10&amp;to=2023-10-16"`,
		`href="/enquiries/TEST-2023-000001"`, "By topic", "By officer", "By outlet", "By release", "In hours and out of hours",
		"47m 00s", "1h 50m", "97.5%"} {
		if !strings.Contains(page, want) {
			t.Errorf("reports page lacks %q", want)
		}
	}
	if rec := meg.get("/reports?from=yesterday"); rec.Code != 400 || !strings.Contains(rec.Body.String(), "want YYYY-MM-DD") {
		t.Errorf("bad date: %d", rec.Code)
	}
	if rec := meg.get("/reports?topic=unanswerable"); rec.Code != 400 || !strings.Contains(textOf(rec.Body.String(), "report-error"), "cannot answer") {
		t.Errorf("a query the rollups cannot answer: %d", rec.Code)
	}
	f2 := newFixture(t, func(o *Options) { o.Reports = nil })
	if page := f2.client().loginAs("meg").get("/reports").Body.String(); !strings.Contains(page, "not available") {
		t.Error("no reporter: the page does not say so")
	}
}
