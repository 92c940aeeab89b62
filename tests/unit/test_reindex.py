"""The preview's background indexing: one run at a time, asks coalesced, held while a reader waits."""

from __future__ import annotations

import threading

from generator.indexing import Indexing
from generator.reindex import Reindexer

WAIT = 30  # seconds: a bound on a wait that must end, never a measured time


class Runs:
    """A run that blocks until let go, and says which runs were made and whether each was stopped."""

    def __init__(self) -> None:
        self.started = threading.Semaphore(0)
        self.go = threading.Event()
        self.made: list[Indexing] = []
        self.ended = threading.Semaphore(0)

    def __call__(self, indexing: Indexing) -> None:
        self.made.append(indexing)
        self.started.release()
        while not self.go.wait(0.01) and not indexing.stopped:
            pass
        self.ended.release()


def test_asks_that_come_during_a_run_are_one_more_run_after_it() -> None:
    runs = Runs()
    reindexer = Reindexer(runs)
    try:
        reindexer.want()
        assert runs.started.acquire(timeout=WAIT)
        for _ in range(5):
            reindexer.want()
        runs.go.set()
        assert runs.ended.acquire(timeout=WAIT) and runs.started.acquire(timeout=WAIT)
        assert runs.ended.acquire(timeout=WAIT)
        assert not runs.started.acquire(timeout=0.2) and len(runs.made) == 2
        assert all(i.background and not i.defer for i in runs.made)
    finally:
        reindexer.close()


def test_a_rebuild_stops_the_run_under_way_and_none_starts_until_it_is_done() -> None:
    runs = Runs()
    reindexer = Reindexer(runs)
    try:
        reindexer.want()
        assert runs.started.acquire(timeout=WAIT)
        with reindexer.held():
            assert runs.ended.acquire(timeout=WAIT) and runs.made[0].stopped
            reindexer.want()  # the rebuild asks for the index to catch up with it
            assert not runs.started.acquire(timeout=0.2), "no run starts while held"
        assert runs.started.acquire(timeout=WAIT) and not runs.made[1].stopped
        runs.go.set()
        assert runs.ended.acquire(timeout=WAIT)
    finally:
        reindexer.close()


def test_closing_stops_the_run_and_starts_no_other() -> None:
    runs = Runs()
    reindexer = Reindexer(runs)
    reindexer.want()
    assert runs.started.acquire(timeout=WAIT)
    reindexer.want()
    reindexer.close()
    assert runs.made[0].stopped and len(runs.made) == 1 and runs.ended.acquire(timeout=0)
