package sla

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/store"
)

// Report groupings (Query.By).
const (
	ByNone    = ""
	ByTopic   = "topic"
	ByOfficer = "officer"
	ByOutlet  = "outlet"
	ByTier    = "tier"
	ByRelease = "release"
	ByDay     = "day"
	ByHours   = "hours"
	// ByChannel groups by how the enquiry came: email or phone.
	ByChannel = "channel"
	// ByLanguage groups by the language the journalist wrote in (the
	// filter is lang, as on the queue and in search).
	ByLanguage = "language"
)

// Groupings lists the valid Query.By values (besides "").
var Groupings = []string{ByTopic, ByOfficer, ByOutlet, ByTier, ByRelease, ByChannel, ByLanguage, ByDay, ByHours}

// ReportClocks are the clocks a report covers, in order.
var ReportClocks = []string{store.ClockAcknowledge, store.ClockFirstResponse, store.ClockNextResponse, store.ClockResolution}

// ErrBadQuery wraps a query a report cannot answer (dates out of order, an
// unknown grouping, a combination the rollups do not hold).
var ErrBadQuery = errors.New("bad report query")

// Filter narrows a report to enquiries with these dimension values (""
// matches everything; Hours is "in" or "out"; Channel "email" or "phone";
// Lang an ISO 639-1 code, or LangNone for enquiries whose language was
// not told).
type Filter struct {
	Topic   string `json:"topic,omitempty"`
	Officer string `json:"officer,omitempty"`
	Tier    string `json:"tier,omitempty"`
	Outlet  string `json:"outlet,omitempty"`
	Release string `json:"release,omitempty"`
	Hours   string `json:"hours,omitempty"`
	Channel string `json:"channel,omitempty"`
	Lang    string `json:"lang,omitempty"`
}

// LangNone as Filter.Lang selects the enquiries whose language was not
// told (as ?lang=none does on the queue).
const LangNone = "none"

func (f Filter) empty() bool { return f == Filter{} }

// Empty reports whether the filter lets every enquiry through.
func (f Filter) Empty() bool { return f.empty() }

func (f Filter) match(d Dims) bool {
	return (f.Topic == "" || f.Topic == d.Topic) && (f.Officer == "" || f.Officer == d.Officer) &&
		(f.Tier == "" || f.Tier == d.Tier) && (f.Outlet == "" || f.Outlet == d.Outlet) &&
		(f.Release == "" || f.Release == d.Release) &&
		(f.Hours == "" || (f.Hours == "in") == d.InHours) &&
		(f.Channel == "" || ChannelOf(f.Channel) == ChannelOf(d.Channel)) &&
		(f.Lang == "" || f.Lang == d.Lang || f.Lang == LangNone && d.Lang == "")
}

// Query selects a report: the enquiries opened on the desk-local days
// From to To (inclusive), grouped By one dimension.
type Query struct {
	From, To time.Time
	By       string
	Filter   Filter
	// Breaches is how many breached clocks to list, most recent first
	// (0: none, negative: all).
	Breaches int
}

// ParseDate reads a desk-local date YYYY-MM-DD.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// Report is the managers' SLA report for a period.
type Report struct {
	Desk      string    `json:"desk"`
	Timezone  string    `json:"timezone"`
	From      string    `json:"from"`
	To        string    `json:"to"`
	By        string    `json:"by,omitempty"`
	Filter    Filter    `json:"filter,omitzero"`
	Generated time.Time `json:"generated"`
	// InHours says how in-hours was decided.
	InHours string `json:"in_hours_rule"`
	// Percentiles says how medians and 90th percentiles are computed.
	Percentiles string `json:"percentiles"`
	Total       Row    `json:"total"`
	Rows        []Row  `json:"rows"`
	// Breaches lists breached clocks of the period, most recent first (the
	// latest day opened first, then the latest breach), up to the query's
	// limit; BreachCount counts them all.
	Breaches    []Breach `json:"breaches"`
	BreachCount int64    `json:"breach_count"`
}

// Row is one group of a report (or the total).
type Row struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	// Opened counts enquiries opened in the period; OpenNow those of them
	// not resolved now, OverdueNow those of them with a clock past due
	// and unmet now.
	Opened     int64 `json:"opened"`
	OpenNow    int64 `json:"open_now"`
	OverdueNow int64 `json:"overdue_now"`
	// Clocks by clock name.
	Clocks map[string]*ClockStats `json:"clocks"`
}

