package inbox

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// Router decides how a new message is routed, in two steps: Route does
// everything that depends only on the message (release, topic, deadline,
// SLA plan) and may run concurrently; Assign then picks the officer
// against the officers' live load, in mailbox order, updating the load
// with its own assignments.
type Router interface {
	// Officers lists the officer ids whose load Assign needs.
	Officers() []string
	// Route fills in.New (and in.DeadlineTarget) for in.Msg.
	Route(in *store.Incoming)
	// Assign chooses in.New's officer.
	Assign(in *store.Incoming, load *store.Load)
	// Own reports whether an address is the desk's or an officer's.
	Own(addr string) bool
}

// Ingest is the Handler for watched inbox folders: parse, route, commit.
type Ingest struct {
	Store  *store.Store
	Router Router // nil: no routing (enquiries open unassigned)
	// MaxSize is the largest message parsed in full (default 25 MB).
	MaxSize    int64
	WarnBefore time.Duration
	// OnOutcome, if set, is told about every committed message (the demo
	// prints them; metrics count them).
	OnOutcome func(o store.Outcome, in *store.Incoming)

	mu      sync.Mutex
	pending map[string]int // assignments prepared, not yet committed
}

// Handle parses the batch in parallel, routes it, and commits it.
func (h *Ingest) Handle(ctx context.Context, f Folder, msgs []Fetched) ([]uint32, error) {
	p, err := h.Prepare(ctx, f, msgs)
	if err != nil {
		return nil, err
	}
	return h.Commit(ctx, p)
}

// prepared is a parsed and routed batch waiting to be committed, with the
// assignments it made (counted in the load of later batches until it is
// committed).
type prepared struct {
	ins      []store.Incoming
	enc      []store.Encoded
	assigned map[string]int
}

// Prepare parses and routes a batch (parsing and routing on all cores,
// then assigning officers in mailbox order). It may run while the previous
// batch is being committed: assignments of batches prepared but not yet
// committed are added to the load read from Redis, so the load stays
// exact.
func (h *Ingest) Prepare(ctx context.Context, f Folder, msgs []Fetched) (any, error) {
	p := &prepared{ins: make([]store.Incoming, len(msgs)), assigned: map[string]int{}}
	h.parseAll(f, msgs, p.ins)
	if h.Router == nil {
		h.encodeAll(p)
		return p, nil
	}
	load, err := h.Store.Load(ctx, h.Router.Officers())
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	for o, n := range h.pending {
		load.Open[o] += n
	}
	h.mu.Unlock()
	for i := range p.ins {
		if in := &p.ins[i]; in.New != nil {
			h.Router.Assign(in, &load)
			if in.New.Officer != "" {
				p.assigned[in.New.Officer]++
			}
		}
	}
	h.mu.Lock()
	if h.pending == nil {
		h.pending = map[string]int{}
	}
	for o, n := range p.assigned {
		h.pending[o] += n
	}
	h.mu.Unlock()
	h.encodeAll(p)
	return p, nil
}

// encodeAll encodes a routed batch for the commit script on all cores, so
// the commit itself only talks to Redis.
func (h *Ingest) encodeAll(p *prepared) {
	p.enc = make([]store.Encoded, len(p.ins))
	o := store.CommitOptions{WarnBefore: h.WarnBefore}
	parallel(len(p.ins), func(i int) { p.enc[i] = h.Store.Encode(&p.ins[i], o) })
}

// Discard forgets a prepared batch that will not be committed.
func (h *Ingest) Discard(batch any) {
	p := batch.(*prepared)
	h.mu.Lock()
	defer h.mu.Unlock()
	for o, n := range p.assigned {
		if h.pending[o] -= n; h.pending[o] <= 0 {
			delete(h.pending, o)
		}
	}
	p.assigned = nil
}

// Commit writes a prepared batch and returns the UIDs recorded.
func (h *Ingest) Commit(ctx context.Context, batch any) ([]uint32, error) {
	p := batch.(*prepared)
	defer h.Discard(p) // committed or not, it no longer counts as pending
	outs, err := h.Store.CommitEncoded(ctx, p.ins, p.enc, store.CommitOptions{WarnBefore: h.WarnBefore})
	if err != nil {
		return nil, err
	}
	done := make([]uint32, 0, len(outs))
	for i, o := range outs {
		if o.Committed() {
			done = append(done, o.Source.UID)
		}
		if h.OnOutcome != nil {
			h.OnOutcome(o, &p.ins[i])
		}
	}
	return done, nil
}

// parseAll parses and routes messages on all cores.
func (h *Ingest) parseAll(f Folder, msgs []Fetched, ins []store.Incoming) {
	parallel(len(msgs), func(i int) {
		ins[i] = h.parse(f, &msgs[i])
		if in := &ins[i]; in.Msg != nil && h.Router != nil {
			in.Own = h.Router.Own(in.Msg.From.Addr)
			if in.Msg.Automatic == mailparse.NotAutomatic {
				h.Router.Route(in)
			}
		}
	})
}

// parallel runs fn(0..n-1) on all cores (inline for small n).
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if n < 8 {
		workers = 1
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// parse turns one fetched message into an Incoming; an unparseable one
// becomes a quarantine entry with the reason.
func (h *Ingest) parse(f Folder, fm *Fetched) store.Incoming {
	in := store.Incoming{
		Source:   store.Source{Mailbox: f.Mailbox, Folder: f.Name, UIDValidity: f.UIDValidity, UID: fm.UID},
		Received: fm.InternalDate,
		Size:     fm.Size,
	}
	maxSize := h.MaxSize
	if maxSize <= 0 {
		maxSize = mailparse.DefaultMaxSize
	}
	m, err := parseSafely(fm.Raw, mailparse.Options{MaxSize: maxSize, InternalDate: fm.InternalDate})
	if err != nil {
		in.ParseErr = err
		in.RawHeader = headerPreview(fm.Raw)
		return in
	}
	if fm.HeaderOnly {
		m.TooLarge = true
		m.Size = fm.Size
		m.Text, m.NewText = "", ""
		m.Warnings = append(m.Warnings, fmt.Sprintf("message is %d bytes, over the %d-byte cap: only the header was read; open it in the mailbox", fm.Size, maxSize))
	}
	if m.Size < fm.Size {
		m.Size = fm.Size
	}
	if in.Received.IsZero() {
		in.Received = m.Date
	}
	in.Msg = m
	return in
}

// parseSafely is the last line of defence: the parser must never panic,
// but if it does the message is quarantined, not the process.
func parseSafely(raw []byte, o mailparse.Options) (m *mailparse.Message, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("parser panic: %v", r)
		}
	}()
	if len(raw) == 0 {
		return nil, fmt.Errorf("empty message")
	}
	return mailparse.Parse(raw, o)
}

// headerPreview is the start of the raw header for an admin to look at.
func headerPreview(raw []byte) string {
	end := bytes.Index(raw, []byte("\r\n\r\n"))
	if end < 0 {
		end = bytes.Index(raw, []byte("\n\n"))
	}
	if end < 0 || end > 2048 {
		end = min(len(raw), 2048)
	}
	return strings.ToValidUTF8(string(raw[:end]), "\uFFFD")
}
