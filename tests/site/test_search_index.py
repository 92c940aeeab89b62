"""The search index in a build: written in parts, each re-indexed only when its stories change; absent when off."""

from __future__ import annotations

from pathlib import Path

import json

import pytest

from conftest import write_config, write_story
from generator import indexer, search
from generator.build import build
from generator.config import load_config
from generator.indexing import Indexing, Stopped


@pytest.fixture
def indexed(project: Path, monkeypatch) -> list[int]:
    """Write two stories, with search on; list the runs of the Pagefind indexer by the stories each took."""
    write_config(project, search=True)
    write_story(project, "azam-khan-meets-akhilesh", people=["Azam Khan"], places=["Lucknow"], body="They met.")
    write_story(project, "flood-relief", date="2025-11-08T00:00:00+05:30", places=["Rampur"], body="Boats came.")
    runs: list[int] = []
    real = search.index

    def counted(records, language, indexing=None):
        records = list(records)
        runs.append(len(records))
        return real(records, language, indexing)

    monkeypatch.setattr(search, "index", counted)
    return runs


def parts(project: Path) -> list[str]:
    """Return the parts of the index the search page merges, as site/pagefind/shards.json lists them."""
    return json.loads((project / "site" / "pagefind" / "shards.json").read_text())


def test_a_build_writes_the_index_a_search_page_and_a_box_on_every_page(project, indexed):
    result = build(load_config(project))
    site = project / "site"
    assert (site / "pagefind" / "2025" / "pagefind.js").is_file() and list((site / "pagefind" / "2025" / "fragment").iterdir())
    assert not list((site / "pagefind").glob("pagefind-ui.*")), "Pagefind's own interface is not shipped"
    page = (site / "search" / "index.html").read_text()
    assert 'data-pagefind="/digest/pagefind/"' in page and 'data-base="/digest/"' in page
    assert 'action="/digest/search/"' in (site / "index.html").read_text()
    person = (site / "people" / "azam-khan" / "index.html").read_text()
    assert 'href="/digest/search/?person=Azam%20Khan"' in person
    assert "/search/" not in (site / "sitemap.xml").read_text()
    assert result.pages["search"] == 1 and result.pages["search-index"] > 5
    assert indexed == [2] and parts(project) == ["2025"], "one part: the year 2025"
    assert [p.name for p in (site / "pagefind" / "2025").glob("wasm.*")] == ["wasm.en.pagefind"]
    assert not result.search_pending


def test_a_build_whose_stories_are_unchanged_does_not_index_again(project, indexed):
    build(load_config(project))
    write_config(project, paginate=1, search=True)  # every list page changes, no story does
    result = build(load_config(project))
    assert result.written > 0 and indexed == [2]
    story = project / "content" / "articles" / "2025" / "11" / "08" / "flood-relief.md"
    story.write_text(story.read_text().replace("Boats came.", "Boats and food came."))
    build(load_config(project))
    assert indexed == [2, 2]
    assert list((project / "site" / "pagefind" / "2025" / "fragment").iterdir())


def test_search_false_pays_nothing_and_removes_the_index(project, indexed, monkeypatch):
    build(load_config(project))
    write_config(project, search=False)
    monkeypatch.setattr(indexer, "Service", None)  # any use of the indexer would fail
    result = build(load_config(project))
    site = project / "site"
    assert not (site / "pagefind").exists() and not (site / "search").exists()
    assert "site-search" not in (site / "index.html").read_text()
    assert "Search within" not in (site / "people" / "azam-khan" / "index.html").read_text()
    assert result.pages["search-index"] == 0 and indexed == [2]


def test_search_must_be_true_or_false(project):
    write_config(project, search="yes")
    with pytest.raises(Exception, match="search: must be true or false"):
        load_config(project)


def test_a_digest_with_no_story_yet_builds_an_empty_index(project):
    write_config(project, search=True)
    build(load_config(project))
    assert parts(project) == [] and (project / "site" / "search" / "index.html").is_file()


def test_an_incremental_build_with_search_equals_a_clean_one(project, indexed, tmp_path):
    from test_incremental import assert_same_as_clean
    build(load_config(project))
    write_story(project, "patna-metro", date="2025-11-09T00:00:00+05:30", people=["Nitish Kumar"], body="A trial run.")
    build(load_config(project))
    assert_same_as_clean(project, tmp_path)