// ClockStats summarise one clock over a group.
type ClockStats struct {
	// Met counts clocks met within their due time, Late those met after it;
	// Breached those whose due time passed unmet (met late or never);
	// Warned and Escalated the warnings and escalations.
	Met       int64 `json:"met"`
	Late      int64 `json:"late"`
	Breached  int64 `json:"breached"`
	Warned    int64 `json:"warned"`
	Escalated int64 `json:"escalated"`
	// MetShare is Met / (Met + Breached): the share of the clocks decided
	// so far that were met in time (absent when none is decided).
	MetShare *float64 `json:"met_share,omitempty"`
	// Timed counts the met clocks behind the times; Median, P90 and Mean
	// are times from the clock's start to when it was met.
	Timed  int64    `json:"timed"`
	Median Duration `json:"median_ms,omitempty"`
	P90    Duration `json:"p90_ms,omitempty"`
	Mean   Duration `json:"mean_ms,omitempty"`
}

// Duration marshals as integer milliseconds.
type Duration time.Duration

// MarshalJSON writes milliseconds.
func (d Duration) MarshalJSON() ([]byte, error) {
	return strconv.AppendInt(nil, time.Duration(d).Milliseconds(), 10), nil
}

// Breach is one breached clock, for drill-down.
type Breach struct {
	Ref       string    `json:"ref"`
	Clock     string    `json:"clock"`
	Created   time.Time `json:"created"`
	Due       time.Time `json:"due,omitzero"`
	Met       time.Time `json:"met,omitzero"`
	Escalated time.Time `json:"escalated,omitzero"`
	Status    string    `json:"status"`
	Topic     string    `json:"topic"`
	Officer   string    `json:"officer"`
	Outlet    string    `json:"outlet,omitempty"`
	Tier      string    `json:"tier,omitempty"`
	Release   string    `json:"release,omitempty"`
	Channel   string    `json:"channel"`
	Lang      string    `json:"lang,omitempty"`
	Subject   string    `json:"subject"`
}

// Reporter reads reports from the rollups.
type Reporter struct {
	st    *store.Store
	keys  store.KeySpace
	cfg   *config.Config
	hours *Hours
	clock clock.Clock
}

// NewReporter returns a reporter over st.
func NewReporter(st *store.Store, cfg *config.Config, c clock.Clock) (*Reporter, error) {
	h, err := NewHours(cfg)
	if err != nil {
		return nil, err
	}
	if c == nil {
		c = st.Clock()
	}
	return &Reporter{st: st, keys: keySpace(st), cfg: cfg, hours: h, clock: c}, nil
}

// acc accumulates rollup counters.
type acc struct {
	opened int64
	c      [4]clockAcc
}

type clockAcc struct {
	met, late, breached, warned, escalated, sumSec int64
	hist                                           []int64
}

func letterIndex(b byte) int {
	switch b {
	case 'a':
		return 0
	case 'f':
		return 1
	case 'x':
		return 2
	case 'r':
		return 3
	}
	return -1
}

// addRecord adds a packed rollup record ("n:3,am:2,a17:1,..."), in one
// pass without allocating: this loop is most of a report's time.
func (a *acc) addRecord(rec string) {
	i, L := 0, len(rec)
	for i < L {
		c0 := rec[i]
		i++
		// The rest of the name: a kind letter or bucket digits.
		var kind byte
		bucket := -1
		if i < L && rec[i] != ':' {
			if d := rec[i]; d >= '0' && d <= '9' {
				bucket = 0
				for i < L && rec[i] >= '0' && rec[i] <= '9' {
					bucket = bucket*10 + int(rec[i]-'0')
					i++
				}
			} else {
				kind = d
				i++
			}
		}
		if i >= L || rec[i] != ':' {
			for i < L && rec[i] != ',' {
				i++
			}
			i++
			continue
		}
		i++
		neg := i < L && rec[i] == '-'
		if neg {
			i++
		}
		var n int64
		for i < L && rec[i] >= '0' && rec[i] <= '9' {
			n = n*10 + int64(rec[i]-'0')
			i++
		}
		for i < L && rec[i] != ',' {
			i++
		}
		i++
		if neg {
			n = -n
		}
		if c0 == 'n' && kind == 0 && bucket < 0 {
			a.opened += n
			continue
		}
		ci := letterIndex(c0)
		if ci < 0 {
			continue
		}
		c := &a.c[ci]
		if bucket >= 0 {
			if bucket <= bucketOpen {
				if c.hist == nil {
					c.hist = make([]int64, bucketOpen+1)
				}
				c.hist[bucket] += n
			}
			continue
		}
		switch kind {
		case 'm':
			c.met += n
		case 'l':
			c.late += n
		case 'b':
			c.breached += n
		case 'w':
			c.warned += n
		case 'e':
			c.escalated += n
		case 't':
			c.sumSec += n
		}
	}
}

