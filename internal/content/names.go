package content

import (
	"path"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

// markdownExts are the extensions editors give Markdown files. Only ".md"
// is the layout's; the others are recognised so that the message can say
// which name to use (Windows editors add ".txt" to names they save).
var markdownExts = map[string]bool{"md": true, "markdown": true, "mdown": true, "mkd": true, "mkdn": true, "txt": true, "md.txt": true}

// textName splits a text file's name, <base>.<lang>.<ext>, as written.
func textName(file, base string) (lang, ext string, ok bool) {
	rest, ok := strings.CutPrefix(file, base+".")
	if !ok {
		return "", "", false
	}
	lang, ext, ok = strings.Cut(rest, ".")
	return lang, ext, ok && lang != "" && markdownExts[strings.ToLower(ext)]
}

// langOf returns the language of a text file named <base>.<lang>.md. For
// any other file it returns false. A name that is close (a language in
// capitals, another extension) or names a language the site does not
// publish is reported and gives ""; the language a close name was meant
// for is marked failed, so that its page is not also said to lack it.
func (l *loader) langOf(name, base string) (string, bool) {
	file := path.Base(name)
	lang, _, ok := textName(file, base)
	if !ok {
		return "", false
	}
	lower := strings.ToLower(lang)
	langs := l.site.Config.Languages
	want := base + "." + lower + ".md"
	switch {
	case !slices.Contains(langs, lower):
		l.problems.Errorf(l.show(name), diag.Pos{Line: 1, Col: 1}, "unknown language %q in the file name: this site publishes %s (the languages of %s); rename the file %s%s",
			lang, strings.Join(langs, ", "), l.show("site.yaml"), orList(textNames(base, langs)), addLanguage(lower, l.show("site.yaml")))
	case file != want:
		l.failed[path.Join(path.Dir(name), lower)] = true
		l.problems.Errorf(l.show(name), diag.Pos{Line: 1, Col: 1}, "rename the file to %s: %s", want, nameRule(lang, lower, file, want))
	default:
		return lang, true
	}
	return "", true
}

func textNames(base string, langs []string) []string {
	out := make([]string, len(langs))
	for i, lang := range langs {
		out[i] = base + "." + lang + ".md"
	}
	return out
}

func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func addLanguage(lang, siteFile string) string {
	if !l10n.ValidLanguage(lang) {
		return ""
	}
	return ", or add " + lang + " to the languages of " + siteFile
}

func nameRule(lang, lower, file, want string) string {
	if lang != lower && strings.HasSuffix(file, ".md") {
		return "language codes in file names are in lowercase"
	}
	if lang != lower {
		return "language codes in file names are in lowercase, and text files end in .md"
	}
	return "text files end in .md"
}

// known reports whether a path is one of the layout's files, or a text
// file whose name langOf explains.
func (l *loader) known(name string) bool {
	parts := strings.Split(name, "/")
	file := parts[len(parts)-1]
	isText := func(base string) bool { _, _, ok := textName(file, base); return ok }
	switch {
	case len(parts) == 1:
		return file == "site.yaml"
	case len(parts) == 3 && parts[0] == "plans":
		return file == "plan.yaml" || isText("_index")
	case len(parts) == 5 && parts[0] == "plans" && parts[2] == "areas":
		return file == "area.yaml" || isText("_index")
	case len(parts) == 3 && parts[0] == "activities":
		return file == "activity.yaml" || isText("index")
	}
	return false
}
