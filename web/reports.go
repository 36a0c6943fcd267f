package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/sla"
)

// bar is one bar of a server-rendered SVG chart; Href drills down to the
// enquiries behind it.
type bar struct {
	Label, Text string
	Y           int
	Width       float64
	TextX       float64
	Class       string
	Href        string
}

// chart is a horizontal bar chart drawn as inline SVG (no script, no
// chart library).
type chart struct {
	Title  string
	Bars   []bar
	Height int
}

const (
	chartLabelW = 220
	chartBarW   = 320
	chartRowH   = 24
	chartMax    = 15
)

func barChart(title string, labels []string, values []float64, texts []string, classes []string, hrefs []string, max float64) chart {
	c := chart{Title: title}
	if max <= 0 {
		for _, v := range values {
			if v > max {
				max = v
			}
		}
	}
	for i := range labels {
		if i == chartMax {
			break
		}
		w := 0.0
		if max > 0 {
			w = values[i] / max * chartBarW
		}
		label := labels[i]
		if len([]rune(label)) > 32 {
			label = string([]rune(label)[:31]) + "…"
		}
		cl := "bar"
		if classes != nil {
			cl = classes[i]
		}
		href := ""
		if hrefs != nil {
			href = hrefs[i]
		}
		c.Bars = append(c.Bars, bar{Label: label, Text: texts[i], Y: 8 + i*chartRowH, Width: w, TextX: chartLabelW + w + 6, Class: cl, Href: href})
	}
	c.Height = 16 + len(c.Bars)*chartRowH
	return c
}

// volumeChart charts how many enquiries each group opened; each bar links
// to its enquiries.
func volumeChart(title string, rows []drillRow) chart {
	var labels, texts, hrefs []string
	var values []float64
	for _, dr := range rows {
		r := dr.Row
		hrefs = append(hrefs, dr.Href)
		l := r.Label
		if l == "" {
			l = r.Key
		}
		if l == "" {
			l = "(none)"
		}
		labels = append(labels, l)
		values = append(values, float64(r.Opened))
		texts = append(texts, strconv.FormatInt(r.Opened, 10))
	}
	return barChart(title, labels, values, texts, nil, hrefs, 0)
}

// complianceChart charts the share of each clock met in time; each bar
// links to the enquiries that clock ran on (drill builds the link).
func complianceChart(total sla.Row, drill func(extra ...string) string) chart {
	var labels, texts, classes, hrefs []string
	var values []float64
	for _, c := range sla.ReportClocks {
		st := total.Clocks[c]
		if st == nil || st.MetShare == nil {
			continue
		}
		labels = append(labels, clockName(c))
		hrefs = append(hrefs, drill("clock", c))
		values = append(values, *st.MetShare*100)
		texts = append(texts, strconv.FormatFloat(*st.MetShare*100, 'f', 1, 64)+"%")
		cl := "bar good"
		switch {
		case *st.MetShare < 0.8:
			cl = "bar bad"
		case *st.MetShare < 0.95:
			cl = "bar warn"
		}
		classes = append(classes, cl)
	}
	return barChart("Share met within target", labels, values, texts, classes, hrefs, 100)
}

// drillRow is a report row with the link to its enquiries.
type drillRow struct {
	sla.Row
	Href string
}

type grouping struct {
	By    string
	Title string
	Rows  []drillRow
	Chart chart
	// Note says why a grouping is not shown (the page's filter does not
	// combine with it: outlets only with the day and hours).
	Note string
}

type reportsData struct {
	From, To    string
	Error       string
	Unavailable bool
	// Filtered says in words which enquiries the page counts when its
	// URL narrows them (a drill-down's "Back"); AllHref drops the filter.
	Filtered, AllHref string
	Report            *sla.Report
	Compliance        chart
	Trend             trend
	Groupings         []grouping
	// Drill links the compliance table's figures: clock → outcome → href.
	Drill map[string]map[string]string
	// ExportExcel is the CSV export for Excel (UTF-8 byte-order mark).
	ExportExcel string
	ExportCSV   string
	ExportJSONL string
	BreachesAPI string
	Clocks      []string
}

