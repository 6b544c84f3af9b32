package content

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// areaFile loads plans/<plan>/areas/<id>/area.yaml and its texts
// _index.<lang>.md.
func (l *loader) areaFile(name string) bool {
	parts := strings.Split(name, "/")
	if len(parts) != 5 || parts[0] != "plans" || parts[2] != "areas" || !l.known(name) {
		return false
	}
	dir, id := path.Dir(name), parts[3]
	if parts[4] != "area.yaml" {
		l.textFile(name, dir, "_index", areaText)
		return true
	}
	d, root, ok := l.readYAML(name)
	if !ok {
		l.broken[dir] = true
		return true
	}
	if !idPattern.MatchString(id) {
		// About the folder, not a field: point at the file's start, and
		// do not report its texts again as orphans.
		l.problems.Errorf(d.file, diag.Pos{Line: 1, Col: 1}, "the area folder name %q is not a valid id: %s; rename the folder", id, idHint)
		l.broken[dir] = true
		return true
	}
	a := &Area{Plan: parts[1], ID: id, File: d.file}
	fields{d: d, required: []string{"number"}, handlers: map[string]func(ast.Node){
		"number": func(n ast.Node) { a.Number = positive(d, n, "number") },
	}}.decode(root, "area.yaml")
	l.pos[a] = map[string]diag.Pos{"number": d.pos(valueOf(root, "number"))}
	l.areas[dir] = a
	l.site.Areas = append(l.site.Areas, a)
	return true
}

// areaDir is the folder of area id of plan.
func areaDir(plan, id string) string { return path.Join("plans", plan, "areas", id) }

// activityFile loads activities/<dir>/activity.yaml and index.<lang>.md.
func (l *loader) activityFile(name string) bool {
	dir, file, ok := l.split(name, "activities")
	if !ok {
		return false
	}
	if file == "activity.yaml" {
		d, root, ok := l.readYAML(name)
		if !ok {
			l.broken[dir] = true
			return true
		}
		a := &Activity{File: d.file, Facts: decodeFacts(d, root)}
		l.pos[a], a.StatusAt = factPositions(d, root)
		l.acts[dir] = a
		l.site.Activities = append(l.site.Activities, a)
		return true
	}
	t, ok := l.textFile(name, dir, "index", activityText)
	switch {
	case t != nil && t.facts != nil:
		a := &Activity{File: t.File, Facts: t.facts.Facts, StatusAt: t.facts.statusAt}
		l.pos[a] = t.facts.pos
		l.acts[dir] = a
		l.site.Activities = append(l.site.Activities, a)
	case file == "index."+l.site.Config.Default()+".md" && !l.yamlFacts[dir] && (!ok || t != nil):
		l.broken[dir] = true // its facts could not be read, or are missing: already reported
	}
	return true
}

// split returns the folder and file name of a file two levels under top.
func (l *loader) split(name, top string) (dir, file string, ok bool) {
	parts := strings.Split(name, "/")
	if len(parts) != 3 || parts[0] != top || !l.known(name) {
		return "", "", false
	}
	return path.Dir(name), parts[2], true
}

// textFile reads the text file name of the page in folder dir. It returns
// the text, or false if the file was reported unreadable.
func (l *loader) textFile(name, dir, base string, kind textKind) (*Text, bool) {
	lang, ok := l.langOf(name, base)
	if !ok || lang == "" {
		return nil, true
	}
	t, ok := l.readText(name, l.spec(dir, lang, kind))
	if !ok {
		l.failed[path.Join(dir, lang)] = true // reported: not also "missing"
		return nil, false
	}
	if l.texts[dir] == nil {
		l.texts[dir] = Texts{}
	}
	l.texts[dir][lang] = t
	return t, true
}

// valueOf returns the value node of key in a mapping, or the mapping.
func valueOf(root ast.Node, key string) ast.Node {
	var pairs []*ast.MappingValueNode
	switch n := root.(type) {
	case *ast.MappingNode:
		pairs = n.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{n}
	}
	for _, p := range pairs {
		if p.Key.GetToken().Value == key {
			return p.Value
		}
	}
	return root
}

