package routing

import (
	"strings"
	"testing"
	"time"
)

// TestURLDay: the day a URL's path names.
func TestURLDay(t *testing.T) {
	day := func(y int, m time.Month, d int) int32 {
		return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	for _, c := range []struct {
		url  string
		want int32
		ok   bool
	}{
		{"https://homeofficemedia.blog.gov.uk/2025/11/07/latest-statement-in-response-to-small-boat-crossings/", day(2025, 11, 7), true},
		{"https://www.theguardian.com/uk-news/2023/oct/16/uk-opens-migration-centre", day(2023, 10, 16), true},
		{"https://example.test/news/2024-04-19-latest-statement?utm_source=x", day(2024, 4, 19), true},
		{"https://example.test/2024/2/30/no-such-day", 0, false},
		{"https://example.test/2023/10/just-a-month", 0, false},
		{"https://www.gov.uk/government/news/uk-and-albania-sign-agreement", 0, false},
		{"https://www.ukpol.co.uk/tag/business-and-trade-department/page/17", 0, false},
		{"https://example.test/item/1999?page=2024/10/16", 0, false},
	} {
		got, ok := urlDay(c.url)
		if ok != c.ok || got != c.want {
			t.Errorf("%s: %d, %v; want %d, %v", c.url, got, ok, c.want, c.ok)
		}
	}
}

// statementsCatalogue has the Home Office's statement on small boat
// crossings of the days given, each titled alike, and the filler.
func statementsCatalogue(days ...time.Time) *Catalogue {
	var rels []Release
	for _, d := range days {
		rels = append(rels, Release{ID: "statement-" + d.Format("2006-01-02"), Published: d, DateOnly: true, Topics: []string{"migration"},
			URL:   "https://homeofficemedia.example/" + d.Format("2006/01/02") + "/latest-statement-in-response-to-small-boat-crossings/",
			Title: "Latest statement in response to small boat crossings",
			Body: "A Home Office spokesperson said: the number of small boat crossings is unacceptable. We are taking action " +
				"with the French to stop the boats and detain and remove those who arrive here illegally."})
	}
	return NewCatalogue(append(rels, fillerReleases(days[len(days)-1])...), time.UTC)
}

// TestLinkURLDate: a URL of the sender's own text whose path names a day
// names that day: when the catalogue lacks the page it links to (a feed
// lag), the same statement of another year is not linked (mldev8 031,
// Portuguese, forwarding the Home Office statement of 7 November 2025
// with its URL: the January 2023 statement at p 0.67 with it left out,
// now none); with the day's statement in the catalogue under another
// address, that one.
func TestLinkURLDate(t *testing.T) {
	jan23 := time.Date(2023, 1, 31, 0, 0, 0, 0, time.UTC)
	nov25 := time.Date(2025, 11, 7, 0, 0, 0, 0, time.UTC)
	in := Input{Subject: "Fwd: Latest statement in response to small boat crossings",
		NewText: "Forwarding today's Home Office statement on the crossings. It says those who arrive on small boats " +
			"are now being sent back to France: how many have been returned so far?",
		ForwardedText: "A Home Office spokesperson said: the number of small boat crossings is unacceptable. We are taking " +
			"action with the French and those who arrive on small boats are now being sent back.\n" +
			"https://mirror.example/2025/11/07/latest-statement-in-response-to-small-boat-crossings/",
		URLs: []string{"https://mirror.example/2025/11/07/latest-statement-in-response-to-small-boat-crossings/"},
		Date: at3339(t, "2025-11-07T11:30:50Z"), Language: "en"}
	l := statementsCatalogue(jan23).Link(&in)
	if l.Release != "" {
		t.Errorf("the day's statement missing: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
	t.Logf("the day's statement missing: %.2f (%s)", l.Score, l.Detail)
	// a page of that day under another slug: its day is named all the same
	other := in
	other.ForwardedText = strings.ReplaceAll(in.ForwardedText, "latest-statement-in-response-to-small-boat-crossings", "home-office-on-crossings")
	other.URLs = []string{strings.ReplaceAll(in.URLs[0], "latest-statement-in-response-to-small-boat-crossings", "home-office-on-crossings")}
	if l := statementsCatalogue(jan23).Link(&other); l.Release != "" {
		t.Errorf("the day's statement missing, another slug: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
	l = statementsCatalogue(jan23, nov25).Link(&in)
	if l.Release != "statement-2025-11-07" || !strings.Contains(l.Detail, "published on a day the email names") {
		t.Errorf("with the day's statement: linked %q (%.2f, %s), want statement-2025-11-07, of the day named", l.Release, l.Score, l.Detail)
	}
}

// TestListingURL: a page that lists releases (a mirror's tag page, a
// category, "page/26") is no release's own.
func TestListingURL(t *testing.T) {
	for _, c := range []struct {
		url  string
		want bool
	}{
		{"https://www.ukpol.co.uk/tag/business-and-trade-department/page/26", true},
		{"https://example.test/category/foreign-office/", true},
		{"https://example.test/news/page/3", true},
		{"https://www.gov.uk/government/news/uk-to-host-annual-trade-talks", false},
		{"https://www.ukpol.co.uk/press-release-uk-and-us-target-hamas-with-new-sanctions-december-2023/", false},
		{"https://example.test/the-page-of-a-release", false},
		{"https://example.test/page/", false},
	} {
		if got := listingURL(c.url); got != c.want {
			t.Errorf("%s: %v, want %v", c.url, got, c.want)
		}
	}
}

// TestLinkListingURL: a mirror's tag page the enquiry cites identifies
// no release, even when only one release of the catalogue carries it
// (tuning 006, its GCC trade update left out as a feed lag would, took
// the Taiwan talks listed on the same page at 0.98); the words decide.
func TestLinkListingURL(t *testing.T) {
	page := "https://www.ukpol.co.uk/tag/business-and-trade-department/page/26"
	day := time.Date(2023, 8, 1, 0, 0, 0, 0, time.UTC)
	talks := Release{ID: "talks", Published: day.AddDate(0, 0, -6), DateOnly: true, Topics: []string{"trade"}, URL: page,
		Title: "UK to host annual trade talks with Borduria",
		Body:  "The UK hosts the annual trade talks with Borduria in London to continue cooperation on trade."}
	round := Release{ID: "round-four", Published: day, DateOnly: true, Topics: []string{"trade"}, URL: page,
		Title: "Trade update: UK and Ruritania free trade agreement, fourth round",
		Body: "The fourth round of negotiations for a free trade agreement between the UK and Ruritania was held in London. " +
			"Negotiators made progress, with draft treaty text agreed in the majority of chapters."}
	in := Input{Subject: "UK-Ruritania FTA - fourth round",
		NewText: "I'm writing about the statement on the fourth round of negotiations for a UK-Ruritania free trade agreement, " +
			"which I found here: " + page + " When will the fifth round take place?",
		URLs: []string{page}, Date: at3339(t, "2023-08-03T10:00:00+01:00"), Language: "en"}
	if l := NewCatalogue(append([]Release{talks, round}, fillerReleases(day)...), time.UTC).Link(&in); l.Release != "round-four" || l.Reason == ReasonURL {
		t.Errorf("both on the page: linked %q (%s, %s), want round-four by its words", l.Release, l.Reason, l.Detail)
	}
	if l := NewCatalogue(append([]Release{talks}, fillerReleases(day)...), time.UTC).Link(&in); l.Release != "" {
		t.Errorf("the round left out: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
}
