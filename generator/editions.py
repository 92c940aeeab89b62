"""The daily editions: a day's stories by news value, in pages, the first naming who and what was in the news.

A 100-story day would be one page over fifty phone screens tall, so an edition is paginated as
every list is (`paginate` stories a page, /2025/11/07/page/2/). Each page is a group of its own:
an edit to a story remakes the page that shows it, and the first page, which lists the names of
the whole day.
"""

from __future__ import annotations

from functools import partial
from typing import Iterator, Mapping, Sequence

from generator.config import Config
from generator.models import Edition, Site
from generator.planning import Group, Page, newest
from generator.schemaorg import collection
from generator.urls import Urls
from generator.views import View, article_names, chunks, display_date, head, pagination, term_link

NAMES_SHOWN = 15  # of each kind, the names in the most of the day's stories: a busy day names hundreds
NAMED = ("people", "places", "organisations")
KINDS = {"people": "person", "places": "place", "organisations": "organisation"}


def edition_groups(site: Site, config: Config, urls: Urls, cards: Mapping[str, View]) -> Iterator[Group]:
    """Yield one group per day (in parts, a page each), linked to the days before and after it."""
    editions = site.editions
    for i, edition in enumerate(editions):
        newer, older = (editions[i - 1] if i else None), (editions[i + 1] if i + 1 < len(editions) else None)
        parts = partial(edition_page_groups, site, config, urls, cards, edition, newer, older)
        yield Group(f"edition:{edition.day}", edition.articles, (),
                    (newer.day if newer else None, older.day if older else None),
                    partial(lambda parts: [page for part in parts() for page in part.make()], parts), parts)


def edition_page_groups(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], edition: Edition,
                        newer: Edition | None, older: Edition | None) -> list[Group]:
    """Return a group per page of one edition: a page reads its stories; the first, the day's names too."""
    pages = chunks(edition.articles, config.paginate)
    days = (newer.day if newer else None, older.day if older else None)
    return [Group(f"edition:{edition.day}:{number}", edition.articles if number == 1 else tuple(keys), (),
                  (days, number, len(pages), len(edition.articles)),
                  partial(lambda *args: [edition_page(*args)], site, config, urls, cards, edition, number,
                          keys, len(pages), newer, older))
            for number, keys in enumerate(pages, start=1)]


def edition_page(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], edition: Edition,
                 number: int, keys: Sequence[str], total: int, newer: Edition | None,
                 older: Edition | None) -> Page:
    """Return page NUMBER of a day's edition, linked to its other pages and to the days around it."""
    first = urls.edition(edition.day)
    url, date = urls.paginated(first, number), display_date(edition.day)
    title = f"Edition of {date}" + (f", page {number}" if number > 1 else "")
    count, about = len(edition.articles), f"{len(edition.articles)} stories of {date}."
    listed = collection(config, urls, url, title, about, [cards[k]["url"] for k in keys],
                        (number - 1) * config.paginate + 1)
    context = {
        # shared, the edition shows its lead story's picture
        "head": head(config, urls, url, title, about, image=cards[keys[0]]["image"] if number == 1 and keys else None,
                     jsonld=listed),
        "date": date, "datetime": edition.day.isoformat(), "count": count,
        "first": (number - 1) * config.paginate + 1, "items": [cards[k] for k in keys],
        "month": {"url": urls.month(edition.day), "name": f"{edition.day:%B %Y}"},
        **day_names(site, urls, edition.articles if number == 1 else ()),
        "newer": {"url": urls.edition(newer.day), "date": display_date(newer.day)} if newer else None,
        "older": {"url": urls.edition(older.day), "date": display_date(older.day)} if older else None,
        "pagination": pagination(urls, first, number, total),
    }
    return Page(url, "edition.html", context, "edition", newest(site, edition.articles if number == 1 else keys))


def day_names(site: Site, urls: Urls, keys: Sequence[str]) -> View:
    """Return the people, places and organisations most named in the stories KEYS, and how many each has.

    people: the links (at most NAMES_SHOWN); people_total: all the stories name; and so on.
    """
    names = article_names(site, keys)
    found: View = {}
    for field in NAMED:
        found[field] = [term_link(urls, KINDS[field], name) for name in names[field][:NAMES_SHOWN]]
        found[f"{field}_total"] = len(names[field])
    return found