func (a *acc) merge(o *acc) {
	a.opened += o.opened
	for i := range a.c {
		x, y := &a.c[i], &o.c[i]
		x.met += y.met
		x.late += y.late
		x.breached += y.breached
		x.warned += y.warned
		x.escalated += y.escalated
		x.sumSec += y.sumSec
		if y.hist != nil {
			if x.hist == nil {
				x.hist = make([]int64, bucketOpen+1)
			}
			for j, v := range y.hist {
				x.hist[j] += v
			}
		}
	}
}

// Percentile is the nearest-rank p-quantile (0 < p ≤ 1) of a histogram:
// the middle of the bucket holding the ⌈p·N⌉-th smallest time (the lower
// edge for the open bucket). ok is false for an empty histogram.
func Percentile(hist []int64, p float64) (time.Duration, bool) {
	var n int64
	for _, v := range hist {
		n += v
	}
	if n == 0 {
		return 0, false
	}
	rank := int64(float64(n)*p + 0.999999999)
	rank = max(1, min(rank, n))
	var cum int64
	for i, v := range hist {
		cum += v
		if cum >= rank {
			lo, hi := BucketRange(i)
			if hi == 0 {
				return lo, true
			}
			return lo + (hi-lo)/2, true
		}
	}
	return 0, false
}

func (c *clockAcc) stats() *ClockStats {
	s := &ClockStats{Met: c.met, Late: c.late, Breached: c.breached, Warned: c.warned, Escalated: c.escalated}
	if d := c.met + c.breached; d > 0 {
		share := float64(c.met) / float64(d)
		s.MetShare = &share
	}
	for _, v := range c.hist {
		s.Timed += v
	}
	if s.Timed > 0 {
		m, _ := Percentile(c.hist, 0.5)
		p, _ := Percentile(c.hist, 0.9)
		s.Median, s.P90 = Duration(m), Duration(p)
		s.Mean = Duration(time.Duration(c.sumSec) * time.Second / time.Duration(s.Timed))
	}
	return s
}

func (a *acc) row(key, label string) Row {
	r := Row{Key: key, Label: label, Opened: a.opened, Clocks: map[string]*ClockStats{}}
	for i, c := range ReportClocks {
		r.Clocks[c] = a.c[i].stats()
	}
	return r
}

// dimNames reads the dimension dictionary: id → (kind, value).
func (r *Reporter) dimNames(ctx context.Context) (map[string][2]string, error) {
	h, err := r.keys.Client().HGetAll(ctx, r.keys.Key(keyDims)).Result()
	if err != nil {
		return nil, fmt.Errorf("read rollup dimensions: %w", err)
	}
	out := make(map[string][2]string, len(h)/2)
	for f, v := range h {
		if strings.HasPrefix(f, "#") {
			kind, val, _ := strings.Cut(v, ":")
			out[f[1:]] = [2]string{kind, val}
		}
	}
	return out, nil
}

// decodeCell turns a field of a day's rollup hash into its dimensions:
// a cube cell "<topic>.<officer>.<tier>.<release>.<hours>.<channel>.<language>"
// (outlet unknown) or an outlet cell "u<outlet>.<hours>" (only outlet and
// hours known); outlet reports which. A cube cell of five parts was
// written before channel and language were rolled up: email (the only
// channel before calls could be logged), language not told.
func decodeCell(cell string, names map[string][2]string) (d Dims, outlet, ok bool) {
	if strings.HasPrefix(cell, "u") {
		id, h, found := strings.Cut(cell[1:], ".")
		n, known := names[id]
		if !found || !known {
			return d, true, false
		}
		d.Outlet, d.InHours = n[1], h == "1"
		return d, true, true
	}
	parts := strings.Split(cell, ".")
	if len(parts) != 5 && len(parts) != 7 {
		return d, false, false
	}
	var vals [6]string
	for i, j := 0, 0; i < len(parts); i++ {
		if i == 4 {
			continue // the hours
		}
		n, known := names[parts[i]]
		if !known {
			return d, false, false
		}
		vals[j] = n[1]
		j++
	}
	d.Topic, d.Officer, d.Tier, d.Release = vals[0], vals[1], vals[2], vals[3]
	d.Channel, d.Lang = ChannelOf(vals[4]), vals[5]
	d.InHours = parts[4] == "1"
	return d, false, true
}

