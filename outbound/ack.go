package outbound

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// DefaultAckTemplate is the built-in acknowledgement body (text/template;
// fields of AckData).
const DefaultAckTemplate = `{{if .Name}}Dear {{.Name}},{{else}}Hello,{{end}}

Thank you for your enquiry{{if .Subject}} about "{{.Subject}}"{{end}}. It has reached the {{.Desk}} and its reference is {{.Ref}}.

It is being handled by {{.Team}}, and you can expect a response {{.Expected}}.{{if .Deadline}} We have noted your deadline of {{.Deadline}}.{{else if .DeadlinePassed}} Your deadline of {{.DeadlinePassed}} had already passed when your enquiry reached us; we will answer as soon as we can.{{end}}

If you write again about this enquiry, please keep {{.Ref}} in the subject line so that it reaches the right people.

This is an automatic acknowledgement.

{{.Desk}}
{{.DeskAddress}}
`

// AckData is what an acknowledgement template can use.
type AckData struct {
	Ref         string
	Desk        string // desk.name
	DeskAddress string // desk.address
	// Team is who handles it: the shift's name ("the Home affairs desk")
	// or "our duty press officers"; never a person.
	Team    string
	Name    string // the journalist's name, "" when unknown
	Email   string
	Subject string
	Outlet  string
	Topic   string // topic name
	Release string // linked release title
	// Expected is the expected response time in plain words in desk
	// time: "by 10:45 today", "by 09:15 tomorrow (Tuesday)".
	Expected string
	Due      time.Time // first response due, in desk time (zero if none)
	// Deadline is the journalist's own deadline in plain words, or "" —
	// also "" when it has passed, so that no template cites a passed
	// deadline as if it could still be met.
	Deadline string
	// DeadlinePassed is the journalist's deadline in plain words when it
	// had passed by the time the acknowledgement was written, else "".
	DeadlinePassed string
}

// parseAckTemplate reads the configured template (or the default) and
// checks it renders.
func parseAckTemplate(cfg *config.Config) (*template.Template, error) {
	return parseAckTemplateFile(cfg, "acknowledgements.template", cfg.Ack.Template)
}

// parseAckTemplates reads the per-language templates
// (acknowledgements.templates.<lang>), each checked as the default is.
func parseAckTemplates(cfg *config.Config) (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for lang, file := range cfg.Ack.Templates {
		t, err := parseAckTemplateFile(cfg, "acknowledgements.templates."+lang, file)
		if err != nil {
			return nil, err
		}
		out[lang] = t
	}
	return out, nil
}

// ackTemplateFor is the template for an enquiry in lang: the language's
// own when the desk has one, else def (acknowledgements.template or the
// built-in English body).
func ackTemplateFor(byLang map[string]*template.Template, def *template.Template, lang string) *template.Template {
	if t, ok := byLang[lang]; ok && lang != "" {
		return t
	}
	return def
}

// parseAckTemplateFile reads the template file (relative to the config;
// "" is the built-in body) and checks it renders; key names it in errors.
func parseAckTemplateFile(cfg *config.Config, key, file string) (*template.Template, error) {
	text := DefaultAckTemplate
	name := "acknowledgement"
	if file != "" {
		path := cfg.Resolve(file)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		text, name = string(b), path
	}
	t, err := template.New(name).Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	sample := AckData{Ref: "REF-2000-000001", Desk: "Desk", DeskAddress: "desk@example.org", Team: "the desk",
		Name: "Jo", Subject: "Subject", Expected: "by 10:00 today", Due: time.Now(), Deadline: "16:00 today"}
	if err := t.Execute(&bytes.Buffer{}, sample); err != nil {
		return nil, fmt.Errorf("%s does not render: %w", key, err)
	}
	return t, nil
}

// Expected says when something is due, in desk time, in plain words:
// "by 10:45 today", "by 09:15 tomorrow (Tuesday)", "by 14:00 on Thursday",
// "by 14:00 on Thursday 19 October"; "as soon as possible" when the due
// time has passed or is unknown.
func Expected(due, now time.Time, loc *time.Location) string {
	if due.IsZero() || !due.After(now) {
		return "as soon as possible"
	}
	return "by " + When(due, now, loc)
}

// When names a moment relative to now in desk time: "10:45 today",
// "09:15 tomorrow (Tuesday)", "14:00 on Thursday", "14:00 on Thursday 19
// October", "14:00 yesterday".
func When(t, now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	t, now = t.In(loc), now.In(loc)
	clock := t.Format("15:04")
	days := dayIndex(t) - dayIndex(now)
	switch {
	case days == 0:
		return clock + " today"
	case days == 1:
		return clock + " tomorrow (" + t.Weekday().String() + ")"
	case days == -1:
		return clock + " yesterday"
	case days > 1 && days < 7:
		return clock + " on " + t.Weekday().String()
	case t.Year() == now.Year():
		return clock + " on " + t.Format("Monday 2 January")
	default:
		return clock + " on " + t.Format("Monday 2 January 2006")
	}
}

