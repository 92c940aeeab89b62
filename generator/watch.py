"""Notice saved files (through watchfiles) and turn a burst of saves into one change.

watchfiles wraps the Rust notify crate: inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW
on Windows, polling where none works. Two watches are kept: the project folder itself (not its
subfolders: site/, .cache/ and .venv/ hold thousands of folders), to see config.yaml and a watched
folder appear or go; and the watched folders, recursively, set up again when one appears or goes.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Protocol

from watchfiles._rust_notify import RustNotify  # watchfiles' documented direct interface

_LITTER = re.compile(r"^[.#]|~$|\.(tmp|swp|swx|swo|part|crdownload|bak\d*)$|^4913$")  # vim probes with 4913
MAX_BATCH_MS = 1_600  # watchfiles returns a long burst in parts this long; gather() joins them
STEP_MS = 10  # how often watchfiles looks for news; gather() waits for the quiet that ends a burst


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


def open_watcher(root: Path, names: Iterable[str], timing: Timing | None = None,
                 polling: bool | None = None) -> Watcher:
    """Watch ROOT/NAME for each name (files or folders, present or not); POLLING forces polling."""
    return NotifyWatcher(root, names, timing or Timing(), polling)


class NotifyWatcher:
    """Let the operating system say which watched files changed: no cost while nothing does."""

    def __init__(self, root: Path, names: Iterable[str], timing: Timing = Timing(), polling: bool | None = None):
        self.root, self.names, self.timing = root, frozenset(names), timing
        self.polling = bool(polling)
        self.top = self._notify([root], recursive=False)
        self.trees: RustNotify | None = None
        self.folders: frozenset[Path] = frozenset()
        self._watch_folders()

    def _notify(self, paths: list[Path], recursive: bool) -> RustNotify:
        return RustNotify([str(p) for p in paths], False, self.polling, 300, recursive, True)

    def _watch_folders(self) -> None:
        """Watch the named folders that exist now, recursively (again, when that set changed)."""
        folders = frozenset(self.root / n for n in self.names if (self.root / n).is_dir())
        if folders == self.folders and (self.trees is not None or not folders):
            return
        if self.trees is not None:
            self.trees.close()
        self.trees, self.folders = None, frozenset()
        try:
            self.trees = self._notify(sorted(folders), recursive=True) if folders else None
            self.folders = folders
        except FileNotFoundError:  # one went as we looked: the top watch will tell, and we try again
            pass

    def look(self, timeout: float) -> set[Path]:
        """Wait up to TIMEOUT seconds for changes; return the watched files they touched."""
        share = max(1, int(timeout * 1000) // (2 if self.trees is not None else 1))
        found = self._paths(self.top, share)
        if self.trees is not None:
            found |= self._paths(self.trees, share)
        tops = {p for p in found if p.parent == self.root}
        if any(p.is_dir() or p in self.folders for p in tops):  # a watched folder came or went
            if self.trees is not None:
                found |= self._paths(self.trees, 1)  # what the old watch still holds
            self._watch_folders()
        for folder in [p for p in found if p.is_dir()]:  # a new folder: what was made in it before its watch
            found |= {f for f in folder.rglob("*") if f.is_file() and self._wanted(f) is not None}
        return found

    def _paths(self, notify: RustNotify, timeout_ms: int) -> set[Path]:
        changes = notify.watch(MAX_BATCH_MS, STEP_MS, timeout_ms, None)
        if changes == "signal":
            raise KeyboardInterrupt
        if isinstance(changes, str):  # "timeout" or "stop"
            return set()
        return {path for _, raw in changes if (path := self._wanted(Path(raw))) is not None}

    def _wanted(self, path: Path) -> Path | None:
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return None
        if not parts or parts[0] not in self.names or any(ignored(p) for p in parts):
            return None
        return path

    def wait(self, stop: threading.Event) -> frozenset[Path]:
        """Block until files change and then stay still for a moment; empty when STOP is set."""
        return gather(self.look, stop, self.timing)

    def close(self) -> None:
        """Stop watching."""
        for notify in (self.top, self.trees):
            if notify is not None:
                notify.close()
        self.trees = None

