"""The digest command line: the only code that prints to the user and picks exit codes."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import Sequence, TextIO

from generator.commands import parser
from generator.config import Config, load_config
from generator.errors import DigestError, Problem, display_path
from generator.lock import Busy, project_lock

EXIT_OK, EXIT_FAILED, EXIT_BUSY = 0, 1, 2  # argparse exits 2 on bad usage too
EXIT_PIPE = 141  # as a shell reports a command whose reader went away (128 + SIGPIPE)
# what the command made, kept to the end of the process when run() ends it (None: called as a function)
_LEAVE: list[object] | None = None


def report_problems(problems: Sequence[Problem], out: TextIO) -> None:
    """Print each problem on its own line, warnings marked."""
    for problem in problems:
        prefix = "warning: " if problem.severity == "warning" else "error: "
        print(prefix + str(problem), file=out)


def project_path(root: Path, path: Path) -> Path:
    """Resolve a relative PATH as -C DIR means it (inside DIR), else as typed from here."""
    if path.is_absolute() or not (root / path).exists() and path.exists():
        return path
    return root / path


def run_ingest(config: Config, args: argparse.Namespace) -> int:
    """Ingest seeds and say what happened."""
    from generator.ingest import ingest

    start = time.perf_counter()
    with holding(config, "ingest", args):
        report = ingest(config, [project_path(config.root, p) for p in args.paths], force=args.force,
                        progress=not args.quiet and sys.stderr.isatty())
    report_problems(report.problems, sys.stderr)
    if args.quiet:
        return EXIT_FAILED if report.failed else EXIT_OK
    for note in report.notes:
        print(note)
    rel = lambda p: display_path(p, config.root)  # noqa: E731
    kept = sorted(set(report.kept))
    if kept:
        print(f"kept {len(kept)} edited stor{'y' if len(kept) == 1 else 'ies'}: " + ", ".join(map(rel, kept)))
    for path in report.backups:
        print(f"saved your edited version as {rel(path)}")
    for name in report.restored:
        print(f"published again: {name} (no longer in content/unpublished.txt)")
    seconds = time.perf_counter() - start
    print(f"ingested {len(report.written)} stor{'y' if len(report.written) == 1 else 'ies'}, "
          f"{report.unchanged} unchanged"
          + (f" in {seconds:.0f} s ({len(report.written) / seconds:.0f} a second)" if len(report.written) >= 100 else "")
          + (f", {len(report.unpublished)} unpublished (see content/unpublished.txt)" if report.unpublished else "")
          + (f", {sum(p.severity == 'error' for p in report.problems)} failed" if report.failed else ""))
    return EXIT_FAILED if report.failed else EXIT_OK


def run_build(config: Config, args: argparse.Namespace) -> int:
    """Build site/ and print a summary."""
    from generator.changes import first_look

    with holding(config, "build", args):
        looked = first_look(config, clean=args.clean)
        result = looked.result
        if not result.up_to_date:  # only now the rest of the build is imported (Jinja, Markdown)
            from generator.build import build

            result = build(config, clean=args.clean, progress=not args.quiet and sys.stderr.isatty(), looked=looked)
        if _LEAVE is not None:
            _LEAVE.append(looked)
    if result.recovered:
        print(result.recovered, file=sys.stderr)
    report_problems(result.warnings + result.problems, sys.stderr)
    if not args.quiet:
        print(result.summary())
    if result.problems:
        print(f"failed: {len(result.problems)} stor{'y' if len(result.problems) == 1 else 'ies'} left out "
              "(named above); the others were built", file=sys.stderr)
    return EXIT_FAILED if result.problems else EXIT_OK


def holding(config: Config, command: str, args: argparse.Namespace):
    """Hold the project's lock for COMMAND: wait for another writer, saying so, or exit 2 with --no-wait."""
    return project_lock(config.path(".cache"), command, wait=not args.no_wait,
                        waiting=lambda message: print(message, file=sys.stderr, flush=True))


def run_serve(config: Config, args: argparse.Namespace) -> int:
    """Serve the site with live reload until Ctrl-C."""
    from generator.serve import serve

    overrides = {"base_url": args.base_url} if args.base_url else {}
    if args.drafts:
        config = dataclasses.replace(config, drafts=True)
        print("showing the stories marked draft: true (`digest build` leaves them out)")
    return serve(config, host=args.host, port=args.port, open_browser=args.open, overrides=overrides)


