package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/mediadesk/mediadesk/internal/demo"
)

func cmdDemo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o demo.Options
	fs.StringVar(&o.Listen, "listen", "127.0.0.1:8080", "dashboard address")
	fs.DurationVar(&o.Interval, "every", 8*time.Second, "how often a new enquiry arrives (0 or less: none)")
	fs.StringVar(&o.Shared, "shared", "", "shared data folder with sample enquiries and releases (default ../shared/data if present; - for none)")
	verbose := fs.Bool("v", false, "log every component's activity")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.Interval <= 0 {
		o.Interval = -1
	}
	o.Out = stdout
	if *verbose {
		o.Logger = newLogger(stderr, false)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := demo.Run(ctx, o); err != nil {
		fmt.Fprintf(stderr, "mediadesk demo: %v\n", err)
		return 1
	}
	return 0
}
