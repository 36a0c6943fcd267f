package routing

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/mediadesk/mediadesk/mailparse"
)

// TestRouteConcurrentMatchesSequential routes the test enquiries from
// several goroutines at once (each Route borrows pooled buffers: the
// message's tokens, the link scratch, the topic features, the deadline
// scanner) and checks every decision equals the one routed alone.
func TestRouteConcurrentMatchesSequential(t *testing.T) {
	r := testRouter(t)
	var files []string
	for _, dir := range []string{"enquiries", "tuning"} {
		fs, _ := filepath.Glob(filepath.Join("testdata", dir, "*.eml"))
		files = append(files, fs...)
	}
	var ins []Input
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := mailparse.Parse(raw, mailparse.Options{})
		if err != nil {
			continue
		}
		ins = append(ins, InputFromMessage(m))
	}
	if len(ins) < 10 {
		t.Fatalf("only %d test enquiries", len(ins))
	}
	want := make([]Decision, len(ins))
	for i, in := range ins {
		want[i] = r.Route(in, in.Date, Load{})
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3*len(ins); k++ {
				i := (k*7 + g*13) % len(ins)
				if got := r.Route(ins[i], ins[i].Date, Load{}); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("enquiry %d routed concurrently: %+v, alone: %+v", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
