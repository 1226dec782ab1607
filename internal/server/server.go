// Package server is sahifa's development server: it serves a site built
// into memory, injects a live-reload script into the HTML it serves (and
// only there: the built files never carry it), and tells the browsers over
// Server-Sent Events what each build changed, or why it failed.
package server

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/i18n"
	"github.com/sahifa/sahifa/internal/output"
)

//go:embed live.js
var liveJS []byte

// Server serves the newest good build of a site and streams build events
// to the browsers showing it. Create it with New; it is an http.Handler,
// safe for concurrent use. The builder calls Publish after each good
// build and Fail after each failed one, from one goroutine at a time.
type Server struct {
	update   sync.Mutex // one Publish or Fail at a time
	instance string     // differs between runs, so pages reload after a restart
	ping     time.Duration
	hosts    Hosts     // the Host and Origin headers answered
	lang     i18n.Lang // of the overlay and the page before a good build

	mu      sync.RWMutex
	site    *output.Memory
	gen     int       // good builds so far
	failure []Problem // why the last build failed; nil after a good one
	subs    map[chan []byte]struct{}
	closed  bool
}

// Option configures a Server.
type Option func(*Server)

// WithPing sets how often an idle event stream gets a comment, so proxies
// and browsers keep it open (default 15 s).
func WithPing(d time.Duration) Option { return func(s *Server) { s.ping = d } }

// WithHosts sets the Host and Origin headers the server answers (default:
// the loopback addresses only); others get 403.
func WithHosts(h Hosts) Option { return func(s *Server) { s.hosts = h } }

// WithLang sets the language of the error overlay's headings and of the
// page shown before the first good build (default English).
func WithLang(l i18n.Lang) Option { return func(s *Server) { s.lang = l } }

// New returns a Server with nothing to serve yet: until the first Publish,
// pages answer 503.
func New(opts ...Option) *Server {
	var b [6]byte
	_, _ = rand.Read(b[:])
	s := &Server{instance: hex.EncodeToString(b[:]), ping: 15 * time.Second, subs: map[chan []byte]struct{}{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Problem is one build error as the overlay shows it.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
	Text    string `json:"text"` // "file:line:col: message", as the terminal prints it
}

// Problems splits a build error into its leaves (errors.Join trees), with
// the position of each that has one.
func Problems(err error) []Problem {
	var out []Problem
	for _, e := range diag.Flatten(err) {
		p := Problem{Message: e.Error(), Text: e.Error()}
		var se *diag.SourceError
		if errors.As(e, &se) {
			p.File, p.Line, p.Col, p.Message = se.Path, se.Line, se.Col, se.Err.Error()
		}
		out = append(out, p)
	}
	return out
}

// Publish makes site the one served (it must not change afterwards), tells
// the browsers what changed since the previous good build, and removes any
// error overlay. It returns the change.
func (s *Server) Publish(site *output.Memory) Change {
	return s.publish(site, func(old *output.Memory) Change { return Diff(old, site) })
}

// PublishAt is Publish for a site that differs from the one published
// before at most at the paths changed (a rebuild of part of the site):
// only those are compared (DiffAt).
func (s *Server) PublishAt(site *output.Memory, changed []string) Change {
	return s.publish(site, func(old *output.Memory) Change { return DiffAt(old, site, changed) })
}

// publish makes site the one served, with diff telling what changed
// since old.
func (s *Server) publish(site *output.Memory, diff func(old *output.Memory) Change) Change {
	s.update.Lock()
	defer s.update.Unlock()
	s.mu.RLock()
	old := s.site
	s.mu.RUnlock()
	change := diff(old) // outside the lock: requests go on meanwhile

	s.mu.Lock()
	defer s.mu.Unlock()
	s.site, s.failure = site, nil
	s.gen++
	ev := struct {
		Build string `json:"build"`
		Change
	}{s.buildID(), change}
	if len(ev.Pages) > 1000 {
		// Every page changed, as after a template or config edit: say so
		// briefly.
		ev.Pages, ev.All = nil, true
	}
	ev.Files = nil // only for the caller
	s.broadcast(frame("build", ev))
	return change
}

// Fail shows err in the browsers (and on pages opened later) until the next
// Publish; the last good build stays served.
func (s *Server) Fail(err error) {
	s.update.Lock()
	defer s.update.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failure = Problems(err)
	if s.failure == nil {
		s.failure = []Problem{}
	}
	s.broadcast(s.failureFrame())
}

// Close ends the event streams, so that http.Server.Shutdown, which waits
// for open requests, can finish.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for ch := range s.subs {
		close(ch)
		delete(s.subs, ch)
	}
}

