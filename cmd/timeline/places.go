package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"timeline/builder"
	"timeline/builder/place"
	"timeline/builder/site"
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
	p, err := builder.Open(*dir, "")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	status := 0
	for _, file := range fs.Args() {
		data, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(stderr, err)
			status = 1
			continue
		}
		e, r, problems := p.Parse(file, data)
		for _, pr := range problems {
			fmt.Fprintln(stderr, pr.Error())
		}
		if e == nil || problems.Err() != nil {
			status = 1
			continue
		}
		s := site.New(site.Config{BaseURL: p.Config.BaseURLParsed(), HomeEntries: 1, FeedEntries: 1, Title: p.Config.Title},
			p.Gazetteer, []site.Placed{site.NewPlaced(e, r)})
		if *asJSON {
			line, _ := json.Marshal(placesJSON{
				File: file, Date: e.Date.String(), Title: e.Title, Byline: e.Byline,
				Permalink: s.Entries[0].Permalink(), Countries: nonNil(r.Countries), Regions: nonNil(r.Regions),
				Matches: r.Matches,
			})
			fmt.Fprintf(stdout, "%s\n", line)
			continue
		}
		fmt.Fprintf(stdout, "%s: %s %q\n", file, e.Date, e.Title)
		fmt.Fprintf(stdout, "  countries: %s\n", names(r.Countries, func(c string) string { return p.Gazetteer.Country(c).Name }))
		fmt.Fprintf(stdout, "  regions:   %s\n", names(r.Regions, func(c string) string { return p.Gazetteer.Region(c).Name }))
		for _, m := range r.Matches {
			codes := "nothing"
			if len(m.Codes) > 0 {
				codes = strings.Join(m.Codes, ", ")
			}
			fmt.Fprintf(stdout, "  %s:%d: %q → %s (%s)\n", file, m.Line, m.Text, codes, m.Why)
		}
	}
	return status
}

func names(codes []string, name func(string) string) string {
	if len(codes) == 0 {
		return "none"
	}
	s := make([]string, len(codes))
	for i, c := range codes {
		s[i] = c + " " + name(c)
	}
	return strings.Join(s, ", ")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
