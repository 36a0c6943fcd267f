package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

// TestServeSignalsChild is the `mediadesk serve` process of TestServeSignals.
func TestServeSignalsChild(t *testing.T) {
	if os.Getenv("MEDIADESK_SERVE_CHILD") != "1" {
		t.Skip("run by TestServeSignals")
	}
	os.Exit(cmdServe([]string{"--config", os.Getenv("CHILD_CONFIG")}, os.Stdout, os.Stderr))
}

const serveDesk = `desk:
  name: Serve Test Desk
  timezone: Europe/London
  reference_prefix: SRV
  address: press@serve.example.gov.uk
mailboxes:
  - {id: desk, address: "%s", security: none, username: %s, password_env: T_SERVE_IMAP_PW, folders: [INBOX]}
redis: {url_env: T_SERVE_REDIS_URL}
smtp: {address: "127.0.0.1:9", security: none, from: "Serve Test Desk <press@serve.example.gov.uk>"}
releases:
  sources: []
topics:
  - {id: general, name: General enquiries, fallback: true}
officers:
  - {id: ann, name: Ann Able, email: ann@serve.example.gov.uk, role: officer, topics: ["*"]}
  - {id: bob, name: Bob Baker, email: bob@serve.example.gov.uk, role: officer, topics: ["*"]}
  - {id: meg, name: Meg Manager, email: meg@serve.example.gov.uk, role: manager, topics: ["*"]}
rota:
  - {name: Duty desk, topics: ["*"], officers: [ann], start: "0 0 * * *", duration: 24h}
escalation: {manager: meg, after_breach: 30m}
sla:
  policies:
    - {id: standard, acknowledge: 15m, first_response: 2h, resolution: 24h}
  deadline_margin: 15m
  warn_before: 15m
outlets: []
web: {listen: "127.0.0.1:0"}
ops: {listen: "127.0.0.1:0", shutdown_timeout: 10s}
ingest: {poll_interval: 2s}
`

// TestServeSignals runs `mediadesk serve` as a child process on real
// servers (when installed): SIGHUP with an invalid file is refused and
// logged, the metric says so and the desk keeps serving; SIGHUP with a
// valid file applies it; SIGTERM stops IDLE, finishes, logs the stop and
// exits 0 within the shutdown bound.
func TestServeSignals(t *testing.T) {
	im := servertest.IMAP(t)
	r := servertest.Redis(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "desk.yaml")
	write := func(y string) {
		if err := os.WriteFile(path, []byte(y), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	good := fmt.Sprintf(serveDesk, im.Addr, im.Username)
	write(good)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run", "^TestServeSignalsChild$")
	cmd.Env = append(os.Environ(), "MEDIADESK_SERVE_CHILD=1", "CHILD_CONFIG="+path,
		"T_SERVE_REDIS_URL="+r.URL, "T_SERVE_IMAP_PW="+im.Password)
	logs := &lockedBuffer{}
	cmd.Stderr = logs
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("serve log:\n%s", logs.String())
		}
	})
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		end := time.Now().Add(30 * time.Second)
		for !cond() {
			select {
			case err := <-exited:
				t.Fatalf("serve exited (%v) while waiting for %s", err, what)
			default:
			}
			if time.Now().After(end) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	addrRe := regexp.MustCompile(`msg="operations listener \(metrics, health\)" addr=(\S+)`)
	var ops string
	waitFor("the operations listener", func() bool {
		m := addrRe.FindStringSubmatch(logs.String())
		if m != nil {
			ops = m[1]
		}
		return ops != ""
	})
	get := func(p string) (int, string) {
		resp, err := http.Get("http://" + ops + p)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitFor("ready", func() bool { c, _ := get("/readyz"); return c == 200 })
	if err := im.Append(context.Background(), "INBOX", []byte("From: jo@bbc.co.uk\r\nTo: press@serve.example.gov.uk\r\n"+
		"Subject: A question\r\nMessage-ID: <serve-1@bbc.co.uk>\r\n\r\nWhen is the visit?\r\n")); err != nil {
		t.Fatal(err)
	}
	metric := func(line string) bool { _, b := get("/metrics"); return strings.Contains(b, line+"\n") }
	waitFor("the message ingested", func() bool { return metric(`mediadesk_messages_total{outcome="enquiry"} 1`) })

	// SIGHUP with an invalid file: refused, logged with the key, metric 0.
	write(strings.Replace(good, "officers: [ann]", "officers: [nobody]", 1))
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor("the refusal", func() bool {
		return strings.Contains(logs.String(), "configuration reload refused") && metric("mediadesk_config_last_reload_success 0")
	})
	if !strings.Contains(logs.String(), "rota[0].officers[0]") {
		t.Error("the refused reload's error does not name the key")
	}
	if c, _ := get("/readyz"); c != 200 {
		t.Errorf("readyz after a refused reload: %d", c)
	}
	// SIGHUP with a valid file: applied.
	write(strings.Replace(good, "officers: [ann]", "officers: [bob]", 1))
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitFor("the reload", func() bool {
		return strings.Contains(logs.String(), `msg="configuration reloaded"`) && metric("mediadesk_config_last_reload_success 1")
	})
	// SIGTERM: a logged, clean stop within the bound (10s).
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve exited with %v after SIGTERM, want 0", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not exit within the 10s bound (+5s)")
	}
	if took := time.Since(start); took > 12*time.Second {
		t.Errorf("stop took %s, over the 10s bound", took)
	}
	for _, want := range []string{"stopping: IDLE and new work stopped", "stopped cleanly"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("serve log lacks %q", want)
		}
	}
}

// lockedBuffer collects a child's output safely.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
