"""The build cache between runs: what the last build read and made, kept in .cache/.

Six parts, so that each build reads only what it needs: `state` (stats of the inputs) and `outputs`
(each file in site/ with a hash of its bytes): all that a build with nothing to do reads; `plan`
(term lists and related stories),
`groups` (each page group's key and pages), `sources` (the parsed stories, with the groups that
read each story's text in `readers`) and `markdown` (rendered bodies by the hash of their Markdown).
All but the first two are split into shard files, so that an edit reads and rewrites a few small
files: the stories by their day (an edit's neighbours, related stories and the feed's newest are
near it in time), the groups by a hash of what owns them (a name, a day: cacheshards.group_owner),
the Markdown by its hash. Each file carries a stamp (cache version, generator code, and what else
it depends on); a file with another stamp, or one that cannot be read, counts as empty.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator.cacheshards import shard_name, shard_of
from generator.nocollection import no_collection
from generator.write import write_atomic, write_unread

CACHE_VERSION = 7
PARTS = ("state", "outputs", "plan", "groups", "sources", "readers", "markdown")
SHARDED = ("groups", "sources", "readers", "markdown")
PENDING = ".next"  # a part saved by a build not yet committed (commit.py renames it into place)
IN_PLACE = ("markdown",)  # keyed by the hash of what it holds: never wrong for any build
MISSING = object()  # what lookup() finds for a key its shard does not hold


def quick_digest(value: Any) -> str:
    """Return a stable hash of a value made of tuples, strings, numbers, dates and None."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=20).hexdigest()


class PageRecord(NamedTuple):
    """One output the last build made: enough to list it, count it and skip it next time."""

    path: str  # inside site/
    url: str
    kind: str
    lastmod: str | None
    in_sitemap: bool
    fingerprint: str  # sha1 of its bytes (the sitemap's: of the URLs and dates it lists)


@dataclass(slots=True)
class State:
    """What the last build read and wrote: all a build that has nothing to do needs to know."""

    inputs: str = ""  # hash of config, code, templates and static files
    hashes: dict[str, str] = field(default_factory=dict)  # the hash of each file whose stat cannot prove it
    scanned_at: int = 0  # ns; files changed since could have kept their stat
    kinds: Counter = field(default_factory=Counter)  # pages by kind: none until a build completed
    problems: list = field(default_factory=list)  # the stories left out, as errors.Problem: said again
    ahead: bool = False  # a story was dated far ahead: the home page depends on the clock, and the editor is warned
    images: dict = field(default_factory=dict)  # the stories' image files (missing ones too) -> images.Picture
    pending: bool = False  # the search index lags the stories: a build that indexes has work even with no change
    clashes: dict = field(default_factory=dict)  # Site.clashes: names that took another's slug
    folders: dict = field(default_factory=dict)  # content/'s folders as scanned, with the stats of their files
    # (storyfiles.Folder)


@dataclass(slots=True)
class PlanMemo:
    """What planning found last time: each group's key and pages, term lists, related stories."""

    shared: str = ""  # the hash of config, code and templates the groups were planned with
    groups: dict[str, tuple[str, list[PageRecord]]] = field(default_factory=dict)  # kept in the groups part
    parts: dict[str, list[str]] = field(default_factory=dict)  # a group made in parts -> their names
    terms: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)
    clashes: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # Site.clashes
    orders: dict = field(default_factory=dict)  # each day -> its stories in reading order (Site.editions)
    counts: dict = field(default_factory=dict)  # the stories naming each person or organisation (Site.counts)


