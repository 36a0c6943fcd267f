package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/microcosm-cc/bluemonday"
	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

// Replier sends a reply to the journalist (outbound.Service).
type Replier interface {
	Reply(ctx context.Context, ref string, r outbound.ReplyRequest) (*outbound.Job, error)
}

// Reporter reads SLA reports (sla.Reporter).
type Reporter interface {
	Report(ctx context.Context, q sla.Query) (*sla.Report, error)
}

// Options configure a Server.
type Options struct {
	Config *config.Config
	Store  *store.Store
	// Releases holds the shared release catalogue and its lines to take
	// (nil: one over the store's Redis and prefix).
	Releases *releases.Store
	// Replies sends replies from the dashboard (nil: replying is off).
	Replies Replier
	// Reports reads the managers' reports (nil: the reports page says so).
	Reports Reporter
	Clock   clock.Clock
	Log     *slog.Logger

	// UsersFile holds "id:<bcrypt>" lines; TokensFile "id:sha256:<hex>"
	// lines. Relative paths are read from the working directory.
	UsersFile, TokensFile string

	// SessionIdle ends a session unused for that long (default 2h);
	// SessionMax ends any session that old (default 12h, a long shift).
	SessionIdle, SessionMax time.Duration
	// LoginWindow, LoginPerUser, LoginPerIP, LoginPerAccount limit
	// sign-in attempts, counted before the password is checked (see
	// limiter): per user and address (default 5), per address (default
	// 50) and per user from addresses it has not signed in from within
	// LoginKnownFor (default 20 and 30 days), in each window (default
	// 15m).
	LoginWindow                               time.Duration
	LoginPerUser, LoginPerIP, LoginPerAccount int
	LoginKnownFor                             time.Duration
	// LoginChecks bounds the password checks (bcrypt) running at once
	// (default GOMAXPROCS); a sign-in that finds no free slot within
	// LoginCheckWait (default 1s) is answered 503 with Retry-After, and
	// its attempt is not counted. A flood of sign-ins then costs the desk
	// at most those cores, and signed-in officers keep working.
	LoginChecks    int
	LoginCheckWait time.Duration
	// EventsBlock is how long one XREAD of the events stream blocks
	// (default 5s).
	EventsBlock time.Duration
	// Extra is passed to API.Extra.
	Extra func(mux *http.ServeMux)
	// Reloader reloads the desk's configuration from the admin page (nil:
	// no reload button).
	Reloader Reloader
	// Calls routes calls logged on the dashboard like the ingest routes
	// mail (nil: logging calls is off).
	Calls CallRouter
	// DialIMAP opens a connection to a configured mailbox, to fetch
	// attachments on demand (nil: attachments cannot be downloaded).
	DialIMAP IMAPDialer
}

// Server is the dashboard and the security around the whole mux.
type Server struct {
	o   Options
	cfg *config.Config
	st  *store.Store
	// keys is web's own keys (keySpace); evRDB and evStream the events
	// stream the live updates, search and open cache follow.
	keys     store.KeySpace
	evRDB    redis.UniversalClient
	evStream string
	releases *releases.Store
	clock    clock.Clock
	log      *slog.Logger
	api      *API

	passwords passwords
	tokens    tokens
	sessions  *sessions
	limiter   *limiter
	checks    chan struct{} // the password-check semaphore
	cop       *http.CrossOriginProtection
	baseHTTPS bool
	// proxies are the peers whose X-Forwarded-For and X-Forwarded-Proto
	// are believed (web.trusted_proxies).
	proxies []netip.Prefix
	// checked counts password checks (bcrypt comparisons) run.
	checked atomic.Int64
	// admittedHook, when set (tests only), runs when a sign-in attempt
	// has been counted and before it waits for a password-check slot.
	admittedHook func()

	pages    map[string]*template.Template
	static   fs.FS
	html     *bluemonday.Policy
	hub      *hub
	warnOnce sync.Map
}

