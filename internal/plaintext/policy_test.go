package plaintext

import "testing"

// TestDecodedControls: character references are resolved, then the text
// policy removes what the file check would have refused as characters.
func TestDecodedControls(t *testing.T) {
	c := New()
	for in, want := range map[string]string{
		"a&#x202E;b&#8238;c":             "abc",
		"[l&#x2066;ien](https://x.org/)": "lien",
		"x&#1;y&#x7F;z&#x85;w":           "xyz w", // NEL is white space: a space
		"- un&#x202D;\n- deux":           "- un\n- deux",
		"arabe&#x200F; (AZ)":             "arabe\u200f (AZ)",
	} {
		if got := c.Text([]byte(in)); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}
