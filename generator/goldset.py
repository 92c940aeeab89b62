"""Read a hand-labelled gold set (gold.jsonl, one story a line) and pick the stories to score."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

TYPES = ("persons", "places", "orgs")


@dataclass(frozen=True, slots=True)
class GoldStory:
    """The labels of one story."""

    id: str
    labels: Mapping[str, tuple[str, ...]]  # type -> gold names
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name -> other forms
    optional: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # type -> strings


class GoldError(Exception):
    """A gold file that is missing or not valid."""


def parse_gold_line(line: str) -> GoldStory:
    """Parse one gold.jsonl record; raise GoldError if a field is missing or malformed."""
    try:
        record = json.loads(line)
        labels = {t: tuple(record[t]) for t in TYPES}
        aliases: dict[str, tuple[str, ...]] = {}
        for source in (record.get("aliases") or {}, record.get("also_ok") or {}):
            for name, forms in source.items():
                aliases[name] = aliases.get(name, ()) + tuple(forms)
        optional = {t: tuple(v) for t, v in (record.get("optional") or {}).items()}
        return GoldStory(str(record["id"]), labels, aliases, optional)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GoldError(f"not a gold record ({type(exc).__name__}: {exc})") from exc


def read_gold(path: Path) -> list[GoldStory]:
    """Read a gold.jsonl file; raise GoldError naming the file and line on any problem."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from exc
    stories = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                stories.append(parse_gold_line(line))
            except GoldError as exc:
                raise GoldError(f"{path}:{number}: {exc}") from exc
    if not stories:
        raise GoldError(f"{path}: no gold records in the file")
    return stories


def select(stories: Sequence[GoldStory], spec: str) -> list[GoldStory]:
    """Return the stories a SPEC names: 'all', 'odd' / 'even' (by numeric id) or ids '1,7,012'."""
    spec = spec.strip() or "all"
    if spec == "all":
        return list(stories)
    if spec in ("odd", "even"):
        want = 1 if spec == "odd" else 0
        return [s for s in stories if _number(s.id) % 2 == want]
    wanted = {_number(i) for i in spec.split(",") if i.strip()}
    chosen = [s for s in stories if _number(s.id) in wanted]
    if len(chosen) != len(wanted):
        known = {_number(s.id) for s in stories}
        missing = sorted(wanted - known)
        raise GoldError(f"no story with id {', '.join(map(str, missing))}: use 'all', 'odd', 'even' "
                        "or ids from the gold file")
    return chosen


def _number(story_id: str) -> int:
    """Return the number of an id ('007' -> 7); -1 when it has no digits."""
    digits = "".join(c for c in str(story_id) if c.isdigit())
    return int(digits) if digits else -1
