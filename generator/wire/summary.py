"""The summary of a story: its lede sentence, at most 300 characters."""

from __future__ import annotations

from typing import Sequence

from generator.wire.sentences import lede_sentence

MAX_SUMMARY = 300
_DANGLING = frozenset("a an the of and or but to in on at for with by from as that which who "
                      "whose its his her their said says".split())


def summary(paragraphs: Sequence[str]) -> str:
    """Return the lede sentence of PARAGRAPHS, cut to at most 300 characters."""
    return clip(lede_sentence(paragraphs), MAX_SUMMARY)


def clip(text: str, limit: int, ellipsis: str = "…") -> str:
    """Cut TEXT at the last word boundary that fits LIMIT (ellipsis included)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = limit - len(ellipsis)
    words = text[: room + 1].split(" ")[:-1] or [text[:room]]
    while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    cut = " ".join(words).rstrip(" ,;:-–—([{\"'“‘")
    if not cut:
        cut = text[:room]
    return cut + ellipsis
