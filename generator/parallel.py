"""Spread independent work over the machine's cores with forked processes.

Forked workers inherit the parent's memory, so the work (a site model, planned page groups, a
Jinja environment) is never pickled: only chunk indexes go out and small results come back.
"""

from __future__ import annotations

import gc
import multiprocessing
from typing import Callable, Iterator, Sequence, TypeVar

from generator.cpus import cores  # noqa: F401 - how many workers a caller starts: parallel.cores()

R = TypeVar("R")
Work = Callable[[Sequence[int]], R]

# The work of a forked worker, set once in the child by _adopt. It is per process, never shared:
# fork hands the child the parent's objects, and this is where the child keeps them.
_WORK: Work | None = None


def chunks(count: int, size: int) -> list[range]:
    """Split range(COUNT) into consecutive ranges of at most SIZE."""
    return [range(start, min(start + size, count)) for start in range(0, count, max(1, size))]


def run(work: Work, count: int, size: int, workers: int) -> Iterator[tuple[range, R]]:
    """Yield (chunk, WORK(chunk)) for chunks of range(COUNT), in forked workers when WORKERS > 1."""
    parts = chunks(count, size)
    if workers <= 1 or len(parts) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for part in parts:
            yield part, work(part)
        return
    collecting = gc.isenabled()  # a build pauses the collector: then the children inherit it paused
    if collecting:
        gc.collect()
        gc.freeze()  # the children's collector then leaves the inherited objects, and their pages, shared
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(min(workers, len(parts)), initializer=_adopt, initargs=(work,)) as pool:
            yield from pool.imap_unordered(_run, parts)
    finally:
        if collecting:
            gc.unfreeze()


def _adopt(work: Work) -> None:
    global _WORK  # noqa: PLW0603 - see _WORK
    _WORK = work


def _run(part: range) -> tuple[range, object]:
    assert _WORK is not None, "a worker runs only work it adopted"
    return part, _WORK(part)
