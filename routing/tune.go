package routing

import (
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
)

// Tuning tools: the fits and searches that chose the linker's confidence
// weights and the topic weights (see doc.go), and explanations of the
// linker's and topic matcher's choices on labelled samples. They only
// report, to w; `go run ./bench/tune` runs them on the shared samples.

// Sample is a labelled enquiry (one line of a labels.jsonl beside the
// .eml files) with its routing input.
type Sample struct {
	File      string // the .eml file's name
	Release   string // the release it is about ("" for none)
	Topic     string // the desk that should answer it
	Automatic bool   // automatic mail (no release, topic or officer)
	In        Input
}

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
func calExamples(cat *Catalogue, samples []Sample) []calExample {
	var out []calExample
	for _, s := range samples {
		if s.Automatic || isFOIRequest(s.In.NewText) {
			continue
		}
		cat.link(&s.In, &defaultParams, func(kind string, r ranked) {
			if len(r.cands) == 0 {
				return
			}
			y := 0.0
			if cat.releases[r.cands[0].doc].ID == s.Release {
				y = 1
			}
			out = append(out, calExample{file: s.File + "/" + kind, x: features(r), y: y})
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

// IsOddSample reports whether a sample file is odd-numbered ("007.eml"):
// the odd half of the shared samples is the tuning half, the even half is
// held out.
func IsOddSample(file string) bool {
	n, err := strconv.Atoi(strings.TrimSuffix(path.Base(file), ".eml"))
	return err == nil && n%2 == 1
}

// linkScore counts right and wrong links of the linker with params p.
func linkScore(w io.Writer, cat *Catalogue, samples []Sample, p *linkParams, verbose bool) (right, wrong, n int) {
	for _, s := range samples {
		if s.Automatic {
			continue
		}
		n++
		if isFOIRequest(s.In.NewText) {
			if s.Release == "" {
				right++
			}
			continue
		}
		l := cat.link(&s.In, p, nil)
		switch {
		case l.Release == s.Release:
			right++
		case l.Release != "":
			wrong++
			if verbose {
				fmt.Fprintf(w, "  wrong  %s: want %q got %q (%.2f)\n", s.File, s.Release, l.Release, l.Score)
			}
		default:
			if verbose {
				fmt.Fprintf(w, "  missed %s: want %q (%s)\n", s.File, s.Release, l.Detail)
			}
		}
	}
	return right, wrong, n
}

// CalibrateLinker fits the logistic p = σ(b0 + bRank·rank + bMargin·margin
// + bCover·cover) on the top candidates of the training samples (label: is
// the top candidate the labelled release?), once on the odd-numbered
// shared samples plus own (evaluating on the held-out even-numbered ones)
// and once on everything, and writes the weights to paste into
// defaultParams. The L2 penalty is chosen by the held-out log loss.
// verbose also lists every example's features.
func CalibrateLinker(w io.Writer, cat *Catalogue, shared, own []Sample, verbose bool) {
	var odd, even []Sample
	for _, s := range shared {
		if IsOddSample(s.File) {
			odd = append(odd, s)
		} else {
			even = append(even, s)
		}
	}
	report := func(name string, wt [4]float64, sets map[string][]Sample) {
		p := defaultParams
		p.b0, p.bRank, p.bMargin, p.bCover = wt[0], wt[1], wt[2], wt[3]
		fmt.Fprintf(w, "%s: b0=%.3f bRank=%.3f bMargin=%.3f bCover=%.3f\n", name, wt[0], wt[1], wt[2], wt[3])
		for _, k := range []string{"odd", "even", "own", "all"} {
			ss, ok := sets[k]
			if !ok {
				continue
			}
			r, wr, n := linkScore(w, cat, ss, &p, true)
			fmt.Fprintf(w, "  %-4s release %.3f wrong %d/%d\n", k, float64(r)/float64(n), wr, n)
		}
	}
	train := calExamples(cat, append(append([]Sample{}, odd...), own...))
	held := calExamples(cat, even)
	if verbose {
		for _, e := range append(append([]calExample{}, train...), held...) {
			fmt.Fprintf(w, "  %-14s y=%.0f rank=%5.2f margin=%5.2f cover=%.2f\n", e.file, e.y, e.x[0], e.x[1], e.x[2])
		}
	}
	lambda, bestLoss := 0.0, math.Inf(1)
	for _, l := range []float64{0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001} {
		loss := logLoss(held, fitLogistic(train, l))
		fmt.Fprintf(w, "lambda %.3f: held-out log loss %.4f\n", l, loss)
		if loss < bestLoss {
			lambda, bestLoss = l, loss
		}
	}
	report("fit on odd+own", fitLogistic(train, lambda), map[string][]Sample{"odd": odd, "even": even, "own": own})
	all := append(append([]Sample{}, shared...), own...)
	report("fit on all", fitLogistic(calExamples(cat, all), lambda), map[string][]Sample{"all": all})
}

// TuneTopics searches the topic weights. Training: base (the shared
// samples plus our own) plus one half of tuning (odd- or even-numbered
// files); the other half is held out. It writes, for each split, the best
// training accuracy and the held-out accuracy of the settings that reach
// it, and how the defaults do; verbose also lists the defaults' misses.
func TuneTopics(w io.Writer, r *Router, base, tuning []Sample, verbose bool) {
	topics, cat := r.topics, r.Catalogue()
	type featured struct {
		file, want string
		f          topicFeatures
	}
	prep := func(ss []Sample) []featured {
		var out []featured
		for _, s := range ss {
			// FOI requests and complaints are set aside before a topic is chosen.
			if s.Automatic || isFOIRequest(s.In.NewText) || isComplaintLower(s.In.Subject, lowerText(s.In.NewText)) {
				continue
			}
			x := featured{file: s.File, want: s.Topic}
			topics.features(&s.In, cat.Link(&s.In), cat, &x.f)
			out = append(out, x)
		}
		return out
	}
	baseF := prep(base)
	var odd, even []featured
	for _, x := range prep(tuning) {
		if IsOddSample(x.file) {
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
	fmt.Fprintf(w, "defaults: base %d/%d, odd %d/%d, even %d/%d\n", acc(baseF, &d), len(baseF), acc(odd, &d), len(odd), acc(even, &d), len(even))
	for _, split := range []struct {
		name        string
		train, held []featured
	}{{"tune on odd, check even", odd, even}, {"tune on even, check odd", even, odd}} {
		train := append(append([]featured{}, baseF...), split.train...)
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
		fmt.Fprintf(w, "%s: best train %d/%d; held-out correct (of %d) among the best settings: %v\n  e.g. %+v\n", split.name, best, len(train), len(split.held), hist, *first)
	}
	if verbose {
		for _, set := range [][]featured{baseF, odd, even} {
			for i := range set {
				if c := topics.decide(&set[i].f, &d); c.Topic != set[i].want {
					fmt.Fprintf(w, "  miss %s: want %s got %s (%s)\n", set[i].file, set[i].want, c.Topic, c.Reason)
				}
			}
		}
	}
}

// ExplainLinks writes, for each labelled sample (only file, when set), the
// linker's top three candidates per query with their features; the
// labelled release is marked '*'.
func ExplainLinks(w io.Writer, cat *Catalogue, samples []Sample, file string) {
	langs, err := NewLanguages(nil)
	if err != nil {
		fmt.Fprintln(w, "language detector:", err)
	}
	for _, s := range samples {
		if s.Automatic || file != "" && file != s.File {
			continue
		}
		if s.In.Language == "" && langs != nil {
			// as Classify does: the linker reads the enquiry's language
			s.In.Language = langs.Detect(s.In.NewText)
		}
		var lines []string
		l := cat.link(&s.In, &defaultParams, func(kind string, r ranked) {
			for i, c := range r.cands {
				if i >= 3 {
					break
				}
				id := cat.releases[c.doc].ID
				mark := " "
				if id == s.Release {
					mark = "*"
				}
				lines = append(lines, fmt.Sprintf("   %s %-6s %-55.55s S=%5.2f cov=%.2f sub=%.2f tit=%.2f anc=%2d age=%4.0f rank=%5.2f %s",
					mark, kind, id, c.text, c.cover, c.subj, c.title, c.anchor, c.age, c.rank, map[bool]string{true: fmt.Sprintf("p=%.2f mass=%.1f", r.p, r.mass)}[i == 0]))
			}
		})
		ok := "ok"
		if l.Release != s.Release {
			ok = "MISS"
		}
		fmt.Fprintf(w, "%s %s want=%q got=%q %.2f %s | %s\n", s.File, ok, s.Release, l.Release, l.Score, l.Reason, l.Detail)
		for _, x := range lines {
			fmt.Fprintln(w, x)
		}
	}
}

// ExplainTopics writes the topic misses (every choice with all) with their
// reasons, and the count right.
func ExplainTopics(w io.Writer, r *Router, samples []Sample, all bool) {
	ok, n := 0, 0
	for _, s := range samples {
		if s.Automatic {
			continue
		}
		d := r.Route(s.In, s.In.Date, Load{})
		n++
		mark := "ok  "
		if d.Topic == s.Topic {
			ok++
		} else {
			mark = "MISS"
		}
		if mark == "MISS" || all {
			fmt.Fprintf(w, "%s %s want %-11s got %-11s | %s\n", mark, s.File, s.Topic, d.Topic, d.TopicReason)
		}
	}
	fmt.Fprintf(w, "topic %d/%d\n", ok, n)
}
