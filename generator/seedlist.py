"""Which seeds an ingest reads, and which it parses: the files named (or seeds/), one per name, the
new or changed ones, one story per distinct text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from typing import Iterable, Sequence

from generator.config import Config
from generator.contentindex import Existing
from generator.duplicates import far_ahead
from generator.errors import Problem, display_path
from generator.ingestreport import Report
from generator.seedfiles import not_a_seed, read_seed
from generator.wire.parse import Seed, SeedError, parse_seed


def seed_files(config: Config, paths: Sequence[Path], report: Report) -> list[Path]:
    """List the seeds to read: PATHS (files or folders), else seeds/; skip non-.txt files."""
    found: list[Path] = []
    named = set(paths)  # a file named on the command line and not read fails the run; in a folder, it is skipped
    for path in paths or [config.path("seeds")]:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if not p.name.startswith(".") and
                            (p.suffix.lower() == ".txt" or p.is_file()))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            report.problems.append(Problem(display_path(path, config.root),
                                           "does not exist: name a seed file or folder"))
    found = [p for p in found if is_seed_file(p, config.root, report, "error" if p in named else "warning")]
    keep = []
    for path in found:
        if path.suffix.lower() == ".txt":
            keep.append(path)
        elif path.name not in ("SOURCES.md", "README.md"):
            report.notes.append(f"skipped {display_path(path, config.root)}: not a .txt seed")
    if not keep and not report.problems:
        report.notes.append("no seeds to ingest: put wire stories in seeds/ as .txt files")
    return unique_by_name(keep, config.root, report)



def is_seed_file(path: Path, root: Path, report: Report, severity: str) -> bool:
    """Tell whether PATH is a regular file to read; name it and why it is skipped when not."""
    why = not_a_seed(path)
    if why is not None:
        report.problems.append(Problem(display_path(path, root), why, severity=severity))
    return why is None



def unique_by_name(paths: Sequence[Path], root: Path, report: Report) -> list[Path]:
    """Sort seeds by name (so no outcome depends on order); refuse two seeds of one name."""
    by_name: dict[str, Path] = {}
    for path in sorted({p.resolve(): p for p in paths}.values(), key=lambda p: (p.name, str(p))):
        first = by_name.setdefault(path.name, path)
        if first is not path:  # a story knows its seed by file name alone
            report.problems.append(Problem(display_path(path, root), "has the same name as "
                                           f"{display_path(first, root)}: rename one"))
    return list(by_name.values())



def load_seeds(files: Iterable[Path], root: Path, report: Report) -> list[tuple[Path, bytes]]:
    """Read the bytes of each seed file; report the ones that cannot be read."""
    loaded = []
    for path in files:
        try:
            loaded.append((path, read_seed(path)))
        except OSError as exc:
            report.problems.append(Problem(display_path(path, root), f"cannot be read: {exc.strerror}"))
    return loaded



def texts_with_stories(loaded: Sequence[tuple[Path, bytes]], index: dict[str, Existing]) -> dict[str, str]:
    """Map the text hash of each seed that already has a story to the seed's name."""
    owners: dict[str, str] = {}
    for path, data in loaded:
        if path.name in index:
            try:
                owners.setdefault(parse_seed(data, path.name)[0].text_sha256, path.name)
            except SeedError:
                continue  # reported when the seed itself is ingested
    return owners



def read_seeds(loaded: Sequence[tuple[Path, bytes]], index: dict[str, Existing], force: bool,
               report: Report, root: Path) -> list[Seed]:
    """Parse the seeds that are new or changed; one story per distinct text, this run or before."""
    seeds: list[Seed] = []
    known = {e.seed_sha256: name for name, e in index.items()}
    pending = []
    for path, data in loaded:
        sha = hashlib.sha256(data).hexdigest()
        existing = index.get(path.name)
        if existing and existing.seed_sha256 == sha and not force:
            report.unchanged += 1
        else:
            pending.append((path, data, sha))
    seen = texts_with_stories(loaded, index) if pending else {}  # a CRLF or BOM copy is no new story
    for path, data, sha in pending:
        where = display_path(path, root)
        if sha in known and known[sha] != path.name:
            report.notes.append(f"{path.name}: same text as {known[sha]}; one story kept")
            continue
        try:
            seed, warnings = parse_seed(data, path.name)
        except SeedError as exc:
            report.problems.append(dataclasses.replace(exc.problem, path=where))
            continue
        report.problems += [dataclasses.replace(w, path=where) for w in warnings]
        if seen.get(seed.text_sha256, path.name) != path.name:
            report.notes.append(f"{path.name}: same text as {seen[seed.text_sha256]}; one story kept")
            continue
        seen[seed.text_sha256] = path.name
        seeds.append(seed)
    return seeds



def warn_far_ahead(seeds: Sequence[Seed], root: Path, loaded: Sequence[tuple[Path, bytes]], report: Report) -> None:
    """Warn of each seed dated more than a day after today, by its file name."""
    where = {path.name: display_path(path, root) for path, _ in loaded}
    for seed in far_ahead(seeds, dt.date.today()):
        report.problems.append(Problem(where.get(seed.name, seed.name),
                                       f"is dated {seed.date.isoformat()}, more than a day ahead: check its date "
                                       "line (the story is written, but never made the lead story)",
                                       severity="warning"))
