package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// DecodeError reports enquiry hash fields that could not be decoded. The
// enquiry is still returned with every other field, so a reader may show
// it; the error says what is wrong and where.
type DecodeError struct {
	Ref    string
	Fields []string // "field=value" that failed
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("enquiry %s: undecodable fields %s", e.Ref, strings.Join(e.Fields, ", "))
}

// decodeEnquiry is the one decoder of the enquiry hash (P enq:<ref>): every
// read of enquiries, whole (HGETALL) or in part (HMGET of some fields),
// goes through it. h holds the fields read; missing ones stay zero.
// Malformed numbers and times are reported in a *DecodeError.
func decodeEnquiry(h map[string]string) (*Enquiry, error) {
	var bad []string
	num := func(f string) int64 {
		v := h[f]
		if v == "" {
			return 0
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			x, ferr := strconv.ParseFloat(v, 64)
			if ferr != nil {
				bad = append(bad, f+"="+strconv.Quote(v))
				return 0
			}
			n = int64(x)
		}
		return n
	}
	tm := func(f string) time.Time {
		n := num(f)
		if n == 0 {
			return time.Time{}
		}
		return time.UnixMilli(n)
	}
	var score float64
	if v := h["release_score"]; v != "" {
		var err error
		if score, err = strconv.ParseFloat(v, 64); err != nil {
			bad = append(bad, "release_score="+strconv.Quote(v))
		}
	}
	e := &Enquiry{
		Ref:            h["ref"],
		Status:         Status(h["status"]),
		Subject:        h["subject"],
		From:           h["from"],
		FromName:       h["from_name"],
		Outlet:         h["outlet"],
		OutletTier:     h["outlet_tier"],
		Topic:          h["topic"],
		TopicReason:    h["topic_reason"],
		Release:        h["release"],
		ReleaseTitle:   h["release_title"],
		ReleaseScore:   score,
		ReleaseReason:  h["release_reason"],
		Officer:        h["officer"],
		OfficerReason:  h["officer_reason"],
		Shift:          h["shift"],
		Deadline:       tm("deadline"),
		DeadlinePhrase: h["deadline_phrase"],
		Lang:           h["lang"],
		Policy:         h["policy"],
		Parent:         h["parent"],
		Mailbox:        h["mailbox"],
		Channel:        h["channel"],
		Created:        tm("created"),
		Updated:        tm("updated"),
		ResolvedAt:     tm("resolved_at"),
		Messages:       int(num("messages")),
		Fields:         h,
	}
	for _, c := range Clocks {
		cl := Clock{
			Start:     tm(c + ":start"),
			Due:       tm(c + ":due"),
			Met:       tm(c + ":met"),
			Warned:    tm(c + ":warned"),
			Breached:  tm(c + ":breached"),
			Escalated: tm(c + ":escalated"),
		}
		if cl != (Clock{}) {
			if e.Clocks == nil {
				e.Clocks = map[string]Clock{}
			}
			e.Clocks[c] = cl
		}
	}
	if len(bad) > 0 {
		return e, &DecodeError{Ref: h["ref"], Fields: bad}
	}
	return e, nil
}

// Enquiry hash field names for partial reads (EnquiryFields).
const (
	FieldRef        = "ref"
	FieldStatus     = "status"
	FieldSubject    = "subject"
	FieldTopic      = "topic"
	FieldOfficer    = "officer"
	FieldOutlet     = "outlet"
	FieldOutletTier = "outlet_tier"
	FieldRelease    = "release"
	FieldCreated    = "created"
	FieldPolicy     = "policy"
)

// ClockFields are the enquiry hash fields of clock c named by parts
// ("due", "met", "start", "warned", "breached", "escalated"; all when none).
func ClockFields(c string, parts ...string) []string {
	if len(parts) == 0 {
		parts = []string{"start", "due", "met", "warned", "breached", "escalated"}
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = c + ":" + p
	}
	return out
}

