package main

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// writeCert writes a self-signed certificate and its RSA key as PEM files.
func writeCert(t *testing.T, dir, name string) (cert, key string) {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mediadesk"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	cert, key = filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}), 0o600)
	return cert, key
}

// TestCheckConfigOAuth2: check-config checks an OAuth2 mailbox's files and
// variables: a missing key file or unset secret variable is a config error
// at its key and line; a key that does not belong to its certificate is
// found by reading them; --no-env checks neither.
func TestCheckConfigOAuth2(t *testing.T) {
	src, err := os.ReadFile(fixture.Desk(t))
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Abs(filepath.Join(filepath.Dir(fixture.Desk(t)), "../routing/testdata/releases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cert, key := writeCert(t, dir, "app")
	_, otherKey := writeCert(t, dir, "other")
	t.Setenv("MEDIADESK_SMTP_PASSWORD", "y")
	t.Setenv("T_MS_SECRET", "")
	write := func(auth string) string {
		y := strings.Replace(string(src), "    password_env: MEDIADESK_IMAP_PASSWORD\n", auth, 1)
		y = strings.Replace(y, "file: ../routing/testdata/releases.jsonl", "file: "+rel, 1)
		p := filepath.Join(dir, "desk.yaml")
		if err := os.WriteFile(p, []byte(y), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ms := "    auth:\n      method: xoauth2\n      provider: microsoft\n      tenant: example.onmicrosoft.com\n" +
		"      client_id: 11111111-2222-3333-4444-555555555555\n"
	cases := []struct {
		name, auth string
		noEnv      bool
		code       int
		want       string
	}{
		{"certificate", ms + "      certificate_file: " + cert + "\n      key_file: " + key + "\n", false, 0, "ok: "},
		{"wrong key", ms + "      certificate_file: " + cert + "\n      key_file: " + otherKey + "\n", false, 1,
			"mailboxes[0] (newsdesk).auth: certificate_file " + cert + ": the private key does not belong to the certificate"},
		{"wrong key, --no-env", ms + "      certificate_file: " + cert + "\n      key_file: " + otherKey + "\n", true, 0, "ok: "},
		{"missing key file", ms + "      certificate_file: " + cert + "\n      key_file: " + dir + "/nope.key\n", false, 1,
			"mailboxes[0].auth.key_file (line 29): " + dir + "/nope.key: no such file or directory"},
		{"unset secret", ms + "      client_secret_env: T_MS_SECRET\n", false, 1,
			"mailboxes[0].auth.client_secret_env (line 28): environment variable T_MS_SECRET is not set"},
		{"google key of the wrong type", "    auth: {method: xoauth2, provider: google, service_account_file: " + key + "}\n", false, 1,
			"mailboxes[0] (newsdesk).auth: service_account_file " + key},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"check-config"}
			if tc.noEnv {
				args = append(args, "--no-env")
			}
			var out, errb bytes.Buffer
			code := run(append(args, write(tc.auth)), &out, &errb)
			if code != tc.code || !strings.Contains(out.String()+errb.String(), tc.want) {
				t.Errorf("exit %d, want %d; output %q %q; want %q", code, tc.code, out.String(), errb.String(), tc.want)
			}
		})
	}
}
