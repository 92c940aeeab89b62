"""Tier 2: ingest reads registry.yaml into the extractor, stops on a bad one, and grows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import frontmatter
from generator.config import load_config
from generator.ingest import ingest
from generator.registry import HEADER, RegistryError, load_registry

ARTICLES = Path("content/articles")


def seed(root: Path, name: str, day: int, text: str) -> None:
    """Write seeds/NAME dated 2025-11-DAY with TEXT after a Bhopal dateline."""
    (root / "seeds" / name).write_text(f" date 2025-11-{day:02d} Bhopal, Nov {day} (PTI) {text}\n",
                                       encoding="utf-8")


def people_of(root: Path) -> dict[str, list[str]]:
    """Map each story's seed file to its people."""
    out = {}
    for path in sorted((root / ARTICLES).rglob("*.md")):
        meta = frontmatter.split(path.read_text(encoding="utf-8"), str(path)).meta
        out[meta["source"]["file"]] = meta["people"]
    return out


def test_known_alias_gives_the_canonical_person(project: Path) -> None:
    (project / "registry.yaml").write_text("people:\n  Shivraj Singh Chouhan: [Mama]\n", encoding="utf-8")
    seed(project, "a.txt", 3, "Mama addressed farmers in Sehore on Monday. The crowd cheered.")
    report = ingest(load_config(project))
    assert not report.failed
    assert people_of(project) == {"a.txt": ["Shivraj Singh Chouhan"]}


def test_bad_registry_stops_before_writing(seeded_project: Path) -> None:
    (seeded_project / "registry.yaml").write_text("people:\n  Azam Khan: Khan\n", encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        ingest(load_config(seeded_project))
    assert str(info.value).startswith("registry.yaml:2: ")
    assert not list((seeded_project / "content").rglob("*.md"))


def test_cli_reports_bad_registry(seeded_project: Path, capsys) -> None:
    from generator.cli import main

    (seeded_project / "registry.yaml").write_text("places: [Lucknow]\n", encoding="utf-8")
    code = main(["-C", str(seeded_project), "ingest"])
    assert code != 0
    assert "registry.yaml:1: places must map each name" in capsys.readouterr().err
    assert not list((seeded_project / "content").rglob("*.md"))


def test_seed_alone_adds_nothing(seeded_project: Path) -> None:
    ingest(load_config(seeded_project))
    assert not (seeded_project / "registry.yaml").exists()


def test_edits_grow_the_registry_and_repetition_does_not(project: Path) -> None:
    (project / "registry.yaml").write_text("# mine\npeople:\n  Zorawar Tlau: [Tlau]\n", encoding="utf-8")
    for day in (3, 4, 5):
        seed(project, f"s{day}.txt", day, f"Chief Minister Mohan Yadav inaugurated a bridge in Sehore on day {day}. "
             "Yadav said the work would finish soon.")
    report = ingest(load_config(project))
    assert set(sum(people_of(project).values(), [])) == {"Mohan Yadav"}
    assert not any("registry.yaml" in n for n in report.notes)  # three stories agree: still unchecked
    assert list(load_registry(project).people) == ["Zorawar Tlau"]

    # an editor adds a person by hand to one story: that name is confirmed on the next ingest
    story = next((project / ARTICLES).rglob("*.md"))
    story.write_text(story.read_text(encoding="utf-8").replace("people: [Mohan Yadav]",
                                                               "people: [Mohan Yadav, Kiran Meena]"),
                     encoding="utf-8")
    report = ingest(load_config(project))
    assert "registry.yaml: added 4 names: Kiran Meena, Mohan Yadav, Bhopal, Sehore" in report.notes
    assert list(load_registry(project).people) == ["Zorawar Tlau", "Kiran Meena", "Mohan Yadav"]
    text = (project / "registry.yaml").read_text(encoding="utf-8")
    assert text.startswith(HEADER) and "# mine" not in text
    before = (project / "registry.yaml").read_bytes()
    ingest(load_config(project))  # same archive: same bytes, no rewrite
    assert (project / "registry.yaml").read_bytes() == before
