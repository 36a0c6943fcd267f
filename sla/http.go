package sla

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// QueryFromValues reads a report query from URL parameters: from, to
// (YYYY-MM-DD, desk time; default the last 7 days to today), by, breaches
// (default 50; -1 all), and the filters topic, officer, tier, outlet,
// release, hours (in|out), channel (email|phone) and lang (an ISO 639-1
// code, or none for enquiries whose language was not told).
func QueryFromValues(v url.Values, loc *time.Location, now time.Time) (Query, error) {
	q := Query{By: v.Get("by"), Breaches: 50}
	today := StartOfDay(now, loc)
	q.To, q.From = today, today.AddDate(0, 0, -6)
	var err error
	if s := v.Get("to"); s != "" {
		if q.To, err = ParseDate(s, loc); err != nil {
			return q, fmt.Errorf("to: %w", err)
		}
		if v.Get("from") == "" {
			q.From = q.To.AddDate(0, 0, -6)
		}
	}
	if s := v.Get("from"); s != "" {
		if q.From, err = ParseDate(s, loc); err != nil {
			return q, fmt.Errorf("from: %w", err)
		}
	}
	if s := v.Get("breaches"); s != "" {
		if q.Breaches, err = strconv.Atoi(s); err != nil {
			return q, fmt.Errorf("breaches: %q is not a number", s)
		}
	}
	if q.By != "" && !contains(Groupings, q.By) {
		return q, fmt.Errorf("by: %q is not one of %v", q.By, Groupings)
	}
	q.Filter = Filter{Topic: v.Get("topic"), Officer: v.Get("officer"), Tier: v.Get("tier"), Outlet: v.Get("outlet"),
		Release: v.Get("release"), Hours: v.Get("hours"), Channel: strings.ToLower(strings.TrimSpace(v.Get("channel"))),
		Lang: strings.ToLower(strings.TrimSpace(v.Get("lang")))}
	if h := q.Filter.Hours; h != "" && h != "in" && h != "out" {
		return q, fmt.Errorf("hours: %q is not in or out", h)
	}
	if c := q.Filter.Channel; c != "" && c != "email" && c != "phone" {
		return q, fmt.Errorf("channel: %q is not email or phone", c)
	}
	if l := q.Filter.Lang; l != "" && l != LangNone && !validLangCode(l) {
		return q, fmt.Errorf("lang: %q is not a language code (ISO 639-1, such as de) or none", l)
	}
	if q.To.Before(q.From) {
		return q, errors.New("to is before from")
	}
	return q, nil
}

// Register adds the SLA endpoints to mux:
//
//	GET /api/reports/summary   the report (JSON); parameters as QueryFromValues
//	GET /api/reports/breaches  the breach list only: {"count": n, "breaches": [...]}
//	GET /api/reports/export    per-enquiry export; format=jsonl (default) or csv; excel=1 (csv) for Excel
//	GET /api/sla/clocks        live clocks of open enquiries, soonest due first (limit)
//	GET /api/sla/status        scheduled clocks, pending notices, rollup lag
func (s *Service) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/reports/summary", s.handleSummary)
	mux.HandleFunc("GET /api/reports/breaches", s.handleBreaches)
	mux.HandleFunc("GET /api/reports/export", s.handleExport)
	mux.HandleFunc("GET /api/sla/clocks", s.handleClocks)
	mux.HandleFunc("GET /api/sla/status", s.handleStatus)
}

func (s *Service) query(w http.ResponseWriter, r *http.Request) (Query, bool) {
	q, err := QueryFromValues(r.URL.Query(), s.location(), s.clock.Now())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return q, false
	}
	return q, true
}

func (s *Service) location() *time.Location {
	if s.cfg.Location != nil {
		return s.cfg.Location
	}
	return time.UTC
}

func (s *Service) handleSummary(w http.ResponseWriter, r *http.Request) {
	q, ok := s.query(w, r)
	if !ok {
		return
	}
	rep, err := s.Reports.Report(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, rep)
}

func (s *Service) handleBreaches(w http.ResponseWriter, r *http.Request) {
	q, ok := s.query(w, r)
	if !ok {
		return
	}
	if r.URL.Query().Get("breaches") == "" {
		q.Breaches = -1
		if l := r.URL.Query().Get("limit"); l != "" {
			n, err := strconv.Atoi(l)
			if err != nil {
				writeError(w, http.StatusBadRequest, "limit: not a number")
				return
			}
			q.Breaches = n
		}
	}
	rep, err := s.Reports.Report(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, map[string]any{"from": rep.From, "to": rep.To, "count": rep.BreachCount, "breaches": rep.Breaches})
}

func (s *Service) handleExport(w http.ResponseWriter, r *http.Request) {
	q, ok := s.query(w, r)
	if !ok {
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = ExportJSONL
	}
	switch format {
	case ExportCSV:
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	case ExportJSONL:
		w.Header().Set("Content-Type", "application/x-ndjson")
	default:
		writeError(w, http.StatusBadRequest, "format: use csv or jsonl")
		return
	}
	excel := r.URL.Query().Get("excel") == "1"
	if excel && format != ExportCSV {
		writeError(w, http.StatusBadRequest, "excel=1 is for format=csv")
		return
	}
	name := fmt.Sprintf("enquiries-%s-%s.%s", q.From.Format("2006-01-02"), q.To.Format("2006-01-02"), format)
	if excel {
		name = fmt.Sprintf("enquiries-%s-%s-excel.csv", q.From.Format("2006-01-02"), q.To.Format("2006-01-02"))
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	if _, err := s.Reports.ExportTo(r.Context(), q, ExportOptions{Format: format, Excel: excel}, w); err != nil {
		// Headers are gone; the truncated body is the signal.
		s.log.Error("export failed", "err", err)
	}
}

func (s *Service) handleClocks(w http.ResponseWriter, r *http.Request) {
	limit := 200
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 5000 {
			writeError(w, http.StatusBadRequest, "limit: 1 to 5000")
			return
		}
		limit = n
	}
	clocks, err := s.Clocks(r.Context(), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, map[string]any{"now": s.clock.Now(), "clocks": clocks})
}

func (s *Service) handleStatus(w http.ResponseWriter, r *http.Request) {
	st, err := s.Status(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, st)
}

func (s *Service) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, ErrBadQuery) {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	s.log.Error("sla api", "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error")
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Default().Debug("write response", "err", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// validLangCode: two or three lower-case letters (what routing stores).
func validLangCode(l string) bool {
	if len(l) < 2 || len(l) > 3 {
		return false
	}
	for _, c := range l {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
