// Package source finds and reads the article files of a content folder.
//
// Read walks an fs.FS and returns every *.txt and *.md file in it, at any
// depth, sorted by path. It passes over what editors and tools leave
// beside articles: hidden files and folders, swap, backup and temporary
// files. A symbolic link is followed only when it stays inside the
// folder; one that points outside is reported and passed over, since
// content must not reach files the site's owner did not put there.
package source

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"

	"timeline/builder/diag"
)

// A File is an article file and its contents.
type File struct {
	Path string // slash-separated, relative to the content folder
	Data []byte
}

// Read returns the article files in fsys. Files larger than maxSize bytes
// are reported, not read. Problems name files by prefix + path, so that
// messages show the path the editor knows ("content/a.txt").
func Read(fsys fs.FS, prefix string, maxSize int64) ([]File, diag.List) {
	return ReadDir(fsys, ".", prefix, maxSize)
}

// ReadDir is Read for the folder dir of fsys only.
func ReadDir(fsys fs.FS, dir, prefix string, maxSize int64) ([]File, diag.List) {
	var files []File
	names, problems := List(fsys, dir, prefix)
	for _, name := range names {
		f, ok, more := ReadFile(fsys, name, prefix, maxSize)
		problems = append(problems, more...)
		if ok {
			files = append(files, f)
		}
	}
	return files, problems
}

// List returns the names of the article files in the folder dir of fsys,
// sorted, without reading them: a caller with many files reads each when
// it is ready for it.
func List(fsys fs.FS, dir, prefix string) ([]string, diag.List) {
	var names []string
	var problems diag.List
	// The walk reports what it cannot read as problems, and never stops.
	fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			problems.Errorf(path.Join(prefix, name), 0, "cannot read: %v", unwrapPath(err))
			return nil
		}
		if name != "." && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && IsArticle(d.Name()) {
			names = append(names, name)
		}
		return nil
	})
	return names, problems
}

// ReadFile reads the one article file name. ok is false when name is not an
// article (its name is ignored, it is not a regular file, it is a link out
// of fsys) or cannot be read, which problems then say.
func ReadFile(fsys fs.FS, name, prefix string, maxSize int64) (f File, ok bool, problems diag.List) {
	shown := path.Join(prefix, name)
	if !IsArticle(path.Base(name)) || hiddenPath(name) {
		return f, false, nil
	}
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			problems.Errorf(shown, 0, "cannot read: %v", unwrapPath(err))
		}
		return f, false, problems
	}
	link := info.Mode()&fs.ModeSymlink != 0
	if link && !insideLink(fsys, name) {
		problems.Warnf(shown, 0, "symbolic link points outside the content folder; ignored")
		return f, false, problems
	}
	info, err = fs.Stat(fsys, name)
	switch {
	case err != nil && link:
		// Through a linked folder, out of an os.Root, or to nothing.
		problems.Warnf(shown, 0, "symbolic link points outside the content folder, or to nothing; ignored")
		return f, false, problems
	case err != nil:
		if !errors.Is(err, fs.ErrNotExist) {
			problems.Errorf(shown, 0, "cannot read: %v", unwrapPath(err))
		}
		return f, false, problems
	case !info.Mode().IsRegular():
		return f, false, nil
	case info.Size() > maxSize:
		problems.Errorf(shown, 0, "file is %s, over the limit of %s (max_file_size in site.toml)", diag.Size(info.Size()), diag.Size(maxSize))
		return f, false, problems
	}
	// A file being saved as we read it is read again, as it then is; one
	// that keeps changing is not read half-written.
	for try := 0; ; try++ {
		data, err := readAtMost(fsys, name, info.Size(), maxSize)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) { // gone since we looked: as if never there
				problems.Errorf(shown, 0, "cannot read: %v", unwrapPath(err))
			}
			return f, false, problems
		}
		if int64(len(data)) > maxSize { // it grew while we looked
			problems.Errorf(shown, 0, "file is over the limit of %s (max_file_size in site.toml)", diag.Size(maxSize))
			return f, false, problems
		}
		after, err := fs.Stat(fsys, name)
		if err != nil {
			return f, false, nil // gone while we read: as if never there
		}
		if after.Size() == int64(len(data)) && after.ModTime().Equal(info.ModTime()) {
			return File{Path: name, Data: data}, true, nil
		}
		if try == 2 {
			problems.Errorf(shown, 0, "the file changed each time it was read: build again once it is saved")
			return f, false, problems
		}
		info = after
	}
}

// readAtMost reads the file name, of about size bytes, but no more than
// max+1: a file that grows without end cannot fill the memory.
func readAtMost(fsys fs.FS, name string, size, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, min(size, max)+1)
	r := io.LimitReader(f, max+1)
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// hiddenPath reports whether a folder on the way to name is one Read
// passes over.
func hiddenPath(name string) bool {
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if Ignored(path.Base(dir)) {
			return true
		}
	}
	return false
}

// IsArticle reports whether a file's name makes it an article.
func IsArticle(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return (ext == ".txt" || ext == ".md") && !Ignored(name)
}

// Ignored reports whether a file or folder name is one that editors, the
// system or version control leave behind: hidden (".git", ".#a.txt"),
// Emacs autosaves ("#a.txt#"), backups ("a.txt~", "a.bak"), swap and
// temporary files ("a.swp", "4913", "a.tmp").
func Ignored(name string) bool {
	low := strings.ToLower(name)
	switch {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"), strings.HasSuffix(name, "~"),
		name == "4913", strings.HasPrefix(low, "~$"):
		return true
	}
	switch path.Ext(low) {
	case ".swp", ".swo", ".swx", ".swn", ".tmp", ".temp", ".bak", ".orig", ".rej", ".crdownload", ".part":
		return true
	}
	return false
}

// insideLink reports whether the symbolic link at name resolves to a place
// inside fsys, following chains of links.
func insideLink(fsys fs.FS, name string) bool {
	for range 40 {
		target, err := fs.ReadLink(fsys, name)
		if err != nil {
			return false
		}
		if path.IsAbs(target) || strings.HasPrefix(target, "/") {
			return false
		}
		name = path.Join(path.Dir(name), target)
		if name == ".." || strings.HasPrefix(name, "../") {
			return false
		}
		info, err := fs.Lstat(fsys, name)
		if err != nil {
			return false
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return true
		}
	}
	return false // a loop
}

// unwrapPath drops the *fs.PathError wrapper, whose path the message
// already names.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
