package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"timeline/builder/site"
)

// The search index is what static/search.js reads to find entries by the
// words of their headlines, summaries, places and bylines, in the browser
// with no server. It is split so that a search downloads little of it:
//
//	search/meta.json  {"v", "n", "shards", "chunk", "split", "stop", "fold", "places"}
//	search/t/N.json   {"v", "t": {term: postings}}: every term whose key hashes to N
//	search/d/K.json   {"v", "d": [[headline, folder, date, [place, ...]], ...]}:
//	                  entries K·chunk to K·chunk+chunk-1
//
// An entry is its number on the timeline, 0 the newest. A term is a word
// folded (see searchTerms). Its key is its first two letters, or, when
// those are a prefix in "split", its first three, and so on: a prefix is
// split when the terms that start with it would make too large a file.
// A word being typed is a prefix of the terms that share its key, and so
// their shard: search-as-you-type reads one file a word. For a prefix
// that is split, the shard of its key holds "PREFIX*", the entries of all
// the terms that start with it. Shards are named by a hash of the key,
// and there are as many as the number of entries says (see searchShards),
// so that the list of files is known without reading an entry: a preview
// server makes each only when it is asked for.
//
// Postings are the entries' numbers in order, as a string: each gap (the
// number less the one before it, less one; the first number itself) in
// base 32, most significant digit first, every digit but the last with
// 32 added, each digit a character of searchDigits; or, when shorter, "!"
// and a bitmap, six entries a character, the lowest bit first.
//
// Every file carries "v", a hash of the entries' addresses in order: a
// browser holding files of two builds (GitHub Pages lets them be cached
// for ten minutes) sees that their numbers disagree and fetches again.
// "fold" and "stop" tell the browser how the build made terms, so that it
// makes them of what is typed alike.

const (
	// searchChunk is the number of entries in a documents file. The
	// browser shows ten results at a time, and a rare word's results
	// may each be in a file of their own: ten files of 50 entries are
	// about 100 KB.
	searchChunk = 50
	// searchSplitSize is the most a key's terms may take, in bytes,
	// before the key is split by its next letter: about three words
	// found in most entries, at 100,000 entries. Less splits more often,
	// and typing a common word then fetches a file for each of its
	// prefixes that is split (32 KB made "ru", "rus", "russ", "russi"
	// and "russia" five files, on generated articles).
	searchSplitSize = 48 << 10
	// searchMinRunes is the shortest term, in letters.
	searchMinRunes = 2
)

// searchDigits are the digits of postings, safe in JSON strings and URLs.
const searchDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// searchShards returns the number of term files for a site of n entries:
// a power of two, about one for every 100 entries, from 8 to 1,024.
func searchShards(n int) int {
	b := 8
	for b < 1024 && b*100 < n {
		b *= 2
	}
	return b
}

// searchStop are words too common to be worth finding; they are not
// indexed, and the browser leaves them out of a search.
var searchStop = []string{
	"an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
	"he", "her", "his", "in", "is", "it", "its", "not", "of", "on", "or", "said", "she", "that",
	"the", "their", "they", "this", "to", "was", "were", "which", "who", "will", "with", "would",
}

var searchStopSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range searchStop {
		m[w] = true
	}
	return m
}()

// searchTerms calls emit with each term of s, in order, repeats and all:
// its words (see folder.words) less words of one letter and stop words. The
// term passed to emit is valid only during the call.
func searchTerms(s string, emit func(term []byte)) {
	var f folder
	f.terms(s, emit)
}

// A folder makes words and terms of text, reusing its buffer.
type folder struct{ buf []byte }

// terms is searchTerms.
func (f *folder) terms(s string, emit func(term []byte)) {
	f.words(s, func(w []byte, runes int, _ bool) {
		if runes >= searchMinRunes && !searchStopSet[string(w)] {
			emit(w)
		}
	})
}

