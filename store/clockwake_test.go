package store

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/mailparse"
)

func zm(at time.Time, m string) redis.Z { return redis.Z{Score: float64(at.UnixMilli()), Member: m} }

// scheduled is when clock c of ref is scheduled for transition tr ("warn",
// "breach", "escalate"; 0 when it is not), checking that the enquiry
// wakes no later than that.
func (f *fixture) scheduled(t *testing.T, ref, c, tr string) int64 {
	t.Helper()
	v, err := f.rdb.HGet(f.ctx, f.s.key(enqKey(ref)), schedField).Result()
	if err != nil || v == "" {
		return 0
	}
	slot := slices.Index(Clocks, c)*3 + slices.Index(schedTransitions, tr)
	at := parseSchedule(v)[slot]
	if at == 0 {
		return 0
	}
	wake, err := f.rdb.ZScore(f.ctx, f.s.key(keyClockWake), ref).Result()
	if err != nil || int64(wake) > at {
		t.Errorf("%s scheduled to %s %s at %d but wakes at %v (%v)", ref, tr, c, at, wake, err)
	}
	return at
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

// TestClockWake: a new enquiry is one member of the wake schedule, at its
// soonest warning; a sweep records what is due and moves the wake to the
// next transition; a breach schedules its escalation; a met clock is
// skipped; resolving takes the enquiry off the schedule.
func TestClockWake(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		in := f.in(msg("w1@x", "jo@bbc.co.uk", "Question"))
		in.Received = t0
		in.New.AcknowledgeDue = t0.Add(20 * time.Minute)
		in.New.FirstResponseDue = t0.Add(2 * time.Hour)
		in.New.ResolutionDue = t0.Add(24 * time.Hour)
		ref := f.one(in).Ref
		if n, _ := f.rdb.ZCard(f.ctx, f.s.key(keyClockWake)).Result(); n != 1 {
			t.Fatalf("%d wakes, want 1", n)
		}
		wake := func() time.Time {
			s, err := f.rdb.ZScore(f.ctx, f.s.key(keyClockWake), ref).Result()
			if err != nil {
				return time.Time{}
			}
			return time.UnixMilli(int64(s))
		}
		// acknowledge: 20 min target, warns half way (10 min).
		if w := wake(); !w.Equal(t0.Add(10 * time.Minute)) {
			t.Errorf("wake %v, want +10m", w.Sub(t0))
		}
		if w, b, e, err := f.s.ClockBacklog(f.ctx); w != 3 || b != 3 || e != 0 || err != nil {
			t.Errorf("backlog %d %d %d %v", w, b, e, err)
		}
		if st := f.sweep(t, t0.Add(9*time.Minute)); st != (SweepStep{}) {
			t.Errorf("sweep before the wake: %+v", st)
		}
		if st := f.sweep(t, t0.Add(10*time.Minute)); st.Warned != 1 || st.Claimed != 1 {
			t.Errorf("sweep at the warning: %+v", st)
		}
		if w := wake(); !w.Equal(t0.Add(20 * time.Minute)) {
			t.Errorf("wake after the warning %v, want +20m (the breach)", w.Sub(t0))
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
		if w := wake(); !w.Equal(t0.Add(105 * time.Minute)) {
			t.Errorf("wake %v, want +1h45m (first response warns)", w.Sub(t0))
		}
		// First response met before it warns: the wake moves to what is
		// left (the resolution's warning), so the sweep has nothing to do.
		if _, err := f.s.RecordResponse(f.ctx, ref, Response{At: t0.Add(80 * time.Minute), By: "price", Kind: Substantive, Via: "dashboard"}); err != nil {
			t.Fatal(err)
		}
		if w := wake(); !w.Equal(t0.Add(24*time.Hour - 15*time.Minute)) {
			t.Errorf("wake after first response met %v, want +23h45m (resolution warns)", w.Sub(t0))
		}
		if st := f.sweep(t, t0.Add(3*time.Hour)); st.Claimed != 0 || st.Warned+st.Breached != 0 {
			t.Errorf("sweep after first response met: %+v", st)
		}
		if w := wake(); !w.Equal(t0.Add(24*time.Hour - 15*time.Minute)) {
			t.Errorf("wake %v, want +23h45m (resolution warns)", w.Sub(t0))
		}
		if _, err := f.s.Resolve(f.ctx, ref, "price", ""); err != nil {
			t.Fatal(err)
		}
		if n, _ := f.rdb.ZCard(f.ctx, f.s.key(keyClockWake)).Result(); n != 0 {
			t.Errorf("%d wakes after resolve, want 0", n)
		}
		if n, err := f.s.ClockWakesDue(f.ctx, t0.Add(48*time.Hour)); n != 0 || err != nil {
			t.Errorf("wakes due %d %v", n, err)
		}
	})
}

