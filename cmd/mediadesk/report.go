package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"time"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/sla"
	"github.com/mediadesk/mediadesk/store"
)

const reportUsage = `usage: mediadesk report --config FILE [--from DATE] [--to DATE] [--by GROUP] [--format table|csv|json]
                        [--breaches N] [--topic ID] [--officer ID] [--tier TIER] [--outlet NAME] [--release ID] [--hours in|out]
       mediadesk report --config FILE --export csv|jsonl [--excel] [--from DATE] [--to DATE] [filters]

Reports on the enquiries opened from --from to --to (desk-local dates, YYYY-MM-DD, inclusive;
default the last 7 days): volume, share of each clock met in time, median and 90th percentile
time to the holding reply and to first response, open and overdue now, breaches with references.
GROUP is one of topic, officer, outlet, tier, release, day, hours.
--export writes one row (csv) or object (jsonl) per enquiry with every timestamp (desk time) and its timeline;
--excel (with csv, here or with --format csv) adds a UTF-8 byte-order mark so Excel reads names right.
Reads the desk's Redis from the environment variable named by redis.url_env.
`

func cmdReport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, reportUsage+"\nflags:\n"); fs.PrintDefaults() }
	path := fs.String("config", "", "desk config (desk.yaml)")
	from := fs.String("from", "", "first day, YYYY-MM-DD in desk time (default: 6 days before --to)")
	to := fs.String("to", "", "last day, YYYY-MM-DD in desk time (default: today)")
	by := fs.String("by", "", "group by topic, officer, outlet, tier, release, channel, language, day or hours")
	format := fs.String("format", "table", "table, csv or json")
	breaches := fs.Int("breaches", 20, "list this many breached clocks, most recent first (-1: all)")
	export := fs.String("export", "", "instead of the report, export every enquiry: csv or jsonl")
	excel := fs.Bool("excel", false, "CSV for Excel: a UTF-8 byte-order mark, CRLF, times as Excel reads them (desk time)")
	catchUp := fs.Bool("catch-up", true, "fold events not yet in the rollups into them first (safe alongside running desks)")
	filters := map[string]*string{}
	for _, f := range []string{"topic", "officer", "tier", "outlet", "release"} {
		filters[f] = fs.String(f, "", "only enquiries with this "+f)
	}
	hours := fs.String("hours", "", "only enquiries opened in (in) or out of (out) hours")
	filters["channel"] = fs.String("channel", "", "only enquiries that came by this channel: email or phone")
	filters["lang"] = fs.String("lang", "", "only enquiries in this language (ISO 639-1, e.g. de; none: language not told)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *path == "" || fs.NArg() != 0 {
		fmt.Fprint(stderr, reportUsage)
		return 2
	}
	switch *format {
	case sla.FormatTable, sla.FormatCSV, sla.FormatJSON:
	default:
		fmt.Fprintf(stderr, "mediadesk report: --format %q: use table, csv or json\n", *format)
		return 2
	}
	if *excel && *export != sla.ExportCSV && (*export != "" || *format != sla.FormatCSV) {
		fmt.Fprintln(stderr, "mediadesk report: --excel is for CSV: --export csv or --format csv")
		return 2
	}
	if *export != "" && *export != sla.ExportCSV && *export != sla.ExportJSONL {
		fmt.Fprintf(stderr, "mediadesk report: --export %q: use csv or jsonl\n", *export)
		return 2
	}
	cfg, err := loadConfig(*path, false, stderr)
	if err != nil {
		return 1
	}
	v := url.Values{}
	for k, p := range map[string]*string{"from": from, "to": to, "by": by, "hours": hours} {
		if *p != "" {
			v.Set(k, *p)
		}
	}
	for k, p := range filters {
		if *p != "" {
			v.Set(k, *p)
		}
	}
	v.Set("breaches", fmt.Sprint(*breaches))
	q, err := sla.QueryFromValues(v, cfg.Location, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
		return 2
	}
	redisURL := config.Secret(cfg.Redis.URLEnv)
	if redisURL == "" {
		fmt.Fprintf(stderr, "mediadesk report reads the desk's Redis: set %s to its URL (the demo prints it)\n", cfg.Redis.URLEnv)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	rdb, err := app.ConnectRedis(ctx, redisURL)
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
		return 1
	}
	defer rdb.Close()
	st := store.New(rdb, store.Options{Prefix: cfg.Redis.KeyPrefix, RefPrefix: cfg.Desk.ReferencePrefix, Location: cfg.Location})
	if err := st.Ping(ctx); err != nil {
		fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
		return 1
	}
	svc, err := sla.NewService(st, cfg, sla.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
		return 1
	}
	if *catchUp {
		if _, err := svc.Projector.CatchUp(ctx); err != nil {
			fmt.Fprintf(stderr, "mediadesk report: bringing the rollups up to date: %v\n", err)
			return 1
		}
	}
	if *export != "" {
		n, err := svc.Reports.ExportTo(ctx, q, sla.ExportOptions{Format: *export, Excel: *excel}, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "%d enquiries exported\n", n)
		return 0
	}
	rep, err := svc.Reports.Report(ctx, q)
	if err != nil {
		fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
		if errors.Is(err, sla.ErrBadQuery) {
			return 2
		}
		return 1
	}
	if *excel && *format == sla.FormatCSV {
		if _, err := io.WriteString(stdout, sla.UTF8BOM); err != nil {
			fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
			return 1
		}
	}
	if err := sla.Write(stdout, rep, *format, cfg.Location); err != nil {
		fmt.Fprintf(stderr, "mediadesk report: %v\n", err)
		return 1
	}
	return 0
}
