package entry

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file tells what a single line of a scraped page is. Each test looks
// at a whole, trimmed line and errs on the side of "article text": a line
// wrongly kept costs a reader a glance, a sentence wrongly dropped costs
// the article its truth.

var readTimeRE = regexp.MustCompile(`(?i)^[·•|\-–—\s]*(?:reading time:?\s*)?(\d{1,3})\s*(?:min|mins|minute|minutes)\.?(?:\s+read)?$`)

// readTimeOf returns the minutes of a read-time line ("·2 min read",
// "1 minute read"), or 0.
func readTimeOf(s string) int {
	if len(s) > 80 { // "Reading time: 3 minutes" is short; the article is not
		return 0
	}
	if !strings.Contains(strings.ToLower(s), "read") && !strings.HasPrefix(strings.ToLower(s), "reading") {
		return 0
	}
	m := readTimeRE.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// navLines are the navigation words a page prints before its article.
var navLines = setOf(
	"skip to content", "skip to main content", "skip to navigation", "skip to main",
	"news", "open app", "menu", "main menu", "search", "home", "sign in", "log in",
	"login", "subscribe", "close", "toggle navigation", "open menu", "open navigation",
	"all news", "world", "latest", "live", "en", "ua", "ru", "eng", "укр", "рус",
	"skip links", "skip to featured content", "skip to main navigation", "manage preferences",
	"головне", "новини", "главное", "новости", "nachrichten", "startseite", "الرئيسية",
)

// isNav reports whether s is navigation: a known word, an "Edition:" line,
// or a breadcrumb trail ("Home>News>World", "Home › News").
func isNav(s string) bool {
	low := strings.ToLower(s)
	return navLines[low] || strings.HasPrefix(low, "edition:") || isBreadcrumb(s)
}

// isBreadcrumb reports whether s is a trail like "Home > News > World".
func isBreadcrumb(s string) bool {
	if len(s) > 100 || endsSentence(s) {
		return false
	}
	for _, sep := range []string{">", "›", "»", "/"} {
		if parts := strings.Split(s, sep); len(parts) >= 2 && strings.EqualFold(strings.TrimSpace(parts[0]), "home") {
			return true
		}
	}
	return false
}

var furnitureLines = setOf(
	"register now for free unlimited access to reuters.com",
	"register now for free unlimited access to reuters.com register",
	"our standards: the thomson reuters trust principles.",
	"our standards: the thomson reuters trust principles",
	"leave a reply", "leave a comment", "cancel reply", "top of page", "bottom of page",
	"back to top", "listen to this article", "listen to article", "advertisement",
	"advertisement - scroll to continue", "scroll to continue with content", "skip advertisement",
	"share", "share this", "share this:", "share this article", "share article", "tweet", "print",
	"email", "copy link", "link copied", "show comments", "comments", "follow", "save",
	"accept", "accept all", "reject all", "manage cookies", "cookie settings", "manage preferences",
	"key events", "show key events only", "please turn on javascript to use this feature",
	"reuse this content", "view comments", "like loading...", "like this:", "become a member",
	"support us", "contribute today", "continue", "donate", "legal disclaimer:", "legal disclaimer",
	"поділитися", "поделиться", "teilen", "مشاركة",
)

// socialWords are the words of share widgets: a line made only of them is
// furniture ("Facebook Twitter Telegram").
var socialWords = setOf("facebook", "twitter", "x", "telegram", "whatsapp", "linkedin", "reddit",
	"email", "e-mail", "print", "share", "like", "this:", "copy", "link", "pinterest", "viber",
	"messenger", "flipboard", "bluesky", "threads", "mastodon", "vk", "ok")

// furnitureRE matches whole lines of furniture by how they start; only
// lines whose first word is one of furnitureStarts are tried, which spares
// the regular expression the article's own lines.
var furnitureRE = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`share (?:on|via|to) [\w ]{1,20}`,
	`(?:post )?comments? \(\d+\)`,
	`read (?:more|also)\s*:.*`,
	`also read\s*:.*`,
	`see also\s*:.*`,
	`we use cookies.*`,
	`this (?:web)?site uses cookies.*`,
	`(?:accept|manage) (?:all )?cookies.*`,
	`subscribe (?:to|now|for|here)\b.{0,40}\b(?:newsletter|our|free|email|updates|alerts|here|now|today|channel)\b.{0,60}`,
	`sign up (?:for|to|now)\b.{0,40}\b(?:newsletter|our|free|email|updates|alerts|here|now|today|account)\b.{0,60}`,
	`follow (?:us|\w+) on (?:facebook|twitter|x|telegram|instagram|google news|whatsapp)\b.*`,
	`join (?:us|our \w+) on \w+.*`,
	`click here to .*`,
	`download (?:the|our) app.*`,
	`advertisement\b.{0,40}`,
	`(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4})\s*.{0,150}`,
	`\(this (?:story|article|report) has not been edited.*\)`,
	`read more (?:about|on)\b.*`,
	`follow (?:ap's|our|the|all of)\b.{0,60}\bcoverage\b.*`,
	`menafn\d+id\d+`,
	`menafn provides the information.*`,
	`view comments\b.*`,
	`save (?:articles|this article|stories) to read later.*`,
	`follow us(?: on .{1,40})?`,
	`_{3,}`,
	`we need your help(?: now)?(?: more than ever)?\.?`,
	`(?:tags|теги|мітки|schlagworte)\s*:.*`,
	`related topics\b.*`,
	`(?:читайте також|читайте также|lesen sie auch|اقرأ أيضا)\s*:?.*`,
}, "|") + `)$`)

