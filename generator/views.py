"""Plain dicts for templates, built from the model: templates never see model objects."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Sequence
from typing import Any

from generator.config import Config
from generator.models import INDEX_NAMES, Article, Site, Term
from generator.paging import WINDOW, page_numbers
from generator.taxonomy import index_letter
from generator.urls import Urls

View = dict[str, Any]


@functools.lru_cache(maxsize=4096)  # pure; a day recurs on every card and page of that day
def display_date(date: dt.date) -> str:
    """Return a date as a reader sees it: '7 November 2025'."""
    return f"{date.day} {date:%B %Y}"


def zone_name(moment: dt.datetime, timezone: str | None = None) -> str:
    """Return the zone a reader knows ('IST'), or the offset ('UTC+05:30') when none fits."""
    if timezone:
        try:
            zone = zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = None
        # a fixed offset from front matter is named only when the site's zone agrees with it
        if zone is not None and zone.utcoffset(moment.replace(tzinfo=None)) == moment.utcoffset():
            return moment.astimezone(zone).tzname() or ""
    name = moment.tzname() or moment.strftime("%z")
    return f"UTC{name}" if name[:1] in "+-" else name


def display_clock(moment: dt.datetime, timezone: str | None = None) -> str | None:
    """Return the time of day and zone as a reader sees them ('10:15 IST'), None when unknown."""
    # wire copy is dated by day only, and ingest sets 00:00: printing "00:00" would invent a time
    if moment.time() == dt.time(0, 0):
        return None
    return f"{moment:%H:%M} {zone_name(moment, timezone)}"


def display_time(moment: dt.datetime, timezone: str | None = None) -> str:
    """Return date, time and zone as a reader sees them: '7 November 2025, 10:15 IST'."""
    clock = display_clock(moment, timezone)
    return f"{display_date(moment)}, {clock}" if clock else display_date(moment)


def term_link(urls: Urls, kind: str, name: str) -> View:
    """Return a link to the page of a person, place, organisation or tag."""
    return {"name": name, "url": urls.term_named(kind, name), "kind": kind}


def card(article: Article, urls: Urls, timezone: str | None = None, image: str | None = None,
         links: dict[tuple[str, str], View] | None = None) -> View:
    """Return what a list shows of a story; TIMEZONE (the site's) names the zone of its time.

    IMAGE is where its picture is: the name of its copy beside the story's page, or a URL. LINKS,
    shared by the caller's cards, keeps each name's link, made once: read only, never changed.
    """
    url = urls.article(article.day, article.slug)
    if links is None:
        links = {}

    def link(kind: str, name: str) -> View:
        found = links.get((kind, name))
        if found is None:
            found = links[kind, name] = term_link(urls, kind, name)
        return found

    return {
        "key": article.key, "url": url, "title": article.title,
        "summary": article.summary, "datetime": article.date.isoformat(),
        "date": display_date(article.day), "time": display_time(article.date, timezone),
        "clock": display_clock(article.date, timezone),
        "dateline": article.dateline, "agency": article.agency,
        "people": [link("person", n) for n in article.people],
        "places": [link("place", n) for n in article.places],
        "tags": [link("tag", n) for n in article.tags],
        "updated": article.updated.isoformat() if article.updated else None,
        "updated_time": display_time(article.updated, timezone) if article.updated else None,
        "image": picture(urls, url, image, article.image_alt),
        "draft": article.draft,  # only `digest serve --drafts` builds a draft: it says so on its page and cards
    }


def picture(urls: Urls, page_url: str, image: str | None, alt: str | None) -> View | None:
    """Return a story's picture: its URL (beside PAGE_URL unless IMAGE is one), absolute URL and alt text."""
    if not image:
        return None
    url = image if "://" in image else page_url + image
    return {"url": url, "absolute": url if "://" in image else urls.absolute(url), "alt": alt or ""}


def pagination(urls: Urls, first_url: str, number: int, total: int) -> View:
    """Return the links between the pages of a paginated list."""
    return {
        "number": number, "total": total,
        "prev_url": urls.paginated(first_url, number - 1) if number > 1 else None,
        "next_url": urls.paginated(first_url, number + 1) if number < total else None,
        "pages": PageLinks(urls, first_url, number, total),
        "numbers": page_links(urls, first_url, number, total),
    }


def page_links(urls: Urls, first_url: str, number: int, total: int) -> list[View]:
    """Return the numbered links page NUMBER shows: the current one marked, an ellipsis as number None.

    A number a narrow phone leaves out (one page either side of the current one is enough there) is
    FAR; a run of them gets an ellipsis marked NARROW, shown on a phone alone, unless one is beside it.
    """
    near = {n for n in page_numbers(number, total, 1) if n is not None}
    shown = page_numbers(number, total)
    links: list[View] = []
    for i, n in enumerate(shown):
        if n is None:
            links.append({"number": None, "narrow": False})
            continue
        if n not in near and shown[i - 1] in near and not _gap_after(shown, i, near):  # a run starts here
            links.append({"number": None, "narrow": True})  # (the first page is always near)
        links.append({"number": n, "url": urls.paginated(first_url, n), "current": n == number, "far": n not in near})
    return links


def _gap_after(shown: list[int | None], start: int, near: set) -> bool:
    """Tell whether an ellipsis follows the run of far numbers from START (the last page is near)."""
    while shown[start] is not None and shown[start] not in near:
        start += 1
    return shown[start] is None


class PageLinks(Sequence):
    """A link to each page of a paginated list, made when read: no default template shows them all.

    Made eagerly, 500 home pages would hold 250,000 links to build.
    """

    def __init__(self, urls: Urls, first_url: str, number: int, total: int):
        self.urls, self.first_url, self.number, self.total = urls, first_url, number, total

    def __getitem__(self, index):  # an int, or a slice as a list gives
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.total))]
        n = range(1, self.total + 1)[index]  # IndexError past the end, as a list
        return {"number": n, "url": self.urls.paginated(self.first_url, n), "current": n == self.number}

    def __len__(self) -> int:
        return self.total


def chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    """Split ITEMS into pages of SIZE; an empty list is one empty page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def term_row(urls: Urls, term: Term) -> View:
    """Return an index entry: a term, its page and story count, and its index letter."""
    return {"name": term.name, "url": urls.term(term.kind, term.slug), "count": len(term.articles),
            "letter": index_letter(term.sort_key)}


def shorten(text: str, limit: int) -> str:
    """Return TEXT cut at a word boundary to at most LIMIT characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(",;:.-– ") + "…"


def head(config: Config, urls: Urls, url: str, title: str, description: str,
         og_type: str = "website", image: View | None = None, jsonld: str | None = None) -> View:
    """Return what every page's <head> needs: title, description, canonical, Open Graph, JSON-LD.

    IMAGE is a picture view (views.picture) for og:image; JSONLD the page's schema.org script text.
    """
    full = title if title == config.title else f"{title} | {config.title}"
    # search engines show about 160 characters; a story with no summary falls back to the site's
    return {"title": title, "full_title": full, "description": shorten(description or config.description, 300),
            "canonical": urls.absolute(url), "url": url, "og_type": og_type, "image": image, "jsonld": jsonld}


def day_timeline(cards: Sequence[View]) -> list[View]:
    """Group cards (newest first) by day, for a person's timeline."""
    groups: list[View] = []
    for item in cards:
        if not groups or groups[-1]["date"] != item["date"]:
            groups.append({"date": item["date"], "datetime": item["datetime"][:10], "items": []})
        groups[-1]["items"].append(item)
    return groups


def site_view(config: Config, urls: Urls) -> View:
    """Return the site-wide values every template sees."""
    nav = [("Home", urls.index("")), ("Editions", urls.index("editions"))]
    nav += [(INDEX_NAMES[k].title(), urls.index(INDEX_NAMES[k])) for k in ("person", "place", "organisation", "tag")]
    return {"title": config.title, "description": config.description, "language": config.language,
            "home": urls.index(""), "feed": urls.file("feed.xml"),
            "search": urls.index("search") if config.search else None,
            "nav": [{"name": n, "url": u} for n, u in nav]}


def nav_marks(site: View, url: str, page_kind: str) -> tuple[str | None, ...]:
    """Return how the masthead marks each section of SITE on the page at URL: 'page', 'true' or None.

    The page itself is "page"; a page inside a section (a person under People; an edition, a year or
    a month under Editions) marks the section "true".
    """
    marks = []
    for item in site["nav"]:
        inside = item["url"] != site["home"] and (url.startswith(item["url"]) or (
            page_kind in ("edition", "year", "month") and item["url"].endswith("/editions/")))
        marks.append("page" if item["url"] == url else "true" if inside else None)
    return tuple(marks)


def article_names(site: Site, keys: Sequence[str]) -> dict[str, list[str]]:
    """Return the distinct people, places and organisations of some stories, most mentioned first."""
    found: dict[str, dict[str, int]] = {"people": {}, "places": {}, "organisations": {}}
    for key in keys:
        for field in found:
            for name in getattr(site.articles[key], field):
                found[field][name] = found[field].get(name, 0) + 1
    return {f: sorted(c, key=lambda n: (-c[n], n)) for f, c in found.items()}
