package builder

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"timeline/builder/diag"
	"timeline/builder/entry"
	"timeline/builder/place"
)

// Config is site.toml. Every setting has a default, so a site needs no
// site.toml at all; the zero Config is not valid, use DefaultConfig.
type Config struct {
	Title       string     `toml:"title"`         // the site's name; default "Timeline"
	Description string     `toml:"description"`   // one sentence for search results and feeds
	BaseURL     string     `toml:"base_url"`      // where the site is published; default "http://localhost:1313/"
	Language    string     `toml:"language"`      // the pages' lang; default "en"
	WarStart    entry.Date `toml:"war_start"`     // the war's first day, 2022-02-24, for "day N" counts; none by default
	HomeEntries int        `toml:"home_entries"`  // entries on the home page; default 50
	FeedEntries int        `toml:"feed_entries"`  // entries in each feed; default 50
	Related     *int       `toml:"related"`       // related entries on each entry's page; default 3, 0 for none
	MaxFileSize int64      `toml:"max_file_size"` // largest article file, in bytes; default 1 MiB
	CNAME       string     `toml:"cname"`         // a custom domain for GitHub Pages, "example.org"; written to CNAME

	// Places adds countries, regions, names and towns to the built-in
	// gazetteer, in the shape of builder/place/places.toml.
	Places place.Places `toml:"places"`

	baseURL *url.URL
}

// DefaultConfig returns the settings of a site without site.toml.
func DefaultConfig() Config {
	c := Config{
		Title:       "Timeline",
		Language:    "en",
		HomeEntries: 50,
		FeedEntries: 50,
		MaxFileSize: entry.MaxSize,
	}
	c.SetBaseURL("http://localhost:1313/")
	return c
}

// LoadConfig reads site.toml from the site folder fsys. A missing file
// gives the defaults; a key it does not know is an error, so that a typo
// does not pass for a setting. Errors are a diag.List.
func LoadConfig(fsys fs.FS, name string) (Config, error) {
	cfg := DefaultConfig()
	var problems diag.List
	data, err := fs.ReadFile(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = nil
	case err != nil:
		problems.Errorf(name, 0, "cannot read: %v", err)
		return cfg, problems.Err()
	}
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		line, msg := entry.TOMLError(err)
		problems.Errorf(name, max(line, 1), "%s", msg)
		return cfg, problems.Err()
	}
	keys := entry.TOMLKeys(strings.Split(string(data), "\n"), 1)
	for _, k := range md.Undecoded() {
		problems.Errorf(name, keys[k.String()], "unknown setting %q", k.String())
	}
	if len(problems) > 0 {
		return cfg, problems.Err()
	}
	cfg.check(name, keys, &problems)
	return cfg, problems.Err()
}

// check validates the settings and fills in what they imply.
func (c *Config) check(name string, keys map[string]int, problems *diag.List) {
	fail := func(key, format string, args ...any) {
		problems.Errorf(name, keys[key], key+": "+format, args...)
	}
	if err := c.SetBaseURL(c.BaseURL); err != nil {
		fail("base_url", "%v", err)
	}
	if c.WarStart != (entry.Date{}) && !c.WarStart.HasDay() {
		fail("war_start", "want a day, like 2022-02-24")
	}
	// What the site shows is free of bidirectional controls, which make
	// text show otherwise than it reads; see entry.StripBidi.
	c.Title, c.Description = entry.StripBidi(c.Title), entry.StripBidi(c.Description)
	for i := range c.Places.Countries {
		c.Places.Countries[i].Name = entry.StripBidi(c.Places.Countries[i].Name)
	}
	for i := range c.Places.Regions {
		c.Places.Regions[i].Name = entry.StripBidi(c.Places.Regions[i].Name)
	}
	if c.Title = strings.TrimSpace(c.Title); c.Title == "" {
		fail("title", "must not be empty")
	}
	if c.Language == "" || !langRE.MatchString(c.Language) {
		fail("language", "want a language tag, like en or uk")
	}
	if c.HomeEntries < 1 {
		fail("home_entries", "must be at least 1")
	}
	if c.FeedEntries < 1 {
		fail("feed_entries", "must be at least 1")
	}
	if c.Related != nil && (*c.Related < 0 || *c.Related > 20) {
		fail("related", "must be from 0 (none) to 20")
	}
	if c.MaxFileSize < 1 {
		fail("max_file_size", "must be at least 1")
	}
	if c.CNAME != "" && !hostRE.MatchString(c.CNAME) {
		fail("cname", "want a domain name alone, like example.org or www.example.org")
	}
}

var hostRE = regexp.MustCompile(`^(?i:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?i:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?))+$`)

var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// SetBaseURL sets the address the site is published at: absolute, http or
// https. A path without its final slash gets one.
func (c *Config) SetBaseURL(s string) error {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("want an absolute http or https address, like https://owner.github.io/repo/, not %q", s)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%q: a base URL has no query, fragment or user", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	c.BaseURL, c.baseURL = u.String(), u
	return nil
}

// BaseURLParsed returns the base URL, checked and ending in "/".
func (c *Config) BaseURLParsed() *url.URL { return c.baseURL }

// loadSiteConfig reads dir/site.toml, with the base URL override.
func loadSiteConfig(dir, baseURL string) (Config, error) {
	cfg, err := LoadConfig(os.DirFS(dir), "site.toml")
	if err != nil {
		return cfg, err
	}
	if baseURL != "" {
		if err := cfg.SetBaseURL(baseURL); err != nil {
			var problems diag.List
			problems.Errorf("--base-url", 0, "%v", err)
			return cfg, problems.Err()
		}
	}
	return cfg, nil
}
