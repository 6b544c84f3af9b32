package render

import "testing"

func TestCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain <b>", "plain &lt;b&gt;"},
		{"add it to `script-src`.", `add it to <code dir="ltr">script-src</code>.`},
		{"في `<head>`، ثم `PESNETCatalog.render(الحاوية)`؛", `في <code dir="ltr">&lt;head&gt;</code>، ثم <code dir="ltr">PESNETCatalog.render(الحاوية)</code>؛`},
		{"unpaired ` stays", "unpaired ` stays"},
		{"`a` and `b", `<code dir="ltr">a</code> and ` + "`b"},
	} {
		if got := string(code(tc.in)); got != tc.want {
			t.Errorf("code(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
