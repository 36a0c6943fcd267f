package outbound

import (
	"context"
	crand "crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/internal/lifecycle"
	"github.com/mediadesk/mediadesk/store"
)

//go:embed outbox.lua
var outboxLua string

var outboxScript = redis.NewScript(outboxLua)

// Job states.
const (
	StateQueued     = "queued"
	StateSending    = "sending"
	StateRetrying   = "retrying"
	StateSent       = "sent"
	StateFailed     = "failed"
	StateSuppressed = "suppressed"
)

// Kinds of outgoing message.
const (
	KindAck          = "acknowledgement"
	KindReply        = "reply"
	KindAlert        = "alert"
	KindNotification = "notification"
	KindWebhook      = "webhook"
)

const outboxGroup = "outbox"

// Outgoing is a message to put in the outbox.
type Outgoing struct {
	// Key is the idempotency key: a second Enqueue with the same key does
	// nothing and reports what became of the first.
	Key  string
	Kind string
	Ref  string
	// From is the envelope sender; To the envelope recipients.
	From string
	To   []string
	// Raw is the composed message (mail); Payload the JSON body (webhook).
	Raw       []byte
	Payload   []byte
	MessageID string
	Subject   string
	// Append is the mailbox id whose sent_folder gets a copy once sent.
	Append string
	// Record says what the enquiry records once the message is sent.
	Record Record
	// Suppress, when set, records the job as suppressed with this reason
	// instead of sending it.
	Suppress string
	// Rates suppress the job if any of them has had its limit of jobs
	// queued under its key within its window; a job that goes ahead
	// counts against every one of them.
	Rates []Rate
}

// Record is what to write on the enquiry once a message is sent.
type Record struct {
	// By is who sent it: an officer id or "system".
	By string `json:"by,omitempty"`
	// Response is "holding" or "substantive" for replies to the
	// journalist, which meet SLA clocks.
	Response string `json:"response,omitempty"`
	// Timeline is the timeline line for the sent message.
	Timeline string `json:"timeline,omitempty"`
	// Via is where a response came from ("api").
	Via string `json:"via,omitempty"`
}

// Rate limits jobs per key within a window.
type Rate struct {
	Key    string
	Limit  int
	Window time.Duration
	Reason string
	// Count, when set, is the outbox:counts field counting the jobs this
	// rate suppressed (shown by `mediadesk status`).
	Count string
}

// Counters of jobs suppressed by the acknowledgement rates.
const (
	CountAckSenderLimited = "ack_suppressed_sender_limit"
	CountAckDeskLimited   = "ack_suppressed_desk_limit"
)

// Job is an outgoing message and its delivery state.
type Job struct {
	Key       string    `json:"key"`
	Kind      string    `json:"kind"`
	Ref       string    `json:"ref,omitempty"`
	State     string    `json:"state"`
	Reason    string    `json:"reason,omitempty"`
	From      string    `json:"from,omitempty"`
	To        []string  `json:"to,omitempty"`
	Subject   string    `json:"subject,omitempty"`
	MessageID string    `json:"message_id,omitempty"`
	Attempts  int       `json:"attempts"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	NextAt    time.Time `json:"next_at,omitzero"`
	SentAt    time.Time `json:"sent_at,omitzero"`
	FailedAt  time.Time `json:"failed_at,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	Reply     string    `json:"smtp_reply,omitempty"`
	// PossibleDuplicate is set when the message may have been delivered
	// twice: a sender died (or its connection broke) after the end of DATA
	// and before the server's reply was recorded, and it was sent again.
	PossibleDuplicate bool   `json:"possible_duplicate,omitempty"`
	DuplicateReason   string `json:"duplicate_reason,omitempty"`
	// Unconfirmed is set when the second send after such a crash was
	// also interrupted: it was not sent a third time.
	Unconfirmed bool   `json:"unconfirmed,omitempty"`
	Recorded    bool   `json:"recorded,omitempty"`
	Append      string `json:"append,omitempty"`
	Appended    bool   `json:"appended,omitempty"`
	Record      Record `json:"-"`
	Raw         []byte `json:"-"`
	Payload     []byte `json:"-"`
}

