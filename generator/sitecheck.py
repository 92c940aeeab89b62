"""Whether site/ still holds every file the last build wrote: checked in a second process meanwhile.

A build with nothing to do must still see a page deleted from site/ by hand, so it looks for every
output, one system call each (about 0.26 s for the 147,000 files of 100,000 stories, most of it in
the kernel), and stats every story file (0.2 s). Neither needs the other, so a forked child looks
for the outputs on the second core while this process stats the stories; when this process is
done and asks for the answer, it looks too, from the last output back, while the child goes on from
the first, until they meet (each says in a shared page of memory how far it got). The child reads
the list of outputs and copies it into that shared memory, so this process need not read it again
(a tenth of the time it waited). Where there is no fork, or one core, the check runs here when its
answer is asked for.
"""

from __future__ import annotations

import mmap
import os
import signal
import struct
from itertools import repeat
from typing import Callable, Iterable

from generator.cpus import cores

CHUNKS = 255  # the outputs are looked for in this many runs, each numbered in one byte of shared memory
# (a byte is written and read whole: neither process can see the other's count half-changed)
CHILD, HERE, READY, SIZE, DATA = 0, 1, 2, 8, 16  # offsets in the shared memory: the child's next run,
# the lowest run this process looked at, whether the child has copied the list, its length, the list


def all_present(site: str, paths: Iterable[bytes]) -> bool:
    """Tell whether every path (inside SITE, as bytes) names an existing file or folder."""
    top = os.fsencode(site) + b"/"
    return all(map(os.access, [top + path for path in paths], repeat(os.F_OK)))


def all_present_here(paths: Iterable[bytes]) -> bool:
    """Tell whether every path (inside the current folder) names an existing file or folder."""
    return all(map(os.access, paths, repeat(os.F_OK)))


def split(joined: bytes) -> list[bytes]:
    """Return the paths of a list joined by NULs."""
    return [path for path in joined.split(b"\0") if path]


def run_paths(data, base: int, length: int, run: int) -> list[bytes]:
    """Return the paths of RUN (0 to CHUNKS - 1) of the NUL-joined list of LENGTH bytes at BASE in DATA.

    A run starts after the first NUL at or past its share of the bytes: every path is in one run,
    and both processes find the same runs in the same list without splitting all of it first.
    """
    def start(number: int) -> int:
        if number <= 0:
            return 0
        if number >= CHUNKS:
            return length
        at = data.find(b"\0", base + number * length // CHUNKS, base + length)
        return length if at < 0 else at - base + 1

    return split(data[base + start(run):base + start(run + 1)])


class SiteCheck:
    """The answer of all_present(SITE, the paths JOINED() returns), worked out in a forked child from
    the start, and here too from the other end once it is asked for.

    JOINED returns the paths joined by NULs; SIZE is at most how many bytes that is (the cache's
    file of outputs holds them and more): with none, nothing is forked.
    """

    def __init__(self, site: str, joined: Callable[[], bytes], size: int = 0):
        self.site, self.joined, self.size = site, joined, size
        self.pid, self.answer, self.shared = 0, None, None
        if size and hasattr(os, "fork") and cores() > 1:
            self._fork()

    def _fork(self) -> None:
        self.shared = mmap.mmap(-1, DATA + self.size)  # anonymous and shared: each process writes, the other reads
        self.shared[HERE] = CHUNKS
        pid = os.fork()
        if pid == 0:  # the child: its answer is how far it got; it leaves at once, running no exit handlers
            try:
                os.chdir(self.site)  # this process's own folder: the kernel walks the paths from site/
                self._look_forward(self.joined())
            finally:
                os._exit(0)
        self.pid = pid

    def _look_forward(self, joined: bytes) -> None:
        """In the child: share the list, then look for the paths run by run from the first, until this
        process has looked at the rest; say how far it got after each run, and stop at a run with a
        path missing."""
        shared = self.shared
        if len(joined) > self.size:
            return  # more than was said: this process will look at all
        shared[DATA:DATA + len(joined)] = joined
        struct.pack_into("q", shared, SIZE, len(joined))
        shared[READY] = 1
        run = 0
        while run < shared[HERE]:
            if not all_present_here(run_paths(joined, 0, len(joined), run)):
                return
            run += 1
            shared[CHILD] = run

    def _look_back(self) -> bool:
        """Here: look for the paths run by run from the last, until the child has looked at the
        rest; say how far it got after each run."""
        shared, run = self.shared, CHUNKS
        length = struct.unpack_from("q", shared, SIZE)[0]
        while run > shared[CHILD]:
            if not all_present(self.site, run_paths(shared, DATA, length, run - 1)):
                return False
            run -= 1
            shared[HERE] = run
        return True

    def result(self) -> bool:
        """Return whether site/ holds every path, looking here too while the child looks."""
        if self.answer is None:
            if self.pid and self.shared[READY]:
                self.answer = self._look_back()  # every run before where it met the child, the
                # child found whole (it counts a run only when all its paths are there)
            else:  # no child, or one that has not even shared the list: look at all here
                self.close()
                self.answer = all_present(self.site, split(self.joined()))
            self.close()
        return self.answer

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
