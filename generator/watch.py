"""Notice saved files (inotify on Linux, polling elsewhere) and turn a burst of saves into one change."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import select
import struct
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, Protocol

Stamp = tuple[int, int, int]  # mtime_ns, size, inode: an atomic save (rename) changes the inode
_LITTER = re.compile(r"^[.#]|~$|\.(tmp|swp|swx|swo|part|crdownload|bak\d*)$|^4913$")  # vim probes with 4913


def ignored(name: str) -> bool:
    """Tell whether a file name is an editor's or the build's scratch file, never an input."""
    return bool(_LITTER.search(name))


@dataclass(frozen=True, slots=True)
class Timing:
    """How long one look waits, and how long saves must pause before they count as one change."""

    interval: float = 0.05
    quiet: float = 0.05  # an editor's save (write, rename, chmod) takes well under this


class Watcher(Protocol):
    """Something that reports batches of changed files."""

    def wait(self, stop: threading.Event) -> frozenset[Path]: ...

    def close(self) -> None: ...


def gather(look: Callable[[float], set[Path]], stop: threading.Event, timing: Timing) -> frozenset[Path]:
    """Collect changes until none came for TIMING.quiet seconds; empty when STOP is set first."""
    batch: set[Path] = set()
    last = 0.0
    while not stop.is_set():
        found = look(timing.interval)
        now = time.monotonic()
        if found:
            batch |= found
            last = now
        elif batch and now - last >= timing.quiet:
            return frozenset(batch)
    return frozenset()


def open_watcher(root: Path, names: Iterable[str], timing: Timing | None = None) -> Watcher:
    """Watch ROOT/NAME for each name (files or folders, present or not): inotify where it works."""
    names = tuple(names)
    try:
        return InotifyWatcher(root, names, timing or Timing())
    except (OSError, AttributeError):  # not Linux, or out of inotify instances: look every 0.3 s
        return PollingWatcher(root, names, timing or Timing(interval=0.3, quiet=0.05))


# Polling ---------------------------------------------------------------------------------------

def scan(paths: Iterable[Path]) -> dict[Path, Stamp]:
    """Return the stamp of every input file under PATHS (files or folders); missing ones are left out."""
    stamps: dict[Path, Stamp] = {}
    for path in paths:
        if path.is_dir():
            _scan_folder(str(path), stamps)
        elif not ignored(path.name):
            _stamp(str(path), stamps)
    return stamps


def _scan_folder(folder: str, stamps: dict[Path, Stamp]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:  # removed while we looked: its files show up as removed
        return
    for entry in entries:
        if ignored(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            _scan_folder(entry.path, stamps)
        else:
            _stamp(entry.path, stamps)


def _stamp(path: str, stamps: dict[Path, Stamp]) -> None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return
    stamps[Path(path)] = (info.st_mtime_ns, info.st_size, info.st_ino)


def changed(before: Mapping[Path, Stamp], after: Mapping[Path, Stamp]) -> set[Path]:
    """Return the files added, removed or modified between two scans."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


class PollingWatcher:
    """Compare the stamps of every watched file at each look."""

    def __init__(self, root: Path, names: Iterable[str], timing: Timing = Timing(interval=0.3, quiet=0.05)):
        self.paths = tuple(root / name for name in names)
        self.timing = timing
        self.stamps = scan(self.paths)

    def look(self, timeout: float) -> set[Path]:
        """Sleep TIMEOUT seconds, then return what changed since the last look."""
        time.sleep(timeout)
        now = scan(self.paths)
        found = changed(self.stamps, now)
        self.stamps = now
        return found

    def wait(self, stop: threading.Event) -> frozenset[Path]:
        """Block until files change and then stay still for a moment; empty when STOP is set."""
        return gather(self.look, stop, self.timing)

    def close(self) -> None:
        """Nothing to release."""


# inotify ---------------------------------------------------------------------------------------

IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE = 0x2, 0x4, 0x8
IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE = 0x40, 0x80, 0x100, 0x200
IN_Q_OVERFLOW, IN_IGNORED, IN_ONLYDIR, IN_ISDIR = 0x4000, 0x8000, 0x01000000, 0x40000000
WATCH_MASK = (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
              | IN_DELETE | IN_ONLYDIR)
EVENT = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len; then the name


class InotifyWatcher:
    """Let the Linux kernel tell which files changed: no cost while nothing does."""

    def __init__(self, root: Path, names: Iterable[str], timing: Timing = Timing()):
        self.root, self.names, self.timing = root, frozenset(names), timing
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0:
            raise _errno_error("inotify_init1", root)
        self.folders: dict[int, Path] = {}
        try:
            self._add(root)
            for name in sorted(self.names):
                if (root / name).is_dir():
                    self._add_tree(root / name)
        except OSError:
            self.close()
            raise

    def _add(self, folder: Path) -> None:
        wd = self.libc.inotify_add_watch(self.fd, os.fsencode(folder), WATCH_MASK)
        if wd >= 0:
            self.folders[wd] = folder
        elif ctypes.get_errno() not in (errno.ENOENT, errno.ENOTDIR):  # gone already: nothing to watch
            raise _errno_error("inotify_add_watch", folder)

    def _add_tree(self, top: Path) -> set[Path]:
        """Watch TOP and its subfolders; return the files already in them."""
        files: set[Path] = set()
        for folder, subfolders, names in os.walk(top):
            subfolders[:] = [d for d in subfolders if not ignored(d)]
            self._add(Path(folder))
            files |= {Path(folder, n) for n in names if not ignored(n)}
        return files

    def look(self, timeout: float) -> set[Path]:
        """Wait up to TIMEOUT seconds for events; return the files they name."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        found: set[Path] = set()
        while ready:
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                break
            found |= self._paths(data)
        return found

    def _paths(self, data: bytes) -> set[Path]:
        found: set[Path] = set()
        for wd, mask, name in _events(data):
            if mask & IN_Q_OVERFLOW:  # the kernel dropped events: say everything may have changed
                found |= {self.root / n for n in self.names}
            elif mask & IN_IGNORED:
                self.folders.pop(wd, None)
            elif (path := self._wanted(wd, name)) is not None:
                if mask & IN_ISDIR and mask & (IN_CREATE | IN_MOVED_TO):
                    found |= self._add_tree(path)
                found.add(path)
        return found

    def _wanted(self, wd: int, name: str) -> Path | None:
        folder = self.folders.get(wd)
        if folder is None or not name or ignored(name):
            return None
        if folder == self.root and name not in self.names:
            return None
        return folder / name

    def wait(self, stop: threading.Event) -> frozenset[Path]:
        """Block until files change and then stay still for a moment; empty when STOP is set."""
        return gather(self.look, stop, self.timing)

    def close(self) -> None:
        """Release the inotify descriptor."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _events(data: bytes) -> Iterable[tuple[int, int, str]]:
    offset = 0
    while offset + EVENT.size <= len(data):
        wd, mask, _cookie, size = EVENT.unpack_from(data, offset)
        raw = data[offset + EVENT.size: offset + EVENT.size + size]
        offset += EVENT.size + size
        yield wd, mask, os.fsdecode(raw.rstrip(b"\0"))


def _errno_error(call: str, path: Path) -> OSError:
    code = ctypes.get_errno()
    return OSError(code, f"{call}: {os.strerror(code)}", str(path))
