"""Turn seeds into content files: never clobber an edit, same input gives the same bytes."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter
from pathlib import Path
from typing import Mapping, Sequence

from generator import frontmatter
from generator.acronymfold import expansions, name_counts, with_expansions
from generator.config import Config
from generator.contentindex import ARTICLES, Existing, scan_content
from generator.duplicates import Unit, distinct_titles, gather, parse_quietly
from generator.errors import Problem, display_path
from generator.ingestreport import Report
from generator.markup import escape_copy
from generator.progress import Bar
from generator.seedlist import load_seeds, read_seeds, seed_files, warn_far_ahead
from generator.surnames import full_names, story_counts, with_full_names
from generator.unpublish import UNPUBLISHED, Desk, load_desk, notice_deletions, screen
from generator.urls import MAX_SLUG, slugify
from generator.wire.entities import Entities, Lexicon, Story
from generator.wire.parse import Seed
from generator.write import write_atomic

PROGRESS_FROM = 100  # seeds to read before a progress bar is worth showing


def archive_people(config: Config) -> Counter[str]:
    """Count the stories in content/ that name each person."""
    from generator.registry import archive_names

    _, counts, shown = archive_names(config.path("content") / ARTICLES)
    return Counter({shown[k]: n for k, n in counts.items()})


def lexicon(config: Config) -> Lexicon:
    """Return what config.yaml and registry.yaml tell the extractor; RegistryError if the registry is bad."""
    from generator.registry import load_registry, with_registry

    base = Lexicon(aliases=dict(config.aliases), banned=frozenset(config.banned))
    return with_registry(base, load_registry(config.root))


def story_of(seed: Seed) -> Story:
    """Return what the extractor reads of a seed."""
    dateline = seed.dateline
    return Story(seed.paragraphs, dateline.city if dateline else None, dateline.agency if dateline else None,
                 dateline.region if dateline else None)


def compose(unit: Seed | Unit, entities: Entities, title: str, summary: str, slug: str, zone: str) -> str:
    """Return the content file of a story (a seed, or a unit of takes): front matter, then the escaped copy."""
    unit = unit if isinstance(unit, Unit) else Unit(unit, unit)
    first, seed = unit.first, unit.text
    date = dt.datetime.combine(first.date, dt.time(0, 0), tzinfo=zoneinfo.ZoneInfo(zone))
    meta = {
        "title": title, "date": date,
        "dateline": seed.dateline.text if seed.dateline else None,
        "agency": seed.dateline.agency if seed.dateline else None,
        "summary": summary, "people": list(entities.people), "places": list(entities.places),
        "organisations": list(entities.organisations), "tags": list(entities.tags), "slug": slug,
        "source": {"file": first.name, "sha256": first.sha256},
    }
    if unit.updated:
        meta["updated"] = dt.datetime.combine(unit.updated, dt.time(0, 0), tzinfo=zoneinfo.ZoneInfo(zone))
    if unit.takes:
        meta["source"]["takes"] = [f"{t.name} {t.sha256}" for t in unit.takes]
    if unit.split:
        meta["split"] = list(unit.split)
    body = "\n\n".join(escape_copy(p) for p in seed.paragraphs)
    return frontmatter.stamp(frontmatter.dump(meta) + "\n" + body + "\n")


def _shorten(slug: str, room: int) -> str:
    """Cut SLUG at a hyphen so that a suffix of ROOM characters still fits MAX_SLUG."""
    limit = MAX_SLUG - room - 1
    return slug if len(slug) <= limit else (slug[:limit + 1].rsplit("-", 1)[0] or slug[:limit])


def target_path(config: Config, seed: Seed, title: str, taken: set[Path]) -> tuple[Path, str]:
    """Choose a content path and slug for a new story, distinct on its day and stable."""
    day = config.path("content") / ARTICLES / f"{seed.date:%Y/%m/%d}"
    base = slugify(title)
    slugs = [base] + [f"{_shorten(base, n)}-{seed.text_sha256[:n]}" for n in (6, 12, 64)]
    for slug in slugs:
        # a file ingest did not write (a story written by hand) is taken too: never overwrite it
        if day / f"{slug}.md" not in taken and not (day / f"{slug}.md").exists():
            break
    return day / f"{slug}.md", slug


def backup(path: Path) -> Path:
    """Save an edited story beside itself as PATH.bak (or .bak2 ...), never over another."""
    number, target = 1, path.with_name(path.name + ".bak")
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.bak{number}")
    write_atomic(target, path.read_bytes())
    return target


def place(config: Config, seed: Seed, title: str, index: dict[str, Existing],
          taken: set[Path], force: bool, report: Report, changed: str = "") -> tuple[Path, str] | None:
    """Decide where a seed's story goes, or None when a hand edit must be kept; CHANGED: the seeds new to it."""
    existing = index.get(seed.name)
    if existing is None or not existing.first:
        path, slug = target_path(config, seed, title, taken)
        taken.add(path)
        return path, slug
    if existing.edited and not force:
        report.problems.append(Problem(display_path(existing.path, config.root),
                                       f"kept: edited by hand, and its seed {changed or seed.name} changed; "
                                       "use --force to re-ingest (your version is saved as .bak)",
                                       severity="warning"))
        return None
    if existing.edited:
        report.backups.append(backup(existing.path))
    return existing.path, existing.path.stem


