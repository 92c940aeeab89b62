"""Daily editions in pages, and the year, month and editions-index pages: what each shows and reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from generator.archives import Day, archive_days, archive_groups
from generator.config import Config
from generator.editions import NAMES_SHOWN, day_names, edition_groups
from generator.models import Article
from generator.pages import Cards
from generator.taxonomy import organise
from generator.urls import Urls

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
CONFIG = Config(root=Path("."), base_url="https://example.org/digest/", paginate=2)
URLS = Urls(CONFIG.base_url, CONFIG.permalinks)


def story(slug: str, month: int, day: int, hour: int = 10, year: int = 2025, **names) -> Article:
    """Return a small Article."""
    return Article(source=f"content/{slug}.md", slug=slug, title=slug.replace("-", " ").title(), summary="S.",
                   date=dt.datetime(year, month, day, hour, tzinfo=IST), body="Text.",
                   **{k: tuple(v) for k, v in names.items()})


STORIES = [story("a", 11, 7, 9), story("b", 11, 7, 11), story("c", 11, 7, 12), story("d", 11, 8),
           story("e", 10, 30), story("f", 12, 31, year=2024)]


def made(stories=STORIES) -> dict:
    """Return every archive and edition page of STORIES by URL."""
    site = organise(stories)
    groups = list(archive_groups(site, CONFIG, URLS)) + list(edition_groups(site, CONFIG, URLS, Cards(site, URLS, None)))
    return {page.url: page for group in groups for page in group.make()}


def test_a_day_in_pages_of_paginate_stories_linked_by_number():
    pages = made()
    first, second = pages["/digest/2025/11/07/"], pages["/digest/2025/11/07/page/2/"]
    assert [c["key"] for c in first.context["items"]] + [c["key"] for c in second.context["items"]] == [
        "2025/11/07/c", "2025/11/07/b", "2025/11/07/a"]  # equal news value: the later first
    assert second.context["head"]["title"] == "Edition of 7 November 2025, page 2" and second.context["first"] == 3
    assert [n["number"] for n in second.context["pagination"]["numbers"]] == [1, 2]
    assert first.context["month"] == {"url": "/digest/2025/11/", "name": "November 2025"}
    assert first.context["older"]["url"] == "/digest/2025/10/30/" and second.context["newer"]["url"] == "/digest/2025/11/08/"


def test_only_the_first_page_names_the_days_people_the_most_named_first():
    names = [f"Person {i:02d}" for i in range(NAMES_SHOWN + 5)]
    stories = [story(f"s{i}", 11, 7, people=names[i:] if i else names) for i in range(3)]
    pages = made(stories)
    people = pages["/digest/2025/11/07/"].context["people"]
    assert len(people) == NAMES_SHOWN and people[0]["name"] == "Person 02"  # in all three stories
    assert pages["/digest/2025/11/07/"].context["people_total"] == NAMES_SHOWN + 5
    assert pages["/digest/2025/11/07/page/2/"].context["people"] == []
    assert day_names(organise(stories), URLS, ())["places_total"] == 0


def test_year_page_lists_its_months_newest_first_and_their_days_in_calendar_order():
    year = made()["/digest/2025/"]
    months = year.context["months"]
    assert [(m["name"], m["editions"], m["count"]) for m in months] == [("November 2025", 2, 4), ("October 2025", 1, 1)]
    assert [(d["day"], d["count"], d["url"]) for d in months[0]["days"]] == [
        (7, 3, "/digest/2025/11/07/"), (8, 1, "/digest/2025/11/08/")]
    assert year.context["older"]["url"] == "/digest/2024/" and year.context["newer"] is None
    assert year.kind == "year" and year.lastmod == "2025-11-08T10:00:00+05:30"


def test_month_page_lists_its_days_newest_first_with_their_lead_stories():
    month = made()["/digest/2025/11/"]
    assert [(d["date"], d["count"], d["lead"]["title"]) for d in month.context["days"]] == [
        ("8 November 2025", 1, "D"), ("7 November 2025", 3, "C")]
    assert month.context["year"]["url"] == "/digest/2025/" and month.context["older"]["name"] == "October 2025"
    assert month.kind == "month" and month.lastmod == "2025-11-08T10:00:00+05:30"


def test_editions_index_groups_days_under_months_and_links_the_years():
    index = made()["/digest/editions/"]
    assert [(m["name"], m["url"], [d["day"] for d in m["days"]]) for m in index.context["months"]] == [
        ("November 2025", "/digest/2025/11/", [8, 7]), ("October 2025", "/digest/2025/10/", [30]),
        ("December 2024", "/digest/2024/12/", [31])]
    assert [y["url"] for y in index.context["years"]] == ["/digest/2025/", "/digest/2024/"]
    assert index.kind == "index" and index.context["pagination"]["total"] == 1


def test_editions_index_pages_hold_whole_months(monkeypatch):
    monkeypatch.setattr("generator.archives.EDITIONS_PER_PAGE", 2)
    pages = made()
    assert [m["name"] for m in pages["/digest/editions/"].context["months"]] == ["November 2025"]
    assert [m["name"] for m in pages["/digest/editions/page/2/"].context["months"]] == ["October 2025", "December 2024"]


def keyed(stories) -> dict:
    """Return what each archive and edition group reads: its shown stories' fields and its other values."""
    site = organise(stories)
    groups = list(archive_groups(site, CONFIG, URLS))
    for group in edition_groups(site, CONFIG, URLS, Cards(site, URLS, None)):
        groups += group.parts()
    return {g.name: (tuple(site.articles[k] for k in g.shows), g.extra) for g in groups}


def test_a_story_edit_changes_what_its_pages_read_and_no_other_archive_page():
    before = keyed(STORIES)
    retitled = [dataclasses.replace(s, title="New") if s.slug == "a" else s for s in STORIES]
    changed = {name for name, value in keyed(retitled).items() if before[name] != value}
    assert changed == {"edition:2025-11-07:1", "edition:2025-11-07:2"}  # the day's names, and its own page
    moved = [dataclasses.replace(s, date=s.date.replace(day=8)) if s.slug == "a" else s for s in STORIES]
    changed = {name for name, value in keyed(moved).items() if before.get(name) != value}
    assert {"year:2025", "month:2025-11", "editions:1"} <= changed and "year:2024" not in changed
    assert not any(name.startswith(("month:2025-10", "edition:2025-10")) for name in changed)


def test_a_new_lead_changes_the_month_page_but_not_the_year_page():
    before = keyed(STORIES)
    led = [dataclasses.replace(s, lead=True) if s.slug == "a" else s for s in STORIES]
    changed = {name for name, value in keyed(led).items() if before[name] != value}
    assert "month:2025-11" in changed and "year:2025" not in changed and "editions:1" not in changed


def test_archive_days_newest_first():
    assert archive_days(organise(STORIES))[:2] == [
        Day(dt.date(2025, 11, 8), 1, "2025-11-08T10:00:00+05:30", "2025/11/08/d"),
        Day(dt.date(2025, 11, 7), 3, "2025-11-07T12:00:00+05:30", "2025/11/07/c")]
