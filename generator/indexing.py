"""How a build treats its search index: now, later, in the background; and a way to stop it midway.

Kept apart from the Pagefind client (indexer.py), whose imports (a process, JSON) every build
would pay for, also one with nothing to do.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess


class Stopped(Exception):
    """The indexing was stopped from another thread before it finished."""


class Indexing:
    """How a build treats a search index that lags its stories, and a way to stop it midway.

    By default a build indexes what changed before it ends. DEFER leaves the index as it is (the
    preview shows a save first and indexes after); a BACKGROUND indexing runs at a lower priority, so
    that the rebuilds a reader waits for keep the processor; stop() ends an indexing under way.
    """

    def __init__(self, defer: bool = False, background: bool = False):
        self.defer, self.background = defer, background
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None

    @property
    def stopped(self) -> bool:
        """Tell whether stop() was called."""
        return self._stop.is_set()

    def stop(self) -> None:
        """Stop indexing: the service running now is killed; no other starts."""
        with self._lock:
            self._stop.set()
            if self._process is not None:
                self._process.kill()

    def _started(self, process: subprocess.Popen | None) -> None:
        with self._lock:
            if process is not None and self._stop.is_set():
                process.kill()
            self._process = process
