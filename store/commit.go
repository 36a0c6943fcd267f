package store

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/mailparse"
)

//go:embed commit.lua
var commitLua string

var commitScript = redis.NewScript(withClockLib(commitLua))

// Incoming is one message fetched from a mailbox, parsed and routed, ready
// to commit.
type Incoming struct {
	Source   Source
	Received time.Time // IMAP INTERNALDATE, else the Date header
	Size     int64
	// Msg is the parsed message; nil when ParseErr is set, which sends the
	// message to quarantine with ParseErr as the reason.
	Msg       *mailparse.Message
	ParseErr  error
	RawHeader string // the start of the raw header, shown with a quarantine entry
	// Own is set when the sender is the desk or one of its officers.
	Own bool
	// New is the routing for a new enquiry; nil for automatic mail.
	New *NewEnquiry
	// DeadlineTarget is the journalist's deadline minus the SLA margin
	// (zero when none), used when the message is a follow-up.
	DeadlineTarget time.Time
	// Replay marks a message committed again by `mediadesk reindex`: its
	// events say so (data "replayed": true), so nothing is sent for it.
	Replay bool
	// RefHint, when set, is the reference the enquiry had before (found in
	// the desk's acknowledgement in the Sent folder): a new enquiry takes
	// it when it is free, and the year's counter moves past it.
	RefHint string
}

// NewEnquiry is what routing decided for a message that opens an enquiry.
type NewEnquiry struct {
	Outlet, OutletTier               string
	Topic, TopicReason               string
	Release, ReleaseTitle            string
	ReleaseScore                     float64
	ReleaseReason                    string
	Officer, OfficerReason, Shift    string
	Deadline                         time.Time
	DeadlinePhrase                   string
	Policy                           string
	PolicyAck, PolicyFRT, PolicyRes  time.Duration
	AcknowledgeDue, FirstResponseDue time.Time
	ResolutionDue                    time.Time
	// Timeline holds extra events recorded when the enquiry opens (the
	// routing decision and its reasons).
	Timeline []Event
	// Lang is the ISO 639-1 code of the language the journalist wrote in
	// ("" unknown); stored as the enquiry's "lang" field.
	Lang string
	// Channel is how the enquiry reached the desk when not by mail
	// ("phone" for a logged call; "" means email). Stored as the
	// enquiry's "channel" field.
	Channel string
	// AckRequested is set on a logged call whose officer asked for an
	// acknowledgement by mail (field "ack_requested" = "1").
	AckRequested bool
}

// Outcome is what committing one message did.
type Outcome struct {
	// Kind is "enquiry", "followup", "automatic", "quarantined",
	// "dup-source" (this mailbox message was committed before) or
	// "dup-message-id" (the same message arrived again elsewhere).
	Kind   string
	Ref    string
	MKey   string
	Detail string // the parent enquiry, the threading route, or the quarantine reason
	Source Source
	Err    error
}

// Committed reports whether the message is durably accounted for, so it
// may be flagged or moved in the mailbox.
func (o Outcome) Committed() bool { return o.Err == nil }

var refHintRe = regexp.MustCompile(`^([A-Z][A-Z0-9]{0,15})-(\d{4})-(\d{6})$`)

var subjectRefRe = regexp.MustCompile(`\[([A-Z][A-Z0-9]{0,15}-\d{4}-\d{6})\]`)

// SubjectRefs returns the references of this desk found as [PREFIX-YYYY-NNNNNN]
// tags in a subject.
func (s *Store) SubjectRefs(subject string) []string {
	var refs []string
	for _, m := range subjectRefRe.FindAllStringSubmatch(subject, 8) {
		if strings.HasPrefix(m[1], s.refPrefix+"-") {
			refs = append(refs, m[1])
		}
	}
	return refs
}

