package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"timeline/builder"
)

// testSite makes a site folder with the project's templates and the example
// article.
func testSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{"../../templates": "templates", "../../static": "static", "../../content": "content"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// age sets the time of every file under dir an hour back.
func age(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(name string, d os.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(name, old, old)
		}
		return nil
	})
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBuild(t *testing.T) {
	dir := testSite(t)
	code, out, errs := runCmd("build", "--dir", dir, "--base-url", "https://owner.github.io/repo/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !regexp.MustCompile(`^built 1 entry, \d+ pages \(\d+ files, [\d.]+ KB; 0 unchanged\) in \d+ms; 0 warnings\n$`).MatchString(out) {
		t.Errorf("summary line %q", out)
	}
	index, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil || !bytes.Contains(index, []byte(`href="/repo/countries/"`)) {
		t.Errorf("public/index.html: %v", err)
	}

	// Built again from the same input, the site is up to date: nothing is
	// written. (Files changed in the last seconds are not trusted to be
	// unchanged: the input is made older first.)
	age(t, dir)
	if _, out, _ := runCmd("build", "--dir", dir); !strings.HasPrefix(out, "built") {
		t.Errorf("first build from aged input: %q", out)
	}
	info, _ := os.Stat(filepath.Join(dir, "public", "index.html"))
	if _, out, _ := runCmd("build", "--dir", dir); !regexp.MustCompile(`^up to date: 1 entry, .* nothing written`).MatchString(out) {
		t.Errorf("build of unchanged input: %q", out)
	}
	if _, out, _ := runCmd("build", "--dir", dir, "--force"); !regexp.MustCompile(`\((\d+) files, [\d.]+ KB; (\d+) unchanged\)`).MatchString(out) {
		t.Errorf("forced build: %q", out)
	} else if m := regexp.MustCompile(`\((\d+) files, [\d.]+ KB; (\d+) unchanged\)`).FindStringSubmatch(out); m[1] != m[2] {
		t.Errorf("forced build of unchanged input rewrote files: %q", out)
	}
	if info2, _ := os.Stat(filepath.Join(dir, "public", "index.html")); !info2.ModTime().Equal(info.ModTime()) {
		t.Errorf("an unchanged page was written again")
	}

	index, _ = os.ReadFile(filepath.Join(dir, "public", "index.html"))
	os.WriteFile(filepath.Join(dir, "content", "bad.txt"), []byte("\n\ndate 2025-02-30 Never\n"), 0o644)
	code, _, errs = runCmd("build", "--dir", dir)
	if code != 1 || !strings.Contains(errs, "content/bad.txt:3: impossible date 2025-02-30") || !strings.Contains(errs, "the published site is unchanged") {
		t.Errorf("broken file: exit %d, stderr %q", code, errs)
	}
	index2, _ := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if !bytes.Equal(index, index2) {
		t.Errorf("a failed build changed public/")
	}
}

func TestPlacesJSON(t *testing.T) {
	dir := testSite(t)
	file := filepath.Join(dir, "content", "000_16b2b9d5e41fa0f4.txt")
	code, out, errs := runCmd("places", "--dir", dir, "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got placesJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil || strings.Count(out, "\n") != 1 {
		t.Fatalf("want one JSON line: %v\n%s", err, out)
	}
	if got.Date != "2025-02-02" || got.Byline != "Kevin Schofield" ||
		strings.Join(got.Regions, " ") != "UA-23 UA-30 UA-51 UA-53 UA-59 UA-63 UA-68" ||
		got.Permalink != "http://localhost:1313/2025/02/02/volodomyr-zelenskyy-calls-on-ukraines-allies-to-step-up/" ||
		len(got.Matches) == 0 {
		t.Errorf("got %+v", got)
	}

	code, out, _ = runCmd("places", "--dir", dir, file)
	if code != 0 || !strings.Contains(out, `:28: "Kyiv" → UA (the capital standing for the government`) {
		t.Errorf("places explains nothing about line 28:\n%s", out)
	}
}

