// Package demo is the zero-setup desk: the go-imap in-process server and
// miniredis, the shared example desk (or a built-in one) with short SLA
// targets so warnings and breaches happen within minutes, the sample
// enquiries, and a generator that keeps the queue moving.
package demo

import (
	"bytes"
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"
	"gopkg.in/yaml.v3"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/mailgen"
	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/store"
	"github.com/mediadesk/mediadesk/web"
)

//go:embed desk.yaml.tmpl
var deskTemplate string

//go:embed releases.jsonl
var demoReleases []byte

// Options configure the demo.
type Options struct {
	// Listen is the dashboard address (default 127.0.0.1:8080; port 0 picks one).
	Listen string
	// Interval between generated enquiries (default 8s; 0 keeps the default,
	// negative turns the generator off).
	Interval time.Duration
	// Shared is the shared data folder with sample enquiries and releases
	// (default: ../shared/data when it exists). "-" means none.
	Shared string
	// Out receives the running commentary (each enquiry as it is ingested).
	Out    io.Writer
	Logger *slog.Logger
	Seed   uint64
	// Ready, if set, is called with the running desk and its config once
	// the dashboard listens.
	Ready func(d *app.Desk, cfg *config.Config)
}

// Run starts everything in-process and runs until ctx ends.
func Run(ctx context.Context, o Options) error {
	if o.Out == nil {
		o.Out = os.Stdout
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Listen == "" {
		o.Listen = "127.0.0.1:8080"
	}
	if o.Interval == 0 {
		o.Interval = 8 * time.Second
	}
	if o.Seed == 0 {
		o.Seed = uint64(time.Now().UnixNano())
	}
	shared := o.Shared
	if shared == "" {
		shared = findShared()
	} else if shared == "-" {
		shared = ""
	}

	mr, err := servers.StartMiniredis()
	if err != nil {
		return fmt.Errorf("embedded redis: %w", err)
	}
	defer mr.Stop()
	imapSrv, err := servers.StartMemIMAP("press", "")
	if err != nil {
		return fmt.Errorf("embedded imap: %w", err)
	}
	defer imapSrv.Stop()
	sink, err := outbound.StartSink("127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("embedded smtp sink: %w", err)
	}
	defer sink.Close()
	smtpAddr := sink.Addr

	dir, err := os.MkdirTemp("", "mediadesk-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	releases := filepath.Join(dir, "releases.jsonl")
	if shared != "" {
		if b, err := os.ReadFile(filepath.Join(shared, "releases.jsonl")); err == nil {
			if err := os.WriteFile(releases, b, 0o600); err != nil {
				return err
			}
		} else {
			shared = ""
		}
	}
	if shared == "" {
		if err := os.WriteFile(releases, demoReleases, 0o600); err != nil {
			return err
		}
	}
	var conf bytes.Buffer
	err = template.Must(template.New("desk").Parse(deskTemplate)).Execute(&conf, map[string]string{
		"Prefix": "DEMO", "IMAP": imapSrv.Addr, "IMAPUser": imapSrv.Username, "SMTP": smtpAddr, "Releases": "releases.jsonl",
	})
	if err != nil {
		return err
	}
	deskYAML := conf.Bytes()
	if shared != "" {
		if base, err := os.ReadFile(filepath.Join(shared, "desk.yaml")); err == nil {
			if merged, err := overlay(base, deskYAML); err == nil {
				deskYAML = merged
			} else {
				o.Logger.Warn("demo: cannot use the shared desk.yaml; using the built-in demo desk", "err", err)
			}
		}
	}
	cfgPath := filepath.Join(dir, "desk.yaml")
	if err := os.WriteFile(cfgPath, deskYAML, 0o600); err != nil {
		return err
	}
	secrets := map[string]string{"MEDIADESK_DEMO_IMAP_PASSWORD": imapSrv.Password, "MEDIADESK_DEMO_REDIS_URL": mr.URL}
	env := func(name string) (string, bool) { v, ok := secrets[name]; return v, ok }
	cfg, err := config.Load(cfgPath, config.LoadOptions{Env: env, CheckSecrets: true})
	if err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	// Dashboard sign-in: every officer, one generated password (demo only).
	password, err := demoUsers(filepath.Join(dir, "users"), cfg)
	if err != nil {
		return fmt.Errorf("demo users: %w", err)
	}

	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr, ContextTimeoutEnabled: true})
	defer rdb.Close()
	p := &printer{out: o.Out, loc: cfg.Location}
	desk, err := app.New(ctx, app.Options{
		Config: cfg, Redis: rdb, Listen: o.Listen, Logger: o.Logger,
		LoadConfig: func() (*config.Config, error) {
			return config.Load(cfgPath, config.LoadOptions{Env: env, CheckSecrets: true})
		},
		Secret:    func(name string) string { return secrets[name] },
		OnOutcome: p.outcome,
		Mux: func(mux *http.ServeMux) {
			mux.Handle("GET /demo/outbox", sink)
			mux.HandleFunc("GET /demo", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				fmt.Fprintln(w, "mediadesk demo: in-memory IMAP and Redis, nothing is kept.")
			})
		},
	})
	if err != nil {
		return err
	}

	runErr := make(chan error, 1)
	go func() { runErr <- desk.Run(ctx) }()
	select {
	case <-desk.Ready():
	case err := <-runErr:
		return err
	}
	if n, err := approveDemoLines(ctx, rdb, cfg, time.Now()); err != nil {
		o.Logger.Warn("demo: lines to take not approved", "err", err)
	} else {
		o.Logger.Info("demo: lines to take approved", "lines", n, "by", cfg.Escalation.Manager)
	}
	banner(o.Out, desk.HTTPAddr(), mr.URL, cfgPath, shared, loginLine(cfg, password))
	if a := desk.OpsAddr(); a != "" {
		fmt.Fprintf(o.Out, "  Metrics and probes http://%s/metrics  /healthz  /readyz   (no sign-in; edit %s and reload from /admin)\n\n", a, cfgPath)
	}
	if o.Ready != nil {
		o.Ready(desk, cfg)
	}

	// Seed the mailbox with the sample enquiries, or with generated ones
	// when the samples are absent.
	gen := mailgen.NewGenerator(o.Seed, desk.Router.Catalogue().Releases(), cfg)
	seeds := recentDates(sampleEnquiries(shared), time.Now(), 2*time.Minute)
	if len(seeds) == 0 {
		for i := 0; i < 10; i++ {
			seeds = append(seeds, gen.Next(time.Now().Add(-time.Duration(10-i)*3*time.Minute), cfg.Location))
		}
	}
	if err := imapSrv.Append(ctx, "INBOX", seeds...); err != nil {
		return fmt.Errorf("seed mailbox: %w", err)
	}
	fmt.Fprintf(o.Out, "Seeded the mailbox with %d enquiries; a new one arrives every %s.\n\n", len(seeds), o.Interval)

	var wg sync.WaitGroup
	// The rest of the desk's life, narrated: acknowledgements and alerts
	// going out, officers replying, clocks warning and breaching.
	for _, f := range []func(){
		func() { narrate(ctx, rdb, desk.Store, p.log) },
		func() { countdown(ctx, desk, 30*time.Second, o.Out, &p.mu) },
		func() {
			officers(ctx, desk, cfg, mrand.New(mrand.NewPCG(o.Seed, 11)), max(o.Interval, 3*time.Second), p.log)
		},
		func() { phoneCalls(ctx, desk, cfg, p.log) },
	} {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	if o.Interval > 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(o.Interval)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					if err := imapSrv.Append(ctx, "INBOX", gen.Next(time.Now(), cfg.Location)); err != nil && ctx.Err() == nil {
						o.Logger.Warn("demo generator", "err", err)
					}
				}
			}
		}()
	}
	err = <-runErr
	wg.Wait()
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

