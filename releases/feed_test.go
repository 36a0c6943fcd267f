package releases

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const atomSample = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Foreign Office - Activity on GOV.UK</title>
  <author><name>Foreign Office</name></author>
  <entry>
    <id>tag:www.gov.uk,2005:/government/news/uk-sanctions-valdorian-arms-brokers</id>
    <updated>2024-03-12T11:00:00+00:00</updated>
    <link rel="alternate" type="text/html" href="https://www.gov.uk/government/news/uk-sanctions-valdorian-arms-brokers"/>
    <title>UK sanctions Valdorian arms brokers</title>
    <summary type="html">&lt;p&gt;The UK has sanctioned six arms brokers &amp;amp; financiers.&lt;/p&gt;&lt;p&gt;Assets worth £3.4m are frozen.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <id>tag:www.gov.uk,2005:/government/news/minister-visits-strelsau</id>
    <published>2024-03-13T09:00:00Z</published>
    <updated>2024-03-14T09:00:00Z</updated>
    <link href="https://www.gov.uk/government/news/minister-visits-strelsau"/>
    <title type="html">Minister visits &lt;em&gt;Strelsau&lt;/em&gt;</title>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The minister arrived today.</p></div></content>
  </entry>
  <entry><title>No link, skipped</title></entry>
</feed>`

const rssSample = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Home Office news</title>
  <item>
    <title>Returns agreement signed</title>
    <link>https://www.gov.uk/government/news/returns-agreement-signed</link>
    <guid isPermaLink="false">hoa-123</guid>
    <pubDate>Tue, 05 Mar 2024 11:00:00 GMT</pubDate>
    <description><![CDATA[<p>Over 1,250 people have been returned &mdash; caf` + "\xe9" + `s closed.</p><script>x()</script>]]></description>
  </item>
</channel>
</rss>`

func TestParseFeed(t *testing.T) {
	now := time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC)
	rels, err := ParseFeed([]byte(atomSample), "atom-test", []string{"europe"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 2 {
		t.Fatalf("got %d releases: %+v", len(rels), rels)
	}
	a, b := rels[0], rels[1]
	if a.Title != "UK sanctions Valdorian arms brokers" || a.URL != "https://www.gov.uk/government/news/uk-sanctions-valdorian-arms-brokers" ||
		!a.Published.Equal(time.Date(2024, 3, 12, 11, 0, 0, 0, time.UTC)) || a.Department != "Foreign Office" || a.Topics[0] != "europe" {
		t.Errorf("atom entry 1: %+v", a)
	}
	if a.Body != "The UK has sanctioned six arms brokers & financiers.\n\nAssets worth £3.4m are frozen." {
		t.Errorf("atom summary → text: %q", a.Body)
	}
	if b.Title != "Minister visits Strelsau" || b.Body != "The minister arrived today." || !b.Published.Equal(time.Date(2024, 3, 13, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("atom entry 2 (published wins over updated, xhtml content): %+v", b)
	}
	if a.ID != "2024-03-12-uk-sanctions-valdorian-arms-brokers" {
		t.Errorf("id %q", a.ID)
	}
	rels, err = ParseFeed([]byte(rssSample), "rss-test", nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 1 || rels[0].Title != "Returns agreement signed" || rels[0].Department != "Home Office news" ||
		!strings.Contains(rels[0].Body, "1,250 people have been returned — cafés closed.") || strings.Contains(rels[0].Body, "x()") {
		t.Errorf("rss: %+v", rels)
	}
	for name, doc := range map[string]string{
		"html page": "<!DOCTYPE html><html><body>Not found</body></html>",
		"text":      "just some text",
		"empty":     "",
		"other xml": `<?xml version="1.0"?><sitemap><url>x</url></sitemap>`,
	} {
		if _, err := ParseFeed([]byte(doc), "x", nil, now); err == nil {
			t.Errorf("%s: no error", name)
		} else if name == "other xml" && !errors.Is(err, ErrNotFeed) {
			t.Errorf("%s: %v, want ErrNotFeed", name, err)
		}
	}
}

func TestFeedFetcherConditionalGET(t *testing.T) {
	var hits, conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Tue, 12 Mar 2024 11:00:00 GMT" {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 12 Mar 2024 11:00:00 GMT")
		w.Header().Set("Content-Type", "application/atom+xml")
		_, _ = w.Write([]byte(atomSample))
	}))
	defer srv.Close()
	f := &FeedFetcher{Client: srv.Client()}
	ctx := context.Background()
	res, err := f.Fetch(ctx, srv.URL, nil)
	if err != nil || res.NotModified || len(res.Releases) != 2 {
		t.Fatalf("first fetch: %+v %v", res, err)
	}
	res, err = f.Fetch(ctx, srv.URL, nil)
	if err != nil || !res.NotModified || len(res.Releases) != 0 {
		t.Fatalf("second fetch should be 304: %+v %v", res, err)
	}
	if hits.Load() != 2 || conditional.Load() != 1 {
		t.Errorf("hits %d, conditional %d", hits.Load(), conditional.Load())
	}
}

func TestFeedFetcherErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("<html><head><title>Login</title></head><body>Please sign in</body></html>"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(strings.Repeat("x", 2048)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := srv.Client()
	client.Timeout = 200 * time.Millisecond
	f := &FeedFetcher{Client: client, MaxBytes: 1024}
	for path, want := range map[string]string{
		"/500":  "HTTP 500",
		"/html": "not an Atom or RSS feed: the root element is <html>",
		"/big":  "larger than the 1024-byte limit",
		"/slow": "Client.Timeout",
		"/nope": "HTTP 404",
	} {
		_, err := f.Fetch(context.Background(), srv.URL+path, nil)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), srv.URL+path) {
			t.Errorf("%s: error %v, want it to name the feed and say %q", path, err, want)
		}
	}
}
