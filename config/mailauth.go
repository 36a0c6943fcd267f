package config

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

// MailAuth says how mediadesk signs in to a mailbox or to the SMTP server
// (extension: mailboxes[].auth and smtp.auth). Without it, or with method
// password, the account logs in with the password in password_env. With
// method xoauth2 or oauthbearer it presents an OAuth2 access token from
// provider; see docs/oauth2.md.
type MailAuth struct {
	// Method is password (default), xoauth2 or oauthbearer.
	Method string `yaml:"method"`
	// Provider is where tokens come from: microsoft, google, token_command
	// or token_file.
	Provider string `yaml:"provider"`

	// Microsoft identity platform (client credentials): the directory
	// (tenant) id or a verified domain, the app registration's client id,
	// and one credential: a secret from an environment variable or a file,
	// or a certificate with its private key (PEM; key_file defaults to
	// certificate_file, for one file holding both).
	Tenant           string `yaml:"tenant"`
	ClientID         string `yaml:"client_id"`
	ClientSecretEnv  string `yaml:"client_secret_env"`
	ClientSecretFile string `yaml:"client_secret_file"`
	CertificateFile  string `yaml:"certificate_file"`
	KeyFile          string `yaml:"key_file"`
	// Authority is the sign-in host (default
	// https://login.microsoftonline.com; https://login.microsoftonline.us
	// for US Government clouds).
	Authority string `yaml:"authority"`

	// Google service account with domain-wide delegation: its JSON key,
	// and the mailbox it acts as (default: the account's username).
	ServiceAccountFile string `yaml:"service_account_file"`
	Subject            string `yaml:"subject"`

	// TokenCommand is a program and its arguments that prints a token
	// (the bare token, or JSON with access_token and expires_in);
	// TokenFile a file some other program keeps a token in.
	TokenCommand []string `yaml:"token_command"`
	TokenFile    string   `yaml:"token_file"`

	// Scopes override the provider's default (Microsoft:
	// https://outlook.office365.com/.default; Google:
	// https://mail.google.com/).
	Scopes []string `yaml:"scopes"`
}

// Auth methods and providers.
const (
	MethodPassword    = "password"
	MethodXOAuth2     = "xoauth2"
	MethodOAuthBearer = "oauthbearer"

	ProviderMicrosoft    = "microsoft"
	ProviderGoogle       = "google"
	ProviderTokenCommand = "token_command"
	ProviderTokenFile    = "token_file"
)

// IsOAuth reports whether the account signs in with OAuth2 tokens.
func (a *MailAuth) IsOAuth() bool {
	return a.Method == MethodXOAuth2 || a.Method == MethodOAuthBearer
}

// Mechanism is the SASL mechanism name (XOAUTH2, OAUTHBEARER; "" for a
// password).
func (a *MailAuth) Mechanism() string {
	if a.IsOAuth() {
		return strings.ToUpper(a.Method)
	}
	return ""
}

