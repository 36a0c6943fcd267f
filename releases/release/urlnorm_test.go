package release

import "testing"

func TestNormaliseURL(t *testing.T) {
	const base = "gov.uk/government/news/pm-call-with-egypts-president"
	for _, c := range []struct{ in, want string }{
		{"https://www.gov.uk/government/news/pm-call-with-egypts-president", base},
		{"http://gov.uk/government/news/pm-call-with-egypts-president/", base},
		{"https://WWW.GOV.UK/government/news/PM-Call-With-Egypts-President", base},
		{"https://www.gov.uk/government/news/pm-call-with-egypts-president?utm_source=twitter&utm_medium=social", base},
		{"https://www.gov.uk/government/news/pm-call-with-egypts-president?fbclid=abc&gclid=def#section-2", base},
		{"https://www.gov.uk/api/content/government/news/pm-call-with-egypts-president", base},
		{"https://www.gov.uk/government/news/pm-call-with-egypts-president.cy", base},
		{"<https://www.gov.uk/government/news/pm-call-with-egypts-president>.", base},
		{"(https://www.gov.uk/government/news/pm-call-with-egypts-president)", base},
		{"www.gov.uk/government/news/pm-call-with-egypts-president", base},
		{"https://www.gov.uk:443//government//news/pm-call-with-egypts-president", base},
		{"https://example.com/story?id=7&utm_campaign=x&b=2", "example.com/story?b=2&id=7"},
		{"https://example.com/Story/Case", "example.com/Story/Case"}, // only GOV.UK paths fold case
		{"https://m.example.com/a/index.html", "example.com/a"},
		{"https://example.com:8443/a", "example.com:8443/a"},
		{"mailto:press@example.com", ""},
		{"not a url", ""},
		{"ftp://example.com/x", ""},
	} {
		if got := NormaliseURL(c.in); got != c.want {
			t.Errorf("NormaliseURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestURLSlug(t *testing.T) {
	if got := URLSlug("https://www.gov.uk/government/news/pm-call-with-egypts-president-12-october-2023?utm_source=x"); got != "pm-call-with-egypts-president-12-october-2023" {
		t.Errorf("urlSlug = %q", got)
	}
	if got := URLSlug("https://www.ukpol.co.uk/tag/foreign-office/page/163"); got != "" {
		t.Errorf("a tag page has no slug, got %q", got)
	}
}
