package opendata

import (
	"slices"
	"testing"
)

// TestViewDocuments checks the documents of a type and of a language
// (since 1.4): which activities they hold, in plan order, and their
// counts; a language's include the activities interpreted into it.
func TestViewDocuments(t *testing.T) {
	files := generate(t, loadSite(t))
	ids := func(acts []activity) []string {
		var out []string
		for _, a := range acts {
			out = append(out, a.ID)
		}
		return out
	}
	ty := decode[typeDoc](t, files["api/v1/fr/types/training.json"])
	if got, want := ids(ty.Activities), []string{"lmis-training", "neet-readiness"}; !slices.Equal(got, want) {
		t.Errorf("fr/types/training.json: %v, want %v", got, want)
	}
	if ty.Type != (viewEntry{Code: "training", Name: "Cours de formation", ActivityCount: 2}) {
		t.Errorf("fr/types/training.json: type %+v", ty.Type)
	}
	lang := decode[languageDoc](t, files["api/v1/en/languages/ar.json"])
	if got, want := ids(lang.Activities), []string{"lmis-training", "lmi-webinar", "neet-guidance"}; !slices.Equal(got, want) {
		t.Errorf("en/languages/ar.json: %v, want %v", got, want)
	}
	if want := (languageEntry{viewEntry{Code: "ar", Name: "Arabic", ActivityCount: 3}, 1}); lang.Language != want {
		t.Errorf("en/languages/ar.json: language %+v, want %+v", lang.Language, want)
	}
	idx := decode[indexDoc](t, files["api/v1/index.json"])
	// 3 languages of the site × (3 types + 3 languages of delivery).
	if len(idx.Views) != 18 {
		t.Errorf("index.json lists %d views, want 18", len(idx.Views))
	}
	for _, missing := range []string{"api/v1/fr/types/seminar.json", "api/v1/fr/languages/tr.json"} {
		if files[missing] != nil {
			t.Errorf("%s is generated, with no activity", missing)
		}
	}
}
