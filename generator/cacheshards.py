"""Which shard file of the build cache holds a key: Markdown by its hash, page groups by what owns
them, stories by their day.

An edit reads and rewrites the few shards its keys fall in (cache.py keeps the shards).
"""

from __future__ import annotations

import zlib
from typing import Any

from generator.models import TERM_KINDS

GROUP_SHARDS = 256


def shard_name(part: str, key: str, value: Any = None) -> str:
    """Return the shard of KEY: Markdown by its hash, groups by their name's, stories by their day.

    A story (`sources`, by path) goes by the day of its key ('2025/11/07/slug'), found in VALUE.
    """
    if part == "markdown":
        return key[:2]
    if part == "groups":
        return f"{zlib.crc32(group_owner(key).encode()) % GROUP_SHARDS:02x}"
    day = value.key if part == "sources" else key
    return day[:10].replace("/", "-")


def group_owner(name: str) -> str:
    """Return what a page group's shard goes by: a name's pages and feed, a day's edition pages
    and a day's stories' pages each share one.

    An edit remakes pages together: every page of a name a story joined or left (800 of a person
    named in 16,000 stories), its stories' neighbours of the day. Sharded by the page, those were
    in nearly every one of the 256 shards, and an edit to one story wrote them all (39 MB at 100,000
    stories).
    """
    kind, _, rest = name.partition(":")
    if kind == "article":
        return "article:" + rest[:10]  # the day of its key, '2025/11/07'
    kind = kind[:-len("-feed")] if kind.endswith("-feed") else kind
    if kind in TERM_KINDS or kind == "edition":
        return f"{kind}:{rest.split(':', 1)[0]}"
    return name


def shard_of(value: dict[str, Any], part: str) -> dict[str, dict[str, Any]]:
    """Split a sharded part by shard_name."""
    shards: dict[str, dict[str, Any]] = {}
    for key, item in value.items():
        shards.setdefault(shard_name(part, key, item), {})[key] = item
    return shards

