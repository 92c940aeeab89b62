"""The order of the day: editions and the home page by news value; dates too far ahead never lead."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import write_story
from generator.build import build
from generator.config import load_config


def slugs_in(page: Path) -> list[str]:
    """Return the stories a list page links to, in order."""
    return re.findall(r'class="card-title"><a href="/digest/\d{4}/\d\d/\d\d/([a-z0-9-]+)/"', page.read_text("utf-8"))


def edition_slugs(project: Path) -> list[str]:
    """Return the stories of the edition of 7 November, page after page (two a page)."""
    folder = project / "site/2025/11/07"
    pages = [folder / "index.html"] + [folder / f"page/{n}/index.html" for n in range(2, 10)]
    return [slug for page in pages if page.is_file() for slug in slugs_in(page)]


@pytest.fixture
def day(project: Path) -> Path:
    """Return a project with one day of wire stories, every one stamped 00:00 as ingest writes them."""
    write_story(project, slug="a-budget-is-passed", people=["Nirmala Sitharaman"], organisations=["Parliament"])
    write_story(project, slug="b-opposition-walks-out", organisations=["Congress"], people=["Rahul Gandhi"])
    write_story(project, slug="c-markets-rise", places=["Mumbai"], dateline="Mumbai")
    write_story(project, slug="m-budget-reaction", people=["Nirmala Sitharaman", "Rahul Gandhi"])
    write_story(project, slug="z-weather", places=["Chennai"], dateline="Chennai")
    return project


def test_edition_and_home_follow_news_value_not_the_alphabet(day: Path) -> None:
    build(load_config(day))
    expected = ["m-budget-reaction", "a-budget-is-passed", "b-opposition-walks-out", "c-markets-rise", "z-weather"]
    assert edition_slugs(day) == expected
    home = slugs_in(day / "site/index.html") + slugs_in(day / "site/page/2/index.html") + slugs_in(day / "site/page/3/index.html")
    assert home == expected


def test_an_editor_leads_with_another_story_and_ranks_the_rest(day: Path) -> None:
    write_story(day, slug="z-weather", places=["Chennai"], dateline="Chennai", lead=True)
    write_story(day, slug="c-markets-rise", places=["Mumbai"], dateline="Mumbai", priority=1)
    write_story(day, slug="m-budget-reaction", people=["Nirmala Sitharaman", "Rahul Gandhi"], priority=-1)
    build(load_config(day))
    assert edition_slugs(day) == [
        "z-weather", "c-markets-rise", "a-budget-is-passed", "b-opposition-walks-out", "m-budget-reaction"]


def test_a_time_in_the_date_orders_stories_of_equal_value(day: Path) -> None:
    write_story(day, slug="c-markets-rise", places=["Mumbai"], dateline="Mumbai", date="2025-11-07T09:15:00+05:30")
    write_story(day, slug="z-weather", places=["Chennai"], dateline="Chennai", date="2025-11-07T17:40:00+05:30")
    build(load_config(day))
    assert edition_slugs(day)[3:] == ["z-weather", "c-markets-rise"]


@pytest.mark.parametrize("field, value, message", [("priority", "high", "not a whole number"),
                                                   ("lead", "yes please", "not true or false")])
def test_a_bad_override_is_named_with_its_line(day: Path, field: str, value: str, message: str) -> None:
    write_story(day, slug="z-weather", **{field: value})
    (problem,) = build(load_config(day)).problems
    assert problem.path.endswith("z-weather.md") and message in problem.message and problem.line


def test_a_date_far_ahead_is_warned_about_and_never_leads_the_site(day: Path) -> None:
    soon = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    write_story(day, slug="typo-in-the-year", date=soon, people=["Nirmala Sitharaman", "Rahul Gandhi"], lead=True)
    result = build(load_config(day))
    (warning,) = result.warnings
    assert warning.severity == "warning" and warning.path.endswith("typo-in-the-year.md")
    assert "more than a day ahead" in warning.message
    assert slugs_in(day / "site/index.html")[0] == "m-budget-reaction"
    assert "Latest edition" in (day / "site/index.html").read_text("utf-8")
    assert (day / f"site/{soon.replace('-', '/')}/typo-in-the-year/index.html").is_file()  # still published
    again = build(load_config(day))  # not "nothing changed": the warning is said again
    assert not again.up_to_date and len(again.warnings) == 1


def test_a_date_of_tomorrow_may_lead(day: Path) -> None:
    tomorrow = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=12)).replace(microsecond=0).isoformat()
    write_story(day, slug="overnight", date=tomorrow)
    result = build(load_config(day))
    assert result.warnings == [] and slugs_in(day / "site/index.html")[0] == "overnight"
