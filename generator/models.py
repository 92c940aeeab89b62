"""The data model: frozen, slotted dataclasses that refer to each other by key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

TERM_KINDS = ("person", "place", "organisation", "tag")
TERM_FIELDS = {"person": "people", "place": "places", "organisation": "organisations", "tag": "tags"}
INDEX_NAMES = TERM_FIELDS  # the index of each kind is named, and found at a URL named, as the field


@dataclass(frozen=True, slots=True)
class Article:
    """One story, as its content file says it."""

    source: str  # path under the project, e.g. content/articles/2025/11/07/x.md
    slug: str
    title: str
    date: dt.datetime  # aware
    summary: str
    body: str  # Markdown
    dateline: str | None = None
    agency: str | None = None
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    seed: str | None = None
    priority: int = 0  # an editor's say in the order of the day: higher first
    lead: bool = False  # an editor's choice of the day's lead story
    draft: bool = False  # kept out of the site but under `digest serve --drafts`
    updated: dt.datetime | None = None  # aware: when the story last changed, if after its date
    image: str | None = None  # a picture: a path (beside the story, or /from/the/project) or an http(s) URL
    image_alt: str | None = None  # what the picture shows, for readers who cannot see it
    key: str = field(init=False, repr=False, compare=False)  # its identity, day and slug: '2025/11/07/x'

    def __post_init__(self) -> None:
        # kept, not a property: pages ask for it a hundred thousand times a build
        date = self.date
        object.__setattr__(self, "key", f"{date.year:04d}/{date.month:02d}/{date.day:02d}/{self.slug}")

    @property
    def day(self) -> dt.date:
        """Return the day of the daily edition the story belongs to."""
        return self.date.date()

    @property
    def modified(self) -> dt.datetime:
        """Return when the story last changed: its update, else its date."""
        return self.updated or self.date

    def names(self, kind: str) -> tuple[str, ...]:
        """Return the story's names of one term kind (person, place, organisation, tag)."""
        return getattr(self, TERM_FIELDS[kind])


@dataclass(frozen=True, slots=True)
class Term:
    """A person, place, organisation or tag, with the keys of its articles, newest first."""

    kind: str
    slug: str
    name: str
    articles: tuple[str, ...]
    sort_key: str = ""


@dataclass(frozen=True, slots=True)
class Edition:
    """A day's stories: the daily edition."""

    day: dt.date
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the pages are made from, related by key."""

    articles: Mapping[str, Article]  # key -> article
    order: tuple[str, ...]  # article keys, newest first
    terms: Mapping[str, tuple[Term, ...]]  # kind -> terms, index order
    editions: tuple[Edition, ...]  # newest first
    # (kind, name) -> (its slug, the name whose slug it is too): the names another one's slug was
    # given to first, which take the slug and a hash of their own, and spellings whose own slug is
    # not their name's ('Azpur-ua' of 'Azpurua'), which take their name's; every other name's is slugify(name)
    clashes: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    # story key -> its picture: the name of the image file's copy beside its page, or a URL
    images: Mapping[str, str] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)  # the stories naming each person or organisation
