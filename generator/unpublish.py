"""Unpublishing that lasts: the seeds ingest has turned into stories, and those the editors took down.

Two lists live in content/, committed with the stories:
- `ingested.txt`: every seed ingest wrote a story for (file name and sha256). A seed listed there
  whose story is gone from content/ was deleted by an editor: ingest records it as unpublished.
- `unpublished.txt`: the seeds whose stories were unpublished (by deleting the file or with
  `digest rm`). Ingest never writes their stories again; `digest ingest --force SEED` does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from generator import frontmatter
from generator.errors import ContentError, Problem, display_path
from generator.write import write_atomic

INGESTED = "ingested.txt"
UNPUBLISHED = "unpublished.txt"
INGESTED_HEADER = (
    "# The seeds ingest turned into stories: sha256 and file name, one a line. Ingest keeps this\n"
    "# list, so that it can tell a story an editor deleted (its seed is listed here, its file is\n"
    "# gone) from a new seed. Commit it with content/.\n")
UNPUBLISHED_HEADER = (
    "# Stories the editors unpublished: ingest never writes these seeds' stories again.\n"
    "# One a line: the seed's sha256, its file name, the day it was unpublished and the story's path.\n"
    "# To publish one again, delete its line or run `digest ingest --force seeds/FILE`.\n")


@dataclass(frozen=True, slots=True)
class Tombstone:
    """One unpublished story: its seed's hash and name, when, and where the story was."""

    sha256: str
    seed: str
    day: str = ""
    story: str = ""

    def line(self) -> str:
        """Return the tombstone as a line of unpublished.txt."""
        return " ".join(part for part in (self.sha256, self.seed, self.day, self.story) if part)


@dataclass(slots=True)
class Desk:
    """What the editors decided about seeds: the ingested ones by name, the unpublished ones."""

    folder: Path  # content/
    ingested: dict[str, str] = field(default_factory=dict)  # seed name -> sha256
    tombstones: list[Tombstone] = field(default_factory=list)
    changed: bool = False

    @property
    def hashes(self) -> frozenset[str]:
        """Return the sha256 of every unpublished seed."""
        return frozenset(t.sha256 for t in self.tombstones)

    @property
    def names(self) -> frozenset[str]:
        """Return the file name of every unpublished seed."""
        return frozenset(t.seed for t in self.tombstones)

    def withheld(self, name: str, sha256: str) -> bool:
        """Tell whether a seed (by name or by its bytes) was unpublished."""
        return sha256 in self.hashes or name in self.names

    def unpublish(self, tombstone: Tombstone) -> None:
        """Record a story as unpublished (once)."""
        if not any(t.sha256 == tombstone.sha256 and t.seed == tombstone.seed for t in self.tombstones):
            self.tombstones.append(tombstone)
            self.changed = True
        if self.ingested.pop(tombstone.seed, None) is not None:
            self.changed = True

    def restore(self, name: str, sha256: str) -> bool:
        """Forget that a seed was unpublished; tell whether it was."""
        kept = [t for t in self.tombstones if t.seed != name and t.sha256 != sha256]
        found = len(kept) != len(self.tombstones)
        self.tombstones, self.changed = kept, self.changed or found
        return found

    def remember(self, name: str, sha256: str) -> None:
        """Record that seed NAME (of hash SHA256) has a story in content/."""
        if self.ingested.get(name) != sha256:
            self.ingested[name] = sha256
            self.changed = True

    def save(self) -> None:
        """Write both lists, sorted by seed name (so that branches merge line by line)."""
        if not self.changed:
            return
        rows = "".join(f"{sha} {name}\n" for name, sha in sorted(self.ingested.items()))
        write_atomic(self.folder / INGESTED, (INGESTED_HEADER + rows).encode("utf-8"))
        stones = sorted(self.tombstones, key=lambda t: (t.seed, t.sha256))
        if stones or (self.folder / UNPUBLISHED).exists():
            text = UNPUBLISHED_HEADER + "".join(t.line() + "\n" for t in stones)
            write_atomic(self.folder / UNPUBLISHED, text.encode("utf-8"))
        self.changed = False