func banner(w io.Writer, httpAddr, redisURL, cfgPath, shared, login string) {
	line := strings.Repeat("=", 78)
	fmt.Fprintln(w, line)
	fmt.Fprintln(w, "  mediadesk DEMO - everything runs in this process, IN MEMORY:")
	fmt.Fprintln(w, "    IMAP  the go-imap in-process server (not a real mailbox)")
	fmt.Fprintln(w, "    Redis miniredis (NOT DURABLE: every enquiry is lost when the demo stops)")
	fmt.Fprintln(w, "  For production run `mediadesk serve --config desk.yaml` against real servers.")
	fmt.Fprintln(w, line)
	fmt.Fprintf(w, "  Dashboard and API  http://%s/   (API: /api/enquiries, /api/status)\n", httpAddr)
	fmt.Fprintf(w, "  Sent mail          http://%s/demo/outbox   (acknowledgements, alerts, replies caught by an in-process SMTP sink)\n", httpAddr)
	fmt.Fprintf(w, "  %s\n", login)
	fmt.Fprintf(w, "  Status             MEDIADESK_DEMO_REDIS_URL=%s mediadesk status --config %s\n", redisURL, cfgPath)
	if shared != "" {
		fmt.Fprintf(w, "  Releases and sample enquiries from %s\n", shared)
	} else {
		fmt.Fprintln(w, "  Built-in demo releases; generated sample enquiries")
	}
	fmt.Fprintln(w, line)
}

