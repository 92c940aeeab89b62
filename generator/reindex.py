"""The preview's search index, brought up to date in the background: one indexing at a time.

`digest serve` rebuilds the pages of a save with the indexing deferred, reloads the browser, and
then asks for the index to catch up (want). A thread runs one catching-up build at a time; asks
that come while it runs are one more run after it (coalesced). A rebuild a reader waits for holds
the indexing (held): the run under way is stopped (what it had finished is kept, build.py) and no
other starts until the rebuild is done.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator

from generator.indexing import Indexing

JOIN_TIMEOUT = 30  # seconds to wait for a stopped run to end when the preview stops


class Reindexer:
    """Run RUN(indexing) on a thread of its own whenever asked, never two at once."""

    def __init__(self, run: Callable[[Indexing], None]):
        self._run = run
        self._cond = threading.Condition()
        self._wanted = False
        self._holds = 0
        self._closed = False
        self._current: Indexing | None = None
        self._thread = threading.Thread(target=self._loop, name="search-index", daemon=True)
        self._thread.start()

    def want(self) -> None:
        """Ask for a run: now if none is under way or held, else after."""
        with self._cond:
            self._wanted = True
            self._cond.notify_all()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Stop the run under way and start none until the block ends."""
        with self._cond:
            self._holds += 1
            if self._current is not None:
                self._current.stop()
        try:
            yield
        finally:
            with self._cond:
                self._holds -= 1
                self._cond.notify_all()

    def close(self) -> None:
        """Stop the run under way, start no other, and wait for the thread to end."""
        with self._cond:
            self._closed = True
            if self._current is not None:
                self._current.stop()
            self._cond.notify_all()
        self._thread.join(timeout=JOIN_TIMEOUT)

    @property
    def idle(self) -> bool:
        """Tell whether no run is under way or asked for."""
        with self._cond:
            return self._current is None and not self._wanted

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._closed and (not self._wanted or self._holds):
                    self._cond.wait()
                if self._closed:
                    return
                self._wanted = False
                indexing = self._current = Indexing(background=True)
            try:
                self._run(indexing)
            finally:
                with self._cond:
                    self._current = None
                    self._cond.notify_all()
