"""Read the word lists in generator/wire/data: one entry a line, '#' lines are the source and notes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """Return the entries of data/NAME.txt in file order, without comments and blank lines."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """Return the entries of data/NAME.txt, lower-cased, as a set."""
    return frozenset(e.casefold() for e in entries(name))
