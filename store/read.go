package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrNotFound is returned for an unknown enquiry, message or entry.
var ErrNotFound = errors.New("not found")

// Enquiry reads one enquiry (without messages and timeline).
func (s *Store) Enquiry(ctx context.Context, ref string) (*Enquiry, error) {
	h, err := s.rdb.HGetAll(ctx, s.key(enqKey(ref))).Result()
	if err != nil {
		return nil, fmt.Errorf("read enquiry %s: %w", ref, err)
	}
	if len(h) == 0 {
		return nil, fmt.Errorf("enquiry %s: %w", ref, ErrNotFound)
	}
	return decodeEnquiry(h)
}

// Messages reads an enquiry's messages, oldest first.
func (s *Store) Messages(ctx context.Context, ref string) ([]Message, error) {
	// The first message's key is the enquiry's field first_msg, the later
	// ones its list (enquiries committed before first_msg have them all
	// in the list).
	pipe := s.rdb.Pipeline()
	first := pipe.HGet(ctx, s.key(enqKey(ref)), fieldFirstMsg)
	rest := pipe.LRange(ctx, s.key(enqKey(ref)+":msgs"), 0, -1)
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("read messages of %s: %w", ref, err)
	}
	keys := rest.Val()
	if f := first.Val(); f != "" {
		keys = append([]string{f}, keys...)
	}
	pipe = s.rdb.Pipeline()
	cmds := make([]*redis.SliceCmd, len(keys))
	for i, k := range keys {
		cmds[i] = pipe.HMGet(ctx, s.key("msg:"+k), "doc", "ref", "kind", "dir")
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("read messages of %s: %w", ref, err)
	}
	out := make([]Message, 0, len(keys))
	for i, c := range cmds {
		m, err := decodeMessage(keys[i], c.Val())
		if err != nil {
			return nil, fmt.Errorf("message %s of %s: %w", keys[i], ref, err)
		}
		out = append(out, *m)
	}
	return out, nil
}

// Message reads one message by key.
func (s *Store) Message(ctx context.Context, mkey string) (*Message, error) {
	v, err := s.rdb.HMGet(ctx, s.key("msg:"+mkey), "doc", "ref", "kind", "dir").Result()
	if err != nil {
		return nil, fmt.Errorf("read message %s: %w", mkey, err)
	}
	return decodeMessage(mkey, v)
}

func decodeMessage(mkey string, v []any) (*Message, error) {
	doc, _ := v[0].(string)
	if doc == "" {
		return nil, ErrNotFound
	}
	m, err := decodeDoc(doc)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	m.Key = mkey
	m.Ref, _ = v[1].(string)
	m.Kind, _ = v[2].(string)
	if d, _ := v[3].(string); d != "" {
		m.Direction = d
	}
	return &m, nil
}

// Timeline reads an enquiry's events, oldest first.
func (s *Store) Timeline(ctx context.Context, ref string) ([]Event, error) {
	raw, err := s.rdb.LRange(ctx, s.key(enqKey(ref)+":tl"), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("read timeline of %s: %w", ref, err)
	}
	return decodeTimeline(raw), nil
}

// decodeTimeline decodes timeline entries; an unreadable one is kept as
// an "unreadable" event saying why.
func decodeTimeline(raw []string) []Event {
	out := make([]Event, 0, len(raw))
	for _, r := range raw {
		var re rawEvent
		if err := json.Unmarshal([]byte(r), &re); err != nil {
			out = append(out, Event{Type: "unreadable", Text: err.Error()})
			continue
		}
		out = append(out, Event{At: time.UnixMilli(re.At), Type: re.Type, By: re.By, Text: re.Text, Data: re.Data})
	}
	return out
}

// ListOptions select enquiries.
type ListOptions struct {
	// Open lists only enquiries that are not resolved.
	Open bool
	// Officer lists only the officer's open enquiries.
	Officer string
	// Resolved lists resolved enquiries, most recently resolved first.
	Resolved bool
	// Newest first; Offset and Limit page (Limit 0 means 50).
	Offset, Limit int
}

// List returns enquiries, newest first.
func (s *Store) List(ctx context.Context, o ListOptions) ([]*Enquiry, int64, error) {
	idx := "idx:all"
	switch {
	case o.Resolved:
		idx = "idx:resolved"
	case o.Officer != "":
		idx = "idx:officer:" + o.Officer
	case o.Open:
		idx = "idx:open"
	}
	if o.Limit <= 0 {
		o.Limit = 50
	}
	key := s.key(idx)
	total, err := s.rdb.ZCard(ctx, key).Result()
	if err != nil {
		return nil, 0, fmt.Errorf("list %s: %w", idx, err)
	}
	refs, err := s.rdb.ZRevRange(ctx, key, int64(o.Offset), int64(o.Offset+o.Limit-1)).Result()
	if err != nil {
		return nil, 0, fmt.Errorf("list %s: %w", idx, err)
	}
	out, err := s.enquiries(ctx, refs)
	return out, total, err
}