// groupKey is the key of d (on day) under grouping by, and its label.
func (r *Reporter) groupKey(by string, d Dims, day string) (string, string) {
	switch by {
	case ByTopic:
		return d.Topic, topicName(r.cfg, d.Topic)
	case ByOfficer:
		if d.Officer == "" {
			return "", "(unassigned)"
		}
		return d.Officer, officerName(r.cfg, d.Officer)
	case ByOutlet:
		if d.Outlet == "" {
			return "", "(no known outlet)"
		}
		return d.Outlet, d.Outlet
	case ByTier:
		if d.Tier == "" {
			return "", "(unknown tier)"
		}
		return d.Tier, d.Tier
	case ByRelease:
		if d.Release == "" {
			return "", "(no release)"
		}
		return d.Release, d.Release
	case ByChannel:
		c := ChannelOf(d.Channel)
		return c, ChannelLabel(c)
	case ByLanguage:
		if d.Lang == "" {
			return "", LanguageLabel("")
		}
		return d.Lang, LanguageLabel(d.Lang)
	case ByDay:
		if len(day) != 8 {
			return "", ""
		}
		k := day[:4] + "-" + day[4:6] + "-" + day[6:]
		return k, k
	case ByHours:
		if d.InHours {
			return "in", HoursLabel(true)
		}
		return "out", HoursLabel(false)
	}
	return "", "total"
}