// dayIndex counts calendar days (in t's location) since an epoch.
func dayIndex(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}

var noReplyRe = regexp.MustCompile(`^(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?|auto[-_.]?(reply|responder|mailer)|notifications?|alerts?|daemon)([-_.+].*)?$|no[-_.]?reply|do[-_.]?not[-_.]?reply`)

// NoReplyAddress reports whether an address should never get automatic
// mail: no-reply, do-not-reply, mailer-daemon, postmaster, bounces,
// notification robots.
func NoReplyAddress(addr string) bool {
	addr = strings.ToLower(strings.TrimSpace(addr))
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 {
		return true
	}
	return noReplyRe.MatchString(addr[:at])
}

// ackDecision decides whether an enquiry gets an acknowledgement. It
// returns the reason when it does not.
func (s *Service) ackDecision(ctx context.Context, e *store.Enquiry, m *store.Message, to string) (string, error) {
	switch {
	case m.Automatic != mailparse.NotAutomatic:
		return "automatic mail (" + string(m.Automatic) + ": " + m.AutoReason + ")", nil
	case m.Header[LoopHeader] != "" || strings.Contains(m.Text, LoopHeader+":"):
		return "it carries or quotes our loop header " + LoopHeader, nil
	case to == "":
		return "no address to reply to", nil
	case s.ownAddress(to) || s.ownAddress(m.From.Addr):
		return "the sender is the desk or one of its officers (or in desk.own_domains)", nil
	case NoReplyAddress(to) || NoReplyAddress(m.From.Addr):
		return "the sender is a no-reply or robot address", nil
	case e.Status != store.StatusOpen:
		return "the enquiry is already " + string(e.Status), nil
	case e.Channel != "" && e.Fields["ack_requested"] != "1":
		return "a " + e.Channel + " enquiry logged on the dashboard without \"send acknowledgement\"", nil
	}
	for _, c := range []string{store.ClockAcknowledge, store.ClockFirstResponse} {
		if !e.Clocks[c].Met.IsZero() {
			return "the desk has already replied", nil
		}
	}
	if age := s.clock.Now().Sub(e.Created); age > s.opts.AckMaxAge {
		return fmt.Sprintf("the enquiry is %s old", age.Round(time.Minute)), nil
	}
	// A message answering one of our own (an acknowledgement, a reply) is
	// part of a thread we have already acknowledged; from a different
	// sender it is usually a robot or a forwarding system.
	for _, id := range append(append([]string{}, m.InReplyTo...), m.References...) {
		own, err := s.ownMessageID(ctx, id)
		if err != nil {
			return "", err
		}
		if own {
			return "it replies to a message the desk sent: the thread is already acknowledged", nil
		}
	}
	return "", nil
}

// ownMessageID reports whether a Message-ID is one the desk sent.
func (s *Service) ownMessageID(ctx context.Context, id string) (bool, error) {
	id = strings.Trim(id, "<> ")
	if id == "" {
		return false, nil
	}
	if k, err := s.outbox.KeyForMessageID(ctx, id); err != nil || k != "" {
		return k != "", err
	}
	return s.st.IsOwnMessageID(ctx, id)
}

// ownAddress reports whether addr is the desk's own (config.IsOwnAddress:
// the desk's, the SMTP sender's, a mailbox's, an officer's, or in one of
// desk.own_domains).
func (s *Service) ownAddress(addr string) bool { return s.cfg.IsOwnAddress(addr) }

