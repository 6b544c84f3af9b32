//go:build !linux

package write

// exchange is not available: swap falls back to two renames.
func exchange(a, b string) bool { return false }
