package diag

import "testing"

// TestStringOneLine: whatever a file name or message holds, a diagnostic
// prints as one line that cannot pass for another problem.
func TestStringOneLine(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "content/activities/x/activity.yaml", Pos: Pos{Line: 2, Col: 3}, Message: "what and how"},
			"content/activities/x/activity.yaml:2:3: error: what and how"},
		{Diagnostic{File: "content/activities/x\ncontent:9:9: error: fake/activity.yaml", Pos: Pos{Line: 1, Col: 1}, Message: "m"},
			`"content/activities/x\ncontent:9:9: error: fake/activity.yaml":1:1: error: m`},
		{Diagnostic{File: "content/a\u202Eb/index.fr.md", Severity: Warning, Message: "m"},
			`"content/a\u202eb/index.fr.md": warning: m`},
		{Diagnostic{File: "content/caf\xe9/area.yaml", Message: "m"},
			`"content/caf\xe9/area.yaml": error: m`},
		{Diagnostic{File: "content/عربي/index.ar.md", Message: "add content/x\ny/activity.yaml\u2028 or «عنوان»\xff"},
			`content/عربي/index.ar.md: error: add content/x\ny/activity.yaml\u2028 or «عنوان»\xff`},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}
