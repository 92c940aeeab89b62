"""What ingest finds in a story: the data passed between the extractor and ingest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What the editors told ingest: canonical names, aliases and banned terms.

    Built by ingest from config.yaml (``aliases``, ``banned``) and the registry of
    known entities; the extractor consults it before and after its own guesses.
    """

    aliases: Mapping[str, str] = field(default_factory=dict)  # "SP" -> "Samajwadi Party"
    banned: frozenset[str] = frozenset()  # never output these (any type), case-insensitive
    people: tuple[str, ...] = ()  # known people, canonical names
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    not_people: frozenset[str] = frozenset()  # never output these as people (other types allowed)


@dataclass(frozen=True, slots=True)
class Entities:
    """The distinct names in one story, in order of first mention, canonical forms."""

    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """The extractor's input: the copy of one story after the dateline is removed."""

    paragraphs: tuple[str, ...]
    dateline_city: str | None = None
    agency: str | None = None
    dateline_region: str | None = None  # "Wisconsin" of "Milwaukee, Wisconsin": a place too
