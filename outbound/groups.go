package outbound

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/store"
)

// Alert grouping
//
// After an outage a backlog of thousands of enquiries used to send an
// officer one "New enquiry for you" mail each, and one SLA warning mail
// per enquiry on top. Alerts are now gathered per recipient, the way
// Alertmanager groups alerts (group_wait, group_interval):
//
//   - the first alert for a recipient that has had no mail for
//     alerts.group_interval goes at once (after alerts.group_wait, default
//     0), as before;
//   - alerts arriving within group_interval of that mail wait, and go out
//     together as one summary when the interval is up ("7 new enquiries
//     for you, 2 from wires"), listing each enquiry's reference, outlet,
//     subject, due time and link (at most alerts.max_per_mail of them; the
//     rest are counted and the queue linked);
//   - two classes are grouped apart: new and reassigned enquiries
//     ("enquiries"), and SLA warnings, breaches and escalations ("sla").
//
// The state lives in Redis (groups.lua): per recipient and class a hash
// (time of the last mail, batch sequence) and a list of waiting items; a
// sorted set of groups due to be mailed; every item key seen (a replayed
// event adds nothing); batches claimed but not yet in the outbox. Claiming
// moves a group's items into a batch in one script; the summary is queued
// in the outbox under the batch's key ("alerts:<officer>|<class>|<seq>"),
// and only then is the batch removed, so a flusher that dies in between
// leaves the batch to the next flush, whose enqueue under the same key
// does nothing: each summary is sent exactly once, like any outbox mail.
// Time is the desk clock (a fake clock in tests), so nothing sleeps.

//go:embed groups.lua
var groupsLua string

var groupsScript = redis.NewScript(groupsLua)

// Alert classes grouped apart.
const (
	groupEnquiries = "enquiries"
	groupSLA       = "sla"
)

// groupClass is the class n is grouped in, "" when it is sent alone:
// grouping is off, n is not about one enquiry, or its kind is not grouped.
func (s *Service) groupClass(n Notification) string {
	if s.cfg.Alerts.Grouping() <= 0 || n.Ref == "" {
		return ""
	}
	switch n.Kind {
	case NotifyAssigned, NotifyReassigned:
		return groupEnquiries
	case NotifyWarning, NotifyBreach, NotifyEscalation:
		return groupSLA
	}
	return ""
}

// groupItem is one alert waiting in a group: enough to list it in a
// summary without reading the enquiry again.
type groupItem struct {
	Key     string `json:"key"`
	Kind    string `json:"kind"`
	Ref     string `json:"ref"`
	Subject string `json:"subject,omitempty"`
	From    string `json:"from,omitempty"`
	Outlet  string `json:"outlet,omitempty"`
	Tier    string `json:"tier,omitempty"`
	Clock   string `json:"clock,omitempty"`
	Due     int64  `json:"due,omitempty"`
	At      int64  `json:"at"`
}

// newGroupItem describes n (about enquiry e) for officer id.
func newGroupItem(n Notification, e *store.Enquiry, id string, now time.Time) groupItem {
	it := groupItem{Key: n.Key + ":" + id, Kind: n.Kind, Ref: e.Ref, Subject: e.Subject, From: e.From,
		Outlet: e.Outlet, Tier: e.OutletTier, Clock: n.Clock, At: now.UnixMilli()}
	if !n.Due.IsZero() {
		it.Due = n.Due.UnixMilli()
	} else {
		// A new enquiry: its nearest unmet due time.
		for _, c := range store.Clocks {
			if cl, ok := e.Clocks[c]; ok && !cl.Due.IsZero() && cl.Met.IsZero() && (it.Due == 0 || cl.Due.UnixMilli() < it.Due) {
				it.Due, it.Clock = cl.Due.UnixMilli(), c
			}
		}
	}
	return it
}

// group offers officer id's alert to its group: true when it is to be
// mailed alone, now; false when it waits for the group's summary (or was
// offered before and is already waiting or sent).
func (s *Service) group(ctx context.Context, class, id string, it groupItem) (bool, error) {
	b, err := json.Marshal(it)
	if err != nil {
		return false, err
	}
	res, err := groupsScript.Run(ctx, s.rdb, []string{s.keys.Key("alerts:due")}, s.keys.Prefix(), "add",
		id+"|"+class, it.Key, string(b), s.clock.Now().UnixMilli(),
		s.cfg.Alerts.GroupWait.Milliseconds(), s.cfg.Alerts.Grouping().Milliseconds()).Text()
	if err != nil {
		return false, fmt.Errorf("alert group %s|%s: %w", id, class, err)
	}
	return res == "now", nil
}

