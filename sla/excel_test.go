package sla

import (
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// TestExportCSVExcelAndZone: the per-enquiry CSV gives times in the desk's
// zone with the offset always written (a London winter time is +00:00,
// never "Z"); with the Excel option (excel=1 on the API) it starts with a
// UTF-8 byte-order mark, ends lines with CRLF, writes times as Excel reads
// them, and a name like "Blerina Çela" survives; the last column names the
// zone; the holding-reply clock's columns are named so.
func TestExportCSVExcelAndZone(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		e.clock.Set(time.Date(2023, 12, 4, 9, 0, 0, 0, time.UTC)) // London is on GMT: +00:00
		in := e.incoming(open{Topic: "europe", Officer: "moreau"})
		in.Msg.From.Name = "Blerina Çela"
		if out, err := e.st.Commit(e.ctx, []store.Incoming{in}, store.CommitOptions{WarnBefore: e.cfg.SLA.WarnBefore}); err != nil || out[0].Err != nil {
			t.Fatalf("commit: %v %+v", err, out)
		}
		mux := http.NewServeMux()
		e.service(nil).Register(mux)
		srv := httptest.NewServer(mux)
		defer srv.Close()
		get := func(path string) (*http.Response, []byte) {
			t.Helper()
			res, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			return res, b
		}
		head := exportHeader()
		col := func(name string) int {
			i := slices.Index(head, name)
			if i < 0 {
				t.Fatalf("no column %q in %v", name, head)
			}
			return i
		}
		for _, tc := range []struct {
			name, query   string
			bom, crlf     bool
			created, file string
		}{
			{"plain", "&format=csv", false, false, "2023-12-04T09:00:00+00:00", "enquiries-2023-12-04-2023-12-04.csv"},
			{"excel", "&format=csv&excel=1", true, true, "2023-12-04 09:00:00", "enquiries-2023-12-04-2023-12-04-excel.csv"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res, b := get("/api/reports/export?from=2023-12-04&to=2023-12-04" + tc.query)
				if res.StatusCode != 200 {
					t.Fatalf("%d %s", res.StatusCode, b)
				}
				if got := bytes.HasPrefix(b, []byte(UTF8BOM)); got != tc.bom {
					t.Errorf("byte-order mark %v, want %v: % x", got, tc.bom, b[:min(8, len(b))])
				}
				if got := bytes.Contains(b, []byte("\r\n")); got != tc.crlf {
					t.Errorf("CRLF %v, want %v", got, tc.crlf)
				}
				if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, tc.file) {
					t.Errorf("Content-Disposition %q, want %s", cd, tc.file)
				}
				rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(UTF8BOM)))).ReadAll()
				if err != nil || len(rows) != 2 {
					t.Fatalf("rows %v %v", rows, err)
				}
				if !slices.Equal(rows[0], head) {
					t.Errorf("header %v", rows[0])
				}
				r := rows[1]
				if r[col("created")] != tc.created || r[col("from_name")] != "Blerina Çela" || r[col("timezone")] != "Europe/London" {
					t.Errorf("created %q, from_name %q, timezone %q", r[col("created")], r[col("from_name")], r[col("timezone")])
				}
				if r[col("holding_reply_due")] == "" || strings.Contains(r[col("holding_reply_due")], "Z") {
					t.Errorf("holding_reply_due %q", r[col("holding_reply_due")])
				}
			})
		}
		if res, b := get("/api/reports/export?from=2023-12-04&to=2023-12-04&format=jsonl&excel=1"); res.StatusCode != 400 {
			t.Errorf("excel=1 with jsonl: %d %s", res.StatusCode, b)
		}
	})
}
