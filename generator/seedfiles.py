"""Tell a seed file from what only looks like one: a named pipe, a folder, a link that leads nowhere.

A FIFO is never opened (opening one waits for a writer, for ever); the others are named and skipped.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def not_a_seed(path: Path) -> str | None:
    """Return why PATH cannot be read as a seed, or None when it is a regular file this user may read."""
    try:
        info = path.stat()  # through a symbolic link, to what it leads to
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that leads back to itself (a loop): not read"
        if path.is_symlink():
            return f"is a symbolic link to {os.readlink(path)}, which does not exist: not read"
        return f"cannot be read: {exc.strerror}"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder, not a seed file: not read"
    if stat.S_ISFIFO(info.st_mode):
        return "is a named pipe (FIFO), not a file: not read"
    if not stat.S_ISREG(info.st_mode):
        return "is a device or socket, not a file: not read"
    if not os.access(path, os.R_OK):
        return "cannot be read: permission denied"
    return None


def read_seed(path: Path) -> bytes:
    """Return the bytes of a seed file; OSError if it is not a regular file (then it was not waited on)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # swapped for a FIFO since it was checked: no wait
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)
