package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/store"
)

// Line approval (managers) and the bulk answer (officers): an approved
// line to take sent to chosen enquiries of a release, each as its own
// reply through outbound.Reply — threaded on the journalist's last
// message, recorded on the enquiry's timeline and meeting its clocks like
// any reply.

// maxBulk bounds the enquiries one bulk answer goes to.
const maxBulk = 200

func init() {
	flashes["line-approved"] = "Line approved: officers can send it until it expires."
	flashes["line-withdrawn"] = "Line returned to draft: it is no longer offered for sending."
	flashes["bulk-sent"] = "Replies queued: each is sent and recorded on its enquiry's timeline once the mail server accepts it."
}

// bulkOutcome is what became of one enquiry of a bulk answer.
type bulkOutcome struct {
	Ref   string
	OK    bool
	Error string
}

// lineAction approves a line (with an expiry) or returns it to draft.
func (s *Server) lineAction(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	id, key, op := r.PathValue("id"), r.PathValue("key"), r.PathValue("op")
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	_ = r.ParseForm()
	now := s.clock.Now()
	var err error
	var code string
	switch op {
	case "approve":
		var exp time.Time
		exp, err = time.ParseInLocation("2006-01-02T15:04", strings.TrimSpace(r.PostFormValue("expires")), s.loc())
		if err != nil {
			err = badInput("Give the expiry as a date and time.")
			break
		}
		var l releases.Line
		l, err = s.releases.ApproveLine(ctx, id, key, u.ID, now, exp)
		if err == nil {
			s.log.Info("line to take approved", "release", id, "line", key, "user", u.ID, "expires", exp, "text_len", len(l.Text))
		}
		code = "line-approved"
	case "withdraw":
		err = s.releases.WithdrawLine(ctx, id, key, u.ID, now)
		if err == nil {
			s.log.Info("line to take withdrawn", "release", id, "line", key, "user", u.ID)
		}
		code = "line-withdrawn"
	default:
		s.errorPage(w, r, http.StatusNotFound, "no such action")
		return
	}
	switch {
	case errors.Is(err, releases.ErrNoRelease):
		s.errorPage(w, r, http.StatusNotFound, "no such release")
		return
	case errors.Is(err, releases.ErrNoLine):
		err = conflictInput("That line has changed since the page was loaded; nothing was approved. Reload and try again.")
	case errors.Is(err, releases.ErrBadExpiry):
		err = badInput("The expiry must be in the future.")
	}
	if err != nil {
		s.releaseError(w, r, id, err)
		return
	}
	http.Redirect(w, r, "/releases/"+url.PathEscape(id)+"?done="+code+"#lines", http.StatusSeeOther)
}

// conflictInput is a refusal shown as 409.
type conflictInput string

func (c conflictInput) Error() string { return string(c) }

func (s *Server) releaseError(w http.ResponseWriter, r *http.Request, id string, err error) {
	status, msg := actionError(err)
	var c conflictInput
	if errors.As(err, &c) {
		status, msg = http.StatusConflict, string(c)
	}
	if status == http.StatusInternalServerError {
		s.log.Error("release action", "release", id, "err", err)
	}
	rel, ok, gerr := s.releases.Get(r.Context(), id)
	if gerr != nil || !ok {
		s.fail(w, r, err)
		return
	}
	s.showRelease(w, r, status, rel, &flash{Error: true, Text: msg}, strings.Join(rel.LinesToTake, "\n"))
}

