package builder

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"timeline/builder/diag"
	"timeline/builder/source"
)

// memSink keeps a site in memory, as a preview server does.
type memSink map[string]string

var memMu sync.Mutex // for memSinks written from several goroutines

func (m memSink) Write(name string, data []byte) error {
	memMu.Lock()
	defer memMu.Unlock()
	m[name] = string(data)
	return nil
}

func (m memSink) Remove(name string) error { delete(m, name); return nil }

// lazySink is a memSink that is a LazySink: it keeps the makers, and
// makes the files only when the test compares them.
type lazySink struct {
	memSink
	makers map[string]func() ([]byte, error)
}

func (l lazySink) WriteLazy(name string, make func() ([]byte, error)) error {
	l.makers[name] = make
	return nil
}

func (l lazySink) Remove(name string) error {
	delete(l.makers, name)
	return l.memSink.Remove(name)
}

// files returns every file, lazy ones made.
func (l lazySink) files() memSink {
	m := maps.Clone(l.memSink)
	for name, make := range l.makers {
		b, _ := make()
		m[name] = string(b)
	}
	return m
}

// fullBuild builds dir from scratch into memory.
func fullBuild(t *testing.T, dir string, opts Options) memSink {
	t.Helper()
	m := memSink{}
	if _, err := NewSession(dir, opts).Update(nil, m); err != nil {
		t.Fatalf("full build: %v", err)
	}
	return m
}

