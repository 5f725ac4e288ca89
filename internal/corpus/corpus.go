// Package corpus writes realistic synthetic article files, in the scraped
// plain-text shape that timeline's parser reads, for benchmarks and load
// tests (cmd/gencorpus is its command line).
//
// The same arguments always give byte-identical files: every random choice
// comes from math/rand/v2 PCG sources seeded from the seed and the file's
// number, never from the clock or from map iteration order. Files are named
// like real ones, NNNNNN_<16 hex digits>.txt, spread over up to 100
// subfolders (DIR/07/...).
//
// The articles mix the shapes real scraped files have: about 45% with no
// headline (the date line runs into the first sentence, a third of them
// opening with a dateline), 35% with a headline and optional byline, read
// time and doubled caption, 10% with a headline and an agency line, and a
// few with navigation furniture, a read time or URL on the date line, a site
// time line or a leading photo caption. About 20% of dates are month-only,
// about 2% of articles are in Ukrainian or Russian, and a few carry "Read
// more:" lines, reporting credits or hard-wrapped paragraphs.
package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// ---------------------------------------------------------------------------
// Files

// writeAll writes articles 0..n-1 into dir and returns the bytes written.
// Write writes n articles from seed into dir, dated over days days from
// start, and returns the bytes written. dir must be empty or missing,
// unless force is set.
func Write(dir string, n int, seed uint64, start time.Time, days int, force bool) (int64, error) {
	return newGenerator(seed, start, days).writeAll(dir, n, force)
}

