package builder

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// stamp returns a summary of everything a build of the site folder dir
// with opts depends on: the program itself, the options, and site.toml and
// each file under the input roots, by name, size and time. Two builds with
// one stamp write the same site, so the second can find the first's up to
// date (see output.Dir.UpToDate) and write nothing.
//
// Files are known by their times, not read, which is what makes the check
// fast. A file changed in the last two seconds, whose time a coarse clock
// may not have moved yet, gives no stamp (""): then the build runs.
//
// Whatever else the output comes to depend on must go into the stamp too.
func stamp(dir string, opts Options) string {
	exe, err := executableSum()
	if err != nil {
		return ""
	}
	h := sha256.New()
	// Today's date: an article dated tomorrow appears tomorrow.
	fmt.Fprintf(h, "%s\n%q %v %v %v %s\n", exe, opts.BaseURL, opts.Drafts, opts.Future, opts.Fingerprint, opts.today())
	recent := time.Now().Add(-2 * time.Second)
	for _, root := range append([]string{"site.toml"}, InputRoots...) {
		err := filepath.WalkDir(filepath.Join(dir, root), func(name string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && name == filepath.Join(dir, root) {
				fmt.Fprintf(h, "%q absent\n", root)
				return nil
			}
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, name)
			rel = filepath.ToSlash(rel)
			if !IsInput(rel, d.IsDir()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			info, err := os.Stat(name) // through links, as a build reads
			if err != nil {
				return err
			}
			if info.ModTime().After(recent) {
				return errRecent
			}
			fmt.Fprintf(h, "%q %v %d %d\n", rel, info.Mode(), info.Size(), info.ModTime().UnixNano())
			return nil
		})
		if err != nil {
			return ""
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

var errRecent = errors.New("changed too recently to go by its time")

// executableSum hashes the running program: another version of it may
// build another site from the same input.
var executableSum = sync.OnceValues(func() (string, error) {
	name, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})
