package sla

import (
	"bytes"
	"encoding/csv"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// rowsOf is a report's rows as key → "label opened".
func rowsOf(r *Report) map[string]string {
	out := map[string]string{}
	for _, row := range r.Rows {
		out[row.Key] = row.Label + " " + strconv.FormatInt(row.Opened, 10)
	}
	return out
}

// TestReportByChannelAndLanguage: the rollups count enquiries by channel
// (mail from a mailbox is email) and by the language routing told, the
// report groups and filters by both with readable labels, and the
// drill-down and the export carry them.
func TestReportByChannelAndLanguage(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		refs := e.commit(
			open{Topic: "migration", Channel: store.ChannelPhone, Lang: "de"},
			open{Topic: "migration", Channel: store.ChannelPhone, Lang: "en"},
			open{Topic: "europe", Lang: "en"},
			open{Topic: "migration", Lang: "sq"},
			open{Topic: "europe", Channel: "email"},
		)
		e.clock.Advance(5 * time.Minute)
		e.respond(refs[0], "moreau", store.Holding)
		e.respond(refs[3], "moreau", store.Substantive)
		p, err := NewProjector(e.st, e.cfg, quiet)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.CatchUp(e.ctx); err != nil {
			t.Fatal(err)
		}
		rep, err := NewReporter(e.st, e.cfg, e.clock)
		if err != nil {
			t.Fatal(err)
		}
		day := StartOfDay(monday, e.cfg.Location)
		cases := []struct {
			name   string
			by     string
			filter Filter
			want   map[string]string
		}{
			{"by channel", ByChannel, Filter{}, map[string]string{"email": "Email 3", "phone": "Phone 2"}},
			{"by language", ByLanguage, Filter{}, map[string]string{"en": "English (en) 2", "de": "German (de) 1",
				"sq": "Albanian (sq) 1", "": "(not detected) 1"}},
			{"phone calls by language", ByLanguage, Filter{Channel: "phone"}, map[string]string{"en": "English (en) 1", "de": "German (de) 1"}},
			{"migration by channel", ByChannel, Filter{Topic: "migration"}, map[string]string{"email": "Email 1", "phone": "Phone 2"}},
			{"English by channel", ByChannel, Filter{Lang: "en"}, map[string]string{"email": "Email 1", "phone": "Phone 1"}},
			{"language not told by topic", ByTopic, Filter{Lang: LangNone}, map[string]string{"europe": "Europe 1"}},
		}
		for _, c := range cases {
			r, err := rep.Report(e.ctx, Query{From: day, To: day, By: c.by, Filter: c.filter, Breaches: -1})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got := rowsOf(r); !maps.Equal(got, c.want) {
				t.Errorf("%s: rows %v, want %v", c.name, got, c.want)
			}
			if c.by == ByChannel && c.filter == (Filter{}) {
				for _, row := range r.Rows {
					if row.Key == "phone" && row.Clocks[store.ClockAcknowledge].Met != 1 {
						t.Errorf("phone: holding reply met %d, want 1", row.Clocks[store.ClockAcknowledge].Met)
					}
					if row.OpenNow == 0 {
						t.Errorf("%s: open now 0", row.Key)
					}
				}
			}
		}
		// An outlet report cannot be cut by channel or language.
		if _, err := rep.Report(e.ctx, Query{From: day, To: day, By: ByOutlet, Filter: Filter{Channel: "phone"}}); err == nil {
			t.Error("by outlet filtered by channel: no error")
		}
		// The drill-down lists the enquiries behind a row.
		for _, c := range []struct {
			name  string
			f     Filter
			drill Drill
			want  []string
		}{
			{"German", Filter{Lang: "de"}, Drill{}, []string{refs[0]}},
			{"not detected", Filter{}, Drill{Empty: ByLanguage}, []string{refs[4]}},
			{"phone", Filter{Channel: "phone"}, Drill{}, []string{refs[0], refs[1]}},
			{"email", Filter{Channel: "email"}, Drill{}, []string{refs[2], refs[3], refs[4]}},
			{"phone, holding reply met", Filter{Channel: "phone"}, Drill{Clock: store.ClockAcknowledge, Outcome: "met"}, []string{refs[0]}},
		} {
			xs, n, err := rep.Enquiries(e.ctx, Query{From: day, To: day, Filter: c.f}, c.drill, 100)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range xs {
				got = append(got, x.Ref)
			}
			slices.Sort(got)
			if n != len(c.want) || !slices.Equal(got, c.want) {
				t.Errorf("drill %s: %v (%d), want %v", c.name, got, n, c.want)
			}
		}
		// The CSV export carries channel and language.
		var buf bytes.Buffer
		if _, err := rep.ExportTo(e.ctx, Query{From: day, To: day, Filter: Filter{Lang: "de"}}, ExportOptions{Format: ExportCSV}, &buf); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(recs) != 2 {
			t.Fatalf("export: %v, %d records", err, len(recs))
		}
		ch, lg := slices.Index(recs[0], "channel"), slices.Index(recs[0], "lang")
		if ch < 0 || lg < 0 || recs[1][0] != refs[0] || recs[1][ch] != "phone" || recs[1][lg] != "de" {
			t.Errorf("export header %v, row %v", recs[0], recs[1])
		}
	})
}

