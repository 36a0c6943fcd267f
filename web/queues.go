package web

import (
	"context"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

// queueDef is one tab of the queue page.
type queueDef struct {
	Name, Label, Hint string
}

// queues are the officers' views of the work, in tab order.
var queues = []queueDef{
	{"needs", "Needs me", "yours, unassigned on your desks, and about to breach on your desks"},
	{"new", "New", "open and unassigned, or nobody has replied yet"},
	{"mine", "Mine", "open enquiries assigned to you"},
	{"open", "All open", "every enquiry not resolved"},
	{"breaching", "About to breach", "a clock is within the warning time of its due time"},
	{"breached", "Breached", "a clock is past its due time and not met"},
	{"waiting", "Waiting", "waiting on the journalist: resolution clock paused"},
	{"resolved", "Resolved", "the most recently resolved"},
}

// Limits on what the queue page reads.
const (
	maxResolvedScan = 500
	maxRows         = 300
)

// clockView is one clock of an enquiry and its state now.
type clockView struct {
	Name  string
	Clock store.Clock
	State sla.ClockState
}

// Running reports whether the clock is still counting (or overdue).
func (c clockView) Running() bool {
	return c.State == sla.StateRunning || c.State == sla.StateWarning || c.State == sla.StateBreached
}

func (s *Server) clockViews(e *store.Enquiry, now time.Time) []clockView {
	var out []clockView
	for _, name := range store.Clocks {
		c, ok := e.Clocks[name]
		if !ok || c.Due.IsZero() {
			continue
		}
		paused := e.Status == store.StatusWaiting && name == store.ClockResolution
		out = append(out, clockView{Name: name, Clock: c,
			State: sla.StateOf(c, now, s.cfg.SLA.WarnBefore, paused, e.Status == store.StatusResolved)})
	}
	return out
}

// row is one line of a queue.
type row struct {
	E *store.Enquiry
	// Next is the running clock due soonest (nil when none runs).
	Next *clockView
	// Warning and Breached say whether any running clock is so.
	Warning, Breached bool
}

func (s *Server) newRow(e *store.Enquiry, now time.Time) row {
	r := row{E: e}
	for _, c := range s.clockViews(e, now) {
		if !c.Running() {
			continue
		}
		c := c
		if r.Next == nil || c.Clock.Due.Before(r.Next.Clock.Due) {
			r.Next = &c
		}
		r.Warning = r.Warning || c.State == sla.StateWarning
		r.Breached = r.Breached || c.State == sla.StateBreached
	}
	return r
}

type queueTab struct {
	queueDef
	Count   int
	Counted bool
	Active  bool
}

type queueData struct {
	Queue     queueDef
	Tabs      []queueTab
	Rows      []row
	Truncated bool
	// WarnMs is the desk's warning time (ms): app.js turns a journalist's
	// deadline amber when it is this close, as the clocks are.
	WarnMs int64
}

var validRef = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// loadQueues reads the open enquiries once and sorts them into the
// queues; resolved ones are scanned from the newest.
func (s *Server) loadQueues(ctx context.Context, u *User, now time.Time, want string) (queueData, error) {
	open, err := s.openEnquiries(ctx)
	if err != nil {
		return queueData{}, err
	}
	byQueue := map[string][]row{}
	onDesk := s.desks(u, now)
	for _, e := range open {
		if e.Status == store.StatusResolved {
			continue
		}
		r := s.newRow(e, now)
		add := func(q string) { byQueue[q] = append(byQueue[q], r) }
		add("open")
		if needsMe(u, r, onDesk) {
			add("needs")
		}
		if e.Status == store.StatusOpen && (e.Officer == "" || e.Fields["last_response"] == "") {
			add("new")
		}
		if e.Officer == u.ID {
			add("mine")
		}
		if r.Warning {
			add("breaching")
		}
		if r.Breached {
			add("breached")
		}
		if e.Status == store.StatusWaiting {
			add("waiting")
		}
	}
	// Resolved ones are read only for their own tab (no index holds them;
	// the newest enquiries are scanned).
	if want == "resolved" {
		all, _, err := s.st.List(ctx, store.ListOptions{Limit: maxResolvedScan})
		if err != nil {
			return queueData{}, err
		}
		for _, e := range all {
			if e.Status == store.StatusResolved {
				byQueue["resolved"] = append(byQueue["resolved"], s.newRow(e, now))
			}
		}
	}
	// Only the queue shown is sorted; the others are counted.
	if rows := byQueue[want]; want != "resolved" {
		sort.SliceStable(rows, func(i, j int) bool {
			a, b := rows[i].Next, rows[j].Next
			switch {
			case a != nil && b != nil && !a.Clock.Due.Equal(b.Clock.Due):
				return a.Clock.Due.Before(b.Clock.Due)
			case (a == nil) != (b == nil):
				return a != nil
			}
			return rows[i].E.Created.After(rows[j].E.Created)
		})
	}
	d := queueData{WarnMs: s.cfg.SLA.WarnBefore.Milliseconds()}
	for _, q := range queues {
		t := queueTab{queueDef: q, Count: len(byQueue[q.Name]), Active: q.Name == want, Counted: q.Name != "resolved" || q.Name == want}
		d.Tabs = append(d.Tabs, t)
		if t.Active {
			d.Queue = q
			d.Rows = byQueue[q.Name]
		}
	}
	if len(d.Rows) > maxRows {
		d.Rows, d.Truncated = d.Rows[:maxRows], true
	}
	return d, nil
}

func knownQueue(name string) bool {
	for _, q := range queues {
		if q.Name == name {
			return true
		}
	}
	return false
}

// home sends everyone to "Needs me": their own work first.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/queues/needs", http.StatusSeeOther)
}

// queuePage shows one queue; ?partial=1 returns only the tabs and table,
// which app.js swaps in when the events stream says something changed.
func (s *Server) queuePage(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if !knownQueue(name) {
		s.errorPage(w, r, http.StatusNotFound, "no such queue")
		return
	}
	u := CurrentUser(r.Context())
	d, err := s.loadQueues(r.Context(), u, s.clock.Now(), name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Rows = filterLang(d.Rows, r.URL.Query().Get("lang"))
	p := &page{Title: d.Queue.Label, Nav: "queues", Live: "queue", Data: d}
	if r.URL.Query().Get("partial") == "1" {
		s.renderTemplate(w, r, http.StatusOK, "queue", "queue-fragment", p)
		return
	}
	s.render(w, r, http.StatusOK, "queue", p)
}

// filterLang keeps the rows of enquiries in lang (?lang=de: the language
// routing told, ISO 639-1; "none" the enquiries of unknown language); ""
// keeps all. The tabs' counts stay the whole queue's.
func filterLang(rows []row, lang string) []row {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "" {
		return rows
	}
	if lang == "none" {
		lang = ""
	}
	out := rows[:0:0]
	for _, r := range rows {
		if r.E.Lang == lang {
			out = append(out, r)
		}
	}
	return out
}
