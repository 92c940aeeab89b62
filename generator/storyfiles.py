"""Find the story files under content/ with their stats, listing again only the folders that changed.

Any write to a file changes its stat, so every story file is stat'ed on every build; but a folder
holds the same names as long as its own modification time is the same (adding, deleting or renaming
a file inside it changes it), so a folder seen unchanged is not listed again: its files are
stat'ed by name. Listing the folders was half the cost of a scan (0.2 s of 0.5 s for 100,000 files).
A folder changed too near the last scan to trust its time (TRUSTED_BEFORE) is listed again.
"""

from __future__ import annotations

import os
from typing import Mapping

StatKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode: any write changes one
Folder = tuple[int, tuple[str, ...], tuple[str, ...]]  # its mtime_ns, its story files, its subfolders


def scan_folder(top: str, prefix: str, known: Mapping[str, Folder] | None = None,
                trusted_before: int = 0) -> tuple[dict[str, StatKey], dict[str, Folder]]:
    """Map each story file under TOP (named PREFIX + its path) to its stat key, in path order.

    Return also each folder (by PREFIX + path) as this scan found it, to pass as KNOWN next time.
    """
    found: dict[str, StatKey] = {}
    folders: dict[str, Folder] = {}
    _scan(top, prefix, known or {}, trusted_before, found, folders)
    return dict(sorted(found.items())), folders


def _scan(path: str, rel: str, known: Mapping[str, Folder], trusted_before: int,
          found: dict[str, StatKey], folders: dict[str, Folder]) -> None:
    try:
        mtime = os.stat(path).st_mtime_ns
    except (FileNotFoundError, NotADirectoryError):
        return
    old = known.get(rel)
    if old is not None and old[0] == mtime and mtime < trusted_before and _stat_all(path, rel, old[1], found):
        folder = old
    else:
        folder = _list(path, rel, mtime, found)
    folders[rel] = folder
    for name in folder[2]:
        _scan(f"{path}/{name}", f"{rel}{name}/", known, trusted_before, found, folders)


def _stat_all(path: str, rel: str, names: tuple[str, ...], found: dict[str, StatKey]) -> bool:
    """Stat the files a folder held; False when one is gone (then the folder is listed again)."""
    stat = os.stat
    for name in names:
        try:
            st = stat(f"{path}/{name}")
        except OSError:
            return False
        found[rel + name] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return True


def _list(path: str, rel: str, mtime: int, found: dict[str, StatKey]) -> Folder:
    try:
        entries = list(os.scandir(path))
    except (FileNotFoundError, NotADirectoryError):
        return (mtime, (), ())
    names, subfolders = [], []
    for entry in entries:
        if entry.name.startswith("."):  # editors' temporary and lock files, .git and the like
            continue
        if entry.is_dir(follow_symlinks=False):  # as rglob: a linked folder could loop
            subfolders.append(entry.name)
        elif entry.name.endswith(".md") and entry.is_file():
            st = entry.stat()
            found[rel + entry.name] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            names.append(entry.name)
    return (mtime, tuple(sorted(names)), tuple(sorted(subfolders)))
