"""The build, as a table of contents: content/ + config + theme -> site/.

Incremental by design: every page belongs to a group that names what it reads (pages.Group). A
group whose inputs hash as before is not even planned; a planned page whose fingerprint (the hash
of its data) is as before is not rendered. Changed pages are written to a staging folder and moved
into site/ only when all of them rendered, so a failure leaves site/ as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

import jinja2
import markdown
import yaml

import generator
from generator import markup, parallel
from generator.cache import (BuildCache, PageRecord, PlanMemo, State, digest, open_cache,
                             quick_digest, save_cache)
from generator.config import Config
from generator.content import Reading, Source, StatKey, read_sources, scan, unchanged
from generator.errors import ContentError, DigestError, Problem, ThemeError
from generator.models import Site
from generator.pages import Cards, Group, page_groups, sitemap_page
from generator.render import GroupResult, RenderJob, environment, render_page
from generator.taxonomy import neighbours, organise, related_lists, term_lists
from generator.theme import Theme, digest_templates, hashed_name, resolve, static_files
from generator.urls import Urls
from generator.views import site_view
from generator.write import Staging

CACHE_DIR = ".cache"
RACY_NS = 2_000_000_000  # a file written this close to the last scan may have kept its stat: hash it
PARALLEL_FROM = 200  # groups to render before it pays to fork workers
PROGRESS_FROM = 1000  # groups to render before a progress bar is worth showing


@dataclass(slots=True)
class BuildResult:
    """What a build did: pages by kind, files written and removed, seconds per step."""

    pages: Counter = field(default_factory=Counter)
    written: int = 0
    removed: int = 0
    timings: list[tuple[str, float]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # site-relative paths written this time
    up_to_date: bool = False  # nothing had changed: nothing was read but stats, nothing written

    def summary(self) -> str:
        """Return the short report printed after a build."""
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.pages.items()))
        steps = ", ".join(f"{name} {secs:.2f}s" for name, secs in self.timings)
        total = sum(s for _, s in self.timings)
        state = "; nothing changed" if self.up_to_date else ""
        return (f"built {sum(self.pages.values())} pages ({kinds}); wrote {self.written}, "
                f"removed {self.removed} in {total:.2f}s{state}\n  steps: {steps}")


class Timer:
    """Time the named steps of a build."""

    def __init__(self, result: BuildResult):
        self.result = result

    def __call__(self, name: str, step: Callable, *args):
        start = time.perf_counter()
        value = step(*args)
        self.result.timings.append((name, time.perf_counter() - start))
        return value


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build reads besides the stories' text: their stats, config, code, theme, assets."""

    files: dict[str, StatKey]  # content file -> stat key
    scanned_at: int  # ns, taken before the scan
    theme: Theme
    assets: dict[str, tuple[str, bytes]]  # static file -> (fingerprinted name, bytes)
    shared: str  # hash of config, code, templates and static files: what every page reads
    stamp: str  # hash of what the cache's contents depend on: code and time zone


@dataclass(frozen=True, slots=True)
class Content:
    """The stories read this time, those of the last build, and the site organised from them."""

    sources: dict[str, Source]
    previous: Mapping[str, Source]
    site: Site


@dataclass(frozen=True, slots=True)
class Made:
    """What rendering made: every group's key and pages, and the files written to staging."""

    groups: dict[str, tuple[str, list[PageRecord]]]
    written: list[str]


