"""Profile `digest ingest` of wire seeds in one process: where the CPU time of a story goes.

    .venv/bin/python bench/ingest_profile.py [SEEDS] [--limit 600] [--top 30]

Copies the first LIMIT seeds of SEEDS (default ../shared/corpus/wire) into a scratch project in a
temporary folder, loads the language models first (not profiled: a user pays for that once), then
ingests with cProfile on in this one process (workers would hide their time from the profiler)
and prints CPU seconds per story and the functions that took the most time, cumulatively.
Profiling slows Python code more than the model's compiled code: read the shares, not the totals.
bench/ingest_speed.py gives the real rate.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "wire"

from generator.config import load_config  # noqa: E402
from generator.ingest import ingest  # noqa: E402


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("seeds", nargs="?", type=Path, default=CORPUS)
    args.add_argument("--limit", type=int, default=600, help="ingest the first N seeds (default 600)")
    args.add_argument("--top", type=int, default=30, help="functions to list (default 30)")
    ns = args.parse_args()
    if not ns.seeds.is_dir():
        print(f"{ns.seeds}: no such folder of seeds (the corpus sits beside the checkout)", file=sys.stderr)
        return 2
    from generator.wire import geo, ner, syntax

    with tempfile.TemporaryDirectory(prefix="ingest-profile-") as tmp:
        project = Path(tmp)
        (project / "config.yaml").write_text("title: Ingest profile\n", encoding="utf-8")
        (project / "seeds").mkdir()
        files = sorted(ns.seeds.glob("*.txt"))[: ns.limit]
        for path in files:
            shutil.copyfile(path, project / "seeds" / path.name)
        ner.model(), syntax.model(), geo.load()
        profile = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
        start = time.process_time()
        profile.enable()
        report = ingest(load_config(project), processes=1)
        profile.disable()
        cpu = time.process_time() - start
    print(f"ingested {len(report.written)} stories: CPU {cpu:.1f} s under the profiler, "
          f"{cpu / max(1, len(files)) * 1000:.1f} ms a story")
    pstats.Stats(profile).sort_stats("cumulative").print_stats(ns.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