func (s *Server) buildID() string { return s.instance + "-" + strconv.Itoa(s.gen) }

func (s *Server) failureFrame() []byte {
	return frame("failure", struct {
		Build  string       `json:"build"`
		Errors []Problem    `json:"errors"`
		Texts  OverlayTexts `json:"texts"`
	}{s.buildID(), s.failure, overlayTexts(s.lang)})
}

// OverlayTexts are the words of the error overlay around the errors, in
// the server's language; the script shows them as given.
type OverlayTexts struct {
	Lang  string `json:"lang"`
	Dir   string `json:"dir"`
	Title string `json:"title"`
	Hint  string `json:"hint"`
	Hide  string `json:"hide"`
}

func overlayTexts(l i18n.Lang) OverlayTexts {
	return OverlayTexts{Lang: l.String(), Dir: dir(l), Title: l.Sprintf(i18n.OverlayTitle),
		Hint: l.Sprintf(i18n.OverlayHint), Hide: l.Sprintf(i18n.OverlayHide)}
}

func dir(l i18n.Lang) string {
	if l == i18n.Arabic {
		return "rtl"
	}
	return "ltr"
}

// broadcast sends an event to every stream; a stream too slow to take it
// is closed, and its page, reconnecting, sees a build it missed and
// reloads. Call with s.mu held.
func (s *Server) broadcast(f []byte) {
	for ch := range s.subs {
		select {
		case ch <- f:
		default:
			close(ch)
			delete(s.subs, ch)
		}
	}
}

// subscribe opens a stream, returning its channel and the events a new
// page needs first: the current build, and the current failure if any.
func (s *Server) subscribe() (chan []byte, [][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan []byte, 16)
	if s.closed {
		close(ch)
		return ch, nil
	}
	s.subs[ch] = struct{}{}
	first := [][]byte{frame("hello", struct {
		Build  string `json:"build"`
		Failed bool   `json:"failed"`
	}{s.buildID(), s.failure != nil})}
	if s.failure != nil {
		first = append(first, s.failureFrame())
	}
	return ch, first
}

func (s *Server) unsubscribe(ch chan []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.subs[ch]; ok {
		close(ch)
		delete(s.subs, ch)
	}
}

func frame(event string, data any) []byte {
	j, err := json.Marshal(data)
	if err != nil {
		panic(err) // only our own plain structs get here
	}
	return []byte("event: " + event + "\ndata: " + string(j) + "\n\n")
}

// ServeHTTP serves the site, the live-reload script and the event stream,
// to requests whose Host and Origin the server answers (see Hosts).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store") // a reload always shows the newest build
	h.Set("X-Content-Type-Options", "nosniff")
	// Before anything else, so that no answer (a page, the event stream,
	// an error or a 404) reaches a name the user did not choose.
	if err := s.refusal(r); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, ok := sitePath(r.URL.EscapedPath())
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	switch {
	case "/"+p == ScriptPath:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(liveJS)))
		if r.Method == http.MethodGet {
			w.Write(liveJS)
		}
		return
	case "/"+p == EventsPath:
		s.events(w, r)
		return
	case strings.HasPrefix("/"+p, Reserved):
		http.NotFound(w, r)
		return
	}

	s.mu.RLock()
	site, build := s.site, s.buildID()
	s.mu.RUnlock()
	if site == nil {
		// The first build failed (or is not done): a page that shows the
		// overlay now and reloads after the first good build.
		s.send(w, r, output.File{MediaType: "text/html", Data: noSitePage(s.lang)}, http.StatusServiceUnavailable, nil, build)
		return
	}
	file := p
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if f, ok := site.Get(file); ok {
		s.send(w, r, f, http.StatusOK, []string{file}, build)
		return
	}
	if _, ok := site.Get(file + "/index.html"); ok {
		// A folder asked for without its slash: relative links in the
		// page need it. 302, as a later build may turn it into a file.
		loc := (&url.URL{Path: "/" + p + "/", RawQuery: r.URL.RawQuery}).String()
		http.Redirect(w, r, loc, http.StatusFound)
		return
	}
	// The page reloads when the missing page appears, or 404.html changes.
	watch := []string{file, file + "/index.html", "404.html"}
	if f, ok := site.Get("404.html"); ok {
		s.send(w, r, f, http.StatusNotFound, watch, build)
		return
	}
	s.send(w, r, output.File{Path: "404.html", MediaType: "text/html", Data: []byte("<!doctype html><title>404</title><p>404 page not found</p>")}, http.StatusNotFound, watch, build)
}

