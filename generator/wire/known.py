"""Typed mentions, and the finders that need no model: the gazetteer and the editors' lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from generator.wire import namelists as nl
from generator.wire.entities import Lexicon

PERSON, PLACE, ORG = "person", "place", "org"
# how much a mention's source counts when the same name gets different types
WEIGHT = {"lexicon": 100, "dateline": 20, "cue": 6, "rule": 4, "cited": 4, "names": 1, "model": 2,
          "gazetteer": 3}

_GAZ_SKIP = {"male", "georgia", "jordan", "chad", "niger", "guinea", "us", "gulf", "mali", "togo"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a candidate entity in the text."""

    name: str
    kind: str  # person | place | org
    start: int
    end: int
    source: str = "model"  # model | rule | cue | cited (an agency cited) | gazetteer | lexicon | dateline

    @property
    def weight(self) -> int:
        """How much this mention counts when its name is typed by vote."""
        return WEIGHT[self.source]


_TOKEN = re.compile(r"[\w&\-]+")
_GAZETTEER = frozenset(n for n in nl.PLACES if n not in _GAZ_SKIP)
_LONGEST = max(len(n.split()) for n in _GAZETTEER)


def gazetteer(text: str) -> Iterator[Mention]:
    """Yield the capitalised gazetteer places in TEXT (longest match first)."""
    tokens = list(_TOKEN.finditer(text))
    i = 0
    while i < len(tokens):
        if not tokens[i].group(0)[:1].isupper():
            i += 1
            continue
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            run = tokens[i:i + size]
            if any(not text[a.end():b.start()].isspace() for a, b in zip(run, run[1:])):
                continue
            words = [t.group(0) for t in run]
            phrase = " ".join(words)
            if phrase.casefold() in _GAZETTEER and (size > 1 or words[0].istitle() or words[0].isupper()):
                yield Mention(phrase, PLACE, run[0].start(), run[-1].end(), "gazetteer")
                i += size - 1
                break
        i += 1


_LEXICON_CACHE: dict[int, tuple[Lexicon, list[tuple[re.Pattern[str], str, dict[str, str]]]]] = {}


def _lexicon_patterns(lexicon: Lexicon) -> list[tuple[re.Pattern[str], str, dict[str, str]]]:
    """Compile one pattern per type for the lexicon's known names and their aliases."""
    cached = _LEXICON_CACHE.get(id(lexicon))
    if cached and cached[0] is lexicon:
        return cached[1]
    patterns = []
    for kind, known in ((PERSON, lexicon.people), (PLACE, lexicon.places), (ORG, lexicon.organisations)):
        canon = {k: k for k in known}
        canon.update({a: c for a, c in lexicon.aliases.items() if c in canon})
        if canon:
            alternation = "|".join(re.escape(n) for n in sorted(canon, key=len, reverse=True))
            patterns.append((re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), kind, canon))
    _LEXICON_CACHE.clear()
    _LEXICON_CACHE[id(lexicon)] = (lexicon, patterns)
    return patterns


def lexicon_mentions(text: str, lexicon: Lexicon) -> Iterable[Mention]:
    """Yield the lexicon's known people, places and organisations found in TEXT."""
    for pattern, kind, canon in _lexicon_patterns(lexicon):
        for match in pattern.finditer(text):
            yield Mention(canon[match.group(0)], kind, match.start(), match.end(), "lexicon")
