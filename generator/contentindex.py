"""The stories content/ holds already, known by the seed each came from: what ingest must not clobber.

A story edited by hand is noted; one whose front matter no longer reads is still known by the seed
its text names, so ingest leaves it alone and writes no second copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from generator import frontmatter
from generator.config import Config
from generator.duplicates import Holding, later_takes, split_takes
from generator.errors import ContentError, Problem, display_path
from generator.ingestreport import Report

ARTICLES = "articles"
_SEED_LINE = re.compile(r"^  file: *['\"]?([^'\"\n]+?)['\"]? *$", re.M)  # the seed a story names


@dataclass(frozen=True, slots=True)
class Existing:
    """A story already in content/, as ingest needs to know it."""

    path: Path
    seed_sha256: str
    edited: bool
    holding: Holding | None = None  # the story's takes, when its front matter reads
    first: bool = True  # False: the seed is a later take of the story, not the one it is filed under
    title: str = ""
    dateline: str | None = None



def scan_content(config: Config, report: Report) -> dict[str, Existing]:
    """Index the stories in content/ by the seed file they came from; note the edited ones.

    A story whose front matter no longer reads (a hand edit gone wrong) is still known by its
    seed's name, found in its text: ingest leaves it alone, says so, and writes no second copy.
    """
    index: dict[str, Existing] = {}
    for path in sorted(config.path("content").joinpath(ARTICLES).rglob("*.md")):
        where = display_path(path, config.root)
        try:
            text = path.read_text(encoding="utf-8")
            meta = frontmatter.split(text, where).meta
            source = meta.get("source") or {}
        except (OSError, UnicodeDecodeError, ContentError) as exc:
            broken(path, where, exc, index, report)
            continue
        edited = frontmatter.is_edited(text)
        if edited:
            report.edited.append(path)
        if isinstance(source, dict) and isinstance(source.get("file"), str):
            index.update(story_takes(path, meta, source, edited))
    return index



def story_takes(path: Path, meta: Mapping[str, Any], source: Mapping[str, Any],
                edited: bool) -> dict[str, Existing]:
    """Return the index entries of one story: its first take and each later take it holds."""
    later = later_takes(source)
    held = Holding(path, source["file"], later, split_takes(meta))
    title, dateline = str(meta.get("title") or ""), meta.get("dateline")
    entries = {name: Existing(path, sha, edited, held, False) for name, sha in later if name not in held.split}
    entries[source["file"]] = Existing(path, str(source.get("sha256")), edited, held, True, title,
                                       dateline if isinstance(dateline, str) else None)
    return entries



def broken(path: Path, where: str, exc: Exception, index: dict[str, Existing], report: Report) -> None:
    """Keep a story that does not read as an edited one, known by the seed its text names."""
    try:
        seed = _SEED_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        seed = None
    what = exc.problems[0].message if isinstance(exc, ContentError) else "cannot be read"
    if seed is None:
        report.unreadable.append(path)
        report.problems.append(Problem(where, f"{what}; ingest cannot tell which seed it came from",
                                       severity="warning"))
        return
    index[seed.group(1)] = Existing(path, "", edited=True)
    report.problems.append(Problem(where, f"{what}; ingest leaves it alone (and writes no second copy "
                                          f"of {seed.group(1)}) until it is fixed", severity="warning"))