// refusal is why r is not answered, or nil. The port compared is the one
// the request arrived on: the server's own, whatever it was asked to bind.
func (s *Server) refusal(r *http.Request) error {
	port := 0
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if ap, err := netip.ParseAddrPort(a.String()); err == nil {
			port = int(ap.Port())
		}
	}
	if err := s.hosts.CheckHost(r.Host, port); err != nil {
		return err
	}
	return s.hosts.CheckOrigin(r.Header.Get("Origin"), port)
}

// noSitePage is the page served before the first good build: it shows
// the overlay now and reloads after the first good build.
func noSitePage(l i18n.Lang) []byte {
	return []byte(`<!doctype html><html lang="` + l.String() + `" dir="` + dir(l) + `"><meta charset="utf-8"><title>sahifa</title>` +
		`<body><p>` + html.EscapeString(l.Sprintf(i18n.NoGoodBuild)) + `</p></body></html>`)
}

// send writes a site file, with the live-reload script injected into HTML.
func (s *Server) send(w http.ResponseWriter, r *http.Request, f output.File, status int, paths []string, build string) {
	data := f.Data
	if f.MediaType == "text/html" {
		data = Inject(data, ScriptTag(paths, build))
	}
	h := w.Header()
	h.Set("Content-Type", ContentType(f.MediaType))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// ContentType adds "; charset=utf-8" to the media types of text (sahifa
// writes all text as UTF-8), so no browser guesses the encoding of Arabic.
func ContentType(mediaType string) string {
	if mediaType == "" {
		return "application/octet-stream"
	}
	if strings.Contains(mediaType, ";") {
		return mediaType
	}
	if strings.HasPrefix(mediaType, "text/") || strings.HasSuffix(mediaType, "+xml") || strings.HasSuffix(mediaType, "+json") {
		return mediaType + "; charset=utf-8"
	}
	switch mediaType {
	case "application/json", "application/xml", "application/javascript", "application/manifest+json":
		return mediaType + "; charset=utf-8"
	}
	return mediaType
}

// sitePath decodes the escaped path of a request into a site path without
// its leading slash. It refuses what could name something outside the
// site, or something else than it seems: "." and ".." segments (also as
// %2e), encoded slashes and backslashes, NUL, and bytes that are not UTF-8.
// Arabic letters, percent-encoded, decode as they should.
func sitePath(escaped string) (string, bool) {
	if !strings.HasPrefix(escaped, "/") {
		return "", false
	}
	lower := strings.ToLower(escaped)
	for _, bad := range []string{"%2f", "%5c", "%00"} {
		if strings.Contains(lower, bad) {
			return "", false
		}
	}
	p, err := url.PathUnescape(escaped)
	if err != nil || !utf8.ValidString(p) || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	p = p[1:]
	if strings.HasPrefix(p, "/") {
		return "", false // "//host/…" would read as another host in a redirect
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	return p, true
}

// events streams build events to one page.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	ch, first := s.subscribe()
	defer s.unsubscribe(ch)
	w.WriteHeader(http.StatusOK)
	// Reconnect soon after the server went away (a restart).
	if _, err := io.WriteString(w, "retry: 500\n\n"); err != nil {
		return
	}
	for _, f := range first {
		if _, err := w.Write(f); err != nil {
			return
		}
	}
	if err := rc.Flush(); err != nil {
		return
	}
	ping := time.NewTicker(s.ping)
	defer ping.Stop()
	for {
		var f []byte
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			f = []byte(": ping\n\n")
		case ev, ok := <-ch:
			if !ok {
				return
			}
			f = ev
		}
		if _, err := w.Write(f); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// String describes the server's state, for debugging.
func (s *Server) String() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := 0
	if s.site != nil {
		n = s.site.Len()
	}
	return fmt.Sprintf("build %s, %d files, %d streams, failed=%v", s.buildID(), n, len(s.subs), s.failure != nil)
}
