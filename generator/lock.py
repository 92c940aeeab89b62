"""One writer at a time: build, ingest and the preview's rebuilds hold the project's lock.

An advisory lock (fcntl.flock) on `.cache/lock`, whose text names the holder ("PID command"), so
that a second command can say whom it waits for. The kernel drops the lock when its holder dies,
however it dies: nothing is left to clean up after a kill. (filelock, the usual library, truncates
the lock file as it opens it, which would wipe out the holder's name.)
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Callable, Iterator

from generator.errors import DigestError, Problem

LOCK_NAME = "lock"


class Busy(DigestError):
    """Another command holds the lock, and this one was told not to wait."""


def holder(path: Path) -> str:
    """Return who holds the lock at PATH, as 'the build running as PID 123'."""
    try:
        pid, _, command = path.read_text(encoding="utf-8").strip().partition(" ")
    except (OSError, UnicodeDecodeError):
        pid, command = "", ""
    if not pid.isdigit():
        return "another digest command"
    return f"the {command or 'digest command'} running as PID {pid}"


@contextlib.contextmanager
def project_lock(cache_folder: Path, command: str, wait: bool = True,
                 waiting: Callable[[str], None] = lambda message: None) -> Iterator[None]:
    """Hold the project's lock meanwhile; wait for it (saying so through WAITING), or raise Busy."""
    cache_folder.mkdir(parents=True, exist_ok=True)
    path = cache_folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            who = holder(path)
            if not wait:
                raise Busy(Problem("digest", f"{who} holds the project; try again when it is done, "
                                             "or leave out --no-wait to wait for it")) from None
            waiting(f"waiting for {who}")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {command}\n".encode("utf-8"), 0)
        yield
    finally:
        os.close(fd)  # closing drops the lock
