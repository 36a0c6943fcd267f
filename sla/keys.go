package sla

import (
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// Keys owned by package sla, under the store's prefix (see the package
// doc for the layout). The clock schedules (P sla:warn, P sla:breach,
// P sla:escalate: historical names) belong to the store's clock library
// (store/clock.lua): sla counts them through store.ClockBacklog and moves
// clocks through store.SweepClocks.
const (
	keyNotify     = "sla:notify"       // zset notice key → next delivery attempt (ms)
	keyNotices    = "sla:notices"      // hash notice key → notice JSON (until delivered)
	keyDigests    = "sla:digests"      // hash digest fire time → enqueued at (ms): one digest per fire
	keyCheckpoint = "sla:rollup:ckpt"  // string: last events-stream ID applied to the rollups
	keyDims       = "sla:dims"         // hash "<kind>:<value>" → id, and "#<id>" → "<kind>:<value>"
	keyDimSeq     = "sla:dims:seq"     // counter behind dimension ids
	keyRollPrefix = "sla:r:"           // + day YYYYMMDD: hash cell → packed counters
	keyBrlPrefix  = "sla:brl:"         // + day YYYYMMDD: list "<ref>|<clock letter>|<cube cell>|<outlet id>" of breached clocks
	keyProjStats  = "sla:rollup:stats" // hash: events, applied, skipped, gaps
)

// keySpace is sla's own keys under the store's prefix: the notices, digest
// claims, rollups, dimensions and breach lists. Enquiries and their clock
// schedules are read through the store's typed calls.
func keySpace(st *store.Store) store.KeySpace {
	return st.Namespace(keyNotify, keyNotices, keyDigests, "sla:rollup", keyDims, keyRollPrefix, keyBrlPrefix)
}

// Transitions recorded by the sweeper, in the order a clock goes through them.
const (
	Warned    = store.TransitionWarned
	Breached  = store.TransitionBreached
	Escalated = store.TransitionEscalated
)

// clockLetter is a clock's one-letter code in rollup records and breach
// lists; clockFromLetter the reverse.
var clockLetters = map[string]string{
	store.ClockAcknowledge:   "a",
	store.ClockFirstResponse: "f",
	store.ClockNextResponse:  "x",
	store.ClockResolution:    "r",
}

func clockLetter(c string) string { return clockLetters[c] }

func clockFromLetter(l string) string {
	for c, x := range clockLetters {
		if x == l {
			return c
		}
	}
	return ""
}

// DayKey is the rollup key part for the desk-local day of t: YYYYMMDD.
func DayKey(t time.Time, loc *time.Location) string { return t.In(loc).Format("20060102") }

// days lists the day keys from the local date of from to that of to,
// inclusive, walking calendar dates so DST days are neither skipped nor
// repeated.
func days(from, to time.Time, loc *time.Location) []string {
	f, t := from.In(loc), to.In(loc)
	d := time.Date(f.Year(), f.Month(), f.Day(), 12, 0, 0, 0, loc)
	end := time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, loc)
	var out []string
	for !d.After(end) && len(out) < 40000 {
		out = append(out, d.Format("20060102"))
		d = d.AddDate(0, 0, 1)
	}
	return out
}

// StartOfDay is local midnight (or the first instant) of t's date in loc.
func StartOfDay(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
}