def build(config: Config, clean: bool = False, progress: bool = False) -> BuildResult:
    """Build site/ from content/, redoing only what changed; leave site/ as it was on failure."""
    result = BuildResult()
    step = Timer(result)
    inputs = step("scan", scan_inputs, config)
    cache = step("cache", open_cache, config.path(CACHE_DIR), inputs.stamp, clean)
    if step("up to date?", up_to_date, config, inputs, cache.state):
        result.pages.update(cache.state.kinds)
        result.up_to_date = True
        return result
    content = step("read content", read_content, config, inputs, cache)
    bodies = step("markdown", render_bodies, content, cache)
    related = step("related", find_related, config, inputs, content, cache)
    urls = Urls(config.base_url, config.permalinks)
    groups = step("plan", page_groups, content.site, config, urls, bodies, related,
                  Cards(content.site, urls, config.timezone, {s.key: s.meta for s in content.sources.values()}))
    job = step("compare", make_job, config, inputs, content, cache, urls, groups, bodies)
    made = step("render", render_groups, job, groups, cache, progress)
    outputs = step("write", write_site, inputs, cache, job, groups, made, result)
    step("save cache", save_state, cache, inputs, content, related, made, outputs, result.pages)
    return result


def scan_inputs(config: Config) -> Inputs:
    """Stat the stories; hash config, code, templates and static files."""
    scanned_at = time.time_ns()
    files = scan(config)
    theme = resolve(config)
    assets = {rel: (hashed_name(rel, data), data)
              for rel, path in static_files(theme).items() for data in [path.read_bytes()]}
    code = code_digest()
    settings = repr(dataclasses.replace(config, root=Path(".")))  # the folder's name shows nowhere
    shared = quick_digest((code, settings, digest_templates(theme),
                           sorted((rel, out, hashlib.sha1(data).hexdigest()) for rel, (out, data) in assets.items())))
    return Inputs(files, scanned_at, theme, assets, shared, quick_digest((code, config.timezone)))


def code_digest() -> str:
    """Return a hash of the generator's code and the libraries that shape its output."""
    sha = hashlib.sha1(repr((sys.version_info[:2], markdown.__version__, jinja2.__version__,
                             yaml.__version__)).encode())
    for path in sorted(Path(generator.__file__).parent.rglob("*.py")):
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def up_to_date(config: Config, inputs: Inputs, state: State) -> bool:
    """Tell whether nothing read has changed since the last build and site/ holds all it wrote."""
    if state.inputs != inputs.shared or not state.outputs:
        return False
    if not unchanged(inputs.files, state.files, config.root, state.hashes, state.scanned_at - RACY_NS):
        return False
    site = config.path("site")
    return all(os.path.exists(site / path) for path in state.outputs)


def read_content(config: Config, inputs: Inputs, cache: BuildCache) -> Content:
    """Read the stories that changed, reuse the others; fail with every problem when any is bad."""
    previous = cache.read("sources")
    reading: Reading = read_sources(config, inputs.files, previous, cache.state.scanned_at - RACY_NS)
    if reading.problems:
        raise ContentError(reading.problems)
    if reading.sources != previous:
        cache.put("sources", reading.sources)
    return Content(reading.sources, previous, organise({s.key: s.article for s in reading.sources.values()}))


def render_bodies(content: Content, cache: BuildCache) -> dict[str, str]:
    """Return each story's body as HTML, converting only Markdown the cache has not seen."""
    known = cache.read("markdown")
    wanted = {s.body: s.article.body for s in content.sources.values()}
    missing = sorted(sha for sha in wanted if sha not in known)
    converted = dict(convert_markdown([wanted[sha] for sha in missing], missing))
    html = {sha: known.get(sha) or converted[sha] for sha in wanted}
    if html.keys() != known.keys():
        cache.put("markdown", html)  # only what is used now: a deleted story's body goes
    return {s.key: html[s.body] for s in content.sources.values()}


def convert_markdown(texts: list[str], shas: list[str]) -> Iterable[tuple[str, str]]:
    """Yield (sha, HTML) for each Markdown text, on every core when there are many."""
    def work(indexes) -> list[str]:
        converter = markup.make_converter()
        return [markup.render(converter, texts[i]) for i in indexes]

    workers = parallel.cores() if len(texts) >= PARALLEL_FROM else 1
    for part, html in parallel.run(work, len(texts), 100, workers):
        yield from zip((shas[i] for i in part), html)


