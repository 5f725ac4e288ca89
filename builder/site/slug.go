package site

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
)

// slugMax is the longest slug, in bytes: long enough to tell headlines
// apart, short enough for a readable address.
const slugMax = 60

// Slug makes a readable ASCII slug from a headline: lower case, words
// joined by hyphens, Latin letters stripped of accents and Cyrillic and
// Greek transliterated; cut at a word boundary. A headline with no letters
// that fold into ASCII (Arabic, Japanese) gets a slug from its hash, so
// that it is stable all the same.
func Slug(s string) string {
	b := make([]byte, 0, min(len(s), 2*slugMax))
	hyphen := false
	for _, r := range s {
		if len(b) > slugMax+20 {
			break // enough to cut from
		}
		t, ok := fold(r)
		if !ok {
			if len(b) > 0 {
				hyphen = true
			}
			continue
		}
		if t == "" {
			continue // "'" and "ь" join words; at a word's start they are nothing
		}
		if hyphen {
			b = append(b, '-')
			hyphen = false
		}
		b = append(b, t...)
	}
	slug := string(b)
	if len(slug) > slugMax {
		slug = slug[:slugMax]
		if i := strings.LastIndexByte(slug, '-'); i > slugMax/2 {
			slug = slug[:i]
		}
		slug = strings.TrimRight(slug, "-")
	}
	if strings.Trim(slug, "0123456789-") == "" {
		// No words, or only numbers, which would read as a day's folder.
		h := fnv.New32a()
		h.Write([]byte(s))
		return strings.TrimRight("entry-"+slug, "-") + "-" + strconv.FormatUint(uint64(h.Sum32()), 36)
	}
	return slug
}

// fold returns the lower-case ASCII spelling of r, or ok == false when r
// separates words.
func fold(r rune) (string, bool) {
	switch {
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		return ascii[r : r+1], true
	case r >= 'A' && r <= 'Z':
		return ascii[r+'a'-'A' : r+'a'-'A'+1], true
	case r == '\'' || r == '’' || r == 'ʼ':
		return "", true // "Ukraine's" is "ukraines", not "ukraine-s"
	}
	if t, ok := Translit[unicode.ToLower(r)]; ok {
		return t, true
	}
	return "", false
}

// ascii holds the ASCII characters, at their own offsets, for fold to
// slice instead of allocating.
const ascii = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// Translit spells letters in ASCII, as slugs and search spell them:
// Latin letters without their accents, Ukrainian and Russian Cyrillic in
// Latin letters (Ukraine's national system for Ukrainian, so "Київ" is
// "kyiv"), and Greek. A letter spelled "" ("ь", "ъ") joins the letters
// either side. Letters not here are the site's own to slugs (they
// separate words) and to search (they are kept).
var Translit = map[rune]string{
	// Latin
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ĕ': "e",
	'ğ': "g", 'ĝ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h", 'ì': "i", 'í': "i", 'î': "i",
	'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i", 'ĳ': "ij", 'ĵ': "j", 'ķ': "k",
	'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l", 'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ŉ': "n", 'ŋ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o",
	'ŏ': "o", 'ő': "o", 'œ': "oe", 'ŕ': "r", 'ŗ': "r", 'ř': "r", 'ś': "s", 'ŝ': "s", 'š': "s",
	'ş': "s", 'ș': "s", 'ß': "ss", 'ſ': "s", 'ť': "t", 'ţ': "t", 'ț': "t", 'ŧ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u",
	'ų': "u", 'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	// Cyrillic
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh",
	'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
	'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia", 'ё': "e", 'ы': "y",
	'э': "e", 'ъ': "", 'ў': "u", 'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
	'ѓ': "g", 'ќ': "k", 'ѕ': "dz",
	// Greek
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o", 'ά': "a", 'έ': "e",
	'ή': "i", 'ί': "i", 'ό': "o", 'ύ': "y", 'ώ': "o", 'ϊ': "i", 'ϋ': "y", 'ΐ': "i", 'ΰ': "y",
}
