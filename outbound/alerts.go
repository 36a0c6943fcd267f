package outbound

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/store"
)

// Notification kinds the desk sends officers. Any other word is allowed
// and shown as is.
const (
	NotifyAssigned   = "assigned"
	NotifyReassigned = "reassigned"
	NotifyWarning    = "warning"
	NotifyBreach     = "breach"
	NotifyEscalation = "escalation"
)

// Notification tells officers about an enquiry (or, without Ref, about
// anything, such as a daily digest), by email (unless alerts.email is off)
// and through the webhook (when configured).
type Notification struct {
	// Key is the idempotency key (required): the same key never notifies
	// twice, e.g. "sla:<ref>:first_response:breach:<due ms>".
	Key  string
	Kind string
	// Ref is the enquiry ("" for notices about no single enquiry; then
	// Subject and Text are required).
	Ref string
	// Officer and To are the officer ids to tell.
	Officer string
	To      []string
	// Clock and Due describe the SLA clock for warning, breach and
	// escalation.
	Clock string
	Due   time.Time
	// By is who caused it (e.g. the officer who reassigned), From the
	// previous officer on a reassignment.
	By   string
	From string
	// Subject replaces the generated headline; Text is an extra paragraph
	// (the whole body when there is no Ref).
	Subject string
	Text    string
	// Urgent marks the email high priority.
	Urgent bool
}

// Notify queues a notification. It is safe to call again with the same
// Key (after a crash, from two replicas): each officer is told once.
func (s *Service) Notify(ctx context.Context, n Notification) error {
	if n.Key == "" {
		return errors.New("notify: Key is required")
	}
	var ids []string
	seen := map[string]bool{}
	for _, id := range append([]string{n.Officer}, n.To...) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return fmt.Errorf("notify %s: nobody to tell", n.Key)
	}
	var e *store.Enquiry
	if n.Ref != "" {
		var err error
		if e, err = s.st.Enquiry(ctx, n.Ref); err != nil {
			return fmt.Errorf("notify: %w", err)
		}
	} else if n.Subject == "" || n.Text == "" {
		return fmt.Errorf("notify %s: without a Ref, Subject and Text are required", n.Key)
	}
	// The email keys depend on how many were to be told, not on how many
	// are told alone now (a replay must give the same keys).
	multi := len(ids) > 1
	if class := s.groupClass(n); class != "" {
		// Grouped (groups.go): only officers whose group has been quiet
		// are told now; the others get the group's summary later.
		var alone []string
		for _, id := range ids {
			if s.cfg.Officer(id) == nil {
				alone = append(alone, id) // warned about below
				continue
			}
			now, err := s.group(ctx, class, id, newGroupItem(n, e, id, s.clock.Now()))
			if err != nil {
				return err
			}
			if now {
				alone = append(alone, id)
			}
		}
		if len(alone) == 0 {
			return nil
		}
		ids = alone
	}
	return s.notifyNow(ctx, n, e, ids, multi)
}

