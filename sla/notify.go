package sla

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/store"
)

//go:embed notify.lua
var notifyLua string

var notifyScript = redis.NewScript(notifyLua)

// Notice kinds.
const (
	NoticeWarning    = "warning"    // to the assigned officer, warn_before ahead of a due time
	NoticeBreach     = "breach"     // to the escalation manager, when a due time passes unmet
	NoticeEscalation = "escalation" // to the manager (and the officer), after_breach later, still unmet
	NoticeDigest     = "digest"     // the daily report, to reports.digest_to
)

// Notice is one message for people on the desk, handed to a Notifier.
// Key is its idempotency key: the same notice is offered again under the
// same key if a deliverer died between handing it over and recording
// that it had, so the receiving outbox must drop a key it has seen.
type Notice struct {
	// Key is "sla:<ref>:<clock>:<transition>:<due ms>" for clock notices
	// and "report:digest:<fire time>" for digests.
	Key  string `json:"key"`
	Kind string `json:"kind"`
	Ref  string `json:"ref,omitempty"`
	// Clock is the clock a warning, breach or escalation is about.
	Clock string    `json:"clock,omitempty"`
	Due   time.Time `json:"due,omitzero"`
	// At is when the transition took effect (the due time for a breach).
	At time.Time `json:"at"`
	// To are officer ids; Emails their addresses from the config.
	To      []string `json:"to"`
	Emails  []string `json:"emails"`
	Subject string   `json:"subject"`
	Text    string   `json:"text"`
	// Urgent is set for breaches and escalations.
	Urgent bool `json:"urgent,omitempty"`
	// Tries counts hand-over attempts, 1 the first time.
	Tries int `json:"tries"`
}

// Notifier hands notices to the outbound channels (the outbox). Notify
// must be idempotent by Notice.Key and should only enqueue (fast, no SMTP
// in the call); an error makes the notice be offered again later.
type Notifier interface {
	Notify(ctx context.Context, n Notice) error
}

// NotifierFunc adapts a function to Notifier.
type NotifierFunc func(ctx context.Context, n Notice) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, n Notice) error { return f(ctx, n) }

// LogNotifier logs notices instead of sending them: the stand-in until an
// outbound channel is wired, and for dry runs.
type LogNotifier struct{ Log *slog.Logger }

// Notify logs n.
func (l LogNotifier) Notify(ctx context.Context, n Notice) error {
	log := l.Log
	if log == nil {
		log = slog.Default()
	}
	log.Info("sla notice (no outbound channel wired: logged only)", "key", n.Key, "kind", n.Kind, "to", strings.Join(n.Emails, ","), "subject", n.Subject)
	return nil
}

// noticeRecord is a queued notice as stored (notice.lua in the store's sweep and the digest
// write it; times in unix ms).
type noticeRecord struct {
	Key     string   `json:"key"`
	Kind    string   `json:"kind"`
	Ref     string   `json:"ref,omitempty"`
	Clock   string   `json:"clock,omitempty"`
	Due     int64    `json:"due,omitempty"`
	At      int64    `json:"at,omitempty"`
	To      []string `json:"to"`
	Officer string   `json:"officer,omitempty"`
	Topic   string   `json:"topic,omitempty"`
	Outlet  string   `json:"outlet,omitempty"`
	Subject string   `json:"subject,omitempty"`
	// Title and Text are set for digests, rendered when enqueued.
	Title string `json:"title,omitempty"`
	Text  string `json:"text,omitempty"`
}

func (r *noticeRecord) UnmarshalJSON(b []byte) error {
	// Lua's cjson writes large numbers in exponent form and empty arrays as
	// objects; decode leniently.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	str := func(k string) string {
		var s string
		_ = json.Unmarshal(raw[k], &s)
		return s
	}
	num := func(k string) int64 {
		var f float64
		_ = json.Unmarshal(raw[k], &f)
		return int64(f)
	}
	*r = noticeRecord{Key: str("key"), Kind: str("kind"), Ref: str("ref"), Clock: str("clock"),
		Due: num("due"), At: num("at"), Officer: str("officer"), Topic: str("topic"), Outlet: str("outlet"),
		Subject: str("subject"), Title: str("title"), Text: str("text")}
	_ = json.Unmarshal(raw["to"], &r.To)
	return nil
}

