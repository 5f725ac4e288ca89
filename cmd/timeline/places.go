package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"timeline/builder"
	"timeline/builder/place"
)

const placesHelp = `Usage: timeline places [--json] FILE...

Places shows, for each article file, the countries and regions it was placed
in and the words that put it there, line by line, with the words passed over
and why (a newspaper's name, a weapon's origin, a capital standing for its
government...). Use it to see why an article landed on a page, or did not.

With --json it prints one JSON object a line, for tools: file, date, title,
byline, permalink, countries and regions (ISO 3166 codes) and matches.
`

// placesJSON is one line of "timeline places --json".
type placesJSON struct {
	File      string        `json:"file"`
	Date      string        `json:"date"`
	Title     string        `json:"title"`
	Byline    string        `json:"byline"`
	Permalink string        `json:"permalink"`
	Countries []string      `json:"countries"`
	Regions   []string      `json:"regions"`
	Matches   []place.Match `json:"matches"`
}

func places(args []string, stdout, stderr io.Writer) int {
	fs := flags("places", placesHelp, stderr)
	dir := fs.String("dir", ".", "the site folder, whose site.toml may add places")
	asJSON := fs.Bool("json", false, "print one JSON object a line")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	located, err := builder.Locate(*dir, fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	status := 0
	for _, l := range located {
		for _, pr := range l.Problems {
			fmt.Fprintln(stderr, pr.Error())
		}
		e := l.Entry
		if e == nil {
			status = 1
			continue
		}
		if *asJSON {
			line, _ := json.Marshal(placesJSON{
				File: l.File, Date: e.Date.String(), Title: e.Title, Byline: e.Byline,
				Permalink: l.Permalink, Countries: codes(l.Countries), Regions: codes(l.Regions),
				Matches: l.Matches,
			})
			fmt.Fprintf(stdout, "%s\n", line)
			continue
		}
		fmt.Fprintf(stdout, "%s: %s %q\n", l.File, e.Date, e.Title)
		fmt.Fprintf(stdout, "  countries: %s\n", names(l.Countries))
		fmt.Fprintf(stdout, "  regions:   %s\n", names(l.Regions))
		for _, m := range l.Matches {
			codes := "nothing"
			if len(m.Codes) > 0 {
				codes = strings.Join(m.Codes, ", ")
			}
			fmt.Fprintf(stdout, "  %s:%d: %q → %s (%s)\n", l.File, m.Line, m.Text, codes, m.Why)
		}
	}
	return status
}

func codes(places []builder.Named) []string {
	s := make([]string, len(places))
	for i, p := range places {
		s[i] = p.Code
	}
	return s
}

func names(places []builder.Named) string {
	if len(places) == 0 {
		return "none"
	}
	s := make([]string, len(places))
	for i, p := range places {
		s[i] = p.Code + " " + p.Name
	}
	return strings.Join(s, ", ")
}
