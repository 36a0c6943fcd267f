package web

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Password rules: long enough to resist guessing (NCSC: length over
// complexity), short enough for bcrypt, which ignores bytes past 72.
const (
	MinPasswordLen = 12
	MaxPasswordLen = 72
	// PasswordCost is the bcrypt cost `mediadesk passwd` uses.
	PasswordCost = 12
)

// CheckPassword says what is wrong with a new password, or nil.
func CheckPassword(pw string) error {
	switch {
	case !utf8.ValidString(pw):
		return errors.New("the password is not valid UTF-8")
	case utf8.RuneCountInString(pw) < MinPasswordLen:
		return fmt.Errorf("the password is shorter than %d characters", MinPasswordLen)
	case len(pw) > MaxPasswordLen:
		return fmt.Errorf("the password is longer than %d bytes (bcrypt ignores the rest)", MaxPasswordLen)
	case strings.TrimSpace(pw) != pw:
		return errors.New("the password starts or ends with white space")
	}
	return nil
}

// validID reports whether id can be a line key in the users or tokens file.
func validID(id string) bool {
	return id != "" && !strings.ContainsAny(id, ": \t\r\n#")
}

// fileLines reads a credentials file whose lines are "id:rest"; blank
// lines and lines starting with # are skipped. It returns the entries in
// file order.
func fileLines(b []byte) [][2]string {
	var out [][2]string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, rest, ok := strings.Cut(line, ":")
		if !ok || !validID(id) {
			continue
		}
		out = append(out, [2]string{id, rest})
	}
	return out
}

// watchedFile is a small file re-read when it changes (another inode after
// an atomic rewrite, another size or modification time), so `mediadesk
// passwd` takes effect without a restart.
type watchedFile struct {
	path string
	log  *slog.Logger
	what string

	mu      sync.Mutex
	st      os.FileInfo
	failed  bool
	entries [][2]string
}

