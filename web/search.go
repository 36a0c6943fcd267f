package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/search"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

// Search across enquiries: an in-memory index (internal/search) in this
// process, built from the store on the first search and brought up to
// date before every search by reading the events stream from where it
// last read: every enquiry an event names is read again and re-indexed.
// The commit pays nothing for it. If the stream was trimmed past that
// point, the index is rebuilt.

// searchers holds each Server's index (*Server → *searcher), created on
// its first search.
var searchers sync.Map

func (s *Server) searcher() *searcher {
	v, _ := searchers.LoadOrStore(s, &searcher{})
	return v.(*searcher)
}

// searcher is a Server's search index.
type searcher struct {
	mu    sync.Mutex // guards the fields; serialises catch-ups
	idx   *search.Index
	last  string // last events stream ID applied
	built bool
	// done is closed when the build under way ends (nil: none running);
	// err is why the last build failed.
	done chan struct{}
	err  error
}

// maxSearchText bounds the text indexed per enquiry.
const maxSearchText = 32 << 10

// searchWait is how long a search waits for the first build before
// answering that the index is being built (100,000 enquiries take ~17 s).
var searchWait = 5 * time.Second

// errSearchBuilding: the first build is still running.
var errSearchBuilding = errors.New("the search index is being built (the first search after a start reads every enquiry); try again in a few seconds")

func init() {
	routeRoles["GET /search"] = config.RoleOfficer
	routeRoles["GET /api/search"] = config.RoleOfficer
}

func (s *Server) registerSearch(mux *http.ServeMux) {
	mux.HandleFunc("GET /search", s.searchPage)
	mux.HandleFunc("GET /api/search", s.searchAPI)
}

// Search runs q against an index brought up to date first.
func (s *Server) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := s.ensureSearch(ctx); err != nil {
		return search.Result{}, err
	}
	sr := s.searcher()
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if err := s.catchUpSearch(ctx); err != nil {
		return search.Result{}, err
	}
	return sr.idx.Search(q), nil
}

// ensureSearch starts the first build in the background (it outlives the
// request that started it) and waits for it up to searchWait.
func (s *Server) ensureSearch(ctx context.Context) error {
	sr := s.searcher()
	sr.mu.Lock()
	if sr.built {
		sr.mu.Unlock()
		return nil
	}
	if sr.done == nil {
		done := make(chan struct{})
		sr.done = done
		go func() {
			defer close(done)
			bctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			idx, last, err := s.buildSearch(bctx)
			sr.mu.Lock()
			defer sr.mu.Unlock()
			if err == nil {
				sr.idx, sr.last, sr.built = idx, last, true
			}
			sr.err, sr.done = err, nil
		}()
	}
	done := sr.done
	sr.mu.Unlock()
	select {
	case <-done:
	case <-time.After(searchWait):
		return errSearchBuilding
	case <-ctx.Done():
		return ctx.Err()
	}
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if !sr.built {
		return fmt.Errorf("search index: %w", sr.err)
	}
	return nil
}

// buildSearch indexes every enquiry. The stream position is read first,
// so a change made during the build is applied again afterwards.
func (s *Server) buildSearch(ctx context.Context) (*search.Index, string, error) {
	last := "0-0"
	msgs, err := s.evRDB.XRevRangeN(ctx, s.evStream, "+", "-", 1).Result()
	if err != nil {
		return nil, "", fmt.Errorf("search: read the events stream: %w", err)
	}
	if len(msgs) == 1 {
		last = msgs[0].ID
	}
	idx := search.New()
	const page = 500
	for off := 0; ; off += page {
		list, _, err := s.st.List(ctx, store.ListOptions{Offset: off, Limit: page})
		if err != nil {
			return nil, "", fmt.Errorf("search: list enquiries: %w", err)
		}
		// Each enquiry's messages are a round trip: several at once.
		docs := make([]search.Doc, len(list))
		errs := make([]error, len(list))
		var wg sync.WaitGroup
		sem := make(chan struct{}, 16)
		for i, e := range list {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				docs[i], errs[i] = s.searchDoc(ctx, e)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return nil, "", err
		}
		for _, d := range docs {
			idx.Put(d)
		}
		if len(list) < page {
			break
		}
	}
	return idx, last, nil
}