func jobFromHash(h map[string]string) *Job {
	n := func(k string) int { v, _ := strconv.Atoi(h[k]); return v }
	t := func(k string) time.Time {
		v, err := strconv.ParseInt(h[k], 10, 64)
		if err != nil || v == 0 {
			return time.Time{}
		}
		return time.UnixMilli(v)
	}
	j := &Job{
		Key: h["key"], Kind: h["kind"], Ref: h["ref"], State: h["state"], Reason: h["reason"],
		From: h["from"], Subject: h["subject"], MessageID: h["mid"], Attempts: n("attempts"),
		Created: t("created"), Updated: t("updated"), NextAt: t("next_at"), SentAt: t("sent_at"),
		FailedAt: t("failed_at"), LastError: h["last_error"], Reply: h["smtp_reply"],
		PossibleDuplicate: h["possible_duplicate"] == "1", DuplicateReason: h["duplicate_reason"],
		Unconfirmed: h["unconfirmed"] == "1", Recorded: h["recorded"] == "1",
		Append: h["append"], Appended: h["appended"] == "1",
		Raw: []byte(h["raw"]), Payload: []byte(h["payload"]),
	}
	_ = json.Unmarshal([]byte(h["to"]), &j.To)
	_ = json.Unmarshal([]byte(h["record"]), &j.Record)
	return j
}

// Counts are the outbox totals by state, for `mediadesk status`.
type Counts struct {
	Queued     int64 `json:"queued"`
	Sending    int64 `json:"sending"`
	Retrying   int64 `json:"retrying"`
	Sent       int64 `json:"sent"`
	Failed     int64 `json:"failed"`
	Suppressed int64 `json:"suppressed"`
	// PossibleDuplicates counts sent messages that may have gone twice.
	PossibleDuplicates int64 `json:"possible_duplicates"`
	// AckSenderLimited and AckDeskLimited count the acknowledgements
	// suppressed (within Suppressed) by the per-recipient and the
	// desk-wide hourly limits.
	AckSenderLimited int64 `json:"ack_suppressed_sender_limit"`
	AckDeskLimited   int64 `json:"ack_suppressed_desk_limit"`
}

// OutboxOptions tune the outbox.
type OutboxOptions struct {
	// ClaimAfter is how long a message may sit with a sender that does not
	// finish it (a crashed replica) before another takes it over; it is
	// also the sending lease (default 2m; keep it above the SMTP timeout).
	ClaimAfter time.Duration
	// Poll is how long a sender blocks waiting for new messages, and so
	// the latency of a due retry (default 1s).
	Poll time.Duration
	// RetryBase and RetryMax bound the exponential backoff after a
	// temporary failure (defaults 30s and 30m); MaxAttempts is the number
	// of attempts before a message fails for good (default 12, about five
	// hours).
	RetryBase, RetryMax time.Duration
	MaxAttempts         int
	// MaxDeliveries is how often a stream entry (outbox or events) is
	// handed to a consumer that fails on it before it is set aside in P
	// outbound:dead, so one entry that can never be processed (a bug, a
	// config change) does not block the ones behind it for ever (default
	// 8). While Redis is away the count cannot be read and nothing is set
	// aside.
	MaxDeliveries int64
}

// Outbox is the durable queue every outgoing message passes through: a
// Redis stream read by a consumer group, one hash per message keyed by its
// idempotency key, and a sorted set of messages waiting to be retried.
type Outbox struct {
	rdb    redis.UniversalClient
	st     *store.Store
	keys   store.KeySpace
	clock  clock.Clock
	log    *slog.Logger
	opts   OutboxOptions
	owner  string
	mailer Mailer
	hook   *Webhook
	// finish writes a sent job's records on its enquiry (set by Service).
	finish func(ctx context.Context, j *Job) error
	// failed is told about a job that failed for good (set by Service).
	failed func(ctx context.Context, j *Job)
	// crash is a test hook called at named points of a delivery.
	crash func(point string)
}

// NewOutbox returns an outbox over the store's Redis.
func NewOutbox(st *store.Store, mailer Mailer, hook *Webhook, log *slog.Logger, o OutboxOptions) *Outbox {
	o.defaults()
	if log == nil {
		log = slog.Default()
	}
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = crand.Read(b)
	keys := keySpace(st)
	return &Outbox{rdb: keys.Client(), st: st, keys: keys, clock: st.Clock(), log: log, opts: o, mailer: mailer, hook: hook,
		owner: fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b))}
}

