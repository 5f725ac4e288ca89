package serve

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestExploreInBrowser checks the map, the chart and keyboard use in
// Chromium: a region on the map is a link that goes to its page, where
// it is outlined; the chart's bars are drawn and lead to their months;
// and a keyboard alone reaches the same pages through the map's list.
func TestExploreInBrowser(t *testing.T) {
	ctx := browser(t)
	site := publish(t, newSite(t)).URL
	act := func(steps ...chromedp.Action[chromedp.Void]) { t.Helper(); do(t, ctx, steps...) }
	eval := func(expr string) string { t.Helper(); return evalJS[string](t, ctx, expr) }
	count := func(expr string) int { t.Helper(); return evalJS[int](t, ctx, expr) }

	// The map: the shaded regions are links. The chart: bars are drawn.
	act(chromedp.Navigate(site + "/repo/"))
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
	act(chromedp.Click(`.map svg a[href="/repo/regions/kharkiv-oblast/"] path`, chromedp.NodeVisible), chromedp.WaitVisible(`.map`))
	if h1, outlined := eval(`document.querySelector("h1").textContent`), count(`document.querySelectorAll(".map path.current").length`); h1 != "Kharkiv Oblast" || outlined != 1 {
		t.Errorf("a click on Kharkiv Oblast led to %q, with %d regions outlined", h1, outlined)
	}

	// A bar of the home page's chart leads to its month.
	act(chromedp.Navigate(site + "/repo/"))
	month := eval(`document.querySelector(".chart a").getAttribute("href")`)
	act(chromedp.Click(`.chart a rect`, chromedp.NodeVisible), chromedp.WaitVisible(`.dayindex`))
	if at := eval(`location.pathname`); at != month {
		t.Errorf("a click on the chart's first bar (%s) led to %s", month, at)
	}

	// The date jump goes to the day, or the month, or the year that has
	// entries.
	for date, want := range map[string]string{"2024-05-25": "/repo/2024/05/25/", "2024-05-26": "/repo/2024/05/", "2024-01-15": "/repo/2024/"} {
		act(chromedp.Navigate(site+"/repo/"), chromedp.SetValue(`#jump-date`, date), chromedp.Click(`#jump button`), chromedp.WaitVisible(`h1`))
		for range 50 { // the script asks the server before it goes
			if eval(`location.pathname`) != "/repo/" {
				break
			}
			act(chromedp.Sleep(20 * time.Millisecond))
		}
		act(chromedp.WaitVisible(`h1`))
		if at := eval(`location.pathname`); at != want {
			t.Errorf("the date jump to %s went to %s, want %s", date, at, want)
		}
	}

	// Keyboard only: the first Tab reaches the skip link; the map's own
	// links are out of the tab order, and its list, which stands for
	// them, opens with Enter and leads to a region with Enter.
	act(chromedp.Navigate(site+"/repo/"), chromedp.KeyEvent(kb.Tab))
	if f := eval(`document.activeElement.textContent`); f != "Skip to content" {
		t.Errorf("the first Tab reaches %q, want the skip link", f)
	}
	focused := ""
	for range 40 {
		act(chromedp.KeyEvent(kb.Tab))
		focused = eval(`document.activeElement.closest("svg") ? "svg" : document.activeElement.tagName`)
		if focused == "svg" {
			t.Fatal("Tab reached a link of the map's or the chart's SVG: their lists stand for them")
		}
		if focused == "SUMMARY" {
			break
		}
	}
	if focused != "SUMMARY" {
		t.Fatalf("40 Tabs did not reach the map's list; at %s", focused)
	}
	act(chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
	region := eval(`document.activeElement.textContent`)
	act(chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(`.map`))
	if h1 := eval(`document.querySelector("h1").textContent`); h1 != region || region == "" {
		t.Errorf("Enter on the list's first region, %q, led to %q", region, h1)
	}
}

// TestAccessibility runs axe-core on the home, entry, region, country
// and regions pages and fails on any serious or critical violation.
// axe-core is an npm package; .ci/run fetches it where axeCheck finds it.
func TestAccessibility(t *testing.T) {
	if _, err := os.Stat(axePath); err != nil {
		t.Skip("no axe-core (.ci/run fetches it): ", err)
	}
	ctx := browser(t)
	site := publish(t, newSite(t)).URL
	for _, page := range []string{"/repo/", "/repo/2025/02/02/volodomyr-zelenskyy-calls-on-ukraines-allies-to-step-up/", "/repo/regions/kharkiv-oblast/", "/repo/countries/ukraine/", "/repo/regions/"} {
		do(t, ctx, chromedp.Navigate(site+page))
		axeCheck(t, ctx, page)
	}
}