// catchUpSearch re-indexes the enquiries named by events since the last
// one applied.
func (s *Server) catchUpSearch(ctx context.Context) error {
	sr := s.searcher()
	rdb, stream := s.evRDB, s.evStream
	if sr.last != "0-0" {
		first, err := rdb.XRangeN(ctx, stream, "-", "+", 1).Result()
		if err != nil {
			return fmt.Errorf("search: read the events stream: %w", err)
		}
		if len(first) == 1 && streamIDLess(sr.last, first[0].ID) && !isNextID(sr.last, first[0].ID) {
			// Trimmed past our position: some changes are gone; rebuild.
			idx, last, err := s.buildSearch(ctx)
			if err != nil {
				return err
			}
			sr.idx, sr.last = idx, last
			return nil
		}
	}
	for {
		msgs, err := rdb.XRangeN(ctx, stream, "("+sr.last, "+", 1000).Result()
		if err != nil {
			return fmt.Errorf("search: read the events stream: %w", err)
		}
		refs := map[string]bool{}
		for _, m := range msgs {
			if ref, _ := m.Values["ref"].(string); ref != "" {
				refs[ref] = true
			}
		}
		for ref := range refs {
			e, err := s.st.Enquiry(ctx, ref)
			if errors.Is(err, store.ErrNotFound) {
				sr.idx.Remove(ref)
				continue
			}
			if err != nil {
				return err
			}
			d, err := s.searchDoc(ctx, e)
			if err != nil {
				return err
			}
			sr.idx.Put(d)
		}
		if len(msgs) > 0 {
			sr.last = msgs[len(msgs)-1].ID
		}
		if len(msgs) < 1000 {
			return nil
		}
	}
}

// searchDoc is what is searchable about e: its fields and what the
// journalist wrote.
func (s *Server) searchDoc(ctx context.Context, e *store.Enquiry) (search.Doc, error) {
	msgs, err := s.st.Messages(ctx, e.Ref)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return search.Doc{}, fmt.Errorf("search: messages of %s: %w", e.Ref, err)
	}
	var text strings.Builder
	for _, m := range msgs {
		if m.Direction == "out" || text.Len() >= maxSearchText {
			continue
		}
		t := m.NewText
		if strings.TrimSpace(t) == "" {
			t = m.Text
		}
		text.WriteString(t[:min(len(t), maxSearchText-text.Len())])
		text.WriteByte('\n')
	}
	channel := e.Channel
	if channel == "" {
		channel = "email"
	}
	return search.Doc{Ref: e.Ref, Subject: e.Subject, Text: text.String(), Journalist: e.From + " " + e.FromName,
		Outlet: e.Outlet, Topic: e.Topic, Officer: e.Officer, Tier: e.OutletTier, Status: string(e.Status),
		Channel: channel, Lang: e.Lang, Created: e.Created, Updated: e.Updated}, nil
}

// streamIDLess compares stream IDs ("ms-seq").
func streamIDLess(a, b string) bool {
	am, as := splitID(a)
	bm, bs := splitID(b)
	return am < bm || am == bm && as < bs
}

// isNextID reports whether b directly follows a in the same millisecond
// (nothing can be missing between them).
func isNextID(a, b string) bool {
	am, as := splitID(a)
	bm, bs := splitID(b)
	return am == bm && bs == as+1
}

func splitID(id string) (ms, seq uint64) {
	m, q, _ := strings.Cut(id, "-")
	fmt.Sscan(m, &ms)
	fmt.Sscan(q, &seq)
	return
}

