package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"timeline/builder"
)

// live is a running server with its watcher, and a browser's view of it.
type live struct {
	t      testing.TB
	dir    string
	url    string // "http://127.0.0.1:PORT"
	server *Server
	events chan message
	stop   func() // stops the server; tests' cleanup calls it too
}

// start serves the site folder dir on a free port, watches it (polling
// when poll is set), and listens to its events as a browser would.
func start(t testing.TB, dir string, poll time.Duration) *live {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return serveOn(t, ln, dir, poll)
}

// startAt is start on a given address.
func startAt(t testing.TB, dir, addr string) *live {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return serveOn(t, ln, dir, 0)
}

func serveOn(t testing.TB, ln net.Listener, dir string, poll time.Duration) *live {
	t.Helper()
	s := New(dir, builder.Options{}, io.Discard)
	srv := &http.Server{Handler: s}
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan struct{})
	w := &Watcher{Dir: dir, Rebuild: s.Rebuild, Log: io.Discard, Poll: poll, Ready: func() { close(watching) }}
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	go srv.Serve(ln)
	l := &live{t: t, dir: dir, url: "http://" + ln.Addr().String(), server: s, events: make(chan message, 100)}
	var once sync.Once
	l.stop = func() {
		once.Do(func() {
			cancel()
			s.Close()
			srv.Close()
			<-done
		})
	}
	t.Cleanup(l.stop)
	resp, err := http.Get(l.url + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var m message
				json.Unmarshal([]byte(data), &m)
				l.events <- m
			}
		}
	}()
	l.next() // the state on connecting
	<-watching
	return l
}

// next returns the next event, failing after a while without one.
func (l *live) next() message {
	l.t.Helper()
	select {
	case m := <-l.events:
		return m
	case <-time.After(5 * time.Second):
		l.t.Fatal("no reload event")
	}
	return message{}
}

// quiet checks that no event comes for a while.
func (l *live) quiet(what string) {
	l.t.Helper()
	select {
	case m := <-l.events:
		l.t.Errorf("%s: an event %+v, want none", what, m)
	case <-time.After(300 * time.Millisecond):
	}
}