func (o *OutboxOptions) defaults() {
	if o.ClaimAfter <= 0 {
		o.ClaimAfter = 2 * time.Minute
	}
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.RetryBase <= 0 {
		o.RetryBase = 30 * time.Second
	}
	if o.RetryMax <= 0 {
		o.RetryMax = 30 * time.Minute
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 12
	}
	if o.MaxDeliveries <= 0 {
		o.MaxDeliveries = 8
	}
}

// keySpace is outbound's own keys under the store's prefix (docs/design.md
// "Keys owned outside store"): the outbox stream and jobs, the dead
// letters and the alert groups.
func keySpace(st *store.Store) store.KeySpace {
	return st.Namespace("outbox", "outbound:dead", "alerts:")
}

func (o *Outbox) stream() string { return o.keys.Key("outbox") }

func (o *Outbox) run(ctx context.Context, action string, arg map[string]any) ([]string, error) {
	arg["now"] = strconv.FormatInt(o.clock.Now().UnixMilli(), 10)
	arg["wall"] = strconv.FormatInt(time.Now().UnixMilli(), 10)
	arg["group"] = outboxGroup
	b, err := json.Marshal(arg)
	if err != nil {
		return nil, fmt.Errorf("outbox %s: %w", action, err)
	}
	res, err := outboxScript.Run(ctx, o.rdb, []string{o.stream()}, o.keys.Prefix(), action, string(b)).StringSlice()
	if err != nil {
		return nil, fmt.Errorf("outbox %s: %w", action, err)
	}
	if len(res) < 2 {
		return nil, fmt.Errorf("outbox %s: unexpected reply %q", action, res)
	}
	return res, nil
}