func (g *generator) writeAll(dir string, n int, force bool) (int64, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0 && !force:
		return 0, fmt.Errorf("%s is not empty (use -force to write into it anyway)", dir)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	names := make([]string, n)
	var folders [100]bool
	for i := range names {
		names[i] = g.name(i)
		folders[g.folder(i)] = true
	}
	for f, used := range folders {
		if used {
			if err := os.MkdirAll(filepath.Join(dir, fmt.Sprintf("%02d", f)), 0o755); err != nil {
				return 0, err
			}
		}
	}

	workers := min(max(runtime.GOMAXPROCS(0), 1)*2, 16)
	var (
		next  = make(chan int, 256)
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		total int64
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var (
				buf, scratch []byte
				w            = bufio.NewWriterSize(nil, 16<<10)
				sum          int64
				failed       error
			)
			for i := range next {
				if failed != nil {
					continue // drain
				}
				buf, scratch = g.article(i, buf[:0], scratch[:0])
				if err := writeFile(filepath.Join(dir, names[i]), w, buf); err != nil {
					failed = err
					continue
				}
				sum += int64(len(buf))
			}
			mu.Lock()
			total += sum
			if failed != nil && first == nil {
				first = failed
			}
			mu.Unlock()
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return total, first
}

func writeFile(path string, w *bufio.Writer, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w.Reset(f)
	_, err = w.Write(data)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ---------------------------------------------------------------------------
// Randomness

const (
	streamName  = 0x6e616d65
	streamStory = 0x73746f72
	streamBody  = 0x626f6479
	streamDays  = 0x64617973
)

// mix is SplitMix64's finalizer: a bijection that scatters nearby inputs.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// rng returns the source of article i's choices in one stream.
func (g *generator) rng(i int, stream uint64) *rand.Rand {
	a := mix(g.seed ^ mix(stream))
	b := mix(uint64(i) ^ mix(a+stream))
	return rand.New(rand.NewPCG(a, b))
}

func (g *generator) hash(i int) uint64 {
	return mix(mix(g.seed^streamName) + uint64(i)*0x9e3779b97f4a7c15)
}

func (g *generator) folder(i int) int { return int((g.hash(i) >> 40) % 100) }

// name is article i's path relative to the output folder.
func (g *generator) name(i int) string {
	return fmt.Sprintf("%02d/%06d_%016x.txt", g.folder(i), i, g.hash(i))
}

// weighted is a list of weights, to pick an index in proportion to them.
type weighted struct{ cum []int }

func newWeighted(ws []int) weighted {
	cum := make([]int, len(ws))
	t := 0
	for i, w := range ws {
		t += w
		cum[i] = t
	}
	return weighted{cum}
}

func (w weighted) pick(r *rand.Rand) int {
	x := r.IntN(w.cum[len(w.cum)-1])
	return sort.SearchInts(w.cum, x+1)
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

func oneOf[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// ---------------------------------------------------------------------------
// Generator and stories

type generator struct {
	seed  uint64
	start time.Time
	days  int
	cum   []float64 // cumulative weights of the days, the last is 1
}

func newGenerator(seed uint64, start time.Time, days int) *generator {
	g := &generator{seed: seed, start: start, days: days}
	g.cum = dayWeights(g.rng(0, streamDays), start, days)
	return g
}

// dayWeights makes the days uneven the way news is: a surge in the first
// weeks, bursts of a few days to a few weeks around big events, quieter
// stretches and weekends.
func dayWeights(r *rand.Rand, start time.Time, days int) []float64 {
	w := make([]float64, days)
	for d := range w {
		w[d] = 0.55 + 0.25*r.Float64()
	}
	for d := 0; d < days && d < 80; d++ {
		w[d] += 3.2 * math.Exp(-float64(d)/14)
	}
	bursts := max(1, days/40)
	for range bursts {
		c := r.Float64() * float64(days)
		width := 1.5 + 9*r.Float64()
		h := 0.4 + 2.4*r.Float64()*r.Float64()
		lo, hi := max(0, int(c-4*width)), min(days, int(c+4*width)+1)
		for d := lo; d < hi; d++ {
			x := (float64(d) - c) / width
			w[d] += h * math.Exp(-x*x/2)
		}
	}
	for range max(1, days/200) {
		c := r.IntN(days)
		for d := c; d < days && d < c+20+r.IntN(40); d++ {
			w[d] *= 0.55
		}
	}
	wd := int(start.Weekday())
	cum := make([]float64, days)
	t := 0.0
	for d := range w {
		if k := (wd + d) % 7; k == 0 || k == 6 {
			w[d] *= 0.7
		}
		t += w[d]
		cum[d] = t
	}
	for d := range cum {
		cum[d] /= t
	}
	cum[days-1] = 1
	return cum
}

func (g *generator) sampleDay(r *rand.Rand) int {
	return min(sort.SearchFloat64s(g.cum, r.Float64()), g.days-1)
}

const (
	langEN = iota
	langUK
	langRU
)

// A story is what an article is about, decided before its text: syndicated
// copies of an article share its story, so its date and headline.
type story struct {
	day      int // days after start: the publication date
	month    bool
	lang     int
	topic    int
	copied   bool
	city     int // index into cities
	reg      int // the story's Ukrainian region
	town     int // index into towns
	village  string
	rus      int // index into rusRegions
	ally     int // index into countries
	adv      int
	mediator int
	neighbor int
	weapon   int // index into aidWeapons
	k, inj   int // killed, injured
	drones   int
	down     int
	missiles int
	n        int
	pow      int
	losses   int
	money    string
	headline string
	group    byte // of the headline, which the lead matches

	ccity, creg, crus int // Cyrillic places

	// Other places the story may name: a story stays near its own places,
	// as news does, naming two or three countries and regions on the
	// median, not a tour of the map.
	reg2, city2, town2, ally2, rus2 int
}

func (g *generator) story(i int) story {
	r := g.rng(i, streamStory)
	if i > 0 && chance(r, 0.045) {
		// A syndicated copy or another scrape of a recent article.
		s := g.story(i - 1 - r.IntN(min(i, 40)))
		if s.lang == langEN {
			s.copied = true
			return s
		}
	}
	var s story
	s.day = g.sampleDay(r)
	s.month = chance(r, 0.2)
	switch x := r.Float64(); {
	case x < 0.012:
		s.lang = langUK
	case x < 0.02:
		s.lang = langRU
	}
	s.topic = topicWeights.pick(r)
	s.city = cityWeights.pick(r)
	s.town = pickTown(r, ymd(g.start.AddDate(0, 0, s.day)))
	if topics[s.topic].port {
		s.city = portWeights.pick(r)
	}
	s.reg = cities[s.city].reg
	if topics[s.topic].front {
		s.reg = towns[s.town].reg
	}
	s.ccity = cyrCityWeights.pick(r)
	s.creg = r.IntN(len(cyrRegions))
	s.crus = r.IntN(len(cyrRusRegions))
	s.village = pickVillage(r, towns[s.town].reg)
	s.rus = rusWeights.pick(r)
	s.ally = allyWeights.pick(r)
	s.adv = advWeights.pick(r)
	s.mediator = mediatorWeights.pick(r)
	s.neighbor = neighborWeights.pick(r)
	s.weapon = pickWeapon(r, s.ally)
	s.k = 2 + int(r.ExpFloat64()*4)
	s.inj = s.k + r.IntN(4*s.k+12)
	s.drones = 20 + r.IntN(170)
	s.down = s.drones - r.IntN(s.drones/3+1)
	s.missiles = 2 + r.IntN(45)
	s.n = 8 + r.IntN(55)
	s.pow = 2 * (24 + r.IntN(170))
	date := g.start.AddDate(0, 0, s.day)
	d := float64(date.Sub(time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	d = max(d, 10)
	s.losses = int(math.Min(400+d*1.1, 1650)) - 150 + r.IntN(300)
	s.money = string(appendMoney(nil, r, countries[s.ally].cur))
	s.reg2, s.city2, s.town2 = regWeights.pick(r), cityWeights.pick(r), pickTown(r, ymd(g.start.AddDate(0, 0, s.day)))
	s.ally2, s.rus2 = allyWeights.pick(r), rusWeights.pick(r)

	c := ctx{r: r, s: &s, date: date, ymd: ymd(date)}
	c.setStyle()
	if s.lang == langEN {
		s.headline, s.group = c.headline()
	} else {
		s.headline, s.group = c.cyrHeadline()
	}
	return s
}

func ymd(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }

// ---------------------------------------------------------------------------
// Articles

// shapes of English articles
const (
	shapeDerived = iota
	shapeHeadline
	shapeAgency
	shapeNav
	shapeDateOnly
	shapeReadTime
	shapeURL
	shapeTimeLine
	shapeCaptionFirst
)

var shapeWeights = newWeighted([]int{
	shapeDerived:      470,
	shapeHeadline:     340,
	shapeAgency:       95,
	shapeNav:          30,
	shapeDateOnly:     10,
	shapeReadTime:     15,
	shapeURL:          10,
	shapeTimeLine:     25,
	shapeCaptionFirst: 10,
})

// article appends article i's bytes to buf; scratch is working space.
func (g *generator) article(i int, buf, scratch []byte) ([]byte, []byte) {
	s := g.story(i)
	r := g.rng(i, streamBody)
	date := g.start.AddDate(0, 0, s.day)
	c := &ctx{r: r, s: &s, date: date, ymd: ymd(date)}
	c.setStyle()

	b := scratch
	if chance(r, 0.7) {
		b = append(b, ' ')
	}
	b = append(b, "date "...)
	if s.month {
		b = date.AppendFormat(b, "2006-01")
	} else {
		b = date.AppendFormat(b, "2006-01-02")
	}
	if s.lang != langEN {
		b = c.cyrArticle(b)
		return appendFixed(buf, b, c.curlyApos), b
	}

	shape := shapeWeights.pick(r)
	if s.copied && shape == shapeDerived {
		shape = shapeHeadline
		if chance(r, 0.25) {
			shape = shapeAgency
		}
	}
	c.wrap = chance(r, 0.04)
	if c.wrap {
		c.width = 64 + r.IntN(16)
	}
	c.onePerLine = !c.wrap && chance(r, 0.04)

	// The dateline, if the body opens with one.
	var dateline string
	agency := ""
	if (shape == shapeDerived && chance(r, 1.0/3)) || (shape == shapeHeadline && chance(r, 0.12)) {
		dateline, agency = c.dateline(shape == shapeHeadline)
	}

	switch shape {
	case shapeDerived:
		b = append(b, ' ')
		c.col = lastLineLen(b)
		b = c.leadParagraph(b, dateline)
	case shapeHeadline:
		b = append(b, ' ')
		b = append(b, s.headline...)
		b = c.headerBlock(b)
		b = c.paraSep(b)
		b = c.leadParagraph(b, dateline)
	case shapeAgency:
		b = append(b, ' ')
		b = append(b, s.headline...)
		b = append(b, "\n\n"...)
		b, agency = c.agencyLine(b)
		b = append(b, "\n\n"...)
		b = c.leadParagraph(b, "")
	case shapeNav:
		b = append(b, ' ')
		b = c.navigation(b)
		b = append(b, s.headline...)
		b = append(b, "\n\n"...)
		if chance(r, 0.7) {
			b = c.inlineByline(b)
			b = append(b, "\n\n"...)
		}
		b = c.leadParagraph(b, "")
	case shapeDateOnly:
		b = append(b, " \n\n"...)
		b = append(b, s.headline...)
		b = c.headerBlock(b)
		b = c.paraSep(b)
		b = c.leadParagraph(b, "")
	case shapeReadTime:
		b = append(b, ' ')
		b = c.readTime(b)
		b = append(b, "\n\n"...)
		b = append(b, s.headline...)
		b = append(b, "\n\n"...)
		b = c.leadParagraph(b, "")
	case shapeURL:
		b = append(b, ' ')
		b = c.url(b, s.headline)
		b = append(b, '\n')
		b = append(b, s.headline...)
		b = append(b, "\n\n"...)
		b = c.leadParagraph(b, "")
	case shapeTimeLine:
		b = append(b, ' ')
		b = append(b, s.headline...)
		b = append(b, "\n\n"...)
		b, agency = c.timeLine(b)
		b = append(b, "\n\n"...)
		b = c.leadParagraph(b, "")
	case shapeCaptionFirst:
		b = append(b, ' ')
		b = c.leadingCaption(b)
		b = append(b, "\n\n"...)
		b = append(b, s.headline...)
		b = append(b, "\n\n"...)
		b = c.leadParagraph(b, "")
	}

	b = c.body(b, 2+max(r.IntN(10), r.IntN(10)))

	// What follows the story.
	if agency == "Reuters" && chance(r, 0.4) || agency == "" && chance(r, 0.03) {
		b = c.paraSep(b)
		b = c.credits(b)
	}
	switch {
	case agency == "Reuters" && chance(r, 0.35):
		b = append(b, "\n\nOur Standards: The Thomson Reuters Trust Principles."...)
	case agency == "AP" && chance(r, 0.5):
		b = append(b, "\n\n___\n\nFollow AP's coverage of the war in Ukraine at https://apnews.com/hub/russia-ukraine"...)
	case agency == "Devdiscourse" && chance(r, 0.7):
		b = append(b, "\n\n(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)"...)
	case agency == "MENAFN" && chance(r, 0.8):
		b = append(b, "\n\nMENAFN"...)
		b = date.AppendFormat(b, "02012006")
		b = strconv.AppendInt(b, int64(100000+r.IntN(900000)), 10)
		b = append(b, "ID"...)
		b = strconv.AppendInt(b, int64(1100000000+r.IntN(99999999)), 10)
	}
	b = append(b, '\n')
	return appendFixed(buf, b, c.curlyApos), b
}

// appendFixed appends text to buf, with curly apostrophes if asked.
func appendFixed(buf, text []byte, curly bool) []byte {
	if !curly {
		return append(buf, text...)
	}
	for len(text) > 0 {
		j := 0
		for j < len(text) && text[j] != '\'' {
			j++
		}
		buf = append(buf, text[:j]...)
		if j == len(text) {
			break
		}
		buf = append(buf, "’"...)
		text = text[j+1:]
	}
	return buf
}

func lastLineLen(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\n' {
			return len(b) - i - 1
		}
	}
	return len(b)
}

// ctx holds one article's (or story's) choices while its text is made.
type ctx struct {
	r    *rand.Rand
	s    *story
	date time.Time
	ymd  int

	variants   bool   // Kharkov, Odessa, Kiev...
	zel        string // Zelenskyy, Zelensky, Zelenskiy
	curlyQ     bool
	curlyApos  bool
	wrap       bool
	width, col int
	onePerLine bool
	used       [8]uint64 // body templates used, to avoid repeats

	curReg, curRus, curCountry, curCity int
}

func (c *ctx) setStyle() {
	r := c.r
	c.variants = chance(r, 0.06)
	c.zel = oneOf(r, []string{"Zelenskyy", "Zelenskyy", "Zelensky", "Zelensky", "Zelenskiy"})
	c.curlyQ = chance(r, 0.6)
	c.curlyApos = chance(r, 0.25)
	c.curReg, c.curRus, c.curCountry, c.curCity = c.s.reg, c.s.rus, c.s.ally, c.s.city
}

func (c *ctx) paraSep(b []byte) []byte {
	if c.onePerLine {
		return append(b, '\n')
	}
	return append(b, "\n\n"...)
}

// para appends one paragraph of text, hard-wrapped if the article is.
func (c *ctx) para(b []byte, text []byte) []byte {
	if !c.wrap {
		return append(b, text...)
	}
	col := c.col
	c.col = 0
	for len(text) > 0 {
		sp := 0
		for sp < len(text) && text[sp] != ' ' {
			sp++
		}
		word := text[:sp]
		if col > 0 && col+1+utf8.RuneCount(word) > c.width {
			if len(b) > 0 && b[len(b)-1] == ' ' {
				b = b[:len(b)-1]
			}
			b = append(b, '\n')
			col = 0
		} else if col > 0 && b[len(b)-1] != ' ' {
			b = append(b, ' ')
			col++
		}
		b = append(b, word...)
		col += utf8.RuneCount(word)
		if sp < len(text) {
			sp++
		}
		text = text[sp:]
	}
	return b
}

// leadParagraph appends the first paragraph: the story's lead sentence,
// perhaps after a dateline and with a second sentence.
func (c *ctx) leadParagraph(b []byte, dateline string) []byte {
	t := topics[c.s.topic]
	p := make([]byte, 0, 512)
	p = append(p, dateline...)
	p = c.expand(p, c.pickLead(t.leads))
	if chance(c.r, 0.75) {
		p = append(p, ' ')
		p = c.sentence(p, t, 1)
	}
	return c.para(b, p)
}

// body appends n more paragraphs.
func (c *ctx) body(b []byte, n int) []byte {
	t := topics[c.s.topic]
	p := make([]byte, 0, 1024)
	readMore := -1
	if chance(c.r, 0.06) {
		readMore = c.r.IntN(n + 1)
	}
	for k := range n {
		if k == readMore {
			b = c.paraSep(b)
			b = c.readMore(b)
		}
		p = p[:0]
		m := 1
		switch x := c.r.Float64(); {
		case x < 0.08:
		case x < 0.4:
			m = 2
		case x < 0.8:
			m = 3
		default:
			m = 4
		}
		for j := range m {
			if j > 0 {
				p = append(p, ' ')
			}
			p = c.sentence(p, t, j)
		}
		b = c.paraSep(b)
		b = c.para(b, p)
	}
	return b
}

// sentence appends one body sentence: of the topic, of the war in general,
// or a quote.
func (c *ctx) sentence(b []byte, t *topic, pos int) []byte {
	x := c.r.Float64()
	if pos > 0 && x < 0.12 || x < 0.04 {
		return c.expand(b, c.pick(quoteSentences))
	}
	// Most sentences stay on the story, with its places; a few are
	// background, which names others: real articles name two or three
	// countries and regions each, on the median.
	pool, base := t.body, t.base
	if x > 0.88 {
		pool, base = generalSentences, generalBase
	}
	for try := 0; try < 16; try++ {
		if try == 6 {
			pool, base = generalSentences, generalBase
		}
		j := c.r.IntN(len(pool))
		id := base + j
		bit := uint64(1) << (id % 64)
		if w := &c.used[(id/64)%len(c.used)]; *w&bit == 0 && c.fits(pool[j]) && c.sameGroup(pool[j]) {
			*w |= bit
			return c.expand(b, pool[j])
		}
	}
	return c.expand(b, c.pick(quoteSentences))
}

// headerBlock appends what may follow a headline: a byline, a read time and
// a caption printed twice.
func (c *ctx) headerBlock(b []byte) []byte {
	r := c.r
	var lines [][]byte
	if chance(r, 0.6) {
		lines = append(lines, c.byline(nil))
	}
	if chance(r, 0.3) {
		lines = append(lines, c.readTime(nil))
	}
	if chance(r, 0.35) {
		capt := c.expand(nil, c.pick(captions))
		l := append([]byte(nil), capt...)
		l = c.captionCredit(l)
		lines = append(lines, capt, l)
	}
	if len(lines) == 0 {
		return b
	}
	sep := "\n"
	if chance(r, 0.3) {
		sep = "\n\n"
	}
	b = append(b, "\n\n"...)
	for k, l := range lines {
		if k > 0 {
			if k == len(lines)-1 && len(lines) >= 2 && sep == "\n\n" && string(lines[k-1]) == string(l[:min(len(l), len(lines[k-1]))]) {
				b = append(b, '\n') // a caption pair stays together
			} else {
				b = append(b, sep...)
			}
		}
		b = append(b, l...)
	}
	return b
}

func (c *ctx) byline(b []byte) []byte {
	r := c.r
	switch x := r.IntN(100); {
	case x < 45:
		b = append(b, "By "...)
		b = c.fullName(b)
	case x < 70:
		b = c.fullName(b)
	case x < 78:
		b = append(b, "By "...)
		b = c.fullName(b)
		b = append(b, " and "...)
		b = c.fullName(b)
	case x < 86:
		b = append(b, "Author: "...)
		b = c.fullName(b)
	case x < 92:
		b = append(b, "The Associated Press"...)
	default:
		b = append(b, "By "...)
		b = append(b, oneOf(r, []string{"HNN", "Jerusalem Post", "Kyiv Post", "Al Jazeera", "Guardian", "Sky News", "Euronews"})...)
		b = append(b, " Staff"...)
	}
	return b
}

func (c *ctx) inlineByline(b []byte) []byte {
	b = append(b, "by "...)
	b = c.fullName(b)
	b = append(b, ' ')
	b = c.date.AppendFormat(b, "January 2, 2006")
	b = append(b, ' ')
	b = c.clock12(b)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(1+c.r.IntN(5)), 10)
	return append(b, " min read"...)
}

func (c *ctx) clock12(b []byte) []byte {
	h, m := 1+c.r.IntN(12), c.r.IntN(60)
	b = strconv.AppendInt(b, int64(h), 10)
	b = append(b, ':')
	if m < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(m), 10)
	if chance(c.r, 0.5) {
		return append(b, " AM"...)
	}
	return append(b, " PM"...)
}

func (c *ctx) readTime(b []byte) []byte {
	n := int64(1 + int(c.r.ExpFloat64()*2.5))
	switch x := c.r.IntN(10); {
	case x < 4:
		b = append(b, "·"...)
		b = strconv.AppendInt(b, n, 10)
		b = append(b, " min read"...)
	case x < 7:
		b = strconv.AppendInt(b, n, 10)
		b = append(b, " min read"...)
	case x < 9:
		b = strconv.AppendInt(b, n, 10)
		if n == 1 {
			b = append(b, " minute read"...)
		} else {
			b = append(b, " minutes read"...)
		}
	default:
		b = strconv.AppendInt(b, n, 10)
		b = append(b, " mins read"...)
	}
	return b
}

func (c *ctx) captionCredit(b []byte) []byte {
	r := c.r
	switch x := r.IntN(10); {
	case x < 3:
		b = append(b, " via Associated Press"...)
	case x < 5:
		b = append(b, " REUTERS/"...)
		b = append(b, oneOf(r, photographers)...)
	case x < 6:
		b = append(b, " EPA-EFE/STRINGER"...)
	case x < 7:
		b = append(b, " via Getty Images"...)
	case x < 8:
		b = append(b, " (photo credit: REUTERS/STRINGER)"...)
	case x < 9:
		b = append(b, " Photo: Ukrinform"...)
	default:
		b = append(b, " AP Photo/"...)
		b = append(b, oneOf(r, photographers)...)
	}
	return b
}

func (c *ctx) leadingCaption(b []byte) []byte {
	if chance(c.r, 0.3) {
		return append(b, oneOf(c.r, []string{"Photo : YONHAP News", "Photo: Getty Images", "Photo: Ukrinform"})...)
	}
	b = append(b, "epaselect epa"...)
	b = strconv.AppendInt(b, int64(10000000+c.r.IntN(2000000)), 10)
	b = append(b, ' ')
	b = c.expand(b, c.pick(captions))
	b = b[:len(b)-1] // the full stop
	b = append(b, ", "...)
	b = c.date.AppendFormat(b, "2 January 2006")
	return append(b, ". EPA-EFE/STRINGER"...)
}

func (c *ctx) navigation(b []byte) []byte {
	switch c.r.IntN(4) {
	case 0, 1:
		b = append(b, "Skip to content\nNews\nOPEN APP\nEdition: International\n\n"...)
	case 2:
		b = append(b, "News\nEdition: Europe\n\n"...)
	default:
		b = append(b, "Home>News>World\n"...)
	}
	return b
}

func (c *ctx) agencyLine(b []byte) ([]byte, string) {
	r := c.r
	agency := oneOf(r, []string{"Reuters", "Reuters", "Reuters", "PTI", "ANI", "IANS", "Devdiscourse News Desk"})
	b = append(b, agency...)
	b = append(b, " | "...)
	b = append(b, oneOf(r, []string{"Kyiv", "Kyiv", "Kyiv", "Moscow", "Moscow", "Washington DC", "London", "Brussels", "Kharkiv", "Berlin", "Warsaw", "Paris", "Geneva", "Ankara", "Beijing", "New Delhi", "Seoul"})...)
	b = append(b, " | Updated: "...)
	t := c.date.Add(time.Duration(r.IntN(24*60)) * time.Minute)
	b = t.AppendFormat(b, "02-01-2006 15:04")
	b = append(b, " IST"...)
	if chance(r, 0.6) {
		b = append(b, " | Created: "...)
		b = t.AppendFormat(b, "02-01-2006 15:04")
		b = append(b, " IST"...)
	}
	if agency == "Devdiscourse News Desk" {
		agency = "Devdiscourse"
	} else if agency != "Reuters" {
		agency = "Devdiscourse" // Devdiscourse syndicates the Indian agencies too
	}
	return b, agency
}

func (c *ctx) timeLine(b []byte) ([]byte, string) {
	r := c.r
	switch r.IntN(4) {
	case 0:
		b = append(b, "By HNN Staff\nPublished: "...)
		b = c.date.AppendFormat(b, "Jan. 2, 2006")
		b = append(b, " at "...)
		b = c.clock12(b)
		b = append(b, " HST\nUpdated: "...)
		b = c.date.AddDate(0, 0, r.IntN(2)).AppendFormat(b, "Jan. 2, 2006")
		b = append(b, " at "...)
		b = c.clock12(b)
		b = append(b, " HST"...)
	case 1:
		b = append(b, "Published: "...)
		b = c.date.AppendFormat(b, "January 2, 2006")
		b = append(b, ' ')
		b = c.clock12(b)
	case 2:
		t := c.date.Add(time.Duration(r.IntN(86400)) * time.Second)
		b = t.AppendFormat(b, "1/2/2006 3:04:05 PM")
	default:
		b = append(b, oneOf(r, []string{"(MENAFN- UkrinForm)", "(MENAFN- Mid-East Info)", "(MENAFN- AzerNews)"})...)
		return b, "MENAFN"
	}
	return b, ""
}

func (c *ctx) url(b []byte, headline string) []byte {
	r := c.r
	switch r.IntN(4) {
	case 0:
		b = append(b, "https://www.pravda.com.ua/eng/news/"...)
		b = c.date.AppendFormat(b, "2006/01/02/")
		b = strconv.AppendInt(b, int64(7300000+r.IntN(200000)), 10)
		b = append(b, '/')
	case 1:
		b = append(b, "https://kyivindependent.com/"...)
		b = appendSlug(b, headline)
		b = append(b, '/')
	case 2:
		b = append(b, "https://www.reuters.com/world/europe/"...)
		b = appendSlug(b, headline)
		b = c.date.AppendFormat(b, "-2006-01-02/")
	default:
		b = append(b, "https://www.ukrinform.net/rubric-ato/"...)
		b = strconv.AppendInt(b, int64(3500000+r.IntN(500000)), 10)
		b = append(b, '-')
		b = appendSlug(b, headline)
		b = append(b, ".html"...)
	}
	return b
}

func appendSlug(b []byte, s string) []byte {
	dash := false
	n := 0
	for i := 0; i < len(s) && n < 70; i++ {
		ch := s[i]
		switch {
		case 'a' <= ch && ch <= 'z' || '0' <= ch && ch <= '9':
		case 'A' <= ch && ch <= 'Z':
			ch += 'a' - 'A'
		case ch == '\'':
			continue
		default:
			if !dash && n > 0 {
				b = append(b, '-')
				n++
			}
			dash = true
			continue
		}
		b = append(b, ch)
		n++
		dash = false
	}
	if len(b) > 0 && b[len(b)-1] == '-' {
		b = b[:len(b)-1]
	}
	return b
}

func (c *ctx) readMore(b []byte) []byte {
	other, _ := c.headlineOf(topicWeights.pick(c.r))
	if chance(c.r, 0.3) {
		b = append(b, "Read also: "...)
		return append(b, other...)
	}
	b = append(b, "Read more: "...)
	return c.url(b, other)
}

// dateline returns an opening dateline and the agency it names.
func (c *ctx) dateline(inHeadlineShape bool) (string, string) {
	r := c.r
	if inHeadlineShape {
		return oneOf(r, []string{"KYIV, Ukraine (AP) — ", "ZAPORIZHZHIA, Ukraine — ", "KHARKIV, Ukraine — ", "KYIV (Reuters) - "}), ""
	}
	switch x := r.IntN(100); {
	case x < 40:
		c.zel = "Zelenskiy"
		return oneOf(r, []string{"KYIV", "KYIV", "KYIV", "KYIV", "MOSCOW", "MOSCOW", "LONDON", "WASHINGTON", "BRUSSELS", "WARSAW", "BERLIN", "KHARKIV, Ukraine", "ZAPORIZHZHIA, Ukraine"}) + " (Reuters) - ", "Reuters"
	case x < 72:
		return oneOf(r, []string{"KYIV, Ukraine", "KYIV, Ukraine", "KYIV, Ukraine", "KHARKIV, Ukraine", "ZAPORIZHZHIA, Ukraine", "DNIPRO, Ukraine", "ODESA, Ukraine", "WASHINGTON", "UNITED NATIONS", "MOSCOW"}) + " (AP) — ", "AP"
	case x < 90:
		c.variants = true
		c.zel = "Zelensky"
		return "MOSCOW, " + c.date.Format("January 2") + ". /TASS/. ", "TASS"
	default:
		return "Kyiv: ", ""
	}
}

func (c *ctx) credits(b []byte) []byte {
	r := c.r
	switch r.IntN(3) {
	case 0:
		b = append(b, "(Reporting by "...)
		b = c.fullName(b)
		b = append(b, "; Editing by "...)
		b = c.fullName(b)
		b = append(b, ')')
	case 1:
		b = append(b, "(Reporting by "...)
		b = c.fullName(b)
		b = append(b, " in "...)
		b = append(b, oneOf(r, []string{"Kyiv", "Moscow", "London", "Washington", "Brussels", "Warsaw"})...)
		b = append(b, "; Additional reporting by "...)
		b = c.fullName(b)
		b = append(b, "; Writing by "...)
		b = c.fullName(b)
		b = append(b, "; Editing by "...)
		b = c.fullName(b)
		b = append(b, " and "...)
		b = c.fullName(b)
		b = append(b, ')')
	default:
		b = append(b, "Reporting by "...)
		b = c.fullName(b)
		b = append(b, " Writing by "...)
		b = c.fullName(b)
		b = append(b, " Editing by "...)
		b = c.fullName(b)
	}
	return b
}

func (c *ctx) fullName(b []byte) []byte {
	b = append(b, oneOf(c.r, firstNames)...)
	b = append(b, ' ')
	return append(b, oneOf(c.r, surnames)...)
}

// headline makes the story's headline, 40 to 120 characters.
func (c *ctx) headline() (string, byte) {
	h, group := c.headlineOf(c.s.topic)
	if chance(c.r, 0.15) {
		h = titleCase(h)
	}
	return h, group
}

func (c *ctx) headlineOf(topic int) (string, byte) {
	t := topics[topic]
	var (
		b  []byte
		tm tmpl
	)
	for try := 0; ; try++ {
		tm = c.pick(t.headlines)
		b = c.expand(b[:0], tm)
		n := utf8.RuneCount(b)
		if n < 40 {
			b = append(b, oneOf(c.r, []string{", officials say", ", reports say", " as war grinds on", ", Ukraine says"})...)
			n = utf8.RuneCount(b)
		}
		if n >= 40 && n <= 120 || try >= 8 {
			break
		}
	}
	return string(b), tm.group
}

func titleCase(s string) string {
	b := []byte(s)
	up := true
	for i, ch := range b {
		if up && 'a' <= ch && ch <= 'z' {
			b[i] = ch - 'a' + 'A'
		}
		up = ch == ' '
	}
	return string(b)
}

func appendMoney(b []byte, r *rand.Rand, cur string) []byte {
	var amount []byte
	unit := " million"
	if chance(r, 0.3) {
		unit = " billion"
		whole := 1 + r.IntN(9)
		amount = strconv.AppendInt(amount, int64(whole), 10)
		if chance(r, 0.5) {
			amount = append(amount, '.')
			amount = strconv.AppendInt(amount, int64(1+r.IntN(9)), 10)
		}
	} else {
		amount = strconv.AppendInt(amount, int64(25*(2+r.IntN(38))), 10)
	}
	switch cur {
	case "":
		b = append(b, '$')
	case "kr":
		b = append(b, amount...)
		b = append(b, unit...)
		return append(b, " crowns"...)
	default:
		b = append(b, cur...)
	}
	b = append(b, amount...)
	return append(b, unit...)
}

func appendThousands(b []byte, n int) []byte {
	s := strconv.Itoa(n)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return b
}

// ---------------------------------------------------------------------------
// Templates

// A tmpl is a compiled template: text with {key} slots. A key starting with
// @ is the story's (the same in headline and body); one starting with a
// capital letter starts a sentence.
type tmpl struct {
	segs          []seg
	after, before int  // yyyymmdd: usable only after and before these dates; 0 is no limit
	group         byte // headlines and leads of one group go together; 0 goes with any
}

type seg struct {
	lit string
	key string
	fn  func(c *ctx, b []byte) []byte
	cap bool
}

func compile(s string) tmpl {
	var t tmpl
	if len(s) > 2 && s[1] == '|' {
		t.group, s = s[0], s[2:]
	}
	for strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		d := atoi(s[2:end])
		switch s[1] {
		case '>':
			t.after = d
		case '<':
			t.before = d
		default:
			panic("gencorpus: bad date guard in template " + strconv.Quote(s))
		}
		s = strings.TrimPrefix(s[end+1:], " ")
	}
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			t.segs = append(t.segs, seg{lit: s})
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic("gencorpus: unclosed { in template " + strconv.Quote(s))
		}
		if i > 0 {
			t.segs = append(t.segs, seg{lit: s[:i]})
		}
		key := s[i+1 : i+j]
		name := strings.TrimPrefix(key, "@")
		capital := name != "" && 'A' <= name[0] && name[0] <= 'Z'
		lookup := key
		if capital {
			lookup = key[:len(key)-len(name)] + strings.ToLower(name[:1]) + name[1:]
		}
		fn, ok := slots[lookup]
		if !ok {
			panic("gencorpus: unknown slot {" + key + "} in template " + strconv.Quote(s))
		}
		t.segs = append(t.segs, seg{key: lookup, fn: fn, cap: capital})
		s = s[i+j+1:]
	}
	return t
}