// Report computes a report from the rollups (one hash per day of the
// period, whatever the number of enquiries), plus the live open and
// overdue counts of the period's enquiries and the breach list.
func (r *Reporter) Report(ctx context.Context, q Query) (*Report, error) {
	loc := r.cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	if q.From.IsZero() || q.To.IsZero() {
		return nil, fmt.Errorf("report: from and to dates are required: %w", ErrBadQuery)
	}
	if q.To.Before(q.From) {
		return nil, fmt.Errorf("report: to %s is before from %s: %w", q.To.Format("2006-01-02"), q.From.Format("2006-01-02"), ErrBadQuery)
	}
	if q.By != ByNone && !contains(Groupings, q.By) {
		return nil, fmt.Errorf("report: cannot group by %q; use one of %s: %w", q.By, strings.Join(Groupings, ", "), ErrBadQuery)
	}
	// Outlet names are kept in their own cells (by outlet × hours), which
	// combine with the day and hours only.
	useOutlet := q.By == ByOutlet || q.Filter.Outlet != ""
	if useOutlet {
		if f := q.Filter; f.Topic != "" || f.Officer != "" || f.Tier != "" || f.Release != "" || f.Channel != "" || f.Lang != "" {
			return nil, fmt.Errorf("report: an outlet report or filter combines only with the day and hours (use the tier for topic, officer, release, channel or language): %w", ErrBadQuery)
		}
		if q.By != ByNone && q.By != ByOutlet && q.By != ByDay && q.By != ByHours {
			return nil, fmt.Errorf("report: an outlet filter combines only with grouping by day or hours, not %s: %w", q.By, ErrBadQuery)
		}
	}
	dayKeys := days(q.From, q.To, loc)
	if len(dayKeys) > 3700 {
		return nil, fmt.Errorf("report: a period of more than ten years: %w", ErrBadQuery)
	}
	names, err := r.dimNames(ctx)
	if err != nil {
		return nil, err
	}
	// Days are read and decoded in a few chunks at once, each into its own
	// groups, merged after.
	chunks := min(runtime.GOMAXPROCS(0), 4, (len(dayKeys)+6)/7)
	parts := make([]*aggregate, chunks)
	errs := make([]error, chunks)
	var wg sync.WaitGroup
	for c := 0; c < chunks; c++ {
		lo, hi := c*len(dayKeys)/chunks, (c+1)*len(dayKeys)/chunks
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[c], errs[c] = r.aggregate(ctx, q, dayKeys[lo:hi], names, useOutlet)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	groups := map[string]*acc{}
	labels := map[string]string{}
	total := &acc{}
	for _, p := range parts {
		for k, g := range p.groups {
			if have := groups[k]; have != nil {
				have.merge(g)
			} else {
				groups[k], labels[k] = g, p.labels[k]
			}
		}
	}
	for _, g := range groups {
		total.merge(g)
	}
	rep := &Report{
		Desk: r.cfg.Desk.Name, Timezone: loc.String(),
		From: q.From.In(loc).Format("2006-01-02"), To: q.To.In(loc).Format("2006-01-02"),
		By: q.By, Filter: q.Filter, Generated: r.clock.Now(), InHours: r.hours.Desc,
		Percentiles: "nearest rank over met clocks, from 1-minute buckets below 8 h (15-minute to 48 h, hourly to 14 days): within 30 s below 8 h",
		Total:       total.row("", "total"),
		Rows:        []Row{},
		Breaches:    []Breach{},
	}
	if q.By != ByNone {
		for k, g := range groups {
			rep.Rows = append(rep.Rows, g.row(k, labels[k]))
		}
		sortRows(rep.Rows, q.By)
	}
	if err := r.live(ctx, q, rep); err != nil {
		return nil, err
	}
	if err := r.breaches(ctx, q, dayKeys, names, rep); err != nil {
		return nil, err
	}
	return rep, nil
}

// aggregate is the groups of some days' cells.
type aggregate struct {
	groups map[string]*acc
	labels map[string]string
}

// aggregate reads the rollup hashes of dayKeys and adds up their cells
// that match the query into groups.
func (r *Reporter) aggregate(ctx context.Context, q Query, dayKeys []string, names map[string][2]string, useOutlet bool) (*aggregate, error) {
	pipe := r.keys.Client().Pipeline()
	cmds := make([]*redis.MapStringStringCmd, len(dayKeys))
	for i, d := range dayKeys {
		cmds[i] = pipe.HGetAll(ctx, r.keys.Key(keyRollPrefix+d))
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("read rollups: %w", err)
	}
	out := &aggregate{groups: map[string]*acc{}, labels: map[string]string{}}
	if q.By == ByDay {
		for _, d := range dayKeys {
			k, l := r.groupKey(ByDay, Dims{}, d)
			out.groups[k], out.labels[k] = &acc{}, l
		}
	}
	// A cell name means the same on every day: decode it, filter it and
	// find its group once.
	type cellInfo struct {
		ok         bool
		key, label string
		g          *acc
	}
	cells := map[string]*cellInfo{}
	for i, c := range cmds {
		var dayGroup *acc
		if q.By == ByDay {
			k, _ := r.groupKey(ByDay, Dims{}, dayKeys[i])
			dayGroup = out.groups[k]
		}
		for cell, rec := range c.Val() {
			ci := cells[cell]
			if ci == nil {
				ci = &cellInfo{}
				cells[cell] = ci
				d, isOutlet, ok := decodeCell(cell, names)
				if ok && isOutlet == useOutlet && q.Filter.match(d) {
					ci.ok = true
					ci.key, ci.label = r.groupKey(q.By, d, "")
				}
			}
			if !ci.ok {
				continue
			}
			g := ci.g
			if dayGroup != nil {
				g = dayGroup
			} else if g == nil {
				if g = out.groups[ci.key]; g == nil {
					g = &acc{}
					out.groups[ci.key], out.labels[ci.key] = g, ci.label
				}
				ci.g = g
			}
			g.addRecord(rec)
		}
	}
	return out, nil
}

func sortRows(rows []Row, by string) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch by {
		case ByDay:
			return a.Key < b.Key
		case ByHours:
			return a.Key == "in" && b.Key != "in"
		}
		if a.Opened != b.Opened {
			return a.Opened > b.Opened
		}
		return a.Label < b.Label
	})
}

// window is the period's instants [start, end).
func window(q Query, loc *time.Location) (time.Time, time.Time) {
	start := StartOfDay(q.From, loc)
	t := q.To.In(loc)
	end := time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, loc)
	return start, end
}