// acknowledge queues (or records the suppression of) the acknowledgement
// of a new enquiry. Idempotent: the key is ack:<ref>.
func (s *Service) acknowledge(ctx context.Context, ref, mkey string) error {
	if !s.cfg.Ack.On() {
		return nil
	}
	key := "ack:" + ref
	e, err := s.st.Enquiry(ctx, ref)
	if err != nil {
		return err
	}
	m, err := s.st.Message(ctx, mkey)
	if err != nil {
		return fmt.Errorf("first message of %s: %w", ref, err)
	}
	rcpt := ackRecipient(&m.Message)
	rcpt.Name = InertText(rcpt.Name, maxAckName)
	subject := InertText(e.Subject, maxAckSubject)
	reason, err := s.ackDecision(ctx, e, m, rcpt.Addr)
	if err != nil {
		return err
	}
	out := Outgoing{Key: key, Kind: KindAck, Ref: ref, From: s.envelopeFrom, To: []string{rcpt.Addr},
		Subject: ReplySubject(ref, subject)}
	if reason != "" {
		out.Suppress = reason
		return s.enqueueAck(ctx, out, rcpt.Addr)
	}
	now := s.clock.Now()
	data := AckData{
		Ref: ref, Desk: s.cfg.Desk.Name, DeskAddress: s.cfg.Desk.Address, Team: team(e),
		Name: rcpt.Name, Email: rcpt.Addr, Subject: subject, Outlet: e.Outlet, Release: e.ReleaseTitle,
		Expected: Expected(e.Clocks[store.ClockFirstResponse].Due, now, s.cfg.Location),
	}
	if t := s.cfg.Topic(e.Topic); t != nil {
		data.Topic = t.Name
	}
	if due := e.Clocks[store.ClockFirstResponse].Due; !due.IsZero() {
		data.Due = due.In(s.cfg.Location)
	}
	data.Deadline, data.DeadlinePassed = ackDeadline(e.Deadline, now, s.cfg.Location)
	var body bytes.Buffer
	if err := ackTemplateFor(s.ackByLang, s.ackTmpl, e.Lang).Execute(&body, data); err != nil {
		return fmt.Errorf("acknowledgement template: %w", err)
	}
	raw, mid, err := s.composer.Compose(Draft{
		From: s.from, ReplyTo: s.replyTo, To: []*mailAddress{{Name: rcpt.Name, Address: rcpt.Addr}},
		Subject: out.Subject, InReplyTo: threadIDs(&m.Message, false), References: threadIDs(&m.Message, true),
		Text: body.String(), NoLinks: true, AutoSubmitted: "auto-replied", Ref: ref, Date: now,
		MessageID: s.composer.NewMessageID(ref, "ack"),
	})
	if err != nil {
		return err
	}
	out.Raw, out.MessageID = raw, mid
	out.Append = s.appendMailbox(e.Mailbox)
	out.Record = Record{By: "system", Timeline: "acknowledgement sent to " + rcpt.Addr + " (response expected " + data.Expected + ")"}
	if s.autoAckMeetsHolding(e.Policy) {
		// Recorded as a holding reply once sent (Service.finish →
		// store.RecordResponse), which meets the holding-reply clock.
		out.Record.Response, out.Record.Via = string(store.Holding), "auto-ack"
	}
	return s.enqueueAck(ctx, out, rcpt.Addr)
}

// autoAckMeetsHolding reports whether the enquiry's SLA policy lets the
// automatic acknowledgement meet the holding-reply clock
// (sla.policies[].auto_ack_meets_holding, off by default).
func (s *Service) autoAckMeetsHolding(policy string) bool {
	for i := range s.cfg.SLA.Policies {
		if p := &s.cfg.SLA.Policies[i]; p.ID == policy {
			return p.AutoAckMeetsHolding
		}
	}
	return false
}

// ackDeadline words the journalist's deadline for an acknowledgement
// written at now: (deadline, "") while it is still ahead, ("", passed)
// once it has passed, so the acknowledgement never cites a passed deadline
// as if it could be met; ("", "") when there is none.
func ackDeadline(deadline, now time.Time, loc *time.Location) (ahead, passed string) {
	switch {
	case deadline.IsZero():
		return "", ""
	case deadline.After(now):
		return When(deadline, now, loc), ""
	}
	return "", When(deadline, now, loc)
}

// deskAckRate is the rate key of the desk-wide acknowledgement limit.
const deskAckRate = "ack:*desk*"

func (s *Service) enqueueAck(ctx context.Context, out Outgoing, rcpt string) error {
	if out.Suppress == "" {
		// Per recipient first (so one prolific sender does not use up the
		// desk's allowance), then the desk as a whole.
		if s.cfg.Ack.PerSenderLimit > 0 {
			out.Rates = append(out.Rates, Rate{Key: "ack:" + strings.ToLower(rcpt), Limit: s.cfg.Ack.PerSenderLimit,
				Window: s.cfg.Ack.PerSenderWindow, Count: CountAckSenderLimited,
				Reason: fmt.Sprintf("more than %d acknowledgements to %s within %s", s.cfg.Ack.PerSenderLimit, rcpt, s.cfg.Ack.PerSenderWindow)})
		}
		if s.cfg.Ack.DeskLimitPerHour > 0 {
			out.Rates = append(out.Rates, Rate{Key: deskAckRate, Limit: s.cfg.Ack.DeskLimitPerHour, Window: time.Hour,
				Count:  CountAckDeskLimited,
				Reason: fmt.Sprintf("the desk has sent %d acknowledgements within the last hour (acknowledgements.desk_limit_per_hour)", s.cfg.Ack.DeskLimitPerHour)})
		}
	}
	res, err := s.outbox.Enqueue(ctx, out)
	if err != nil {
		return err
	}
	if res.State == StateSuppressed && !res.Existed {
		s.log.Info("acknowledgement not sent", "ref", out.Ref, "reason", res.Reason)
		if _, err := s.st.RecordOutbound(ctx, out.Ref, store.Outbound{Key: out.Key, Kind: KindAck, Status: StateSuppressed,
			To: rcpt, Detail: res.Reason, Text: "no acknowledgement sent: " + res.Reason}); err != nil {
			return err
		}
	}
	return nil
}