// Fingerprint identifies a message's content, to tell the same message
// seen twice from a different one reusing a Message-ID.
func Fingerprint(m *mailparse.Message) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(m.From.Addr))
	b.WriteByte(0)
	b.WriteString(strconv.FormatInt(m.Date.Unix(), 10))
	b.WriteByte(0)
	b.WriteString(m.Subject)
	b.WriteByte(0)
	b.WriteString(m.Text)
	b.WriteByte(0)
	b.WriteString(strconv.FormatInt(m.Size, 10))
	return hash(b.String(), 24)
}

type commitInput struct {
	Kind       string   `json:"kind"` // "mail", "auto", "quarantine"
	SrcKey     string   `json:"srckey"`
	StatsKey   string   `json:"statskey"`
	Mailbox    string   `json:"mailbox"`
	Folder     string   `json:"folder"`
	UIDValid   string   `json:"uidvalidity"`
	UID        string   `json:"uid"`
	Now        string   `json:"now"`
	Received   string   `json:"received"`
	Year       string   `json:"year"`
	RefPrefix  string   `json:"refprefix"`
	WarnBefore string   `json:"warn_before"`
	MKey       string   `json:"mkey"`
	MKeyAlt    string   `json:"mkey_alt"`
	MidKey     string   `json:"midkey"`
	MidKeyAlt  string   `json:"midkey_alt"`
	FP         string   `json:"fp"`
	Refs       []string `json:"refs"`
	SubjRefs   []string `json:"subject_refs"`
	From       string   `json:"from"`
	Subject    string   `json:"subject"`
	Own        bool     `json:"own,omitempty"`
	SLimit     int      `json:"slimit,omitempty"`
	SWindow    int64    `json:"swindow,omitempty"`
	SNote      string   `json:"snote,omitempty"`
	Doc        string   `json:"-"` // the script argument after the input
	AutoReason string   `json:"auto_reason,omitempty"`
	Reason     string   `json:"reason,omitempty"`
	Size       string   `json:"size"`
	Header     string   `json:"header,omitempty"`
	Deadline   string   `json:"deadline,omitempty"`
	DPhrase    string   `json:"deadline_phrase"`
	DTarget    string   `json:"deadline_target,omitempty"`
	Fields     []string `json:"fields"` // field, value, field, value...
	// Warns puts a new enquiry's clocks on the warning schedule: when
	// (ms), clock, when, clock… Each clock's due and start are among
	// Fields.
	Warns    []string `json:"warns"`
	Officer  string   `json:"officer"`
	Release  string   `json:"release,omitempty"` // indexed under idx:release:<id>
	Dims     string   `json:"dims"`              // JSON object members for the created event
	Timeline []string `json:"timeline"`
	Replay   bool     `json:"replay,omitempty"`
	RefHint  string   `json:"ref_hint,omitempty"`
}

// createdDims are the reporting dimensions on an enquiry.created event.
// A struct, not a map, so encoding them costs no sorting or boxing; its
// fields are in the order a map's keys were written (alphabetical), so
// the event's data reads as before.
type createdDims struct {
	Channel string `json:"channel"`
	Created int64  `json:"created"`
	Lang    string `json:"lang"`
	Officer string `json:"officer"`
	Outlet  string `json:"outlet"`
	Policy  string `json:"policy"`
	Release string `json:"release"`
	Tier    string `json:"tier"`
	Topic   string `json:"topic"`
}

// rawEvent is the stored form of an Event.
type rawEvent struct {
	At   int64          `json:"at"`
	Type string         `json:"type"`
	By   string         `json:"by,omitempty"`
	Text string         `json:"text,omitempty"`
	Data map[string]any `json:"data,omitempty"`
}