// Deliverer drains the notice queue into a Notifier.
type Deliverer struct {
	st       *store.Store
	keys     store.KeySpace
	cfg      *config.Config
	notifier Notifier
	log      *slog.Logger
	// Lease is how long a claimed notice is left to its deliverer before
	// another may offer it again (default 30s).
	Lease time.Duration
	// Batch is how many notices one claim takes (default 100).
	Batch int
}

// NewDeliverer returns a deliverer of st's notice queue into n.
func NewDeliverer(st *store.Store, cfg *config.Config, n Notifier, log *slog.Logger) *Deliverer {
	if n == nil {
		n = LogNotifier{Log: log}
	}
	if log == nil {
		log = slog.Default()
	}
	return &Deliverer{st: st, keys: keySpace(st), cfg: cfg, notifier: n, log: log, Lease: 30 * time.Second, Batch: 100}
}

// Deliver hands every notice due by now to the notifier, returning how
// many were delivered. A notice the notifier refuses is offered again
// after a back-off (doubling from 5 s to 10 min).
func (d *Deliverer) Deliver(ctx context.Context, now time.Time) (int, error) {
	delivered := 0
	for round := 0; round < 1000; round++ {
		res, err := notifyScript.Run(ctx, d.keys.Client(), []string{d.keys.Key(keyNotify)}, d.keys.Prefix(), "claim",
			now.UnixMilli(), d.Batch, d.Lease.Milliseconds()).StringSlice()
		if err != nil {
			return delivered, fmt.Errorf("claim notices: %w", err)
		}
		var acks []any
		for i := 0; i+2 < len(res); i += 3 {
			key, raw := res[i], res[i+1]
			tries, _ := strconv.Atoi(res[i+2])
			var rec noticeRecord
			if err := json.Unmarshal([]byte(raw), &rec); err != nil {
				d.log.Error("unreadable notice dropped", "key", key, "err", err)
				acks = append(acks, key)
				continue
			}
			n := d.render(&rec)
			n.Tries = tries
			if err := d.notifier.Notify(ctx, n); err != nil {
				backoff := min(5*time.Second<<min(tries-1, 10), 10*time.Minute)
				d.log.Warn("notice not handed over; will retry", "key", key, "tries", tries, "retry_in", backoff, "err", err)
				if err := notifyScript.Run(ctx, d.keys.Client(), []string{d.keys.Key(keyNotify)}, d.keys.Prefix(), "nack",
					key, now.Add(backoff).UnixMilli()).Err(); err != nil {
					return delivered, fmt.Errorf("reschedule notice %s: %w", key, err)
				}
				continue
			}
			acks = append(acks, key)
			delivered++
		}
		if len(acks) > 0 {
			args := append([]any{d.keys.Prefix(), "ack"}, acks...)
			if err := notifyScript.Run(ctx, d.keys.Client(), []string{d.keys.Key(keyNotify)}, args...).Err(); err != nil {
				return delivered, fmt.Errorf("acknowledge notices: %w", err)
			}
		}
		if len(res)/3 < d.Batch {
			break
		}
	}
	return delivered, nil
}

// Pending counts notices not yet handed over.
func (d *Deliverer) Pending(ctx context.Context) (int64, error) {
	n, err := d.keys.Client().ZCard(ctx, d.keys.Key(keyNotify)).Result()
	if err != nil {
		return 0, fmt.Errorf("count notices: %w", err)
	}
	return n, nil
}

