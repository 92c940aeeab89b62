"""The live preview's rebuilds: re-ingest changed seeds, rebuild, and remember what is wrong now.

With BACKGROUND indexing (what `digest serve` uses) a rebuild leaves the search index as it was and
the index catches up afterwards, on a thread of its own (reindex.py): a save shows at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, TextIO

from generator.build import build
from generator.config import CONFIG_NAME, Config, load_config
from generator.errors import DigestError, Problem, display_path
from generator.indexing import Indexing, Stopped
from generator.lock import project_lock
from generator.reindex import Reindexer

WATCHED = ("seeds", "content", "themes", "templates", "static", CONFIG_NAME)


@dataclass(frozen=True, slots=True)
class Change:
    """What a batch of changed files asks for."""

    config: bool  # config.yaml changed: read it again, then rebuild everything it touches
    seeds: tuple[Path, ...]  # seeds to re-ingest (those still there)
    gone_seeds: tuple[Path, ...]  # seeds deleted: their old problems no longer apply


def classify(root: Path, paths: Iterable[Path]) -> Change:
    """Sort changed files into a config change, changed seeds and the rest (a plain rebuild)."""
    paths = sorted(set(paths))
    seeds = [p for p in paths if p.parent == root / "seeds" and p.suffix.lower() == ".txt"]
    return Change(config=root / CONFIG_NAME in paths,
                  seeds=tuple(p for p in seeds if p.is_file()),
                  gone_seeds=tuple(p for p in seeds if not p.is_file()))


def where(problem: Problem, root: Path, seeds: Iterable[Path] = ()) -> Problem:
    """Return PROBLEM with its path relative to the project (a seed's bare name becomes seeds/NAME)."""
    by_name = {seed.name: seed for seed in seeds}
    path = by_name.get(problem.path) or Path(problem.path)
    if path.is_absolute() or problem.path in by_name:
        return dataclasses.replace(problem, path=display_path(path, root))
    return problem


def describe(paths: Iterable[Path], root: Path) -> str:
    """Return a short list of changed files for the console."""
    names = sorted(display_path(p, root) for p in paths)
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


class Preview:
    """What the live preview knows between rebuilds: the config in force and what is wrong now.

    The HTTP thread only reads `config`, `problems` and `generation`; each is replaced whole.
    """

    def __init__(self, config: Config, overrides: Mapping[str, Any] | None = None,
                 out: TextIO = sys.stdout, err: TextIO = sys.stderr, background: bool = False):
        self.config = config
        self.overrides = dict(overrides or {})
        self.out, self.err = out, err
        self.problems: tuple[Problem, ...] = ()
        self._config_problems: tuple[Problem, ...] = ()
        self._seed_problems: dict[Path, tuple[Problem, ...]] = {}
        self._build_problems: tuple[Problem, ...] = ()
        self.generation = 0  # finished (re)builds: a page that shows an older one must reload
        self._lagging = False  # the last build left the search index behind its stories
        self._busy = threading.Lock()  # one rebuild at a time: the watcher's, a request's (restore), the index's
        self.reindexer = Reindexer(self._catch_up) if background else None
        self.on_indexed: Callable[[], None] = lambda: None  # the index caught up: serve reloads search pages

    @property
    def root(self) -> Path:
        """Return the project folder."""
        return self.config.root

    def start(self) -> None:
        """Build once before serving."""
        with self._busy:
            self._build("built")
            self._settle()

    def catch_up(self) -> None:
        """Ask for the search index to catch up with the last rebuild, in the background (if it lags)."""
        if self.reindexer is not None and self._lagging:
            self.reindexer.want()

    def close(self) -> None:
        """Stop indexing in the background, and wait for it to end."""
        if self.reindexer is not None:
            self.reindexer.close()

    def _held(self):
        """Hold the background indexing while a reader waits for a rebuild."""
        return self.reindexer.held() if self.reindexer is not None else contextlib.nullcontext()

    def restore(self) -> None:
        """Build site/ again if it is gone (make clean): asked by a request, on the server's thread."""
        with self._held(), self._busy:
            if not self.config.path("site").is_dir():
                print("site/ was deleted: building it again", file=self.out, flush=True)
                self._build("rebuilt")
                self._settle()
        self.catch_up()

    def rebuild(self, paths: Iterable[Path]) -> None:
        """React to changed files: reload config, re-ingest seeds, rebuild what depends on them."""
        with self._held(), self._busy:
            self._rebuild(frozenset(paths))

    def _rebuild(self, paths: frozenset[Path]) -> None:
        change = classify(self.root, paths)
        print(f"changed: {describe(paths, self.root)}", file=self.out, flush=True)
        if change.config or self._config_problems:
            self._reload_config()
        if not self._config_problems:
            for seed in change.gone_seeds:
                self._seed_problems.pop(seed, None)
            if change.seeds:
                self._ingest(change.seeds)
            self._build("rebuilt")
        self._settle()

    def _reload_config(self) -> None:
        try:
            # drafts come from `serve --drafts`, never from config.yaml: keep them across a reload
            self.config = dataclasses.replace(load_config(self.root, self.overrides), drafts=self.config.drafts)
            self._config_problems = ()
        except DigestError as exc:
            self._config_problems = tuple(exc.problems)

    def _ingest(self, seeds: tuple[Path, ...]) -> None:
        from generator.ingest import ingest  # loads the language model: only once a seed changes

        try:
            with self._lock("ingest"):
                report = ingest(self.config, list(seeds))
            problems = [where(p, self.root, seeds) for p in report.problems]
        except DigestError as exc:
            problems = [where(p, self.root, seeds) for p in exc.problems]
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the preview
            problems = [self._crashed("ingest", exc)]
        for problem in (p for p in problems if p.severity == "warning"):
            print(f"warning: {problem}", file=self.err, flush=True)
        errors = tuple(p for p in problems if p.severity == "error")
        for seed in seeds:  # a problem that names no seed of the batch stays until one is saved again
            mine = tuple(p for p in errors if p.path == display_path(seed, self.root))
            self._seed_problems[seed] = mine or tuple(p for p in errors if not _names_any(p, seeds, self.root))

    def _build(self, verb: str) -> None:
        start = time.perf_counter()
        try:
            with self._lock("build"):
                result = build(self.config, indexing=Indexing(defer=self.reindexer is not None))
        except DigestError as exc:
            self._build_problems = tuple(where(p, self.root) for p in exc.problems)
            return
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the preview
            self._build_problems = (self._crashed("build", exc),)
            return
        self._build_problems = tuple(where(p, self.root) for p in result.problems)
        self._lagging = result.search_pending
        for warning in result.warnings:
            print(f"warning: {where(warning, self.root)}", file=self.err, flush=True)
        print(f"{verb} in {time.perf_counter() - start:.2f}s: wrote {result.written}, "
              f"removed {result.removed}", file=self.out, flush=True)

    def _catch_up(self, indexing: Indexing) -> None:
        """Index what the last rebuild left out of the search index (on the reindexer's thread)."""
        start = time.perf_counter()
        with self._busy:
            if self._config_problems or not self._lagging:
                return
            try:
                with self._lock("search index"):
                    result = build(self.config, indexing=indexing)
            except Stopped:
                return  # a save came in: its rebuild asks again
            except DigestError as exc:
                for problem in exc.problems:
                    print(f"error: {where(problem, self.root)}", file=self.err, flush=True)
                self._lagging = False  # said once; the next save tries again
                return
            except Exception as exc:  # noqa: BLE001 - a bug must not stop the preview
                self._crashed("search index", exc)
                self._lagging = False
                return
            self._lagging = result.search_pending
        if not result.search_pending:
            print(f"search index caught up in {time.perf_counter() - start:.2f}s: {result.indexed} stories "
                  "indexed again", file=self.out, flush=True)
            self.on_indexed()

    def _lock(self, command: str):
        """Hold the project's lock (a build or ingest of the command line may hold it: wait)."""
        return project_lock(self.config.path(".cache"), f"preview's {command}",
                            waiting=lambda message: print(message, file=self.err, flush=True))

    def _crashed(self, step: str, exc: Exception) -> Problem:
        """Print the traceback of a bug and return it as a problem, so the preview goes on."""
        traceback.print_exc(file=self.err)
        return Problem("digest", f"the {step} crashed ({type(exc).__name__}: {exc}); this is a bug in "
                                 "digest: please report it with the traceback above")

    def _settle(self) -> None:
        """Publish the problems now in force and print them (or say they are gone)."""
        seeds = [p for found in self._seed_problems.values() for p in found]
        problems = tuple(dict.fromkeys([*self._config_problems, *seeds, *self._build_problems]))
        for problem in problems:
            print(f"error: {problem}", file=self.err, flush=True)
        if self.problems and not problems:
            print("fixed: the site builds again", file=self.out, flush=True)
        self.problems = problems
        self.generation += 1


def _names_any(problem: Problem, seeds: Iterable[Path], root: Path) -> bool:
    return any(problem.path == display_path(seed, root) for seed in seeds)
