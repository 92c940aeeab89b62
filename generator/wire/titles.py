"""Write the headlines of many stories: their ledes parsed in batches, spread over the cores."""

from __future__ import annotations

from typing import Callable, Sequence

from generator.parallel import run
from generator.wire.entities import Entities, Story
from generator.wire.headline import headline, to_parse
from generator.wire.syntax import model, parse_many

CHUNK = 250  # stories per task: few enough tasks to share the work, many enough to batch the parser


def headlines(stories: Sequence[Story], found: Sequence[Entities], processes: int = 1,
              done: Callable[[int], None] | None = None) -> list[str]:
    """Return the headline of each story, in order, written by PROCESSES forked workers.

    DONE, when given, is told how many more headlines were written after each batch.
    """
    if not stories:
        return []
    if processes > 1:
        model()  # load once here: forked workers share it instead of each loading it

    def work(part: Sequence[int]) -> list[str]:
        docs = parse_many([to_parse(stories[i]) for i in part])
        return [headline(stories[i], found[i], doc) for i, doc in zip(part, docs)]

    titles = [""] * len(stories)
    for part, written in run(work, len(stories), CHUNK, processes):
        for i, title in zip(part, written):
            titles[i] = title
        if done is not None:
            done(len(part))
    return titles
