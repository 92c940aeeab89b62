"""The sha1 of every file under a folder: what a build compares site/ with when it has no record of it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def fingerprints(folder: Path) -> dict[str, str]:
    """Return the sha1 of each file under FOLDER by its path inside it ('' for a symbolic link)."""
    found: dict[str, str] = {}

    def walk(path: str, prefix: str) -> None:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                elif entry.is_symlink():
                    found[prefix + entry.name] = ""  # never what a page hashes to: replaced or removed
                elif entry.is_file(follow_symlinks=False):
                    with open(entry.path, "rb") as handle:
                        found[prefix + entry.name] = hashlib.sha1(handle.read()).hexdigest()

    walk(str(folder), "")
    return found
