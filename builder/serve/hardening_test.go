package serve

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"timeline/builder"
)

// The preview server's hardening: what it refuses, the sizes it takes,
// the browsers it survives and the rebuilds it runs without growing.

// secret is planted in files the server must never serve: site.toml, an
// editor's backup and a hidden file in content/, and a file beside the
// site folder.
const secret = "SECRET-7f3a9c-never-served"

// hardSite makes a site folder published under base_url, with the secret
// planted in and around it.
func hardSite(t testing.TB, baseURL string) string {
	t.Helper()
	dir := newSite(t)
	writeFile(t, dir, "site.toml", fmt.Sprintf("# %s\ntitle = \"Test\"\nbase_url = %q\n", secret, baseURL))
	writeFile(t, dir, "content/x.txt~", secret+"\n")
	writeFile(t, dir, "content/.x.txt", secret+"\n")
	writeFile(t, dir, "content/notes.pdf", secret+"\n")
	writeFile(t, filepath.Dir(dir), "secret.txt", secret+"\n")
	writeFile(t, dir, "static/control.txt", "CONTROL: served, as a static file is\n")
	return dir
}

// hardServe serves s with srv, as timeline serve does, on a free loopback
// port, and returns its address.
func hardServe(t testing.TB, s *Server, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { s.Close(); srv.Close() })
	return ln.Addr().String()
}

// rawGet sends a request line and headers exactly as given, which
// net/http's client would clean or refuse, and reads the answer.
func rawGet(addr, target, headers string) (status int, location, body string, err error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return 0, "", "", err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	go fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\n%sConnection: close\r\n\r\n", target, addr, headers)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(b), err
}

// TestTraversal asks for files outside the built site in every encoding
// of ".." and its friends. Each answer is 400 or 404, or a redirect that
// stays in the site, and none holds the secret. (The server serves the
// site from memory, never from disk, so this guards the map's keys too.)
func TestTraversal(t *testing.T) {
	targets := []string{
		"/repo/../site.toml",
		"/repo/../../secret.txt",
		"/../secret.txt",
		"/../../../../../../etc/passwd",
		"/repo/%2e%2e/site.toml",
		"/repo/%2E%2E%2Fsite.toml",
		"/repo/%2e%2e%2f%2e%2e%2fsecret.txt",
		"/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/repo/.%2e/site.toml",
		"/repo/%2e./site.toml",
		"/repo/..%2fsite.toml",
		"/repo/..%2F..%2Fsecret.txt",
		"/repo/..%5csite.toml",
		"/repo/%2e%2e%5c%2e%2e%5csecret.txt",
		`/repo/..\site.toml`,
		`/repo/..\..\secret.txt`,
		`/repo\..\site.toml`,
		`\..\site.toml`,
		"/repo/%252e%252e%252fsite.toml",
		"/repo/%252e%252e/site.toml",
		"/repo/..%255csite.toml",
		"/repo/%c0%ae%c0%ae/site.toml",
		"/repo/%c0%ae%c0%ae%c0%afsite.toml",
		"/repo/%e0%80%ae%e0%80%ae/site.toml",
		"/repo/%c1%9c..%c1%9csite.toml",
		"/repo/%ef%bc%8e%ef%bc%8e/site.toml",
		"/repo/%ef%bc%8e%ef%bc%8e%ef%bc%8fsite.toml",
		"/repo/%uff0e%uff0e/site.toml",
		"/repo/site.toml%00",
		"/repo/%00/../site.toml",
		"/repo/index.html%00.txt",
		"/repo/..;/site.toml",
		"/repo/;/../site.toml",
		"/repo/index.html;/../../site.toml",
		"/repo/..;foo=bar/site.toml",
		"/repo/....//site.toml",
		"/repo/.../site.toml",
		"/repo/./../site.toml",
		"/repo/./site.toml",
		"/repo/countries/..",
		"/repo/countries/../../site.toml",
		"//etc/passwd",
		"//repo/../site.toml",
		"/repo//etc/passwd",
		"/repo//../site.toml",
		"///secret.txt",
		"/repo/content/x.txt~",
		"/repo/content/.x.txt",
		"/repo/content/notes.pdf",
		"/repo/content/a1f3.txt",
		"/repo/site.toml",
		"/repo/../content/.x.txt",
		"http://127.0.0.1/../../etc/passwd",
		"http://127.0.0.1/repo/../site.toml",
		"http://127.0.0.1/repo/%2e%2e/%2e%2e/secret.txt",
		"http://evil.example/repo/..%2fsite.toml",
		"http://evil.example//secret.txt",
		"file:///etc/passwd",
		"../site.toml",
		"..%2fsite.toml",
		"site.toml",
		"*",
	}
	for _, base := range []string{"https://owner.github.io/repo/", "https://example.org/"} {
		t.Run(strings.TrimSuffix(base[len("https://"):], "/"), func(t *testing.T) {
			s := New(hardSite(t, base), builder.Options{}, io.Discard)
			addr := hardServe(t, s, s.HTTPServer())
			prefix := s.BasePath()
			// The control: a file of the site is served, and read.
			if status, _, body, err := rawGet(addr, prefix+"control.txt", ""); err != nil || status != 200 || !strings.Contains(body, "CONTROL: served") {
				t.Fatalf("GET %scontrol.txt: %d %v", prefix, status, err)
			}
			statuses := map[int]int{}
			for _, target := range targets {
				if prefix == "/" {
					target = strings.Replace(target, "/repo/", "/", 1)
				}
				status, location, body, err := rawGet(addr, target, "")
				statuses[status]++
				switch {
				case err != nil:
					t.Errorf("GET %s: %v", target, err)
				case strings.Contains(body, secret), strings.Contains(body, "root:x:0:0"), strings.Contains(body, "base_url ="):
					t.Errorf("GET %s: %d, and the body holds a file from outside the site", target, status)
				case status == 400 || status == 404:
				case status >= 300 && status < 400:
					u, err := url.Parse(location)
					if err != nil || u.Host != "" || !strings.HasPrefix(u.Path, prefix) || path.Clean(u.Path)+"/" != u.Path && path.Clean(u.Path) != u.Path {
						t.Errorf("GET %s: %d to %q, outside the site", target, status, location)
					}
				default:
					t.Errorf("GET %s: %d, want 400, 404 or a redirect in the site", target, status)
				}
			}
			t.Logf("%d requests; answers by status: %v", len(targets), statuses)
			if status, _, body, err := rawGet(addr, prefix, ""); err != nil || status != 200 || !strings.Contains(body, "Test") {
				t.Errorf("after the attempts, GET %s: %d %v", prefix, status, err)
			}
		})
	}
}

