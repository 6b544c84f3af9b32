package netlify

// HeaderMatches exposes a header rule's compiled pattern to the tests of
// package netlify_test, which build the fixture site (package build
// imports this package, so those tests cannot live in package netlify).
func HeaderMatches(h Header, path string) bool { return h.re.MatchString(path) }