@dataclass(slots=True)
class BuildCache:
    """Everything kept between builds; the parts not yet read are None."""

    folder: Path
    stamp: str  # the code and settings every part depends on
    state: State = field(default_factory=State)
    plan: PlanMemo | None = None
    outputs: dict[str, str] | None = None  # path in site/ -> sha1 of its bytes, as the last whole build
    # wrote it: a build of text edits (textedit.py) rewrites a few pages and leaves this be
    sources: dict[str, Any] | None = None  # content path -> content.Source
    dirty: set[str] = field(default_factory=set)  # parts to save
    shards: dict[str, dict[str, dict]] = field(default_factory=dict)  # sharded part -> shard name -> shard read
    dirty_shards: set[tuple[str, str]] = field(default_factory=set)  # shards changed by change()
    pending: set[str] = field(default_factory=set)  # files saved as FILE.next, for commit to rename
    listed: dict[str, list[str]] = field(default_factory=dict)  # sharded part -> its shards' names on disk
    # sharded part -> (key, value before, value now) of each key update() changed: its shards are up to
    # date, and save() need not compare every shard again
    updated: dict[str, list[tuple[str, Any, Any]]] = field(default_factory=dict)

    def read(self, part: str) -> Any:
        """Return a part, reading it from disk on first use (sharded parts: every shard)."""
        if part in SHARDED and part != "sources":
            return {k: v for name in self.names(part) for k, v in self.shard(part, name).items()}
        if part == "sources" and self.sources is None:
            self.sources = {k: v for name in self.names(part) for k, v in self.shard(part, name).items()}
        elif part == "outputs" and self.outputs is None:
            self.outputs = unpack_outputs(_load(self.folder, part, self.stamp, tuple))
        elif getattr(self, part) is None:
            value = _load(self.folder, part, self.stamp, PlanMemo if part == "plan" else dict)
            if part == "plan":
                value.groups = self.read("groups")
            setattr(self, part, value)
        return getattr(self, part)

    def output_paths(self) -> list[bytes]:
        """Return the path in site/ of every output the last build made, as bytes (for system calls).

        Read without making the map of the outputs' hashes, which would cost five times as much.
        """
        if self.outputs is not None:
            return [os.fsencode(path) for path in self.outputs]
        return output_paths(self.folder, self.stamp)

    def put(self, part: str, value: Any) -> None:
        """Replace a part; it is saved with the next save()."""
        setattr(self, part, value)
        self.dirty.add(part)

    def names(self, part: str) -> list[str]:
        """Return the names of a sharded part's shards on disk, and of those made since."""
        if part not in self.listed:
            prefix = part + "-"
            try:
                found = {p.name[len(prefix):-len(".pickle")] for p in self.folder.iterdir()
                         if p.name.startswith(prefix) and p.name.endswith(".pickle")}
            except OSError:
                found = set()
            self.listed[part] = sorted(found | self.shards.get(part, {}).keys())
        return self.listed[part]

    def shard(self, part: str, name: str) -> dict:
        """Return one shard of a sharded part, reading it on first use."""
        shards = self.shards.setdefault(part, {})
        if name not in shards:
            shards[name] = _load(self.folder, f"{part}-{name}", self.stamp, dict)
            if part in self.listed and name not in self.listed[part]:
                self.listed[part] = sorted({*self.listed[part], name})
        return shards[name]

    def lookup(self, part: str, key: str, default: Any = None) -> Any:
        """Return the value of KEY in a sharded part, or DEFAULT, reading only its shard."""
        return self.shard(part, shard_name(part, key)).get(key, default)

    def change(self, part: str, key: str, value: Any, name: str | None = None) -> None:
        """Set KEY in a sharded part (None deletes it); only its shard (NAME) is saved again."""
        name = shard_name(part, key, value) if name is None else name
        shard = self.shard(part, name)
        if value is None:
            shard.pop(key, None)
        else:
            shard[key] = value
        self.dirty_shards.add((part, name))

    def update(self, part: str, value: dict[str, Any], old: dict[str, Any]) -> None:
        """Make VALUE the whole of a sharded part whose shards hold OLD, changing only the keys that differ.

        A value taken over from OLD is the same object: one is compared by identity first, so that an
        edit to one story of 100,000 costs a look at each key, not a comparison of every shard.
        """
        changes = self.updated.setdefault(part, [])
        for key, item in value.items():
            was = old.get(key, MISSING)
            if was is not item and was != item:
                if was is not MISSING and shard_name(part, key, was) != shard_name(part, key, item):
                    self.change(part, key, None, shard_name(part, key, was))  # it moved to another day
                self.change(part, key, item)
                changes.append((key, was, item))
        for key in old.keys() - value.keys():
            self.change(part, key, None, shard_name(part, key, old[key]))
            changes.append((key, old[key], MISSING))
        if part == "sources":
            self.sources = value
            self.dirty.discard(part)  # a clean build emptied every shard on disk: those not filled stay so

    def replace_shards(self, part: str, value: dict[str, Any]) -> None:
        """Make VALUE the whole of a sharded part: mark the shards that differ from what is read."""
        new = shard_of(value, part)
        for name in set(self.names(part)) | new.keys():
            shard = new.get(name, {})
            if self.shard(part, name) != shard:
                self.shards[part][name] = shard
                self.dirty_shards.add((part, name))


