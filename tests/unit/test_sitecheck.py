"""Looking for every file of site/, in a forked child or here: a missing one is always seen."""

from __future__ import annotations

import contextlib
import mmap
import os
import signal
import time
from pathlib import Path

import pytest

from generator.sitecheck import CHUNKS, SiteCheck, all_present, run_paths


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for rel in ("index.html", "people/a/index.html", "2025/11/07/flood/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    return tmp_path


PATHS = [b"index.html", b"people/a/index.html", b"2025/11/07/flood/index.html"]
JOINED = b"\0".join(PATHS)


def test_every_file_present(site: Path) -> None:
    assert all_present(str(site), PATHS) and all_present(str(site), [])


@pytest.mark.parametrize("fork", [True, False])
def test_a_missing_file_is_seen_forked_or_not(site: Path, fork: bool) -> None:
    assert SiteCheck(str(site), lambda: JOINED, len(JOINED) if fork else 0).result()
    (site / "people/a/index.html").unlink()
    check = SiteCheck(str(site), lambda: JOINED, len(JOINED) if fork else 0)
    assert not check.result() and not check.result()


def test_a_check_no_longer_wanted_leaves_no_child(site: Path) -> None:
    check = SiteCheck(str(site), lambda: b"\0".join(PATHS * 10_000), 10_000 * (len(JOINED) + 1))
    pid = check.pid
    check.close()
    assert pid and check.pid == 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # reaped: no zombie is left behind


def test_a_child_that_fails_is_answered_here(site: Path) -> None:
    def paths():
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return JOINED
    parent = os.getpid()
    assert SiteCheck(str(site), paths, len(JOINED)).result()


MANY = [f"p{i}".encode() for i in range(1_000)]  # about four to a run of the check
MANY_JOINED = b"\0".join(MANY)


@pytest.fixture
def many(tmp_path: Path) -> Path:
    for path in MANY:
        (tmp_path / path.decode()).write_bytes(b"")
    return tmp_path


class Stuck(bytes):
    """Paths joined by NULs that, in a child process, give up no slice: the child shares them (and
    says it is ready) but looks at nothing."""

    def __getitem__(self, index):
        while os.getpid() != PARENT:
            time.sleep(1)
        return super().__getitem__(index)


PARENT = os.getpid()


@contextlib.contextmanager
def deadline(seconds: int):
    def fail(*_):
        raise AssertionError(f"no answer in {seconds} s")
    before = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def ready(check: SiteCheck) -> None:
    while not check.shared[2]:  # READY: the child has its list
        time.sleep(0.01)


@pytest.mark.parametrize("gone", [0, 499, 999])
def test_this_process_looks_at_all_a_stuck_child_has_not(many: Path, gone: int) -> None:
    assert os.getpid() == PARENT
    paths = Stuck(MANY_JOINED)
    check = SiteCheck(str(many), lambda: paths, len(paths))
    ready(check)
    with deadline(30):
        assert check.result()
    (many / MANY[gone].decode()).unlink()
    check = SiteCheck(str(many), lambda: paths, len(paths))
    ready(check)
    with deadline(30):
        assert not check.result()


@pytest.mark.parametrize("gone", [0, 1, 500, 998, 999])
def test_a_missing_file_anywhere_is_seen_by_one_or_the_other(many: Path, gone: int) -> None:
    (many / MANY[gone].decode()).unlink()
    for _ in range(5):  # the two meet at a different place each time
        assert not SiteCheck(str(many), lambda: MANY_JOINED, len(MANY_JOINED)).result()


@pytest.mark.parametrize("count", [0, 1, 7, 254, 255, 256, 1_000])
def test_the_runs_hold_every_path_once(count: int) -> None:
    paths = [f"{i:0{i % 5 + 1}d}/index.html".encode() for i in range(count)]
    joined = b"\0".join(paths)
    runs = [run_paths(joined, 0, len(joined), run) for run in range(CHUNKS)]
    assert [p for run in runs for p in run] == paths
    shared = mmap.mmap(-1, 8 + max(len(joined), 1))  # as this process reads them: from shared memory, at an offset
    shared[8:8 + len(joined)] = joined
    assert [run_paths(shared, 8, len(joined), run) for run in range(CHUNKS)] == runs


def test_a_child_given_more_than_it_was_told_leaves_the_check_to_this_process(many: Path) -> None:
    check = SiteCheck(str(many), lambda: MANY_JOINED, 10)
    with deadline(30):
        assert check.result()
    (many / MANY[500].decode()).unlink()
    with deadline(30):
        assert not SiteCheck(str(many), lambda: MANY_JOINED, 10).result()

