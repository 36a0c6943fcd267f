// Command langdetect measures the candidate language detectors on the
// routing samples: accuracy per language on routing/testdata/multilingual
// (odd files = the half any choice was made on; even = unseen; all
// reported) and on the English samples, heap after loading, and time per
// message. It is its own module so the detector under comparison that
// was not chosen stays out of mediadesk's go.mod.
//
//	cd bench/langdetect && go run . -root ../..
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/pemistahl/lingua-go"

	"github.com/mediadesk/mediadesk/routing"

	"github.com/mediadesk/mediadesk/mailparse"
)

var maxText = flag.Int("max", 300, "bytes of the new text given to the detector (as routing.DetectLanguage)")

// clip cuts s to n bytes at a character boundary.
func clip(s string, n int) string {
	if n <= 0 || len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

type sample struct {
	file, lang, text string
	odd              bool
}

// desk is the default desk language set (routing.DefaultLanguages).
var desk = []string{"en", "sq", "de", "fr", "es", "it", "sr", "hr", "bs", "pl", "uk", "ru", "ar", "pt", "nl", "tr", "el"}

func main() {
	root := flag.String("root", "../..", "the mediadesk repository")
	shared := flag.String("shared", "", "../shared for its English samples (optional)")
	flag.Parse()
	var all []sample
	all = append(all, load(filepath.Join(*root, "routing/testdata/multilingual"), "")...)
	all = append(all, load(filepath.Join(*root, "routing/testdata/enquiries"), "en")...)
	all = append(all, load(filepath.Join(*root, "routing/testdata/heldout"), "en")...)
	if *shared != "" {
		all = append(all, load(filepath.Join(*shared, "data/enquiries"), "en")...)
	}
	fmt.Printf("%d samples\n", len(all))

	heap0 := heap()
	wl := map[whatlanggo.Lang]bool{}
	for _, c := range desk {
		if l := whatlanggo.CodeToLang(iso3(c)); l != -1 {
			wl[l] = true
		}
	}
	wopts := whatlanggo.Options{Whitelist: wl}
	wh := heap() - heap0
	run("whatlanggo", all, wh, func(s string) string {
		info := whatlanggo.DetectWithOptions(s, wopts)
		return strings.ToLower(whatlanggo.Langs[info.Lang])
	}, func(s string) string { return whatIso(whatlanggo.DetectWithOptions(s, wopts).Lang) })

	for _, low := range []bool{true, false} {
		runtime.GC()
		h0 := heap()
		var ls []lingua.Language
		for _, c := range desk {
			if l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(c)); l != lingua.Unknown {
				ls = append(ls, l)
			}
		}
		b := lingua.NewLanguageDetectorBuilder().FromLanguages(ls...).WithPreloadedLanguageModels()
		if low {
			b = b.WithLowAccuracyMode()
		}
		det := b.Build()
		h := heap() - h0
		name := "lingua-go high accuracy"
		if low {
			name = "lingua-go low accuracy"
		}
		run(name, all, h, nil, func(s string) string {
			l, ok := det.DetectLanguageOf(s)
			if !ok {
				return ""
			}
			return strings.ToLower(l.IsoCode639_1().String())
		})
		runtime.KeepAlive(det)
	}

	// What the desk runs: routing.Languages, whose plain-English check
	// answers most mail before lingua-go (low accuracy) is asked.
	runtime.GC()
	h0 := heap()
	md, err := routing.NewLanguages(desk)
	if err != nil {
		fmt.Println(err)
		return
	}
	md.Detect("warm the models up with a sentence in no particular language, bitte")
	run("mediadesk (plain-English check, then lingua-go low)", all, heap()-h0, nil, md.Detect)
}

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// same folds Serbian, Croatian and Bosnian in Latin script: one language
// for a reader (labels say which, the text often cannot).
func same(a, b string) bool {
	f := func(x string) string {
		if x == "hr" || x == "bs" || x == "sr" {
			return "sh"
		}
		return x
	}
	return f(a) == f(b)
}

func run(name string, all []sample, heapBytes uint64, _ func(string) string, detect func(string) string) {
	type acc struct{ ok, n int }
	per := map[string]*acc{}
	var odd, even, en, ml acc
	start := time.Now()
	for _, s := range all {
		got := detect(s.text)
		ok := same(got, s.lang)
		a := per[s.lang]
		if a == nil {
			a = &acc{}
			per[s.lang] = a
		}
		for _, x := range []*acc{a} {
			x.n++
			if ok {
				x.ok++
			}
		}
		add := func(x *acc) {
			x.n++
			if ok {
				x.ok++
			}
		}
		if s.file[0] == 't' || s.lang == "en" && !strings.HasPrefix(s.file, "m") {
			add(&en)
		} else {
			add(&ml)
			if s.odd {
				add(&odd)
			} else {
				add(&even)
			}
		}
		if !ok {
			t := []rune(s.text)
			if len(t) > 100 {
				t = t[:100]
			}
			fmt.Printf("  %s miss %s: want %s got %q: %q\n", name, s.file, s.lang, got, string(t))
		}
	}
	// time per message: repeat the whole set
	const reps = 20
	t0 := time.Now()
	for i := 0; i < reps; i++ {
		for _, s := range all {
			detect(s.text)
		}
	}
	per1 := time.Since(t0) / time.Duration(reps*len(all))
	_ = start
	fmt.Printf("%s: heap after loading %.1f MiB, %.1f µs/message\n", name, float64(heapBytes)/(1<<20), float64(per1.Nanoseconds())/1000)
	fmt.Printf("  multilingual all %d/%d, odd %d/%d, even %d/%d; English samples %d/%d\n", ml.ok, ml.n, odd.ok, odd.n, even.ok, even.n, en.ok, en.n)
	var keys []string
	for k := range per {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %s %d/%d", k, per[k].ok, per[k].n)
	}
	fmt.Println()
}

func load(dir, lang string) []sample {
	labels := map[string]string{}
	if f, err := os.Open(filepath.Join(dir, "labels.jsonl")); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var l struct{ File, Lang string }
			if json.Unmarshal(sc.Bytes(), &l) == nil {
				labels[l.File] = l.Lang
			}
		}
		f.Close()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	var out []sample
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		m, err := mailparse.Parse(raw, mailparse.Options{})
		if err != nil || m.Automatic != "" {
			continue
		}
		base := filepath.Base(p)
		l := lang
		if l == "" {
			l = labels[base]
		}
		if l == "" {
			continue
		}
		n := 0
		fmt.Sscanf(base, "%d", &n)
		file := base
		if lang == "" {
			file = "m" + base
		}
		out = append(out, sample{file: file, lang: l, text: clip(m.NewText, *maxText), odd: n%2 == 1})
	}
	return out
}

func iso3(c string) string {
	m := map[string]string{"en": "eng", "sq": "sqi", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "sr": "srp", "hr": "hrv", "bs": "bos", "pl": "pol", "uk": "ukr", "ru": "rus", "ar": "arb", "pt": "por", "nl": "nld", "tr": "tur", "el": "ell"}
	return m[c]
}

func whatIso(l whatlanggo.Lang) string {
	for _, c := range desk {
		if whatlanggo.CodeToLang(iso3(c)) == l && l != -1 {
			return c
		}
	}
	return ""
}
