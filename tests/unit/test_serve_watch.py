"""Noticing saved files: scratch names ignored, bursts batched, inotify and polling alike."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from generator.watch import (InotifyWatcher, PollingWatcher, Timing, changed, gather, ignored,
                             open_watcher, scan)

NAMES = ("seeds", "content", "templates", "config.yaml")
FAST = Timing(interval=0.02, quiet=0.05)


@pytest.mark.parametrize("name, skip", [
    ("story.md", False), ("config.yaml", False), ("000_27c04b6d610372fb.txt", False), ("kebab.txt", False),
    (".story.md.swp", True), (".a-story.md.x1y2.tmp", True), ("story.md~", True), ("#story.md#", True),
    ("story.md.bak", True), ("story.md.bak2", True), ("4913", True), (".git", True),
])
def test_scratch_files_are_ignored(name: str, skip: bool) -> None:
    assert ignored(name) is skip


def test_scan_and_changed_see_additions_edits_and_removals(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("one")
    (tmp_path / "b.md").write_text("two")
    (tmp_path / ".a.md.swp").write_text("scratch")
    before = scan([tmp_path, tmp_path / "missing.yaml"])
    assert set(before) == {tmp_path / "a.md", tmp_path / "b.md"}
    (tmp_path / "a.md").write_text("one, longer")
    (tmp_path / "b.md").unlink()
    (tmp_path / "c.md").write_text("three")
    assert changed(before, scan([tmp_path])) == {tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"}


def test_a_burst_of_saves_is_one_batch() -> None:
    looks = iter([{Path("a")}, {Path("b")}, {Path("a")}, set(), set()])
    assert gather(lambda timeout: next(looks), threading.Event(), Timing(0.0, 0.0)) == {Path("a"), Path("b")}


def test_gather_waits_for_a_change_then_a_quiet_look() -> None:
    looks = iter([set(), set(), {Path("a")}, set(), {Path("b")}])
    assert gather(lambda timeout: next(looks), threading.Event(), Timing(0.0, 0.0)) == {Path("a")}


def test_gather_returns_nothing_once_stopped() -> None:
    stop = threading.Event()

    def look(timeout: float) -> set[Path]:
        stop.set()
        return {Path("a")}

    assert gather(look, stop, FAST) == frozenset()


def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "articles" / "2025").mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "config.yaml").write_text("title: T\n")
    return tmp_path


@pytest.fixture(params=["inotify", "polling"])
def watcher_kind(request):
    """Yield each kind of watcher's class."""
    if request.param == "inotify":
        try:
            InotifyWatcher(Path("/"), (), FAST).close()
        except (OSError, AttributeError):
            pytest.skip("inotify is not available here")
        return InotifyWatcher
    return PollingWatcher


def test_watcher_reports_saved_created_and_deleted_files(tmp_path: Path, watcher_kind) -> None:
    root = project(tmp_path)
    story = root / "content" / "articles" / "2025" / "a.md"
    story.write_text("old")
    watcher = watcher_kind(root, NAMES, FAST)
    try:
        story.write_text("new text")
        (root / "seeds" / "s.txt").write_text(" date 2025-11-07 copy")
        (root / "config.yaml").write_text("title: Changed\n")
        (root / "notes.txt").write_text("not watched")
        (root / "content" / ".a.md.swp").write_text("scratch")
        assert watcher.wait(threading.Event()) == {story, root / "seeds" / "s.txt", root / "config.yaml"}
        story.unlink()
        assert watcher.wait(threading.Event()) == {story}
    finally:
        watcher.close()


def test_watcher_follows_new_folders(tmp_path: Path, watcher_kind) -> None:
    root = project(tmp_path)
    watcher = watcher_kind(root, NAMES, FAST)
    try:
        day = root / "content" / "articles" / "2025" / "11" / "07"
        day.mkdir(parents=True)
        (day / "b.md").write_text("new story")
        (root / "templates").mkdir()
        assert day / "b.md" in watcher.wait(threading.Event())
        (root / "templates" / "article.html").write_text("{{ x }}")
        assert root / "templates" / "article.html" in watcher.wait(threading.Event())
    finally:
        watcher.close()


def test_open_watcher_prefers_inotify_on_linux(tmp_path: Path) -> None:
    watcher = open_watcher(project(tmp_path), NAMES)
    try:
        assert isinstance(watcher, (InotifyWatcher, PollingWatcher))
    finally:
        watcher.close()
