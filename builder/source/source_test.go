package source

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestRead(t *testing.T) {
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	fsys := fstest.MapFS{
		"a.txt":            {Data: []byte("a")},
		"B.MD":             {Data: []byte("b")},
		"sub/deep/c.txt":   {Data: []byte("c")},
		".hidden.txt":      {Data: []byte("x")},
		".git/objects.txt": {Data: []byte("x")},
		"sub/.#a.txt":      {Data: []byte("x")},
		"#a.txt#":          {Data: []byte("x")},
		"a.txt~":           {Data: []byte("x")},
		"a.txt.swp":        {Data: []byte("x")},
		"a.tmp":            {Data: []byte("x")},
		"4913":             {Data: []byte("x")},
		"notes.pdf":        {Data: []byte("x")},
		"big.txt":          {Data: []byte(strings.Repeat("x", 101))},
		"in.txt":           link("sub/deep/c.txt"),
		"sub/up.txt":       link("../a.txt"),
		"out.txt":          link("../secret.txt"),
		"abs.txt":          link("/etc/passwd"),
		"chain.txt":        link("out.txt"),
	}
	files, problems := Read(fsys, "content", 100)
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := []string{"B.MD", "a.txt", "in.txt", "sub/deep/c.txt", "sub/up.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("read %v, want %v", got, want)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	wantMsgs := []string{
		"content/abs.txt: warning: symbolic link points outside the content folder; ignored",
		"content/big.txt: file is 101 bytes, over the limit of 100 bytes (max_file_size in site.toml)",
		"content/chain.txt: warning: symbolic link points outside the content folder; ignored",
		"content/out.txt: warning: symbolic link points outside the content folder; ignored",
	}
	if !slices.Equal(msgs, wantMsgs) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(wantMsgs, "\n"))
	}
}

// TestReadOS checks the same on a real folder, where os.DirFS would follow
// a link anywhere.
func TestReadOS(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "secret.txt")
	content := filepath.Join(root, "content")
	os.MkdirAll(content, 0o755)
	os.WriteFile(secret, []byte("date 2024-01-01 secret"), 0o644)
	os.WriteFile(filepath.Join(content, "a.txt"), []byte("a"), 0o644)
	if err := os.Symlink(secret, filepath.Join(content, "abs.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	os.Symlink("../secret.txt", filepath.Join(content, "rel.txt"))
	os.Symlink("a.txt", filepath.Join(content, "ok.txt"))
	files, problems := Read(os.DirFS(content), "content", 1<<20)
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	if want := []string{"a.txt", "ok.txt"}; !slices.Equal(got, want) {
		t.Errorf("read %v, want %v", got, want)
	}
	if _, w := problems.Count(); w != 2 {
		t.Errorf("want 2 warnings, got %v", problems)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.txt": false, "2024-01-01-x.md": false, ".a.txt": true, "#a.txt#": true, ".#a.txt": true,
		"a.txt~": true, "a.swp": true, "a.txt.swx": true, "4913": true, "a.TMP": true, "a.bak": true,
		"~$a.txt": true, "a.txt.crdownload": true,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// changing is a file system whose file a.txt is saved anew each time it
// is opened, as if an editor were saving it while the build reads it,
// until saves run out.
type changing struct {
	fstest.MapFS
	saves int
}

func (c *changing) Open(name string) (fs.File, error) {
	if name == "a.txt" && c.saves > 0 {
		c.saves--
		c.MapFS["a.txt"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("date 2024-01-01 Save %d", c.saves)), ModTime: time.Unix(int64(1000+c.saves), 0)}
	}
	return c.MapFS.Open(name)
}

// TestReadWhileSaved: a file saved while it is read is read again, as
// saved; one saved at every read is refused, not read half-written; one
// that grows past the limit after it was measured is refused too.
func TestReadWhileSaved(t *testing.T) {
	for saves, want := range map[int]string{1: "date 2024-01-01 Save 0", 2: "date 2024-01-01 Save 0", 9: ""} {
		fsys := &changing{fstest.MapFS{"a.txt": {Data: []byte("date 2024-01-01 Before"), ModTime: time.Unix(1, 0)}}, saves}
		f, ok, problems := ReadFile(fsys, "a.txt", "content", 100)
		switch {
		case want != "" && (!ok || string(f.Data) != want):
			t.Errorf("%d saves: read %q, %v, want %q", saves, f.Data, problems, want)
		case want == "" && (ok || len(problems) != 1 || !strings.Contains(problems[0].Msg, "changed each time")):
			t.Errorf("%d saves: read %q, %v, want it refused", saves, f.Data, problems)
		}
	}
	grows := &growing{fstest.MapFS{"a.txt": {Data: []byte("date 2024-01-01 Small")}}}
	if _, ok, problems := ReadFile(grows, "a.txt", "content", 100); ok || len(problems) != 1 || !strings.Contains(problems[0].Msg, "over the limit") {
		t.Errorf("a file grown past the limit: %v, %v", ok, problems)
	}
}

// TestReadVanishing: a file deleted between being listed and being read,
// or while it is read, is as if it had never been there: no article, no
// error, and the next build sees it gone.
func TestReadVanishing(t *testing.T) {
	for _, gone := range []int{1, 2, 3} { // at the first Stat, the Open, the Stat after
		fsys := &vanishing{fstest.MapFS{"a.txt": {Data: []byte("date 2024-01-01 Here")}}, gone, 0}
		if f, ok, problems := ReadFile(fsys, "a.txt", "content", 100); ok || problems != nil {
			t.Errorf("gone at look %d: read %q, %v, %v; want nothing", gone, f.Data, ok, problems)
		}
	}
}

// vanishing is a file system whose a.txt is there for the first gone-1
// looks at it by Stat or Open, and then is not.
type vanishing struct {
	fstest.MapFS
	gone, looks int
}

func (v *vanishing) look(name string) error {
	if name == "a.txt" {
		v.looks++
		if v.looks >= v.gone {
			return fs.ErrNotExist
		}
	}
	return nil
}

func (v *vanishing) Open(name string) (fs.File, error) {
	if err := v.look(name); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return v.MapFS.Open(name)
}

func (v *vanishing) Stat(name string) (fs.FileInfo, error) {
	if err := v.look(name); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return v.MapFS.Stat(name)
}

// growing is a file system whose a.txt is small when measured and huge when read.
type growing struct{ fstest.MapFS }

func (g *growing) Open(name string) (fs.File, error) {
	f, err := g.MapFS.Open(name)
	if err == nil && name == "a.txt" {
		return &hugeFile{f}, nil
	}
	return f, err
}

// hugeFile reads as an endless stream of x.
type hugeFile struct{ fs.File }

func (h *hugeFile) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'x'
	}
	return len(b), nil
}
