"""Ingest at the editor's desk: headlines written on worker processes, and progress bars on a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.ingest as ingest_module
from conftest import write_config
from generator.config import load_config
from generator.ingest import headlines, ingest
from generator.wire.entities import Entities, Story

LEDES = (
    "The Bihar government on Saturday announced a new bridge over the Ganga at Patna.",
    "Chief Minister Nitish Kumar inaugurated a hospital in Gaya on Monday.",
    "Heavy rain lashed Mumbai for a third day, disrupting local trains.",
    "The Reserve Bank of India kept its policy rate unchanged on Friday.",
    "Farmers in Punjab began harvesting wheat a week early this year.",
)


def test_headlines_written_by_workers_match_those_written_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "HEADLINES_PARALLEL_FROM", 2)
    monkeypatch.setattr(ingest_module, "HEADLINES_CHUNK", 2)  # three tasks for two workers
    stories = [Story((lede,), None, "IANS") for lede in LEDES]
    found = [Entities() for _ in stories]
    counted: list[int] = []
    alone = headlines(stories, found, 1, lambda n: None)
    shared = headlines(stories, found, 2, counted.append)
    assert shared == alone and all(alone) and sum(counted) == len(stories)


def test_ingest_shows_progress_bars_only_when_asked_and_long(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(tmp_path)
    (tmp_path / "seeds").mkdir()
    for n, lede in enumerate(LEDES[:2]):
        (tmp_path / "seeds" / f"s{n}.txt").write_text(f" date 2025-11-0{n + 1} {lede}\n")
    ingest(load_config(tmp_path), progress=True)  # two seeds: no bar even when asked
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(ingest_module, "PROGRESS_FROM", 1)  # as if there were many
    for n in range(2):
        (tmp_path / "seeds" / f"s{n}.txt").write_text(f" date 2025-11-0{n + 1} {LEDES[n + 2]}\n")
    ingest(load_config(tmp_path), progress=True)
    err = capsys.readouterr().err
    assert "reading stories" in err and "writing headlines" in err and err.endswith("\r")
