"""Kill builds and ingests with SIGKILL at random moments; check that the next run repairs everything.

    python bench/crash.py                  # 50 trials on the 3,000 wire stories (../shared/corpus/wire)
    python bench/crash.py --trials 10      # fewer
    python bench/crash.py --seeds DIR      # other wire copy

Run by hand (`make crash`), not by the test suite: it takes minutes. In a scratch project outside the
repository it ingests the seeds once, then runs trials in turn: a cold build (`--clean`), an
incremental build after a random edit (the edit reverted before the next build half the time, as an
editor undoing a change would), and an ingest of a random sample of seeds. Each is killed (the whole
process group, workers too, with SIGKILL) at a random moment of its usual duration; then the same
command runs to the end, and the result is compared byte for byte with what a clean run of the
same inputs makes: site/ with a clean build in another folder, content/ with an ingest there.
Prints the trials, the failures and the worst case (the most files differing).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wire"
CONFIG = "title: Crash Digest\nbase_url: https://example.org/digest/\n"
INGEST_SAMPLE = 40  # seeds per ingest trial


@dataclass
class Trial:
    """One kill and its repair."""

    kind: str
    killed_at: float  # seconds after the start
    differing: list[str]

    @property
    def failed(self) -> bool:
        """Tell whether the repaired output differs from a clean run's."""
        return bool(self.differing)