// runReplicated is run followed, in the same pipeline, by the store's
// WAIT for its replicas (store.QueueWait; redis.wait_replicas): an error
// wrapping store.ErrNotReplicated says the action's writes may not survive
// a failover, so nothing that leaves the process may rest on them yet.
// Without a replica wait it is run.
func (o *Outbox) runReplicated(ctx context.Context, action string, arg map[string]any) ([]string, error) {
	if o.st.Wait().Replicas <= 0 {
		return o.run(ctx, action, arg)
	}
	arg["now"] = strconv.FormatInt(o.clock.Now().UnixMilli(), 10)
	arg["wall"] = strconv.FormatInt(time.Now().UnixMilli(), 10)
	arg["group"] = outboxGroup
	b, err := json.Marshal(arg)
	if err != nil {
		return nil, fmt.Errorf("outbox %s: %w", action, err)
	}
	for attempt := 0; ; attempt++ {
		pipe := o.rdb.Pipeline()
		cmd := outboxScript.EvalSha(ctx, pipe, []string{o.stream()}, o.keys.Prefix(), action, string(b))
		wait := o.st.QueueWait(ctx, pipe)
		_, _ = pipe.Exec(ctx)
		res, err := cmd.StringSlice()
		if err != nil && strings.HasPrefix(err.Error(), "NOSCRIPT") && attempt == 0 {
			if err := outboxScript.Load(ctx, o.rdb).Err(); err != nil {
				return nil, fmt.Errorf("outbox %s: load script: %w", action, err)
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("outbox %s: %w", action, err)
		}
		if len(res) < 2 {
			return nil, fmt.Errorf("outbox %s: unexpected reply %q", action, res)
		}
		if err := o.st.CheckWait(wait); err != nil {
			return res, fmt.Errorf("outbox %s: %w", action, err)
		}
		return res, nil
	}
}

// Init creates the consumer group (idempotent).
func (o *Outbox) Init(ctx context.Context) error {
	return createGroup(ctx, o.rdb, o.stream(), outboxGroup, "0")
}

func createGroup(ctx context.Context, rdb redis.UniversalClient, stream, group, start string) error {
	err := rdb.XGroupCreateMkStream(ctx, stream, group, start).Err()
	if err != nil && !strings.Contains(err.Error(), "BUSYGROUP") {
		return fmt.Errorf("create consumer group %s on %s: %w", group, stream, err)
	}
	return nil
}

// Enqueued is what Enqueue did.
type Enqueued struct {
	Key string
	// State is the job's state: "queued" for a new job, "suppressed", or
	// the state of the job already under this key.
	State  string
	Reason string
	// Existed is set when the key was queued before.
	Existed bool
}

// Enqueue puts a message in the outbox, once per key.
func (o *Outbox) Enqueue(ctx context.Context, m Outgoing) (Enqueued, error) {
	if m.Key == "" || m.Kind == "" {
		return Enqueued{}, errors.New("outbox: a message needs a key and a kind")
	}
	if len(m.Key) > 400 {
		return Enqueued{}, errors.New("outbox: key longer than 400 bytes")
	}
	to, _ := json.Marshal(m.To)
	rec, _ := json.Marshal(m.Record)
	fields := map[string]string{
		"kind": m.Kind, "ref": m.Ref, "from": m.From, "to": string(to), "subject": m.Subject,
		"mid": strings.Trim(m.MessageID, "<> "), "append": m.Append, "record": string(rec),
	}
	if len(m.Raw) > 0 {
		fields["raw"] = string(m.Raw)
	}
	if len(m.Payload) > 0 {
		fields["payload"] = string(m.Payload)
	}
	arg := map[string]any{"key": m.Key, "fields": fields, "suppress": m.Suppress}
	var rates []map[string]any
	for _, r := range m.Rates {
		if r.Limit <= 0 || r.Window <= 0 || r.Key == "" {
			continue
		}
		rates = append(rates, map[string]any{"key": "outbox:rate:" + r.Key, "limit": r.Limit,
			"window": strconv.FormatInt(r.Window.Milliseconds(), 10), "reason": r.Reason, "count": r.Count})
	}
	if len(rates) > 0 {
		arg["rates"] = rates
	}
	res, err := o.run(ctx, "enqueue", arg)
	if err != nil {
		return Enqueued{}, err
	}
	e := Enqueued{Key: m.Key, State: res[1], Existed: res[0] == "exists"}
	if len(res) > 2 {
		e.Reason = res[2]
	}
	return e, nil
}

// Job reads one job.
func (o *Outbox) Job(ctx context.Context, key string) (*Job, error) {
	h, err := o.rdb.HGetAll(ctx, o.keys.Key("outbox:job:"+key)).Result()
	if err != nil {
		return nil, fmt.Errorf("read outbox job %s: %w", key, err)
	}
	if len(h) == 0 {
		return nil, fmt.Errorf("outbox job %s: %w", key, store.ErrNotFound)
	}
	return jobFromHash(h), nil
}

// ForEnquiry lists an enquiry's outgoing messages, oldest first.
func (o *Outbox) ForEnquiry(ctx context.Context, ref string) ([]*Job, error) {
	keys, err := o.rdb.ZRange(ctx, o.keys.Key("outbox:enq:"+ref), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("read outbox of %s: %w", ref, err)
	}
	return o.jobs(ctx, keys)
}

// Recent lists the newest jobs, newest first, optionally only in state.
func (o *Outbox) Recent(ctx context.Context, limit int, state string) ([]*Job, error) {
	if limit <= 0 {
		limit = 50
	}
	scan := int64(limit)
	if state != "" {
		scan = int64(limit) * 20
	}
	keys, err := o.rdb.ZRevRange(ctx, o.keys.Key("outbox:recent"), 0, scan-1).Result()
	if err != nil {
		return nil, fmt.Errorf("read recent outbox: %w", err)
	}
	jobs, err := o.jobs(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := jobs[:0]
	for _, j := range jobs {
		if (state == "" || j.State == state) && len(out) < limit {
			out = append(out, j)
		}
	}
	return out, nil
}

func (o *Outbox) jobs(ctx context.Context, keys []string) ([]*Job, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	pipe := o.rdb.Pipeline()
	cmds := make([]*redis.MapStringStringCmd, len(keys))
	for i, k := range keys {
		cmds[i] = pipe.HGetAll(ctx, o.keys.Key("outbox:job:"+k))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, fmt.Errorf("read outbox jobs: %w", err)
	}
	out := make([]*Job, 0, len(keys))
	for _, c := range cmds {
		if h := c.Val(); len(h) > 0 {
			j := jobFromHash(h)
			j.Raw, j.Payload = nil, nil
			out = append(out, j)
		}
	}
	return out, nil
}

// KeyForMessageID returns the outbox key of a message we sent ("" if the
// Message-ID is not ours).
func (o *Outbox) KeyForMessageID(ctx context.Context, id string) (string, error) {
	v, err := o.rdb.HGet(ctx, o.keys.Key("outbox:mids"), strings.Trim(id, "<> ")).Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read outbox message ids: %w", err)
	}
	return v, nil
}

// Requeue sends a failed job again (an operator's decision).
func (o *Outbox) Requeue(ctx context.Context, key string) (bool, error) {
	res, err := o.run(ctx, "requeue", map[string]any{"key": key})
	if err != nil {
		return false, err
	}
	return res[0] == "ok", nil
}

// Totals reads the outbox counts by state.
func Totals(ctx context.Context, st *store.Store) (Counts, error) {
	keys := keySpace(st)
	h, err := keys.Client().HGetAll(ctx, keys.Key("outbox:counts")).Result()
	if err != nil {
		return Counts{}, fmt.Errorf("read outbox counts: %w", err)
	}
	n := func(k string) int64 { v, _ := strconv.ParseInt(h[k], 10, 64); return v }
	c := Counts{Queued: n(StateQueued), Sending: n(StateSending), Retrying: n(StateRetrying), Sent: n(StateSent),
		Failed: n(StateFailed), Suppressed: n(StateSuppressed), PossibleDuplicates: n("possible_duplicates"),
		AckSenderLimited: n(CountAckSenderLimited), AckDeskLimited: n(CountAckDeskLimited)}
	return c, nil
}

// Failures lists the newest failed messages (for `mediadesk status`),
// without their bodies.
func Failures(ctx context.Context, st *store.Store, limit int) ([]*Job, error) {
	return NewOutbox(st, nil, nil, nil, OutboxOptions{}).Recent(ctx, limit, StateFailed)
}

// Counts reads the outbox totals.
func (o *Outbox) Counts(ctx context.Context) (Counts, error) { return Totals(ctx, o.st) }

// Run sends until ctx ends: new messages as they are queued, due retries,
// and messages a crashed sender left behind (after ClaimAfter).
//
// Redis away when it starts is waited out as any later outage is: the
// consumer group is created once Redis answers (a sender that gave up
// here stopped the whole desk when Redis went down during a restart).
func (o *Outbox) Run(ctx context.Context) error {
	log := o.log.With("consumer", o.owner)
	for delay := 200 * time.Millisecond; ; delay = min(delay*2, 30*time.Second) {
		err := o.Init(ctx)
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return nil
		}
		log.Warn("outbox: will try again", "err", err, "in", delay)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(jitter(delay)):
		}
	}
	log.Info("outbox sender started")
	defer dropConsumer(context.WithoutCancel(ctx), o.rdb, o.stream(), outboxGroup, o.owner)
	var lastClaim time.Time
	backlog := false
	delay := 200 * time.Millisecond
	for ctx.Err() == nil {
		err := o.step(ctx, &lastClaim, &backlog)
		if err == nil {
			delay = 200 * time.Millisecond
			continue
		}
		if ctx.Err() != nil {
			break
		}
		backlog = true
		log.Warn("outbox: will try again", "err", err, "in", delay)
		select {
		case <-ctx.Done():
		case <-time.After(jitter(delay)):
		}
		delay = min(delay*2, 30*time.Second)
	}
	return nil
}

