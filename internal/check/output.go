package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/emersion/go-ical"
	"golang.org/x/net/html"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/output"
)

// checkOutput checks every file of a built site and returns the number of
// internal links followed.
func checkOutput(files []output.File, problems *diag.List) int {
	c := newOutputChecker()
	for _, f := range files {
		c.visit(f.Path, f.Data)
	}
	return c.finish(problems)
}

// outputChecker checks the files of a build as they are made (visit, from
// any goroutine), then their links once every file is known (finish). It
// keeps what the links need, not the files: every path, each page's
// element ids and each page's links, so that checking a large catalog
// does not hold its whole site in memory.
type outputChecker struct {
	mu        sync.Mutex
	files     map[string]bool
	ids       map[string]map[string]bool // page → its element ids
	links     map[string][]string        // page → the href and src values of its tags
	values    map[string]string          // one copy of each link value, shared by the pages
	malformed *diag.List
}

func newOutputChecker() *outputChecker {
	return &outputChecker{files: map[string]bool{}, ids: map[string]map[string]bool{}, links: map[string][]string{},
		values: map[string]string{}, malformed: &diag.List{}}
}

// visit checks one file's form and records its ids and links.
func (c *outputChecker) visit(p string, data []byte) {
	var err error
	var page *parsedPage
	switch path.Ext(p) {
	case ".html":
		page, err = parsePage(data)
	case ".ics":
		_, err = ical.NewDecoder(bytes.NewReader(data)).Decode()
	case ".json":
		if !json.Valid(data) {
			err = errors.New("not valid JSON")
		}
	case ".xml":
		err = xmlWellFormed(data)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[p] = true
	if page != nil {
		c.ids[p] = page.ids
		for i, v := range page.links {
			if kept, ok := c.values[v]; ok {
				page.links[i] = kept
			} else {
				c.values[v] = v
			}
		}
		c.links[p] = page.links
	}
	if err != nil {
		c.malformed.Errorf("public/"+p, diag.Pos{}, "the generated file is malformed: %v (check the layouts and the content it comes from)", err)
	}
}

// finish reports the malformed files and the broken links and anchors,
// and returns the number of internal links followed.
func (c *outputChecker) finish(problems *diag.List) int {
	problems.Merge(c.malformed)
	n := 0
	for _, page := range slices.Sorted(maps.Keys(c.links)) {
		for _, v := range c.links[page] {
			target, frag, ok := resolve(page, v)
			if !ok {
				continue
			}
			n++
			if !c.files[target] {
				problems.Errorf("public/"+page, diag.Pos{}, "broken link %q: public/%s does not exist", v, target)
			} else if frag != "" && c.ids[target] != nil && !c.ids[target][frag] {
				problems.Errorf("public/"+page, diag.Pos{}, "broken anchor %q: public/%s has no element with id %q", v, target, frag)
			}
		}
	}
	return n
}

// voids are the HTML elements without an end tag.
var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// parsedPage is what the link check needs of an HTML page.
type parsedPage struct {
	ids   map[string]bool
	links []string // the href and src values of its tags, in order
}

// parsePage checks that every element is closed, in order, and collects
// the page's ids and links (all of them: a page that is not well-formed
// still has its links checked).
func parsePage(data []byte) (*parsedPage, error) {
	page := &parsedPage{ids: map[string]bool{}}
	var stack []string
	var malformed error
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				return page, z.Err()
			}
			if malformed == nil && len(stack) > 0 {
				malformed = errors.New("<" + stack[len(stack)-1] + "> is never closed")
			}
			return page, malformed
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				switch a.Key {
				case "id":
					page.ids[a.Val] = true
				case "href", "src":
					page.links = append(page.links, a.Val)
				}
			}
			if tt == html.StartTagToken && !voids[tok.Data] {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				if malformed == nil {
					malformed = errors.New("</" + tok.Data + "> does not close the element that is open")
				}
				continue
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func xmlWellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := d.Token(); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// resolve turns a link of page into an output path and fragment; ok is
// false for links that leave the site.
func resolve(page, ref string) (target, frag string, ok bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", false
	}
	p := u.Path
	switch {
	case p == "":
		return page, u.Fragment, true
	case !strings.HasPrefix(p, "/"):
		p = path.Join("/"+path.Dir(page), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return strings.TrimPrefix(path.Clean(p), "/"), u.Fragment, true
}
