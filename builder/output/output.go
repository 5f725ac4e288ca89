// Package output writes a built site to its folder all at once, or not at
// all.
//
// Begin makes a new folder beside the target ("public" gets
// ".public.new-123"), Write fills it, and Commit swaps it with the target
// in one rename, so that readers and a server see the old site or the new
// one, never a mixture, and a build that fails or is killed leaves the old
// site as it was. A lock file keeps two builds from writing the same
// target at once, and leftovers of crashed builds are removed by the next.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// A Dir is a site being written. Its methods may be called from several
// goroutines at once.
type Dir struct {
	target string // the folder the site is published to
	tmp    string // where it is written first
	unlock func()

	mu   sync.Mutex
	dirs map[string]bool // folders made so far
}

// Begin starts writing a new site that Commit will put at target.
func Begin(target string) (*Dir, error) {
	target = filepath.Clean(target)
	parent, base := filepath.Dir(target), filepath.Base(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lock(filepath.Join(parent, "."+base+".lock"))
	if err != nil {
		return nil, err
	}
	// Holding the lock, no other build is using these: they are left over
	// from builds that were killed.
	old, _ := filepath.Glob(filepath.Join(parent, "."+base+".new-*"))
	old2, _ := filepath.Glob(filepath.Join(parent, "."+base+".old-*"))
	for _, o := range append(old, old2...) {
		os.RemoveAll(o)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		unlock()
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		unlock()
		return nil, err
	}
	return &Dir{target: target, tmp: tmp, unlock: unlock, dirs: map[string]bool{".": true}}, nil
}

// Write writes one file of the site; name is slash-separated and relative.
func (d *Dir) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	d.mu.Lock()
	if dir := path.Dir(name); !d.dirs[dir] {
		if err := os.MkdirAll(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
			d.mu.Unlock()
			return err
		}
		for ; dir != "."; dir = path.Dir(dir) {
			d.dirs[dir] = true
		}
	}
	d.mu.Unlock()
	return os.WriteFile(filepath.Join(d.tmp, filepath.FromSlash(name)), data, 0o644)
}

// Commit puts the new site in place of the old one and removes the old.
// The new site's files reach the disk before the swap, so that not even a
// power cut leaves a site of empty files.
func (d *Dir) Commit() error {
	defer d.unlock()
	if err := syncTree(d.tmp); err != nil {
		os.RemoveAll(d.tmp)
		return fmt.Errorf("output: %w", err)
	}
	if _, err := os.Lstat(d.target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(d.tmp, d.target); err != nil {
			os.RemoveAll(d.tmp)
			return fmt.Errorf("output: %w", err)
		}
		syncDir(filepath.Dir(d.target))
		return nil
	}
	if err := exchange(d.tmp, d.target); err != nil {
		os.RemoveAll(d.tmp)
		return fmt.Errorf("output: cannot replace %s: %w", d.target, err)
	}
	syncDir(filepath.Dir(d.target))
	// d.tmp now holds the old site. Should removing it fail, the next
	// build removes it: the new site is published either way.
	os.RemoveAll(d.tmp)
	return nil
}

// syncDir gets a folder's entries, as renamed, to disk.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// Abort drops the new site; the old one stays.
func (d *Dir) Abort() {
	defer d.unlock()
	os.RemoveAll(d.tmp)
}
