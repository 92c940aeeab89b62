"""The archives of the daily editions: a page per year and per month, and the editions index by month.

A year's page lists its months and their editions, a month's page its editions with the lead story
of each; the editions index lists every edition under its month, in pages of whole months. Each page
is a group that reads only the days it lists (how many stories each has, the newest's time) and,
on a month's page, the lead stories: an edit to a story remakes no archive page unless it moves a
story between days or changes a day's lead.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Iterator, NamedTuple, Sequence

from generator.config import Config
from generator.models import Site
from generator.paging import by_month, whole_months
from generator.planning import Group, Page
from generator.schemaorg import collection
from generator.urls import Urls
from generator.views import View, display_date, head, pagination

EDITIONS_PER_PAGE = 100  # days on a page of the editions index, in whole months: about six phone screens


class Day(NamedTuple):
    """An edition as the archives list it."""

    day: dt.date
    count: int  # its stories
    newest: str  # the time of its stories' latest change
    lead: str  # its first story's key


def archive_days(site: Site) -> list[Day]:
    """Return every edition as an archive lists it, newest first."""
    return [Day(e.day, len(e.articles), max(site.articles[k].modified for k in e.articles).isoformat(), e.articles[0])
            for e in site.editions if e.articles]


def archive_groups(site: Site, config: Config, urls: Urls) -> list[Group]:
    """Return the groups of the year and month pages and of the pages of the editions index."""
    days = archive_days(site)
    years = [(year, [d for d in days if d.day.year == year]) for year in dict.fromkeys(d.day.year for d in days)]
    return [*year_groups(config, urls, years), *month_groups(site, config, urls, days),
            *editions_groups(config, urls, days, tuple(year for year, _ in years))]


def year_groups(config: Config, urls: Urls, years: Sequence[tuple[int, list[Day]]]) -> Iterator[Group]:
    """Yield a group per year: its page reads its days (not their leads) and the years around it."""
    for i, (year, listed) in enumerate(years):
        around = (years[i - 1][0] if i else None, years[i + 1][0] if i + 1 < len(years) else None)
        rows = tuple(d[:3] for d in listed)
        yield Group(f"year:{year}", (), (), (rows, around),
                    partial(lambda *args: [year_page(*args)], config, urls, year, rows, around))


def month_groups(site: Site, config: Config, urls: Urls, days: Sequence[Day]) -> Iterator[Group]:
    """Yield a group per month: its page reads its days, their lead stories and the months around it."""
    months = by_month(days, lambda d: d.day)
    for i, (month, listed) in enumerate(months):
        around = (months[i - 1][0] if i else None, months[i + 1][0] if i + 1 < len(months) else None)
        yield Group(f"month:{month:%Y-%m}", tuple(d.lead for d in listed), (), (tuple(listed), around),
                    partial(lambda *args: [month_page(*args)], site, config, urls, month, tuple(listed), around))


def editions_groups(config: Config, urls: Urls, days: Sequence[Day], years: tuple[int, ...]) -> Iterator[Group]:
    """Yield a group per page of the editions index: it reads its months' days and the list of years."""
    pages = whole_months(by_month([d[:3] for d in days], lambda d: d[0]), EDITIONS_PER_PAGE)
    start = 1  # the position of the page's first edition among all
    for number, part in enumerate(pages, start=1):
        shown = tuple((month, tuple(listed)) for month, listed in part)
        yield Group(f"editions:{number}", (), (), (shown, number, len(pages), years, len(days), start),
                    partial(lambda *args: [editions_page(*args)], config, urls, shown, number, len(pages),
                            years, len(days), start))
        start += sum(len(listed) for _, listed in part)


def day_row(urls: Urls, day: Sequence) -> View:
    """Return an edition as a list shows it: its date, link and number of stories."""
    return {"url": urls.edition(day[0]), "date": display_date(day[0]), "datetime": day[0].isoformat(),
            "day": day[0].day, "weekday": f"{day[0]:%A}", "count": day[1]}


