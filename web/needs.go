package web

// My work first: the "Needs me" queue, where everyone lands, and the
// attention summary behind the tab title's count and the opt-in browser
// notifications (static/attention.js).
//
// An open enquiry needs an officer when it is theirs; when nobody has it
// and it is on one of their desks (a topic they cover, or one of a shift
// they are on now); or when a clock of it is about to breach or has
// breached and it is on one of their desks, whoever has it (the weekend
// officer sees a colleague's enquiry before it breaches).

import (
	"net/http"
	"sync"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/store"
)

// rotas caches the rota built from each configuration (*config.Config →
// *routing.Rota); a reloaded configuration gets its own.
var rotas sync.Map

func (s *Server) rota() *routing.Rota {
	if r, ok := rotas.Load(s.cfg); ok {
		return r.(*routing.Rota)
	}
	r, err := routing.NewRota(s.cfg)
	if err != nil {
		s.log.Warn("needs me: the rota cannot be read; desks are the topics officers cover", "err", err)
		r = nil
	}
	rotas.Store(s.cfg, r)
	return r
}

// desks answers whether a topic is on the user's desks now.
func (s *Server) desks(u *User, now time.Time) func(topic string) bool {
	o := s.cfg.Officer(u.ID)
	var shiftTopics []string
	wildcard := false
	if r := s.rota(); r != nil {
		for _, a := range r.Active(now) {
			for _, id := range a.Shift.Officers {
				if id != u.ID {
					continue
				}
				for _, t := range a.Shift.Topics {
					if t == "*" {
						wildcard = true
					}
					shiftTopics = append(shiftTopics, t)
				}
			}
		}
	}
	return func(topic string) bool {
		if wildcard || (o != nil && o.Covers(topic)) {
			return true
		}
		for _, t := range shiftTopics {
			if t == topic {
				return true
			}
		}
		return false
	}
}

// needsMe reports whether r belongs in u's "Needs me" queue.
func needsMe(u *User, r row, onDesk func(string) bool) bool {
	e := r.E
	if e.Status == store.StatusResolved {
		return false
	}
	if e.Officer == u.ID {
		return true
	}
	if !onDesk(e.Topic) {
		return false
	}
	return e.Officer == "" || r.Warning || r.Breached
}

// attentionItem is an enquiry in the attention summary.
type attentionItem struct {
	Ref     string `json:"ref"`
	Subject string `json:"subject"`
	// Officer has it ("" for nobody).
	Officer string `json:"officer,omitempty"`
	// State is "breached", "warning" or "".
	State string `json:"state,omitempty"`
}

type attention struct {
	// Count is how many enquiries need the user (the "Needs me" queue).
	Count int `json:"count"`
	// Mine are the user's open enquiries; Warnings those of them (and of
	// their desks') with a clock about to breach or breached. The page
	// notifies of refs it has not seen in them before.
	Mine     []attentionItem `json:"mine"`
	Warnings []attentionItem `json:"warnings"`
	// Truncated says the queue listed only its first maxRows rows.
	Truncated bool `json:"truncated,omitempty"`
}

func init() {
	routeRoles["GET /attention"] = config.RoleOfficer
}

func (s *Server) registerNeeds(mux *http.ServeMux) {
	mux.HandleFunc("GET /attention", s.attention)
}

// attention is GET /attention: the signed-in user's count and lists, for
// the tab title and notifications (read in the background: not activity).
func (s *Server) attention(w http.ResponseWriter, r *http.Request) {
	u := CurrentUser(r.Context())
	d, err := s.loadQueues(r.Context(), u, s.clock.Now(), "needs")
	if err != nil {
		s.log.Error("attention", "err", err)
		writeError(w, http.StatusInternalServerError, "internal error; see the server log")
		return
	}
	a := attention{Mine: []attentionItem{}, Warnings: []attentionItem{}, Truncated: d.Truncated}
	for _, t := range d.Tabs {
		if t.Name == "needs" {
			a.Count = t.Count
		}
	}
	for _, row := range d.Rows {
		it := attentionItem{Ref: row.E.Ref, Subject: row.E.Subject, Officer: row.E.Officer}
		if row.Breached {
			it.State = "breached"
		} else if row.Warning {
			it.State = "warning"
		}
		if row.E.Officer == u.ID {
			a.Mine = append(a.Mine, it)
		}
		if it.State != "" {
			a.Warnings = append(a.Warnings, it)
		}
	}
	writeJSON(w, http.StatusOK, a)
}
