package builder

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"timeline/builder/diag"
	"timeline/builder/entry"
)

// Which articles a site shows: not drafts, unless Options.Drafts; not
// those dated after today, unless Options.Future; and an article held in
// two files (scraped twice, say) once, from the file whose path sorts
// first. Each article held back gets a warning saying why.

// today returns the day a build takes for today: Options.Today, or the
// newest date anywhere on Earth (UTC+14), so that an article dated today
// where it was written is never held back for being early.
func (o Options) today() entry.Date {
	if o.Today != (entry.Date{}) {
		return o.Today
	}
	return entry.DateOf(time.Now().UTC().Add(14 * time.Hour))
}

// publish returns the articles the site shows, sorted by path, and the
// warnings for those it holds back. It records which article holds each
// text and source address, for sameKeys.
func (s *Session) publish() ([]*article, diag.List) {
	var warnings diag.List
	today := s.opts.today()
	s.published = today
	s.holder = map[string]string{}
	s.keysOf = map[string][]string{}
	s.holds = map[string]bool{}
	var list []*article
	for _, name := range slices.Sorted(maps.Keys(s.articles)) {
		a := s.articles[name]
		e := a.entry
		switch {
		case e == nil:
			continue
		case e.Draft && !s.opts.Drafts:
			continue
		case e.Date.Compare(today) > 0 && !s.opts.Future:
			warnings.Warnf(name, e.Line, "dated %s, after today (%s): kept out of the site until then (--future shows it now)", e.Date, today)
			continue
		}
		keys := entryKeys(e)
		if k, first := s.taken(keys); first != "" {
			warnings.Warnf(name, e.Line, "the same article as %s (%s): shown once, from %s", first, keyWhat(k), first)
			s.holds[first] = true
			continue
		}
		for _, k := range keys {
			s.holder[k] = name
		}
		s.keysOf[name] = keys
		list = append(list, a)
	}
	return list, warnings
}

// taken returns the first of keys that an article published before holds,
// and that article.
func (s *Session) taken(keys []string) (key, holder string) {
	for _, k := range keys {
		if h, ok := s.holder[k]; ok {
			return k, h
		}
	}
	return "", ""
}

// sameKeys reports whether the article name, edited into a, is published
// just as before: it holds no other article back, and it has not become
// another's copy. Then it records a's keys in place of the old ones.
func (s *Session) sameKeys(name string, a *article) bool {
	if s.holds[name] {
		return false // the article it held back may show now
	}
	keys := entryKeys(a.entry)
	for _, k := range keys {
		if h, ok := s.holder[k]; ok && h != name {
			return false
		}
	}
	for _, k := range s.keysOf[name] {
		delete(s.holder, k)
	}
	for _, k := range keys {
		s.holder[k] = name
	}
	s.keysOf[name] = keys
	return true
}

// entryKeys returns what tells one article from another: the words of its
// body, and the address it was published at.
func entryKeys(e *entry.Entry) []string {
	var keys []string
	if e.TextSum != 0 {
		keys = append(keys, fmt.Sprintf("text %x", e.TextSum))
	}
	if k := sourceKey(e.SourceURL); k != "" {
		keys = append(keys, "source "+k)
	}
	return keys
}

func keyWhat(key string) string {
	if strings.HasPrefix(key, "text") {
		return "the same text"
	}
	return "the same source address"
}

// sourceKey returns the address u as it names an article: without scheme,
// "www.", trailing slash, fragment or tracking parameters.
func sourceKey(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	q := p.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	key := strings.TrimPrefix(strings.ToLower(p.Host), "www.") + strings.TrimRight(p.EscapedPath(), "/")
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}
