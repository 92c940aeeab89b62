"""The build cache between runs: rendered Markdown by source hash, page fingerprints."""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.write import write_atomic

CACHE_VERSION = 1


def digest(value: Any) -> str:
    """Return a stable hash of a JSON-able value."""
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class BuildCache:
    """What the last successful build made, so the next one can skip it."""

    outputs: dict[str, str] = field(default_factory=dict)  # output path -> fingerprint
    markdown: dict[str, str] = field(default_factory=dict)  # sha1 of Markdown -> HTML
    inputs: dict[str, Any] = field(default_factory=dict)  # what the whole build read, for a no-op check


def load_cache(folder: Path) -> BuildCache:
    """Load the cache, or return an empty one when it is missing, old or unreadable."""
    try:
        with (folder / "build.pickle").open("rb") as handle:
            version, cache = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
        return BuildCache()
    return cache if version == CACHE_VERSION and isinstance(cache, BuildCache) else BuildCache()


def save_cache(folder: Path, cache: BuildCache) -> None:
    """Save the cache atomically."""
    write_atomic(folder / "build.pickle", pickle.dumps((CACHE_VERSION, cache), protocol=5))