// fits reports whether t may be used in an article of this date.
func (c *ctx) fits(t tmpl) bool {
	return t.after <= c.ymd && (t.before == 0 || c.ymd < t.before)
}

// pick returns a template of pool that fits the date.
func (c *ctx) pick(pool []tmpl) tmpl {
	for range 12 {
		if t := pool[c.r.IntN(len(pool))]; c.fits(t) {
			return t
		}
	}
	for _, t := range pool {
		if c.fits(t) {
			return t
		}
	}
	return pool[0]
}

func (c *ctx) sameGroup(t tmpl) bool { return t.group == 0 || c.s.group == 0 || t.group == c.s.group }

// pickLead returns a lead that goes with the story's headline.
func (c *ctx) pickLead(pool []tmpl) tmpl {
	ok := func(t tmpl) bool { return c.fits(t) && c.sameGroup(t) }
	for range 12 {
		if t := pool[c.r.IntN(len(pool))]; ok(t) {
			return t
		}
	}
	for _, t := range pool {
		if ok(t) {
			return t
		}
	}
	return c.pick(pool)
}

func compileAll(ss []string) []tmpl {
	ts := make([]tmpl, len(ss))
	for i, s := range ss {
		ts[i] = compile(s)
	}
	return ts
}

func (c *ctx) expand(b []byte, t tmpl) []byte {
	var seen [4]struct{ key, val string } // random slots filled so far, not to repeat "Kherson and Kherson"
	nseen := 0
	for _, sg := range t.segs {
		if sg.fn == nil {
			if c.curlyQ {
				b = append(b, sg.lit...)
			} else {
				b = appendStraightQuotes(b, sg.lit)
			}
			continue
		}
		at := len(b)
		b = sg.fn(c, b)
		if sg.key[0] != '@' {
			for try := 0; try < 4; try++ {
				dup := false
				for _, s := range seen[:nseen] {
					if s.key == sg.key && s.val == string(b[at:]) {
						dup = true
					}
				}
				if !dup {
					break
				}
				b = sg.fn(c, b[:at])
			}
			if nseen < len(seen) {
				seen[nseen].key, seen[nseen].val = sg.key, string(b[at:])
				nseen++
			}
		}
		if sg.cap && at < len(b) && 'a' <= b[at] && b[at] <= 'z' {
			b[at] -= 'a' - 'A'
		}
	}
	return b
}

func appendStraightQuotes(b []byte, s string) []byte {
	for len(s) > 0 {
		i := strings.Index(s, "\xe2\x80") // “ ” ‘ ’ all start so
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i]...)
		if i+2 < len(s) {
			switch s[i+2] {
			case 0x9c, 0x9d: // “ ”
				b = append(b, '"')
				s = s[i+3:]
				continue
			}
		}
		b = append(b, s[i:i+2]...)
		s = s[i+2:]
	}
	return b
}

type topic struct {
	name      string
	w         int
	front     bool // about a front-line town rather than a city
	port      bool // about a port
	headlines []tmpl
	leads     []tmpl
	body      []tmpl
	base      int // index of body[0] among all body templates
}

var (
	topics          []*topic
	topicWeights    weighted
	generalBase     int
	captions        []tmpl
	quoteSentences  []tmpl
	cyrHeadlines    [3][]tmpl
	cyrSentences    [3][]tmpl
	cityWeights     weighted
	townWeights     weighted
	rusWeights      weighted
	allyWeights     weighted
	advWeights      weighted
	mediatorWeights weighted
	neighborWeights weighted
	regWeights      weighted
	cyrCityWeights  weighted
	portWeights     weighted
	slots           map[string]func(c *ctx, b []byte) []byte
)

// generalSentences are compiled in init, after slots.
var generalSentences []tmpl

func init() {
	initPlaces()
	initSlots()
	base := 0
	for _, td := range topicData {
		t := &topic{name: td.name, w: td.w, front: td.front, port: td.port,
			headlines: compileAll(td.headlines), leads: compileAll(td.leads), body: compileAll(td.body), base: base}
		base += len(t.body)
		topics = append(topics, t)
	}
	generalBase = base
	generalSentences = compileAll(generalText)
	ws := make([]int, len(topics))
	for i, t := range topics {
		ws[i] = t.w
	}
	topicWeights = newWeighted(ws)
	captions = compileAll(captionText)
	quoteSentences = compileAll(quoteText)
	cyrHeadlines[langUK] = compileAll(ukHeadlines)
	cyrHeadlines[langRU] = compileAll(ruHeadlines)
	cyrSentences[langUK] = compileAll(ukSentences)
	cyrSentences[langRU] = compileAll(ruSentences)
}

// ---------------------------------------------------------------------------
// Places and people

// An era is a name valid until a date (yyyymmdd, exclusive); 0 is forever.
type era struct {
	until int
	name  string
}

// parseEras reads "Old Name<20230602|New Name".
func parseEras(s string) []era {
	var es []era
	for _, part := range strings.Split(s, "|") {
		name, until, _ := strings.Cut(part, "<")
		e := era{name: name}
		if until != "" {
			e.until, _ = strconv.Atoi(until)
		}
		es = append(es, e)
	}
	return es
}

func eraName(es []era, ymd int) string {
	for _, e := range es {
		if e.until == 0 || ymd < e.until {
			return e.name
		}
	}
	return es[len(es)-1].name
}

type region struct {
	names []string // the usual spelling first, then variants
	govs  []era
	w     int
}

type cityT struct {
	names         []string
	reg           int
	mayor         string
	after, before int // for towns: on the front line only between these dates
}

// Ukraine's regions: names|governors|weight.
var regionText = []string{
	"Kharkiv/Kharkov|Oleh Syniehubov|12",
	"Donetsk|Pavlo Kyrylenko<20230602|Vadym Filashkin|14",
	"Luhansk/Lugansk|Serhiy Haidai<20230324|Artem Lysohor|4",
	"Zaporizhzhia/Zaporozhye|Oleksandr Starukh<20230209|Yurii Malashko<20240607|Ivan Fedorov|10",
	"Kherson|Yaroslav Yanushevych<20230425|Oleksandr Prokudin|9",
	"Odesa/Odessa|Maksym Marchenko<20230309|Oleh Kiper|8",
	"Mykolaiv/Nikolaev|Vitaliy Kim|5",
	"Dnipropetrovsk|Valentyn Reznichenko<20230117|Serhii Lysak|7",
	"Sumy|Dmytro Zhyvytskyi<20230505|Volodymyr Artiukh<20250205|Oleh Hryhorov|8",
	"Chernihiv/Chernigov|Viacheslav Chaus|4",
	"Kyiv/Kiev|Oleksiy Kuleba<20230127|Ruslan Kravchenko<20250618|Mykola Kalashnyk|6",
	"Poltava|Dmytro Lunin<20240905|Filip Pronin<20250801|Volodymyr Kohut|3",
	"Lviv/Lvov|Maksym Kozytskyi|3",
	"Vinnytsia|Serhiy Borzov|2",
	"Khmelnytskyi|Serhii Tiurin|2",
	"Zhytomyr|Vitalii Bunechko|2",
	"Cherkasy|Ihor Taburets|2",
	"Kirovohrad|Andrii Raikovych|1",
	"Rivne|Vitalii Koval<20230615|Oleksandr Koval|1",
	"Volyn|Yurii Pohuliaiko<20240301|Ivan Rudnytskyi|1",
	"Ternopil|Volodymyr Trush<20240501|Viacheslav Nehoda|1",
	"Ivano-Frankivsk|Svitlana Onyshchuk|1",
	"Zakarpattia|Viktor Mykyta<20240801|Myroslav Biletskyi|1",
	"Chernivtsi|Ruslan Zaparaniuk|1",
	"Crimea|Sergei Aksyonov|3",
}

// Cities that are hit, with their region and mayor: names|region|weight|mayor.
var cityText = []string{
	"Kyiv/Kiev|Kyiv|12|Vitali Klitschko",
	"Kharkiv/Kharkov|Kharkiv|12|Ihor Terekhov",
	"Odesa/Odessa|Odesa|8|Hennadiy Trukhanov",
	"Zaporizhzhia/Zaporozhye|Zaporizhzhia|8|",
	"Dnipro/Dnipropetrovsk|Dnipropetrovsk|5|Borys Filatov",
	"Sumy|Sumy|6|Oleksandr Lysenko",
	"Kherson|Kherson|6|Roman Mrochko",
	"Mykolaiv/Nikolaev|Mykolaiv|4|Oleksandr Senkevych",
	"Lviv/Lvov|Lviv|3|Andriy Sadovyi",
	"Poltava|Poltava|2|",
	"Chernihiv/Chernigov|Chernihiv|3|",
	"Kryvyi Rih/Krivoy Rog|Dnipropetrovsk|3|Oleksandr Vilkul",
	"Kramatorsk|Donetsk|3|",
	"Sloviansk/Slavyansk|Donetsk|2|",
	"Vinnytsia|Vinnytsia|2|",
	"Khmelnytskyi|Khmelnytskyi|1|",
	"Zhytomyr|Zhytomyr|1|",
	"Cherkasy|Cherkasy|1|",
	"Kremenchuk|Poltava|1|",
	"Uman|Cherkasy|1|",
	"Ternopil|Ternopil|1|",
	"Lutsk|Volyn|1|",
	"Rivne|Rivne|1|",
	"Ivano-Frankivsk|Ivano-Frankivsk|1|",
	"Bila Tserkva|Kyiv|1|",
	"Nikopol|Dnipropetrovsk|2|",
	"Pavlohrad|Dnipropetrovsk|1|",
	"Kropyvnytskyi|Kirovohrad|1|",
	"Bucha|Kyiv|1|",
	"Irpin|Kyiv|1|",
	"Brovary|Kyiv|1|",
	"Izmail|Odesa|1|",
	"Chornomorsk|Odesa|1|",
	"Pivdennyi|Odesa|0|",
	"Reni|Odesa|0|",
	"Sevastopol|Crimea|0|",
}

// The ports, for the Black Sea topic.
var portNames = []string{"Odesa/Odessa|5", "Izmail|3", "Chornomorsk|2", "Pivdennyi|2", "Reni|1", "Mykolaiv/Nikolaev|1"}

// Front-line towns: names|region|weight.
// Front-line towns: names|region|weight|on the front line from-until.
var townText = []string{
	"Bakhmut|Donetsk|6|-20230521", "Avdiivka|Donetsk|5|-20240218", "Pokrovsk|Donetsk|6|20240301-",
	"Kupiansk/Kupyansk|Kharkiv|5|20220901-", "Izium/Izyum|Kharkiv|3|-20221001", "Kherson|Kherson|3",
	"Nova Kakhovka|Kherson|3", "Enerhodar/Energodar|Zaporizhzhia|3", "Kramatorsk|Donetsk|3",
	"Sievierodonetsk/Severodonetsk|Luhansk|3|-20220626", "Chasiv Yar|Donetsk|4|20230501-",
	"Vovchansk|Kharkiv|3|20240510-", "Toretsk|Donetsk|3|20240601-20250301", "Kostiantynivka/Konstantinovka|Donetsk|3|20230601-",
	"Lyman|Donetsk|2", "Vuhledar/Ugledar|Donetsk|2|-20241002", "Kurakhove|Donetsk|2|20231201-20250107",
	"Myrnohrad|Donetsk|1|20240801-", "Siversk|Donetsk|1", "Soledar|Donetsk|2|-20230117",
	"Lysychansk|Luhansk|2|-20220704", "Kreminna|Luhansk|2|20221001-", "Orikhiv|Zaporizhzhia|2",
	"Huliaipole|Zaporizhzhia|2", "Robotyne|Zaporizhzhia|2|20230601-20240301", "Mariupol|Donetsk|2|-20220521",
	"Sloviansk/Slavyansk|Donetsk|2", "Selydove|Donetsk|1|20240801-20241101", "Velyka Novosilka|Donetsk|1|-20250127",
	"Borova|Kharkiv|1|20221001-", "Lyptsi|Kharkiv|1|20240510-", "Beryslav|Kherson|1|20221112-",
	"Marinka|Donetsk|1|-20231226", "Nikopol|Dnipropetrovsk|1|20220801-",
}

var villageText = []string{
	"Donetsk|Klishchiivka/Andriivka/Ocheretyne/Novomykhailivka/Berdychi/Tonenke/Pervomaiske/Nevelske/Ivanivske/Bohdanivka/Kalynivka/Stupochky/Niu-York/Vodiane/Hrodivka/Novohrodivka/Krasnohorivka/Heorhiivka/Zhelanne/Umanske/Prohres/Urozhaine/Staromaiorske/Vremivka/Kurdiumivka/Netailove/Pishchane/Vozdvyzhenka",
	"Zaporizhzhia|Robotyne/Verbove/Mala Tokmachka/Novodanylivka/Rabotino/Piatykhatky/Mali Shcherbaky/Stepove",
	"Kherson|Krynky/Antonivka/Mykhailivka/Sadove",
	"Kharkiv|Synkivka/Tabaivka/Kruhliakivka/Ivanivka/Berestove/Petropavlivka/Hlyboke/Starytsia/Lukiantsi/Pishchane",
	"Luhansk|Terny/Makiivka/Nevske/Bilohorivka/Hryhorivka",
}

type rusRegion struct {
	name   string
	govs   []era
	cities []string
	w      int
}

