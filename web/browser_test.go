package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/store"
	"github.com/mediadesk/mediadesk/web"
)

// One browser for the whole package: starting Chromium costs about a
// second. It starts with the first browser test.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

// browserContext returns a fresh tab in its own browser context (its own
// cookies) on the shared browser; the test is skipped without Chromium
// unless MEDIADESK_REQUIRE_REAL=1.
func browserContext(t *testing.T) context.Context {
	t.Helper()
	chromiumPath, err := servers.LookChromium()
	if err != nil {
		if servers.RequireReal() {
			t.Fatalf("chromium is required (%s=1): %v", servers.EnvRequireReal, err)
		}
		t.Skipf("no chromium: %v", err)
	}
	browser.once.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromiumPath),
			chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			// Keep sandboxed frames in process, so a test can read the
			// sanitised mail frame through the page's frame tree.
			chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,IsolateSandboxedIframes"),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		browser.ctx = ctx
		browser.cancel = func() { cancelCtx(); cancelAlloc() }
		browser.err = chromedp.Do(ctx) // starts the browser
	})
	if browser.err != nil {
		t.Fatalf("start chromium: %v", browser.err)
	}
	ctx, cancel := chromedp.NewContext(browser.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 45*time.Second)
	t.Cleanup(cancelT)
	return ctx
}

const browserDesk = `desk:
  name: Browser Test Press Office
  timezone: Europe/London
  reference_prefix: BT
  address: press@desk.example.gov.uk
mailboxes:
  - {id: desk, address: "%s", security: none, username: %s, password_env: BT_IMAP_PASS, folders: [INBOX], sent_folder: Sent}
redis: {url_env: BT_REDIS_URL}
smtp: {address: "%s", security: none, from: "Browser Test Press Office <press@desk.example.gov.uk>"}
releases:
  sources:
    - file: releases.jsonl
topics:
  - {id: europe, name: Europe, keywords: [Albania, Tirana]}
  - {id: general, name: General enquiries, fallback: true}
officers:
  - {id: ann, name: Ann Officer, email: ann@desk.example.gov.uk, role: officer, topics: ["*"]}
  - {id: bob, name: Bob Officer, email: bob@desk.example.gov.uk, role: officer, topics: ["*"]}
  - {id: meg, name: Meg Manager, email: meg@desk.example.gov.uk, role: manager, topics: ["*"]}
rota:
  - {name: Duty desk, topics: ["*"], officers: [bob], start: "0 0 * * *", duration: 24h}
escalation: {manager: meg, after_breach: 30m}
sla:
  policies:
    - {id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}
  deadline_margin: 15m
  warn_before: 15m
  sweep_interval: 1s
outlets:
  - {domain: bbc.co.uk, name: BBC, tier: broadcast}
ingest:
  poll_interval: 1s
web:
  users_file: users
`

const browserRelease = `{"id":"fcdo-2023-10-16-albania","title":"Foreign Secretary visits Albania","url":"https://www.gov.uk/government/news/foreign-secretary-visits-albania","published":"2023-10-16T09:00:00+01:00","department":"FCDO","topics":["europe"],"body":"The Foreign Secretary visited Tirana to discuss illegal migration.","lines_to_take":["The UK and Albania are working closely together to tackle illegal migration.","We do not comment on operational matters."]}
`

const browserPassword = "browser test password"

// liveDesk is a whole desk (app.New: ingest, routing, outbound, SLA and the
// web server) on the in-process IMAP server, Redis and the SMTP sink.
type liveDesk struct {
	t    *testing.T
	url  string
	imap *servers.IMAP
	sink *outbound.Sink
	st   *store.Store
	d    *app.Desk
}

func startDesk(t *testing.T) *liveDesk {
	t.Helper()
	return startDeskWith(t, browserDesk, []string{"ann", "bob", "meg"})
}

