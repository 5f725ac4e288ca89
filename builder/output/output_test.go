package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := d.Write(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
}

func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(root, func(name string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			b, _ := os.ReadFile(name)
			rel, _ := filepath.Rel(root, name)
			m[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return m
}

func TestCommitReplaces(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	d, err := Begin(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, map[string]string{"index.html": "one", "a/b/c.html": "c", "gone.html": "x"})
	if err := d.Commit("", nil); err != nil {
		t.Fatal(err)
	}
	d, err = Begin(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, d, map[string]string{"index.html": "two", "a/b/c.html": "c2"})
	if err := d.Commit("", nil); err != nil {
		t.Fatal(err)
	}
	got := tree(t, target)
	if len(got) != 2 || got["index.html"] != "two" || got["a/b/c.html"] != "c2" {
		t.Errorf("after second commit: %v", got)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".public.*-*"))
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

func TestAbortKeepsOld(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	d, _ := Begin(target)
	write(t, d, map[string]string{"index.html": "old"})
	d.Commit("", nil)
	d, _ = Begin(target)
	write(t, d, map[string]string{"index.html": "new", "x.html": "x"})
	d.Abort()
	if got := tree(t, target); len(got) != 1 || got["index.html"] != "old" {
		t.Errorf("after abort: %v", got)
	}
}

// TestLeftovers: a build killed mid-way leaves its folder; the next build
// removes it.
func TestLeftovers(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	crashed := filepath.Join(parent, ".public.new-123")
	os.MkdirAll(crashed, 0o755)
	d, err := Begin(target)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(crashed); !os.IsNotExist(err) {
		t.Errorf("leftover %s not removed", crashed)
	}
	d.Abort()
}

func TestBusy(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	d, err := Begin(target)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if _, err := Begin(target); err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("second Begin while the first runs: err = %v", err)
	}
}

func TestWriteRejectsEscapes(t *testing.T) {
	d, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"../x", "/etc/x", "a/../../x", "", ".", `a\..\x`} {
		if err := d.Write(name, nil); err == nil {
			t.Errorf("Write(%q) succeeded", name)
		}
	}
}

// TestUnchangedKept: a rebuild links the files it would write unchanged,
// and a site built from the same stamp is up to date until someone
// touches its files.
func TestUnchangedKept(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	d, _ := Begin(target)
	write(t, d, map[string]string{"index.html": "one", "a/same.html": "same", "a/other.html": "x"})
	if err := d.Commit("stamp-1", []byte("note")); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(filepath.Join(target, "a/same.html"))

	d, _ = Begin(target)
	if note, ok := d.UpToDate("stamp-1"); !ok || string(note) != "note" {
		t.Errorf("UpToDate(stamp-1) = %q, %v; want the note, true", note, ok)
	}
	if _, ok := d.UpToDate("stamp-2"); ok {
		t.Errorf("up to date with another stamp")
	}
	write(t, d, map[string]string{"index.html": "two", "a/same.html": "same", "a/other.html": "y"})
	if n := d.Linked(); n != 1 {
		t.Errorf("%d files linked, want 1 (a/same.html)", n)
	}
	if err := d.Commit("stamp-2", nil); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(filepath.Join(target, "a/same.html"))
	if !os.SameFile(before, after) {
		t.Errorf("a/same.html was written again")
	}
	if got := tree(t, target); got["index.html"] != "two" || got["a/same.html"] != "same" || got["a/other.html"] != "y" {
		t.Errorf("after rebuild: %v", got)
	}

	for name, touch := range map[string]func(){
		"a file edited":  func() { os.WriteFile(filepath.Join(target, "index.html"), []byte("two, edited"), 0o644) },
		"a file added":   func() { os.WriteFile(filepath.Join(target, "extra.html"), nil, 0o644) },
		"a file removed": func() { os.Remove(filepath.Join(target, "a/other.html")) },
	} {
		d, _ = Begin(target)
		write(t, d, map[string]string{"index.html": "two", "a/same.html": "same", "a/other.html": "y"})
		d.Commit("stamp-3", nil)
		touch()
		d, _ = Begin(target)
		if _, ok := d.UpToDate("stamp-3"); ok {
			t.Errorf("%s: site still up to date", name)
		}
		d.Abort()
	}
}