// page returns the status and body of a page of the site.
func (l *live) page(path string) (int, string) {
	l.t.Helper()
	resp, err := http.Get(l.url + path)
	if err != nil {
		l.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// write writes a file of the site as editors' tools save: to a hidden
// file beside it, renamed over it. (A file written in place is empty for
// a moment, and a server that rebuilt in that moment, as it should, would
// report it empty: right, and a test that knows not when.)
func (l *live) write(name, text string) {
	l.t.Helper()
	tmp := path.Join(path.Dir(name), "."+path.Base(name)+".tmp")
	writeFile(l.t, l.dir, tmp, text)
	if err := os.Rename(l.path(tmp), l.path(name)); err != nil {
		l.t.Fatal(err)
	}
}

func (l *live) path(name string) string { return filepath.Join(l.dir, filepath.FromSlash(name)) }

func article(title, body string) string {
	return "date 2024-06-01 " + title + "\n\n" + body + "\n"
}

// TestWatch edits a served site the ways editors and tools do and checks
// what browsers are told and what they then load.
func TestWatch(t *testing.T) {
	for _, poll := range []time.Duration{0, 50 * time.Millisecond} {
		name := "fsnotify"
		if poll > 0 {
			name = "poll"
		}
		t.Run(name, func(t *testing.T) { testWatch(t, poll) })
	}
}

func testWatch(t *testing.T, poll time.Duration) {
	l := start(t, newSite(t), poll)
	const page = "/repo/2024/06/01/strike-on-kharkiv/"

	// A new file.
	l.write("content/w.txt", article("Strike on Kharkiv", "First version of the text."))
	m := l.next()
	if !slices.Contains(m.Changed, page) || !slices.Contains(m.Changed, "/repo/") {
		t.Fatalf("create: changed %v lacks %s and the home page", m.Changed, page)
	}
	if _, body := l.page(page); !strings.Contains(body, "First version") {
		t.Fatalf("create: page does not show the text")
	}

	// Written in place.
	l.write("content/w.txt", article("Strike on Kharkiv", "Second version, written in place."))
	if m := l.next(); !slices.Contains(m.Changed, page) || slices.Contains(m.Changed, "/repo/2023/07/18/grain-corridor-what-we-know/") {
		t.Errorf("write: changed %v: want the page, and not unrelated ones", m.Changed)
	}
	if _, body := l.page(page); !strings.Contains(body, "Second version") {
		t.Errorf("write: page not updated")
	}

	// vim: a test file "4913", the original renamed to a backup, the new
	// text written, the backup removed; swap files come and go.
	os.WriteFile(l.path("content/4913"), nil, 0o644)
	os.Remove(l.path("content/4913"))
	os.WriteFile(l.path("content/.w.txt.swp"), []byte("swap"), 0o644)
	os.Rename(l.path("content/w.txt"), l.path("content/w.txt~"))
	l.write("content/w.txt", article("Strike on Kharkiv", "Third version, saved by vim."))
	os.Remove(l.path("content/w.txt~"))
	if m := l.next(); !slices.Contains(m.Changed, page) {
		t.Errorf("vim: changed %v", m.Changed)
	}
	if _, body := l.page(page); !strings.Contains(body, "Third version") {
		t.Errorf("vim: page not updated")
	}
	os.Remove(l.path("content/.w.txt.swp"))

	// JetBrains and VS Code: written to a temporary file, renamed over.
	l.write("content/w.txt.tmp", article("Strike on Kharkiv", "Fourth version, renamed over."))
	os.Rename(l.path("content/w.txt.tmp"), l.path("content/w.txt"))
	l.next()
	if _, body := l.page(page); !strings.Contains(body, "Fourth version") {
		t.Errorf("rename over: page not updated")
	}

	// Deleted, then created again.
	os.Remove(l.path("content/w.txt"))
	l.write("content/w.txt", article("Strike on Kharkiv", "Fifth version, recreated."))
	for !strings.Contains(func() string { _, b := l.page(page); return b }(), "Fifth version") {
		l.next()
	}

	// Temporary and backup files alone change nothing.
	for _, name := range []string{"content/.w.txt.swp", "content/4913", "content/w.txt~", "content/#w.txt#", "content/.#w.txt", "content/x.tmp", "content/notes.pdf", "README.md"} {
		l.write(name, "date 2024-06-01 Not an article\n")
	}
	l.quiet("temporary files")

	// Renamed: the old address goes, the new one comes.
	os.MkdirAll(l.path("content/moved"), 0o755)
	os.Rename(l.path("content/w.txt"), l.path("content/moved/w2.txt"))
	l.write("content/moved/w2.txt", article("Strike on Kharkiv renamed", "Moved and retitled."))
	newPage := "/repo/2024/06/01/strike-on-kharkiv-renamed/"
	for status, _ := l.page(newPage); status != 200; status, _ = l.page(newPage) {
		l.next()
	}
	if status, _ := l.page(page); status != 404 {
		t.Errorf("rename: old page answers %d, want 404", status)
	}

	// A folder created with files in it, as a checkout does.
	os.MkdirAll(l.path("content/batch/deep"), 0o755)
	l.write("content/batch/deep/a.txt", article("Deep file", "In a new folder."))
	for status, _ := l.page("/repo/2024/06/01/deep-file/"); status != 200; status, _ = l.page("/repo/2024/06/01/deep-file/") {
		l.next()
	}

	// A broken file: the error is told, the last good site stays.
	l.write("content/bad.txt", "date 2025-02-30 Never\n")
	m = l.next()
	if len(m.Errors) != 1 || !strings.Contains(m.Errors[0], "content/bad.txt:1: impossible date") {
		t.Errorf("broken file: errors %v", m.Errors)
	}
	if status, body := l.page(newPage); status != 200 || !strings.Contains(body, "Moved and retitled") {
		t.Errorf("broken file: the last good page is not served")
	}
	l.write("content/bad.txt", article("Fixed now", "All good."))
	if m := l.next(); len(m.Errors) != 0 || !slices.Contains(m.Changed, "/repo/2024/06/01/fixed-now/") {
		t.Errorf("fix: %+v", m)
	}

	// site.toml replaced by renaming a new one over it, twice: it stays
	// watched.
	for _, title := range []string{"Renamed Site", "Renamed Again"} {
		l.write("site.toml.new", fmt.Sprintf("title = %q\nbase_url = \"https://owner.github.io/repo/\"\n", title))
		os.Rename(l.path("site.toml.new"), l.path("site.toml"))
		for _, body := l.page("/repo/"); !strings.Contains(body, title); _, body = l.page("/repo/") {
			l.next()
		}
	}

	// A template.
	tmpl, _ := os.ReadFile(l.path("templates/404.html"))
	l.write("templates/404.html", strings.Replace(string(tmpl), "It may have moved", "Edited template: it may have moved", 1))
	l.next()
	if _, body := l.page("/repo/nowhere/"); !strings.Contains(body, "Edited template") {
		t.Errorf("template edit not served")
	}

	// The site moves to another base path: all of it, stylesheet too.
	l.write("site.toml", "title = \"Moved\"\nbase_url = \"https://owner.github.io/other/\"\n")
	for status, _ := l.page("/other/"); status != 200; status, _ = l.page("/other/") {
		l.next()
	}
	if status, _ := l.page("/other/style.css"); status != 200 {
		t.Errorf("after a move the stylesheet answers %d", status)
	}
	if status, _ := l.page("/repo/"); status != 404 {
		t.Errorf("after a move the old address answers %d", status)
	}
	l.write("site.toml", "title = \"Test\"\nbase_url = \"https://owner.github.io/repo/\"\n")
	for status, _ := l.page("/repo/"); status != 200; status, _ = l.page("/repo/") {
		l.next()
	}

	// A stylesheet alone: no page changes, the stylesheet is swapped.
	css, _ := os.ReadFile(l.path("static/style.css"))
	l.write("static/style.css", string(css)+"\n.edited{}\n")
	if m := l.next(); len(m.Changed) != 0 || !slices.Equal(m.Styles, []string{"/repo/style.css"}) {
		t.Errorf("stylesheet: changed %v styles %v", m.Changed, m.Styles)
	}
}

// TestBurst: a checkout that writes 1,000 files gives a few rebuilds, not
// one a file.
func TestBurst(t *testing.T) {
	l := start(t, newSite(t), 0)
	for i := range 1000 {
		writeFile(t, l.dir, fmt.Sprintf("content/burst/%03d.txt", i), article(fmt.Sprintf("Burst %d", i), "Many files at once."))
	}
	// Wait for the last file's page, then for quiet: the rebuilds so far
	// are all the burst gave.
	builds := 0
	deadline := time.Now().Add(20 * time.Second)
	for status, _ := l.page("/repo/2024/06/01/burst-999/"); status != 200; status, _ = l.page("/repo/2024/06/01/burst-999/") {
		if time.Now().After(deadline) {
			t.Fatal("the last file of the burst is never served")
		}
		l.next()
		builds++
	}
	for quiet := false; !quiet; {
		select {
		case <-l.events:
			builds++
		case <-time.After(time.Second):
			quiet = true
		}
	}
	// On an idle machine it is 1 or 2; a loaded one pauses the writer for
	// longer than the watcher's quiet time now and then.
	if builds < 1 || builds > 10 {
		t.Errorf("1,000 files gave %d rebuilds, want 1 to 10", builds)
	}
	t.Logf("1,000 files gave %d rebuilds", builds)
}

// settle waits until the watcher has been quiet for a second, then checks
// that the server shows what a fresh build of the folder shows: the same
// timeline.json, which lists every entry with its address and places.
func (l *live) settle(what string) {
	l.t.Helper()
	for deadline := time.Now().Add(90 * time.Second); ; {
		select {
		case <-l.events:
			if time.Now().After(deadline) {
				l.t.Fatalf("%s: the server never settles", what)
			}
			continue
		case <-time.After(time.Second):
		}
		break
	}
	out := filepath.Join(l.t.TempDir(), "public")
	rep, err := builder.Build(l.dir, out, builder.Options{})
	if err != nil {
		l.t.Fatalf("%s: a fresh build fails: %v %v", what, err, rep.Problems)
	}
	want, _ := os.ReadFile(filepath.Join(out, "timeline.json"))
	if status, got := l.page("/repo/timeline.json"); status != 200 || got != string(want) {
		l.t.Errorf("%s: the server's timeline.json (status %d, %d bytes) is not a fresh build's (%d bytes)", what, status, len(got), len(want))
	}
}

// TestStorms: the watcher meets what checkouts, syncs and slips of the
// hand do to a site folder, and ends each time showing what a fresh build
// of the folder shows.
func TestStorms(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 5,000 files")
	}
	l := start(t, newSite(t), 0)

	// 5,000 files at once, in 50 new folders.
	for i := range 5000 {
		l.write(fmt.Sprintf("content/storm/%02d/%04d.txt", i%50, i),
			fmt.Sprintf("date 2024-%02d-%02d Storm %d\n\nOne of many files at once.\n", 1+i%12, 1+i%28, i))
	}
	l.settle("5,000 files")
	if status, _ := l.page("/repo/2024/08/16/storm-4999/"); status != 200 {
		t.Errorf("5,000 files: the last one's page answers %d", status)
	}

	// A folder of articles deleted, then put back.
	saved := filepath.Join(t.TempDir(), "storm")
	if err := os.Rename(l.path("content/storm"), saved); err != nil {
		t.Fatal(err)
	}
	l.settle("a folder deleted")
	if status, _ := l.page("/repo/2024/08/16/storm-4999/"); status != 404 {
		t.Errorf("a folder deleted: its pages answer %d", status)
	}
	if err := os.CopyFS(l.path("content/storm"), os.DirFS(saved)); err != nil {
		t.Fatal(err)
	}
	l.settle("a folder restored")
	if status, _ := l.page("/repo/2024/08/16/storm-4999/"); status != 200 {
		t.Errorf("a folder restored: its pages answer %d", status)
	}

	// site.toml replaced with a broken one: the error is shown and the
	// last good site served; then fixed.
	good, _ := os.ReadFile(l.path("site.toml"))
	l.write("site.toml.tmp", "title = \"Broken\nbase_url = 3\n")
	os.Rename(l.path("site.toml.tmp"), l.path("site.toml"))
	for m := l.next(); len(m.Errors) == 0; m = l.next() {
	}
	if status, body := l.page("/repo/"); status != 200 || !strings.Contains(body, "Test") {
		t.Errorf("broken site.toml: the last good site is not served (status %d)", status)
	}
	l.write("site.toml.tmp", string(good)+"description = \"Fixed.\"\n")
	os.Rename(l.path("site.toml.tmp"), l.path("site.toml"))
	l.settle("site.toml fixed")
	if _, body := l.page("/repo/"); !strings.Contains(body, "Fixed.") {
		t.Errorf("site.toml fixed: the home page does not show the new description")
	}
}
