package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"timeline/builder"
	"timeline/builder/render"
)

// searchCases reads the cases of ../render/testdata/search_terms.txt:
// text, and the terms search makes of it.
func searchCases(t *testing.T) [][2]string {
	t.Helper()
	f, err := os.Open("../render/testdata/search_terms.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases [][2]string
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if text, terms, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(text, "#") {
			cases = append(cases, [2]string{strings.NewReplacer(`\t`, "\t", `\n`, "\n").Replace(text), terms})
		}
	}
	return cases
}

// TestSearchInBrowser builds the test site, with 25 more entries, serves
// it as GitHub Pages serves a project site, under /repo/, and searches it
// in Chromium, by keyboard alone: search.js makes the same terms of text
// as the build; a word typed finds its entry, with the right address;
// Tab reaches the result and Enter follows it; Back shows the search
// again; "More results" adds the next ten and moves to the first; a word
// found nowhere says so; the home page's box leads to the results; every
// file fetched is under the base path. Without JavaScript, the page hides
// the box and links to the archive, countries and regions instead.
func TestSearchInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := newSite(t)
	for i := range 25 {
		writeFile(t, dir, fmt.Sprintf("content/more/m%02d.txt", i),
			fmt.Sprintf("date 2024-01-%02d Mariupol report %d\n\nA report from the city, number %d.\n", i+1, i+1, i+1))
	}
	site := publish(t, dir)
	out := site.Out

	// The entry to find, and its address, from the data file.
	const title = "Volodomyr Zelenskyy Calls On Ukraine's Allies To Step Up Support After Latest Russia 'Terror' Attacks"
	var data struct{ Entries []struct{ Title, URL string } }
	b, _ := os.ReadFile(filepath.Join(out, "timeline.json"))
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	var href string
	for _, e := range data.Entries {
		if e.Title == title {
			u, _ := url.Parse(e.URL)
			href = u.Path
		}
	}
	if !strings.HasPrefix(href, "/repo/2025/02/02/") {
		t.Fatalf("no entry %q in timeline.json", title)
	}

	do(t, ctx, chromedp.Navigate(site.URL+"/repo/search/"))
	waitFor(t, ctx, `!!window.timelineSearch`, "the search script")
	if got := evalJS[string](t, ctx, `[!document.getElementById("search").hidden, document.getElementById("search-fallback").hidden, document.activeElement.id].join()`); got != "true,true,q" {
		t.Errorf("with JavaScript: box shown, fallback hidden, box focused = %s, want true,true,q", got)
	}

	// The browser makes the terms the build makes.
	for _, c := range searchCases(t) {
		q, _ := json.Marshal(c[0])
		js := strings.Join(evalJS[[]string](t, ctx, "timelineSearch.terms("+string(q)+")"), " ")
		if goTerms := strings.Join(render.SearchTerms(c[0]), " "); js != c[1] || js != goTerms {
			t.Errorf("terms of %q: %q in the browser, %q in Go, want %q", c[0], js, goTerms, c[1])
		}
	}

	// Typed, found, followed by keyboard.
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#q"), "zelensk"))
	waitFor(t, ctx, `document.querySelector("#search-results a")?.textContent === `+jsString(title), "the result")
	waitFor(t, ctx, `document.getElementById("search-status").textContent === "1 entry"`, "the count, announced")
	if got := evalJS[string](t, ctx, `document.querySelector("#search-results a").getAttribute("href")`); got != href {
		t.Errorf("the result links to %q, want %q", got, href)
	}
	if got := evalJS[string](t, ctx, `document.querySelector("#search-results .meta").textContent`); !strings.HasPrefix(got, "2 February 2025 · ") {
		t.Errorf("the result's date and places: %q", got)
	}
	for i := 0; ; i++ {
		if i == 5 {
			t.Fatal("Tab never reached the result")
		}
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if evalJS[bool](t, ctx, `document.activeElement === document.querySelector("#search-results a")`) {
			break
		}
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname === `+jsString(href)+` && document.querySelector("h1")?.textContent === `+jsString(title), "the entry's page")
	evalJS[any](t, ctx, `history.back()`)
	waitFor(t, ctx, `location.search === "?q=zelensk" && document.querySelector("#search-results a")?.textContent === `+jsString(title), "the search again, after Back")

	// Ten at a time, newest first; More moves to the first of the next ten.
	do(t, ctx, chromedp.Navigate(site.URL+"/repo/search/?q=mariupol+report"))
	waitFor(t, ctx, `document.getElementById("search-status").textContent === "25 entries, newest first"`, "25 results")
	if got := evalJS[string](t, ctx, `[...document.querySelectorAll("#search-results a")].map(a => a.textContent.replace("Mariupol report ", "")).join()`); got != "25,24,23,22,21,20,19,18,17,16" {
		t.Errorf("the first ten results: %s", got)
	}
	axeCheck(t, ctx, "the search page with results")
	do(t, ctx, chromedp.Focus(chromedp.CSS("#search-more")), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.querySelectorAll("#search-results li").length === 20 && document.activeElement === document.querySelectorAll("#search-results a")[10]`, "ten more, and focus on the first of them")
	do(t, ctx, chromedp.Focus(chromedp.CSS("#search-more")), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.querySelectorAll("#search-results li").length === 25 && document.getElementById("search-more").hidden`, "the last five, and no More")

	// A word found nowhere; words too common.
	do(t, ctx, clearBox, chromedp.SendKeys(chromedp.CSS("#q"), "qqzzxx"))
	waitFor(t, ctx, `document.getElementById("search-status").textContent === "No entry has this word." && !document.querySelector("#search-results li")`, "no results")
	do(t, ctx, clearBox, chromedp.SendKeys(chromedp.CSS("#q"), "the of "))
	waitFor(t, ctx, `document.getElementById("search-status").textContent === "These words are too common to search for."`, "stop words")

	// The home page's box, by keyboard.
	do(t, ctx, chromedp.Navigate(site.URL+"/repo/"), chromedp.Focus(chromedp.CSS("#home-q")), chromedp.KeyEvent("odesa"), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `location.pathname === "/repo/search/" && [...document.querySelectorAll("#search-results a")].some(a => a.textContent === "Drone attack on Odesa port")`, "the home page's search")

	for _, p := range site.Asked() {
		if !strings.HasPrefix(p, "/repo/") {
			t.Errorf("fetched %s, outside the base path", p)
		}
		if strings.HasPrefix(p, "/repo/search/") && !regexp.MustCompile(`^/repo/search/((meta|t/\d+|d/\d+)\.json)?$`).MatchString(p) {
			t.Errorf("fetched %s", p)
		}
	}

	// Without JavaScript: no box, but the way to every entry.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(site.URL+"/repo/search/?q=odesa"))
	state := evalJS[string](t, ctx, `[getComputedStyle(document.getElementById("search")).display, getComputedStyle(document.getElementById("search-nojs")).display,
		...[...document.querySelectorAll("#search-fallback a")].map(a => a.getAttribute("href"))].join()`)
	if state != "none,block,/repo/archive/,/repo/countries/,/repo/regions/" {
		t.Errorf("without JavaScript: box display, notice display, links = %s", state)
	}
	// axe-core is a script: it runs with scripts on again, on the page
	// as it was loaded without them.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if evalJS[bool](t, ctx, `!!window.timelineSearch`) {
		t.Fatal("the search script ran")
	}
	axeCheck(t, ctx, "the search page without JavaScript")
}

// axePath is where .ci/run puts axe-core, an npm package.
var axePath = filepath.Join("..", "..", ".ci", "node", "node_modules", "axe-core", "axe.min.js")

// axeCheck runs axe-core on the page as it is, if .ci/run has fetched it,
// and reports serious and critical violations.
func axeCheck(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Logf("no axe-core: %s is not checked for accessibility", what)
		return
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
		t.Fatal(err)
	}
	for _, v := range evalJS[[]violation](t, ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical"))`) {
		t.Errorf("%s: %s (%s): %s, at %v", what, v.ID, v.Impact, v.Help, v.Nodes)
	}
}

