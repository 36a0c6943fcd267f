package routing

import (
	"testing"
	"time"
)

// TestCatalogueWith: an update makes a new snapshot (release.Merge), an
// unchanged one keeps it.
func TestCatalogueWith(t *testing.T) {
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
	cat := NewCatalogue(base, time.UTC)
	next, ch := cat.With(updates)
	if next == cat || len(ch) != 2 || next.Len() != 3 {
		t.Errorf("With: %d changed, %d releases", len(ch), next.Len())
	}
	if same, ch := next.With(updates); same != next || len(ch) != 0 {
		t.Error("With of an unchanged update should return the same snapshot")
	}
	if r, ok := next.Release("a"); !ok || r.Title != "Alpha (updated)" {
		t.Errorf("Release(a) = %+v %v", r, ok)
	}
	if rs := next.Releases(); rs[0].ID != "c" {
		t.Errorf("Releases not newest first: %s", rs[0].ID)
	}
}