var (
	// A tenant is a GUID or a domain name (or "organizations" and the
	// like, which client credentials do not accept).
	tenantRe = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$`)
	guidRe   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// mailAuth validates an account's sign-in: path is the account's key path
// ("mailboxes[0]" or "smtp"), passwordRequired whether a password login
// must have password_env (mailboxes; SMTP may send without AUTH).
func (v *validator) mailAuth(path string, a *MailAuth, username, passwordEnv string, passwordRequired bool) {
	ap := path + ".auth"
	switch a.Method {
	case "", MethodPassword:
		v.secret(path+".password_env", passwordEnv, passwordRequired)
		if keys := a.setKeys(); a.Provider != "" || len(keys) > 0 {
			at := "provider"
			if a.Provider == "" {
				at = keys[0]
			}
			v.errorf(ap+"."+at, "is not used with method %s: set method to xoauth2 or oauthbearer to sign in with OAuth2", orDefault(a.Method, "password (the default)"))
		}
		return
	case MethodXOAuth2, MethodOAuthBearer:
	default:
		v.errorf(ap+".method", "%q is not one of password, xoauth2, oauthbearer", a.Method)
		return
	}
	if passwordEnv != "" {
		v.errorf(path+".password_env", "is not used with auth.method %s: remove it (the token replaces the password)", a.Method)
	}
	if strings.TrimSpace(username) == "" && !v.reported(path+".username") {
		v.errorf(path+".username", "is required with auth.method %s: the mailbox address the token is for", a.Method)
	}
	// unused reports keys set that the provider does not read.
	unused := func(keys map[string]bool) {
		for _, k := range a.setKeys() {
			if !keys[k] {
				v.errorf(ap+"."+k, "is not used by provider %s", a.Provider)
			}
		}
	}
	switch a.Provider {
	case ProviderMicrosoft:
		unused(map[string]bool{"tenant": true, "client_id": true, "client_secret_env": true, "client_secret_file": true,
			"certificate_file": true, "key_file": true, "authority": true, "scopes": true})
		if v.required(ap+".tenant", a.Tenant) && !tenantRe.MatchString(a.Tenant) {
			v.errorf(ap+".tenant", "%q is neither a directory (tenant) id like 00000000-0000-0000-0000-000000000000 nor a domain like contoso.onmicrosoft.com", a.Tenant)
		}
		if v.required(ap+".client_id", a.ClientID) && !guidRe.MatchString(a.ClientID) {
			v.errorf(ap+".client_id", "%q is not an application (client) id like 00000000-0000-0000-0000-000000000000", a.ClientID)
		}
		n := 0
		for _, s := range []string{a.ClientSecretEnv, a.ClientSecretFile, a.CertificateFile} {
			if s != "" {
				n++
			}
		}
		if n != 1 {
			v.errorf(ap, "give exactly one credential for the app: client_secret_env, client_secret_file, or certificate_file (with key_file)")
		}
		v.secret(ap+".client_secret_env", a.ClientSecretEnv, false)
		v.secretFile(ap+".client_secret_file", a.ClientSecretFile)
		v.secretFile(ap+".certificate_file", a.CertificateFile)
		if a.KeyFile != "" && a.CertificateFile == "" {
			v.errorf(ap+".key_file", "goes with certificate_file")
		}
		v.secretFile(ap+".key_file", a.KeyFile)
		if a.Authority != "" {
			u, err := url.Parse(a.Authority)
			switch {
			case err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "":
				v.errorf(ap+".authority", "%q is not a sign-in host URL such as https://login.microsoftonline.com", a.Authority)
			case u.Scheme != "https" && !(u.Scheme == "http" && isLoopback(u.Hostname())):
				v.errorf(ap+".authority", "%q must be https (http only for a loopback test server)", a.Authority)
			}
		}
	case ProviderGoogle:
		unused(map[string]bool{"service_account_file": true, "subject": true, "scopes": true})
		if v.required(ap+".service_account_file", a.ServiceAccountFile) {
			v.secretFile(ap+".service_account_file", a.ServiceAccountFile)
		}
		if a.Subject != "" {
			v.address(ap+".subject", a.Subject)
		} else if username != "" && !strings.Contains(username, "@") {
			v.errorf(ap+".subject", "is required when the username %q is not the mailbox address: the service account acts as this user", username)
		}
	case ProviderTokenCommand:
		unused(map[string]bool{"token_command": true})
		if len(a.TokenCommand) == 0 || strings.TrimSpace(a.TokenCommand[0]) == "" {
			v.errorf(ap+".token_command", "is required: the program and its arguments as a list, such as [/usr/local/bin/mail-token, --mailbox, press]")
		} else if v.secrets {
			prog := a.TokenCommand[0]
			if strings.Contains(prog, "/") {
				if st, err := os.Stat(v.cfg.Resolve(prog)); err != nil {
					v.errorf(ap+".token_command[0]", "%s: %v", prog, unwrapPathErr(err))
				} else if st.IsDir() || st.Mode().Perm()&0o111 == 0 {
					v.errorf(ap+".token_command[0]", "%s is not an executable file", prog)
				}
			} else if _, err := exec.LookPath(prog); err != nil {
				v.errorf(ap+".token_command[0]", "%s is not found on PATH", prog)
			}
		}
	case ProviderTokenFile:
		unused(map[string]bool{"token_file": true})
		if v.required(ap+".token_file", a.TokenFile) {
			v.secretFile(ap+".token_file", a.TokenFile)
		}
	case "":
		v.errorf(ap+".provider", "is required with method %s: microsoft, google, token_command or token_file", a.Method)
	default:
		v.errorf(ap+".provider", "%q is not one of microsoft, google, token_command, token_file", a.Provider)
	}
	for i, s := range a.Scopes {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, " \t\r\n") {
			v.errorf(fmt.Sprintf("%s.scopes[%d]", ap, i), "%q is not a scope (one per list item, no spaces)", s)
		}
	}
}

// secretFile checks that a file holding a secret exists and is readable
// (when secrets are checked: serve and check-config).
func (v *validator) secretFile(path, name string) {
	if name == "" || !v.secrets {
		return
	}
	p := v.cfg.Resolve(name)
	f, err := os.Open(p)
	if err != nil {
		v.errorf(path, "%s: %v", name, unwrapPathErr(err))
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.IsDir() {
		v.errorf(path, "%s is not a file", name)
	}
}

// setKeys lists the provider keys that are set.
func (a *MailAuth) setKeys() []string {
	var out []string
	for _, kv := range []struct {
		k   string
		set bool
	}{
		{"tenant", a.Tenant != ""}, {"client_id", a.ClientID != ""}, {"client_secret_env", a.ClientSecretEnv != ""},
		{"client_secret_file", a.ClientSecretFile != ""}, {"certificate_file", a.CertificateFile != ""},
		{"key_file", a.KeyFile != ""}, {"authority", a.Authority != ""},
		{"service_account_file", a.ServiceAccountFile != ""}, {"subject", a.Subject != ""},
		{"token_command", len(a.TokenCommand) > 0}, {"token_file", a.TokenFile != ""}, {"scopes", len(a.Scopes) > 0},
	} {
		if kv.set {
			out = append(out, kv.k)
		}
	}
	return out
}

// reported reports whether a problem at path is already recorded.
func (v *validator) reported(path string) bool {
	for _, e := range v.d.errs {
		if e.Path == path {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
