package store

import (
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/mailparse"
)

func zm(at time.Time, m string) redis.Z { return redis.Z{Score: float64(at.UnixMilli()), Member: m} }

// scheduled is when (ms) clock c of ref is on the schedule of transition
// tr ("warn", "breach", "escalate"; 0 when it is not).
func (f *fixture) scheduled(t *testing.T, ref, c, tr string) int64 {
	t.Helper()
	at, err := f.rdb.ZScore(f.ctx, f.s.key("sla:"+tr), ref+"|"+c).Result()
	if err != nil {
		return 0
	}
	return int64(at)
}

// schedAt is scheduled as a time (zero when not scheduled).
func (f *fixture) schedAt(t *testing.T, ref, c, tr string) time.Time {
	t.Helper()
	if at := f.scheduled(t, ref, c, tr); at != 0 {
		return time.UnixMilli(at)
	}
	return time.Time{}
}

// testSweep is a sweep script with a notice step that queues nothing.
var testSweep = NewClockSweep(`
local function notice_to(tr, officer) return {'manager'} end
local function notice_key(ref, clock, tr, due) return ref .. ':' .. clock .. ':' .. tr .. ':' .. due end
local function notice_enqueue(key, notice) end
local function notice_flush() end
`)

func (f *fixture) sweep(t *testing.T, at time.Time) SweepStep {
	t.Helper()
	var sum SweepStep
	for {
		st, err := f.s.SweepClocks(f.ctx, testSweep, at, SweepOptions{Limit: 2, EscalateAfter: 30 * time.Minute, WarnBefore: 15 * time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		sum.Claimed += st.Claimed
		sum.Warned += st.Warned
		sum.Breached += st.Breached
		sum.Escalated += st.Escalated
		if !st.More {
			return sum
		}
	}
}

// TestClockSchedule: a new enquiry's clocks go on the warning schedule
// only; the warning puts a clock on the breach schedule and the breach on
// the escalation one; a met clock leaves every schedule; resolving takes
// the enquiry off them.
func TestClockSchedule(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		in := f.in(msg("w1@x", "jo@bbc.co.uk", "Question"))
		in.Received = t0
		in.New.AcknowledgeDue = t0.Add(20 * time.Minute)
		in.New.FirstResponseDue = t0.Add(2 * time.Hour)
		in.New.ResolutionDue = t0.Add(24 * time.Hour)
		ref := f.one(in).Ref
		// acknowledge: 20 min target, warns half way (10 min).
		if at := f.schedAt(t, ref, ClockAcknowledge, "warn"); !at.Equal(t0.Add(10 * time.Minute)) {
			t.Errorf("acknowledge warns at %v, want +10m", at.Sub(t0))
		}
		if w, b, e, err := f.s.ClockBacklog(f.ctx); w != 3 || b != 0 || e != 0 || err != nil {
			t.Errorf("backlog %d %d %d %v, want 3 warnings only", w, b, e, err)
		}
		if st := f.sweep(t, t0.Add(9*time.Minute)); st != (SweepStep{}) {
			t.Errorf("sweep before the warning: %+v", st)
		}
		if st := f.sweep(t, t0.Add(10*time.Minute)); st.Warned != 1 || st.Claimed != 1 {
			t.Errorf("sweep at the warning: %+v", st)
		}
		if at := f.schedAt(t, ref, ClockAcknowledge, "breach"); !at.Equal(t0.Add(20 * time.Minute)) {
			t.Errorf("acknowledge breaches at %v after its warning, want +20m", at.Sub(t0))
		}
		// An hour late: acknowledge breaches and escalates (+20m +30m), first
		// response warns (+1h45m is not yet due at +1h10m).
		if st := f.sweep(t, t0.Add(70*time.Minute)); st.Breached != 1 || st.Escalated != 1 || st.Warned != 0 {
			t.Errorf("sweep an hour late: %+v", st)
		}
		e, _ := f.s.Enquiry(f.ctx, ref)
		if a := e.Clocks[ClockAcknowledge]; !a.Breached.Equal(t0.Add(20*time.Minute)) || !a.Escalated.Equal(t0.Add(50*time.Minute)) {
			t.Errorf("acknowledge %+v", a)
		}
		if at := f.schedAt(t, ref, ClockFirstResponse, "warn"); !at.Equal(t0.Add(105 * time.Minute)) {
			t.Errorf("first response warns at %v, want +1h45m", at.Sub(t0))
		}
		// First response met before it warns: off the schedule.
		if _, err := f.s.RecordResponse(f.ctx, ref, Response{At: t0.Add(80 * time.Minute), By: "price", Kind: Substantive, Via: "dashboard"}); err != nil {
			t.Fatal(err)
		}
		if at := f.schedAt(t, ref, ClockFirstResponse, "warn"); !at.IsZero() {
			t.Errorf("first response met but still warns at %v", at.Sub(t0))
		}
		if st := f.sweep(t, t0.Add(3*time.Hour)); st.Claimed != 0 || st.Warned+st.Breached != 0 {
			t.Errorf("sweep after first response met: %+v", st)
		}
		if at := f.schedAt(t, ref, ClockResolution, "warn"); !at.Equal(t0.Add(24*time.Hour - 15*time.Minute)) {
			t.Errorf("resolution warns at %v, want +23h45m", at.Sub(t0))
		}
		if _, err := f.s.Resolve(f.ctx, ref, "price", ""); err != nil {
			t.Fatal(err)
		}
		if w, b, e, err := f.s.ClockBacklog(f.ctx); w+b+e != 0 || err != nil {
			t.Errorf("backlog after resolve %d %d %d %v, want none", w, b, e, err)
		}
		if n, err := f.s.ClockWakesDue(f.ctx, t0.Add(48*time.Hour)); n != 0 || err != nil {
			t.Errorf("due %d %v", n, err)
		}
	})
}