def test_an_edit_re_indexes_only_the_part_of_its_year(project, indexed):
    old = write_story(project, "mill-reopens", date="2024-03-02T00:00:00+05:30", places=["Kanpur"], body="Looms ran.")
    build(load_config(project))
    assert sorted(indexed) == [1, 2] and parts(project) == ["2025", "2024"]
    before = {p.name for p in (project / "site" / "pagefind" / "2025" / "fragment").iterdir()}
    old.write_text(old.read_text().replace("Looms ran.", "Looms ran again."))
    result = build(load_config(project))
    assert sorted(indexed) == [1, 1, 2] and result.indexed == 1, "only 2024 was indexed again"
    assert {p.name for p in (project / "site" / "pagefind" / "2025" / "fragment").iterdir()} == before
    old.unlink()
    build(load_config(project))
    assert parts(project) == ["2025"] and not (project / "site" / "pagefind" / "2024").exists()


def test_a_deferred_index_keeps_the_last_one_until_a_build_catches_up(project, indexed, tmp_path):
    from test_incremental import assert_same_as_clean
    build(load_config(project))
    story = write_story(project, "metro-trial", date="2025-11-09T00:00:00+05:30", body="A trial run of the metro.")
    result = build(load_config(project), indexing=Indexing(defer=True))
    assert result.written > 0 and result.search_pending and indexed == [2], "the pages came, the index waits"
    assert (project / "site" / "2025" / "11" / "09" / "metro-trial" / "index.html").is_file()
    assert parts(project) == ["2025"] and list((project / "site" / "pagefind" / "2025" / "fragment").iterdir())
    assert build(load_config(project), indexing=Indexing(defer=True)).up_to_date
    caught_up = build(load_config(project))  # nothing else changed: still not up to date, for the index
    assert not caught_up.up_to_date and not caught_up.search_pending and indexed == [2, 3]
    assert build(load_config(project)).up_to_date
    story.unlink()
    build(load_config(project), indexing=Indexing(defer=True))
    build(load_config(project))
    assert_same_as_clean(project, tmp_path)


def test_an_index_stopped_midway_keeps_the_pages_and_the_last_index(project, indexed, monkeypatch):
    build(load_config(project))
    write_story(project, "metro-trial", date="2025-11-09T00:00:00+05:30", body="A trial run of the metro.")
    indexing = Indexing(background=True)
    real = search.index

    def stopped_midway(records, language, indexing):
        indexing.stop()  # as the preview does when a save comes in
        return real(records, language, indexing)

    monkeypatch.setattr(search, "index", stopped_midway)
    result = build(load_config(project), indexing=indexing)
    assert result.search_pending and (project / "site" / "2025" / "11" / "09" / "metro-trial").is_dir()
    assert list((project / "site" / "pagefind" / "2025" / "fragment").iterdir()), "the last index still serves"
    monkeypatch.setattr(search, "index", real)
    assert build(load_config(project)).indexed == 3


def test_a_stopped_build_stops_before_it_puts_anything_in_place(project, indexed):
    build(load_config(project))
    write_story(project, "metro-trial", date="2025-11-09T00:00:00+05:30", body="A trial run of the metro.")
    indexing = Indexing(background=True)
    indexing.stop()
    with pytest.raises(Stopped):
        build(load_config(project), indexing=indexing)
    assert not (project / "site" / "2025" / "11" / "09").exists() and not (project / ".site.new").exists()
    assert build(load_config(project)).indexed == 3


def test_a_deferred_index_keeps_the_last_one_when_the_cache_is_lost(project, indexed, tmp_path):
    """As after an upgrade of the generator (its code is part of every cache key): the preview's
    first build defers indexing, and site/'s index still serves until the background run is done."""
    import shutil
    from test_incremental import assert_same_as_clean
    build(load_config(project))
    before = sorted(p.relative_to(project / "site") for p in (project / "site" / "pagefind").rglob("*"))
    shutil.rmtree(project / ".cache")
    result = build(load_config(project), indexing=Indexing(defer=True))
    assert result.search_pending and indexed == [2]
    assert parts(project) == ["2025"]
    assert sorted(p.relative_to(project / "site") for p in (project / "site" / "pagefind").rglob("*")) == before
    caught_up = build(load_config(project))
    assert not caught_up.search_pending and indexed == [2, 2]
    assert_same_as_clean(project, tmp_path)
