"""The staging folder's second process: it writes what it is handed, and says when it could not."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from conftest import write_story
from generator.build import build
from generator.config import load_config
from generator.write import Staging

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="no fork here: files are written by the building process")


def test_the_writing_process_makes_every_file_handed_to_it(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "site", whole=True)
    staging.hand_over()
    assert staging.writer is not None
    pages = {f"people/person-{i}/index.html": f"<p>{i}</p>".encode() * (i * 500) for i in range(300)}
    for rel, data in pages.items():
        staging.write(rel, data)
    staging.write("people/person-0/index.html", b"again")  # a later write of a file wins, as in one process
    staging.tree()  # waits for the writing process
    assert staging.writer is None
    made = {p.relative_to(staging.folder).as_posix(): p.read_bytes() for p in staging.folder.rglob("*") if p.is_file()}
    assert made == {**pages, "people/person-0/index.html": b"again"}
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in staging.folder.rglob("*.html"))


def test_a_file_the_writing_process_cannot_make_fails_the_build_step(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "site", whole=True)
    staging.folder.mkdir()
    (staging.folder / "people").write_text("a file where a folder must go", encoding="utf-8")
    staging.hand_over()
    staging.write("index.html", b"home")
    staging.write("people/someone/index.html", b"page")
    with pytest.raises(NotADirectoryError):
        staging.tree()
    assert (staging.folder / "index.html").read_bytes() == b"home"


def test_a_stopped_writing_process_writes_nothing_more(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "site", whole=True)
    staging.hand_over()
    process = staging.writer.process
    staging.stop()
    assert staging.writer is None and not process.is_alive()
    staging.reset()
    assert not staging.folder.exists()


def test_a_writing_process_that_died_fails_the_build_step_saying_so(tmp_path: Path) -> None:
    staging = Staging(tmp_path / "site", whole=True)
    staging.hand_over()
    staging.writer.process.kill()
    staging.writer.process.join()
    with pytest.raises(OSError, match="the process writing the site's files stopped"):
        for i in range(20):
            staging.write(f"page-{i}/index.html", b"x" * (1 << 20))  # each a batch of its own
        staging.tree()


def test_a_site_rendered_in_one_process_is_written_by_a_second(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import parallel, write

    for i in range(6):
        write_story(project, slug=f"story-{i}", date=f"2025-11-0{1 + i % 3}T10:00:00+05:30", people=["Azam Khan"],
                    places=["Lucknow"], tags=["Politics"], body=f"Story {i}.")
    monkeypatch.setattr("generator.build.WRITER_FROM", 1)
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    started = []
    monkeypatch.setattr(write.Writer, "__init__", lambda self, masked, start=write.Writer.__init__:
                        started.append(1) or start(self, masked))
    result = build(load_config(project))
    assert started and result.pages["article"] == 6
    assert (project / "site" / "2025/11/01/story-0/index.html").read_text(encoding="utf-8").count("Story 0.") == 1
