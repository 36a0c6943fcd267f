// Command mediadesk is the media enquiries desk: it ingests the press
// office mailbox, links and routes enquiries, tracks SLAs and serves the
// dashboard. Each subcommand parses its flags into an options struct and
// hands over to the packages that do the work.
package main

import (
	"fmt"
	"io"
	"os"
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"demo", "run the whole desk in one process on embedded, in-memory servers", cmdDemo},
		{"serve", "run the desk against real IMAP, Redis and SMTP (--config FILE)", cmdServe},
		{"route", "dry-run linking and routing for saved .eml files, one JSON line each", cmdRoute},
		{"status", "print ingestion status from Redis as JSON (--config FILE)", cmdStatus},
		{"report", "print the SLA report for a period (--config FILE --from --to)", cmdReport},
		{"check-config", "validate a desk.yaml and the environment it needs", cmdCheckConfig},
		{"passwd", "set a dashboard password or make an API token", cmdPasswd},
		{"reindex", "rebuild enquiries from the mailboxes into Redis, sending nothing (--config FILE)", cmdReindex},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "mediadesk: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: mediadesk <command> [flags]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun mediadesk <command> -h for the command's flags.")
}