// furnitureStarts are the first words of the lines furnitureRE matches.
var furnitureStarts = setOf("share", "post", "comments", "comment", "read", "also", "see", "we",
	"this", "accept", "manage", "subscribe", "sign", "follow", "join", "click", "download",
	"advertisement", "©", "(c)", "copyright", "(this", "view", "save", "tags", "теги", "мітки",
	"schlagworte", "related", "читайте", "lesen", "اقرأ")

// furnitureWithin matches lines of furniture by what they hold: appeals
// for money, badges, links to a privacy policy. Only lines that hold one
// of furnitureClues are tried.
var furnitureWithin = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	`.{0,60}\b(?:become a (?:member|patron)|support us|help us keep going|contribute today|donate now|support (?:our|independent) journalism|become our patron)\b.{0,60}`,
	`.{0,40}\bis a trust project member`,
	`(?:.{0,40}\b(?:click|view|read|see|terms|our)\b.{0,40})?\bprivacy (?:policy|dashboard)\b.{0,40}`,
}, "|") + `)$`)

var furnitureClues = []string{"member", "patron", "support", "help us", "contribute", "donate", "journalism", "trust project", "privacy"}

// isFurniture reports whether s is site furniture: share and comment
// widgets, cookie and subscription prompts, "Read more:" lines.
func isFurniture(s string) bool {
	if len(s) > 500 {
		return false
	}
	low := strings.ToLower(s)
	if furnitureLines[low] || isBreadcrumb(s) || len(low) < 120 && allSocial(low) {
		return true
	}
	if strings.Contains(low, "cookie") && containsAny(low, "we use", "use cookies", "consent", "accept", "partners", "privacy") {
		return true
	}
	first, _, _ := strings.Cut(low, " ")
	if furnitureStarts[strings.TrimRight(first, ":")] || strings.HasPrefix(first, "menafn") || strings.HasPrefix(first, "___") {
		if furnitureRE.MatchString(s) {
			return true
		}
	}
	return containsAny(low, furnitureClues...) && furnitureWithin.MatchString(s)
}

