package render

import "testing"

func TestIsolate(t *testing.T) {
	tests := []struct {
		in   string
		rtl  bool
		want string
	}{
		{"Plan 2024-2026 de l'OIC-PESNET", false, `Plan <span class="nobr">2024-2026</span> de l&#39;<span class="nobr">OIC-PESNET</span>`},
		{"<b>x</b> & y", false, "&lt;b&gt;x&lt;/b&gt; &amp; y"},
		{"نظام AMAS في أذربيجان", true, "نظام <bdi>AMAS</bdi> في أذربيجان"},
		{"شبكة OIC-PESNET (NEET) 2024-2026", true, `شبكة <bdi><span class="nobr">OIC-PESNET</span></bdi> (<bdi>NEET</bdi>) <span class="nobr">2024-2026</span>`},
		{"منصة Big Data و machine learning.", true, "منصة <bdi>Big Data</bdi> و <bdi>machine learning</bdi>."},
		{"نص <script>", true, "نص &lt;<bdi>script</bdi>&gt;"},
		{"عربي فقط", true, "عربي فقط"},
	}
	for _, tt := range tests {
		if got := string(isolate(tt.in, tt.rtl)); got != tt.want {
			t.Errorf("isolate(%q, %v) =\n%s\nwant\n%s", tt.in, tt.rtl, got, tt.want)
		}
	}
}

// TestUnbreakablePrecheck: mayBeUnbreakable is true wherever the
// expression matches, so that skipping the expression changes nothing.
func TestUnbreakablePrecheck(t *testing.T) {
	for _, s := range []string{"OIC-PESNET", "2024-2026", "2024–2026", "de l&#39;OIC-PESNET.", "A-B", "AB-CD-EF", "Sud-Sud", "2024-26", "x–", "–2", "9–"} {
		if unbreakable.MatchString(s) && !mayBeUnbreakable(s) {
			t.Errorf("%q: the expression matches, the precheck says no", s)
		}
	}
}

func FuzzUnbreakablePrecheck(f *testing.F) {
	for _, s := range []string{"OIC-PESNET", "2024–2026", "Sud-Sud"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if unbreakable.MatchString(s) && !mayBeUnbreakable(s) {
			t.Fatalf("%q: the expression matches, the precheck says no", s)
		}
	})
}
