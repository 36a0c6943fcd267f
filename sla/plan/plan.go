// Package plan computes the due times an enquiry gets when it opens: the
// first sla.policies[] entry matching its outlet tier and topic, and the
// journalist's deadline pulling the early clocks forward. It is pure (the
// desk config and times in, times out), so routing decides an enquiry's
// plan without reaching package sla, which reads and writes Redis.
package plan

import (
	"time"

	"github.com/mediadesk/mediadesk/config"
)

// Plan is the set of due times an enquiry gets when it opens.
type Plan struct {
	Policy           string    `json:"policy"`
	AcknowledgeDue   time.Time `json:"acknowledge_due"`
	FirstResponseDue time.Time `json:"first_response_due"`
	ResolutionDue    time.Time `json:"resolution_due"`
	// PulledForward is true when the journalist's deadline brought the
	// acknowledge and first-response due times forward.
	PulledForward bool `json:"pulled_forward,omitempty"`
}

// For computes the due times for an enquiry opened at opened, from the
// first policy matching tier and topic. A stated deadline brings the
// acknowledge and first-response due times forward to deadline − margin,
// never later than the policy; when the margin does not fit (the deadline
// is closer than the margin) the deadline itself is the due time; a
// deadline already past when the enquiry opened is ignored. Resolution is
// never pulled forward: the journalist's deadline is about the answer.
func For(cfg *config.Config, tier, topic string, opened time.Time, deadline time.Time) Plan {
	return ForPolicy(cfg, cfg.PolicyFor(tier, topic), opened, deadline)
}

// ForPolicy is For for a policy already looked up (nil: none
// matched, the zero Plan).
func ForPolicy(cfg *config.Config, pol *config.Policy, opened time.Time, deadline time.Time) Plan {
	if pol == nil {
		return Plan{}
	}
	p := Plan{
		Policy:           pol.ID,
		AcknowledgeDue:   opened.Add(pol.Acknowledge),
		FirstResponseDue: opened.Add(pol.FirstResponse),
		ResolutionDue:    opened.Add(pol.Resolution),
	}
	target := DeadlineTarget(cfg.SLA.DeadlineMargin, deadline, opened)
	if target.IsZero() {
		return p
	}
	if target.Before(p.FirstResponseDue) {
		p.FirstResponseDue = target
		p.PulledForward = true
	}
	if target.Before(p.AcknowledgeDue) {
		p.AcknowledgeDue = target
		p.PulledForward = true
	}
	return p
}

// DeadlineTarget is the due time a journalist's stated deadline asks for:
// the deadline minus the margin, or the deadline itself when the margin
// does not fit; zero when there is no deadline or it had passed when the
// enquiry opened.
func DeadlineTarget(margin time.Duration, deadline, opened time.Time) time.Time {
	if deadline.IsZero() || !deadline.After(opened) {
		return time.Time{}
	}
	t := deadline.Add(-margin)
	if !t.After(opened) {
		return deadline
	}
	return t
}
