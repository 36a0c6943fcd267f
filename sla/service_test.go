package sla

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

func (e *env) service(n Notifier) *Service {
	e.t.Helper()
	svc, err := NewService(e.st, e.cfg, Options{Clock: e.clock, Logger: quiet, Notifier: n})
	if err != nil {
		e.t.Fatal(err)
	}
	return svc
}

func TestDigestOncePerDayAcrossReplicas(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		london := e.cfg.Location
		// Friday 27 Oct 2023 to Tuesday 31 Oct: the clocks go back on the
		// Sunday. The digest runs at 08:00 desk time every day.
		e.clock.Set(time.Date(2023, 10, 27, 7, 0, 0, 0, london))
		e.commit(open{Tier: "wire", Topic: "europe", Officer: "moreau"}, open{Topic: "general", Officer: "walsh"})
		rec := newRecorder()
		a, b := e.service(rec), e.service(rec)
		var wg sync.WaitGroup
		for step := 0; step < 4*24*12+3*12; step++ { // every 5 minutes to 09:00 on the 31st (the DST hour included)
			e.clock.Advance(5 * time.Minute)
			for _, s := range []*Service{a, b} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := s.Tick(e.ctx); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
		}
		var digests []Notice
		for _, n := range rec.sent {
			if n.Kind == NoticeDigest {
				digests = append(digests, n)
			}
		}
		want := []string{"2023-10-27T08:00", "2023-10-28T08:00", "2023-10-29T08:00", "2023-10-30T08:00", "2023-10-31T08:00"}
		if len(digests) != len(want) {
			t.Fatalf("%d digests: %+v", len(digests), digests)
		}
		for i, d := range digests {
			if d.Key != "report:digest:"+want[i] || strings.Join(d.To, ",") != "grant" || d.Emails[0] != "fiona.grant@press.example.gov.uk" {
				t.Errorf("digest %d: %s to %v %v", i, d.Key, d.To, d.Emails)
			}
			if rec.calls[d.Key] != 1 {
				t.Errorf("digest %s handed over %d times", d.Key, rec.calls[d.Key])
			}
		}
		if !strings.Contains(digests[0].Subject, "SLA digest for Thu 26 Oct 2023") || !strings.Contains(digests[1].Text, "opened 2023-10-27 to 2023-10-27") {
			t.Errorf("digest content: %q\n%s", digests[0].Subject, digests[1].Text)
		}
		if !strings.Contains(digests[1].Text, "Total") {
			t.Errorf("digest text:\n%s", digests[1].Text)
		}
		// A replica started at 09:00 sends a missed 08:00 digest; one
		// started after the grace does not send it.
		e.reset()
		e.clock.Set(time.Date(2023, 11, 1, 9, 0, 0, 0, london))
		c := e.service(rec)
		if n, err := c.Digest.Tick(e.ctx, e.clock.Now()); err != nil || n != 1 {
			t.Errorf("late start: %d digests, %v", n, err)
		}
		e.reset()
		e.clock.Set(time.Date(2023, 11, 1, 15, 0, 0, 0, london))
		d := e.service(rec)
		if n, err := d.Digest.Tick(e.ctx, e.clock.Now()); err != nil || n != 0 {
			t.Errorf("start after the grace: %d digests, %v", n, err)
		}
		if next := d.Digest.Next(); !next.Equal(time.Date(2023, 11, 2, 8, 0, 0, 0, london)) {
			t.Errorf("next digest %s", next)
		}
	})
}