def month_row(urls: Urls, month: dt.date, days: Sequence[Sequence]) -> View:
    """Return a month as a list shows it: its name, link, editions and stories."""
    return {"url": urls.month(month), "name": f"{month:%B %Y}", "month": f"{month:%B}",
            "datetime": f"{month:%Y-%m}", "editions": len(days), "count": sum(d[1] for d in days),
            "days": [day_row(urls, d) for d in days]}


def year_page(config: Config, urls: Urls, year: int, days: Sequence[Sequence],
              around: tuple[int | None, int | None]) -> Page:
    """Return the page of YEAR: its months, newest first, each with its editions and their stories."""
    url, stories = urls.year(year), sum(d[1] for d in days)
    # the months newest first, as every list of the archive; a month's days in calendar order
    months = [month_row(urls, month, listed[::-1]) for month, listed in by_month(days, lambda d: d[0])]
    about = f"The {len(days)} daily editions of {year}: {stories} stories."
    listed = collection(config, urls, url, str(year), about, [day["url"] for month in months for day in month["days"]])
    context = {
        "head": head(config, urls, url, str(year), about, jsonld=listed),
        "year": year, "editions": len(days), "count": stories, "months": months,
        "newer": {"url": urls.year(around[0]), "name": str(around[0])} if around[0] else None,
        "older": {"url": urls.year(around[1]), "name": str(around[1])} if around[1] else None,
    }
    return Page(url, "year.html", context, "year", max(d[2] for d in days))


def month_page(site: Site, config: Config, urls: Urls, month: dt.date, days: Sequence[Day],
               around: tuple[dt.date | None, dt.date | None]) -> Page:
    """Return the page of MONTH: its editions, newest first, each with its stories and its lead story."""
    url, name = urls.month(month), f"{month:%B %Y}"
    rows = [day_row(urls, d) | {"lead": lead_link(site, urls, d.lead)} for d in days]
    stories = sum(d.count for d in days)
    about = f"The {len(days)} daily editions of {name}: {stories} stories."
    context = {
        "head": head(config, urls, url, name, about, jsonld=collection(config, urls, url, name, about,
                                                                      [row["url"] for row in rows])),
        "name": name, "editions": len(days), "count": stories, "days": rows,
        "year": {"url": urls.year(month.year), "name": str(month.year)},
        "newer": {"url": urls.month(around[0]), "name": f"{around[0]:%B %Y}"} if around[0] else None,
        "older": {"url": urls.month(around[1]), "name": f"{around[1]:%B %Y}"} if around[1] else None,
    }
    return Page(url, "month.html", context, "month", max(d.newest for d in days))


def lead_link(site: Site, urls: Urls, key: str) -> View:
    """Return a link to a day's lead story."""
    article = site.articles[key]
    return {"title": article.title, "url": urls.article(article.day, article.slug)}


def editions_page(config: Config, urls: Urls, months: Sequence[tuple[dt.date, Sequence[Sequence]]], number: int,
                  total: int, years: Sequence[int], editions: int, start: int = 1) -> Page:
    """Return page NUMBER of the editions index: every edition under its month, newest first.

    START is the position of its first edition among all.
    """
    first = urls.index("editions")
    url = urls.paginated(first, number)
    title = "Editions" if number == 1 else f"Editions, page {number}"
    about = "Every daily edition, by month, with the number of stories in each."
    rows = [month_row(urls, month, listed) for month, listed in months]
    listed = collection(config, urls, url, title, about, [day["url"] for month in rows for day in month["days"]], start)
    context = {
        "head": head(config, urls, url, title, about, jsonld=listed), "months": rows, "count": editions,
        "years": [{"url": urls.year(year), "name": str(year)} for year in years],
        "pagination": pagination(urls, first, number, total),
    }
    return Page(url, "editions.html", context, "index",
                max((d[2] for _, listed in months for d in listed), default=None))
