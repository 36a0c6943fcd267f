package routing

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
)

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

func TestReleaseStore(t *testing.T) {
	ctx := context.Background()
	rdb := testRedis(t)
	s := NewReleaseStore(rdb, "")
	if v, err := s.Version(ctx); err != nil || v != 0 {
		t.Fatalf("empty store version %d %v", v, err)
	}
	cat := testCatalogue(t)
	n, err := s.Put(ctx, cat.releases)
	if err != nil || n != cat.Len() {
		t.Fatalf("Put wrote %d, %v", n, err)
	}
	if n, err := s.Put(ctx, cat.releases); err != nil || n != 0 {
		t.Errorf("an unchanged Put wrote %d, %v", n, err)
	}
	v1, _ := s.Version(ctx)
	if v1 != 1 {
		t.Errorf("version %d after one effective write", v1)
	}
	if keys, _ := rdb.Keys(ctx, "{md}:*").Result(); len(keys) != 2 {
		t.Errorf("keys %v", keys)
	}
	const id = "2024-03-05-ruritania-returns-agreement"
	if err := s.SetLinesToTake(ctx, id, []string{"We welcome it.", "", "Returns work."}); err != nil {
		t.Fatal(err)
	}
	r, ok, err := s.Get(ctx, id)
	if err != nil || !ok || len(r.LinesToTake) != 2 || r.LinesToTake[1] != "Returns work." {
		t.Fatalf("Get after SetLinesToTake: %+v %v %v", r.LinesToTake, ok, err)
	}
	if !r.Published.Equal(time.Date(2024, 3, 5, 11, 0, 0, 0, time.UTC)) {
		t.Errorf("published lost precision: %v", r.Published)
	}
	// A file or feed update without lines to take keeps the edited ones.
	upd := r
	upd.LinesToTake, upd.Title = nil, "UK and Ruritania sign returns agreement (updated)"
	if n, err := s.Put(ctx, []Release{upd}); err != nil || n != 1 {
		t.Fatalf("update wrote %d %v", n, err)
	}
	r, _, _ = s.Get(ctx, id)
	if len(r.LinesToTake) != 2 || r.Title != upd.Title {
		t.Errorf("after update: %q %v", r.Title, r.LinesToTake)
	}
	if err := s.SetLinesToTake(ctx, "nope", []string{"x"}); !errors.Is(err, ErrNoRelease) {
		t.Errorf("unknown id: %v", err)
	}
	all, v, err := s.All(ctx)
	if err != nil || len(all) != cat.Len() || v != 3 {
		t.Errorf("All: %d releases, version %d, %v", len(all), v, err)
	}
	// A corrupt value is reported, the rest still load.
	rdb.HSet(ctx, "{md}:releases", "bad", "{not json")
	all, _, err = s.All(ctx)
	if err == nil || len(all) != cat.Len() {
		t.Errorf("corrupt entry: %d releases, %v", len(all), err)
	}
}

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

	newReplica := func() (*Router, *Refresher) {
		r, err := NewRouter(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		ref := NewRefresher(cfg, r, RefresherOptions{Store: NewReleaseStore(rdb, ""), Fetcher: &FeedFetcher{Client: feed.Client()}})
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
	store := NewReleaseStore(rdb, "")
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
	ref := NewRefresher(cfg, r, RefresherOptions{})
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
	if err := NewRefresher(cfg, r, RefresherOptions{}).Start(context.Background()); err == nil {
		t.Error("a bad schedule should not start")
	}
}