func allSocial(low string) bool {
	words := strings.Fields(low)
	for _, w := range words {
		if !socialWords[w] {
			return false
		}
	}
	return len(words) > 0
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

var teaserMarkers = setOf(
	"also read", "read also", "related", "related articles", "related stories", "related news",
	"related content", "related coverage", "related posts", "latest news", "latest stories",
	"most read", "most popular", "more stories", "more news", "read more", "recommended",
	"recommended stories", "you may also like", "you might also like", "trending", "trending now",
	"top stories", "see also", "more on this story", "editor's picks", "news feed", "more",
	"explore more on these topics", "tags", "теги", "мітки", "related topics", "mehr zum thema",
	"читайте також", "читайте также", "see more", "most viewed", "популярне", "популярное",
)

// isTeaserMarker reports whether s heads a list of other stories'
// headlines ("ALSO READ", "More from Europe").
func isTeaserMarker(s string) bool {
	low := strings.TrimRight(strings.ToLower(s), ": ")
	return teaserMarkers[low] || (strings.HasPrefix(low, "more from ") || strings.HasPrefix(low, "mehr zum thema")) && len(low) < 60
}

var creditRE = regexp.MustCompile(`^\(?(?:Reporting|Additional reporting|Writing|Written|Editing|Compiled|Research) by\b|\bcontributed (?:to this (?:report|story)|reporting)\.?\)?$`)

// isCredit reports whether s is a reporting credit such as "(Reporting by
// Olena Harmash; Editing by Alex Richardson)" or "Associated Press writer
// Jon Gambrell in Dubai contributed to this report."
func isCredit(s string) bool {
	return len(s) < 400 && (strings.Contains(s, " by ") || strings.Contains(s, "contributed")) && creditRE.MatchString(s)
}

// outlets are news agencies and sites whose names print alone on a line
// of a page's header, or on its date line.
var outlets = setOf("reuters", "ap", "associated press", "the associated press", "afp",
	"agence france-presse", "tass", "ria novosti", "interfax", "interfax-ukraine", "ukrinform",
	"unian", "anadolu", "anadolu agency", "aa", "dpa", "efe", "xinhua", "bloomberg", "bbc",
	"bbc news", "cnn", "euronews", "al jazeera", "the guardian", "the kyiv independent",
	"kyiv independent", "kyiv post", "the moscow times", "ukrainska pravda", "balkan insight",
	"rfe/rl", "radio free europe/radio liberty", "meduza", "the new york times",
	"the washington post", "the times of india", "times of india", "hindustan times", "ndtv",
	"yahoo news", "msn", "deutsche welle", "dw", "france 24", "sky news", "the independent",
	"the telegraph", "politico", "newsweek", "abc news", "cbs news", "nbc news", "fox news",
	"npr", "the hill", "devdiscourse", "menafn", "daily sabah", "trt world", "global news",
	"cbc news", "the economist", "financial times", "the wall street journal", "pravda",
	"tagesschau", "der spiegel", "la repubblica", "le monde", "rbc-ukraine", "nv", "suspilne")

// isOutlet reports whether s is a news outlet's name alone.
func isOutlet(s string) bool { return len(s) < 60 && outlets[strings.ToLower(strings.TrimSpace(s))] }

// roleRE matches a byline's second line: "Security & Defense Reporter".
var roleRE = regexp.MustCompile(`(?i)^[\p{L}&,/' -]{0,60}\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|analyst)s?$`)

// isShortLabel reports whether s is a label of a few words, no sentence:
// "BIRN", "Chisinau", "BBC News". In a page's header such lines are the
// site's, not the article's.
func isShortLabel(s string) bool {
	if roleRE.MatchString(s) {
		return true
	}
	if letterWords(s) > 3 || utf8.RuneCountInString(s) > 40 || endsSentence(s) {
		return false
	}
	for _, w := range strings.Fields(s) {
		if !isCapitalised(w) {
			return false
		}
	}
	return true
}

var monthWords = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec",
)

// bylineStop are capitalised words that make a short line something other
// than a person's name.
var bylineStop = setOf(
	"news", "breaking", "live", "update", "updates", "latest", "world", "europe", "politics",
	"war", "video", "photos", "photo", "opinion", "analysis", "exclusive", "home", "menu",
	"edition", "share", "comments", "advertisement", "sport", "business", "ukraine", "russia",
	"kyiv", "moscow", "read", "more", "related", "subscribe", "listen", "watch", "top",
)

// isByline reports whether s is a byline.
func isByline(s string) bool {
	_, _, ok := byline(s)
	return ok
}