// enquiries reads several enquiries in one round trip, skipping missing ones.
func (s *Store) enquiries(ctx context.Context, refs []string) ([]*Enquiry, error) {
	es, err := s.EnquiryFields(ctx, refs)
	out := make([]*Enquiry, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, e)
		}
	}
	return out, err
}

// Load is the open workload per officer, for load-aware assignment.
type Load struct {
	Open         map[string]int
	LastAssigned map[string]time.Time
}

// Load reads the open enquiry count and last assignment time of officers.
func (s *Store) Load(ctx context.Context, officers []string) (Load, error) {
	l := Load{Open: map[string]int{}, LastAssigned: map[string]time.Time{}}
	pipe := s.rdb.Pipeline()
	cards := make([]*redis.IntCmd, len(officers))
	for i, o := range officers {
		cards[i] = pipe.ZCard(ctx, s.key("idx:officer:"+o))
	}
	last := pipe.HGetAll(ctx, s.key("officer:last"))
	if _, err := pipe.Exec(ctx); err != nil {
		return l, fmt.Errorf("read officer load: %w", err)
	}
	for i, o := range officers {
		l.Open[o] = int(cards[i].Val())
	}
	for o, v := range last.Val() {
		l.LastAssigned[o] = fromMS(v)
	}
	return l, nil
}

// Cursor reads a folder's ingest cursor (zero when never ingested).
func (s *Store) Cursor(ctx context.Context, mailbox, folder string) (Cursor, error) {
	h, err := s.rdb.HGetAll(ctx, s.key(folderKey("cursor", mailbox, folder))).Result()
	if err != nil {
		return Cursor{}, fmt.Errorf("read cursor %s/%s: %w", mailbox, folder, err)
	}
	uv, _ := strconv.ParseUint(h["uidvalidity"], 10, 32)
	last, _ := strconv.ParseUint(h["last_uid"], 10, 32)
	return Cursor{UIDValidity: uint32(uv), LastUID: uint32(last)}, nil
}

// ResetCursor starts a folder afresh under a new UIDVALIDITY. Messages
// already recorded are recognised by Message-ID, so nothing duplicates.
func (s *Store) ResetCursor(ctx context.Context, mailbox, folder string, uidvalidity uint32) error {
	key := s.key(folderKey("cursor", mailbox, folder))
	err := s.rdb.HSet(ctx, key, "uidvalidity", uidvalidity, "last_uid", 0).Err()
	if err != nil {
		return fmt.Errorf("reset cursor %s/%s: %w", mailbox, folder, err)
	}
	return nil
}

// SetCursor records progress for messages that need no commit (e.g. a
// folder watched only for responses).
func (s *Store) SetCursor(ctx context.Context, mailbox, folder string, c Cursor) error {
	key := s.key(folderKey("cursor", mailbox, folder))
	if err := s.rdb.HSet(ctx, key, "uidvalidity", c.UIDValidity, "last_uid", c.LastUID).Err(); err != nil {
		return fmt.Errorf("set cursor %s/%s: %w", mailbox, folder, err)
	}
	return nil
}

// AdvanceCursor moves a folder's cursor to uid if that is further and
// the folder still has this UIDVALIDITY. The worker calls it once per
// committed batch; a crash before it only means the batch is fetched
// again and recognised by source.
func (s *Store) AdvanceCursor(ctx context.Context, mailbox, folder string, uidvalidity, uid uint32) error {
	err := advanceScript.Run(ctx, s.rdb, []string{s.key(folderKey("cursor", mailbox, folder))}, uidvalidity, uid).Err()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("advance cursor %s/%s to %d: %w", mailbox, folder, uid, err)
	}
	return nil
}

var advanceScript = redis.NewScript(`
if redis.call('HGET', KEYS[1], 'uidvalidity') ~= ARGV[1] then return 0 end
if tonumber(redis.call('HGET', KEYS[1], 'last_uid') or '0') < tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'last_uid', ARGV[2])
end
return 1`)

// Recorded reports which of the UIDs are already recorded for a folder
// under a UIDVALIDITY, so a reconciliation pass can skip them cheaply.
func (s *Store) Recorded(ctx context.Context, mailbox, folder string, uidvalidity uint32, uids []uint32) (map[uint32]bool, error) {
	out := map[uint32]bool{}
	if len(uids) == 0 {
		return out, nil
	}
	fields := make([]string, len(uids))
	for i, u := range uids {
		fields[i] = strconv.FormatUint(uint64(u), 10)
	}
	vals, err := s.rdb.HMGet(ctx, s.key(srcKey(mailbox, folder, uidvalidity)), fields...).Result()
	if err != nil {
		return nil, fmt.Errorf("read recorded uids %s/%s: %w", mailbox, folder, err)
	}
	for i, v := range vals {
		if v != nil {
			out[uids[i]] = true
		}
	}
	return out, nil
}

