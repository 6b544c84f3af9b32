package opendata

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	site := loadSite(t)
	data := generate(t, site)["api/v1/catalog.csv"]
	body, ok := bytes.CutPrefix(data, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Fatal("the CSV does not start with a UTF-8 byte order mark")
	}
	if !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Error("the CSV does not end with CRLF")
	}
	if n, crlf := bytes.Count(body, []byte("\n")), bytes.Count(body, []byte("\r\n")); n != crlf {
		t.Errorf("%d line feeds, of which only %d in CRLF", n, crlf)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180 CSV: %v", err)
	}
	if !slices.Equal(rows[0], csvHeader()) {
		t.Errorf("header = %q", rows[0])
	}
	if want := 1 + len(site.Activities)*len(site.Config.Languages); len(rows) != want {
		t.Errorf("%d rows, want %d (header + one per activity and language)", len(rows), want)
	}
	col := func(name string) int { return slices.Index(csvHeader(), name) }
	// Arabic text comes through intact, and multi-line descriptions stay in
	// one field.
	a := activityByID(t, site, "lmis-training")
	var found bool
	for _, r := range rows[1:] {
		if r[col("id")] != a.ID || r[col("lang")] != "ar" {
			continue
		}
		found = true
		if got, want := r[col("title")], a.Texts["ar"].Title; got != want {
			t.Errorf("Arabic title = %q, want %q", got, want)
		}
		if got := r[col("venue_country_name")]; got != "أذربيجان" {
			t.Errorf("Arabic venue country = %q", got)
		}
		if got := r[col("providers")]; got != "AZ; MY" {
			t.Errorf("providers = %q", got)
		}
		if got := r[col("providers_tbc")]; got != "MY" {
			t.Errorf("providers_tbc = %q", got)
		}
		if got := r[col("url")]; got != testBase+"ar/activities/"+a.ID+"/" {
			t.Errorf("url = %q", got)
		}
	}
	if !found {
		t.Errorf("no Arabic row for %s", a.ID)
	}
	for i, r := range rows {
		if len(r) != len(csvHeader()) {
			t.Errorf("row %d has %d cells", i, len(r))
		}
	}
}

// TestCSVFormulaGuard: a cell spreadsheets would run as a formula is
// written as text.
func TestCSVFormulaGuard(t *testing.T) {
	site := loadSite(t)
	a := activityByID(t, site, "lmi-webinar")
	a.Texts["en"].Body = []byte("- first point\n- second point")
	a.Texts["en"].Title = "=HYPERLINK(\"https://evil.example\")"
	data := generate(t, site)["api/v1/catalog.csv"]
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(csvHeader(), name) }
	for _, r := range rows[1:] {
		if r[col("id")] != a.ID || r[col("lang")] != "en" {
			continue
		}
		if got := r[col("title")]; got != "'=HYPERLINK(\"https://evil.example\")" {
			t.Errorf("title = %q", got)
		}
		if got := r[col("description")]; !strings.HasPrefix(got, "'- first point\n- second point") {
			t.Errorf("description = %q", got)
		}
	}
}
