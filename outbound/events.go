package outbound

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// eventsGroup is this package's consumer group on the desk's events stream.
const eventsGroup = "outbound"

// initEvents creates the consumer group at the end of the stream: a desk
// that turns outbound mail on does not acknowledge its whole history.
func (s *Service) initEvents(ctx context.Context) error {
	return createGroup(ctx, s.rdb, s.events, eventsGroup, "$")
}

// runEvents consumes desk events until ctx ends: acknowledgements for new
// enquiries, alerts for assignments, responses seen as copies to the desk.
// Delivery is at least once (an entry is acknowledged only after its
// effects are queued); every effect has an idempotency key, so a replay
// after a crash or a second replica never sends anything twice.
func (s *Service) runEvents(ctx context.Context) error {
	stream := s.events
	consumer := s.outbox.owner
	defer dropConsumer(context.WithoutCancel(ctx), s.rdb, stream, eventsGroup, consumer)
	backlog, grouped := true, false
	var lastClaim time.Time
	delay := 200 * time.Millisecond
	for ctx.Err() == nil {
		err := func() error {
			// The group is created in the loop, so Redis unreachable at
			// start is waited out like any later error, not the end of the
			// process.
			if !grouped {
				if err := s.initEvents(ctx); err != nil {
					return err
				}
				grouped = true
			}
			var msgs []redis.XMessage
			if backlog {
				res, err := s.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: eventsGroup, Consumer: consumer,
					Streams: []string{stream, "0"}, Count: 50, Block: -1}).Result()
				if err != nil && !errors.Is(err, redis.Nil) {
					return err
				}
				if len(res) > 0 {
					msgs = res[0].Messages
				}
				backlog = len(msgs) > 0
			}
			// Handling an event only queues mail, so an entry idle for a
			// quarter of ClaimAfter belongs to a dead consumer; taking one
			// from a slow live one is harmless (idempotency keys).
			claimIdle := s.outbox.opts.ClaimAfter / 4
			if len(msgs) == 0 && time.Since(lastClaim) >= claimIdle/2 {
				lastClaim = time.Now()
				claimed, _, err := s.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{Stream: stream, Group: eventsGroup,
					Consumer: consumer, MinIdle: claimIdle, Start: "0-0", Count: 50}).Result()
				if err != nil && !errors.Is(err, redis.Nil) {
					return err
				}
				msgs = claimed
			}
			if len(msgs) == 0 {
				res, err := s.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{Group: eventsGroup, Consumer: consumer,
					Streams: []string{stream, ">"}, Count: 50, Block: s.outbox.opts.Poll}).Result()
				if err != nil && !errors.Is(err, redis.Nil) {
					if strings.Contains(err.Error(), "NOGROUP") {
						_ = s.initEvents(ctx)
					}
					return err
				}
				if len(res) > 0 {
					msgs = res[0].Messages
				}
			}
			// Handled events are acknowledged together, one round trip per
			// read; a crash before that re-handles them, which the
			// idempotency keys make harmless.
			var handled []string
			ack := func() error {
				if len(handled) == 0 {
					return nil
				}
				return s.rdb.XAck(ctx, stream, eventsGroup, handled...).Err()
			}
			for _, m := range msgs {
				if err := s.handleEventSafely(ctx, m); err != nil {
					err = fmt.Errorf("event %s (%v %v): %w", m.ID, m.Values["type"], m.Values["ref"], err)
					if ctx.Err() == nil && deliveries(ctx, s.rdb, stream, eventsGroup, m.ID) >= s.outbox.opts.MaxDeliveries {
						s.log.Error("outbound events: giving up on an event that keeps failing; set aside in outbound:dead", "err", err)
						if derr := deadLetter(ctx, s.rdb, s.keys.Key("outbound:dead"), stream, eventsGroup, m, err); derr == nil {
							continue
						}
					}
					backlog = true
					return errors.Join(err, ack())
				}
				handled = append(handled, m.ID)
			}
			return ack()
		}()
		if err == nil {
			delay = 200 * time.Millisecond
			continue
		}
		if ctx.Err() != nil {
			break
		}
		backlog = true
		s.log.Warn("outbound events: will try again", "err", err, "in", delay)
		select {
		case <-ctx.Done():
		case <-time.After(jitter(delay)):
		}
		delay = min(delay*2, 30*time.Second)
	}
	return nil
}

