package sla

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// Export formats.
const (
	ExportCSV   = "csv"
	ExportJSONL = "jsonl"
)

// ExportClock is one clock of an exported enquiry.
type ExportClock struct {
	store.Clock
	// Within is set once the clock is met: whether in time.
	Within *bool `json:"within,omitempty"`
}

// ExportEnquiry is one enquiry as exported for an audit or an FOI
// request: every timestamp and the whole timeline, in desk time.
type ExportEnquiry struct {
	Ref            string                 `json:"ref"`
	Status         string                 `json:"status"`
	Created        time.Time              `json:"created"`
	InHours        bool                   `json:"in_hours"`
	Updated        time.Time              `json:"updated,omitzero"`
	ResolvedAt     time.Time              `json:"resolved_at,omitzero"`
	Subject        string                 `json:"subject"`
	From           string                 `json:"from"`
	FromName       string                 `json:"from_name,omitempty"`
	Outlet         string                 `json:"outlet,omitempty"`
	Tier           string                 `json:"outlet_tier,omitempty"`
	Topic          string                 `json:"topic"`
	Release        string                 `json:"release,omitempty"`
	Officer        string                 `json:"officer,omitempty"`
	Shift          string                 `json:"shift,omitempty"`
	Policy         string                 `json:"policy,omitempty"`
	Deadline       time.Time              `json:"deadline,omitzero"`
	DeadlinePhrase string                 `json:"deadline_phrase,omitempty"`
	Parent         string                 `json:"parent,omitempty"`
	Messages       int                    `json:"messages"`
	Clocks         map[string]ExportClock `json:"clocks"`
	Timeline       []store.Event          `json:"timeline"`

	// Channel is how the enquiry came: "email" (a watched mailbox), or
	// "phone" (or "email") for one logged on the dashboard.
	Channel string `json:"channel"`
	// Lang is the language the journalist wrote in (ISO 639-1; absent
	// when routing could not tell).
	Lang string `json:"lang,omitempty"`
}

// dims are the export's reporting dimensions, for report filters.
func (x *ExportEnquiry) dims() Dims {
	return Dims{Topic: x.Topic, Officer: x.Officer, Tier: x.Tier, Outlet: x.Outlet, Release: x.Release,
		Channel: x.Channel, Lang: x.Lang, InHours: x.InHours}
}

// ExportOptions shape an export.
type ExportOptions struct {
	// Format is csv or jsonl.
	Format string
	// Excel (csv only) starts the file with a UTF-8 byte-order mark, so
	// that Excel reads names such as "Blerina Çela" as UTF-8, ends lines
	// with CRLF, and writes times as "2006-01-02 15:04:05" in the desk's
	// zone, which Excel takes as dates; the timezone column names the zone.
	Excel bool
}

// UTF8BOM is the byte-order mark that tells spreadsheet programs a CSV
// file is UTF-8.
const UTF8BOM = "\uFEFF"

// Export writes every enquiry opened in the query's period (and matching
// its filter), oldest first, as CSV or JSON Lines; it returns how many.
// It reads the enquiries themselves, a page at a time.
func (r *Reporter) Export(ctx context.Context, q Query, format string, w io.Writer) (int, error) {
	return r.ExportTo(ctx, q, ExportOptions{Format: format}, w)
}

// ExportTo is Export with options. CSV times are in the desk's zone with
// the offset always written ("+00:00", never "Z", so winter times in
// London do not read as UTC), or in Excel's form with opt.Excel.
func (r *Reporter) ExportTo(ctx context.Context, q Query, opt ExportOptions, w io.Writer) (int, error) {
	format := opt.Format
	if format != ExportCSV && format != ExportJSONL {
		return 0, fmt.Errorf("export format %q: use csv or jsonl", format)
	}
	if opt.Excel && format != ExportCSV {
		return 0, fmt.Errorf("export format %q: the Excel option is for csv", format)
	}
	loc := r.cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	start, end := window(q, loc)
	refs, err := r.st.RefsCreated(ctx, start, end, 0, 0)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	var cw *csv.Writer
	enc := json.NewEncoder(w)
	if format == ExportCSV {
		if opt.Excel {
			if _, err := io.WriteString(w, UTF8BOM); err != nil {
				return 0, fmt.Errorf("export: %w", err)
			}
		}
		cw = csv.NewWriter(w)
		cw.UseCRLF = opt.Excel
		_ = cw.Write(exportHeader())
	}
	n := 0
	for i := 0; i < len(refs); i += 200 {
		chunk := refs[i:min(i+200, len(refs))]
		recs, err := r.st.EnquiriesWithTimeline(ctx, chunk)
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		for _, rec := range recs {
			x := r.exportOf(rec.Enquiry, rec.Timeline, loc)
			if !q.Filter.match(x.dims()) {
				continue
			}
			if cw != nil {
				_ = cw.Write(exportRecord(x, loc, opt.Excel))
			} else if err := enc.Encode(x); err != nil {
				return n, fmt.Errorf("export: %w", err)
			}
			n++
		}
		if cw != nil {
			cw.Flush()
			if err := cw.Error(); err != nil {
				return n, fmt.Errorf("export: %w", err)
			}
		}
	}
	return n, nil
}