// alertBatch is a group's claimed items, to be mailed as one summary.
type alertBatch struct {
	ID    string      `json:"id"`
	Group string      `json:"group"`
	At    int64       `json:"at"`
	Items []groupItem `json:"items"`
}

// FlushAlerts mails every alert group whose time has come (by the desk
// clock) and any batch a dead flusher left behind; it returns how many
// summaries it queued. Safe to run on every replica at once.
func (s *Service) FlushAlerts(ctx context.Context) (int, error) {
	if s.cfg.Alerts.Grouping() <= 0 {
		return 0, nil
	}
	for {
		n, err := groupsScript.Run(ctx, s.rdb, []string{s.keys.Key("alerts:due")}, s.keys.Prefix(), "claim",
			s.clock.Now().UnixMilli(), 100).Int()
		if err != nil {
			return 0, fmt.Errorf("claim alert groups: %w", err)
		}
		if n < 100 {
			break
		}
	}
	all, err := s.rdb.HGetAll(ctx, s.keys.Key("alerts:batches")).Result()
	if err != nil {
		return 0, fmt.Errorf("read alert batches: %w", err)
	}
	ids := make([]string, 0, len(all))
	for id := range all {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	sent := 0
	for _, id := range ids {
		var b alertBatch
		if err := json.Unmarshal([]byte(all[id]), &b); err != nil {
			s.log.Error("unreadable alert batch dropped", "batch", id, "err", err)
		} else if err := s.mailBatch(ctx, &b); err != nil {
			return sent, err
		} else {
			sent++
		}
		if err := groupsScript.Run(ctx, s.rdb, []string{s.keys.Key("alerts:due")}, s.keys.Prefix(), "done", id).Err(); err != nil {
			return sent, fmt.Errorf("finish alert batch %s: %w", id, err)
		}
	}
	return sent, nil
}

// runAlertGroups flushes due alert groups about every second until ctx
// ends.
func (s *Service) runAlertGroups(ctx context.Context) error {
	delay := time.Second
	for ctx.Err() == nil {
		if _, err := s.FlushAlerts(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("alert groups: will try again", "err", err, "in", delay)
			delay = min(delay*2, time.Minute)
		} else {
			delay = time.Second
		}
		select {
		case <-ctx.Done():
		case <-time.After(jitter(delay)):
		}
	}
	return nil
}

// mailBatch queues one group's summary mail (and webhook post); a batch
// of one is mailed as the ordinary alert, under the batch's key.
func (s *Service) mailBatch(ctx context.Context, b *alertBatch) error {
	officerID, class, _ := strings.Cut(b.Group, "|")
	off := s.cfg.Officer(officerID)
	if off == nil {
		s.log.Warn("alert group for an officer no longer in the config, dropped", "group", b.Group, "alerts", len(b.Items))
		return nil
	}
	if len(b.Items) == 0 {
		return nil
	}
	key := "alerts:" + b.ID
	if len(b.Items) == 1 {
		// One alert in the interval: the ordinary alert, with every detail.
		it := b.Items[0]
		e, err := s.st.Enquiry(ctx, it.Ref)
		if err == nil {
			n := Notification{Key: key, Kind: it.Kind, Ref: it.Ref, Officer: off.ID, Clock: it.Clock, By: "system",
				Urgent: it.Kind == NotifyBreach || it.Kind == NotifyEscalation}
			if class == groupSLA && it.Due > 0 {
				n.Due = time.UnixMilli(it.Due)
			}
			return s.notifyNow(ctx, n, e, []string{off.ID}, false)
		}
		if !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	subject, text, urgent := s.summary(off, class, b)
	if s.cfg.Alerts.EmailOn() && off.Email != "" {
		raw, mid, err := s.composer.Compose(Draft{
			From: s.from, To: []*mailAddress{{Name: off.Name, Address: off.Email}},
			Subject: subject, Text: text, AutoSubmitted: "auto-generated", Urgent: urgent,
			Date: s.clock.Now(), MessageID: s.composer.NewMessageID("", "summary"),
		})
		if err != nil {
			return err
		}
		if _, err := s.outbox.Enqueue(ctx, Outgoing{Key: key, Kind: KindAlert, From: s.envelopeFrom,
			To: []string{off.Email}, Raw: raw, MessageID: mid, Subject: subject,
			Record: Record{By: "system"}}); err != nil {
			return err
		}
	}
	if s.webhookOn() {
		refs := make([]string, 0, len(b.Items))
		for _, it := range b.Items {
			refs = append(refs, it.Ref)
		}
		payload, _ := json.Marshal(map[string]any{"text": subject + " (for " + off.Name + ")" + s.queueSuffix(),
			"kind": "summary", "officers": []string{off.ID}, "refs": refs, "url": s.queueLink()})
		if _, err := s.outbox.Enqueue(ctx, Outgoing{Key: key + ":webhook", Kind: KindWebhook, Payload: payload,
			Subject: subject, To: []string{"webhook"}, Record: Record{By: "system"}}); err != nil {
			return err
		}
	}
	return nil
}

// queueLink is the dashboard's queue ("" without web.base_url).
func (s *Service) queueLink() string {
	if s.cfg.Web.BaseURL == "" {
		return ""
	}
	return strings.TrimRight(s.cfg.Web.BaseURL, "/") + "/queues/mine"
}

func (s *Service) queueSuffix() string {
	if l := s.queueLink(); l != "" {
		return ": " + l
	}
	return ""
}

// summary is the subject, text and urgency of a group's mail.
func (s *Service) summary(off *config.Officer, class string, b *alertBatch) (string, string, bool) {
	now := s.clock.Now()
	loc := s.cfg.Location
	items := b.Items
	count := map[string]int{}
	wires, urgent := 0, false
	for _, it := range items {
		count[it.Kind]++
		if it.Tier == "wire" {
			wires++
		}
		if it.Kind == NotifyBreach || it.Kind == NotifyEscalation {
			urgent = true
		}
	}
	var subject string
	if class == groupSLA {
		var parts []string
		for _, k := range []struct{ kind, one, many string }{
			{NotifyEscalation, "escalation", "escalations"}, {NotifyBreach, "breach", "breaches"}, {NotifyWarning, "warning", "warnings"},
		} {
			if c := count[k.kind]; c > 0 {
				parts = append(parts, plural(c, k.one, k.many))
			}
		}
		subject = "SLA: " + strings.Join(parts, ", ") + " for you"
	} else {
		switch {
		case count[NotifyReassigned] == len(items):
			subject = plural(len(items), "enquiry", "enquiries") + " reassigned to you"
		default:
			subject = plural(len(items), "new enquiry", "new enquiries") + " for you"
		}
		if wires == 1 {
			subject += ", 1 from a wire"
		} else if wires > 1 {
			subject += fmt.Sprintf(", %d from wires", wires)
		}
	}
	var t strings.Builder
	fmt.Fprintf(&t, "%s,\n\n%s.\n\n", off.Name, subject)
	max := s.cfg.Alerts.MaxPerMail
	if max <= 0 {
		max = 50
	}
	for i, it := range items {
		if i == max {
			break
		}
		// Outlet and tier are the desk's own names (config); From is a parsed
		// address (no spaces or line breaks), shown as the alert's From row is.
		outlet := it.Outlet
		if outlet == "" {
			outlet = it.From
		}
		if it.Tier != "" {
			outlet += " (" + it.Tier + ")"
		}
		subj := InertText(it.Subject, 100)
		if subj == "" {
			subj = "(no subject)"
		}
		what := ""
		switch it.Kind {
		case NotifyReassigned:
			what = "reassigned; "
		case NotifyWarning:
			what = "warning: "
		case NotifyBreach:
			what = "BREACHED: "
		case NotifyEscalation:
			what = "ESCALATED: "
		}
		fmt.Fprintf(&t, "- %s  %s\n  %s\n", it.Ref, outlet, subj)
		if it.Due > 0 {
			due := time.UnixMilli(it.Due)
			if it.Kind == NotifyBreach || it.Kind == NotifyEscalation {
				fmt.Fprintf(&t, "  %s%s was due %s\n", what, clockName(it.Clock), When(due, now, loc))
			} else {
				fmt.Fprintf(&t, "  %s%s due %s\n", what, clockName(it.Clock), Expected(due, now, loc))
			}
		}
		if l := s.link(it.Ref); l != "" {
			fmt.Fprintf(&t, "  %s\n", l)
		}
		t.WriteString("\n")
	}
	if len(items) > max {
		fmt.Fprintf(&t, "... and %d more", len(items)-max)
		if l := s.queueLink(); l != "" {
			fmt.Fprintf(&t, ": your queue lists them all, %s", l)
		}
		t.WriteString("\n\n")
	}
	fmt.Fprintf(&t, "Alerts are grouped: the first goes at once, then at most one summary every %s. This summary was sent automatically by %s.\n",
		s.cfg.Alerts.Grouping(), s.cfg.Desk.Name)
	return subject, t.String(), urgent
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
