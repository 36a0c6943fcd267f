package lang

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestEmbedded(t *testing.T) {
	ls, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	if ls[0].Code != "en" || English() != All()[0] {
		t.Fatalf("English is not first: %q", ls[0].Code)
	}
	en := English()
	for _, c := range []struct {
		w  string
		wd time.Weekday
	}{{"monday", time.Monday}, {"weds", time.Wednesday}, {"sun", time.Sunday}, {"thurs", time.Thursday}} {
		if got, ok := en.Weekday(c.w); !ok || got != c.wd {
			t.Errorf("Weekday(%q) = %v %v, want %v", c.w, got, ok, c.wd)
		}
	}
	if _, ok := en.WeekdayWords(false)["mon"]; ok {
		t.Error("WeekdayWords(false) has an abbreviation")
	}
	months := en.MonthWords()
	for w, m := range map[string]time.Month{"january": 1, "may": 5, "sept": 9, "sep": 9, "dec": 12} {
		if months[w] != m {
			t.Errorf("MonthWords()[%q] = %v, want %v", w, months[w], m)
		}
	}
	if de, ok := Get("de"); !ok || de.MonthWords()["mai"] != time.May || len(de.Linker.Stopwords["function_words"]) == 0 {
		t.Error("de: no Mai or no stopwords")
	}
}

// TestParseRejects: a language file with a mistake is refused, naming it.
func TestParseRejects(t *testing.T) {
	for _, c := range []struct{ name, json, want string }{
		{"syntax", "{\n\"code\": \"xx\",\n}", "line 3"},
		{"unknown key", `{"code": "xx", "calender": {}}`, "calender"},
		{"no code", `{"name": "X"}`, "no code"},
		{"data after the object", "{\"code\": \"xx\"}\n{\"code\": \"yy\"}", "line 2: data after the object"},
		{"six weekdays", `{"code": "xx", "calendar": {"weekdays": [{},{},{},{},{},{}]}}`, "want 7"},
		{"eleven months", `{"code": "xx", "calendar": {"months": [{},{},{},{},{},{},{},{},{},{},{}]}}`, "want 12"},
		{"capitals", `{"code": "xx", "deadline": {"anti_words": ["Call"]}}`, `"Call"`},
		{"space", `{"code": "xx", "deadline": {"left_fillers": ["a line"]}}`, `"a line"`},
		{"zero cue", `{"code": "xx", "deadline": {"left_cues": {"bis": {"strong": true}}}}`, "score 0"},
		{"stopword with a space", `{"code": "xx", "linker": {"stopwords": {"small_talk": ["uk time"]}}}`, `linker.stopwords.small_talk: word "uk time"`},
	} {
		_, err := Parse([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want it to mention %q", c.name, err, c.want)
		}
	}
}

func TestLoad(t *testing.T) {
	good := `{"code": "en", "calendar": {"weekdays": [{"full":["sunday"]},{},{},{},{},{},{}]}}`
	for _, c := range []struct {
		name string
		fs   fstest.MapFS
		want string
	}{
		{"no English", fstest.MapFS{"data/de.json": {Data: []byte(`{"code": "de"}`)}}, "no data/en.json"},
		{"code mismatch", fstest.MapFS{"data/en.json": {Data: []byte(good)}, "data/fr.json": {Data: []byte(`{"code": "de"}`)}}, "does not match"},
		{"bad file", fstest.MapFS{"data/en.json": {Data: []byte(`{"code": 1}`)}}, "data/en.json"},
	} {
		_, err := Load(c.fs)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
	}
	ls, err := Load(fstest.MapFS{"data/en.json": {Data: []byte(good)}, "data/de.json": {Data: []byte(`{"code": "de"}`)}})
	if err != nil || len(ls) != 2 || ls[0].Code != "en" {
		t.Fatalf("Load: %v %v", ls, err)
	}
}
