package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/web"
)

// cmdPasswd is `mediadesk passwd`: it sets an officer's dashboard password
// in the users file (read from stdin), removes it, or makes an API token.
func cmdPasswd(args []string, stdout, stderr io.Writer) int {
	return runPasswd(args, os.Stdin, stdout, stderr)
}

const passwdUsage = `usage: mediadesk passwd [--config desk.yaml] [--file FILE] ID
       mediadesk passwd [--config desk.yaml] [--file FILE] --delete ID
       mediadesk passwd [--config desk.yaml] [--file FILE] --token ID
       mediadesk passwd [--config desk.yaml] [--file FILE] --token --delete ID

Sets officer ID's dashboard password: the first line of standard input,
12 to 72 bytes, stored as a bcrypt hash (cost %d) in the users file
(--file, else web.users_file of --config). The input is not hidden when typed; to keep
it off the screen:  read -rs PW && printf '%%s\n' "$PW" | mediadesk passwd ID

--token makes an API token that acts as ID on /api/ (Authorization: Bearer),
prints it once and stores only its SHA-256 in the tokens file (--file,
else web.api_tokens_file of --config). --delete removes ID's password, or with --token
all of ID's tokens. Changes take effect at once; no restart is needed: a new
password or --delete also ends ID's dashboard sessions at their next request.
`

func runPasswd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("passwd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, passwdUsage, web.PasswordCost) }
	file := fs.String("file", "", "the users file, or with --token the tokens file")
	cfgPath := fs.String("config", "", "desk config; ID must be one of its officers")
	token := fs.Bool("token", false, "make an API token instead of setting a password")
	del := fs.Bool("delete", false, "remove the password (or with --token, the tokens)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	id := fs.Arg(0)
	path := *file
	if *cfgPath != "" {
		cfg, err := loadConfig(*cfgPath, false, stderr)
		if err != nil {
			return 1
		}
		if cfg.Officer(id) == nil {
			fmt.Fprintf(stderr, "mediadesk passwd: %q is not an officer in %s; officers: %s\n", id, *cfgPath, officerIDs(cfg))
			return 1
		}
		if path == "" {
			path, key := cfg.Web.UsersFile, "web.users_file"
			if *token {
				path, key = cfg.Web.APITokensFile, "web.api_tokens_file"
			}
			if path == "" {
				fmt.Fprintf(stderr, "mediadesk passwd: %s sets no %s; give --file or set it\n", *cfgPath, key)
				return 2
			}
			return runPasswdFile(cfg.Resolve(path), id, *token, *del, stdin, stdout, stderr)
		}
	}
	if path == "" {
		fmt.Fprintln(stderr, "mediadesk passwd: no file: give --config (with web.users_file / web.api_tokens_file) or --file")
		return 2
	}
	return runPasswdFile(path, id, *token, *del, stdin, stdout, stderr)
}

// runPasswdFile sets or removes id's password (or token) in path.
func runPasswdFile(path, id string, token, del bool, stdin io.Reader, stdout, stderr io.Writer) int {
	switch {
	case del:
		n, err := web.RemoveEntries(path, id)
		if err != nil {
			fmt.Fprintf(stderr, "mediadesk passwd: %v\n", err)
			return 1
		}
		what := "password"
		if token {
			what = "token(s)"
		}
		fmt.Fprintf(stdout, "removed %d %s of %s from %s\n", n, what, id, path)
		return 0
	case token:
		tok, err := web.NewAPIToken(path, id)
		if err != nil {
			fmt.Fprintf(stderr, "mediadesk passwd: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "API token for %s (shown once; %s keeps only its SHA-256):\n", id, path)
		fmt.Fprintln(stdout, tok)
		return 0
	}
	pw, err := readPassword(stdin, stderr, id)
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk passwd: %v\n", err)
		return 1
	}
	if err := web.SetPassword(path, id, pw, 0); err != nil {
		fmt.Fprintf(stderr, "mediadesk passwd: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "password of %s set in %s\n", id, path)
	return 0
}

// readPassword reads the first line of stdin; typed at a terminal, it asks
// twice.
func readPassword(stdin io.Reader, stderr io.Writer, id string) (string, error) {
	interactive := false
	if f, ok := stdin.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			interactive = true
		}
	}
	r := bufio.NewReader(stdin)
	line := func(prompt string) (string, error) {
		if interactive {
			fmt.Fprint(stderr, prompt)
		}
		s, err := r.ReadString('\n')
		if err != nil && !(errors.Is(err, io.EOF) && s != "") {
			return "", errors.New("no password on standard input")
		}
		return strings.TrimRight(s, "\r\n"), nil
	}
	pw, err := line("New password for " + id + " (shown as you type): ")
	if err != nil {
		return "", err
	}
	if err := web.CheckPassword(pw); err != nil {
		return "", err
	}
	if interactive {
		again, err := line("Again: ")
		if err != nil {
			return "", err
		}
		if again != pw {
			return "", errors.New("the two passwords differ")
		}
	}
	return pw, nil
}

func officerIDs(cfg *config.Config) string {
	ids := make([]string, 0, len(cfg.Officers))
	for _, o := range cfg.Officers {
		ids = append(ids, o.ID)
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}
