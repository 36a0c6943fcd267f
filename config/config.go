// Package config owns the desk configuration (desk.yaml): its schema, strict
// loading with errors that name the key path and line, validation of every
// cross-reference, and the derived lookups (officer by id, topic by id,
// the desk's time zone) that the rest of mediadesk reads.
//
// The schema is the contract in GUIDE.md section 3. Keys beyond the contract
// are optional extensions with defaults (ingest, web, acknowledgements,
// alerts, replies, reports); unknown keys are errors.
package config

import (
	"time"
)

// Config is a loaded, validated desk configuration. Treat it as read-only.
type Config struct {
	Desk       Desk       `yaml:"desk"`
	Mailboxes  []Mailbox  `yaml:"mailboxes"`
	Redis      Redis      `yaml:"redis"`
	SMTP       SMTP       `yaml:"smtp"`
	Releases   Releases   `yaml:"releases"`
	Topics     []Topic    `yaml:"topics"`
	Officers   []Officer  `yaml:"officers"`
	Rota       []Shift    `yaml:"rota"`
	Escalation Escalation `yaml:"escalation"`
	SLA        SLA        `yaml:"sla"`
	Outlets    []Outlet   `yaml:"outlets"`
	Ingest     Ingest     `yaml:"ingest"`
	Web        Web        `yaml:"web"`
	Ack        Ack        `yaml:"acknowledgements"`
	Alerts     Alerts     `yaml:"alerts"`
	Replies    Replies    `yaml:"replies"`
	Reports    Reports    `yaml:"reports"`
	Ops        Ops        `yaml:"ops"`
	// TopicVocabulary (extension) is the desk's related-term lexicon
	// (config/vocabulary.go); nil: routing's embedded default.
	TopicVocabulary *TopicVocabulary `yaml:"topic_vocabulary"`

	// Path is the file the config was loaded from ("" when from bytes);
	// Dir is its folder, against which relative paths resolve.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`
	// Location is Desk.Timezone loaded.
	Location *time.Location `yaml:"-"`

	officerByID map[string]*Officer
	topicByID   map[string]*Topic
	// own holds the desk's own exact addresses (see IsOwnAddress).
	own map[string]bool
}

// Desk is the desk's identity.
type Desk struct {
	Name            string `yaml:"name"`
	Timezone        string `yaml:"timezone"`
	ReferencePrefix string `yaml:"reference_prefix"`
	Address         string `yaml:"address"`
	// OwnDomains (extension) are the desk's own mail domains: an address
	// in one of them or a subdomain is the desk's own (IsOwnAddress) and
	// never acknowledged.
	OwnDomains []string `yaml:"own_domains"`
	// Languages (extension) are the languages, ISO 639-1, whose mail the
	// desk tells apart (routing detects each message's language among
	// them). Empty: routing.DefaultLanguages.
	Languages []string `yaml:"languages"`
}

// Security is how a connection is protected.
type Security string

const (
	SecurityTLS      Security = "tls"
	SecurityStartTLS Security = "starttls"
	SecurityNone     Security = "none"
)

// Mailbox is one IMAP account to watch.
type Mailbox struct {
	ID              string   `yaml:"id"`
	Address         string   `yaml:"address"`
	Security        Security `yaml:"security"`
	Username        string   `yaml:"username"`
	PasswordEnv     string   `yaml:"password_env"`
	Folders         []string `yaml:"folders"`
	SentFolder      string   `yaml:"sent_folder"`
	ProcessedFolder string   `yaml:"processed_folder"`
	// Extensions.
	// InsecureSkipVerify disables TLS certificate checks (test servers only).
	InsecureSkipVerify bool `yaml:"insecure_skip_verify"`
	// Idle can turn IMAP IDLE off (poll only); default on.
	Idle *bool `yaml:"idle"`
	// Auth signs in with OAuth2 instead of a password (see MailAuth).
	Auth MailAuth `yaml:"auth"`
}

// UseIdle reports whether IDLE should be used when the server offers it.
func (m *Mailbox) UseIdle() bool { return m.Idle == nil || *m.Idle }