// demoUsers writes a users file giving every officer one generated
// password, and returns the password.
func demoUsers(path string, cfg *config.Config) (string, error) {
	b := make([]byte, 9)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	password := "demo-" + base64.RawURLEncoding.EncodeToString(b)
	ids := make([]string, 0, len(cfg.Officers))
	for _, off := range cfg.Officers {
		ids = append(ids, off.ID)
	}
	return password, web.WriteUsers(path, ids, password, bcrypt.DefaultCost)
}

// loginLine says who to sign in as: a duty officer (one covering every
// topic), a manager and an admin.
func loginLine(cfg *config.Config, password string) string {
	pick := func(role config.Role, wildcard bool) string {
		for _, off := range cfg.Officers {
			if off.Role == role && (!wildcard || off.Covers("*")) {
				return off.ID
			}
		}
		return ""
	}
	var who []string
	if id := pick(config.RoleOfficer, true); id != "" {
		who = append(who, id+" (duty officer)")
	} else if id := pick(config.RoleOfficer, false); id != "" {
		who = append(who, id+" (officer)")
	}
	if id := pick(config.RoleManager, false); id != "" {
		who = append(who, id+" (manager)")
	}
	if id := pick(config.RoleAdmin, false); id != "" {
		who = append(who, id+" (admin)")
	}
	list := strings.Join(who, ", ")
	if n := len(who); n > 1 {
		list = strings.Join(who[:n-1], ", ") + " or " + who[n-1]
	}
	return "Log in as " + list + " with password " + password + "  (demo only: every officer has it)"
}

// printer prints each committed message as one line.
type printer struct {
	mu  sync.Mutex
	out io.Writer
	loc *time.Location
}

// log prints one timestamped line.
func (p *printer) log(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.out, "%s  "+format+"\n", append([]any{time.Now().In(p.loc).Format("15:04:05")}, args...)...)
}