// words calls emit with each word of s and its length in letters: in
// lower case, each letter folded by site.Translit, combining marks (U+0301
// and the like) dropped, and words split at anything that is not a
// letter, a digit or a spacing mark. end is true for the word s ends in,
// which may be a word being typed, and may be empty. static/search.js
// does the same, from what meta.json says; testdata/search_terms.txt
// holds the cases both are tested on.
func (f *folder) words(s string, emit func(w []byte, runes int, end bool)) {
	w, runes := f.buf[:0], 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				w, runes = append(w, byte(r)), runes+1
				continue
			case 'A' <= r && r <= 'Z':
				w, runes = append(w, byte(r-'A'+'a')), runes+1
				continue
			}
		} else {
			r = unicode.ToLower(r)
			if t, ok := site.Translit[r]; ok {
				w, runes = append(w, t...), runes+utf8.RuneCountInString(t)
				continue
			}
			if unicode.In(r, unicode.Mn, unicode.Me) {
				continue // a combining accent: "é" written as "e" and U+0301
			}
			if unicode.In(r, unicode.L, unicode.N, unicode.Mc) {
				w, runes = utf8.AppendRune(w, r), runes+1
				continue
			}
		}
		if runes > 0 {
			emit(w, runes, false)
		}
		w, runes = w[:0], 0
	}
	emit(w, runes, true)
	f.buf = w[:0]
}

// SearchTerms returns the terms of s, as the index holds them and the
// browser looks them up.
func SearchTerms(s string) []string {
	var terms []string
	searchTerms(s, func(t []byte) { terms = append(terms, string(t)) })
	return terms
}

// searchKey returns the key of a term: its first two letters, and one
// more for each of its prefixes that is split.
func searchKey(term string, split map[string]bool) string {
	n, i := 0, 0
	for i < len(term) && (n < 2 || split[term[:i]]) {
		_, size := utf8.DecodeRuneInString(term[i:])
		i, n = i+size, n+1
	}
	return term[:i]
}

// searchShard returns the shard of a key: a 32-bit FNV-1a hash of its
// letters (code points, not bytes), modulo the number of shards.
func searchShard(key string, shards int) int {
	h := uint32(2166136261)
	for _, r := range key {
		h = (h ^ uint32(r)) * 16777619
	}
	return int(h % uint32(shards))
}

// appendPostings appends the encoding of ids, ascending, for n entries.
func appendPostings(b []byte, ids []int32, n int) []byte {
	start := len(b)
	prev := int32(-1)
	var digits [8]byte
	for _, id := range ids {
		g := uint32(id - prev - 1)
		prev = id
		i := len(digits)
		for {
			i--
			digits[i] = byte(g & 31)
			g >>= 5
			if g == 0 {
				break
			}
		}
		for j := i; j < len(digits); j++ {
			d := digits[j]
			if j < len(digits)-1 {
				d += 32
			}
			b = append(b, searchDigits[d])
		}
	}
	if bitmap := 1 + (n+5)/6; len(b)-start > bitmap {
		b = b[:start]
		b = append(b, '!')
		bits := make([]byte, (n+5)/6)
		for _, id := range ids {
			bits[id/6] |= 1 << (id % 6)
		}
		for _, v := range bits {
			b = append(b, searchDigits[v])
		}
	}
	return b
}

// searchIndex is the search index of one site: its files, made at once
// when the first is asked for.
type searchIndex struct {
	once  sync.Once
	files map[string][]byte
	err   error

	printOnce sync.Once
	print     uint64
}

// searchMeta is meta.json.
type searchMeta struct {
	V      string            `json:"v"`
	N      int               `json:"n"`
	Shards int               `json:"shards"`
	Chunk  int               `json:"chunk"`
	Split  []string          `json:"split"`
	Stop   []string          `json:"stop"`
	Fold   map[string]string `json:"fold"`
	Places []string          `json:"places"`
}

// searchExtras returns the files of the search index: their names are
// known from the number of entries alone; their contents are made, all
// at once, when the first is.
func searchExtras(s *site.Site) []Extra {
	ix := new(searchIndex)
	// Every file has the same fingerprint, worked out once: there are
	// three thousand files at 100,000 entries.
	print := func(s *site.Site) uint64 {
		ix.printOnce.Do(func() { ix.print = s.EntriesFingerprint() })
		return ix.print
	}
	file := func(name string) Extra {
		return Extra{name, print, func(s *site.Site, emit Emit) error {
			ix.once.Do(func() { ix.files, ix.err = buildSearchIndex(s, searchChunk, searchSplitSize) })
			if ix.err != nil {
				return ix.err
			}
			data, ok := ix.files[name]
			if !ok {
				return fmt.Errorf("%s: not in the search index", name)
			}
			return emit(name, data)
		}, true}
	}
	n := len(s.Entries)
	x := []Extra{file("search/meta.json")}
	for i := range searchShards(n) {
		x = append(x, file(fmt.Sprintf("search/t/%d.json", i)))
	}
	for k := 0; k*searchChunk < n; k++ {
		x = append(x, file(fmt.Sprintf("search/d/%d.json", k)))
	}
	return x
}

