package mailparse

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const partMail = "From: Jo <jo@bbc.co.uk>\r\nTo: press@desk.example\r\nSubject: files\r\nMessage-ID: <p@x>\r\n" +
	"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n" +
	"--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
	"--b1\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJcfs\r\n" +
	"--b1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"a.csv\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nname,city\r\nBlerina =C3=87ela,Tirana\r\n" +
	"--b1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\nFrom: a@b.c\r\nSubject: inner\r\n\r\ninner body\r\n" +
	"--b1--\r\n"

// TestPart: each listed attachment is found again by its index and decoded.
func TestPart(t *testing.T) {
	m, err := Parse([]byte(partMail), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 3 {
		t.Fatalf("attachments %+v", m.Attachments)
	}
	want := [][]byte{[]byte("%PDF-1.4\n%\xc7\xec"), []byte("name,city\r\nBlerina Çela,Tirana"), []byte("From: a@b.c\r\nSubject: inner\r\n\r\ninner body")}
	for i, a := range m.Attachments {
		got, body, err := Part([]byte(partMail), a.Index)
		if err != nil {
			t.Fatalf("part %d: %v", a.Index, err)
		}
		if got != a || int64(len(body)) != a.Size {
			t.Errorf("part %d: %+v (%d bytes), listed as %+v", a.Index, got, len(body), a)
		}
		if !bytes.Equal(body, want[i]) {
			t.Errorf("part %d: %q, want %q", a.Index, body, want[i])
		}
	}
	for _, idx := range []int{0, 99, -1} { // 0 is the body text, not an attachment
		if _, _, err := Part([]byte(partMail), idx); !errors.Is(err, ErrNoPart) {
			t.Errorf("index %d: %v, want ErrNoPart", idx, err)
		}
	}
	if _, _, err := Part([]byte(strings.Repeat(" ", 10)), 1); err == nil {
		t.Error("empty message: no error")
	}
}