// byline reads a byline: "By Jane Doe", "Author: Jane Doe", "The
// Associated Press", a name alone on its line, or "by Jane Doe May 23, 2024
// 11:05 AM 1 min read" (the name, with the read time it carries).
func byline(s string) (name string, minutes int, ok bool) {
	if len(s) > 120 {
		return "", 0, false
	}
	low := strings.ToLower(s)
	switch {
	case strings.HasPrefix(low, "author:"), strings.HasPrefix(low, "authors:"):
		name = strings.TrimSpace(s[strings.IndexByte(s, ':')+1:])
		return name, 0, name != "" && !endsSentence(name)
	case strings.HasPrefix(low, "by "):
		// "By" and up to eight words, then perhaps a time and a read time.
		words := strings.Fields(s[3:])
		n := 0
		for n < len(words) && !startsTime(words[n]) {
			n++
		}
		if n == 0 || n > 8 || !isCapitalised(words[0]) {
			return "", 0, false
		}
		name = strings.TrimRight(strings.Join(words[:n], " "), ",;|·-–— ")
		if endsSentence(name) && !isAbbreviation(name[:len(name)-1]) {
			return "", 0, false
		}
		if n == len(words) {
			return name, 0, true
		}
		rest := strings.Join(words[n:], " ")
		if minutes = readTimeOf(rest); minutes > 0 {
			return name, minutes, true
		}
		// A time with a read time at its end: take the read time off.
		if i := strings.Index(strings.ToLower(rest), " min"); i > 0 {
			j := strings.LastIndexByte(rest[:i], ' ')
			if minutes = readTimeOf(rest[j+1:]); minutes > 0 {
				rest = rest[:max(j, 0)]
			}
		}
		return name, minutes, isTimeLine(rest)
	}
	// "Iryna Kutielieva — Monday, 18 November 2024, 14:41"
	for _, sep := range []string{" — ", " – ", " | ", " · ", "·"} {
		if name, when, ok := strings.Cut(s, sep); ok && name != "" {
			if _, _, ok := byline(strings.TrimSpace(name)); ok && (isTimeLine(when) || readTimeOf(when) > 0) {
				return strings.TrimSpace(name), readTimeOf(when), true
			}
		}
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || utf8.RuneCountInString(s) > 40 || endsSentence(s) && !strings.HasSuffix(s, ".") {
		return "", 0, false
	}
	if strings.HasSuffix(s, ".") || nameWords(words) != len(words) {
		return "", 0, false
	}
	for _, w := range words {
		if bylineStop[strings.ToLower(w)] {
			return "", 0, false
		}
	}
	return s, 0, true
}

// nameWords counts the words at the start of words that can make up
// people's names: capitalised words, initials, and joiners like "and",
// "de", "van". It stops at a month name, which begins a time.
func nameWords(words []string) int {
	n, capital := 0, 0
	for _, w := range words {
		t := strings.TrimRight(w, ",;")
		switch {
		case monthWords[strings.ToLower(strings.TrimRight(t, "."))] && n > 0:
			return trimJoiners(words[:n])
		case joiners[t]:
		case isNameWord(t):
			capital++
		default:
			if capital == 0 {
				return 0
			}
			return trimJoiners(words[:n])
		}
		n++
	}
	if capital == 0 {
		return 0
	}
	return trimJoiners(words[:n])
}

func trimJoiners(words []string) int {
	n := len(words)
	for n > 0 && joiners[strings.TrimRight(words[n-1], ",;")] {
		n--
	}
	return n
}

var joiners = setOf("and", "&", "de", "da", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "|", "·", "-", "—")

// startsTime reports whether w begins a date or time: a month's name or a
// number.
func startsTime(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r) || monthWords[strings.ToLower(strings.TrimRight(w, ".,"))]
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’' {
			return false
		}
	}
	return true
}

var (
	pipeSourceRE = regexp.MustCompile(`^([^|]{2,40}?)\s*\|.*\|`)
	timeHeadRE   = regexp.MustCompile(`(?i)^(?:published|updated|last updated|posted|first published|created|stand|опубліковано|оновлено|опубликовано|обновлено|veröffentlicht|aktualisiert)(?: on| at| am)?\s*:?\s+\S`)
	// "المصدر : الجزيرة + وكالات": "Source: Al Jazeera + agencies"
	arabicSourceRE = regexp.MustCompile(`^المصدر\s*:\s*(.{2,60})$`)
	sourceEndRE    = regexp.MustCompile(`^(?:Source|Sources|Джерело|Источник)\s*:\s*([^.]{2,60}?)\.?$`)
	menafnRE       = regexp.MustCompile(`^\(MENAFN\s*-\s*([^)]{2,60})\)\s*`)
)

var trailingReadTimeRE = regexp.MustCompile(`(?i)[\s·•|]+(\d{1,3})\s*(?:min|mins|minute|minutes)\.?\s+read$`)

