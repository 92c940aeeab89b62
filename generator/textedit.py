"""A build after edits to stories' text alone: remake the pages that show that text, read nothing else.

When every changed content file keeps its story's front matter, the story keeps its key, its place
in every list and all that lists show of it: only the groups that read its text can change (its
own page, the feeds that carry it in full). The last whole build kept, by each story's day, those
groups and what they were planned with (`readers` in the cache). This build reads the changed files,
the days of the stories those groups show and the groups' own records, renders those groups alone
and commits like any build: its cost follows the edit, not the archive. Anything else (a file
added, removed or left out as bad, a name, a date, config, a template, the search index) is for the
whole build, which this one hands over to having changed nothing.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping, Sequence

from generator import images
from generator.bodies import Bodies, to_html
from generator.cache import MISSING, BuildCache, State, save_cache
from generator.cacheshards import shard_name
from generator.commit import Journal
from generator.config import Config
from generator.content import Source, make_source, parse_story, read_markdown
from generator.errors import ContentError, Problem
from generator.jinjaenv import environment
from generator.models import Site
from generator.pages import Cards, text_group
from generator.planning import Group
from generator.render import GroupResult, RenderJob, group_keys, meta_key, shared_key
from generator.storyfiles import RACY_NS, Folder, changed_files, fingerprint, stat_key, stated_since
from generator.urls import Urls
from generator.views import site_view
from generator.write import Staging

MAX_FILES = 50  # more changed files than this: a whole build costs little more, and checks everything


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the build scanned and hashed besides the stories (changes.Inputs)."""

    scanned_at: int
    template_dirs: Sequence[Any]
    assets: Mapping[str, str]  # static file -> its fingerprinted name
    shared: str
    folders: Mapping[str, Folder]  # content/'s folders as scanned, with their files' stats


@dataclass(frozen=True, slots=True)
class TextBuild:
    """What a build of text edits did: pages made and written, warnings, and what to commit."""

    planned: int
    written: list[str]
    warnings: list[Problem]
    journal: Journal


def build_text(config: Config, inputs: Inputs, cache: BuildCache) -> TextBuild | None:
    """Remake the pages that read the text of the changed stories; None when more than text changed."""
    state = cache.state
    if not eligible(config, inputs, state):
        return None
    changed = changed_files(inputs.folders, state.folders)  # None: a file added or removed
    if changed is not None:  # and those whose stat cannot prove them unchanged
        changed = sorted({*changed, *stated_since(inputs.folders, state.scanned_at - RACY_NS)})
    read = read_changed(config, changed, inputs.folders, cache) if changed and len(changed) <= MAX_FILES else None
    texts = [new.key for old, new in read[0] if new.body != old.body] if read else []
    readers = groups_reading(cache, texts) if texts else None
    if readers is None:  # not text alone, or no text: site/ may lack a page, which a whole build checks
        return None
    edits, warnings = read
    stories = Stories(cache, {new.key: new for _, new in edits})
    htmls = {new.body: to_html(new.article.body) for old, new in edits
             if new.body != old.body and cache.lookup("markdown", new.body) is None}
    job = make_job(config, inputs, cache, stories, htmls, readers)
    if job is None:
        return None
    made = render(job, cache)
    if made is None:
        return None
    update_cache(cache, inputs, edits, htmls, made)
    written = [path for _, result in made.values() for path in result.written]
    return TextBuild(sum(len(result.records) for _, result in made.values()), written, warnings,
                     Journal(False, 0, tuple(written), (), tuple(sorted(cache.pending))))


def eligible(config: Config, inputs: Inputs, state: State) -> bool:
    """Tell whether the last build vouches for site/ with the same settings, and left nothing out."""
    return (not config.search and state.inputs == inputs.shared and bool(state.kinds) and not state.ahead
            and not state.problems and images.unchanged(config.root, state.images))


