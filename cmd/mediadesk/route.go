package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/routing"
)

// routeOptions are the flags of `mediadesk route`.
type routeOptions struct {
	config  string
	now     time.Time // zero: each message's Date
	balance bool
	files   []string
}

// routeLine is one line of `mediadesk route` output (GUIDE section 4).
// Times are RFC 3339 in the desk's time zone, "" when there is none.
type routeLine struct {
	File             string   `json:"file"`
	Error            string   `json:"error,omitempty"`
	MessageID        string   `json:"message_id"`
	From             string   `json:"from"`
	Subject          string   `json:"subject"`
	Date             string   `json:"date"`
	Now              string   `json:"now"`
	Outlet           string   `json:"outlet"`
	OutletTier       string   `json:"outlet_tier"`
	Automatic        bool     `json:"automatic"`
	AutoKind         string   `json:"auto_kind,omitempty"`
	Release          string   `json:"release"`
	ReleaseScore     float64  `json:"release_score"`
	ReleaseReason    string   `json:"release_reason"`
	ReleaseTitle     string   `json:"release_title"`
	ReleaseDetail    string   `json:"release_detail,omitempty"`
	Topic            string   `json:"topic"`
	TopicReason      string   `json:"topic_reason,omitempty"`
	Language         string   `json:"language"`
	Officer          string   `json:"officer"`
	OfficerReason    string   `json:"officer_reason,omitempty"`
	Shift            string   `json:"shift,omitempty"`
	Deadline         string   `json:"deadline"`
	DeadlinePhrase   string   `json:"deadline_phrase,omitempty"`
	Policy           string   `json:"policy,omitempty"`
	AcknowledgeDue   string   `json:"acknowledge_due"`
	FirstResponseDue string   `json:"first_response_due"`
	ResolutionDue    string   `json:"resolution_due"`
	Warnings         []string `json:"warnings,omitempty"`
}

func routeUsage(fs *flag.FlagSet) func() {
	return func() {
		w := fs.Output()
		fmt.Fprintln(w, "usage: mediadesk route --config desk.yaml [--now RFC3339] [--balance] FILE.eml...")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Dry-runs linking and routing for saved messages: one JSON object per file, one per")
		fmt.Fprintln(w, "line, in input order. No mailbox, Redis or secrets are needed; feeds in the")
		fmt.Fprintln(w, "config are not fetched (only JSON Lines release files are read).")
		fmt.Fprintln(w)
		fs.PrintDefaults()
	}
}

func parseRouteArgs(args []string, stderr io.Writer) (routeOptions, error) {
	var o routeOptions
	var now string
	fs := flag.NewFlagSet("route", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.config, "config", "", "the desk configuration (desk.yaml)")
	fs.StringVar(&now, "now", "", "the routing moment, RFC 3339 (default: each message's Date); picks the officer on shift")
	fs.BoolVar(&o.balance, "balance", false, "count the batch's own assignments as open load, so officers on a shift share it (default: every file routed against an empty desk)")
	fs.Usage = routeUsage(fs)
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.config == "" {
		fmt.Fprintln(stderr, "mediadesk route: --config is required")
		fs.Usage()
		return o, errors.New("usage")
	}
	if now != "" {
		t, err := time.Parse(time.RFC3339, now)
		if err != nil {
			fmt.Fprintf(stderr, "mediadesk route: --now %q is not an RFC 3339 time such as 2023-10-16T09:30:00+01:00\n", now)
			return o, errors.New("usage")
		}
		o.now = t
	}
	o.files = fs.Args()
	if len(o.files) == 0 {
		fmt.Fprintln(stderr, "mediadesk route: give at least one message file")
		fs.Usage()
		return o, errors.New("usage")
	}
	return o, nil
}

// cmdRoute is `mediadesk route`: a dry run of the whole routing decision
// for saved messages (GUIDE section 4). Each file is routed on its own
// against an empty desk (no open enquiries), unless --balance, so the
// output for a file does not depend on the other files given. Exit status:
// 0 when every file was routed, 1 when some file could not be read or
// parsed (its line has an "error"), 2 for a usage or config error.
func cmdRoute(args []string, stdout, stderr io.Writer) int {
	o, err := parseRouteArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	cfg, err := config.Load(o.config, config.LoadOptions{CheckSecrets: false})
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk route: %s: %v\n", o.config, err)
		return 2
	}
	rels, err := releases.LoadSources(cfg, releases.SourceOptions{Feeds: false, Log: log})
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk route: releases: %v\n", err)
		return 2
	}
	router, err := routing.NewRouter(cfg, routing.NewCatalogue(rels, cfg.Location))
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk route: %v\n", err)
		return 2
	}
	load := routing.Load{Open: map[string]int{}, LastAssigned: map[string]time.Time{}}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	status := 0
	for _, file := range o.files {
		line := routeFile(router, cfg, file, o.now, load)
		if line.Error != "" {
			status = 1
		} else if o.balance && line.Officer != "" {
			load.Open[line.Officer]++
			if t, err := time.Parse(time.RFC3339, line.Now); err == nil {
				load.LastAssigned[line.Officer] = t
			}
		}
		if err := enc.Encode(line); err != nil {
			fmt.Fprintf(stderr, "mediadesk route: writing output: %v\n", err)
			return 1
		}
	}
	return status
}

// routeFile routes one saved message.
func routeFile(r *routing.Router, cfg *config.Config, file string, now time.Time, load routing.Load) routeLine {
	line := routeLine{File: file}
	raw, err := os.ReadFile(file)
	if err != nil {
		line.Error = fmt.Sprintf("reading: %v", unwrapPath(err))
		return line
	}
	msg, err := mailparse.Parse(raw, mailparse.Options{})
	if err != nil {
		line.Error = fmt.Sprintf("parsing: %v", err)
		return line
	}
	in := routing.InputFromMessage(msg)
	at := now
	if at.IsZero() {
		at = msg.Date
	}
	if at.IsZero() {
		at = time.Now()
		line.Warnings = append(line.Warnings, "the message has no usable Date; routed at the current time")
	}
	d := r.Route(in, at, load)
	loc := cfg.Location
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(loc).Format(time.RFC3339)
	}
	line.MessageID = msg.MessageID
	line.From = msg.From.Addr
	line.Subject = msg.Subject
	line.Date = ts(msg.Date)
	line.Now = ts(at)
	line.Outlet, line.OutletTier = d.Outlet, d.OutletTier
	line.Automatic, line.AutoKind = d.Automatic, d.AutoKind
	line.Release, line.ReleaseScore, line.ReleaseReason = d.Release, d.ReleaseScore, d.ReleaseReason
	line.ReleaseTitle, line.ReleaseDetail = d.ReleaseTitle, d.ReleaseDetail
	line.Topic, line.TopicReason = d.Topic, d.TopicReason
	line.Language = d.Language
	line.Officer, line.OfficerReason, line.Shift = d.Officer, d.OfficerReason, d.Shift
	line.Deadline, line.DeadlinePhrase = ts(d.Deadline), d.DeadlinePhrase
	if !d.Automatic {
		line.Policy = d.Plan.Policy
		line.AcknowledgeDue = ts(d.Plan.AcknowledgeDue)
		line.FirstResponseDue = ts(d.Plan.FirstResponseDue)
		line.ResolutionDue = ts(d.Plan.ResolutionDue)
	}
	line.Warnings = append(line.Warnings, msg.Warnings...)
	return line
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