// Redis says where Redis is.
type Redis struct {
	URLEnv string `yaml:"url_env"`
	// DeskID names the desk in its keys (extension; default
	// desk.reference_prefix in lower case): keys start "{md:<desk id>}:".
	// The hash tag keeps each desk's keys in one Cluster slot, so its
	// scripts work there, while several desks on one Cluster spread over
	// its masters.
	DeskID string `yaml:"desk_id"`
	// KeyPrefix, when set, overrides the prefix derived from DeskID
	// verbatim (extension; it must hold a non-empty {hash tag}); e.g.
	// "{md}:" keeps the keys of a desk set up before desk ids.
	KeyPrefix string `yaml:"key_prefix"`
	// WaitReplicas is how many replicas must have a batch commit, and an
	// outbox job's claim, before the messages are flagged in the mailbox
	// or the job is sent (Redis WAIT; extension). Unset: 1 when the URL
	// names a Sentinel set, else 0 (no WAIT). Replication is asynchronous,
	// so without it a failover can lose writes whose effects (a flagged
	// message, a sent acknowledgement) already left the process.
	WaitReplicas *int `yaml:"wait_replicas"`
	// WaitTimeout bounds each WAIT (extension; default 1s, at most 5s);
	// fewer replicas than asked by then counts as not written, to retry.
	WaitTimeout time.Duration `yaml:"wait_timeout"`
}

// DefaultWaitTimeout is redis.wait_timeout when unset.
const DefaultWaitTimeout = time.Second

// ReplicasToWait is redis.wait_replicas, or its default for a Redis set
// up as a Sentinel set (sentinel) or not.
func (r *Redis) ReplicasToWait(sentinel bool) int {
	switch {
	case r.WaitReplicas != nil:
		return *r.WaitReplicas
	case sentinel:
		return 1
	}
	return 0
}

// LegacyKeyPrefix is the one prefix every desk shared before desk ids.
const LegacyKeyPrefix = "{md}:"

// DeskKeyPrefix is the key prefix of the desk id id: "{md:<id>}:".
func DeskKeyPrefix(id string) string { return "{md:" + id + "}:" }

// SMTP is the outgoing mail server.
type SMTP struct {
	Address     string   `yaml:"address"`
	Security    Security `yaml:"security"`
	Username    string   `yaml:"username"`
	PasswordEnv string   `yaml:"password_env"`
	From        string   `yaml:"from"`
	// InsecureSkipVerify disables TLS certificate checks (test servers only).
	InsecureSkipVerify bool `yaml:"insecure_skip_verify"`
	// Auth signs in with OAuth2 instead of a password (see MailAuth).
	Auth MailAuth `yaml:"auth"`
}

// Releases lists where the release catalogue comes from.
type Releases struct {
	Sources []ReleaseSource `yaml:"sources"`
}

// ReleaseSource is one JSON Lines file or one Atom/RSS feed.
type ReleaseSource struct {
	File string `yaml:"file"`
	Feed string `yaml:"feed"`
	// Schedule is the cron spec for refetching a feed (extension; default
	// every 15 minutes).
	Schedule string `yaml:"schedule"`
	// Topics are given to releases from a feed, which carry none (extension).
	Topics []string `yaml:"topics"`
}

// Topic is a subject area an enquiry can be about.
type Topic struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Keywords []string `yaml:"keywords"`
	Fallback bool     `yaml:"fallback"`
}

// Role is what an officer may do on the dashboard.
type Role string

const (
	RoleOfficer Role = "officer"
	RoleManager Role = "manager"
	RoleAdmin   Role = "admin"
)

// Officer is a person on the desk.
type Officer struct {
	ID     string   `yaml:"id"`
	Name   string   `yaml:"name"`
	Email  string   `yaml:"email"`
	Role   Role     `yaml:"role"`
	Topics []string `yaml:"topics"`
	// Languages (extension) the officer reads, ISO 639-1: among officers
	// on shift for a topic, one who reads the enquiry's language is
	// preferred.
	Languages []string `yaml:"languages"`
}

