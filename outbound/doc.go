// Package outbound owns the mail the desk sends and the replies it sees
// sent: composing messages, the durable outbox and its SMTP/webhook
// delivery, acknowledgements to journalists, alerts and SLA notifications
// to officers, replies (Reply, which the web layer calls as the signed-in
// officer; no route here reads a reply from a request body), copies in
// the mailbox's Sent folder, and response detection in Sent folders. It
// also provides the in-process SMTP sink used by its tests and by
// `mediadesk demo`.
//
// # Composing
//
// Messages are built with go-message (mail.CreateWriter): a
// multipart/alternative of text and escaped HTML, UTF-8 and
// quoted-printable, names and subjects RFC 2047-encoded, a Message-ID on
// the desk's domain, In-Reply-To/References to the journalist's message
// and "[REF] Re: subject". Everything carries X-Mediadesk-Loop: <desk
// address>; acknowledgements add Auto-Submitted: auto-replied and alerts
// Auto-Submitted: auto-generated (both with X-Auto-Response-Suppress:
// All, which stops Exchange out-of-office replies).
//
// # The outbox
//
// Every outgoing message is first a job in Redis (keys under the store's
// prefix):
//
//	P outbox                    stream of job keys; consumer group "outbox"
//	P outbox:job:<key>          hash: the job (state, attempts, raw message, ...)
//	P outbox:counts             hash: jobs per state, possible_duplicates
//	P outbox:delayed            zset key → when a retry is due (ms)
//	P outbox:toappend           zset key → sent journalist mail still to copy to Sent
//	P outbox:enq:<ref>          zset key → created, an enquiry's outgoing mail
//	P outbox:recent             zset key → created
//	P outbox:mids               hash Message-ID → key, mail we sent
//	P outbox:rate:<key>         zset, acknowledgements per sender in the window
//
// The key is the caller's idempotency key ("ack:<ref>",
// "alert:<ref>:<officer>:<event id>", "reply:<ref>:<request id>", the SLA
// engine's notice key): a second enqueue under a key does nothing, so a
// replayed event, a restarted process or a second replica never queues a
// message twice. A job moves queued → sending → sent, or → retrying
// (temporary failure: 4xx, network; exponential backoff from 30 s to 30 m,
// then failed after 12 attempts) or → failed (5xx to RCPT or DATA, or a
// refused webhook: never retried, so no retry storm); each step is one Lua
// script. A failure is on the enquiry's timeline (outbound.failed), in
// GET /api/enquiries/{ref}/outbox and in the status counts (Totals).
//
// Senders read the stream through the consumer group; an entry is
// acknowledged only when its job is finished (sent and recorded, or
// failed). "sending" carries the sender's id and a lease; an entry left
// pending by a dead sender is claimed by another (XAUTOCLAIM) after
// ClaimAfter, and the lease keeps a slow live sender's job from being
// taken while it still works on it.
//
// # Crash semantics: exactly once, or at most twice and flagged
//
// Just before the final "." of DATA the sender writes phase=dot on the
// job; only after the server's 250 does it mark the job sent.
//
//   - A crash before phase=dot (queued, connecting, writing the body): the
//     server never saw the end of the message and discarded it, so the
//     message is sent again after restart and delivered exactly once.
//   - A crash after the job is marked sent: it is never sent again; its
//     records (the message on the enquiry, the response clocks, the Sent
//     copy) are idempotent and are finished after restart. Exactly once.
//   - A crash between phase=dot and marking it sent (the window of one
//     SMTP round trip plus one Redis write), or a connection that breaks
//     after the "." and before the reply: SMTP gives no way to ask the
//     server whether it accepted the message, so it is sent again, with
//     the same bytes and Message-ID (clients that dedupe by Message-ID show
//     it once), and the job is flagged possible_duplicate. If that second
//     send is interrupted in the same window too, it is not sent a third
//     time (marked sent, unconfirmed). So: at most twice, and flagged.
//
// # Acknowledgements and loops
//
// The events consumer (group "outbound" on P events, created at the end of
// the stream) acknowledges enquiry.created only, never follow-ups. It
// does not acknowledge: automatic mail (auto-replies, bounces, bulk and
// list mail, read receipts, anything carrying our loop header, which
// mailparse classifies as automatic, or quoting it in the body); the
// desk's own addresses (config.IsOwnAddress: the desk's, the SMTP
// sender's, a mailbox's, an officer's, or any in desk.own_domains);
// no-reply, mailer-daemon, postmaster and robot addresses; an enquiry
// already answered or not open; a message replying to mail the desk sent
// (the thread was acknowledged); an enquiry older than a day; more than
// acknowledgements.per_sender_limit per recipient per per_sender_window
// (default 3 an hour); and more than acknowledgements.desk_limit_per_hour
// from the whole desk in any hour (default 200; both counted atomically
// with the enqueue, and their suppressions counted in the outbox counts).
// Every decision not to acknowledge is recorded as a suppressed job and on
// the timeline. Acknowledgements are automatic, so they do not meet the
// acknowledge clock: a person's holding reply does.
//
// An acknowledgement must not be a relay for strangers: it goes to the
// From address (Reply-To only when it is in exactly From's domain), echoes
// the subject and the sender's name only through InertText (anything a
// mail client could make a link of removed, clipped to 80 and 60
// characters), and its HTML part makes no links.
//
// # Alerts grouped per recipient
//
// Officers' alerts (new and reassigned enquiries) and SLA notices
// (warnings, breaches, escalations) are gathered per recipient like
// Alertmanager's group_wait / group_interval (groups.go): the first goes
// at once, the ones that follow within alerts.group_interval go together
// as one summary listing each enquiry. The state is in Redis (P alerts:*);
// each summary is queued under the outbox key "alerts:<officer>|<class>|
// <seq>", so a flusher that dies half-way never sends one twice. A
// commit replayed by `mediadesk reindex` ("replayed" on enquiry.created)
// is neither acknowledged nor alerted: that happened the first time.
//
// # Responses
//
// A worker per mailbox sent_folder (inbox.Worker, MarkNone, under a
// lease) reads new Sent mail: a message replying to an enquiry's message
// (In-Reply-To/References) or tagged [REF], sent to someone outside the
// desk, is recorded as the enquiry's message and as a response
// (RecordResponse: holding when replies.holding_marker is in the subject
// or the new text, else substantive), by the officer whose address is
// its From (else that address), at its Date (INTERNALDATE when the Date
// is implausible). Mail the desk sent itself (our loop header, our
// Message-ID) is recorded by the outbox, and RecordResponse dedupes by
// Message-ID, so nothing counts twice. An officer's reply that reaches
// the watched inbox as a copy (enquiry.internal) counts too.
package outbound