def ingest(config: Config, paths: Sequence[Path] = (), force: bool = False,
           processes: int | None = None, progress: bool = False) -> Report:
    """Ingest seeds into content/articles/; return what was done (a bar shows it with PROGRESS)."""
    from generator.wire.extract import extract_many  # loads the language model: ingest only
    from generator.wire.titles import headlines
    from generator.wire.summary import summary

    report = Report()
    known = lexicon(config)  # read registry.yaml first: a bad one stops ingest before any write
    index = scan_content(config, report)
    report.kept += [e.path for e in index.values() if e.edited and not force]
    loaded = load_seeds(seed_files(config, list(paths), report), config.root, report)
    desk = editors_desk(config, index, report)
    loaded = held_back(desk, loaded, index, paths, force, report)
    seeds = read_seeds(loaded, index, force, report, config.root)
    warn_far_ahead(seeds, config.root, loaded, report)
    units = gather(seeds, parse_quietly(loaded, (s.name for s in seeds)),
                   {name: e.holding for name, e in index.items() if e.holding is not None})
    stories = [story_of(unit.text) for unit in units]
    if processes is None:
        processes = 2 if len(stories) >= 200 else 1
    with Bar(len(stories), "reading stories", "story", progress and len(stories) >= PROGRESS_FROM) as bar:
        found = extract_many(stories, known, processes=processes, done=bar.advance) if stories else []
    if found:
        counts = archive_people(config) + story_counts(e.people for e in found)
        owners = full_names(known.people, counts)
        found = [with_full_names(entities, owners) for entities in found]
        table = expansions(*name_counts(found), known.organisations, known.people)
        found = [with_expansions(entities, table) for entities in found]
    taken = {e.path for e in index.values()}
    pending = {s.name for s in seeds}
    with Bar(len(stories), "writing headlines", "story", progress and len(stories) >= PROGRESS_FROM) as bar:
        written = headlines(stories, found, processes, bar.advance)  # ledes parsed in batches, on every core
    titles = told_apart(units, written, index)  # the slug keeps the headline: stable as before
    for unit, entities, headline, title in zip(units, found, written, titles):
        changed = ", ".join(s.name for s in (unit.first, *unit.takes) if s.name in pending)
        where = place(config, unit.first, headline, index, taken, force, report, changed)
        if where is None:
            continue
        path, slug = where
        text = compose(unit, entities, title, summary(unit.text.paragraphs), slug, config.timezone)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text.encode("utf-8"))
            report.written.append(path)
        else:
            report.unchanged += 1
        if unit.takes:
            report.notes.append(f"{len(unit.takes) + 1} duplicate takes merged: {display_path(path, config.root)}")
        for seed in (unit.first, *unit.takes):
            desk.remember(seed.name, seed.sha256)
    desk.save()
    grow(config, report)
    return report


def told_apart(units: Sequence[Unit], titles: list[str], index: Mapping[str, Existing]) -> list[str]:
    """Return the headlines, with those the same as another story's of the day made distinct."""
    mine = {unit.first.name for unit in units}
    taken = {(_day(e.path), e.title.casefold()): e.dateline
             for name, e in index.items() if e.first and e.title and name not in mine}
    return distinct_titles(titles, [u.text.dateline.city if u.text.dateline else None for u in units],
                           [u.first.date for u in units], taken)


def _day(path: Path) -> dt.date | None:
    try:
        return dt.date(int(path.parent.parent.parent.name), int(path.parent.parent.name), int(path.parent.name))
    except ValueError:
        return None


def editors_desk(config: Config, index: dict[str, Existing], report: Report) -> Desk:
    """Read the lists of ingested and unpublished seeds; unpublish the stories deleted since."""
    desk, problems = load_desk(config.path("content"), config.root)
    report.problems += problems
    if report.unreadable:  # a story that cannot be read is not a deleted one: decide nothing now
        return desk
    stories = {name: existing.seed_sha256 for name, existing in index.items()}
    for existing in index.values():  # a take an editor split off is no deleted story: ingest writes it
        for name in existing.holding.split if existing.holding else ():
            stories.setdefault(name, desk.ingested.get(name, ""))
    for stone in notice_deletions(desk, stories, dt.date.today()):
        report.notes.append(f"{stone.seed}: its story was deleted from content/, so it stays unpublished "
                            f"(listed in content/{UNPUBLISHED})")
    return desk


def held_back(desk: Desk, loaded: list[tuple[Path, bytes]], index: dict[str, Existing],
              paths: Sequence[Path], force: bool, report: Report) -> list[tuple[Path, bytes]]:
    """Drop the seeds of unpublished stories (unless forced by name), and those of unreadable ones."""
    missing = frozenset(desk.ingested) - frozenset(index) if report.unreadable else frozenset()
    named = frozenset(p for p in paths if p.suffix.lower() == ".txt")
    keep, held, restored = screen(desk, loaded, named, force, missing)
    report.unpublished += [name for name in held if name not in missing]
    report.restored += restored
    if missing & set(held):
        report.notes.append(f"held back {len(missing & set(held))} seed(s) whose story may be among the "
                            "unreadable files in content/: fix those and ingest again")
    return keep


def grow(config: Config, report: Report) -> None:
    """Add names the editors kept, or the archive agrees on, to registry.yaml; note what was added."""
    from generator.registry import REGISTRY_NAME, grow_registry

    # only stories edited by hand can confirm a name: read just those
    added = grow_registry(config.root, config.path("content") / ARTICLES, config.banned, report.edited)
    if added:
        report.notes.append(f"{REGISTRY_NAME}: added {len(added)} name{'s' * (len(added) != 1)}: "
                            + ", ".join(added))