func (s *Store) input(in *Incoming, warnBefore time.Duration) (*commitInput, error) {
	now := s.clock.Now()
	src := in.Source
	ci := &commitInput{
		SrcKey:     srcKey(src.Mailbox, src.Folder, src.UIDValidity),
		StatsKey:   folderKey("stats", src.Mailbox, src.Folder),
		Mailbox:    src.Mailbox,
		Folder:     src.Folder,
		UIDValid:   strconv.FormatUint(uint64(src.UIDValidity), 10),
		UID:        strconv.FormatUint(uint64(src.UID), 10),
		Now:        ms(now),
		RefPrefix:  s.refPrefix,
		WarnBefore: strconv.FormatInt(warnBefore.Milliseconds(), 10),
		Size:       strconv.FormatInt(in.Size, 10),
		Refs:       []string{},
		SubjRefs:   []string{},
		Fields:     []string{},
		Timeline:   []string{},
		Warns:      []string{},
	}
	received := in.Received
	if received.IsZero() && in.Msg != nil {
		received = in.Msg.Date
	}
	if received.IsZero() {
		received = now
	}
	ci.Received = ms(received)
	ci.Year = strconv.Itoa(received.In(s.loc).Year())
	ci.Replay = in.Replay
	if m := refHintRe.FindStringSubmatch(in.RefHint); m != nil && m[1] == s.refPrefix {
		ci.RefHint, ci.Year = in.RefHint, m[2]
	}
	if in.Msg == nil {
		reason := "unparseable"
		if in.ParseErr != nil {
			reason = in.ParseErr.Error()
		}
		ci.Kind = "quarantine"
		ci.Reason = reason
		ci.MKey = hash(fmt.Sprintf("%s\x00%s\x00%d\x00%d", src.Mailbox, src.Folder, src.UIDValidity, src.UID), 24)
		ci.Header = in.RawHeader
		return ci, nil
	}
	m := in.Msg
	doc, err := encodeDoc(Message{
		Key:       "",
		Direction: "in",
		Source:    src,
		Received:  received,
		Message:   s.clipHTML(m),
	})
	if err != nil {
		return nil, fmt.Errorf("encode message: %w", err)
	}
	ci.Doc = string(doc)
	ci.FP = Fingerprint(m)
	ci.MidKey = MessageIDKey(m.MessageID)
	ci.MKey = hash(m.MessageID, 24)
	ci.MidKeyAlt = MessageIDKey(m.MessageID + "\x00" + ci.FP)
	ci.MKeyAlt = hash(m.MessageID+"\x00"+ci.FP, 24)
	ci.From = strings.ToLower(m.From.Addr)
	ci.Subject = m.Subject
	ci.Own = in.Own
	// In-Reply-To first (the direct parent), then References newest first.
	seen := map[string]bool{m.MessageID: true}
	addRef := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ci.Refs = append(ci.Refs, MessageIDKey(id))
		}
	}
	for _, id := range m.InReplyTo {
		addRef(id)
	}
	for i := len(m.References) - 1; i >= 0; i-- {
		addRef(m.References[i])
	}
	if len(ci.Refs) > 64 {
		ci.Refs = ci.Refs[:64]
	}
	ci.SubjRefs = append(ci.SubjRefs, s.SubjectRefs(m.Subject)...)
	ci.DTarget = ms(in.DeadlineTarget)
	if m.Automatic != mailparse.NotAutomatic {
		ci.Kind = "auto"
		ci.AutoReason = string(m.Automatic)
		if m.AutoReason != "" {
			ci.AutoReason += ": " + m.AutoReason
		}
		return ci, nil
	}
	ci.Kind = "mail"
	if s.senderLimit > 0 && !in.Own && ci.From != "" {
		ci.SLimit, ci.SWindow, ci.SNote = s.senderLimit, s.senderWindow.Milliseconds(), s.senderNote
	}
	if n := in.New; n != nil {
		ci.Deadline = ms(n.Deadline)
		ci.DPhrase = n.DeadlinePhrase
		put := func(k, v string) {
			if v != "" {
				ci.Fields = append(ci.Fields, k, v)
			}
		}
		put("subject", m.Subject)
		put("from", strings.ToLower(m.From.Addr))
		put("from_name", m.From.Name)
		put("mailbox", src.Mailbox)
		put("outlet", n.Outlet)
		put("outlet_tier", n.OutletTier)
		put("topic", n.Topic)
		put("topic_reason", n.TopicReason)
		put("release", n.Release)
		put("release_title", n.ReleaseTitle)
		if n.Release != "" {
			put("release_score", strconv.FormatFloat(n.ReleaseScore, 'f', 3, 64))
		}
		put("release_reason", n.ReleaseReason)
		put("officer", n.Officer)
		put("officer_reason", n.OfficerReason)
		put("shift", n.Shift)
		put("deadline", ms(n.Deadline))
		put("deadline_phrase", n.DeadlinePhrase)
		put("lang", n.Lang)
		put("policy", n.Policy)
		put("policy_ack_ms", strconv.FormatInt(n.PolicyAck.Milliseconds(), 10))
		put("policy_frt_ms", strconv.FormatInt(n.PolicyFRT.Milliseconds(), 10))
		put("policy_res_ms", strconv.FormatInt(n.PolicyRes.Milliseconds(), 10))
		put("channel", n.Channel)
		if n.AckRequested {
			put("ack_requested", "1")
		}
		ci.Officer = n.Officer
		ci.Release = n.Release
		for _, c := range []struct {
			name string
			due  time.Time
		}{{ClockAcknowledge, n.AcknowledgeDue}, {ClockFirstResponse, n.FirstResponseDue}, {ClockResolution, n.ResolutionDue}} {
			if c.due.IsZero() {
				continue
			}
			put(c.name+":due", ms(c.due))
			put(c.name+":start", ms(received))
			ci.Warns = append(ci.Warns, ms(WarnAt(received, c.due, warnBefore)), c.name)
		}
		dims := jsonEnc{b: make([]byte, 0, 160)}
		dims.appendCreatedDims(&createdDims{
			Officer: n.Officer, Topic: n.Topic, Tier: n.OutletTier, Outlet: n.Outlet,
			Release: n.Release, Policy: n.Policy, Created: received.UnixMilli(),
			Channel: n.Channel, Lang: n.Lang,
		})
		ci.Dims = string(dims.b[1 : len(dims.b)-1])
		ci.Timeline = append(ci.Timeline, encodeEvent(Event{At: now, Type: "received", By: "system",
			Text: "enquiry from " + ci.From, Data: map[string]any{"from": ci.From, "subject": m.Subject}}))
		for _, e := range n.Timeline {
			if e.At.IsZero() {
				e.At = now
			}
			ci.Timeline = append(ci.Timeline, encodeEvent(e))
		}
	} else {
		// A message routed nowhere still opens an enquiry (unassigned);
		// the caller should always route.
		ci.Fields = append(ci.Fields, "subject", m.Subject, "from", strings.ToLower(m.From.Addr),
			"from_name", m.From.Name, "mailbox", src.Mailbox)
		ci.Dims = `"officer":""`
	}
	return ci, nil
}