// step does one round: promote due retries, take over abandoned
// messages, read new ones, deliver them.
func (o *Outbox) step(ctx context.Context, lastClaim *time.Time, backlog *bool) error {
	if _, err := o.run(ctx, "promote", map[string]any{"limit": 100,
		"stale": strconv.FormatInt((5 * o.opts.ClaimAfter).Milliseconds(), 10)}); err != nil {
		return err
	}
	var msgs []redis.XMessage
	if *backlog {
		// Our own pending entries first (left by an error in this process).
		res, err := o.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: outboxGroup, Consumer: o.owner,
			Streams: []string{o.stream(), "0"}, Count: 16, Block: -1}).Result()
		if err != nil && !errors.Is(err, redis.Nil) {
			return fmt.Errorf("read own pending: %w", err)
		}
		if len(res) > 0 {
			msgs = res[0].Messages
		}
		if len(msgs) == 0 {
			*backlog = false
		}
	}
	if len(msgs) == 0 && time.Since(*lastClaim) >= o.opts.ClaimAfter/4 {
		*lastClaim = time.Now()
		claimed, _, err := o.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{Stream: o.stream(), Group: outboxGroup,
			Consumer: o.owner, MinIdle: o.opts.ClaimAfter, Start: "0-0", Count: 16}).Result()
		if err != nil && !errors.Is(err, redis.Nil) {
			return fmt.Errorf("claim abandoned messages: %w", err)
		}
		msgs = claimed
		if len(msgs) > 0 {
			o.log.Warn("outbox: took over messages a sender left unfinished", "count", len(msgs))
		}
	}
	if len(msgs) == 0 {
		res, err := o.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: outboxGroup, Consumer: o.owner,
			Streams: []string{o.stream(), ">"}, Count: 16, Block: o.opts.Poll}).Result()
		if err != nil && !errors.Is(err, redis.Nil) {
			if ctx.Err() != nil {
				return nil
			}
			if strings.Contains(err.Error(), "NOGROUP") {
				_ = o.Init(ctx)
			}
			return fmt.Errorf("read outbox: %w", err)
		}
		if len(res) > 0 {
			msgs = res[0].Messages
		}
	}
	for _, m := range msgs {
		if ctx.Err() != nil {
			return nil // stopping: the rest stay pending for the next sender
		}
		// A delivery under way finishes after a stop, within the shutdown bound.
		live, done := lifecycle.InFlight(ctx)
		err := o.process(live, m)
		done()
		if err != nil {
			// A claim not yet on a replica is retried, never set aside.
			if ctx.Err() == nil && !errors.Is(err, store.ErrNotReplicated) && deliveries(ctx, o.rdb, o.stream(), outboxGroup, m.ID) >= o.opts.MaxDeliveries {
				o.log.Error("outbox: giving up on an entry that keeps failing; set aside in outbound:dead", "id", m.ID, "key", m.Values["key"], "err", err)
				if key, _ := m.Values["key"].(string); key != "" {
					o.rdb.HSet(ctx, o.keys.Key("outbox:job:"+key), "last_error", clip("set aside: "+err.Error(), 500))
				}
				if derr := deadLetter(ctx, o.rdb, o.keys.Key("outbound:dead"), o.stream(), outboxGroup, m, err); derr == nil {
					continue
				}
			}
			*backlog = true
			return err
		}
	}
	return nil
}