// TestRollupsBeforeChannels: cube cells written before channel and
// language were rolled up (five parts) read as email, language not told;
// events written before they carried channel and language take them from
// the enquiry.
func TestRollupsBeforeChannels(t *testing.T) {
	realAndMini(t, func(t *testing.T, newEnv func() *env) {
		e := newEnv()
		p, err := NewProjector(e.st, e.cfg, quiet)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := NewReporter(e.st, e.cfg, e.clock)
		if err != nil {
			t.Fatal(err)
		}
		day := StartOfDay(monday, e.cfg.Location)
		// An old cell: topic general, no officer, tier and release, in hours.
		dims := e.st.Prefix() + keyDims
		for id, f := range map[string]string{"901": "t:general", "902": "o:", "903": "g:", "904": "r:"} {
			if err := e.rdb.HSet(e.ctx, dims, f, id, "#"+id, f).Err(); err != nil {
				t.Fatal(err)
			}
		}
		if err := e.rdb.HSet(e.ctx, e.st.Prefix()+keyRollPrefix+DayKey(day, e.cfg.Location), "901.902.903.904.1", "n:2,am:1").Err(); err != nil {
			t.Fatal(err)
		}
		// A phone call in German whose events lack channel and language.
		ref := e.one(open{Topic: "general", Channel: store.ChannelPhone, Lang: "de"})
		var evs []Event
		for _, m := range e.events() {
			ev := DecodeEvent(m)
			delete(ev.Data, "channel")
			delete(ev.Data, "lang")
			evs = append(evs, ev)
		}
		if len(evs) == 0 || evs[0].Ref != ref {
			t.Fatalf("events %+v", evs)
		}
		if err := p.ApplyEvents(e.ctx, evs); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			by   string
			want map[string]int64
		}{
			{ByChannel, map[string]int64{"email": 2, "phone": 1}},
			{ByLanguage, map[string]int64{"": 2, "de": 1}},
			{ByTopic, map[string]int64{"general": 3}},
		} {
			r, err := rep.Report(e.ctx, Query{From: day, To: day, By: c.by})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int64{}
			for _, row := range r.Rows {
				got[row.Key] = row.Opened
			}
			if len(got) != len(c.want) {
				t.Errorf("by %s: %v, want %v", c.by, got, c.want)
			}
			for k, n := range c.want {
				if got[k] != n {
					t.Errorf("by %s: %q opened %d, want %d", c.by, k, got[k], n)
				}
			}
		}
	})
}

func TestQueryChannelAndLanguage(t *testing.T) {
	loc := time.UTC
	for _, c := range []struct {
		query   string
		want    Filter
		wantErr string
	}{
		{"channel=phone&lang=de", Filter{Channel: "phone", Lang: "de"}, ""},
		{"channel=Email&lang=SQ", Filter{Channel: "email", Lang: "sq"}, ""},
		{"lang=none", Filter{Lang: LangNone}, ""},
		{"channel=fax", Filter{}, "channel"},
		{"lang=german", Filter{}, "lang"},
		{"lang=d3", Filter{}, "lang"},
		{"by=language", Filter{}, ""},
		{"by=channel", Filter{}, ""},
	} {
		v, _ := url.ParseQuery(c.query)
		q, err := QueryFromValues(v, loc, monday)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one about %s", c.query, err, c.wantErr)
			}
			continue
		}
		if err != nil || q.Filter != c.want {
			t.Errorf("%s: %+v %v, want %+v", c.query, q.Filter, err, c.want)
		}
	}
}

func TestLabels(t *testing.T) {
	for _, c := range []struct {
		f        func(string) string
		in, want string
	}{
		{LanguageLabel, "de", "German (de)"},
		{LanguageLabel, "SQ", "Albanian (sq)"},
		{LanguageLabel, "sr", "Serbian (sr)"},
		{LanguageLabel, "", "(not detected)"},
		{LanguageLabel, "none", "(not detected)"},
		{LanguageLabel, "xq", "xq"},
		{ChannelLabel, "", "Email"},
		{ChannelLabel, "email", "Email"},
		{ChannelLabel, "phone", "Phone"},
	} {
		if got := c.f(c.in); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}
