package netlify

import "strings"

// Answer is what Netlify's CDN does with a request for a path: redirect it
// (Location set), or serve a file of the publish folder with a status.
type Answer struct {
	Status   int
	Location string    // a redirect's destination, else ""
	Path     string    // the path served (a rewrite's target): its headers apply
	File     string    // the file served, relative to the publish folder
	Rule     *Redirect // the rule that decided, nil when none did
}

// Redirected reports whether a sends the client elsewhere.
func (a Answer) Redirected() bool { return a.Location != "" }

// Answer applies the rules to a request for path (cleaned, starting with
// "/"), given its Accept-Language and which files the publish folder holds,
// in Netlify's order: a folder asked for without its final slash redirects
// to it (301); then the first rule that applies (a forced one even where a
// file exists); else the file at path, which may not exist (Status 404,
// File the missing file).
func (c *Config) Answer(path, acceptLanguage string, exists func(file string) bool) Answer {
	file := FileOf(path)
	found := exists(file)
	if !found && !strings.HasSuffix(path, "/") && exists(FileOf(path+"/")) {
		return Answer{Status: 301, Location: path + "/"}
	}
	m := c.Redirect(path, acceptLanguage, found)
	switch {
	case m == nil && found:
		return Answer{Status: 200, Path: path, File: file}
	case m == nil:
		return Answer{Status: 404, Path: path, File: file}
	case redirects(m.Status):
		return Answer{Status: m.Status, Location: m.Target, Rule: m.Rule}
	}
	return Answer{Status: m.Status, Path: m.Target, File: FileOf(m.Target), Rule: m.Rule}
}

// FileOf maps a URL path to the file that serves it: "/fr/" is
// "fr/index.html", "/embed.js" is "embed.js".
func FileOf(path string) string {
	if strings.HasSuffix(path, "/") {
		path += "index.html"
	}
	return strings.TrimPrefix(path, "/")
}
