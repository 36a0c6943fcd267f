package web

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/mediadesk/mediadesk/internal/servers"
	"github.com/mediadesk/mediadesk/internal/servers/servertest"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/store"
)

// pdfBytes is the decoded content of attachMail's PDF part.
const pdfBytes = "%PDF-1.4\n%\xc7\xec"

// attachMail has a PDF, an HTML file with a hostile name (a path, quotes,
// CR LF and a right-to-left override, RFC 2231-encoded) and an SVG.
const attachMail = "From: Jo Reporter <jo@bbc.co.uk>\r\nTo: press@desk.example.gov.uk\r\nSubject: Files for you\r\n" +
	"Date: Mon, 16 Oct 2023 10:20:00 +0100\r\nMessage-ID: <files-1@bbc.co.uk>\r\n" +
	"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n" +
	"--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
	"--b1\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfs\r\n" +
	"--b1\r\nContent-Type: text/html\r\nContent-Disposition: attachment; filename*=UTF-8''..%2F..%2Fetc%2F%22evil%22%0D%0AX-Injected%3A%201%E2%80%AEgpj.exe\r\n\r\n<script>alert(1)</script>\r\n" +
	"--b1\r\nContent-Type: image/svg+xml\r\nContent-Disposition: attachment; filename=\"logo.svg\"\r\n\r\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>\r\n" +
	"--b1--\r\n"

// imapBackends runs a test against Dovecot (skipped when it is not
// installed, failed then under MEDIADESK_REQUIRE_REAL=1) and the in-process
// IMAP server.
func imapBackends(t *testing.T, test func(t *testing.T, m *servers.IMAP)) {
	t.Run("dovecot", func(t *testing.T) { test(t, servertest.RealDovecot(t)) })
	t.Run("memimap", func(t *testing.T) { test(t, servertest.MemIMAP(t)) })
}

