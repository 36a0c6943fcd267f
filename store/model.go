package store

import (
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
)

// Source points at a message in the mailbox, which stays the archive of the
// raw mail and its attachments.
type Source struct {
	Mailbox     string `json:"mailbox"`
	Folder      string `json:"folder"`
	UIDValidity uint32 `json:"uidvalidity"`
	UID         uint32 `json:"uid"`
}

// Cursor is how far a mailbox folder has been ingested.
type Cursor struct {
	UIDValidity uint32 `json:"uidvalidity"`
	LastUID     uint32 `json:"last_uid"`
}

// Status is where an enquiry stands.
type Status string

const (
	StatusOpen     Status = "open"     // waiting for the desk
	StatusAnswered Status = "answered" // substantive response sent, not resolved
	StatusWaiting  Status = "waiting"  // waiting on the journalist: resolution clock paused
	StatusResolved Status = "resolved"
)

// Clock names.
const (
	ClockAcknowledge   = "acknowledge"
	ClockFirstResponse = "first_response"
	ClockResolution    = "resolution"
	ClockNextResponse  = "next_response"
)

// Clocks lists every clock, in display order.
var Clocks = []string{ClockAcknowledge, ClockFirstResponse, ClockNextResponse, ClockResolution}

// WarnAt is when a clock running from start to due warns: warnBefore
// ahead of the due time, but never before half of the clock has run — a
// 15-minute acknowledge target with a 15-minute warning would otherwise
// warn the moment the enquiry arrives, for every enquiry. The Lua scripts
// that schedule clocks apply the same rule (warnAt in commit.lua and
// actions.lua).
func WarnAt(start, due time.Time, warnBefore time.Duration) time.Time {
	w := due.Add(-warnBefore)
	if start.IsZero() || !start.Before(due) {
		return w
	}
	if half := start.Add(due.Sub(start) / 2); half.After(w) {
		return half
	}
	return w
}

// Clock is one SLA clock's state, all as timestamps so "was it met?" is a
// lookup.
type Clock struct {
	Start     time.Time `json:"start,omitzero"`
	Due       time.Time `json:"due,omitzero"`
	Met       time.Time `json:"met,omitzero"`
	Warned    time.Time `json:"warned,omitzero"`
	Breached  time.Time `json:"breached,omitzero"`
	Escalated time.Time `json:"escalated,omitzero"`
}

// Enquiry is one journalist enquiry: a thread of messages with its routing
// and clocks.
type Enquiry struct {
	Ref            string            `json:"ref"`
	Status         Status            `json:"status"`
	Subject        string            `json:"subject"`
	From           string            `json:"from"`
	FromName       string            `json:"from_name,omitempty"`
	Outlet         string            `json:"outlet,omitempty"`
	OutletTier     string            `json:"outlet_tier,omitempty"`
	Topic          string            `json:"topic"`
	TopicReason    string            `json:"topic_reason,omitempty"`
	Release        string            `json:"release,omitempty"`
	ReleaseTitle   string            `json:"release_title,omitempty"`
	ReleaseScore   float64           `json:"release_score,omitempty"`
	ReleaseReason  string            `json:"release_reason,omitempty"`
	Officer        string            `json:"officer,omitempty"`
	OfficerReason  string            `json:"officer_reason,omitempty"`
	Shift          string            `json:"shift,omitempty"`
	Deadline       time.Time         `json:"deadline,omitzero"`
	DeadlinePhrase string            `json:"deadline_phrase,omitempty"`
	Lang           string            `json:"lang,omitempty"`
	Policy         string            `json:"policy,omitempty"`
	Parent         string            `json:"parent,omitempty"`
	Mailbox        string            `json:"mailbox,omitempty"`
	Created        time.Time         `json:"created"`
	Updated        time.Time         `json:"updated"`
	ResolvedAt     time.Time         `json:"resolved_at,omitzero"`
	Messages       int               `json:"messages"`
	Clocks         map[string]Clock  `json:"clocks,omitempty"`
	Fields         map[string]string `json:"-"` // the raw hash, for packages that own extra fields

	// Channel is "phone" (or "email") for an enquiry logged on the
	// dashboard; "" for mail that reached a watched mailbox.
	Channel string `json:"channel,omitempty"`
}

// Message is a stored message: the parsed mail plus where it came from.
type Message struct {
	Key       string `json:"key"`
	Ref       string `json:"ref,omitempty"`
	Direction string `json:"direction"` // "in" (journalist), "out" (desk reply), "internal"
	Kind      string `json:"kind"`      // "enquiry", "followup", "automatic", "duplicate"
	Source    Source `json:"source"`
	// Received is when the desk got it (IMAP INTERNALDATE, else Date).
	Received time.Time `json:"received"`
	mailparse.Message
}

// Event is one entry in an enquiry's timeline.
type Event struct {
	At   time.Time      `json:"at"`
	Type string         `json:"type"`
	By   string         `json:"by,omitempty"` // officer id, "system" or a mail address
	Text string         `json:"text,omitempty"`
	Data map[string]any `json:"data,omitempty"`
}

// Quarantined is a message that could not become an enquiry.
type Quarantined struct {
	ID     string    `json:"id"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
	Source Source    `json:"source"`
	Size   int64     `json:"size"`
	// Header is the first part of the raw header, for an admin to look at.
	Header string `json:"header,omitempty"`
}

// FolderStats counts what has been recorded from one mailbox folder.
// Messages counts distinct messages and equals the sum of the other four;
// Duplicates (the same message seen again) are counted apart.
type FolderStats struct {
	Mailbox     string `json:"mailbox"`
	Folder      string `json:"folder"`
	UIDValidity uint32 `json:"uidvalidity"`
	LastUID     uint32 `json:"last_uid"`
	Messages    int64  `json:"messages"`
	Enquiries   int64  `json:"enquiries"`
	Followups   int64  `json:"followups"`
	Automatic   int64  `json:"automatic"`
	Quarantined int64  `json:"quarantined"`
	Duplicates  int64  `json:"duplicates"`
}
