"""Slugs, URLs and output paths: the one place that knows the base path."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlsplit

from anyascii import anyascii

MAX_SLUG = 80
# letters that Unicode does not decompose into ASCII ones ('Straße' would become 'strae')
LATIN_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d",
                        "Ð": "D", "ı": "i"})


@functools.lru_cache(maxsize=1 << 16)  # pure, and a name recurs on thousands of cards and pages
def slugify(text: str, fallback: str = "untitled") -> str:
    """Return a lowercase ASCII slug of TEXT, at most MAX_SLUG characters, never empty.

    Latin letters lose their accents; letters of other scripts are transliterated (anyascii:
    'Владимир Путин' -> vladimir-putin, '习近平' -> xi-jin-ping). A text with no letter or digit
    at all takes its symbols' code points ('🙂' -> u1f642); only punctuation takes FALLBACK.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", to_ascii(text).lower().replace("'", "")).strip("-")  # O'Brien: obrien
    if not slug:  # an emoji or symbol has a name of its own: its code points, not the fallback
        slug = "-".join(f"u{ord(c):x}" for c in text if unicodedata.category(c)[0] not in "PZC")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:MAX_SLUG]  # one long word: cut it
    return slug or fallback


def to_ascii(text: str) -> str:
    """Return TEXT in ASCII letters: accents dropped, other scripts' letters transliterated, symbols dropped."""
    text = text.translate(LATIN_LETTERS)
    if text.isascii():
        return text
    out: list[str] = []
    run: list[str] = []  # letters of another script, spelt together (a vowel sign belongs to its letter)
    for char in unicodedata.normalize("NFC", text):
        if _is_latin(char):
            out.append(anyascii("".join(run)))
            run.clear()
            out.append(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii"))
        elif char.isalnum() or unicodedata.category(char).startswith("M"):
            if unicodedata.name(char, "").startswith("CJK"):  # a syllable each: 'XiJinPing' -> 'Xi Jin Ping'
                run += (" ", char, " ")
            else:
                run.append(char)
        else:
            out.append(anyascii("".join(run)))  # a symbol goes, as it always did ('COVID‑19' -> covid19)
            run.clear()
    return "".join(out) + anyascii("".join(run))


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def shorten(slug: str) -> str:
    """Cut a slug longer than MAX_SLUG at a hyphen, and add a hash of the whole, so it stays unique."""
    if len(slug) <= MAX_SLUG:
        return slug
    limit = MAX_SLUG - 7
    cut = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[: limit + 1] else slug[:limit]
    return f"{cut[:limit]}-{hashlib.blake2b(slug.encode(), digest_size=3).hexdigest()}"


@functools.lru_cache(maxsize=1 << 16)
def identity(name: str) -> str:
    """Return what makes two spellings one name: its letters, digits and signs, without case or Latin accents.

    'Akhilesh Yadav', 'akhilesh yadav' and 'Akhilesh  Yadav.' are one; '李明' and '黎明' are two,
    though both are spelt li-ming in a URL.
    """
    kept = []
    for char in unicodedata.normalize("NFC", name.translate(LATIN_LETTERS)).casefold():
        if _is_latin(char):
            kept += (c for c in unicodedata.normalize("NFKD", char) if c.isalnum())
        elif char.isalnum() or unicodedata.category(char).startswith("M"):
            kept.append(char)
    return "".join(kept) or name


@dataclass(frozen=True, slots=True)
class Urls:
    """Build every URL of the site from base_url and the permalink patterns."""

    base_url: str
    permalinks: Mapping[str, str]
    renamed: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (kind, name) -> slug, for the
    # names whose slug another name had first (Site.clashes); every other name's slug is slugify(name)
    # split once from base_url: a build asks for them a quarter of a million times
    base_path: str = field(init=False, repr=False, compare=False)  # '/digest/': slashes at both ends
    origin: str = field(init=False, repr=False, compare=False)  # 'https://user.github.io'
    term_urls: dict[tuple[str, str], str] = field(init=False, repr=False, compare=False)  # made so far

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        path = parts.path or "/"
        object.__setattr__(self, "base_path", path if path.endswith("/") else path + "/")
        object.__setattr__(self, "origin", f"{parts.scheme}://{parts.netloc}")
        object.__setattr__(self, "term_urls", {})

    def _pattern(self, kind: str, **values: str) -> str:
        return self.base_path + self.permalinks[kind].format(**values)

    def article(self, date: dt.date, slug: str) -> str:
        """Return the URL of a story."""
        return self._pattern("article", **_date_parts(date), slug=slug)

    def edition(self, date: dt.date) -> str:
        """Return the URL of the daily edition of DATE."""
        return self._pattern("edition", **_date_parts(date), slug="")

    def year(self, year: int) -> str:
        """Return the URL of the archive of YEAR's editions."""
        return self._pattern("year", year=f"{year:04d}")

    def month(self, date: dt.date) -> str:
        """Return the URL of the archive of the editions of DATE's month."""
        return self._pattern("month", year=f"{date.year:04d}", month=f"{date.month:02d}")

    def term(self, kind: str, slug: str) -> str:
        """Return the URL of a term's page (kind: person, place, organisation, tag)."""
        url = self.term_urls.get((kind, slug))
        if url is None:  # a name is linked from every card, chip and list that shows it: make it once
            url = self.term_urls[kind, slug] = self._pattern(kind, slug=slug)
        return url

    def term_named(self, kind: str, name: str) -> str:
        """Return the URL of the page of the person, place or tag NAME (as a story spells it)."""
        slug = self.renamed.get((kind, name)) if self.renamed else None
        return self.term(kind, slug or slugify(name))

    def index(self, name: str) -> str:
        """Return the URL of an index page such as 'people'; '' is the home page."""
        return self.base_path + (f"{name}/" if name else "")

    def file(self, name: str) -> str:
        """Return the URL of a file at the site's top, e.g. 'feed.xml'."""
        return self.base_path + name.lstrip("/")

    def feed(self, page_url: str) -> str:
        """Return the URL of the Atom feed that belongs to a term page."""
        return page_url + "feed.xml"

    def paginated(self, first_url: str, number: int) -> str:
        """Return the URL of page NUMBER of a list whose first page is FIRST_URL."""
        return first_url if number <= 1 else f"{first_url}page/{number}/"

    def absolute(self, url: str) -> str:
        """Return the permalink (absolute URL) of a site URL."""
        return self.origin + url

    def output_path(self, url: str) -> str:
        """Return where in site/ the file behind URL lives ('people/x/index.html')."""
        if not url.startswith(self.base_path):
            raise ValueError(f"{url!r} is outside the site at {self.base_path!r}")
        rel = url[len(self.base_path):]
        if rel.startswith("/") or ".." in rel.split("/"):
            raise ValueError(f"{url!r} would leave site/")
        return rel + "index.html" if rel.endswith("/") or not rel else rel


def _date_parts(date: dt.date) -> dict[str, str]:
    return {"year": f"{date.year:04d}", "month": f"{date.month:02d}", "day": f"{date.day:02d}"}
