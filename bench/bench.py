"""Time `digest build` at archive scale: cold, nothing changed, one body edited, one story's people changed.

    python bench/bench.py                      # 1,000 and 10,000 synthetic stories
    python bench/bench.py --sizes 2000         # other sizes (100000: about a quarter of an hour cold)
    python bench/bench.py --content DIR        # a copy of an existing content/ folder instead
    python bench/bench.py --verify             # also check the site equals a clean build at the end

Each build runs as its own process (`python -m generator -C WORK build`), as a user runs it: wall
time, CPU time (user + system, workers included) and the peak resident memory of the largest
process come from os.wait4. Every build is repeated (--repeat): the median is shown, and the
slowest. Cold builds start from nothing each time: the first in WORK, the others in projects beside
it that share its content/ (a symbolic link), so no output is deleted between them. Each edit
touches another story. Synthetic stories are deterministic (seeded): synth.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import write_stories  # noqa: E402  (bench/ is not a package)
from generator.search import same_bytes_expected  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The search index is left out, as Hugo builds none: Pagefind re-indexes every story when one
# changes (README, Search), which is measured on its own
CONFIG = "title: Bench Digest\nbase_url: https://example.org/digest/\nsearch: false\n"
NEW_PEOPLE = ("Kiran Rijiju", "Sonia Gandhi", "Nirmala Sitharaman", "Omar Abdullah")


@dataclass(frozen=True)
class Run:
    """One build: seconds of wall and CPU time, peak memory, and the summary it printed."""

    wall: float
    cpu: float
    rss_mb: float
    summary: str
    worst: float = 0.0  # the slowest of the runs this one is the median of


def build(work: Path, clean: bool = False) -> Run:
    """Run one build of WORK in a child process and measure it."""
    command = [sys.executable, "-m", "generator", "-C", str(work), "build"] + (["--clean"] if clean else [])
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)  # the child's own rusage, workers included
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        printed, problems = out.read().decode(), err.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"build failed ({child.returncode}):\n{problems}{printed}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, printed.strip())


def edit_body(path: Path, number: int) -> None:
    """Add a sentence at the end of a story's body."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nThe ministry issued a further statement on the matter, number {number}.\n")


def change_people(path: Path, number: int) -> None:
    """Replace a story's people: one of them goes, someone new comes."""
    sys.path.insert(0, str(ROOT))
    from generator import frontmatter

    text = path.read_text(encoding="utf-8")
    doc = frontmatter.split(text, str(path))
    meta = dict(doc.meta)
    people = list(meta.get("people") or [])
    meta["people"] = people[1:] + [NEW_PEOPLE[number % len(NEW_PEOPLE)]]
    path.write_text(frontmatter.dump(meta) + doc.body, encoding="utf-8")


