"""Noticing saved files: scratch names ignored, bursts batched, native notifications and polling alike."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from generator.watch import NotifyWatcher, Timing, gather, ignored, open_watcher

NAMES = ("seeds", "content", "templates", "config.yaml")
FAST = Timing(interval=0.02, quiet=0.05)


@pytest.mark.parametrize("name, skip", [
    ("story.md", False), ("config.yaml", False), ("000_27c04b6d610372fb.txt", False), ("kebab.txt", False),
    (".story.md.swp", True), (".a-story.md.x1y2.tmp", True), ("story.md~", True), ("#story.md#", True),
    ("story.md.bak", True), ("story.md.bak2", True), ("4913", True), (".git", True),
])
def test_scratch_files_are_ignored(name: str, skip: bool) -> None:
    assert ignored(name) is skip


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


@pytest.fixture
def watcher_kind():
    """Return a function that opens a watcher on the system's notifications."""
    return lambda root, names, timing: NotifyWatcher(root, names, timing)


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


def test_open_watcher_watches_the_named_folders_that_exist(tmp_path: Path) -> None:
    watcher = open_watcher(project(tmp_path), NAMES)
    try:
        assert isinstance(watcher, NotifyWatcher)
        assert watcher.folders == {tmp_path / "seeds", tmp_path / "content"}
    finally:
        watcher.close()


def test_a_watched_folder_deleted_and_made_again_is_still_watched(tmp_path: Path) -> None:
    import shutil

    root = project(tmp_path)
    watcher = open_watcher(root, NAMES, FAST)
    try:
        shutil.rmtree(root / "seeds")
        assert root / "seeds" in watcher.wait(threading.Event())
        (root / "seeds").mkdir()
        watcher.wait(threading.Event())
        (root / "seeds" / "new.txt").write_text(" date 2025-11-07 copy")
        assert root / "seeds" / "new.txt" in watcher.wait(threading.Event())
    finally:
        watcher.close()


def test_polling_where_notifications_fail_sees_a_saved_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    story = root / "content" / "articles" / "2025" / "a.md"
    watcher = NotifyWatcher(root, NAMES, FAST, polling=True)
    try:
        for attempt in range(30):  # the poller takes its first look in the background: save until seen
            story.write_text(f"version {attempt} " * (attempt + 1))
            stop = threading.Event()
            timer = threading.Timer(1.0, stop.set)
            timer.start()
            found = watcher.wait(stop)
            timer.cancel()
            if story in found:
                break
        else:
            pytest.fail("polling never saw the saved story")
    finally:
        watcher.close()
