// Package sla owns response-time targets: choosing the policy for an
// enquiry, computing its due times (acknowledge, first response,
// resolution, pulled forward by a journalist's deadline), tracking the
// clocks live in Redis (warnings, breaches, escalation, exactly once across
// replicas), and the rollups and reports managers read.
//
// # Clocks
//
// Each enquiry has up to four clocks, stored on its hash as timestamps
// (c:start, c:due, c:met, c:warned, c:breached, c:escalated; unix ms), so
// "was it met?" is a lookup:
//
//   - acknowledge: first human contact, a holding or substantive reply (the
//     automatic acknowledgement does not count);
//   - first_response: the substantive answer;
//   - next_response: started by a journalist's follow-up once the desk has
//     answered, again with the first-response target (brought forward
//     by a deadline in the follow-up; clock_next_response_due in
//     store/clock.lua);
//   - resolution: closing the enquiry; paused while the desk waits on the
//     journalist (status waiting), its due time moved by the pause
//     (clock_resume in store/clock.lua).
//
// sla/plan (plan.For, pure, so routing uses it without reaching Redis)
// picks the first sla.policies[] entry matching the outlet tier and topic
// and brings acknowledge and first response forward to the journalist's
// deadline − sla.deadline_margin (plan.DeadlineTarget), never later than
// the policy. Targets are elapsed time: a 2h target set at
// 00:30 on the night the clocks go forward is due at 03:30 local. The
// store writes clocks (commit, responses, waiting); this package reads and
// sweeps them. StateOf tells a clock's state at an instant; LiveClocks
// lists the running clocks of open enquiries with their countdown.
//
// # The sweeper: each transition exactly once
//
// The store's clock library (store/clock.lua) schedules each clock a
// step at a time: setting it puts it on the warning schedule (store.WarnAt:
// due − warn_before, but never before half of the clock has run, so a
// target shorter than warn_before does not warn on arrival); its warning
// puts it on the breach schedule (due); meeting it takes it off every
// schedule. Sweeper.Sweep (every sla.sweep_interval, default 2 s, on every
// replica) calls store.SweepClocks, which records at most Batch due clocks
// of each schedule per call — warnings, then breaches, then escalations;
// the store's sweep script carries sla's notice step (notice.lua: who is
// told, the notice queued). Inside the script a transition is claimed by
// ZREM of its member (a script is atomic, so it goes to exactly one
// caller), checked against the enquiry (not met, not yet recorded, not
// resolved, resolution not paused, due time unmoved), and recorded in the
// same step:
//
//   - c:warned (its warning time, store.WarnAt),
//     c:breached (the due time) or c:escalated (breach + after_breach) on
//     the enquiry hash: when it happened, not when it was swept;
//   - a warning schedules the breach (at due); a breach schedules the
//     escalation (breached + escalation.after_breach); meeting the clock
//     takes both off;
//   - an event clock.warned / clock.breached / clock.escalated on P events
//     with clock, due, at, recorded, notify, notice and the clock.met dims
//     (topic, officer, tier, release, created, outlet, policy, channel, lang);
//   - a timeline entry {"at","type":"clock.<transition>","by":"system",
//     "text","data":{clock,due,at,notify}};
//   - the notice, in the durable notice queue (below).
//
// A crash leaves all of that or none of it; two replicas never both record
// a transition. Warnings go to the assigned officer (the escalation
// manager when there is none), breaches to the escalation manager,
// escalations to the manager and the officer.
//
// # Notices: exactly once into the outbox
//
// The notice is queued by the same script that records its transition:
// P sla:notices (key → JSON) and P sla:notify (key → next attempt). Its
// key is "sla:<ref>:<clock>:<transition>:<due ms>" (the due time tells a
// re-armed next-response clock from the last one). A Deliverer claims due
// notices for a lease (30 s, notify.lua), hands each to the Notifier (the
// outbox, idempotent by key), then acknowledges it; a refused hand-over is
// offered again after a back-off. A deliverer that dies between handing
// over and acknowledging leaves the notice to come again when the lease
// lapses, under the same key, and the outbox drops it: enqueued into the
// outbox exactly once. The daily digest goes through the same queue: its
// fire time is claimed (HSETNX on P sla:digests) in the script that queues
// it, with the key "report:digest:<YYYY-MM-DDTHH:MM>", so two replicas
// ticking the same schedule send one digest.
//
// # Rollups: exactly-once projection at event time
//
// The Projector folds P events into per-day rollups. Each step reads the
// events after its checkpoint (P sla:rollup:ckpt, a stream ID), computes
// their increments in Go and applies them with rollup.lua, which first
// checks the checkpoint is still the one the step read and then applies
// the increments and moves the checkpoint in the same atomic step. A
// crash before the script re-reads the same events; a second replica (or a
// `mediadesk report` catching up) that computed from the same checkpoint
// finds it moved and re-reads from the new one. No event counts twice or
// is lost (unless trimmed from the stream first: that is logged).
//
// Counts belong to the enquiry's cohort: the desk-local day it arrived and
// whether that was in hours. enquiry.created counts it (its dims read from
// the enquiry until the event carries them); clock.met counts met in time
// or late and adds the time to the histogram (a late met that no sweeper
// saw breach counts the breach too, once); clock.breached,
// clock.warned and clock.escalated count themselves.
//
// Layout, per desk-local day YYYYMMDD:
//
//	P sla:r:<day>    hash: cube cells "<topic>.<officer>.<tier>.<release>.<hours>.<channel>.<language>"
//	                 and outlet cells "u<outlet>.<hours>" (dimension ids, hours 1|0);
//	                 cube cells written before channel and language were rolled
//	                 up have five parts and read as email, language not told
//	                 → packed counters "n:3,am:2,al:1,ab:1,a4:2,a17:1,at:1260,..."
//	P sla:brl:<day>  list "<ref>|<clock letter>" of the day's breached clocks (drill-down)
//	P sla:dims       hash "<kind>:<value>" → id and "#<id>" → "<kind>:<value>"
//
// Counter names: n opened; per clock letter c (a acknowledge, f first
// response, x next response, r resolution): cm met in time, cl met late,
// cb breached, cw warned, ce escalated, ct total seconds to meet, c<i>
// histogram bucket i of the time to meet. Buckets (Bucket, BucketRange):
// 1 minute wide below 8 h, 15 minutes to 48 h, 1 hour to 14 days, then
// open; medians and 90th percentiles (nearest rank) are bucket midpoints,
// within 30 s of the exact value below 8 h.
//
// # In hours
//
// Hours: in hours while a weekday day shift is on — an occurrence of a
// rota shift with specific topics (not "*") starting Monday to Friday
// between 05:00 and 12:59 desk time, read on the wall clock as the router
// reads the rota. For the reference desk that is Monday to Friday
// 08:00–18:00; with no such shift, Monday to Friday 09:00–17:00.
//
// # Reports
//
// Reporter.Report reads one hash per day of the period (never the
// enquiries), aggregates the cells that match the filter by the grouping
// (topic, officer, outlet, tier, release, channel, language, day, hours),
// and adds the live open and overdue counts of the period's enquiries (from idx:open) and
// the most recent breaches with their enquiries. Outlet names live in
// their own cells, so an outlet grouping or filter combines only with the
// day and hours. Reporter.Export writes every enquiry of a period, with
// every timestamp and its timeline, as CSV or JSON Lines. Service.Register
// serves the same at /api/reports/{summary,breaches,export} and
// /api/sla/{clocks,status}; `mediadesk report` prints them.
package sla
