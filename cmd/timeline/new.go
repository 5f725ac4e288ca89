package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"timeline/builder"
	"timeline/builder/site"
)

const newHelp = `Usage: timeline new [flags] "Headline"

New writes a Markdown article dated today into content/, with front matter
for its headline, date, author, source and places, and prints its path.
Write the article below the closing +++ and build.
`

func newArticle(args []string, stdout, stderr io.Writer) int {
	flagSet := flags("new", newHelp, stderr)
	dir := flagSet.String("dir", ".", "the site folder")
	date := flagSet.String("date", time.Now().Format("2006-01-02"), "the article's date, YYYY-MM-DD")
	if code := parse(flagSet, args); code >= 0 {
		return code
	}
	title := strings.TrimSpace(strings.Join(flagSet.Args(), " "))
	if title == "" {
		flagSet.Usage()
		return 2
	}
	if _, err := time.Parse("2006-01-02", *date); err != nil {
		fmt.Fprintf(stderr, "timeline new: --date %q: want YYYY-MM-DD\n", *date)
		return 2
	}
	name := filepath.Join(*dir, builder.ContentDir, *date+"-"+site.Slug(title)+".md")
	text := fmt.Sprintf(`+++
title = %s
date = %s
author = ""
# source = "https://..."   # the original article's address
# Places are found in the text; set these only to override what is found:
# countries = ["UA"]
# regions = ["UA-63"]
+++

`, tomlString(title), *date)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "timeline new: %s already exists\n", name)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, name)
	return 0
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
