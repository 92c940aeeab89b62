"""Archives and paging in a built site: year and month pages, the editions index by month, editions in pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import write_config, write_story
from generator.build import build
from generator.config import load_config
from generator.errors import ConfigError

# paginate 2 (write_config): the day of three stories has two pages
STORIES = [dict(slug="azam-khan-meets-akhilesh", date="2025-11-07T10:15:00+05:30", people=["Azam Khan"]),
           dict(slug="bihar-campaign", date="2025-11-07T14:40:00+05:30", people=["Nitish Kumar"]),
           dict(slug="flood-relief", date="2025-11-07T18:05:00+05:30", people=["Azam Khan"], lead=True),
           dict(slug="patna-metro", date="2025-11-08T12:30:00+05:30"),
           dict(slug="diwali-lights", date="2025-10-20T19:00:00+05:30"),
           dict(slug="new-year-eve", date="2024-12-31T23:00:00+05:30")]


@pytest.fixture
def archive(project: Path) -> Path:
    """Return a project with stories over two years, three months and four days, built once."""
    for story in STORIES:
        write_story(project, **story)
    build(load_config(project))
    return project


def read(project: Path, rel: str) -> str:
    """Return the HTML of a page of site/."""
    return (project / "site" / rel / "index.html").read_text(encoding="utf-8")


def links(html: str, inside: str = "") -> list[str]:
    """Return the hrefs of HTML (of its first element with class INSIDE when given), in order."""
    if inside:
        html = html[html.index(f'class="{inside}'):]
    return re.findall(r'href="([^"]+)"', html)


def test_year_and_month_pages_list_their_editions_with_counts(archive: Path) -> None:
    year = read(archive, "2025")
    assert "<h1>2025</h1>" in year and "3 daily editions, 5 stories" in year
    assert year.index('href="/digest/2025/11/"') < year.index('href="/digest/2025/10/"')  # newest month first
    assert re.search(r'href="/digest/2025/11/07/">.*?<span class="count">3<', year, re.S)
    assert 'href="/digest/2024/"' in year and "2026" not in year  # the year before, none after
    month = read(archive, "2025/11")
    assert "<h1>November 2025</h1>" in month and "2 daily editions, 4 stories" in month
    assert month.index("Saturday 8 November 2025") < month.index("Friday 7 November 2025")
    assert 'href="/digest/2025/11/07/flood-relief/">Flood relief</a>' in month  # the editor's lead of the day
    assert 'href="/digest/2025/10/"' in month and 'href="/digest/2025/"' in month


def test_editions_index_is_grouped_by_month_and_links_the_month_and_year_pages(archive: Path) -> None:
    index = read(archive, "editions")
    months = re.findall(r'<h2 id="m-([\d-]+)" class="day-heading"><a href="([^"]+)">', index)
    assert months == [("2025-11", "/digest/2025/11/"), ("2025-10", "/digest/2025/10/"), ("2024-12", "/digest/2024/12/")]
    assert links(index, "letters")[:2] == ["/digest/2025/", "/digest/2024/"]


def test_a_long_edition_is_paginated_with_numbered_links(archive: Path) -> None:
    first, second = read(archive, "2025/11/07"), read(archive, "2025/11/07/page/2")
    assert first.count('class="card"') == 2 and second.count('class="card"') == 1
    assert "Flood relief" in first  # the lead leads
    numbers = re.findall(r'<a href="([^"]+)"( aria-current="page")?><span class="visually-hidden">Page </span>(\d+)</a>',
                         second)
    assert numbers == [("/digest/2025/11/07/", "", "1"), ("/digest/2025/11/07/page/2/", ' aria-current="page"', "2")]
    assert 'rel="prev" href="/digest/2025/11/07/"' in second
    assert "Azam Khan" in first and "People in this edition" in first
    assert "People in this edition" not in second  # the day's names are on its first page
    assert 'href="/digest/2025/11/"' in second  # its month


def test_archive_pages_are_in_the_sitemap(archive: Path) -> None:
    sitemap = (archive / "site/sitemap-2025.xml").read_text(encoding="utf-8")
    for rel in ("2025/", "2025/11/", "2025/10/", "2025/11/07/page/2/"):
        assert f"<loc>http://127.0.0.1:8000/digest/{rel}</loc>" in sitemap, rel
    assert "<loc>http://127.0.0.1:8000/digest/2024/</loc>" in (archive / "site/sitemap-2024.xml").read_text("utf-8")


def edit(project: Path, slug: str, day: str, **changes: object) -> None:
    """Change front matter fields of the story SLUG of DAY."""
    path = project / "content/articles" / day.replace("-", "/") / f"{slug}.md"
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    path.write_text("---\n" + yaml.safe_dump({**yaml.safe_load(head), **changes}, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


ARCHIVES = re.compile(r"^(\d{4}/(\d\d/)?index\.html|editions/)")


def test_a_story_edit_remakes_its_edition_pages_and_no_archive_page(archive: Path) -> None:
    edit(archive, "bihar-campaign", "2025-11-07", title="Bihar campaign ends")
    changed = set(build(load_config(archive)).changed)
    assert {"2025/11/07/page/2/index.html", "2025/11/07/index.html"} & changed  # where it is listed
    assert not {p for p in changed if ARCHIVES.match(p)}, sorted(changed)
    edit(archive, "flood-relief", "2025-11-07", title="Flood relief reaches Rampur")  # the day's lead
    changed = set(build(load_config(archive)).changed)
    assert "2025/11/index.html" in changed and "2025/index.html" not in changed and "editions/index.html" not in changed
    assert "Flood relief reaches Rampur" in read(archive, "2025/11")


def test_a_new_story_recounts_its_year_month_and_the_editions_index_only(archive: Path) -> None:
    write_story(archive, slug="late-news", date="2025-10-20T21:00:00+05:30")
    changed = set(build(load_config(archive)).changed)
    assert {"2025/index.html", "2025/10/index.html", "editions/index.html"} <= changed
    assert not {"2024/index.html", "2025/11/index.html", "2024/12/index.html"} & changed
    assert re.search(r'href="/digest/2025/10/20/">.*?<span class="count">2<', read(archive, "2025"), re.S)


def test_archive_urls_follow_the_permalinks_of_config(project: Path) -> None:
    write_config(project, permalinks={"year": "archive/{year}/", "month": "archive/{year}/{month}/"})
    for story in STORIES:
        write_story(project, **story)
    build(load_config(project))
    assert "November 2025" in read(project, "archive/2025/11")
    assert 'href="/digest/archive/2025/11/"' in read(project, "editions")


@pytest.mark.parametrize("pattern, message", [
    ({"month": "{year}/"}, "month: pattern must be a string containing {year} and {month}"),
    ({"year": "{year}/{day}/"}, "year: pattern must be a string containing {year} and no other {...}"),
])
def test_a_bad_archive_permalink_is_named(project: Path, pattern: dict, message: str) -> None:
    write_config(project, permalinks=pattern)
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert message in str(caught.value.problems[0])
