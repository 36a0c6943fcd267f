package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

func env(vars map[string]string) Env {
	return func(n string) (string, bool) { v, ok := vars[n]; return v, ok }
}

var fullEnv = env(map[string]string{"T_IMAP_PW": "secret"})

func loadValid(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parse(t *testing.T, data []byte) (*Config, error) {
	t.Helper()
	abs, _ := filepath.Abs("testdata/valid.yaml")
	return Parse(data, abs, LoadOptions{Env: fullEnv, CheckSecrets: true})
}

// TestDesksLoad loads the project's test desk (testdata/desk.yaml at the
// module root) and, when the shared data set is present, the reference
// desk.yaml, which must load unchanged.
func TestDesksLoad(t *testing.T) {
	type want struct {
		path, prefix, name, manager string
		nightShift                  int
	}
	desks := []want{{fixture.Desk(t), "DEA", "Department of Example Affairs Press Office", "grant", 4}}
	if p, ok := fixture.Shared(t, "desk.yaml"); ok {
		desks = append(desks, want{p, "FCDO", "FCDO Press Office", "hughes", 5})
	}
	for _, d := range desks {
		c, err := Load(d.path, LoadOptions{Env: env(map[string]string{
			"MEDIADESK_IMAP_PASSWORD": "x", "MEDIADESK_SMTP_PASSWORD": "y",
		}), CheckSecrets: true})
		if err != nil {
			t.Errorf("%s: %v", d.path, err)
			continue
		}
		if c.Desk.ReferencePrefix != d.prefix || c.Location.String() != "Europe/London" {
			t.Errorf("%s: desk = %+v, location %v", d.path, c.Desk, c.Location)
		}
		if got := c.FallbackTopic(); got != "general" {
			t.Errorf("%s: fallback = %q", d.path, got)
		}
		if p := c.PolicyFor("wire", "europe"); p.ID != "wire" {
			t.Errorf("%s: wire policy = %s", d.path, p.ID)
		}
		if p := c.PolicyFor("regional", "europe"); p.ID != "standard" {
			t.Errorf("%s: regional policy = %s", d.path, p.ID)
		}
		if c.Officer(d.manager).Role != RoleManager || c.Topic("europe") == nil {
			t.Errorf("%s: lookups broken", d.path)
		}
		if c.Rota[d.nightShift].Duration != 14*time.Hour {
			t.Errorf("%s: night shift duration %v", d.path, c.Rota[d.nightShift].Duration)
		}
		if c.Mailboxes[0].Folders[0] != "INBOX" || c.Ingest.PollInterval != 30*time.Second {
			t.Errorf("%s: defaults: %+v %+v", d.path, c.Mailboxes[0], c.Ingest)
		}
		if !strings.Contains(c.Summary(), d.name) {
			t.Errorf("%s: summary %s", d.path, c.Summary())
		}
	}
}

func TestValidBase(t *testing.T) {
	if _, err := parse(t, loadValid(t)); err != nil {
		t.Fatalf("base config invalid: %v", err)
	}
}

// TestErrors has one case per error message: each edit of the valid base
// config must give exactly the expected error at the expected key path and
// line.
func TestErrors(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		path     string
		line     int
		msg      string
	}{
		{"unknown top key", "redis:\n", "redis:\n  bogus: 1\n", "redis.bogus", 15, `unknown key "bogus"; valid keys here: url_env, desk_id, key_prefix`},
		{"unknown nested key", "    sent_folder: Sent\n", "    sent_folder: Sent\n    sent_folders: X\n", "mailboxes[0].sent_folders", 14, `unknown key "sent_folders"`},
		{"duplicate key", "  name: Test Desk\n", "  name: Test Desk\n  name: Again\n", "desk.name", 3, `appears twice`},
		{"bad duration", "duration: 10h", "duration: 10 hours", "rota[0].duration", 39, `"10 hours" is not a duration like 90m or 1h30m`},
		{"unitless duration", "after_breach: 30m", "after_breach: 30", "escalation.after_breach", 47, "a number needs a unit"},
		{"negative duration", "warn_before: 15m", "warn_before: -15m", "sla.warn_before", 60, "is negative"},
		{"bad cron", `start: "0 8 * * MON-FRI"`, `start: "0 8 * MON-FRI"`, "rota[0].start", 38, "is not a 5-field cron spec"},
		{"cron descriptor", `start: "0 18 * * *"`, `start: "@daily"`, "rota[1].start", 43, "descriptors like @daily are not allowed"},
		{"cron tz", `start: "0 18 * * *"`, `start: "CRON_TZ=UTC 0 18 * * *"`, "rota[1].start", 43, "time zone prefix is not allowed"},
		{"unknown officer in rota", "officers: [ann]", "officers: [ann, zed]", "rota[0].officers[1]", 37, `unknown officer "zed"; officers are: ann, bob, meg`},
		{"unknown topic in rota", "    topics: [alpha]\n    officers: [ann]", "    topics: [beta]\n    officers: [ann]", "rota[0].topics[0]", 36, `unknown topic "beta"; topics are: alpha, general`},
		{"unknown topic for officer", "role: officer, topics: [alpha]}", "role: officer, topics: [gamma]}", "officers[0].topics[0]", 31, `unknown topic "gamma"`},
		{"unknown escalation manager", "manager: meg", "manager: max", "escalation.manager", 46, `unknown officer "max"`},
		{"escalation to an officer", "manager: meg", "manager: ann", "escalation.manager", 46, "has role officer"},
		{"security none remote", "address: 127.0.0.1:1143\n    security: none", "address: imap.example.org:143\n    security: none", "mailboxes[0].security", 9, `none is allowed only for a loopback host, not "imap.example.org"`},
		{"bad security", "    security: none\n    username: desk", "    security: ssl\n    username: desk", "mailboxes[0].security", 9, `"ssl" is not one of tls, starttls, none`},
		{"missing security", "    security: none\n    username: desk", "    username: desk", "mailboxes[0].security", 7, "is required: tls, starttls or none"},
		{"missing secret", "password_env: T_IMAP_PW", "password_env: T_NOT_SET", "mailboxes[0].password_env", 11, "environment variable T_NOT_SET is not set"},
		{"bad env name", "url_env: T_REDIS_URL", "url_env: 1-BAD", "redis.url_env", 15, "is not an environment variable name"},
		{"bad host port", "address: 127.0.0.1:1143", "address: imap.example.org", "mailboxes[0].address", 8, "must be host:port"},
		{"bad timezone", "timezone: Europe/London", "timezone: Europe/Londres", "desk.timezone", 3, "is not an IANA time zone"},
		{"bad prefix", "reference_prefix: TEST", "reference_prefix: te-st", "desk.reference_prefix", 4, "must be 1-16 upper-case letters"},
		{"bad address", "address: desk@example.gov.uk", "address: not an address", "desk.address", 5, "is not an email address"},
		{"missing name", "  name: Test Desk\n", "", "desk.name", 2, "is required"},
		{"no fallback", "    fallback: true\n", "", "topics", 24, "exactly one topic must have fallback: true"},
		{"two fallbacks", "    keywords: [alpha, first]\n", "    keywords: [alpha, first]\n    fallback: true\n", "topics[1].fallback", 30, "exactly one topic may be the fallback; topics[0] already is"},
		{"duplicate topic", "  - id: general\n", "  - id: alpha\n", "topics[1].id", 27, `"alpha" is used by another topic`},
		{"bad role", "role: manager", "role: boss", "officers[2].role", 33, `"boss" is not one of officer, manager, admin`},
		{"bad tier", "tier: wire}", "tier: blog}", "outlets[0].tier", 62, `"blog" is not a tier`},
		{"bad policy tier", "match: {outlet_tier: [wire]}", "match: {outlet_tier: [wires]}", "sla.policies[0].match.outlet_tier[0]", 51, `"wires" is not a tier`},
		{"match-less policy not last", "      match: {outlet_tier: [wire]}\n", "", "sla.policies[0].match", 50, "only the last policy may have no match"},
		{"last policy has match", "    - id: standard\n", "    - id: standard\n      match: {topic: [alpha]}\n", "sla.policies[1].match", 56, "the last policy must have no match"},
		{"ack after response", "acknowledge: 5m", "acknowledge: 50m", "sla.policies[0].acknowledge", 52, "is later than first_response"},
		{"missing file", "file: releases.jsonl", "file: nope.jsonl", "releases.sources[0].file", 22, "nope.jsonl: no such file or directory"},
		{"file and feed", "file: releases.jsonl", "file: releases.jsonl\n      feed: https://www.gov.uk/x.atom", "releases.sources[0]", 22, "give either file or feed, not both"},
		{"bad feed", "file: releases.jsonl", "feed: ftp://x", "releases.sources[0].feed", 22, "is not an http(s) URL"},
		{"not a list", "folders: [INBOX]", "folders: INBOX", "mailboxes[0].folders", 12, "must be a list"},
		{"not a mapping", "redis:\n  url_env: T_REDIS_URL\n", "redis: yes\n", "redis", 14, "must be a mapping of keys"},
		{"not a bool", "    fallback: true\n", "    fallback: maybe\n", "topics[1].fallback", 29, `must be true or false, not "maybe"`},
		{"smtp auth half", "  security: none\n  from:", "  security: none\n  username: desk\n  from:", "smtp", 17, "username and password_env go together"},
		{"processed is watched", "    sent_folder: Sent\n", "    sent_folder: Sent\n    processed_folder: INBOX\n", "mailboxes[0].processed_folder", 14, "is also a watched folder"},
		{"bad domain", "domain: example-news.com", "domain: not a domain", "outlets[0].domain", 62, "is not a domain name"},
		{"session idle over max", "outlets:\n", "web: {session_idle: 13h}\noutlets:\n", "web.session_idle", 61, "is longer than web.session_max 12h0m0s"},
		{"users file folder missing", "outlets:\n", "web: {users_file: nowhere/users}\noutlets:\n", "web.users_file", 61, "its folder does not exist"},
		{"shift too long", "duration: 14h", "duration: 200h", "rota[1].duration", 44, "longer than a week"},
		{"no mailboxes", "mailboxes:\n  - id: main\n    address: 127.0.0.1:1143\n    security: none\n    username: desk\n    password_env: T_IMAP_PW\n    folders: [INBOX]\n    sent_folder: Sent\n", "mailboxes: []\n", "mailboxes", 6, "at least one mailbox is required"},
	}
	base := string(loadValid(t))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("base config lacks %q", c.old)
			}
			_, err := parse(t, []byte(strings.Replace(base, c.old, c.new, 1)))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			for _, e := range es {
				if e.Path == c.path && strings.Contains(e.Msg, c.msg) {
					if e.Line != c.line {
						t.Errorf("%s: line %d, want %d", e.Path, e.Line, c.line)
					}
					if len(es) != 1 {
						t.Errorf("want exactly one error, got:\n%v", es)
					}
					return
				}
			}
			t.Errorf("no error at %s containing %q; got:\n%v", c.path, c.msg, es)
		})
	}
}

