"""The search index in a build: written with the site, kept while the stories stay, absent when off."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_config, write_story
from generator import search
from generator.build import build
from generator.config import load_config


@pytest.fixture
def indexed(project: Path, monkeypatch) -> list[int]:
    """Write two stories, with search on; count the runs of the Pagefind indexer."""
    write_config(project, search=True)
    write_story(project, "azam-khan-meets-akhilesh", people=["Azam Khan"], places=["Lucknow"], body="They met.")
    write_story(project, "flood-relief", date="2025-11-08T00:00:00+05:30", places=["Rampur"], body="Boats came.")
    runs: list[int] = []
    real = search.index

    def counted(records, language):
        runs.append(1)
        return real(records, language)

    monkeypatch.setattr(search, "index", counted)
    return runs


def test_a_build_writes_the_index_a_search_page_and_a_box_on_every_page(project, indexed):
    result = build(load_config(project))
    site = project / "site"
    assert (site / "pagefind" / "pagefind.js").is_file() and list((site / "pagefind" / "fragment").iterdir())
    assert not list((site / "pagefind").glob("pagefind-ui.*")), "Pagefind's own interface is not shipped"
    page = (site / "search" / "index.html").read_text()
    assert 'data-pagefind="/digest/pagefind/pagefind.js"' in page and 'data-base="/digest/"' in page
    assert 'action="/digest/search/"' in (site / "index.html").read_text()
    person = (site / "people" / "azam-khan" / "index.html").read_text()
    assert 'href="/digest/search/?person=Azam%20Khan"' in person
    assert "/search/" not in (site / "sitemap.xml").read_text()
    assert result.pages["search"] == 1 and result.pages["search-index"] > 5 and indexed == [1]


def test_a_build_whose_stories_are_unchanged_does_not_index_again(project, indexed):
    build(load_config(project))
    write_config(project, paginate=1, search=True)  # every list page changes, no story does
    result = build(load_config(project))
    assert result.written > 0 and indexed == [1]
    story = project / "content" / "articles" / "2025" / "11" / "08" / "flood-relief.md"
    story.write_text(story.read_text().replace("Boats came.", "Boats and food came."))
    build(load_config(project))
    assert indexed == [1, 1]
    assert list((project / "site" / "pagefind" / "fragment").iterdir())


def test_search_false_pays_nothing_and_removes_the_index(project, indexed, monkeypatch):
    build(load_config(project))
    write_config(project, search=False)
    monkeypatch.setattr(search, "Service", None)  # any use of the indexer would fail
    result = build(load_config(project))
    site = project / "site"
    assert not (site / "pagefind").exists() and not (site / "search").exists()
    assert "site-search" not in (site / "index.html").read_text()
    assert "Search within" not in (site / "people" / "azam-khan" / "index.html").read_text()
    assert result.pages["search-index"] == 0 and indexed == [1]


def test_search_must_be_true_or_false(project):
    write_config(project, search="yes")
    with pytest.raises(Exception, match="search: must be true or false"):
        load_config(project)


def test_a_digest_with_no_story_yet_builds_an_empty_index(project):
    write_config(project, search=True)
    build(load_config(project))
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    assert (project / "site" / "search" / "index.html").is_file()


def test_an_incremental_build_with_search_equals_a_clean_one(project, indexed, tmp_path):
    from test_incremental import assert_same_as_clean
    build(load_config(project))
    write_story(project, "patna-metro", date="2025-11-09T00:00:00+05:30", people=["Nitish Kumar"], body="A trial run.")
    build(load_config(project))
    assert_same_as_clean(project, tmp_path)
