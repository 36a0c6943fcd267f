package routing

import (
	"regexp"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/deadline"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/sla/plan"
)

// Input is what routing needs to know about one message.
type Input struct {
	MessageID string
	// From is the sender's address, FromName their display name (its
	// words, the journalist's own name in a signature, are no evidence
	// for the linker: "Mahmoud" is the sender, not the Hamas co-founder).
	From     string
	FromName string
	Subject  string
	// NewText is what the sender wrote (no quoted history, signature or
	// forwarded content); QuotedText the quoted history; ForwardedText
	// forwarded content (inline or an attached message).
	NewText, QuotedText, ForwardedText string
	// URLs found anywhere in the message.
	URLs []string
	// Date is the message's Date: relative words ("today's",
	// "yesterday's") and the journalist's deadline are read against it.
	Date time.Time
	// Received is when the desk received the message; SLA clocks start
	// then. Zero means Date (then the routing moment).
	Received time.Time
	// Automatic is non-empty for auto-replies, bounces, bulk mail and read
	// receipts (a mailparse.AutoKind).
	Automatic string
	// IsReply is set for a reply (In-Reply-To, or a "Re:" subject).
	IsReply bool
	// Language is the ISO 639-1 code of NewText when known (Classify
	// sets it from its detector): the linker reads the enquiry's words
	// and dates through that language's vocabulary.
	Language string
}

// replyPrefix matches a reply marker before a subject, in the desk's
// languages ("Re:", "AW:", "Odp:", "R:", "RIF:", "RES:", "YNT:", "Отв:",
// "Відп:", "Одг:", "ΑΠ:", "ΣΧΕΤ:", "رد:", "Përgjigje:"; mailparse's
// markers without the forwards').
var replyPrefix = regexp.MustCompile(`(?i)^\s*(re|aw|sv|antw|antwort|odp|odg|vs|r|ris|rif|res|resp|ynt|yanıt|cevap|отв|ответ|відп|одг|απ|σχετ|رد|përgjigje|pergjigje)\s*(\[\d+\])?\s*:`)

// InputFromMessage builds the routing input of a parsed message.
func InputFromMessage(m *mailparse.Message) Input {
	return Input{
		MessageID:     m.MessageID,
		From:          m.From.Addr,
		FromName:      m.From.Name,
		Subject:       m.Subject,
		NewText:       m.NewText,
		QuotedText:    m.QuotedText,
		ForwardedText: m.ForwardedText,
		URLs:          m.URLs,
		Date:          m.Date,
		Automatic:     string(m.Automatic),
		IsReply:       len(m.InReplyTo) > 0 || replyPrefix.MatchString(m.Subject),
	}
}

// Decision is the whole routing of one message, with reasons.
type Decision struct {
	Automatic bool   `json:"automatic"`
	AutoKind  string `json:"auto_kind,omitempty"`

	Outlet     string `json:"outlet"`
	OutletTier string `json:"outlet_tier"`

	Release       string  `json:"release"`
	ReleaseScore  float64 `json:"release_score"`
	ReleaseReason string  `json:"release_reason"`
	ReleaseTitle  string  `json:"release_title,omitempty"`
	ReleaseDetail string  `json:"release_detail,omitempty"`

	Topic       string `json:"topic"`
	TopicReason string `json:"topic_reason,omitempty"`

	// Language is the ISO 639-1 code of what the sender wrote ("": too
	// short to tell, or none of the desk's languages stood out).
	Language string `json:"language"`

	Officer       string `json:"officer"`
	OfficerReason string `json:"officer_reason,omitempty"`
	Shift         string `json:"shift,omitempty"`

	// Deadline is the journalist's own deadline (zero: none stated).
	Deadline       time.Time `json:"deadline"`
	DeadlinePhrase string    `json:"deadline_phrase,omitempty"`

	// Opened is when the SLA clocks start; Plan the due times (zero for
	// automatic mail).
	Opened time.Time `json:"opened"`
	Plan   plan.Plan `json:"plan"`
	// Policy is the SLA policy the plan came from (nil: none matched),
	// looked up once per message.
	Policy *config.Policy `json:"-"`
}

// Router routes messages. Its catalogue can be replaced at any time
// (SetCatalogue) without blocking Route, which reads one immutable snapshot.
type Router struct {
	cfg     *config.Config
	cat     atomic.Pointer[Catalogue]
	topics  *Topics
	outlets *Outlets
	rota    *Rota
	langs   *Languages
}

// NewRouter builds a router for cfg with the catalogue cat (nil: empty).
func NewRouter(cfg *config.Config, cat *Catalogue) (*Router, error) {
	rota, err := NewRota(cfg)
	if err != nil {
		return nil, err
	}
	langs, err := NewLanguages(cfg.Desk.Languages)
	if err != nil {
		return nil, err
	}
	r := &Router{cfg: cfg, topics: NewTopics(cfg), outlets: NewOutlets(cfg.Outlets), rota: rota, langs: langs}
	if cat == nil {
		cat = NewCatalogue(nil, cfg.Location)
	}
	r.cat.Store(cat)
	return r, nil
}

// Catalogue returns the current catalogue snapshot.
func (r *Router) Catalogue() *Catalogue { return r.cat.Load() }

// SetCatalogue swaps in a new catalogue snapshot; routings already under way
// finish on the old one.
func (r *Router) SetCatalogue(c *Catalogue) {
	if c != nil {
		r.cat.Store(c)
	}
}

// Languages returns the language detector.
func (r *Router) Languages() *Languages { return r.langs }

// Rota returns the compiled rota.
func (r *Router) Rota() *Rota { return r.rota }

