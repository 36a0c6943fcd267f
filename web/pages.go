package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

//go:embed templates static
var assets embed.FS

// page is what every dashboard template gets.
type page struct {
	Title string
	// Nav is the section highlighted in the menu.
	Nav  string
	User *User
	CSRF string
	Desk string
	// Now is the desk clock (unix ms) for the countdowns.
	Now   time.Time
	Flash *flash
	// Live asks app.js to subscribe to /events ("queue" or "enquiry").
	Live string
	Ref  string
	Data any
}

type flash struct {
	Error bool
	Text  string
}

// parsePages parses each page template with the layout and partials.
func parsePages(funcs template.FuncMap) (map[string]*template.Template, error) {
	base, err := template.New("base").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("web templates: %w", err)
	}
	files, err := fs.Glob(assets, "templates/page-*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, f := range files {
		t, err := template.Must(base.Clone()).ParseFS(assets, f)
		if err != nil {
			return nil, fmt.Errorf("web templates: %w", err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(path.Base(f), "page-"), ".html")
		out[name] = t
	}
	return out, nil
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	s.renderTemplate(w, r, status, name, "layout", p)
}

func (s *Server) renderTemplate(w http.ResponseWriter, r *http.Request, status int, name, tmpl string, p *page) {
	t := s.pages[name]
	if t == nil {
		s.log.Error("no such page template", "page", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if p.User == nil {
		p.User = CurrentUser(r.Context())
	}
	if p.User != nil && p.User.session != nil {
		p.CSRF = p.User.session.CSRF
	}
	p.Desk = s.cfg.Desk.Name
	p.Now = s.clock.Now()
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, tmpl, p); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error; see the server log", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", &page{Title: http.StatusText(status), Data: map[string]any{
		"Status": status, "StatusText": http.StatusText(status), "Message": msg,
	}})
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("page failed", "method", r.Method, "path", r.URL.Path, "err", err)
	s.deny(w, r, http.StatusInternalServerError, "internal error; see the server log")
}

func (s *Server) staticHandler() http.Handler {
	files := http.FileServerFS(s.static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") || r.URL.Path == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=300")
		// The sanitised mail frame has an opaque origin; it may load
		// mail.css.
		w.Header().Del("Cross-Origin-Resource-Policy")
		files.ServeHTTP(w, r)
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

// funcs are the template helpers. Each returns plain strings (escaped by
// html/template) — none returns template.HTML built from mail content.
func (s *Server) funcs() template.FuncMap {
	loc := s.cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	return template.FuncMap{
		"when": func(t time.Time) string { return whenShort(t, s.clock.Now(), loc) },
		"deadline": func(e *store.Enquiry, now time.Time) deadlineView {
			if e == nil {
				return deadlineView{}
			}
			return deadlineOf(e.Deadline, e.Created, e.Status == store.StatusResolved, now, loc)
		},
		"whenFull": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(loc).Format("Mon 2 Jan 2006 15:04:05 MST")
		},
		"iso": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(loc).Format(time.RFC3339)
		},
		"ms": func(t time.Time) int64 { return t.UnixMilli() },
		"officerName": func(id string) string {
			if id == "" {
				return "unassigned"
			}
			if o := s.cfg.Officer(id); o != nil {
				return o.Name
			}
			return id
		},
		"topicName": func(id string) string {
			if t := s.cfg.Topic(id); t != nil {
				return t.Name
			}
			return id
		},
		"langName":  sla.LanguageLabel,
		"countdown": func(due, now time.Time) string { return countdown(due.Sub(now)) },
		"clockName": clockName,
		"size":      humanSize,
		"pct": func(f *float64) string {
			if f == nil {
				return "–"
			}
			return strconv.FormatFloat(*f*100, 'f', 1, 64) + "%"
		},
		"dur": func(d sla.Duration) string {
			if d <= 0 {
				return "–"
			}
			return shortDuration(time.Duration(d))
		},
		"add":  func(a, b int) int { return a + b },
		"stat": stat,
		"join": strings.Join,
		"lines": func(ss []string) string {
			return strings.Join(ss, "\n")
		},
		"statusLabel": func(st store.Status) string {
			switch st {
			case store.StatusOpen:
				return "open"
			case store.StatusAnswered:
				return "answered"
			case store.StatusWaiting:
				return "waiting on journalist"
			case store.StatusResolved:
				return "resolved"
			}
			return string(st)
		},
	}
}

// clockName is a clock's label on the dashboard.
func clockName(c string) string {
	switch c {
	case store.ClockAcknowledge:
		return "Holding reply"
	case store.ClockFirstResponse:
		return "First response"
	case store.ClockNextResponse:
		return "Next response"
	case store.ClockResolution:
		return "Resolution"
	}
	return c
}

// whenShort is a moment in desk time for tables: "Mon 2 Jan 15:04", with
// the year when it is not now's year ("Sun 23 Feb 2025 18:00"); "" for
// the zero time.
func whenShort(t, now time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	if t.Year() != now.In(loc).Year() {
		return t.Format("Mon 2 Jan 2006 15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}

// deadlineView is how a journalist's stated deadline is shown.
type deadlineView struct {
	// When is the deadline in desk time, with the year when not this
	// year; "" when none was stated.
	When string
	// Countdown is "due in 2h 10m" or "overdue by 5m 00s" while the
	// enquiry is open and the deadline was ahead when it arrived; "" else.
	Countdown string
	// Live is true when Countdown ticks (app.js updates and colours it).
	Live bool
	// DueMs is the deadline in unix milliseconds, for app.js.
	DueMs int64
	// Class is deadline-open, deadline-resolved (grey) or
	// deadline-passed (stated after it had already passed).
	Class string
	// Note says why there is no countdown: "deadline had passed on
	// arrival", "enquiry resolved".
	Note string
}

// deadlineOf applies the deadline display rules: the year when not this
// year; grey and without a countdown once the enquiry is resolved;
// "deadline had passed on arrival" (no countdown, not red) when the stated
// deadline was before the message arrived; else a live countdown.
func deadlineOf(deadline, arrived time.Time, resolved bool, now time.Time, loc *time.Location) deadlineView {
	if deadline.IsZero() {
		return deadlineView{}
	}
	v := deadlineView{When: whenShort(deadline, now, loc), DueMs: deadline.UnixMilli()}
	passed := !arrived.IsZero() && deadline.Before(arrived)
	switch {
	case resolved:
		v.Class, v.Note = "deadline-resolved", "enquiry resolved"
		if passed {
			v.Note = "deadline had passed on arrival"
		}
	case passed:
		v.Class, v.Note = "deadline-passed", "deadline had passed on arrival"
	default:
		v.Class, v.Live, v.Countdown = "deadline-open", true, countdown(deadline.Sub(now))
	}
	return v
}

// countdown reads like app.js's: "due in 4m 12s", "overdue by 1h 03m".
func countdown(d time.Duration) string {
	if d >= 0 {
		return "due in " + shortDuration(d)
	}
	return "overdue by " + shortDuration(-d)
}

// shortDuration: "45s", "4m 12s", "1h 03m", "2d 4h".
func shortDuration(d time.Duration) string {
	s := int64(d / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%ds", s)
	case s < 3600:
		return fmt.Sprintf("%dm %02ds", s/60, s%60)
	case s < 86400:
		return fmt.Sprintf("%dh %02dm", s/3600, (s%3600)/60)
	}
	return fmt.Sprintf("%dd %dh", s/86400, (s%86400)/3600)
}

func humanSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}
