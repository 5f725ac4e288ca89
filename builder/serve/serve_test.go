package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"timeline/builder"
)

// newSite copies the builder's test site, with the project's templates and
// static files, to a fresh folder published under /repo/.
func newSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{"../testdata/site": "", "../../templates": "templates", "../../static": "static"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, dir, "site.toml", "title = \"Test\"\nbase_url = \"https://owner.github.io/repo/\"\n")
	return dir
}

func writeFile(t testing.TB, dir, name, text string) {
	t.Helper()
	name = filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w.Result()
}

func TestHandler(t *testing.T) {
	s := New(newSite(t), builder.Options{}, io.Discard)
	defer s.Close()
	for _, c := range []struct {
		method, target string
		status         int
		contentType    string
		location       string
		body           string
	}{
		{"GET", "/repo/", 200, "text/html; charset=utf-8", "", `<script src="/__timeline/live.js"`},
		{"GET", "/repo/index.html", 200, "text/html; charset=utf-8", "", "Test"},
		{"HEAD", "/repo/", 200, "text/html; charset=utf-8", "", ""},
		{"GET", "/", 302, "", "/repo/", ""},
		{"GET", "/repo", 302, "", "/repo/", ""},
		{"GET", "/repo/countries", 301, "", "/repo/countries/", ""},
		{"GET", "/repo/style.css", 200, "text/css; charset=utf-8", "", "--bg"},
		{"GET", "/repo/feed.xml", 200, "application/xml; charset=utf-8", "", "<feed"},
		{"GET", "/repo/timeline.json", 200, "application/json; charset=utf-8", "", "{"},
		{"GET", "/repo/no/such/page/", 404, "text/html; charset=utf-8", "", "Page not found"},
		{"GET", "/elsewhere/", 404, "text/html; charset=utf-8", "", "Page not found"},
		{"GET", "/repo/../repo/", 404, "", "", ""},
		{"GET", "/repo/%2e%2e/%2e%2e/etc/passwd", 404, "", "", ""},
		{"GET", "/repo/a/..%2f..%2fetc/passwd", 404, "", "", ""},
		{"GET", "/repo/countries//", 404, "", "", ""},
		{"GET", "/repo/.%2e/site.toml", 404, "", "", ""},
		{"GET", "/repo/..%5c..%5csite.toml", 404, "", "", ""},
		{"GET", "/repo/content/a1f3.txt", 404, "", "", ""},
		{"POST", "/repo/", 405, "", "", ""},
		{"GET", "/__timeline/live.js", 200, "text/javascript; charset=utf-8", "", "EventSource"},
	} {
		resp := get(t, s, c.method, c.target)
		body, _ := io.ReadAll(resp.Body)
		switch {
		case resp.StatusCode != c.status:
			t.Errorf("%s %s: status %d, want %d", c.method, c.target, resp.StatusCode, c.status)
		case c.contentType != "" && resp.Header.Get("Content-Type") != c.contentType:
			t.Errorf("%s %s: Content-Type %q, want %q", c.method, c.target, resp.Header.Get("Content-Type"), c.contentType)
		case c.location != "" && resp.Header.Get("Location") != c.location:
			t.Errorf("%s %s: Location %q, want %q", c.method, c.target, resp.Header.Get("Location"), c.location)
		case !strings.Contains(string(body), c.body):
			t.Errorf("%s %s: body lacks %q", c.method, c.target, c.body)
		case c.method == "HEAD" && len(body) > 0:
			t.Errorf("HEAD %s: a body", c.target)
		}
	}
}

// TestNoScriptInBuild: the reload script is the server's alone.
func TestNoScriptInBuild(t *testing.T) {
	dir := newSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := builder.Build(dir, out, builder.Options{}); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(out, func(name string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(name)
			if strings.Contains(string(b), "__timeline") {
				t.Errorf("%s holds the reload script", name)
			}
		}
		return nil
	})
}

func TestSafe(t *testing.T) {
	for rel, want := range map[string]bool{
		"": true, "a/": true, "a/b.html": true, "2024/05/": true,
		"..": false, "../x": false, "a/../b": false, "./a": false, "a//b": false, "a\\b": false, "a\x00": false,
	} {
		if got := safe(rel); got != want {
			t.Errorf("safe(%q) = %v, want %v", rel, got, want)
		}
	}
}
