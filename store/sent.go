package store

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// Records kept for outbound mail (package outbound): which Sent-folder
// messages have been looked at, and what happened to each message the desk
// sent for an enquiry. Keys:
//
//	P src:<mailbox>:<folder>:<uidvalidity>  hash uid → mark (shared with ingest: reconcile skips seen UIDs)
//	P cursor:<mailbox>:<folder>             the Sent folder's cursor, as for watched folders
//	P stats:<mailbox>:<folder>              hash: messages and one counter per outcome
//	P enq:<ref>:outbound                    set of "<key>|<status>" already put on the timeline
//
// Events: outbound.sent, outbound.failed, outbound.suppressed with data
// key, kind, status, to, detail.

//go:embed sent.lua
var sentLua string

var sentScript = redis.NewScript(sentLua)

func (s *Store) sentAction(ctx context.Context, name string, arg map[string]any) (Result, error) {
	arg["now"] = ms(s.clock.Now())
	b, err := json.Marshal(arg)
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", name, err)
	}
	res, err := sentScript.Run(ctx, s.rdb, []string{s.key(eventsKey)}, s.prefix, name, string(b)).StringSlice()
	if err != nil {
		if strings.HasPrefix(err.Error(), "NOTFOUND") {
			return Result{}, fmt.Errorf("%s: %w", name, ErrNotFound)
		}
		return Result{}, fmt.Errorf("%s: %w", name, err)
	}
	if len(res) < 2 {
		return Result{}, fmt.Errorf("%s: unexpected reply %q", name, res)
	}
	return Result{Changed: res[0] == "ok", Detail: res[1]}, nil
}

// SentSeen records that a message in a Sent folder has been looked at,
// with what was made of it (outcome: a short word such as "response",
// "own", "unrelated"; mark: a message key or the outcome). It advances the
// folder's cursor and is idempotent by source: the same UID again is a
// no-op, so reconciliation and restarts never count it twice.
func (s *Store) SentSeen(ctx context.Context, src Source, outcome, mark string) (Result, error) {
	if outcome == "" {
		return Result{}, errors.New("sent-seen: no outcome")
	}
	if mark == "" {
		mark = outcome
	}
	return s.sentAction(ctx, "sent-seen", map[string]any{
		"srckey":      srcKey(src.Mailbox, src.Folder, src.UIDValidity),
		"cursorkey":   folderKey("cursor", src.Mailbox, src.Folder),
		"statskey":    folderKey("stats", src.Mailbox, src.Folder),
		"uidvalidity": strconv.FormatUint(uint64(src.UIDValidity), 10),
		"uid":         strconv.FormatUint(uint64(src.UID), 10),
		"outcome":     outcome,
		"mark":        mark,
	})
}

// SentStats reads the outcome counters of a Sent folder.
func (s *Store) SentStats(ctx context.Context, mailbox, folder string) (map[string]int64, error) {
	h, err := s.rdb.HGetAll(ctx, s.key(folderKey("stats", mailbox, folder))).Result()
	if err != nil {
		return nil, fmt.Errorf("read sent stats %s/%s: %w", mailbox, folder, err)
	}
	out := make(map[string]int64, len(h))
	for k, v := range h {
		out[k], _ = strconv.ParseInt(v, 10, 64)
	}
	return out, nil
}

// Outbound is what happened to one outgoing message of an enquiry.
type Outbound struct {
	// Key is the outbox's idempotency key of the message.
	Key string
	// Kind is "acknowledgement", "reply", "alert", "webhook", "notification".
	Kind string
	// Status is "sent", "failed" or "suppressed".
	Status string
	To     string
	Detail string
	// Text is the timeline line.
	Text string
}

// RecordOutbound puts an outgoing message's fate on the enquiry's timeline
// and the events stream, once per (key, status).
func (s *Store) RecordOutbound(ctx context.Context, ref string, o Outbound) (Result, error) {
	if o.Key == "" || o.Status == "" {
		return Result{}, errors.New("record outbound: key and status are required")
	}
	text := o.Text
	if text == "" {
		text = o.Kind + " " + o.Status
		if o.To != "" {
			text += " (" + o.To + ")"
		}
	}
	arg := map[string]any{"ref": ref, "key": o.Key, "kind": o.Kind, "status": o.Status,
		"to": o.To, "detail": o.Detail, "text": text}
	r, err := s.sentAction(ctx, "outbound", arg)
	if err != nil {
		return r, fmt.Errorf("enquiry %s: %w", ref, err)
	}
	return r, nil
}
