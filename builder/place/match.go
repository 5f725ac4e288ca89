package place

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a phrase in the gazetteer names.
type kind int

const (
	country    kind = iota + 1 // "Ukraine", "UK"
	demonym                    // "Ukrainian"
	capital                    // "Moscow": the country, or its government
	regionName                 // "Kharkiv": the region, bare
	regionForm                 // "Kharkiv Oblast", "Kharkivska"
	town                       // "Izium": a place in a region
	group                      // "Donbas": several regions
	stop                       // "Kyiv Independent": a name of something else
	ambiguous                  // "Pervomaisk": in more than one region
)

// A target is what a phrase means.
type target struct {
	kind  kind
	codes []string
}

// node is a trie of phrases, one word an edge.
type node struct {
	next   map[string]*node
	target *target
}

func (n *node) clone() *node {
	c := &node{target: n.target}
	if n.next != nil {
		c.next = make(map[string]*node, len(n.next))
		for k, v := range n.next {
			c.next[k] = v.clone()
		}
	}
	return c
}

// add puts phrase in the trie. A phrase that means something else already
// is an error unless override is set.
func (g *Gazetteer) add(phrase string, k kind, override bool, codes ...string) error {
	toks := tokenize(phrase)
	if len(toks) == 0 || strings.ContainsAny(phrase, "()[]") {
		return nil
	}
	n := g.names
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*node{}
		}
		child := n.next[t.text]
		if child == nil {
			child = &node{}
			n.next[t.text] = child
		}
		n = child
	}
	t := &target{kind: k, codes: codes}
	if n.target != nil && !override && !sameMeaning(n.target, t) {
		return fmt.Errorf("%q names both %v and %v", phrase, n.target.codes, codes)
	}
	if n.target == nil || override || k < n.target.kind {
		n.target = t
	}
	return nil
}

// sameMeaning reports whether two targets put text in the same places.
func sameMeaning(a, b *target) bool {
	return slices.Equal(a.codes, b.codes) || a.kind == stop && b.kind == stop
}

// find returns the target of exactly the phrase toks, or nil.
func (n *node) find(toks []token) *target {
	for _, t := range toks {
		if n = n.child(t); n == nil {
			return nil
		}
	}
	return n.target
}

// child follows the edge for t, also in title case for words in capitals
// ("KYIV" is "Kyiv").
func (n *node) child(t token) *node {
	if n.next == nil {
		return nil
	}
	if c := n.next[t.text]; c != nil {
		return c
	}
	if t.caps {
		return n.next[titleCase(t.text)]
	}
	return nil
}

func titleCase(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(r) + strings.ToLower(s[size:])
}

// A token is a word or a punctuation mark of the text being placed.
type token struct {
	text       string // the word, with apostrophes and look-alike letters made plain
	start, end int32  // byte offsets in the text
	sentence   int32  // index of the sentence the token is in
	punct      bool   // punctuation: phrases do not cross it
	hyphen     bool   // a hyphen: "Ivano-Frankivsk", "Iranian-made"
	possessive bool   // "Ukraine's": the "'s" is dropped from text
	caps       bool   // written in capitals: "KYIV"
}

// tokenize splits s into words and punctuation. Words keep inner
// apostrophes ("d'Ivoire") and the dots of abbreviations ("U.S.").
func tokenize(s string) []token { return appendTokens(nil, s) }

// appendTokens is tokenize, appending to toks: Match tokenizes every text
// of an article into one slice.
func appendTokens(toks []token, s string) []token {
	var sentence int32
	if len(s) > math.MaxInt32 {
		s = s[:math.MaxInt32]
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r) {
					j += n
					continue
				}
				if isApostrophe(r) || r == '.' {
					// inside a word, or the dot of an initial: "U.S."
					r2, _ := utf8.DecodeRuneInString(s[j+n:])
					if isWordRune(r2) && (r != '.' || isInitials(s[i:j]) || isDigits(s[i:j]) && unicode.IsDigit(r2)) {
						j += n
						continue
					}
					if r == '.' && isInitials(s[i:j]) && strings.Contains(s[i:j], ".") {
						j += n // the last dot of "U.S."
					}
				}
				break
			}
			toks = append(toks, word(s, i, j, sentence))
			i = j
		default:
			t := token{text: s[i : i+size], start: int32(i), end: int32(i + size), punct: true, sentence: sentence}
			if r == '-' || r == '\u2011' || r == '\u2010' {
				t.punct, t.hyphen, t.text = false, true, "-"
			}
			if r == '.' || r == '!' || r == '?' || r == '。' {
				sentence++
			}
			toks = append(toks, t)
			i += size
		}
	}
	return toks
}

// word makes the token for the word s[i:j].
func word(s string, i, j int, sentence int32) token {
	w := s[i:j]
	t := token{start: int32(i), end: int32(j), sentence: sentence}
	if last := w[len(w)-1]; last == 's' || last == 'S' {
		for _, suffix := range []string{"'s", "’s", "ʼs", "'S", "’S"} {
			if strings.HasSuffix(w, suffix) && len(w) > len(suffix) {
				w, t.possessive = w[:len(w)-len(suffix)], true
				break
			}
		}
	}
	if !t.possessive {
		for _, suffix := range []string{"'", "’", "ʼ"} {
			if strings.HasSuffix(w, suffix) { // "Ukrainians'"
				w, t.possessive = strings.TrimSuffix(w, suffix), true
			}
		}
	}
	t.text = plainLetters(w)
	t.caps = isCaps(t.text)
	return t
}

// isCaps reports whether w has two letters or more, all capitals.
func isCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// isInitials reports whether w is a run of single capitals with dots,
// "U" or "U.S".
func isInitials(w string) bool {
	for i, r := range w {
		if i%2 == 0 && !unicode.IsUpper(r) || i%2 == 1 && r != '.' || r > unicode.MaxASCII {
			return false
		}
	}
	return w != ""
}

func isDigits(s string) bool {
	return strings.Trim(s, "0123456789.,") == ""
}

// lookalikes are Cyrillic letters that scrapers and copy-paste slip into
// Latin words ("Sеvastopol" with a Cyrillic е).
var lookalikes = map[rune]rune{
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
	'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
}

// plainLetters makes apostrophes plain and, in a word that mixes Latin and
// Cyrillic letters, turns the Cyrillic look-alikes into Latin.
func plainLetters(w string) string {
	latin, cyrillic, apostrophe := false, false, false
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		case isApostrophe(r) && r != '\'':
			apostrophe = true
		}
	}
	if !apostrophe && !(latin && cyrillic) {
		return w
	}
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		if l, ok := lookalikes[r]; ok && latin && cyrillic {
			return l
		}
		return r
	}, w)
}
