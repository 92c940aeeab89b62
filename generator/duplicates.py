"""One story told once: gather the takes of a story among the seeds, and tell same headlines apart.

A story made of several takes keeps the first take's date, path and `source.file`; it carries the
text of the longest take (a later take replaces the text only when it is longer, and the story
then says `updated:` with that take's date), and lists the other takes under `source.takes` as
"FILE SHA256". An editor who finds two stories wrongly made one lists the take under `split:`
in the story's front matter: ingest then writes that take as a story of its own and never merges
it into this one again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from generator.wire.parse import Seed, SeedError, parse_seed
from generator.wire.takes import Take, group_takes

ORDINALS = ("second", "third", "fourth", "fifth")


@dataclass(frozen=True, slots=True)
class Holding:
    """What a story in content/ holds: its first take, its later takes (name, sha256), its split takes."""

    path: Path
    first: str
    takes: tuple[tuple[str, str], ...] = ()
    split: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Unit:
    """One story to write: its first take, the take whose text it carries, its later takes."""

    first: Seed
    text: Seed
    takes: tuple[Seed, ...] = ()
    split: tuple[str, ...] = ()

    @property
    def updated(self) -> dt.date | None:
        """Return the date of the later take whose text the story carries, None for the first's."""
        return None if self.text is self.first else self.text.date


def later_takes(source: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Return the (file, sha256) of each later take a story's `source.takes` lists."""
    found = []
    for item in source.get("takes") or () if isinstance(source.get("takes"), list) else ():
        parts = str(item).split()
        if len(parts) == 2:
            found.append((parts[0], parts[1]))
    return tuple(found)


def split_takes(meta: Mapping[str, Any]) -> tuple[str, ...]:
    """Return the takes an editor split off a story (`split: [FILE, ...]`)."""
    value = meta.get("split")
    if isinstance(value, str):
        value = [value]
    return tuple(str(v).strip() for v in value or () if str(v).strip()) if isinstance(value, (list, str)) else ()


def take_of(seed: Seed) -> Take:
    """Return what comparing a seed with others needs."""
    agency = seed.dateline.agency if seed.dateline else None
    return Take(seed.name, agency, seed.date, seed.paragraphs[0] if seed.paragraphs else "",
                "\n\n".join(seed.paragraphs))


def parse_quietly(loaded: Iterable[tuple[Path, bytes]], skip: Iterable[str]) -> dict[str, Seed]:
    """Parse the seeds not in SKIP (already parsed); leave out the ones that do not parse."""
    skip = set(skip)
    found = {}
    for path, data in loaded:
        if path.name not in skip:
            try:
                found[path.name] = parse_seed(data, path.name)[0]
            except SeedError:
                continue  # not a story; reported when it is ingested on its own
    return found


def apart(holdings: Iterable[Holding]) -> set[frozenset[str]]:
    """Return the pairs of takes editors told apart: each split take with each take kept."""
    pairs = set()
    for held in holdings:
        kept = [held.first, *(name for name, _ in held.takes)]
        pairs.update(frozenset((gone, name)) for gone in held.split for name in kept if gone != name)
    return pairs


def gather(pending: Sequence[Seed], others: Mapping[str, Seed], owner: Mapping[str, Holding]) -> list[Unit]:
    """Return the stories to write for the PENDING seeds (new or changed), with the takes of each.

    OTHERS are the other seeds read; OWNER maps each take already in content/ to its story. A
    group of takes goes to the story holding its earliest take, or to a new story; a take that is
    the first of another story stays there.
    """
    if not pending:
        return []
    seeds = {**others, **{s.name: s for s in pending}}
    names = sorted(seeds, key=lambda n: (seeds[n].date, n))
    holdings = {h.path: h for h in owner.values()}
    groups = group_takes([take_of(seeds[n]) for n in names], apart(holdings.values()))
    waiting = {s.name for s in pending}
    units = []
    for group in groups:
        members = [seeds[names[i]] for i in group]
        if waiting.intersection(m.name for m in members):
            units += units_of(members, owner, waiting)
    return sorted(units, key=lambda u: (u.first.date, u.first.name))


def units_of(members: Sequence[Seed], owner: Mapping[str, Holding], waiting: set[str]) -> list[Unit]:
    """Return the stories one group of takes makes: one, or more where takes are other stories' firsts."""
    held = next((owner[m.name] for m in members if m.name in owner), None)
    first = next((m for m in members if held and m.name == held.first), members[0])
    if held and first.name != held.first:
        held = None  # the story's first take was not read this time: start no merge from it
    together, alone = [first], []
    for seed in members:
        if seed is first:
            continue
        home = owner.get(seed.name)
        is_first_elsewhere = home is not None and home.first == seed.name and home is not held
        (alone if is_first_elsewhere else together).append(seed)
    text = first
    for seed in together[1:]:  # in the wire's order: a later take replaces the text when it is longer
        if length(seed) > length(text):
            text = seed
    unit = Unit(first, text, tuple(together[1:]), held.split if held else ())
    return [unit] + [Unit(s, s, (), owner[s.name].split) for s in alone if s.name in waiting]


def length(seed: Seed) -> int:
    """Return the length of a seed's copy."""
    return sum(len(p) for p in seed.paragraphs)


def distinct_titles(titles: Sequence[str], datelines: Sequence[str | None], days: Sequence[dt.date],
                    taken: Mapping[tuple[dt.date, str], str | None]) -> list[str]:
    """Return TITLES made distinct on their day: the dateline added, else 'second story' and so on.

    TAKEN maps (day, casefolded title) of the stories already in content/ to their dateline.
    """
    seen = dict(taken)
    result = []
    for title, dateline, day in zip(titles, datelines, days):
        key = (day, title.casefold())
        if key in seen:
            other = seen[key]
            candidates = ([f"{title} ({dateline})"] if dateline and dateline != other else [])
            candidates += [f"{title} ({word} story)" for word in ORDINALS]
            title = next((c for c in candidates if (day, c.casefold()) not in seen), candidates[-1])
        seen[(day, title.casefold())] = dateline
        result.append(title)
    return result


def far_ahead(seeds: Iterable[Seed], today: dt.date) -> list[Seed]:
    """Return the seeds dated more than a day after TODAY."""
    return [s for s in seeds if s.date > today + dt.timedelta(days=1)]
