package entry

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the text worked out for an entry, in characters.
const (
	titleMax   = 110
	headingMax = 200 // a line longer than this is not a headline
	summaryMax = 300
)

// headlineShaped reports whether s could be a headline: short, not ending
// like a sentence or a clause, holding no sentence break and no dateline.
func headlineShaped(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > headingMax {
		return false
	}
	switch last, _ := utf8.DecodeLastRuneInString(s); last {
	case '.', ',', ';', ':', '。':
		return false
	}
	if dl, _, strong := dateline(s); dl != "" && strong {
		return false
	}
	return !hasSentenceBreak(s)
}

// sentenceEnds are the runes that end a sentence, as the last rune of a
// line: full stops, question and exclamation marks, colons ending a lead-in,
// and closing quotes and brackets after them.
const sentenceEnds = ".!?…:\"”’'»)。！？"

// endsSentence reports whether s ends like a finished sentence.
func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(sentenceEnds, last)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

const closingQuotes = "\"”’'»)」』"

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = setOf("mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "gov", "sen", "rep",
	"maj", "capt", "adm", "prof", "pres", "st", "mt", "no", "vs", "etc", "inc", "jr", "sr", "co",
	"corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "approx", "est", "fig", "vol", "ed", "eds", "rev", "hon", "brig", "cmdr", "lt.-col")

// sentenceEnd returns the index just past the first sentence of s, or -1
// when s holds a single unfinished sentence. A sentence ends at ". ", "! ",
// "? " followed by a capital letter, digit or quote, at a CJK full stop, or
// at the end of s after a stop.
func sentenceEnd(s string) int {
	for i, r := range s {
		switch r {
		case '。', '！', '？':
			return i + utf8.RuneLen(r)
		case '.', '!', '?':
			j := i + 1
			for j < len(s) {
				q, size := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune(closingQuotes, q) {
					break
				}
				j += size
			}
			if j == len(s) {
				return j
			}
			if s[j] != ' ' {
				if r == '.' && glued(s, i) {
					return i + 1 // "on Sunday.The strike"
				}
				continue
			}
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[j:], " "))
			if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"“‘«", next) {
				continue
			}
			if r == '.' && isAbbreviation(s[:i]) {
				continue
			}
			return j
		}
	}
	return -1
}

// glued reports whether the full stop at s[i] ends a sentence that the
// next one was glued to: a lower-case letter, the stop, a capital and a
// lower-case letter ("Sunday.The"), unlike "U.S." or "3.5".
func glued(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	next, n := utf8.DecodeRuneInString(s[i+1:])
	after, _ := utf8.DecodeRuneInString(s[i+1+n:])
	return unicode.IsLower(before) && unicode.IsUpper(next) && unicode.IsLower(after)
}

// isAbbreviation reports whether the word ending s is an abbreviation or
// an initial, whose full stop ends no sentence ("Mr.", "U.S.", "J.").
func isAbbreviation(s string) bool {
	w := s[strings.LastIndexAny(s, " (\"“")+1:]
	if utf8.RuneCountInString(w) == 1 || strings.Contains(w, ".") {
		return true // "J." or "U.S."
	}
	return abbreviations[strings.ToLower(w)]
}

// hasSentenceBreak reports whether s holds the end of one sentence
// followed by another.
func hasSentenceBreak(s string) bool {
	i := sentenceEnd(s)
	return i >= 0 && strings.TrimSpace(s[i:]) != ""
}

// firstSentence returns the first sentence of s.
func firstSentence(s string) string {
	if i := sentenceEnd(s); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// deriveTitle makes a headline from a first paragraph: its first sentence
// without the full stop, cut at a word boundary when too long.
func deriveTitle(lead string) string {
	t := strings.TrimSuffix(firstSentence(lead), ".")
	return cut(t, titleMax)
}

// Shorten returns the first sentences of p that fit in n characters, or
// the first sentence cut at a word.
func Shorten(p string, n int) string {
	if utf8.RuneCountInString(p) <= n {
		return p
	}
	end := 0
	for end < len(p) {
		i := sentenceEnd(p[end:])
		if i < 0 || utf8.RuneCountInString(p[:end+i]) > n {
			break
		}
		end += i
	}
	if end > 0 {
		return strings.TrimSpace(p[:end])
	}
	return cut(p, n)
}

// cut shortens s to at most n characters, at the last word boundary, and
// marks the cut with an ellipsis. Text without spaces (Japanese, Chinese)
// is cut at a character.
func cut(s string, n int) string {
	end := 0 // of the first n characters
	for range n {
		if end == len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	if end == len(s) {
		return s
	}
	t := s[:end]
	if i := strings.LastIndexByte(t, ' '); i > len(t)/2 && s[end] != ' ' {
		t = t[:i]
	}
	return strings.TrimRight(t, " ,;:-–—") + "…"
}

// readTime estimates reading time in minutes, at 230 words a minute; for
// scripts written without spaces, two characters count as a word.
func readTime(prose []Text) int {
	words, chars := 0, 0
	for _, t := range prose {
		space := true
		for _, r := range t.S {
			switch {
			case r == ' ' || r == '\t' || r == '\n':
				space = true
			case space:
				words++
				space = false
			}
			if r >= 0x3000 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				chars++
			}
		}
	}
	words += chars / 2
	return max(1, (words+229)/230)
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate (U+202A–U+202E, U+2066–U+2069). Such a character makes text
// show otherwise than it reads: an override turns "exe.pdf" into
// "fdp.exe", and one left open reverses what follows it on the page, past
// the end of the headline or byline it came in. Scraped text has them by
// accident if at all, and right-to-left scripts show right without them.
// The marks (U+200E, U+200F), which change only the direction of what
// stands next to them, are not among them.
func isBidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// StripBidi returns s without bidirectional embeddings, overrides and
// isolates: everything the site shows is free of them, its settings as
// much as its articles.
func StripBidi(s string) string {
	if strings.IndexFunc(s, isBidiControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}