// clipHTML returns m to store: its HTML part cut to Options.MaxHTMLBytes
// (at a character boundary) with a warning saying so. The text, derived
// from the whole HTML when there was no text part, is kept; the mailbox
// keeps the original.
func (s *Store) clipHTML(m *mailparse.Message) mailparse.Message {
	c := *m
	if s.maxHTML <= 0 || len(c.HTML) <= s.maxHTML {
		return c
	}
	cut := s.maxHTML
	for cut > 0 && !utf8.RuneStart(c.HTML[cut]) {
		cut--
	}
	c.HTML = c.HTML[:cut]
	c.Warnings = append(slices.Clip(c.Warnings), fmt.Sprintf("HTML part clipped to its first %d of %d bytes (ingest.max_html_bytes); the mailbox has the original", cut, len(m.HTML)))
	return c
}

// CommitOptions tune a batch commit.
type CommitOptions struct {
	// WarnBefore is how long before a due time a clock warns.
	WarnBefore time.Duration
}

// Commit writes a batch of incoming messages, one atomic script each, in
// a single pipeline, in order. Each outcome says what happened to its
// message; a message whose outcome has an error was not committed (and its
// mailbox message must not be flagged). The error return is set when Redis
// could not be reached at all, and when the batch was not acknowledged by
// Options.WaitReplicas replicas (an error wrapping ErrNotReplicated): then
// nothing of the batch may be flagged, and committing it again later is
// harmless (each message comes back "dup-source").
func (s *Store) Commit(ctx context.Context, batch []Incoming, o CommitOptions) ([]Outcome, error) {
	enc := make([]Encoded, len(batch))
	for i := range batch {
		enc[i] = s.Encode(&batch[i], o)
	}
	return s.CommitEncoded(ctx, batch, enc, o)
}

