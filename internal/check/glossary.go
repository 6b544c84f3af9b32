package check

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/glossary"
	"github.com/oic-pesnet/workplan/internal/srcfs"
)

// GlossaryFile is the network's glossary (package glossary): its terms in
// each language and the forms to avoid.
const GlossaryFile = "i18n/glossary.toml"

// terms warns wherever a page's text or an interface string uses a form
// the glossary lists as to avoid in its language, at the occurrence's
// file:line:col, with the form to write instead. Texts are read as written
// (front matter and body alike, so that the position is the editor's),
// leaving out comments, whole lines or ends of lines: a YAML comment of the
// front matter (such as the one `pesnet new` writes after "unreviewed:
// true"), a TOML comment of the interface strings. A project without a
// glossary has nothing to follow; a glossary that cannot be read is an
// error.
func terms(project fs.FS, site *content.Site, pages []page, problems *diag.List) {
	data, err := srcfs.ReadFile(project, GlossaryFile, srcfs.MaxTextSize)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		problems.Errorf(GlossaryFile, diag.Pos{}, "%s", srcfs.Reason(err))
		return
	}
	g, p := glossary.Parse(GlossaryFile, data)
	problems.Merge(p)
	if g == nil {
		return
	}
	for _, pg := range pages {
		for _, lang := range slices.Sorted(maps.Keys(pg.texts)) {
			t := pg.texts[lang]
			scan(project, g, t.File, lang, func(i int) bool { return i+1 < t.BodyLine }, problems)
		}
	}
	for _, lang := range site.Config.Languages {
		scan(project, g, path.Join("i18n", lang+".toml"), lang, func(int) bool { return true }, problems)
	}
}

// scan reports the forms to avoid in file, a text in lang, leaving out the
// comments of the lines that may hold some (commented, i counting from 0).
// A file that cannot be read is left to the build, which reports it.
func scan(project fs.FS, g *glossary.Glossary, file, lang string, commented func(i int) bool, problems *diag.List) {
	data, err := srcfs.ReadFile(project, file, srcfs.MaxTextSize)
	if err != nil {
		return
	}
	text := blank(data, commented)
	for _, m := range g.Find(lang, string(text)) {
		problems.Warnf(file, glossary.Pos(data, m.Start), "%s", m.Message(GlossaryFile))
	}
}

// blank returns a copy of data whose comments, on the lines commented
// names, are replaced by spaces, so that offsets stay those of data.
func blank(data []byte, commented func(i int) bool) []byte {
	out := bytes.Clone(data)
	start := 0
	for i := 0; start < len(out); i++ {
		end := bytes.IndexByte(out[start:], '\n')
		if end < 0 {
			end = len(out) - start
		}
		if line := out[start : start+end]; commented(i) {
			for j := comment(line); j < len(line); j++ {
				line[j] = ' '
			}
		}
		start += end + 1
	}
	return out
}

// comment returns where the comment of a YAML or TOML line starts (len(line)
// if none): a # at the start of the line or after a space, outside quotes.
func comment(line []byte) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case quote == '"' && c == '\\':
			i++ // an escaped character, such as \"
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i
		}
	}
	return len(line)
}
