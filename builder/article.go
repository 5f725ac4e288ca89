package builder

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"timeline/builder/entry"
	"timeline/builder/site"
)

// NewArticle writes a new Markdown article into the site folder dir's
// content folder, with front matter for its headline and date, and
// returns its path. It never overwrites a file.
func NewArticle(dir, title, date string) (string, error) {
	d, err := entry.ParseDate(date)
	if err != nil || !d.HasDay() {
		return "", fmt.Errorf("date %q: want a day, YYYY-MM-DD", date)
	}
	name := filepath.Join(dir, ContentDir, d.String()+"-"+site.Slug(title)+".md")
	text := fmt.Sprintf(`+++
title = %s
date = %s
author = ""
# source = "https://..."   # the original article's address
# Places are found in the text; set these only to override what is found:
# countries = ["UA"]
# regions = ["UA-63"]
+++

`, tomlString(title), d)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists", name)
	}
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name) // no half-written article
		return "", err
	}
	return name, nil
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
