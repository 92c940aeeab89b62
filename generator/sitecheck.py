"""Whether site/ still holds every file the last build wrote: checked in a second process meanwhile.

A build with nothing to do must still see a page deleted from site/ by hand, so it looks for every
output, one system call each (about 0.26 s for the 147,000 files of 100,000 stories, most of it in
the kernel), and stats every story file (0.2 s). Neither needs the other, so a forked child looks
for the outputs on the second core while this process stats the stories; when this process is
done and asks for the answer, it looks too, from the last output back, while the child goes on from
the first, until they meet (each says in a shared page of memory how far it got). Where there is no
fork, or one core, the check runs here when its answer is asked for.
"""

from __future__ import annotations

import mmap
import os
import signal
import struct
from itertools import repeat
from typing import Callable, Iterable, Sequence

from generator.cpus import cores

CHUNKS = 255  # the outputs are looked for in this many runs, each numbered in one byte of shared memory
# (a byte is written and read whole: neither process can see the other's count half-changed)
CHILD, HERE, READY, SIZE = 0, 1, 2, 8  # offsets in the shared page: the child's next run, the lowest
# run this process looked at, whether the child has its list, and how long the child's list is


def all_present(site: str, paths: Iterable[bytes]) -> bool:
    """Tell whether every path (inside SITE, as bytes) names an existing file or folder."""
    top = os.fsencode(site) + b"/"
    return all(map(os.access, [top + path for path in paths], repeat(os.F_OK)))


def all_present_here(paths: Iterable[bytes]) -> bool:
    """Tell whether every path (inside the current folder) names an existing file or folder."""
    return all(map(os.access, paths, repeat(os.F_OK)))


def run_bounds(count: int, run: int) -> tuple[int, int]:
    """Return the first and the after-last index of RUN (0 to CHUNKS - 1) of COUNT paths."""
    return run * count // CHUNKS, (run + 1) * count // CHUNKS


class SiteCheck:
    """The answer of all_present(SITE, PATHS()), worked out in a forked child from the start, and
    here too from the other end once it is asked for."""

    def __init__(self, site: str, paths: Callable[[], Sequence[bytes]], fork: bool = True):
        self.site, self.paths = site, paths
        self.pid, self.answer, self.shared = 0, None, None
        if fork and hasattr(os, "fork") and cores() > 1:
            self._fork()

    def _fork(self) -> None:
        self.shared = mmap.mmap(-1, 16)  # anonymous and shared: each process writes, the other reads
        self.shared[HERE] = CHUNKS
        pid = os.fork()
        if pid == 0:  # the child: its answer is how far it got; it leaves at once, running no exit handlers
            try:
                os.chdir(self.site)  # this process's own folder: the kernel walks the paths from site/
                self._look_forward(self.paths())
            finally:
                os._exit(0)
        self.pid = pid

    def _look_forward(self, paths: Sequence[bytes]) -> None:
        """In the child: look for the paths run by run from the first, until this process has
        looked at the rest; say how far it got after each run, and stop at a run with a path missing."""
        shared = self.shared
        struct.pack_into("q", shared, SIZE, len(paths))
        shared[READY] = 1
        run = 0
        while run < shared[HERE]:
            first, last = run_bounds(len(paths), run)
            if not all_present_here(paths[first:last]):
                return
            run += 1
            shared[CHILD] = run

    def _look_back(self, paths: Sequence[bytes]) -> bool:
        """Here: look for the paths run by run from the last, until the child has looked at the
        rest; say how far it got after each run."""
        shared, run = self.shared, CHUNKS
        while run > shared[CHILD]:
            first, last = run_bounds(len(paths), run - 1)
            if not all_present(self.site, paths[first:last]):
                return False
            run -= 1
            shared[HERE] = run
        return True

    def result(self) -> bool:
        """Return whether site/ holds every path, looking here too while the child looks."""
        if self.answer is None:
            if self.pid:
                self.answer = self._shared_answer()
            else:
                self.answer = all_present(self.site, self.paths())
        return self.answer

    def _shared_answer(self) -> bool:
        """Look from the last path back to where the child got; every run before that was found
        whole by the child (it counts a run only when all its paths are there)."""
        paths = self.paths()
        if not (self.shared[READY] and struct.unpack_from("q", self.shared, SIZE)[0] == len(paths)):
            self.close()  # the child has not even read its list, or read another: look at all here
            return all_present(self.site, paths)
        answer = self._look_back(paths)
        self.close()  # what it still looks at, this process has looked at
        return answer

    def close(self) -> None:
        """Stop the child if it still runs, and reap it; the answer is no longer wanted."""
        if self.pid:
            pid, self.pid = self.pid, 0
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
            self.shared.close()

    def __del__(self) -> None:
        self.close()
