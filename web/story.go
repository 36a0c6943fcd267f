package web

import (
	"net/http"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
	"github.com/mediadesk/mediadesk/store"
)

// The story view: a release's page lists the enquiries linked to it (open
// and resolved), the state of its lines to take, and lets an officer send
// an approved line to chosen enquiries (bulk.go).

// maxStoryEnquiries bounds how many of a release's enquiries (the
// newest) the story view shows; they are read from the store's
// per-release index (store.ReleaseEnquiries).
const maxStoryEnquiries = 2_000

// maxLineHistory is how much of a release's line history the page shows.
const maxLineHistory = 30

// defaultLineLife is how long an approval lasts unless the manager says.
const defaultLineLife = 24 * time.Hour

type releaseData struct {
	Release routing.Release
	// CanEdit: managers and admins edit and approve lines to take.
	CanEdit bool
	Lines   string // the edit box's text
	// States is each line with its state now; officers see only the
	// sendable ones (Sendable), managers all.
	States   []releases.Line
	Sendable []releases.Line
	// Drafts counts lines awaiting approval (for officers' information).
	Drafts  int
	History []releases.LineEvent
	// Open and Resolved are the release's enquiries; CanReply by ref.
	Open, Resolved []row
	CanReply       map[string]bool
	// Shown of Total linked enquiries (the newest); Partial when fewer
	// than all.
	Shown, Total int
	Partial      bool
	Nonce        string
	// ExpiresDefault is the approval form's default expiry
	// (datetime-local, the desk's zone).
	ExpiresDefault string
	Now            time.Time
	// Sent lists what the last bulk send did (shown after it).
	Sent []bulkOutcome
}

func (s *Server) showRelease(w http.ResponseWriter, r *http.Request, status int, rel routing.Release, fl *flash, lines string) {
	s.showReleaseWith(w, r, status, rel, fl, lines, nil)
}

func (s *Server) showReleaseWith(w http.ResponseWriter, r *http.Request, status int, rel routing.Release, fl *flash, lines string, sent []bulkOutcome) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	now := s.clock.Now()
	d := releaseData{Release: rel, CanEdit: u.AtLeast(config.RoleManager), Lines: lines, Now: now,
		Nonce: randomToken(12), CanReply: map[string]bool{}, Sent: sent,
		ExpiresDefault: now.Add(defaultLineLife).In(s.loc()).Format("2006-01-02T15:04")}
	ap, err := s.releases.Approvals(ctx, rel.ID)
	if err != nil {
		s.log.Warn("read line approvals", "release", rel.ID, "err", err)
	}
	d.States = releases.LinesOf(rel.LinesToTake, ap, now)
	for _, l := range d.States {
		switch l.State {
		case releases.LineApproved:
			d.Sendable = append(d.Sendable, l)
		case releases.LineDraft:
			d.Drafts++
		}
	}
	if d.History, err = s.releases.LineLog(ctx, rel.ID, maxLineHistory); err != nil {
		s.log.Warn("read line history", "release", rel.ID, "err", err)
	}
	es, total, err := s.st.ReleaseEnquiries(ctx, rel.ID, maxStoryEnquiries)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Shown, d.Total, d.Partial = len(es), int(total), int(total) > len(es)
	for _, e := range es {
		if e.Status == store.StatusResolved {
			d.Resolved = append(d.Resolved, s.newRow(e, now))
			continue
		}
		d.Open = append(d.Open, s.newRow(e, now))
		d.CanReply[e.Ref] = s.o.Replies != nil && u.Can(ActReply, e)
	}
	s.render(w, r, status, "release", &page{Title: rel.Title, Nav: "releases", Flash: fl, Data: d})
}

func (s *Server) loc() *time.Location {
	if s.cfg.Location != nil {
		return s.cfg.Location
	}
	return time.UTC
}
