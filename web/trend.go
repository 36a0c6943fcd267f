package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/sla"
)

// reportTarget is the share of clocks met in time the desk aims at: the
// trend's target line, and the line between the compliance chart's
// "good" and "warn" bars.
const reportTarget = 0.95

// trendClock is the clock whose share met the trend draws: the first
// response, the answer the journalist waits for.
const trendClock = "first_response"

// Trend chart geometry (SVG user units).
const (
	trendW      = 640
	trendH      = 236
	trendLeft   = 44
	trendRight  = 572
	trendTop    = 14
	trendBottom = 194
)

// trendDay is one day of the trend: a volume bar and a point of the line.
type trendDay struct {
	Day    string // YYYY-MM-DD
	Title  string // the tooltip: "Mon 16 Oct: 12 opened, 91.7% first response met"
	X, W   float64
	Y, H   float64
	Href   string
	Label  string // the x-axis label, on some days only
	Opened int64
}

// trend is the daily trend: volume bars, the share met line and the
// target line, drawn server-side as SVG (no script, no chart library).
type trend struct {
	Title         string
	Days          []trendDay
	Line          string // SVG path of the share met; gaps where nothing was decided
	Points        []trendPoint
	TargetY       float64
	TargetLabel   string
	VolumeMax     int64
	VolumeMaxY    float64
	Width, Height int
	Left, Right   int
	Top, Bottom   int
	PlotH         int
	TargetTextY   float64
	Summary       string // the chart in words, for screen readers
}

// trendPoint is a day's share met.
type trendPoint struct {
	X, Y float64
}

// trendChart draws the days from..to (desk-local) from a report by day.
func trendChart(rows []sla.Row, from, to time.Time, loc *time.Location, drill func(extra ...string) string) trend {
	if loc == nil {
		loc = time.UTC
	}
	byDay := map[string]sla.Row{}
	for _, r := range rows {
		byDay[r.Key] = r
	}
	var days []time.Time
	for d := sla.StartOfDay(from, loc); !d.After(to.In(loc)); d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc) {
		days = append(days, d)
		if len(days) > 400 {
			break
		}
	}
	t := trend{Title: "Enquiries opened per day and share of first responses met in time",
		Width: trendW, Height: trendH, Left: trendLeft, Right: trendRight, Top: trendTop, Bottom: trendBottom}
	if len(days) == 0 {
		return t
	}
	for _, d := range days {
		t.VolumeMax = max(t.VolumeMax, byDay[d.Format("2006-01-02")].Opened)
	}
	vmax := niceMax(t.VolumeMax)
	plotH := float64(trendBottom - trendTop)
	slot := float64(trendRight-trendLeft) / float64(len(days))
	every := max(1, (len(days)+6)/7)
	var path strings.Builder
	pen := false
	var metSum, decSum int64
	for i, d := range days {
		key := d.Format("2006-01-02")
		r := byDay[key]
		td := trendDay{Day: key, X: trendLeft + float64(i)*slot + slot*0.15, W: slot * 0.7, Opened: r.Opened,
			Href: drill("from", key, "to", key)}
		td.H = float64(r.Opened) / float64(vmax) * plotH
		td.Y = trendBottom - td.H
		if i%every == 0 || i == len(days)-1 {
			td.Label = d.Format("2 Jan")
		}
		title := fmt.Sprintf("%s: %d opened", d.Format("Mon 2 Jan 2006"), r.Opened)
		if st := r.Clocks[trendClock]; st != nil && st.MetShare != nil {
			x := trendLeft + (float64(i)+0.5)*slot
			y := trendBottom - *st.MetShare*plotH
			if pen {
				fmt.Fprintf(&path, " L%.1f %.1f", x, y)
			} else {
				fmt.Fprintf(&path, "M%.1f %.1f", x, y)
			}
			pen = true
			t.Points = append(t.Points, trendPoint{X: x, Y: y})
			title += fmt.Sprintf(", %s%% of first responses met in time", strconv.FormatFloat(*st.MetShare*100, 'f', 1, 64))
			metSum += st.Met
			decSum += st.Met + st.Breached
		} else {
			pen = false
			title += ", no first response decided"
		}
		td.Title = title
		t.Days = append(t.Days, td)
	}
	t.Line = path.String()
	t.VolumeMax = vmax
	t.VolumeMaxY = trendTop
	t.TargetY = trendBottom - reportTarget*plotH
	t.TargetTextY = t.TargetY - 4
	t.PlotH = trendBottom - trendTop
	t.TargetLabel = "target " + strconv.FormatFloat(reportTarget*100, 'f', 0, 64) + "%"
	t.Summary = fmt.Sprintf("%d days from %s to %s.", len(days), days[0].Format("2 Jan 2006"), days[len(days)-1].Format("2 Jan 2006"))
	if decSum > 0 {
		t.Summary += fmt.Sprintf(" First responses met in time over the period: %.1f%%, target %.0f%%.", float64(metSum)/float64(decSum)*100, reportTarget*100)
	}
	return t
}

// niceMax rounds a bar chart's top up to 1, 2 or 5 times a power of ten.
func niceMax(n int64) int64 {
	if n <= 0 {
		return 1
	}
	p := int64(1)
	for {
		for _, m := range []int64{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
		p *= 10
	}
}