def read_changed(config: Config, changed: Iterable[str], folders: Mapping[str, Folder],
                 cache: BuildCache) -> tuple[list[tuple[Source, Source]], list[Problem]] | None:
    """Read the changed files: each story as the cache has it and as it is now, and their warnings.

    None when one cannot be read, or its front matter changed.
    """
    edits, warnings = [], []
    for path in changed:
        try:
            data = (config.root / path).read_bytes()
            article, found = parse_story(data, path, config)
        except (OSError, ContentError):
            return None
        new = make_source(stat_key(folders, path), fingerprint(data), article)
        old = cache.shard("sources", shard_name("sources", path, new)).get(path)
        if old is None or old.key != new.key or old.meta != new.meta:
            return None
        edits.append((old, new))
        warnings += found
    return edits, warnings


def groups_reading(cache: BuildCache, keys: Iterable[str]) -> dict[str, tuple] | None:
    """Return the groups that read the text of the stories KEYS: name -> (shows, extra).

    None when the cache has no word of a story (its file was lost).
    """
    found = {}
    for key in keys:
        entries = cache.lookup("readers", key, MISSING)
        if entries is MISSING:
            return None
        for name, shows, extra in entries:
            found[name] = (shows, extra)
    return found


def make_job(config: Config, inputs: Inputs, cache: BuildCache, stories: Stories, htmls: Mapping[str, str],
             readers: Mapping[str, tuple]) -> RenderJob | None:
    """Set up the groups of READERS for rendering, keyed; None if one is not a group of text."""
    clashes = cache.state.clashes
    urls = Urls(config.base_url, config.permalinks, {name: slug for name, (slug, _) in clashes.items()})
    pictures = Pictures(stories, cache.state.images)
    site = Site(Column(stories, "article"), (), {}, (), clashes, pictures)
    bodies = Bodies(cache, Column(stories, "body"), Column(stories, "article"), partial(read_markdown, config),
                    htmls)
    cards = Cards(site, urls, config.timezone)
    groups = [text_group(site, config, urls, cards, bodies, name, shows, extra)
              for name, (shows, extra) in sorted(readers.items())]
    if any(group is None for group in groups):
        return None
    staging = Staging(config.path("site"), whole=False)
    staging.reset()
    env = environment(inputs.template_dirs, urls, inputs.assets, site_view(config, urls), cache.folder)
    job = RenderJob(groups, (), env, urls, shared_key(inputs.shared, clashes), bodies, Metas(stories, pictures),
                    Column(stories, "body"), {}, staging, False)
    return dataclasses.replace(job, keys=group_keys(job, groups))


def render(job: RenderJob, cache: BuildCache) -> dict[str, tuple[str, GroupResult]] | None:
    """Render the job's groups, writing what changed to staging; None if a group's pages moved."""
    top = str(job.staging.target)
    olds = {group.name: cache.lookup("groups", group.name) for group in job.groups}
    previous = {r.path: r.fingerprint for old in olds.values() if old for r in old[1]
                if os.path.exists(os.path.join(top, r.path))}
    job = dataclasses.replace(job, previous=previous)
    made = {}
    for group, key in zip(job.groups, job.keys):
        old, result = olds[group.name], job.make(group, key)
        if old is None or [r[:5] for r in result.records] != [r[:5] for r in old[1]]:
            job.staging.reset()  # a page of another URL or date: the sitemaps would change too
            return None
        made[group.name] = (key, result)
    return made


def update_cache(cache: BuildCache, inputs: Inputs, edits: list[tuple[Source, Source]],
                 htmls: Mapping[str, str], made: Mapping[str, tuple[str, GroupResult]]) -> None:
    """Save what this build read and made, beside the cache (commit puts it in place)."""
    for old, new in edits:
        cache.change("sources", new.article.source, new)
        if old.body != new.body:
            cache.change("markdown", old.body, None)  # as a whole build drops a body no story has
    for sha, html in htmls.items():
        cache.change("markdown", sha, html)
    for name, (key, result) in made.items():
        cache.change("groups", name, (key, result.records))  # not the outputs: see BuildCache.outputs
    racy = inputs.scanned_at - RACY_NS
    hashes = {new.article.source: new.sha for _, new in edits if new.stat[2] >= racy}
    cache.put("state", dataclasses.replace(cache.state, hashes=hashes, scanned_at=inputs.scanned_at,
                                           folders=inputs.folders))
    save_cache(cache, pending=True)


