package serve

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"

	"github.com/oic-pesnet/workplan/internal/netlify"
)

//go:embed live.js
var liveJS []byte

// liveVersion names the live.js of this pesnet: the tag's URL carries it,
// so that a tab caches the script for good and a new pesnet's script has
// another URL.
func liveVersion() string {
	sum := sha256.Sum256(liveJS)
	return hex.EncodeToString(sum[:6])
}

// liveTag is the element that loads live.js in a served page.
func liveTag() string {
	return `<script src="/__pesnet/live.js?v=` + liveVersion() + `" defer></script>`
}

// immutable is the Cache-Control of what a tab may keep without asking
// again, as Netlify serves the fingerprinted assets.
const immutable = "public, max-age=31536000, immutable"

// ServeHTTP serves the last good site as Netlify would, to requests that
// name a loopback host.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !loopbackHost(r.Host) {
		http.Error(w, "pesnet serve answers only to http://127.0.0.1, http://localhost and http://[::1] (with the port): this request names another host, as a web page using DNS rebinding to read the preview would", http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case "/__pesnet/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		if r.URL.RawQuery == "v="+liveVersion() {
			w.Header().Set("Cache-Control", immutable)
		} else {
			w.Header().Set("Cache-Control", "no-store")
		}
		_, _ = w.Write(liveJS)
		return
	case "/__pesnet/events":
		s.events(w, r)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
		p += "/"
	}
	// The fast path (fast.go) replaces files of s.site in place: look them
	// up with the lock held.
	s.mu.RLock()
	site, rules, problems := s.site, s.rules, s.problems
	var a netlify.Answer
	var file *stored
	found := false
	if site != nil {
		a = rules.Answer(p, r.Header.Get("Accept-Language"), func(name string) bool {
			_, ok := site[name]
			return ok
		})
		file, found = site[a.File]
	}
	s.mu.RUnlock()
	if site == nil {
		s.failurePage(w, problems)
		return
	}
	if a.Redirected() {
		http.Redirect(w, r, a.Location, a.Status)
		return
	}
	if !found {
		http.NotFound(w, r)
		return
	}
	s.write(w, r, a.File, a.Status, file, rules.HeadersFor(a.Path))
}

// write sends a served file: compressed as stored to a client that takes
// gzip, but an HTML page, which gets the live-reload script.
func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, status int, file *stored, headers map[string]string) {
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	for k, v := range headers {
		w.Header().Set(k, v)
	}
	// A preview is never cached, except the files netlify.toml caches as
	// immutable (the fingerprinted assets, whose names change with their
	// bytes): a reload after an edit then asks for the page alone.
	if !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.Header().Add("Vary", "Accept-Encoding")
	if path.Ext(name) != ".html" && !file.plain && acceptsGzip(r) {
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(status)
		_, _ = w.Write(file.gz)
		return
	}
	data := file.bytes()
	if path.Ext(name) == ".html" {
		data = inject(data)
	}
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// acceptsGzip reports whether r's Accept-Encoding takes gzip (and does not
// refuse it with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") && strings.TrimSpace(coding) != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// loopbackHost reports whether host, the request's Host header, names this
// machine's loopback interface, with or without a port. The server listens
// on 127.0.0.1 only, but a web page can still reach it through DNS
// rebinding (its own host name, resolved to 127.0.0.1); the Host header
// then carries that name, and the request is refused.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	} else {
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	}
	switch strings.ToLower(host) {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}

// inject adds the live-reload script to an HTML page.
func inject(page []byte) []byte {
	if i := bytes.Index(page, []byte("</head>")); i >= 0 {
		return append(page[:i:i], append([]byte(liveTag()), page[i:]...)...)
	}
	return append(page[:len(page):len(page)], []byte(liveTag())...)
}

// events streams build results to a tab (server-sent events).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 4)
	s.mu.Lock()
	s.clients[c] = struct{}{}
	current := event{Version: s.version, Problems: s.problems}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	send := func(ev event) {
		data, _ := json.Marshal(ev)
		fmt.Fprintf(w, "data: %s\n\n", data)
		flusher.Flush()
	}
	send(current)
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			send(ev)
		}
	}
}

var failureTmpl = template.Must(template.New("failure").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed · pesnet serve</title>{{.Live}}</head>
<body><main><h1>The site could not be built</h1><p>Fix these problems; this page reloads by itself.</p>
<ul>{{range .Problems}}<li><code>{{.}}</code></li>{{end}}</ul></main></body></html>`))

// failurePage is shown when no build has succeeded yet.
func (s *Server) failurePage(w http.ResponseWriter, problems []string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	_ = failureTmpl.Execute(w, struct {
		Live     template.HTML
		Problems []string
	}{template.HTML(liveTag()), problems})
}
