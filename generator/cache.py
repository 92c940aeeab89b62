"""The build cache between runs: what the last build read and made, kept in .cache/.

Four parts, so that each build reads only what it needs: `state` (stats of the inputs and the list
of outputs: all that a build with nothing to do reads), `plan` (each page group's key and pages),
`sources` (the parsed stories) and `markdown` (rendered bodies by the hash of their Markdown). The
two big parts are split into SHARDS files by key, so that one edit rewrites a sixteenth of them.
Each file carries a stamp (cache version, generator code, and what else it depends on); a file
with another stamp, or one that cannot be read, counts as empty.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import pickle
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from generator.write import write_atomic

CACHE_VERSION = 2
PARTS = ("state", "plan", "sources", "markdown")
SHARDED = ("sources", "markdown")
SHARDS = 16
PENDING = ".next"  # a part saved by a build not yet committed (commit.py renames it into place)
IN_PLACE = ("markdown",)  # keyed by the hash of what it holds: never wrong for any build


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
    files: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  # content stats
    hashes: dict[str, str] = field(default_factory=dict)  # content file -> hash of its bytes
    scanned_at: int = 0  # ns; files changed since could have kept their stat
    outputs: dict[str, str] = field(default_factory=dict)  # path in site/ -> fingerprint
    kinds: Counter = field(default_factory=Counter)  # pages by kind
    problems: list = field(default_factory=list)  # the stories left out, as errors.Problem: said again
    ahead: bool = False  # a story was dated far ahead: the home page depends on the clock, and the editor is warned
    images: dict = field(default_factory=dict)  # the stories' image files (missing ones too) -> images.Picture
    pending: bool = False  # the search index lags the stories: a build that indexes has work even with no change


@dataclass(slots=True)
class PlanMemo:
    """What planning found last time: each group's key and pages, term lists, related stories."""

    shared: str = ""  # the hash of config, code and templates the groups were planned with
    groups: dict[str, tuple[str, list[PageRecord]]] = field(default_factory=dict)
    parts: dict[str, list[str]] = field(default_factory=dict)  # a group made in parts -> their names
    terms: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)
    clashes: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # Site.clashes


@dataclass(slots=True)
class BuildCache:
    """Everything kept between builds; the parts not yet read are None."""

    folder: Path
    stamp: str  # the code and settings every part depends on
    state: State = field(default_factory=State)
    plan: PlanMemo | None = None
    sources: dict[str, Any] | None = None  # content path -> content.Source
    dirty: set[str] = field(default_factory=set)  # parts to save
    shards: dict[str, list[dict | None]] = field(default_factory=dict)  # sharded parts, None: unread
    dirty_shards: set[tuple[str, int]] = field(default_factory=set)  # shards changed by change()
    pending: set[str] = field(default_factory=set)  # files saved as FILE.next, for commit to rename

    def read(self, part: str) -> Any:
        """Return a part, reading it from disk on first use."""
        if getattr(self, part) is None:
            if part in SHARDED:
                setattr(self, part, {k: v for i in range(SHARDS) for k, v in self.shard(part, i).items()})
            else:
                setattr(self, part, _load(self.folder, part, self.stamp, PlanMemo))
        return getattr(self, part)

    def put(self, part: str, value: Any) -> None:
        """Replace a part; it is saved with the next save()."""
        setattr(self, part, value)
        self.dirty.add(part)

    def shard(self, part: str, index: int) -> dict:
        """Return one shard of a sharded part, reading it on first use."""
        shards = self.shards.setdefault(part, [None] * SHARDS)
        if shards[index] is None:
            shards[index] = _load(self.folder, f"{part}-{index:x}", self.stamp, dict)
        return shards[index]

    def lookup(self, part: str, key: str) -> Any:
        """Return the value of KEY in a sharded part, or None, reading only its shard."""
        return self.shard(part, shard_index(part, key)).get(key)

    def change(self, part: str, key: str, value: Any) -> None:
        """Set KEY in a sharded part (None deletes it); only its shard is saved again."""
        index = shard_index(part, key)
        shard = self.shard(part, index)
        if value is None:
            shard.pop(key, None)
        else:
            shard[key] = value
        self.dirty_shards.add((part, index))


def open_cache(folder: Path, stamp: str, clean: bool = False) -> BuildCache:
    """Return the cache in FOLDER with its small state read; CLEAN gives an empty one."""
    if clean:
        # every shard is written anew: markdown's from change(), the sources' as none was read
        empty = {"markdown": [{} for _ in range(SHARDS)], "sources": [None] * SHARDS}
        return BuildCache(folder, stamp, State(), PlanMemo(), {}, set(PARTS) - set(SHARDED) | {"sources"},
                          empty, {("markdown", i) for i in range(SHARDS)})
    return BuildCache(folder, stamp, _load(folder, "state", stamp, State))


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
        old = cache.shards.get("sources") or [None] * SHARDS
        for i, shard in enumerate(shard_of(cache.sources, "sources")):
            if old[i] != shard:
                save(f"sources-{i:x}", shard)
        cache.dirty.discard("sources")
    for part, index in sorted(cache.dirty_shards):
        if part in parts:
            save(f"{part}-{index:x}", cache.shards[part][index], part in IN_PLACE)
            cache.dirty_shards.discard((part, index))
    if "plan" in parts and "plan" in cache.dirty and cache.plan is not None:
        save("plan", cache.plan)
        cache.dirty.discard("plan")
    if "state" in parts and "state" in cache.dirty:
        save("state", cache.state)
        cache.dirty.discard("state")


def shard_index(part: str, key: str) -> int:
    """Return the shard of KEY: Markdown by its hash's first digit, content paths by their CRC."""
    return int(key[0], 16) if part == "markdown" else zlib.crc32(key.encode()) % SHARDS


def shard_of(value: dict[str, Any], part: str) -> list[dict[str, Any]]:
    """Split a sharded part by key (shard_index)."""
    shards: list[dict[str, Any]] = [{} for _ in range(SHARDS)]
    for key, item in value.items():
        shards[shard_index(part, key)][key] = item
    return shards


@contextlib.contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector meanwhile.

    (Un)pickling the cache, or building with it loaded, makes hundreds of thousands of objects
    and next to no cycles: each pass of the collector would walk them all for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _save(folder: Path, file: str, stamp: str, value: Any) -> None:
    with no_collection():
        data = pickle.dumps((CACHE_VERSION, stamp, value), protocol=5)
    write_atomic(folder / file, data)


def _load(folder: Path, name: str, stamp: str, empty: type) -> Any:
    try:
        with (folder / f"{name}.pickle").open("rb") as handle, no_collection():
            version, saved_stamp, value = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
            ImportError, IndexError):
        return empty()
    if version != CACHE_VERSION or saved_stamp != stamp or not isinstance(value, empty):
        return empty()
    return value