// TestSizeLimits sends a megabyte of header and paths of 10 and 100 KB:
// each gets an error status at once, and the server keeps serving.
func TestSizeLimits(t *testing.T) {
	s := New(newSite(t), builder.Options{}, io.Discard)
	addr := hardServe(t, s, s.HTTPServer())
	for _, c := range []struct {
		what, target, headers string
		status                int
	}{
		{"1 MB header", "/repo/", "X-Big: " + strings.Repeat("a", 1<<20) + "\r\n", 431},
		{"10,000 headers", "/repo/", strings.Repeat("X-Many: abcdefgh\r\n", 10000), 431},
		{"100 KB path", "/repo/" + strings.Repeat("a", 100<<10), "", 431},
		{"100 KB encoded path", "/repo/" + strings.Repeat("%2e", 100<<10/3), "", 431},
		{"10 KB path", "/repo/" + strings.Repeat("a/", 5<<10), "", 414},
		{"10 KB events path", eventsPath + strings.Repeat("/", 10<<10), "", 414},
	} {
		t0 := time.Now()
		status, _, _, err := rawGet(addr, c.target, c.headers)
		if err != nil || status != c.status {
			t.Errorf("%s: %d %v, want %d", c.what, status, err, c.status)
		}
		if d := time.Since(t0); d > 5*time.Second {
			t.Errorf("%s: answered in %v", c.what, d)
		}
		if status, _, _, err := rawGet(addr, "/repo/", ""); err != nil || status != 200 {
			t.Errorf("after the %s: GET /repo/: %d %v", c.what, status, err)
		}
	}
	// The handler refuses a long path whatever server it runs in.
	if resp := get(t, s, "GET", "/repo/"+strings.Repeat("a", maxPath)); resp.StatusCode != 414 {
		t.Errorf("handler, long path: %d, want 414", resp.StatusCode)
	}
	srv := s.HTTPServer()
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.IdleTimeout == 0 || srv.MaxHeaderBytes == 0 || srv.MaxHeaderBytes > 1<<20 {
		t.Errorf("HTTPServer sets no limit on slow or large requests: %+v", srv)
	}
}

// An sseClient is a browser tab listening for reloads, on a connection of
// its own.
type sseClient struct {
	conn   net.Conn
	builds chan int      // the build of each message
	stall  chan struct{} // closed: stop reading, and keep the connection open
	done   chan struct{} // closed when it stops reading
}

// listen connects a client to the event stream at addr, and waits for the
// first message, which says where the site stands.
func listen(t testing.TB, addr string) *sseClient {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c := &sseClient{conn: conn, builds: make(chan int, 1000), stall: make(chan struct{}), done: make(chan struct{})}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n", eventsPath, addr)
	go c.read()
	c.await(t, 0)
	return c
}