func diffSites(a, b memSink) string {
	var diffs []string
	for _, name := range slices.Sorted(maps.Keys(a)) {
		if other, ok := b[name]; !ok {
			diffs = append(diffs, "only incremental: "+name)
		} else if other != a[name] {
			diffs = append(diffs, "differs: "+name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			diffs = append(diffs, "missing from incremental: "+name)
		}
	}
	return strings.Join(diffs, "\n")
}

// TestIncrementalEqualsFull edits a site at random, the ways editors and
// tools do, and after every edit checks that the session's incremental
// update gives exactly the files a fresh full build gives: as timeline
// build does (fingerprinted assets, every file made), and as the preview
// server does (no fingerprints, data files made when asked for).
func TestIncrementalEqualsFull(t *testing.T) {
	t.Run("build", func(t *testing.T) { testIncremental(t, Options{Fingerprint: true}, false) })
	t.Run("serve", func(t *testing.T) { testIncremental(t, Options{}, true) })
}

func testIncremental(t *testing.T, opts Options, lazy bool) {
	dir := newTestSite(t)
	texts := articleTexts(t)
	rng := rand.New(rand.NewPCG(1, 2))
	sess := NewSession(dir, opts)
	inc := lazySink{memSink{}, map[string]func() ([]byte, error){}}
	var sink Sink = inc.memSink
	if lazy {
		sink = inc
	}
	if _, err := sess.Update(nil, sink); err != nil {
		t.Fatal(err)
	}
	content := func() []string {
		var names []string
		filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(dir, p)
				names = append(names, filepath.ToSlash(rel))
			}
			return nil
		})
		return names
	}
	settings := func(step int, base string) string {
		return fmt.Sprintf("title = \"Site %d\"\nbase_url = \"https://example.org/%s/\"\nwar_start = 2022-02-%02d\nhome_entries = %d\n",
			step, base, 20+rng.IntN(5), 1+rng.IntN(8))
	}
	var fix func() []string // undoes the break of the step before
	var last Report
	steps := 150
	if testing.Short() {
		steps = 30
	}
	for step := range steps {
		files := content()
		pick := files[rng.IntN(len(files))]
		var changed []string
		var what string
		switch op := rng.IntN(17); {
		case fix != nil:
			changed, what = fix(), "fix"
			fix = nil
		case op == 0: // a broken file, and a stylesheet edited meanwhile
			broken := fmt.Sprintf("content/broken%d.txt", step)
			writeFile(t, dir, broken, "date 2025-02-30 Never\n")
			css, _ := os.ReadFile(filepath.Join(dir, "static", "style.css"))
			writeFile(t, dir, "static/style.css", string(css)+"\n/* edited while broken */\n")
			changed, what = []string{broken, "static/style.css"}, "break"
			fix = func() []string {
				writeFile(t, dir, broken, texts[rng.IntN(len(texts))])
				return []string{broken}
			}
		case op == 1: // a static file taking a generated file's name
			writeFile(t, dir, "static/robots.txt", "User-agent: *\n")
			changed, what = []string{"static/robots.txt"}, "static clash"
			fix = func() []string {
				os.Remove(filepath.Join(dir, "static", "robots.txt"))
				return []string{"static/robots.txt"}
			}
		case op <= 3:
			writeFile(t, dir, pick, texts[rng.IntN(len(texts))])
			changed, what = []string{pick}, "edit "+pick
		case op == 4:
			name := fmt.Sprintf("content/new/%d.txt", step)
			writeFile(t, dir, name, texts[rng.IntN(len(texts))])
			changed, what = []string{name}, "create "+name
		case op == 5 && len(files) > 3:
			os.Remove(filepath.Join(dir, pick))
			changed, what = []string{pick}, "delete "+pick
		case op == 6:
			to := path.Join("content", "moved", fmt.Sprintf("%d-%s", step, path.Base(pick)))
			os.MkdirAll(filepath.Join(dir, "content", "moved"), 0o755)
			os.Rename(filepath.Join(dir, pick), filepath.Join(dir, to))
			changed, what = []string{pick, to}, "rename "+pick
		case op == 7: // a folder created whole, as a git checkout does
			sub := fmt.Sprintf("content/batch%d", step)
			for i := range 3 {
				writeFile(t, dir, fmt.Sprintf("%s/%d.txt", sub, i), texts[rng.IntN(len(texts))])
			}
			changed, what = []string{sub}, "add folder "+sub
		case op == 8: // a folder deleted
			dirs, _ := filepath.Glob(filepath.Join(dir, "content", "batch*"))
			if len(dirs) == 0 {
				continue
			}
			os.RemoveAll(dirs[0])
			rel, _ := filepath.Rel(dir, dirs[0])
			changed, what = []string{filepath.ToSlash(rel)}, "delete folder "+rel
		case op == 9:
			writeFile(t, dir, "site.toml", settings(step, "x"))
			changed, what = []string{"site.toml"}, "settings"
		case op == 10: // the site moves to another base path
			writeFile(t, dir, "site.toml", settings(step, fmt.Sprint("y", step)))
			changed, what = []string{"site.toml"}, "base path"
		case op == 11:
			page, _ := os.ReadFile(filepath.Join(dir, "templates", "entry.html"))
			writeFile(t, dir, "templates/entry.html", strings.Replace(string(page), "min read", fmt.Sprintf("min read (%d)", step), 1))
			changed, what = []string{"templates/entry.html"}, "template"
		case op == 12: // the body edited: the site keeps its shape
			old, _ := os.ReadFile(filepath.Join(dir, pick))
			writeFile(t, dir, pick, string(old)+fmt.Sprintf("\nAn editor's addition, step %d.\n", step))
			changed, what = []string{pick}, "body "+pick
		case op == 13: // the lead edited: lists show it
			old, _ := os.ReadFile(filepath.Join(dir, pick))
			text := strings.Replace(string(old), "officials said", "officials told reporters", 1)
			if text == string(old) {
				text = strings.Replace(string(old), "officials told reporters", "officials said", 1)
			}
			writeFile(t, dir, pick, text)
			changed, what = []string{pick}, "lead "+pick
		case op == 14 && len(files) > 1 && source.IsArticle(path.Base(pick)): // an article broken while another is edited
			other := files[(slices.Index(files, pick)+1)%len(files)]
			old, _ := os.ReadFile(filepath.Join(dir, pick))
			body, _ := os.ReadFile(filepath.Join(dir, other))
			writeFile(t, dir, pick, "+++\ntitle = \"Unterminated\"\n")
			writeFile(t, dir, other, string(body)+fmt.Sprintf("\nAdded while another file was broken, step %d.\n", step))
			changed, what = []string{pick, other}, "break "+pick+", edit "+other
			fix = func() []string {
				writeFile(t, dir, pick, string(old))
				return []string{pick}
			}
		default:
			css, _ := os.ReadFile(filepath.Join(dir, "static", "style.css"))
			writeFile(t, dir, "static/style.css", string(css)+"\n/* edit */\n")
			changed, what = []string{"static/style.css"}, "stylesheet"
		}
		rep, err := sess.Update(changed, sink)
		if strings.HasPrefix(what, "body ") && err == nil && !mentions(last.Problems, pick) && !mentions(rep.Problems, pick) {
			// An edit to the body changes the entry's own page and nothing
			// else: no list shows the body. (Unless it makes a copy of
			// another article, or stops being one.)
			var pages []string
			for _, name := range rep.Written {
				if strings.HasSuffix(name, ".html") {
					pages = append(pages, name)
				}
			}
			if len(pages) > 1 {
				t.Errorf("step %d (%s): wrote %v, want at most the entry's page", step, what, pages)
			}
		}
		last = rep
		if fix != nil {
			if err == nil {
				t.Fatalf("step %d (%s): no error", step, what)
			}
			continue
		}
		if err != nil {
			t.Fatalf("step %d (%s): %v", step, what, err)
		}
		if d := diffSites(inc.files(), fullBuild(t, dir, opts)); d != "" {
			t.Fatalf("step %d (%s): incremental and full builds differ:\n%s", step, what, d)
		}
	}
}

// mentions reports whether a problem concerns the file name or names it.
func mentions(problems diag.List, name string) bool {
	for _, pr := range problems {
		if pr.Path == name || strings.Contains(pr.Msg, name) {
			return true
		}
	}
	return false
}

// articleTexts returns article files to shuffle around: the test site's,
// and variants of them with other dates.
func articleTexts(t *testing.T) []string {
	var texts []string
	filepath.WalkDir("testdata/site/content", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") && !strings.HasSuffix(d.Name(), "~") {
			b, _ := os.ReadFile(p)
			texts = append(texts, string(b))
		}
		return nil
	})
	for _, day := range []string{"2024-05-25", "2024-05-26", "2024-06", "2025-01-01"} {
		texts = append(texts, "date "+day+" Strike on Kharkiv\n\nA strike hit Kharkiv and Odesa, officials said.\n",
			"date "+day+" KYIV (Reuters) - Drones hit Kyiv overnight, the mayor said.\n")
	}
	return texts
}
