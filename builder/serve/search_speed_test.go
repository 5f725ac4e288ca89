package serve

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestSearchSpeed measures search on a large built site, in Chromium with
// its CPU slowed four times (about a mid-range phone), served from this
// machine: for each of ten searches, common words and rare ones, the time
// from the last keystroke to the results in the page, on a page just
// loaded (cold: nothing of the index fetched but meta.json) and again
// (warm), and the bytes of the index the first search fetches, typed
// letter by letter and pasted whole. It runs only when asked:
//
//	TIMELINE_BENCH_SEARCH=1 TIMELINE_BENCH_PUBLIC=/dev/shm/s100k/public go test -run SearchSpeed -v ./builder/serve
//
// The site is a build's public/ folder (of `go run ./cmd/gencorpus -n
// 100000`, say); the words are "kharkiv" and others of the generated
// articles, and the index's rarest.
func TestSearchSpeed(t *testing.T) {
	if os.Getenv("TIMELINE_BENCH_SEARCH") != "1" {
		t.Skip("set TIMELINE_BENCH_SEARCH=1 (and TIMELINE_BENCH_PUBLIC to a built site) to measure search")
	}
	out := cmp.Or(os.Getenv("TIMELINE_BENCH_PUBLIC"), "/dev/shm/s100k/public")
	pageHTML, err := os.ReadFile(filepath.Join(out, "search/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-base="([^"]*)"`).FindSubmatch(pageHTML)
	if m == nil {
		t.Fatal("no data-base on the search page")
	}
	base := string(m[1])
	words := append([]string{"kharkiv", "odesa", "zaporizhzhia", "russian", "kharkiv drones"}, rareWords(t, out)...)

	var mu sync.Mutex
	var fetched []string
	files := http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, ok := strings.CutPrefix(r.URL.Path, base+"search/"); ok && p != "meta.json" && strings.HasSuffix(p, ".json") {
			mu.Lock()
			fetched = append(fetched, "search/"+p)
			mu.Unlock()
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	took := func() (raw, gz int, n int) {
		mu.Lock()
		defer mu.Unlock()
		for _, name := range fetched {
			data, _ := os.ReadFile(filepath.Join(out, name))
			var b bytes.Buffer
			w := gzip.NewWriter(&b)
			w.Write(data)
			w.Close()
			raw, gz = raw+len(data), gz+b.Len()
		}
		n = len(fetched)
		fetched = nil
		return
	}

	ctx := benchBrowser(t, 10*time.Minute)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
		t.Fatal(err)
	}
	// hook times the last input event, and the result list's last
	// change, laid out.
	const hook = `(() => {
		window.__t = {input: 0, render: 0};
		const list = document.getElementById("search-results");
		document.getElementById("q").addEventListener("input", e => { __t.input = e.timeStamp; });
		new MutationObserver(() => { list.getBoundingClientRect(); __t.render = performance.now(); }).observe(list, {childList: true});
		return true;
	})()`
	fresh := func() {
		do(t, ctx, chromedp.Navigate(srv.URL+base+"search/"))
		evalJS[bool](t, ctx, `timelineSearch.ready().then(() => true)`)
		evalJS[bool](t, ctx, hook)
		took()
	}
	type times struct{ Input, Render float64 }
	settle := func(q string) time.Duration {
		waitFor(t, ctx, `new URLSearchParams(location.search).get("q") === `+jsString(q)+` && document.getElementById("search-status").textContent !== ""`, "the results of "+q)
		tm := evalJS[times](t, ctx, `__t`)
		if tm.Render < tm.Input {
			t.Errorf("%q: the results did not change after the last keystroke", q)
		}
		ms := func(f float64) time.Duration {
			return time.Duration(f * float64(time.Millisecond)).Round(100 * time.Microsecond)
		}
		return ms(tm.Render - tm.Input)
	}
	paste := func(q string) {
		evalJS[bool](t, ctx, `(i => { i.value = `+jsString(q)+`; i.dispatchEvent(new Event("input")); return true; })(document.getElementById("q"))`)
	}

	var cold, typed, warm []time.Duration
	for _, q := range words {
		// Cold, pasted whole.
		fresh()
		paste(q)
		c := settle(q)
		pasteRaw, pasteGz, pasteFiles := took()
		// Warm: the box emptied, and the words again.
		paste("")
		waitFor(t, ctx, `!document.querySelector("#search-results li")`, "the list emptied")
		paste(q)
		w := settle(q)
		// Cold, typed a letter at a time, at 8 letters a second.
		fresh()
		for _, r := range q {
			do(t, ctx, chromedp.KeyEvent(string(r)), chromedp.Sleep(125*time.Millisecond))
		}
		ty := settle(q)
		typedRaw, typedGz, typedFiles := took()
		n := evalJS[string](t, ctx, `document.getElementById("search-status").textContent`)
		t.Logf("%-20q %-26s cold %7v, typed %7v, warm %7v; fetched pasted %2d files %8s raw %8s gzip, typed %2d files %8s raw %8s gzip",
			q, n, c, ty, w, pasteFiles, kbytes(pasteRaw), kbytes(pasteGz), typedFiles, kbytes(typedRaw), kbytes(typedGz))
		cold, typed, warm = append(cold, c), append(typed, ty), append(warm, w)
		if pasteRaw > 300<<10 || typedRaw > 300<<10 {
			t.Errorf("%q: the first search fetched %s pasted, %s typed", q, kbytes(pasteRaw), kbytes(typedRaw))
		}
	}
	median := func(d []time.Duration) time.Duration { d = slices.Clone(d); slices.Sort(d); return d[len(d)/2] }
	t.Logf("medians of %d searches, CPU 4x slower: cold %v, typed %v, warm %v; slowest: cold %v, typed %v, warm %v",
		len(words), median(cold), median(typed), median(warm), slices.Max(cold), slices.Max(typed), slices.Max(warm))
}

func kbytes(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

// rareWords returns words of the index: three found in 10 to 40 entries,
// whose results are spread over the most documents files, and two found
// in one entry only.
func rareWords(t *testing.T, out string) []string {
	t.Helper()
	var meta struct{ Chunk int }
	data, _ := os.ReadFile(filepath.Join(out, "search/meta.json"))
	json.Unmarshal(data, &meta)
	names, _ := filepath.Glob(filepath.Join(out, "search/t/*.json"))
	type word struct {
		term          string
		count, chunks int
	}
	var some, one []word
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
	for _, name := range names {
		var shard struct{ T map[string]string }
		data, _ := os.ReadFile(name)
		json.Unmarshal(data, &shard)
		for term, p := range shard.T {
			if strings.HasSuffix(term, "*") || strings.HasPrefix(p, "!") {
				continue
			}
			chunks := map[int]bool{}
			id, acc, count := -1, 0, 0
			for _, c := range []byte(p) {
				v := strings.IndexByte(digits, c)
				acc = acc*32 + v&31
				if v < 32 {
					id += acc + 1
					acc = 0
					count++
					if count <= 10 { // the first page of results
						chunks[id/meta.Chunk] = true
					}
				}
			}
			switch {
			case count == 1:
				one = append(one, word{term, count, 1})
			case count >= 10 && count <= 40:
				some = append(some, word{term, count, len(chunks)})
			}
		}
	}
	slices.SortFunc(some, func(a, b word) int { return cmp.Or(b.chunks-a.chunks, strings.Compare(a.term, b.term)) })
	slices.SortFunc(one, func(a, b word) int { return strings.Compare(a.term, b.term) })
	var words []string
	for _, w := range some[:min(3, len(some))] {
		words = append(words, w.term)
	}
	for _, w := range one[:min(2, len(one))] {
		words = append(words, w.term)
	}
	return words
}

// benchBrowser is browser with a longer time limit.
func benchBrowser(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	path := chromium()
	if path == "" {
		t.Skip("no Chromium here")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("Chromium does not start here: %v", err)
	}
	return ctx
}
