package corpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHugoBuilds builds the Hugo site of 100 activities with `hugo
// --minify` when hugo is installed, and checks that every activity page,
// area list, home page, calendar and JSON document is there.
func TestHugoBuilds(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed (Debian: apt-get install hugo)")
	}
	if testing.Short() {
		t.Skip("builds a Hugo site")
	}
	dir := t.TempDir()
	c := New(100, 1)
	if err := c.WriteHugo(Dir(filepath.Join(dir, "site"))); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	cmd := exec.Command(hugo, "--minify", "--quiet", "-s", filepath.Join(dir, "site"), "-d", out)
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	want := []string{"index.html"}
	for _, lang := range Langs {
		want = append(want, lang+"/index.html", lang+"/calendar.ics", lang+"/index.json", lang+"/activities/index.html")
		for _, a := range c.Areas {
			want = append(want, lang+"/areas/"+a.ID+"/index.html", lang+"/areas/"+a.ID+"/calendar.ics")
		}
		for _, a := range c.Activities {
			want = append(want, lang+"/activities/"+a.ID+"/index.html")
		}
	}
	for _, name := range want {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	ar, err := os.ReadFile(filepath.Join(out, "ar", "activities", c.Activities[0].ID, "index.html"))
	if err != nil || !strings.Contains(string(ar), "dir=rtl") {
		t.Errorf("the Arabic page is not right to left: %v", err)
	}
}