// team names who handles an enquiry without naming a person.
func team(e *store.Enquiry) string {
	if e.Shift != "" {
		name := e.Shift
		if i := strings.Index(name, " ("); i > 0 {
			name = name[:i]
		}
		if !strings.HasPrefix(strings.ToLower(name), "the ") {
			name = "our " + name
		}
		return name
	}
	return "our duty press officers"
}

// ackRecipient is where an acknowledgement of m goes: its From address.
// Its Reply-To is used only when it is in exactly From's domain (a
// journalist's own desk alias): anyone can write any Reply-To, and an
// automatic acknowledgement sent there would let a stranger make the desk
// mail a third party.
func ackRecipient(m *mailparse.Message) mailparse.Address {
	for _, a := range m.ReplyTo {
		if a.Addr == "" {
			continue
		}
		if d := domainOf(a.Addr); d != "" && d == domainOf(m.From.Addr) {
			if a.Name == "" && strings.EqualFold(a.Addr, m.From.Addr) {
				a.Name = m.From.Name
			}
			return a
		}
		break // only the first Reply-To is considered
	}
	return m.From
}

// domainOf is an address's domain, lower-cased ("" when there is none).
func domainOf(addr string) string {
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(addr[at+1:])), ".")
}

// Acknowledgements echo at most this much of the journalist's subject and
// name (runes), made inert by InertText.
const (
	maxAckSubject = 80
	maxAckName    = 60
)

var (
	// linkTokenRe finds what a mail client might make into a link: a
	// scheme, "www.", an address, or a host name with a dot and a
	// letters-only top-level label (any script).
	linkTokenRe = regexp.MustCompile(`(?i)[a-z][a-z0-9+.-]*:/|\bwww\.|\b(mailto|tel|sms|callto|data|javascript|file|ftp|news|irc|xmpp|sip):\S|[^\s@]@[\p{L}\p{N}-]+\.|[\p{L}\p{N}_-]+(\.[\p{L}\p{N}_-]+)*\.\p{L}{2,63}(\PL|$)`)
	// dotLikes are characters some clients read as a dot in a host name.
	dotLikes = strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".", "\u2024", ".", "\ufe52", ".")
)

// InertText makes untrusted text (a subject, a display name) safe to echo
// in automatic mail: control and format characters become spaces, runs of
// space collapse, every word that a mail client could turn into a link
// (a URL, "www.", an address, a host name) is replaced by "[link
// removed]", and the result is clipped to max runes with "…".
func InertText(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		if linkTokenRe.MatchString(dotLikes.Replace(w)) {
			w = "[link removed]"
			if n := len(out); n > 0 && out[n-1] == w {
				continue
			}
		}
		out = append(out, w)
	}
	s = strings.Join(out, " ")
	if max < 1 {
		return ""
	}
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:max-1])) + "…"
	}
	return s
}

// replyAddress is where a person's reply to m goes: its Reply-To, else
// From. (Automatic mail uses ackRecipient.)
func replyAddress(m *mailparse.Message) mailparse.Address {
	for _, a := range m.ReplyTo {
		if a.Addr != "" {
			if a.Name == "" && strings.EqualFold(a.Addr, m.From.Addr) {
				a.Name = m.From.Name
			}
			return a
		}
	}
	return m.From
}

// threadIDs gives In-Reply-To (the message itself) or References (its
// references plus itself) for a reply to m. A derived Message-ID is not
// one the sender's client knows, so it is left out.
func threadIDs(m *mailparse.Message, refs bool) []string {
	var out []string
	if refs {
		out = append(out, m.References...)
		if len(out) == 0 && len(m.InReplyTo) == 1 {
			out = append(out, m.InReplyTo...)
		}
	}
	if m.MessageID != "" && !m.DerivedID {
		out = append(out, m.MessageID)
	}
	return out
}
