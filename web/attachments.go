package web

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// Attachments are never stored in Redis: the message document lists them
// (name, type, size and the part's index, recorded by mailparse at
// ingest), and a download fetches the raw message from the mailbox by its
// (mailbox, folder, UIDVALIDITY, UID) pointer, read-only (BODY.PEEK[]),
// extracts the part and serves it as a download that no browser renders.

// IMAPDialer opens a logged-in IMAP connection to a configured mailbox
// with its own sign-in (a password or OAuth2 token).
type IMAPDialer func(ctx context.Context, mailbox string) (*imapclient.Client, error)

// Errors of a download.
var (
	// ErrUIDValidity: the folder was recreated since the message was
	// ingested, so its UID no longer names it.
	ErrUIDValidity = errors.New("the mailbox folder's UIDVALIDITY changed since the message was ingested")
	// ErrNotInMailbox: the pointer names no message (deleted, expunged or
	// moved).
	ErrNotInMailbox = errors.New("the message is no longer in the mailbox")
	// errOtherMessage: the pointer names a different message.
	errOtherMessage = errors.New("the mailbox message at that pointer is a different message")
)

// attachmentTimeout bounds one download's IMAP session.
const attachmentTimeout = 60 * time.Second

func init() {
	routeRoles["GET /enquiries/{ref}/messages/{id}/attachments/{n}"] = config.RoleOfficer
}

func (s *Server) registerAttachments(mux *http.ServeMux) {
	mux.HandleFunc("GET /enquiries/{ref}/messages/{id}/attachments/{n}", s.attachment)
}

func (s *Server) attachment(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := CurrentUser(ctx)
	ref, mkey := r.PathValue("ref"), r.PathValue("id")
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 0 {
		s.errorPage(w, r, http.StatusNotFound, "no such attachment")
		return
	}
	e, err := s.readEnquiry(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "no enquiry "+ref)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !u.Can(ActView, e) {
		s.errorPage(w, r, http.StatusForbidden, "you may not see this enquiry")
		return
	}
	m, err := s.st.Message(ctx, mkey)
	if errors.Is(err, store.ErrNotFound) || (err == nil && m.Ref != ref) {
		s.errorPage(w, r, http.StatusNotFound, "no such message in "+ref)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var listed *mailparse.Attachment
	for i := range m.Attachments {
		if m.Attachments[i].Index == n {
			listed = &m.Attachments[i]
		}
	}
	if listed == nil {
		s.errorPage(w, r, http.StatusNotFound, "the message has no attachment "+strconv.Itoa(n))
		return
	}
	if m.Source.Mailbox == "" || m.Source.IsCall() || s.cfg.Mailbox(m.Source.Mailbox) == nil {
		s.errorPage(w, r, http.StatusNotFound, "the message did not come from a configured mailbox, so its attachments cannot be fetched")
		return
	}
	if s.o.DialIMAP == nil {
		s.errorPage(w, r, http.StatusServiceUnavailable, "attachments cannot be downloaded on this server (no mailbox access)")
		return
	}
	fctx, cancel := context.WithTimeout(ctx, attachmentTimeout)
	defer cancel()
	raw, err := s.fetchRaw(fctx, m)
	if err != nil {
		status, msg := http.StatusBadGateway, "the mailbox could not be read: "+err.Error()
		switch {
		case errors.Is(err, ErrUIDValidity):
			status, msg = http.StatusConflict, err.Error()+"; the attachment cannot be fetched by its old pointer (run `mediadesk reindex` to record the folder again)"
		case errors.Is(err, ErrNotInMailbox), errors.Is(err, errOtherMessage):
			status, msg = http.StatusGone, err.Error()
		}
		s.log.Warn("attachment download failed", "ref", ref, "mkey", mkey, "index", n, "user", u.ID, "err", err)
		s.errorPage(w, r, status, msg)
		return
	}
	att, body, err := mailparse.Part(raw, n)
	if err != nil {
		s.log.Warn("attachment not found in the fetched message", "ref", ref, "mkey", mkey, "index", n, "err", err)
		s.errorPage(w, r, http.StatusGone, "the attachment was not found in the mailbox copy of the message")
		return
	}
	name := SafeFilename(att.Filename, n, att.ContentType)
	s.log.Info("attachment downloaded", "ref", ref, "mkey", mkey, "index", n, "user", u.ID,
		"bytes", len(body), "type", att.ContentType, "filename", name)
	h := w.Header()
	h.Set("Content-Type", SafeContentType(att.ContentType))
	h.Set("Content-Disposition", ContentDisposition(name))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// fetchRaw reads the raw message m came from, read-only, checking that the
// folder's UIDVALIDITY is the one recorded and that the message there is m.
// A message the ingest has moved since (mailboxes[].processed_folder) is
// looked up there by its Message-ID.
func (s *Server) fetchRaw(ctx context.Context, m *store.Message) ([]byte, error) {
	src := m.Source
	c, err := s.o.DialIMAP(ctx, src.Mailbox)
	if err != nil {
		return nil, fmt.Errorf("connect to mailbox %s: %w", src.Mailbox, err)
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	sel, err := c.Select(src.Folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fmt.Errorf("open folder %s: %w", src.Folder, err)
	}
	if sel.UIDValidity != src.UIDValidity {
		return nil, fmt.Errorf("%w (folder %s/%s: recorded %d, now %d)", ErrUIDValidity, src.Mailbox, src.Folder, src.UIDValidity, sel.UIDValidity)
	}
	raw, err := s.fetchUID(c, src.Folder, src.UID)
	if errors.Is(err, ErrNotInMailbox) && !m.DerivedID && m.MessageID != "" {
		if mb := s.cfg.Mailbox(src.Mailbox); mb != nil && mb.ProcessedFolder != "" && mb.ProcessedFolder != src.Folder {
			raw, err = s.fetchMoved(c, mb.ProcessedFolder, m.MessageID)
		}
	}
	if err != nil {
		return nil, err
	}
	_ = c.Logout().Wait()
	got, err := mailparse.Parse(raw, mailparse.Options{MaxSize: int64(len(raw)) + 1})
	if err != nil || got.MessageID != m.MessageID {
		return nil, fmt.Errorf("%w (%s/%s uid %d)", errOtherMessage, src.Mailbox, src.Folder, src.UID)
	}
	return raw, nil
}

// fetchMoved finds a message by Message-ID in folder and fetches it.
func (s *Server) fetchMoved(c *imapclient.Client, folder, messageID string) ([]byte, error) {
	if _, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return nil, fmt.Errorf("open folder %s: %w", folder, err)
	}
	found, err := c.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: messageID}}}, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", folder, err)
	}
	uids := found.AllUIDs()
	if len(uids) == 0 {
		return nil, fmt.Errorf("%w (not in %s either)", ErrNotInMailbox, folder)
	}
	return s.fetchUID(c, folder, uint32(uids[len(uids)-1]))
}

