"""Slugs, URLs and output paths: the one place that knows the base path."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlsplit

MAX_SLUG = 80
# letters that Unicode does not decompose into ASCII ones ('Straße' would become 'strae')
LATIN_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d",
                        "Ð": "D", "ı": "i"})


@functools.lru_cache(maxsize=1 << 16)  # pure, and a name recurs on thousands of cards and pages
def slugify(text: str, fallback: str = "untitled") -> str:
    """Return a lowercase ASCII slug of TEXT, at most MAX_SLUG characters, never empty."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_LETTERS))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "").replace("’", "")).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:MAX_SLUG]  # one long word: cut it
    return slug or fallback


@dataclass(frozen=True, slots=True)
class Urls:
    """Build every URL of the site from base_url and the permalink patterns."""

    base_url: str
    permalinks: Mapping[str, str]
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

    def term(self, kind: str, slug: str) -> str:
        """Return the URL of a term's page (kind: person, place, organisation, tag)."""
        url = self.term_urls.get((kind, slug))
        if url is None:  # a name is linked from every card, chip and list that shows it: make it once
            url = self.term_urls[kind, slug] = self._pattern(kind, slug=slug)
        return url

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