// notifyNow mails n to each of ids (one key per officer when multi) and
// posts it to the webhook, now.
func (s *Service) notifyNow(ctx context.Context, n Notification, e *store.Enquiry, ids []string, multi bool) error {
	kind := KindNotification
	if n.Kind == NotifyAssigned || n.Kind == NotifyReassigned {
		kind = KindAlert
	}
	var names []string
	var headline string
	for _, id := range ids {
		off := s.cfg.Officer(id)
		if off == nil {
			s.log.Warn("notify: unknown officer, skipped", "key", n.Key, "officer", id)
			continue
		}
		names = append(names, off.Name)
		var text string
		headline, text = s.alertText(e, n, off)
		if !s.cfg.Alerts.EmailOn() || off.Email == "" {
			continue
		}
		key := n.Key + ":email"
		if multi {
			key += ":" + off.ID
		}
		subject := headline
		ref := ""
		if e != nil {
			ref = e.Ref
			if !strings.Contains(headline, "["+e.Ref+"]") {
				subject = "[" + e.Ref + "] " + headline
			}
		}
		raw, mid, err := s.composer.Compose(Draft{
			From: s.from, To: []*mailAddress{{Name: off.Name, Address: off.Email}},
			Subject: subject, Text: text, AutoSubmitted: "auto-generated", Ref: ref, Urgent: n.Urgent,
			Date: s.clock.Now(), MessageID: s.composer.NewMessageID(ref, n.Kind),
		})
		if err != nil {
			return err
		}
		if _, err := s.outbox.Enqueue(ctx, Outgoing{Key: key, Kind: kind, Ref: ref, From: s.envelopeFrom,
			To: []string{off.Email}, Raw: raw, MessageID: mid, Subject: subject,
			Record: Record{By: "system", Timeline: n.Kind + " alert emailed to " + off.ID}}); err != nil {
			return err
		}
	}
	if len(names) == 0 {
		return fmt.Errorf("notify %s: no known officer among %v", n.Key, ids)
	}
	if s.webhookOn() {
		ref, link := "", ""
		text := headline + " (for " + strings.Join(names, ", ") + ")"
		if e != nil {
			ref, link = e.Ref, s.link(e.Ref)
			text = headline + " — " + e.Ref + " for " + strings.Join(names, ", ") + s.linkSuffix(e.Ref)
		}
		payload, _ := json.Marshal(map[string]any{"text": text, "ref": ref, "kind": n.Kind, "officers": ids, "url": link})
		if _, err := s.outbox.Enqueue(ctx, Outgoing{Key: n.Key + ":webhook", Kind: KindWebhook, Ref: ref, Payload: payload,
			Subject: headline, To: []string{"webhook"}, Record: Record{By: "system", Timeline: n.Kind + " alert posted to the webhook"}}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) webhookOn() bool {
	return s.cfg.Alerts.WebhookURLEnv != "" && s.secret(s.cfg.Alerts.WebhookURLEnv) != ""
}

// link is the enquiry's page on the dashboard ("" without web.base_url).
func (s *Service) link(ref string) string {
	if s.cfg.Web.BaseURL == "" {
		return ""
	}
	return strings.TrimRight(s.cfg.Web.BaseURL, "/") + "/enquiries/" + url.PathEscape(ref)
}

func (s *Service) linkSuffix(ref string) string {
	if l := s.link(ref); l != "" {
		return ": " + l
	}
	return ""
}

// alertText is the headline and body of an alert.
func (s *Service) alertText(e *store.Enquiry, n Notification, off *config.Officer) (string, string) {
	now := s.clock.Now()
	loc := s.cfg.Location
	if e == nil {
		return n.Subject, n.Text
	}
	// The journalist's words reach the officer inert: one line, no link to
	// click in mail that comes from the desk's own trusted address.
	subj := InertText(e.Subject, 120)
	if subj == "" {
		subj = "(no subject)"
	}
	var headline string
	switch n.Kind {
	case NotifyAssigned:
		headline = "New enquiry for you: " + subj
	case NotifyReassigned:
		headline = "Enquiry reassigned to you: " + subj
	case NotifyWarning:
		headline = clockName(n.Clock) + " due " + Expected(n.Due, now, loc) + ": " + subj
	case NotifyBreach:
		headline = "SLA breached, " + clockName(n.Clock) + " was due " + When(n.Due, now, loc) + ": " + subj
	case NotifyEscalation:
		headline = "Escalation, " + clockName(n.Clock) + " overdue: " + subj
	case "":
		headline = "About " + subj
	default:
		headline = n.Kind + ": " + subj
	}
	if n.Subject != "" {
		headline = n.Subject
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s,\n\n%s.\n", off.Name, headline)
	if n.Text != "" {
		fmt.Fprintf(&b, "\n%s\n", n.Text)
	}
	b.WriteString("\n")
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-10s %s\n", k+":", v)
		}
	}
	row("Reference", e.Ref)
	from := e.From
	if name := InertText(e.FromName, 60); name != "" {
		from = name + " <" + e.From + ">"
	}
	row("From", from)
	outlet := e.Outlet
	if outlet != "" && e.OutletTier != "" {
		outlet += " (" + e.OutletTier + ")"
	}
	row("Outlet", outlet)
	row("Subject", subj)
	if t := s.cfg.Topic(e.Topic); t != nil {
		row("Topic", t.Name)
	}
	if !e.Deadline.IsZero() {
		d := When(e.Deadline, now, loc)
		if e.DeadlinePhrase != "" {
			d += " (\"" + InertText(e.DeadlinePhrase, 80) + "\")"
		}
		row("Deadline", d)
	}
	if e.ReleaseTitle != "" {
		row("Release", e.ReleaseTitle)
	}
	var dues []string
	for _, c := range store.Clocks {
		cl, ok := e.Clocks[c]
		if !ok || cl.Due.IsZero() || !cl.Met.IsZero() {
			continue
		}
		dues = append(dues, clockName(c)+" "+Expected(cl.Due, now, loc))
	}
	row("Due", strings.Join(dues, "; "))
	assigned := n.Officer
	if o := s.cfg.Officer(n.Officer); o != nil {
		assigned = o.Name
	}
	if n.From != "" {
		prev := n.From
		if o := s.cfg.Officer(n.From); o != nil {
			prev = o.Name
		}
		assigned += " (from " + prev + ")"
	}
	row("Assigned", assigned)
	if n.By != "" && n.By != "system" {
		by := n.By
		if o := s.cfg.Officer(n.By); o != nil {
			by = o.Name
		}
		row("By", by)
	}
	if l := s.link(e.Ref); l != "" {
		fmt.Fprintf(&b, "\nOpen the enquiry: %s\n", l)
	}
	fmt.Fprintf(&b, "\nReplies to the journalist keep [%s] in the subject. This alert was sent automatically by %s.\n", e.Ref, s.cfg.Desk.Name)
	return headline, b.String()
}

func clockName(c string) string {
	switch c {
	case store.ClockAcknowledge:
		return "holding reply"
	case store.ClockFirstResponse:
		return "first response"
	case store.ClockNextResponse:
		return "next response"
	case store.ClockResolution:
		return "resolution"
	case "":
		return "response"
	}
	return strings.ReplaceAll(c, "_", " ")
}
