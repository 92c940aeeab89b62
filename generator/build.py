"""The build, as a table of contents: content/ + config + theme -> site/.

Incremental by design (incremental.py decides what to redo): every page belongs to a group that
names what it reads (pages.Group). A group whose inputs hash as before is not even planned; a
planned page whose bytes hash as what site/ holds is not written. Changed pages are written to a
staging folder and put in site/ only when all of them rendered, as one transaction (commit.py): a
build that fails or is killed leaves site/ and the cache as the last complete build left them, or
the next build completes it. A story that cannot be read is named and left out; the others are
built. Cold builds parse, convert Markdown, relate stories and render on every core.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections import Counter
from typing import Callable, Mapping

from generator import images, parallel, textedit
from generator.cache import MISSING, SHARDED, BuildCache, joined_output_paths, outputs_size, save_cache
from generator.commit import commit, recover
from generator.config import Config
from generator.content import RACY_NS, Reading, Source, read_sources
from generator.errors import Problem, ThemeError
from generator.filehashes import fingerprints
from generator.buildresult import BuildResult
from generator.changes import CACHE_DIR, FORK_FROM, FirstLook, Inputs, first_look
from generator.incremental import Content, Selection, find_related, same_inputs, select_groups
from generator.markdownbodies import convert_rest, render_bodies
from generator.models import INDEX_NAMES, Site
from generator.newsvalue import far_ahead
from generator.nocollection import no_collection
from generator.pages import Cards, Group, page_groups
from generator.progress import Bar
from generator.render import Made, RenderJob, meta_key, shared_key
from generator.indexing import Indexing
from generator.jinjaenv import compile_templates, environment
from generator.savestate import save_state
from generator.search import index_stories
from generator.sitecheck import SiteCheck, all_present
from generator.stage import stage_site
from generator.taxonomy import Ordered, organise
from generator.textedit import build_text
from generator.urls import Urls
from generator.views import site_view
from generator.write import Staging

# groups to render before it pays to fork workers: below, one process renders while a second
# writes the files (write.Writer). At 1,000 stories (3,800 pages) forking took 4.0-4.4 CPU s
# where one process took 2.4-3.0, each worker rendering many of the same cards again
PARALLEL_FROM = 6000
WRITER_FROM = 100  # groups rendered in this process before a second one writing their files pays
PROGRESS_FROM = 1000  # groups to render before a progress bar is worth showing
# the cache parts saved while workers render: not the Markdown, which comes back with their results
RENDERED_MEANWHILE = tuple(part for part in SHARDED if part != "markdown")


def build(config: Config, clean: bool = False, progress: bool = False,
          indexing: Indexing | None = None, looked: FirstLook | None = None) -> BuildResult:
    """Build site/ from content/, redoing only what changed; leave site/ as it was on failure.

    INDEXING may defer re-indexing the search index, or stop the build (search.py, indexer.py).
    LOOKED is what first_look found, when the caller took the first steps (as the command line does).
    """
    with no_collection():  # it walked the loaded cache again and again: 0.13 s of a one-story rebuild
        indexing = indexing or Indexing()
        return build_site(config, progress, indexing, looked or first_look(config, clean, indexing))


def build_site(config: Config, progress: bool, indexing: Indexing, looked: FirstLook) -> BuildResult:
    """Run the steps of a build, timing each, after the first (changes.first_look)."""
    result, step, inputs, cache = looked.result, looked.step, looked.inputs, looked.cache
    if result.up_to_date:
        return result
    lagging = cache.state.pending and not indexing.defer  # the search index waits for this build
    if not lagging and step("text edits", edit_text, config, inputs, cache, result):
        return result
    look = look_at_site(config, cache)  # on the other core, while this one reads the stories
    content = step("read content", read_content, config, inputs, cache, result)
    ahead = step("dates", dates_ahead, content, dt.datetime.now(dt.timezone.utc), result)
    bodies = step("bodies", render_bodies, config, content, cache)
    related = step("related", find_related, config, inputs, content, cache)
    urls = Urls(config.base_url, config.permalinks, {name: slug for name, (slug, _) in content.site.clashes.items()})
    result.warnings += clash_warnings(content.site, urls)
    groups = step("plan", plan_groups, config, urls, content, bodies, related, ahead)
    job = step("prepare", make_job, config, inputs, content, cache, urls, bodies, look)
    try:
        chosen = step("compare", select_groups, job, groups, cache,
                      same_inputs(cache.read("plan"), content, inputs.shared, config.feed_size))
        made = step("render", render_groups, job, chosen, progress,
                    lambda: save_cache(cache, RENDERED_MEANWHILE, pending=True))
        step("markdown", convert_rest, config, content, bodies)
        step.indexing = None  # from here on a stop ends the indexing only, and the build puts in place what it made
        search = step("search index", index_stories, config, content.site, urls, bodies, job, cache.read("plan"),
                      inputs.stamp, indexing)
        made.groups.update(search.groups)
        result.search_pending, result.indexed = search.pending, search.indexed
        outputs, journal = step("stage", stage_site, config, content.site, inputs, cache, job, groups, made,
                                search, result, content.pictures)
        parts = step("save cache", save_state, config, cache, inputs, content, related, groups, made, outputs,
                     result, ahead)
    except BaseException:
        job.staging.stop()
        recover(config.path("site"), config.path(CACHE_DIR))  # site/ is as it was; what was staged goes
        raise
    step("commit", commit, config.path("site"), config.path(CACHE_DIR), dataclasses.replace(journal, parts=parts))
    looked.made = (content, bodies, related, groups, job, chosen, made, search, outputs)
    return result


def edit_text(config: Config, inputs: Inputs, cache: BuildCache, result: BuildResult) -> bool:
    """Build and commit the pages that read the stories' text, if only text changed (textedit.py)."""
    kinds = Counter(cache.state.kinds)
    try:
        done = build_text(config, textedit.Inputs(inputs.scanned_at, inputs.theme.template_dirs,
                                                  {rel: out for rel, (out, _) in inputs.assets.items()},
                                                  inputs.shared, inputs.folders), cache)
        if done is None:
            return False
        commit(config.path("site"), config.path(CACHE_DIR), done.journal)
    except BaseException:
        recover(config.path("site"), config.path(CACHE_DIR))  # site/ is as it was; what was staged goes
        raise
    result.pages, result.planned, result.warnings = kinds, done.planned, result.warnings + done.warnings
    result.written, result.changed = len(done.written), done.written
    return True