// process handles one stream entry.
func (o *Outbox) process(ctx context.Context, m redis.XMessage) error {
	key, _ := m.Values["key"].(string)
	if key == "" {
		return o.rdb.XAck(ctx, o.stream(), outboxGroup, m.ID).Err()
	}
	// The claim must be on a replica before anything is sent: a failover
	// that lost it would lose the enquiry and job written before it too,
	// and the message would be sent again for the enquiry committed anew
	// (under another reference). Not replicated: nothing is sent now; the
	// entry stays pending and is retried.
	res, err := o.runReplicated(ctx, "begin", map[string]any{"key": key, "owner": o.owner,
		"lease": strconv.FormatInt(o.opts.ClaimAfter.Milliseconds(), 10)})
	if err != nil {
		return err // logged by the loop, which retries with backoff
	}
	switch res[0] {
	case "done":
		return o.rdb.XAck(ctx, o.stream(), outboxGroup, m.ID).Err()
	case "busy":
		return nil
	case "post":
		return o.complete(ctx, key, m.ID)
	}
	attempt, _ := strconv.Atoi(res[1])
	return o.deliver(ctx, key, m.ID, attempt)
}

// deliver sends a job this sender has begun.
func (o *Outbox) deliver(ctx context.Context, key, id string, attempt int) error {
	j, err := o.Job(ctx, key)
	if err != nil {
		return err
	}
	log := o.log.With("key", key, "kind", j.Kind, "ref", j.Ref, "attempt", attempt)
	o.hit("before-send")
	var reply string
	if j.Kind == KindWebhook {
		if o.hook == nil {
			err = permanent(errors.New("no webhook configured"))
		} else {
			reply, err = o.hook.Post(ctx, j.Payload)
		}
	} else {
		reply, err = o.mailer.Send(ctx, j.From, j.To, j.Raw, func() error {
			r, err := o.run(ctx, "phase", map[string]any{"key": key, "owner": o.owner, "phase": "dot"})
			if err != nil {
				return err
			}
			if r[0] != "ok" {
				return errLost
			}
			o.hit("at-end-of-data")
			return nil
		})
	}
	if err == nil {
		o.hit("after-send")
		// The server has the message: record that, however long Redis
		// takes to come back, so this process never sends it again.
		// With a replica wait, until a replica has it too: a failover
		// that lost it would have the message sent again.
		if err := o.retryRedis(ctx, func() error {
			_, err := o.runReplicated(ctx, "sent", map[string]any{"key": key, "reply": reply})
			return err
		}); err != nil {
			return err
		}
		log.Info("outbox: sent", "to", j.To, "reply", reply, "possible_duplicate", j.PossibleDuplicate)
		o.hit("after-sent-recorded")
		return o.complete(ctx, key, id)
	}
	if errors.Is(err, errLost) {
		log.Warn("outbox: another sender took this message over; leaving it to them")
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var se *SendError
	if !errors.As(err, &se) {
		se = &SendError{Err: err}
	}
	if se.Permanent {
		if _, ferr := o.run(ctx, "fail", map[string]any{"key": key, "owner": o.owner, "id": id, "error": clip(err.Error(), 500)}); ferr != nil {
			return ferr
		}
		log.Error("outbox: permanent failure, not retried", "to", j.To, "err", err)
		if o.failed != nil {
			j.LastError = err.Error()
			o.failed(ctx, j)
		}
		return nil
	}
	next := time.Now().Add(o.backoff(attempt))
	r, rerr := o.run(ctx, "retry", map[string]any{"key": key, "owner": o.owner, "id": id, "error": clip(err.Error(), 500),
		"next_at": strconv.FormatInt(next.UnixMilli(), 10), "max_attempts": o.opts.MaxAttempts, "uncertain": se.Uncertain})
	if rerr != nil {
		return rerr
	}
	switch r[0] {
	case "failed":
		log.Error("outbox: giving up after repeated temporary failures", "to", j.To, "attempts", attempt, "err", err)
		if o.failed != nil {
			j.LastError = err.Error()
			o.failed(ctx, j)
		}
	case "post":
		log.Warn("outbox: delivery unconfirmed twice; not sending a third time", "err", err)
		return o.complete(ctx, key, id)
	default:
		log.Warn("outbox: temporary failure, will retry", "to", j.To, "err", err, "retry_at", next.Format(time.RFC3339), "uncertain", se.Uncertain)
	}
	return nil
}

// complete writes a sent job's records on its enquiry, then marks it
// recorded and acknowledges its stream entry.
func (o *Outbox) complete(ctx context.Context, key, id string) error {
	j, err := o.Job(ctx, key)
	if err != nil {
		return err
	}
	if !j.Recorded && o.finish != nil {
		if err := o.finish(ctx, j); err != nil {
			return fmt.Errorf("record sent %s %s: %w", j.Kind, key, err)
		}
	}
	o.hit("after-finish")
	_, err = o.run(ctx, "recorded", map[string]any{"key": key, "id": id})
	return err
}

func (o *Outbox) hit(point string) {
	if o.crash != nil {
		o.crash(point)
	}
}

// retryRedis repeats f until it succeeds or ctx ends.
func (o *Outbox) retryRedis(ctx context.Context, f func() error) error {
	delay := 100 * time.Millisecond
	for {
		err := f()
		if err == nil {
			return nil
		}
		o.log.Warn("outbox: Redis write failed; retrying", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(jitter(delay)):
		}
		delay = min(delay*2, 10*time.Second)
	}
}

// backoff is the wait before attempt+1.
func (o *Outbox) backoff(attempt int) time.Duration {
	d := o.opts.RetryBase
	for i := 1; i < attempt && d < o.opts.RetryMax; i++ {
		d *= 2
	}
	return jitter(min(d, o.opts.RetryMax))
}

// jitter spreads d over [0.8d, 1.2d).
func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return d
	}
	return d*4/5 + time.Duration(rand.Int64N(int64(d)*2/5+1))
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
