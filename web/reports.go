package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/mediadesk/mediadesk/sla"
)

// bar is one bar of a server-rendered SVG chart.
type bar struct {
	Label, Text string
	Y           int
	Width       float64
	TextX       float64
	Class       string
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

func barChart(title string, labels []string, values []float64, texts []string, classes []string, max float64) chart {
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
		c.Bars = append(c.Bars, bar{Label: label, Text: texts[i], Y: 8 + i*chartRowH, Width: w, TextX: chartLabelW + w + 6, Class: cl})
	}
	c.Height = 16 + len(c.Bars)*chartRowH
	return c
}

// volumeChart charts how many enquiries each group opened.
func volumeChart(title string, rows []sla.Row) chart {
	var labels, texts []string
	var values []float64
	for _, r := range rows {
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
	return barChart(title, labels, values, texts, nil, 0)
}

// complianceChart charts the share of each clock met in time.
func complianceChart(total sla.Row) chart {
	var labels, texts, classes []string
	var values []float64
	for _, c := range sla.ReportClocks {
		st := total.Clocks[c]
		if st == nil || st.MetShare == nil {
			continue
		}
		labels = append(labels, clockName(c))
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
	return barChart("Share met within target", labels, values, texts, classes, 100)
}

type grouping struct {
	By    string
	Title string
	Rows  []sla.Row
	Chart chart
}

type reportsData struct {
	From, To    string
	Error       string
	Unavailable bool
	Report      *sla.Report
	Compliance  chart
	Groupings   []grouping
	ExportCSV   string
	ExportJSONL string
	BreachesAPI string
	Clocks      []string
}

// reportsPage is the managers' SLA report: compliance per clock, median
// and 90th percentile times, volumes by topic, officer, outlet and release,
// in-hours against out-of-hours, and the breaches with links to them.
func (s *Server) reportsPage(w http.ResponseWriter, r *http.Request) {
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
	d.Compliance = complianceChart(rep.Total)
	for _, g := range []struct{ by, title string }{
		{sla.ByTopic, "By topic"}, {sla.ByOfficer, "By officer"}, {sla.ByOutlet, "By outlet"},
		{sla.ByRelease, "By release"}, {sla.ByHours, "In hours and out of hours"},
	} {
		gq := q
		gq.By, gq.Breaches = g.by, 0
		gr, err := s.o.Reports.Report(ctx, gq)
		if errors.Is(err, sla.ErrBadQuery) {
			d.Error = err.Error()
			s.render(w, r, http.StatusBadRequest, "reports", p)
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		d.Groupings = append(d.Groupings, grouping{By: g.by, Title: g.title, Rows: gr.Rows, Chart: volumeChart("Enquiries opened, "+g.title, gr.Rows)})
	}
	export := url.Values{}
	for k, vs := range v {
		export[k] = vs
	}
	export.Set("from", d.From)
	export.Set("to", d.To)
	export.Set("format", "csv")
	d.ExportCSV = "/api/reports/export?" + export.Encode()
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