// Encoded is a message ready for the commit script.
type Encoded struct{ args scriptArgs }

// Encode prepares one message for CommitEncoded. It is safe to call
// concurrently, so callers can encode a batch on all cores ahead of the
// commit. A message that cannot be encoded is encoded as a quarantine
// entry with the reason.
func (s *Store) Encode(in *Incoming, o CommitOptions) Encoded {
	args, err := s.encode(in, o.WarnBefore)
	if err != nil {
		q := *in
		q.Msg, q.ParseErr = nil, fmt.Errorf("cannot store the parsed message: %w", err)
		args, _ = s.encode(&q, o.WarnBefore)
	}
	return Encoded{args}
}

// CommitEncoded is Commit for a batch encoded beforehand (enc[i] encodes
// batch[i]).
func (s *Store) CommitEncoded(ctx context.Context, batch []Incoming, enc []Encoded, o CommitOptions) ([]Outcome, error) {
	if len(enc) != len(batch) {
		return nil, errors.New("commit: batch and encoding differ in length")
	}
	out := make([]Outcome, len(batch))
	inputs := make([]scriptArgs, len(batch))
	for i := range batch {
		out[i].Source = batch[i].Source
		inputs[i] = enc[i].args
	}
	var wait *redis.Cmd
	for attempt := 0; ; attempt++ {
		cmds, w, err := s.run(ctx, inputs)
		if err != nil && !isScriptError(err) && !isNoScript(err) {
			return nil, fmt.Errorf("commit %d message(s): %w", len(batch), err)
		}
		wait = w
		retry := false
		for i, r := range scriptReplies(cmds, len(inputs)) {
			switch {
			case r.err != nil && isNoScript(r.err):
				retry = true
			case r.err != nil:
				out[i].Err = fmt.Errorf("commit uid %d: %w", batch[i].Source.UID, r.err)
			default:
				out[i] = Outcome{Kind: r.res[0], Ref: r.res[1], MKey: r.res[2], Detail: r.res[3], Source: batch[i].Source}
			}
		}
		if !retry {
			break
		}
		if attempt >= 2 {
			return nil, errors.New("commit: script cache keeps losing the commit script")
		}
		if err := commitScript.Load(ctx, s.rdb).Err(); err != nil {
			return nil, fmt.Errorf("load commit script: %w", err)
		}
	}
	// Under Sentinel a write the primary took but no replica has is lost
	// if it fails over now: the batch counts as not committed, so nothing
	// is flagged in the mailbox, no reference it drew is relied on, and the
	// worker commits it again (deduplicated) once replication catches up.
	if err := s.CheckWait(wait); err != nil {
		return nil, fmt.Errorf("commit %d message(s): %w", len(batch), err)
	}
	// A message the script refused is quarantined with the reason, so it
	// never blocks the ones after it and is never silently dropped.
	for i := range out {
		if out[i].Err == nil {
			continue
		}
		q := batch[i]
		q.Msg, q.ParseErr = nil, out[i].Err
		args, _ := s.encode(&q, o.WarnBefore)
		cmds, w, err := s.run(ctx, []scriptArgs{args})
		if err != nil && !isScriptError(err) {
			return nil, fmt.Errorf("quarantine uid %d: %w", q.Source.UID, err)
		}
		if err := s.CheckWait(w); err != nil {
			return nil, fmt.Errorf("quarantine uid %d: %w", q.Source.UID, err)
		}
		if r := scriptReplies(cmds, 1)[0]; r.err == nil {
			out[i] = Outcome{Kind: r.res[0], Ref: r.res[1], MKey: r.res[2], Detail: r.res[3], Source: q.Source}
		}
	}
	return out, nil
}