def read_content(config: Config, inputs: Inputs, cache: BuildCache, result: BuildResult) -> Content:
    """Read the stories that changed, reuse the others; leave out (and name) the bad ones.

    Drafts are read (and cached) like any story, and left out of the site unless config.drafts.
    """
    previous = cache.read("sources")
    reading: Reading = read_sources(config, inputs.files, previous, cache.state.scanned_at - RACY_NS,
                                    parallel.cores())
    result.problems += [p for p in reading.problems if p.severity == "error"]
    result.warnings += [p for p in reading.problems if p.severity != "error"]
    # a story read again is a new object, one taken from the cache the same one: compare identities
    # (comparing 10,000 stories field by field took 30 ms of every small rebuild)
    if len(reading.sources) != len(previous) or any(
            previous.get(path) is not source for path, source in reading.sources.items()):
        cache.update("sources", reading.sources, previous)
    sources, before = published(reading.sources, config.drafts), published(previous, config.drafts)
    pictures = images.find(config.root, (s.article for s in sources.values()), cache.state.images)
    result.problems += pictures.problems  # a story whose image file is missing is left out, and named
    result.warnings += pictures.warnings
    sources = {path: s for path, s in sources.items() if s.article.image is None or s.key in pictures.shown}
    memo = cache.read("plan")
    moved = {item.key for _, was, now in cache.updated.get("sources", ()) for item in (was, now) if item is not MISSING}
    site = dataclasses.replace(organise({s.key: s.article for s in sources.values()},
                                        Ordered(memo.orders, memo.counts, moved)), images=pictures.shown)
    return Content(sources, before, site, pictures, cache.state.images, cache.updated.get("sources", []))


def published(sources: Mapping[str, Source], drafts: bool) -> Mapping[str, Source]:
    """Return the stories the site shows: all with DRAFTS, else those not marked draft."""
    if drafts or not any(s.article.draft for s in sources.values()):
        return sources
    return {path: s for path, s in sources.items() if not s.article.draft}


def dates_ahead(content: Content, now: dt.datetime, result: BuildResult) -> frozenset[str]:
    """Warn of each story dated more than a day after NOW; return their keys: none may lead the site."""
    found = far_ahead((s.article for s in content.sources.values()), now)
    result.warnings += [Problem(a.source, f"is dated {a.date.isoformat()}, more than a day ahead: "
                                          "it is not made the lead story; check its date", severity="warning")
                        for a in found]
    return frozenset(a.key for a in found)


def plan_groups(config: Config, urls: Urls, content: Content, bodies: Mapping[str, str],
                related: Mapping[str, tuple[str, ...]], ahead: frozenset[str] = frozenset()) -> list[Group]:
    """Return every page group; no page is made yet."""
    cards = Cards(content.site, urls, config.timezone)
    return page_groups(content.site, config, urls, bodies, related, cards, ahead)