// current returns the file's entries, re-reading it when it changed. A
// missing or unreadable file has no entries (nobody can sign in with it).
func (f *watchedFile) current() [][2]string {
	if f == nil || f.path == "" {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	st, err := os.Stat(f.path)
	if err == nil && f.st != nil && os.SameFile(st, f.st) && st.ModTime().Equal(f.st.ModTime()) && st.Size() == f.st.Size() {
		return f.entries
	}
	var b []byte
	if err == nil {
		b, err = os.ReadFile(f.path)
	}
	if err != nil {
		if !f.failed {
			f.log.Error("cannot read the "+f.what+"; nobody can sign in with it", "path", f.path, "err", err)
		}
		f.failed, f.st, f.entries = true, nil, nil
		return nil
	}
	if st.Mode().Perm()&0o077 != 0 {
		f.log.Warn("the "+f.what+" is readable by other users; chmod 600 it", "path", f.path, "mode", st.Mode().Perm().String())
	}
	f.failed, f.st, f.entries = false, st, fileLines(b)
	f.log.Info("loaded the "+f.what, "path", f.path, "entries", len(f.entries))
	return f.entries
}

// passwords holds the users file.
type passwords struct{ f *watchedFile }

// lookup returns id's bcrypt hash (nil when id has none, or only a line
// that is not a bcrypt hash) and the cost of the file's hashes: the most
// common cost among them (the highest of equally common ones), or
// PasswordCost, what `mediadesk passwd` stores, when there are none.
func (p passwords) lookup(id string) (hash []byte, cost int) {
	costs := map[int]int{}
	for _, e := range p.f.current() {
		c, err := bcrypt.Cost([]byte(e[1]))
		if err != nil {
			if e[0] == id {
				hash = nil // the last line for an id wins
			}
			continue
		}
		costs[c]++
		if e[0] == id {
			hash = []byte(e[1])
		}
	}
	cost, best := PasswordCost, 0
	for c, n := range costs {
		if n > best || n == best && c > cost {
			cost, best = c, n
		}
	}
	return hash, cost
}

// hash returns the bcrypt hash of id, or nil.
func (p passwords) hash(id string) []byte {
	h, _ := p.lookup(id)
	return h
}

// dummyHashes holds, per bcrypt cost, a hash of a random password that an
// unknown user's password is compared against, so that an unknown user
// costs what a wrong password costs: the dummy has the cost of the stored
// hashes (PasswordCost for a file written by `mediadesk passwd`).
var dummyHashes sync.Map // int → []byte

func dummyHash(cost int) []byte {
	if h, ok := dummyHashes.Load(cost); ok {
		return h.([]byte)
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h, err := bcrypt.GenerateFromPassword([]byte(hex.EncodeToString(b)), cost)
	if err != nil { // a cost out of range: bcrypt.Cost accepted it, so never
		h, _ = bcrypt.GenerateFromPassword([]byte(hex.EncodeToString(b)), PasswordCost)
	}
	v, _ := dummyHashes.LoadOrStore(cost, h)
	return v.([]byte)
}

// warm makes the dummy hash for the file's cost now, so the first unknown
// user is not slower than the rest (making it costs one more bcrypt).
func (p passwords) warm() {
	_, cost := p.lookup("")
	dummyHash(cost)
}

// verify checks id's password; an id without a hash fails after the
// same amount of work.
func (p passwords) verify(id, password string) bool {
	h, cost := p.lookup(id)
	if h == nil {
		_ = bcrypt.CompareHashAndPassword(dummyHash(cost), []byte(password))
		return false
	}
	return bcrypt.CompareHashAndPassword(h, []byte(password)) == nil
}

// fingerprint identifies id's current password line without revealing
// it: a SHA-256 under a fixed label of the id and its bcrypt hash, which
// holds a random salt, so the digest cannot be used to test guesses
// without the file itself. "" when id has no password. A session stores
// it at sign-in (sessions.cred).
func (p passwords) fingerprint(id string) string {
	h := p.hash(id)
	if h == nil {
		return ""
	}
	m := sha256.New()
	m.Write([]byte("mediadesk session credential v1\x00"))
	m.Write([]byte(id))
	m.Write([]byte{0})
	m.Write(h)
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// tokens holds the API tokens file.
type tokens struct{ f *watchedFile }

// tokenPrefix marks mediadesk API tokens (easy to spot in a leak scan).
const tokenPrefix = "mdk_"

// verify returns the officer id a bearer token acts as.
func (t tokens) verify(token string) (string, bool) {
	if !strings.HasPrefix(token, tokenPrefix) || len(token) > 200 {
		return "", false
	}
	sum := sha256.Sum256([]byte(token))
	id, found := "", false
	for _, e := range t.f.current() {
		algo, hexSum, ok := strings.Cut(e[1], ":")
		if !ok || algo != "sha256" {
			continue
		}
		want, err := hex.DecodeString(hexSum)
		if err != nil || len(want) != sha256.Size {
			continue
		}
		if subtle.ConstantTimeCompare(sum[:], want) == 1 {
			id, found = e[0], true
		}
	}
	return id, found
}

// SetPassword writes (or replaces) id's bcrypt hash in the users file at
// path, creating it with mode 0600. cost 0 means PasswordCost.
func SetPassword(path, id, password string, cost int) error {
	if !validID(id) {
		return fmt.Errorf("%q is not a valid officer id", id)
	}
	if err := CheckPassword(password); err != nil {
		return err
	}
	if cost == 0 {
		cost = PasswordCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), cost)
	if err != nil {
		return fmt.Errorf("hash the password: %w", err)
	}
	return rewrite(path, func(lines []string) []string {
		out := make([]string, 0, len(lines)+1)
		for _, l := range lines {
			if lineID(l) != id {
				out = append(out, l)
			}
		}
		return append(out, id+":"+string(h))
	})
}

// RemoveEntries deletes every line of id from a users or tokens file and
// reports how many there were.
func RemoveEntries(path, id string) (int, error) {
	n := 0
	err := rewrite(path, func(lines []string) []string {
		out := lines[:0:0]
		for _, l := range lines {
			if lineID(l) == id {
				n++
				continue
			}
			out = append(out, l)
		}
		return out
	})
	return n, err
}

// NewAPIToken makes a random API token for officer id, appends its SHA-256
// to the tokens file at path (mode 0600) and returns the token, which is
// shown once and stored nowhere.
func NewAPIToken(path, id string) (string, error) {
	if !validID(id) {
		return "", fmt.Errorf("%q is not a valid officer id", id)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	tok := tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	sum := sha256.Sum256([]byte(tok))
	err := rewrite(path, func(lines []string) []string {
		return append(lines, id+":sha256:"+hex.EncodeToString(sum[:]))
	})
	if err != nil {
		return "", err
	}
	return tok, nil
}

func lineID(l string) string {
	t := strings.TrimSpace(l)
	if t == "" || strings.HasPrefix(t, "#") {
		return ""
	}
	id, _, _ := strings.Cut(t, ":")
	return id
}

// rewrite replaces a credentials file atomically (temporary file in the
// same folder, fsync, rename), keeping comments and other lines.
func rewrite(path string, edit func(lines []string) []string) error {
	if path == "" {
		return errors.New("no file named")
	}
	var lines []string
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		lines = strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		if len(lines) == 1 && lines[0] == "" {
			lines = nil
		}
	case errors.Is(err, os.ErrNotExist):
	default:
		return fmt.Errorf("read %s: %w", path, err)
	}
	lines = edit(lines)
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	var buf bytes.Buffer
	for _, l := range lines {
		buf.WriteString(l)
		buf.WriteByte('\n')
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// WriteUsers writes a users file giving every id the same password (one
// bcrypt hash, computed once): for the demo, never for a real desk.
func WriteUsers(path string, ids []string, password string, cost int) error {
	if err := CheckPassword(password); err != nil {
		return err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), cost)
	if err != nil {
		return fmt.Errorf("hash the password: %w", err)
	}
	return rewrite(path, func([]string) []string {
		lines := []string{"# demo users: every officer has the same generated password"}
		for _, id := range ids {
			if validID(id) {
				lines = append(lines, id+":"+string(h))
			}
		}
		return lines
	})
}
