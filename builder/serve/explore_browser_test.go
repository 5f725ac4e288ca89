package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"timeline/builder"
)

// publish builds the test site under https://owner.github.io/repo/ and
// serves it as GitHub Pages does, under /repo/; it returns the server's
// address.
func publish(t *testing.T) string {
	t.Helper()
	dir := newSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if rep, err := builder.Build(dir, out, builder.Options{Fingerprint: true}); err != nil {
		t.Fatalf("build: %v\n%v", err, rep.Problems)
	}
	srv := httptest.NewServer(http.StripPrefix("/repo", http.FileServer(http.Dir(out))))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestExploreInBrowser checks the map, the chart and keyboard use in
// Chromium: a region on the map is a link that goes to its page, where
// it is outlined; the chart's bars are drawn and lead to their months;
// and a keyboard alone reaches the same pages through the map's list.
func TestExploreInBrowser(t *testing.T) {
	ctx := browser(t)
	site := publish(t)
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	count := func(expr string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}

	// The map: the shaded regions are links. The chart: bars are drawn.
	do(chromedp.Navigate(site + "/repo/"))
	if n := count(`document.querySelectorAll(".map svg a path").length`); n < 3 {
		t.Errorf("the map links %d regions, want the test site's 3 or more", n)
	}
	if n := count(`document.querySelectorAll(".chart rect").length`); n < 2 {
		t.Errorf("the chart draws %d bars", n)
	}
	if h := count(`Math.round(Math.max(...[...document.querySelectorAll(".chart rect")].map(r => r.getBoundingClientRect().height)))`); h < 20 {
		t.Errorf("the chart's tallest bar is %d px high", h)
	}

	// A click on Kharkiv Oblast on the map leads to its page, where it is
	// outlined.
	do(chromedp.Click(`.map svg a[href="/repo/regions/kharkiv-oblast/"] path`, chromedp.NodeVisible), chromedp.WaitVisible(`.map`))
	if h1, outlined := eval(`document.querySelector("h1").textContent`), count(`document.querySelectorAll(".map path.current").length`); h1 != "Kharkiv Oblast" || outlined != 1 {
		t.Errorf("a click on Kharkiv Oblast led to %q, with %d regions outlined", h1, outlined)
	}

	// A bar of the home page's chart leads to its month.
	do(chromedp.Navigate(site + "/repo/"))
	month := eval(`document.querySelector(".chart a").getAttribute("href")`)
	do(chromedp.Click(`.chart a rect`, chromedp.NodeVisible), chromedp.WaitVisible(`.dayindex`))
	if at := eval(`location.pathname`); at != month {
		t.Errorf("a click on the chart's first bar (%s) led to %s", month, at)
	}

	// The date jump goes to the day, or the month, or the year that has
	// entries.
	for date, want := range map[string]string{"2024-05-25": "/repo/2024/05/25/", "2024-05-26": "/repo/2024/05/", "2024-01-15": "/repo/2024/"} {
		do(chromedp.Navigate(site+"/repo/"), chromedp.SetValue(`#jump-date`, date), chromedp.Click(`#jump button`), chromedp.WaitVisible(`h1`))
		for range 50 { // the script asks the server before it goes
			if eval(`location.pathname`) != "/repo/" {
				break
			}
			do(chromedp.Sleep(20 * time.Millisecond))
		}
		do(chromedp.WaitVisible(`h1`))
		if at := eval(`location.pathname`); at != want {
			t.Errorf("the date jump to %s went to %s, want %s", date, at, want)
		}
	}

	// Keyboard only: the first Tab reaches the skip link; the map's own
	// links are out of the tab order, and its list, which stands for
	// them, opens with Enter and leads to a region with Enter.
	do(chromedp.Navigate(site+"/repo/"), chromedp.KeyEvent(kb.Tab))
	if f := eval(`document.activeElement.textContent`); f != "Skip to content" {
		t.Errorf("the first Tab reaches %q, want the skip link", f)
	}
	focused := ""
	for range 40 {
		do(chromedp.KeyEvent(kb.Tab))
		focused = eval(`document.activeElement.closest("svg") ? "svg" : document.activeElement.tagName`)
		if focused == "svg" {
			t.Fatal("Tab reached a link of the map's SVG")
		}
		if focused == "SUMMARY" {
			break
		}
	}
	if focused != "SUMMARY" {
		t.Fatalf("40 Tabs did not reach the map's list; at %s", focused)
	}
	do(chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
	region := eval(`document.activeElement.textContent`)
	do(chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(`.map`))
	if h1 := eval(`document.querySelector("h1").textContent`); h1 != region || region == "" {
		t.Errorf("Enter on the list's first region, %q, led to %q", region, h1)
	}
}

// TestAccessibility runs axe-core on the home, entry, region and country
// pages and fails on any serious or critical violation. axe-core is an
// npm package; .ci/run installs it where this test finds it.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile(filepath.Join("..", "..", ".ci", "node", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Skip("no axe-core (npm install --prefix .ci/node axe-core, as .ci/run does): ", err)
	}
	ctx := browser(t)
	site := publish(t)
	for _, page := range []string{"/repo/", "/repo/2025/02/02/volodomyr-zelenskyy-calls-on-ukraines-allies-to-step-up/", "/repo/regions/kharkiv-oblast/", "/repo/countries/ukraine/", "/repo/regions/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(site+page), chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](
			`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical"))`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		for _, v := range violations {
			t.Errorf("%s: %s (%s): %s, at %v", page, v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
}

// violation is what TestAccessibility reads of an axe-core violation.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}