def find_related(config: Config, inputs: Inputs, content: Content,
                 cache: BuildCache) -> dict[str, tuple[str, ...]]:
    """Return each story's related stories, recomputing only near the stories that changed."""
    memo = cache.read("plan")
    site, stale = content.site, None
    if memo.shared == inputs.shared:
        stale = changed_neighbourhood(content, memo.terms)
    return related_lists(site, config.related, memo.related, stale)


def changed_neighbourhood(content: Content, old_terms: Mapping) -> set[str] | None:
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
            stale |= neighbours(old_terms, old[key].article)
        if key in new:
            stale |= neighbours(lists, new[key].article)
    return stale


def make_job(config: Config, inputs: Inputs, content: Content, cache: BuildCache, urls: Urls,
             groups: list[Group], bodies: Mapping[str, str]) -> RenderJob:
    """Key every group by its inputs, and set up the rendering of those whose key changed."""
    site = config.path("site")
    force = not site.is_dir() or not cache.state.outputs
    top = str(site)
    previous = {} if force else {p: fp for p, fp in cache.state.outputs.items()
                                 if os.path.exists(os.path.join(top, p))}
    metas = {s.key: s.meta for s in content.sources.values()}
    body_hashes = {s.key: s.body for s in content.sources.values()}
    keys = group_keys(inputs.shared, groups, metas, body_hashes)
    names = {rel: out for rel, (out, _) in inputs.assets.items()}
    env = environment(inputs.theme.template_dirs, urls, names, site_view(config, urls))
    staging = Staging(site)
    staging.reset()
    return RenderJob(groups, keys, env, urls, inputs.shared, bodies, body_hashes, previous, staging, force)


def group_keys(shared: str, groups: list[Group], metas: Mapping[str, str],
               body_hashes: Mapping[str, str]) -> list[str]:
    """Return each group's key: the hash of all it reads."""
    seen: dict[tuple[int, int], str] = {}  # several groups read the whole site.order: hash it once

    def hashes(keys: tuple[str, ...], table: Mapping[str, str]) -> str:
        if len(keys) < 64:
            return quick_digest([table[k] for k in keys])
        at = (id(keys), id(table))  # the groups keep KEYS alive, so no other tuple takes its id
        if at not in seen:
            seen[at] = quick_digest([table[k] for k in keys])
        return seen[at]

    return [quick_digest((shared, g.name, g.extra, hashes(g.shows, metas), hashes(g.bodies, body_hashes)))
            for g in groups]


def render_groups(job: RenderJob, groups: list[Group], cache: BuildCache, progress: bool) -> Made:
    """Render the groups whose key changed or whose pages are missing, on every core when many."""
    memo = cache.read("plan")
    kept, todo = {}, []
    for i, group in enumerate(groups):
        old = memo.groups.get(group.name)
        if not job.force and old and old[0] == job.keys[i] and all(r.path in job.previous for r in old[1]):
            kept[group.name] = old
        else:
            todo.append(i)
    bar = Progress(len(todo), progress and len(todo) >= PROGRESS_FROM)
    workers = parallel.cores() if len(todo) >= PARALLEL_FROM else 1

    def work(indexes) -> list[GroupResult] | list[Problem]:
        return job([todo[i] for i in indexes])

    written, made = [], {}
    for part, results in parallel.run(work, len(todo), 16, workers):
        if results and isinstance(results[0], Problem):
            raise ThemeError(results)
        for i, found in zip(part, results):
            made[groups[todo[i]].name] = (found.key, found.records)
            written += found.written
        bar.advance(len(part))
    bar.close()
    return Made({g.name: made.get(g.name) or kept[g.name] for g in groups}, written)


