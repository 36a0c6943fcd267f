package store

import (
	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/clock"
)

// ConfigOptions are the Options a desk's config gives: the key and
// reference prefixes, the time zone and the ingest limits
// (ingest.sender_limit, .sender_window, .max_html_bytes) and the replica
// wait (redis.wait_replicas, .wait_timeout). Whatever commits
// mail (serve, a reindex) should use them, so that a replay decides as
// the live desk did. c may be nil (the real clock).
func ConfigOptions(cfg *config.Config, c clock.Clock) Options {
	return Options{
		Prefix: cfg.Redis.KeyPrefix, RefPrefix: cfg.Desk.ReferencePrefix, Location: cfg.Location, Clock: c,
		SenderLimit: cfg.Ingest.SenderLimit, SenderWindow: cfg.Ingest.SenderWindow, MaxHTMLBytes: int(cfg.Ingest.MaxHTMLBytes),
		// redis.wait_replicas as set; a caller that knows the client is a
		// Sentinel one sets cfg.Redis.ReplicasToWait(true) instead.
		WaitReplicas: cfg.Redis.ReplicasToWait(false), WaitTimeout: cfg.Redis.WaitTimeout,
	}
}
