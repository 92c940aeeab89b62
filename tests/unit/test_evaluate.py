"""Tests of the scoring functions, on small hand-made gold records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import CORPUS

from generator.evaluate import Score, format_table, normalise, run, run_many, score_all, score_story
from generator.goldset import GoldError, parse_gold_line, read_gold

DEV = CORPUS / "india-dev" / "gold.jsonl"


@pytest.mark.parametrize(("a", "b"), [
    ("J.P. Nadda", "JP Nadda"), ("jp  nadda", "JP Nadda"), ("Akhilesh Yadav’s", "akhilesh yadav's"),
])
def test_normalise(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


CASES = [
    # predicted, gold, aliases, optional -> (tp, fp, fn)
    (["Amit Shah"], ["Amit Shah"], {}, [], (1, 0, 0)),
    (["amit shah", "Amit Shah"], ["Amit Shah"], {}, [], (1, 0, 0)),
    (["Shah", "Amit Shah"], ["Amit Shah"], {"Amit Shah": ["Shah"]}, [], (1, 0, 0)),
    (["Messi"], ["Lionel Messi"], {"Lionel Messi": ["Messi"]}, [], (1, 0, 0)),
    (["Paris"], [], {}, ["Paris"], (0, 0, 0)),
    (["Rahul"], ["Amit Shah"], {}, [], (0, 1, 1)),
    ([], ["Amit Shah", "Rahul Gandhi"], {}, [], (0, 0, 2)),
]


@pytest.mark.parametrize(("predicted", "gold", "aliases", "optional", "expected"), CASES)
def test_score_story(predicted, gold, aliases, optional, expected) -> None:
    s = score_story(predicted, gold, aliases, optional)
    assert (s.tp, s.fp, s.fn) == expected


def test_precision_recall_f1_and_sum() -> None:
    s = Score(3, 1, 2) + Score(1, 0, 0)
    assert (s.tp, s.fp, s.fn) == (4, 1, 2)
    assert s.precision == pytest.approx(0.8)
    assert s.recall == pytest.approx(4 / 6)
    assert s.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert Score().f1 == 0.0


RECORD = {"id": "001", "persons": ["Samrat Choudhary"], "bylines": [], "places": ["Patna"],
          "orgs": ["Rashtriya Janata Dal"], "aliases": {"Samrat Choudhary": ["Choudhary"]},
          "also_ok": {"Rashtriya Janata Dal": ["RJD"]}, "optional": {"orgs": ["Lok Sabha"]}}


def test_parse_gold_and_score_all_wrong_type() -> None:
    gold = [parse_gold_line(json.dumps(RECORD))]
    predicted = [{"persons": ["Choudhary", "Patna"], "places": [], "orgs": ["RJD", "Lok Sabha"]}]
    scores = score_all(gold, predicted)
    assert (scores["persons"][0].tp, scores["persons"][0].fp) == (1, 1)  # Patna as a person: FP
    assert scores["places"][0].fn == 1  # ... and a miss for places
    assert (scores["orgs"][0].tp, scores["orgs"][0].fp) == (1, 0)  # Lok Sabha optional
    table = format_table(scores)
    assert "persons" in table and "micro" in table


def test_bad_gold_line() -> None:
    with pytest.raises(GoldError):
        parse_gold_line('{"id": "1"}')


def test_run_missing_gold_returns_2(tmp_path: Path, capsys) -> None:
    assert run(tmp_path / "nope.jsonl", io.StringIO()) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_run_invalid_gold_returns_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text("not json\n")
    assert run(bad, io.StringIO()) == 2
    assert "gold.jsonl:1" in capsys.readouterr().err
    with pytest.raises(GoldError):
        read_gold(bad)


def test_run_on_hand_made_gold(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001.txt").write_text(
        " date 2024-05-24 Patna, May 24 (PTI) Deputy Chief Minister Samrat Choudhary attacked the "
        "Rashtriya Janata Dal (RJD) on Friday. Choudhary said the RJD had failed.\n")
    (tmp_path / "gold.jsonl").write_text(json.dumps(RECORD) + "\n")
    out = io.StringIO()
    assert run(tmp_path / "gold.jsonl", out, errors=True) == 0
    lines = out.getvalue().splitlines()
    persons = next(line for line in lines if line.startswith("persons"))
    assert persons.split()[1:4] == ["1.000", "1.000", "1.000"]


@pytest.mark.skipif(not DEV.is_file(), reason=f"optional corpus {DEV} is absent")
def test_run_on_india_dev() -> None:
    out = io.StringIO()
    assert run(DEV, out) == 0
    persons = next(line for line in out.getvalue().splitlines() if line.startswith("persons"))
    assert float(persons.split()[3]) > 0.75


def test_select_odd_even_and_ids() -> None:
    from generator.goldset import select

    gold = [parse_gold_line(json.dumps({**RECORD, "id": f"{i:03d}"})) for i in range(1, 6)]
    assert [s.id for s in select(gold, "odd")] == ["001", "003", "005"]
    assert [s.id for s in select(gold, "even")] == ["002", "004"]
    assert [s.id for s in select(gold, "all")] == [s.id for s in gold]
    assert [s.id for s in select(gold, "2,5")] == ["002", "005"]
    with pytest.raises(GoldError, match="no story with id 9"):
        select(gold, "2,9")


def test_run_prints_odd_and_even_halves(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    text = (" date 2024-05-24 Patna, May 24 (PTI) Deputy Chief Minister Samrat Choudhary attacked the "
            "Rashtriya Janata Dal (RJD) on Friday.\n")
    lines = []
    for i in (1, 2):
        (tmp_path / "seeds" / f"00{i}.txt").write_text(text)
        lines.append(json.dumps({**RECORD, "id": f"00{i}"}))
    (tmp_path / "gold.jsonl").write_text("\n".join(lines) + "\n")
    out = io.StringIO()
    assert run(tmp_path / "gold.jsonl", out, split="all") == 0
    assert "odd ids (1 stories)" in out.getvalue() and "even ids (1 stories)" in out.getvalue()
    out = io.StringIO()
    assert run(tmp_path / "gold.jsonl", out, split="even") == 0
    assert "1 stories" in out.getvalue().splitlines()[0] and "odd ids" not in out.getvalue()
    assert run(tmp_path / "gold.jsonl", io.StringIO(), split="7") == 2


def test_run_many_prints_a_row_per_set_and_type(tmp_path: Path) -> None:
    for name in ("first", "second"):
        folder = tmp_path / name
        (folder / "seeds").mkdir(parents=True)
        (folder / "seeds" / "001.txt").write_text(
            " date 2024-05-24 Patna, May 24 (PTI) Deputy Chief Minister Samrat Choudhary attacked the "
            "Rashtriya Janata Dal (RJD) on Friday. Choudhary said the RJD had failed.\n")
        (folder / "gold.jsonl").write_text(json.dumps(RECORD) + "\n")
    out = io.StringIO()
    assert run_many([tmp_path / "first" / "gold.jsonl", tmp_path / "second" / "gold.jsonl"], out) == 0
    rows = [line.split() for line in out.getvalue().splitlines()]
    summary = [r for r in rows if r[:1] in (["first"], ["second"])]
    assert [(r[0], r[1]) for r in summary] == [(s, t) for s in ("first", "second")
                                                for t in ("persons", "places", "orgs")]


def test_run_many_fails_when_one_set_is_bad(tmp_path: Path) -> None:
    assert run_many([tmp_path / "nope.jsonl"], io.StringIO()) == 2
