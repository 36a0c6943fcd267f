package sla

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Report formats.
const (
	FormatTable = "table"
	FormatCSV   = "csv"
	FormatJSON  = "json"
)

// Write renders rep in format (table, csv or json).
func Write(w io.Writer, rep *Report, format string, loc *time.Location) error {
	switch format {
	case "", FormatTable:
		return WriteTable(w, rep, loc)
	case FormatCSV:
		return WriteCSV(w, rep)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	}
	return fmt.Errorf("unknown format %q: use table, csv or json", format)
}

// FormatDuration writes a duration compactly: 45s, 4m30s, 1h52m, 2d3h.
func FormatDuration(d time.Duration) string {
	if d < 0 {
		return "-" + FormatDuration(-d)
	}
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	case d < time.Hour:
		m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
		if s == 0 {
			return fmt.Sprintf("%dm", m)
		}
		return fmt.Sprintf("%dm%02ds", m, s)
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d/time.Hour), int(d%time.Hour/time.Minute))
	}
	return fmt.Sprintf("%dd%02dh", int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour))
}

func share(s *ClockStats) string {
	if s.MetShare == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", *s.MetShare*100, s.Met, s.Met+s.Breached)
}

func dur(s *ClockStats, d Duration) string {
	if s.Timed == 0 {
		return "-"
	}
	return FormatDuration(time.Duration(d))
}

// WriteTable renders a report for people.
func WriteTable(w io.Writer, rep *Report, loc *time.Location) error {
	if loc == nil {
		loc = time.UTC
	}
	ew := &errWriter{w: w}
	title := fmt.Sprintf("%s: SLA report for enquiries opened %s to %s (%s)", rep.Desk, rep.From, rep.To, rep.Timezone)
	if rep.By != "" {
		title += ", by " + rep.By
	}
	ew.printf("%s\n", title)
	if f := describeFilter(rep.Filter); f != "" {
		ew.printf("only %s\n", f)
	}
	ew.printf("in hours: %s\n", rep.InHours)
	ew.printf("met = met within the due time, of the clocks decided (met in time or breached); times are to when the clock was met, median and 90th percentile\n\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"", "OPENED", "OPEN", "OVERDUE", "HOLDING MET", "HOLDING MEDIAN", "HOLDING P90", "1ST RESP MET", "1ST RESP MEDIAN", "1ST RESP P90", "NEXT RESP MET", "RESOLUTION MET", "BREACHES", ""}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	row := func(r *Row, label string) {
		a, f := r.Clocks["acknowledge"], r.Clocks["first_response"]
		x, res := r.Clocks["next_response"], r.Clocks["resolution"]
		breaches := a.Breached + f.Breached + x.Breached + res.Breached
		cells := []string{label, strconv.FormatInt(r.Opened, 10), strconv.FormatInt(r.OpenNow, 10), strconv.FormatInt(r.OverdueNow, 10),
			share(a), dur(a, a.Median), dur(a, a.P90), share(f), dur(f, f.Median), dur(f, f.P90), share(x), share(res),
			strconv.FormatInt(breaches, 10), ""}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	// Labels left-aligned: padded to one width in a right-aligned column.
	width := len("Total")
	for i := range rep.Rows {
		width = max(width, len([]rune(truncate(rep.Rows[i].Label, 32))))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-len([]rune(s))) }
	for i := range rep.Rows {
		row(&rep.Rows[i], pad(truncate(rep.Rows[i].Label, 32)))
	}
	row(&rep.Total, pad("Total"))
	if err := tw.Flush(); err != nil {
		return err
	}
	ew.printf("\nBreaches: %d", rep.BreachCount)
	if rep.BreachCount == 0 {
		ew.printf("\n")
		return ew.err
	}
	if len(rep.Breaches) == 0 {
		ew.printf(" (list them with --breaches N)\n")
		return ew.err
	}
	if int64(len(rep.Breaches)) < rep.BreachCount {
		ew.printf(", the %d most recent", len(rep.Breaches))
	}
	ew.printf("\n")
	tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REF\tCLOCK\tDUE\tMET\tESCALATED\tOFFICER\tTOPIC\tOUTLET\tSTATUS\tSUBJECT")
	for _, b := range rep.Breaches {
		met := "not met"
		if !b.Met.IsZero() {
			met = stamp(b.Met, rep.Generated, loc) + " (+" + FormatDuration(b.Met.Sub(b.Due)) + ")"
		}
		esc := "-"
		if !b.Escalated.IsZero() {
			esc = b.Escalated.In(loc).Format("15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", b.Ref, ClockLabel(b.Clock), stamp(b.Due, rep.Generated, loc), met, esc,
			dash(b.Officer), dash(b.Topic), dash(truncate(b.Outlet, 24)), b.Status, truncate(oneLine(b.Subject), 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return ew.err
}

// WriteCSV renders the report's rows (and total) as CSV, one row per
// group, the clocks' columns side by side; durations in seconds.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	head := []string{"group", "label", "opened", "open_now", "overdue_now"}
	for _, c := range ReportClocks {
		for _, f := range []string{"met", "late", "breached", "warned", "escalated", "met_share", "timed", "median_s", "p90_s", "mean_s"} {
			head = append(head, ClockColumn(c)+"_"+f)
		}
	}
	_ = cw.Write(head)
	write := func(r *Row, group string) {
		rec := []string{group, safeCell(r.Label), strconv.FormatInt(r.Opened, 10), strconv.FormatInt(r.OpenNow, 10), strconv.FormatInt(r.OverdueNow, 10)}
		for _, c := range ReportClocks {
			s := r.Clocks[c]
			sh := ""
			if s.MetShare != nil {
				sh = strconv.FormatFloat(*s.MetShare, 'f', 4, 64)
			}
			secs := func(d Duration) string {
				if s.Timed == 0 {
					return ""
				}
				return strconv.FormatInt(int64(time.Duration(d)/time.Second), 10)
			}
			rec = append(rec, strconv.FormatInt(s.Met, 10), strconv.FormatInt(s.Late, 10), strconv.FormatInt(s.Breached, 10),
				strconv.FormatInt(s.Warned, 10), strconv.FormatInt(s.Escalated, 10), sh, strconv.FormatInt(s.Timed, 10),
				secs(s.Median), secs(s.P90), secs(s.Mean))
		}
		_ = cw.Write(rec)
	}
	for i := range rep.Rows {
		write(&rep.Rows[i], safeCell(rep.Rows[i].Key))
	}
	write(&rep.Total, "total")
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// stamp is a moment in desk time for tables: "Mon 2 Jan 15:04", with the
// year when it is not the year of now ("Sun 23 Feb 2025 18:00").
func stamp(t, now time.Time, loc *time.Location) string {
	t = t.In(loc)
	if !now.IsZero() && t.Year() != now.In(loc).Year() {
		return t.Format("Mon 2 Jan 2006 15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}

func describeFilter(f Filter) string {
	var parts []string
	for _, p := range [][2]string{{"topic", f.Topic}, {"officer", f.Officer}, {"tier", f.Tier}, {"outlet", f.Outlet}, {"release", f.Release}, {"hours", f.Hours}} {
		if p[1] != "" {
			parts = append(parts, p[0]+" "+p[1])
		}
	}
	return strings.Join(parts, ", ")
}

// safeCell keeps a spreadsheet from reading a cell that came from mail
// (a subject, an address) as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
