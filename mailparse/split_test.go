package mailparse

import (
	"strings"
	"testing"
)

func TestSplitText(t *testing.T) {
	tests := []struct {
		name    string
		subject string
		text    string
		newText string // exact
		quoted  string // substring ("" = must be empty)
		fwd     string // substring ("" = must be empty)
		sig     string // exact
	}{
		{
			name:    "gmail reply with attribution",
			text:    "Need it by 11am today please.\n\nJoe\n\nOn Mon, 23 Oct 2023 at 17:29, Joe K <joe@example.com> wrote:\n> Hi,\n>\n> Deadline 6pm.\n>\n> Thanks\n> Joe\n",
			newText: "Need it by 11am today please.",
			quoted:  "> Deadline 6pm.",
			sig:     "Joe",
		},
		{
			name:    "attribution wrapped over two lines",
			text:    "Any news? By 3pm.\n\nOn Thu, 12 Oct 2023 at 18:05, FCDO Press Office\n<newsdesk@example.gov.uk> wrote:\n> Earlier answer at 6.30pm\n",
			newText: "Any news? By 3pm.",
			quoted:  "FCDO Press Office\n<newsdesk@example.gov.uk> wrote:",
		},
		{
			name:    "attribution without quote markers: everything after is quoted",
			text:    "Chasing this.\n\nOn 31/10/2023 15:52, Press Office wrote:\nThank you for contacting us. Reply by 5pm.\n",
			newText: "Chasing this.",
			quoted:  "Reply by 5pm.",
		},
		{
			name:    "french attribution",
			text:    "Merci, et avant 11h svp.\n\nLe lun. 16 oct. 2023 à 19:40, Claire <c@lemonde.fr> a écrit :\n> Bonjour\n",
			newText: "Merci, et avant 11h svp.",
			quoted:  "a écrit :",
		},
		{
			name:    "german attribution",
			text:    "Bis 16 Uhr bitte.\n\nAm 12.10.2023 um 11:02 schrieb Max Muster <max@example.de>:\n> Hallo\n",
			newText: "Bis 16 Uhr bitte.",
			quoted:  "schrieb Max",
		},
		{
			name:    "apple quoted attribution and iphone",
			text:    "No rush on this one.\n\nKirsty\n\nSent from my iPhone\n\n> On 16 Sep 2024, at 20:02, Desk <desk@example.gov.uk> wrote:\n>\n> Earlier: by 21:30\n",
			newText: "No rush on this one.",
			quoted:  "by 21:30",
			sig:     "Kirsty\n\nSent from my iPhone",
		},
		{
			name:    "outlook underscore separator",
			text:    "Any joy? I now need it within 30 minutes.\n\nThanks, H\n\n________________________________\nFrom: Harriet <h@example.com>\nSent: 16 October 2023 09:12\nTo: desk@example.gov.uk\nSubject: Albania\n\nWould be great by 11.30am.\n",
			newText: "Any joy? I now need it within 30 minutes.",
			quoted:  "Would be great by 11.30am.",
			sig:     "Thanks, H",
		},
		{
			name:    "outlook header block without separator",
			text:    "Deadline 10:00 UTC.\n\nThanks,\nMiriam\n\nFrom: Press Office <desk@example.gov.uk>\nSent: 14 September 2024 12:04\nTo: Miriam <m@example.com>\nSubject: G7\n\nLogged.\n",
			newText: "Deadline 10:00 UTC.",
			quoted:  "From: Press Office",
			sig:     "Thanks,\nMiriam",
		},
		{
			name:    "header block with Date instead of Sent",
			text:    "See below, by noon.\n\nFrom: A <a@example.com>\nDate: Monday, 16 October 2023 at 09:00\nTo: B <b@example.com>\nSubject: x\n\nold text by 4pm\n",
			newText: "See below, by noon.",
			quoted:  "old text by 4pm",
		},
		{
			name:    "original message separator",
			text:    "Follow-up: by 2pm?\n\n-----Original Message-----\nFrom: X\nSent: today\n\nOld: by 4pm\n",
			newText: "Follow-up: by 2pm?",
			quoted:  "Old: by 4pm",
		},
		{
			name:    "original message separator with Fwd subject is forwarded",
			subject: "Fwd: release",
			text:    "See below. Deadline 5pm.\n\n-------- Original Message --------\nSubject: release\nDate: today\n\nRelease text 3pm\n",
			newText: "See below. Deadline 5pm.",
			fwd:     "Release text 3pm",
		},
		{
			name:    "outlook FW separator is forwarded",
			subject: "FW: readout",
			text:    "Re the below, by 8.45pm.\n\n________________________________\nFrom: Alerts <a@example.gov.uk>\nSent: 05 December 2023 17:31\nTo: Ed\nSubject: readout\n\nTime updated: 5:30pm\n",
			newText: "Re the below, by 8.45pm.",
			fwd:     "Time updated: 5:30pm",
		},
		{
			name:    "gmail forward",
			text:    "Hi - see below. Need it before 5.30pm.\n\nThanks,\nChris\n\n---------- Forwarded message ---------\nFrom: Newsdesk <n@example.com>\nDate: Tue, 14 Nov 2023 at 13:41\nSubject: sanctions\n\nRelease at 1pm.\n",
			newText: "Hi - see below. Need it before 5.30pm.",
			fwd:     "Release at 1pm.",
			sig:     "Thanks,\nChris",
		},
		{
			name:    "apple forward",
			text:    "FYI, by Friday.\n\nBegin forwarded message:\n\nFrom: X <x@example.com>\nSubject: y\n\nold 9am\n",
			newText: "FYI, by Friday.",
			fwd:     "old 9am",
		},
		{
			name:    "deadline line before sign-off stays",
			text:    "Hi,\n\nQuestion about the release.\n\nBy 4pm tomorrow please.\n\nThanks,\nGemma\n\nGemma Stott | Reporter | The Paper\nM: 07700 900 391 | X: @gemma\nNewspapers Ltd, London\n\nPlease consider the environment before printing this email.",
			newText: "Hi,\n\nQuestion about the release.\n\nBy 4pm tomorrow please.",
			sig:     "Thanks,\nGemma\n\nGemma Stott | Reporter | The Paper\nM: 07700 900 391 | X: @gemma\nNewspapers Ltd, London\n\nPlease consider the environment before printing this email.",
		},
		{
			name:    "signature with times is not new text",
			text:    "Could you share the photos?\n\nThank you / Faleminderit,\n\nArdit Leka\nReporter – Top Channel\nNewsroom deadline: 18:00 CET daily\nwww.example.tv",
			newText: "Could you share the photos?",
			sig:     "Thank you / Faleminderit,\n\nArdit Leka\nReporter – Top Channel\nNewsroom deadline: 18:00 CET daily\nwww.example.tv",
		},
		{
			name:    "staffed hours after closing",
			text:    "Please send the figures.\n\nRegards\nNewsdesk\nStaffed 07:00–23:00 daily\nT: 020 7946 0000",
			newText: "Please send the figures.",
			sig:     "Regards\nNewsdesk\nStaffed 07:00–23:00 daily\nT: 020 7946 0000",
		},
		{
			name:    "closing followed by a sentence is not a signature",
			text:    "Question one.\n\nThanks\nBy 5pm please.\nBob",
			newText: "Question one.\n\nThanks\nBy 5pm please.\nBob",
		},
		{
			name:    "thanks on the first line is content",
			text:    "Thanks, that's all sorted - we used the line.\n\nSeparately: is the FS at UNGA?",
			newText: "Thanks, that's all sorted - we used the line.\n\nSeparately: is the FS at UNGA?",
		},
		{
			name:    "rfc 3676 delimiter",
			text:    "Deadline 6pm.\n\n-- \nJoe Kettering\nthe Paper",
			newText: "Deadline 6pm.",
			sig:     "-- \nJoe Kettering\nthe Paper",
		},
		{
			name:    "contact block without closing",
			text:    "Hi,\n\nCan you confirm?\n\nDeadline 19:00.\n\nAbbie Gorringe\nReporter, KentOnline\n01632 960 123",
			newText: "Hi,\n\nCan you confirm?\n\nDeadline 19:00.",
			sig:     "Abbie Gorringe\nReporter, KentOnline\n01632 960 123",
		},
		{
			name:    "first name then contact block",
			text:    "Filing at 7.\n\nRupert\n\nRupert Ashdown | Political Correspondent | The Paper\n07700 900 466 | @rashdown",
			newText: "Filing at 7.",
			sig:     "Rupert\n\nRupert Ashdown | Political Correspondent | The Paper\n07700 900 466 | @rashdown",
		},
		{
			name:    "mobile footer",
			text:    "Need by midday pls\n\nTasha\n\nSent from my iPhone",
			newText: "Need by midday pls",
			sig:     "Tasha\n\nSent from my iPhone",
		},
		{
			name:    "outlook mobile and proton footers",
			text:    "Call me at 3.\n\nGet Outlook for iOS",
			newText: "Call me at 3.",
			sig:     "Get Outlook for iOS",
		},
		{
			name:    "disclaimer directly after contact lines",
			text:    "Could you get back to me in two hours?\n\nThanks.\n\nMartin Q\nThe Agency | London\n+44 20 7946 0765\nThe information contained in this communication is intended for the use of the designated recipients named above.",
			newText: "Could you get back to me in two hours?",
			sig:     "Thanks.\n\nMartin Q\nThe Agency | London\n+44 20 7946 0765\nThe information contained in this communication is intended for the use of the designated recipients named above.",
		},
		{
			name:    "disclaimer with separator line",
			text:    "By 11.30am if possible.\n\n----------------------------\nThis e-mail (and any attachments) is confidential and may contain personal views.",
			newText: "By 11.30am if possible.",
			sig:     "----------------------------\nThis e-mail (and any attachments) is confidential and may contain personal views.",
		},
		{
			name:    "interleaved answers stay new",
			text:    "On Mon, 16 Oct 2023 at 09:00, Desk <d@example.gov.uk> wrote:\n> Which outlet?\nThe Paper.\n> Deadline?\nBy 5pm today.\n",
			newText: "The Paper.\nBy 5pm today.",
			quoted:  "> Deadline?",
		},
		{
			name:    "bottom posting",
			text:    "> Can you confirm by 4pm?\n\nYes, confirmed, the call is at 3pm. Need a line by 6pm.\n",
			newText: "Yes, confirmed, the call is at 3pm. Need a line by 6pm.",
			quoted:  "> Can you confirm by 4pm?",
		},
		{
			name:    "quoting someone's writing is not an attribution",
			text:    "Hi,\n\nOn 12 October 2023 the minister wrote:\n\"We will act.\"\n\nCan you confirm by 4pm?",
			newText: "Hi,\n\nOn 12 October 2023 the minister wrote:\n\"We will act.\"\n\nCan you confirm by 4pm?",
		},
		{
			name:    "thunderbird attribution with time only",
			text:    "Any update? By 3pm.\n\nOn 10/16/23 9:12 AM, Harriet Vale wrote:\nOld text by 11am\n",
			newText: "Any update? By 3pm.",
			quoted:  "Old text by 11am",
		},
		{
			name:    "contact detail in a request stays new",
			text:    "Hi,\n\nCan you call me back?\n\nCall me on 07700 900 123 by 4pm",
			newText: "Hi,\n\nCan you call me back?\n\nCall me on 07700 900 123 by 4pm",
		},
		{
			name:    "acronym deadline is not a name",
			text:    "Can you send the figures?\n\nEOD",
			newText: "Can you send the figures?\n\nEOD",
		},
		{
			name:    "day name is not a name",
			text:    "Can you send the figures?\n\nTomorrow",
			newText: "Can you send the figures?\n\nTomorrow",
		},
		{
			name:    "one liner",
			text:    "need within the hour. thx",
			newText: "need within the hour. thx",
		},
		{
			name:    "only a closing",
			text:    "Thanks!",
			newText: "Thanks!",
		},
		{
			name: "empty",
			text: "  \n\n ",
		},
		{
			name:    "three dashes are not a signature delimiter",
			text:    "Shqip text.\n\n---\n\nEnglish: by 4pm UK time.\n\nFaleminderit / Thank you,\n\nBlerina",
			newText: "Shqip text.\n\n---\n\nEnglish: by 4pm UK time.",
			sig:     "Faleminderit / Thank you,\n\nBlerina",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, q, f, s := SplitTextWithSubject(tc.text, tc.subject)
			if n != tc.newText {
				t.Errorf("newText = %q\nwant      %q", n, tc.newText)
			}
			if s != tc.sig {
				t.Errorf("signature = %q\nwant        %q", s, tc.sig)
			}
			if (tc.quoted == "") != (q == "") || !strings.Contains(q, tc.quoted) {
				t.Errorf("quoted = %q, want it to contain %q", q, tc.quoted)
			}
			if (tc.fwd == "") != (f == "") || !strings.Contains(f, tc.fwd) {
				t.Errorf("forwarded = %q, want it to contain %q", f, tc.fwd)
			}
		})
	}
}

func TestSplitTextCRLFAndSubjectHint(t *testing.T) {
	n, q, _, _ := SplitTextWithSubject("Reply.\r\n\r\nOn Mon, 1 Jan 2024, A <a@b.c> wrote:\r\n> old\r\n", "")
	if n != "Reply." || q != "On Mon, 1 Jan 2024, A <a@b.c> wrote:\n> old" {
		t.Errorf("CRLF: %q %q", n, q)
	}
	text := "See below.\n\n-----Original Message-----\nFrom: X\n\nold\n"
	if _, q, f, _ := SplitTextWithSubject(text, "Re: x"); q == "" || f != "" {
		t.Errorf("reply subject: quoted=%q forwarded=%q", q, f)
	}
	if _, q, f, _ := SplitTextWithSubject(text, "FW: x"); q != "" || f == "" {
		t.Errorf("forward subject: quoted=%q forwarded=%q", q, f)
	}
}
