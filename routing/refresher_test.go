package routing

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/releases"
)

// LiveCatalogue is what a releases.Refresher keeps current.
var _ releases.Catalogue = LiveCatalogue{}

// The releases.Refresher keeping a Router's catalogue current
// (Router.ReleaseCatalogue), with a real Redis store.

func testRedis(t *testing.T) redis.UniversalClient {
	t.Helper()
	srv := servertest.Redis(t)
	opts, err := redis.ParseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opts)
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

// atomSample is releases' feed test sample.
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

// TestRefresherReplicas: two replicas share the catalogue through the
// store; a feed refresh on one and a lines-to-take edit are seen by the
// other after it syncs.
func TestRefresherReplicas(t *testing.T) {
	ctx := context.Background()
	rdb := testRedis(t)
	cfg := testDesk(t)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(atomSample))
	}))
	defer feed.Close()
	cfg.Releases.Sources = append(cfg.Releases.Sources, cfg.Releases.Sources[0])
	cfg.Releases.Sources[1].File, cfg.Releases.Sources[1].Feed = "", feed.URL
	cfg.Releases.Sources[1].Topics = []string{"europe"}

	newReplica := func() (*Router, *releases.Refresher) {
		r, err := NewRouter(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		ref := releases.NewRefresher(cfg, r.ReleaseCatalogue(), releases.RefresherOptions{Store: releases.NewStore(rdb, ""), Fetcher: &releases.FeedFetcher{Client: feed.Client()}})
		return r, ref
	}
	r1, ref1 := newReplica()
	if err := ref1.Init(ctx); err != nil {
		t.Fatal(err)
	}
	if n := r1.Catalogue().Len(); n != 7 { // 5 from the file, 2 from the feed
		t.Fatalf("replica 1 has %d releases", n)
	}
	r2, ref2 := newReplica()
	if err := ref2.Sync(ctx, true); err != nil {
		t.Fatal(err)
	}
	if n := r2.Catalogue().Len(); n != 7 {
		t.Fatalf("replica 2 has %d releases", n)
	}
	// The feed's sanctions entry has the same URL as no file release; the
	// file's sanctions release has another URL, so both stay.
	store := releases.NewStore(rdb, "")
	if err := store.SetLinesToTake(ctx, "2024-03-04-pm-call-with-president-of-ruritania", []string{"A warm call."}); err != nil {
		t.Fatal(err)
	}
	before := r2.Catalogue()
	if err := ref2.Sync(ctx, false); err != nil {
		t.Fatal(err)
	}
	if r2.Catalogue() == before {
		t.Fatal("replica 2 did not reload after the version moved")
	}
	if rel, _ := r2.Catalogue().Release("2024-03-04-pm-call-with-president-of-ruritania"); len(rel.LinesToTake) != 1 {
		t.Errorf("lines to take not seen by replica 2: %v", rel.LinesToTake)
	}
	same := r2.Catalogue()
	if err := ref2.Sync(ctx, false); err != nil || r2.Catalogue() != same {
		t.Error("a sync without a version change should not rebuild the catalogue")
	}
	// A feed refresh that changes nothing writes nothing.
	v, _ := store.Version(ctx)
	if n, err := ref1.RefreshFeed(ctx, 1); err != nil || n != 0 {
		t.Errorf("unchanged feed: %d changed, %v", n, err)
	}
	if v2, _ := store.Version(ctx); v2 != v {
		t.Errorf("version moved %d → %d on an unchanged feed", v, v2)
	}
}

// TestRefresherSchedule starts and stops the feed schedule (nothing is
// waited for: the first run would be at the next quarter hour) and applies
// an update without a store.
func TestRefresherSchedule(t *testing.T) {
	cfg := testDesk(t)
	cfg.Releases.Sources = append(cfg.Releases.Sources, cfg.Releases.Sources[0])
	cfg.Releases.Sources[1].File, cfg.Releases.Sources[1].Feed = "", "https://feeds.test.invalid/atom"
	cfg.Releases.Sources[1].Schedule = "*/15 * * * *"
	r := testRouter(t)
	ref := releases.NewRefresher(cfg, r.ReleaseCatalogue(), releases.RefresherOptions{})
	if err := ref.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	ref.Stop()

	before := r.Catalogue()
	n, err := ref.Apply(context.Background(), []Release{{ID: "new", Title: "A new item", URL: "https://www.gov.uk/government/news/a-new-item",
		Published: time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC), DateOnly: true}})
	if err != nil || n != 1 || r.Catalogue() == before || r.Catalogue().Len() != before.Len()+1 {
		t.Errorf("Apply: %d, %v, %d releases", n, err, r.Catalogue().Len())
	}

	cfg.Releases.Sources[1].Schedule = "every day"
	if err := releases.NewRefresher(cfg, r.ReleaseCatalogue(), releases.RefresherOptions{}).Start(context.Background()); err == nil {
		t.Error("a bad schedule should not start")
	}
}
