package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"timeline/internal/corpus"
)

// BenchmarkEditToReload measures, on a generated site of 10,000 articles
// ($TIMELINE_BENCH_N to change it), the time from an editor's write of one
// article to the reload event a browser receives: the watcher's wait for
// quiet, the rebuild and the event. It reports the median and the 90th
// percentile. Run it with
//
//	go test -run - -bench EditToReload -benchtime 40x ./builder/serve
func BenchmarkEditToReload(b *testing.B) {
	n := 10000
	if s := os.Getenv("TIMELINE_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := newSite(b)
	os.RemoveAll(filepath.Join(dir, "content"))
	if _, err := corpus.Write(filepath.Join(dir, "content"), n, 1, time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC), 1000, false); err != nil {
		b.Fatal(err)
	}
	file, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.txt"))
	text, err := os.ReadFile(file[len(file)/2])
	if err != nil {
		b.Fatal(err)
	}
	l := start(b, dir, 0)
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		edited := fmt.Appendf(slices.Clip(text), "\nAn editor's addition, number %d.\n", i)
		t0 := time.Now()
		if err := os.WriteFile(file[len(file)/2], edited, 0o644); err != nil {
			b.Fatal(err)
		}
		for m := l.next(); len(m.Changed) == 0; m = l.next() {
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "ms-p90")
}
