package mailparse

import "testing"

func TestIsReplyOrForwardSubject(t *testing.T) {
	for _, c := range []struct {
		subject string
		want    bool
	}{
		{"Re: Sanctions list", true},
		{"RE[2]: Sanctions list", true},
		{"  re : Sanctions list", true},
		{"Fwd: Sanctions list", true},
		{"FW: Sanctions list", true},
		{"AW: Sanktionsliste", true},
		{"WG: Sanktionsliste", true},
		{"TR: Liste des sanctions", true},
		{"RV: Lista de sanciones", true},
		{"Odp: Lista sankcji", true},
		{"Отв: Санкционный список", true},
		{"ΑΠ: Λίστα κυρώσεων", true},
		{"YNT: Yaptırım listesi", true},
		{"رد: قائمة العقوبات", true},
		{"Sanctions list - DEADLINE 5PM", false},
		{"Pytanie PAP: wspólne oświadczenie (odpowiedź do 15:00)", false},
		{"Query: sanctions list", false},
		{"COP28: the £1.6bn", false},
		{"", false},
		{"Re", false},
	} {
		if got := IsReplyOrForwardSubject(c.subject); got != c.want {
			t.Errorf("IsReplyOrForwardSubject(%q) = %v, want %v", c.subject, got, c.want)
		}
	}
}

func TestOwnSubject(t *testing.T) {
	const head = "From: Sam <sam@example.com>\r\nTo: desk@example.gov.uk\r\nDate: Wed, 18 Oct 2023 10:00:00 +0100\r\nMessage-ID: <a@example.com>\r\n"
	for _, c := range []struct {
		name, header, want string
	}{
		{"new message", "Subject: Sanctions - DEADLINE 5PM\r\n", "Sanctions - DEADLINE 5PM"},
		{"Re: subject", "Subject: Re: Sanctions - DEADLINE 5PM\r\n", ""},
		{"Fwd: subject", "Subject: Fwd: Sanctions - DEADLINE 5PM\r\n", ""},
		{"reply without Re:", "Subject: Sanctions - DEADLINE 5PM\r\nIn-Reply-To: <b@example.gov.uk>\r\n", ""},
		{"encoded subject", "Subject: =?utf-8?q?Sankcje_=28odpowied=C5=BA_do_15=3A00=29?=\r\n", "Sankcje (odpowiedź do 15:00)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := Parse([]byte(head+c.header+"\r\nHello.\r\n"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := m.OwnSubject(); got != c.want {
				t.Errorf("OwnSubject() = %q, want %q", got, c.want)
			}
		})
	}
}