// render turns a stored notice into what people read.
func (d *Deliverer) render(r *noticeRecord) Notice {
	n := Notice{Key: r.Key, Kind: r.Kind, Ref: r.Ref, Clock: r.Clock, To: r.To}
	if r.Due > 0 {
		n.Due = time.UnixMilli(r.Due)
	}
	if r.At > 0 {
		n.At = time.UnixMilli(r.At)
	}
	for _, id := range r.To {
		if o := d.cfg.Officer(id); o != nil && o.Email != "" {
			n.Emails = append(n.Emails, o.Email)
		}
	}
	switch r.Kind {
	case NoticeDigest:
		n.Subject, n.Text = r.Title, r.Text
		return n
	case Breached:
		n.Kind = NoticeBreach
	case Escalated:
		n.Kind = NoticeEscalation
	case Warned:
		n.Kind = NoticeWarning
	}
	n.Urgent = n.Kind != NoticeWarning
	loc := d.cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	label := ClockLabel(r.Clock)
	due := n.Due.In(loc).Format("Mon 2 Jan 15:04")
	switch n.Kind {
	case NoticeWarning:
		n.Subject = fmt.Sprintf("[%s] SLA warning: %s due %s", r.Ref, label, due)
	case NoticeBreach:
		n.Subject = fmt.Sprintf("[%s] SLA breach: %s not met by %s", r.Ref, label, due)
	case NoticeEscalation:
		n.Subject = fmt.Sprintf("[%s] SLA escalation: %s still not met (due %s)", r.Ref, label, due)
	}
	var b strings.Builder
	switch n.Kind {
	case NoticeWarning:
		fmt.Fprintf(&b, "The %s for enquiry %s is due at %s.\n", label, r.Ref, due)
	case NoticeBreach:
		fmt.Fprintf(&b, "The %s for enquiry %s was due at %s and has not been met.\n", label, r.Ref, due)
	case NoticeEscalation:
		fmt.Fprintf(&b, "The %s for enquiry %s was due at %s and is still not met %s after the breach.\n",
			label, r.Ref, due, d.cfg.Escalation.AfterBreach)
	}
	b.WriteString("\n")
	if r.Subject != "" {
		fmt.Fprintf(&b, "Subject:  %s\n", r.Subject)
	}
	if r.Outlet != "" {
		fmt.Fprintf(&b, "Outlet:   %s\n", r.Outlet)
	}
	if r.Topic != "" {
		fmt.Fprintf(&b, "Topic:    %s\n", topicName(d.cfg, r.Topic))
	}
	if r.Officer != "" {
		fmt.Fprintf(&b, "Officer:  %s\n", officerName(d.cfg, r.Officer))
	}
	if base := strings.TrimRight(d.cfg.Web.BaseURL, "/"); base != "" {
		fmt.Fprintf(&b, "\n%s/enquiries/%s\n", base, r.Ref)
	}
	n.Text = b.String()
	return n
}

// ClockLabel is how a clock is named for people: "first response",
// "holding reply" for the clock whose id is acknowledge (it waits for a
// person's holding reply, not for the automatic acknowledgement).
func ClockLabel(clock string) string {
	if clock == store.ClockAcknowledge {
		return "holding reply"
	}
	return strings.ReplaceAll(clock, "_", " ")
}

// ClockColumn is a clock's name in CSV column headers: "holding_reply"
// for the clock whose id is acknowledge, else its id.
func ClockColumn(clock string) string {
	if clock == store.ClockAcknowledge {
		return "holding_reply"
	}
	return clock
}

func topicName(cfg *config.Config, id string) string {
	if t := cfg.Topic(id); t != nil && t.Name != "" {
		return t.Name
	}
	return id
}

func officerName(cfg *config.Config, id string) string {
	if o := cfg.Officer(id); o != nil && o.Name != "" {
		return o.Name
	}
	return id
}

// enqueueOnce queues a notice unless once (a field of sla:digests) was
// already used: the digest's exactly-once step across replicas.
func enqueueOnce(ctx context.Context, st *store.Store, once string, rec noticeRecord, now time.Time) (bool, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return false, fmt.Errorf("encode notice: %w", err)
	}
	keys := keySpace(st)
	n, err := notifyScript.Run(ctx, keys.Client(), []string{keys.Key(keyNotify)}, keys.Prefix(), "enqueue",
		once, rec.Key, string(b), now.UnixMilli()).Int()
	if err != nil {
		return false, fmt.Errorf("enqueue notice %s: %w", rec.Key, err)
	}
	return n == 1, nil
}
