package releases

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// A line to take is a draft until a manager approves it, with a time at
// which the approval expires. The state is kept beside the release, per
// line text (so an edited line is a new draft and needs approving again):
//
//	{md}:release:<id>:lines     hash: line key → approval JSON
//	{md}:release:<id>:linelog   list: newest first, what happened to the lines
//
// Only approved lines that have not expired are offered for sending.

// LineState is a line's state at a moment.
type LineState string

// Line states.
const (
	LineDraft    LineState = "draft"
	LineApproved LineState = "approved"
	LineExpired  LineState = "expired"
)

// ErrNoLine is returned (wrapped) for a line key the release does not have.
var ErrNoLine = errors.New("no such line to take")

// ErrBadExpiry is returned (wrapped) when an approval would expire at or
// before the time it is given.
var ErrBadExpiry = errors.New("the expiry must be in the future")

// maxLineLog bounds the kept history of a release's lines.
const maxLineLog = 500

// LineApproval records who approved a line, when, and until when.
type LineApproval struct {
	Text       string    `json:"text"`
	ApprovedBy string    `json:"approved_by"`
	ApprovedAt time.Time `json:"approved_at"`
	ExpiresAt  time.Time `json:"expires_at"`
}

// Line is a line to take with its state at a moment.
type Line struct {
	Key   string
	Text  string
	State LineState
	// Approval is set for approved and expired lines.
	Approval *LineApproval
}

// LineEvent is one entry of a release's line history.
type LineEvent struct {
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	What string    `json:"what"` // "approved", "withdrawn", "sent"
	Key  string    `json:"key"`
	Text string    `json:"text"`
	// Detail: the expiry of an approval, the enquiries a line was sent to.
	Detail string `json:"detail,omitempty"`
}

// LineKey names a line by its text.
func LineKey(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:8])
}

// LinesOf is the state of each of a release's lines to take at now, given
// the stored approvals (pure).
func LinesOf(texts []string, approvals map[string]LineApproval, now time.Time) []Line {
	out := make([]Line, 0, len(texts))
	for _, t := range texts {
		l := Line{Key: LineKey(t), Text: t, State: LineDraft}
		if a, ok := approvals[l.Key]; ok && a.Text == t {
			a := a
			l.Approval = &a
			l.State = LineApproved
			if !now.Before(a.ExpiresAt) {
				l.State = LineExpired
			}
		}
		out = append(out, l)
	}
	return out
}

// Sendable is the texts of the lines approved and not expired at now.
func Sendable(lines []Line) []string {
	var out []string
	for _, l := range lines {
		if l.State == LineApproved {
			out = append(out, l.Text)
		}
	}
	return out
}

func (s *Store) linesKey(id string) string   { return s.prefix + "release:" + id + ":lines" }
func (s *Store) lineLogKey(id string) string { return s.prefix + "release:" + id + ":linelog" }

// Approvals returns the stored approvals of a release's lines, by key.
// An entry that does not decode is skipped and reported in the error.
func (s *Store) Approvals(ctx context.Context, id string) (map[string]LineApproval, error) {
	m, err := s.rdb.HGetAll(ctx, s.linesKey(id)).Result()
	if err != nil {
		return nil, fmt.Errorf("release store: reading line approvals of %s: %w", id, err)
	}
	out := make(map[string]LineApproval, len(m))
	var bad error
	for k, v := range m {
		var a LineApproval
		if err := json.Unmarshal([]byte(v), &a); err != nil {
			bad = fmt.Errorf("release store: line approval %s of %s: %w", k, id, err)
			continue
		}
		out[k] = a
	}
	return out, bad
}

// Lines returns the state of a release's lines to take at now.
func (s *Store) Lines(ctx context.Context, id string, now time.Time) ([]Line, error) {
	rel, ok, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("release store: %q: %w", id, ErrNoRelease)
	}
	ap, err := s.Approvals(ctx, id)
	if err != nil && ap == nil {
		return nil, err
	}
	return LinesOf(rel.LinesToTake, ap, now), nil
}