// New builds a Server.
func New(o Options) (*Server, error) {
	if o.Config == nil || o.Store == nil {
		return nil, errors.New("web: Config and Store are required")
	}
	if o.Clock == nil {
		o.Clock = o.Store.Clock()
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.SessionIdle, 2*time.Hour)
	def(&o.SessionMax, 12*time.Hour)
	def(&o.LoginWindow, 15*time.Minute)
	def(&o.EventsBlock, 5*time.Second)
	if o.LoginPerUser <= 0 {
		o.LoginPerUser = 5
	}
	if o.LoginPerIP <= 0 {
		o.LoginPerIP = 50
	}
	if o.LoginPerAccount <= 0 {
		o.LoginPerAccount = 20
	}
	def(&o.LoginKnownFor, 30*24*time.Hour)
	if o.LoginChecks <= 0 {
		o.LoginChecks = runtime.GOMAXPROCS(0)
	}
	def(&o.LoginCheckWait, time.Second)
	proxies, err := config.ParseProxies(o.Config.Web.TrustedProxies)
	if err != nil {
		return nil, fmt.Errorf("web.trusted_proxies: %w", err)
	}
	if o.Releases == nil {
		rel := o.Store.Namespace("releases", "release:")
		o.Releases = releases.NewStore(rel.Client(), rel.Prefix())
	}
	keys := keySpace(o.Store)
	evRDB, evStream := o.Store.EventStream()
	log := o.Log.With("component", "web")
	s := &Server{
		o: o, cfg: o.Config, st: o.Store, keys: keys, evRDB: evRDB, evStream: evStream, releases: o.Releases, clock: o.Clock, log: log,
		api:       &API{Config: o.Config, Store: o.Store, Log: log, Extra: o.Extra, Releases: o.Releases},
		passwords: passwords{&watchedFile{path: o.UsersFile, log: log, what: "users file"}},
		tokens:    tokens{&watchedFile{path: o.TokensFile, log: log, what: "API tokens file"}},
		sessions: &sessions{rdb: keys.Client(), key: keys.Key, clock: o.Clock,
			idle: o.SessionIdle, max: o.SessionMax, touchEvery: time.Minute},
		limiter: &limiter{rdb: keys.Client(), key: keys.Key, clock: o.Clock, window: o.LoginWindow,
			perUserIP: int64(o.LoginPerUser), perIP: int64(o.LoginPerIP), perUser: int64(o.LoginPerAccount), knownFor: o.LoginKnownFor},
		checks:  make(chan struct{}, o.LoginChecks),
		proxies: proxies,
		cop:     http.NewCrossOriginProtection(),
		html:    emailPolicy(),
	}
	s.api.server = s
	s.sessions.cred = s.passwords.fingerprint
	if o.UsersFile != "" {
		go s.passwords.warm()
	}
	if u, err := url.Parse(o.Config.Web.BaseURL); err == nil && u.Scheme == "https" {
		s.baseHTTPS = true
		if err := s.cop.AddTrustedOrigin(u.Scheme + "://" + u.Host); err != nil {
			return nil, fmt.Errorf("web.base_url: %w", err)
		}
	}
	if o.UsersFile == "" {
		log.Warn("no users file is configured, so nobody can sign in to the dashboard; create one with `mediadesk passwd`")
	}
	if s.pages, err = parsePages(s.funcs()); err != nil {
		return nil, err
	}
	if s.static, err = fs.Sub(assets, "static"); err != nil {
		return nil, err
	}
	s.hub = &hub{rdb: evRDB, stream: evStream, block: o.EventsBlock, log: log}
	return s, nil
}

// keySpace is web's own keys under the store's prefix (docs/design.md
// "Keys owned outside store"): sessions, login counters, reply drafts,
// presence and bulk-answer nonces.
func keySpace(st *store.Store) store.KeySpace {
	return st.Namespace("session:", "login:", "web:draft:", "web:presence:", "bulk:")
}

// API is the JSON API the server registers.
func (s *Server) API() *API { return s.api }

// Register adds the JSON API, the dashboard pages, sign-in and the static
// files to mux.
func (s *Server) Register(mux *http.ServeMux) {
	s.api.Register(mux)
	mux.Handle("GET /static/", http.StripPrefix("/static/", s.staticHandler()))
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.logout)
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /queues/{name}", s.queuePage)
	mux.HandleFunc("GET /enquiries/{ref}", s.enquiryPage)
	mux.HandleFunc("POST /enquiries/{ref}/{action}", s.enquiryAction)
	mux.HandleFunc("GET /releases", s.releasesPage)
	mux.HandleFunc("GET /releases/{id}", s.releasePage)
	mux.HandleFunc("POST /releases/{id}/lines", s.saveLines)
	mux.HandleFunc("POST /releases/{id}/lines/{key}/{op}", s.lineAction)
	mux.HandleFunc("POST /releases/{id}/send", s.sendLine)
	mux.HandleFunc("GET /reports", s.reportsPage)
	mux.HandleFunc("GET /admin", s.adminPage)
	mux.HandleFunc("POST /admin/reload", s.reloadConfig)
	mux.HandleFunc("GET /events", s.events)
	s.registerCalls(mux)
	s.registerAttachments(mux)
	s.registerDrafts(mux)
	s.registerPresence(mux)
	s.registerNeeds(mux)
}

