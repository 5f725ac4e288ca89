package builder

import (
	"path"
	"slices"
	"strings"

	"timeline/builder/source"
)

// InputRoots are the folders of a site folder that hold what a build
// reads; with site.toml, they are what a watcher watches.
var InputRoots = []string{ContentDir, "templates", "static"}

// IsInput reports whether rel, a slash-separated path in a site folder, is
// something a build reads, or a folder that may hold some: site.toml, and
// what is under the input roots, but for editors' temporary and backup
// files, hidden files, and files in content/ that are not articles.
func IsInput(rel string, isDir bool) bool {
	if rel == "site.toml" {
		return true
	}
	root, _, _ := strings.Cut(rel, "/")
	if !slices.Contains(InputRoots, root) {
		return false
	}
	for _, elem := range strings.Split(rel, "/") {
		if source.Ignored(elem) {
			return false
		}
	}
	return isDir || root != ContentDir || rel == ContentDir || source.IsArticle(path.Base(rel))
}
