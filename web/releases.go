package web

import (
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
)

// Limits on lines to take.
const (
	maxLines    = 50
	maxLineLen  = 4000
	maxReleases = 300
)

type releasesData struct {
	Q        string
	Releases []routing.Release
	Total    int
}

// releasesPage lists releases, newest first, with a filter.
func (s *Server) releasesPage(w http.ResponseWriter, r *http.Request) {
	all, _, err := s.releases.All(r.Context())
	if err != nil && len(all) == 0 {
		s.fail(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	lq := strings.ToLower(q)
	d := releasesData{Q: q}
	for _, rel := range all {
		if lq == "" || strings.Contains(strings.ToLower(rel.Title), lq) || strings.Contains(strings.ToLower(rel.ID), lq) ||
			strings.Contains(strings.ToLower(strings.Join(rel.Topics, " ")), lq) {
			d.Releases = append(d.Releases, rel)
		}
	}
	sort.SliceStable(d.Releases, func(i, j int) bool { return d.Releases[i].Published.After(d.Releases[j].Published) })
	d.Total = len(d.Releases)
	if len(d.Releases) > maxReleases {
		d.Releases = d.Releases[:maxReleases]
	}
	s.render(w, r, http.StatusOK, "releases", &page{Title: "Releases", Nav: "releases", Data: d})
}

func (s *Server) releasePage(w http.ResponseWriter, r *http.Request) {
	rel, ok, err := s.releases.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "no such release")
		return
	}
	var fl *flash
	if t, ok := flashes[r.URL.Query().Get("done")]; ok {
		fl = &flash{Text: t}
	}
	s.showRelease(w, r, http.StatusOK, rel, fl, strings.Join(rel.LinesToTake, "\n"))
}

// parseLines reads lines to take: one per line, blank lines dropped.
func parseLines(text string) ([]string, error) {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if len(l) > maxLineLen {
			return nil, badInput("A line is longer than 4,000 characters.")
		}
		out = append(out, l)
	}
	if len(out) > maxLines {
		return nil, badInput("More than 50 lines to take.")
	}
	return out, nil
}

// saveLines replaces a release's lines to take (managers and admins).
func (s *Server) saveLines(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	_ = r.ParseForm()
	text := r.PostFormValue("lines")
	lines, err := parseLines(text)
	if err == nil {
		err = s.releases.SetLinesToTake(r.Context(), id, lines)
	}
	if errors.Is(err, releases.ErrNoRelease) {
		s.errorPage(w, r, http.StatusNotFound, "no such release")
		return
	}
	if err != nil {
		status, msg := actionError(err)
		if status == http.StatusInternalServerError {
			s.log.Error("save lines to take", "release", id, "err", err)
		}
		rel, ok, gerr := s.releases.Get(r.Context(), id)
		if gerr != nil || !ok {
			s.fail(w, r, err)
			return
		}
		s.showRelease(w, r, status, rel, &flash{Error: true, Text: msg}, text)
		return
	}
	s.log.Info("lines to take saved", "release", id, "user", CurrentUser(r.Context()).ID, "lines", len(lines))
	http.Redirect(w, r, "/releases/"+url.PathEscape(id)+"?done=saved", http.StatusSeeOther)
}