// Outlets returns the outlet lookup.
func (r *Router) Outlets() *Outlets { return r.outlets }

// MaxRouteText is how much of each text of a message routing reads: the
// question, the deadline and the release are in the first pages; the
// rest of a huge message (a pasted report, hostile filler) only costs time.
const MaxRouteText = 256 << 10

// clipText cuts s to MaxRouteText bytes at a character boundary.
func clipText(s string) string {
	if len(s) <= MaxRouteText {
		return s
	}
	cut := MaxRouteText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// Route decides everything about one message at the moment now (which
// picks the officer on shift) given the desk's load: Classify, then
// AssignOfficer once. It is a pure function of its arguments, the config
// and the catalogue snapshot.
func (r *Router) Route(in Input, now time.Time, load Load) Decision {
	d := r.Classify(in, now)
	if !d.Automatic {
		r.AssignOfficer(&d, now, load)
	}
	return d
}

// Classify decides everything about one message but its officer: outlet,
// release, topic, language, deadline and the SLA plan. The officer is
// chosen once, by AssignOfficer, against the live load (the ingest
// pipeline classifies messages in parallel and assigns them one by one).
func (r *Router) Classify(in Input, now time.Time) Decision {
	var d Decision
	if o, ok := r.outlets.Lookup(in.From); ok {
		d.Outlet, d.OutletTier = o.Name, o.Tier
	}
	// Language, of what the sender wrote (not the quoted history); told
	// for automatic mail too.
	d.Language = r.langs.Detect(in.NewText)
	if in.Language == "" {
		in.Language = d.Language
	}
	if in.Automatic != "" {
		d.Automatic, d.AutoKind = true, in.Automatic
		return d
	}
	in.Subject = clipText(in.Subject)
	in.NewText, in.QuotedText, in.ForwardedText = clipText(in.NewText), clipText(in.QuotedText), clipText(in.ForwardedText)
	cat := r.cat.Load()
	if in.Date.IsZero() {
		// Without a Date, relative words are read against the routing
		// moment (and nothing below consults the wall clock).
		in.Date = now
	}

	// Release. The cue phrases, the linker and the topic matcher read the
	// same texts: m lower-cases and tokenises each once for all of them.
	m := newMessage(&in)
	foi, complaint := false, false
	if low, ok := m.lowerNewIfAny(requestCueKeys); ok {
		foi = isFOIRequestLower(low)
		complaint = !foi && isComplaintLower(in.Subject, low)
	}
	foi = foi || isFOIRequest(in.Subject)
	complaint = complaint && !foi
	switch {
	case foi:
		d.ReleaseDetail = "a freedom-of-information request, not a press enquiry about a release"
		d.Topic, d.TopicReason = r.cfg.FallbackTopic(), "freedom-of-information request"
	case complaint:
		d.ReleaseDetail = "a complaint about the desk's handling, not a press enquiry about a release"
		d.Topic, d.TopicReason = r.cfg.FallbackTopic(), "complaint about the desk's handling"
	default:
		l := cat.linkMessage(m, &defaultParams, nil)
		d.Release, d.ReleaseScore, d.ReleaseReason, d.ReleaseDetail = l.Release, round3(l.Score), l.Reason, l.Detail
		if x := cat.release(l.Release); x != nil {
			d.ReleaseTitle = x.Title
		}
		tc := r.topics.choose(m, l, cat)
		d.Topic, d.TopicReason = tc.Topic, tc.Reason
		if tc.aboutDesk {
			// The questions are about the desk itself (who handles what,
			// how to escalate an unanswered enquiry), outweighing every
			// topic of the release the text names: like a complaint about
			// the desk's handling, it is no enquiry about that release.
			d.ReleaseDetail = "no release: the questions are about the desk's own business, not the release the text names (best candidate " +
				d.Release + ": " + d.ReleaseDetail + ")"
			d.Release, d.ReleaseScore, d.ReleaseReason, d.ReleaseTitle = "", 0, "", ""
		}
	}
	m.release()

	// Deadline.
	sent := in.Date
	if sent.IsZero() {
		sent = now
	}
	// The subject counts when the journalist wrote it for this message
	// (not a reply's or a forward's: mailparse.Message.OwnSubject).
	ownSubject := in.Subject
	if in.IsReply || mailparse.IsReplyOrForwardSubject(ownSubject) {
		ownSubject = ""
	}
	if dl, ok := deadline.ExtractWithSubject(ownSubject, in.NewText, sent, r.cfg.Location); ok {
		d.Deadline, d.DeadlinePhrase = dl.At, dl.Phrase
	}

	// SLA clocks start when the desk received the message.
	d.Opened = in.Received
	if d.Opened.IsZero() {
		d.Opened = in.Date
	}
	if d.Opened.IsZero() {
		d.Opened = now
	}
	// The policy is looked up once: the plan and the enquiry's policy
	// durations both come from d.Policy.
	d.Policy = r.cfg.PolicyFor(d.OutletTier, d.Topic)
	d.Plan = plan.ForPolicy(r.cfg, d.Policy, d.Opened, d.Deadline)
	return d
}

// AssignOfficer chooses d's officer at now against load — the one
// officer decision for a message that opens an enquiry (a follow-up is
// threaded into its enquiry by the store's commit and keeps its officer).
func (r *Router) AssignOfficer(d *Decision, now time.Time, load Load) {
	a := r.rota.AssignLang(d.Topic, d.Language, now, load)
	d.Officer, d.OfficerReason, d.Shift = a.Officer, a.Reason, a.Shift
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }
