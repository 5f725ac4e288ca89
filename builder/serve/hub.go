package serve

import (
	"sync"
)

// A hub fans a message out to every connected browser. Each client has a
// small buffer; a client too slow to take a message loses it and is
// dropped, and its browser reconnects and is told where the site stands.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
	closed  bool
}

func newHub() *hub { return &hub{clients: map[chan []byte]struct{}{}} }

// join adds a client; ok is false once the hub is closed.
func (h *hub) join() (c chan []byte, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c = make(chan []byte, 8)
	h.clients[c] = struct{}{}
	return c, true
}

// leave removes a client.
func (h *hub) leave(c chan []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c)
	}
}

// send sends msg to every client.
func (h *hub) send(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
		default:
			delete(h.clients, c)
			close(c)
		}
	}
}

// count returns the number of connected clients.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close disconnects every client and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}
