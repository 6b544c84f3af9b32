package render

import "github.com/oic-pesnet/workplan/internal/policy"

// safeURL is an address from the content (an activity's registration link)
// as the URL policy allows it, or "" when it refuses it: layouts show no
// link for "". (html/template would turn a refused address into a broken
// "#ZgotmplZ" link; the decision belongs to the one policy.)
func safeURL(u string) string {
	safe, _ := policy.URL(u)
	return safe
}
