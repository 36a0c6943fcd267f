// Package store owns the enquiry model and its Redis representation: every
// message, enquiry, timeline event, dedupe index, mailbox cursor and
// quarantine entry is written here and only here. A batch of messages is
// committed by one Lua script per chunk of 64 (commit.lua), so a crash
// leaves either nothing or everything of a chunk, and scripts are
// idempotent, so a retry after a crash never duplicates.
//
// Key layout (P is the configured prefix, default "{md}:"; the hash tag
// keeps all of a desk's keys in one Redis Cluster slot so scripts may touch
// several of them):
//
//	P seq:<year>                      counter behind references PREFIX-YEAR-NNNNNN
//	P enq:<ref>                       hash: the enquiry (fields below)
//	P enq:<ref>:msgs                  list of message keys, oldest first, after the first (the
//	                                  enquiry's field first_msg; older enquiries list it too)
//	P enq:<ref>:tl                    list of timeline events (JSON), append-only
//	P enq:<ref>:who                   set of participant addresses: no longer written (the
//	                                  enquiry's from field is its participant); read for
//	                                  enquiries committed before
//	P msg:<mkey>                      hash: doc (message JSON; text parts as ranges of the
//	                                  text, msgdoc.go), ref, kind, dir
//	P mid:<sha256(Message-ID)>        hash: mkey, fp (content fingerprint), ref, own, shared
//	P src:<mailbox>:<folder>:<uidvalidity>  hash: uid → mkey (dedupe by source)
//	P cursor:<mailbox>:<folder>       hash: uidvalidity, last_uid
//	P stats:<mailbox>:<folder>        hash: enquiries, followups, automatic, quarantined, duplicates
//	                                  (messages, the distinct ones, is their sum of the first four)
//	P idx:all                         zset ref → created (ms)
//	P idx:open                        zset ref → created (ms), enquiries not resolved
//	P idx:officer:<id>                zset ref → created (ms), open enquiries assigned to the officer
//	P idx:release:<id>                zset ref → created (ms), enquiries opened linked to the release
//	P idx:release-indexed             set once enquiries older than the release index were added to it
//	P idx:auto                        zset mkey → received (ms), automatic mail
//	P sender:<from>                   zset ref → received (ms, at most now): the sender's newest
//	                                  enquiries, at most Options.SenderLimit (the flood limit)
//	P quarantine                      zset qid → at (ms); P quarantine:<qid> hash
//	P events                          stream of desk events for consumers (outbox, SLA rollups, live dashboard)
//	P sla:warn, P sla:breach,         zsets "<ref>|<clock>" → when the sweep records the
//	P sla:escalate                    transition (ms): the clock schedules, a step at a time
//	                                  (historical names; written only by the clock library clock.lua)
//	P clock:wake                      zset ref: the schedule of the version before (with the
//	                                  enquiries' c:at_* fields), only drained by the sweep
//	P idx:resolved                    zset ref → resolved (ms)
//	P officer:last                    hash officer → last assignment (ms), for round-robin ties
//	P enq:<ref>:outbound              outbound statuses already on the timeline (sent.go; Sent-folder
//	                                  UIDs are marked in the same src: hash as ingested ones)
//	P lease:<name>                    owner token with a TTL (one poller per mailbox folder)
//
// Enquiry hash fields: ref, status, subject, from, from_name, outlet,
// outlet_tier, topic, topic_reason, release, release_title, release_score,
// release_reason, officer, officer_reason, shift, deadline (ms),
// deadline_phrase, policy, policy_ack_ms, policy_frt_ms, policy_res_ms,
// parent, mailbox, created (ms), updated (ms), messages, first_msg, and per clock c in
// acknowledge, first_response, resolution, next_response: c:due, c:met,
// c:warned, c:breached, c:escalated (ms), c:start (and, until the sweep
// moves them, the version before's schedule fields c:at_warn, c:at_breach,
// c:at_escalate).
//
// Every clock transition (set, met, pause, resume, next response, warn,
// breach, escalate, warnAt) is in the Lua clock library clock.lua,
// prepended to commit.lua, actions.lua and sweep.lua when they are built
// (clocklib.go). SweepClocks runs the sweep with the notice step of the
// package that owns notices (sla/notice.lua).
//
// Reads: decode.go is the one decoder of the enquiry hash (a bad field is
// a *DecodeError, never a silent zero); other packages read enquiries
// through typed calls (Enquiry, List, EnquiryFields, OpenRefs,
// RefsCreated, EnquiriesWithTimeline, ClockBacklog), never by key.
// TestKeyOwners (keyowners_test.go) fails when a package names a key
// another package owns.
//
// Keys written by other packages (outbox, SLA rollups and notices, the
// release catalogue, sessions) are listed in docs/design.md.
package store
