package routing

import "testing"

// topicCase is one row of a table test of the topic matcher: the
// question's language ("" for a table that names none), its subject line,
// its text and the topic wanted.
type topicCase struct{ lang, subject, text, want string }

// checkTopics asks topics for the topic of each case's question on the
// release l links it to, and reports every case whose topic is not the
// one wanted, with the matcher's reason (and the language, when the case
// names one).
func checkTopics(t *testing.T, topics *Topics, cat *Catalogue, l Link, cases []topicCase) {
	t.Helper()
	for _, c := range cases {
		in := Input{Subject: c.subject, Language: c.lang, NewText: c.text}
		got := topics.Choose(&in, l, cat)
		switch {
		case got.Topic == c.want:
		case c.lang == "":
			t.Errorf("%q: topic %q (%s), want %s", c.text, got.Topic, got.Reason, c.want)
		default:
			t.Errorf("%s %q: topic %q (%s), want %s", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}

// checkOnRelease checks one question's topic on release rel, linked at
// score 0.97, as checkTopics does; the release must be in the catalogue.
func checkOnRelease(t *testing.T, topics *Topics, cat *Catalogue, rel string, c topicCase) {
	t.Helper()
	if _, ok := cat.Release(rel); !ok {
		t.Fatalf("no release %s", rel)
	}
	checkTopics(t, topics, cat, Link{Release: rel, Score: 0.97}, []topicCase{c})
}

// sharedLink returns the shared samples' router and a link of score p to
// its catalogue's release id, failing t when the catalogue has no such
// release (a table of topics on a release that is not there tests
// nothing).
func sharedLink(t *testing.T, id string, p float64) (*Router, Link) {
	t.Helper()
	_, r := sharedRouter(t)
	if _, ok := r.Catalogue().Release(id); !ok {
		t.Fatalf("no release %s", id)
	}
	return r, Link{Release: id, Score: p}
}