// buildSearchIndex makes every file of the search index of s, with chunk
// entries a documents file, splitting keys whose terms take more than
// splitSize bytes.
func buildSearchIndex(s *site.Site, chunk, splitSize int) (map[string][]byte, error) {
	n := len(s.Entries)
	files := map[string][]byte{}

	// The version: the entries' addresses, in order.
	h := fnv.New64a()
	for _, e := range s.Entries {
		h.Write([]byte(e.Dir))
		h.Write([]byte{0})
	}
	v := strconv.FormatUint(h.Sum64(), 36)

	// Postings: each term's entries, ascending, as entries are visited
	// in order; an entry's repeats of a term are dropped as they come.
	postings := map[string]*[]int32{}
	var id int32
	add := func(t []byte) {
		p := postings[string(t)] // no string made, unless the term is new
		if p == nil {
			p = new([]int32)
			postings[string(t)] = p
		} else if (*p)[len(*p)-1] == id {
			return
		}
		*p = append(*p, id)
	}
	var f folder
	for i, e := range s.Entries {
		id = int32(i)
		f.terms(e.Title, add)
		f.terms(e.Summary, add)
		f.terms(e.Byline, add)
		for _, p := range e.Countries {
			f.terms(p.Name, add)
		}
		for _, p := range e.Regions {
			f.terms(p.Name, add)
		}
	}

	// Encode each term's postings, and split the keys too large, again
	// and again, until every key's terms fit.
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	encoded := make(map[string][]byte, len(terms))
	for _, t := range terms {
		encoded[t] = appendPostings(nil, *postings[t], n)
	}
	split := map[string]bool{}
	for {
		size := map[string]int{}
		for _, t := range terms {
			size[searchKey(t, split)] += len(t) + len(encoded[t]) + 6
		}
		more := false
		for _, t := range terms {
			if k := searchKey(t, split); size[k] > splitSize && len(k) < len(t) {
				split[k], more = true, true
			}
		}
		if !more {
			break
		}
	}
	splitList := slices.Sorted(maps.Keys(split))
	// A split prefix's entries: the union of its terms'.
	for _, k := range splitList {
		seen := make([]bool, n)
		i, _ := slices.BinarySearch(terms, k)
		for ; i < len(terms) && strings.HasPrefix(terms[i], k); i++ {
			for _, id := range *postings[terms[i]] {
				seen[id] = true
			}
		}
		var ids []int32
		for id, ok := range seen {
			if ok {
				ids = append(ids, int32(id))
			}
		}
		encoded[k+"*"] = appendPostings(nil, ids, n)
	}
	keyed := append(slices.Clone(terms), make([]string, 0, len(splitList))...)
	for _, k := range splitList {
		keyed = append(keyed, k+"*")
	}
	slices.Sort(keyed)

	// The term files.
	shards := searchShards(n)
	bufs := make([]*bytes.Buffer, shards)
	for i := range bufs {
		bufs[i] = new(bytes.Buffer)
		fmt.Fprintf(bufs[i], `{"v":%q,"t":{`, v)
	}
	for _, t := range keyed { // sorted, so each file is
		b := bufs[searchShard(searchKey(strings.TrimSuffix(t, "*"), split), shards)]
		if b.Bytes()[b.Len()-1] != '{' {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		q, _ := json.Marshal(t)
		b.Write(q)
		b.WriteString(`:"`)
		b.Write(encoded[t])
		b.WriteByte('"')
	}
	for i, b := range bufs {
		b.WriteString("}}\n")
		files[fmt.Sprintf("search/t/%d.json", i)] = b.Bytes()
	}

	// The documents: what a result shows. Places are numbers in the
	// table meta.json gives.
	placeIndex := map[string]int{}
	var places []*site.Place
	for _, e := range s.Entries {
		for _, p := range e.Lead {
			if _, ok := placeIndex[p.Code]; !ok {
				placeIndex[p.Code] = -1
				places = append(places, p)
			}
		}
	}
	slices.SortFunc(places, func(a, b *site.Place) int { return cmp.Compare(a.Code, b.Code) })
	names := make([]string, len(places))
	for i, p := range places {
		placeIndex[p.Code] = i
		names[i] = p.Name
	}
	for k := 0; k*chunk < n; k++ {
		b := bytes.NewBuffer(make([]byte, 0, 256*chunk))
		fmt.Fprintf(b, `{"v":%q,"d":[`, v)
		for i, e := range s.Entries[k*chunk : min(n, (k+1)*chunk)] {
			lead := make([]int, len(e.Lead))
			for j, p := range e.Lead {
				lead[j] = placeIndex[p.Code]
			}
			rec, err := json.Marshal([]any{e.Title, e.Dir, e.DateText, lead})
			if err != nil {
				return nil, err
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
			b.Write(rec)
		}
		b.WriteString("\n]}\n")
		files[fmt.Sprintf("search/d/%d.json", k)] = b.Bytes()
	}

	fold := map[string]string{}
	for r, t := range site.Translit {
		fold[string(r)] = t
	}
	meta, err := json.Marshal(searchMeta{
		V: v, N: n, Shards: shards, Chunk: chunk,
		Split: append([]string{}, splitList...), Stop: searchStop, Fold: fold, Places: append([]string{}, names...),
	})
	if err != nil {
		return nil, err
	}
	files["search/meta.json"] = append(meta, '\n')
	return files, nil
}

// SearchFind returns the entries a search for q finds, by their numbers,
// newest first, reading the index's files by their names in the site:
// the entries with every word of q, the last a prefix of theirs unless q
// ends after it. It is what static/search.js does, for tests and tools.
func SearchFind(read func(name string) ([]byte, error), q string) ([]int32, error) {
	var meta searchMeta
	data, err := read("search/meta.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		return nil, fmt.Errorf("search/meta.json: %w", err)
	}
	split := map[string]bool{}
	for _, k := range meta.Split {
		split[k] = true
	}
	var words []string
	open := false
	new(folder).words(q, func(w []byte, runes int, end bool) {
		if open = end && runes >= searchMinRunes; runes >= searchMinRunes {
			words = append(words, string(w))
		}
	})
	words = slices.DeleteFunc(words, func(w string) bool {
		return searchStopSet[w] && !(open && w == words[len(words)-1])
	})
	var found []int32
	for i, w := range words {
		name := fmt.Sprintf("search/t/%d.json", searchShard(searchKey(w, split), meta.Shards))
		var shard struct {
			V string
			T map[string]string
		}
		data, err := read(name)
		if err == nil {
			err = json.Unmarshal(data, &shard)
		}
		if err == nil && shard.V != meta.V {
			err = fmt.Errorf("version %q, not meta.json's %q", shard.V, meta.V)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		var postings []string
		switch {
		case !open || i < len(words)-1:
			postings = []string{shard.T[w]}
		case split[w]:
			postings = []string{shard.T[w+"*"]}
		default:
			for t, p := range shard.T {
				if strings.HasPrefix(t, w) && !strings.HasSuffix(t, "*") {
					postings = append(postings, p)
				}
			}
		}
		var ids []int32
		for _, p := range postings {
			some, err := decodePostings(p)
			if err != nil {
				return nil, fmt.Errorf("%s: %q: %w", name, w, err)
			}
			ids = append(ids, some...)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		if i > 0 {
			ids = slices.DeleteFunc(ids, func(id int32) bool {
				_, ok := slices.BinarySearch(found, id)
				return !ok
			})
		}
		found = ids
	}
	return found, nil
}

// decodePostings is appendPostings undone.
func decodePostings(s string) ([]int32, error) {
	var ids []int32
	if rest, ok := strings.CutPrefix(s, "!"); ok {
		for i, c := range []byte(rest) {
			v := strings.IndexByte(searchDigits, c)
			if v < 0 {
				return nil, fmt.Errorf("bad digit %q", c)
			}
			for bit := range 6 {
				if v&(1<<bit) != 0 {
					ids = append(ids, int32(6*i+bit))
				}
			}
		}
		return ids, nil
	}
	prev, acc := int32(-1), int32(0)
	for _, c := range []byte(s) {
		v := strings.IndexByte(searchDigits, c)
		if v < 0 {
			return nil, fmt.Errorf("bad digit %q", c)
		}
		acc = acc*32 + int32(v&31)
		if v < 32 {
			prev += acc + 1
			ids = append(ids, prev)
			acc = 0
		}
	}
	if acc != 0 {
		return nil, fmt.Errorf("unfinished number")
	}
	return ids, nil
}
