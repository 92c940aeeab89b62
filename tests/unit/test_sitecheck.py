"""Looking for every file of site/, in a forked child or here: a missing one is always seen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.sitecheck import SiteCheck, all_present


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for rel in ("index.html", "people/a/index.html", "2025/11/07/flood/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    return tmp_path


PATHS = [b"index.html", b"people/a/index.html", b"2025/11/07/flood/index.html"]


def test_every_file_present(site: Path) -> None:
    assert all_present(str(site), PATHS) and all_present(str(site), [])


@pytest.mark.parametrize("fork", [True, False])
def test_a_missing_file_is_seen_forked_or_not(site: Path, fork: bool) -> None:
    assert SiteCheck(str(site), lambda: PATHS, fork).result()
    (site / "people/a/index.html").unlink()
    check = SiteCheck(str(site), lambda: PATHS, fork)
    assert not check.result() and not check.result()


def test_a_check_no_longer_wanted_leaves_no_child(site: Path) -> None:
    check = SiteCheck(str(site), lambda: PATHS * 10_000)
    pid = check.pid
    check.close()
    assert pid and check.pid == 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # reaped: no zombie is left behind


def test_a_child_that_fails_is_answered_here(site: Path) -> None:
    def paths():
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return PATHS
    parent = os.getpid()
    assert SiteCheck(str(site), paths).result()
