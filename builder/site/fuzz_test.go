package site

import (
	"regexp"
	"testing"
	"unicode/utf8"
)

var slugShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// FuzzSlug makes a slug of anything: a non-empty run of lower-case ASCII
// words joined by hyphens, short, the same every time, never only digits
// (which would read as a date's folder).
func FuzzSlug(f *testing.F) {
	for _, s := range []string{
		"Volodomyr Zelenskyy Calls On Ukraine's Allies To Step Up Support",
		"Два роки повномасштабної війни", "東部で戦闘が続いた", "الحرب في أوكرانيا",
		"2024", "---", "", "Ελλάδα και Ουκρανία", "Kamʼianske: «ударили» ракети", "a\x00b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		if slug != Slug(s) {
			t.Fatalf("Slug(%q) differs from call to call", s)
		}
		if !slugShape.MatchString(slug) || len(slug) > slugMax+20 || !utf8.ValidString(slug) {
			t.Errorf("Slug(%q) = %q", s, slug)
		}
		if regexp.MustCompile(`^[0-9-]+$`).MatchString(slug) {
			t.Errorf("Slug(%q) = %q: only digits", s, slug)
		}
	})
}