// handleEventSafely is handleEvent with a panic turned into an error, so
// an event that trips a bug is retried, then set aside in outbound:dead
// like any failing event, instead of taking the process (and ingestion
// with it) down on every restart.
func (s *Service) handleEventSafely(ctx context.Context, m redis.XMessage) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic handling event: %v", r)
		}
	}()
	if s.beforeEvent != nil {
		s.beforeEvent(m)
	}
	return s.handleEvent(ctx, m)
}

// handleEvent queues what one event calls for. A missing enquiry or
// message is an error like any other: the event is retried with the
// stream's backoff (it may have been read from a primary that has since
// failed over, or be ahead of its enquiry's replication) and, when it keeps
// missing, set aside in outbound:dead with the reason, never dropped.
func (s *Service) handleEvent(ctx context.Context, m redis.XMessage) error {
	typ, _ := m.Values["type"].(string)
	ref, _ := m.Values["ref"].(string)
	raw, _ := m.Values["data"].(string)
	var data map[string]any
	if raw != "" {
		_ = json.Unmarshal([]byte(raw), &data)
	}
	str := func(k string) string { v, _ := data[k].(string); return v }
	if replayed, _ := data["replayed"].(bool); replayed {
		// Committed again by `mediadesk reindex` from the mailbox: the
		// journalist was acknowledged and the officer alerted the first
		// time, so nothing is sent again.
		return nil
	}
	var err error
	switch typ {
	case "enquiry.created":
		if err = s.acknowledge(ctx, ref, str("mkey")); err == nil && str("officer") != "" {
			err = s.Notify(ctx, Notification{Key: "alert:" + ref + ":" + str("officer") + ":" + m.ID, Kind: NotifyAssigned,
				Ref: ref, Officer: str("officer"), By: "system"})
		}
	case "enquiry.assigned":
		to, by := str("to"), str("by")
		claimed, _ := data["claimed"].(bool)
		if to != "" && !claimed && to != by {
			kind := NotifyAssigned
			if str("from") != "" {
				kind = NotifyReassigned
			}
			err = s.Notify(ctx, Notification{Key: "alert:" + ref + ":" + to + ":" + m.ID, Kind: kind,
				Ref: ref, Officer: to, By: by, From: str("from")})
		}
	case "enquiry.internal":
		err = s.internalCopy(ctx, ref, str("mkey"))
	}
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%s for a missing enquiry or message: %w", typ, err)
	}
	return err
}

// internalCopy handles an officer's mail threaded into an enquiry through
// the watched inbox (an officer who replied from their own mailbox with
// the desk in copy): when it went to someone outside the desk, it is a
// response.
func (s *Service) internalCopy(ctx context.Context, ref, mkey string) error {
	if mkey == "" {
		return nil
	}
	m, err := s.st.Message(ctx, mkey)
	if err != nil {
		return err
	}
	if m.Automatic != mailparse.NotAutomatic || !s.external(&m.Message) {
		return nil
	}
	by := strings.ToLower(m.From.Addr)
	if o := s.cfg.OfficerByEmail(by); o != nil {
		by = o.ID
	}
	_, err = s.st.RecordResponse(ctx, ref, store.Response{At: m.Received, By: by, Kind: s.responseKind(&m.Message),
		Via: "copy-to-desk", MessageID: m.MessageID, MKey: mkey})
	return err
}

// external reports whether m went to anyone outside the desk.
func (s *Service) external(m *mailparse.Message) bool {
	for _, list := range [][]mailparse.Address{m.To, m.Cc} {
		for _, a := range list {
			if a.Addr != "" && !s.ownAddress(a.Addr) {
				return true
			}
		}
	}
	return false
}

// responseKind is holding when the reply carries the holding marker in its
// subject or its new text, else substantive.
func (s *Service) responseKind(m *mailparse.Message) store.ResponseKind {
	marker := strings.ToLower(s.cfg.Replies.HoldingMarker)
	if marker == "" {
		return store.Substantive
	}
	text := m.NewText
	if strings.TrimSpace(text) == "" {
		text = m.Text
	}
	if strings.Contains(strings.ToLower(m.Subject), marker) || strings.Contains(strings.ToLower(text), marker) {
		return store.Holding
	}
	return store.Substantive
}
