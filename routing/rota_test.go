package routing

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/config"
)

// testDesk loads the unit tests' desk (testdata/desk.yaml).
func testDesk(t testing.TB) *config.Config {
	t.Helper()
	cfg, err := config.Load(filepath.Join("testdata", "desk.yaml"), config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func at3339(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func activeNames(r *Rota, at time.Time) []string {
	var out []string
	for _, a := range r.Active(at) {
		out = append(out, a.Shift.Name)
	}
	return out
}

func TestRotaActive(t *testing.T) {
	r, err := NewRota(testDesk(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		at   string
		want []string
	}{
		{"weekday shift starts on the minute", "2024-03-04T08:00:00Z", []string{"Home desk"}},
		{"a second before the start", "2024-03-04T07:59:59Z", nil},
		{"two desks on", "2024-03-04T09:30:00Z", []string{"Home desk", "Foreign desk"}},
		{"last second of the day shift", "2024-03-04T17:59:59Z", []string{"Home desk"}},
		{"end is exclusive; the night shift takes over", "2024-03-04T18:00:00Z", []string{"Duty (weeknights)"}},
		{"overnight, past midnight", "2024-03-05T03:00:00Z", []string{"Duty (weeknights)"}},
		{"overnight ends at 08:00", "2024-03-05T08:00:00Z", []string{"Home desk"}},
		{"Friday night runs into Saturday", "2024-03-09T07:59:00Z", []string{"Duty (weeknights)"}},
		{"weekend shift from Saturday 08:00", "2024-03-09T08:00:00Z", []string{"Duty (weekends)"}},
		{"Saturday evening", "2024-03-09T22:00:00Z", []string{"Duty (weekends)"}},
		{"Sunday after the weekend shift: nobody", "2024-03-10T12:00:00Z", nil},
		{"Monday before the desks open: nobody", "2024-03-11T07:00:00Z", nil},
		// Clocks go forward on Sunday 31 March 2024 at 01:00 GMT: the
		// weekend shift still ends at 08:00 local (07:00 UTC), 23 hours in.
		{"spring forward: 07:30 BST is on", "2024-03-31T06:30:00Z", []string{"Duty (weekends)"}},
		{"spring forward: ends at 08:00 BST", "2024-03-31T07:00:00Z", nil},
		{"spring forward: in the old 08:00 GMT hour", "2024-03-31T07:30:00Z", nil},
		// Clocks go back on Sunday 27 October 2024 at 02:00 BST: the shift
		// that started Saturday 08:00 BST runs 25 hours, to 08:00 GMT.
		{"fall back: first 01:30 (BST)", "2024-10-27T00:30:00Z", []string{"Duty (weekends)"}},
		{"fall back: second 01:30 (GMT)", "2024-10-27T01:30:00Z", []string{"Duty (weekends)"}},
		{"fall back: 07:30 GMT is still on", "2024-10-27T07:30:00Z", []string{"Duty (weekends)"}},
		{"fall back: ends at 08:00 GMT", "2024-10-27T08:00:00Z", nil},
		// A weekday shift after the change starts at 08:00 local = 07:00 UTC.
		{"BST weekday start", "2024-04-01T07:00:00Z", []string{"Home desk"}},
		{"BST weekday, an hour before in UTC terms", "2024-04-01T06:59:00Z", []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := activeNames(r, at3339(t, c.at))
			if len(got) == 0 && len(c.want) == 0 {
				return
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("at %s: on %q, want %q", c.at, got, c.want)
			}
		})
	}
}

func TestRotaOccurrenceInstants(t *testing.T) {
	r, err := NewRota(testDesk(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at, start, end string
	}{
		// Ordinary night: 18:00 to 08:00 GMT, 14 hours.
		{"2024-03-05T01:00:00Z", "2024-03-04T18:00:00Z", "2024-03-05T08:00:00Z"},
		// Weekend of the spring change: 08:00 GMT Saturday to 08:00 BST Sunday, 23 hours.
		{"2024-03-31T03:00:00Z", "2024-03-30T08:00:00Z", "2024-03-31T07:00:00Z"},
		// Weekend of the autumn change: 08:00 BST Saturday to 08:00 GMT Sunday, 25 hours.
		{"2024-10-27T03:00:00Z", "2024-10-26T07:00:00Z", "2024-10-27T08:00:00Z"},
	} {
		act := r.Active(at3339(t, c.at))
		if len(act) != 1 {
			t.Fatalf("at %s: %d shifts on", c.at, len(act))
		}
		if !act[0].Start.Equal(at3339(t, c.start)) || !act[0].End.Equal(at3339(t, c.end)) {
			t.Errorf("at %s: occurrence %s – %s, want %s – %s", c.at, act[0].Start.UTC(), act[0].End.UTC(), c.start, c.end)
		}
	}
}

func TestRotaAssign(t *testing.T) {
	cfg := testDesk(t)
	r, err := NewRota(cfg)
	if err != nil {
		t.Fatal(err)
	}
	mon10 := at3339(t, "2024-03-04T10:00:00Z")
	t1 := at3339(t, "2024-03-04T09:00:00Z")
	t2 := at3339(t, "2024-03-04T09:30:00Z")
	for _, c := range []struct {
		name  string
		topic string
		at    time.Time
		load  Load
		want  string
		shift string
	}{
		{"experts preferred, then id", "migration", mon10, Load{}, "ada", "Home desk"},
		{"fewest open wins", "migration", mon10, Load{Open: map[string]int{"ada": 2, "ben": 1}}, "ben", "Home desk"},
		{"tie on open: least recently assigned", "migration", mon10,
			Load{Open: map[string]int{"ada": 1, "ben": 1}, LastAssigned: map[string]time.Time{"ada": t1, "ben": t2}}, "ada", "Home desk"},
		{"never assigned counts as longest ago", "migration", mon10,
			Load{LastAssigned: map[string]time.Time{"ada": t1}}, "ben", "Home desk"},
		{"a non-expert on shift is not preferred over experts", "security", mon10, Load{Open: map[string]int{"ada": 5, "cy": 5, "ben": 0}}, "ada", "Home desk"},
		{"topic desk not open yet, nobody else: manager", "europe", at3339(t, "2024-03-04T08:30:00Z"), Load{}, "gus", ""},
		{"topic desk open", "europe", mon10, Load{}, "dee", "Foreign desk"},
		{"evening: the all-topics duty officer", "europe", at3339(t, "2024-03-04T19:00:00Z"), Load{}, "eve", "Duty (weeknights)"},
		{"a topic no shift lists, day: manager", "general", mon10, Load{}, "gus", ""},
		{"a topic no shift lists, night: duty officer", "general", at3339(t, "2024-03-04T23:00:00Z"), Load{}, "eve", "Duty (weeknights)"},
		{"Sunday afternoon, nobody on: manager", "migration", at3339(t, "2024-03-10T15:00:00Z"), Load{}, "gus", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := r.Assign(c.topic, c.at, c.load)
			if a.Officer != c.want || a.Shift != c.shift {
				t.Errorf("got %s (%q: %s), want %s (%q)", a.Officer, a.Shift, a.Reason, c.want, c.shift)
			}
		})
	}
	// Round robin: assigning in turn and recording it spreads the work.
	load := Load{Open: map[string]int{}, LastAssigned: map[string]time.Time{}}
	var got []string
	at := mon10
	for i := 0; i < 4; i++ {
		a := r.Assign("migration", at, load)
		got = append(got, a.Officer)
		load.LastAssigned[a.Officer] = at
		at = at.Add(time.Minute)
	}
	if want := []string{"ada", "ben", "ada", "ben"}; !slices.Equal(got, want) {
		t.Errorf("round robin gave %v, want %v", got, want)
	}
	if !r.OnShift("eve", at3339(t, "2024-03-05T07:59:00Z")) || r.OnShift("eve", at3339(t, "2024-03-05T08:00:00Z")) {
		t.Error("OnShift(eve) wrong around the end of the night shift")
	}
	if got := r.OnShiftFor("consular", mon10); !slices.Equal(got, []string{"dee"}) {
		t.Errorf("OnShiftFor(consular) = %v", got)
	}
}
