package mailparse

import "time"

// Address is one mailbox from an address header.
type Address struct {
	Name string `json:"name,omitempty"`
	// Addr is the addr-spec, lower-cased domain, as written otherwise.
	Addr string `json:"addr"`
}

// Attachment is metadata about one non-body part. The bytes stay in the
// mailbox; Index is the part's position in a depth-first walk, so it can be
// fetched again on demand.
type Attachment struct {
	Filename    string `json:"filename,omitempty"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	Inline      bool   `json:"inline,omitempty"`
	ContentID   string `json:"content_id,omitempty"`
	Index       int    `json:"index"`
}

// AutoKind says why a message is automatic.
type AutoKind string

const (
	NotAutomatic AutoKind = ""
	AutoReply    AutoKind = "auto-reply"   // vacation / out-of-office / newsroom auto-acknowledgement
	Bounce       AutoKind = "bounce"       // delivery status notification, MAILER-DAEMON
	Bulk         AutoKind = "bulk"         // list or bulk mail
	ReadReceipt  AutoKind = "read-receipt" // message disposition notification
)

// DateSource says where Message.Date came from.
type DateSource string

const (
	DateHeader   DateSource = "header"
	DateInternal DateSource = "internal" // IMAP INTERNALDATE (Options.InternalDate)
	DateReceived DateSource = "received" // the newest Received: header
	DateNone     DateSource = "none"     // nothing usable; Date is zero
)

// Message is the parsed form of one email.
type Message struct {
	// MessageID is the Message-ID without angle brackets. When the header is
	// missing or unusable, it is derived from a hash of stable headers and
	// the body, and DerivedID is true.
	MessageID  string   `json:"message_id"`
	DerivedID  bool     `json:"derived_id,omitempty"`
	InReplyTo  []string `json:"in_reply_to,omitempty"` // without angle brackets
	References []string `json:"references,omitempty"`  // without angle brackets, oldest first

	From    Address   `json:"from"`
	Sender  Address   `json:"sender,omitempty"`
	ReplyTo []Address `json:"reply_to,omitempty"`
	To      []Address `json:"to,omitempty"`
	Cc      []Address `json:"cc,omitempty"`
	// ReturnPath is the Return-Path header as written, "<>" for a null
	// reverse path, "" when absent.
	ReturnPath string `json:"return_path,omitempty"`

	Subject    string     `json:"subject"` // RFC 2047 decoded, whitespace-normalised
	Date       time.Time  `json:"date"`
	DateSource DateSource `json:"date_source"`

	// Text is the whole plain-text body: the text/plain part, or the HTML
	// part converted to text when there is no text/plain.
	Text string `json:"text"`
	// HTML is the raw (unsanitised, decoded to UTF-8) HTML part, kept for
	// sanitised display. Never render it without sanitising.
	HTML string `json:"html,omitempty"`

	// NewText is what the sender wrote in this message: Text without quoted
	// history, signature, disclaimers and forwarded content.
	NewText string `json:"new_text"`
	// QuotedText is the quoted history of earlier mail in the thread.
	QuotedText string `json:"quoted_text,omitempty"`
	// ForwardedText is forwarded content: an inline "Forwarded message"
	// block or the text of an attached message/rfc822.
	ForwardedText string `json:"forwarded_text,omitempty"`
	// Signature is the sender's signature block, if one was recognised.
	Signature string `json:"signature,omitempty"`

	// URLs found in the body (new, quoted and forwarded text and HTML hrefs),
	// in order of first appearance, deduplicated.
	URLs []string `json:"urls,omitempty"`

	Attachments []Attachment `json:"attachments,omitempty"`

	// Automatic is the verdict on auto-replies, bounces, bulk mail and read
	// receipts; AutoReason is the signal that decided it (e.g.
	// "Auto-Submitted: auto-replied").
	Automatic  AutoKind `json:"automatic,omitempty"`
	AutoReason string   `json:"auto_reason,omitempty"`

	// Size is the raw message size in bytes.
	Size int64 `json:"size"`
	// TooLarge is set when Size exceeded Options.MaxSize: only the header was
	// parsed and the body is not available.
	TooLarge bool `json:"too_large,omitempty"`

	// Header keeps the raw (unfolded, undecoded) values of headers that
	// later stages care about, keyed by canonical name: Auto-Submitted,
	// Precedence, X-Auto-Response-Suppress, List-Id, List-Unsubscribe,
	// X-Autoreply, X-Autorespond, X-Mediadesk-Loop and so on.
	Header map[string]string `json:"header,omitempty"`

	// Warnings are the non-fatal problems met while parsing (unknown
	// charset, bad transfer encoding, truncated multipart, ...).
	Warnings []string `json:"warnings,omitempty"`
}

// Options tune Parse.
type Options struct {
	// MaxSize is the largest message parsed in full; 0 means DefaultMaxSize.
	MaxSize int64
	// InternalDate is the IMAP INTERNALDATE, the fallback when Date is
	// missing or unparseable.
	InternalDate time.Time
}

// DefaultMaxSize is the default cap on a fully parsed message (25 MB).
const DefaultMaxSize = 25 << 20