// startDeskWith starts a desk from deskYAML (with the IMAP address,
// username and SMTP address to fill in) and a users file for users.
func startDeskWith(t *testing.T, deskYAML string, userIDs []string) *liveDesk {
	t.Helper()
	im, err := servers.StartMemIMAP("press", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { im.Stop() })
	r := servertest.Redis(t)
	opt, _ := redis.ParseURL(r.URL)
	opt.ContextTimeoutEnabled = true
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { rdb.Close() })
	sink, err := outbound.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "releases.jsonl"), []byte(browserRelease), 0o600); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(cfgPath, []byte(fmt.Sprintf(deskYAML, im.Addr, im.Username, sink.Addr)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath, config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	users := filepath.Join(dir, "users")
	if err := web.WriteUsers(users, userIDs, browserPassword, bcrypt.MinCost); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	d, err := app.New(ctx, app.Options{Config: cfg, Redis: rdb, Listen: "127.0.0.1:0", Logger: log,
		Secret: func(name string) string {
			switch name {
			case "BT_IMAP_PASS":
				return im.Password
			}
			return ""
		}})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = d.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	<-d.Ready()
	return &liveDesk{t: t, url: "http://" + d.HTTPAddr(), imap: im, sink: sink, st: d.Store, d: d}
}

func (k *liveDesk) deliver(raw string) {
	k.t.Helper()
	if err := k.imap.Append(context.Background(), "INBOX", []byte(strings.ReplaceAll(raw, "\n", "\r\n"))); err != nil {
		k.t.Fatal(err)
	}
}

// eventually polls cond until it holds or 20 s pass.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 20s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// refBySubject waits for the enquiry with subject and returns its ref.
func (k *liveDesk) refBySubject(subject string) string {
	k.t.Helper()
	var ref string
	eventually(k.t, "enquiry "+subject, func() bool {
		list, _, err := k.st.List(context.Background(), store.ListOptions{Limit: 100})
		if err != nil {
			return false
		}
		for _, e := range list {
			if e.Subject == subject {
				ref = e.Ref
				return true
			}
		}
		return false
	})
	return ref
}

func (k *liveDesk) enquiry(ref string) *store.Enquiry {
	e, err := k.st.Enquiry(context.Background(), ref)
	if err != nil {
		k.t.Fatal(err)
	}
	return e
}

func (k *liveDesk) timelineHas(ref, typ, by, text string) bool {
	tl, err := k.st.Timeline(context.Background(), ref)
	if err != nil {
		return false
	}
	for _, ev := range tl {
		if ev.Type == typ && (by == "" || ev.By == by) && strings.Contains(ev.Text, text) {
			return true
		}
	}
	return false
}

const plainEnquiry = `From: Jo Reporter <jo@bbc.co.uk>
To: press@desk.example.gov.uk
Subject: Albania visit
Message-ID: <albania-1@bbc.co.uk>
Date: %s
Content-Type: text/plain; charset=utf-8

Hello, about https://www.gov.uk/government/news/foreign-secretary-visits-albania
can you tell me what was agreed in Tirana? I am filing by 4pm.

Jo
`

const hostileSubject = `Urgent </iframe><script>window.pwned=1</script><img src=x onerror="window.pwned=2">`

const hostileEnquiry = `From: "</iframe><script>window.pwned=3</script>" <mallory@bbc.co.uk>
To: press@desk.example.gov.uk
Subject: ` + hostileSubject + `
Message-ID: <hostile-1@bbc.co.uk>
Date: %s
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Plain <script>window.pwned=4</script> text </iframe><iframe src="javascript:window.pwned=5"></iframe>

--alt
Content-Type: text/html; charset=utf-8

<html><head><style>body{background:url(https://evil.example/bg.png)}</style><base href="https://evil.example/"></head>
<body><p>Formatted</p><script>window.pwned=6;parent.pwned=6;top.pwned=6</script>
<img src="https://tracker.evil.example/pixel.gif" onerror="top.pwned=7">
<a href="javascript:top.pwned=8" id="jslink">click</a>
<div style="width:expression(top.pwned=9)">css</div>
</iframe><script>top.pwned=10</script>
<svg><script>top.pwned=11</script></svg>
<iframe srcdoc="&lt;script&gt;top.pwned=12&lt;/script&gt;"></iframe>
<form action="https://evil.example/"><button>go</button></form>
</body></html>

--alt--

--outer
Content-Type: application/pdf
Content-Disposition: attachment; filename="</iframe><img src=x onerror=top.pwned=13>.pdf"

JVBERi0K
--outer--
`

// TestBrowserOfficerWorkflow: sign in, see the queue, open an enquiry,
// take it over, note, send a holding reply with the lines to take (through
// the real outbound engine to the SMTP sink), resolve; the queue updates
// live; a hostile email runs no script.
func TestBrowserOfficerWorkflow(t *testing.T) {
	ctx := browserContext(t)
	k := startDesk(t)
	k.approveLines("meg") // lines are offered once a manager approved them
	now := time.Now().Format(time.RFC1123Z)
	k.deliver(fmt.Sprintf(plainEnquiry, now))
	k.deliver(fmt.Sprintf(hostileEnquiry, now))
	ref := k.refBySubject("Albania visit")
	hostileRef := k.refBySubject(hostileSubject)

	// Script errors in our own page code fail the test.
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	var exMu sync.Mutex
	var exTexts []string
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			exMu.Lock()
			exTexts = append(exTexts, ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.URL))
			exMu.Unlock()
		}
	}()
	// Accept the "take over from Bob?" confirmation.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			_ = ev
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// submit clicks a button that submits a form and waits for the page
	// it leads to.
	submit := func(id string) {
		t.Helper()
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.ID(id))); err != nil {
			t.Fatalf("submit %s: %v", id, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		must("text of "+sel, err)
		return s
	}

	// Sign in: a wrong password first.
	must("login page", chromedp.Do(ctx,
		chromedp.Navigate(k.url+"/enquiries/"+ref),
		chromedp.WaitVisible(chromedp.ID("login-form")),
		chromedp.SendKeys(chromedp.ID("user"), "ann"),
		chromedp.SendKeys(chromedp.ID("password"), "wrong password!"),
	))
	submit("signin")
	if got := text("#login-error"); got != "Wrong user or password." {
		t.Fatalf("login error %q", got)
	}
	must("password", chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("password"), browserPassword)))
	submit("signin")
	must("back where we were going", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("thread"))))
	cookies, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.cookie`))
	must("document.cookie", err)
	if strings.Contains(cookies, "mediadesk") {
		t.Errorf("the session cookie is readable from script: %q", cookies)
	}

	// The queue: all open, both enquiries, live countdowns.
	must("queue", chromedp.Do(ctx,
		chromedp.Navigate(k.url+"/queues/open"),
		chromedp.WaitVisible(chromedp.ID("queue-table")),
	))
	q := text("#queue-table")
	if !strings.Contains(q, "Albania visit") || !strings.Contains(q, "Urgent </iframe><script>") || !strings.Contains(q, "Bob Officer") || !strings.Contains(q, "Foreign Secretary visits Albania") {
		t.Errorf("queue shows %q", q)
	}
	screenshot(t, ctx, "queue")
	first := text(".next .due")
	time.Sleep(1200 * time.Millisecond)
	if again := text(".next .due"); again == first || !strings.HasPrefix(again, "due in") {
		t.Errorf("countdown does not tick: %q then %q", first, again)
	}
	// Live: a new enquiry appears without a reload.
	k.deliver(strings.ReplaceAll(strings.ReplaceAll(fmt.Sprintf(plainEnquiry, now), "Albania visit", "Second question"), "albania-1@", "albania-2@"))
	must("live update", chromedp.Do(ctx, chromedp.Poll[chromedp.Void](
		`document.getElementById('queue-table') && document.getElementById('queue-table').textContent.includes('Second question')`,
		chromedp.WithPollingTimeout(20*time.Second))))

	// Open the enquiry from the queue (at 1440 px beside it, in the
	// reading pane; its "Open the full page" opens the page) and take it
	// over from Bob.
	must("open", chromedp.Do(ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Click(chromedp.CSS(`tr[data-ref="`+ref+`"] td.subject a`)),
		chromedp.WaitVisible(chromedp.CSS(`#pane #claim`)),
		chromedp.Click(chromedp.ID("pane-full")),
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="enquiry"] #claim`)),
	))
	if got := text("#claim"); got != "Take over from Bob Officer" {
		t.Errorf("claim button %q", got)
	}
	submit("claim")
	if got := text("#flash"); got != "You claimed this enquiry." || text("#officer") != "Ann Officer" {
		t.Errorf("after claim: %q, officer %q", got, text("#officer"))
	}
	if e := k.enquiry(ref); e.Officer != "ann" || !k.timelineHas(ref, "claimed", "ann", "from bob") {
		t.Errorf("Redis after claim: officer %q", e.Officer)
	}

	// A note.
	must("note", chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("note-text"), "Checked with the Albania desk.")))
	submit("add-note")
	if got := text("#flash"); got != "Note added." || !strings.Contains(text("#timeline"), "Checked with the Albania desk.") {
		t.Errorf("after note: %q", got)
	}
	if !k.timelineHas(ref, "note", "ann", "Checked with the Albania desk.") {
		t.Error("the note is not in Redis")
	}

	// A holding reply with the lines to take inserted.
	must("reply", chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("kind-holding")),
		chromedp.SendKeys(chromedp.ID("reply-body"), "Thanks Jo, we will come back to you before 4pm."),
		chromedp.Click(chromedp.ID("insert-lines")),
	))
	body, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("reply-body")))
	must("reply body", err)
	if !strings.Contains(body, "before 4pm.\n\nThe UK and Albania are working closely together") || !strings.Contains(body, "We do not comment on operational matters.") {
		t.Errorf("reply body after inserting lines: %q", body)
	}
	submit("send-reply")
	if got := text("#flash"); !strings.HasPrefix(got, "Reply queued") {
		t.Fatalf("after send: %q", got)
	}
	var reply *outbound.Received
	eventually(t, "the reply reaches the SMTP sink", func() bool {
		for _, m := range k.sink.Messages() {
			if len(m.To) == 1 && m.To[0] == "jo@bbc.co.uk" && strings.Contains(string(m.Data), "operational matters") {
				m := m
				reply = &m
				return true
			}
		}
		return false
	})
	if !strings.Contains(reply.Header("Subject"), ref) || reply.Header("In-Reply-To") != "<albania-1@bbc.co.uk>" {
		t.Errorf("reply subject %q in-reply-to %q", reply.Header("Subject"), reply.Header("In-Reply-To"))
	}
	eventually(t, "the holding reply recorded", func() bool {
		return k.timelineHas(ref, "response", "ann", "holding") && !k.enquiry(ref).Clocks[store.ClockAcknowledge].Met.IsZero()
	})
	must("reload", chromedp.Do(ctx, chromedp.Navigate(k.url+"/enquiries/"+ref), chromedp.WaitVisible(chromedp.ID("timeline"))))
	if tl := text("#timeline"); !strings.Contains(tl, "holding reply") {
		t.Errorf("timeline after the reply: %q", tl)
	}
	if met := text("#clock-acknowledge .met"); met == "" {
		t.Error("the acknowledge clock is not shown met")
	}

	// Resolve.
	must("resolve", chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`form[action$="/resolve"] input[name="note"]`), "Answered.")))
	submit("resolve")
	if got := text("#flash"); got != "Resolved." || text("#status") != "resolved" {
		t.Errorf("after resolve: %q %q", got, text("#status"))
	}
	if e := k.enquiry(ref); e.Status != store.StatusResolved || e.Clocks[store.ClockResolution].Met.IsZero() {
		t.Errorf("Redis after resolve: %s", e.Status)
	}

	// The hostile enquiry: everything shown as text, nothing runs.
	must("hostile", chromedp.Do(ctx,
		chromedp.Navigate(k.url+"/enquiries/"+hostileRef),
		chromedp.WaitVisible(chromedp.ID("thread")),
		chromedp.Click(chromedp.CSS(`details.html-part summary`)),
		chromedp.WaitVisible(chromedp.CSS(`iframe.mail-html`)),
		chromedp.ScrollIntoView(chromedp.CSS(`iframe.mail-html`)), // it loads lazily
		chromedp.Sleep(500*time.Millisecond),
	))
	if got := text("#subject"); got != hostileSubject {
		t.Errorf("subject shown as %q", got)
	}
	if !strings.Contains(text("#journalist"), "</iframe><script>window.pwned=3</script>") {
		t.Errorf("journalist shown as %q", text("#journalist"))
	}
	if !strings.Contains(text("#thread"), "</iframe><img src=x onerror=top.pwned=13>.pdf") {
		t.Error("the attachment name is not shown as text")
	}
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`typeof window.pwned`))
	must("pwned", err)
	if pwned != "undefined" {
		t.Errorf("window.pwned is %s: hostile mail ran script", pwned)
	}
	// No script but ours (app.js, drafts.js, attention.js, from files),
	// no image, and every frame is a sandboxed mail part (the
	// journalist's, and the desk's acknowledgement).
	counts, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[Array.from(document.scripts).filter(s => s.text !== '' || !/^\/static\/(app|drafts|attention)\.js$/.test(new URL(s.src).pathname)).length, document.images.length,
		document.querySelectorAll('iframe').length, document.querySelectorAll('details.html-part > iframe.mail-html[sandbox="allow-popups allow-popups-to-escape-sandbox"]').length, document.scripts.length]`))
	must("counts", err)
	if len(counts) != 5 || counts[0] != 0 || counts[1] != 0 || counts[2] != counts[3] || counts[2] == 0 || counts[4] != 3 {
		t.Errorf("scripts not ours, images, frames, sandboxed mail frames, scripts: %v", counts)
	}
	// The frame is sandboxed without scripts or same origin: its document is
	// out of reach.
	reach, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('iframe.mail-html').contentDocument === null`))
	must("frame origin", err)
	if !reach {
		t.Error("the mail frame shares the dashboard's origin")
	}
	// The sanitised part is shown in the frame (the CSP lets srcdoc in):
	// the text, the harmless link, and none of the rest.
	screenshot(t, ctx, "enquiry-hostile")
	bodies := mailFrameBodies(t, ctx)
	if len(bodies) == 0 {
		t.Fatal("no mail frame rendered")
	}
	inFrame := bodies[0]
	if !strings.Contains(inFrame, "<p>Formatted</p>") || strings.Contains(inFrame, "<script") || strings.Contains(inFrame, "<img") ||
		strings.Contains(inFrame, "javascript:") || strings.Contains(inFrame, "style=") || strings.Contains(inFrame, "<iframe") || strings.Contains(inFrame, "<form") {
		t.Errorf("the mail frame shows %q", inFrame)
	}
	time.Sleep(300 * time.Millisecond)
	if pwned, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`typeof window.pwned`)); pwned != "undefined" {
		t.Errorf("window.pwned is %s after the frame loaded", pwned)
	}

	// Sign out.
	submit("logout")
	must("signed out", chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("login-form"))))
	must("after logout", chromedp.Do(ctx, chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("login-form"))))

	exMu.Lock()
	defer exMu.Unlock()
	if len(exTexts) > 0 {
		t.Errorf("script exceptions: %q", exTexts)
	}
}