var rusText = []string{
	"Belgorod|Vyacheslav Gladkov|Belgorod/Shebekino/Valuyki/Grayvoron|8",
	"Kursk|Roman Starovoit<20240515|Alexei Smirnov<20241205|Alexander Khinshtein|Kursk/Sudzha/Lgov/Rylsk/Kurchatov|7",
	"Bryansk|Alexander Bogomaz|Bryansk/Klintsy/Starodub|6",
	"Voronezh|Alexander Gusev|Voronezh/Liski/Ostrogozhsk|3",
	"Rostov|Vasily Golubev<20240521|Yuri Slyusar|Rostov-on-Don/Taganrog/Novoshakhtinsk/Millerovo|3",
	"Oryol|Andrei Klychkov|Oryol/Livny|2",
	"Krasnodar|Veniamin Kondratyev|Krasnodar/Tuapse/Novorossiysk/Slavyansk-on-Kuban|2",
	"Tambov|Maxim Yegorov<20241107|Yevgeny Pervyshov|Tambov/Kotovsk|1",
	"Ryazan|Pavel Malkov|Ryazan|1",
	"Lipetsk|Igor Artamonov|Lipetsk/Yelets|1",
	"Kaluga|Vladislav Shapsha|Kaluga/Lyudinovo|1",
	"Moscow|Andrei Vorobyov|Kolomna/Podolsk/Ramenskoye|2",
	"Tula|Dmitry Milyaev|Tula/Novomoskovsk|1",
	"Saratov|Roman Busargin|Saratov/Engels|1",
	"Leningrad|Alexander Drozdenko|Ust-Luga/Kirishi|1",
	"Smolensk|Vasily Anokhin|Smolensk|1",
}

type country struct {
	code, name, dem, capital, cur string
	alts                          []string
}

// code|name/alternatives|demonym|capital|currency|groups (ally, adv, med with weights)
var countryText = []string{
	"US|the United States/the U.S./the US|U.S.|Washington||ally=14 med=3",
	"UK|Britain/the UK/the United Kingdom|British|London|£|ally=9",
	"PL|Poland|Polish|Warsaw|€|ally=7 nb=6",
	"DE|Germany|German|Berlin|€|ally=9",
	"FR|France|French|Paris|€|ally=7",
	"IR|Iran|Iranian|Tehran||adv=6",
	"KP|North Korea|North Korean|Pyongyang||adv=6",
	"TR|Turkey/Türkiye|Turkish|Ankara||med=7",
	"CN|China|Chinese|Beijing||adv=4 med=2",
	"IT|Italy|Italian|Rome|€|ally=2",
	"CA|Canada|Canadian|Ottawa|C$|ally=2",
	"NL|the Netherlands|Dutch|The Hague|€|ally=3",
	"SE|Sweden|Swedish|Stockholm|kr|ally=2",
	"NO|Norway|Norwegian|Oslo||ally=2",
	"DK|Denmark|Danish|Copenhagen||ally=3",
	"FI|Finland|Finnish|Helsinki|€|ally=2",
	"LT|Lithuania|Lithuanian|Vilnius|€|ally=2 nb=1",
	"EE|Estonia|Estonian|Tallinn|€|ally=2",
	"LV|Latvia|Latvian|Riga|€|ally=1 nb=1",
	"RO|Romania|Romanian|Bucharest|€|ally=2 nb=4",
	"CZ|the Czech Republic|Czech|Prague|€|ally=2",
	"ES|Spain|Spanish|Madrid|€|ally=1",
	"JP|Japan|Japanese|Tokyo||ally=2",
	"KR|South Korea|South Korean|Seoul||ally=1",
	"BY|Belarus|Belarusian|Minsk||adv=2",
	"HU|Hungary|Hungarian|Budapest||med=1",
	"SA|Saudi Arabia|Saudi|Riyadh||med=4",
	"AE|the United Arab Emirates/the UAE|UAE|Abu Dhabi||med=5",
	"QA|Qatar|Qatari|Doha||med=2",
	"CH|Switzerland|Swiss|Bern||med=1",
	"IN|India|Indian|New Delhi||med=1",
	"MD|Moldova|Moldovan|Chisinau||nb=2",
}

var (
	regions      []region
	cities       []cityT
	towns        []cityT
	villagesBy   [][]string // by region
	rusRegions   []rusRegion
	countries    []country
	regionByName = func(name string) int {
		for i, r := range regions {
			if r.names[0] == name {
				return i
			}
		}
		panic("gencorpus: no region " + name)
	}
	crimea int
)

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic("gencorpus: bad number " + strconv.Quote(s))
	}
	return n
}

func initPlaces() {
	var ws []int
	for _, line := range regionText {
		f := strings.Split(line, "|")
		regions = append(regions, region{names: strings.Split(f[0], "/"), govs: parseEras(strings.Join(f[1:len(f)-1], "|")), w: atoi(f[len(f)-1])})
		ws = append(ws, atoi(f[len(f)-1]))
	}
	regWeights = newWeighted(ws)
	crimea = regionByName("Crimea")
	ws = nil
	for _, line := range cityText {
		f := strings.Split(line, "|")
		cities = append(cities, cityT{names: strings.Split(f[0], "/"), reg: regionByName(f[1]), mayor: f[3]})
		ws = append(ws, atoi(f[2]))
	}
	cityWeights = newWeighted(ws)
	ws = make([]int, len(cities))
	for _, line := range portNames {
		name, w, _ := strings.Cut(line, "|")
		found := false
		for i, c := range cities {
			if strings.Join(c.names, "/") == name {
				ws[i], found = atoi(w), true
			}
		}
		if !found {
			panic("gencorpus: no port city " + name)
		}
	}
	portWeights = newWeighted(ws)
	ws = nil
	for _, line := range townText {
		f := strings.Split(line, "|")
		t := cityT{names: strings.Split(f[0], "/"), reg: regionByName(f[1])}
		if len(f) > 3 {
			from, until, _ := strings.Cut(f[3], "-")
			if from != "" {
				t.after = atoi(from)
			}
			if until != "" {
				t.before = atoi(until)
			}
		}
		towns = append(towns, t)
		ws = append(ws, atoi(f[2]))
	}
	townWeights = newWeighted(ws)
	villagesBy = make([][]string, len(regions))
	for _, line := range villageText {
		reg, vs, _ := strings.Cut(line, "|")
		villagesBy[regionByName(reg)] = strings.Split(vs, "/")
	}
	ws = nil
	for _, line := range rusText {
		f := strings.Split(line, "|")
		n := len(f)
		rusRegions = append(rusRegions, rusRegion{name: f[0], govs: parseEras(strings.Join(f[1:n-2], "|")), cities: strings.Split(f[n-2], "/"), w: atoi(f[n-1])})
		ws = append(ws, atoi(f[n-1]))
	}
	rusWeights = newWeighted(ws)
	var ally, adv, med []int
	nbw := make([]int, len(countryText))
	for _, line := range countryText {
		f := strings.Split(line, "|")
		names := strings.Split(f[1], "/")
		countries = append(countries, country{code: f[0], name: names[0], alts: names[1:], dem: f[2], capital: f[3], cur: f[4]})
		a, d, m := 0, 0, 0
		for _, g := range strings.Fields(f[5]) {
			k, v, _ := strings.Cut(g, "=")
			switch k {
			case "ally":
				a = atoi(v)
			case "adv":
				d = atoi(v)
			case "med":
				m = atoi(v)
			case "nb":
				nbw[len(countries)-1] = atoi(v)
			}
		}
		ally, adv, med = append(ally, a), append(adv, d), append(med, m)
	}
	allyWeights, advWeights, mediatorWeights, neighborWeights = newWeighted(ally), newWeighted(adv), newWeighted(med), newWeighted(nbw)
	ws = make([]int, len(cyrCities))
	for i := range ws {
		ws[i] = 1
		if i < 4 {
			ws[i] = 3
		}
	}
	cyrCityWeights = newWeighted(ws)
}

// pickTown picks a front-line town, one that was on the front line that day
// if it can.
func pickTown(r *rand.Rand, ymd int) int {
	k := townWeights.pick(r)
	for range 10 {
		if t := towns[k]; t.after <= ymd && (t.before == 0 || ymd < t.before) {
			break
		}
		k = townWeights.pick(r)
	}
	return k
}

func pickVillage(r *rand.Rand, reg int) string {
	vs := villagesBy[reg]
	if len(vs) == 0 {
		vs = villagesBy[regionByName("Donetsk")]
	}
	return oneOf(r, vs)
}

// aidWeapons: what allies send, and who sends it ("" anyone).
var aidWeapons = []struct{ name, from string }{
	{"Patriot air defence systems", "US DE NL"},
	{"F-16 fighter jets", "NL DK NO"},
	{"ATACMS missiles", "US"},
	{"HIMARS rocket launchers", "US"},
	{"Abrams tanks", "US"},
	{"Bradley fighting vehicles", "US"},
	{"Javelin anti-tank missiles", "US"},
	{"Leopard 2 tanks", "DE PL ES"},
	{"IRIS-T air defence systems", "DE"},
	{"Gepard anti-aircraft guns", "DE"},
	{"Storm Shadow cruise missiles", "UK"},
	{"Challenger 2 tanks", "UK"},
	{"SCALP cruise missiles", "FR"},
	{"Caesar howitzers", "FR"},
	{"Mirage 2000 fighter jets", "FR"},
	{"Gripen fighter jets", "SE"},
	{"NASAMS air defence systems", "NO US"},
	{"155mm artillery shells", ""},
	{"armoured vehicles", ""},
	{"air defence missiles", ""},
	{"long-range drones", ""},
	{"ammunition", ""},
	{"demining equipment", ""},
	{"generators", ""},
}

func pickWeapon(r *rand.Rand, ally int) int {
	code := countries[ally].code
	for range 4 {
		w := r.IntN(len(aidWeapons))
		if from := aidWeapons[w].from; from == "" || strings.Contains(from, code) {
			return w
		}
	}
	return 17 + r.IntN(len(aidWeapons)-17)
}

func leaderOf(code string, ymd int) string {
	switch code {
	case "US":
		if ymd < 20250120 {
			return "U.S. President Joe Biden"
		}
		return "U.S. President Donald Trump"
	case "UK":
		return "British Prime Minister " + eraName(ukPMs, ymd)
	case "DE":
		if ymd < 20250506 {
			return "German Chancellor Olaf Scholz"
		}
		return "German Chancellor Friedrich Merz"
	case "FR":
		return "French President Emmanuel Macron"
	case "PL":
		if ymd < 20231213 {
			return "Polish Prime Minister Mateusz Morawiecki"
		}
		return "Polish Prime Minister Donald Tusk"
	case "TR":
		return "Turkish President Recep Tayyip Erdogan"
	case "CN":
		return "Chinese President Xi Jinping"
	case "IR":
		if ymd < 20240728 {
			return "Iranian President Ebrahim Raisi"
		}
		return "Iranian President Masoud Pezeshkian"
	case "KP":
		return "North Korean leader Kim Jong Un"
	case "HU":
		return "Hungarian Prime Minister Viktor Orban"
	case "BY":
		return "Belarusian President Alexander Lukashenko"
	case "IT":
		if ymd < 20221022 {
			return "Italian Prime Minister Mario Draghi"
		}
		return "Italian Prime Minister Giorgia Meloni"
	case "CA":
		if ymd < 20250314 {
			return "Canadian Prime Minister Justin Trudeau"
		}
		return "Canadian Prime Minister Mark Carney"
	case "JP":
		if ymd < 20241001 {
			return "Japanese Prime Minister Fumio Kishida"
		}
		return "Japanese Prime Minister Shigeru Ishiba"
	case "NL":
		if ymd < 20240702 {
			return "Dutch Prime Minister Mark Rutte"
		}
		return "Dutch Prime Minister Dick Schoof"
	case "IN":
		return "Indian Prime Minister Narendra Modi"
	case "SA":
		return "Saudi Crown Prince Mohammed bin Salman"
	case "AE":
		return "UAE President Sheikh Mohamed bin Zayed"
	case "QA":
		return "Qatar's Emir Sheikh Tamim bin Hamad Al Thani"
	}
	for _, c := range countries {
		if c.code == code {
			return "the " + c.dem + " foreign minister"
		}
	}
	return "the foreign minister"
}

var ukPMs = parseEras("Boris Johnson<20220906|Liz Truss<20221025|Rishi Sunak<20240705|Keir Starmer")

var (
	firstNames = []string{"Jane", "Tom", "Olena", "Pavel", "Mark", "Sarah", "Dan", "Yuliia", "Andrew", "Anna", "Martin", "Kevin",
		"Daria", "Christian", "Jon", "Lidia", "Max", "Tim", "Guy", "Felix", "Olga", "Natalia", "Illia", "Oleksandr", "Polina",
		"Hanna", "Elena", "Vladimir", "Mari", "Shaun", "Yulia", "Kateryna", "Dmytro", "Emma", "Luke", "Joanna", "Peter", "Susie",
		"Samya", "Tetiana", "Ivan", "Jonathan", "Dasha", "Francesca", "Alexander", "Marc", "Isabel", "Lucy"}
	surnames = []string{"Polityuk", "Balmforth", "Heinrich", "Schofield", "Henley", "Fornusek", "Hodunova", "Shulzhenko", "Edwards",
		"Roshchina", "Walker", "Harding", "Sauer", "Stepanenko", "Novikov", "Kullab", "Arhirova", "Morton", "Faulconbridge", "Hunder",
		"Osborn", "Williams", "Trevelyan", "Dysa", "Vasilyeva", "Kovalenko", "Melnyk", "Ivanova", "Kramer", "Chernova", "Prentice",
		"Landay", "Lister", "Denisova", "Kirby", "Gozzi", "Pennetier", "Lewis", "Zinets", "Kiselyova", "Mandraud", "Bigg", "Sabbagh",
		"Psaropoulos", "Koshiw", "Graham-Harrison", "Sullivan", "Rainsford", "Kelly", "Ljunggren", "Bielecka", "Nickel", "Rose"}
	photographers = []string{"Gleb Garanich", "Valentyn Ogirenko", "Vyacheslav Madiyevskyy", "Alina Smutko", "Evgeniy Maloletka",
		"Efrem Lukatsky", "Sofiia Gatilova", "Thomas Peter", "Oleksandr Ratushniak", "Viacheslav Ratynskyi", "Stringer",
		"Inna Varenytsia", "Vitalii Hnidyi", "Anatolii Stepanov", "Libkos", "Andriy Andriyenko"}
	uaFemaleNames = []string{"Olena", "Yuliia", "Daria", "Olha", "Nataliia", "Hanna", "Tetiana", "Kateryna", "Iryna", "Oksana",
		"Svitlana", "Liudmyla", "Valentyna", "Nadiia", "Halyna", "Mariia", "Viktoriia"}
	uaMaleNames = []string{"Oleksandr", "Serhii", "Mykola", "Andrii", "Volodymyr", "Ivan", "Petro", "Vasyl", "Dmytro", "Yurii",
		"Viktor", "Oleh", "Bohdan", "Taras", "Roman"}
	thinkTanks = []string{"the Institute for the Study of War", "RUSI", "Chatham House", "the Carnegie Endowment",
		"the Center for Strategic and International Studies", "the Kyiv School of Economics", "the Razumkov Centre",
		"the International Institute for Strategic Studies"}
)

// ---------------------------------------------------------------------------
// Slots

func (c *ctx) nameOf(names []string) string {
	if c.variants && len(names) > 1 {
		return names[1]
	}
	return names[0]
}

func (c *ctx) regionPhrase(b []byte, reg int) []byte {
	c.curReg = reg
	if reg == crimea {
		return append(b, oneOf(c.r, []string{"Crimea", "Crimea", "annexed Crimea", "occupied Crimea", "the Crimean peninsula"})...)
	}
	name := c.nameOf(regions[reg].names)
	switch x := c.r.IntN(100); {
	case x < 42:
		b = append(b, "the "...)
		b = append(b, name...)
		b = append(b, " region"...)
	case x < 66:
		b = append(b, name...)
		b = append(b, " Oblast"...)
	case x < 71:
		b = append(b, name...)
		b = append(b, " oblast"...)
	case x < 76:
		b = append(b, "the "...)
		b = append(b, name...)
		b = append(b, " oblast"...)
	case x < 81:
		b = append(b, name...)
		b = append(b, " province"...)
	case x < 90:
		b = append(b, name...)
		b = append(b, " region"...)
	default:
		b = append(b, name...)
	}
	return b
}