def _rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line.split()


def load_desk(content: Path, root: Path) -> tuple[Desk, list[Problem]]:
    """Read content/ingested.txt and content/unpublished.txt; report each line that makes no sense."""
    desk, problems = Desk(content), []
    for name, parse in ((INGESTED, _ingested_row), (UNPUBLISHED, _tombstone_row)):
        for number, parts in _rows(content / name):
            message = parse(desk, parts)
            if message:
                problems.append(Problem(display_path(content / name, root), message, number, "warning"))
    return desk, problems


def _is_sha(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def _ingested_row(desk: Desk, parts: list[str]) -> str | None:
    if len(parts) != 2 or not _is_sha(parts[0]):
        return "should be a seed's sha256 and its file name; line ignored"
    desk.ingested[parts[1]] = parts[0]
    return None


def _tombstone_row(desk: Desk, parts: list[str]) -> str | None:
    if len(parts) < 2 or not _is_sha(parts[0]):
        return "should start with a seed's sha256 and its file name; line ignored"
    desk.tombstones.append(Tombstone(parts[0], parts[1], *parts[2:4]))
    return None


def notice_deletions(desk: Desk, stories: Mapping[str, str], today: dt.date) -> list[Tombstone]:
    """Unpublish each ingested seed whose story is gone; STORIES maps seed names to their hashes."""
    gone = [Tombstone(sha, name, today.isoformat()) for name, sha in sorted(desk.ingested.items())
            if name not in stories]
    for tombstone in gone:
        desk.unpublish(tombstone)
    for name, sha in stories.items():
        desk.restore(name, sha)  # a story put back in content/ (say, restored from git) is published again
        if sha:  # a story that does not read is known by its seed's name alone
            desk.remember(name, sha)
    return gone


def story_seed(path: Path, root: Path) -> tuple[str, str] | None:
    """Return (seed file name, seed sha256) of a story file, or None for a story with no seed."""
    text = path.read_text(encoding="utf-8")
    source = frontmatter.split(text, display_path(path, root)).meta.get("source")
    if isinstance(source, dict) and isinstance(source.get("file"), str) and isinstance(source.get("sha256"), str):
        return source["file"], source["sha256"]
    return None


def remove_story(desk: Desk, path: Path, root: Path, today: dt.date) -> Tombstone | None:
    """Unpublish the story at PATH: record its seed, delete the file; ContentError if it is no story."""
    where = display_path(path, root)
    if path.suffix != ".md" or not path.is_file():
        raise ContentError(Problem(where, "is not a story file: name a .md file under content/"))
    if not path.resolve().is_relative_to(desk.folder.resolve()):
        raise ContentError(Problem(where, "is not under content/: only stories can be unpublished"))
    seed = story_seed(path, root)
    stone = Tombstone(seed[1], seed[0], today.isoformat(), display_path(path, root)) if seed else None
    if stone is not None:
        desk.unpublish(stone)
        desk.save()  # the record first: a story deleted without it would come back
    path.unlink()
    return stone


def screen(desk: Desk, loaded: list[tuple[Path, bytes]], named: frozenset[Path], force: bool,
           missing: frozenset[str]) -> tuple[list[tuple[Path, bytes]], list[str], list[str]]:
    """Hold back unpublished seeds, and those whose story may only be unreadable (MISSING).

    With FORCE, a seed NAMED on the command line is published again. Return the seeds to ingest,
    the names held back and the names published again.
    """
    keep, held, restored = [], [], []
    for path, data in loaded:
        if path.name in missing:
            held.append(path.name)
            continue
        sha = hashlib.sha256(data).hexdigest()
        if not desk.withheld(path.name, sha):
            keep.append((path, data))
        elif force and path in named:
            desk.restore(path.name, sha)
            restored.append(path.name)
            keep.append((path, data))
        else:
            held.append(path.name)
    return keep, held, restored
