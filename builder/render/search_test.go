package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"timeline/builder/entry"
	"timeline/builder/site"
)

// searchCases reads testdata/search_terms.txt: text and the terms search
// makes of it. static/search.js is checked on the same cases, in
// Chromium, by builder/serve's TestSearchInBrowser.
func searchCases(t *testing.T) [][2]string {
	t.Helper()
	f, err := os.Open("testdata/search_terms.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		text, terms, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		cases = append(cases, [2]string{strings.NewReplacer(`\t`, "\t", `\n`, "\n").Replace(text), terms})
	}
	return cases
}

func TestSearchTerms(t *testing.T) {
	for _, c := range searchCases(t) {
		if got := strings.Join(SearchTerms(c[0]), " "); got != c[1] {
			t.Errorf("SearchTerms(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestPostings: postings decode to what was encoded, sparse or dense, in
// whichever of the two encodings is shorter.
func TestPostings(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 5, 6, 7, 64, 1000, 100_000} {
		for _, density := range []float64{0, 0.001, 0.05, 0.2, 0.5, 1} {
			var ids []int32
			for i := range n {
				if rng.Float64() < density || i == n-1 && len(ids) == 0 {
					ids = append(ids, int32(i))
				}
			}
			enc := string(appendPostings([]byte("x"), ids, n))[1:]
			got, err := decodePostings(enc)
			if err != nil || !slices.Equal(got, ids) {
				t.Errorf("n %d, density %v: %q decodes to %v, %v; want %v", n, density, enc, got, err, ids)
			}
			if bitmap := 1 + (n+5)/6; len(enc) > bitmap {
				t.Errorf("n %d, density %v: %d characters, more than a bitmap's %d", n, density, len(enc), bitmap)
			}
		}
	}
	// The largest gap at 1,000,000 entries takes four digits.
	if got := string(appendPostings(nil, []int32{999_999}, 1_000_000)); got != "-mnV" {
		t.Errorf("999,999 is %q", got)
	}
}

// testSearchSite makes a site of n entries of random words, some common
// and most rare, some Cyrillic, with bylines and places.
func testSearchSite(n int) *site.Site {
	rng := rand.New(rand.NewPCG(3, 4))
	letters := []rune("abcdefghijklmnopqrstuvwxyzабвгдежзиклмнопрстуфхцчшщюяі")
	vocab := make([]string, 5000)
	for i := range vocab {
		w := make([]rune, 3+rng.IntN(7))
		for j := range w {
			if i%10 == 0 {
				w[j] = letters[rng.IntN(len(letters))]
			} else {
				w[j] = letters[rng.IntN(26)]
			}
		}
		vocab[i] = string(w)
	}
	zipf := rand.NewZipf(rng, 1.1, 3, uint64(len(vocab)-1))
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	places := []*site.Place{{Code: "UA", Name: "Ukraine"}, {Code: "UA-63", Name: "Kharkiv Oblast"}, {Code: "PL", Name: "Poland"}, {Code: "UA-65", Name: "Kherson Oblast"}}
	s := &site.Site{}
	for i := range n {
		e := &site.Entry{Entry: &entry.Entry{
			Title:   words(4+rng.IntN(8)) + fmt.Sprintf(" headline%d", i),
			Summary: words(rng.IntN(40)),
			Byline:  []string{"", "Olena Harmash", "Jane O'Doe"}[i%3],
		}}
		e.Dir = fmt.Sprintf("2024/%02d/%02d/entry-%d/", 12-i*12/n, 1+i%28, i)
		e.DateText = fmt.Sprintf("%d December 2024", 1+i%28)
		e.Countries = []*site.Place{places[0], places[2*(i%2)]}
		e.Regions = []*site.Place{places[1+2*(i%2)]}
		e.Lead = []*site.Place{places[1+2*(i%2)]}
		s.Entries = append(s.Entries, e)
	}
	return s
}

// testIndex reads a search index's files.
type testIndex struct {
	t     *testing.T
	meta  searchMeta
	files map[string][]byte
}

func newTestIndex(t *testing.T, files map[string][]byte) *testIndex {
	ix := &testIndex{t: t, files: files}
	if err := json.Unmarshal(files["search/meta.json"], &ix.meta); err != nil {
		t.Fatal(err)
	}
	return ix
}

func (ix *testIndex) json(name string, v any) {
	data, ok := ix.files[name]
	if !ok {
		ix.t.Fatalf("no file %s", name)
	}
	var f struct{ V string }
	if err := json.Unmarshal(data, &f); err != nil || f.V != ix.meta.V {
		ix.t.Fatalf("%s: version %q, %v; want %q", name, f.V, err, ix.meta.V)
	}
	if err := json.Unmarshal(data, v); err != nil {
		ix.t.Fatal(err)
	}
}

// lookup returns the entries of a term, or of every term that starts
// with prefix.
func (ix *testIndex) lookup(word string, prefix bool) []int32 {
	q := word
	if !prefix {
		q += " "
	}
	ids, err := SearchFind(func(name string) ([]byte, error) {
		data, ok := ix.files[name]
		if !ok {
			return nil, os.ErrNotExist
		}
		return data, nil
	}, q)
	if err != nil {
		ix.t.Fatal(err)
	}
	return ids
}

// TestSearchIndex builds the index of a site and looks up every term,
// and prefixes of terms, in it, against a search of every entry's words;
// with keys split as they come, and split much more.
func TestSearchIndex(t *testing.T) {
	s := testSearchSite(3000)
	entries := map[string][]int32{} // each term's entries, the slow way
	for i, e := range s.Entries {
		for _, f := range []string{e.Title, e.Summary, e.Byline, e.Countries[0].Name, e.Countries[1].Name, e.Regions[0].Name} {
			for _, term := range SearchTerms(f) {
				if ids := entries[term]; !slices.Contains(ids, int32(i)) {
					entries[term] = append(ids, int32(i))
				}
			}
		}
	}
	sorted := slices.Sorted(maps.Keys(entries))
	want := func(word string, prefix bool) []int32 {
		if !prefix {
			return entries[word]
		}
		var ids []int32
		i, _ := slices.BinarySearch(sorted, word)
		for ; i < len(sorted) && strings.HasPrefix(sorted[i], word); i++ {
			ids = append(ids, entries[sorted[i]]...)
		}
		slices.Sort(ids)
		return slices.Compact(ids)
	}
	for _, splitSize := range []int{searchSplitSize, 600} {
		t.Run(fmt.Sprint(splitSize), func(t *testing.T) {
			files, err := buildSearchIndex(s, 64, splitSize)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := buildSearchIndex(s, 64, splitSize)
			for name, data := range files {
				if !bytes.Equal(data, again[name]) {
					t.Errorf("%s differs from one build to the next", name)
				}
			}
			ix := newTestIndex(t, files)
			if ix.meta.N != len(s.Entries) || ix.meta.Chunk != 64 || ix.meta.Shards != searchShards(len(s.Entries)) {
				t.Errorf("meta: %+v", ix.meta)
			}
			if splitSize < searchSplitSize && len(ix.meta.Split) < 20 {
				t.Errorf("only %d keys split: %v", len(ix.meta.Split), ix.meta.Split)
			}
			largest := 0
			for name, data := range files {
				if strings.HasPrefix(name, "search/t/") {
					largest = max(largest, len(data))
				}
			}
			t.Logf("%d files, %d keys split, largest term file %d bytes", len(files), len(ix.meta.Split), largest)

			prefixes := map[string]bool{}
			for i, term := range sorted {
				if i%3 != 0 {
					continue // a third of them is plenty, and quicker
				}
				if got, want := ix.lookup(term, false), want(term, false); !slices.Equal(got, want) {
					t.Errorf("%q: entries %v, want %v", term, got, want)
				}
				if i%21 == 0 {
					for j := range term {
						if j >= 2 {
							prefixes[term[:j]] = true
						}
					}
				}
			}
			for p := range prefixes {
				if len([]rune(p)) < 2 {
					continue
				}
				if got, want := ix.lookup(p, true), want(p, true); !slices.Equal(got, want) {
					t.Errorf("prefix %q: %d entries, want %d", p, len(got), len(want))
				}
			}
			if got := ix.lookup("zzzzzz", false); len(got) != 0 {
				t.Errorf("a word in no entry: %v", got)
			}

			// The documents: each entry at its number.
			var d struct{ D [][]any }
			for i, e := range s.Entries {
				if i%64 == 0 {
					ix.json(fmt.Sprintf("search/d/%d.json", i/64), &d)
				}
				r := d.D[i%64]
				if r[0] != e.Title || r[1] != e.Dir || r[2] != e.DateText || ix.meta.Places[int(r[3].([]any)[0].(float64))] != e.Lead[0].Name {
					t.Fatalf("entry %d: %v", i, r)
				}
			}
		})
	}
}

// TestSearchExtras: the files of the index are known before it is made,
// and each is made.
func TestSearchExtras(t *testing.T) {
	for _, n := range []int{0, 1, 50, 51, 2000} {
		s := testSearchSite(n)
		x := searchExtras(s)
		files, err := buildSearchIndex(s, searchChunk, searchSplitSize)
		if err != nil {
			t.Fatal(err)
		}
		if len(x) != len(files) {
			t.Errorf("%d entries: %d extras, %d files", n, len(x), len(files))
		}
		print := x[0].Fingerprint(s)
		for _, f := range x {
			if !f.Lazy || f.Fingerprint(s) != print {
				t.Errorf("%s: lazy %v, fingerprint %x, want lazy and %x", f.Name, f.Lazy, f.Fingerprint(s), print)
			}
			err := f.Render(s, func(name string, data []byte) error {
				if name != f.Name || !bytes.Equal(data, files[name]) {
					t.Errorf("%s: made %s, %d bytes", f.Name, name, len(data))
				}
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		}
	}
}