// fetchUID fetches one message of the selected folder (BODY.PEEK[]),
// refusing one over ingest.max_message_size.
func (s *Server) fetchUID(c *imapclient.Client, folder string, uid uint32) ([]byte, error) {
	max := s.cfg.Ingest.MaxMessageSize
	if max <= 0 {
		max = mailparse.DefaultMaxSize
	}
	set := imap.UIDSetNum(imap.UID(uid))
	sizes, err := c.Fetch(set, &imap.FetchOptions{UID: true, RFC822Size: true}).Collect()
	if err != nil {
		return nil, fmt.Errorf("fetch %s uid %d: %w", folder, uid, err)
	}
	if len(sizes) == 0 || uint32(sizes[0].UID) != uid {
		return nil, fmt.Errorf("%w (%s uid %d)", ErrNotInMailbox, folder, uid)
	}
	if sizes[0].RFC822Size > max {
		return nil, fmt.Errorf("the message is %d bytes, over ingest.max_message_size (%d)", sizes[0].RFC822Size, max)
	}
	bufs, err := c.Fetch(set, &imap.FetchOptions{UID: true,
		BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil {
		return nil, fmt.Errorf("fetch %s uid %d: %w", folder, uid, err)
	}
	if len(bufs) == 0 || len(bufs[0].BodySection) == 0 {
		return nil, fmt.Errorf("%w (%s uid %d)", ErrNotInMailbox, folder, uid)
	}
	return bufs[0].BodySection[0].Bytes, nil
}

// safeTypes are the content types served as themselves; everything else
// is application/octet-stream (never HTML, SVG, XML or script).
var safeTypes = map[string]bool{
	"application/pdf": true, "image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true,
	"text/plain": true, "text/csv": true, "audio/mpeg": true, "video/mp4": true, "application/zip": true,
	"application/msword": true, "application/vnd.ms-excel": true, "application/vnd.ms-powerpoint": true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   true,
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         true,
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": true,
	"application/vnd.oasis.opendocument.text":                                   true,
	"application/vnd.oasis.opendocument.spreadsheet":                            true,
}

// SafeContentType is the Content-Type an attachment is served with.
func SafeContentType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || !safeTypes[strings.ToLower(mt)] {
		return "application/octet-stream"
	}
	mt = strings.ToLower(mt)
	if strings.HasPrefix(mt, "text/") {
		return mt + "; charset=utf-8"
	}
	return mt
}

// maxFilenameRunes bounds a served file name.
const maxFilenameRunes = 120

// SafeFilename turns a sender's file name into one safe to offer: the last
// path element, no control, format (bidi overrides, zero-width) or
// separator characters, no leading dots, at most maxFilenameRunes; an
// empty result is "attachment-<n>" with an extension from the type.
func SafeFilename(name string, n int, contentType string) string {
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, "_")
	}
	name = strings.ReplaceAll(name, "\\", "/")
	if name = path.Base("/" + name); name == "/" {
		name = ""
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
			// dropped: CR, LF, NUL, RTL/LTR overrides, zero-width joiners
		case strings.ContainsRune(`/\:*?"<>|;`, r):
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.TrimLeft(strings.TrimSpace(b.String()), ". ")
	name = strings.TrimRight(name, ". ")
	if utf8.RuneCountInString(name) > maxFilenameRunes {
		ext := path.Ext(name)
		if utf8.RuneCountInString(ext) > 10 {
			ext = ""
		}
		rs := []rune(strings.TrimSuffix(name, ext))
		name = string(rs[:maxFilenameRunes-utf8.RuneCountInString(ext)]) + ext
	}
	if name == "" {
		name = "attachment-" + strconv.Itoa(n)
		if exts, _ := mime.ExtensionsByType(SafeContentType(contentType)); len(exts) > 0 && SafeContentType(contentType) != "application/octet-stream" {
			name += exts[0]
		}
	}
	return name
}

// ContentDisposition is an attachment disposition for a safe name: an
// ASCII fallback filename and the exact name as RFC 5987 filename*.
func ContentDisposition(name string) string {
	var ascii strings.Builder
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' {
			ascii.WriteByte('_')
		} else {
			ascii.WriteRune(r)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + rfc5987(name)
}

// rfc5987 percent-encodes everything but attr-char.
func rfc5987(s string) string {
	const attr = "!#$&+-.^_`|~"
	var b strings.Builder
	for _, c := range []byte(s) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(attr, c) >= 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
