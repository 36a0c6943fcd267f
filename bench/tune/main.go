// Command tune runs routing's tuning tools on labelled sample enquiries:
// the fits and searches that chose the linker's confidence weights and the
// topic weights, and explanations of single choices. It only reports; the
// weights it prints are pasted into routing by hand and checked with
// `make score` (odd half tuned, even half held out) and `make score-heldout`.
//
//	go run ./bench/tune [-shared ../shared/data] [-own routing/testdata] COMMAND [flags]
//
// Commands:
//
//	calibrate [-v]                      fit the linker's confidence (routing.CalibrateLinker)
//	topics [-v]                         search the topic weights (routing.TuneTopics)
//	explain-links [-dir D] [-file F]    the linker's top candidates per sample
//	explain-topics [-dir D] [-all]      the topic misses (every choice with -all)
//
// -dir defaults to the shared samples (SHARED/enquiries); -v also lists
// every example (calibrate) or miss (topics). Run from the repository root.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mediadesk/mediadesk/config"
	"github.com/mediadesk/mediadesk/mailparse"
	"github.com/mediadesk/mediadesk/releases/release"
	"github.com/mediadesk/mediadesk/routing"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "tune:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	top := flag.NewFlagSet("tune", flag.ContinueOnError)
	shared := top.String("shared", filepath.Join("..", "shared", "data"), "shared data folder (desk.yaml, releases.jsonl, enquiries/)")
	own := top.String("own", filepath.Join("routing", "testdata"), "routing's own testdata (enquiries/, tuning/)")
	if err := top.Parse(args); err != nil {
		return err
	}
	if top.NArg() == 0 {
		return errors.New("usage: tune [-shared DIR] [-own DIR] calibrate|topics|explain-links|explain-topics [flags]")
	}
	cmd, rest := top.Arg(0), top.Args()[1:]
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	verbose := fs.Bool("v", false, "list every example (calibrate) or miss (topics)")
	dir := fs.String("dir", filepath.Join(*shared, "enquiries"), "labelled samples to explain (labels.jsonl beside the .eml files)")
	file := fs.String("file", "", "explain-links: only this sample file (e.g. 009.eml)")
	all := fs.Bool("all", false, "explain-topics: every choice, not only the misses")
	if err := fs.Parse(rest); err != nil {
		return err
	}
	cfg, cat, err := loadDesk(*shared)
	if err != nil {
		return err
	}
	router, err := routing.NewRouter(cfg, cat)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	switch cmd {
	case "calibrate":
		sh, err := loadSamples(filepath.Join(*shared, "enquiries"))
		if err != nil {
			return err
		}
		mine, err := loadSamples(filepath.Join(*own, "enquiries"))
		if err != nil {
			return err
		}
		routing.CalibrateLinker(w, cat, sh, mine, *verbose)
	case "topics":
		sh, err := loadSamples(filepath.Join(*shared, "enquiries"))
		if err != nil {
			return err
		}
		mine, err := loadSamples(filepath.Join(*own, "enquiries"))
		if err != nil {
			return err
		}
		tuning, err := loadSamples(filepath.Join(*own, "tuning"))
		if err != nil {
			return err
		}
		routing.TuneTopics(w, router, append(sh, mine...), tuning, *verbose)
	case "explain-links":
		ss, err := loadSamples(*dir)
		if err != nil {
			return err
		}
		routing.ExplainLinks(w, cat, ss, *file)
	case "explain-topics":
		ss, err := loadSamples(*dir)
		if err != nil {
			return err
		}
		routing.ExplainTopics(w, router, ss, *all)
	default:
		return fmt.Errorf("unknown command %q (calibrate, topics, explain-links, explain-topics)", cmd)
	}
	return nil
}

// loadDesk reads dir's desk.yaml and its releases.jsonl.
func loadDesk(dir string) (*config.Config, *routing.Catalogue, error) {
	cfg, err := config.Load(filepath.Join(dir, "desk.yaml"), config.LoadOptions{})
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(filepath.Join(dir, "releases.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	rels, err := release.LoadJSONL(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	return cfg, routing.NewCatalogue(rels, cfg.Location), nil
}

// loadSamples parses the labelled samples in dir (labels.jsonl beside the
// .eml files).
func loadSamples(dir string) ([]routing.Sample, error) {
	f, err := os.Open(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("labelled samples: %w", err)
	}
	defer f.Close()
	var out []routing.Sample
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var l struct {
			File      string `json:"file"`
			Release   string `json:"release"`
			Topic     string `json:"topic"`
			Automatic bool   `json:"automatic"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", f.Name(), n, err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, l.File))
		if err != nil {
			return nil, err
		}
		m, err := mailparse.Parse(raw, mailparse.Options{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.File, err)
		}
		out = append(out, routing.Sample{File: l.File, Release: l.Release, Topic: l.Topic, Automatic: l.Automatic, In: routing.InputFromMessage(m)})
	}
	return out, sc.Err()
}
