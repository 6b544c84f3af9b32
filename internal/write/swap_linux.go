package write

import "golang.org/x/sys/unix"

// exchange atomically swaps the folders old and new (renameat2 with
// RENAME_EXCHANGE): there is no instant at which the output folder is
// missing, even if the process is killed. It reports false when the file
// system does not support it.
func exchange(a, b string) bool {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE) == nil
}
