package outbound

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestReplySenderIsNeverReadFromJSON: at the outbound layer no request
// body can name a reply's sender. ReplyRequest does not read "by" from
// JSON; outbound serves no route that reads a reply from a body (the old
// one read the first of `{"by":"meg"}{}` and trusted it); and Reply
// without a sender refuses, queueing nothing.
func TestReplySenderIsNeverReadFromJSON(t *testing.T) {
	var r ReplyRequest
	if err := json.Unmarshal([]byte(`{"body":"x","kind":"holding","by":"meg","BY":"meg"}`), &r); err != nil || r.By != "" {
		t.Fatalf("ReplyRequest read a sender from JSON: %+v %v", r, err)
	}
	e := newEnv(t, "", nil)
	ref := e.commit(1, enquiryMail("r1@bbc.co.uk", "Jo <jo@bbc.co.uk>", "Question", "q")).Ref
	mux := http.NewServeMux()
	e.svc.Routes(mux)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("POST", "/api/enquiries/"+ref+"/replies",
		strings.NewReader(`{"kind":"holding","body":"Signed by someone else","by":"meg"}{}`)))
	if rec.Code != http.StatusMethodNotAllowed && rec.Code != http.StatusNotFound {
		t.Errorf("outbound answered a reply POST itself: %d %s", rec.Code, rec.Body.String())
	}
	if _, err := e.svc.Reply(e.ctx, ref, r); !errors.Is(err, ErrBadRequest) || !strings.Contains(err.Error(), "no sender") {
		t.Errorf("a reply without a sender: %v", err)
	}
	if _, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "x", Kind: "holding", By: "mallory"}); !errors.Is(err, ErrBadRequest) {
		t.Errorf("a reply from a stranger: %v", err)
	}
	jobs, err := e.svc.outbox.ForEnquiry(e.ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if j.Kind == KindReply {
			t.Errorf("a refused reply was queued: %+v", j)
		}
	}
	// The typed request with a sender is sent as that sender.
	j, err := e.svc.Reply(e.ctx, ref, ReplyRequest{Body: "Our answer.", Kind: "substantive", By: "bob"})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.job(j.Key); !strings.Contains(string(got.Raw), "Bob Bryant") || got.Record.By != "bob" {
		t.Errorf("reply job: by %q", got.Record.By)
	}
}
