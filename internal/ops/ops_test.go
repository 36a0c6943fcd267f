package ops

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/clock"
)

func TestReadiness(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	down := errors.New("dial tcp 127.0.0.1:6379: connect: connection refused")
	for _, tc := range []struct {
		name    string
		ping    error
		folders []FolderStatus
		want    []string // substrings of the reasons, in order; nil: ready
	}{
		{name: "all well", folders: []FolderStatus{{Mailbox: "m", Folder: "INBOX", Held: true, Connected: true, LastSync: ago(time.Hour)}}},
		{name: "redis down", ping: down, want: []string{"redis unreachable: dial tcp"}},
		{name: "inside its backoff", folders: []FolderStatus{{Mailbox: "m", Folder: "INBOX", Held: true,
			LastSync: ago(90 * time.Second), Since: ago(time.Hour), MaxBackoff: time.Minute, LastError: "connection refused"}}},
		{name: "past its backoff", folders: []FolderStatus{{Mailbox: "m", Folder: "INBOX", Held: true,
			LastSync: ago(3 * time.Minute), Since: ago(time.Hour), MaxBackoff: time.Minute, LastError: "connection\nrefused"}},
			want: []string{"mailbox m:INBOX disconnected for 3m0s, past its backoff (1m0s): connection refused"}},
		{name: "never connected since the lease", folders: []FolderStatus{{Mailbox: "m", Folder: "Sent", Held: true,
			Since: ago(5 * time.Minute), MaxBackoff: time.Minute, LastError: "authentication failed"}},
			want: []string{"mailbox m:Sent disconnected for 5m0s"}},
		{name: "another replica holds it", folders: []FolderStatus{{Mailbox: "m", Folder: "INBOX", Held: false, Since: ago(time.Hour)}}},
		{name: "both", ping: down, folders: []FolderStatus{{Mailbox: "m", Folder: "INBOX", Held: true, Since: ago(time.Hour), MaxBackoff: time.Second}},
			want: []string{"redis unreachable", "mailbox m:INBOX"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Readiness{Ping: func(context.Context) error { return tc.ping }, Now: func() time.Time { return now },
				Folders: func() []FolderStatus { return tc.folders }}
			got := r.Check(context.Background())
			if len(got) != len(tc.want) {
				t.Fatalf("reasons %q, want %d like %q", got, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("reason %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

func TestHandler(t *testing.T) {
	m := NewMetrics(clock.Real{}, nil)
	ready := true
	h := Handler(m, &Readiness{Ping: func(context.Context) error {
		if ready {
			return nil
		}
		return errors.New("redis: connection refused")
	}})
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.String()
	}
	for _, tc := range []struct {
		path string
		code int
		body string
	}{
		{"/healthz", 200, "ok"},
		{"/readyz", 200, "ready"},
		{"/metrics", 200, "mediadesk_messages_total"},
		{"/", 404, ""},
		{"/login", 404, ""},
		{"/metrics/x", 404, ""},
	} {
		code, body := get(tc.path)
		if code != tc.code || !strings.Contains(body, tc.body) {
			t.Errorf("GET %s = %d %q, want %d containing %q", tc.path, code, body, tc.code, tc.body)
		}
	}
	ready = false
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "redis unreachable: redis: connection refused") {
		t.Errorf("readyz with redis down = %d %q", code, body)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("healthz with redis down = %d, want 200 (the process is alive)", code)
	}
}

func TestObserveOutcome(t *testing.T) {
	c := clock.NewFake(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	m := NewMetrics(c, nil)
	m.ObserveOutcome("enquiry", c.Now().Add(-3*time.Second))
	m.ObserveOutcome("followup", c.Now().Add(-time.Second))
	m.ObserveOutcome("dup-source", c.Now().Add(-time.Hour))
	m.ObserveOutcome("dup-message-id", time.Time{})
	m.ObserveOutcome("quarantined", time.Time{})
	out := scrapeText(t, m)
	for outcome, want := range map[string]string{"enquiry": "1", "followup": "1", "duplicate": "2", "quarantined": "1", "automatic": "0"} {
		if line := `mediadesk_messages_total{outcome="` + outcome + `"} ` + want; !strings.Contains(out, line+"\n") {
			t.Errorf("missing %s", line)
		}
	}
	// Duplicates and messages without an arrival time are not latencies.
	for _, line := range []string{"mediadesk_ingest_arrival_to_commit_seconds_count 2\n", "mediadesk_ingest_arrival_to_commit_seconds_sum 4\n",
		`mediadesk_ingest_arrival_to_commit_seconds_bucket{le="1"} 1` + "\n", `mediadesk_ingest_arrival_to_commit_seconds_bucket{le="5"} 2` + "\n"} {
		if !strings.Contains(out, line) {
			t.Errorf("missing %q", line)
		}
	}
}

func TestQuietGaugeOnlyInHours(t *testing.T) {
	c := clock.NewFake(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	m := NewMetrics(c, nil)
	in := true
	m.SetSources(Sources{InHours: func(time.Time) bool { return in }})
	c.Advance(40 * time.Minute)
	if v := scrapeValue(t, m, "mediadesk_desk_quiet_seconds"); v != "2400" {
		t.Errorf("quiet in hours after 40m = %s", v)
	}
	m.ObserveOutcome("enquiry", time.Time{})
	c.Advance(time.Minute)
	if v := scrapeValue(t, m, "mediadesk_desk_quiet_seconds"); v != "60" {
		t.Errorf("quiet a minute after a message = %s", v)
	}
	in = false
	if v := scrapeValue(t, m, "mediadesk_desk_quiet_seconds"); v != "0" {
		t.Errorf("quiet out of hours = %s", v)
	}
	if v := scrapeValue(t, m, "mediadesk_desk_in_hours"); v != "0" {
		t.Errorf("in hours = %s", v)
	}
}

// TestInstrumentLabelsRoutePatterns: request latency is labelled by the
// mux pattern, never by the raw path, so references and ids in URLs cannot
// multiply the series.
func TestInstrumentLabelsRoutePatterns(t *testing.T) {
	m := NewMetrics(clock.Real{}, nil)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /enquiries/{ref}", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("POST /enquiries/{ref}/{action}", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(303) })
	h := Instrument(m, mux, mux)
	for _, p := range []string{"/enquiries/FCDO-2026-000001", "/enquiries/FCDO-2026-000002", "/enquiries/%3Cscript%3E", "/nope/1", "/nope/2"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/enquiries/X/claim", nil))
	out := scrapeText(t, m)
	for _, want := range []string{
		`mediadesk_http_request_duration_seconds_count{code="2xx",route="GET /enquiries/{ref}"} 3`,
		`mediadesk_http_request_duration_seconds_count{code="4xx",route="unmatched"} 2`,
		`mediadesk_http_request_duration_seconds_count{code="3xx",route="POST /enquiries/{ref}/{action}"} 1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "FCDO-") || strings.Contains(out, "nope") {
		t.Errorf("a raw path became a label:\n%s", out)
	}
}

// scrapeText returns m's exposition text.
func scrapeText(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	Handler(m, &Readiness{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	return string(body)
}

// scrapeValue scrapes m and returns the value of the unlabelled series name.
func scrapeValue(t *testing.T, m *Metrics, name string) string {
	t.Helper()
	for _, l := range strings.Split(scrapeText(t, m), "\n") {
		if v, ok := strings.CutPrefix(l, name+" "); ok {
			return v
		}
	}
	t.Fatalf("%s not in the scrape", name)
	return ""
}
