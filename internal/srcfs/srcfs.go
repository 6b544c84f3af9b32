// Package srcfs reads a project's source files under one set of rules,
// the same for i18n/, layouts/ and static/ as for content/ (whose loader
// applies them while it walks):
//
//   - regular files only: reading a named pipe blocks the build forever,
//     and a device can feed it without end;
//   - no symbolic links, neither the file nor a folder on its way: a link
//     could publish a file from outside the project;
//   - a size limit: sources are small text files and assets.
//
// The checks look at the entry before opening it (opening a named pipe
// already blocks), and again at the opened file.
package srcfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Size limits. MaxTextSize is also content's limit (content.MaxFileSize).
const (
	MaxTextSize  = 1 << 20  // interface strings and layouts
	MaxAssetSize = 16 << 20 // files of static/ (styles, scripts, icons)
)

// Error is a source file that breaks a rule.
type Error struct {
	Name   string // as given to ReadFile
	Reason string // what is wrong and how to fix it, for people
}

func (e *Error) Error() string { return e.Name + ": " + e.Reason }

// Reason returns what people should read about err: the rule it breaks
// when it is an *Error, else the error text.
func Reason(err error) string {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Reason
	}
	return err.Error()
}

const (
	linkReason    = "symbolic links are not allowed in the project's sources (one could publish a file from outside the project): replace the link by a real file"
	notFileReason = "not a regular file (a pipe, a device or a socket would block or feed the build without end): replace it by a real file or remove it"
)

// ReadFile reads the regular file name of fsys, of at most limit bytes.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if _, err := Check(fsys, name, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := judge(name, info, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, tooLarge(name, int64(len(data)), limit)
	}
	return data, err
}

// Check returns the entry name of fsys, without following links, when it
// may be read: a regular file of at most limit bytes, on a path without
// symbolic links. For a folder it returns its entry and no error.
func Check(fsys fs.FS, name string, limit int64) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	var info fs.FileInfo
	parts := strings.Split(name, "/")
	for i := range parts {
		var err error
		if info, err = fs.Lstat(fsys, strings.Join(parts[:i+1], "/")); err != nil {
			return nil, err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return nil, &Error{Name: name, Reason: linkReason}
		}
	}
	if info.IsDir() {
		return info, nil
	}
	return info, judge(name, info, limit)
}

// judge applies the rules to one file's information.
func judge(name string, info fs.FileInfo, limit int64) error {
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return &Error{Name: name, Reason: linkReason}
	case !info.Mode().IsRegular():
		return &Error{Name: name, Reason: notFileReason}
	case info.Size() > limit:
		return tooLarge(name, info.Size(), limit)
	}
	return nil
}

func tooLarge(name string, size, limit int64) error {
	return &Error{Name: name, Reason: fmt.Sprintf("the file is too large (%d bytes; at most %d): sources hold text, styles, scripts and icons only", size, limit)}
}

// FS returns fsys with the rules applied to every file it opens or reads,
// for code that takes an fs.FS (html/template's ParseFS). Its Stat does
// not follow links, so that a link is found (by fs.Glob, say) and the
// read that follows says why it is refused instead of "no such file".
func FS(fsys fs.FS, limit int64) fs.FS { return guarded{fsys, limit} }

type guarded struct {
	fsys  fs.FS
	limit int64
}

func (g guarded) Open(name string) (fs.File, error) {
	info, err := Check(g.fsys, name, g.limit)
	if err != nil {
		return nil, err
	}
	f, err := g.fsys.Open(name)
	if err != nil || info.IsDir() {
		return f, err
	}
	opened, err := f.Stat() // the file actually opened
	if err == nil {
		err = judge(name, opened, g.limit)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (g guarded) ReadFile(name string) ([]byte, error) { return ReadFile(g.fsys, name, g.limit) }

func (g guarded) Stat(name string) (fs.FileInfo, error) { return fs.Lstat(g.fsys, name) }