// TestClockScheduleMigration: clocks scheduled by an earlier version (the
// sla:warn, sla:breach and sla:escalate zsets) are moved onto their
// enquiries by the next sweep and go through their transitions as before;
// a clock met before the move is not revived, and one set again since
// keeps its new schedule.
func TestClockScheduleMigration(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		var refs []string
		for i, id := range []string{"m1@x", "m2@x", "m3@x"} {
			in := f.in(msg(id, "jo"+strconv.Itoa(i)+"@bbc.co.uk", "Question"))
			in.Received = t0
			in.New.AcknowledgeDue = t0.Add(30 * time.Minute)
			in.New.FirstResponseDue, in.New.ResolutionDue = time.Time{}, time.Time{}
			refs = append(refs, f.one(in).Ref)
		}
		// Make them look as an earlier version left them: no schedule
		// fields, no wakes, members in the per-transition zsets.
		for _, ref := range refs {
			f.rdb.HDel(f.ctx, f.s.key(enqKey(ref)), schedField)
			f.rdb.ZAdd(f.ctx, f.s.key("sla:warn"), zm(t0.Add(15*time.Minute), ref+"|acknowledge"))
			f.rdb.ZAdd(f.ctx, f.s.key("sla:breach"), zm(t0.Add(30*time.Minute), ref+"|acknowledge"))
		}
		f.rdb.Del(f.ctx, f.s.key(keyClockWake))
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
		// refs[0] and refs[2] in the old zsets; refs[2]'s acknowledge and
		// first response (the deadline brought both to +20m) as fields.
		if w, b, _, _ := f.s.ClockBacklog(f.ctx); w != 4 || b != 4 {
			t.Errorf("backlog before the move: warn %d breach %d, want 4 and 4", w, b)
		}
		if st := f.sweep(t, t0.Add(14*time.Minute)); st.Warned != 2 {
			t.Errorf("sweep at +14m: %+v (refs[2] warns twice at +10m)", st)
		}
		if n, _ := f.rdb.Exists(f.ctx, f.s.key("sla:warn"), f.s.key("sla:breach")).Result(); n != 0 {
			t.Errorf("%d old schedules left after a sweep", n)
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

// TestClockScheduleFieldMigration: enquiries scheduled by the version
// before the sched field (one hash field per slot, c:at_warn, c:at_breach,
// c:at_escalate) go through their transitions as before; the first clock
// operation or sweep that touches one replaces its slot fields with sched,
// and a clock met meanwhile is not revived.
func TestClockScheduleFieldMigration(t *testing.T) {
	both(t, func(t *testing.T, f *fixture) {
		var refs []string
		for i, id := range []string{"s1@x", "s2@x"} {
			in := f.in(msg(id, "jo"+strconv.Itoa(i)+"@bbc.co.uk", "Question"))
			in.Received = t0
			in.New.AcknowledgeDue = t0.Add(30 * time.Minute)
			in.New.FirstResponseDue, in.New.ResolutionDue = time.Time{}, time.Time{}
			refs = append(refs, f.one(in).Ref)
		}
		// As the earlier version left them: per-slot fields, no sched.
		for _, ref := range refs {
			key := f.s.key(enqKey(ref))
			f.rdb.HDel(f.ctx, key, schedField)
			f.rdb.HSet(f.ctx, key, "acknowledge:at_warn", ms(t0.Add(15*time.Minute)), "acknowledge:at_breach", ms(t0.Add(30*time.Minute)))
		}
		if w, b, _, _ := f.s.ClockBacklog(f.ctx); w != 2 || b != 2 {
			t.Errorf("backlog of slot fields: warn %d breach %d, want 2 and 2", w, b)
		}
		// refs[1] meets its clock: off the schedule, fields replaced.
		if _, err := f.s.RecordResponse(f.ctx, refs[1], Response{At: t0.Add(5 * time.Minute), By: "price", Kind: Holding, Via: "dashboard"}); err != nil {
			t.Fatal(err)
		}
		if st := f.sweep(t, t0.Add(40*time.Minute)); st.Warned != 1 || st.Breached != 1 {
			t.Errorf("sweep at +40m: %+v, want refs[0] to warn and breach", st)
		}
		for i, ref := range refs {
			if n, _ := f.rdb.HExists(f.ctx, f.s.key(enqKey(ref)), "acknowledge:at_warn").Result(); n {
				t.Errorf("enquiry %d keeps its slot fields", i)
			}
			e, _ := f.s.Enquiry(f.ctx, ref)
			a := e.Clocks[ClockAcknowledge]
			want := [][2]time.Time{{t0.Add(15 * time.Minute), t0.Add(30 * time.Minute)}, {}}[i]
			if !a.Warned.Equal(want[0]) || !a.Breached.Equal(want[1]) {
				t.Errorf("enquiry %d: warned %v breached %v, want %v", i, a.Warned, a.Breached, want)
			}
		}
		if got, want := f.scheduled(t, refs[0], ClockAcknowledge, "escalate"), t0.Add(time.Hour).UnixMilli(); got != want {
			t.Errorf("refs[0] scheduled to escalate at %d, want %d (breach + 30m)", got, want)
		}
	})
}

// TestScheduleLayout: the Go side's schedule has a slot for every clock's
// three transitions, in the order clock.lua reads them.
func TestScheduleLayout(t *testing.T) {
	var s schedule
	if len(s) != len(Clocks)*len(schedTransitions) {
		t.Fatalf("schedule has %d slots for %d clocks", len(s), len(Clocks))
	}
	s.set(ClockFirstResponse, "breach", 1700000000000)
	s.set(ClockResolution, "escalate", 1700000000001)
	if got, want := s.String(), "0,0,0,0,1700000000000,0,0,0,0,0,0,1700000000001"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got := parseSchedule(s.String()); [12]int64(got) != s {
		t.Errorf("parseSchedule(String) = %v, want %v", got, s)
	}
}