// screenshot saves the page as a PNG in $MEDIADESK_SCREENSHOTS, when set
// (to look at the dashboard after a change).
func screenshot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("MEDIADESK_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1400, 900)); err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), shot, 0o644)
	}
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}

// mailFrameBodies reads the body of each srcdoc frame through an isolated
// world (its origin is opaque, so the page itself cannot look in; the
// test browser keeps sandboxed frames in process so the page's frame tree
// has them).
func mailFrameBodies(t *testing.T, ctx context.Context) []string {
	t.Helper()
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range tree.FrameTree.ChildFrames {
		if c.Frame.URL != "about:srcdoc" {
			continue
		}
		world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: c.Frame.ID, WorldName: "mediadesk-test"})
		if err != nil {
			t.Fatal(err)
		}
		byValue := true
		res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{
			Expression: "document.body ? document.body.innerHTML : ''", ContextID: world.ExecutionContextID, ReturnByValue: &byValue})
		if err != nil || res.Result == nil {
			t.Fatalf("read the mail frame: %v", err)
		}
		var body string
		if err := json.Unmarshal(res.Result.Value, &body); err != nil {
			t.Fatalf("frame body %s: %v", res.Result.Value, err)
		}
		out = append(out, body)
	}
	return out
}

// TestBrowserRoles: an officer sees no Reports or Admin, and is refused
// them; a manager sees the report charts.
func TestBrowserRoles(t *testing.T) {
	ctx := browserContext(t)
	k := startDesk(t)
	login := func(user string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(k.url+"/login"),
			chromedp.WaitVisible(chromedp.ID("login-form")),
			chromedp.SendKeys(chromedp.ID("user"), user),
			chromedp.SendKeys(chromedp.ID("password"), browserPassword),
			chromedp.Click(chromedp.ID("signin")),
			chromedp.WaitVisible(chromedp.ID("queue")),
		)
		if err != nil {
			t.Fatalf("login %s: %v", user, err)
		}
	}
	login("ann")
	nav, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("nav.main")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(nav, "Reports") || strings.Contains(nav, "Admin") {
		t.Errorf("an officer's menu: %q", nav)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(k.url+"/reports"), chromedp.WaitVisible(chromedp.ID("error-message"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("logout")), chromedp.WaitVisible(chromedp.ID("login-form"))); err != nil {
		t.Fatal(err)
	}
	login("meg")
	// The real SLA reporter, fed by the rollups: the enquiry shows up.
	k.deliver(fmt.Sprintf(plainEnquiry, time.Now().Format(time.RFC1123Z)))
	k.refBySubject("Albania visit")
	eventually(t, "the report counts the enquiry", func() bool {
		err := chromedp.Do(ctx, chromedp.Navigate(k.url+"/reports"), chromedp.WaitVisible(chromedp.ID("compliance")))
		if err != nil {
			t.Fatal(err)
		}
		n, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("opened")))
		return err == nil && n == "1"
	})
	screenshot(t, ctx, "reports")
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.chart').length`))
	if err != nil || n == 0 {
		t.Errorf("charts: %d %v", n, err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(k.url+"/admin"), chromedp.WaitVisible(chromedp.ID("error-message"))); err != nil {
		t.Fatal(err)
	}
}