// live counts the period's enquiries open and overdue now, per group.
func (r *Reporter) live(ctx context.Context, q Query, rep *Report) error {
	loc := r.cfg.Location
	start, end := window(q, loc)
	refs, err := r.st.OpenRefs(ctx, start, end, 0)
	if err != nil {
		return fmt.Errorf("read open enquiries: %w", err)
	}
	now := r.clock.Now()
	rows := map[string]*Row{}
	for i := range rep.Rows {
		rows[rep.Rows[i].Key] = &rep.Rows[i]
	}
	liveClocks := []string{store.ClockAcknowledge, store.ClockFirstResponse, store.ClockNextResponse}
	fields := []string{store.FieldTopic, store.FieldOfficer, store.FieldOutletTier, store.FieldOutlet, store.FieldRelease, store.FieldCreated, store.FieldStatus,
		fieldChannel, fieldLang}
	for _, c := range liveClocks {
		fields = append(fields, store.ClockFields(c, "due", "met")...)
	}
	for startIdx := 0; startIdx < len(refs); startIdx += 1000 {
		chunk := refs[startIdx:min(startIdx+1000, len(refs))]
		es, err := r.st.EnquiryFields(ctx, chunk, fields...)
		if err != nil {
			return fmt.Errorf("read open enquiries: %w", err)
		}
		for _, e := range es {
			if e == nil || e.Status == store.StatusResolved || e.Created.IsZero() {
				continue
			}
			d := Dims{Topic: e.Topic, Officer: e.Officer, Tier: e.OutletTier, Outlet: e.Outlet, Release: e.Release,
				Channel: ChannelOf(e.Channel), Lang: e.Lang, InHours: r.hours.In(e.Created)}
			if !q.Filter.match(d) {
				continue
			}
			overdue := false
			for _, c := range liveClocks {
				if cl := e.Clocks[c]; !cl.Due.IsZero() && !cl.Due.After(now) && cl.Met.IsZero() {
					overdue = true
				}
			}
			rep.Total.OpenNow++
			if overdue {
				rep.Total.OverdueNow++
			}
			if q.By == ByNone {
				continue
			}
			k, l := r.groupKey(q.By, d, DayKey(e.Created, loc))
			row := rows[k]
			if row == nil {
				rep.Rows = append(rep.Rows, (&acc{}).row(k, l))
				// Re-index: appending may have moved the rows.
				for i := range rep.Rows {
					rows[rep.Rows[i].Key] = &rep.Rows[i]
				}
				row = rows[k]
			}
			row.OpenNow++
			if overdue {
				row.OverdueNow++
			}
		}
	}
	return nil
}

// breaches fills the breach list from the per-day breach lists. Without a
// filter it counts them with LLEN and reads only the most recent entries
// it lists; with one it must read every breached enquiry of the period.
func (r *Reporter) breaches(ctx context.Context, q Query, dayKeys []string, names map[string][2]string, rep *Report) error {
	if q.Filter.empty() {
		pipe := r.keys.Client().Pipeline()
		lens := make([]*redis.IntCmd, len(dayKeys))
		for i, d := range dayKeys {
			lens[i] = pipe.LLen(ctx, r.keys.Key(keyBrlPrefix+d))
		}
		if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
			return fmt.Errorf("count breaches: %w", err)
		}
		var want int64 = -1
		if q.Breaches >= 0 {
			want = int64(q.Breaches)
		}
		var entries []string
		for i := len(dayKeys) - 1; i >= 0; i-- {
			n := lens[i].Val()
			rep.BreachCount += n
			if n == 0 || (want >= 0 && int64(len(entries)) >= want) {
				continue
			}
			from := int64(0)
			if want >= 0 {
				from = max(0, n-(want-int64(len(entries))))
			}
			v, err := r.keys.Client().LRange(ctx, r.keys.Key(keyBrlPrefix+dayKeys[i]), from, -1).Result()
			if err != nil {
				return fmt.Errorf("read breach list: %w", err)
			}
			for j := len(v) - 1; j >= 0; j-- {
				entries = append(entries, v[j])
			}
		}
		list, err := r.breachDetails(ctx, entries)
		if err != nil {
			return err
		}
		rep.Breaches = list
		return nil
	}
	pipe := r.keys.Client().Pipeline()
	cmds := make([]*redis.StringSliceCmd, len(dayKeys))
	for i, d := range dayKeys {
		cmds[i] = pipe.LRange(ctx, r.keys.Key(keyBrlPrefix+d), 0, -1)
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("read breach lists: %w", err)
	}
	// Most recent first: the latest day first, and within a day the latest
	// recorded breach first. Entries carry their cells, so the filter needs
	// only the dimension names; an entry without them (or with an unknown
	// id) is checked against its enquiry.
	var kept, unsure []string
	for i := len(cmds) - 1; i >= 0; i-- {
		v := cmds[i].Val()
		for j := len(v) - 1; j >= 0; j-- {
			switch d, ok := entryDims(v[j], names); {
			case !ok:
				unsure = append(unsure, v[j])
			case q.Filter.match(d):
				kept = append(kept, v[j])
			}
		}
	}
	if len(unsure) > 0 {
		list, err := r.breachDetails(ctx, unsure)
		if err != nil {
			return err
		}
		for i, b := range list {
			if q.Filter.match(Dims{Topic: b.Topic, Officer: b.Officer, Tier: b.Tier, Outlet: b.Outlet, Release: b.Release,
				Channel: b.Channel, Lang: b.Lang, InHours: r.hours.In(b.Created)}) {
				kept = append(kept, unsure[i])
			}
		}
	}
	rep.BreachCount = int64(len(kept))
	if q.Breaches >= 0 && len(kept) > q.Breaches {
		kept = kept[:q.Breaches]
	}
	list, err := r.breachDetails(ctx, kept)
	if err != nil {
		return err
	}
	rep.Breaches = list
	return nil
}