def write_site(inputs: Inputs, cache: BuildCache, job: RenderJob, groups: list[Group], made: Made,
               result: BuildResult) -> dict[str, str]:
    """Render the sitemap, stage the static files, put them all in site/; return every output."""
    records = [r for g in groups for r in made.groups[g.name][1]]
    sitemap = render_sitemap(job, records)
    statics = [PageRecord("static/" + out, "", "static", None, False, hashlib.sha1(data).hexdigest())
               for out, data in inputs.assets.values()]
    written = list(made.written) + sitemap
    for record, (out, data) in zip(statics, inputs.assets.values()):
        if job.force or job.previous.get(record.path) != record.fingerprint:
            job.staging.write(record.path, data)
            written.append(record.path)
    outputs = {r.path: r.fingerprint for r in records}
    outputs.update({r.path: r.fingerprint for r in statics})
    outputs[job.urls.output_path(job.urls.file("sitemap.xml"))] = sitemap_fingerprint(job, records)
    check_unique(records, statics)
    stale = [] if job.force else sorted(set(cache.state.outputs) - set(outputs))
    if job.force:
        job.staging.replace_target()
    else:
        job.staging.move_into_target(written, stale)
    result.pages.update(r.kind for r in records)
    result.pages["sitemap"] += 1
    result.written, result.removed, result.changed = len(written), len(stale), written
    return outputs


def render_sitemap(job: RenderJob, records: list[PageRecord]) -> list[str]:
    """Stage sitemap.xml when the pages it lists changed; return what was staged."""
    page = sitemap_page(job.urls, [(r.url, r.lastmod) for r in records if r.in_sitemap])
    path = job.urls.output_path(page.url)
    if not job.force and job.previous.get(path) == sitemap_fingerprint(job, records):
        return []
    job.staging.write(path, render_page(job.env, page, job.urls, {}).data)
    return [path]


def sitemap_fingerprint(job: RenderJob, records: list[PageRecord]) -> str:
    """Return the fingerprint of the sitemap: the URLs and dates it lists."""
    return quick_digest((job.shared, [(r.url, r.lastmod) for r in records if r.in_sitemap]))


def check_unique(records: list[PageRecord], statics: list[PageRecord]) -> None:
    """Fail when two pages would be written to one file, naming both."""
    seen: dict[str, str] = {}
    for record in records + statics:
        other = seen.setdefault(record.path, record.url or record.path)
        if other != (record.url or record.path):
            raise DigestError(Problem("config.yaml", f"permalinks: {other} and {record.url or record.path} "
                                                     f"would both be written to site/{record.path}; "
                                                     "give them different permalink patterns"))


def save_state(cache: BuildCache, inputs: Inputs, content: Content, related: dict[str, tuple[str, ...]],
               made: Made, outputs: dict[str, str], kinds: Counter) -> None:
    """Remember what this build read and made, for the next one."""
    cache.put("plan", PlanMemo(inputs.shared, made.groups, term_lists(content.site), related))
    hashes = {rel: s.sha for rel, s in content.sources.items()}
    cache.put("state", State(inputs.shared, inputs.files, hashes, inputs.scanned_at, outputs, Counter(kinds)))
    save_cache(cache)


class Progress:
    """A one-line progress bar on stderr, for long builds in a terminal."""

    def __init__(self, total: int, show: bool):
        self.total, self.done, self.show, self.shown_at = total, 0, show, 0.0

    def advance(self, count: int) -> None:
        """Count COUNT more done, redrawing at most ten times a second."""
        self.done += count
        now = time.monotonic()
        if self.show and (now - self.shown_at > 0.1 or self.done == self.total):
            self.shown_at = now
            filled = 30 * self.done // max(1, self.total)
            sys.stderr.write(f"\r  rendering [{'#' * filled}{'.' * (30 - filled)}] "
                             f"{self.done}/{self.total} page groups")
            sys.stderr.flush()

    def close(self) -> None:
        """Clear the bar's line."""
        if self.show:
            sys.stderr.write("\r" + " " * 72 + "\r")
            sys.stderr.flush()
