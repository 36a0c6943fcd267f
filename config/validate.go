package config

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"golang.org/x/text/language"
)

// CronParser parses the 5-field cron specs of the rota and schedules
// (minute hour day-of-month month day-of-week, names allowed). Specs are
// read in the desk's time zone; a CRON_TZ= or TZ= prefix is rejected.
var CronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)

// ParseCron parses a 5-field spec for use in the desk location loc.
func ParseCron(spec string) (cron.Schedule, error) {
	s := strings.TrimSpace(spec)
	if strings.HasPrefix(s, "TZ=") || strings.HasPrefix(s, "CRON_TZ=") {
		return nil, fmt.Errorf("a time zone prefix is not allowed: specs are read in desk.timezone")
	}
	if strings.HasPrefix(s, "@") {
		return nil, fmt.Errorf("descriptors like %s are not allowed; write the 5 fields (minute hour day-of-month month day-of-week)", s)
	}
	return CronParser.Parse(s)
}

var (
	idRe     = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	prefixRe = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,15}$`)
	envRe    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	domainRe = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$`)
)

type validator struct {
	cfg     *Config
	d       *decoder
	env     Env
	secrets bool
	// checkRedisURL is LoadOptions.CheckRedisURL.
	checkRedisURL func(string) error
}

// errorf records a problem at path; the line is the path's own line or,
// for a missing key, its nearest present parent's.
func (v *validator) errorf(path, format string, args ...any) {
	if v.d.failed[path] {
		return // already reported as undecodable
	}
	v.d.errs = append(v.d.errs, Error{Path: path, Line: v.line(path), Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) line(path string) int {
	for p := path; p != ""; {
		if l, ok := v.d.lines[p]; ok {
			return l
		}
		if i := strings.LastIndexAny(p, ".["); i > 0 {
			p = p[:i]
		} else {
			break
		}
	}
	return 0
}

func (v *validator) validate() {
	c := v.cfg
	v.desk()
	v.mailboxes()
	v.redis()
	v.smtp()
	v.releases()
	v.topics()
	v.topicVocabulary()
	v.officers()
	v.rota()
	v.escalation()
	v.sla()
	v.outlets()
	v.extensions()
	v.secretURLs()
	v.ingestLimits()
	v.ops()
	c.officerByID = map[string]*Officer{}
	for i := range c.Officers {
		c.officerByID[c.Officers[i].ID] = &c.Officers[i]
	}
	c.topicByID = map[string]*Topic{}
	for i := range c.Topics {
		c.topicByID[c.Topics[i].ID] = &c.Topics[i]
	}
	c.own = c.ownAddresses()
}

func (v *validator) required(path, value string) bool {
	if strings.TrimSpace(value) == "" {
		v.errorf(path, "is required")
		return false
	}
	return true
}

// id checks a required, well-formed id that no other entry of the same
// kind uses.
func (v *validator) id(path, id string, seen map[string]bool, what string) {
	if !v.required(path, id) {
		return
	}
	if !idRe.MatchString(id) {
		v.errorf(path, "%q must be lower-case letters, digits, - or _", id)
	}
	if seen[id] {
		v.errorf(path, "%q is used by another %s", id, what)
	}
	seen[id] = true
}

func (v *validator) desk() {
	d := &v.cfg.Desk
	v.required("desk.name", d.Name)
	if v.required("desk.timezone", d.Timezone) {
		loc, err := time.LoadLocation(d.Timezone)
		if err != nil || d.Timezone == "Local" {
			v.errorf("desk.timezone", "%q is not an IANA time zone such as Europe/London", d.Timezone)
		} else {
			v.cfg.Location = loc
		}
	}
	if v.required("desk.reference_prefix", d.ReferencePrefix) && !prefixRe.MatchString(d.ReferencePrefix) {
		v.errorf("desk.reference_prefix", "%q must be 1-16 upper-case letters or digits starting with a letter, such as FCDO", d.ReferencePrefix)
	}
	if v.required("desk.address", d.Address) {
		v.address("desk.address", d.Address)
	}
	seen := map[string]bool{}
	for i, dom := range d.OwnDomains {
		p := fmt.Sprintf("desk.own_domains[%d]", i)
		dom = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(dom), "."))
		if !domainRe.MatchString(dom) {
			v.errorf(p, "%q is not a domain name such as fcdo.gov.uk", d.OwnDomains[i])
		} else if seen[dom] {
			v.errorf(p, "%q is listed twice", d.OwnDomains[i])
		}
		seen[dom] = true
		d.OwnDomains[i] = dom
	}
	if v.cfg.Location == nil {
		v.cfg.Location = time.UTC
	}
	v.languages("desk.languages", d.Languages)
}

