"""Organisation pages: one per organisation, with its feed, in the index, the sitemap and on story pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import write_config, write_story
from generator.build import build
from generator.config import load_config

STORIES = [
    dict(slug="sp-names-candidates", date="2025-11-07T10:15:00+05:30", people=["Akhilesh Yadav"],
         places=["Lucknow"], organisations=["Samajwadi Party", "Election Commission"], tags=["Politics"],
         body="The Samajwadi Party named its candidates."),
    dict(slug="bsp-answers", date="2025-11-08T09:00:00+05:30", people=["Mayawati"], places=["Lucknow"],
         organisations=["Bahujan Samaj Party", "Samajwadi Party"], tags=["Politics"],
         body="The Bahujan Samaj Party answered."),
    dict(slug="court-hears-plea", date="2025-11-08T12:00:00+05:30", people=["Azam Khan"], places=["Prayagraj"],
         organisations=["Allahabad High Court"], tags=["Courts"], body="The court heard the plea."),
]


@pytest.fixture
def digest(project: Path) -> Path:
    """Return a project with three stories naming organisations, built once."""
    for story in STORIES:
        write_story(project, **story)
    build(load_config(project))
    return project


def read(project: Path, rel: str) -> str:
    """Return the text of a built file."""
    return (project / "site" / rel).read_text(encoding="utf-8")


def test_each_organisation_has_a_page_and_a_feed_of_its_stories(digest: Path) -> None:
    page = read(digest, "organisations/samajwadi-party/index.html")
    assert "<h1>Samajwadi Party</h1>" in page and "2 stories" in page
    assert "Sp names candidates" in page and "Bsp answers" in page and "Court hears plea" not in page
    assert 'href="/digest/organisations/">Organisations</a>' in page  # the kicker and the section
    feed = read(digest, "organisations/samajwadi-party/feed.xml")
    assert feed.count("<entry>") == 2 and "<content" not in feed  # term_feeds: summary by default
    assert 'href="/digest/organisations/samajwadi-party/feed.xml"' in page


def test_organisations_index_lists_them_with_counts(digest: Path) -> None:
    index = read(digest, "organisations/index.html")
    names = re.findall(r'<a href="/digest/organisations/[a-z-]+/">([^<]+)</a>', index)
    assert names == ["Allahabad High Court", "Bahujan Samaj Party", "Election Commission", "Samajwadi Party"]
    assert "<h1>Organisations</h1>" in index


def test_story_page_links_its_organisations_and_names_them_in_json_ld(digest: Path) -> None:
    page = read(digest, "2025/11/07/sp-names-candidates/index.html")
    assert '<a href="/digest/organisations/election-commission/">Election Commission</a>' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    kinds = {m["name"]: m["@type"] for m in data["mentions"]}
    assert kinds == {"Akhilesh Yadav": "Person", "Lucknow": "Place", "Samajwadi Party": "Organization",
                     "Election Commission": "Organization"}
    assert "http://127.0.0.1:8000/digest/organisations/samajwadi-party/" in {m["url"] for m in data["mentions"]}


def test_edition_names_its_organisations(digest: Path) -> None:
    edition = read(digest, "2025/11/08/index.html")
    assert "Organisations in this edition" in edition
    assert '<a href="/digest/organisations/allahabad-high-court/">Allahabad High Court</a>' in edition


def test_sitemap_lists_organisation_pages_and_build_counts_them(project: Path) -> None:
    for story in STORIES:
        write_story(project, **story)
    result = build(load_config(project))
    assert result.pages["organisation"] == 4
    sitemap = read(project, "sitemap-2025.xml")
    assert "<loc>http://127.0.0.1:8000/digest/organisations/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/digest/organisations/bahujan-samaj-party/</loc>" in sitemap


def test_organisation_permalink_and_full_feeds_follow_config(project: Path) -> None:
    write_config(project, permalinks={"organisation": "bodies/{slug}/"}, term_feeds="full")
    for story in STORIES:
        write_story(project, **story)
    build(load_config(project))
    assert "<h1>Allahabad High Court</h1>" in read(project, "bodies/allahabad-high-court/index.html")
    assert "<content" in read(project, "bodies/allahabad-high-court/feed.xml")
    story = read(project, "2025/11/08/court-hears-plea/index.html")
    assert 'href="/digest/bodies/allahabad-high-court/"' in story
    assert not (project / "site/organisations/allahabad-high-court").exists()
    assert (project / "site/organisations/index.html").is_file()  # the index keeps its name


def test_a_letter_of_many_pages_folds_its_list_of_pages(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.indexes.ROWS_PER_PAGE", 1)
    for i in range(8):
        write_story(project, slug=f"board-{i}", date=f"2025-11-0{1 + i}T09:00:00+05:30",
                    organisations=[f"Board {chr(65 + i)}", "Bank"], body="A board met.")
    build(load_config(project))
    first = read(project, "organisations/letter/b/index.html")
    last = read(project, "organisations/letter/b/page/9/index.html")
    assert '<details class="guides">' in first and "The 9 pages of organisations under B" in first
    assert '<a href="/digest/organisations/letter/b/page/9/">Board H – Board H</a>' in first
    assert 'aria-current="page">Board H – Board H</a>' in last
    few = read(project, "organisations/2-or-more/index.html")  # Bank alone: one page, no list of pages
    assert "Bank" in few and "guides" not in few
