"""What changed since the last build: the inputs' hashes, and the page groups whose inputs changed.

A build compares what it reads with what the last one read (the cache's `state` and `plan`), so as
to redo only what depends on a change: nothing at all when only stats were read and all match.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

import jinja2
import markdown
import yaml

import generator
from generator import images, parallel
from generator.cache import MISSING, BuildCache, PageRecord, PlanMemo, quick_digest, save_cache
from generator.config import Config, logo_is_url
from generator.cache import State
from generator.content import RACY_NS, Source, StatKey, unchanged
from generator.storyfiles import Folder, scan_folder
from generator.images import Pictures
from generator.models import Site
from generator.pages import Group
from generator.render import RenderJob, group_keys
from generator.taxonomy import neighbours, related_lists, term_lists
from generator.theme import Theme, digest_templates, hashed_name, resolve, static_files


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build reads besides the stories' text: their stats, config, code, theme, assets."""

    files: dict[str, StatKey]  # content file -> stat key
    scanned_at: int  # ns, taken before the scan
    theme: Theme
    assets: dict[str, tuple[str, bytes]]  # static file -> (fingerprinted name, bytes)
    shared: str  # hash of config, code, templates and static files: what every page reads
    stamp: str  # hash of what the cache's contents depend on: code and time zone
    folders: dict[str, Folder] = dataclasses.field(default_factory=dict)  # as scanned, for the next scan


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


def hash_inputs(config: Config) -> Inputs:
    """Hash config, code, templates and static files (the stories are scanned by scan_stories)."""
    theme = resolve(config)
    assets = {rel: (hashed_name(rel, data), data)
              for rel, path in static_files(theme).items() for data in [path.read_bytes()]}
    code = code_digest()
    settings = repr(dataclasses.replace(config, root=Path(".")))  # the folder's name shows nowhere
    if config.logo and not logo_is_url(config.logo):  # the logo's copy in site/ is made from its bytes
        settings += repr(images.stat_key(config.path(config.logo)))
    shared = quick_digest((code, settings, digest_templates(theme),
                           sorted((rel, out, hashlib.sha1(data).hexdigest()) for rel, (out, data) in assets.items())))
    return Inputs({}, 0, theme, assets, shared, quick_digest((code, config.timezone)))


def scan_stories(config: Config, inputs: Inputs, state: State) -> Inputs:
    """Stat the stories, listing again only the folders that changed since the last build (STATE)."""
    scanned_at = time.time_ns()
    files, folders = scan_folder(str(config.path("content")), "content/", state.folders,
                                 state.scanned_at - RACY_NS)
    return dataclasses.replace(inputs, files=files, scanned_at=scanned_at, folders=folders)


def code_digest() -> str:
    """Return a hash of the generator's code and the libraries that shape its output."""
    sha = hashlib.sha1(repr((sys.version_info[:2], markdown.__version__, jinja2.__version__,
                             yaml.__version__)).encode())
    for path in sorted(Path(generator.__file__).parent.rglob("*.py")):
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def up_to_date(config: Config, inputs: Inputs, cache: BuildCache) -> bool:
    """Tell whether nothing read has changed since the last build and site/ holds all it wrote."""
    state = cache.state
    if state.inputs != inputs.shared or not state.kinds or state.ahead:
        return False
    if not images.unchanged(config.root, state.images):  # an image file edited, added or deleted
        return False
    hashed = unchanged(inputs.files, state.files, config.root, state.hashes, state.scanned_at - RACY_NS)
    top = str(config.path("site"))
    if hashed is None or not all(os.path.exists(os.path.join(top, p)) for p in cache.read("outputs")):
        return False
    if hashed:  # files written just before the last scan proved unchanged: trust their stat from now on
        cache.put("state", dataclasses.replace(state, scanned_at=inputs.scanned_at))
        save_cache(cache)
    return True


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
    old = {s.key: s for s in content.previous.values()}
    new = {s.key: s for s in content.sources.values()}
    changed = {k for k in old.keys() | new.keys()
               if k not in old or k not in new or old[k].meta != new[k].meta}
    if len(changed) * 8 > len(new):
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


def same_story_pages(memo: PlanMemo, content: Content, shared: str) -> Callable[[Group], bool]:
    """Return a test of whether a story's page reads what it read in the last build, not keying it.

    A story's page shows its story, its related stories and its neighbours of the day (its EXTRA),
    their front matter and its text: when none of those stories was read again, added or deleted,
    its related stories are the last build's and its day is in the same order, so is its key. Keying
    the pages of 100,000 stories took a second of a build that changed one.
    """
    moved = {item.key for _, was, now in content.moved for item in (was, now) if item is not MISSING}
    if (memo.shared != shared or memo.clashes != content.site.clashes or not memo.orders
            or content.pictures.files != content.pictures_before):
        return lambda group: False
    days = {e.day for e in content.site.editions if memo.orders.get(e.day) == e.articles}
    articles = content.site.articles

    def same(group: Group) -> bool:
        kind, _, key = group.name.partition(":")
        return (kind == "article" and group.extra[0] == memo.related.get(key) and articles[key].day in days
                and moved.isdisjoint(group.shows))

    return same


def select_groups(job: RenderJob, groups: list[Group], cache: BuildCache,
                  same: Callable[[Group], bool] = lambda group: False) -> Selection:
    """Key every group by what it reads (but those SAME says read what they did); keep those whose key
    and pages are as before."""
    memo = cache.read("plan")
    if job.force or not memo.groups or not cache.read("outputs"):  # nothing vouches for site/: make every page
        # (the workers key the groups as they render them)
        return Selection(list(groups), [None] * len(groups), {}, None)
    chosen = Selection([], [], {}, [])

    def fresh(name: str, key: str) -> bool:
        old = memo.groups.get(name)
        if job.force or old is None or old[0] != key or not all(r.path in job.previous for r in old[1]):
            return False
        chosen.kept[name] = old
        return True

    skip = [same(group) and group.name in memo.groups for group in groups]
    keys = iter(group_keys(job, [group for group, kept in zip(groups, skip) if not kept]))
    for group, kept in zip(groups, skip):
        key = memo.groups[group.name][0] if kept else next(keys)
        if group.parts is None:
            chosen.layout.append((group.name, key, None))
            if not fresh(group.name, key):
                chosen.todo.append(group)
                chosen.keys.append(key)
        elif fresh(group.name, key) and all(n in memo.groups for n in memo.parts.get(group.name, [None])):
            for name in memo.parts[group.name]:  # as before: so are its parts, kept for next time
                chosen.kept[name] = memo.groups[name]
            chosen.layout.append((group.name, key, memo.parts[group.name]))
        else:
            parts = group.parts()  # its inputs changed, but perhaps not those of every page
            for part, part_key in zip(parts, group_keys(job, parts)):
                if not fresh(part.name, part_key):
                    chosen.todo.append(part)
                    chosen.keys.append(part_key)
            chosen.layout.append((group.name, key, [p.name for p in parts]))
    return chosen
