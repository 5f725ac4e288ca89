// Command timeline builds a static website from a folder of news articles:
// a timeline of the war, day by day, with a page for every article,
// country and region.
//
// Usage:
//
//	timeline build [flags]          build the site into public/
//	timeline check [flags]          check everything a build checks, and every link, writing nothing
//	timeline serve [flags]          preview it, reloading as files change
//	timeline places [--json] FILE…  show the places found in articles, and why
//	timeline new "Headline"         start a new article in content/
//	timeline help [command]         explain a command
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

const usage = `timeline builds a static website from a folder of news articles.

Usage:

	timeline <command> [flags] [arguments]

Commands:

	build    build the site from content/ into public/
	check    check the articles, settings, templates and links; write nothing
	serve    preview the site, rebuilding and reloading as files change
	places   show the countries and regions found in article files, and why
	new      write a new, dated article file into content/
	help     explain a command: timeline help build

Run it in the site's folder, the one with site.toml, content/ and templates/,
or point at that folder with --dir. "timeline <command> -h" lists a command's flags.
`

func main() {
	if os.Getenv("GOGC") == "" {
		// A build's heap is mostly the articles, held to the end. The
		// default lets the heap grow to twice what is live before
		// collecting: at 100,000 articles, 1.6 GB of memory rather than
		// 1.3 GB, to save under 5% of the time (see the README).
		debug.SetGCPercent(50)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return build(rest, stdout, stderr)
	case "check":
		return check(rest, stdout, stderr)
	case "places":
		return places(rest, stdout, stderr)
	case "new":
		return newArticle(rest, stdout, stderr)
	case "serve":
		return serveCmd(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" {
			return run([]string{rest[0], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "timeline: unknown command %q\n\n%s", cmd, usage)
	return 2
}

// flags returns a flag set for a command, whose -h prints the command's
// help text and flags.
func flags(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
		if b.Len() > 0 {
			fmt.Fprint(stderr, "\nFlags:\n"+b.String())
		}
	}
	return fs
}

// parse parses a command's flags; it returns the exit status to stop with,
// or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		return 2
	}
	return -1
}
