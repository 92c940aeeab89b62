"""Pick the sentences worth the model's time: those that may hold a name.

A sentence whose only capitalised word is its first one ("The dry period means ...") rarely holds
an entity, and the model costs ~90 % of ingest. ``condense`` keeps the other sentences, joined
into one shorter text, with a map that turns offsets in it back into offsets in the original.
The rules still read the full text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.wire import namelists as nl

# A sentence ends at . ! ? (and closing quotes) before a space, or at a line break.
_END = re.compile(r"[.!?]+[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
# Words before a period that do not end a sentence: "Mr. Smith", "J. Smith", "U.S. officials".
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z]|[A-Z][a-z]{1,3}|(?:[A-Za-z]\.)+[A-Za-z]?)\.?[\"'”’)\]]*[ \t]*$")
_CAPITAL = re.compile(r"(?<![\w.'’\-])[A-Z]")
_JOIN = "\n\n"
_VERB_NEXT = re.compile(r"(?:has |had |also |then )?(?:" + "|".join(sorted(nl.PERSON_VERBS, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True, slots=True)
class Condensed:
    """A shorter text and where each of its pieces came from."""

    text: str
    starts: tuple[int, ...]  # start of each piece in the condensed text
    origins: tuple[int, ...]  # start of the same piece in the original text
    lengths: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a condensed span to the original text; None if it crosses pieces."""
        i = bisect_right(self.starts, start) - 1
        if i < 0 or end > self.starts[i] + self.lengths[i]:
            return None
        shift = self.origins[i] - self.starts[i]
        return start + shift, end + shift


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each sentence of TEXT, roughly: enough to judge capitals."""
    out, start = [], 0
    for match in _END.finditer(text):
        if match.group(0)[:1] in ".!?" and _ABBREVIATION.search(text, max(0, match.start() - 8), match.end()):
            continue  # "Mr. Smith": not a sentence end
        out.append((start, match.start() + len(match.group(0).rstrip())))
        start = match.end()
    if start < len(text):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def may_hold_name(sentence: str) -> bool:
    """Say whether SENTENCE may name someone: a capital past its opening word, or a named opener.

    An opening word counts when it is a known given name, surname or place, or when a speech
    or action verb follows it ("Kohli scored ...", "Texaco said ...").
    """
    capitals = [m.start() for m in _CAPITAL.finditer(sentence)]
    if not capitals:
        return False
    if len(capitals) > 1 or sentence[:capitals[0]].strip(" \t\"'“‘(["):
        return True
    first, _, rest = sentence[capitals[0]:].partition(" ")
    word = first.strip(",.;:!?\"'”’)").casefold()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return (word in nl.GIVEN_NAMES or word in nl.SURNAMES or word in nl.PLACES
            or (word not in nl.SENTENCE_WORDS and bool(_VERB_NEXT.match(rest))))


def condense(text: str) -> Condensed:
    """Keep the sentences of TEXT that may hold a name, joined by blank lines."""
    runs: list[list[int]] = []  # [start, end] of runs of kept sentences, as in the original
    kept_last = False
    for start, end in sentences(text):
        keep = may_hold_name(text[start:end])
        if keep and kept_last:
            runs[-1][1] = end  # neighbours stay one piece: the model sees their real context
        elif keep:
            runs.append([start, end])
        kept_last = keep
    starts, at = [], 0
    for start, end in runs:
        starts.append(at)
        at += end - start + len(_JOIN)
    return Condensed(_JOIN.join(text[s:e] for s, e in runs), tuple(starts),
                     tuple(s for s, _ in runs), tuple(e - s for s, e in runs))