// TestDigestSettle: a reindex records the digests due by its end as done
// (a Redis that lost its record cannot say whether they went), so the next
// serve sends nothing for the past and the following day's digest as
// usual; a fire already recorded stays as it was.
func TestDigestSettle(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		london := e.cfg.Location
		e.clock.Set(time.Date(2023, 11, 1, 9, 0, 0, 0, london)) // the 08:00 digest is within the grace
		rec := newRecorder()
		svc := e.service(rec)
		if n, err := svc.Digest.Settle(e.ctx, e.clock.Now()); err != nil || n != 1 {
			t.Fatalf("settle: %d recorded, %v; want 1", n, err)
		}
		if n, err := svc.Digest.Settle(e.ctx, e.clock.Now()); err != nil || n != 0 {
			t.Errorf("settle again: %d recorded, %v; want 0", n, err)
		}
		if n, err := svc.Digest.Tick(e.ctx, e.clock.Now()); err != nil || n != 0 {
			t.Errorf("tick after settle: %d digests, %v; want none for the past", n, err)
		}
		e.clock.Set(time.Date(2023, 11, 2, 8, 5, 0, 0, london))
		if n, err := svc.Digest.Tick(e.ctx, e.clock.Now()); err != nil || n != 1 {
			t.Errorf("the next day: %d digests, %v; want 1", n, err)
		}
	})
}

