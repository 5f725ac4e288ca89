package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"timeline/builder"
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
	name, err := builder.NewArticle(*dir, title, *date)
	if err != nil {
		fmt.Fprintf(stderr, "timeline new: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, name)
	return 0
}
