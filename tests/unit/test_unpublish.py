"""The editors' lists: seeds ingested, stories unpublished; deletions noticed, seeds held back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.unpublish import INGESTED, UNPUBLISHED, Desk, Tombstone, load_desk, notice_deletions, screen

A, B, C = "a" * 64, "b" * 64, "c" * 64
DAY = dt.date(2025, 11, 9)


def test_the_lists_survive_a_round_trip_sorted_by_seed(tmp_path: Path) -> None:
    desk = Desk(tmp_path, {"z.txt": A, "m.txt": B})
    desk.unpublish(Tombstone(C, "k.txt", "2025-11-09", "content/articles/2025/11/07/k.md"))
    desk.save()
    assert (tmp_path / INGESTED).read_text().splitlines()[-2:] == [f"{B} m.txt", f"{A} z.txt"]
    again, problems = load_desk(tmp_path, tmp_path)
    assert problems == [] and again.ingested == desk.ingested and again.tombstones == desk.tombstones


def test_a_line_that_makes_no_sense_is_a_warning_with_its_line(tmp_path: Path) -> None:
    (tmp_path / UNPUBLISHED).write_text(f"# header\n{A} a.txt\nnot a hash b.txt\n")
    desk, (problem,) = load_desk(tmp_path, tmp_path)
    assert desk.names == {"a.txt"} and (problem.line, problem.severity) == (3, "warning")


def test_an_ingested_seed_whose_story_is_gone_is_unpublished() -> None:
    desk = Desk(Path("content"), {"a.txt": A, "b.txt": B})
    gone = notice_deletions(desk, {"a.txt": A, "c.txt": C}, DAY)
    assert gone == [Tombstone(B, "b.txt", "2025-11-09")]
    assert desk.ingested == {"a.txt": A, "c.txt": C} and desk.withheld("b.txt", B)


def test_a_story_put_back_in_content_is_published_again() -> None:
    desk = Desk(Path("content"), {}, [Tombstone(A, "a.txt")])
    assert notice_deletions(desk, {"a.txt": A}, DAY) == [] and not desk.withheld("a.txt", A)


def test_screen_holds_back_unpublished_seeds_by_hash_or_name_unless_forced_by_name() -> None:
    import hashlib

    data = {name: name.encode() for name in ("a.txt", "b.txt", "c.txt", "d.txt")}
    shas = {name: hashlib.sha256(d).hexdigest() for name, d in data.items()}
    desk = Desk(Path("content"), {}, [Tombstone(shas["a.txt"], "old-name.txt"), Tombstone(A, "b.txt")])
    loaded = [(Path("seeds", n), d) for n, d in data.items()]
    keep, held, restored = screen(desk, loaded, frozenset(), False, frozenset({"d.txt"}))
    assert [p.name for p, _ in keep] == ["c.txt"] and held == ["a.txt", "b.txt", "d.txt"] and restored == []
    keep, held, restored = screen(desk, loaded, frozenset({Path("seeds", "b.txt")}), True, frozenset())
    assert [p.name for p, _ in keep] == ["b.txt", "c.txt", "d.txt"] and restored == ["b.txt"]
    assert desk.names == {"old-name.txt"}