func TestNew(t *testing.T) {
	dir := testSite(t)
	code, out, errs := runCmd("new", "--dir", dir, "--date", "2025-03-01", `Strike on "Kharkiv" \ overnight`)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	name := strings.TrimSpace(out)
	if filepath.Base(name) != "2025-03-01-strike-on-kharkiv-overnight.md" {
		t.Errorf("wrote %s", name)
	}
	os.WriteFile(name, append(must(os.ReadFile(name)), "A strike hit Kharkiv.\n"...), 0o644)
	code, out, errs = runCmd("places", "--dir", dir, "--json", name)
	if code != 0 || !strings.Contains(out, `"title":"Strike on \"Kharkiv\" \\ overnight"`) || !strings.Contains(out, `"UA-63"`) {
		t.Errorf("the new file does not parse as written: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCmd("new", "--dir", dir, "--date", "2025-03-01", `Strike on "Kharkiv" \ overnight`); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("second new: exit %d, %s", code, errs)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"help", "build"}, {"build", "-h"}, {"places", "-h"}, {"new", "-h"}} {
		code, out, errs := runCmd(args...)
		if code != 0 || !strings.Contains(out+errs, "Usage:") {
			t.Errorf("%v: exit %d, output %q", args, code, out+errs)
		}
	}
	if code, _, errs := runCmd("bulid"); code != 2 || !strings.Contains(errs, `unknown command "bulid"`) {
		t.Errorf("unknown command: exit %d, %q", code, errs)
	}
	if code, _, _ := runCmd(); code != 2 {
		t.Errorf("no command: exit %d", code)
	}
}

// TestServe starts the preview server as the command does, fetches a
// page, and stops it as Ctrl-C does.
func TestServe(t *testing.T) {
	dir := testSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var log bytes.Buffer
	done := make(chan error)
	go func() { done <- runServer(ctx, ln, dir, 0, builder.Options{}, &log) }()
	url := "http://" + ln.Addr().String() + "/"
	var resp *http.Response
	for range 100 {
		if resp, err = http.Get(url); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "__timeline/live.js") {
		t.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	// A browser listening for reloads must not hold up the shutdown.
	events, err := http.Get(url + "__timeline/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("runServer: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop")
	}
	if !strings.Contains(log.String(), "serving http://127.0.0.1:") || !strings.HasSuffix(log.String(), "stopped\n") {
		t.Errorf("log:\n%s", log.String())
	}
}

// TestCheck: check passes a sound site, names the file and line of a link
// to a page the site does not have, and writes nothing either way. (In an
// article, "/x/" is an address of the site, wherever it is published.)
func TestCheck(t *testing.T) {
	dir := testSite(t)
	code, out, errs := runCmd("check", "--dir", dir, "--base-url", "https://owner.github.io/repo/")
	if code != 0 || !regexp.MustCompile(`^checked 1 entry, \d+ pages, [1-9]\d* links in \d+ms: 0 errors, 0 warnings\n$`).MatchString(out) {
		t.Fatalf("sound site: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	article := "+++\ntitle = \"Links\"\ndate = 2024-05-01\n+++\nSee [the regions](/regions/) and [the countries](../../../../countries/).\n\nSee also [the next day](/2024/05/02/) and [elsewhere](https://example.com/repo/nowhere/).\n"
	os.WriteFile(filepath.Join(dir, "content", "links.md"), []byte(article), 0o644)
	code, _, errs = runCmd("check", "--dir", dir, "--base-url", "https://owner.github.io/repo/")
	if code != 1 {
		t.Errorf("broken link: exit %d, want 1", code)
	}
	problems := strings.Split(strings.TrimSpace(errs), "\n")
	if len(problems) != 1 || problems[0] != "content/links.md:7: links to https://owner.github.io/repo/2024/05/02/, which is no page of the site" {
		t.Errorf("broken link: stderr %q, want one error for the missing day", errs)
	}
	// Two articles with the same broken link, one as a reference: each
	// is named, at its line.
	os.WriteFile(filepath.Join(dir, "content", "ref.md"), []byte("+++\ntitle = \"Reference\"\ndate = 2024-05-03\n+++\nSee [the next day][d].\n\n[d]: /2024/05/02/\n"), 0o644)
	_, _, errs = runCmd("check", "--dir", dir, "--base-url", "https://owner.github.io/repo/")
	if !strings.Contains(errs, "content/links.md:7: links to") || !strings.Contains(errs, "content/ref.md:7: links to https://owner.github.io/repo/2024/05/02/") {
		t.Errorf("a link broken in two articles: stderr %q", errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("check wrote public/: %v", err)
	}
}