// FolderStats reads the counters of every folder given.
func (s *Store) FolderStats(ctx context.Context, folders [][2]string) ([]FolderStats, error) {
	pipe := s.rdb.Pipeline()
	stats := make([]*redis.MapStringStringCmd, len(folders))
	curs := make([]*redis.MapStringStringCmd, len(folders))
	for i, f := range folders {
		stats[i] = pipe.HGetAll(ctx, s.key(folderKey("stats", f[0], f[1])))
		curs[i] = pipe.HGetAll(ctx, s.key(folderKey("cursor", f[0], f[1])))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, fmt.Errorf("read folder stats: %w", err)
	}
	out := make([]FolderStats, len(folders))
	for i, f := range folders {
		h, c := stats[i].Val(), curs[i].Val()
		n := func(k string) int64 { v, _ := strconv.ParseInt(h[k], 10, 64); return v }
		uv, _ := strconv.ParseUint(c["uidvalidity"], 10, 32)
		last, _ := strconv.ParseUint(c["last_uid"], 10, 32)
		out[i] = FolderStats{
			Mailbox: f[0], Folder: f[1], UIDValidity: uint32(uv), LastUID: uint32(last),
			Enquiries: n("enquiries"), Followups: n("followups"),
			Automatic: n("automatic"), Quarantined: n("quarantined"), Duplicates: n("duplicates"),
		}
		// Every distinct message is exactly one of the four.
		out[i].Messages = out[i].Enquiries + out[i].Followups + out[i].Automatic + out[i].Quarantined
	}
	return out, nil
}

// Quarantine lists quarantined messages, newest first.
func (s *Store) Quarantine(ctx context.Context, limit int) ([]Quarantined, int64, error) {
	if limit <= 0 {
		limit = 100
	}
	total, err := s.rdb.ZCard(ctx, s.key("quarantine")).Result()
	if err != nil {
		return nil, 0, fmt.Errorf("read quarantine: %w", err)
	}
	ids, err := s.rdb.ZRevRange(ctx, s.key("quarantine"), 0, int64(limit-1)).Result()
	if err != nil {
		return nil, 0, fmt.Errorf("read quarantine: %w", err)
	}
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	for i, id := range ids {
		cmds[i] = pipe.HGetAll(ctx, s.key("quarantine:"+id))
	}
	if len(ids) > 0 {
		if _, err := pipe.Exec(ctx); err != nil {
			return nil, 0, fmt.Errorf("read quarantine: %w", err)
		}
	}
	out := make([]Quarantined, 0, len(ids))
	for _, c := range cmds {
		h := c.Val()
		uv, _ := strconv.ParseUint(h["uidvalidity"], 10, 32)
		uid, _ := strconv.ParseUint(h["uid"], 10, 32)
		size, _ := strconv.ParseInt(h["size"], 10, 64)
		out = append(out, Quarantined{
			ID: h["id"], At: fromMS(h["at"]), Reason: h["reason"], Size: size, Header: h["header"],
			Source: Source{Mailbox: h["mailbox"], Folder: h["folder"], UIDValidity: uint32(uv), UID: uint32(uid)},
		})
	}
	return out, total, nil
}

// Automatic lists automatic messages (auto-replies, bounces, bulk, read
// receipts), newest first.
func (s *Store) Automatic(ctx context.Context, limit int) ([]Message, error) {
	if limit <= 0 {
		limit = 100
	}
	keys, err := s.rdb.ZRevRange(ctx, s.key("idx:auto"), 0, int64(limit-1)).Result()
	if err != nil {
		return nil, fmt.Errorf("read automatic: %w", err)
	}
	out := make([]Message, 0, len(keys))
	for _, k := range keys {
		m, err := s.Message(ctx, k)
		if err != nil {
			continue
		}
		out = append(out, *m)
	}
	return out, nil
}

// RefForMessageID returns the enquiry a Message-ID belongs to ("" if none).
func (s *Store) RefForMessageID(ctx context.Context, id string) (string, error) {
	v, err := s.rdb.HGet(ctx, s.key(MessageIDKey(strings.Trim(id, "<> "))), "ref").Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read message-id: %w", err)
	}
	return v, nil
}

// IsOwnMessageID reports whether a Message-ID is that of a message the
// desk sent (an acknowledgement, a reply: RecordOwnMessage marks it).
func (s *Store) IsOwnMessageID(ctx context.Context, id string) (bool, error) {
	v, err := s.rdb.HGet(ctx, s.key(MessageIDKey(strings.Trim(id, "<> "))), "own").Result()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read message-id: %w", err)
	}
	return v == "1", nil
}

// Count is how many enquiries the store holds.
func (s *Store) Count(ctx context.Context) (int64, error) {
	n, err := s.rdb.ZCard(ctx, s.key("idx:all")).Result()
	if err != nil {
		return 0, fmt.Errorf("count enquiries: %w", err)
	}
	return n, nil
}
