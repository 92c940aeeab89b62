"""Time `digest ingest` of a folder of wire seeds into a fresh project: stories a second, CPU, memory.

    .venv/bin/python bench/ingest_speed.py [SEEDS] [--limit N]

SEEDS defaults to ../shared/corpus/wire (3,000 Reuters stories). Ingest runs as its own process
(`python -m generator -C PROJECT ingest SEEDS`), so the language models load inside the timing,
as they do for a user. Prints wall time, stories a second, CPU seconds per story (user + system,
ingest and its workers: the fair number on a shared machine) and the peak resident memory of the
largest process.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wire"


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("seeds", nargs="?", type=Path, default=CORPUS)
    args.add_argument("--limit", type=int, default=0, help="ingest only the first N seeds")
    ns = args.parse_args()
    if not ns.seeds.is_dir():
        print(f"{ns.seeds}: no such folder of seeds (the corpus sits beside the checkout)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        project = Path(tmp)
        (project / "config.yaml").write_text("title: Ingest bench\n", encoding="utf-8")
        seeds = project / "seeds"
        seeds.mkdir()
        files = sorted(ns.seeds.glob("*.txt"))[: ns.limit or None]
        for path in files:
            shutil.copyfile(path, seeds / path.name)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "generator", "-C", str(project), "ingest"],
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        print(done.stdout + done.stderr, file=sys.stderr)
        return done.returncode
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    count = len(files)
    print(done.stdout.strip().splitlines()[-1])
    print(f"{count} stories in {wall:.1f} s wall: {count / wall:.0f} stories/s")
    print(f"CPU {cpu:.1f} s: {cpu / count * 1000:.1f} ms a story ({count / cpu:.0f} stories per CPU-second)")
    print(f"peak memory of the largest process: {after.ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