// scriptArgs are the commit script's input and message document.
type scriptArgs struct{ input, doc string }

func (s *Store) encode(in *Incoming, warnBefore time.Duration) (scriptArgs, error) {
	ci, err := s.input(in, warnBefore)
	if err != nil {
		return scriptArgs{}, err
	}
	e := jsonEnc{b: make([]byte, 0, ci.sizeHint())}
	e.appendCommitInput(ci)
	return scriptArgs{input: string(e.b), doc: ci.Doc}, nil
}

// commitChunk is how many messages one commit script takes: writes that
// nothing later in a chunk reads (indexes, schedules, counters, source
// records) are written once per chunk (commit.lua), and the script's own
// cost is paid once. A chunk of 64 new enquiries runs for a few
// milliseconds, so other clients wait no longer than that.
const commitChunk = 64

// run sends the batch in chunks of commitChunk messages, one commit
// script each, in one pipeline, followed by WAIT when the desk waits for
// replicas (nil otherwise).
func (s *Store) run(ctx context.Context, inputs []scriptArgs) ([]*redis.Cmd, *redis.Cmd, error) {
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.Cmd, 0, (len(inputs)+commitChunk-1)/commitChunk)
	keys := []string{s.key(eventsKey)}
	for from := 0; from < len(inputs); from += commitChunk {
		chunk := inputs[from:min(len(inputs), from+commitChunk)]
		args := make([]any, 0, 1+2*len(chunk))
		args = append(args, s.prefix)
		for _, in := range chunk {
			args = append(args, in.input, in.doc)
		}
		cmds = append(cmds, commitScript.EvalSha(ctx, pipe, keys, args...))
	}
	wait := s.QueueWait(ctx, pipe)
	_, err := pipe.Exec(ctx)
	return cmds, wait, err
}

// scriptReply is one message's result from the commit script: its
// outcome fields, or why it failed.
type scriptReply struct {
	res []string
	err error
}

// scriptReplies splits the replies of run's chunks into n per-message
// replies, in order. A chunk that failed as a whole (NOSCRIPT, a
// connection error) fails each of its messages with that error.
func scriptReplies(cmds []*redis.Cmd, n int) []scriptReply {
	out := make([]scriptReply, 0, n)
	for c, cmd := range cmds {
		size := min(commitChunk, n-c*commitChunk)
		vals, err := cmd.Slice()
		if err == nil && len(vals) != size {
			err = fmt.Errorf("commit script answered %d results for %d messages", len(vals), size)
		}
		if err != nil {
			for range size {
				out = append(out, scriptReply{err: err})
			}
			continue
		}
		for _, v := range vals {
			out = append(out, oneReply(v))
		}
	}
	return out
}

func oneReply(v any) scriptReply {
	items, _ := v.([]any)
	res := make([]string, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			return scriptReply{err: fmt.Errorf("unexpected reply %v", v)}
		}
		res[i] = s
	}
	switch {
	case len(res) == 2 && res[0] == "error":
		return scriptReply{err: scriptFailure(res[1])}
	case len(res) < 4:
		return scriptReply{err: fmt.Errorf("unexpected reply %q", res)}
	}
	return scriptReply{res: res}
}

// scriptFailure is one message's failure inside the commit script.
type scriptFailure string

func (e scriptFailure) Error() string { return string(e) }

func isNoScript(err error) bool {
	return err != nil && strings.HasPrefix(err.Error(), "NOSCRIPT")
}

// isScriptError tells a per-message script failure (the reply of one
// command) from a connection failure.
func isScriptError(err error) bool {
	var re redis.Error
	return errors.As(err, &re) && !isNoScript(err)
}
