package builder

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"timeline/builder/render"
)

// TestSearch builds the test site and searches its index as the browser
// does (render.SearchFind is search.js's twin): an entry is found by the
// words of its headline, its summary, its byline and its places, typed
// whole or in part, in any case and with or without accents and Cyrillic;
// a draft is not; the files are the same from build to build, and the
// search page and the home page's box point at them under the base path.
func TestSearch(t *testing.T) {
	dir := newTestSite(t)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, dir, "https://owner.github.io/repo/", out)
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(out, filepath.FromSlash(name))) }

	var meta struct {
		N, Shards, Chunk int
	}
	data, err := read("search/meta.json")
	if err != nil || json.Unmarshal(data, &meta) != nil || meta.N != 8 {
		t.Fatalf("search/meta.json: %v: %s", err, data)
	}
	shards, _ := filepath.Glob(filepath.Join(out, "search/t/*.json"))
	docs, _ := filepath.Glob(filepath.Join(out, "search/d/*.json"))
	if len(shards) != meta.Shards || len(docs) != (meta.N+meta.Chunk-1)/meta.Chunk {
		t.Errorf("%d term files and %d document files for %+v", len(shards), len(docs), meta)
	}
	var titles []string // by entry number
	for k := range docs {
		var d struct{ D [][]any }
		data, _ := read(fmt.Sprintf("search/d/%d.json", k))
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		for _, r := range d.D {
			titles = append(titles, r[0].(string))
			if _, err := read(r[1].(string) + "index.html"); err != nil {
				t.Errorf("entry %q: no page at %q", r[0], r[1])
			}
		}
	}

	const (
		zelenskyy = "Volodomyr Zelenskyy Calls On Ukraine's Allies To Step Up Support After Latest Russia 'Terror' Attacks"
		border    = "Fighting along the border"
		dva       = "Два роки повномасштабної війни"
		grain     = "Grain corridor: what we know"
	)
	for q, want := range map[string][]string{
		"zelenskyy allies ":     {zelenskyy},         // headline words
		"ZELENSKYY Allies":      {zelenskyy},         // any case; the last word a prefix
		"zel all":               {},                  // only the last word is a prefix: "zel" is no word of it
		"schofield":             {zelenskyy},         // the byline, a word found nowhere else
		"sumy ":                 {zelenskyy, border}, // a place: in the text, or set in front matter
		"sumy oblast fighting":  {border},            // a place's name and a headline word
		"dva roky":              {dva},               // Cyrillic, typed in Latin letters
		"два":                   {dva},               // and in Cyrillic
		"повномасштабної ":      {dva},               // a word of the headline
		"editor":                {grain},             // a byline with markup in it, as text
		"black sea deal":        {grain},             // the summary
		"unfinished draft ":     {},                  // a draft is not published
		"hypermarket kharkiv ":  {"Russian forces struck a hypermarket in Kharkiv on Saturday, killing at least six people, regional governor…"},
		"the and of ":           {}, // stop words find nothing
		"kyiv zzzzz":            {}, // every word must be found
		"drone attack odesa":    {"Drone attack on Odesa port", "Drone attack on Odesa port"},
		"kakhovka kherson dam ": {"Kakhovka dam breach floods Kherson region"},
	} {
		ids, err := render.SearchFind(read, q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		var got []string
		for _, id := range ids {
			got = append(got, titles[id])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q finds %q, want %q", q, got, want)
		}
	}

	// The same files from build to build.
	again := filepath.Join(t.TempDir(), "public")
	buildSite(t, dir, "https://owner.github.io/repo/", again)
	if diff := compareTrees(t, filepath.Join(out, "search"), filepath.Join(again, "search")); diff != "" {
		t.Errorf("search/ differs between two builds: %s", diff)
	}

	// The search page and the home page's box, under the base path.
	page, _ := read("search/index.html")
	for _, re := range []string{
		`<form id="search" class="search" role="search" action="/repo/search/" data-base="/repo/" hidden>`,
		`<input id="q" type="search" name="q"`,
		`<script src="/repo/search\.[0-9a-f]{8}\.js" defer></script>`,
		`<p id="search-nojs">`,
		`href="/repo/archive/">archive</a>`,
	} {
		if !regexp.MustCompile(re).Match(page) {
			t.Errorf("search/index.html lacks %s", re)
		}
	}
	home, _ := read("index.html")
	// Its only script is the date jump's: the box needs none.
	if !bytes.Contains(home, []byte(`<form class="search" role="search" action="/repo/search/">`)) ||
		bytes.Count(home, []byte("<script src")) != len(regexp.MustCompile(`<script src="/repo/jump\.[0-9a-f]{8}\.js" defer>`).FindAll(home, -1)) {
		t.Errorf("the home page has no search box, or a script other than the date jump's")
	}
	sitemap, _ := read("sitemap.xml")
	if bytes.Contains(sitemap, []byte("/search/")) {
		t.Errorf("the sitemap lists the search page, which has nothing to find by itself")
	}
}

// BenchmarkSearchIndex makes the search index of 10,000 generated
// articles ($TIMELINE_BENCH_N for more): every file of it, at once, as
// the build does when it writes the first.
func BenchmarkSearchIndex(b *testing.B) {
	dir := benchSite(b, 10000)
	s := NewSession(dir, Options{})
	if _, err := s.Update(nil, lazyDiscard{}); err != nil {
		b.Fatal(err)
	}
	var files, size int
	b.ReportAllocs()
	for b.Loop() {
		files, size = 0, 0
		for _, x := range s.renderer.Extras(s.last) {
			if strings.HasPrefix(x.Name, "search/") {
				err := x.Render(s.last, func(_ string, data []byte) error {
					files, size = files+1, size+len(data)
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(size), "bytes")
}
