package place

import (
	"bufio"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzMatch places any text. It must not panic, must give the same result
// twice, and every code it gives must be the gazetteer's, sorted, with
// each region's country; every match must quote the text.
func FuzzMatch(f *testing.F) {
	cases, err := os.Open("testdata/cases.txt")
	if err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(cases)
	for sc.Scan() {
		if text, ok := strings.CutPrefix(sc.Text(), "text: "); ok {
			f.Add(text, "")
		}
	}
	cases.Close()
	f.Add("KYIV (Reuters) - Kharkiv, Kharkov and Kharkiv Oblast.", "Georgia's capital, Tbilisi.")
	g := Builtin()
	f.Fuzz(func(t *testing.T, a, b string) {
		texts := []Text{{a, 1}, {b, 3}}
		r := g.Match(texts, true)
		if r2 := g.Match(texts, true); !reflect.DeepEqual(r, r2) {
			t.Fatalf("two matches differ:\n%+v\n%+v", r, r2)
		}
		if r3 := g.Match(texts, false); !slices.Equal(r3.Countries, r.Countries) || !slices.Equal(r3.Regions, r.Regions) {
			t.Errorf("places differ with and without explanations")
		}
		if !slices.IsSorted(r.Countries) || !slices.IsSorted(r.Regions) {
			t.Errorf("unsorted: %v %v", r.Countries, r.Regions)
		}
		for _, c := range r.Countries {
			if g.Country(c) == nil {
				t.Errorf("unknown country %q", c)
			}
		}
		for _, c := range r.Regions {
			reg := g.Region(c)
			if reg == nil {
				t.Errorf("unknown region %q", c)
			} else if !slices.Contains(r.Countries, reg.Country) {
				t.Errorf("region %s without its country %s", c, reg.Country)
			}
		}
		for _, m := range r.Matches {
			if !strings.Contains(a, m.Text) && !strings.Contains(b, m.Text) {
				t.Errorf("match %q is not in the text", m.Text)
			}
		}
	})
}
