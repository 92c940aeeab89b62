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
from typing import Mapping

import jinja2
import markdown
import yaml

import generator
from generator import images, parallel
from generator.cache import BuildCache, PageRecord, quick_digest, save_cache
from generator.config import Config, logo_is_url
from generator.cache import State
from generator.content import RACY_NS, Source, StatKey, fingerprint
from generator.sitecheck import SiteCheck
from generator.storyfiles import Folder, changed_files, scan_folder, stated_since, story_files
from generator.images import Pictures
from generator.models import Site
from generator.pages import Group
from generator.render import RenderJob, group_keys
from generator.taxonomy import neighbours, related_lists, term_lists
from generator.theme import Theme, digest_templates, hashed_name, resolve, static_files


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build reads besides the stories' text: their stats, config, code, theme, assets."""

    scanned_at: int  # ns, taken before the scan
    theme: Theme
    assets: dict[str, tuple[str, bytes]]  # static file -> (fingerprinted name, bytes)
    shared: str  # hash of config, code, templates and static files: what every page reads
    stamp: str  # hash of what the cache's contents depend on: code and time zone
    folders: dict[str, Folder] = dataclasses.field(default_factory=dict)  # as scanned, with their files' stats
    site_check: SiteCheck | None = None  # site/ looked at meanwhile, for up_to_date

    @property
    def files(self) -> dict[str, StatKey]:
        """Each content file's stat key, in path order."""
        return story_files(self.folders)


@dataclass(frozen=True, slots=True)
class Content:
    """The stories read this time, those of the last build, and the site organised from them."""

    sources: dict[str, Source]
    previous: Mapping[str, Source]
    site: Site
    pictures: Pictures = dataclasses.field(default_factory=lambda: Pictures({}, {}, {}, [], []))  # their image files


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
    return Inputs(0, theme, assets, shared, quick_digest((code, config.timezone)))


def scan_stories(config: Config, inputs: Inputs, cache: BuildCache) -> Inputs:
    """Stat the stories, listing again only the folders that changed since the last build.

    When the last build may have left nothing to do, site/ is looked at meanwhile (sitecheck.py).
    """
    state = cache.state
    check = None
    if could_be_up_to_date(inputs, state):
        check = SiteCheck(str(config.path("site")), lambda: cache.read("outputs"))
    try:
        scanned_at = time.time_ns()
        folders = scan_folder(str(config.path("content")), "content/", state.folders, state.scanned_at - RACY_NS)
    except BaseException:
        if check is not None:
            check.close()
        raise
    return dataclasses.replace(inputs, scanned_at=scanned_at, folders=folders, site_check=check)


def could_be_up_to_date(inputs: Inputs, state: State) -> bool:
    """Tell whether the last build vouches for site/, made with these settings, code and theme."""
    return state.inputs == inputs.shared and bool(state.kinds) and not state.ahead and not state.pending


def code_digest() -> str:
    """Return a hash of the generator's code and the libraries that shape its output."""
    sha = hashlib.sha1(repr((sys.version_info[:2], markdown.__version__, jinja2.__version__,
                             yaml.__version__)).encode())
    for path in sorted(Path(generator.__file__).parent.rglob("*.py")):
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def up_to_date(config: Config, inputs: Inputs, cache: BuildCache) -> bool:
    """Tell whether nothing read has changed since the last build and site/ holds all it wrote."""
    check = inputs.site_check or SiteCheck(str(config.path("site")), lambda: cache.read("outputs"), fork=False)
    try:
        hashed = unchanged(config, inputs, cache.state)
        if hashed is None or not check.result():
            return False
    finally:
        check.close()
    if hashed:  # files written just before the last scan proved unchanged: trust their stat from now on
        cache.put("state", dataclasses.replace(cache.state, scanned_at=inputs.scanned_at, folders=inputs.folders))
        save_cache(cache)
    return True


def unchanged(config: Config, inputs: Inputs, state: State) -> int | None:
    """Return how many story files were hashed to show they are as the last build read them (their
    stat alone could not), or None when a story, an image file or what every page reads changed."""
    if not (state.inputs == inputs.shared and state.kinds and not state.ahead):
        return None
    if changed_files(inputs.folders, state.folders) != []:
        return None
    if not images.unchanged(config.root, state.images):  # an image file edited, added or deleted
        return None
    racy = stated_since(inputs.folders, state.scanned_at - RACY_NS)
    for rel in racy:
        try:
            if fingerprint(config.path(rel).read_bytes()) != state.hashes.get(rel):
                return None
        except OSError:
            return None
    return len(racy)


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


def select_groups(job: RenderJob, groups: list[Group], cache: BuildCache) -> Selection:
    """Key every group by what it reads; keep those whose key and pages are as before."""
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

    for group, key in zip(groups, group_keys(job, groups)):
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
