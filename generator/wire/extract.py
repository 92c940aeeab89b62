"""Find the people, places, organisations and tags of a wire story.

The spaCy model (loaded lazily by ``generator.wire.ner``) proposes spans; news rules clean them
(titles, possessives, initials), relabel them by context, add what the rules and the lexicon
know, fold acronyms and surnames into the fullest form, and drop what is no entity.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import Callable, Sequence

from generator.wire import geo, ner
from generator.wire.entities import Entities, Lexicon, Story
from generator.wire.mentions import Mention, find_mentions
from generator.wire.resolve import resolve

CHUNK = 200  # the most stories per task when spreading over processes
TASKS_PER_PROCESS = 6  # enough tasks that no worker idles long at the end


def story_text(story: Story) -> str:
    """Return the text the model reads: the paragraphs, one blank line apart."""
    return "\n\n".join(story.paragraphs)


def extract(story: Story, lexicon: Lexicon) -> Entities:
    """Return the people, places, organisations and tags of one story."""
    return extract_many([story], lexicon)[0]


def extract_many(stories: Sequence[Story], lexicon: Lexicon, processes: int = 1,
                 done: Callable[[int], None] | None = None) -> list[Entities]:
    """Return the entities of each story, in order; spread over PROCESSES worker processes.

    DONE, when given, is told how many more stories were read after each batch.
    """
    stories = list(stories)
    if processes <= 1 or len(stories) <= CHUNK:
        if done is None:
            return _extract_chunk(stories, lexicon)
        found = []
        for start in range(0, len(stories), CHUNK):
            found += _extract_chunk(stories[start:start + CHUNK], lexicon)
            done(len(found) - start)
        return found
    size = min(CHUNK, -(-len(stories) // (processes * TASKS_PER_PROCESS)))
    chunks = [stories[i:i + size] for i in range(0, len(stories), size)]
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        ner.model()  # load once here: forked workers share it instead of each loading it
        geo.load()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        found = []
        for chunk in pool.map(_extract_chunk, chunks, repeat(lexicon)):
            found += chunk
            if done is not None:
                done(len(chunk))
        return found


def _extract_chunk(stories: Sequence[Story], lexicon: Lexicon) -> list[Entities]:
    """Tag a batch of stories with the model and resolve each one."""
    texts = [story_text(s) for s in stories]
    return [_one(story, text, spans, lexicon)
            for story, text, spans in zip(stories, texts, ner.tag(texts))]


def _one(story: Story, text: str, spans: tuple[ner.Span, ...], lexicon: Lexicon) -> Entities:
    """Resolve the spans of one story into its entities."""
    mentions: list[Mention] = find_mentions(text, spans, story, lexicon)
    return resolve(text, mentions, story, lexicon)
