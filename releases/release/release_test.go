package release

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestLoadJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","title":"Alpha","url":"https://www.gov.uk/government/news/alpha","published":"2024-03-01","topics":["europe"],"body":"b","lines_to_take":"First line.\n\nSecond line."}`,
		``,
		`# a comment`,
		`{"id":"b","title":"Beta","published":"2024-03-02T10:30:00+01:00","lines_to_take":["One","  ","Two"]}`,
		`{"id":"c","title":"Gamma"}`,
		`not json`,
		`{"id":"d","title":"Delta","published":"March 3rd"}`,
		`{"id":"a","title":"Alpha 2","published":"2024-03-05"}`,
	}, "\n")
	rels, err := LoadJSONL(strings.NewReader(in))
	var le LineErrors
	if !errors.As(err, &le) {
		t.Fatalf("want LineErrors, got %v", err)
	}
	lines := map[int]string{}
	for _, e := range le {
		lines[e.Line] = e.Err.Error()
	}
	for n, want := range map[int]string{5: "missing published", 6: "not a release", 7: "neither a date", 8: `repeats line 1`} {
		if !strings.Contains(lines[n], want) {
			t.Errorf("line %d: error %q, want it to mention %q", n, lines[n], want)
		}
	}
	if len(rels) != 2 || rels[0].ID != "b" || rels[1].ID != "a" || rels[1].Title != "Alpha 2" {
		t.Fatalf("releases: %+v", rels)
	}
	b := rels[0]
	if b.DateOnly || !b.Published.Equal(time.Date(2024, 3, 2, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("b published %v dateOnly %v", b.Published, b.DateOnly)
	}
	if got := strings.Join(b.LinesToTake, "|"); got != "One|Two" {
		t.Errorf("lines to take (list) = %q", got)
	}
	one, _ := LoadJSONL(strings.NewReader(`{"id":"a","title":"Alpha","published":"2024-03-01","lines_to_take":"First line.\n\nSecond line."}`))
	if got := strings.Join(one[0].LinesToTake, "|"); got != "First line.|Second line." || !one[0].DateOnly {
		t.Errorf("lines to take (string) = %q, dateOnly %v", got, one[0].DateOnly)
	}
	// The JSON form round-trips.
	b2, err := one[0].MarshalJSON()
	if err != nil || !strings.Contains(string(b2), `"published":"2024-03-01"`) {
		t.Errorf("marshal: %s %v", b2, err)
	}
}

func TestMerge(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2024, 3, day, 0, 0, 0, 0, time.UTC) }
	base := []Release{
		{ID: "a", Title: "Alpha", URL: "https://www.gov.uk/government/news/alpha", Published: d(1), LinesToTake: []string{"keep me"}, Topics: []string{"europe"}},
		{ID: "b", Title: "Beta", URL: "https://www.gov.uk/government/news/beta", Published: d(2)},
	}
	updates := []Release{
		{ID: "feed-alpha", Title: "Alpha (updated)", URL: "http://gov.uk/government/news/alpha/?utm_source=rss", Published: d(1)}, // same URL
		{ID: "b", Title: "Beta", URL: "https://www.gov.uk/government/news/beta", Published: d(2)},                                 // unchanged
		{ID: "c", Title: "Gamma", URL: "https://www.gov.uk/government/news/gamma", Published: d(3)},                               // new
	}
	merged, changed := Merge(base, updates)
	if len(merged) != 3 || len(changed) != 2 {
		t.Fatalf("merged %d, changed %d: %+v", len(merged), len(changed), changed)
	}
	a := merged[0]
	if a.ID != "a" || a.Title != "Alpha (updated)" || len(a.LinesToTake) != 1 || len(a.Topics) != 1 {
		t.Errorf("URL match should keep id, lines to take and topics: %+v", a)
	}
	if base[0].Title != "Alpha" {
		t.Error("Merge modified its input")
	}
}

// A URL that several releases share (a mirror's tag page) is no identity:
// releases in one file or feed that share it stay apart, and an update
// carrying it does not replace either.
func TestMergeSharedURL(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2024, 3, day, 0, 0, 0, 0, time.UTC) }
	tag := "https://mirror.example/tag/trade/page/26"
	rels := []Release{
		{ID: "talks", Title: "Talks to be hosted", URL: tag, Published: d(1)},
		{ID: "round", Title: "Fourth round concluded", URL: tag, Published: d(2)},
	}
	merged, _ := Merge(nil, rels)
	if len(merged) != 2 || merged[0].ID != "talks" || merged[1].ID != "round" || merged[1].Title != "Fourth round concluded" {
		t.Fatalf("releases sharing a URL were merged: %+v", merged)
	}
	merged, _ = Merge(merged, []Release{{ID: "other", Title: "Other", URL: tag, Published: d(3)}})
	if len(merged) != 3 || merged[0].Title != "Talks to be hosted" || merged[1].Title != "Fourth round concluded" {
		t.Errorf("an update with a shared URL replaced a release: %+v", merged)
	}
}
