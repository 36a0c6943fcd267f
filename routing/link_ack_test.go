package routing

import (
	"math"
	"strings"
	"testing"
)

// TestAckSpans: the sentences of a quoted history in which the desk
// acknowledged the enquiry are set aside; its answer, and a journalist's
// sentences that speak of references and responses, are not.
func TestAckSpans(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"Thank you for your enquiry. Your reference is DESK-2024-000123. A press officer will respond by 11:31 (UK time).",
			"thank you for your enquiry | your reference is desk 2024 000123 | a press officer will respond by uk time"},
		{"Thank you for your enquiry. We aim to respond within 2 hours. Please see the readout of the call this afternoon.",
			"thank you for your enquiry | we aim to respond within 2 hours"},
		{"Did the minister respond to the sanctions? The reference to Brandt in the statement is new.", ""},
		{"Thank you for your statement on the Red Hand sanctions.", ""},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		var got []string
		for _, s := range ackSpans(&tz, nil) {
			var ws []string
			for k := s[0]; k < s[1]; k++ {
				ws = append(ws, string(tz.word(int(k))))
			}
			got = append(got, strings.Join(ws, " "))
		}
		if g := strings.Join(got, " | "); g != c.want {
			t.Errorf("%q: set aside %q, want %q", c.text, g, c.want)
		}
	}
}

// TestLinkQuotedAck: a chaser's quoted history that holds the desk's
// acknowledgement links its thread's release as the first message alone
// does (mldev11 025, an Albanian chaser quoting "Your reference is
// FCDO-2023-000498. A press officer will respond by 11:31 (UK time).":
// p 0.10 -> 0.80).
func TestLinkQuotedAck(t *testing.T) {
	cat := roundsCatalogue("")
	first := ">> Përshëndetje, për sanksionet e sotme kundër Red Hand: a mund të më dërgoni emrat e financuesve? A është Ivo Brandt mes tyre?\n"
	ack := "> Thank you for your enquiry. Your reference is DESK-2024-000123. A press officer will respond by 16:31 (UK time).\n>\n"
	link := func(quoted string) Link {
		in := Input{Subject: "Re: [DESK-2024-000123] Pyetje", NewText: "Përshëndetje përsëri, tani më duhen vetëm emrat, brenda një ore nëse është e mundur.",
			QuotedText: quoted, IsReply: true, Date: at3339(t, "2024-03-20T17:05:00Z"), Language: "sq"}
		return cat.Link(&in)
	}
	alone, with := link(first), link(ack+first)
	if with.Release != "march" {
		t.Errorf("with the acknowledgement quoted: linked %q (%.2f, %s), want today's round", with.Release, with.Score, with.Detail)
	}
	if math.Abs(with.Score-alone.Score) > 0.05 {
		t.Errorf("with the acknowledgement quoted p %.2f, the first message alone %.2f: the desk's words are read", with.Score, alone.Score)
	}
	t.Logf("first message alone %.2f (%s), with the acknowledgement %.2f (%s)", alone.Score, alone.Detail, with.Score, with.Detail)
}
