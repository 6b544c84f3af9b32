package build

import (
	"fmt"

	"github.com/oic-pesnet/workplan/internal/content"
)

// Remaker makes files of a finished build again, from the build's own
// loaded content: after an edit that Site.ReplaceBody took in place, the
// files that show the edited text come out as a full build of the edited
// project would make them (the preview server's fast path). It keeps
// every job of the build, which hold the build's content, layouts and
// strings. It is not safe for concurrent use.
type Remaker struct {
	// Site is the loaded content the build's jobs read.
	Site  *content.Site
	tasks map[string]task
}

// Remake makes file p (a path of the build's output) again, minified as
// the build made it.
func (r *Remaker) Remake(p string) ([]byte, error) {
	t, ok := r.tasks[p]
	if !ok {
		return nil, fmt.Errorf("%s is not a file of this build", p)
	}
	return make1(t, newMinifier())
}
