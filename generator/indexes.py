"""The indexes of people, places, organisations and tags, split so that no page is too tall for a phone.

A short index is one page. A long one is a front page (its letters, and the names in the most
stories) and a page per letter, itself in pages when one letter holds too many names. Most names
are in one story only, so each index has a twin that lists only those in two stories or more: two
links switch between them, with no script.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, NamedTuple, Sequence

from generator.config import Config
from generator.models import INDEX_NAMES, Term
from generator.taxonomy import fold, index_letter
from generator.urls import Urls
from generator.views import View, chunks, head, pagination

# names a page lists: at 375 px wide (long names take two lines) the tallest index page is 5,011 px
# for the 3,000 wire stories, and 6,131 px for those stories ten times over with every name made
# ten names: under ten screens of a 375 x 667 phone
ROWS_PER_PAGE = 100
LETTER_BAR_FROM = 30  # a one-page index with more names than this gets an A-Z bar
FREQUENT = 2  # the stories a name must be in to stay in the twin listing
TOP = 30  # the names in the most stories, on the front page of a split index
FREQUENT_PATH = "2-or-more/"  # where the twin listing lives under the index
LETTER_PATH = "letter/"  # where the letter pages live under a listing: no slug has a slash in it


class Entry(NamedTuple):
    """A name as an index lists it."""

    name: str
    slug: str
    count: int  # its stories
    letter: str  # A-Z, or '#' for digits and other scripts
    lastmod: str  # its newest story's time


@dataclass(frozen=True, slots=True)
class IndexPage:
    """One page of an index: all it shows, so that its group's key changes exactly when the page may."""

    kind: str
    frequent: bool  # a page of the twin listing, of names in FREQUENT or more stories
    letter: str | None  # the letter of a split listing's page; None: the front page, or the only one
    number: int
    total: int  # the pages of this letter
    filed: int  # the names under this letter (all the listing's on its front page)
    entries: tuple[Entry, ...]  # in index order; on a split listing's front page, the most covered
    letters: tuple[str, ...]  # the letter bar: a split listing's pages, or a long page's sections
    split: bool
    # names in the index, and in FREQUENT or more stories when there is a twin: on the front (or only)
    # page alone, so that a name added under one letter remakes no other letter's pages
    counts: tuple[int, int]
    twin_letter: str | None  # the same letter's page in the twin listing, when there is one
    guides: tuple[tuple[str, str], ...] = ()  # each page of a letter in pages: its first and last name
    twin: bool = False  # there is a twin listing

    @property
    def lastmod(self) -> str | None:
        """Return the time of the newest story of any name the page lists."""
        return max((e.lastmod for e in self.entries), default=None)


def letter_code(letter: str) -> str:
    """Return the URL and anchor segment of an index letter: 'k', or 'other' for '#'."""
    return "other" if letter == "#" else letter.lower()


def entries(terms: Sequence[Term], newest: Callable[[str], str]) -> list[Entry]:
    """Return TERMS as index entries, letter by letter ('#' last), accents folded within a letter.

    NEWEST gives a story's time by its key: a term's first story is its newest.
    """
    found = [Entry(t.name, t.slug, len(t.articles), index_letter(t.sort_key), newest(t.articles[0])) for t in terms]
    keys = {t.slug: fold(t.sort_key) for t in terms}
    return sorted(found, key=lambda e: (e.letter == "#", e.letter, keys[e.slug], e.slug))


def index_pages(kind: str, listed: Sequence[Entry], rows: int | None = None) -> list[IndexPage]:
    """Return the pages of the index of KIND: its listing of every name, and the twin listing.

    ROWS, the names a page lists, is ROWS_PER_PAGE unless given.
    """
    rows = rows or ROWS_PER_PAGE
    frequent = [e for e in listed if e.count >= FREQUENT]
    twin = 0 < len(frequent) < len(listed)
    counts = (len(listed), len(frequent) if twin else 0)
    every = listing(kind, False, listed, counts, rows, twin)
    if not twin:
        return every
    shorter = listing(kind, True, frequent, counts, rows, twin)
    return with_twin_letters(every, shorter) + with_twin_letters(shorter, every)


def listing(kind: str, frequent: bool, listed: Sequence[Entry], counts: tuple[int, int],
            rows: int, twin: bool) -> list[IndexPage]:
    """Return the pages of one listing: one page, or a front page and pages by letter."""
    letters = tuple(dict.fromkeys(e.letter for e in listed))
    if len(listed) <= rows:
        bar = letters if len(listed) > LETTER_BAR_FROM else ()
        return [IndexPage(kind, frequent, None, 1, 1, len(listed), tuple(listed), bar, False, counts, None, (), twin)]
    top = sorted(listed, key=lambda e: (-e.count, fold(e.name), e.slug))[:TOP]
    pages = [IndexPage(kind, frequent, None, 1, 1, len(listed), tuple(top), letters, True, counts, None, (), twin)]
    for letter in letters:
        filed = [e for e in listed if e.letter == letter]
        parts = chunks(filed, rows)
        guides = tuple((guide_word(kind, part[0].name), guide_word(kind, part[-1].name)) for part in parts)
        guides = guides if len(parts) > 1 else ()
        pages += [IndexPage(kind, frequent, letter, number, len(parts), len(filed), tuple(part), letters, True,
                            (0, 0), None, guides, twin) for number, part in enumerate(parts, start=1)]
    return pages