def median_of(runs: list[Run]) -> Run:
    """Return the run of median wall time, noting the slowest."""
    ranked = sorted(runs, key=lambda r: r.wall)
    return dataclasses.replace(ranked[len(ranked) // 2], worst=ranked[-1].wall)


def cold_project(work: Path, number: int) -> Path:
    """Return a new project beside WORK with its config and a link to its content, never built."""
    other = work.with_name(f"{work.name}-cold{number}")
    other.mkdir()
    shutil.copy(work / "config.yaml", other / "config.yaml")
    (other / "content").symlink_to((work / "content").resolve(), target_is_directory=True)
    return other


def bench(work: Path, repeat: int, seed: int) -> dict[str, Run]:
    """Measure the four builds in WORK (config and content already there, never built)."""
    files = sorted((work / "content").rglob("*.md"))
    rng = random.Random(seed)
    found = {"cold": median_of([build(work)] + [build(cold_project(work, n)) for n in range(1, repeat)])}
    found["nothing changed"] = median_of([build(work) for _ in range(repeat)])
    edits = []
    for number in range(repeat):
        edit_body(rng.choice(files), number)
        edits.append(build(work))
    found["one body edited"] = median_of(edits)
    changes = []
    for number in range(repeat):
        change_people(rng.choice(files), number)
        changes.append(build(work))
    found["one story's people"] = median_of(changes)
    return found


def verify(work: Path) -> str:
    """Return 'identical' when WORK's site equals a clean build of a copy of its inputs (WORK-clean)."""
    other = work.with_name(work.name + "-clean")
    shutil.rmtree(other, ignore_errors=True)
    other.mkdir()
    shutil.copytree(work / "content", other / "content")
    shutil.copy(work / "config.yaml", other / "config.yaml")
    build(other, clean=True)
    mine, clean = site_files(work / "site"), site_files(other / "site")
    # the search index's filter files are the one output whose bytes vary between runs (search.py)
    differ = sorted(p for p in mine.keys() ^ clean.keys() if same_bytes_expected(p))
    differ += sorted(p for p in mine.keys() & clean.keys() if mine[p] != clean[p] and same_bytes_expected(p))
    unstable = [sum(1 for p in files if not same_bytes_expected(p)) for files in (mine, clean)]
    if unstable[0] != unstable[1]:
        differ.append(f"search index filter files: {unstable[0]} here, {unstable[1]} in the clean build")
    return "identical" if not differ else "DIFFERENT:\n" + "\n".join(differ[:40])


def site_files(site: Path) -> dict[str, bytes]:
    """Return the hash of every file under SITE by its path inside it."""
    return {p.relative_to(site).as_posix(): hashlib.sha1(p.read_bytes()).digest()
            for p in site.rglob("*") if p.is_file()}


def pages_of(summary: str) -> str:
    """Return the page count from a build summary ('built 17268 pages (...)')."""
    return summary.split()[1] if summary.startswith("built ") else "?"


def report(label: str, found: dict[str, Run]) -> None:
    """Print one size's results."""
    print(f"\n{label}: {pages_of(found['cold'].summary)} pages")
    print(f"  {'build':<20} {'wall':>8} {'cpu':>8} {'peak RSS':>10} {'slowest':>8}")
    for name, run in found.items():
        worst = f"{run.worst:7.2f}s" if run.worst else ""
        print(f"  {name:<20} {run.wall:7.2f}s {run.cpu:7.2f}s {run.rss_mb:8.0f} MB {worst:>8}")
    for name, run in found.items():
        steps = run.summary.splitlines()[-1].strip()
        print(f"  [{name}] {steps}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="stories per run")
    args.add_argument("--content", type=Path, help="benchmark a copy of this content folder instead")
    args.add_argument("--repeat", type=int, default=3, help="runs of each warm build (median shown)")
    args.add_argument("--seed", type=int, default=2025, help="seed of the synthetic stories and edits")
    args.add_argument("--work", type=Path, help="folder for the projects (default: a temporary one)")
    args.add_argument("--keep", action="store_true", help="keep the generated projects")
    args.add_argument("--verify", action="store_true", help="check each final site against a clean build")
    opts = args.parse_args(argv)
    top = opts.work or Path(tempfile.mkdtemp(prefix="digest-bench-"))
    print(f"python -m generator -C PROJECT build, one process per build; {os.cpu_count()} cores; in {top}")
    made: list[Path] = []
    try:
        jobs = [(f"{opts.content}", None)] if opts.content else [(f"{n:,} stories", n) for n in opts.sizes]
        for label, count in jobs:
            work = top / (f"n{count}" if count else "content")
            projects = [work, work.with_name(work.name + "-clean")]
            projects += [work.with_name(f"{work.name}-cold{n}") for n in range(1, opts.repeat)]
            for project in projects:  # left by an earlier run with --work and --keep
                shutil.rmtree(project, ignore_errors=True)
            made += projects
            work.mkdir(parents=True)
            (work / "config.yaml").write_text(CONFIG, encoding="utf-8")
            if count:
                write_stories(work / "content", count, opts.seed)
            else:
                shutil.copytree(opts.content, work / "content")
            found = bench(work, opts.repeat, opts.seed)
            report(label, found)
            if opts.verify:
                print(f"  incremental site vs clean build: {verify(work)}")
    finally:
        # Only now, not between sizes: on ext4 without a journal (these machines), files made within
        # a minute of a mass deletion cost several times more (the allocator steps over recently
        # deleted inodes), so deleting one size's project would slow the next size's cold build.
        if not opts.keep:
            for work in made:
                shutil.rmtree(work, ignore_errors=True)
            if not opts.work:
                shutil.rmtree(top, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