// publicRoutes need no sign-in.
var publicRoutes = map[string]bool{
	"GET /healthz": true, "GET /static/": true, "GET /login": true, "POST /login": true,
}

// routeRoles is the least role each route pattern needs. A pattern not
// listed needs admin (and is logged once), so a route another package adds
// is never open by accident.
var routeRoles = map[string]config.Role{
	// Dashboard.
	"POST /logout":                         config.RoleOfficer,
	"GET /{$}":                             config.RoleOfficer,
	"GET /queues/{name}":                   config.RoleOfficer,
	"GET /enquiries/{ref}":                 config.RoleOfficer,
	"POST /enquiries/{ref}/{action}":       config.RoleOfficer, // and User.Can per enquiry
	"GET /releases":                        config.RoleOfficer,
	"GET /releases/{id}":                   config.RoleOfficer,
	"POST /releases/{id}/lines":            config.RoleManager,
	"POST /releases/{id}/lines/{key}/{op}": config.RoleManager,
	"POST /releases/{id}/send":             config.RoleOfficer,
	"GET /reports":                         config.RoleManager,
	"GET /admin":                           config.RoleAdmin,
	"POST /admin/reload":                   config.RoleAdmin,
	"GET /events":                          config.RoleOfficer,
	"GET /demo":                            config.RoleOfficer,
	"GET /demo/outbox":                     config.RoleOfficer, // the demo's sent mail, linked from its banner for every user it names
	// JSON API (web).
	"GET /api/enquiries":                config.RoleOfficer,
	"GET /api/enquiries/{ref}":          config.RoleOfficer,
	"POST /api/enquiries/{ref}/claim":   config.RoleOfficer,
	"POST /api/enquiries/{ref}/assign":  config.RoleOfficer,
	"POST /api/enquiries/{ref}/notes":   config.RoleOfficer,
	"POST /api/enquiries/{ref}/waiting": config.RoleOfficer,
	"POST /api/enquiries/{ref}/resolve": config.RoleOfficer,
	"POST /api/enquiries/{ref}/reopen":  config.RoleOfficer,
	"GET /api/releases":                 config.RoleOfficer,
	"GET /api/releases/{id}":            config.RoleOfficer,
	"PUT /api/releases/{id}/lines":      config.RoleManager,
	"GET /api/me":                       config.RoleOfficer,
	"GET /api/status":                   config.RoleAdmin,
	"GET /api/quarantine":               config.RoleAdmin,
	"GET /api/automatic":                config.RoleAdmin,
	// outbound.
	"POST /api/enquiries/{ref}/replies": config.RoleOfficer, // API.reply: sent as the user; User.Can(reply)
	"GET /api/enquiries/{ref}/outbox":   config.RoleOfficer,
	"GET /api/outbox":                   config.RoleAdmin,
	// sla.
	"GET /api/reports/summary":  config.RoleManager,
	"GET /api/reports/breaches": config.RoleManager,
	"GET /api/reports/export":   config.RoleManager,
	"GET /api/sla/clocks":       config.RoleOfficer,
	"GET /api/sla/status":       config.RoleAdmin,
}

// Protect wraps mux (with every route registered, whoever registered it)
// in the security headers, authentication, role checks and CSRF checks.
func (s *Server) Protect(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.securityHeaders(w, r)
		_, pattern := mux.Handler(r)
		if publicRoutes[pattern] || pattern == "" {
			// A path no route serves is the mux's 404 (or 405) for anyone:
			// a probe or scraper must never read the sign-in page as success.
			mux.ServeHTTP(w, r)
			return
		}
		u, err := s.authenticate(r)
		if err != nil {
			s.log.Error("authenticate", "err", err)
			s.deny(w, r, http.StatusInternalServerError, "internal error; see the server log")
			return
		}
		if u == nil {
			s.unauthenticated(w, r)
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), userKey{}, u))
		if pattern != "" {
			need, known := routeRoles[pattern]
			if !known {
				need = config.RoleAdmin
				if _, seen := s.warnOnce.LoadOrStore(pattern, true); !seen {
					s.log.Warn("route has no role in web.routeRoles; admin only until it gets one", "pattern", pattern)
				}
			}
			if !u.AtLeast(need) {
				s.deny(w, r, http.StatusForbidden, "your role ("+string(u.Role)+") may not do this; it needs "+string(need))
				return
			}
		}
		if !safeMethod(r.Method) {
			if err := s.cop.Check(r); err != nil {
				s.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path, "user", u.ID)
				s.deny(w, r, http.StatusForbidden, "cross-origin request refused")
				return
			}
			if u.session != nil && !s.csrfOK(w, r, u.session) {
				s.log.Warn("CSRF token missing or wrong", "method", r.Method, "path", r.URL.Path, "user", u.ID)
				s.deny(w, r, http.StatusForbidden, "missing or wrong CSRF token; reload the page and try again")
				return
			}
		}
		if u.session != nil && pattern != "GET /events" && r.Header.Get(backgroundHeader) == "" {
			if err := s.sessions.touch(r.Context(), u.session); err != nil {
				s.log.Warn("session touch failed", "err", err)
			}
		}
		mux.ServeHTTP(w, r)
	})
}

