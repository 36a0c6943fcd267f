package store

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

//go:embed actions.lua
var actionsLua string

var actionsScript = redis.NewScript(withClockLib(actionsLua))

// ErrConflict is returned when an action lost a race (e.g. two officers
// claiming the same enquiry); ErrRefused when the enquiry's state does not
// allow it.
var (
	ErrConflict = errors.New("conflict")
	ErrRefused  = errors.New("refused")
)

// Result is what an action did: Changed is false when it was already so
// (a repeated claim, a reply seen twice).
type Result struct {
	Changed bool
	Detail  string
}

func (s *Store) action(ctx context.Context, name, ref string, arg map[string]any) (Result, error) {
	arg["ref"] = ref
	arg["now"] = ms(s.clock.Now())
	b, err := json.Marshal(arg)
	if err != nil {
		return Result{}, fmt.Errorf("%s %s: %w", name, ref, err)
	}
	res, err := actionsScript.Run(ctx, s.rdb, []string{s.key(eventsKey)}, s.prefix, name, string(b)).StringSlice()
	if err != nil {
		msg := err.Error()
		switch {
		case strings.HasPrefix(msg, "NOTFOUND"):
			return Result{}, fmt.Errorf("%s %s: %w", name, ref, ErrNotFound)
		case strings.HasPrefix(msg, "CONFLICT"):
			return Result{}, fmt.Errorf("%s: %w", strings.TrimPrefix(msg, "CONFLICT "), ErrConflict)
		case strings.HasPrefix(msg, "REFUSED"):
			return Result{}, fmt.Errorf("%s: %w", strings.TrimPrefix(msg, "REFUSED "), ErrRefused)
		}
		return Result{}, fmt.Errorf("%s %s: %w", name, ref, err)
	}
	if len(res) < 2 {
		return Result{}, fmt.Errorf("%s %s: unexpected reply %q", name, ref, res)
	}
	return Result{Changed: res[0] == "ok", Detail: res[1]}, nil
}

// ResponseKind says whether a reply holds or answers.
type ResponseKind string

const (
	// Holding replies acknowledge the journalist (first human contact).
	Holding ResponseKind = "holding"
	// Substantive replies answer the enquiry.
	Substantive ResponseKind = "substantive"
)

// Response is a reply sent to the journalist.
type Response struct {
	At   time.Time
	By   string // officer id, or the From address when no officer matches
	Kind ResponseKind
	// Via says where it was seen: "dashboard", "api", "sent-folder".
	Via string
	// MessageID of the reply; the same reply recorded twice counts once.
	MessageID string
	MKey      string
}

// RecordResponse records a reply: any reply meets the acknowledge clock;
// a substantive one meets first response (or the next-response clock of a
// follow-up) and marks the enquiry answered.
func (s *Store) RecordResponse(ctx context.Context, ref string, r Response) (Result, error) {
	if r.Kind != Holding && r.Kind != Substantive {
		return Result{}, fmt.Errorf("response kind %q", r.Kind)
	}
	return s.action(ctx, "response", ref, map[string]any{
		"at": ms(r.At), "by": r.By, "kind": string(r.Kind), "via": r.Via,
		"message_id": strings.Trim(r.MessageID, "<> "), "mkey": r.MKey,
	})
}

// Resolve closes an enquiry: the resolution clock is met and it leaves the
// open queues.
func (s *Store) Resolve(ctx context.Context, ref, by, note string) (Result, error) {
	return s.action(ctx, "resolve", ref, map[string]any{"by": by, "note": note})
}

// Reopen puts a resolved enquiry back in the open queues, with its
// resolution clock re-armed from now on the policy's target.
func (s *Store) Reopen(ctx context.Context, ref, by, note string, warnBefore time.Duration) (Result, error) {
	return s.action(ctx, "reopen", ref, map[string]any{"by": by, "note": note,
		"warn_before": strconv.FormatInt(warnBefore.Milliseconds(), 10)})
}

// Unassigned is the expect value of Assign for "nobody holds it yet".
const Unassigned = "\x00unassigned"

// Assign gives an enquiry to officer to. by is who did it (a claim when
// by == to). When expect is not "", the enquiry must still be assigned to
// expect (or to nobody, with Unassigned), else ErrConflict: two officers
// claiming at once cannot both win.
func (s *Store) Assign(ctx context.Context, ref, to, by, expect, reason string) (Result, error) {
	if to == "" {
		return Result{}, errors.New("assign: no officer")
	}
	arg := map[string]any{"to": to, "by": by, "expect": expect, "reason": reason}
	if expect == Unassigned {
		arg["expect"], arg["expect_unassigned"] = "", true
	}
	return s.action(ctx, "assign", ref, arg)
}

// AddNote adds an internal note to the timeline.
func (s *Store) AddNote(ctx context.Context, ref, by, text string) (Result, error) {
	if strings.TrimSpace(text) == "" {
		return Result{}, errors.New("note: empty")
	}
	return s.action(ctx, "note", ref, map[string]any{"by": by, "text": text})
}

// SetWaiting pauses (on) or resumes the resolution clock while the desk
// waits on the journalist.
func (s *Store) SetWaiting(ctx context.Context, ref, by string, on bool, warnBefore time.Duration) (Result, error) {
	return s.action(ctx, "waiting", ref, map[string]any{"by": by, "on": on, "warn_before": strconv.FormatInt(warnBefore.Milliseconds(), 10)})
}

// OwnMessage is a message the desk sent, kept on its enquiry's thread.
type OwnMessage struct {
	Ref  string
	Kind string // "acknowledgement", "reply", "alert"
	By   string
	Msg  Message
	// Timeline, when not "", adds a timeline entry of type Kind.
	Timeline string
}

// RecordOwnMessage stores a message the desk sent and registers its
// Message-ID, so the journalist's reply threads into the enquiry and a
// copy in a watched folder is recognised as ours. Idempotent by
// Message-ID.
func (s *Store) RecordOwnMessage(ctx context.Context, o OwnMessage) (Result, error) {
	id := strings.Trim(o.Msg.MessageID, "<> ")
	if id == "" {
		return Result{}, errors.New("own message without Message-ID")
	}
	o.Msg.MessageID = id
	o.Msg.Direction = "out"
	o.Msg.Ref = o.Ref
	o.Msg.Kind = o.Kind
	mkey := hash(id, 24)
	o.Msg.Key = mkey
	doc, err := json.Marshal(o.Msg)
	if err != nil {
		return Result{}, fmt.Errorf("encode own message: %w", err)
	}
	return s.action(ctx, "own-message", o.Ref, map[string]any{
		"midkey": MessageIDKey(id), "mkey": mkey, "doc": string(doc), "kind": o.Kind, "by": o.By, "timeline": o.Timeline,
	})
}

// SetDue restarts clock c of an enquiry with a new due time: its start is
// kept, earlier outcomes (met, warned, breached, escalated) are forgotten
// and it is scheduled again by the clock library's rule. For tools that
// stage clocks (bench/sla); the desk's own flows move due times through
// the commit and the actions above.
func (s *Store) SetDue(ctx context.Context, ref, c string, due time.Time, by string, warnBefore time.Duration) (Result, error) {
	known := false
	for _, k := range Clocks {
		known = known || k == c
	}
	if !known {
		return Result{}, fmt.Errorf("set due %s: unknown clock %q", ref, c)
	}
	return s.action(ctx, "set-due", ref, map[string]any{"clock": c, "due": ms(due), "by": by,
		"warn_before": strconv.FormatInt(warnBefore.Milliseconds(), 10)})
}