// languages checks a list of ISO 639-1 codes, lower-casing them in place.
func (v *validator) languages(path string, list []string) {
	seen := map[string]bool{}
	for i, l := range list {
		p := fmt.Sprintf("%s[%d]", path, i)
		l = strings.ToLower(strings.TrimSpace(l))
		if !isLanguageCode(l) {
			v.errorf(p, "%q is not an ISO 639-1 language code such as de, fr or sq", list[i])
		} else if seen[l] {
			v.errorf(p, "%q is listed twice", list[i])
		}
		seen[l] = true
		list[i] = l
	}
}

// isLanguageCode reports whether s is an ISO 639-1 code (two lower-case
// letters naming a language).
func isLanguageCode(s string) bool {
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return false
	}
	b, err := language.ParseBase(s)
	return err == nil && b.String() == s
}

func (v *validator) address(path, s string) {
	a, err := mail.ParseAddress(s)
	if err != nil || !strings.Contains(a.Address, "@") {
		v.errorf(path, "%q is not an email address", s)
	}
}

func (v *validator) hostPort(path, s string) (host string, ok bool) {
	host, port, err := net.SplitHostPort(s)
	if err != nil || host == "" || port == "" {
		v.errorf(path, "%q must be host:port, such as imap.example.org:993", s)
		return "", false
	}
	return host, true
}