def text_readers(sources: Iterable[Source], groups: Iterable[Group],
                 only: Collection[str] | None = None) -> dict[str, tuple]:
    """Map every story's key (or ONLY those keys) to the groups that read its text: (name, shows,
    extra) of each.

    What a build of text edits needs to make those groups again. Every story has an entry: a
    draft left out of the site, an empty one.
    """
    readers: dict[str, list] = {s.key: [] for s in sources if only is None or s.key in only}
    for group in groups:
        for key in group.bodies:
            if only is None or key in only:
                readers[key].append((group.name, group.shows, group.extra))
    return {key: tuple(found) for key, found in readers.items()}


def reader_changes(groups: Iterable[Group], made_anew: Callable[[str], bool], vanished: Iterable[str],
                   moved: Iterable[str]) -> set[str] | None:
    """Return the stories whose entry in text_readers a build can have changed; None when it cannot tell.

    A group kept from the last build read the same stories as then (its key, the hash of all it
    reads, is the same), so an entry changes only with a story read, moved or deleted (MOVED), or
    with a group that reads text and was made anew or VANISHED. A story's page reads its text
    alone; a feed that was made anew or went may have read others the last time, not known here.
    """
    keys = set(moved)
    for group in groups:
        if group.bodies and made_anew(group.name):
            if not group.name.startswith("article:"):
                return None
            keys.update(group.bodies)
    for name in vanished:
        kind, _, rest = name.partition(":")
        if kind == "article":
            keys.add(rest)
        elif kind == "feed" or kind.endswith("-feed"):
            return None
    return keys


class Stories(Mapping):
    """The stories of the last build by key, each day's read from the cache on first use; EDITED as now."""

    def __init__(self, cache: BuildCache, edited: Mapping[str, Source]):
        self.cache, self.edited = cache, edited
        self.days: dict[str, dict[str, Source]] = {}

    def __getitem__(self, key: str) -> Source:
        if key in self.edited:
            return self.edited[key]
        day = shard_name("readers", key)
        if day not in self.days:
            self.days[day] = {s.key: s for s in self.cache.shard("sources", day).values()}
        return self.days[day][key]

    def __iter__(self) -> Iterator[str]:  # the stories read so far
        return iter({**{k: None for day in self.days.values() for k in day}, **self.edited})

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Column(Mapping):
    """One field of each story (its article, the hash of its front matter or of its body) by key."""

    def __init__(self, stories: Stories, name: str):
        self.stories, self.name = stories, name

    def __getitem__(self, key: str) -> Any:
        return getattr(self.stories[key], self.name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.stories)

    def __len__(self) -> int:
        return len(self.stories)


class Pictures(Column):
    """Each story's picture as the whole build finds it (images.find), from the image files it read.

    Only stories with a picture are keys; a text edit changes no picture, nor any image file.
    """

    def __init__(self, stories: Stories, files: Mapping[str, images.Picture]):
        super().__init__(stories, "article")
        self.files = files

    def __getitem__(self, key: str) -> str:
        article = self.stories[key].article
        if article.image is not None and images.is_url(article.image):
            return article.image
        found = self.files.get(images.project_path(article.source, article.image)) if article.image else None
        if found is None or found.stat is None:
            raise KeyError(key)
        return found.name


class Metas(Column):
    """The hash of what lists show of each story: its front matter, and its picture (as build.make_job)."""

    def __init__(self, stories: Stories, pictures: Pictures):
        super().__init__(stories, "meta")
        self.pictures = pictures

    def __getitem__(self, key: str) -> str:
        return meta_key(self.stories[key].meta, self.pictures.get(key))
