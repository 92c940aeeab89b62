"""One person, one name across the digest: a lone surname becomes the full name the archive knows."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from generator.wire.entities import Entities

MIN_STORIES = 2  # a full name must recur before a lone surname elsewhere is taken to mean it


def story_counts(batches: Iterable[Sequence[str]]) -> Counter[str]:
    """Count the stories that name each full (several-word) name."""
    counts: Counter[str] = Counter()
    for people in batches:
        counts.update({p for p in people if len(p.split()) > 1})
    return counts


def full_names(known: Iterable[str], counts: Counter[str]) -> dict[str, str]:
    """Map each surname to the one full name that owns it: known, or in MIN_STORIES stories."""
    names = {p for p in known if len(p.split()) > 1} | {p for p, n in counts.items() if n >= MIN_STORIES}
    owners: dict[str, set[str]] = {}
    for name in names:
        owners.setdefault(name.split()[-1].casefold(), set()).add(name)
    return {surname: next(iter(full)) for surname, full in owners.items() if len(full) == 1}


def with_full_names(entities: Entities, owners: dict[str, str]) -> Entities:
    """Replace each one-word person whose surname has a single owner by that full name."""
    people = [owners.get(p.casefold(), p) if len(p.split()) == 1 else p for p in entities.people]
    return replace(entities, people=tuple(dict.fromkeys(people)))
