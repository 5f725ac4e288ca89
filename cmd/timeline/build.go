package main

import (
	"fmt"
	"io"

	"timeline/builder"
	"timeline/builder/diag"
)

const buildHelp = `Usage: timeline build [flags]

Build reads every article in content/, places it in countries and regions,
and writes the whole site into public/: the timeline, a page for every
article, day, month, country and region, feeds, a sitemap and data files.

Problems are printed one a line, as path:line: message. Warnings do not stop
the build; errors do, and then public/ is left exactly as it was: the new
site is written beside it and swapped in only when it is complete.
`

func build(args []string, stdout, stderr io.Writer) int {
	fs := flags("build", buildHelp, stderr)
	dir := fs.String("dir", ".", "the site folder, with site.toml, content/ and templates/")
	out := fs.String("out", "", "where to write the site (default: public/ in the site folder)")
	baseURL := fs.String("base-url", "", "the address the site is published at, overriding site.toml's base_url")
	drafts := fs.Bool("drafts", false, "publish articles marked draft = true too")
	future := fs.Bool("future", false, "publish articles dated after today too")
	force := fs.Bool("force", false, "build even when the published site is up to date with its input")
	stats := fs.Bool("stats", false, "print where the time went, what was written and the memory it took")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := fs.String("memprofile", "", "write a memory (allocations) profile to this file")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	stopProfile, err := profile(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	heap := watchHeap()
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "timeline build: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	rep, err := builder.Build(*dir, *out, builder.Options{BaseURL: *baseURL, Drafts: *drafts, Future: *future, Fingerprint: true, Force: *force})
	peakHeap := heap.Peak()
	if err := stopProfile(); err != nil {
		fmt.Fprintln(stderr, err)
	}
	for _, pr := range rep.Problems {
		fmt.Fprintln(stderr, pr.Error())
	}
	errs, warnings := rep.Problems.Count()
	if err != nil {
		if errs == 0 {
			fmt.Fprintf(stderr, "build failed: %v; the published site is unchanged\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "build failed: %s, %s; the published site is unchanged\n", plural(errs, "error"), plural(warnings, "warning"))
		return 1
	}
	if rep.UpToDate {
		fmt.Fprintf(stdout, "up to date: %s, %s (%s, %s) built from this very input; nothing written, checked in %v; %s\n",
			plural(rep.Entries, "entry"), plural(rep.Pages, "page"), plural(rep.Files, "file"),
			diag.Size(rep.Bytes), rep.Duration.Round(1e6), plural(warnings, "warning"))
		return 0
	}
	fmt.Fprintf(stdout, "built %s, %s (%s, %s; %d unchanged) in %v; %s\n",
		plural(rep.Entries, "entry"), plural(rep.Pages, "page"), plural(rep.Files, "file"),
		diag.Size(rep.Bytes), rep.Unchanged, rep.Duration.Round(1e6), plural(warnings, "warning"))
	if *stats {
		printStats(stdout, rep.Stats, peakHeap)
	}
	return 0
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	switch {
	case word == "entry":
		word = "entries"
	default:
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}
