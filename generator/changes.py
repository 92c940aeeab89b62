"""What changed since the last build: config, code, theme and static files hashed, the stories
stat'ed, site/ looked at; and the first steps of every build, which stop there when nothing did.

Kept apart from the rest of the build (incremental.py, build.py) and light to import: a build with
nothing to do imports neither Jinja nor Markdown, which took half of its time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import generator
from generator import images
from generator.buildresult import BuildResult, Timer
from generator.cache import BuildCache, State, joined_output_paths, open_cache, outputs_size, quick_digest, save_cache
from generator.commit import recover
from generator.config import Config, logo_is_url
from generator.indexing import Indexing
from generator.nocollection import no_collection
from generator.sitecheck import SiteCheck
from generator.storyfiles import (RACY_NS, Folder, StatKey, changed_files, fingerprint, scan_folder, stated_since,
                                  story_files)
from generator.theme import Theme, digest_templates, hashed_name, resolve, static_files

CACHE_DIR = ".cache"
FORK_FROM = 1_000_000  # bytes of the cache's list of outputs (10,000 files or so): fewer are looked for
# here in less time than a second process takes to start and answer
LIBRARIES = ("markdown", "jinja2", "yaml")  # what shapes the output besides the generator's own code


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a build reads besides the stories' text: their stats, config, code, theme, assets."""

    scanned_at: int  # ns, taken before the scan
    theme: Theme
    assets: dict[str, tuple[str, bytes]]  # static file -> (fingerprinted name, bytes)
    shared: str  # hash of config, code, templates and static files: what every page reads
    stamp: str  # hash of what the cache's contents depend on: code and time zone
    folders: dict[str, Folder] = dataclasses.field(default_factory=dict)  # as scanned, with their files' stats

    @property
    def files(self) -> dict[str, StatKey]:
        """Each content file's stat key, in path order."""
        return story_files(self.folders)


@dataclass(slots=True)
class FirstLook:
    """What the first steps of a build found: the inputs, the cache, and whether all was up to date."""

    result: BuildResult
    step: Timer
    inputs: Inputs
    cache: BuildCache
    made: tuple = ()  # what the rest of the build made (stories, pages, results), for a caller about
    # to end its process to leave unfreed (cli.run)


def first_look(config: Config, clean: bool = False, indexing: Indexing | None = None) -> FirstLook:
    """Complete or undo a build that was stopped, hash the inputs, open the cache, stat the stories;
    when nothing changed, the result says so (result.up_to_date) and the build is done."""
    indexing = indexing or Indexing()
    result = BuildResult()
    step = Timer(result, indexing)
    with no_collection():
        result.recovered = recover(config.path("site"), config.path(CACHE_DIR))  # a build stopped half-way
        # from now on, a second process looks at site/ (sitecheck.py); its answer counts only if the
        # state of the cache vouches for site/
        size = outputs_size(config.path(CACHE_DIR))
        check = None if clean else SiteCheck(str(config.path("site")), lambda: joined_output_paths(config.path(CACHE_DIR)),
                                             size if size >= FORK_FROM else 0)
        try:
            inputs = step("scan", hash_inputs, config)
            cache = step("cache", open_cache, config.path(CACHE_DIR), inputs.stamp, clean)
            if check is not None and not could_be_up_to_date(inputs, cache.state):
                check.close()
            inputs = step("stat stories", scan_stories, config, inputs, cache, check and check.close)
            lagging = cache.state.pending and not indexing.defer  # the search index waits for this build
            if not lagging and step("up to date?", up_to_date, config, inputs, cache, check):
                result.pages.update(cache.state.kinds)
                result.problems = list(cache.state.problems)
                result.up_to_date = True
                result.search_pending = cache.state.pending
        finally:
            if check is not None:
                check.close()
    return FirstLook(result, step, inputs, cache)


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


def scan_stories(config: Config, inputs: Inputs, cache: BuildCache,
                 on_change: Callable[[], object] | None = None) -> Inputs:
    """Stat the stories, listing again only the folders that changed since the last build.

    ON_CHANGE is called as soon as a story is seen changed (to stop looking at site/: the build has work).
    """
    state = cache.state
    scanned_at = time.time_ns()
    folders = scan_folder(str(config.path("content")), "content/", state.folders, state.scanned_at - RACY_NS,
                          on_change)
    return dataclasses.replace(inputs, scanned_at=scanned_at, folders=folders)


def could_be_up_to_date(inputs: Inputs, state: State) -> bool:
    """Tell whether the last build vouches for site/, made with these settings, code and theme."""
    return state.inputs == inputs.shared and bool(state.kinds) and not state.ahead and not state.pending


def code_digest() -> str:
    """Return a hash of the generator's code and the libraries that shape its output.

    A library is known by the stat of its installed file, not its version: importing Markdown
    and Jinja to ask theirs would double the time of a build with nothing to do.
    """
    libraries = [(name, spec.origin, images.stat_key(Path(spec.origin)))
                 for name in LIBRARIES for spec in [importlib.util.find_spec(name)] if spec and spec.origin]
    sha = hashlib.sha1(repr((sys.version_info[:2], libraries)).encode())
    for path in sorted(Path(generator.__file__).parent.rglob("*.py")):
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def up_to_date(config: Config, inputs: Inputs, cache: BuildCache, check: SiteCheck | None = None) -> bool:
    """Tell whether nothing read has changed since the last build and site/ holds all it wrote.

    CHECK is site/ looked at already (or meanwhile), from the same cache.
    """
    hashed = unchanged(config, inputs, cache.state)
    if hashed is None:
        return False
    if check is None or check.pid == 0 and check.answer is None:
        check = SiteCheck(str(config.path("site")), lambda: b"\0".join(cache.output_paths()))
    if not check.result():
        return False
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
