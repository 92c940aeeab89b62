"""The build cache pauses the garbage collector while it makes many objects, and leaves them old."""

from __future__ import annotations

import gc

from generator.nocollection import no_collection


def test_objects_made_while_the_collector_paused_are_old_when_it_resumes() -> None:
    gc.collect()  # no collection is due: the next one is of the youngest generation alone
    with no_collection():
        kept = [[i] for i in range(10_000)]
        assert not gc.isenabled()
    assert gc.isenabled()
    # not walked by the next pass of the youngest generation, nor the next of the middle one
    assert any(item is kept for item in gc.get_objects(generation=2))


def test_a_pause_inside_a_pause_leaves_the_collector_paused() -> None:
    with no_collection():
        with no_collection():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
