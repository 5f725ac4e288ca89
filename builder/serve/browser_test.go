package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"timeline/builder"
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

// A published site is a built site folder served as GitHub Pages serves
// it: under its base path, from the files of its build.
type published struct {
	URL  string // the server's address: "http://127.0.0.1:PORT"
	Base string // the site's base path: "/repo/"
	Out  string // the built site

	mu    sync.Mutex
	asked []string // the paths asked for, in order
}

// publish builds the site folder dir and serves it until the test ends.
func publish(t *testing.T, dir string) *published {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if rep, err := builder.Build(dir, out, builder.Options{Fingerprint: true}); err != nil {
		t.Fatalf("build: %v\n%v", err, rep.Problems)
	}
	p, err := builder.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	site := &published{Base: p.Config.BaseURLParsed().Path, Out: out}
	files := http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site.mu.Lock()
		site.asked = append(site.asked, r.URL.Path)
		site.mu.Unlock()
		// Not http.StripPrefix, which wants the escaped path to start
		// with the prefix too: pages may escape a base path's quotes in
		// lower case (%3e), which is the same address.
		rest, ok := strings.CutPrefix(r.URL.Path, site.Base)
		if !ok {
			http.NotFound(w, r)
			return
		}
		r.URL.Path, r.URL.RawPath = "/"+rest, ""
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	site.URL = srv.URL
	return site
}

// Asked returns the paths asked for so far.
func (p *published) Asked() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.asked)
}

// hostileSite copies ../testdata/hostile, the site whose every string
// tries to run script (see builder/escape_test.go), with the project's
// templates and static files.
func hostileSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{"../testdata/hostile": "", "../../templates": "templates", "../../static": "static"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// evalJS evaluates expr in the page, awaiting it if it is a promise.
func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// violation is what axeCheck reads of an axe-core violation.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}
