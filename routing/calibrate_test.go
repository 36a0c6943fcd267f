package routing

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// This file holds the calibration of the linker's confidence (see doc.go)
// and the regression check of the linker on the labelled samples.
//
//	MEDIADESK_CALIBRATE=1 go test ./routing -run TestCalibrate -v
//
// fits the logistic p = σ(b0 + bRank·rank + bMargin·margin + bCover·cover)
// on the top candidates of the training samples (label: is the top
// candidate the labelled release?), once on the odd-numbered shared samples
// plus our own testdata (evaluating on the held-out even-numbered ones) and
// once on everything, and prints the weights to paste into defaultParams.

type calExample struct {
	file string
	x    [3]float64 // rank, margin, cover
	y    float64
}

func features(r ranked) [3]float64 {
	best := &r.cands[0]
	margin := float64(best.rank)
	if len(r.cands) > 1 {
		margin = float64(best.rank - r.cands[1].rank)
	}
	return [3]float64{float64(best.rank), math.Min(margin, 3), float64(best.cover)}
}

// calExamples collects one example per query the linker runs on s.
func calExamples(cat *Catalogue, samples []sample) []calExample {
	var out []calExample
	for _, s := range samples {
		if s.label.Automatic || isFOIRequest(s.in.NewText) {
			continue
		}
		cat.link(&s.in, &defaultParams, func(kind string, r ranked) {
			if len(r.cands) == 0 {
				return
			}
			y := 0.0
			if cat.releases[r.cands[0].doc].ID == s.label.Release {
				y = 1
			}
			out = append(out, calExample{file: s.label.File + "/" + kind, x: features(r), y: y})
		})
	}
	return out
}

// fitLogistic fits weights by gradient descent on the L2-penalised log
// loss (the intercept is not penalised).
func fitLogistic(ex []calExample, lambda float64) [4]float64 {
	var w [4]float64
	lr := 0.05
	for it := 0; it < 20000; it++ {
		var g [4]float64
		for _, e := range ex {
			z := w[0]
			for j := 0; j < 3; j++ {
				z += w[j+1] * e.x[j]
			}
			p := 1 / (1 + math.Exp(-z))
			d := p - e.y
			g[0] += d
			for j := 0; j < 3; j++ {
				g[j+1] += d * e.x[j]
			}
		}
		n := float64(len(ex))
		for j := range w {
			g[j] /= n
			if j > 0 {
				g[j] += lambda * w[j]
			}
			w[j] -= lr * g[j]
			if j > 0 && w[j] < 0 {
				w[j] = 0 // more evidence never lowers confidence
			}
		}
	}
	return w
}

func logLoss(ex []calExample, w [4]float64) float64 {
	var l float64
	for _, e := range ex {
		z := w[0] + w[1]*e.x[0] + w[2]*e.x[1] + w[3]*e.x[2]
		p := 1 / (1 + math.Exp(-z))
		p = math.Min(math.Max(p, 1e-6), 1-1e-6)
		l -= e.y*math.Log(p) + (1-e.y)*math.Log(1-p)
	}
	return l / float64(len(ex))
}

func isOdd(file string) bool {
	n, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(file), ".eml"))
	return err == nil && n%2 == 1
}

// linkScore counts right and wrong links of the linker with params p.
func linkScore(cat *Catalogue, samples []sample, p *linkParams, verbose bool) (right, wrong, n int) {
	for _, s := range samples {
		if s.label.Automatic {
			continue
		}
		n++
		if isFOIRequest(s.in.NewText) {
			if s.label.Release == "" {
				right++
			}
			continue
		}
		l := cat.link(&s.in, p, nil)
		switch {
		case l.Release == s.label.Release:
			right++
		case l.Release != "":
			wrong++
			if verbose {
				fmt.Printf("  wrong  %s: want %q got %q (%.2f)\n", s.label.File, s.label.Release, l.Release, l.Score)
			}
		default:
			if verbose {
				fmt.Printf("  missed %s: want %q (%s)\n", s.label.File, s.label.Release, l.Detail)
			}
		}
	}
	return right, wrong, n
}