// attachFixture appends attachMail to the server's INBOX and commits it
// as an enquiry pointing at it; it returns the fixture, ref and mkey.
func attachFixture(t *testing.T, srv *servers.IMAP) (*fixture, string, *store.Message) {
	t.Helper()
	ctx := t.Context()
	if err := srv.Append(ctx, servers.FolderInbox, []byte(attachMail)); err != nil {
		t.Fatal(err)
	}
	c, err := srv.Dial(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := c.Select(servers.FolderInbox, nil).Wait()
	if err != nil {
		t.Fatal(err)
	}
	found, err := c.UIDSearch(&imap.SearchCriteria{}, nil).Wait()
	if err != nil || len(found.AllUIDs()) != 1 {
		t.Fatalf("search: %v %v", err, found)
	}
	uid := uint32(found.AllUIDs()[0])
	c.Logout().Wait()
	c.Close()

	f := newFixtureOn(t, servertest.Redis(t), func(o *Options) {
		o.DialIMAP = func(ctx context.Context, id string) (*imapclient.Client, error) {
			if id != "desk" {
				t.Errorf("dialled mailbox %q", id)
			}
			return srv.Dial(ctx, nil)
		}
	})
	m, err := mailparse.Parse([]byte(attachMail), mailparse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := f.clock.Now()
	out, err := f.st.Commit(f.ctx, []store.Incoming{{
		Source:   store.Source{Mailbox: "desk", Folder: servers.FolderInbox, UIDValidity: sel.UIDValidity, UID: uid},
		Received: now, Size: m.Size, Msg: m,
		New: &store.NewEnquiry{Topic: "europe", Officer: "ann", Policy: "standard"},
	}}, store.CommitOptions{})
	if err != nil || out[0].Kind != "enquiry" {
		t.Fatalf("commit: %v %+v", err, out)
	}
	sm, err := f.st.Message(f.ctx, out[0].MKey)
	if err != nil || len(sm.Attachments) != 3 {
		t.Fatalf("message: %v %+v", err, sm)
	}
	return f, out[0].Ref, sm
}

// TestAttachmentDownload: an attachment is fetched from the mailbox on
// demand and served as a download no browser renders: its bytes, a safe
// type, nosniff, a sandbox CSP and a sanitised file name.
func TestAttachmentDownload(t *testing.T) {
	imapBackends(t, func(t *testing.T, srv *servers.IMAP) {
		f, ref, m := attachFixture(t, srv)
		c := f.client().loginAs("bob")
		page := c.get("/enquiries/" + ref)
		if link := `href="` + AttachmentURL(ref, m.Key, m.Attachments[0].Index) + `" download>report.pdf</a>`; !strings.Contains(page.Body.String(), link) {
			t.Errorf("the enquiry page has no download link %s", link)
		}
		get := func(i int) *http.Response {
			return c.get(AttachmentURL(ref, m.Key, m.Attachments[i].Index)).Result()
		}
		res := get(0)
		body := readAll(t, res)
		if res.StatusCode != 200 || body != pdfBytes {
			t.Fatalf("pdf: %d %q", res.StatusCode, body)
		}
		for k, want := range map[string]string{
			"Content-Type":            "application/pdf",
			"Content-Disposition":     `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
			"X-Content-Type-Options":  "nosniff",
			"Content-Security-Policy": "sandbox; default-src 'none'",
		} {
			if got := res.Header.Get(k); got != want {
				t.Errorf("%s: %q, want %q", k, got, want)
			}
		}
		// The hostile name and the HTML type.
		res = get(1)
		body = readAll(t, res)
		cd := res.Header.Get("Content-Disposition")
		if res.StatusCode != 200 || body != "<script>alert(1)</script>" {
			t.Fatalf("html part: %d %q", res.StatusCode, body)
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/octet-stream" {
			t.Errorf("html served as %q", ct)
		}
		if want := `attachment; filename="_evil_X-Injected_ 1gpj.exe"; filename*=UTF-8''_evil_X-Injected_%201gpj.exe`; cd != want {
			t.Errorf("hostile name: %q, want %q", cd, want)
		}
		if ct := get(2).Header.Get("Content-Type"); ct != "application/octet-stream" {
			t.Errorf("svg served as %q", ct)
		}
		// Unknown message, attachment, or a message of another enquiry.
		other := f.plain("Other", "ann")
		for _, p := range []string{
			"/enquiries/" + ref + "/messages/nosuchmessage/attachments/1",
			"/enquiries/" + ref + "/messages/" + m.Key + "/attachments/0",
			"/enquiries/" + ref + "/messages/" + m.Key + "/attachments/99",
			"/enquiries/" + ref + "/messages/" + m.Key + "/attachments/-1",
			"/enquiries/" + other + "/messages/" + m.Key + "/attachments/1",
			"/enquiries/TEST-2023-999999/messages/" + m.Key + "/attachments/1",
		} {
			if rec := c.get(p); rec.Code != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", p, rec.Code)
			}
		}
		// Signed out: nothing.
		if rec := f.client().get(AttachmentURL(ref, m.Key, 1)); rec.Code == http.StatusOK {
			t.Errorf("anonymous download: %d", rec.Code)
		}
		// The folder recreated: a clear error, not another message's bytes.
		if _, err := srv.RecreateFolder(t.Context(), servers.FolderInbox); err != nil {
			t.Fatal(err)
		}
		rec := c.get(AttachmentURL(ref, m.Key, m.Attachments[0].Index))
		if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "UIDVALIDITY") {
			t.Errorf("after the folder was recreated: %d %s", rec.Code, rec.Body.String())
		}
	})
}

// TestAttachmentMoved: a message the ingest moved to the processed folder
// is found there by its Message-ID; one gone from both is 410 Gone.
func TestAttachmentMoved(t *testing.T) {
	imapBackends(t, func(t *testing.T, srv *servers.IMAP) {
		f, ref, m := attachFixture(t, srv)
		url := AttachmentURL(ref, m.Key, m.Attachments[0].Index)
		c := f.client().loginAs("ann")
		ic, err := srv.Dial(t.Context(), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer ic.Close()
		if _, err := ic.Select(servers.FolderInbox, nil).Wait(); err != nil {
			t.Fatal(err)
		}
		if _, err := ic.Move(imap.UIDSetNum(imap.UID(m.Source.UID)), servers.FolderProcessed).Wait(); err != nil {
			t.Fatal(err)
		}
		if rec := c.get(url); rec.Code != http.StatusGone {
			t.Errorf("moved, no processed_folder configured: %d, want 410", rec.Code)
		}
		f.cfg.Mailboxes[0].ProcessedFolder = servers.FolderProcessed
		if rec := c.get(url); rec.Code != 200 || rec.Body.String() != pdfBytes {
			t.Errorf("moved to the processed folder: %d %q", rec.Code, rec.Body.String())
		}
	})
}

// TestAttachmentUnavailable: a logged call has no mailbox copy, and a
// server without mailbox access says so instead of failing.
func TestAttachmentUnavailable(t *testing.T) {
	f := newFixture(t)
	m, err := mailparse.Parse([]byte(attachMail), mailparse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := f.commit(m, nil)
	sm, err := f.st.Messages(f.ctx, ref)
	if err != nil || len(sm) != 1 {
		t.Fatal(err)
	}
	c := f.client().loginAs("ann")
	if rec := c.get(AttachmentURL(ref, sm[0].Key, sm[0].Attachments[0].Index)); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("no DialIMAP: %d, want 503", rec.Code)
	}
}

func TestSafeFilename(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"report.pdf", "report.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\x\evil.exe`, "evil.exe"},
		{"a\r\nContent-Type: text/html", "html"},
		{"invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"zero\u200Bwidth.txt", "zerowidth.txt"},
		{`say "hi".txt`, "say _hi_.txt"},
		{".htaccess", "htaccess"},
		{"...", "attachment-3"},
		{"", "attachment-3"},
		{"Blerina Çela.docx", "Blerina Çela.docx"},
		{"bad\xffutf8.txt", "bad_utf8.txt"},
		{strings.Repeat("a", 300) + ".pdf", strings.Repeat("a", 116) + ".pdf"},
	} {
		if got := SafeFilename(tc.in, 3, "application/x-unknown"); got != tc.want {
			t.Errorf("SafeFilename(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if cd := ContentDisposition("Blerina Çela \"x\".pdf"); cd != `attachment; filename="Blerina _ela _x_.pdf"; filename*=UTF-8''Blerina%20%C3%87ela%20%22x%22.pdf` {
		t.Errorf("ContentDisposition: %s", cd)
	}
}

func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
