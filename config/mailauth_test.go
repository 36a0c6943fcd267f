package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withMailboxAuth puts lines (the mailbox's sign-in keys, indented four
// spaces) in place of the base config's username and password_env; the
// first of them lands on line 10.
func withMailboxAuth(t *testing.T, lines string) []byte {
	t.Helper()
	base := string(loadValid(t))
	old := "    username: desk\n    password_env: T_IMAP_PW\n"
	if !strings.Contains(base, old) {
		t.Fatal("base config changed: no username/password_env lines")
	}
	return []byte(strings.Replace(base, old, lines, 1))
}

// TestMailAuthValid: the OAuth2 configurations of docs/oauth2.md load,
// with the files and variables they name present.
func TestMailAuthValid(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"cert.pem", "key.pem", "sa.json", "secret", "token"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	script := filepath.Join(dir, "get-token")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho t\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"microsoft secret env": `    username: press@contoso.com
    auth:
      method: xoauth2
      provider: microsoft
      tenant: contoso.onmicrosoft.com
      client_id: 11111111-2222-3333-4444-555555555555
      client_secret_env: T_MS_SECRET
`,
		"microsoft secret file": `    username: press@contoso.com
    auth: {method: xoauth2, provider: microsoft, tenant: 11111111-2222-3333-4444-555555555555,
           client_id: 11111111-2222-3333-4444-555555555555, client_secret_file: ` + dir + `/secret}
`,
		"microsoft certificate": `    username: press@contoso.com
    auth:
      method: oauthbearer
      provider: microsoft
      tenant: contoso.onmicrosoft.com
      client_id: 11111111-2222-3333-4444-555555555555
      certificate_file: ` + dir + `/cert.pem
      key_file: ` + dir + `/key.pem
      authority: https://login.microsoftonline.us
`,
		"google": `    username: press@example.org
    auth:
      method: xoauth2
      provider: google
      service_account_file: ` + dir + `/sa.json
`,
		"token command": `    username: press@example.org
    auth: {method: xoauth2, provider: token_command, token_command: [` + script + `, --mailbox, press]}
`,
		"token file": `    username: press@example.org
    auth: {method: oauthbearer, provider: token_file, token_file: ` + dir + `/token}
`,
		"explicit password": `    username: desk
    password_env: T_IMAP_PW
    auth: {method: password}
`,
	}
	for name, lines := range cases {
		t.Run(name, func(t *testing.T) {
			cfg, err := Parse(withMailboxAuth(t, lines), mustAbs(t, "testdata/valid.yaml"), LoadOptions{
				Env: env(map[string]string{"T_IMAP_PW": "x", "T_MS_SECRET": "s"}), CheckSecrets: true})
			if err != nil {
				t.Fatalf("invalid: %v", err)
			}
			a := cfg.Mailboxes[0].Auth
			if name == "explicit password" {
				if a.IsOAuth() || a.Mechanism() != "" {
					t.Errorf("password auth = %+v", a)
				}
				return
			}
			if !a.IsOAuth() || (a.Mechanism() != "XOAUTH2" && a.Mechanism() != "OAUTHBEARER") {
				t.Errorf("auth = %+v, mechanism %q", a, a.Mechanism())
			}
		})
	}
}

