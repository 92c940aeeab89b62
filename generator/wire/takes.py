"""Takes of one story: the wire sends a story again, cut, corrected or filled out, under a new name.

Two seeds are takes of one story when they come from the same agency, are dated no more than a
day apart, and one nearly holds the other: most of the shorter one's five-word shingles are in
the longer one, or many are and their ledes are nearly the same. Candidates come from MinHash
locality-sensitive hashing (datasketch), so that 3,000 seeds are not compared pair by pair; each
candidate pair is then checked on the shingles themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Collection, Sequence

SHINGLE = 5  # words: short enough to survive an edited word, long enough to be this story's
PERMUTATIONS = 128
CANDIDATE = 0.2  # Jaccard estimate above which a pair is checked: a short take of a long story is low
HOLDS = 0.8  # share of the shorter take's shingles found in the longer: one story
HOLDS_WITH_LEDE = 0.6  # ... or this much, when the ledes are nearly the same
SAME_LEDE = 0.8
APART = dt.timedelta(days=1)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Take:
    """What comparing a seed needs: its name, agency, date, lede and text."""

    name: str
    agency: str | None
    date: dt.date
    lede: str
    text: str


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Return the word shingles of TEXT, lower-cased; a short text is one shingle."""
    words = _WORD.findall(text.casefold())
    return frozenset(" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1)))


def same_story(a: Take, b: Take) -> bool:
    """Tell whether two takes (already known to be of one agency and near in date) are one story."""
    body_a, body_b = shingles(a.text), shingles(b.text)
    held = len(body_a & body_b) / min(len(body_a), len(body_b))
    if held >= HOLDS:
        return True
    lede_a, lede_b = shingles(a.lede), shingles(b.lede)
    return held >= HOLDS_WITH_LEDE and len(lede_a & lede_b) / len(lede_a | lede_b) >= SAME_LEDE


def candidates(takes: Sequence[Take]) -> list[tuple[int, int]]:
    """Return the pairs (i < j) whose MinHash signatures say they may share much text.

    Signatures are made one take at a time and the shingles let go: holding every take's shingles
    at once took 270 MB for 3,000 seeds.
    """
    from datasketch import MinHash, MinHashLSH  # only ingest compares takes

    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=PERMUTATIONS)
    texts = ([s.encode("utf-8") for s in sorted(shingles(t.text))] for t in takes)
    signatures = list(MinHash.generator(texts, num_perm=PERMUTATIONS))
    for i, signature in enumerate(signatures):
        lsh.insert(i, signature)
    pairs = set()
    for i, signature in enumerate(signatures):
        pairs.update((i, j) for j in lsh.query(signature) if j > i)
    return sorted(pairs)


def near(a: Take, b: Take) -> bool:
    """Tell whether two takes could be one story: one agency, a day apart at most."""
    return (a.agency or "") == (b.agency or "") and abs(a.date - b.date) <= APART


def group_takes(takes: Sequence[Take], apart: Collection[frozenset[str]] = ()) -> list[list[int]]:
    """Return the indexes of TAKES grouped by story, each group in TAKES' order.

    APART holds pairs of names an editor told apart: no group holds both.
    """
    parent = list(range(len(takes)))
    members: dict[int, set[str]] = {i: {t.name} for i, t in enumerate(takes)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in candidates(takes) if len(takes) > 1 else []:
        a, b = root(i), root(j)
        if a == b or not near(takes[i], takes[j]) or not same_story(takes[i], takes[j]):
            continue
        if any(frozenset((x, y)) in apart for x in members[a] for y in members[b]):
            continue
        parent[b] = a
        members[a] |= members.pop(b)
    groups: dict[int, list[int]] = {}
    for i in range(len(takes)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values())
