package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// liveEvent is what the dashboard is told about a change: its type and
// enquiry, nothing more (the page fetches what it shows).
type liveEvent struct {
	ID   string `json:"-"`
	Type string `json:"type"`
	Ref  string `json:"ref,omitempty"`
	// Text says what changed, in words ("note added by Ann Officer"),
	// for the enquiry page's banner (Server.changeText).
	Text string `json:"text,omitempty"`
	// Data is the event's data (who, to whom, which clock), read to
	// write Text; it is not sent.
	Data map[string]any `json:"-"`
}

// hub reads the events stream with one blocking XREAD loop, however many
// dashboards are open, and fans the events out. It runs while anyone
// listens, so a desk nobody watches does not poll Redis.
type hub struct {
	rdb    redis.UniversalClient
	stream string
	block  time.Duration
	log    *slog.Logger

	mu     sync.Mutex
	subs   map[chan liveEvent]struct{}
	cancel context.CancelFunc
	done   chan struct{}
}

// subscribe returns a channel of events and a function to stop.
func (h *hub) subscribe() (<-chan liveEvent, func()) {
	ch := make(chan liveEvent, 64)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = map[chan liveEvent]struct{}{}
	}
	h.subs[ch] = struct{}{}
	if h.cancel == nil {
		ctx, cancel := context.WithCancel(context.Background())
		h.cancel, h.done = cancel, make(chan struct{})
		go h.run(ctx, h.done)
	}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.subs[ch]; !ok {
			return
		}
		delete(h.subs, ch)
		if len(h.subs) == 0 && h.cancel != nil {
			h.cancel()
			h.cancel = nil
		}
	}
}

// run reads new entries from the stream's end until ctx ends.
func (h *hub) run(ctx context.Context, done chan struct{}) {
	defer close(done)
	last := "$"
	// Start from the current last entry, so nothing written between two
	// reads is missed ("$" would mean "after whatever is last then").
	if msgs, err := h.rdb.XRevRangeN(ctx, h.stream, "+", "-", 1).Result(); err == nil {
		last = "0-0"
		if len(msgs) == 1 {
			last = msgs[0].ID
		}
	}
	backoff := 500 * time.Millisecond
	for ctx.Err() == nil {
		res, err := h.rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{h.stream, last}, Count: 200, Block: h.block}).Result()
		if errors.Is(err, redis.Nil) {
			continue // nothing within block
		}
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			h.log.Warn("live updates: reading the events stream", "err", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(backoff*2, 10*time.Second)
			continue
		}
		backoff = 500 * time.Millisecond
		for _, st := range res {
			for _, m := range st.Messages {
				last = m.ID
				typ, _ := m.Values["type"].(string)
				ref, _ := m.Values["ref"].(string)
				ev := liveEvent{ID: m.ID, Type: typ, Ref: ref}
				if d, ok := m.Values["data"].(string); ok && d != "" {
					_ = json.Unmarshal([]byte(d), &ev.Data) // unreadable data: no details
				}
				h.publish(ev)
			}
		}
	}
}

// publish hands an event to every subscriber; a subscriber that is behind
// loses it (its page refreshes on the next one anyway).
func (h *hub) publish(ev liveEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- ev:
		default:
		}
	}
}

// Live stream limits: a keep-alive comment every 15 s, the session checked
// every 30 s, and the stream closed after 10 minutes so EventSource
// reconnects (and authenticates) afresh.
var (
	liveKeepAlive = 15 * time.Second
	liveRecheck   = 30 * time.Second
	liveMaxAge    = 10 * time.Minute
)

// events is GET /events: Server-Sent Events "change" with {type, ref} for
// each entry on the events stream.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	ch, stop := s.hub.subscribe()
	defer stop()
	write := func(format string, args ...any) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(30 * time.Second))
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !write("retry: 5000\n: connected\n\n") {
		return
	}
	ctx := r.Context()
	keep := time.NewTicker(liveKeepAlive)
	defer keep.Stop()
	recheck := time.NewTicker(liveRecheck)
	defer recheck.Stop()
	end := time.NewTimer(liveMaxAge)
	defer end.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-end.C:
			return
		case <-keep.C:
			if !write(": keep-alive\n\n") {
				return
			}
		case <-recheck.C:
			if u.session != nil {
				if _, err := s.sessions.get(ctx, u.session.ID); err != nil {
					_ = write("event: signedout\ndata: {}\n\n")
					return
				}
			}
		case ev := <-ch:
			if ev.Type == presenceEvent { // presence.go: not a change to the enquiry
				b, _ := json.Marshal(ev)
				if !write("event: presence\ndata: %s\n\n", b) {
					return
				}
				continue
			}
			ev.Text = s.changeText(ev.Type, ev.Data)
			b, _ := json.Marshal(ev)
			if !write("id: %s\nevent: change\ndata: %s\n\n", ev.ID, b) {
				return
			}
		}
	}
}
