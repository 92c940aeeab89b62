"""Scanning content/: a folder seen unchanged is not listed again, and no change to a story is missed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.storyfiles import changed_files, scan_folder, stat_key, stated_since, story_files


def story(root: Path, rel: str, text: str = "---\ntitle: A\n---\nText.\n") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def age(root: Path, seconds: int = 60) -> None:
    """Date every folder under ROOT a minute back: older than the scan that follows trusts."""
    past = time.time_ns() - seconds * 1_000_000_000
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        os.utime(folder, ns=(past, past))


def key(path: Path) -> tuple[int, int, int, int]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def test_every_story_file_is_found_in_path_order_and_the_rest_left(tmp_path: Path) -> None:
    for rel in ("b/2.md", "a/1.md", "a/z/3.md", ".git/x.md", "a/notes.txt", "a/.draft.md"):
        story(tmp_path, rel)
    folders = scan_folder(str(tmp_path), "content/")
    files = story_files(folders)
    assert list(files) == ["content/a/1.md", "content/a/z/3.md", "content/b/2.md"]
    assert folders["content/a/"][1:3] == ("1.md", "z")
    assert files["content/a/1.md"] == key(tmp_path / "a/1.md") == stat_key(folders, "content/a/1.md")


def test_an_unchanged_folder_is_not_listed_but_its_files_are_stated(tmp_path: Path, monkeypatch) -> None:
    path = story(tmp_path, "a/1.md")
    story(tmp_path, "a/2.md")
    age(tmp_path)
    folders = scan_folder(str(tmp_path), "content/")
    path.write_text("---\ntitle: B, longer\n---\nText.\n", encoding="utf-8")  # in place: the folder keeps its time
    listed = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda p: listed.append(p) or real(p))
    again = scan_folder(str(tmp_path), "content/", folders, time.time_ns())
    assert listed == [] and story_files(again)["content/a/1.md"] == key(path)
    assert changed_files(again, folders) == ["content/a/1.md"]


def test_a_scan_of_nothing_changed_equals_the_last(tmp_path: Path) -> None:
    story(tmp_path, "a/1.md")
    story(tmp_path, "b/c/2.md")
    age(tmp_path)
    folders = scan_folder(str(tmp_path), "content/")
    again = scan_folder(str(tmp_path), "content/", folders, time.time_ns())
    assert again == folders and changed_files(again, folders) == []


def test_a_folder_touched_with_the_same_files_changes_no_file(tmp_path: Path) -> None:
    story(tmp_path, "a/1.md")
    age(tmp_path)
    folders = scan_folder(str(tmp_path), "content/")
    (tmp_path / "a/.1.md.swp").write_text("x", encoding="utf-8")  # an editor's file comes and goes
    (tmp_path / "a/.1.md.swp").unlink()
    assert changed_files(scan_folder(str(tmp_path), "content/", folders, time.time_ns()), folders) == []


def test_added_deleted_and_new_folders_are_seen(tmp_path: Path) -> None:
    story(tmp_path, "a/1.md")
    gone = story(tmp_path, "a/2.md")
    age(tmp_path)
    folders = scan_folder(str(tmp_path), "content/")
    gone.unlink()
    story(tmp_path, "a/3.md")
    story(tmp_path, "a/b/4.md")
    again = scan_folder(str(tmp_path), "content/", folders, time.time_ns())
    assert list(story_files(again)) == ["content/a/1.md", "content/a/3.md", "content/a/b/4.md"]
    assert changed_files(again, folders) is None


def test_a_renamed_story_is_a_change_even_with_its_stat(tmp_path: Path) -> None:
    story(tmp_path, "a/1.md")
    age(tmp_path)
    folders = scan_folder(str(tmp_path), "content/")
    os.rename(tmp_path / "a/1.md", tmp_path / "a/2.md")
    again = scan_folder(str(tmp_path), "content/", folders, time.time_ns())
    assert list(story_files(again)) == ["content/a/2.md"] and changed_files(again, folders) is None


def test_a_folder_changed_near_the_last_scan_is_listed_again(tmp_path: Path) -> None:
    story(tmp_path, "a/1.md")
    folders = scan_folder(str(tmp_path), "content/")
    mtime = folders["content/a/"][0]
    story(tmp_path, "a/2.md")
    os.utime(tmp_path / "a", ns=(mtime, mtime))  # a file added in the same clock tick keeps the folder's time
    again = scan_folder(str(tmp_path), "content/", folders, mtime)  # not trusted: as old as the last scan
    assert "content/a/2.md" in story_files(again)


def test_files_changed_since_a_time_are_named(tmp_path: Path) -> None:
    story(tmp_path, "a/1.md")
    folders = scan_folder(str(tmp_path), "content/")
    changed = key(tmp_path / "a/1.md")[2]
    assert stated_since(folders, changed) == ["content/a/1.md"] and stated_since(folders, changed + 1) == []


def test_a_story_dated_past_what_the_stat_key_holds_is_found(tmp_path: Path) -> None:
    path = story(tmp_path, "a/1.md")
    os.utime(path, ns=(2**63 - 1, 2**63 - 1))  # the year 2262, the most a file system's time takes
    folders = scan_folder(str(tmp_path), "content/")
    assert list(story_files(folders)) == ["content/a/1.md"]


def test_a_change_is_told_once_as_soon_as_it_is_seen(tmp_path: Path) -> None:
    story(tmp_path, "a/1.md")
    story(tmp_path, "b/2.md")
    age(tmp_path)
    folders = scan_folder(str(tmp_path), "content/")
    told = []
    scan_folder(str(tmp_path), "content/", folders, time.time_ns(), lambda: told.append("same"))
    story(tmp_path, "a/1.md", "---\ntitle: B, longer\n---\nText.\n")
    story(tmp_path, "b/3.md")
    scan_folder(str(tmp_path), "content/", folders, time.time_ns(), lambda: told.append("changed"))
    assert told == ["changed"]
