"""Tier 3: `make bench`'s script runs end to end on a small archive and says what it measured."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_bench_times_every_build_and_checks_the_site_against_a_clean_build(tmp_path: Path) -> None:
    work = tmp_path / "bench"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "bench.py"), "--sizes", "40", "--repeat", "2",
                             "--verify", "--work", str(work)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for row in ("cold", "nothing changed", "one body edited", "one story's people"):
        assert f"\n  {row} " in out, out
    assert "40 stories:" in out and "incremental site vs clean build: identical" in out, out
    assert "[nothing changed] steps: scan" in out  # the build's own step timings follow the table
    assert not any(work.iterdir()), "the generated projects are deleted at the end"