// TestMailAuthErrors: every mistake is reported at its key path and line,
// all at once; files and variables are checked only when secrets are.
func TestMailAuthErrors(t *testing.T) {
	cases := []struct {
		name, lines string
		want        []Error // Path, Line and a fragment of Msg
		noSecrets   bool
	}{
		{"unknown method", "    username: desk\n    auth: {method: oauth2}\n",
			[]Error{{"mailboxes[0].auth.method", 11, `"oauth2" is not one of password, xoauth2, oauthbearer`}}, false},
		{"unknown key", "    username: desk\n    password_env: T_IMAP_PW\n    auth: {method: password, tennant: x}\n",
			[]Error{{"mailboxes[0].auth.tennant", 12, `unknown key "tennant"`}}, false},
		{"provider with password", "    username: desk\n    password_env: T_IMAP_PW\n    auth:\n      provider: google\n",
			[]Error{{"mailboxes[0].auth.provider", 13, "is not used with method password (the default)"}}, false},
		{"no provider", "    username: press@x.org\n    auth:\n      method: xoauth2\n",
			[]Error{{"mailboxes[0].auth.provider", 12, "is required with method xoauth2"}}, false},
		{"password_env with token", "    username: press@x.org\n    password_env: T_IMAP_PW\n    auth: {method: xoauth2, provider: token_file, token_file: /nonexistent/tok}\n",
			[]Error{{"mailboxes[0].password_env", 11, "is not used with auth.method xoauth2"},
				{"mailboxes[0].auth.token_file", 12, "no such file or directory"}}, false},
		{"microsoft incomplete", `    username: press@x.org
    auth:
      method: xoauth2
      provider: microsoft
      tenant: not a tenant
      client_id: app
      service_account_file: sa.json
`, []Error{
			{"mailboxes[0].auth", 12, "give exactly one credential"},
			{"mailboxes[0].auth.tenant", 14, "is neither a directory (tenant) id"},
			{"mailboxes[0].auth.client_id", 15, "is not an application (client) id"},
			{"mailboxes[0].auth.service_account_file", 16, "is not used by provider microsoft"},
		}, false},
		{"microsoft missing env and files", `    username: press@x.org
    auth:
      method: xoauth2
      provider: microsoft
      tenant: contoso.onmicrosoft.com
      client_id: 11111111-2222-3333-4444-555555555555
      client_secret_env: T_UNSET
      authority: http://login.example.com
`, []Error{
			{"mailboxes[0].auth.client_secret_env", 16, "environment variable T_UNSET is not set"},
			{"mailboxes[0].auth.authority", 17, "must be https"},
		}, false},
		{"microsoft key without certificate", `    username: press@x.org
    auth: {method: xoauth2, provider: microsoft, tenant: contoso.com,
           client_id: 11111111-2222-3333-4444-555555555555, client_secret_env: T_IMAP_PW, key_file: /nonexistent/key.pem}
`, []Error{
			{"mailboxes[0].auth.key_file", 12, "goes with certificate_file"},
			{"mailboxes[0].auth.key_file", 12, "no such file or directory"},
		}, false},
		{"google missing file", "    username: press\n    auth: {method: xoauth2, provider: google, service_account_file: missing.json, scopes: [\"a b\"]}\n",
			[]Error{
				{"mailboxes[0].auth.service_account_file", 11, "missing.json: no such file or directory"},
				{"mailboxes[0].auth.subject", 11, "is required when the username"},
				{"mailboxes[0].auth.scopes[0]", 11, "is not a scope"},
			}, false},
		{"files not checked without secrets", "    username: press@x.org\n    auth: {method: xoauth2, provider: google, service_account_file: missing.json}\n",
			nil, true},
		{"token command missing", "    username: press@x.org\n    auth: {method: oauthbearer, provider: token_command, token_command: [./no-such-helper]}\n",
			[]Error{{"mailboxes[0].auth.token_command[0]", 11, "./no-such-helper: no such file or directory"}}, false},
		{"token command empty", "    username: press@x.org\n    auth: {method: oauthbearer, provider: token_command}\n",
			[]Error{{"mailboxes[0].auth.token_command", 11, "is required"}}, false},
		{"no username", "    auth: {method: oauthbearer, provider: token_file, token_file: /dev/null}\n",
			[]Error{{"mailboxes[0].username", 7, "is required"}}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(withMailboxAuth(t, tc.lines), mustAbs(t, "testdata/valid.yaml"),
				LoadOptions{Env: fullEnv, CheckSecrets: !tc.noSecrets})
			if tc.want == nil {
				if err != nil {
					t.Fatalf("want no error, got %v", err)
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("want Errors, got %v", err)
			}
			if len(es) != len(tc.want) {
				t.Errorf("got %d errors, want %d:\n%v", len(es), len(tc.want), es)
			}
			for _, w := range tc.want {
				found := false
				for _, e := range es {
					if e.Path == w.Path && e.Line == w.Line && strings.Contains(e.Msg, w.Msg) {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %s (line %d): ...%s...\ngot:\n%v", w.Path, w.Line, w.Msg, es)
				}
			}
		})
	}
}

// TestSMTPAuth: smtp.auth with OAuth2 needs a username and no
// password_env; a password SMTP keeps its old rule.
func TestSMTPAuth(t *testing.T) {
	base := string(loadValid(t))
	old := "  from: \"Test Desk <desk@example.gov.uk>\"\n"
	cases := []struct {
		name, add, wantPath, wantMsg string
	}{
		{"oauth ok", "  username: desk@example.gov.uk\n  auth: {method: xoauth2, provider: token_file, token_file: /dev/null}\n", "", ""},
		{"oauth without username", "  auth: {method: xoauth2, provider: token_file, token_file: /dev/null}\n", "smtp.username", "is required with auth.method xoauth2"},
		{"password half", "  username: desk@example.gov.uk\n", "smtp", "username and password_env go together"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(base, old, old+tc.add, 1)
			cfg, err := Parse([]byte(data), mustAbs(t, "testdata/valid.yaml"), LoadOptions{Env: fullEnv, CheckSecrets: true})
			if tc.wantPath == "" {
				if err != nil {
					t.Fatal(err)
				}
				if cfg.SMTP.Auth.Mechanism() != "XOAUTH2" {
					t.Errorf("smtp auth = %+v", cfg.SMTP.Auth)
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) || len(es) != 1 || es[0].Path != tc.wantPath || !strings.Contains(es[0].Msg, tc.wantMsg) {
				t.Errorf("got %v, want %s: %s", err, tc.wantPath, tc.wantMsg)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