// TestClockWarningAfterResume: a clock that warned, was paused and
// resumed warns no second time but is put on the breach schedule at its
// new due time.
func TestClockWarningAfterResume(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		in := f.in(msg("p1@x", "jo@bbc.co.uk", "Question"))
		in.Received = t0
		in.New.AcknowledgeDue, in.New.FirstResponseDue = time.Time{}, time.Time{}
		in.New.ResolutionDue = t0.Add(2 * time.Hour)
		ref := f.one(in).Ref
		if st := f.sweep(t, t0.Add(106*time.Minute)); st.Warned != 1 {
			t.Fatalf("sweep at the warning: %+v", st)
		}
		f.clock.Set(t0.Add(110 * time.Minute))
		if _, err := f.s.SetWaiting(f.ctx, ref, "price", true, 15*time.Minute); err != nil {
			t.Fatal(err)
		}
		if at := f.schedAt(t, ref, ClockResolution, "breach"); !at.IsZero() {
			t.Errorf("paused, still breaches at %v", at.Sub(t0))
		}
		f.clock.Set(t0.Add(3 * time.Hour)) // paused for 1h10m (since +1h50m)
		if _, err := f.s.SetWaiting(f.ctx, ref, "price", false, 15*time.Minute); err != nil {
			t.Fatal(err)
		}
		st := f.sweep(t, t0.Add(3*time.Hour))
		if st.Warned != 0 {
			t.Errorf("resumed clock warned again: %+v", st)
		}
		if at, want := f.schedAt(t, ref, ClockResolution, "breach"), t0.Add(2*time.Hour+70*time.Minute); !at.Equal(want) {
			t.Errorf("resumed clock breaches at %v, want %v", at.Sub(t0), want.Sub(t0))
		}
		if st := f.sweep(t, t0.Add(4*time.Hour)); st.Breached != 1 {
			t.Errorf("sweep after the new due time: %+v", st)
		}
	})
}