// backgroundHeader marks the dashboard's own refreshes, which are not
// activity: a queue left open on a screen still signs out when idle.
const backgroundHeader = "X-Mediadesk-Background"

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// csrfOK checks the synchronizer token: header X-CSRF-Token, else the form
// field csrf of a urlencoded form.
func (s *Server) csrfOK(w http.ResponseWriter, r *http.Request, se *session) bool {
	tok := r.Header.Get("X-CSRF-Token")
	if tok == "" && isURLEncoded(r) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		tok = r.PostFormValue("csrf")
	}
	return tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(se.CSRF)) == 1
}

func isURLEncoded(r *http.Request) bool {
	ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
	return strings.EqualFold(strings.TrimSpace(ct), "application/x-www-form-urlencoded")
}

// User is who is signed in (or whose API token was used).
type User struct {
	ID, Name, Email string
	Role            config.Role
	// Token is set when the request came with an API token.
	Token   bool
	session *session
}

type userKey struct{}

// CurrentUser returns the user a request is authenticated as (nil
// outside Protect).
func CurrentUser(ctx context.Context) *User {
	u, _ := ctx.Value(userKey{}).(*User)
	return u
}

func roleRank(r config.Role) int {
	switch r {
	case config.RoleOfficer:
		return 1
	case config.RoleManager:
		return 2
	case config.RoleAdmin:
		return 3
	}
	return 0
}

// AtLeast reports whether the user's role includes r.
func (u *User) AtLeast(r config.Role) bool {
	return u != nil && roleRank(u.Role) >= roleRank(r) && roleRank(u.Role) > 0
}

// Action is something done to an enquiry.
type Action string

// Actions on an enquiry.
const (
	ActView    Action = "view"
	ActNote    Action = "note"
	ActClaim   Action = "claim"
	ActAssign  Action = "assign"
	ActReply   Action = "reply"
	ActWaiting Action = "waiting"
	ActResolve Action = "resolve"
	ActReopen  Action = "reopen"
)

// Can reports whether the user may do a to enquiry e. Officers may view,
// note and claim (take over, recorded in the timeline) any enquiry, and do
// the rest only to their own or unassigned ones: one owner talks to the
// journalist at a time. Managers and admins may do everything.
func (u *User) Can(a Action, e *store.Enquiry) bool {
	switch {
	case u == nil || e == nil || !u.AtLeast(config.RoleOfficer):
		return false
	case u.AtLeast(config.RoleManager):
		return true
	case a == ActView || a == ActNote || a == ActClaim:
		return true
	}
	return e.Officer == "" || e.Officer == u.ID
}

func (s *Server) userOf(id string) *User {
	o := s.cfg.Officer(id)
	if o == nil {
		return nil
	}
	return &User{ID: o.ID, Name: o.Name, Email: o.Email, Role: o.Role}
}

// authenticate finds the user: an API token (on /api/ only) or the session
// cookie. nil, nil means nobody.
func (s *Server) authenticate(r *http.Request) (*User, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, _ := strings.Cut(h, " ")
		if !strings.EqualFold(scheme, "Bearer") || !strings.HasPrefix(r.URL.Path, "/api/") {
			return nil, nil
		}
		id, ok := s.tokens.verify(strings.TrimSpace(tok))
		if !ok {
			return nil, nil
		}
		u := s.userOf(id)
		if u != nil {
			u.Token = true
		}
		return u, nil
	}
	c, err := r.Cookie(s.cookieName(r, sessionCookie))
	if err != nil {
		return nil, nil
	}
	se, err := s.sessions.get(r.Context(), c.Value)
	if errors.Is(err, errNoSession) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	u := s.userOf(se.User)
	if u == nil {
		// The officer left the config: the session dies with them.
		_ = s.sessions.destroy(r.Context(), se.ID)
		return nil, nil
	}
	u.session = se
	return u, nil
}