// searchQuery reads a search from URL parameters.
func (s *Server) searchQuery(r *http.Request) (search.Query, error) {
	v := r.URL.Query()
	q := search.Query{Text: v.Get("q"), Topic: v.Get("topic"), Officer: v.Get("officer"), Tier: v.Get("tier"),
		Status: v.Get("status"), Channel: v.Get("channel"), Sort: v.Get("sort"), Limit: 100}
	if len(q.Text) > 500 {
		return q, badInput("the search is longer than 500 bytes")
	}
	var err error
	if q.Lang, err = langParam(v.Get("lang")); err != nil {
		return q, err
	}
	switch q.Sort {
	case "", search.SortNewest, search.SortOldest, search.SortUpdated:
	default:
		return q, badInput("sort must be newest, oldest or updated")
	}
	for _, p := range []struct {
		name string
		to   *time.Time
		add  time.Duration
	}{{"from", &q.From, 0}, {"to", &q.To, 24 * time.Hour}} {
		if x := v.Get(p.name); x != "" {
			t, err := time.ParseInLocation("2006-01-02", x, s.cfg.Location)
			if err != nil {
				return q, badInput(p.name + " must be a date (YYYY-MM-DD)")
			}
			*p.to = t.Add(p.add)
		}
	}
	return q, nil
}

// langParam reads a language filter (?lang=): an ISO 639-1 code as
// routing stores it (case folded), "none" for enquiries whose language
// was not told, or "" for any.
func langParam(v string) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" || v == search.LangNone {
		return v, nil
	}
	if len(v) < 2 || len(v) > 3 || strings.IndexFunc(v, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return "", badInput("lang must be a language code such as de, or none")
	}
	return v, nil
}

type searchData struct {
	Q        map[string]string
	Result   search.Result
	Searched bool
	Officers []config.Officer
	Topics   []config.Topic
	// Languages are the desk's languages for the filter, by name.
	Languages []langOption
}

// langOption is a language a filter offers: its code and "German (de)".
type langOption struct{ Code, Label string }

// deskLanguages are the languages the desk detects (desk.languages, else
// routing's default set), named for a filter.
func (s *Server) deskLanguages() []langOption {
	codes := s.cfg.Desk.Languages
	if len(codes) == 0 {
		codes = routing.DefaultLanguages
	}
	out := make([]langOption, 0, len(codes))
	for _, c := range codes {
		c = strings.ToLower(c)
		out = append(out, langOption{Code: c, Label: sla.LanguageLabel(c)})
	}
	return out
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	d := searchData{Q: map[string]string{}, Officers: s.cfg.Officers, Topics: s.cfg.Topics, Languages: s.deskLanguages()}
	for _, k := range []string{"q", "topic", "officer", "tier", "status", "channel", "lang", "from", "to", "sort"} {
		d.Q[k] = r.URL.Query().Get(k)
	}
	q, err := s.searchQuery(r)
	status := http.StatusOK
	var fl *flash
	if err != nil {
		status, fl = http.StatusBadRequest, &flash{Error: true, Text: err.Error()}
	} else if len(r.URL.Query()) > 0 {
		d.Result, err = s.Search(r.Context(), q)
		switch {
		case errors.Is(err, errSearchBuilding):
			w.Header().Set("Retry-After", "5")
			status, fl = http.StatusServiceUnavailable, &flash{Error: true, Text: err.Error()}
		case err != nil:
			s.fail(w, r, err)
			return
		default:
			d.Searched = true
		}
	}
	s.render(w, r, status, "search", &page{Title: "Search", Nav: "search", Flash: fl, Data: d})
}

func (s *Server) searchAPI(w http.ResponseWriter, r *http.Request) {
	q, err := s.searchQuery(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := s.Search(r.Context(), q)
	if errors.Is(err, errSearchBuilding) {
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	if err != nil {
		s.log.Error("search", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error; see the server log")
		return
	}
	type hit struct {
		Ref        string    `json:"ref"`
		Subject    string    `json:"subject"`
		Journalist string    `json:"journalist"`
		Outlet     string    `json:"outlet,omitempty"`
		Topic      string    `json:"topic"`
		Officer    string    `json:"officer,omitempty"`
		Status     string    `json:"status"`
		Channel    string    `json:"channel"`
		Lang       string    `json:"lang,omitempty"`
		Created    time.Time `json:"created"`
	}
	out := struct {
		Total int   `json:"total"`
		Hits  []hit `json:"hits"`
	}{Total: res.Total, Hits: []hit{}}
	for _, d := range res.Docs {
		out.Hits = append(out.Hits, hit{d.Ref, d.Subject, strings.TrimSpace(d.Journalist), d.Outlet, d.Topic, d.Officer, d.Status, d.Channel, d.Lang, d.Created})
	}
	writeJSON(w, http.StatusOK, out)
}