func (p *printer) outcome(o store.Outcome, in *store.Incoming) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ts := time.Now().In(p.loc).Format("15:04:05")
	from := ""
	if in.Msg != nil {
		from = in.Msg.From.Addr
	}
	switch o.Kind {
	case "enquiry":
		n := in.New
		if n == nil {
			fmt.Fprintf(p.out, "%s  %s  new enquiry from %s\n", ts, o.Ref, from)
			return
		}
		outlet := "no outlet"
		if n.Outlet != "" {
			outlet = n.Outlet + " (" + n.OutletTier + ")"
		}
		rel := "no release"
		if n.Release != "" {
			rel = fmt.Sprintf("release %s (%.2f, %s)", n.Release, n.ReleaseScore, n.ReleaseReason)
		}
		dl := ""
		if !n.Deadline.IsZero() {
			dl = "  deadline " + n.Deadline.In(p.loc).Format("Mon 2 Jan 2006 15:04")
		}
		fmt.Fprintf(p.out, "%s  %s  NEW        %-28s topic %-12s -> %-9s %s%s  first response due %s\n",
			ts, o.Ref, outlet, n.Topic, n.Officer, rel, dl, n.FirstResponseDue.In(p.loc).Format("15:04"))
	case "followup":
		fmt.Fprintf(p.out, "%s  %s  FOLLOW-UP  from %s (%s)\n", ts, o.Ref, from, o.Detail)
	case "automatic":
		ref := o.Ref
		if ref == "" {
			ref = strings.Repeat(" ", 16)
		}
		reason := ""
		if in.Msg != nil {
			reason = string(in.Msg.Automatic)
		}
		fmt.Fprintf(p.out, "%s  %s  AUTOMATIC  %s from %s: recorded, not acknowledged, no SLA\n", ts, ref, reason, from)
	case "quarantined":
		fmt.Fprintf(p.out, "%s  %16s  QUARANTINED %s\n", ts, "", o.Detail)
	}
}

// findShared looks for the shared data folder beside the checkout.
func findShared() string {
	for _, d := range []string{filepath.Join("..", "shared", "data"), filepath.Join("shared", "data")} {
		if st, err := os.Stat(filepath.Join(d, "enquiries")); err == nil && st.IsDir() {
			abs, _ := filepath.Abs(d)
			return abs
		}
	}
	return ""
}

// sampleEnquiries reads the labelled sample enquiries in order; their
// clocks start when they arrive in the mailbox (recentDates moves their
// Date headers to the last hours).
func sampleEnquiries(shared string) [][]byte {
	if shared == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(shared, "enquiries", "*.eml"))
	sort.Strings(files)
	var out [][]byte
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			out = append(out, b)
		}
	}
	return out
}

// overlay takes the shared example desk (its topics, officers, rota and
// outlets match the sample enquiries) and replaces what the demo must
// own: the mailbox, Redis, SMTP and release source of the embedded
// servers, and short SLA targets so warnings and breaches happen within
// minutes.
func overlay(base, demo []byte) ([]byte, error) {
	var b, d yaml.Node
	if err := yaml.Unmarshal(base, &b); err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(demo, &d); err != nil {
		return nil, err
	}
	if len(b.Content) == 0 || len(d.Content) == 0 {
		return nil, errors.New("empty document")
	}
	bm, dm := b.Content[0], d.Content[0]
	for _, key := range []string{"mailboxes", "redis", "smtp", "releases", "sla", "escalation", "ingest", "web", "alerts"} {
		var val *yaml.Node
		for i := 0; i+1 < len(dm.Content); i += 2 {
			if dm.Content[i].Value == key {
				val = dm.Content[i+1]
			}
		}
		if val == nil {
			continue
		}
		replaced := false
		for i := 0; i+1 < len(bm.Content); i += 2 {
			if bm.Content[i].Value == key {
				bm.Content[i+1] = val
				replaced = true
			}
		}
		if !replaced {
			bm.Content = append(bm.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, val)
		}
	}
	// The escalation manager must exist in the shared desk: keep its own.
	for i := 0; i+1 < len(bm.Content); i += 2 {
		if bm.Content[i].Value == "escalation" {
			bm.Content[i+1] = escalationFrom(base, bm.Content[i+1])
		}
	}
	return yaml.Marshal(&b)
}

// escalationFrom keeps the shared desk's escalation manager with the
// demo's short after_breach.
func escalationFrom(base []byte, demo *yaml.Node) *yaml.Node {
	var cfg struct {
		Escalation struct {
			Manager string `yaml:"manager"`
		} `yaml:"escalation"`
	}
	if yaml.Unmarshal(base, &cfg) != nil || cfg.Escalation.Manager == "" {
		return demo
	}
	for i := 0; i+1 < len(demo.Content); i += 2 {
		if demo.Content[i].Value == "manager" {
			demo.Content[i+1].Value = cfg.Escalation.Manager
		}
	}
	return demo
}