func TestCalibrate(t *testing.T) {
	if os.Getenv("MEDIADESK_CALIBRATE") == "" {
		t.Skip("set MEDIADESK_CALIBRATE=1 to fit the linker's confidence")
	}
	_, cat := sharedDesk(t)
	shared := loadSamples(t, sharedData(t, "enquiries"))
	own := loadSamples(t, filepath.Join("testdata", "enquiries"))
	var odd, even []sample
	for _, s := range shared {
		if isOdd(s.label.File) {
			odd = append(odd, s)
		} else {
			even = append(even, s)
		}
	}
	report := func(name string, w [4]float64, sets map[string][]sample) {
		p := defaultParams
		p.b0, p.bRank, p.bMargin, p.bCover = w[0], w[1], w[2], w[3]
		fmt.Printf("%s: b0=%.3f bRank=%.3f bMargin=%.3f bCover=%.3f\n", name, w[0], w[1], w[2], w[3])
		for _, k := range []string{"odd", "even", "own", "all"} {
			ss, ok := sets[k]
			if !ok {
				continue
			}
			r, wr, n := linkScore(cat, ss, &p, true)
			fmt.Printf("  %-4s release %.3f wrong %d/%d\n", k, float64(r)/float64(n), wr, n)
		}
	}
	train := calExamples(cat, append(append([]sample{}, odd...), own...))
	held := calExamples(cat, even)
	if testing.Verbose() {
		for _, e := range append(append([]calExample{}, train...), held...) {
			fmt.Printf("  %-14s y=%.0f rank=%5.2f margin=%5.2f cover=%.2f\n", e.file, e.y, e.x[0], e.x[1], e.x[2])
		}
	}
	// The L2 penalty is chosen by the log loss on the held-out examples.
	lambda, bestLoss := 0.0, math.Inf(1)
	for _, l := range []float64{0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001} {
		loss := logLoss(held, fitLogistic(train, l))
		fmt.Printf("lambda %.3f: held-out log loss %.4f\n", l, loss)
		if loss < bestLoss {
			lambda, bestLoss = l, loss
		}
	}
	report("fit on odd+own", fitLogistic(train, lambda), map[string][]sample{"odd": odd, "even": even, "own": own})
	all := calExamples(cat, append(append([]sample{}, shared...), own...))
	report("fit on all", fitLogistic(all, lambda), map[string][]sample{"all": append(append([]sample{}, shared...), own...)})
}

// TestTuneTopics searches the topic weights. Training: the shared samples
// plus our own testdata plus one half of the tuning set (odd- or
// even-numbered files); the other half of the tuning set is held out. It
// reports, for each split, the best training accuracy and the held-out
// accuracy of the settings that reach it, and how the defaults do.
//
//	MEDIADESK_CALIBRATE=1 go test ./routing -run TestTuneTopics -v
func TestTuneTopics(t *testing.T) {
	if os.Getenv("MEDIADESK_CALIBRATE") == "" {
		t.Skip("set MEDIADESK_CALIBRATE=1 to tune the topic weights")
	}
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	type featured struct {
		file, want string
		f          topicFeatures
	}
	prep := func(ss []sample) []featured {
		var out []featured
		for _, s := range ss {
			if s.label.Automatic || isFOIRequest(s.in.NewText) || isComplaint(s.in.Subject, s.in.NewText) {
				continue
			}
			x := featured{file: s.label.File, want: s.label.Topic}
			topics.features(&s.in, cat.Link(&s.in), cat, &x.f)
			out = append(out, x)
		}
		return out
	}
	base := prep(append(loadSamples(t, sharedData(t, "enquiries")), loadSamples(t, filepath.Join("testdata", "enquiries"))...))
	var odd, even []featured
	for _, x := range prep(loadSamples(t, filepath.Join("testdata", "tuning"))) {
		if isOdd(x.file) {
			odd = append(odd, x)
		} else {
			even = append(even, x)
		}
	}
	acc := func(set []featured, p *topicParams) int {
		n := 0
		for i := range set {
			if topics.decide(&set[i].f, p).Topic == set[i].want {
				n++
			}
		}
		return n
	}
	var grid []topicParams
	for _, relFirst := range []float64{0.8, 1.2, 1.6} {
		for _, relOther := range []float64{0.4, 0.7} {
			for _, text := range []float64{0.2, 0.35, 0.5} {
				for _, subj := range []float64{0.4, 0.6} {
					for _, rel := range []float64{0.4, 0.6, 0.8} {
						for _, name := range []float64{0.25, 0.4, 0.6} {
							for _, desk := range []float64{0.6, 0.8, 1.2} {
								for _, cen := range []float64{0, 1, 2} {
									for _, mn := range []float64{0.4, 0.6, 0.9} {
										p := defaultTopicParams
										p.relFirst, p.relOther, p.place[plText], p.place[plSubject] = relFirst, relOther, text, subj
										p.kind[evRelated], p.name, p.kind[evDesk], p.centroid, p.min = rel, name, desk, cen, mn
										grid = append(grid, p)
									}
								}
							}
						}
					}
				}
			}
		}
	}
	d := defaultTopicParams
	fmt.Printf("defaults: base %d/%d, odd %d/%d, even %d/%d\n", acc(base, &d), len(base), acc(odd, &d), len(odd), acc(even, &d), len(even))
	for _, split := range []struct {
		name        string
		train, held []featured
	}{{"tune on odd, check even", odd, even}, {"tune on even, check odd", even, odd}} {
		train := append(append([]featured{}, base...), split.train...)
		best := 0
		scores := make([]int, len(grid))
		for i := range grid {
			scores[i] = acc(train, &grid[i])
			best = max(best, scores[i])
		}
		hist := map[int]int{}
		var first *topicParams
		for i := range grid {
			if scores[i] == best {
				hist[acc(split.held, &grid[i])]++
				if first == nil {
					first = &grid[i]
				}
			}
		}
		fmt.Printf("%s: best train %d/%d; held-out correct (of %d) among the best settings: %v\n  e.g. %+v\n", split.name, best, len(train), len(split.held), hist, *first)
	}
	if testing.Verbose() {
		for _, set := range [][]featured{base, odd, even} {
			for i := range set {
				if c := topics.decide(&set[i].f, &d); c.Topic != set[i].want {
					fmt.Printf("  miss %s: want %s got %s (%s)\n", set[i].file, set[i].want, c.Topic, c.Reason)
				}
			}
		}
	}
}
