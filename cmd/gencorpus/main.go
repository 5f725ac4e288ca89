// Command gencorpus writes realistic synthetic article files, in the scraped
// plain-text shape that timeline's parser reads, for benchmarks and load
// tests. Generated corpora never go into content/.
//
// Usage:
//
//	go run ./cmd/gencorpus -n 10000 -out DIR [-seed 1] [-start 2022-02-24] [-days 1000] [-force]
//
// The same flags always give byte-identical files; internal/corpus says
// what the articles are like.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"timeline/internal/corpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "gencorpus writes synthetic article files for benchmarks and load tests.\n\n"+
			"Usage:\n\n\tgo run ./cmd/gencorpus -n 10000 -out DIR [-seed 1] [-start 2022-02-24] [-days 1000] [-force]\n\nFlags:\n\n")
		fs.PrintDefaults()
	}
	n := fs.Int("n", 10000, "number of article files to write")
	out := fs.String("out", "", "folder to write into, created if missing (required)")
	seed := fs.Uint64("seed", 1, "random seed; the same flags give byte-identical files")
	start := fs.String("start", "2022-02-24", "first publication date, YYYY-MM-DD")
	days := fs.Int("days", 1000, "number of days the dates are spread over")
	force := fs.Bool("force", false, "write into a folder that is not empty")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "gencorpus: unexpected argument %q\n", fs.Arg(0))
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "gencorpus: -out DIR is required")
		return 2
	case *n < 0:
		fmt.Fprintln(stderr, "gencorpus: -n must not be negative")
		return 2
	case *days < 1:
		fmt.Fprintln(stderr, "gencorpus: -days must be at least 1")
		return 2
	}
	st, err := time.Parse("2006-01-02", *start)
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: -start %q is not a date YYYY-MM-DD\n", *start)
		return 2
	}
	t0 := time.Now()
	total, err := corpus.Write(*out, *n, *seed, st, *days, *force)
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files, %d bytes, to %s in %.2fs\n", *n, total, *out, time.Since(t0).Seconds())
	return 0
}
