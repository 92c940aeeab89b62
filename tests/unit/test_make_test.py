"""`make test` installs what the browser tests need without root, and a skipped browser test says why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_runs_npm_ci_when_axe_core_is_missing(tmp_path: Path) -> None:
    for name in ("Makefile", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / ".test").touch()  # the Python side is installed: only the browser tools are missing
    # under `make test` the outer make's flags would add "Entering directory" lines naming tmp_path,
    # whose name holds "pytest": plan in a clean make environment and look for the command itself
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    planned = subprocess.run(["make", "-n", "-o", ".venv/.test", "test"], cwd=tmp_path, capture_output=True,
                             text=True, env=env)
    out = planned.stdout
    assert "npm ci" in out and out.index("npm ci") < out.index("-m pytest"), planned


def test_a_skipped_browser_test_is_summed_up_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(textwrap.dedent(f"""
        import importlib.util
        spec = importlib.util.spec_from_file_location("digest_conftest", {str(ROOT / "tests" / "conftest.py")!r})
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        pytest_terminal_summary = module.pytest_terminal_summary
    """))
    (tmp_path / "test_x.py").write_text(textwrap.dedent("""
        import pytest

        @pytest.mark.browser
        @pytest.mark.parametrize("n", [1, 2])
        def test_page(n):
            pytest.skip("/usr/bin/chromium is missing: apt-get install chromium")

        def test_other():
            pytest.skip("not a browser test")
    """))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("browser tests skipped")]
    assert lines == ["browser tests skipped: 2, because /usr/bin/chromium is missing: apt-get install chromium"]