// EnquiryFields reads the given fields of several enquiries in one round
// trip (all fields when none are given), decoded by the one decoder. The
// result has one entry per ref, nil for an enquiry that does not exist.
// Undecodable fields are reported in the error (errors.Join of
// *DecodeError) alongside the decoded enquiries.
func (s *Store) EnquiryFields(ctx context.Context, refs []string, fields ...string) ([]*Enquiry, error) {
	out := make([]*Enquiry, len(refs))
	if len(refs) == 0 {
		return out, nil
	}
	pipe := s.rdb.Pipeline()
	all := make([]*redis.MapStringStringCmd, len(refs))
	some := make([]*redis.SliceCmd, len(refs))
	for i, ref := range refs {
		if len(fields) == 0 {
			all[i] = pipe.HGetAll(ctx, s.key(enqKey(ref)))
		} else {
			some[i] = pipe.HMGet(ctx, s.key(enqKey(ref)), fields...)
		}
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("read enquiries: %w", err)
	}
	var errs []error
	for i, ref := range refs {
		var h map[string]string
		if len(fields) == 0 {
			h = all[i].Val()
		} else {
			h = make(map[string]string, len(fields)+1)
			for j, v := range some[i].Val() {
				if x, ok := v.(string); ok {
					h[fields[j]] = x
				}
			}
		}
		if len(h) == 0 {
			continue
		}
		if h["ref"] == "" {
			h["ref"] = ref
		}
		e, err := decodeEnquiry(h)
		if err != nil {
			errs = append(errs, err)
		}
		out[i] = e
	}
	return out, errors.Join(errs...)
}

// OpenRefs lists open enquiries created in [from, to) (zero bounds: no
// bound), oldest first, at most limit (≤ 0: all).
func (s *Store) OpenRefs(ctx context.Context, from, to time.Time, limit int) ([]string, error) {
	return s.refsCreated(ctx, "idx:open", from, to, 0, limit)
}

// RefsCreated lists all enquiries created in [from, to) (zero bounds: no
// bound), oldest first, skipping offset and returning at most limit
// (≤ 0: all).
func (s *Store) RefsCreated(ctx context.Context, from, to time.Time, offset, limit int) ([]string, error) {
	return s.refsCreated(ctx, "idx:all", from, to, offset, limit)
}

func (s *Store) refsCreated(ctx context.Context, idx string, from, to time.Time, offset, limit int) ([]string, error) {
	r := &redis.ZRangeBy{Min: "-inf", Max: "+inf", Offset: int64(offset)}
	if !from.IsZero() {
		r.Min = strconv.FormatInt(from.UnixMilli(), 10)
	}
	if !to.IsZero() {
		r.Max = "(" + strconv.FormatInt(to.UnixMilli(), 10)
	}
	if limit > 0 {
		r.Count = int64(limit)
	}
	refs, err := s.rdb.ZRangeByScore(ctx, s.key(idx), r).Result()
	if err != nil {
		return nil, fmt.Errorf("list enquiries (%s): %w", idx, err)
	}
	return refs, nil
}

// EnquiryRecord is an enquiry with its whole timeline (exports).
type EnquiryRecord struct {
	Enquiry  *Enquiry
	Timeline []Event
}

// EnquiriesWithTimeline reads several enquiries and their timelines in
// one round trip, skipping missing ones. Undecodable fields are reported
// in the error alongside the records (see EnquiryFields).
func (s *Store) EnquiriesWithTimeline(ctx context.Context, refs []string) ([]EnquiryRecord, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	pipe := s.rdb.Pipeline()
	hs := make([]*redis.MapStringStringCmd, len(refs))
	tls := make([]*redis.StringSliceCmd, len(refs))
	for i, ref := range refs {
		hs[i] = pipe.HGetAll(ctx, s.key(enqKey(ref)))
		tls[i] = pipe.LRange(ctx, s.key(enqKey(ref)+":tl"), 0, -1)
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, fmt.Errorf("read enquiries: %w", err)
	}
	var errs []error
	out := make([]EnquiryRecord, 0, len(refs))
	for i := range refs {
		h := hs[i].Val()
		if len(h) == 0 {
			continue
		}
		e, err := decodeEnquiry(h)
		if err != nil {
			errs = append(errs, err)
		}
		out = append(out, EnquiryRecord{Enquiry: e, Timeline: decodeTimeline(tls[i].Val())})
	}
	return out, errors.Join(errs...)
}
