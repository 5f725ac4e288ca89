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
	"testing"
)

// memSink keeps a site in memory.
type memSink map[string]string

func (m memSink) Write(name string, data []byte) error { m[name] = string(data); return nil }
func (m memSink) Remove(name string) error             { delete(m, name); return nil }

// fullBuild builds dir from scratch into memory.
func fullBuild(t *testing.T, dir string) memSink {
	t.Helper()
	m := memSink{}
	if _, err := NewSession(dir, Options{Fingerprint: true}).Update(nil, m); err != nil {
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
// update gives exactly the files a fresh full build gives.
func TestIncrementalEqualsFull(t *testing.T) {
	dir := newTestSite(t)
	texts := articleTexts(t)
	rng := rand.New(rand.NewPCG(1, 2))
	sess := NewSession(dir, Options{Fingerprint: true})
	inc := memSink{}
	if _, err := sess.Update(nil, inc); err != nil {
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
	broken := ""
	steps := 150
	if testing.Short() {
		steps = 30
	}
	for step := range steps {
		files := content()
		pick := files[rng.IntN(len(files))]
		var changed []string
		var what string
		switch op := rng.IntN(12); {
		case broken != "":
			writeFile(t, dir, broken, texts[rng.IntN(len(texts))])
			changed, what = []string{broken}, "fix "+broken
			broken = ""
		case op == 0: // a broken file, fixed at the next step
			broken = fmt.Sprintf("content/broken%d.txt", step)
			writeFile(t, dir, broken, "date 2025-02-30 Never\n")
			changed, what = []string{broken}, "break"
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
			writeFile(t, dir, "site.toml", fmt.Sprintf("title = \"Site %d\"\nbase_url = \"https://example.org/x/\"\nwar_start = 2022-02-%02d\nhome_entries = %d\n", step, 20+rng.IntN(5), 1+rng.IntN(8)))
			changed, what = []string{"site.toml"}, "settings"
		case op == 10:
			page, _ := os.ReadFile(filepath.Join(dir, "templates", "entry.html"))
			writeFile(t, dir, "templates/entry.html", strings.Replace(string(page), "min read", fmt.Sprintf("min read (%d)", step), 1))
			changed, what = []string{"templates/entry.html"}, "template"
		default:
			css, _ := os.ReadFile(filepath.Join(dir, "static", "style.css"))
			writeFile(t, dir, "static/style.css", string(css)+"\n/* edit */\n")
			changed, what = []string{"static/style.css"}, "stylesheet"
		}
		_, err := sess.Update(changed, inc)
		if broken != "" {
			if err == nil {
				t.Fatalf("step %d (%s): no error", step, what)
			}
			continue
		}
		if err != nil {
			t.Fatalf("step %d (%s): %v", step, what, err)
		}
		if d := diffSites(inc, fullBuild(t, dir)); d != "" {
			t.Fatalf("step %d (%s): incremental and full builds differ:\n%s", step, what, d)
		}
	}
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