func (s *Server) unauthenticated(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/api/"):
		w.Header().Set("WWW-Authenticate", `Bearer realm="mediadesk"`)
		writeError(w, http.StatusUnauthorized, "sign in, or send Authorization: Bearer <token>")
	case r.URL.Path == "/events" || r.Header.Get(backgroundHeader) != "":
		http.Error(w, "signed out", http.StatusUnauthorized)
	default:
		next := ""
		if r.Method == http.MethodGet && r.URL.Path != "/" {
			next = "?next=" + url.QueryEscape(r.URL.RequestURI())
		}
		http.Redirect(w, r, "/login"+next, http.StatusSeeOther)
	}
}

// deny answers an error: JSON on /api/, a page elsewhere.
func (s *Server) deny(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeError(w, status, msg)
		return
	}
	s.errorPage(w, r, status, msg)
}

// Cookie names; with the __Host- prefix when Secure.
const (
	sessionCookie = "mediadesk"
	loginCookie   = "mediadesk-login"
)

// secureRequest reports whether cookies must be Secure: the request came
// over TLS, a trusted proxy says it did, or web.base_url is https.
func (s *Server) secureRequest(r *http.Request) bool {
	return r.TLS != nil || s.forwardedHTTPS(r) || s.baseHTTPS
}

func (s *Server) cookieName(r *http.Request, name string) string {
	if s.secureRequest(r) {
		return "__Host-" + name
	}
	return name
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge time.Duration) {
	c := &http.Cookie{
		Name: s.cookieName(r, name), Value: value, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureRequest(r),
	}
	if maxAge < 0 {
		c.MaxAge = -1
	} else if maxAge > 0 {
		c.MaxAge = int(maxAge / time.Second)
	}
	http.SetCookie(w, c)
}

// csp: no inline script or style, nothing from elsewhere; images only
// from here or data: (remote images in mail are never loaded).
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"

func (s *Server) securityHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
	h.Set("Cache-Control", "no-store")
	if r.TLS != nil || s.forwardedHTTPS(r) {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
}

// Client addresses behind reverse proxies.
//
// X-Forwarded-For and X-Forwarded-Proto are anyone's to write, so they are
// believed only when the peer is one of web.trusted_proxies, and ignored
// otherwise. From a trusted peer, the client is the right-most address in
// X-Forwarded-For that is not itself a trusted proxy: every hop appends
// the address it received from, so the entries to the left of the first
// untrusted hop may be forged. X-Forwarded-Proto is taken from its
// right-most value, the one the nearest proxy wrote. The client address
// is what the sign-in limits count per address and what the log records.

// maxForwardedHops bounds how far X-Forwarded-For is followed.
const maxForwardedHops = 16

// peerAddr is the connection's remote address (zero when unparsable).
func peerAddr(r *http.Request) netip.Addr {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		a, _ := netip.ParseAddr(r.RemoteAddr)
		return a.Unmap()
	}
	return ap.Addr().Unmap()
}

func (s *Server) trusted(a netip.Addr) bool {
	if !a.IsValid() {
		return false
	}
	for _, p := range s.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// parseHop reads one X-Forwarded-For entry: an address, optionally with a
// port or in brackets.
func parseHop(h string) netip.Addr {
	h = strings.TrimSpace(h)
	if a, err := netip.ParseAddr(h); err == nil {
		return a.Unmap()
	}
	if ap, err := netip.ParseAddrPort(h); err == nil {
		return ap.Addr().Unmap()
	}
	if a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")); err == nil {
		return a.Unmap()
	}
	return netip.Addr{}
}

// clientAddr is the address the request came from: the peer, or behind
// trusted proxies the address the outermost of them received it from.
func (s *Server) clientAddr(r *http.Request) string {
	peer := peerAddr(r)
	if !peer.IsValid() {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			return r.RemoteAddr
		}
		return host
	}
	if !s.trusted(peer) {
		return peer.String()
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	cur := peer
	for i, n := len(hops)-1, 0; i >= 0 && n < maxForwardedHops; i, n = i-1, n+1 {
		a := parseHop(hops[i])
		if !a.IsValid() {
			break // garbage: the last hop we could read sent it
		}
		cur = a
		if !s.trusted(a) {
			break
		}
	}
	return cur.String()
}

// forwardedHTTPS reports whether a trusted proxy says the client used
// https.
func (s *Server) forwardedHTTPS(r *http.Request) bool {
	v := r.Header.Values("X-Forwarded-Proto")
	if len(v) == 0 || !s.trusted(peerAddr(r)) {
		return false
	}
	last := v[len(v)-1]
	if i := strings.LastIndexByte(last, ','); i >= 0 {
		last = last[i+1:]
	}
	return strings.EqualFold(strings.TrimSpace(last), "https")
}
