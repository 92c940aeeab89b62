"""The preview's search index: a save is shown first, the index catches up in the background after."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest

from conftest import write_config, write_story
from generator import search
from generator.config import load_config
from generator.indexing import Stopped
from generator.preview import Preview

WAIT = 60  # seconds: a bound on a wait that must end, never a measured time


class Gate:
    """Pagefind held at a gate: each indexing waits until the test opens it (or the indexing is stopped)."""

    def __init__(self, monkeypatch) -> None:
        self.open = threading.Event()
        self.waiting = threading.Semaphore(0)
        self.runs: list[int] = []
        real = search.index

        def gated(records, language, indexing=None):
            records = list(records)
            self.waiting.release()
            while not self.open.wait(0.01):
                if indexing is not None and indexing.stopped:
                    raise Stopped()
            self.runs.append(len(records))
            return real(records, language, indexing)

        monkeypatch.setattr(search, "index", gated)


def index_files(project: Path) -> dict[str, bytes]:
    top = project / "site" / "pagefind"
    return {str(p.relative_to(top)): p.read_bytes() for p in top.rglob("*") if p.is_file()}


def parts(project: Path) -> list[str]:
    return json.loads((project / "site" / "pagefind" / "shards.json").read_text())


@pytest.fixture
def preview(project: Path, monkeypatch):
    """A background-indexing preview (as `digest serve` runs it) of two stories, its index gated."""
    write_config(project, search=True)
    write_story(project, "flood-relief", places=["Rampur"], body="Boats came.")
    write_story(project, "metro-trial", date="2025-11-08T00:00:00+05:30", body="A trial run.")
    gate = Gate(monkeypatch)
    shown = Preview(load_config(project), out=io.StringIO(), err=io.StringIO(), background=True)
    shown.gate = gate
    shown.indexed = threading.Event()
    shown.on_indexed = shown.indexed.set
    yield shown
    gate.open.set()
    shown.close()


def test_the_first_build_is_served_before_the_index_is_made(project, preview):
    preview.start()
    assert (project / "site" / "index.html").is_file() and parts(project) == [] and preview.gate.runs == []
    preview.catch_up()
    assert preview.gate.waiting.acquire(timeout=WAIT)
    preview.gate.open.set()
    assert preview.indexed.wait(WAIT)
    assert parts(project) == ["2025"] and preview.gate.runs == [2]
    assert "search index caught up" in preview.out.getvalue()


def test_a_save_shows_at_once_and_the_index_catches_up_after_the_saves_stop(project, preview, tmp_path):
    from test_incremental import assert_same_as_clean
    preview.gate.open.set()
    preview.start()
    preview.catch_up()
    assert preview.indexed.wait(WAIT)
    preview.indexed.clear()
    preview.gate.open.clear()
    before = index_files(project)
    story = project / "content" / "articles" / "2025" / "11" / "07" / "flood-relief.md"
    story.write_text(story.read_text().replace("Boats came.", "Boats came, and a zeppelin."))
    preview.rebuild([story])
    page = project / "site" / "2025" / "11" / "07" / "flood-relief" / "index.html"
    assert "zeppelin" in page.read_text() and index_files(project) == before, "the page first, the index as it was"
    preview.catch_up()
    assert preview.gate.waiting.acquire(timeout=WAIT)  # indexing, held at the gate
    story.write_text(story.read_text().replace("a zeppelin", "two zeppelins"))
    preview.rebuild([story])  # stops the indexing under way, shows the save
    assert "two zeppelins" in page.read_text() and index_files(project) == before and not preview.indexed.is_set()
    preview.catch_up()
    preview.gate.open.set()
    assert preview.indexed.wait(WAIT)
    assert preview.gate.runs == [2, 2], "the stopped run indexed nothing; the one after it, the part of the save"
    assert index_files(project) != before
    preview.close()
    assert_same_as_clean(project, tmp_path)


def test_with_search_off_the_preview_never_starts_the_indexer(project, monkeypatch):
    from generator import indexer
    write_story(project, "flood-relief", places=["Rampur"], body="Boats came.")
    monkeypatch.setattr(indexer, "Service", None)  # any use of the indexer would fail
    shown = Preview(load_config(project), out=io.StringIO(), err=io.StringIO(), background=True)
    try:
        shown.start()
        shown.catch_up()
        story = project / "content" / "articles" / "2025" / "11" / "07" / "flood-relief.md"
        story.write_text(story.read_text().replace("Boats came.", "Boats and food came."))
        shown.rebuild([story])
        shown.catch_up()
        assert shown.reindexer.idle and shown.problems == ()
        assert not (project / "site" / "pagefind").exists() and not (project / "site" / "search").exists()
        assert "search index" not in shown.out.getvalue() + shown.err.getvalue()
    finally:
        shown.close()
