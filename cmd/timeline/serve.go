package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"
	"time"

	"timeline/builder"
	"timeline/builder/serve"
)

const serveHelp = `Usage: timeline serve [flags]

Serve builds the site, serves it at a local address under the site's base
path (a site published at https://owner.github.io/repo/ is previewed at
http://127.0.0.1:1313/repo/), and keeps watching site.toml, content/,
templates/ and static/. Save a file and the open page shows the change: the
rebuild renders only what the change touched, and the page reloads itself.
While a file is broken, its error is printed here and shown over the last
good page in the browser; fixing it brings the page back. Nothing is written
to public/. Stop with Ctrl-C.
`

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flags("serve", serveHelp, stderr)
	dir := fs.String("dir", ".", "the site folder, with site.toml, content/ and templates/")
	port := fs.Int("port", 1313, "the port to serve on; 0 picks a free one")
	bind := fs.String("bind", "127.0.0.1", "the address to serve on; anything but loopback exposes drafts to the network")
	poll := fs.Duration("poll", 0, "scan for changes this often (1s, say) instead of asking the system: for network and container file systems")
	drafts := fs.Bool("drafts", false, "show articles marked draft = true too")
	future := fs.Bool("future", false, "show articles dated after today too")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "timeline serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "timeline serve: %v\n", err)
		return 1
	}
	if err := runServer(ctx, ln, *dir, *poll, builder.Options{Drafts: *drafts, Future: *future}, stdout); err != nil {
		fmt.Fprintf(stderr, "timeline serve: %v\n", err)
		return 1
	}
	return 0
}

// runServer serves the site folder dir on ln until ctx is done.
func runServer(ctx context.Context, ln net.Listener, dir string, poll time.Duration, opts builder.Options, log io.Writer) error {
	log = &syncWriter{w: log}
	s := serve.New(dir, opts, log)
	addr := ln.Addr().(*net.TCPAddr)
	fmt.Fprintf(log, "serving http://%s%s (press Ctrl-C to stop)\n", addr, s.BasePath())
	if !addr.IP.IsLoopback() {
		fmt.Fprintf(log, "WARNING: serving on %s, which other machines can reach; use --bind 127.0.0.1 to keep the preview to yourself\n", addr.IP)
	}
	srv := s.HTTPServer()
	w := &serve.Watcher{Dir: dir, Rebuild: s.Rebuild, Log: log, Poll: poll}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 2)
	go func() { errc <- w.Run(ctx) }()
	go func() { errc <- srv.Serve(ln) }()
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	cancel()
	s.Close() // ends the event streams, which Shutdown would wait for
	shutdown, done := context.WithTimeout(context.Background(), 2*time.Second)
	defer done()
	srv.Shutdown(shutdown)
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	fmt.Fprintln(log, "stopped")
	return err
}

// syncWriter serializes writes from the server's goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
