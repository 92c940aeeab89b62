"""The digest command line: the only code that prints to the user and picks exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence, TextIO

from generator.config import Config, load_config
from generator.errors import DigestError, Problem, display_path
from generator.lock import Busy, project_lock

EXIT_OK, EXIT_FAILED, EXIT_BUSY = 0, 1, 2  # argparse exits 2 on bad usage too
NO_WAIT = "exit (with 2) instead of waiting while another build or ingest runs"


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of the digest command."""
    top = argparse.ArgumentParser(prog="digest", description="Build a news digest from wire copy.")
    top.add_argument("-C", dest="root", type=Path, default=Path("."),
                     help="act on the project in DIR (where config.yaml is)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ing = sub.add_parser("ingest", help="turn seeds into content/ stories")
    ing.add_argument("paths", nargs="*", type=Path, help="seed files or folders (default: seeds/)")
    ing.add_argument("--force", action="store_true",
                     help="re-ingest stories edited by hand (their text is saved as .bak first)")
    ing.add_argument("--no-wait", action="store_true", help=NO_WAIT)
    bld = sub.add_parser("build", help="build site/ from content/")
    bld.add_argument("--base-url", help="override base_url of config.yaml")
    bld.add_argument("--clean", action="store_true", help="ignore the build cache")
    bld.add_argument("--no-wait", action="store_true", help=NO_WAIT)
    srv = sub.add_parser("serve", help="build, serve with live reload, rebuild on save")
    srv.add_argument("--base-url", help="override base_url of config.yaml")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    srv.add_argument("--open", action="store_true", help="open the site in a browser")
    evl = sub.add_parser("eval", help="score people/places/organisations against a gold file")
    evl.add_argument("gold", type=Path, help="a gold.jsonl beside a seeds/ folder")
    return top


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

    with holding(config, "ingest", args):
        report = ingest(config, [project_path(config.root, p) for p in args.paths], force=args.force)
    for note in report.notes:
        print(note)
    report_problems(report.problems, sys.stderr)
    rel = lambda p: display_path(p, config.root)  # noqa: E731
    kept = sorted(set(report.kept))
    if kept:
        print(f"kept {len(kept)} edited stor{'y' if len(kept) == 1 else 'ies'}: " + ", ".join(map(rel, kept)))
    for path in report.backups:
        print(f"saved your edited version as {rel(path)}")
    print(f"ingested {len(report.written)} stor{'y' if len(report.written) == 1 else 'ies'}, "
          f"{report.unchanged} unchanged" + (f", {sum(p.severity == 'error' for p in report.problems)} failed"
                                             if report.failed else ""))
    return EXIT_FAILED if report.failed else EXIT_OK


def run_build(config: Config, args: argparse.Namespace) -> int:
    """Build site/ and print a summary."""
    from generator.build import build

    with holding(config, "build", args):
        result = build(config, clean=args.clean, progress=sys.stderr.isatty())
    if result.recovered:
        print(result.recovered, file=sys.stderr)
    report_problems(result.warnings + result.problems, sys.stderr)
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
    return serve(config, host=args.host, port=args.port, open_browser=args.open, overrides=overrides)


def run_eval(args: argparse.Namespace) -> int:
    """Print extraction scores against a gold file."""
    from generator.evaluate import run

    return run(args.gold, sys.stdout, processes=min(2, os.cpu_count() or 1))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the digest command; return its exit code."""
    args = parser().parse_args(argv)
    try:
        if args.command == "eval":
            return run_eval(args)
        overrides = {"base_url": args.base_url} if getattr(args, "base_url", None) else {}
        config = load_config(args.root.resolve(), overrides)
        command = {"ingest": run_ingest, "build": run_build, "serve": run_serve}[args.command]
        return command(config, args)
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
