package releases

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/releases/release"
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
	s := NewStore(rdb, "")
	if v, err := s.Version(ctx); err != nil || v != 0 {
		t.Fatalf("empty store version %d %v", v, err)
	}
	rels := testReleases(t)
	n, err := s.Put(ctx, rels)
	if err != nil || n != len(rels) {
		t.Fatalf("Put wrote %d, %v", n, err)
	}
	if n, err := s.Put(ctx, rels); err != nil || n != 0 {
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
	if err != nil || len(all) != len(rels) || v != 3 {
		t.Errorf("All: %d releases, version %d, %v", len(all), v, err)
	}
	// A corrupt value is reported, the rest still load.
	rdb.HSet(ctx, "{md}:releases", "bad", "{not json")
	all, _, err = s.All(ctx)
	if err == nil || len(all) != len(rels) {
		t.Errorf("corrupt entry: %d releases, %v", len(all), err)
	}
}

// testReleases loads routing/testdata/releases.jsonl (made-up releases
// about made-up countries).
func testReleases(t testing.TB) []Release {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "routing", "testdata", "releases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rels, err := release.LoadJSONL(f)
	if err != nil {
		t.Fatal(err)
	}
	return rels
}
