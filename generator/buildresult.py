"""What a build did, and the time each of its steps took."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from generator.errors import Problem
from generator.indexing import Indexing, Stopped


@dataclass(slots=True)
class BuildResult:
    """What a build did: pages by kind, files written and removed, seconds per step."""

    pages: Counter = field(default_factory=Counter)
    planned: int = 0  # pages whose data was made and hashed this time (the others' inputs were unchanged)
    written: int = 0
    removed: int = 0
    timings: list[tuple[str, float]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # stories left out: the build failed for them
    recovered: str | None = None  # what was done about a build stopped before it was complete
    changed: list[str] = field(default_factory=list)  # site-relative paths written this time
    up_to_date: bool = False  # nothing had changed: nothing was read but stats, nothing written
    search_pending: bool = False  # some part of the search index lags its stories (indexing deferred or stopped)
    indexed: int = 0  # stories the search index took in this time

    def summary(self) -> str:
        """Return the short report printed after a build."""
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.pages.items()))
        steps = ", ".join(f"{name} {secs:.2f}s" for name, secs in self.timings)
        total = sum(s for _, s in self.timings)
        state = "; nothing changed" if self.up_to_date else ""
        return (f"built {sum(self.pages.values())} pages ({kinds}); planned {self.planned}, "
                f"wrote {self.written}, removed {self.removed} in {total:.2f}s{state}\n  steps: {steps}")


class Timer:
    """Time the named steps of a build; before each, end the build if its INDEXING was stopped."""

    def __init__(self, result: BuildResult, indexing: Indexing | None = None):
        self.result, self.indexing = result, indexing

    def __call__(self, name: str, step: Callable, *args):
        if self.indexing is not None and self.indexing.stopped:
            raise Stopped()  # before anything was put in place: the build leaves no trace
        start = time.perf_counter()
        value = step(*args)
        self.result.timings.append((name, time.perf_counter() - start))
        return value