func (c *sseClient) read() {
	defer close(c.done)
	resp, err := http.ReadResponse(bufio.NewReader(c.conn), nil)
	if err != nil {
		return
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 4<<20)
	for {
		select {
		case <-c.stall:
			return // read no more, and let the buffers fill
		default:
		}
		if !sc.Scan() {
			return
		}
		if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			var m message
			json.Unmarshal([]byte(data), &m)
			select {
			case c.builds <- m.Build:
			default:
			}
		}
	}
}

// await waits for a message of build or later.
func (c *sseClient) await(t testing.TB, build int) {
	t.Helper()
	if err := c.wait(build); err != nil {
		t.Fatal(err)
	}
}

func (c *sseClient) wait(build int) error {
	timeout := time.After(10 * time.Second)
	for {
		select {
		case b := <-c.builds:
			if b >= build {
				return nil
			}
		case <-c.done:
			return fmt.Errorf("the event stream ended before build %d", build)
		case <-timeout:
			return fmt.Errorf("no event for build %d in 10s", build)
		}
	}
}

// edit changes an article and rebuilds, as the watcher would, and
// returns the build browsers are then told of.
func edit(t testing.TB, s *Server, dir string, i int) int {
	t.Helper()
	writeFile(t, dir, "content/soak.txt", article("Soak test", fmt.Sprintf("Edit number %d of the soak test.", i)))
	s.Rebuild([]string{"content/soak.txt"})
	s.mu.RLock()
	defer s.mu.RUnlock()
	if len(s.errors) > 0 {
		t.Fatalf("rebuild %d: %v", i, s.errors)
	}
	return s.build
}