def clash_warnings(site: Site, urls: Urls) -> list[Problem]:
    """Warn of each name that took another's slug and a hash of its own, naming a story that has it."""
    found = {}
    for (kind, name), (slug, other) in sorted(site.clashes.items()):
        term = next((t for t in site.terms[kind] if t.slug == slug), None)
        if term is None or slug in found or other == term.name:  # a spelling of the name itself: no clash
            continue
        story = site.articles[term.articles[0]].source
        found[slug] = Problem(story, f"{INDEX_NAMES[kind]}: {term.name!r} and {other!r} make the same URL; "
                                     f"{term.name!r} is at {urls.term(kind, slug)} (if they are one, spell "
                                     "them alike, or add an alias in config.yaml)", severity="warning")
    return list(found.values())


def look_at_site(config: Config, cache: BuildCache) -> SiteCheck | None:
    """Start looking for every file the last build wrote in site/ in a second process, when they are
    many (changes.FORK_FROM): the kernel's part, 0.3 s at 100,000 stories, then runs on the other core."""
    folder = config.path(CACHE_DIR)
    if cache.outputs == {} or not config.path("site").is_dir() or outputs_size(folder) < FORK_FROM:
        return None  # a clean build, or few to look for: make_job looks here
    return SiteCheck(str(config.path("site")), lambda: joined_output_paths(folder, cache.stamp), outputs_size(folder))


def make_job(config: Config, inputs: Inputs, content: Content, cache: BuildCache, urls: Urls,
             bodies: Mapping[str, str], look: SiteCheck | None = None) -> RenderJob:
    """Set up rendering: the Jinja environment, the staging folder, what site/ holds now.

    A site/ that no cache vouches for (the cache was lost or cleaned, or the generator changed) is
    compared by its bytes: rewriting and deleting 17,000 unchanged files would cost more than
    reading them, and deleting many files slows creating new ones for minutes on some file systems.
    LOOK is site/ looked at meanwhile (look_at_site), from the same cache.
    """
    site = config.path("site")
    force = not site.is_dir()
    top = str(site)
    present = look.result if look is not None else lambda: all_present(top, cache.output_paths())
    if force:
        previous = {}
    elif cache.read("outputs") and present():  # one system call a file, in C
        previous = cache.read("outputs")
    elif cache.read("outputs"):  # some went: those are made again
        previous = {p: fp for p, fp in cache.read("outputs").items() if os.path.exists(os.path.join(top, p))}
    else:
        previous = fingerprints(site)
    if look is not None:
        look.close()  # its answer was not needed: stop it
    names = {rel: out for rel, (out, _) in inputs.assets.items()}
    env = environment(inputs.theme.template_dirs, urls, names, site_view(config, urls), config.path(CACHE_DIR))
    staging = Staging(site, whole=force)
    staging.reset()
    shown = content.site.images
    metas = {s.key: meta_key(s.meta, shown.get(s.key)) for s in content.sources.values()}
    body_hashes = {s.key: s.body for s in content.sources.values()}
    shared = shared_key(inputs.shared, content.site.clashes)
    return RenderJob((), (), env, urls, shared, bodies, metas, body_hashes, previous, staging, force)


def render_groups(job: RenderJob, chosen: Selection, progress: bool,
                  meanwhile: Callable[[], None] | None = None) -> Made:
    """Plan and render the chosen groups, on every core when there are many.

    With workers rendering, this process has little to do but wait: it runs MEANWHILE once they
    have started (saving the parts of the cache rendering does not change).
    """
    job = dataclasses.replace(job, groups=chosen.todo, keys=chosen.keys)
    count = len(chosen.todo)
    bar = Bar(count, "rendering", "group", progress and count >= PROGRESS_FROM)
    workers = parallel.cores() if count >= PARALLEL_FROM else 1
    if workers > 1:
        compile_templates(job.env)  # once here, not once in each worker
    elif count >= WRITER_FROM:
        job.staging.hand_over()  # a second process creates the files (a cold build's) meanwhile
    written, made, planned = [], dict(chosen.kept), 0
    layout = [] if chosen.layout is None else chosen.layout
    for part, results in parallel.run(job, count, 16, workers):
        if results and isinstance(results[0], Problem):
            raise ThemeError(results)
        if meanwhile is not None and workers > 1:
            meanwhile()
        meanwhile = None
        for i, found in zip(part, results):
            name = chosen.todo[i].name
            pieces = [(name, found)] if found.parts is None else found.parts
            for piece, result in pieces:
                made[piece] = (result.key, result.records)
                written += result.written
                planned += len(result.records)
                job.bodies.keep(result.bodies)  # what a worker converted, for the cache
            if chosen.layout is None:  # a cold build: the workers said which groups they split
                layout.append((name, found.key, None if found.parts is None else [n for n, _ in found.parts]))
        bar.advance(len(part))
    bar.close()
    groups, parts = {}, {}
    for name, key, names in layout:
        if names is None:
            groups[name] = made[name]
            continue
        groups[name] = (key, [r for n in names for r in made[n][1]])
        groups.update((n, made[n]) for n in names)
        parts[name] = names
    return Made(groups, parts, written, planned)
