package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/internal/app"
	"github.com/mediadesk/mediadesk/internal/mailauth"
)

func cmdCheckConfig(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check-config", flag.ContinueOnError)
	fs.SetOutput(stderr)
	noEnv := fs.Bool("no-env", false, "check the file only, not the environment variables holding secrets")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: mediadesk check-config [--no-env] FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	cfg, err := config.Load(fs.Arg(0), config.LoadOptions{CheckSecrets: !*noEnv, CheckRedisURL: checkRedisURL})
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			fmt.Fprintf(stderr, "%s: %d problem(s):\n", fs.Arg(0), len(es))
			for _, e := range es {
				fmt.Fprintf(stderr, "  %s\n", e)
			}
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", fs.Arg(0), err)
		}
		return 1
	}
	if !*noEnv {
		// The sign-in files themselves: keys parse, certificates match
		// their keys, service account keys are service account keys.
		if err := mailauth.Check(cfg); err != nil {
			var list []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				list = j.Unwrap()
			} else {
				list = []error{err}
			}
			fmt.Fprintf(stderr, "%s: %d problem(s):\n", fs.Arg(0), len(list))
			for _, e := range list {
				fmt.Fprintf(stderr, "  %v\n", e)
			}
			return 1
		}
	}
	fmt.Fprintf(stdout, "ok: %s\n", cfg.Summary())
	return 0
}

// checkRedisURL reads a Redis URL as serve will (without connecting), so
// check-config and serve report a bad redis.url_env value up front, with
// its key and its credentials masked.
func checkRedisURL(raw string) error {
	_, _, err := app.ParseRedisURL(raw)
	return err
}
