package content

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml/ast"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/oic-pesnet/workplan/internal/l10n"
)

// languageExamples are the codes messages show: the plan's languages.
const languageExamples = "fr for French, ar for Arabic, en for English"

// countryAliases are codes editors meet elsewhere that ISO 3166-1 spells
// differently: the European Union's and the United Nations' usage.
var countryAliases = map[string]string{
	"UK": "GB is the United Kingdom's ISO code; UK is not one",
	"EL": "GR is Greece's ISO code; EL is the European Union's abbreviation",
}

func country(d *decoder, n ast.Node, key string) string {
	s, ok := d.text(n, key)
	if !ok {
		return ""
	}
	if !l10n.ValidCountry(s) {
		d.errorf(n, "unknown country code %s%s: use an ISO 3166-1 alpha-2 code, such as MA for Morocco or TR for Türkiye", d.quote(n, s), countryHint(s))
		return ""
	}
	return s
}

// countryHint suggests the code an editor probably meant: the same in
// capitals, the ISO spelling of an EU or UN code, or the two-letter form
// of a three-letter code (MAR for MA).
func countryHint(s string) string {
	up := strings.ToUpper(s)
	switch why, alias := countryAliases[up]; {
	case alias:
		return fmt.Sprintf(" (did you mean %q? %s)", why[:2], why)
	case up != s && l10n.ValidCountry(up):
		return fmt.Sprintf(" (did you mean %q? codes are in capitals)", up)
	case len(up) == 3 && strings.Trim(up, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "":
		if r, err := language.ParseRegion(up); err == nil && l10n.ValidCountry(r.String()) {
			return fmt.Sprintf(" (did you mean %q? codes have two letters)", r.String())
		}
	}
	return ""
}

// languages decodes a list of language codes. It returns nil when the
// value is not a list, an empty slice only for a list written empty ([]),
// so that a list of mistakes is not also reported empty.
func languages(d *decoder, n ast.Node, key string) []string {
	var out []string
	items := 0
	ok := d.list(n, key, `a list such as [fr, en] or lines starting with "- "`, func(item ast.Node) {
		items++
		s, ok := d.text(item, key)
		switch {
		case !ok:
		case !l10n.ValidLanguage(s):
			d.errorf(item, "unknown language code %s in %s: %s", d.quote(item, s), key, languageHint(s))
		case slices.Contains(out, s):
			d.errorf(item, "language %q is listed twice in %s: keep one", s, key)
		default:
			out = append(out, s)
		}
	})
	if ok && items == 0 {
		out = []string{}
	}
	return out
}

// languageHint gives the code of a language written by its name (in
// English, French, Arabic or itself: "français", "Arabic", "العربية"),
// or else the codes of the plan's languages.
func languageHint(s string) string {
	if code, name := languageByName(s); code != "" {
		return fmt.Sprintf("write %s as its two-letter ISO 639-1 code, %s", name, code)
	}
	return "write a two-letter ISO 639-1 code in lowercase, such as " + languageExamples
}

func languageByName(s string) (code, name string) {
	code = languageNames()[fold(s)]
	if code == "" {
		return "", ""
	}
	return code, display.English.Languages().Name(language.Make(code))
}

// languageNames maps the folded names of the ISO 639-1 languages, in
// English, French, Arabic and in the language itself, to their codes. It
// is built once, when a message first needs it (a few milliseconds), and
// only read afterwards: a file of many unknown codes costs one look-up
// each.
var languageNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	namers := []display.Namer{display.Self, display.Languages(language.English), display.Languages(language.French), display.Languages(language.Arabic)}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			if !l10n.ValidLanguage(code) {
				continue
			}
			for _, nm := range namers {
				if name := fold(nm.Name(language.Make(code))); len(name) > 2 && m[name] == "" {
					m[name] = code
				}
			}
		}
	}
	return m
})

// fold lowercases s and drops the accents French names carry, so that
// "Francais" matches "français".
func fold(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ç", "c", "î", "i", "ï", "i", "ô", "o", "û", "u", "ù", "u", "ü", "u").
		Replace(strings.ToLower(strings.TrimSpace(s)))
}