// TestClockWakeMigration: clocks scheduled by the version before (one
// member of clock:wake per enquiry, times in the enquiry's c:at_* fields)
// are moved onto the schedules by the next sweep and go through their
// transitions as before; a clock met before the move is not revived, and
// one set again since keeps its new schedule.
func TestClockWakeMigration(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		var refs []string
		for i, id := range []string{"m1@x", "m2@x", "m3@x"} {
			in := f.in(msg(id, "jo"+strconv.Itoa(i)+"@bbc.co.uk", "Question"))
			in.Received = t0
			in.New.AcknowledgeDue = t0.Add(30 * time.Minute)
			in.New.FirstResponseDue, in.New.ResolutionDue = time.Time{}, time.Time{}
			refs = append(refs, f.one(in).Ref)
		}
		// Make them look as the version before left them.
		for _, ref := range refs {
			f.rdb.ZRem(f.ctx, f.s.key("sla:warn"), ref+"|acknowledge")
			f.rdb.HSet(f.ctx, f.s.key(enqKey(ref)), "acknowledge:at_warn", ms(t0.Add(15*time.Minute)),
				"acknowledge:at_breach", ms(t0.Add(30*time.Minute)))
			f.rdb.ZAdd(f.ctx, f.s.key(keyClockWake), zm(t0.Add(15*time.Minute), ref))
		}
		// refs[1] meets its clock before any sweep; refs[2]'s is set again.
		if _, err := f.s.RecordResponse(f.ctx, refs[1], Response{At: t0.Add(5 * time.Minute), By: "price", Kind: Holding, Via: "dashboard"}); err != nil {
			t.Fatal(err)
		}
		fu := f.in(&mailparse.Message{MessageID: "m3b@x", From: mailparse.Address{Addr: "jo2@bbc.co.uk"}, Subject: "Re: Question",
			InReplyTo: []string{"m3@x"}, Date: t0, Text: "Sooner please", NewText: "Sooner please"})
		fu.Received = t0.Add(time.Minute)
		fu.DeadlineTarget = t0.Add(20 * time.Minute)
		if o := f.one(fu); o.Kind != "followup" || o.Ref != refs[2] {
			t.Fatalf("follow-up: %+v", o)
		}
		// Three enquiries' fields (warn and breach each; refs[1]'s are
		// still there) plus refs[2]'s acknowledge and first response set
		// again by the deadline (both to +20m) on the warning schedule.
		if w, b, _, _ := f.s.ClockBacklog(f.ctx); w != 5 || b != 3 {
			t.Errorf("backlog before the move: warn %d breach %d, want 5 and 3", w, b)
		}
		if st := f.sweep(t, t0.Add(14*time.Minute)); st.Warned != 2 {
			t.Errorf("sweep at +14m: %+v (refs[2] warns twice at +10m)", st)
		}
		if n, _ := f.rdb.Exists(f.ctx, f.s.key(keyClockWake)).Result(); n != 0 {
			t.Errorf("the version before's schedule left after a sweep")
		}
		for _, ref := range refs {
			if n, _ := f.rdb.HExists(f.ctx, f.s.key(enqKey(ref)), "acknowledge:at_warn").Result(); n {
				t.Errorf("%s keeps its schedule fields", ref)
			}
		}
		if st := f.sweep(t, t0.Add(40*time.Minute)); st.Warned != 1 || st.Breached != 3 || st.Escalated != 0 {
			t.Errorf("sweep at +40m: %+v (refs[0] warns and breaches, refs[2] breaches twice)", st)
		}
		for i, ref := range refs {
			e, _ := f.s.Enquiry(f.ctx, ref)
			a := e.Clocks[ClockAcknowledge]
			want := [][2]time.Time{{t0.Add(15 * time.Minute), t0.Add(30 * time.Minute)}, {}, {WarnAt(t0, t0.Add(20*time.Minute), 15*time.Minute), t0.Add(20 * time.Minute)}}[i]
			if !a.Warned.Equal(want[0]) || !a.Breached.Equal(want[1]) {
				t.Errorf("enquiry %d: warned %v breached %v, want %v", i, a.Warned, a.Breached, want)
			}
		}
	})
}