// reportsPage is the managers' SLA report: compliance per clock, median
// and 90th percentile times, volumes by topic, officer, outlet and release,
// in-hours against out-of-hours, and the breaches with links to them.
func (s *Server) reportsPage(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("list") == "1" && s.o.Reports != nil {
		s.reportList(w, r)
		return
	}
	d := reportsData{Clocks: sla.ReportClocks}
	p := &page{Title: "Reports", Nav: "reports", Data: &d}
	if s.o.Reports == nil {
		d.Unavailable = true
		s.render(w, r, http.StatusOK, "reports", p)
		return
	}
	v := r.URL.Query()
	q, err := sla.QueryFromValues(v, s.cfg.Location, s.clock.Now())
	d.From, d.To = v.Get("from"), v.Get("to")
	if err != nil {
		d.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "reports", p)
		return
	}
	d.From, d.To = q.From.Format("2006-01-02"), q.To.Format("2006-01-02")
	q.By, q.Breaches = "", 100
	ctx := r.Context()
	rep, err := s.o.Reports.Report(ctx, q)
	if errors.Is(err, sla.ErrBadQuery) {
		d.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "reports", p)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Report = rep
	if !q.Filter.Empty() {
		d.Filtered = describeDrill(s, v, sla.Drill{})
		d.AllHref = "/reports?" + url.Values{"from": {d.From}, "to": {d.To}}.Encode()
	}
	drill := drillLinker(v, d.From, d.To)
	d.Compliance = complianceChart(rep.Total, drill)
	d.Drill = map[string]map[string]string{}
	for _, c := range sla.ReportClocks {
		d.Drill[c] = map[string]string{"": drill("clock", c)}
		for _, o := range sla.DrillOutcomes {
			d.Drill[c][o] = drill("clock", c, "outcome", o)
		}
	}
	dq := q
	dq.By, dq.Breaches = sla.ByDay, 0
	days, err := s.o.Reports.Report(ctx, dq)
	if err != nil && !errors.Is(err, sla.ErrBadQuery) {
		s.fail(w, r, err)
		return
	}
	if err == nil {
		d.Trend = trendChart(days.Rows, q.From, q.To, s.cfg.Location, drill)
	}
	for _, g := range []struct{ by, title string }{
		{sla.ByTopic, "By topic"}, {sla.ByOfficer, "By officer"}, {sla.ByOutlet, "By outlet"},
		{sla.ByRelease, "By release"}, {sla.ByChannel, "By channel"}, {sla.ByLanguage, "By language"},
		{sla.ByHours, "In hours and out of hours"},
	} {
		gq := q
		gq.By, gq.Breaches = g.by, 0
		gr, err := s.o.Reports.Report(ctx, gq)
		if errors.Is(err, sla.ErrBadQuery) && !q.Filter.Empty() {
			// The page's filter does not combine with this grouping (an
			// outlet with a topic, say): say so and show the others.
			d.Groupings = append(d.Groupings, grouping{By: g.by, Title: g.title,
				Note: "Not shown for " + d.Filtered + ": " + strings.TrimSuffix(err.Error(), ": "+sla.ErrBadQuery.Error())})
			continue
		}
		if errors.Is(err, sla.ErrBadQuery) {
			d.Error = err.Error()
			s.render(w, r, http.StatusBadRequest, "reports", p)
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if g.by == sla.ByRelease {
			s.releaseTitles(ctx, gr.Rows)
		}
		rows := make([]drillRow, len(gr.Rows))
		for i, row := range gr.Rows {
			rows[i] = drillRow{Row: row, Href: drill(groupParams(g.by, row.Key)...)}
		}
		d.Groupings = append(d.Groupings, grouping{By: g.by, Title: g.title, Rows: rows, Chart: volumeChart("Enquiries opened, "+g.title, rows)})
	}
	export := url.Values{}
	for k, vs := range v {
		export[k] = vs
	}
	export.Set("from", d.From)
	export.Set("to", d.To)
	export.Set("format", "csv")
	d.ExportCSV = "/api/reports/export?" + export.Encode()
	export.Set("excel", "1")
	d.ExportExcel = "/api/reports/export?" + export.Encode()
	export.Del("excel")
	export.Set("format", "jsonl")
	d.ExportJSONL = "/api/reports/export?" + export.Encode()
	export.Del("format")
	d.BreachesAPI = "/api/reports/breaches?" + export.Encode()
	s.render(w, r, http.StatusOK, "reports", p)
}

// stat reads one clock's stats from a row (nil-safe in templates).
func stat(r sla.Row, clock string) *sla.ClockStats {
	if st := r.Clocks[clock]; st != nil {
		return st
	}
	return &sla.ClockStats{}
}

// releaseTitles labels the "by release" rows with the releases' titles
// (the id when the release is no longer in the catalogue).
func (s *Server) releaseTitles(ctx context.Context, rows []sla.Row) {
	if s.releases == nil {
		return
	}
	for i := range rows {
		if rows[i].Key == "" {
			continue
		}
		rel, ok, err := s.releases.Get(ctx, rows[i].Key)
		if err != nil {
			s.log.Warn("report: read release", "release", rows[i].Key, "err", err)
			continue
		}
		if ok && rel.Title != "" {
			rows[i].Label = rel.Title
		}
	}
}

// reportFilters are the report's filter parameters (sla.QueryFromValues).
var reportFilters = []string{"topic", "officer", "tier", "outlet", "release", "channel", "lang", "hours"}

