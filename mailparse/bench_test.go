package mailparse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// Representative small messages: a plain-text query with a signature, an
// Outlook multipart/alternative with an HTML part, a Gmail reply with
// quoted history, an HTML-only message and a message with an attachment.
var benchMessages = map[string]string{
	"plain": "From: Lewis Farrant <lfarrant@example.co.uk>\r\nTo: newsdesk@example.gov.uk\r\n" +
		"Subject: PWRR Kosovo deployment - Kent link\r\nDate: Fri, 6 Oct 2023 14:33:47 +0100\r\n" +
		"Message-ID: <508c9a5a-f8fb-4a54-a694-5a1a041d5d6b@example.co.uk>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
		"Hi there,\r\n\r\nLewis at KentOnline. Your release says the first soldiers arrived in Pristina today to reinforce KFOR.\r\n\r\n" +
		"The PWRR has strong Kent links – are any of the 200 from Kent, and where is the battalion based now?\r\n\r\n" +
		"COP Friday would be great.\r\n\r\nCheers\r\nLewis\r\n\r\n--\r\nLewis Farrant\r\nReporter | KentOnline\r\n01632 960 412 | @LewisFarrantKM\r\n",
	"outlook": "From: Harriet Vale <harriet.vale@example.co.uk>\r\nTo: \"newsdesk@example.gov.uk\" <newsdesk@example.gov.uk>\r\n" +
		"Subject: Albania small boats - 90% figure\r\nDate: Mon, 16 Oct 2023 09:12:44 +0100\r\n" +
		"Message-ID: <LO2P265MB910257557C7BFBE3E378F645510B@LO2P265MB9102.GBRP265.PROD.OUTLOOK.COM>\r\n" +
		"Thread-Topic: Albania small boats - 90% figure\r\nX-MS-Has-Attach:\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/alternative;\r\n\tboundary=\"_000_LO2P265MB_\"\r\n\r\n" +
		"--_000_LO2P265MB_\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"Hi there,\r\n\r\nWorking on a piece for the News at One on the Foreign Secretary's trip to T=\r\nirana today.\r\n\r\n" +
		"Your release (https://www.gov.uk/government/news/foreign-secretary-to-build=\r\n-on-progress) says crossings are down 90=\r\n% \"on last year\".\r\n\r\n" +
		"Would be great to have something by 11.30am if at all possible.\r\n\r\nThanks,\r\nHarriet\r\n\r\nHarriet Vale\r\nProducer, Home & Legal Affairs\r\n" +
		"M: 07700 900 183 | T: 020 7946 0183\r\n\r\n----------------------------\r\nThis e-mail (and any attachments) is confidential.\r\n" +
		"--_000_LO2P265MB_\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<html><head><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=3D\"EN-GB\">\r\n" +
		"<div class=3D\"WordSection1\"><p class=3D\"MsoNormal\">Hi there,<o:p></o:p></p>\r\n<p class=3D\"MsoNormal\"><o:p>&nbsp;</o:p></p>\r\n" +
		"<p class=3D\"MsoNormal\">Working on a piece for the News at One.<o:p></o:p></p>\r\n" +
		"<p class=3D\"MsoNormal\">Would be great to have something by 11.30am.<o:p></o:p></p>\r\n" +
		"<p class=3D\"MsoNormal\">Thanks,<o:p></o:p></p><p class=3D\"MsoNormal\">Harriet<o:p></o:p></p></div></body></html>\r\n" +
		"--_000_LO2P265MB_--\r\n",
	"reply": "From: Joe Kettering <joe.kettering@example.com>\r\nTo: newsdesk@example.gov.uk\r\n" +
		"Subject: =?UTF-8?Q?Re=3A_Extra_=C2=A320m_Gaza_aid?=\r\nDate: Tue, 24 Oct 2023 09:12:40 +0100\r\n" +
		"Message-ID: <CAoCpir+350568BAhLTWAUvklAGXvbTt8hZHlSX_k1=csv++dMmn@mail.gmail.com>\r\n" +
		"In-Reply-To: <CA9sSGFVPROYhHcs9Dmk6U49Hj0DhPfsO1yQ4F2L0_VEjufnBOSU@mail.gmail.com>\r\n" +
		"References: <CA9sSGFVPROYhHcs9Dmk6U49Hj0DhPfsO1yQ4F2L0_VEjufnBOSU@mail.gmail.com>\r\n" +
		"Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"Morning =E2=80=93 chasing this one as I didn't hear back last night.\r\n\r\nNeed it by 11am today please.\r\n\r\nJoe\r\n\r\n" +
		"On Mon, 23 Oct 2023 at 17:29, Joe Kettering <joe.kettering@example.com> wrote:\r\n> Hi,\r\n>\r\n" +
		"> Following the PM's Commons statement at 3.30pm today.\r\n>\r\n> Deadline 6pm.\r\n>\r\n> Thanks\r\n> Joe\r\n",
	"html": "From: Dean Foulkes <dean.foulkes@example.co.uk>\r\nTo: newsdesk@example.gov.uk\r\nSubject: Sunak in Cairo - Rafah\r\n" +
		"Date: Fri, 20 Oct 2023 21:07:44 +0100\r\nMessage-ID: <DB7PR02MB776343545BE0719D067756DA62C4@example.com>\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<html><body><div style=3D\"font-family: Calibri\">\r\n<p>Hiya,</p>\r\n<p>Mirror here. Did the PM get any firm date for the Rafah crossing? =\r\n" +
		"The readout says the =C2=A310 million uplift was the &quot;first manifestation&quot; &#8212; so is more aid coming?</p>\r\n" +
		"<p>By 10.30pm please, for the late edition.</p>\r\n<p>Cheers<br>Dean</p>\r\n<p>Dean Foulkes<br>Political Reporter<br>07700 900 318 | @deanfoulkes</p>\r\n</div></body></html>\r\n",
	"attachment": "From: Matthew Colley <matthew.colley@example.co.uk>\r\nTo: newsdesk@example.gov.uk\r\nSubject: round-up - query + our figures\r\n" +
		"Date: Tue, 02 Jan 2024 08:30:12 +0000\r\nMessage-ID: <DB9PR06MB6053131E8D42A64365992B0737EE@example.com>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"_004_\"\r\n\r\n--_004_\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n\r\n" +
		"Morning,\r\n\r\nOur own monthly tally is attached - can you confirm it matches your figures?\r\n\r\nEOD is fine.\r\n\r\nMatt\r\n\r\n" +
		"Matthew Colley | Home Affairs Reporter | Daily Mail\r\nM: 07700 900 551\r\n" +
		"--_004_\r\nContent-Type: text/csv; name=\"tally.csv\"\r\nContent-Disposition: attachment; filename=\"tally.csv\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		"bW9udGgsYXJyaXZhbHMKSmFuLDUwNgpGZWIsOTMzCk1hciwxMjM4CkFwciwxODE2Ck1heSwyNzMzCkp1biwzODI0Ckp1bCwzODI0CkF1Zyw4NjQ3Cg==\r\n--_004_--\r\n",
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"plain", "outlook", "reply", "html", "attachment"} {
		raw := []byte(benchMessages[name])
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := Parse(raw, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// the labelled samples, all in one loop: the project's own, and the
	// shared ones when present
	sets := []struct{ name, dir string }{{"own-enquiries", filepath.Join("..", "routing", "testdata", "tuning")}}
	if dir, ok := fixture.Shared(b, "enquiries"); ok {
		sets = append(sets, struct{ name, dir string }{"enquiries", dir})
	}
	for _, set := range sets {
		files, _ := filepath.Glob(filepath.Join(set.dir, "*.eml"))
		var corpus [][]byte
		var total int64
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			corpus = append(corpus, raw)
			total += int64(len(raw))
		}
		if len(corpus) == 0 {
			b.Fatalf("no messages in %s", set.dir)
		}
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(total / int64(len(corpus)))
			i := 0
			for b.Loop() {
				if _, err := Parse(corpus[i%len(corpus)], Options{}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

func BenchmarkSplitText(b *testing.B) {
	m, err := Parse([]byte(benchMessages["reply"]), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		SplitTextWithSubject(m.Text, "")
	}
}

func TestBenchMessagesParse(t *testing.T) {
	for name, raw := range benchMessages {
		m := mustParse(t, []byte(raw), Options{})
		if m.NewText == "" || len(m.Warnings) > 0 {
			t.Errorf("%s: NewText %q warnings %q", name, m.NewText, m.Warnings)
		}
	}
}

// BenchmarkParseParallel parses the representative messages on all
// GOMAXPROCS cores; msgs/s is the aggregate throughput.
func BenchmarkParseParallel(b *testing.B) {
	var raws [][]byte
	for _, name := range []string{"plain", "outlook", "reply", "html", "attachment"} {
		raws = append(raws, []byte(benchMessages[name]))
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := Parse(raws[i%len(raws)], Options{}); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