// finish attaches texts to their pages and checks what involves several
// files: plans and references to them, duplicates, orphans and missing
// translations.
func (l *loader) finish() {
	for dir, p := range l.planDirs {
		p.Texts = l.take(dir)
	}
	for dir, a := range l.areas {
		a.Texts = l.take(dir)
	}
	for dir, a := range l.acts {
		a.Texts = l.take(dir)
	}
	for dir, texts := range l.texts {
		if !l.broken[dir] { // else the facts file exists but could not be read; already reported
			l.reportOrphans(dir, texts)
		}
	}
	l.checkPlans()
	l.checkReferences()
	l.checkOutcomeTexts()
	l.checkDuplicates()
	l.sortSite()
	for dir, p := range l.planDirs {
		l.checkTranslations(fmt.Sprintf("plan %q", p.ID), p.File, dir, p.Texts, "_index")
	}
	for dir, a := range l.areas {
		l.checkTranslations(fmt.Sprintf("area %q of plan %q", a.ID, a.Plan), a.File, dir, a.Texts, "_index")
	}
	for dir, a := range l.acts {
		l.checkTranslations(fmt.Sprintf("activity %q", cmp.Or(a.ID, path.Base(dir))), a.File, dir, a.Texts, "index")
	}
}

// reportOrphans reports, once per folder, texts without a facts file.
// Paths in messages go through diag.Name: a folder named with a line
// break must not print a line that looks like another problem.
func (l *loader) reportOrphans(dir string, texts Texts) {
	what := "area.yaml"
	var files []string
	for _, t := range texts {
		files = append(files, t.File)
	}
	slices.Sort(files)
	switch parts := strings.Split(dir, "/"); {
	case parts[0] == "activities":
		def := "index." + l.site.Config.Default() + ".md"
		l.problems.Errorf(files[0], diag.Pos{Line: 1, Col: 1}, "the folder %s has texts but no %s, whose front matter holds the activity's facts (id, plan, area, schedule…): add it (pesnet new writes one), or move the texts to their activity's folder",
			diag.Name(l.show(dir)), def)
		return
	case len(parts) == 2:
		what = "plan.yaml"
	}
	l.problems.Errorf(files[0], diag.Pos{Line: 1, Col: 1}, "the folder %s has texts but no %s: add %s with the facts, or move the texts to their page's folder",
		diag.Name(l.show(dir)), what, diag.Name(l.show(path.Join(dir, what))))
}

func (l *loader) take(dir string) Texts {
	t := l.texts[dir]
	delete(l.texts, dir)
	if t == nil {
		t = Texts{}
	}
	return t
}

func (l *loader) checkDuplicates() {
	byID := map[string]*Activity{}
	byNumber := map[string]*Activity{}
	for _, a := range l.sortedByFile() {
		if a.ID != "" {
			if first := byID[a.ID]; first != nil {
				l.problems.Errorf(a.File, l.pos[a]["id"], "duplicate id %q: %s already uses it; ids must be unique across every plan (they are web addresses and calendar UIDs), so choose another", a.ID, diag.Name(first.File))
			} else {
				byID[a.ID] = a
			}
		}
		key := fmt.Sprintf("%s#%s#%d", a.Plan, a.Area, a.Number)
		if a.Plan == "" || a.Area == "" || a.Number == 0 {
			continue
		}
		if first := byNumber[key]; first != nil {
			l.problems.Errorf(a.File, l.pos[a]["number"], "number %d of area %q of plan %q is already used by %s: renumber one of them", a.Number, a.Area, a.Plan, diag.Name(first.File))
		} else {
			byNumber[key] = a
		}
	}
	areas := slices.Clone(l.site.Areas)
	slices.SortFunc(areas, func(a, b *Area) int { return strings.Compare(a.File, b.File) })
	nums := map[string]*Area{}
	for _, a := range areas {
		key := fmt.Sprintf("%s#%d", a.Plan, a.Number)
		if first := nums[key]; first != nil && a.Number > 0 {
			l.problems.Errorf(a.File, l.pos[a]["number"], "area number %d of plan %q is already used by %s: renumber one of them", a.Number, a.Plan, diag.Name(first.File))
		} else {
			nums[key] = a
		}
	}
}

// sortedByFile returns the activities by file name, so that of two
// duplicates the same one is always reported.
func (l *loader) sortedByFile() []*Activity {
	out := slices.Clone(l.site.Activities)
	slices.SortFunc(out, func(a, b *Activity) int { return strings.Compare(a.File, b.File) })
	return out
}

// checkTranslations requires a text in at least one language and warns for
// each language without one.
func (l *loader) checkTranslations(what, file, dir string, texts Texts, base string) {
	langs := l.site.Config.Languages
	failed := func(lang string) bool { return l.failed[path.Join(dir, lang)] }
	if len(texts) == 0 && !slices.ContainsFunc(langs, failed) {
		l.problems.Errorf(file, diag.Pos{Line: 1, Col: 1}, "%s has no text in any language: add %s.%s.md beside it", what, base, langs[0])
		return
	}
	for _, lang := range langs {
		if texts[lang] == nil && !failed(lang) {
			l.problems.Warnf(file, diag.Pos{Line: 1, Col: 1}, "%s has no %q text: its page shows another language's text with a notice until %s.%s.md is added", what, lang, base, lang)
		}
	}
}