def open_cache(folder: Path, stamp: str, clean: bool = False) -> BuildCache:
    """Return the cache in FOLDER with its small state read; CLEAN gives an empty one."""
    cache = BuildCache(folder, stamp, State() if clean else _load(folder, "state", stamp, State))
    if clean:  # every shard is written anew: those on disk, emptied, unless the build fills them
        cache.plan, cache.outputs, cache.sources = PlanMemo(), {}, {}
        cache.dirty = {"state", "outputs", "plan", "sources"}
        for part in SHARDED:
            cache.shards[part] = {name: {} for name in cache.names(part)}
            cache.dirty_shards |= {(part, name) for name in cache.shards[part]}
    return cache


def save_cache(cache: BuildCache, parts: tuple[str, ...] = PARTS, pending: bool = False) -> None:
    """Write the PARTS that changed, each atomically; the state last, as it vouches for the rest.

    PENDING saves them beside their files, to be renamed into place when the build commits (but
    the Markdown, which is right for any build); `cache.pending` lists those files.
    """
    def save(name: str, value: Any, in_place: bool = False) -> None:
        file = f"{name}.pickle"
        _save(cache.folder, file + (PENDING if pending and not in_place else ""), cache.stamp, value)
        if pending and not in_place:
            cache.pending.add(file)

    if "sources" in parts and "sources" in cache.dirty and cache.sources is not None:
        cache.replace_shards("sources", cache.sources)
        cache.dirty.discard("sources")
    if "plan" in parts and "plan" in cache.dirty and cache.plan is not None and "groups" not in cache.updated:
        cache.replace_shards("groups", cache.plan.groups)
    for part, name in sorted(cache.dirty_shards):
        if part in parts or part == "groups" and "plan" in parts:
            save(f"{part}-{name}", cache.shards[part][name], part in IN_PLACE)
            cache.dirty_shards.discard((part, name))
    if "plan" in parts and "plan" in cache.dirty and cache.plan is not None:
        groups, cache.plan.groups = cache.plan.groups, {}  # kept in their shards
        try:
            save("plan", cache.plan)
        finally:
            cache.plan.groups = groups
        cache.dirty.discard("plan")
    if "outputs" in parts and "outputs" in cache.dirty and cache.outputs is not None:
        save("outputs", pack_outputs(cache.outputs))
        cache.dirty.discard("outputs")
    if "state" in parts and "state" in cache.dirty:
        save("state", cache.state)
        cache.dirty.discard("state")


def output_paths(folder: Path, stamp: str | None = None) -> list[bytes]:
    """Return the path in site/ of every output in the cache in FOLDER, as bytes; with no STAMP,
    whatever code saved them (for a check made before the stamp is known, used only if it matches)."""
    joined = joined_output_paths(folder, stamp)
    return joined.split(b"\0") if joined else []


def joined_output_paths(folder: Path, stamp: str | None = None) -> bytes:
    """Return the paths in site/ of the outputs in the cache in FOLDER as bytes joined by NULs (as
    output_paths, without making an object of each)."""
    paths = _load(folder, "outputs", stamp, tuple)[:1]
    return os.fsencode(paths[0]) if paths else b""


def outputs_size(folder: Path) -> int:
    """Return the size in bytes of the list of outputs in the cache in FOLDER (0 when there is none)."""
    try:
        return (folder / "outputs.pickle").stat().st_size
    except OSError:
        return 0


def pack_outputs(outputs: dict[str, str]) -> tuple[str, str]:
    """Return the outputs as two strings, their paths and their hashes, each joined by NULs.

    147,000 outputs load from these in 5 ms, and make their map in 30; as a pickled map they took 55.
    """
    return "\0".join(outputs), "\0".join(outputs.values())


def unpack_outputs(packed: tuple) -> dict[str, str]:
    """Return the map of outputs (path -> hash) that pack_outputs packed; an empty one for ()."""
    if len(packed) != 2 or not packed[0]:
        return {}
    return dict(zip(packed[0].split("\0"), packed[1].split("\0")))


def _save(folder: Path, file: str, stamp: str, value: Any) -> None:
    with no_collection():
        data = pickle.dumps((CACHE_VERSION, stamp, value), protocol=5)
    if file.endswith(PENDING):  # read by no build until commit renames it into place
        write_unread(folder / file, data)
    else:
        write_atomic(folder / file, data)


def _load(folder: Path, name: str, stamp: str | None, empty: type) -> Any:
    try:
        with (folder / f"{name}.pickle").open("rb") as handle, no_collection():
            version, saved_stamp, value = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
            ImportError, IndexError):
        return empty()
    if version != CACHE_VERSION or stamp is not None and saved_stamp != stamp or not isinstance(value, empty):
        return empty()
    return value
