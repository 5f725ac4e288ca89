package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"timeline/builder"
)

// A Watcher tells a rebuild function what changed in a site folder. It
// watches site.toml and the content, templates and static folders, at any
// depth, folders created later included. Editors' temporary, swap and
// backup files never count. A burst of changes (a git checkout, a save
// that writes a temporary file and renames it) makes one call, after
// Quiet has passed without a change, or MaxWait after the first.
type Watcher struct {
	Dir     string
	Rebuild func(changed []string) // nil: everything may have changed
	Log     io.Writer
	Quiet   time.Duration // default 15ms
	MaxWait time.Duration // default 1s
	// Poll, when set, scans the folders every Poll instead of asking the
	// system for events: for network and container file systems, where
	// events do not arrive.
	Poll time.Duration
	// Ready, if set, is called once the watcher watches: a change made
	// after it returns is seen. (Watching a large site takes a moment.)
	Ready func()
}

func (w *Watcher) ready() {
	if w.Ready != nil {
		w.Ready()
	}
}

// Run watches until ctx is done.
func (w *Watcher) Run(ctx context.Context) error {
	if w.Quiet == 0 {
		w.Quiet = 15 * time.Millisecond
	}
	if w.MaxWait == 0 {
		w.MaxWait = time.Second
	}
	if w.Poll > 0 {
		return w.poll(ctx)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(w.Log, "watch: %v; polling every second instead\n", err)
		w.Poll = time.Second
		return w.poll(ctx)
	}
	defer fw.Close()
	t := &tree{fw: fw, dir: w.Dir, dirs: map[string]bool{}}
	if err := t.addAll(); err != nil {
		fmt.Fprintf(w.Log, "watch: %v\nwatch: cannot watch every folder (raise fs.inotify.max_user_watches, or use --poll); polling every second instead\n", err)
		fw.Close()
		w.Poll = time.Second
		return w.poll(ctx)
	}
	w.ready()

	pending := map[string]bool{}
	all := false
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	schedule := func() {
		if first.IsZero() {
			first = time.Now()
		}
		timer.Reset(min(w.Quiet, max(0, w.MaxWait-time.Since(first))))
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			rel, relevant := t.event(ev)
			if relevant {
				pending[rel] = true
				schedule()
			}
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				fmt.Fprintln(w.Log, "watch: too many changes at once to follow; rebuilding everything")
			} else {
				fmt.Fprintf(w.Log, "watch: %v; rebuilding everything\n", err)
			}
			all = true
			t.addAll() // folders may have come and gone unseen
			schedule()
		case <-timer.C:
			var changed []string
			if !all {
				changed = slices.Sorted(func(yield func(string) bool) {
					for k := range pending {
						if !yield(k) {
							return
						}
					}
				})
			}
			clear(pending)
			all, first = false, time.Time{}
			w.Rebuild(changed)
		}
	}
}

// tree keeps the watches on a site folder's folders.
type tree struct {
	fw   *fsnotify.Watcher
	dir  string
	dirs map[string]bool // watched folders, relative, slash-separated
}

// addAll watches the site folder itself (for site.toml, and the roots
// coming and going) and every folder under the roots.
func (t *tree) addAll() error {
	if err := t.fw.Add(t.dir); err != nil {
		return err
	}
	for _, r := range builder.InputRoots {
		if err := t.addTree(r); err != nil {
			return err
		}
	}
	return nil
}

// addTree watches the folder rel and every folder in it.
func (t *tree) addTree(rel string) error {
	return filepath.WalkDir(filepath.Join(t.dir, filepath.FromSlash(rel)), func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		r, _ := filepath.Rel(t.dir, name)
		r = filepath.ToSlash(r)
		if !builder.IsInput(r, true) {
			return fs.SkipDir
		}
		if t.dirs[r] {
			return nil
		}
		if err := t.fw.Add(name); err != nil {
			return err
		}
		t.dirs[r] = true
		return nil
	})
}

// event returns the path an event concerns, relative to the site folder,
// and whether it matters. A folder that appears is watched, with what it
// holds; one that goes is forgotten.
func (t *tree) event(ev fsnotify.Event) (string, bool) {
	rel, err := filepath.Rel(t.dir, ev.Name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	isDir := t.dirs[rel]
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			isDir = true
		}
	}
	if !builder.IsInput(rel, isDir) {
		return "", false
	}
	switch {
	case ev.Has(fsnotify.Create) && isDir:
		t.addTree(rel)
	case ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename):
		for d := range t.dirs {
			if d == rel || strings.HasPrefix(d, rel+"/") {
				delete(t.dirs, d)
			}
		}
	case ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write):
		return "", false // a touch of permissions or times changes no content
	}
	return rel, true
}

// poll scans the site folder every w.Poll and reports what changed.
func (w *Watcher) poll(ctx context.Context) error {
	last := w.scan()
	w.ready()
	tick := time.NewTicker(w.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			now := w.scan()
			var changed []string
			for name, st := range now {
				if last[name] != st {
					changed = append(changed, name)
				}
			}
			for name := range last {
				if _, ok := now[name]; !ok {
					changed = append(changed, name)
				}
			}
			last = now
			if len(changed) > 0 {
				slices.Sort(changed)
				w.Rebuild(changed)
			}
		}
	}
}

// stat is what polling compares.
type stat struct {
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

// scan returns the state of every input file.
func (w *Watcher) scan() map[string]stat {
	files := map[string]stat{}
	for _, r := range append([]string{"site.toml"}, builder.InputRoots...) {
		filepath.WalkDir(filepath.Join(w.Dir, filepath.FromSlash(r)), func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(w.Dir, name)
			rel = filepath.ToSlash(rel)
			if !builder.IsInput(rel, d.IsDir()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				files[rel] = stat{info.Size(), info.ModTime(), info.Mode()}
			}
			return nil
		})
	}
	return files
}
