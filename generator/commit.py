"""Put a build's outputs in place as one transaction, with a journal the next build finishes.

A build stages the pages that changed beside site/ (`.site.new`) and saves the cache parts that
describe them beside the cache's own (as `NAME.pickle.next`). Then it writes the journal, which
names both: from that moment the build counts as done. Moving the pages into site/ (or the staged
tree in place of site/), deleting stale pages and renaming the cache parts into place follow the
journal, and each step may be done twice. A build killed among them is finished by the next command
(`recover`) before it reads anything; a build killed before the journal was written left only
staged files, which `recover` deletes. Either way site/ and the cache are then one complete build's,
and the cache never vouches for pages that are not in site/.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from generator.cache import PENDING
from generator.write import Staging, write_atomic

JOURNAL = "journal.json"
FAULT = "DIGEST_FAULT"  # tests: name a step of commit() and the build stops there as if killed


class InjectedFault(BaseException):
    """The stop a test asked for with DIGEST_FAULT: a kill at that step, without the kill."""


@dataclass(frozen=True, slots=True)
class Journal:
    """What a finished build still has to put in place."""

    whole: bool  # the staged folder is a whole new site/, to put in its place
    tree: int  # then: its inode, so that a second go knows whether site/ is it already
    moves: tuple[str, ...]  # otherwise: the staged files, by their paths in site/
    stale: tuple[str, ...]  # pages of the last build that this one no longer makes
    parts: tuple[str, ...]  # cache files saved as NAME.pickle.next


def commit(site: Path, cache_folder: Path, journal: Journal) -> None:
    """Write the journal (the build is done from then on), then carry it out."""
    _fault("before-journal")
    write_atomic(cache_folder / JOURNAL, json.dumps({
        "whole": journal.whole, "tree": journal.tree, "moves": journal.moves, "stale": journal.stale, "parts": journal.parts,
    }).encode("utf-8"))
    _fault("after-journal")
    carry_out(site, cache_folder, journal)


def carry_out(site: Path, cache_folder: Path, journal: Journal) -> None:
    """Put the staged pages and cache parts in place, delete the stale pages, drop the journal."""
    staging = Staging(site, whole=journal.whole)
    if journal.whole:
        staging.swap_into_target(journal.tree)
    else:
        staging.move_into_target(journal.moves, journal.stale, _fault)
    _fault("after-pages")
    for name in journal.parts:
        try:
            os.replace(cache_folder / (name + PENDING), cache_folder / name)
        except FileNotFoundError:
            pass  # renamed before a kill
    (cache_folder / JOURNAL).unlink(missing_ok=True)
    staging.reset()


def recover(site: Path, cache_folder: Path) -> str | None:
    """Finish the build a kill interrupted after its journal, or undo one killed before it.

    Return what was done, for the build to say, or None when nothing was left over.
    """
    journal = read_journal(cache_folder)
    if journal is not None:
        carry_out(site, cache_folder, journal)
        return "finished putting in place the build that was stopped after it had rendered"
    leftovers = _pending(cache_folder)
    staging = Staging(site, whole=True)
    if not leftovers and not staging.folder.exists() and not staging.old.exists():
        return None
    for path in leftovers:
        path.unlink(missing_ok=True)
    staging.reset()
    return "cleared what a stopped build had staged; site/ is the last complete build's"


def read_journal(cache_folder: Path) -> Journal | None:
    """Return the journal a build left, or None (none, or one cut short: it was never in force)."""
    try:
        data = json.loads((cache_folder / JOURNAL).read_text(encoding="utf-8"))
        return Journal(bool(data["whole"]), int(data["tree"]), tuple(data["moves"]), tuple(data["stale"]), tuple(data["parts"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _pending(cache_folder: Path) -> list[Path]:
    try:
        return [p for p in cache_folder.iterdir() if p.name.endswith(PENDING)]
    except OSError:
        return []


def _fault(step: str) -> None:
    if os.environ.get(FAULT) == step:
        raise InjectedFault(step)
