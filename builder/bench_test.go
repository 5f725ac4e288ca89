package builder

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"timeline/internal/corpus"
)

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }
func (discard) Remove(string) error        { return nil }

// lazyDiscard is a LazySink that keeps nothing, like a preview server no
// browser asks for the data files.
type lazyDiscard struct{ discard }

func (lazyDiscard) WriteLazy(string, func() ([]byte, error)) error { return nil }

var corpora sync.Map // n → site folder

// benchSite returns a site folder with n generated articles
// ($TIMELINE_BENCH_N overrides n), made once per test binary.
func benchSite(b *testing.B, n int) string {
	b.Helper()
	if s := os.Getenv("TIMELINE_BENCH_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	if dir, ok := corpora.Load(n); ok {
		return dir.(string)
	}
	dir, err := os.MkdirTemp("", "timeline-bench-")
	if err != nil {
		b.Fatal(err)
	}
	for src, dst := range map[string]string{"../templates": "templates", "../static": "static"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			b.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"Bench\"\nbase_url = \"https://owner.github.io/repo/\"\nwar_start = 2022-02-24\n"), 0o644)
	if _, err := corpus.Write(filepath.Join(dir, ContentDir), n, 1, time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC), 1000, false); err != nil {
		b.Fatal(err)
	}
	corpora.Store(n, dir)
	return dir
}

// BenchmarkFullBuild builds 10,000 generated articles into memory.
func BenchmarkFullBuild(b *testing.B) {
	dir := benchSite(b, 10000)
	for b.Loop() {
		if _, err := NewSession(dir, Options{Fingerprint: true}).Update(nil, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEdit updates a built session of 10,000 articles after one
// article is edited: the rebuild the preview server runs, which leaves the
// data files to be made when asked for.
func BenchmarkEdit(b *testing.B) {
	dir := benchSite(b, 10000)
	s := NewSession(dir, Options{})
	if _, err := s.Update(nil, discard{}); err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, ContentDir, "*", "*.txt"))
	file := files[len(files)/2]
	rel, _ := filepath.Rel(dir, file)
	text, _ := os.ReadFile(file)
	defer os.WriteFile(file, text, 0o644)
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(file, fmt.Appendf(slices.Clip(text), "\nAn editor's addition, number %d.\n", i), 0o644)
		if _, err := s.Update([]string{filepath.ToSlash(rel)}, lazyDiscard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse parses and places 10,000 generated articles, on one core.
func BenchmarkParse(b *testing.B) {
	dir := benchSite(b, 10000)
	p, err := Open(dir, "")
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	filepath.WalkDir(filepath.Join(dir, ContentDir), func(name string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(name)
			files = append(files, data)
		}
		return nil
	})
	for b.Loop() {
		for i, data := range files {
			p.Parse(strconv.Itoa(i)+".txt", data)
		}
	}
}

// BenchmarkModel works out the model of 10,000 parsed articles and the
// fingerprint of every page: what an edit that reshapes the site costs
// before anything is rendered.
func BenchmarkModel(b *testing.B) {
	dir := benchSite(b, 10000)
	s := NewSession(dir, Options{})
	if _, err := s.Update(nil, lazyDiscard{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		m := s.model()
		for _, p := range m.Pages {
			p.Fingerprint()
		}
	}
}