func (c *ctx) rusPhrase(b []byte, rus int) []byte {
	c.curRus = rus
	name := rusRegions[rus].name
	switch x := c.r.IntN(100); {
	case x < 45:
		b = append(b, "the "...)
		b = append(b, name...)
		b = append(b, " region"...)
	case x < 65:
		b = append(b, "Russia's "...)
		b = append(b, name...)
		b = append(b, " region"...)
	case x < 85:
		b = append(b, name...)
		b = append(b, " Oblast"...)
	case x < 92:
		b = append(b, "the "...)
		b = append(b, name...)
		b = append(b, " province"...)
	default:
		b = append(b, "the border "...)
		b = append(b, name...)
		b = append(b, " region"...)
	}
	return b
}

func (c *ctx) townIn(b []byte, town int) []byte {
	t := towns[town]
	name := c.nameOf(t.names)
	switch c.r.IntN(4) {
	case 0:
		b = append(b, name...)
		b = append(b, " in "...)
		return c.regionPhrase(b, t.reg)
	case 1:
		b = append(b, name...)
		b = append(b, ", "...)
		b = append(b, c.nameOf(regions[t.reg].names)...)
		return append(b, " Oblast"...)
	case 2:
		b = append(b, "the town of "...)
		b = append(b, name...)
		b = append(b, " in "...)
		return c.regionPhrase(b, t.reg)
	default:
		b = append(b, name...)
		return append(b, " in eastern Ukraine"...)
	}
}

func (c *ctx) gov(b []byte, reg int) []byte {
	name := eraName(regions[reg].govs, c.ymd)
	if reg == crimea {
		b = append(b, "Russian-installed Crimea head "...)
		return append(b, name...)
	}
	switch c.r.IntN(5) {
	case 0, 1:
		b = append(b, "Governor "...)
	case 2:
		b = append(b, "regional governor "...)
	case 3:
		b = append(b, c.nameOf(regions[reg].names)...)
		b = append(b, " Governor "...)
	default:
		b = append(b, c.nameOf(regions[reg].names)...)
		b = append(b, " regional military administration head "...)
	}
	return append(b, name...)
}

func (c *ctx) rusGov(b []byte, rus int) []byte {
	name := eraName(rusRegions[rus].govs, c.ymd)
	switch c.r.IntN(3) {
	case 0:
		b = append(b, "Governor "...)
	case 1:
		b = append(b, rusRegions[rus].name...)
		b = append(b, " Governor "...)
	default:
		b = append(b, rusRegions[rus].name...)
		b = append(b, " regional governor "...)
	}
	return append(b, name...)
}

func (c *ctx) mayor(b []byte, city int) []byte {
	if m := cities[city].mayor; m != "" {
		b = append(b, "Mayor "...)
		return append(b, m...)
	}
	return append(b, "local officials"...)
}

func (c *ctx) countryName(b []byte, k int) []byte {
	c.curCountry = k
	co := countries[k]
	if len(co.alts) > 0 && chance(c.r, 0.4) {
		return append(b, oneOf(c.r, co.alts)...)
	}
	return append(b, co.name...)
}

func (c *ctx) when(b []byte) []byte {
	wd := c.date.Weekday().String()
	switch x := c.r.IntN(100); {
	case x < 25:
		return append(b, "overnight"...)
	case x < 55:
		b = append(b, "on "...)
		return append(b, wd...)
	case x < 65:
		b = append(b, "early on "...)
		return append(b, wd...)
	case x < 75:
		b = append(b, "on "...)
		return c.date.AppendFormat(b, "January 2")
	case x < 82:
		b = append(b, "late on "...)
		return append(b, c.date.AddDate(0, 0, -1).Weekday().String()...)
	case x < 91:
		b = append(b, "on "...)
		b = append(b, wd...)
		return append(b, " morning"...)
	default:
		b = append(b, "on "...)
		b = append(b, wd...)
		return append(b, " evening"...)
	}
}

func (c *ctx) warDay() int {
	d := int(c.date.Sub(time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)).Hours()/24) + 1
	return max(d, 1)
}

func (c *ctx) zelFull(b []byte) []byte {
	switch c.r.IntN(4) {
	case 0:
		b = append(b, "President Volodymyr "...)
	case 1:
		b = append(b, "Ukrainian President Volodymyr "...)
	case 2:
		b = append(b, "Volodymyr "...)
	}
	return append(b, c.zel...)
}

func lit(s ...string) func(c *ctx, b []byte) []byte {
	return func(c *ctx, b []byte) []byte { return append(b, oneOf(c.r, s)...) }
}

func num(lo, hi int) func(c *ctx, b []byte) []byte {
	return func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(lo+c.r.IntN(hi-lo+1)), 10) }
}

func byEra(s string) func(c *ctx, b []byte) []byte {
	es := parseEras(s)
	return func(c *ctx, b []byte) []byte { return append(b, eraName(es, c.ymd)...) }
}

// near picks one of a story's places, own or other, and now and then any
// place of weights.
func (c *ctx) near(own, other int, weights weighted) int {
	switch x := c.r.Float64(); {
	case x < 0.55:
		return own
	case x < 0.9:
		return other
	}
	return weights.pick(c.r)
}

// nearTown is near for towns, whose choice depends on the date.
func (c *ctx) nearTown() int {
	switch x := c.r.Float64(); {
	case x < 0.55:
		return c.s.town
	case x < 0.9:
		return c.s.town2
	}
	return pickTown(c.r, c.ymd)
}

func initSlots() {
	slots = map[string]func(c *ctx, b []byte) []byte{
		// the story's
		"@city": func(c *ctx, b []byte) []byte {
			c.curCity = c.s.city
			c.curReg = cities[c.s.city].reg
			return append(b, c.nameOf(cities[c.s.city].names)...)
		},
		"@region": func(c *ctx, b []byte) []byte { return c.regionPhrase(b, c.s.reg) },
		"@regname": func(c *ctx, b []byte) []byte {
			c.curReg = c.s.reg
			return append(b, c.nameOf(regions[c.s.reg].names)...)
		},
		"@town":    func(c *ctx, b []byte) []byte { return append(b, c.nameOf(towns[c.s.town].names)...) },
		"@townin":  func(c *ctx, b []byte) []byte { return c.townIn(b, c.s.town) },
		"@village": func(c *ctx, b []byte) []byte { return append(b, c.s.village...) },
		"@rus":     func(c *ctx, b []byte) []byte { return c.rusPhrase(b, c.s.rus) },
		"@rusname": func(c *ctx, b []byte) []byte { return append(b, rusRegions[c.s.rus].name...) },
		"@ruscity": func(c *ctx, b []byte) []byte {
			cs := rusRegions[c.s.rus].cities
			return append(b, cs[int(uint(c.s.k+c.s.n))%len(cs)]...)
		},
		"@rusgov":     func(c *ctx, b []byte) []byte { return c.rusGov(b, c.s.rus) },
		"@gov":        func(c *ctx, b []byte) []byte { return c.gov(b, c.s.reg) },
		"@mayor":      func(c *ctx, b []byte) []byte { return c.mayor(b, c.s.city) },
		"@country":    func(c *ctx, b []byte) []byte { return c.countryName(b, c.s.ally) },
		"@dem":        func(c *ctx, b []byte) []byte { return append(b, countries[c.s.ally].dem...) },
		"@capital":    func(c *ctx, b []byte) []byte { return append(b, countries[c.s.ally].capital...) },
		"@leader":     func(c *ctx, b []byte) []byte { return append(b, leaderOf(countries[c.s.ally].code, c.ymd)...) },
		"@adv":        func(c *ctx, b []byte) []byte { return append(b, countries[c.s.adv].name...) },
		"@advdem":     func(c *ctx, b []byte) []byte { return append(b, countries[c.s.adv].dem...) },
		"@advcapital": func(c *ctx, b []byte) []byte { return append(b, countries[c.s.adv].capital...) },
		"@advleader":  func(c *ctx, b []byte) []byte { return append(b, leaderOf(countries[c.s.adv].code, c.ymd)...) },
		"@advthing": func(c *ctx, b []byte) []byte {
			switch countries[c.s.adv].code {
			case "IR":
				return append(b, "Shahed drones and short-range ballistic missiles"...)
			case "KP":
				return append(b, "millions of artillery shells and ballistic missiles"...)
			case "CN":
				return append(b, "machine tools and microelectronics used to make weapons"...)
			}
			return append(b, "its territory and airspace for Russian troops and weapons"...)
		},
		"@neighbor":   func(c *ctx, b []byte) []byte { return c.countryName(b, c.s.neighbor) },
		"@mediator":   func(c *ctx, b []byte) []byte { return c.countryName(b, c.s.mediator) },
		"@meddem":     func(c *ctx, b []byte) []byte { return append(b, countries[c.s.mediator].dem...) },
		"@medleader":  func(c *ctx, b []byte) []byte { return append(b, leaderOf(countries[c.s.mediator].code, c.ymd)...) },
		"@medcapital": func(c *ctx, b []byte) []byte { return append(b, countries[c.s.mediator].capital...) },
		"@weapon":     func(c *ctx, b []byte) []byte { return append(b, aidWeapons[c.s.weapon].name...) },
		"@k":          func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(c.s.k), 10) },
		"@inj":        func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(c.s.inj), 10) },
		"@drones":     func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(c.s.drones), 10) },
		"@down":       func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(c.s.down), 10) },
		"@missiles":   func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(c.s.missiles), 10) },
		"@n":          func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(c.s.n), 10) },
		"@nth": func(c *ctx, b []byte) []byte {
			b = strconv.AppendInt(b, int64(c.s.n), 10)
			switch n := c.s.n; {
			case n%100/10 == 1:
				return append(b, "th"...)
			case n%10 == 1:
				return append(b, "st"...)
			case n%10 == 2:
				return append(b, "nd"...)
			case n%10 == 3:
				return append(b, "rd"...)
			}
			return append(b, "th"...)
		},
		"@pow":    func(c *ctx, b []byte) []byte { return strconv.AppendInt(b, int64(c.s.pow), 10) },
		"@losses": func(c *ctx, b []byte) []byte { return appendThousands(b, c.s.losses) },
		"@money":  func(c *ctx, b []byte) []byte { return append(b, c.s.money...) },
		"@total": func(c *ctx, b []byte) []byte {
			d := float64(c.warDay())
			return appendThousands(b, int(200*d+0.5*d*d)/10*10+c.s.losses%10)
		},

		// anyone's
		"city": func(c *ctx, b []byte) []byte {
			k := c.near(c.s.city, c.s.city2, cityWeights)
			c.curCity, c.curReg = k, cities[k].reg
			return append(b, c.nameOf(cities[k].names)...)
		},
		"region": func(c *ctx, b []byte) []byte { return c.regionPhrase(b, c.near(c.s.reg, c.s.reg2, regWeights)) },
		"regname": func(c *ctx, b []byte) []byte {
			k := c.near(c.s.reg, c.s.reg2, regWeights)
			c.curReg = k
			return append(b, c.nameOf(regions[k].names)...)
		},
		"town": func(c *ctx, b []byte) []byte {
			return append(b, c.nameOf(towns[c.nearTown()].names)...)
		},
		"townin": func(c *ctx, b []byte) []byte { return c.townIn(b, c.nearTown()) },
		"village": func(c *ctx, b []byte) []byte {
			return append(b, pickVillage(c.r, c.near(c.s.reg, c.s.reg2, regWeights))...)
		},
		"rus": func(c *ctx, b []byte) []byte { return c.rusPhrase(b, c.near(c.s.rus, c.s.rus2, rusWeights)) },
		"rusname": func(c *ctx, b []byte) []byte {
			k := c.near(c.s.rus, c.s.rus2, rusWeights)
			c.curRus = k
			return append(b, rusRegions[k].name...)
		},
		"ruscity": func(c *ctx, b []byte) []byte {
			k := c.near(c.s.rus, c.s.rus2, rusWeights)
			c.curRus = k
			return append(b, oneOf(c.r, rusRegions[k].cities)...)
		},
		"rusgov": func(c *ctx, b []byte) []byte { return c.rusGov(b, c.curRus) },
		"gov":    func(c *ctx, b []byte) []byte { return c.gov(b, c.curReg) },
		"mayor":  func(c *ctx, b []byte) []byte { return c.mayor(b, c.curCity) },
		"country": func(c *ctx, b []byte) []byte {
			k := c.near(c.s.ally, c.s.ally2, allyWeights)
			for k == c.curCountry {
				k = allyWeights.pick(c.r)
			}
			return c.countryName(b, k)
		},
		"dem":     func(c *ctx, b []byte) []byte { return append(b, countries[c.curCountry].dem...) },
		"capital": func(c *ctx, b []byte) []byte { return append(b, countries[c.curCountry].capital...) },
		"leader":  func(c *ctx, b []byte) []byte { return append(b, leaderOf(countries[c.curCountry].code, c.ymd)...) },
		"adv":     func(c *ctx, b []byte) []byte { return c.countryName(b, advWeights.pick(c.r)) },
		"weapon":  func(c *ctx, b []byte) []byte { return append(b, aidWeapons[pickWeapon(c.r, c.curCountry)].name...) },
		"ruweapon": lit("Iskander ballistic missiles", "Kh-101 cruise missiles", "Kinzhal hypersonic missiles", "Shahed drones",
			"guided aerial bombs", "S-300 missiles", "Kalibr cruise missiles", "glide bombs", "attack drones", "ballistic missiles"),
		"ruarm": lit("missile", "missile", "drone", "drone", "glide bomb", "ballistic missile", "rocket"),
		"infra": lit("a residential building", "an apartment block", "a school", "a kindergarten", "grain storage facilities",
			"a railway station", "port infrastructure", "a hospital", "a thermal power plant", "a power substation",
			"private houses", "a shopping centre", "an industrial facility", "a warehouse", "a petrol station", "a church",
			"a university building", "a post office", "a hotel"),
		"rustarget": lit("an oil depot", "an oil refinery", "an ammunition depot", "a military airfield", "a power substation",
			"a fuel storage facility", "an electronics plant", "a gas pumping station", "an air base", "a drone factory"),
		"crimea": lit("Sevastopol", "Sevastopol", "Feodosia", "Dzhankoi", "the Saky air base in Crimea", "the Crimean Bridge",
			"Crimea", "occupied Crimea", "Yevpatoria", "Kerch"),
		"ship":      lit("landing ship", "patrol ship", "missile boat", "corvette", "tugboat", "submarine"),
		"flag":      lit("Panama", "Liberia", "Malta", "Palau", "the Marshall Islands", "Antigua and Barbuda"),
		"brigade":   lit("the 47th Mechanized Brigade", "the 3rd Assault Brigade", "the 93rd Brigade", "the 110th Brigade", "the 24th Mechanized Brigade", "the 59th Brigade", "the 92nd Assault Brigade", "the 79th Air Assault Brigade"),
		"source":    lit("officials said", "regional officials said", "the State Emergency Service said", "local authorities reported", "the regional administration said on Telegram", "the prosecutor's office said"),
		"source2":   lit("regional officials", "the regional administration", "the prosecutor's office", "the health ministry", "local authorities"),
		"ord":       lit("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
		"ordn":      lit("9th", "10th", "11th", "12th", "13th", "14th", "15th", "16th", "17th", "18th", "19th"),
		"sanctions": lit("Russian liquefied natural gas", "the shadow fleet of oil tankers", "Chinese firms supplying drone parts", "Russian banks", "metals exports", "Belarusian potash"),
		"n":         num(2, 40),
		"k":         num(2, 9),
		"num":       num(12, 96),
		"km":        num(3, 40),
		"money":     func(c *ctx, b []byte) []byte { return appendMoney(b, c.r, countries[c.curCountry].cur) },
		"month":     func(c *ctx, b []byte) []byte { return append(b, c.date.Month().String()...) },
		"dm":        func(c *ctx, b []byte) []byte { return c.date.AppendFormat(b, "January 2") },
		"fulldate":  func(c *ctx, b []byte) []byte { return c.date.AppendFormat(b, "January 2, 2006") },
		"weekday":   func(c *ctx, b []byte) []byte { return append(b, c.date.Weekday().String()...) },
		"when":      (*ctx).when,
		"warday":    func(c *ctx, b []byte) []byte { return appendThousands(b, c.warDay()) },
		"tanks":     func(c *ctx, b []byte) []byte { return appendThousands(b, 250+c.warDay()*9) },
		"afv":       func(c *ctx, b []byte) []byte { return appendThousands(b, 700+c.warDay()*18) },
		"arty":      func(c *ctx, b []byte) []byte { return appendThousands(b, 100+c.warDay()*21) },

		// people
		"zel":       (*ctx).zelFull,
		"zelname":   func(c *ctx, b []byte) []byte { return append(b, c.zel...) },
		"putin":     lit("President Vladimir Putin", "Russian President Vladimir Putin", "Vladimir Putin", "Putin"),
		"uspres":    func(c *ctx, b []byte) []byte { return append(b, leaderOf("US", c.ymd)...) },
		"ussec":     byEra("U.S. Secretary of State Antony Blinken<20250121|U.S. Secretary of State Marco Rubio"),
		"nato":      byEra("NATO Secretary General Jens Stoltenberg<20241001|NATO Secretary General Mark Rutte"),
		"eufp":      byEra("EU foreign policy chief Josep Borrell<20241201|EU foreign policy chief Kaja Kallas"),
		"rudm":      byEra("Defence Minister Sergei Shoigu<20240512|Defence Minister Andrei Belousov"),
		"uafm":      byEra("Foreign Minister Dmytro Kuleba<20240905|Foreign Minister Andrii Sybiha"),
		"cinc":      byEra("Commander-in-Chief Valerii Zaluzhnyi<20240208|Commander-in-Chief Oleksandr Syrskyi"),
		"energymin": byEra("Energy Minister Herman Halushchenko<20250717|Energy Minister Svitlana Hrynchuk"),
		"spok":      lit("military spokesman Viktor Trehubov", "military spokesperson Nazar Voloshyn", "spokesman Dmytro Lykhovii", "military spokesperson Vadym Mysnyk", "Andriy Kovalenko of the Center for Countering Disinformation"),
		"name":      (*ctx).fullName,
		"fname":     func(c *ctx, b []byte) []byte { return append(b, oneOf(c.r, firstNames)...) },
		"analyst": func(c *ctx, b []byte) []byte {
			b = c.fullName(b)
			b = append(b, ", an analyst at "...)
			return append(b, oneOf(c.r, thinkTanks)...)
		},
		"uaspeaker": func(c *ctx, b []byte) []byte {
			switch c.r.IntN(8) {
			case 0, 1, 2:
				return c.zelFull(b)
			case 3:
				return append(b, eraName(uaFMs, c.ymd)...)
			case 4:
				return append(b, eraName(cincs, c.ymd)...)
			case 5:
				return c.gov(b, c.curReg)
			case 6:
				return append(b, "presidential chief of staff Andriy Yermak"...)
			default:
				return append(b, "air force spokesman Yurii Ihnat"...)
			}
		},
		"ruspeaker": lit("Kremlin spokesman Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", "Foreign Minister Sergei Lavrov",
			"foreign ministry spokeswoman Maria Zakharova", "President Vladimir Putin", "Security Council deputy chairman Dmitry Medvedev"),
		"westspeaker": func(c *ctx, b []byte) []byte {
			switch c.r.IntN(6) {
			case 0, 1, 2:
				c.curCountry = allyWeights.pick(c.r)
				return append(b, leaderOf(countries[c.curCountry].code, c.ymd)...)
			case 3:
				return append(b, eraName(natoChiefs, c.ymd)...)
			case 4:
				return append(b, "European Commission President Ursula von der Leyen"...)
			default:
				return append(b, "UN Secretary-General Antonio Guterres"...)
			}
		},
		"uafemale": lit(uaFemaleNames...),
		"civspeaker": func(c *ctx, b []byte) []byte {
			names := uaFemaleNames
			if chance(c.r, 0.5) {
				names = uaMaleNames
			}
			b = append(b, oneOf(c.r, names)...)
			b = append(b, ", "...)
			b = strconv.AppendInt(b, int64(19+c.r.IntN(65)), 10)
			return append(b, oneOf(c.r, []string{", who lives nearby", ", a local resident", ", a teacher", ", a pensioner", ", a volunteer"})...)
		},
		"uaquote":   lit(uaQuotes...),
		"ruquote":   lit(ruQuotes...),
		"westquote": lit(westQuotes...),
		"civquote":  lit(civQuotes...),
	}
	for _, k := range []string{"ccityn", "ccityg", "ccityl", "ccityx", "@ccityn", "@ccityg", "@ccityl", "@ccityx"} {
		form := int(k[len(k)-1])
		story := k[0] == '@'
		slots[k] = func(c *ctx, b []byte) []byte {
			i := c.s.ccity
			if !story {
				i = cyrCityWeights.pick(c.r)
			}
			return append(b, cyrForm(cyrCities[i], c.s.lang, form)...)
		}
	}
	for _, k := range []string{"cregn", "cregg", "cregl", "@cregn", "@cregg", "@cregl", "crusn", "crusg", "crusl", "crusi", "@crusn", "@crusg", "@crusi"} {
		form := int(k[len(k)-1])
		story := k[0] == '@'
		rus := strings.Contains(k, "rus")
		slots[k] = func(c *ctx, b []byte) []byte {
			list, i := cyrRegions, c.s.creg
			if rus {
				list, i = cyrRusRegions, c.s.crus
			}
			if !story {
				i = c.r.IntN(len(list))
			}
			return append(b, cyrForm(list[i], c.s.lang, form)...)
		}
	}
	slots["@kppl"] = func(c *ctx, b []byte) []byte { return appendPeople(b, c.s.lang, c.s.k) }
	slots["cdm"] = func(c *ctx, b []byte) []byte {
		b = strconv.AppendInt(b, int64(c.date.Day()), 10)
		b = append(b, ' ')
		return append(b, cyrMonths[c.s.lang][c.date.Month()-1]...)
	}
	slots["cquote"] = func(c *ctx, b []byte) []byte { return append(b, oneOf(c.r, cyrQuotes[c.s.lang])...) }
	slots["cname"] = func(c *ctx, b []byte) []byte { return append(b, oneOf(c.r, cyrNames[c.s.lang])...) }
}

