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
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
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

	mu     sync.Mutex
	dirs   map[string]bool // folders made so far
	linked int             // files kept from the published site
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
// A file the published site holds with the same bytes is linked, not
// written: its bytes are not written again, and it keeps its time, which
// tools that deploy a site compare.
func (d *Dir) Write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	d.mu.Lock()
	if dir := path.Dir(name); !d.dirs[dir] {
		if err := os.MkdirAll(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
			d.mu.Unlock()
			return writeError(dir, err)
		}
		for ; dir != "."; dir = path.Dir(dir) {
			d.dirs[dir] = true
		}
	}
	d.mu.Unlock()
	dst := filepath.Join(d.tmp, filepath.FromSlash(name))
	if old := filepath.Join(d.target, filepath.FromSlash(name)); same(old, data) && os.Link(old, dst) == nil {
		d.mu.Lock()
		d.linked++
		d.mu.Unlock()
		return nil
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return writeError(name, err)
	}
	return nil
}

// writeError says which file of the site could not be written, and why
// ("no space left on device"), without the temporary folder's name,
// which means nothing to the reader.
func writeError(name string, err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		err = perr.Err
	}
	return fmt.Errorf("cannot write the new site's %s: %w", name, err)
}

// Linked returns the number of files written so far that the published
// site already held: they were linked, not written.
func (d *Dir) Linked() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.linked
}

// same reports whether the file name is a regular file that holds data.
func same(name string, data []byte) bool {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(name)
	return err == nil && bytes.Equal(old, data)
}

// state is what the state file records of a published site.
type state struct {
	Stamp string // of the input the site was built from
	Files string // a hash of its files' names, sizes and times, as written
	Note  []byte // the builder's, given to Commit
}

func (d *Dir) statePath() string {
	return filepath.Join(filepath.Dir(d.target), "."+filepath.Base(d.target)+".state")
}

// UpToDate reports whether the published site was built from input with
// this stamp, and its files are still as that build left them; if so, it
// returns the note that build gave Commit. An empty stamp is never up to
// date.
func (d *Dir) UpToDate(stamp string) (note []byte, ok bool) {
	if stamp == "" {
		return nil, false
	}
	b, err := os.ReadFile(d.statePath())
	var st state
	if err != nil || json.Unmarshal(b, &st) != nil || st.Stamp != stamp {
		return nil, false
	}
	files, err := filesHash(d.target)
	return st.Note, err == nil && files == st.Files
}

// filesHash hashes the name, kind, size and time of every file and folder
// under root: a file edited, added or removed since changes it.
func filesHash(root string) (string, error) {
	h := fnv.New128a()
	err := filepath.WalkDir(root, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%q %v %d %d\n", name[len(root):], info.Mode(), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// writeState records that the published site was built from input with
// this stamp; with an empty stamp, it forgets the last one.
func (d *Dir) writeState(stamp string, note []byte) {
	name := d.statePath()
	os.Remove(name)
	if stamp == "" {
		return
	}
	files, err := filesHash(d.target)
	if err != nil {
		return
	}
	b, _ := json.Marshal(state{stamp, files, note})
	tmp := name + ".new"
	if os.WriteFile(tmp, b, 0o644) == nil {
		os.Rename(tmp, name)
	}
}

// Commit puts the new site in place of the old one and removes the old.
// The swap is one step: a build killed at any moment leaves the old site or
// the new one, whole. Like cp, Commit leaves it to the system when the
// files reach the disk: waiting for them took longer than the whole build
// on the machines measured (see the README); a power cut just after a
// build may cost the new site's last writes, and the next build finds its
// files not as recorded and writes them again. stamp is that of the input the
// site was built from (see UpToDate), or "" when it is not known; note is
// kept with it, for UpToDate to return.
func (d *Dir) Commit(stamp string, note []byte) error {
	defer d.unlock()
	// Forgotten first: killed between the swap and the new record, the
	// next build must not take the new site for the old.
	d.writeState("", nil)
	if _, err := os.Lstat(d.target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(d.tmp, d.target); err != nil {
			os.RemoveAll(d.tmp)
			return fmt.Errorf("output: %w", err)
		}
		d.writeState(stamp, note)
		return nil
	}
	if err := exchange(d.tmp, d.target); err != nil {
		os.RemoveAll(d.tmp)
		return fmt.Errorf("output: cannot replace %s: %w", d.target, err)
	}
	// d.tmp now holds the old site. Should removing it fail, the next
	// build removes it: the new site is published either way.
	os.RemoveAll(d.tmp)
	d.writeState(stamp, note)
	return nil
}

// Abort drops the new site; the old one stays.
func (d *Dir) Abort() {
	defer d.unlock()
	os.RemoveAll(d.tmp)
}