// validNonce: the page's nonce (randomToken) or a client's, kept short
// and plain because it becomes part of outbox keys.
func validNonce(n string) bool {
	if n == "" || len(n) > 64 {
		return false
	}
	for _, c := range n {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// sendLine sends an approved line to the chosen enquiries of a release.
// The sender is the signed-in user; the form's nonce makes a double
// submit send once per enquiry (outbound's idempotent request id).
func (s *Server) sendLine(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	id := r.PathValue("id")
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	_ = r.ParseForm()
	f := r.PostForm
	rel, ok, err := s.releases.Get(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "no such release")
		return
	}
	out, sent, err := s.bulkAnswer(ctx, u, id, f.Get("line"), f.Get("kind"), f.Get("nonce"), f["ref"])
	if err != nil {
		s.releaseError(w, r, id, err)
		return
	}
	if len(sent) == len(out) {
		http.Redirect(w, r, "/releases/"+url.PathEscape(id)+"?done=bulk-sent", http.StatusSeeOther)
		return
	}
	status := http.StatusOK
	msg := "Sent to " + strconv.Itoa(len(sent)) + " of " + strconv.Itoa(len(out)) + " enquiries; see below for the others."
	if len(sent) == 0 {
		status = http.StatusConflict
		msg = "Nothing was sent; see below why."
	}
	s.showReleaseWith(w, r, status, rel, &flash{Error: true, Text: msg}, strings.Join(rel.LinesToTake, "\n"), out)
}

// bulkAnswer sends the release's line lineKey as a reply of kind
// (substantive when "") from u to each of refs, once per nonce, and
// records the send in the release's line history. Only an approved line
// that has not expired is sent: a draft or expired one is a
// conflictInput and nothing is sent. It returns what became of each
// enquiry and the refs sent to; its error is a badInput, a conflictInput
// or an internal error, with nothing sent.
func (s *Server) bulkAnswer(ctx context.Context, u *User, id, lineKey, kind, nonce string, refList []string) ([]bulkOutcome, []string, error) {
	if kind == "" {
		kind = string(store.Substantive)
	}
	var refs []string
	seen := map[string]bool{}
	for _, ref := range refList {
		if ref = strings.TrimSpace(ref); ref != "" && !seen[ref] {
			seen[ref] = true
			refs = append(refs, ref)
		}
	}
	var err error
	var line *releases.Line
	switch {
	case s.o.Replies == nil:
		err = badInput("Replying from the dashboard is not available on this desk.")
	case !validNonce(nonce):
		err = badInput("The form is missing its send token; reload the page.")
	case kind != string(store.Substantive) && kind != string(store.Holding):
		err = badInput("Choose a holding or a substantive reply.")
	case len(refs) == 0:
		err = badInput("Choose at least one enquiry.")
	case len(refs) > maxBulk:
		err = badInput("At most " + strconv.Itoa(maxBulk) + " enquiries at once.")
	}
	if err == nil {
		var lines []releases.Line
		lines, err = s.releases.Lines(ctx, id, s.clock.Now())
		for i := range lines {
			if lines[i].Key == lineKey {
				line = &lines[i]
			}
		}
		switch {
		case err != nil:
		case line == nil:
			err = conflictInput("Choose a line to take (it may have been edited since the page was loaded).")
		case line.State == releases.LineExpired:
			err = conflictInput("That line to take has expired; nothing was sent.")
		case line.State != releases.LineApproved:
			err = conflictInput("That line to take is not approved; nothing was sent.")
		}
	}
	if err != nil {
		return nil, nil, err
	}
	var out []bulkOutcome
	var sent []string
	for _, ref := range refs {
		o := bulkOutcome{Ref: ref}
		e, err := s.st.Enquiry(ctx, ref)
		switch {
		case errors.Is(err, store.ErrNotFound):
			o.Error = "no such enquiry"
		case err != nil:
			s.log.Error("bulk answer: read enquiry", "ref", ref, "err", err)
			o.Error = "could not be read"
		case e.Release != id:
			o.Error = "not an enquiry about this release"
		case e.Status == store.StatusResolved:
			o.Error = "resolved"
		case !u.Can(ActReply, e):
			o.Error = "not yours to answer"
		default:
			_, err = s.o.Replies.Reply(ctx, ref, outbound.ReplyRequest{
				Body: line.Text, Kind: kind, By: u.ID, ID: "bulk-" + nonce,
			})
			if err != nil {
				status, msg := actionError(err)
				if status == http.StatusInternalServerError {
					s.log.Error("bulk answer: reply", "ref", ref, "err", err)
				}
				o.Error = msg
			} else {
				o.OK = true
				sent = append(sent, ref)
			}
		}
		out = append(out, o)
	}
	if len(sent) > 0 {
		// Record once per form: a double submit is the same send.
		first, err := s.keys.Client().SetNX(ctx, s.keys.Key("bulk:"+id+":"+nonce), strings.Join(sent, " "), 7*24*time.Hour).Result()
		if err != nil {
			s.log.Warn("bulk answer: nonce", "err", err)
		}
		if first || err != nil {
			if err := s.releases.RecordLineEvent(ctx, id, releases.LineEvent{At: s.clock.Now(), By: u.ID, What: "sent",
				Key: line.Key, Text: line.Text, Detail: kind + " reply to " + strings.Join(sent, ", ")}); err != nil {
				s.log.Warn("bulk answer: history", "release", id, "err", err)
			}
		}
	}
	s.log.Info("bulk answer", "release", id, "line", line.Key, "user", u.ID, "asked", len(refs), "sent", len(sent))
	return out, sent, nil
}
