"""Find the story files under content/ with their stats, listing again only the folders that changed.

Any write to a file changes its stat, so every story file is stat'ed on every build; but a folder
holds the same names as long as its own modification time is the same (adding, deleting or renaming
a file inside it changes it), so a folder seen unchanged is not listed again: its files are
stat'ed by name. Listing the folders was half the cost of a scan (0.2 s of 0.5 s for 100,000 files).
A folder changed too near the last scan to trust its time (TRUSTED_BEFORE) is listed again.

A scan is kept by folder, as a few strings: its files' names joined, and their stat keys packed
in the same order. Two scans that found the same are equal as values, compared at C speed; the
cache saves and loads a folder as one object, not a tuple per file (0.13 s each way for 100,000
files, now 0.01); and a build that finds nothing changed never makes the map of every file
(story_files).
"""

from __future__ import annotations

import hashlib
import os
import struct
from array import array
from typing import Callable, Mapping

RACY_NS = 2_000_000_000  # a file written this close to the last scan may have kept its stat: hash it
StatKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode: any write changes one
# its mtime_ns, the names of its story files and of its subfolders (each joined by "/", which no
# name holds), and its story files' stat keys (KEY packed, in the order of their names)
Folder = tuple[int, str, str, bytes]
KEY = struct.Struct("<qqqQ")
BY_FOLDER = os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")  # stat a name inside an open folder


def fingerprint(data: bytes) -> str:
    """Return a short, stable hash of some bytes (a story file's, for one whose stat cannot prove it unchanged)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def scan_folder(top: str, prefix: str, known: Mapping[str, Folder] | None = None,
                trusted_before: int = 0, on_change: Callable[[], object] | None = None) -> dict[str, Folder]:
    """Map each folder under TOP (named PREFIX + its path) to what it holds, with its files' stat keys.

    KNOWN is what the last scan returned: a folder it has, whose time is as then and older than
    TRUSTED_BEFORE, is not listed again. ON_CHANGE is called, once, as soon as a folder is found
    that KNOWN has not as it is now (a story file or folder changed, came or went).
    """
    folders: dict[str, Folder] = {}
    _scan(top, prefix, known or {}, trusted_before, folders, [on_change] if on_change else [])
    return folders


def names(joined: str) -> list[str]:
    """Return the names a Folder joined."""
    return joined.split("/") if joined else []


def keys(folder: Folder) -> list[StatKey]:
    """Return the stat keys of a folder's story files, in the order of their names."""
    return list(KEY.iter_unpack(folder[3]))


def story_files(folders: Mapping[str, Folder]) -> dict[str, StatKey]:
    """Map each story file of a scan (by its folder's name + its own) to its stat key, in path order."""
    return dict(sorted((rel + name, key) for rel, folder in folders.items()
                       for name, key in zip(names(folder[1]), keys(folder))))


def stat_key(folders: Mapping[str, Folder], path: str) -> StatKey:
    """Return the stat key of one story file of a scan, by its path."""
    rel, name = path.rsplit("/", 1)
    folder = folders[rel + "/"]
    return KEY.unpack_from(folder[3], names(folder[1]).index(name) * KEY.size)


def changed_files(folders: Mapping[str, Folder], known: Mapping[str, Folder]) -> list[str] | None:
    """Return the files whose stat key differs from KNOWN's, in path order; None when a file or
    folder was added or removed."""
    if folders.keys() != known.keys():
        return None
    changed = []
    for rel, folder in folders.items():
        old = known[rel]
        if folder[1:] == old[1:]:
            continue
        if folder[1:3] != old[1:3]:
            return None
        changed += [rel + name for name, key, was in zip(names(folder[1]), keys(folder), keys(old)) if key != was]
    return sorted(changed)


def stated_since(folders: Mapping[str, Folder], since: int) -> list[str]:
    """Return the files whose status changed at or after SINCE (ns): their stat cannot prove them unchanged."""
    found = []
    for rel, folder in folders.items():
        if max(array("q", folder[3])[2::4], default=since - 1) >= since:  # the folder's newest ctime
            found += [rel + name for name, key in zip(names(folder[1]), keys(folder)) if key[2] >= since]
    return found


def _scan(path: str, rel: str, known: Mapping[str, Folder], trusted_before: int,
          folders: dict[str, Folder], on_change: list[Callable[[], object]]) -> None:
    try:
        mtime = os.stat(path).st_mtime_ns
    except (FileNotFoundError, NotADirectoryError):
        return
    old = known.get(rel)
    stats = None
    if old is not None and old[0] == mtime and mtime < trusted_before:
        stats = _stat_all(path, names(old[1]))
    folder = _list(path, mtime) if stats is None else (mtime, old[1], old[2], stats)
    folders[rel] = folder
    if on_change and (old is None or folder[1:] != old[1:]):
        on_change.pop()()
    for name in names(folder[2]):
        _scan(f"{path}/{name}", f"{rel}{name}/", known, trusted_before, folders, on_change)


def _stat_all(path: str, files: list[str]) -> bytes | None:
    """Stat the files a folder held, packing their keys; None when one is gone (then the folder is listed again)."""
    stat, pack = os.stat, KEY.pack
    try:
        if not BY_FOLDER:  # pragma: no cover - Windows
            return b"".join([pack(s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino)
                             for s in [stat(f"{path}/{name}") for name in files]])
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:  # a name inside an open folder: the kernel walks one step, not the whole path
            return b"".join([pack(s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino)
                             for s in [stat(name, dir_fd=fd) for name in files]])
        finally:
            os.close(fd)
    except (OSError, struct.error):
        return None


def _pack(st: os.stat_result) -> bytes:
    """Return a file's stat key packed; a time past the year 2262 (or before 1678) is taken as that year's."""
    try:
        return KEY.pack(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    except struct.error:
        clamp = lambda ns: max(-2**63, min(ns, 2**63 - 1))  # noqa: E731
        return KEY.pack(st.st_size, clamp(st.st_mtime_ns), clamp(st.st_ctime_ns), st.st_ino % 2**64)


def _list(path: str, mtime: int) -> Folder:
    try:
        entries = list(os.scandir(path))
    except (FileNotFoundError, NotADirectoryError):
        return (mtime, "", "", b"")
    files, subfolders = [], []
    for entry in entries:
        if entry.name.startswith("."):  # editors' temporary and lock files, .git and the like
            continue
        if entry.is_dir(follow_symlinks=False):  # as rglob: a linked folder could loop
            subfolders.append(entry.name)
        elif entry.name.endswith(".md") and entry.is_file():
            files.append((entry.name, _pack(entry.stat())))
    files.sort()
    return (mtime, "/".join(name for name, _ in files), "/".join(sorted(subfolders)),
            b"".join(key for _, key in files))
