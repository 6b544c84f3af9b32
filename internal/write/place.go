package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Marker is the file that every output folder written by Dir holds. Dir
// replaces an existing folder only when it holds this file (or is empty),
// so that a mistyped -o can never delete a folder the build did not write.
// An output written before the marker existed has none: Dir refuses it and
// asks for it to be deleted once (CI and Netlify build into a fresh folder).
const Marker = ".pesnet-output"

const markerText = "This folder was written by pesnet build, which replaces it as a whole at every build.\n"

// sources are the folders of a project that hold its sources, or its code:
// an output folder may be none of them, inside none of them, and contain
// none of them.
var sources = []string{"content", "layouts", "static", "i18n", "cmd", "internal", ".git", ".ci"}

// CheckOut returns an error when out must not be the output folder of the
// project in folder project: when, with symbolic links resolved, out is the
// project folder or one of its ancestors, is or lies inside one of the
// project's source folders, or contains one; and for every reason Dir
// refuses a folder (see checkPlace and checkExisting).
func CheckOut(project, out string) error {
	root, err := resolve(project)
	if err != nil {
		return err
	}
	dst, err := resolve(out)
	if err != nil {
		return err
	}
	if dst == root {
		return fmt.Errorf("refusing to write the site into %s: it is the project folder, whose files the build would replace; use a folder inside it such as public", dst)
	}
	if within(root, dst) {
		return fmt.Errorf("refusing to write the site into %s: it holds the project %s, which the build would replace; use a folder inside the project such as public", dst, root)
	}
	for _, name := range sources {
		src, err := resolve(filepath.Join(root, name))
		if err != nil {
			return err
		}
		if within(dst, src) || within(src, dst) {
			return fmt.Errorf("refusing to write the site into %s: it overlaps the project's %s/ folder (%s); use a folder such as public", dst, name, src)
		}
	}
	if err := checkPlace(dst); err != nil {
		return err
	}
	return checkExisting(dst)
}

// checkPlace refuses output folders that are dangerous whatever the
// project: the root of the file system, the home folder, a folder that
// looks like a project, and a folder inside the source folder of a
// project (a folder holding content/site.yaml). dst is resolved.
func checkPlace(dst string) error {
	if dst == filepath.Dir(dst) {
		return fmt.Errorf("refusing to write the site into %s: that is the root of the file system; use a folder such as public", dst)
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := resolve(home); err == nil && within(h, dst) {
			return fmt.Errorf("refusing to write the site into %s: it holds your home folder %s; use a folder such as public", dst, h)
		}
	}
	for _, marker := range []string{"go.mod", ".git", "content"} {
		if _, err := os.Lstat(filepath.Join(dst, marker)); err == nil {
			return fmt.Errorf("refusing to write the site into %s: it holds %s, so it looks like a project folder whose files would be replaced; use a folder such as public", dst, marker)
		}
	}
	for dir := dst; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if slices.Contains(sources, filepath.Base(dir)) && isProject(filepath.Dir(dir)) {
			return fmt.Errorf("refusing to write the site into %s: it is inside the %s/ folder of the project %s; use a folder such as public", dst, filepath.Base(dir), filepath.Dir(dir))
		}
	}
	return nil
}

// isProject reports whether dir looks like a project folder.
func isProject(dir string) bool {
	info, err := os.Stat(filepath.Join(dir, "content", "site.yaml"))
	return err == nil && info.Mode().IsRegular()
}

// checkExisting refuses to replace anything but a missing folder, an
// empty folder, or a folder that an earlier build wrote (it holds Marker).
// dst is resolved, so it is not a symbolic link.
func checkExisting(dst string) error {
	info, err := os.Lstat(dst)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("refusing to write the site into %s: it exists and is not a folder; choose another folder with -o", dst)
	}
	entries, err := os.ReadDir(dst)
	if err != nil || len(entries) == 0 {
		return err
	}
	if m, err := os.Lstat(filepath.Join(dst, Marker)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("refusing to replace %s: the folder exists and was not written by pesnet build (it has no %s file), and the build replaces its output folder as a whole; delete it if it holds an older build, or choose another folder with -o", dst, Marker)
}

// resolve returns the absolute, clean form of p with every symbolic link
// resolved, also when p does not exist yet: the longest existing prefix is
// resolved and the rest appended, so that a new folder whose parent is a
// link is judged where it will really be created.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
			return "", fmt.Errorf("cannot resolve %s: %w", p, err)
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path p is dir or lies inside it. Both are
// resolved absolute paths.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
