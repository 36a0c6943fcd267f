package config

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestLanguagesValid: desk.languages, officers[].languages and
// acknowledgements.templates.<lang> take ISO 639-1 codes, lower-cased.
func TestLanguagesValid(t *testing.T) {
	in := strings.Replace(ownDesk, "  own_domains:", "  languages: [en, DE, sq]\n  own_domains:", 1)
	in = strings.Replace(in, `topics: ["*"]}
  - {id: meg`, `topics: ["*"], languages: [de, Fr]}
  - {id: meg`, 1)
	in += "acknowledgements: {templates: {de: valid.yaml}}\n"
	c, err := parse(t, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Desk.Languages, []string{"en", "de", "sq"}) {
		t.Errorf("desk.languages %v", c.Desk.Languages)
	}
	ann := c.Officer("ann")
	if !slices.Equal(ann.Languages, []string{"de", "fr"}) || !ann.Reads("fr") || ann.Reads("sq") {
		t.Errorf("officer languages %v", ann.Languages)
	}
	if c.Ack.Templates["de"] != "valid.yaml" {
		t.Errorf("templates %v", c.Ack.Templates)
	}
}

// TestLanguagesErrors: a code that is not ISO 639-1, a duplicate, and a
// template for a bad code or a missing file are errors at their path.
func TestLanguagesErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, path, msg string }{
		{"desk code", strings.Replace(ownDesk, "  own_domains:", "  languages: [en, german]\n  own_domains:", 1),
			"desk.languages[1]", "not an ISO 639-1"},
		{"desk unknown", strings.Replace(ownDesk, "  own_domains:", "  languages: [en, qq]\n  own_domains:", 1),
			"desk.languages[1]", "not an ISO 639-1"},
		{"desk duplicate", strings.Replace(ownDesk, "  own_domains:", "  languages: [de, DE]\n  own_domains:", 1),
			"desk.languages[1]", "listed twice"},
		{"officer code", strings.Replace(ownDesk, `topics: ["*"]}
  - {id: meg`, `topics: ["*"], languages: [deu]}
  - {id: meg`, 1), "officers[0].languages[0]", "not an ISO 639-1"},
		{"template code", ownDesk + "acknowledgements: {templates: {xx1: valid.yaml}}\n",
			"acknowledgements.templates.xx1", "not an ISO 639-1"},
		{"template file", ownDesk + "acknowledgements: {templates: {de: no-such-ack.txt}}\n",
			"acknowledgements.templates.de", "no-such-ack.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse(t, []byte(tc.in))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			for _, e := range es {
				if e.Path == tc.path && strings.Contains(e.Msg, tc.msg) {
					return
				}
			}
			t.Errorf("no error at %s with %q: %v", tc.path, tc.msg, es)
		})
	}
}
