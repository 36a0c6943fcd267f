package outbound

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/config"
)

// TestAckTemplateByLanguage: an enquiry in a language the desk has a
// template for (acknowledgements.templates.<lang>) gets that template; an
// unknown language, or none, gets the default (the configured
// acknowledgements.template, else the built-in English body); a
// per-language template that does not render is an error at start.
func TestAckTemplateByLanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("de.txt", "Guten Tag{{if .Name}} {{.Name}}{{end}}, Ihre Anfrage {{.Ref}} ist eingegangen.\n")
	write("sq.txt", "Përshëndetje, kërkesa juaj {{.Ref}} u mor.\n")
	write("bad.txt", "{{.NoSuchField}}\n")
	cfg := &config.Config{Dir: dir}
	cfg.Ack.Templates = map[string]string{"de": "de.txt", "sq": "sq.txt"}
	def, err := parseAckTemplate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	byLang, err := parseAckTemplates(cfg)
	if err != nil {
		t.Fatal(err)
	}
	data := AckData{Ref: "FCDO-2024-000042", Name: "Jo", Subject: "Migration", Expected: "by 10:00 today"}
	for _, c := range []struct{ lang, want string }{
		{"de", "Guten Tag Jo, Ihre Anfrage FCDO-2024-000042 ist eingegangen."},
		{"sq", "Përshëndetje, kërkesa juaj FCDO-2024-000042 u mor."},
		{"fr", "Dear Jo,"}, // no French template: the default
		{"", "Dear Jo,"},
	} {
		var b bytes.Buffer
		if err := ackTemplateFor(byLang, def, c.lang).Execute(&b, data); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("lang %q: body %q, want %q", c.lang, b.String(), c.want)
		}
	}
	cfg.Ack.Templates["fr"] = "bad.txt"
	if _, err := parseAckTemplates(cfg); err == nil || !strings.Contains(err.Error(), "acknowledgements.templates.fr") {
		t.Errorf("a template that does not render: %v", err)
	}
}
