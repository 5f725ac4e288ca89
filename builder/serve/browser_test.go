package serve

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium for the test, or skips it.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium()
	if path == "" {
		t.Skip("no Chromium here (apt-get install -y chromium); skipping the real-browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("Chromium does not start here: %v", err)
	}
	return ctx
}

// TestBrowser opens a page in a real browser, edits its file, and watches
// the page change by itself; then breaks the file and watches the error
// appear over the page, and go when it is fixed.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	l := start(t, newSite(t), 0)
	l.write("content/b.txt", article("Browser test", "The first text of the article."))
	l.next()
	page := l.url + "/repo/2024/06/01/browser-test/"

	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".body")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "The first text") {
		t.Fatalf("page shows %q", text)
	}
	waitEvents(t, ctx, l)

	l.write("content/b.txt", article("Browser test", "The second text, saved in the editor."))
	waitFor(t, ctx, `document.querySelector(".body").textContent.includes("The second text")`, "the edit to show")

	l.write("content/b.txt", "date 2024-06-31 Browser test\n\nA day that does not exist.\n")
	waitFor(t, ctx, `(document.getElementById("timeline-errors")||{}).textContent?.includes("content/b.txt:1: impossible date")`, "the error overlay")
	waitFor(t, ctx, `document.querySelector(".body").textContent.includes("The second text")`, "the last good page under the overlay")

	l.write("content/b.txt", article("Browser test", "The third text, fixed."))
	waitFor(t, ctx, `!document.getElementById("timeline-errors") && document.querySelector(".body").textContent.includes("The third text")`, "the fix")

	css, _ := os.ReadFile(l.path("static/style.css"))
	l.write("static/style.css", string(css)+"\nbody { outline: 7px solid rgb(1, 2, 3); }\n")
	waitFor(t, ctx, `getComputedStyle(document.body).outlineWidth === "7px"`, "the new stylesheet")

	// The server stops and another starts on the same address, with an
	// edit made meanwhile: the page reconnects and reloads by itself.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.beforeRestart = true`)); err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(l.url, "http://")
	l.stop()
	l.write("content/b.txt", article("Browser test", "The fourth text, written while the server was down."))
	startAt(t, l.dir, addr)
	waitFor(t, ctx, `!window.beforeRestart && document.querySelector(".body").textContent.includes("The fourth text")`, "the page to reload from the new server")
}

// waitEvents waits until the page's script listens for events.
func waitEvents(t *testing.T, ctx context.Context, l *live) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for l.server.Clients() < 2 { // the test's own listener, and the page's
		if time.Now().After(deadline) {
			t.Fatal("the page never listened for reloads")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitFor waits until the JavaScript expression cond is true in the page,
// which may reload meanwhile.
func waitFor(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("waiting for %s: timed out (last error: %v)", what, last)
}