// drillLinker makes links to the report's enquiries list (/reports?list=1)
// for the page's period and filters plus extra key, value pairs.
func drillLinker(v url.Values, from, to string) func(extra ...string) string {
	return func(extra ...string) string {
		q := url.Values{}
		for _, k := range reportFilters {
			if x := v.Get(k); x != "" {
				q.Set(k, x)
			}
		}
		q.Set("from", from)
		q.Set("to", to)
		for i := 0; i+1 < len(extra); i += 2 {
			q.Set(extra[i], extra[i+1])
		}
		q.Set("list", "1")
		return "/reports?" + q.Encode()
	}
}

// groupParams are the query parameters selecting a report row's group:
// its key under its dimension, or empty=<dimension> for the "(none)" row.
func groupParams(by, key string) []string {
	switch by {
	case sla.ByHours:
		return []string{"hours", key}
	case sla.ByDay:
		return []string{"from", key, "to", key}
	case sla.ByChannel:
		return []string{"channel", key}
	case sla.ByLanguage:
		if key == "" {
			return []string{"lang", sla.LangNone}
		}
		return []string{"lang", key}
	}
	if key == "" {
		return []string{"empty", by}
	}
	return []string{by, key}
}

// reportListData is the enquiries behind one figure of the report.
type reportListData struct {
	From, To  string
	What      string
	Back      string
	Clock     string
	Enquiries []drillItem
	Total     int
	Error     string
}

// drillItem is one enquiry of a drill-down, with the drilled clock.
type drillItem struct {
	sla.ExportEnquiry
	Due, Met       time.Time
	Late, Breached bool
}

// reportLister lists the enquiries behind a report's figure
// (sla.Reporter).
type reportLister interface {
	Enquiries(ctx context.Context, q sla.Query, d sla.Drill, limit int) ([]sla.ExportEnquiry, int, error)
}

// reportListLimit is how many enquiries a drill-down lists.
const reportListLimit = 500

// reportList is the drill-down from the report: /reports?list=1 with the
// report's period and filters, and clock, outcome or empty.
func (s *Server) reportList(w http.ResponseWriter, r *http.Request) {
	d := reportListData{}
	p := &page{Title: "Report: enquiries", Nav: "reports", Data: &d}
	lister, ok := s.o.Reports.(reportLister)
	if !ok {
		d.Error = "Listing enquiries is not available on this desk."
		s.render(w, r, http.StatusOK, "reportlist", p)
		return
	}
	v := r.URL.Query()
	q, err := sla.QueryFromValues(v, s.cfg.Location, s.clock.Now())
	dr := sla.Drill{Clock: v.Get("clock"), Outcome: v.Get("outcome"), Empty: v.Get("empty")}
	d.From, d.To, d.Clock = q.From.Format("2006-01-02"), q.To.Format("2006-01-02"), dr.Clock
	back := url.Values{}
	for k, vs := range v {
		switch k {
		case "list", "clock", "outcome", "empty":
		default:
			back[k] = vs
		}
	}
	d.Back = "/reports?" + back.Encode()
	if err != nil { // a bad period or filter: the manager's typing
		d.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "reportlist", p)
		return
	}
	var xs []sla.ExportEnquiry
	xs, d.Total, err = lister.Enquiries(r.Context(), q, dr, reportListLimit)
	for _, x := range xs {
		it := drillItem{ExportEnquiry: x}
		if c, ok := x.Clocks[dr.Clock]; ok {
			it.Due, it.Met = c.Due, c.Met
			it.Late = c.Within != nil && !*c.Within
			it.Breached = !c.Breached.IsZero()
		}
		d.Enquiries = append(d.Enquiries, it)
	}
	if errors.Is(err, sla.ErrBadQuery) {
		d.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "reportlist", p)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.What = describeDrill(s, v, dr)
	s.render(w, r, http.StatusOK, "reportlist", p)
}

// describeDrill says in words what a drill-down lists.
func describeDrill(s *Server, v url.Values, dr sla.Drill) string {
	var parts []string
	if dr.Clock != "" {
		c := clockName(dr.Clock)
		switch dr.Outcome {
		case "met":
			c += " met in time"
		case "late":
			c += " met late"
		case "breached":
			c += " breached"
		default:
			c += " clock running"
		}
		parts = append(parts, c)
	}
	for _, k := range reportFilters {
		x := v.Get(k)
		if x == "" {
			continue
		}
		switch k {
		case "channel":
			x = sla.ChannelLabel(strings.ToLower(x))
		case "lang":
			k, x = "language", sla.LanguageLabel(x)
		case "topic":
			if t := s.cfg.Topic(x); t != nil {
				x = t.Name
			}
		case "officer":
			if o := s.cfg.Officer(x); o != nil {
				x = o.Name
			}
		case "hours":
			x = sla.HoursLabel(x == "in")
		}
		parts = append(parts, fmt.Sprintf("%s %s", k, x))
	}
	if dr.Empty != "" {
		parts = append(parts, "no "+dr.Empty)
	}
	if len(parts) == 0 {
		return "all enquiries"
	}
	return strings.Join(parts, ", ")
}