// timeWithReadTime returns the read time at the end of a time line,
// "February 17, 2024 3:08 AM 2 min read", or 0.
func timeWithReadTime(s string) int {
	if len(s) > 200 {
		return 0
	}
	loc := trailingReadTimeRE.FindStringSubmatchIndex(s)
	if loc == nil || !isTimeLine(s[:loc[0]]) && !timeHeadRE.MatchString(s[:loc[0]]) {
		return 0
	}
	n, _ := strconv.Atoi(s[loc[2]:loc[3]])
	return n
}

// isSourceLine reports whether s is a line of the site's own metadata: an
// agency line ("Reuters | Kyiv | Updated: ..."), a publication time, or an
// aggregator's tag "(MENAFN- UkrinForm)".
func isSourceLine(s string) bool {
	src, _, _ := sourceLine(s)
	return src != "" || timeHeadRE.MatchString(s) && len(s) < 160 || isTimeLine(s)
}

// sourceLine splits a source line into the agency it names, the text to
// keep as printed, and any article text that follows on the same line.
func sourceLine(s string) (source, kept, more string) {
	if m := menafnRE.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), strings.TrimSpace(m[0]), s[len(m[0]):]
	}
	if m := pipeSourceRE.FindStringSubmatch(s); m != nil && len(s) < 200 && hasTimeWord(s) {
		return m[1], s, ""
	}
	// "AFP / Mar 21, 2023, 23:42 IST", "Reuters · January 26, 2025"
	for _, sep := range []string{" / ", " | ", " · ", "·", " — "} {
		if name, when, ok := strings.Cut(s, sep); ok && isOutlet(name) && (isTimeLine(when) || timeHeadRE.MatchString(strings.TrimSpace(when))) {
			return strings.TrimSpace(name), s, ""
		}
	}
	if m := arabicSourceRE.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), s, ""
	}
	return "", s, ""
}

func hasTimeWord(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(low, "updated") || strings.Contains(low, "created") ||
		strings.Contains(low, "published") || clockRE.MatchString(s)
}

var clockRE = regexp.MustCompile(`\d{1,2}:\d{2}`)

