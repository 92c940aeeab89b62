"""The build, as a table of contents: content/ + config + theme -> site/."""

from __future__ import annotations

import hashlib
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from generator import markup
from generator.cache import BuildCache, digest, load_cache, save_cache
from generator.config import Config
from generator.content import load_articles
from generator.errors import ContentError, Problem
from generator.models import Site
from generator.pages import Page, plan
from generator.render import Output, environment, render_page
from generator.taxonomy import organise
from generator.theme import Theme, digest_templates, hashed_name, resolve, static_files
from generator.urls import Urls
from generator.views import site_view
from generator.write import replace_tree, write_atomic

CACHE_DIR = ".cache"


@dataclass(slots=True)
class BuildResult:
    """What a build did: pages by kind, files written and removed, seconds per step."""

    pages: Counter = field(default_factory=Counter)
    written: int = 0
    removed: int = 0
    timings: list[tuple[str, float]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # site-relative paths written this time

    def summary(self) -> str:
        """Return the short report printed after a build."""
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.pages.items()))
        steps = ", ".join(f"{name} {secs:.2f}s" for name, secs in self.timings)
        total = sum(s for _, s in self.timings)
        return (f"built {sum(self.pages.values())} pages ({kinds}); wrote {self.written}, "
                f"removed {self.removed} in {total:.2f}s\n  steps: {steps}")


class Timer:
    """Time the named steps of a build."""

    def __init__(self, result: BuildResult):
        self.result = result

    def __call__(self, name: str, step: Callable, *args):
        start = time.perf_counter()
        value = step(*args)
        self.result.timings.append((name, time.perf_counter() - start))
        return value


def build(config: Config, clean: bool = False, progress: bool = False) -> BuildResult:
    """Build site/ from content/; leave site/ as it was when anything fails."""
    result, step = BuildResult(), None
    step = Timer(result)
    cache = BuildCache() if clean else load_cache(config.path(CACHE_DIR))
    urls = Urls(config.base_url, config.permalinks)
    site = step("read content", read_content, config)
    theme = step("theme", resolve, config)
    assets = step("static files", collect_assets, theme)
    bodies = step("markdown", render_bodies, site, cache)
    pages = step("plan", plan, site, config, urls, bodies)
    outputs = step("render", render_changed, config, urls, theme, assets, pages, bodies, cache, result)
    step("write", write_site, config, outputs, assets, cache, result)
    result.pages.update(p.kind for p in pages)
    return result


def read_content(config: Config) -> Site:
    """Read every story; fail with every problem found when any story is bad."""
    articles, problems = load_articles(config)
    if problems:
        raise ContentError(problems)
    return organise(articles)


def collect_assets(theme: Theme) -> dict[str, tuple[str, bytes]]:
    """Read the static files: name -> (fingerprinted output name, bytes)."""
    found = {}
    for rel, path in static_files(theme).items():
        data = path.read_bytes()
        found[rel] = (hashed_name(rel, data), data)
    return found


def render_bodies(site: Site, cache: BuildCache) -> dict[str, str]:
    """Render each story's Markdown once, reusing what the cache has for the same text."""
    converter, seen, bodies = markup.make_converter(), {}, {}
    for key, article in site.articles.items():
        sha = hashlib.sha1(article.body.encode("utf-8")).hexdigest()
        html = cache.markdown.get(sha)
        if html is None:
            html = markup.render(converter, article.body)
        seen[sha] = bodies[key] = html
    cache.markdown = seen
    return bodies


def render_changed(config: Config, urls: Urls, theme: Theme, assets, pages: list[Page],
                   bodies: Mapping[str, str], cache: BuildCache, result: BuildResult) -> list[Output]:
    """Render the pages whose inputs changed since the last build; keep their fingerprints."""
    names = {rel: out for rel, (out, _) in assets.items()}
    env = environment(theme.template_dirs, urls, names, site_view(config, urls))
    shared = digest([digest_templates(theme), names, repr(config), config.base_url])
    outputs, fingerprints = [], {}
    for page in pages:
        path = urls.output_path(page.url)
        fingerprint = digest([shared, page.template, page.kind, page.context])
        fingerprints[path] = fingerprint
        if cache.outputs.get(path) != fingerprint or not (config.path("site") / path).exists():
            outputs.append(render_page(env, page, urls, bodies))
    cache.inputs = {"pages": fingerprints}
    return outputs


def write_site(config: Config, outputs: list[Output], assets, cache: BuildCache,
               result: BuildResult) -> None:
    """Write what changed into site/ (a whole new site/ when there was none) and the cache."""
    fingerprints: dict[str, str] = dict(cache.inputs["pages"])
    for out, data in assets.values():
        fingerprints["static/" + out] = hashlib.sha1(data).hexdigest()
    target = config.path("site")
    statics = [Output("static/" + out, data) for out, data in assets.values()
               if cache.outputs.get("static/" + out) != fingerprints["static/" + out]
               or not (target / "static" / out).exists()]
    changed = outputs + statics
    stale = sorted(set(cache.outputs) - set(fingerprints)) if target.is_dir() else []
    if not target.is_dir() or not cache.outputs:
        staging = target.with_name(f".{target.name}.new")
        shutil.rmtree(staging, ignore_errors=True)
        for output in changed:
            write_atomic(staging / output.path, output.data)
        replace_tree(staging, target)
    else:
        for output in changed:
            write_atomic(target / output.path, output.data)
        for path in stale:
            (target / path).unlink(missing_ok=True)
            _prune(target, (target / path).parent)
    result.written, result.removed = len(changed), len(stale)
    result.changed = [o.path for o in changed]
    cache.outputs = fingerprints
    save_cache(config.path(CACHE_DIR), cache)


def _prune(top: Path, folder: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