func inLoc(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(loc)
}

// exportOf is an enquiry (decoded by the store) as exported, every time
// in desk time.
func (r *Reporter) exportOf(e *store.Enquiry, tl []store.Event, loc *time.Location) *ExportEnquiry {
	x := &ExportEnquiry{
		Ref: e.Ref, Status: string(e.Status), Created: inLoc(e.Created, loc), Updated: inLoc(e.Updated, loc),
		ResolvedAt: inLoc(e.ResolvedAt, loc), Subject: e.Subject, From: e.From, FromName: e.FromName,
		Outlet: e.Outlet, Tier: e.OutletTier, Topic: e.Topic, Release: e.Release, Officer: e.Officer,
		Shift: e.Shift, Policy: e.Policy, Deadline: inLoc(e.Deadline, loc), DeadlinePhrase: e.DeadlinePhrase,
		Parent: e.Parent, Messages: e.Messages, Clocks: map[string]ExportClock{}, Timeline: []store.Event{},
		Channel: ChannelOf(e.Channel), Lang: e.Lang,
	}
	x.InHours = r.hours.In(x.Created)
	for _, c := range ReportClocks {
		cl := e.Clocks[c]
		if cl.Due.IsZero() {
			continue
		}
		ec := ExportClock{Clock: store.Clock{Start: inLoc(cl.Start, loc), Due: inLoc(cl.Due, loc), Met: inLoc(cl.Met, loc),
			Warned: inLoc(cl.Warned, loc), Breached: inLoc(cl.Breached, loc), Escalated: inLoc(cl.Escalated, loc)}}
		if !ec.Met.IsZero() {
			in := !ec.Met.After(ec.Due)
			ec.Within = &in
		}
		x.Clocks[c] = ec
	}
	for _, ev := range tl {
		if ev.Type != "unreadable" {
			ev.At = ev.At.In(loc)
		}
		x.Timeline = append(x.Timeline, ev)
	}
	return x
}

var exportClockFields = []string{"start", "due", "met", "warned", "breached", "escalated", "within"}

func exportHeader() []string {
	h := []string{"ref", "status", "created", "in_hours", "topic", "officer", "outlet", "outlet_tier", "release", "policy",
		"from", "from_name", "subject", "deadline", "deadline_phrase", "updated", "resolved_at", "parent", "messages"}
	for _, c := range ReportClocks {
		for _, f := range exportClockFields {
			h = append(h, ClockColumn(c)+"_"+f)
		}
	}
	return append(h, "timeline", "channel", "lang", "timezone")
}

// CSV time layouts: the offset always written; Excel's own form.
const (
	csvTime   = "2006-01-02T15:04:05-07:00"
	excelTime = "2006-01-02 15:04:05"
)

func exportRecord(x *ExportEnquiry, loc *time.Location, excel bool) []string {
	layout := csvTime
	if excel {
		layout = excelTime
	}
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(loc).Format(layout)
	}
	rec := []string{x.Ref, x.Status, ts(x.Created), strconv.FormatBool(x.InHours), x.Topic, x.Officer, safeCell(x.Outlet), x.Tier, x.Release, x.Policy,
		safeCell(x.From), safeCell(x.FromName), safeCell(x.Subject), ts(x.Deadline), safeCell(x.DeadlinePhrase), ts(x.Updated), ts(x.ResolvedAt), x.Parent,
		strconv.Itoa(x.Messages)}
	for _, c := range ReportClocks {
		ec, ok := x.Clocks[c]
		if !ok {
			rec = append(rec, make([]string, len(exportClockFields))...)
			continue
		}
		within := ""
		if ec.Within != nil {
			within = strconv.FormatBool(*ec.Within)
		}
		rec = append(rec, ts(ec.Start), ts(ec.Due), ts(ec.Met), ts(ec.Warned), ts(ec.Breached), ts(ec.Escalated), within)
	}
	var tl strings.Builder
	for i, ev := range x.Timeline {
		if i > 0 {
			tl.WriteByte('\n')
		}
		fmt.Fprintf(&tl, "%s %s %s: %s", ts(ev.At), ev.Type, dash(ev.By), oneLine(ev.Text))
	}
	return append(rec, safeCell(tl.String()), x.Channel, x.Lang, loc.String())
}