// entryDims reads the dimensions a breach-list entry
// ("<ref>|<clock letter>|<cube cell>|<outlet id>") carries.
func entryDims(e string, names map[string][2]string) (Dims, bool) {
	parts := strings.SplitN(e, "|", 4)
	if len(parts) != 4 {
		return Dims{}, false
	}
	d, _, ok := decodeCell(parts[2], names)
	if !ok {
		return Dims{}, false
	}
	o, known := names[parts[3]]
	if !known {
		return Dims{}, false
	}
	d.Outlet = o[1]
	return d, true
}

// breachDetails reads the enquiries behind breach-list entries
// ("<ref>|<clock letter>").
func (r *Reporter) breachDetails(ctx context.Context, entries []string) ([]Breach, error) {
	out := make([]Breach, 0, len(entries))
	for start := 0; start < len(entries); start += 1000 {
		chunk := entries[start:min(start+1000, len(entries))]
		// One read per clock (the fields differ), results kept in entry order.
		byClock := map[string][]int{}
		refs := make([]string, len(chunk))
		clocks := make([]string, len(chunk))
		for i, e := range chunk {
			ref, rest, _ := strings.Cut(e, "|")
			letter, _, _ := strings.Cut(rest, "|")
			refs[i], clocks[i] = ref, clockFromLetter(letter)
			byClock[clocks[i]] = append(byClock[clocks[i]], i)
		}
		got := make([]*store.Enquiry, len(chunk))
		for c, idx := range byClock {
			fields := append([]string{store.FieldCreated, store.FieldStatus, store.FieldTopic, store.FieldOfficer, store.FieldOutlet,
				store.FieldOutletTier, store.FieldRelease, store.FieldSubject, fieldChannel, fieldLang}, store.ClockFields(c, "due", "met", "escalated")...)
			these := make([]string, len(idx))
			for j, i := range idx {
				these[j] = refs[i]
			}
			es, err := r.st.EnquiryFields(ctx, these, fields...)
			if err != nil {
				return nil, fmt.Errorf("read breached enquiries: %w", err)
			}
			for j, i := range idx {
				got[i] = es[j]
			}
		}
		for i, e := range got {
			if e == nil {
				e = &store.Enquiry{}
			}
			cl := e.Clocks[clocks[i]]
			out = append(out, Breach{Ref: refs[i], Clock: clocks[i], Created: e.Created, Status: string(e.Status), Topic: e.Topic, Officer: e.Officer,
				Outlet: e.Outlet, Tier: e.OutletTier, Release: e.Release, Channel: ChannelOf(e.Channel), Lang: e.Lang,
				Subject: e.Subject, Due: cl.Due, Met: cl.Met, Escalated: cl.Escalated})
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