func (v *validator) security(path string, s Security, host string) {
	switch s {
	case SecurityTLS, SecurityStartTLS:
	case SecurityNone:
		if host != "" && !isLoopback(host) {
			v.errorf(path, "none is allowed only for a loopback host, not %q: use tls or starttls", host)
		}
	case "":
		v.errorf(path, "is required: tls, starttls or none (none only for loopback)")
	default:
		v.errorf(path, "%q is not one of tls, starttls, none", s)
	}
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (v *validator) secret(path, name string, needed bool) {
	if name == "" {
		if needed {
			v.errorf(path, "is required: the name of the environment variable holding the secret")
		}
		return
	}
	if !envRe.MatchString(name) {
		v.errorf(path, "%q is not an environment variable name", name)
		return
	}
	if v.secrets {
		if val, ok := v.env(name); !ok || val == "" {
			v.errorf(path, "environment variable %s is not set", name)
		}
	}
}

func (v *validator) mailboxes() {
	c := v.cfg
	if len(c.Mailboxes) == 0 {
		v.errorf("mailboxes", "at least one mailbox is required")
	}
	ids := map[string]bool{}
	for i := range c.Mailboxes {
		m := &c.Mailboxes[i]
		p := fmt.Sprintf("mailboxes[%d]", i)
		v.id(p+".id", m.ID, ids, "mailbox")
		if m.ID == ReservedCallMailbox {
			v.errorf(p+".id", "%q is reserved for calls logged on the dashboard; choose another id", m.ID)
		}
		host := ""
		if v.required(p+".address", m.Address) {
			host, _ = v.hostPort(p+".address", m.Address)
		}
		v.security(p+".security", m.Security, host)
		v.required(p+".username", m.Username)
		v.mailAuth(p, &m.Auth, m.Username, m.PasswordEnv, true)
		if len(m.Folders) == 0 {
			m.Folders = []string{"INBOX"}
		}
		seen := map[string]bool{}
		for j, f := range m.Folders {
			fp := fmt.Sprintf("%s.folders[%d]", p, j)
			if strings.TrimSpace(f) == "" {
				v.errorf(fp, "a folder name cannot be empty")
			}
			if seen[f] {
				v.errorf(fp, "folder %q is listed twice", f)
			}
			seen[f] = true
		}
		if m.ProcessedFolder != "" && seen[m.ProcessedFolder] {
			v.errorf(p+".processed_folder", "%q is also a watched folder; processed mail would be read again", m.ProcessedFolder)
		}
		if m.SentFolder != "" && seen[m.SentFolder] {
			v.errorf(p+".sent_folder", "%q is also a watched inbox folder", m.SentFolder)
		}
	}
}

func (v *validator) redis() {
	r := &v.cfg.Redis
	if r.URLEnv != "" && !envRe.MatchString(r.URLEnv) {
		v.errorf("redis.url_env", "%q is not an environment variable name", r.URLEnv)
	}
	if r.WaitReplicas != nil && (*r.WaitReplicas < 0 || *r.WaitReplicas > 16) {
		v.errorf("redis.wait_replicas", "%d: want 0 (no WAIT) to 16 replicas", *r.WaitReplicas)
	}
	switch {
	case r.WaitTimeout == 0:
		r.WaitTimeout = DefaultWaitTimeout
	case r.WaitTimeout < time.Millisecond || r.WaitTimeout > 5*time.Second:
		// 0 ms would make WAIT block for ever; past 5s it nears the
		// client's 10s read timeout.
		v.errorf("redis.wait_timeout", "%s: want 1ms to 5s", r.WaitTimeout)
	}
	switch {
	case r.DeskID != "" && r.KeyPrefix != "":
		v.errorf("redis", "desk_id and key_prefix both name the keys: give one (key_prefix overrides the prefix desk_id gives)")
	case r.KeyPrefix != "":
		if tag, ok := hashTag(r.KeyPrefix); !ok || tag == "" || strings.ContainsAny(r.KeyPrefix, " \t\r\n") {
			v.errorf("redis.key_prefix", "%q needs a non-empty {hash tag} and no spaces, such as \"{md:fcdo}:\": a desk's scripts touch many keys, which a Redis Cluster allows only within one slot", r.KeyPrefix)
		}
	case r.DeskID != "":
		if !idRe.MatchString(r.DeskID) {
			v.errorf("redis.desk_id", "%q must be 1-64 lower-case letters, digits, '-' or '_'", r.DeskID)
		}
		r.KeyPrefix = DeskKeyPrefix(r.DeskID)
	default:
		r.DeskID = strings.ToLower(v.cfg.Desk.ReferencePrefix)
		if r.DeskID == "" {
			r.DeskID = "desk"
		}
		r.KeyPrefix = DeskKeyPrefix(r.DeskID)
	}
}

// hashTag returns the part of key Redis Cluster hashes: the text between
// the first '{' and the next '}', when there is one.
func hashTag(key string) (string, bool) {
	i := strings.IndexByte(key, '{')
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(key[i+1:], '}')
	if j < 0 {
		return "", false
	}
	return key[i+1 : i+1+j], true
}

func (v *validator) smtp() {
	s := &v.cfg.SMTP
	host := ""
	if v.required("smtp.address", s.Address) {
		host, _ = v.hostPort("smtp.address", s.Address)
	}
	v.security("smtp.security", s.Security, host)
	if !s.Auth.IsOAuth() && (s.Username == "") != (s.PasswordEnv == "") {
		v.errorf("smtp", "username and password_env go together: give both for AUTH, or neither")
	}
	v.mailAuth("smtp", &s.Auth, s.Username, s.PasswordEnv, false)
	if v.required("smtp.from", s.From) {
		v.address("smtp.from", s.From)
	}
}

func (v *validator) releases() {
	for i := range v.cfg.Releases.Sources {
		s := &v.cfg.Releases.Sources[i]
		p := fmt.Sprintf("releases.sources[%d]", i)
		switch {
		case s.File != "" && s.Feed != "":
			v.errorf(p, "give either file or feed, not both")
		case s.File != "":
			path := v.cfg.Resolve(s.File)
			if st, err := os.Stat(path); err != nil {
				v.errorf(p+".file", "%s: %v", s.File, unwrapPathErr(err))
			} else if st.IsDir() {
				v.errorf(p+".file", "%s is a folder, not a JSON Lines file", s.File)
			}
			if s.Schedule != "" {
				v.errorf(p+".schedule", "only feeds have a schedule")
			}
		case s.Feed != "":
			u, err := url.Parse(s.Feed)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				v.badURL(p+".feed", s.Feed, err)
			}
			if s.Schedule == "" {
				s.Schedule = "*/15 * * * *"
			} else if _, err := ParseCron(s.Schedule); err != nil {
				v.errorf(p+".schedule", "%q is not a 5-field cron spec: %v", s.Schedule, err)
			}
		default:
			v.errorf(p, "give a file (JSON Lines, relative to the config) or a feed (Atom/RSS URL)")
		}
	}
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Resolve makes a config-relative path absolute.
func (c *Config) Resolve(p string) string {
	if filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

func (v *validator) topicRefs(path string, list []string, allowStar bool) {
	for j, t := range list {
		tp := fmt.Sprintf("%s[%d]", path, j)
		if t == "*" {
			if !allowStar {
				v.errorf(tp, `"*" is not allowed here`)
			}
			continue
		}
		if !v.hasTopic(t) {
			v.errorf(tp, "unknown topic %q; topics are: %s", t, strings.Join(v.topicIDs(), ", "))
		}
	}
}

func (v *validator) hasTopic(id string) bool {
	for i := range v.cfg.Topics {
		if v.cfg.Topics[i].ID == id {
			return true
		}
	}
	return false
}

func (v *validator) topicIDs() []string {
	var ids []string
	for i := range v.cfg.Topics {
		ids = append(ids, v.cfg.Topics[i].ID)
	}
	return ids
}

func (v *validator) officerIDs() []string {
	var ids []string
	for i := range v.cfg.Officers {
		ids = append(ids, v.cfg.Officers[i].ID)
	}
	return ids
}

func (v *validator) hasOfficer(id string) *Officer {
	for i := range v.cfg.Officers {
		if v.cfg.Officers[i].ID == id {
			return &v.cfg.Officers[i]
		}
	}
	return nil
}

func (v *validator) topics() {
	c := v.cfg
	if len(c.Topics) == 0 {
		v.errorf("topics", "at least one topic is required, one of them the fallback")
		return
	}
	ids := map[string]bool{}
	var fallbacks []string
	for i := range c.Topics {
		t := &c.Topics[i]
		p := fmt.Sprintf("topics[%d]", i)
		v.id(p+".id", t.ID, ids, "topic")
		if t.Name == "" {
			t.Name = t.ID
		}
		for j, k := range t.Keywords {
			if strings.TrimSpace(k) == "" {
				v.errorf(fmt.Sprintf("%s.keywords[%d]", p, j), "a keyword cannot be empty")
			}
		}
		if t.Fallback {
			fallbacks = append(fallbacks, p)
		}
	}
	for i := range c.Topics {
		if v.d.failed[fmt.Sprintf("topics[%d].fallback", i)] {
			return // the fallback count cannot be judged
		}
	}
	switch len(fallbacks) {
	case 0:
		v.errorf("topics", "exactly one topic must have fallback: true; none has")
	case 1:
	default:
		for _, p := range fallbacks[1:] {
			v.errorf(p+".fallback", "exactly one topic may be the fallback; %s already is", fallbacks[0])
		}
	}
}

func (v *validator) officers() {
	c := v.cfg
	ids := map[string]bool{}
	emails := map[string]string{}
	for i := range c.Officers {
		o := &c.Officers[i]
		p := fmt.Sprintf("officers[%d]", i)
		v.id(p+".id", o.ID, ids, "officer")
		v.required(p+".name", o.Name)
		if v.required(p+".email", o.Email) {
			v.address(p+".email", o.Email)
			k := strings.ToLower(o.Email)
			if prev, dup := emails[k]; dup {
				v.errorf(p+".email", "%s is also %s's address", o.Email, prev)
			}
			emails[k] = o.ID
		}
		switch o.Role {
		case RoleOfficer, RoleManager, RoleAdmin:
		case "":
			v.errorf(p+".role", "is required: officer, manager or admin")
		default:
			v.errorf(p+".role", "%q is not one of officer, manager, admin", o.Role)
		}
		v.topicRefs(p+".topics", o.Topics, true)
		v.languages(p+".languages", o.Languages)
	}
}

func (v *validator) officerRef(path, id string) *Officer {
	if !v.required(path, id) {
		return nil
	}
	o := v.hasOfficer(id)
	if o == nil {
		v.errorf(path, "unknown officer %q; officers are: %s", id, strings.Join(v.officerIDs(), ", "))
	}
	return o
}

func (v *validator) rota() {
	c := v.cfg
	if len(c.Rota) == 0 {
		v.errorf("rota", "at least one shift is required")
	}
	for i := range c.Rota {
		s := &c.Rota[i]
		p := fmt.Sprintf("rota[%d]", i)
		v.required(p+".name", s.Name)
		if len(s.Topics) == 0 {
			v.errorf(p+".topics", `is required: topic ids, or ["*"] for all`)
		}
		v.topicRefs(p+".topics", s.Topics, true)
		if len(s.Officers) == 0 {
			v.errorf(p+".officers", "is required: at least one officer id")
		}
		for j, id := range s.Officers {
			v.officerRef(fmt.Sprintf("%s.officers[%d]", p, j), id)
		}
		if v.required(p+".start", s.Start) {
			if _, err := ParseCron(s.Start); err != nil {
				v.errorf(p+".start", "%q is not a 5-field cron spec (minute hour day-of-month month day-of-week): %v", s.Start, err)
			}
		}
		switch {
		case s.Duration == 0:
			v.errorf(p+".duration", "is required: how long the shift lasts, such as 10h")
		case s.Duration > 7*24*time.Hour:
			v.errorf(p+".duration", "%s is longer than a week", s.Duration)
		case s.Duration%time.Minute != 0:
			v.errorf(p+".duration", "%s must be whole minutes", s.Duration)
		}
	}
}

func (v *validator) escalation() {
	e := &v.cfg.Escalation
	if o := v.officerRef("escalation.manager", e.Manager); o != nil && o.Role == RoleOfficer {
		v.errorf("escalation.manager", "%q has role officer; escalations go to a manager or admin", e.Manager)
	}
	if e.AfterBreach == 0 {
		v.errorf("escalation.after_breach", "is required: how long after a breach it is escalated again, such as 30m")
	}
}

func (v *validator) sla() {
	s := &v.cfg.SLA
	if len(s.Policies) == 0 {
		v.errorf("sla.policies", "at least one policy is required; the last one without match")
	}
	ids := map[string]bool{}
	for i := range s.Policies {
		pol := &s.Policies[i]
		p := fmt.Sprintf("sla.policies[%d]", i)
		if v.required(p+".id", pol.ID) {
			if ids[pol.ID] {
				v.errorf(p+".id", "%q is used by another policy", pol.ID)
			}
			ids[pol.ID] = true
		}
		last := i == len(s.Policies)-1
		if pol.Match == nil && !last {
			v.errorf(p+".match", "only the last policy may have no match: the policies after this one could never apply")
		}
		if pol.Match != nil {
			if last {
				v.errorf(p+".match", "the last policy must have no match, so every enquiry gets a policy")
			}
			if len(pol.Match.OutletTier) == 0 && len(pol.Match.Topic) == 0 {
				v.errorf(p+".match", "is empty: give outlet_tier and/or topic, or remove match")
			}
			for j, t := range pol.Match.OutletTier {
				if !contains(Tiers, t) {
					v.errorf(fmt.Sprintf("%s.match.outlet_tier[%d]", p, j), "%q is not a tier; tiers are: %s", t, strings.Join(Tiers, ", "))
				}
			}
			v.topicRefs(p+".match.topic", pol.Match.Topic, false)
		}
		for _, f := range []struct {
			key string
			d   time.Duration
		}{{"acknowledge", pol.Acknowledge}, {"first_response", pol.FirstResponse}, {"resolution", pol.Resolution}} {
			if f.d == 0 {
				v.errorf(p+"."+f.key, "is required: a duration such as 30m")
			}
		}
		if pol.Acknowledge > 0 && pol.FirstResponse > 0 && pol.Acknowledge > pol.FirstResponse {
			v.errorf(p+".acknowledge", "%s is later than first_response %s", pol.Acknowledge, pol.FirstResponse)
		}
		if pol.FirstResponse > 0 && pol.Resolution > 0 && pol.FirstResponse > pol.Resolution {
			v.errorf(p+".first_response", "%s is later than resolution %s", pol.FirstResponse, pol.Resolution)
		}
	}
	if s.SweepInterval == 0 {
		s.SweepInterval = 2 * time.Second
	}
}

func (v *validator) outlets() {
	seen := map[string]string{}
	for i := range v.cfg.Outlets {
		o := &v.cfg.Outlets[i]
		p := fmt.Sprintf("outlets[%d]", i)
		if v.required(p+".domain", o.Domain) {
			d := strings.ToLower(strings.TrimSpace(o.Domain))
			if !domainRe.MatchString(d) {
				v.errorf(p+".domain", "%q is not a domain name such as bbc.co.uk", o.Domain)
			}
			if prev, dup := seen[d]; dup {
				v.errorf(p+".domain", "%q is listed twice (also %s)", o.Domain, prev)
			}
			seen[d] = p
			o.Domain = d
		}
		v.required(p+".name", o.Name)
		if v.required(p+".tier", o.Tier) && !contains(Tiers, o.Tier) {
			v.errorf(p+".tier", "%q is not a tier; tiers are: %s", o.Tier, strings.Join(Tiers, ", "))
		}
	}
}

func (v *validator) extensions() {
	c := v.cfg
	if c.Ingest.PollInterval == 0 {
		c.Ingest.PollInterval = 30 * time.Second
	} else if c.Ingest.PollInterval < time.Second {
		v.errorf("ingest.poll_interval", "%s is below the 1s minimum", c.Ingest.PollInterval)
	}
	if c.Ingest.LeaseTTL == 0 {
		c.Ingest.LeaseTTL = 30 * time.Second
	} else if c.Ingest.LeaseTTL < time.Second {
		v.errorf("ingest.lease_ttl", "%s is below the 1s minimum", c.Ingest.LeaseTTL)
	}
	if c.Ingest.MaxMessageSize == 0 {
		c.Ingest.MaxMessageSize = 25 << 20
	} else if c.Ingest.MaxMessageSize < 64<<10 {
		v.errorf("ingest.max_message_size", "%d bytes is below the 64 KiB minimum", c.Ingest.MaxMessageSize)
	}
	if c.Ingest.Keyword == "" {
		c.Ingest.Keyword = "$MediadeskIngested"
	} else if strings.ContainsAny(c.Ingest.Keyword, " ()]{%*\"\\") {
		v.errorf("ingest.keyword", "%q is not a valid IMAP keyword", c.Ingest.Keyword)
	}
	if c.Web.Listen == "" {
		c.Web.Listen = "127.0.0.1:8080"
	} else {
		v.hostPort("web.listen", c.Web.Listen)
	}
	if c.Web.BaseURL != "" {
		if u, err := url.Parse(c.Web.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			v.badURL("web.base_url", c.Web.BaseURL, err)
		}
	}
	if c.Web.SessionIdle == 0 {
		c.Web.SessionIdle = 2 * time.Hour
	}
	if c.Web.SessionMax == 0 {
		c.Web.SessionMax = 12 * time.Hour
	}
	if c.Web.SessionIdle > c.Web.SessionMax {
		v.errorf("web.session_idle", "%s is longer than web.session_max %s", c.Web.SessionIdle, c.Web.SessionMax)
	}
	v.trustedProxies()
	for _, f := range []struct{ key, path string }{{"web.users_file", c.Web.UsersFile}, {"web.api_tokens_file", c.Web.APITokensFile}} {
		if f.path == "" {
			continue
		}
		if st, err := os.Stat(filepath.Dir(c.Resolve(f.path))); err != nil || !st.IsDir() {
			v.errorf(f.key, "%s: its folder does not exist", f.path)
		}
	}
	if c.Ack.Template != "" {
		if _, err := os.Stat(c.Resolve(c.Ack.Template)); err != nil {
			v.errorf("acknowledgements.template", "%s: %v", c.Ack.Template, unwrapPathErr(err))
		}
	}
	for _, l := range sortedKeys(c.Ack.Templates) {
		p := "acknowledgements.templates." + l
		if !isLanguageCode(l) {
			v.errorf(p, "%q is not an ISO 639-1 language code such as de, fr or sq", l)
		}
		if f := c.Ack.Templates[l]; f == "" {
			v.errorf(p, "is empty: name a template file")
		} else if _, err := os.Stat(c.Resolve(f)); err != nil {
			v.errorf(p, "%s: %v", f, unwrapPathErr(err))
		}
	}
	if c.Ack.PerSenderLimit == 0 {
		c.Ack.PerSenderLimit = 3
	} else if c.Ack.PerSenderLimit < 0 {
		v.errorf("acknowledgements.per_sender_limit", "must be positive")
	}
	if c.Ack.PerSenderWindow == 0 {
		c.Ack.PerSenderWindow = time.Hour
	}
	if c.Ack.DeskLimitPerHour == 0 {
		c.Ack.DeskLimitPerHour = 200
	} else if c.Ack.DeskLimitPerHour < 0 {
		v.errorf("acknowledgements.desk_limit_per_hour", "must be positive")
	}
	v.secret("alerts.webhook_url_env", c.Alerts.WebhookURLEnv, false)
	if c.Alerts.GroupWait < 0 || c.Alerts.GroupWait > time.Hour {
		v.errorf("alerts.group_wait", "%s must be between 0s and 1h", c.Alerts.GroupWait)
	}
	if gi := c.Alerts.Grouping(); gi < 0 || gi > 24*time.Hour {
		v.errorf("alerts.group_interval", "%s must be between 0s (no grouping) and 24h", gi)
	} else if gi > 0 && gi < time.Second {
		v.errorf("alerts.group_interval", "%s is below the 1s minimum (0s turns grouping off)", gi)
	} else if gi > 0 && c.Alerts.GroupWait > gi {
		v.errorf("alerts.group_wait", "%s is longer than alerts.group_interval %s", c.Alerts.GroupWait, gi)
	}
	if c.Alerts.MaxPerMail == 0 {
		c.Alerts.MaxPerMail = 50
	} else if c.Alerts.MaxPerMail < 1 || c.Alerts.MaxPerMail > 1000 {
		v.errorf("alerts.max_per_mail", "%d must be between 1 and 1000", c.Alerts.MaxPerMail)
	}
	if c.Replies.HoldingMarker == "" {
		c.Replies.HoldingMarker = "[holding]"
	}
	if c.Reports.DigestSchedule == "" {
		c.Reports.DigestSchedule = "0 8 * * *"
	} else if c.Reports.DigestSchedule != "off" {
		if _, err := ParseCron(c.Reports.DigestSchedule); err != nil {
			v.errorf("reports.digest_schedule", "%q is not a 5-field cron spec or \"off\": %v", c.Reports.DigestSchedule, err)
		}
	}
	for j, id := range c.Reports.DigestTo {
		v.officerRef(fmt.Sprintf("reports.digest_to[%d]", j), id)
	}
	if len(c.Reports.DigestTo) == 0 && c.Escalation.Manager != "" {
		c.Reports.DigestTo = []string{c.Escalation.Manager}
	}
}

func equalFold(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// sortedKeys returns m's keys in order, so errors come in a stable order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
