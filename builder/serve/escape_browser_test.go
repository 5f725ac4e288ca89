package serve

import (
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// trap runs in every page before the page's own scripts: a payload that
// calls a dialog, rather than setting window.__pwned, is caught too, and
// no dialog stops the test.
const trap = `for (const f of ["alert", "confirm", "prompt", "print", "open"]) {
	window[f] = () => { window.__pwned = "called " + f; };
}`

// TestEscapingInBrowser builds ../testdata/hostile, the site whose every
// string tries to run script (see builder/escape_test.go), serves it as
// GitHub Pages would, under its base path, and loads each page in
// Chromium: no payload may have run, the page may not have gone elsewhere,
// and its 100,000-character word may not make any page wider than the
// window. It follows and clicks nothing.
func TestEscapingInBrowser(t *testing.T) {
	ctx := browser(t)
	site := publish(t, hostileSite(t))
	out, base := site.Out, site.Base // "/hostile/'\"><svg onload=...>/"

	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: trap}); err != nil {
		t.Fatal(err)
	}
	// A page that goes elsewhere by itself (a refresh, a script, a form)
	// requests a navigation; the test's own do not.
	var mu sync.Mutex
	var wentAway []string
	err := chromedp.Listen(ctx, func(ev any) {
		if ev, ok := ev.(*page.EventFrameRequestedNavigation); ok {
			mu.Lock()
			wentAway = append(wentAway, fmt.Sprintf("to %s (%s)", ev.URL, ev.Reason))
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel := filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
			pages = append(pages, base+strings.TrimSuffix(rel, "index.html"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 30 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, want := range pages {
		// A moment after the load, for a refresh of no delay to begin.
		err := chromedp.Do(ctx, chromedp.Navigate(site.URL+(&url.URL{Path: want}).EscapedPath()), chromedp.Sleep(50*time.Millisecond))
		if err != nil {
			t.Fatalf("%s: %v", want, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](`({
			pwned: window.__pwned ?? null,
			path: decodeURIComponent(location.pathname),
			styled: document.styleSheets.length > 0 && getComputedStyle(document.querySelector(".skip")).position !== "static",
			wide: document.documentElement.scrollWidth > document.documentElement.clientWidth,
		})`))
		rel := strings.TrimPrefix(want, base)
		mu.Lock()
		away := wentAway
		wentAway = nil
		mu.Unlock()
		switch {
		case len(away) > 0:
			t.Errorf("%s: the page went elsewhere by itself: %v", rel, away)
		case err != nil:
			t.Errorf("%s: %v", rel, err)
		case got.Pwned != nil:
			t.Errorf("%s: an injected script ran: window.__pwned = %v", rel, got.Pwned)
		case got.Path != want:
			t.Errorf("%s: the page went to %q", rel, got.Path)
		case !got.Styled:
			t.Errorf("%s: the stylesheet did not load under the base path", rel)
		case got.Wide:
			t.Errorf("%s: wider than the window: a long word is not broken", rel)
		}
	}
}

// pageState is what TestEscapingInBrowser reads of a loaded page.
type pageState struct {
	Pwned  any    `json:"pwned"`  // window.__pwned, set by any payload that ran
	Path   string `json:"path"`   // where the page is now
	Styled bool   `json:"styled"` // the stylesheet applies
	Wide   bool   `json:"wide"`   // the page scrolls sideways
}
