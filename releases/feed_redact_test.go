package releases

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestFeedFetcherHidesCredentials: a feed URL carrying a password or a
// token never shows them, in any error (HTTP status, timeout, an
// unparsable URL) or in the releases' Source.
func TestFeedFetcherHidesCredentials(t *testing.T) {
	const pw = "Fe3dSecret"
	mux := http.NewServeMux()
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		_, _ = w.Write([]byte(atomSample))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := srv.Client()
	client.Timeout = 200 * time.Millisecond
	f := &FeedFetcher{Client: client}
	withUser := strings.Replace(srv.URL, "http://", "http://reader:"+pw+"@", 1)
	for _, u := range []string{
		withUser + "/500",
		withUser + "/slow",
		srv.URL + "/500?token=" + pw,
		withUser + "/x%zz",
		strings.Replace(srv.URL, "http://", "http://reader:"+pw+"/x@", 1) + "/500",
	} {
		_, err := f.Fetch(context.Background(), u, nil)
		if err == nil {
			t.Errorf("%s: no error", u)
			continue
		}
		if strings.Contains(err.Error(), pw) || strings.Contains(err.Error(), pw[:4]) {
			t.Errorf("the credentials show: %v", err)
		}
		if !strings.Contains(err.Error(), "feed ") {
			t.Errorf("the error does not name the feed: %v", err)
		}
	}
	res, err := f.Fetch(context.Background(), withUser+"/ok?token="+pw, nil)
	if err != nil || len(res.Releases) == 0 {
		t.Fatalf("fetch: %v", err)
	}
	for _, r := range res.Releases {
		if strings.Contains(r.Source, pw) || !strings.Contains(r.Source, "/ok") {
			t.Errorf("release source %q", r.Source)
		}
	}
}