var (
	uaFMs      = parseEras("Foreign Minister Dmytro Kuleba<20240905|Foreign Minister Andrii Sybiha")
	cincs      = parseEras("Commander-in-Chief Valerii Zaluzhnyi<20240208|Commander-in-Chief Oleksandr Syrskyi")
	natoChiefs = parseEras("NATO Secretary General Jens Stoltenberg<20241001|NATO Secretary General Mark Rutte")
)

var uaQuotes = []string{
	"Every air defence system, every interceptor missile, means a life saved",
	"Russia must feel the consequences of its terror",
	"We need more air defence, and we need it now",
	"The situation at the front is difficult, but our soldiers are holding their positions",
	"We will not give up our land",
	"Our partners must act and increase the pressure on Russia",
	"This was a deliberate strike on civilians",
	"The enemy is trying to break through, but we are doing everything to stop him",
	"Without long-range weapons, we cannot protect our cities",
	"Every day of delay costs Ukrainian lives",
	"Russia does not want peace. It wants to destroy us",
	"Peace must be just and lasting",
	"We are grateful to our partners for their support",
	"Rescue operations are continuing at the site",
	"Russia is preparing new strikes, and we must be ready",
}

var ruQuotes = []string{
	"The goals of the special military operation will be achieved",
	"There is no basis for negotiations at the moment",
	"The West is fighting Russia to the last Ukrainian",
	"Such provocations will not go unanswered",
	"Russia is open to dialogue, but only on the basis of the realities on the ground",
	"Western weapons supplies only prolong the conflict",
	"All designated targets were hit",
	"The Kyiv regime is resorting to terrorist methods",
	"We are not going to comment on this",
}

var westQuotes = []string{
	"Our support for Ukraine will continue for as long as it takes",
	"Putin cannot be allowed to win this war",
	"Peace cannot be achieved by rewarding the aggressor",
	"We stand with Ukraine",
	"Russia's attacks on civilian infrastructure are war crimes",
	"Ukraine needs more air defence, and it needs it fast",
	"There can be no decisions about Ukraine without Ukraine",
	"The war must end, and it must end with a just peace",
	"We will keep up the pressure on the Kremlin",
}

var civQuotes = []string{
	"I heard the whistle and then the explosion",
	"The house simply collapsed. We were sleeping",
	"We have nowhere else to go",
	"We were lucky. The windows flew in, but the children were in the corridor",
	"It is frightening every night, but we are staying",
	"I have lived here all my life. I don't want to leave",
	"There was no warning, just a blast",
	"We are tired, but we hold on",
}

// ---------------------------------------------------------------------------
// English text

type topicDef struct {
	name                   string
	w                      int
	front, port            bool
	headlines, leads, body []string
}