// clearBox empties the search box.
var clearBox chromedp.Action[chromedp.Void] = func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
	_, err := chromedp.Evaluate[bool](`(document.getElementById("q").value = "", true)`)(ctx, t)
	return chromedp.Void{}, err
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestSearchHostileInBrowser searches the hostile site (see
// TestEscapingInBrowser) for the words of its payloads: the results show
// them as text, nothing runs, and every result is a link into the site.
func TestSearchHostileInBrowser(t *testing.T) {
	ctx := browser(t)
	site := publish(t, hostileSite(t))
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: trap}); err != nil {
		t.Fatal(err)
	}

	do(t, ctx, chromedp.Navigate(site.URL+(&url.URL{Path: site.Base + "search/"}).EscapedPath()))
	waitFor(t, ctx, `!!window.timelineSearch`, "the search script")
	for _, q := range []string{"pwned", "script", "img onerror", "svg onload", "javascript", "hyperlink", "averylongheadlineaverylong", "paypal"} {
		do(t, ctx, clearBox, chromedp.SendKeys(chromedp.CSS("#q"), q))
		// The status and the address change together, when typing stops.
		waitFor(t, ctx, `new URLSearchParams(location.search).get("q") === `+jsString(q)+` && /^\d/.test(document.getElementById("search-status").textContent)`, "results for "+q)
		got := evalJS[struct {
			Pwned   any    `json:"pwned"`
			Results int    `json:"results"`
			Bad     string `json:"bad"`
		}](t, ctx, `({
			pwned: window.__pwned ?? null,
			results: document.querySelectorAll("#search-results li").length,
			bad: [...document.querySelectorAll("#search-results li")].filter(li =>
				li.children.length !== 2 || li.children[0].tagName !== "A" || li.children[0].children.length || li.children[1].children.length ||
				!(u => u.origin === location.origin && decodeURIComponent(u.pathname).startsWith(`+jsString(site.Base)+`))(new URL(li.children[0].href))
			).map(li => li.innerHTML).join("\n"),
		})`)
		if got.Pwned != nil || got.Bad != "" {
			t.Errorf("%q: window.__pwned = %v; results that are not a link and a line of text: %s", q, got.Pwned, got.Bad)
		}
		if q == "pwned" && got.Results < 5 {
			t.Errorf("%q: %d results: the payloads must be found, as text", q, got.Results)
		}
	}
}

// TestSearchServed: the preview server makes the index's files when they
// are asked for, as a build would.
func TestSearchServed(t *testing.T) {
	dir := newSite(t)
	s := New(dir, builder.Options{}, io.Discard)
	defer s.Close()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := builder.Build(dir, out, builder.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"search/meta.json", "search/t/0.json", "search/t/5.json", "search/d/0.json", "search/index.html"} {
		resp := get(t, s, "GET", "/repo/"+name)
		want, _ := os.ReadFile(filepath.Join(out, name))
		var got strings.Builder
		bufio.NewReader(resp.Body).WriteTo(&got)
		if resp.StatusCode != 200 || (!strings.HasSuffix(name, ".html") && got.String() != string(want)) {
			t.Errorf("%s: status %d, %d bytes; want a build's %d bytes", name, resp.StatusCode, got.Len(), len(want))
		}
	}
}
