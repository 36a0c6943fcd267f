package main

import (
	"math"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	labels := []label{
		{File: "001.eml", Release: "r1", Topic: "europe", Deadline: "2024-05-22T16:00:00+01:00", Lang: "sq"},
		{File: "002.eml", Release: "r2", Topic: "trade", Lang: "sr"},
		{File: "003.eml", Release: "", Topic: "general", Lang: "hr"},
		{File: "004.eml", Automatic: true},
		{File: "005.eml", Release: "r5", Topic: "migration", Deadline: "2024-05-22T15:00:00Z"},
	}
	second := map[string]label{
		"001.eml": {Topic: "europe"},
		"002.eml": {Topic: "europe"},
		"005.eml": {Topic: "migration"},
	}
	routed := map[string]label{
		// the same instant written in another zone counts
		"001.eml": {Release: "r1", Topic: "europe", Deadline: "2024-05-22T17:00:00+02:00"},
		// a wrong link, a wrong topic, a deadline where there is none
		"002.eml": {Release: "r9", Topic: "europe", Deadline: "2024-05-22T15:00:00Z"},
		// no link where none is right
		"003.eml": {Topic: "general"},
		"004.eml": {Automatic: true},
		// not linked, deadline missed
		"005.eml": {Topic: "europe"},
	}
	var total tally
	byLang := map[string]*tally{}
	if err := score(labels, second, routed, &total, byLang); err != nil {
		t.Fatal(err)
	}
	want := tally{n: 4, rel: 2, wrong: 1, topic: 2, deadline: 2, agreed: 2, topicAgreed: 1}
	if total != want {
		t.Errorf("total %+v, want %+v", total, want)
	}
	if got := *byLang["sr/bs/hr"]; got != (tally{n: 2, rel: 1, wrong: 1, topic: 1, deadline: 1}) {
		t.Errorf("sr/bs/hr %+v", got)
	}
	if got := *byLang["en"]; got != (tally{n: 1, agreed: 1}) {
		t.Errorf("en %+v", got)
	}
	if got := *byLang["sq"]; got != (tally{n: 1, rel: 1, topic: 1, deadline: 1, agreed: 1, topicAgreed: 1}) {
		t.Errorf("sq %+v", got)
	}
}

func TestScoreErrors(t *testing.T) {
	labels := []label{{File: "001.eml", Topic: "europe"}}
	for name, routed := range map[string]map[string]label{
		"missing":  {},
		"error":    {"001.eml": {Error: "parse: bad MIME"}},
		"deadline": {"001.eml": {Deadline: "tomorrow"}},
	} {
		labels := labels
		if name == "deadline" {
			labels = []label{{File: "001.eml", Deadline: "2024-05-22T16:00:00Z"}}
		}
		var total tally
		if err := score(labels, nil, routed, &total, map[string]*tally{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestWilson(t *testing.T) {
	for _, c := range []struct {
		k, n   int
		lo, hi float64
	}{
		{70, 78, 0.811, 0.947},
		{0, 10, 0, 0.278},
		{10, 10, 0.722, 1},
		{0, 0, 0, 1},
	} {
		lo, hi := wilson(c.k, c.n)
		if math.Abs(lo-c.lo) > 0.001 || math.Abs(hi-c.hi) > 0.001 {
			t.Errorf("wilson(%d, %d) = %.3f–%.3f, want %.3f–%.3f", c.k, c.n, lo, hi, c.lo, c.hi)
		}
	}
}

func TestShort(t *testing.T) {
	for _, c := range []struct {
		t    tally
		want string
	}{
		{tally{n: 100, rel: 95, wrong: 1, topic: 95, deadline: 95}, ""},
		{tally{n: 100, rel: 94, wrong: 2, topic: 95, deadline: 94}, "release, wrong links, deadline"},
		{tally{n: 78, rel: 77, wrong: 1, topic: 70, deadline: 78}, "wrong links, topic"},
		{tally{}, ""},
	} {
		if got := c.t.short(); got != c.want {
			t.Errorf("%+v: short %q, want %q", c.t, got, c.want)
		}
	}
}

func TestParseSet(t *testing.T) {
	for _, c := range []struct {
		arg, dir, name string
		half           int
		err            bool
	}{
		{"routing/testdata/mldev", "routing/testdata/mldev", "mldev", -1, false},
		{"routing/testdata/multilingual:even", "routing/testdata/multilingual", "multilingual:even", 0, false},
		{"routing/testdata/multilingual:odd", "routing/testdata/multilingual", "multilingual:odd", 1, false},
		{"x:half", "", "", 0, true},
	} {
		s, err := parseSet(c.arg)
		if (err != nil) != c.err {
			t.Errorf("%s: err %v", c.arg, err)
			continue
		}
		if c.err {
			continue
		}
		if s.dir != c.dir || s.name != c.name || s.half != c.half {
			t.Errorf("%s: %+v", c.arg, s)
		}
	}
	s, _ := parseSet("m:odd")
	if !s.inHalf("013.eml") || s.inHalf("014.eml") {
		t.Error("odd half")
	}
	if got := (tally{n: 4, rel: 2, wrong: 1}).String(); !strings.Contains(got, "wrong 1 (25.0 %)") {
		t.Errorf("String %q", got)
	}
}