var topicData = []topicDef{
	{
		name: "strike", w: 20,
		headlines: []string{
			"Russian strike on {@city} kills {@k}, injures {@inj}",
			"Russian missile attack on {@city} kills {@k} people, governor says",
			"{@k} killed as Russian drones hit apartment building in {@city}",
			"Russia pounds {@city} with missiles and drones overnight, killing {@k}",
			"Russian glide bombs hit {@city}, killing at least {@k} and wounding {@inj}",
			"Death toll from Russian strike on {@city} rises to {@k}",
			"Russia launches {@drones} drones at Ukraine overnight; {@k} dead in {@city}",
			"Explosions rock {@city} as Russia launches {@drones} drones in massive air attack",
			"Russian attack on {@city} leaves {@k} dead and {@inj} injured, officials say",
			"Children among {@inj} injured in Russian strike on {@city}",
			"{Zelname} calls for more air defence after deadly strike on {@city}",
			"Russian {ruarm} strike on {@city} damages {infra}, kills {@k}",
		},
		leads: []string{
			"A Russian {ruarm} strike on {@city} killed {@k} people and injured {@inj} {when}, {@gov} said.",
			"Russia launched {@drones} drones and {@missiles} missiles at Ukraine {when}, killing {@k} people in {@city} and damaging energy facilities in {region}, officials said.",
			"At least {@k} people were killed and {@inj} wounded when Russian {ruweapon} hit {infra} in {@city} {when}, {source}.",
			"Russian forces attacked {@city} with {ruweapon} {when}, killing {@k} civilians and wounding {@inj}, according to {@gov}.",
			"The death toll from a Russian strike on {infra} in {@city} rose to {@k} {when}, {source}.",
		},
		body: []string{
			"Rescuers were still searching the rubble for survivors, the State Emergency Service said.",
			"Ukraine's air force said it shot down {@down} of the {@drones} drones launched overnight, as well as {n} missiles.",
			"Among the injured were {k} children, according to {source2}.",
			"The attack damaged {infra}, {infra} and dozens of cars.",
			"Debris from downed drones started fires in {region} and {region}, officials said.",
			"{@Mayor} said emergency services were working at {n} sites across the city.",
			"A day of mourning was declared in {@city}.",
			"Explosions were also reported in {city} and {city}.",
			"The Russian Defence Ministry said it had struck military-industrial facilities and that all designated targets had been hit.",
			"[>20220913] Russia used Iranian-designed Shahed drones in the attack, the air force said.",
			"Windows were blown out in buildings several blocks away, photos from the scene showed.",
			"Air raid alerts lasted more than {k} hours in {@region}.",
			"Russia denies targeting civilians, though its strikes have killed thousands since the full-scale invasion began.",
			"It was the {ord} major attack on {@city} this month.",
			"{@Gov} said {k} of the injured were in a serious condition.",
			"Doctors said {k} of the wounded were in hospital, including a 12-year-old girl.",
			"Psychologists and social workers were helping relatives of the victims at the scene, the city council said.",
			"Residents spent the night in shelters as explosions shook the city.",
			"Power was cut to parts of {@city} after the strike, {@mayor} said.",
			"The strike hit {infra} in the centre of {@city} in the middle of the day, when the streets were busy.",
			"[>20221221] {Zel} condemned the attack and again urged allies to send more Patriot systems.",
		},
	},
	{
		name: "drones", w: 10,
		headlines: []string{
			"a|[>20220401] Ukrainian drones hit oil depot in Russia's {@rusname} region, governor says",
			"b|Russia says it downed {@drones} Ukrainian drones over {@rusname} and other regions",
			"a|Drone attack sparks fire at {rustarget} in {@rus}",
			"a|Ukraine strikes military airfield in {@rus}, destroying {k} aircraft, source says",
			"c|{@k} killed in Ukrainian shelling of {@ruscity}, Russian officials say",
			"b|[>20230501] Flights restricted at Moscow airports as Russia repels drone attack on {@rusname} region",
			"c|Ukrainian drone attack on {@ruscity} damages homes and cuts power, governor says",
			"a|Ukraine hits {rustarget} deep inside Russia's {@rusname} region for {ord} time",
		},
		leads: []string{
			"a|Ukrainian drones struck {rustarget} in {@rus} {when}, starting a large fire, {@rusgov} said.",
			"b|Russian air defences destroyed {@drones} Ukrainian drones over the {@rusname}, {rusname} and {rusname} regions {when}, the Russian Defence Ministry said.",
			"c|Ukrainian shelling of {@ruscity} in {@rus} killed {@k} people and injured {@inj} {when}, {@rusgov} said on Telegram.",
		},
		body: []string{
			"a|A source in Ukraine's SBU security service said the agency was behind the attack.",
			"Ukraine rarely comments on strikes inside Russia but says they are a legitimate response to Russian attacks on its infrastructure.",
			"[>20230501] Flights at Moscow's Vnukovo and Domodedovo airports were briefly restricted.",
			"a|Video posted on social media showed a large fire at the site.",
			"{@Rusgov} said debris had damaged {n} houses and a power line in a border district.",
			"[>20230601] Residents of border villages in {@rus} have been evacuated several times since 2023.",
			"a|[>20230101] The strike was the latest in a series of Ukrainian attacks on Russian oil refineries and fuel depots.",
			"a|Ukraine's General Staff later confirmed the strike, saying the facility supplied fuel to Russian troops.",
			"Russia's Defence Ministry said drones were also shot down over {rus} and {crimea}.",
			"The {@rusname} region borders Ukraine's {regname} region and is regularly targeted by drones and shelling.",
			"Reuters could not independently verify the reports.",
			"Russian military bloggers said the air defences had been overwhelmed by the number of drones.",
		},
	},
	{
		name: "front", w: 20, front: true,
		headlines: []string{
			"a|Russia claims capture of {@village} near {@town}",
			"b|Ukrainian troops withdraw from {@village} near {@town}, military says",
			"c|Fighting intensifies around {@town} as Russian forces press offensive in {@regname} region",
			"c|Ukraine repels {@n} Russian assaults near {@town}, General Staff says",
			"c|Russian forces advance {km} km toward {@town} in eastern Ukraine, analysts say",
			"d|Ukraine says it recaptured {@village} near {@town}",
			"c|Battle for {@town}: Russia brings in {k} more brigades as Ukrainian defenders hold on",
			"e|Evacuation ordered from {@town} and {n} nearby villages as Russian troops close in",
			"e|Russian shelling of {@town} kills {@k} civilians, {@regname} governor says",
			"c|Russian troops enter outskirts of {@town} after {@n} days of fighting, Ukraine says",
		},
		leads: []string{
			"a|Russian forces captured the village of {@village} near {@town} in {@region}, the Russian Defence Ministry said {when}, a claim Kyiv did not immediately confirm.",
			"c|Ukrainian troops repelled {@n} Russian assaults on the {@town} front over the past day, the General Staff said in its morning report.",
			"c|Fighting around {@town} has intensified as Russian forces try to cut supply routes into the town, Ukrainian commanders said {when}.",
			"e|Russian shelling of {@townin} killed {@k} civilians and wounded {@inj} {when}, {@gov} said.",
			"e|Authorities ordered the evacuation of families with children from {@town} and {n} nearby villages {when} as Russian shelling intensified, {@gov} said.",
			"d|Ukrainian forces have retaken the village of {@village} near {@town}, {brigade} said {when}, in a rare advance on that part of the front.",
			"b|Ukrainian forces have pulled back from several positions near {@town} to avoid encirclement, {spok} said {when}.",
		},
		body: []string{
			"The situation near {@town} remains difficult, {spok} said on national television.",
			"[>20240301] Russian troops are attacking in small groups, often on motorcycles, supported by drones and glide bombs.",
			"The Institute for the Study of War said geolocated footage showed Russian forces had advanced west of {@town}.",
			"Ukrainian units on the {@town} axis have struggled with shortages of infantry and artillery ammunition.",
			"Capturing {@town} would give Russian forces a foothold for further advances in {@region}.",
			"{Cinc} said he had ordered reinforcements to the {@town} sector.",
			"Much of {@town} has been reduced to ruins, and only a few hundred civilians remain.",
			"Authorities ordered the mandatory evacuation of families with children from {@town} and {n} nearby villages.",
			"Battlefield claims by either side could not be independently verified.",
			"Soldiers on the {@town} front say Russian drones make it almost impossible to move supplies during the day.",
			"Russia has thrown thousands of troops into the fighting for {@town}, accepting heavy losses, Ukrainian officials say.",
			"Ukrainian artillery units said they were short of shells but that drones had partly made up for it.",
			"The Russian Defence Ministry said its troops had liberated {village}, its usual term for captured settlements.",
			"Russian forces also attacked near {town} and {town}, the General Staff said.",
			"[>20220601] According to the DeepState monitoring group, Russian troops have advanced {km} kilometres in the area over the past month.",
			"Ukrainian drones destroyed {k} Russian armoured vehicles near {@village}, {brigade} said.",
			"{@Gov} said {k} civilians had been wounded in the district over the past day.",
		},
	},
	{
		name: "talks", w: 12,
		headlines: []string{
			"a|{Zelname} meets {@leader} in {@capital} to discuss air defence and peace plan",
			"b|Kremlin says no plans for talks with Kyiv as {@mediator} pushes for {@n}-day ceasefire",
			"b|{@Mediator} offers to host talks on ending the war, proposes {@n}-day truce",
			"b|Lavrov rejects {@meddem} {@n}-point peace proposal, says Russia's terms are unchanged",
			"c|Ukraine and Russia swap {@pow} prisoners of war in {@meddem}-mediated exchange",
			"b|{@Leader} says {@country} could send {@n}00 troops to help guarantee a ceasefire in Ukraine",
			"d|{@Dem} foreign minister visits Kyiv on day {warday} of the war, pledges support",
			"b|Putin says Russia is ready to discuss {@meddem} {@n}-point peace plan at {@medcapital} meeting",
		},
		leads: []string{
			"a|{@Leader} met {zel} in {@capital} {when}, pledging further support as Ukraine pressed its allies for more air defence systems.",
			"b|The Kremlin said {when} there was no basis for peace talks with Kyiv for now, after {@mediator} offered to host a new round of negotiations.",
			"c|Ukraine and Russia exchanged {@pow} prisoners of war {when} in a deal mediated by {@mediator}, the two sides said.",
			"b|{@Mediator} is ready to host talks between Russia and Ukraine, {@medleader} said {when}, as diplomatic efforts to end the war intensified.",
			"d|{@Dem} Foreign Minister {name} visited Kyiv {when}, pledging continued support on day {warday} of the war.",
		},
		body: []string{
			"Kremlin spokesman Dmitry Peskov said Moscow remained open to talks but that Kyiv must recognise the new territorial realities.",
			"Ukraine has insisted that any settlement must include the withdrawal of Russian troops from its territory.",
			"{@Mediator} has maintained ties with both Moscow and Kyiv since the start of the war.",
			"c|Among the Ukrainians freed were soldiers who had defended Mariupol, {zel} said.",
			"c|It was the {ord} exchange mediated by {@mediator} since the full-scale invasion.",
			"Western officials said they would not pressure Kyiv into talks it did not want.",
			"{Zel} has said Ukraine needs security guarantees, such as NATO membership, to deter future Russian attacks.",
			"Russia has demanded that Ukraine abandon its NATO ambitions and withdraw from the Donetsk, Luhansk, Zaporizhzhia and Kherson regions.",
			"a|The talks in {@capital} also covered sanctions, frozen Russian assets and the reconstruction of Ukraine.",
			"Lavrov accused the West of using Ukraine to wage a proxy war against Russia.",
			"{Ussec} said Washington would support any peace that Ukraine could accept.",
		},
	},
	{
		name: "aid", w: 12,
		headlines: []string{
			"a|{@Country} announces {@money} military aid package for Ukraine",
			"b|{@Country} to send more {@weapon} to Ukraine, defence minister says",
			"c|First {@weapon} from {@country} arrive in Ukraine, {zelname} says",
			"a|{@Dem} parliament approves {@money} in new aid for Ukraine",
			"b|Ukraine asks allies for more {@weapon} as Russian strikes on {@regname} region intensify",
			"a|{@Leader} pledges {@money} to help Ukraine buy {@weapon}",
			"d|[>20240112] {@Country} and Ukraine sign 10-year security agreement worth {@money}",
		},
		leads: []string{
			"a|{@Country} announced a new military aid package for Ukraine worth {@money} {when}, including {@weapon} and ammunition.",
			"b|{@Leader} said {when} that {@country} would send more {@weapon} to Ukraine, as Kyiv warned that its air defences were running low.",
			"c|The first {@weapon} supplied by {@country} have arrived in Ukraine, {zel} said {when}.",
			"d|{@Country} and Ukraine signed a 10-year security agreement {when}, under which {@country} will provide {@money} in military aid this year.",
		},
		body: []string{
			"The package also includes artillery shells, armoured vehicles and spare parts, the {@dem} defence ministry said.",
			"{@Country} has provided more than {money} in military aid since February 2022.",
			"{Zel} thanked {@country} for its support and said Ukraine needed more air defence to protect its cities.",
			"The Kremlin said Western weapons deliveries would not change the course of the war.",
			"Ukrainian officials have complained that deliveries of promised weapons are often delayed.",
			"Training of Ukrainian crews in {@country} is expected to take several weeks.",
			"Some {@dem} politicians have questioned the cost of continued support for Ukraine.",
			"[>20220426] The aid was coordinated through the Ukraine Defense Contact Group, which brings together about 50 countries.",
			"{@Dem} defence officials said the first deliveries would arrive in the coming weeks.",
			"{Nato} said allies must do more to help Ukraine defend itself.",
		},
	},
	{
		name: "energy", w: 9,
		headlines: []string{
			"a|Russian strikes on energy grid leave {num},000 homes without power in {@region}",
			"a|Ukrenergo announces emergency blackouts in {@regname} and {regname} regions",
			"b|[>20220305] Zaporizhzhia nuclear plant loses off-site power for {@nth} time since occupation, IAEA says",
			"b|[>20220305] IAEA chief Grossi warns of nuclear risk after drone hits site {@n}0 metres from reactor",
			"a|Russian strike damages thermal power plant in {@region}, {@k} workers injured",
			"a|Russia targets gas production facilities in {@region} in {ord} attack this month",
			"a|Rolling blackouts of up to {k} hours return to {@city} as Russia hammers energy grid",
		},
		leads: []string{
			"a|Russia attacked energy facilities in {@region} {when}, cutting power to about {num},000 households, national grid operator Ukrenergo said.",
			"a|Ukrenergo announced emergency power outages in the {@regname}, {regname} and {regname} regions {when} after Russian missiles and drones hit power plants and substations.",
			"b|[>20220305] The Zaporizhzhia nuclear power plant in Enerhodar lost its connection to the external power grid {when}, the International Atomic Energy Agency said.",
		},
		body: []string{
			"{Energymin} said engineers were working to restore supply as quickly as possible.",
			"b|[>20220305] The plant, Europe's largest nuclear facility, has been occupied by Russian forces since March 2022.",
			"b|IAEA Director General Rafael Grossi said the situation at the plant remained precarious.",
			"a|[>20240401] Ukraine has lost about half of its power generation capacity to Russian strikes, officials say.",
			"a|State energy company Naftogaz said {k} of its gas production facilities had been damaged.",
			"a|Hospitals and water utilities switched to backup generators.",
			"{Country} has pledged {money} to help repair Ukraine's energy system.",
			"Poland scrambled fighter jets as the attack unfolded, the Polish military command said.",
			"a|DTEK, Ukraine's largest private energy company, said its thermal plant in {region} had been seriously damaged.",
			"a|Residents were urged to limit electricity use during evening peak hours.",
			"a|Power was restored to most consumers in {@city} by the evening, {@mayor} said.",
		},
	},
	{
		name: "losses", w: 8,
		headlines: []string{
			"a|Russian army loses another {@losses} soldiers in Ukraine over past day",
			"a|Russia has lost {@total} troops since start of invasion, Ukraine's General Staff says",
			"b|UN says at least {num}0 civilians killed in Ukraine in {month}, most in {@regname} region",
			"c|Evacuations continue from {@townin} as shelling intensifies",
			"d|Ukraine returns bodies of {@pow} fallen soldiers in repatriation with Russia",
			"e|Ukraine says {@n} children returned from Russian-occupied parts of {@regname} region",
		},
		leads: []string{
			"a|The total combat losses of Russian forces in Ukraine from February 24, 2022 to {fulldate} are estimated at about {@total} personnel, including {@losses} in the past day, the General Staff of Ukraine's Armed Forces reported.",
			"b|At least {num}0 civilians were killed and {num}0 injured in Ukraine in {month}, the UN Human Rights Monitoring Mission in Ukraine said {when}.",
			"c|Authorities in {@region} continued evacuating residents from {@town} and nearby villages {when} as Russian shelling intensified.",
			"e|{@n} Ukrainian children taken to Russia or held in occupied parts of {@region} have been brought home, the presidential office said {when}.",
			"d|Ukraine received the bodies of {@pow} fallen soldiers from Russia {when}, the Coordination Headquarters for the Treatment of Prisoners of War said.",
		},
		body: []string{
			"a|The Ukrainian military also said it had destroyed {tanks} tanks, {afv} armoured fighting vehicles and {arty} artillery systems since the start of the invasion.",
			"a|Russia does not publish figures for its military losses, and the figures cannot be independently verified.",
			"b|The UN says the real civilian toll is likely to be considerably higher.",
			"[>20220501] More than six million Ukrainians have fled abroad since the start of the full-scale invasion, according to the UN refugee agency.",
			"Humanitarian organisations said access to front-line communities in {region} remained extremely difficult.",
			"c|Volunteers helped elderly residents who could not leave on their own.",
			"c|Officials said about {num}0 people, including {k} children, remained in {@town}.",
			"b|Most civilian casualties were caused by explosive weapons with wide-area effects, the mission said.",
			"a|The data are being updated.",
		},
	},
	{
		name: "international", w: 10,
		headlines: []string{
			"a|{@Adv} supplied weapons to Russia for use in Ukraine, {@dem} officials say",
			"b|[>20241101] {@n}00 North Korean troops killed or wounded in {@rusname} region, Seoul says",
			"a|{@Adv} denies supplying weapons components to Russia as {@country} weighs sanctions",
			"c|[>20220901] {@Neighbor} scrambles jets after Russian drone enters airspace during attack on {@regname} region",
			"d|EU adopts {ordn} sanctions package against Russia, targeting {sanctions}",
			"c|[>20220901] {@Neighbor} summons Russian ambassador after drone debris found {km} km from Ukrainian border",
			"e|{@Advleader} meets Putin, signs {k} agreements as ties deepen; {@country} voices concern",
		},
		leads: []string{
			"a|{@Adv} has supplied Russia with {@advthing}, {@dem} officials said {when}, warning that the transfers were prolonging the war in Ukraine.",
			"d|The European Union adopted its {ordn} package of sanctions against Russia {when}, targeting {sanctions}.",
			"c|[>20220901] {@Neighbor} summoned the Russian ambassador {when} after debris from a Russian drone was found on its territory following an attack on {@region}.",
			"e|{@Advleader} held talks with {putin} in Moscow {when}, as the two countries deepened military and economic ties.",
			"b|[>20241101] About {@n}00 North Korean troops fighting for Russia in {@rus} have been killed or wounded, South Korea's intelligence agency said {when}.",
		},
		body: []string{
			"a|Moscow and {@advcapital} have denied the transfers.",
			"a|{@Advdem} officials said the cooperation was not directed against any third country.",
			"c|NATO said there was no indication of a deliberate attack on the alliance.",
			"d|The sanctions target Russia's shadow fleet of oil tankers and companies in third countries that help Moscow evade restrictions.",
			"d|Hungary and Slovakia have repeatedly delayed sanctions decisions in the EU.",
			"{Leader} said Russia's war was a threat to the security of all of Europe.",
			"a|[>20221001] Ukraine's military intelligence said {@advdem} specialists were helping Russia improve its drones.",
			"b|[>20241018] South Korea's National Intelligence Service said North Korea had sent about {n},000 troops to Russia.",
			"China says it is neutral and has called for a political settlement, but it has deepened trade with Moscow.",
			"Poland and Lithuania have tightened controls on their borders with Belarus, citing security concerns.",
		},
	},
	{
		name: "blacksea", w: 6, port: true,
		headlines: []string{
			"a|Russian drones hit grain port of {@city} for {ord} time this month, {@inj} injured",
			"b|[>20221029] Ukrainian sea drones strike Russian {ship} near {crimea}, navy says",
			"c|Ukraine says Russian missile hit civilian ship in {@city} port, {@k} dead and {@inj} hurt",
			"a|[>20230720] {@Mediator} proposes Black Sea shipping deal as Russia attacks {@city} port again",
			"c|Russian attack on {@city} port kills {@k}, damages grain terminal and {k} ships",
		},
		leads: []string{
			"a|Russian drones attacked the port of {@city} in {@region} {when}, damaging grain silos and port infrastructure, {@gov} said.",
			"b|[>20221029] Ukrainian naval drones struck a Russian {ship} near {crimea} {when}, Ukraine's military intelligence said.",
			"c|A Russian missile hit a civilian cargo ship in the port of {@city} {when}, killing {@k} crew members and injuring {@inj}, officials said.",
		},
		body: []string{
			"[>20230720] Russia has repeatedly targeted Ukraine's Black Sea and Danube ports since pulling out of a UN-brokered grain deal in July 2023.",
			"[>20230901] Ukraine has continued to export grain through a corridor along the western Black Sea coast.",
			"b|Sergei Aksyonov, the Russian-installed head of Crimea, said air defences had been active over the peninsula.",
			"[>20231001] The Russian Black Sea Fleet has moved most of its ships from Sevastopol to Novorossiysk.",
			"c|The ship, sailing under the flag of {flag}, had arrived to load grain, officials said.",
			"Insurers raised premiums for ships calling at Ukrainian ports.",
			"Romania, whose territory lies across the Danube from Izmail, said it was monitoring the situation.",
		},
	},
}

