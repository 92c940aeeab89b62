"""Tier 3: one writer at a time. Builds and ingests started together, as a user (or the preview) starts them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import write_config, write_story
from generator.lock import project_lock

SEEDS = (
    " date 2025-11-07 Patna, Nov 7 (IANS) The state government on Friday announced a new bridge over the "
    "Ganga at Patna.\n\nChief Minister Nitish Kumar laid the foundation stone.\n",
    " date 2025-11-08 Lucknow, Nov 8 (PTI) Flood relief reached forty villages near Rampur on Saturday.\n\n"
    "Boats and food packets were sent by the district administration.\n",
    " date 2025-11-09 Mumbai, Nov 9 (IANS) The city's metro line opened a new station on Sunday.\n\n"
    "Thousands of commuters used it on the first day.\n",
)


def digest(root: Path, *args: str) -> subprocess.Popen:
    """Start the digest command on ROOT."""
    return subprocess.Popen([sys.executable, "-m", "generator", "-C", str(root), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def small_site(root: Path) -> Path:
    """Make a project of a dozen stories at ROOT."""
    root.mkdir(parents=True)
    write_config(root)
    for i in range(12):
        write_story(root, slug=f"story-{i}", date=f"2025-11-{7 + i % 3:02d}T{i:02d}:00:00+05:30",
                    people=[f"Person {i % 4}"], places=["Patna"], tags=[f"Tag {i % 2}"], body=f"Story {i}.")
    return root


def files(site: Path) -> dict[str, bytes]:
    """Return every file under SITE with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_second_command_waits_for_the_lock_and_says_for_whom(tmp_path: Path) -> None:
    root = small_site(tmp_path / "digest")
    with project_lock(root / ".cache", "build"):
        busy = digest(root, "build", "--no-wait")
        out, err = busy.communicate(timeout=120)
        assert busy.returncode == 2, err
        assert f"the build running as PID {os.getpid()}" in err and "--no-wait" in err
        assert not (root / "site").exists()
        waiting = digest(root, "build")
        line = waiting.stderr.readline()  # blocks until the command says it waits
        assert line.strip() == f"waiting for the build running as PID {os.getpid()}"
        assert waiting.poll() is None
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert "built" in out and (root / "site" / "index.html").is_file()


def test_two_builds_started_together_give_one_correct_site(tmp_path: Path) -> None:
    root = small_site(tmp_path / "digest")
    clean = small_site(tmp_path / "clean")
    assert digest(clean, "build").wait(timeout=120) == 0
    for args in (("build",), ("build", "--clean")):  # cold together, then incremental together
        if args == ("build", "--clean"):
            write_story(root, slug="story-0", date="2025-11-07T00:00:00+05:30", people=["Someone Else"],
                        places=["Patna"], tags=["Tag 0"], body="Story 0, edited.")
            write_story(clean, slug="story-0", date="2025-11-07T00:00:00+05:30", people=["Someone Else"],
                        places=["Patna"], tags=["Tag 0"], body="Story 0, edited.")
            assert digest(clean, "build", "--clean").wait(timeout=120) == 0
        first, second = digest(root, *args), digest(root, *args[:1])
        for command in (first, second):
            out, err = command.communicate(timeout=120)
            assert command.returncode == 0, err
        assert files(root / "site") == files(clean / "site")
        assert not (root / ".site.new").exists()


def test_two_ingests_started_together_write_each_story_once(tmp_path: Path) -> None:
    root = tmp_path / "digest"
    root.mkdir()
    write_config(root)
    (root / "seeds").mkdir()
    for i, text in enumerate(SEEDS):
        (root / "seeds" / f"seed-{i}.txt").write_text(text, encoding="utf-8")
    first, second = digest(root, "ingest"), digest(root, "ingest")
    for command in (first, second):
        out, err = command.communicate(timeout=300)
        assert command.returncode == 0, err
    stories = sorted((root / "content").rglob("*.md"))
    assert len(stories) == len(SEEDS), [p.name for p in stories]
    shutil.rmtree(root / "content")


def test_a_story_whose_yaml_a_hand_edit_broke_is_not_written_twice(tmp_path: Path) -> None:
    root = tmp_path / "digest"
    root.mkdir()
    write_config(root)
    (root / "seeds").mkdir()
    (root / "seeds" / "seed-0.txt").write_text(SEEDS[0], encoding="utf-8")
    assert digest(root, "ingest").wait(timeout=300) == 0
    (story,) = (root / "content").rglob("*.md")
    story.write_text(story.read_text(encoding="utf-8").replace("title: ", "title: [", 1), encoding="utf-8")
    (root / "seeds" / "seed-0.txt").write_text(SEEDS[0].replace("Friday", "Friday evening"), encoding="utf-8")
    again = digest(root, "ingest")
    out, err = again.communicate(timeout=300)
    assert [p.name for p in (root / "content").rglob("*.md")] == [story.name]
    assert f"{story.relative_to(root)}:" in err and "no second copy of seed-0.txt" in err
