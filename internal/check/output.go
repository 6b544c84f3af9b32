package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/emersion/go-ical"
	"golang.org/x/net/html"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/output"
)

// checkOutput checks every file of a built site and returns the number of
// internal links followed.
func checkOutput(files []output.File, problems *diag.List) int {
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	ids := map[string]map[string]bool{} // page → its element ids
	links := 0
	for _, f := range files {
		name := "public/" + f.Path
		var err error
		switch path.Ext(f.Path) {
		case ".html":
			var pageIDs map[string]bool
			pageIDs, err = wellFormed(f.Data)
			ids[f.Path] = pageIDs
		case ".ics":
			_, err = ical.NewDecoder(bytes.NewReader(f.Data)).Decode()
		case ".json":
			if !json.Valid(f.Data) {
				err = errors.New("not valid JSON")
			}
		case ".xml":
			err = xmlWellFormed(f.Data)
		}
		if err != nil {
			problems.Errorf(name, diag.Pos{}, "the generated file is malformed: %v (check the layouts and the content it comes from)", err)
		}
	}
	for _, f := range files {
		if path.Ext(f.Path) == ".html" {
			links += checkLinks(f.Path, f.Data, byPath, ids, problems)
		}
	}
	return links
}

// voids are the HTML elements without an end tag.
var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// wellFormed checks that every element is closed, in order, and collects
// the ids of the page.
func wellFormed(page []byte) (map[string]bool, error) {
	ids := map[string]bool{}
	var stack []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) {
				if len(stack) > 0 {
					return ids, errors.New("<" + stack[len(stack)-1] + "> is never closed")
				}
				return ids, nil
			}
			return ids, z.Err()
		case html.StartTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key == "id" {
					ids[a.Val] = true
				}
			}
			if !voids[tok.Data] {
				stack = append(stack, tok.Data)
			}
		case html.SelfClosingTagToken:
			for _, a := range z.Token().Attr {
				if a.Key == "id" {
					ids[a.Val] = true
				}
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				return ids, errors.New("</" + tok.Data + "> does not close the element that is open")
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

// checkLinks follows every same-site link of a page.
func checkLinks(page string, data []byte, files map[string][]byte, ids map[string]map[string]bool, problems *diag.List) int {
	n := 0
	z := html.NewTokenizer(bytes.NewReader(data))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			if a.Key != "href" && a.Key != "src" {
				continue
			}
			target, frag, ok := resolve(page, a.Val)
			if !ok {
				continue
			}
			n++
			if _, exists := files[target]; !exists {
				problems.Errorf("public/"+page, diag.Pos{}, "broken link %q: public/%s does not exist", a.Val, target)
			} else if frag != "" && ids[target] != nil && !ids[target][frag] {
				problems.Errorf("public/"+page, diag.Pos{}, "broken anchor %q: public/%s has no element with id %q", a.Val, target, frag)
			}
		}
	}
	return n
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
