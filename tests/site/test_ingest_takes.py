"""One story told once: takes of a story are merged at ingest, and an editor's split is kept."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.ingest import ingest
from test_ingest import DAY, add_seed, meta_of, new_project, run, snapshot, stories

LEDE = ("Lucknow, Nov 7 (IANS) The Uttar Pradesh government on Friday cleared a 1,200-crore plan to "
        "rebuild the old iron bridge over the Gomti, closed to traffic since the floods of August.")
MORE = [
    "Work on the new steel spans will begin in March and take two years, Public Works Minister "
    "Jitin Prasada told reporters after the Cabinet met in the afternoon.",
    "Until then a pontoon bridge will carry two-wheelers and pedestrians, and city buses will be "
    "diverted over the Hanuman Setu, the minister said.",
    "Traders in the old city have complained that the closure has cut their sales by half since the "
    "monsoon, and a delegation met the Chief Minister last week.",
    "The contract will be given to a public sector firm chosen by open tender next month.",
]
LATER = ("Engineers found that two of the five piers can be kept, which will save about 90 crore and "
         "several months of work, the department said in a statement on Saturday.")


def seed(*paragraphs: str, day: int = 7) -> str:
    """Return a seed's text dated DAY November 2025."""
    return f" date 2025-11-{day:02d} " + "\n\n".join(paragraphs) + "\n"


def edit(path: Path, **changes: object) -> None:
    """Change front matter fields of a story by hand."""
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(head)
    meta.update(changes)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def test_a_cut_take_is_merged_into_the_story(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "a.txt", seed(LEDE, *MORE))
    add_seed(root, "b.txt", seed(LEDE, *MORE[:2]))  # the same story, cut short
    report = run(root)
    (path,) = report.written
    assert set(stories(root)) == {"a.txt"}
    meta = meta_of(path)
    assert meta["source"]["takes"][0].split()[0] == "b.txt" and "updated" not in meta  # the longer stays
    assert MORE[3] in path.read_text(encoding="utf-8")
    assert f"2 duplicate takes merged: {DAY}/{path.name}" in report.notes
    before = snapshot(root)
    again = run(root)
    assert snapshot(root) == before and again.written == [] and again.unchanged == 2


def test_a_longer_later_take_updates_the_story(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "a.txt", seed(LEDE, *MORE))
    run(root)
    (path,) = stories(root).values()
    add_seed(root, "c.txt", seed(LEDE.replace("Nov 7", "Nov 8"), *MORE, LATER, day=8))
    report = run(root)
    assert report.written == [path] and set(stories(root)) == {"a.txt"}
    meta = meta_of(path)
    assert str(meta["date"]).startswith("2025-11-07") and str(meta["updated"]).startswith("2025-11-08")
    assert LATER in path.read_text(encoding="utf-8")
    assert [t.split()[0] for t in meta["source"]["takes"]] == ["c.txt"]


def test_a_different_story_of_the_same_day_is_not_merged(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "a.txt", seed(LEDE, *MORE))
    add_seed(root, "b.txt", seed("Lucknow, Nov 7 (IANS) Police in Lucknow arrested three men on Friday "
                                 "for running a fake recruitment racket that cheated 200 job seekers.",
                                 "The men charged each applicant 50,000 rupees for letters of "
                                 "appointment to the railways, police said."))
    run(root)
    assert set(stories(root)) == {"a.txt", "b.txt"}


def test_another_agency_or_a_week_later_is_another_story(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "a.txt", seed(LEDE, *MORE))
    add_seed(root, "b.txt", seed(LEDE.replace("(IANS)", "(PTI)"), *MORE, LATER))  # nearly the same copy
    add_seed(root, "c.txt", seed(LEDE.replace("Nov 7", "Nov 14"), *MORE[:3], LATER, day=14))
    run(root)
    assert set(stories(root)) == {"a.txt", "b.txt", "c.txt"}


def test_an_editor_splits_a_take_off_and_ingest_keeps_it_split(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "a.txt", seed(LEDE, *MORE))
    add_seed(root, "b.txt", seed(LEDE, *MORE[:2]))
    run(root)
    (story,) = stories(root).values()
    edit(story, split=["b.txt"])
    edited = story.read_bytes()
    report = run(root)
    assert story.read_bytes() == edited  # an edited story is never overwritten
    assert set(stories(root)) == {"a.txt", "b.txt"} and stories(root)["b.txt"] != story
    assert not any("merged" in note for note in report.notes)
    assert meta_of(stories(root)["b.txt"])["title"] != meta_of(story)["title"]  # told apart on the day
    before = snapshot(root)
    run(root)
    assert snapshot(root) == before  # and kept split
    forced = ingest(__import__("generator.config", fromlist=["load_config"]).load_config(root), force=True)
    assert meta_of(story)["split"] == ["b.txt"] and "takes" not in meta_of(story)["source"]
    assert set(stories(root)) == {"a.txt", "b.txt"} and story.with_name(story.name + ".bak") in forced.backups


def test_a_new_take_never_overwrites_an_edited_story(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "a.txt", seed(LEDE, *MORE[:2]))
    run(root)
    (story,) = stories(root).values()
    edit(story, title="Gomti bridge to be rebuilt")
    edited = story.read_bytes()
    add_seed(root, "c.txt", seed(LEDE, *MORE, LATER))
    report = run(root)
    assert story.read_bytes() == edited and report.written == []
    (warning,) = [p for p in report.problems if "kept" in p.message]
    assert "c.txt" in warning.message and set(stories(root)) == {"a.txt"}


def test_a_seed_dated_far_ahead_is_warned_about_by_name(tmp_path: Path) -> None:
    root = new_project(tmp_path / "p")
    add_seed(root, "typo.txt", " date 2095-11-07 " + LEDE + "\n")
    report = run(root)
    (warning,) = [p for p in report.problems if "ahead" in p.message]
    assert warning.severity == "warning" and warning.path.endswith("typo.txt") and len(report.written) == 1