// isTimeLine reports whether s holds only a date and time, such as
// "9/14/2024 5:18:26 AM" or "Feb. 23, 2022 at 5:51 PM HST".
func isTimeLine(s string) bool {
	if len(s) > 60 {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	digits := false
	for _, w := range words {
		t := strings.Trim(w, ",.|()")
		switch {
		case t == "":
		case strings.ContainsAny(t, "0123456789"):
			for _, c := range t {
				if !strings.ContainsRune("0123456789/:-.,", c) {
					return false
				}
			}
			digits = true
		case monthWords[strings.ToLower(t)], weekdays[strings.ToLower(t)]:
		case t == "at", t == "AM", t == "PM", t == "am", t == "pm", t == "a.m", t == "p.m", t == "Uhr", t == "on":
		case strings.HasPrefix(t, "GMT") || strings.HasPrefix(t, "UTC"):
		case len(t) >= 2 && len(t) <= 5 && strings.ToUpper(t) == t && !strings.ContainsAny(t, "0123456789"):
			// a time zone: HST, IST, GMT, EEST
		default:
			return false
		}
	}
	return digits
}

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun")

// photoLeadRE matches a caption or credit printed before the headline
// ("epaselect epa11724310 ...", "Photo : YONHAP News").
var photoLeadRE = regexp.MustCompile(`(?i)^(?:epaselect\b|epa\d{5,}|photo\s*:|photo credit\s*:|\(photo credit|file photo\b)`)

var creditLeadRE = regexp.MustCompile(`^(?:(?i:via)\s|\(?(?i:photos?|image|picture|credit|photo credit)\s*:|©|\(c\)|\(?(?:REUTERS|Reuters|AP|AP Photo|EPA|EPA-EFE|AFP|Getty Images|Anadolu|Sputnik|TASS|RIA Novosti|Ukrinform|UNIAN|Shutterstock|Alamy|Handout|Bloomberg|NurPhoto|SOPA Images|Global Images Ukraine)\b)`)

// looksLikeCredit reports whether s, found after a repeated caption, is a
// photo credit.
func looksLikeCredit(s string) bool {
	if s == "" || len(s) > 120 {
		return false
	}
	if creditLeadRE.MatchString(s) || strings.Contains(s, "/") && len(strings.Fields(s)) <= 6 {
		return true
	}
	// A short, capitalised tail with no sentence in it: "Kevin Schofield".
	return len(strings.Fields(s)) <= 6 && !endsSentence(s) && nameWords(strings.Fields(s)) > 0
}

var creditOnlyRE = regexp.MustCompile(`(?i)^photo(?: credit)?\s*:\s*(.+)$`)

var trailingCreditRE = regexp.MustCompile(`\s+((?:(?i:via)\s|\(?(?i:photo(?: credit)?)\s*:|©|EPA-EFE/|REUTERS/|AP Photo/)[^.]*|\[[^\[\]]{2,60}/[^\[\]]{2,40}\])$`)

// splitCredit splits a single caption line into its text and its trailing
// credit; a line that is only a credit ("Photo : YONHAP News") has no text.
func splitCredit(s string) (text, credit string) {
	if m := creditOnlyRE.FindStringSubmatch(s); m != nil {
		return "", m[1]
	}
	if loc := trailingCreditRE.FindStringSubmatchIndex(s); loc != nil {
		return strings.TrimSpace(s[:loc[0]]), trimVia(s[loc[2]:loc[3]])
	}
	return s, ""
}

var (
	// "KYIV (Reuters) -", "KYIV, Ukraine (AP) —", "KYIV, June 7 (Reuters) -"
	agencyDatelineRE = regexp.MustCompile(`^\p{Lu}[\p{Lu}'’.\- ]{2,40}(?:,\s*[\p{L}\d.' ]{2,30})?\s*\(([^()]{2,40})\)\s*[-–—]+\s*`)
	// "(Reuters) - ", as syndicated copies print it
	bareAgencyRE = regexp.MustCompile(`^\(([\p{L}][\p{L} .\-]{1,30})\)\s*[-–—]+\s*`)
	// "MOSCOW, August 30. /TASS/.", "МОСКВА, 21 мая. /ТАСС/."
	tassDatelineRE = regexp.MustCompile(`^\p{Lu}[\p{Lu}'’.\- ]{2,40},\s*(?:\p{L}+\.?\s+\d{1,2}|\d{1,2}\s+\p{L}+)\.?\s*/([\p{L}-]+)/\.?\s*`)
	// "ZAPORIZHZHIA, Ukraine —"
	capsDatelineRE = regexp.MustCompile(`^\p{Lu}[\p{Lu}'’.\-]{2,}(?: \p{Lu}[\p{Lu}'’.\-]+)*(?:,\s*\p{Lu}[\p{L}.' ]{1,30})?\s+[-–—]+\s+`)
	// "Kyiv: ", "KYIV: "
	colonDatelineRE = regexp.MustCompile(`^(\p{Lu}\p{Ll}+|\p{Lu}{2,}):\s+`)
)

// notDatelines are words that open a paragraph with a colon but name no
// place.
var notDatelines = setOf("note", "update", "updated", "warning", "photo", "video", "watch", "read",
	"source", "sources", "breaking", "opinion", "analysis", "exclusive", "live", "correction",
	"editor's note", "context", "background", "disclaimer", "summary", "quote", "question",
	"answer", "listen", "comment", "reporting", "credit", "image", "explainer", "factbox",
	"timeline", "q", "a")

// dateline finds the dateline opening a first paragraph and the agency it
// names, as "KYIV (Reuters) -" and "Reuters". A dateline is strong when its
// form leaves no doubt; "Zelensky: ..." looks like "Kyiv: ..." and is weak:
// kept in the headline, only kept out of places.
func dateline(s string) (dl, agency string, strong bool) {
	if m := agencyDatelineRE.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[0]), strings.TrimSpace(m[1]), true
	}
	if m := bareAgencyRE.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[0]), strings.TrimSpace(m[1]), true
	}
	if m := tassDatelineRE.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[0]), m[1], true
	}
	if m := capsDatelineRE.FindString(s); m != "" {
		return strings.TrimSpace(m), "", true
	}
	if m := colonDatelineRE.FindStringSubmatch(s); m != nil && !notDatelines[strings.ToLower(m[1])] {
		// "Zelensky: „We will not give up“" is a quote, not a dateline.
		if next, _ := utf8.DecodeRuneInString(s[len(m[0]):]); !strings.ContainsRune(openingQuotes, next) {
			return strings.TrimSpace(m[0]), "", false
		}
	}
	return "", "", false
}

const openingQuotes = "\"'“‘„«‹‚「『"

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
