package sla

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// Drill narrows a report's enquiries further, to those behind one figure:
// one clock (Clock, an id of ReportClocks), and with Outcome one of its
// outcomes: "met" (in time), "late" (met after its due time), "breached"
// (past due unmet at some point, late ones included).
type Drill struct {
	Clock   string
	Outcome string
	// Empty names a dimension (topic, officer, outlet, tier, release or
	// language) that must be empty: the "(unassigned)", "(no release)" or
	// "(not detected)" row.
	Empty string
}

var drillEmpty = []string{ByTopic, ByOfficer, ByOutlet, ByTier, ByRelease, ByLanguage}

// DrillOutcomes are the valid Drill.Outcome values (besides "").
var DrillOutcomes = []string{"met", "late", "breached"}

func (d Drill) check() error {
	if d.Clock != "" && !slices.Contains(ReportClocks, d.Clock) {
		return fmt.Errorf("%w: clock %q is not one of %v", ErrBadQuery, d.Clock, ReportClocks)
	}
	if d.Outcome != "" && !slices.Contains(DrillOutcomes, d.Outcome) {
		return fmt.Errorf("%w: outcome %q is not one of %v", ErrBadQuery, d.Outcome, DrillOutcomes)
	}
	if d.Empty != "" && !slices.Contains(drillEmpty, d.Empty) {
		return fmt.Errorf("%w: empty %q is not one of %v", ErrBadQuery, d.Empty, drillEmpty)
	}
	if d.Outcome != "" && d.Clock == "" {
		return fmt.Errorf("%w: outcome needs a clock", ErrBadQuery)
	}
	return nil
}

func (d Drill) match(x *ExportEnquiry) bool {
	if v, ok := map[string]string{ByTopic: x.Topic, ByOfficer: x.Officer, ByOutlet: x.Outlet, ByTier: x.Tier, ByRelease: x.Release,
		ByLanguage: x.Lang}[d.Empty]; ok && v != "" {
		return false
	}
	if d.Clock == "" {
		return true
	}
	c, ok := x.Clocks[d.Clock]
	if !ok {
		return false
	}
	switch d.Outcome {
	case "met":
		return c.Within != nil && *c.Within
	case "late":
		return c.Within != nil && !*c.Within
	case "breached":
		return !c.Breached.IsZero() || (c.Within != nil && !*c.Within)
	}
	return true
}

// Enquiries lists the enquiries behind a report's figure: those opened in
// the query's period, matching its filter and the drill, oldest first, at
// most limit of them (their timelines left out), and how many match in
// all. It reads the enquiries themselves, a page at a time.
func (r *Reporter) Enquiries(ctx context.Context, q Query, d Drill, limit int) ([]ExportEnquiry, int, error) {
	if err := d.check(); err != nil {
		return nil, 0, err
	}
	loc := r.cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	start, end := window(q, loc)
	refs, err := r.st.RefsCreated(ctx, start, end, 0, 0)
	if err != nil {
		return nil, 0, fmt.Errorf("report enquiries: %w", err)
	}
	out := []ExportEnquiry{}
	n := 0
	for i := 0; i < len(refs); i += 200 {
		chunk := refs[i:min(i+200, len(refs))]
		es, err := r.st.EnquiryFields(ctx, chunk)
		if err != nil {
			return nil, 0, fmt.Errorf("report enquiries: %w", err)
		}
		for _, e := range es {
			if e == nil {
				continue
			}
			x := r.exportOf(e, nil, loc)
			if !q.Filter.match(x.dims()) || !d.match(x) {
				continue
			}
			n++
			if len(out) < limit {
				out = append(out, *x)
			}
		}
	}
	return out, n, nil
}