func TestAllErrorsAtOnce(t *testing.T) {
	base := string(loadValid(t))
	bad := strings.NewReplacer(
		"timezone: Europe/London", "timezone: Mars/Olympus",
		"duration: 10h", "duration: ten",
		"manager: meg", "manager: nobody",
	).Replace(base)
	_, err := parse(t, []byte(bad))
	var es Errors
	if !errors.As(err, &es) || len(es) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	// Sorted by line.
	if es[0].Path != "desk.timezone" || es[1].Path != "rota[0].duration" || es[2].Path != "escalation.manager" {
		t.Errorf("order: %v", es)
	}
}

func TestSecretsOnlyWhenAsked(t *testing.T) {
	abs, _ := filepath.Abs("testdata/valid.yaml")
	if _, err := Parse(loadValid(t), abs, LoadOptions{Env: env(nil)}); err != nil {
		t.Fatalf("without CheckSecrets: %v", err)
	}
	if _, err := Parse(loadValid(t), abs, LoadOptions{Env: env(map[string]string{"T_IMAP_PW": ""}), CheckSecrets: true}); err == nil {
		t.Fatal("an empty secret should be an error")
	}
}

func TestNotYAML(t *testing.T) {
	for _, in := range []string{"", "desk: [", "a: 1\n---\nb: 2\n", "- just\n- a list\n"} {
		if _, err := parse(t, []byte(in)); err == nil {
			t.Errorf("%q: want error", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(loadValidF(f))
	f.Add([]byte("desk: {name: x}\nrota: [{start: '* * * * *', duration: 1h}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "", LoadOptions{Env: fullEnv})
		if err == nil && c.Location == nil {
			t.Fatal("valid config without location")
		}
	})
}

func loadValidF(f *testing.F) []byte {
	b, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		f.Fatal(err)
	}
	return b
}