// SendableLines returns the texts of a release's lines that are approved
// and not expired at now (none for an unknown release).
func (s *Store) SendableLines(ctx context.Context, id string, now time.Time) ([]string, error) {
	lines, err := s.Lines(ctx, id, now)
	if errors.Is(err, ErrNoRelease) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return Sendable(lines), nil
}

// ApproveLine approves the release's line with key, by the given user at
// now, until expires, and records it in the line history. Approving an
// approved or expired line again replaces its approval.
func (s *Store) ApproveLine(ctx context.Context, id, key, by string, now, expires time.Time) (Line, error) {
	if !expires.After(now) {
		return Line{}, ErrBadExpiry
	}
	l, err := s.findLine(ctx, id, key, now)
	if err != nil {
		return Line{}, err
	}
	a := LineApproval{Text: l.Text, ApprovedBy: by, ApprovedAt: now, ExpiresAt: expires}
	b, err := json.Marshal(a)
	if err != nil {
		return Line{}, err
	}
	ev := LineEvent{At: now, By: by, What: "approved", Key: key, Text: l.Text, Detail: "until " + expires.UTC().Format(time.RFC3339)}
	eb, _ := json.Marshal(ev)
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, s.linesKey(id), key, string(b))
		p.LPush(ctx, s.lineLogKey(id), string(eb))
		p.LTrim(ctx, s.lineLogKey(id), 0, maxLineLog-1)
		return nil
	})
	if err != nil {
		return Line{}, fmt.Errorf("release store: approving a line of %s: %w", id, err)
	}
	l.State, l.Approval = LineApproved, &a
	return l, nil
}

// WithdrawLine returns an approved (or expired) line to draft.
func (s *Store) WithdrawLine(ctx context.Context, id, key, by string, now time.Time) error {
	l, err := s.findLine(ctx, id, key, now)
	if err != nil {
		return err
	}
	eb, _ := json.Marshal(LineEvent{At: now, By: by, What: "withdrawn", Key: key, Text: l.Text})
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HDel(ctx, s.linesKey(id), key)
		p.LPush(ctx, s.lineLogKey(id), string(eb))
		p.LTrim(ctx, s.lineLogKey(id), 0, maxLineLog-1)
		return nil
	})
	if err != nil {
		return fmt.Errorf("release store: withdrawing a line of %s: %w", id, err)
	}
	return nil
}

// RecordLineEvent adds an entry to the release's line history (a line
// sent to enquiries, say).
func (s *Store) RecordLineEvent(ctx context.Context, id string, ev LineEvent) error {
	eb, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.LPush(ctx, s.lineLogKey(id), string(eb))
		p.LTrim(ctx, s.lineLogKey(id), 0, maxLineLog-1)
		return nil
	})
	if err != nil {
		return fmt.Errorf("release store: recording a line event of %s: %w", id, err)
	}
	return nil
}

// LineLog returns up to n entries of the release's line history, newest
// first; entries that do not decode are skipped.
func (s *Store) LineLog(ctx context.Context, id string, n int) ([]LineEvent, error) {
	vs, err := s.rdb.LRange(ctx, s.lineLogKey(id), 0, int64(n)-1).Result()
	if err != nil {
		return nil, fmt.Errorf("release store: reading the line history of %s: %w", id, err)
	}
	out := make([]LineEvent, 0, len(vs))
	for _, v := range vs {
		var ev LineEvent
		if json.Unmarshal([]byte(v), &ev) == nil {
			out = append(out, ev)
		}
	}
	return out, nil
}

func (s *Store) findLine(ctx context.Context, id, key string, now time.Time) (Line, error) {
	lines, err := s.Lines(ctx, id, now)
	if err != nil {
		return Line{}, err
	}
	for _, l := range lines {
		if l.Key == key {
			return l, nil
		}
	}
	return Line{}, fmt.Errorf("release store: %s line %q: %w", id, key, ErrNoLine)
}
