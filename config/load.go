package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"

	"gopkg.in/yaml.v3"
)

// Env looks up environment variables; os.LookupEnv in production, a map in
// tests.
type Env func(name string) (string, bool)

// LoadOptions tune Load.
type LoadOptions struct {
	// Env resolves secrets; nil means os.LookupEnv.
	Env Env
	// CheckSecrets makes a missing or empty secret environment variable an
	// error (serve and check-config); route and report do not need secrets.
	CheckSecrets bool
	// CheckRedisURL, when set and CheckSecrets is, checks the URL held by
	// redis.url_env's variable (when that is set) as serve would read it;
	// serve and check-config pass the desk's Redis URL parser. Its error
	// is reported redacted.
	CheckRedisURL func(url string) error
}

// Load reads, decodes and validates the config at path. On failure the
// error is an Errors listing every problem.
func Load(path string, opts LoadOptions) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return Parse(data, abs, opts)
}

// Parse decodes and validates config bytes; path is used for messages and
// to resolve relative paths ("" resolves against the working directory).
func Parse(data []byte, path string, opts LoadOptions) (*Config, error) {
	if opts.Env == nil {
		opts.Env = os.LookupEnv
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{Path: "(file)", Msg: "the config is empty"}}
		}
		return nil, Errors{{Path: "(file)", Msg: fmt.Sprintf("not valid YAML: %v", err)}}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{Path: "(file)", Line: extra.Line, Msg: "holds more than one YAML document; put the whole desk in one"}}
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	cfg := &Config{Path: path}
	if path != "" {
		cfg.Dir = filepath.Dir(path)
	}
	d := &decoder{lines: map[string]int{}, failed: map[string]bool{}}
	d.decode("", doc, reflect.ValueOf(cfg).Elem())
	v := &validator{cfg: cfg, d: d, env: opts.Env, secrets: opts.CheckSecrets, checkRedisURL: opts.CheckRedisURL}
	v.validate()
	if len(d.errs) > 0 {
		return nil, d.errs.sorted()
	}
	return cfg, nil
}

// Secret reads the secret held by the environment variable name ("" when
// unset). Secrets are read when needed and never stored in Config, so they
// cannot be logged with it.
func Secret(name string) string {
	if name == "" {
		return ""
	}
	return os.Getenv(name)
}

// Summary is a one-line description of a valid config.
func (c *Config) Summary() string {
	folders := 0
	for _, m := range c.Mailboxes {
		folders += len(m.Folders)
	}
	return fmt.Sprintf("%s: %d mailbox(es), %d folder(s), %d topics, %d officers, %d shifts, %d SLA policies, %d outlets, %d release source(s); time zone %s",
		c.Desk.Name, len(c.Mailboxes), folders, len(c.Topics), len(c.Officers), len(c.Rota), len(c.SLA.Policies), len(c.Outlets), len(c.Releases.Sources), c.Desk.Timezone)
}
