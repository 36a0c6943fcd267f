package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/clock"
)

// Store is the enquiry store over one Redis (or Sentinel/Cluster) client.
type Store struct {
	rdb    redis.UniversalClient
	prefix string
	clock  clock.Clock
	// RefPrefix starts every reference (desk.reference_prefix).
	refPrefix string
	loc       *time.Location
	// Ingest limits (Options.SenderLimit, SenderWindow, MaxHTMLBytes).
	senderLimit  int
	senderWindow time.Duration
	senderNote   string
	maxHTML      int
	// wait is the replica wait after writes whose effects leave the process.
	wait ReplicaWait
}

// Options configure a Store.
type Options struct {
	// Prefix namespaces every key (default "{md}:").
	Prefix string
	// RefPrefix starts enquiry references, e.g. "FCDO".
	RefPrefix string
	// Location is the desk time zone; a reference's year is the year there.
	Location *time.Location
	Clock    clock.Clock
	// SenderLimit, when above 0, is how many new enquiries one sender may
	// open within SenderWindow (default 1h); past it, the commit threads
	// their new mail into their latest open enquiry as a follow-up, with a
	// timeline note saying why (ingest.sender_limit, .sender_window).
	SenderLimit  int
	SenderWindow time.Duration
	// MaxHTMLBytes, when above 0, is how much of a message's HTML part is
	// stored (ingest.max_html_bytes); the text is stored whole.
	MaxHTMLBytes int
	// WaitReplicas, when above 0, is how many replicas must acknowledge a
	// batch commit (and an outbox job's claim) within WaitTimeout (default
	// 1s) before its messages are flagged in the mailbox (or the job
	// sent); fewer fail the commit with ErrNotReplicated
	// (redis.wait_replicas, .wait_timeout).
	WaitReplicas int
	WaitTimeout  time.Duration
}

// New returns a store over rdb.
func New(rdb redis.UniversalClient, o Options) *Store {
	if o.Prefix == "" {
		o.Prefix = "{md}:"
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.RefPrefix == "" {
		o.RefPrefix = "ENQ"
	}
	if o.SenderWindow <= 0 {
		o.SenderWindow = time.Hour
	}
	if o.WaitTimeout <= 0 {
		o.WaitTimeout = time.Second
	}
	return &Store{rdb: rdb, prefix: o.Prefix, wait: ReplicaWait{Replicas: o.WaitReplicas, Timeout: o.WaitTimeout}, clock: o.Clock, refPrefix: o.RefPrefix, loc: o.Location,
		senderLimit: o.SenderLimit, senderWindow: o.SenderWindow, maxHTML: o.MaxHTMLBytes,
		senderNote: fmt.Sprintf("threaded: sender over %d new enquiries in %s", o.SenderLimit, shortDuration(o.SenderWindow))}
}

// key returns the full Redis key for a suffix under the store's prefix.
// Packages outside store reach their own keys through Namespace, and the
// store's through its typed calls.
func (s *Store) key(suffix string) string { return s.prefix + suffix }

// Prefix is the key prefix.
func (s *Store) Prefix() string { return s.prefix }

// Clock is the store's clock.
func (s *Store) Clock() clock.Clock { return s.clock }

// Ping checks that Redis answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.rdb.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redis ping: %w", err)
	}
	return nil
}

// Key suffixes.
func enqKey(ref string) string { return "enq:" + ref }
func folderKey(kind, mailbox, folder string) string {
	return kind + ":" + mailbox + ":" + escapeFolder(folder)
}

// escapeFolder keeps folder names with ':' from colliding in keys.
func escapeFolder(f string) string { return strings.ReplaceAll(f, ":", "%3A") }

func srcKey(mailbox, folder string, uidvalidity uint32) string {
	return folderKey("src", mailbox, folder) + ":" + strconv.FormatUint(uint64(uidvalidity), 10)
}

// MessageIDKey is the key suffix of a Message-ID's dedupe and threading
// record.
func MessageIDKey(id string) string { return "mid:" + hash(id, 32) }

func hash(s string, n int) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:n]
}

func ms(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.UnixMilli(), 10)
}

func fromMS(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil {
			return time.Time{}
		}
		n = int64(f)
	}
	return time.UnixMilli(n)
}

// shortDuration writes d without zero units: 1h, 30m, 1h30m.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
