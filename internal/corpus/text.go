package corpus

import "strings"

// bodySize is the size in bytes a generated activity description reaches
// (give or take a sentence): the work plan's descriptions are 1–2 KB.
const bodySize = 2048

// activityText generates an activity's text in lang.
func (g *generator) activityText(lang, typ string, t topic) Text {
	name := t.name.in(lang)
	return Text{
		Title:   typeNames[typ].in(lang) + " " + name + " " + pick(g, audiences).in(lang),
		Summary: strings.ReplaceAll(labels.summary.in(lang), "%s", name),
		Body:    g.body(lang, name),
	}
}

// body generates a Markdown description of about bodySize bytes: an
// introduction, a list of objectives, a paragraph with emphasis and a
// link, and closing paragraphs.
func (g *generator) body(lang, topic string) string {
	var b strings.Builder
	d := &deck{g: g}
	d.paragraph(&b, lang, topic, 3)
	b.WriteString("**" + labels.objectives.in(lang) + "**\n\n")
	for _, k := range g.rnd.Perm(len(points))[:4] {
		b.WriteString("- " + points[k].in(lang) + "\n")
	}
	b.WriteString("\n")
	l := pick(g, links)
	b.WriteString("*" + d.sentence(lang, topic) + "* " + labels.more.in(lang) + " [" + l.text.in(lang) + "](" + l.url + ").\n\n")
	for b.Len() < bodySize {
		d.paragraph(&b, lang, topic, 2+g.rnd.IntN(2))
	}
	return b.String()
}

// deck deals the sentences of a body in a random order, each once before
// any repeats, so that a description does not say the same thing twice in
// a row.
type deck struct {
	g     *generator
	order []int
}

// paragraph writes n sentences and a blank line.
func (d *deck) paragraph(b *strings.Builder, lang, topic string, n int) {
	for i := range n {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(d.sentence(lang, topic))
	}
	b.WriteString("\n\n")
}

// sentence deals the next sentence, about topic.
func (d *deck) sentence(lang, topic string) string {
	if len(d.order) == 0 {
		d.order = d.g.rnd.Perm(len(sentences))
	}
	s := sentences[d.order[0]]
	d.order = d.order[1:]
	return strings.ReplaceAll(s.in(lang), "%s", topic)
}

// home is the home page text per language.
var home = map[string]Text{
	"fr": {Title: "Catalogue des activités", Summary: "Un catalogue généré pour mesurer le générateur du site.",
		Body: "## Objectif\n\nRenforcer les services publics de l'emploi des pays membres.\n\n## Principes\n\n- Partage des connaissances ;\n- Mobilisation des ressources.\n"},
	"ar": {Title: "فهرس الأنشطة", Summary: "فهرس مولَّد لقياس أداء مولد الموقع.",
		Body: "## الهدف\n\nتعزيز خدمات التوظيف العامة في البلدان الأعضاء.\n\n## المبادئ\n\n- تبادل المعارف؛\n- حشد الموارد.\n"},
	"en": {Title: "Activity catalog", Summary: "A generated catalog to measure the site generator.",
		Body: "## Objective\n\nStrengthen the public employment services of member countries.\n\n## Principles\n\n- Sharing knowledge;\n- Mobilising resources.\n"},
}