// Reads reports whether the officer reads lang (an ISO 639-1 code).
func (o *Officer) Reads(lang string) bool {
	for _, l := range o.Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// Covers reports whether the officer handles topic ("*" covers all).
func (o *Officer) Covers(topic string) bool {
	for _, t := range o.Topics {
		if t == "*" || t == topic {
			return true
		}
	}
	return false
}

// Shift is one rota entry: a recurring shift starting at each activation of
// Start (a 5-field cron spec in the desk time zone) and lasting Duration of
// wall-clock time.
type Shift struct {
	Name     string        `yaml:"name"`
	Topics   []string      `yaml:"topics"`
	Officers []string      `yaml:"officers"`
	Start    string        `yaml:"start"`
	Duration time.Duration `yaml:"duration"`
}

// CoversTopic reports whether the shift takes topic, "*" meaning all.
func (s *Shift) CoversTopic(topic string) bool {
	for _, t := range s.Topics {
		if t == "*" || t == topic {
			return true
		}
	}
	return false
}

// Wildcard reports whether the shift takes every topic.
func (s *Shift) Wildcard() bool {
	for _, t := range s.Topics {
		if t == "*" {
			return true
		}
	}
	return false
}

// Escalation says who is told about breaches.
type Escalation struct {
	Manager     string        `yaml:"manager"`
	AfterBreach time.Duration `yaml:"after_breach"`
}

// SLA holds the response targets.
type SLA struct {
	Policies       []Policy      `yaml:"policies"`
	DeadlineMargin time.Duration `yaml:"deadline_margin"`
	WarnBefore     time.Duration `yaml:"warn_before"`
	// SweepInterval is how often due clocks are swept (extension; default 2s).
	SweepInterval time.Duration `yaml:"sweep_interval"`
}

// Policy is one SLA policy; the first whose Match matches wins.
type Policy struct {
	ID            string        `yaml:"id"`
	Match         *PolicyMatch  `yaml:"match"`
	Acknowledge   time.Duration `yaml:"acknowledge"`
	FirstResponse time.Duration `yaml:"first_response"`
	Resolution    time.Duration `yaml:"resolution"`
	// AutoAckMeetsHolding, when true, lets the automatic acknowledgement
	// meet the holding-reply clock (id acknowledge) when it is sent; by
	// default only a person's holding reply meets it.
	AutoAckMeetsHolding bool `yaml:"auto_ack_meets_holding"`
}

// PolicyMatch selects enquiries; every non-empty list must contain the
// enquiry's value.
type PolicyMatch struct {
	OutletTier []string `yaml:"outlet_tier"`
	Topic      []string `yaml:"topic"`
}

// Matches reports whether an enquiry with this tier and topic matches.
func (m *PolicyMatch) Matches(tier, topic string) bool {
	if m == nil {
		return true
	}
	return (len(m.OutletTier) == 0 || contains(m.OutletTier, tier)) &&
		(len(m.Topic) == 0 || contains(m.Topic, topic))
}

// Outlet maps a sender domain (and its subdomains) to a publication.
type Outlet struct {
	Domain string `yaml:"domain"`
	Name   string `yaml:"name"`
	Tier   string `yaml:"tier"`
}

// Tiers are the valid outlet tiers.
var Tiers = []string{"national", "broadcast", "wire", "regional", "trade", "international", "freelance"}

// Ingest tunes mail pickup (extension).
type Ingest struct {
	// PollInterval is the backstop poll period (default 30s).
	PollInterval time.Duration `yaml:"poll_interval"`
	// MaxMessageSize is the largest message parsed in full, in bytes
	// (default 25 MB); larger ones become an enquiry with a "too large" note.
	MaxMessageSize int64 `yaml:"max_message_size"`
	// Keyword flags a message once its enquiry is committed, when no
	// processed_folder is configured (default "$MediadeskIngested").
	Keyword string `yaml:"keyword"`
	// LeaseTTL is how long a replica's hold on a mailbox folder lasts
	// without renewal (default 30s): when the replica dies, another takes
	// the folder over within this time.
	LeaseTTL time.Duration `yaml:"lease_ttl"`
	// SenderLimit is how many new enquiries one sender may open within
	// SenderWindow (default 5 in 1h); beyond it, their new mail threads
	// into their latest open enquiry as a follow-up (see ingestLimits).
	SenderLimit  int           `yaml:"sender_limit"`
	SenderWindow time.Duration `yaml:"sender_window"`
	// MaxHTMLBytes is how much of a message's HTML part is kept (default
	// 256 KiB); the text is kept whole and the mailbox has the original.
	MaxHTMLBytes int64 `yaml:"max_html_bytes"`
}

// Web is the dashboard and API (extension).
type Web struct {
	// Listen is the default listen address (default 127.0.0.1:8080).
	Listen string `yaml:"listen"`
	// BaseURL is how officers reach the dashboard, used in links in mail.
	BaseURL string `yaml:"base_url"`
	// UsersFile holds dashboard passwords as "id:<bcrypt hash>" lines
	// (`mediadesk passwd`), relative to the config; APITokensFile the
	// hashes of API tokens ("id:sha256:<hex>"). Unset: nobody can sign
	// in / no tokens.
	UsersFile     string `yaml:"users_file"`
	APITokensFile string `yaml:"api_tokens_file"`
	// SessionIdle ends a dashboard session unused that long (default 2h);
	// SessionMax ends any session that old (default 12h).
	SessionIdle time.Duration `yaml:"session_idle"`
	SessionMax  time.Duration `yaml:"session_max"`
	// TrustedProxies are the reverse proxies (IP addresses or CIDR
	// prefixes) whose X-Forwarded-For and X-Forwarded-Proto the dashboard
	// believes; from any other peer both are ignored. Default: none.
	TrustedProxies []string `yaml:"trusted_proxies"`
}

// Ack configures acknowledgements to journalists (extension).
type Ack struct {
	// Enabled turns acknowledgements on (default true).
	Enabled *bool `yaml:"enabled"`
	// Template is a text/template file (relative to the config) replacing
	// the built-in acknowledgement body.
	Template string `yaml:"template"`
	// Templates (acknowledgements.templates.<lang>) are text/template
	// files (relative to the config) used for enquiries in that language
	// (ISO 639-1); an enquiry in another language, or in none, gets
	// Template or the built-in body.
	Templates map[string]string `yaml:"templates"`
	// PerSenderLimit acknowledgements per sender per PerSenderWindow
	// (default 3 per hour).
	PerSenderLimit  int           `yaml:"per_sender_limit"`
	PerSenderWindow time.Duration `yaml:"per_sender_window"`
	// DeskLimitPerHour caps the acknowledgements the whole desk sends in
	// any hour (default 200), so a flood of forged senders cannot turn
	// the desk into a relay.
	DeskLimitPerHour int `yaml:"desk_limit_per_hour"`
}

// On reports whether acknowledgements are sent.
func (a *Ack) On() bool { return a.Enabled == nil || *a.Enabled }

// Alerts configures how officers are told (extension).
type Alerts struct {
	// Email alerts to officers (default true).
	Email *bool `yaml:"email"`
	// WebhookURLEnv names the environment variable holding a Slack/Teams
	// style incoming-webhook URL; unset means no webhook.
	WebhookURLEnv string `yaml:"webhook_url_env"`
	// GroupWait is how long the first alert for a recipient waits for
	// others to join it (default 0: the first goes at once).
	GroupWait time.Duration `yaml:"group_wait"`
	// GroupInterval: after an alert mail, more alerts for the same
	// recipient within this interval go out together as one summary
	// (default 5m; 0s turns grouping off: one mail per alert).
	GroupInterval *time.Duration `yaml:"group_interval"`
	// MaxPerMail is how many enquiries a summary lists one by one
	// (default 50); it counts the rest and links to the queue.
	MaxPerMail int `yaml:"max_per_mail"`
}

// Grouping is the alert grouping interval (0: alerts are not grouped).
func (a *Alerts) Grouping() time.Duration {
	if a.GroupInterval == nil {
		return 5 * time.Minute
	}
	return *a.GroupInterval
}

// EmailOn reports whether officers get alert emails.
func (a *Alerts) EmailOn() bool { return a.Email == nil || *a.Email }

// Replies configures reply handling (extension).
type Replies struct {
	// HoldingMarker marks a holding reply in its subject or body (default
	// "[holding]").
	HoldingMarker string `yaml:"holding_marker"`
}

// Reports configures the managers' digest (extension).
type Reports struct {
	// DigestSchedule is a cron spec in desk time (default "0 8 * * *");
	// "off" disables the digest.
	DigestSchedule string `yaml:"digest_schedule"`
	// DigestTo are officer ids (default: the escalation manager).
	DigestTo []string `yaml:"digest_to"`
}

// Officer returns the officer with id, or nil.
func (c *Config) Officer(id string) *Officer { return c.officerByID[id] }

// Topic returns the topic with id, or nil.
func (c *Config) Topic(id string) *Topic { return c.topicByID[id] }

// FallbackTopic returns the fallback topic's id.
func (c *Config) FallbackTopic() string {
	for i := range c.Topics {
		if c.Topics[i].Fallback {
			return c.Topics[i].ID
		}
	}
	return ""
}

// OfficerByEmail returns the officer with this address (case-insensitive), or nil.
func (c *Config) OfficerByEmail(addr string) *Officer {
	for i := range c.Officers {
		if equalFold(c.Officers[i].Email, addr) {
			return &c.Officers[i]
		}
	}
	return nil
}

// Mailbox returns the mailbox with id, or nil.
func (c *Config) Mailbox(id string) *Mailbox {
	for i := range c.Mailboxes {
		if c.Mailboxes[i].ID == id {
			return &c.Mailboxes[i]
		}
	}
	return nil
}

// PolicyFor returns the first SLA policy matching tier and topic. Validation
// guarantees the last policy matches everything.
func (c *Config) PolicyFor(tier, topic string) *Policy {
	for i := range c.SLA.Policies {
		if c.SLA.Policies[i].Match.Matches(tier, topic) {
			return &c.SLA.Policies[i]
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
