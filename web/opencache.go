package web

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/mediadesk/mediadesk/store"
)

// The queue pages need every open enquiry on each request. Reading them
// all from Redis each time costs ~25 ms per 2,000, so each Server keeps
// them in memory and brings them up to date from the events stream
// before each use, as the search index does: every change to an enquiry
// (commit, action, sweep, sent mail) adds an event naming its ref, and
// the named enquiries are read again. If the stream was trimmed past the
// last event applied, the whole set is read again.

// openCaches holds each Server's open enquiries (*Server → *openCache).
var openCaches sync.Map

type openCache struct {
	mu    sync.Mutex // guards the fields; serialises catch-ups
	byRef map[string]*store.Enquiry
	last  string // last events stream ID applied
	built bool
	// sorted is byRef newest first; nil when byRef changed since.
	sorted []*store.Enquiry
}

func (s *Server) openCache() *openCache {
	v, _ := openCaches.LoadOrStore(s, &openCache{})
	return v.(*openCache)
}

// openPage is how many enquiries one read of the open index takes.
const openPage = 2000

// openEnquiries returns every enquiry not resolved, newest first, up to
// date with the events stream. The slice and the enquiries are shared:
// callers must not change them.
func (s *Server) openEnquiries(ctx context.Context) ([]*store.Enquiry, error) {
	c := s.openCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.built {
		if err := s.buildOpen(ctx, c); err != nil {
			return nil, err
		}
	} else if err := s.catchUpOpen(ctx, c); err != nil {
		return nil, err
	}
	if c.sorted == nil {
		out := make([]*store.Enquiry, 0, len(c.byRef))
		for _, e := range c.byRef {
			out = append(out, e)
		}
		sort.Slice(out, func(i, j int) bool {
			if !out[i].Created.Equal(out[j].Created) {
				return out[i].Created.After(out[j].Created)
			}
			return out[i].Ref > out[j].Ref
		})
		c.sorted = out
	}
	out := c.sorted
	return out, nil
}

// buildOpen reads every open enquiry; the stream position is taken first,
// so changes made while reading are applied again by the next catch-up.
func (s *Server) buildOpen(ctx context.Context, c *openCache) error {
	last := "0-0"
	msgs, err := s.evRDB.XRevRangeN(ctx, s.evStream, "+", "-", 1).Result()
	if err != nil {
		return fmt.Errorf("open enquiries: read the events stream: %w", err)
	}
	if len(msgs) == 1 {
		last = msgs[0].ID
	}
	byRef := map[string]*store.Enquiry{}
	for off := 0; ; off += openPage {
		list, _, err := s.st.List(ctx, store.ListOptions{Open: true, Offset: off, Limit: openPage})
		if err != nil {
			return err
		}
		for _, e := range list {
			if e.Status != store.StatusResolved {
				byRef[e.Ref] = e
			}
		}
		if len(list) < openPage {
			break
		}
	}
	c.byRef, c.last, c.built, c.sorted = byRef, last, true, nil
	return nil
}

// catchUpOpen reads again the enquiries named by events since the last
// one applied.
func (s *Server) catchUpOpen(ctx context.Context, c *openCache) error {
	rdb, stream := s.evRDB, s.evStream
	if c.last != "0-0" {
		first, err := rdb.XRangeN(ctx, stream, "-", "+", 1).Result()
		if err != nil {
			return fmt.Errorf("open enquiries: read the events stream: %w", err)
		}
		if len(first) == 1 && streamIDLess(c.last, first[0].ID) && !isNextID(c.last, first[0].ID) {
			return s.buildOpen(ctx, c) // trimmed past our position
		}
	}
	for {
		msgs, err := rdb.XRangeN(ctx, stream, "("+c.last, "+", 1000).Result()
		if err != nil {
			return fmt.Errorf("open enquiries: read the events stream: %w", err)
		}
		refs := map[string]bool{}
		for _, m := range msgs {
			if ref, _ := m.Values["ref"].(string); ref != "" {
				refs[ref] = true
			}
		}
		if len(refs) > 0 {
			c.sorted = nil
		}
		for ref := range refs {
			e, err := s.st.Enquiry(ctx, ref)
			switch {
			case errors.Is(err, store.ErrNotFound):
				delete(c.byRef, ref)
			case err != nil:
				return err
			case e.Status == store.StatusResolved:
				delete(c.byRef, ref)
			default:
				c.byRef[ref] = e
			}
		}
		if len(msgs) > 0 {
			c.last = msgs[len(msgs)-1].ID
		}
		if len(msgs) < 1000 {
			return nil
		}
	}
}