def run_check(config: Config, args: argparse.Namespace) -> int:
    """Check the project without writing site/; say what is wrong, exit 1 on any error."""
    from generator.check import check

    found = check(config)
    report_problems(found.problems, sys.stderr)
    errors = sum(p.severity == "error" for p in found.problems)
    warnings = len(found.problems) - errors
    if not args.quiet:
        print(f"checked {found.summary()}: {errors} error{'s' * (errors != 1)}, "
              f"{warnings} warning{'s' * (warnings != 1)}")
    return EXIT_FAILED if errors else EXIT_OK


def run_rm(config: Config, args: argparse.Namespace) -> int:
    """Unpublish the stories named: record their seeds, delete their files."""
    with holding(config, "rm", args):
        return unpublish_stories(config, args)


def unpublish_stories(config: Config, args: argparse.Namespace) -> int:
    """Unpublish each story named, saying what became of it."""
    from generator.unpublish import UNPUBLISHED, load_desk, remove_story

    desk, problems = load_desk(config.path("content"), config.root)
    report_problems(problems, sys.stderr)
    failed = False
    for path in args.paths:
        path = project_path(config.root, path)
        try:
            stone = remove_story(desk, path, config.root, dt.date.today())
        except DigestError as exc:
            report_problems(exc.problems, sys.stderr)
            failed = True
            continue
        if not args.quiet:
            where = display_path(path, config.root)
            print(f"unpublished {where}: " + (f"its seed {stone.seed} is listed in content/{UNPUBLISHED}"
                                               if stone else "deleted (it came from no seed)"))
    if not args.quiet:
        print("run `digest build` to update site/")
    return EXIT_FAILED if failed else EXIT_OK


def run_init(args: argparse.Namespace) -> int:
    """Make a new digest and say what to do next."""
    from generator.starter import make_digest, names_generator

    folder = args.dir if args.dir.is_absolute() else args.root / args.dir
    made = make_digest(folder)
    if not names_generator((folder / "requirements.txt").read_text(encoding="utf-8")):
        print(f"warning: {folder / 'requirements.txt'}: names no generator for the Pages workflow to install: "
              "write its line (a git URL, or a wheel) before the first push", file=sys.stderr)
    if not args.quiet:
        print(f"made a new digest in {folder}: " + ", ".join(made))
        print(f"next: cd {folder} && make site   (then `make serve` to preview)")
    return EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    """Print extraction scores against each gold file, then a table per set and type."""
    from generator.evaluate import run_many

    return run_many(args.gold, sys.stdout, processes=min(2, os.cpu_count() or 1))


def run() -> None:
    """Run the command line as the `digest` command; after a build, end the process at once.

    What a build made, some 800 MB of small objects at 100,000 stories, goes with the process
    instead of being freed an object at a time, which took 0.4 s of an edit after the site was
    complete. When `build` returns, its workers and writing process are joined and its files
    committed; its output is flushed here, and no exit handler has work left. Other commands
    (serve's processes among them) end as Python ends them.
    """
    global _LEAVE
    _LEAVE = []
    code = main()
    if not _LEAVE:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone away: main said what it had to
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the digest command; return its exit code."""
    args = parser().parse_args(argv)
    try:
        code = dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit where it would print a traceback
        return code
    except BrokenPipeError:  # `digest ... | head`: the reader has all it wanted; say nothing
        quiet_stdout()
        return EXIT_PIPE
    except Busy as exc:
        report_problems(exc.problems, sys.stderr)
        return EXIT_BUSY
    except DigestError as exc:
        report_problems(exc.problems, sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a disk full or a folder not writable: say which, no traceback
        print(f"error: {exc.filename or 'digest'}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130


def dispatch(args: argparse.Namespace) -> int:
    """Run the subcommand ARGS name."""
    if args.command == "eval":
        return run_eval(args)
    if args.command == "init":
        return run_init(args)
    overrides = {"base_url": args.base_url} if getattr(args, "base_url", None) else {}
    config = load_config(args.root.resolve(), overrides)
    command = {"ingest": run_ingest, "build": run_build, "serve": run_serve, "check": run_check,
               "rm": run_rm}[args.command]
    return command(config, args)


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit raises no second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
