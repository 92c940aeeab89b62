"""Ingest shows its progress on a terminal: reading the stories, then writing their headlines."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.ingest as ingest_module
from conftest import write_config
from generator.config import load_config
from generator.ingest import ingest

LEDES = (
    "The Bihar government on Saturday announced a new bridge over the Ganga at Patna.",
    "Chief Minister Nitish Kumar inaugurated a hospital in Gaya on Monday.",
    "Heavy rain lashed Mumbai for a third day, disrupting local trains.",
    "The Reserve Bank of India kept its policy rate unchanged on Friday.",
    "Farmers in Punjab began harvesting wheat a week early this year.",
)


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