def digest(project: Path, *args: str, kill_after: float | None = None) -> float:
    """Run the digest command on PROJECT; kill its process group after KILL_AFTER s. Return seconds taken."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(project), *args], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    if kill_after is None:
        _, err = child.communicate()
        if child.returncode not in (0, 1):
            raise SystemExit(f"digest {' '.join(args)} failed in {project}:\n{err.decode()}")
        return time.perf_counter() - start
    try:
        child.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    child.stderr.close()
    return time.perf_counter() - start


def files(folder: Path) -> dict[str, bytes]:
    """Return every file under FOLDER with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differing(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    """Return the paths missing from either side or holding other bytes."""
    return sorted(k for k in one.keys() | other.keys() if one.get(k) != other.get(k))


def new_project(folder: Path, seeds: Path | None = None) -> Path:
    """Make an empty project at FOLDER (removing what was there), its seeds/ a link to SEEDS."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "config.yaml").write_text(CONFIG, encoding="utf-8")
    if seeds is not None:
        (folder / "seeds").symlink_to(seeds, target_is_directory=True)
    return folder


class Clean:
    """Clean builds of the project's content, kept by the hash of that content."""

    def __init__(self, scratch: Path):
        self.scratch, self.known = scratch, {}

    def site(self, project: Path) -> dict[str, bytes]:
        """Return the files a clean build of PROJECT's content makes."""
        content = files(project / "content")
        key = hashlib.sha1(repr(sorted(content.items())).encode()).hexdigest()
        if key not in self.known:
            other = new_project(self.scratch / "clean")
            shutil.copytree(project / "content", other / "content")
            digest(other, "build", "--clean")
            self.known = {key: files(other / "site")}  # one kept: the content changes every trial
        return self.known[key]


def edit(project: Path, rng: random.Random, number: int) -> tuple[Path, bytes | None]:
    """Change one story at random; return its path and its bytes before (None: it was added)."""
    stories = sorted((project / "content").rglob("*.md"))
    path = rng.choice(stories)
    before = path.read_bytes()
    text = before.decode("utf-8")
    action = rng.choice(["body", "people", "title", "delete", "add"])
    if action == "body":
        path.write_text(text + f"\nA late paragraph, number {number}.\n", encoding="utf-8")
    elif action == "people":
        path.write_text(re.sub(r"^people: \[", f"people: [Crash Tester {number}, ", text, count=1, flags=re.M)
                        .replace(", ]", "]"), encoding="utf-8")
    elif action == "title":
        path.write_text(text.replace("\ntitle: ", f"\ntitle: Edited {number}: ", 1), encoding="utf-8")
    elif action == "delete":
        path.unlink()
    else:
        added = path.with_name(f"added-{number}.md")
        added.write_text(re.sub(r"^slug: .*$", f"slug: added-{number}", text, count=1, flags=re.M),
                         encoding="utf-8")
        return added, None
    return path, before


def revert(path: Path, before: bytes | None) -> None:
    """Undo an edit."""
    if before is None:
        path.unlink()
    else:
        path.write_bytes(before)


def build_trial(project: Path, clean: Clean, rng: random.Random, number: int, cold: bool,
                durations: dict[str, float]) -> Trial:
    """Kill a build at a random moment, build again, compare with a clean build."""
    changed = None if cold else edit(project, rng, number)
    kind = "cold build" if cold else "incremental build"
    at = rng.uniform(0, durations[kind])
    digest(project, "build", *(["--clean"] if cold else []), kill_after=at)
    if changed is not None and rng.random() < 0.5:
        revert(*changed)
        kind += ", edit reverted"
    digest(project, "build")
    return Trial(kind, at, differing(files(project / "site"), clean.site(project)))


def ingest_trial(scratch: Path, seeds: list[Path], rng: random.Random, duration: float) -> Trial:
    """Kill an ingest at a random moment, ingest again, compare with an ingest of the same seeds from nothing."""
    sample = scratch / "sample"
    shutil.rmtree(sample, ignore_errors=True)
    sample.mkdir()
    for seed in rng.sample(seeds, INGEST_SAMPLE):
        (sample / seed.name).symlink_to(seed)
    killed, whole = new_project(scratch / "ingest", sample), new_project(scratch / "ingest-clean", sample)
    at = rng.uniform(0, duration)
    digest(killed, "ingest", kill_after=at)
    digest(killed, "ingest")
    digest(whole, "ingest")
    leftovers = [p.name for p in (killed / "content").rglob(".*") if p.is_file()]
    return Trial("ingest", at, differing(files(killed / "content"), files(whole / "content")) + leftovers)


def main(argv: list[str] | None = None) -> int:
    """Run the trials and print what they found; exit 1 if any failed."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--trials", type=int, default=50)
    args.add_argument("--seeds", type=Path, default=CORPUS, help="a folder of wire stories")
    args.add_argument("--random-seed", type=int, default=11)
    opts = args.parse_args(argv)
    if not opts.seeds.is_dir():
        print(f"no seeds at {opts.seeds}: name a folder of wire stories with --seeds", file=sys.stderr)
        return 2
    rng = random.Random(opts.random_seed)
    seeds = sorted(p.resolve() for p in opts.seeds.glob("*.txt"))
    scratch = Path(tempfile.mkdtemp(prefix="digest-crash-"))
    try:
        project = new_project(scratch / "project", opts.seeds.resolve())
        print(f"{len(seeds)} seeds; scratch projects in {scratch}", flush=True)
        print(f"  ingest of every seed: {digest(project, 'ingest'):.1f}s", flush=True)
        clean = Clean(scratch)
        durations = {"cold build": digest(project, "build", "--clean")}
        clean.site(project)
        path, before = edit(project, rng, 0)
        durations["incremental build"] = digest(project, "build")
        revert(path, before)
        digest(project, "build")
        probe = new_project(scratch / "probe", opts.seeds.resolve())
        (probe / "seeds").unlink()
        (probe / "seeds").mkdir()
        for seed in seeds[:INGEST_SAMPLE]:
            (probe / "seeds" / seed.name).symlink_to(seed)
        durations["ingest"] = digest(probe, "ingest")
        print("  usual durations: " + ", ".join(f"{k} {v:.1f}s" for k, v in durations.items()), flush=True)
        trials: list[Trial] = []
        for number in range(1, opts.trials + 1):
            kind = ("cold", "incremental", "incremental", "ingest")[number % 4]
            if kind == "ingest":
                trial = ingest_trial(scratch, seeds, rng, durations["ingest"])
            else:
                trial = build_trial(project, clean, rng, number, kind == "cold", durations)
            trials.append(trial)
            state = f"FAILED: {len(trial.differing)} files differ, e.g. {trial.differing[:3]}" if trial.failed else "ok"
            print(f"  trial {number:3d}: {trial.kind}, killed at {trial.killed_at:.2f}s: {state}", flush=True)
        failures = [t for t in trials if t.failed]
        print(f"trials: {len(trials)}, failures: {len(failures)}")
        worst = max(trials, key=lambda t: len(t.differing), default=None)
        if worst is not None:
            print(f"worst case: {worst.kind} killed at {worst.killed_at:.2f}s, {len(worst.differing)} files differing")
        return 1 if failures else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