func TestAPIAndFormats(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		refs := e.commit(
			open{Tier: "broadcast", Outlet: "Example TV", Topic: "europe", Officer: "moreau"},
			open{Tier: "wire", Outlet: "Example Wire", Topic: "migration", Officer: "patel"},
			open{Topic: "general", Officer: "walsh"},
		)
		svc := e.service(nil)
		e.clock.Advance(3 * time.Minute)
		e.respond(refs[0], "moreau", store.Substantive) // ack and first response in 3m
		e.clock.Advance(20 * time.Minute)               // Example Wire: ack (5m) breached; general ack (15m) breached
		if _, err := svc.Tick(e.ctx); err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(time.Minute)
		e.respond(refs[1], "patel", store.Holding) // late
		if _, err := svc.Tick(e.ctx); err != nil {
			t.Fatal(err)
		}
		mux := http.NewServeMux()
		svc.Register(mux)
		srv := httptest.NewServer(mux)
		defer srv.Close()
		get := func(path string, status int) []byte {
			t.Helper()
			res, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != status {
				t.Fatalf("%s: %d %s", path, res.StatusCode, b)
			}
			return b
		}
		var rep Report
		if err := json.Unmarshal(get("/api/reports/summary?from=2023-10-16&to=2023-10-16&by=topic", 200), &rep); err != nil {
			t.Fatal(err)
		}
		ack := rep.Total.Clocks[store.ClockAcknowledge]
		if rep.Total.Opened != 3 || ack.Met != 1 || ack.Breached != 2 || ack.Late != 1 || ack.Timed != 2 || rep.BreachCount != 2 || len(rep.Rows) != 3 {
			t.Fatalf("report %+v, ack %+v", rep.Total, ack)
		}
		// Only the general enquiry has a clock past due and unmet (the
		// Example Wire acknowledge was met late).
		if rep.Total.OpenNow != 3 || rep.Total.OverdueNow != 1 {
			t.Errorf("open %d overdue %d", rep.Total.OpenNow, rep.Total.OverdueNow)
		}
		if rep.Breaches[0].Ref == "" || rep.Breaches[0].Clock != store.ClockAcknowledge {
			t.Errorf("breaches %+v", rep.Breaches)
		}
		var br struct {
			Count    int      `json:"count"`
			Breaches []Breach `json:"breaches"`
		}
		_ = json.Unmarshal(get("/api/reports/breaches?from=2023-10-16&to=2023-10-16&topic=migration", 200), &br)
		if br.Count != 1 || len(br.Breaches) != 1 || br.Breaches[0].Ref != refs[1] || br.Breaches[0].Met.IsZero() {
			t.Errorf("breaches of migration: %+v", br)
		}
		exp := get("/api/reports/export?from=2023-10-16&to=2023-10-16&format=jsonl", 200)
		lines := strings.Split(strings.TrimSpace(string(exp)), "\n")
		if len(lines) != 3 {
			t.Fatalf("export: %d lines", len(lines))
		}
		var x ExportEnquiry
		if err := json.Unmarshal([]byte(lines[0]), &x); err != nil {
			t.Fatal(err)
		}
		if x.Ref != refs[0] || x.Clocks[store.ClockFirstResponse].Met.IsZero() || *x.Clocks[store.ClockFirstResponse].Within != true || len(x.Timeline) < 2 || !x.InHours {
			t.Errorf("export %+v", x)
		}
		rows, err := csv.NewReader(bytes.NewReader(get("/api/reports/export?from=2023-10-16&to=2023-10-16&format=csv&officer=patel", 200))).ReadAll()
		if err != nil || len(rows) != 2 || rows[1][0] != refs[1] || len(rows[1]) != len(exportHeader()) {
			t.Errorf("csv export: %v %v", rows, err)
		}
		var clocks struct {
			Clocks []LiveClock `json:"clocks"`
		}
		_ = json.Unmarshal(get("/api/sla/clocks", 200), &clocks)
		if len(clocks.Clocks) == 0 || clocks.Clocks[0].State != StateBreached || !strings.HasPrefix(clocks.Clocks[0].Countdown(), "overdue by") {
			t.Errorf("clocks %+v", clocks.Clocks)
		}
		var status Status
		_ = json.Unmarshal(get("/api/sla/status", 200), &status)
		if status.Rollups.Lag != 0 || status.Breach == 0 {
			t.Errorf("status %+v", status)
		}
		get("/api/reports/summary?from=2023-10-17&to=2023-10-16", 400)
		get("/api/reports/summary?by=colour", 400)
		get("/api/reports/summary?from=16/10/2023", 400)
		get("/api/reports/export?format=xml", 400)
		get("/api/reports/summary?by=outlet&topic=europe", 400)

		// Formats.
		var tb bytes.Buffer
		if err := Write(&tb, &rep, FormatTable, e.cfg.Location); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"SLA report for enquiries opened 2023-10-16 to 2023-10-16", "Europe", "100.0% (1/1)", "Breaches: 2", refs[1], "holding reply", "Total"} {
			if !strings.Contains(tb.String(), want) {
				t.Errorf("table lacks %q:\n%s", want, tb.String())
			}
		}
		var cb bytes.Buffer
		if err := Write(&cb, &rep, FormatCSV, e.cfg.Location); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&cb).ReadAll()
		if err != nil || len(recs) != 5 || recs[4][0] != "total" || recs[4][2] != "3" {
			t.Errorf("csv %v %v", recs, err)
		}
		if safeCell("=HYPERLINK(\"x\")") != "'=HYPERLINK(\"x\")" || safeCell("plain") != "plain" {
			t.Error("safeCell")
		}
	})
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45s", 4*time.Minute + 30*time.Second: "4m30s", 5 * time.Minute: "5m",
		time.Hour + 52*time.Minute: "1h52m", 51 * time.Hour: "2d03h", -90 * time.Second: "-1m30s",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("%s: %s, want %s", d, got, want)
		}
	}
}

func TestBuckets(t *testing.T) {
	prev := -1
	for d := time.Duration(0); d < 15*24*time.Hour; d += 7 * time.Minute {
		b := Bucket(d)
		lo, hi := BucketRange(b)
		if b < prev || d < lo || (hi != 0 && d >= hi) {
			t.Fatalf("%s: bucket %d [%s, %s)", d, b, lo, hi)
		}
		if d < 8*time.Hour && hi-lo != time.Minute {
			t.Fatalf("%s: bucket width %s", d, hi-lo)
		}
		prev = b
	}
	if Bucket(20*24*time.Hour) != bucketOpen {
		t.Error("open bucket")
	}
	h := make([]int64, bucketOpen+1)
	for _, m := range []int{1, 2, 3, 4, 10} {
		h[m]++
	}
	if p, _ := Percentile(h, 0.5); p != 3*time.Minute+30*time.Second {
		t.Errorf("median %s", p)
	}
	if p, _ := Percentile(h, 0.9); p != 10*time.Minute+30*time.Second {
		t.Errorf("p90 %s", p)
	}
	if _, ok := Percentile(make([]int64, 3), 0.5); ok {
		t.Error("empty histogram")
	}
}
