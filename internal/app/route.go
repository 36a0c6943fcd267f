package app

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla/plan"
	"github.com/mediadesk/mediadesk/store"
)

// Router adapts routing.Router to the ingest pipeline (inbox.Router): it
// routes each new message at the moment it is ingested, against the
// officers' live load, and turns the decision into the enquiry's fields,
// clocks and timeline.
type Router struct {
	Config *config.Config
	Router *routing.Router
	Clock  clock.Clock

	// route replaces Router.Classify in tests.
	route func(routing.Input, time.Time) routing.Decision
}

// Officers lists every officer id.
func (a *Router) Officers() []string {
	ids := make([]string, len(a.Config.Officers))
	for i, o := range a.Config.Officers {
		ids[i] = o.ID
	}
	return ids
}

// Own reports whether addr is the desk's own (config.IsOwnAddress: the
// desk's, an officer's or in one of desk.own_domains).
func (a *Router) Own(addr string) bool { return a.Config.IsOwnAddress(addr) }

// Route classifies in.Msg (everything but the officer, which Assign
// chooses once against the live load) and records the decision on in.
// Safe for concurrent use.
//
// Routing must never cost an enquiry: if it fails on a message's text (a
// bug meeting hostile mail), the message is routed again from its sender
// and dates alone — the fallback topic, the policy's due times — and the
// failure goes into the log and the enquiry's timeline.
func (a *Router) Route(in *store.Incoming) {
	now := a.Clock.Now()
	input := routing.InputFromMessage(in.Msg)
	input.Received = in.Received
	d, err := a.safeRoute(input, now)
	if err != nil {
		slog.Error("routing failed on the message's text; routed from its sender and dates only",
			"mailbox", in.Source.Mailbox, "folder", in.Source.Folder, "uid", in.Source.UID, "err", err)
		bare := routing.Input{MessageID: input.MessageID, From: input.From, Date: input.Date, Received: input.Received}
		var err2 error
		if d, err2 = a.safeRoute(bare, now); err2 != nil {
			slog.Error("routing failed again; the enquiry is stored unrouted", "uid", in.Source.UID, "err", err2)
			in.New = &store.NewEnquiry{Topic: a.Config.FallbackTopic(), TopicReason: "routing failed",
				Timeline: []store.Event{routingFailed(now, err)}}
			return
		}
	}
	in.New = NewEnquiry(a.Config, d, now)
	if err != nil {
		in.New.Timeline = append([]store.Event{routingFailed(now, err)}, in.New.Timeline...)
	}
	in.DeadlineTarget = plan.DeadlineTarget(a.Config.SLA.DeadlineMargin, d.Deadline, in.Received)
}

// safeRoute routes input, turning a panic into an error.
func (a *Router) safeRoute(input routing.Input, now time.Time) (d routing.Decision, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("routing panic: %v", r)
		}
	}()
	if a.route != nil {
		return a.route(input, now), nil
	}
	return a.Router.Classify(input, now), nil
}

func routingFailed(now time.Time, err error) store.Event {
	return store.Event{At: now, Type: "routing-failed", By: "system",
		Text: "routing could not read this message (" + err.Error() + "): the topic is the fallback and no release is linked; please check it"}
}

// Assign chooses the officer against the live load — the one officer
// decision for the message (Route left it open) — and counts the
// assignment in the load.
func (a *Router) Assign(in *store.Incoming, load *store.Load) {
	n := in.New
	now := a.Clock.Now()
	d := routing.Decision{Topic: n.Topic, Language: n.Lang}
	a.Router.AssignOfficer(&d, now, routing.Load{Open: load.Open, LastAssigned: load.LastAssigned})
	as := routing.Assignment{Officer: d.Officer, Reason: d.OfficerReason, Shift: d.Shift}
	n.Officer, n.OfficerReason, n.Shift = as.Officer, as.Reason, as.Shift
	if as.Officer != "" {
		n.Timeline = append(n.Timeline, assignedEvent(now, as.Officer, as.Reason, as.Shift))
		load.Open[as.Officer]++
		load.LastAssigned[as.Officer] = now
	}
}

func assignedEvent(now time.Time, officer, reason, shift string) store.Event {
	return store.Event{At: now, Type: "assigned", By: "system",
		Text: "assigned to " + officer + ": " + reason, Data: map[string]any{"officer": officer, "shift": shift}}
}

// NewEnquiry turns a routing decision into the fields of a new enquiry.
func NewEnquiry(cfg *config.Config, d routing.Decision, now time.Time) *store.NewEnquiry {
	n := &store.NewEnquiry{
		Outlet: d.Outlet, OutletTier: d.OutletTier,
		Topic: d.Topic, TopicReason: d.TopicReason,
		Release: d.Release, ReleaseTitle: d.ReleaseTitle, ReleaseScore: d.ReleaseScore, ReleaseReason: d.ReleaseReason,
		Officer: d.Officer, OfficerReason: d.OfficerReason, Shift: d.Shift,
		Deadline: d.Deadline, DeadlinePhrase: d.DeadlinePhrase,
		Lang:             d.Language,
		Policy:           d.Plan.Policy,
		AcknowledgeDue:   d.Plan.AcknowledgeDue,
		FirstResponseDue: d.Plan.FirstResponseDue,
		ResolutionDue:    d.Plan.ResolutionDue,
	}
	if p := d.Policy; p != nil {
		n.PolicyAck, n.PolicyFRT, n.PolicyRes = p.Acknowledge, p.FirstResponse, p.Resolution
	}
	data := map[string]any{
		"topic": d.Topic, "policy": d.Plan.Policy,
	}
	if d.Release != "" {
		data["release"], data["release_score"], data["release_reason"] = d.Release, d.ReleaseScore, d.ReleaseReason
	}
	text := "topic " + d.Topic + " (" + d.TopicReason + ")"
	if d.Release != "" {
		text += "; release " + d.Release + " (" + d.ReleaseReason + ")"
	} else if d.ReleaseDetail != "" {
		text += "; no release: " + d.ReleaseDetail
	} else {
		text += "; no release fits well enough"
	}
	n.Timeline = append(n.Timeline, store.Event{At: now, Type: "routed", By: "system", Text: text, Data: data})
	if d.Officer != "" {
		n.Timeline = append(n.Timeline, assignedEvent(now, d.Officer, d.OfficerReason, d.Shift))
	}
	if !d.Deadline.IsZero() {
		text := "journalist deadline " + d.Deadline.In(cfg.Location).Format("Mon 2 Jan 15:04") + " (\"" + d.DeadlinePhrase + "\")"
		if d.Plan.PulledForward {
			text += "; due times brought forward"
		}
		n.Timeline = append(n.Timeline, store.Event{At: now, Type: "deadline", By: "system", Text: text})
	}
	return n
}
