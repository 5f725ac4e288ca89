package main

import (
	"fmt"
	"io"
	"time"

	"timeline/builder"
)

const checkHelp = `Usage: timeline check [flags]

Check runs every check a build runs, and writes nothing: it parses and
places every article, finds copies and articles dated after today, renders
every page, and follows every link between the pages. It prints each
problem as path:line: message, and exits with status 1 if any is an error:
run it before a deploy, in CI, or before handing a change to someone else.
`

func check(args []string, stdout, stderr io.Writer) int {
	fs := flags("check", checkHelp, stderr)
	dir := fs.String("dir", ".", "the site folder, with site.toml, content/ and templates/")
	baseURL := fs.String("base-url", "", "the address the site is published at, overriding site.toml's base_url")
	drafts := fs.Bool("drafts", false, "check as if articles marked draft = true were published")
	future := fs.Bool("future", false, "check as if articles dated after today were published")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "timeline check: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	start := time.Now()
	rep, err := builder.Check(*dir, builder.Options{BaseURL: *baseURL, Drafts: *drafts, Future: *future, Fingerprint: true})
	for _, pr := range rep.Problems {
		fmt.Fprintln(stderr, pr.Error())
	}
	errs, warnings := rep.Problems.Count()
	if err != nil && errs == 0 {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "checked %s, %s, %s in %v: %s, %s\n",
		plural(rep.Entries, "entry"), plural(rep.Pages, "page"), plural(rep.Links, "link"),
		time.Since(start).Round(time.Millisecond), plural(errs, "error"), plural(warnings, "warning"))
	if errs > 0 {
		return 1
	}
	return 0
}