var generalText = []string{
	"Russia launched its full-scale invasion of Ukraine in February 2022.",
	"Moscow calls the war a special military operation; Kyiv and its allies call it an unprovoked war of aggression.",
	"{Country} has been one of Ukraine's largest suppliers of military aid since the start of the war.",
	"Kyiv has repeatedly urged its Western partners to lift restrictions on the use of long-range weapons against targets inside Russia.",
	"Russia occupies about a fifth of Ukraine's territory, including Crimea, which it annexed in 2014.",
	"Officials in {region} said {n} people had been injured by shelling over the past 24 hours.",
	"In {region}, Russian shelling damaged houses in {n} settlements, {gov} said.",
	"Air raid alerts sounded across much of Ukraine for several hours {when}.",
	"[>20230901] Western officials say Russia has received ballistic missiles from Iran and artillery shells from North Korea.",
	"[>20230901] {Country} and {country} have helped train Ukrainian pilots to fly F-16 fighter jets.",
	"[>20230901] Poland and Romania have reported drone debris on their territory during Russian attacks on western and southern Ukraine.",
	"Turkey tried to mediate between Moscow and Kyiv in the first weeks of the war, hosting talks in Istanbul.",
	"China says it is neutral in the conflict but has deepened its economic ties with Moscow.",
	"[>20221001] Ukrainian officials say Russia launches Iranian-designed Shahed drones at Ukraine nearly every night.",
	"Russian forces also shelled {town} and {town}, killing {k} people, regional officials said.",
	"[>20220403] Ukrainian prosecutors are still investigating the killings of civilians in Bucha and Irpin during the Russian occupation in March 2022.",
	"[>20221111] Kherson was recaptured by Ukrainian forces in November 2022 but has been shelled almost daily from across the Dnipro river since.",
	"[>20240217] Russia captured Bakhmut in May 2023 after months of fighting, and Avdiivka in February 2024.",
	"[>20230606] The destruction of the Kakhovka dam near Nova Kakhovka in June 2023 flooded dozens of villages in the Kherson region.",
	"[>20231201] Ukraine's 2023 counteroffensive failed to break through Russian defensive lines in the south.",
	"[>20240806] Ukrainian forces launched a cross-border incursion into Russia's Kursk region in August 2024.",
	"[>20220703] Sievierodonetsk and Lysychansk fell to Russian forces in the summer of 2022.",
	"[>20220911] Kupiansk and Izium were recaptured by Ukraine in a lightning counteroffensive in the Kharkiv region in September 2022.",
	"{Dem} officials said the next round of aid would focus on air defence and drones.",
	"[>20230601] Both sides increasingly rely on drones, which now cause most casualties on the front line.",
	"Russia's economy has been hit by Western sanctions, but its defence industry is running at full capacity.",
	"[>20220901] The UN nuclear watchdog has kept inspectors at the Zaporizhzhia plant since September 2022.",
	"Belgorod, Kursk and Bryansk are the Russian regions most often hit by Ukrainian drones and shelling.",
	"{Leader} reaffirmed support for Ukraine in a call with {zel}.",
	"Sirens also sounded in {city} and {city}.",
	"{@Rusgov} said Ukrainian drones had damaged a house and a car in {@rus}.",
	"In the {@regname} region, {@gov} said {k} people had been wounded over the past day.",
	"The Russian Defence Ministry said its forces had hit Ukrainian troop concentrations near {town}.",
	"Russia's gains have come at a heavy cost in men and equipment, Western analysts say.",
	"Russia is trying to exhaust Ukraine's air defences, said {analyst}.",
	"{Putin} has said Russia will not stop until its goals in Ukraine are achieved.",
	"[>20250120] {Uspres} has said he wants the war to end quickly.",
	"[>20230901] Iran and North Korea have become Russia's most important military partners, Western governments say.",
	"The Kremlin said it was closely watching {dem} plans to send more weapons to Kyiv.",
	"Ukraine says it has identified more than {num},000 suspected war crimes since the invasion began.",
	"[>20220301] {Eufp} said the EU was preparing further sanctions against Moscow.",
	"Ukraine's air force said air defences had been active over {region} and {region} for much of the night.",
	"Authorities in {region} announced a curfew after the attack, {gov} said.",
	"[>20220601] {Country} said it would host a conference on Ukraine's reconstruction later this year.",
	"Russian forces shelled {townin} {n} times over the past day, regional officials said.",
	"{Cinc} said the situation on the front line remained tense, especially near {town} and {town}.",
	"The General Staff reported {num} combat clashes along the front line over the past 24 hours.",
	"Russia has also intensified attacks on Ukraine's railways, hitting trains and stations in {region}.",
	"Officials in {city} said schools would switch to remote learning for the rest of the week.",
	"{Uafm} called on {country} to speed up deliveries of air defence systems.",
	"Humanitarian convoys reached {town} for the first time in weeks, the UN said.",
	"The International Committee of the Red Cross said it was ready to help with the exchange of prisoners.",
	"Russian missiles and drones also targeted {city}, where {k} people were injured, {mayor} said.",
	"In Russia, {rusgov} said a Ukrainian drone had hit a car in the border district, injuring {k} people.",
	"Ukraine's domestic intelligence service, the SBU, said it had detained a man suspected of passing the locations of air defence systems to Russia.",
	"The European Union has agreed to use profits from frozen Russian assets to help Ukraine.",
	"Moscow says Western arms supplies make NATO countries a party to the conflict.",
	"{Dem} and Ukrainian officials discussed joint production of drones and artillery shells, the ministry said.",
	"Russia fired {n} guided aerial bombs at settlements in {region} over the past day, officials said.",
	"[>20220901] Drone debris fell on {townin}, damaging a power line, the local military administration said.",
}

var quoteText = []string{
	"“{uaquote},” {uaspeaker} said.",
	"{Uaspeaker} said: “{uaquote}.”",
	"“{uaquote},” {uaspeaker} wrote on Telegram.",
	"[>20230724] Posting on X, {uaspeaker} said: “{uaquote}.”",
	"“{ruquote},” {ruspeaker} told reporters.",
	"{Ruspeaker} said: “{ruquote}.”",
	"“{westquote},” {westspeaker} said at a news conference in {capital}.",
	"{Westspeaker} said: “{westquote}.”",
	"“{civquote},” said {civspeaker}.",
	"“{civquote},” a resident who gave only her first name, {uafemale}, told reporters at the scene.",
}

var captionText = []string{
	"Rescuers work at the site of a Russian strike in {@city}, Ukraine.",
	"A view shows a residential building damaged by a Russian drone attack in {@city}.",
	"Ukrainian servicemen fire a howitzer towards Russian positions near {@town}.",
	"Firefighters put out a blaze after a Russian missile strike in {@region}.",
	"{Zel} speaks during a news conference in Kyiv.",
	"A Ukrainian soldier walks past destroyed buildings in {@town}.",
	"Local residents stand next to a building destroyed by shelling in {@city}.",
	"Smoke rises over {@city} after a Russian attack.",
	"People take shelter in a metro station during an air raid alert in Kyiv.",
	"A woman reacts next to her house damaged by a Russian strike in {@region}.",
	"Ukrainian servicemen ride an armoured vehicle near the front line in {@region}.",
}

// ---------------------------------------------------------------------------
// Ukrainian and Russian text

// Cyrillic place forms: Ukrainian nominative, genitive, locative and
// accusative; Russian nominative, genitive, prepositional and dative. For
// regions the fourth form is the instrumental.
type cyrPlace [2][4]string

func cyrForm(p cyrPlace, lang, form int) string {
	l := 0
	if lang == langRU {
		l = 1
	}
	switch form {
	case 'n':
		return p[l][0]
	case 'g':
		return p[l][1]
	case 'l':
		return p[l][2]
	default: // 'x' for cities, 'i' for regions
		return p[l][3]
	}
}

var cyrCities = []cyrPlace{
	{{"Київ", "Києва", "Києві", "Київ"}, {"Киев", "Киева", "Киеве", "Киеву"}},
	{{"Харків", "Харкова", "Харкові", "Харків"}, {"Харьков", "Харькова", "Харькове", "Харькову"}},
	{{"Одеса", "Одеси", "Одесі", "Одесу"}, {"Одесса", "Одессы", "Одессе", "Одессе"}},
	{{"Запоріжжя", "Запоріжжя", "Запоріжжі", "Запоріжжя"}, {"Запорожье", "Запорожья", "Запорожье", "Запорожью"}},
	{{"Дніпро", "Дніпра", "Дніпрі", "Дніпро"}, {"Днепр", "Днепра", "Днепре", "Днепру"}},
	{{"Суми", "Сум", "Сумах", "Суми"}, {"Сумы", "Сум", "Сумах", "Сумам"}},
	{{"Херсон", "Херсона", "Херсоні", "Херсон"}, {"Херсон", "Херсона", "Херсоне", "Херсону"}},
	{{"Миколаїв", "Миколаєва", "Миколаєві", "Миколаїв"}, {"Николаев", "Николаева", "Николаеве", "Николаеву"}},
	{{"Львів", "Львова", "Львові", "Львів"}, {"Львов", "Львова", "Львове", "Львову"}},
	{{"Полтава", "Полтави", "Полтаві", "Полтаву"}, {"Полтава", "Полтавы", "Полтаве", "Полтаве"}},
	{{"Чернігів", "Чернігова", "Чернігові", "Чернігів"}, {"Чернигов", "Чернигова", "Чернигове", "Чернигову"}},
	{{"Краматорськ", "Краматорська", "Краматорську", "Краматорськ"}, {"Краматорск", "Краматорска", "Краматорске", "Краматорску"}},
	{{"Покровськ", "Покровська", "Покровську", "Покровськ"}, {"Покровск", "Покровска", "Покровске", "Покровску"}},
	{{"Кривий Ріг", "Кривого Рогу", "Кривому Розі", "Кривий Ріг"}, {"Кривой Рог", "Кривого Рога", "Кривом Роге", "Кривому Рогу"}},
}

func cyrRegion(ukStem, ruStem string) cyrPlace {
	return cyrPlace{
		{ukStem + "а область", ukStem + "ої області", ukStem + "ій області", ukStem + "ою областю"},
		{ruStem + "ая область", ruStem + "ой области", ruStem + "ой области", ruStem + "ой областью"},
	}
}

var cyrRegions = []cyrPlace{
	cyrRegion("Харківськ", "Харьковск"), cyrRegion("Донецьк", "Донецк"), cyrRegion("Запорізьк", "Запорожск"),
	cyrRegion("Херсонськ", "Херсонск"), cyrRegion("Сумськ", "Сумск"), cyrRegion("Одеськ", "Одесск"),
	cyrRegion("Дніпропетровськ", "Днепропетровск"), cyrRegion("Миколаївськ", "Николаевск"), cyrRegion("Чернігівськ", "Черниговск"),
	cyrRegion("Київськ", "Киевск"), cyrRegion("Полтавськ", "Полтавск"), cyrRegion("Луганськ", "Луганск"),
}

var cyrRusRegions = []cyrPlace{
	cyrRegion("Бєлгородськ", "Белгородск"), cyrRegion("Курськ", "Курск"), cyrRegion("Брянськ", "Брянск"),
	cyrRegion("Воронезьк", "Воронежск"), cyrRegion("Ростовськ", "Ростовск"),
}

var cyrMonths = [3][]string{
	langUK: {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},
	langRU: {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
}

var cyrQuotes = [3][]string{
	langUK: {"Росія продовжує терор проти мирного населення", "Нам потрібно більше систем протиповітряної оборони",
		"Кожна така атака доводить, що тиск на Росію необхідно посилювати", "Рятувальники працюють на місці, розбирають завали"},
	langRU: {"Цели специальной военной операции будут достигнуты", "Оснований для переговоров сейчас нет",
		"Такие провокации не останутся без ответа", "Ситуация находится под контролем"},
}

var cyrNames = [3][]string{
	langUK: {"Олена Рощина", "Марія Кучеренко", "Андрій Бабенко", "Ірина Балачук", "Тетяна Ломакіна", "Дмитро Коваленко"},
	langRU: {"Анна Соколова", "Иван Петров", "Мария Смирнова", "Павел Кузнецов", "Елена Волкова"},
}

func appendPeople(b []byte, lang, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	d, dd := n%10, n%100
	if lang == langRU {
		if d >= 2 && d <= 4 && (dd < 12 || dd > 14) {
			return append(b, " человека"...)
		}
		return append(b, " человек"...)
	}
	switch {
	case d == 1 && dd != 11:
		return append(b, " людина"...)
	case d >= 2 && d <= 4 && (dd < 12 || dd > 14):
		return append(b, " людини"...)
	}
	return append(b, " людей"...)
}

var ukHeadlines = []string{
	"a|Обстріл {@ccityg}: кількість загиблих зросла до {@k}, ще {@inj} поранених",
	"a|У {@ccityl} внаслідок російської атаки загинули {@kppl}, серед поранених є діти",
	"b|Сили ППО збили {@down} із {@drones} ворожих БпЛА, запущених вночі проти України",
	"c|Вибухи у {@ccityl}: росіяни вдарили по обʼєктах енергетики {cdm}",
	"d|Ворог атакував населені пункти {@cregg}: {@kppl} загинули, {@inj} поранені",
	"a|Росія вдарила ракетами по {@ccityx}: загинули {@kppl}, пошкоджено десятки будинків",
	"c|У {@cregl} знеструмлено понад {@n} тисяч споживачів після атаки дронів",
}

var ukLeads = []string{
	"c|Уночі {cdm} російські війська атакували {@ccityx} ударними дронами та ракетами.",
	"a|Уночі {cdm} російські війська атакували {@ccityx} ударними дронами та ракетами, загинули {@kppl}.",
	"a|Унаслідок російського удару по {@ccityx} загинули {@kppl}, ще {@inj} отримали поранення.",
	"d|Російські війська вранці {cdm} обстріляли населені пункти {@cregg}, є загиблі та поранені.",
	"b|Сили протиповітряної оборони вночі збили {@down} із {@drones} ударних БпЛА, повідомили Повітряні сили ЗСУ.",
}

var ukSentences = []string{
	"Про це повідомив начальник обласної військової адміністрації у Telegram.",
	"За його словами, загинули {@kppl}, ще {@inj} отримали поранення.",
	"Серед постраждалих є діти.",
	"Пошкоджено житлові будинки, автомобілі та обʼєкти інфраструктури.",
	"Повітряні сили ЗСУ повідомили, що збили {@down} із {@drones} дронів.",
	"На місці працюють рятувальники ДСНС.",
	"Також вибухи пролунали у {ccityl} та {ccityl}.",
	"У {cregl} через обстріли частина споживачів залишилася без світла.",
	"Найзапекліші бої тривають на Покровському та Куп'янському напрямках, повідомив Генштаб ЗСУ.",
	"Президент Володимир Зеленський закликав партнерів пришвидшити постачання систем ППО.",
	"«{cquote}», – написав він.",
	"У {@ccityl} оголошено день жалоби.",
	"Триває розбір завалів.",
	"Ворог також обстріляв прикордонні громади {cregg}.",
	"Росія також атакувала обʼєкти енергетики у {cregl}.",
}

var ruHeadlines = []string{
	"a|ПВО уничтожила {@down} украинских беспилотников над {@crusi} и другими регионами",
	"b|Удар по {@ccityx}: погибли {@kppl}, ранены еще {@inj}",
	"c|Губернатор {@crusg} сообщил о массированной атаке беспилотников в ночь на {cdm}",
	"d|Минобороны России заявило о взятии населенного пункта в {@cregl}",
	"b|Взрывы прогремели в {@ccityl}: под ударом оказались объекты энергетики",
	"b|Зеленский призвал союзников ускорить поставки ПВО после удара по {@ccityx}",
}

var ruLeads = []string{
	"a|В ночь на {cdm} силы ПВО уничтожили {@down} украинских беспилотников над территорией {@crusg}, сообщило Минобороны России.",
	"b|В результате удара по {@ccityx} погибли {@kppl}, еще {@inj} получили ранения, сообщили местные власти.",
	"d|Российские войска продолжают наступление в {@cregl}, заявили в Минобороны России.",
	"c|Вооруженные силы Украины атаковали приграничные районы {@crusg}, сообщил губернатор региона.",
	"c|В ночь на {cdm} беспилотники атаковали приграничные районы {@crusg}, сообщил губернатор региона.",
}

var ruSentences = []string{
	"По данным губернатора, пострадавших нет.",
	"Из приграничных районов эвакуированы тысячи жителей.",
	"В Кремле заявили, что цели специальной военной операции будут достигнуты.",
	"Песков отказался комментировать сообщения о возможных переговорах.",
	"Украинские власти официально не комментировали атаку.",
	"В результате удара повреждены жилые дома и объекты инфраструктуры.",
	"На месте работают спасатели МЧС.",
	"Воздушная тревога также была объявлена в {ccityl}.",
	"Беспилотники также были сбиты над {crusi}.",
	"«{cquote}», – заявил официальный представитель Кремля Дмитрий Песков.",
	"По данным местных властей, погибли {@kppl}.",
	"Начальник Генштаба доложил Владимиру Путину о ходе операции.",
	"Движение на ряде участков дорог в {crusl} временно ограничено.",
}

var cyrLeads [3][]tmpl

func init() {
	cyrLeads[langUK] = compileAll(ukLeads)
	cyrLeads[langRU] = compileAll(ruLeads)
	compiledCyrName = compile("{cname}")
}

func (c *ctx) cyrHeadline() (string, byte) {
	var b []byte
	for try := 0; ; try++ {
		t := c.pick(cyrHeadlines[c.s.lang])
		b = c.expand(b[:0], t)
		if n := utf8.RuneCount(b); n >= 40 && n <= 120 || try >= 6 {
			return string(b), t.group
		}
	}
}

// cyrArticle appends the rest of a Ukrainian or Russian article after its
// date.
func (c *ctx) cyrArticle(b []byte) []byte {
	r := c.r
	c.curlyQ = true
	b = append(b, ' ')
	if chance(r, 0.5) {
		b = append(b, c.s.headline...)
		b = append(b, "\n\n"...)
		if chance(r, 0.4) {
			b = c.expand(b, compiledCyrName)
			b = append(b, "\n\n"...)
		}
	}
	b = c.expand(b, c.pickLead(cyrLeads[c.s.lang]))
	pool := cyrSentences[c.s.lang]
	order := r.Perm(len(pool))
	for k := range min(len(order), 3+r.IntN(8)) {
		if k == 0 || chance(r, 0.6) {
			b = append(b, "\n\n"...)
		} else {
			b = append(b, ' ')
		}
		b = c.expand(b, pool[order[k]])
	}
	return append(b, '\n')
}

var compiledCyrName tmpl