def guide_word(kind: str, name: str) -> str:
    """Return how a page's first or last name shows in its letter's list of pages: a person by surname."""
    words = name.split()
    return words[-1] if kind == "person" and len(words) > 1 else name


def with_twin_letters(pages: list[IndexPage], twin: list[IndexPage]) -> list[IndexPage]:
    """Return PAGES, each letter page knowing whether the TWIN listing has a page for its letter."""
    has = {p.letter for p in twin if p.letter is not None}
    return [dataclasses.replace(page, twin_letter=page.letter) if page.letter in has else page for page in pages]


def index_url(urls: Urls, kind: str, frequent: bool = False, letter: str | None = None, number: int = 1) -> str:
    """Return the URL of a page of an index: /people/, /people/2-or-more/letter/k/page/2/ ..."""
    url = urls.index(INDEX_NAMES[kind]) + (FREQUENT_PATH if frequent else "")
    if letter is not None:
        url += f"{LETTER_PATH}{letter_code(letter)}/"
    return urls.paginated(url, number)


def index_context(config: Config, urls: Urls, page: IndexPage) -> View:
    """Return what the index template shows of PAGE."""
    name = INDEX_NAMES[page.kind]
    url = index_url(urls, page.kind, page.frequent, page.letter, page.number)
    title = index_title(page)
    rows = [{"name": e.name, "url": urls.term(page.kind, e.slug), "count": e.count, "letter": e.letter}
            for e in page.entries]
    first = index_url(urls, page.kind, page.frequent, page.letter)
    return {
        "head": head(config, urls, url, title, index_description(page)),
        "kind": page.kind, "index_name": name, "terms": rows, "letters": list(page.letters),
        "letter": page.letter, "split": page.split, "count": page.filed,
        "front_url": index_url(urls, page.kind, page.frequent),
        "letter_links": [{"letter": letter, "code": letter_code(letter), "current": letter == page.letter,
                          "url": (index_url(urls, page.kind, page.frequent, letter) if page.split
                                  else f"#letter-{letter_code(letter)}")} for letter in page.letters],
        "sections": sections(rows) if page.letters and not page.split else [],
        "filter": filter_links(urls, page),
        "pagination": pagination(urls, first, page.number, page.total),
        "guides": [{"number": number, "url": urls.paginated(first, number), "first": start, "last": end,
                    "current": number == page.number} for number, (start, end) in enumerate(page.guides, start=1)],
    }


def index_title(page: IndexPage) -> str:
    """Return a page's title: 'People', 'People in 2 or more stories: K, page 2' ..."""
    title = INDEX_NAMES[page.kind].title() + (f" in {FREQUENT} or more stories" if page.frequent else "")
    if page.letter is not None:
        title += f": {'other' if page.letter == '#' else page.letter}"
    return title + (f", page {page.number}" if page.number > 1 else "")


def index_description(page: IndexPage) -> str:
    """Return the page's one-line description."""
    name = INDEX_NAMES[page.kind]
    where = f" filed under {page.letter}" if page.letter not in (None, "#") else ""
    which = f"named in {FREQUENT} or more stories" if page.frequent else "in the digest"
    return f"The {name}{where} {which}, with the number of stories about each."


def sections(rows: list[View]) -> list[View]:
    """Return ROWS (in index order) in a section per letter."""
    found: list[View] = []
    for row in rows:
        if not found or found[-1]["letter"] != row["letter"]:
            found.append({"letter": row["letter"], "code": letter_code(row["letter"]), "rows": []})
        found[-1]["rows"].append(row)
    return found


def filter_links(urls: Urls, page: IndexPage) -> list[View]:
    """Return the two links between an index and its twin, the page's own marked; none without a twin."""
    if not page.twin:
        return []
    twin = index_url(urls, page.kind, not page.frequent, page.twin_letter)
    here = index_url(urls, page.kind, page.frequent, page.letter, page.number)
    every, frequent = (twin, here) if page.frequent else (here, twin)
    counted = page.letter is None  # the totals show on the front page alone
    return [{"label": "All", "count": page.counts[0] if counted else None, "url": every, "current": not page.frequent},
            {"label": f"In {FREQUENT} or more stories", "count": page.counts[1] if counted else None, "url": frequent,
             "current": page.frequent}]