// eventually waits up to d for cond.
func eventually(d time.Duration, cond func() bool) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// TestManyClients connects 200 tabs, rebuilds, and checks each hears of
// it; then 100 vanish: 25 reset, 25 closed, 50 stop reading but keep
// their connection open. The others still hear of the next rebuild at
// once, and the server lets go of the vanished.
func TestManyClients(t *testing.T) {
	dir := newSite(t)
	s := New(dir, builder.Options{}, io.Discard)
	addr := hardServe(t, s, s.HTTPServer())
	edit(t, s, dir, 0)
	before := runtime.NumGoroutine()

	const n = 200
	clients := make([]*sseClient, n)
	t0 := time.Now()
	for i := range clients {
		clients[i] = listen(t, addr)
	}
	t.Logf("%d clients connected in %v", n, time.Since(t0))
	if got := s.Clients(); got != n {
		t.Fatalf("%d clients in the hub, want %d", got, n)
	}

	awaitAll := func(clients []*sseClient, build int) time.Duration {
		t.Helper()
		t0 := time.Now()
		var wg sync.WaitGroup
		for _, c := range clients {
			wg.Go(func() {
				if err := c.wait(build); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		return time.Since(t0)
	}
	t0 = time.Now()
	build := edit(t, s, dir, 1)
	rebuilt := time.Since(t0)
	t.Logf("rebuild %v; all %d clients had the event %v later", rebuilt, n, awaitAll(clients, build))

	for i, c := range clients[:100] {
		switch {
		case i < 25:
			c.conn.(*net.TCPConn).SetLinger(0) // a reset, as when a laptop's network goes
			c.conn.Close()
		case i < 50:
			c.conn.Close()
		default:
			close(c.stall)
		}
	}
	if !eventually(5*time.Second, func() bool { return s.Clients() == n-50 }) {
		t.Errorf("after 50 clients closed, %d in the hub, want %d", s.Clients(), n-50)
	}
	build = edit(t, s, dir, 2)
	t.Logf("after 100 vanished, the other 100 had the event in %v", awaitAll(clients[100:], build))

	// A stalled client whose socket still has room is, to the server, an
	// idle tab, and stays (TestStalledClient fills one) until it goes.
	for _, c := range clients[50:100] {
		c.conn.Close()
	}
	if !eventually(5*time.Second, func() bool { return s.Clients() == n-100 }) {
		t.Errorf("after 100 clients went, %d in the hub, want %d", s.Clients(), n-100)
	}
	build = edit(t, s, dir, 3)
	awaitAll(clients[100:], build)
	for _, c := range clients[100:] {
		c.conn.Close()
	}
	if !eventually(5*time.Second, func() bool { return s.Clients() == 0 && runtime.NumGoroutine() <= before+5 }) {
		t.Errorf("all gone: %d in the hub, %d goroutines, %d before", s.Clients(), runtime.NumGoroutine(), before)
	}
}

// TestStalledClient: a tab that stops reading but keeps its connection
// open (a frozen tab, a sleeping laptop) holds up neither the others nor
// the server's goroutines for long. Messages are made large to fill the
// socket's buffers, which on loopback take megabytes.
func TestStalledClient(t *testing.T) {
	defer func(d time.Duration) { eventWriteTimeout = d }(eventWriteTimeout)
	eventWriteTimeout = 300 * time.Millisecond
	dir := newSite(t)
	s := New(dir, builder.Options{}, io.Discard)
	srv := s.HTTPServer()
	// A stream the hub ended while its socket still had room ends
	// cleanly, and the connection waits for another request: for
	// IdleTimeout.
	srv.IdleTimeout = 300 * time.Millisecond
	var mu sync.Mutex
	closed := 0
	srv.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateClosed {
			mu.Lock()
			closed++
			mu.Unlock()
		}
	}
	addr := hardServe(t, s, srv)
	before := runtime.NumGoroutine()
	live := listen(t, addr)
	var stalled []*sseClient
	for range 5 {
		c := listen(t, addr)
		close(c.stall)
		stalled = append(stalled, c)
	}
	big, _ := json.Marshal(message{Build: -1, Errors: []string{strings.Repeat("x", 256<<10)}})
	for i := 0; s.Clients() > 1; i++ {
		if i == 100 {
			t.Fatalf("after 25 MB of messages, %d clients in the hub, want 1", s.Clients())
		}
		s.hub.send(big)
		live.await(t, -1) // at the pace of a browser that reads
	}
	t0 := time.Now()
	build := edit(t, s, dir, 1)
	live.await(t, build)
	t.Logf("with 5 stalled clients, the live one had the event in %v", time.Since(t0))
	// The server cuts the stalled off: their connections close, and
	// their goroutines end.
	if !eventually(5*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return closed == len(stalled) }) {
		t.Errorf("%d of %d stalled clients' connections closed", closed, len(stalled))
	}
	live.conn.Close()
	if !eventually(5*time.Second, func() bool { return s.Clients() == 0 && runtime.NumGoroutine() <= before }) {
		t.Errorf("%d goroutines, %d before the clients", runtime.NumGoroutine(), before)
	}
}

// TestStreamOutlivesTimeouts: the server's read and write timeouts cut
// slow requests, not the event stream.
func TestStreamOutlivesTimeouts(t *testing.T) {
	dir := newSite(t)
	s := New(dir, builder.Options{}, io.Discard)
	srv := s.HTTPServer()
	srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout = 100*time.Millisecond, 100*time.Millisecond, 100*time.Millisecond
	c := listen(t, hardServe(t, s, srv))
	time.Sleep(500 * time.Millisecond)
	c.await(t, edit(t, s, dir, 1))
	time.Sleep(500 * time.Millisecond)
	c.await(t, edit(t, s, dir, 2))
}

// TestSoak rebuilds 1,000 times with a browser listening and pages being
// read, and checks that neither the heap nor the goroutines grow. The
// heap is measured after 100 rebuilds, when every cache has been filled,
// and after 1,000; the test site is small (a heap of a few MB), so a
// leak of even a kilobyte a rebuild (one old message, one copy of the
// list of files) shows as the 900 KB the bound allows.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 rebuilds")
	}
	dir := newSite(t)
	s := New(dir, builder.Options{}, io.Discard)
	addr := hardServe(t, s, s.HTTPServer())
	c := listen(t, addr)
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var heap100 uint64
	var goroutines100 int
	t0 := time.Now()
	deadline := t0.Add(60 * time.Second)
	for i := 1; i <= 1000; i++ {
		// The browser hears of each rebuild before the next: rebuilds
		// faster than it can take them (eight in a few milliseconds,
		// under load) would have the hub drop it, as it is meant to.
		c.await(t, edit(t, s, dir, i))
		if i%50 == 0 {
			for _, p := range []string{"/repo/", "/repo/2024/06/01/soak-test/", "/repo/timeline.json", "/repo/nowhere/"} {
				if status, _, body, err := rawGet(addr, p, ""); err != nil || status >= 500 || p != "/repo/nowhere/" && !strings.Contains(body, "Soak test") {
					t.Fatalf("rebuild %d: GET %s: %d %v", i, p, status, err)
				}
			}
		}
		if i == 100 {
			heap100, goroutines100 = heap(), runtime.NumGoroutine()
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d rebuilds in %v", i, time.Since(t0))
		}
	}
	heap1000, goroutines1000 := heap(), runtime.NumGoroutine()
	t.Logf("1,000 rebuilds in %v; heap %d KB after 100, %d KB after 1,000; goroutines %d, then %d",
		time.Since(t0).Round(time.Millisecond), heap100>>10, heap1000>>10, goroutines100, goroutines1000)
	if heap1000 > heap100+900<<10 {
		t.Errorf("the heap grew from %d KB to %d KB over 900 rebuilds", heap100>>10, heap1000>>10)
	}
	if goroutines1000 > goroutines100 {
		t.Errorf("goroutines grew from %d to %d over 900 rebuilds", goroutines100, goroutines1000)
	}
	if s.Clients() != 1 {
		t.Errorf("%d clients, want the 1 listening", s.Clients())
	}
}
