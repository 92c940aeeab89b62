"""What changed since the last build: the inputs' hashes, and the page groups whose inputs changed.

A build compares what it reads with what the last one read (the cache's `state` and `plan`), so as
to redo only what depends on a change: nothing at all when only stats were read and all match.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Mapping

from generator import parallel
from generator.cache import MISSING, BuildCache, PageRecord, PlanMemo
from generator.changes import Inputs
from generator.config import Config
from generator.content import Source
from generator.images import Pictures
from generator.models import TERM_KINDS, Site
from generator.pages import Group
from generator.render import RenderJob, group_keys
from generator.relatedstories import neighbours, related_lists
from generator.taxonomy import term_lists


@dataclass(frozen=True, slots=True)
class Content:
    """The stories read this time, those of the last build, and the site organised from them."""

    sources: dict[str, Source]
    previous: Mapping[str, Source]
    site: Site
    pictures: Pictures = dataclasses.field(default_factory=lambda: Pictures({}, {}, {}, [], []))  # their image files
    pictures_before: Mapping = dataclasses.field(default_factory=dict)  # the image files the last build read
    moved: list = dataclasses.field(default_factory=list)  # (path, story before, story now) of each story read
    # again, added or deleted: BuildCache.updated


def find_related(config: Config, inputs: Inputs, content: Content,
                 cache: BuildCache) -> dict[str, tuple[str, ...]]:
    """Return each story's related stories, recomputing only near the stories that changed."""
    memo = cache.read("plan")
    site, stale = content.site, None
    if memo.shared == inputs.shared:
        stale = changed_neighbourhood(content, memo.terms, memo.clashes)
    return related_lists(site, config.related, memo.related, stale, parallel.cores())


def changed_neighbourhood(content: Content, old_terms: Mapping, old_clashes: Mapping) -> set[str] | None:
    """Return the stories whose related list an edit may change; None when that is most of them."""
    previous, sources = content.previous, content.sources
    old, new = {}, {}  # the stories that changed, by key: a story taken from the cache is the same object
    for path, source in previous.items():
        now = sources.get(path)
        if now is not source and (now is None or now.meta != source.meta or now.key != source.key):
            old[source.key] = source
            if now is not None:
                new[now.key] = now
    new.update((s.key, s) for path, s in sources.items() if path not in previous)
    changed = old.keys() | new.keys()
    if len(changed) * 8 > len(sources):
        return None
    lists = term_lists(content.site)
    stale = set(changed)
    for key in changed:
        if key in old:
            stale |= neighbours(old_terms, old[key].article, old_clashes)
        if key in new:
            stale |= neighbours(lists, new[key].article, content.site.clashes)
    return stale


@dataclass(frozen=True, slots=True)
class Selection:
    """The groups to plan again, with their keys, and what the last build made of the others."""

    todo: list[Group]
    keys: list[str | None]  # None: rendering keys the group, and splits it in parts (a cold build)
    kept: dict[str, tuple[str, list[PageRecord]]]  # group name -> (key, records)
    layout: list[tuple[str, str, list[str] | None]] | None  # each group: name, key, its parts' names;
    # None when every group is to do and rendering finds out


def same_inputs(memo: PlanMemo, content: Content, shared: str, feed_size: int) -> Callable[[list[Group]], list[bool]]:
    """Return a test of which groups (stories' pages, names' pages and feeds) read what they read
    in the last build, so that they need no key: a list of booleans, one a group.

    A story's page shows its story, its related stories and its neighbours of the day (its EXTRA),
    their front matter and its text: when none of those stories was read again, added or deleted,
    its related stories are the last build's and its day is in the same order, so is its key. Keying
    the pages of 100,000 stories took a second of a build that changed one. A name's pages and feed
    show its stories (the newest FEED_SIZE of them), what is named with it and how many they are:
    when its list of stories is the last build's and none of them was read again, so is their key
    (keying the pages of every name hashed a million keys at 100,000 stories). The stories' pages,
    nearly every group, are tested in one loop here, not by a call each (0.2 s at 100,000 stories).
    """
    moved = {item.key for _, was, now in content.moved for item in (was, now) if item is not MISSING}
    if (memo.shared != shared or memo.clashes != content.site.clashes or not memo.orders
            or content.pictures.files != content.pictures_before):
        return lambda groups: [False] * len(groups)
    # a story's key begins with its day (models.Article.key): the days whose order is as before
    days = {f"{e.day.year:04d}/{e.day.month:02d}/{e.day.day:02d}/" for e in content.site.editions
            if memo.orders.get(e.day) == e.articles}
    terms, related, disjoint = memo.terms, memo.related.get, moved.isdisjoint

    def same_name(group: Group) -> bool:
        kind, _, key = group.name.partition(":")
        if kind in TERM_KINDS and ":" not in key:
            return terms.get((kind, key)) == group.shows and disjoint(group.shows)
        if kind.endswith("-feed") and kind[:-5] in TERM_KINDS:
            return terms.get((kind[:-5], key), ())[:feed_size] == group.shows and disjoint(group.shows)
        return False

    def same(groups: list[Group]) -> list[bool]:
        found = []
        for group in groups:
            name = group.name
            if name.startswith("article:"):
                key = name[8:]
                found.append(group.extra[0] == related(key) and key[:11] in days and disjoint(group.shows))
            else:
                found.append(same_name(group))
        return found

    return same


def select_groups(job: RenderJob, groups: list[Group], cache: BuildCache,
                  same: Callable[[list[Group]], list[bool]] = lambda groups: [False] * len(groups)) -> Selection:
    """Key every group by what it reads (but those SAME says read what they did); keep those whose key
    and pages are as before."""
    memo = cache.read("plan")
    if job.force or not memo.groups or not cache.read("outputs"):  # nothing vouches for site/: make every page
        # (the workers key the groups as they render them)
        return Selection(list(groups), [None] * len(groups), {}, None)
    chosen = Selection([], [], {}, [])
    # site/ holds every output the last build made (make_job found them all), so every page of its groups
    whole = job.previous is cache.read("outputs")
    before, kept_map, layout = memo.groups, chosen.kept, chosen.layout

    def fresh(name: str, key: str) -> bool:
        old = before.get(name)
        if job.force or old is None or old[0] != key or not (whole or all(r.path in job.previous for r in old[1])):
            return False
        kept_map[name] = old
        return True

    skip = [kept and group.name in before for group, kept in zip(groups, same(groups))]
    keys = iter(group_keys(job, [group for group, kept in zip(groups, skip) if not kept]))
    for group, kept in zip(groups, skip):
        if kept and whole and group.parts is None:  # most groups, unchanged: kept as the last build made them
            old = kept_map[group.name] = before[group.name]
            layout.append((group.name, old[0], None))
            continue
        key = before[group.name][0] if kept else next(keys)
        if group.parts is None:
            layout.append((group.name, key, None))
            if not fresh(group.name, key):
                chosen.todo.append(group)
                chosen.keys.append(key)
        elif fresh(group.name, key) and all(n in before for n in memo.parts.get(group.name, [None])):
            for name in memo.parts[group.name]:  # as before: so are its parts, kept for next time
                kept_map[name] = before[name]
            layout.append((group.name, key, memo.parts[group.name]))
        else:
            parts = group.parts()  # its inputs changed, but perhaps not those of every page
            for part, part_key in zip(parts, group_keys(job, parts)):
                if not fresh(part.name, part_key):
                    chosen.todo.append(part)
                    chosen.keys.append(part_key)
            layout.append((group.name, key, [p.name for p in parts]))
    return chosen
