"""Organisation rules: company markers, acronyms in brackets, acronym folding."""

from __future__ import annotations

import pytest

from generator.evaluate import GoldStory, score_all
from generator.wire.acronyms import story_acronyms
from generator.wire.orgcues import named_firms


@pytest.mark.parametrize(("text", "firm"), [
    ("Shares of Turk Henkel A.S. rose 4 pct in Istanbul.", "Turk Henkel A.S."),
    ("The Dow Chemical Co said it would build a plant.", "Dow Chemical Co"),
    ("Gold Fields of South Africa Ltd said output fell.", "Gold Fields of South Africa Ltd"),
    ("Analyst Lynn Reaser of Barnett Banks Inc said rates would rise.", "Barnett Banks Inc"),
    ("St. Louis-based Mercantile Bancorp Inc agreed to buy it.", "Mercantile Bancorp Inc"),
    ("He joined A.G. Edwards & Sons in 1980.", "A.G. Edwards & Sons"),
    ("The central National Bank of Romania set the rate.", "National Bank of Romania"),
    ("LM Ericsson AB won a contract.", "LM Ericsson AB"),
])
def test_company_markers_make_an_organisation(text: str, firm: str) -> None:
    assert firm in [name for name, _, _ in named_firms(text)]


@pytest.mark.parametrize("text", [
    "Settlers in the West Bank protested.",  # a place, not a bank
    "Mr Smith said the company would grow.",
])
def test_no_firm_without_a_marker(text: str) -> None:
    assert named_firms(text) == []


def test_a_story_defines_initials_and_foreign_acronyms() -> None:
    text = ("The Samajwadi Party (SP) and the Party of Democratic Action (SDA) met. "
            "Shiv Sena (UBT) leaders stayed away.")
    found = story_acronyms(text)
    assert found["SP"] == "Samajwadi Party"
    assert found["SDA"] == "Party of Democratic Action"
    assert "UBT" not in found  # a qualifier after a two-word name, not an acronym


def test_scoring_counts_an_acronym_and_its_name_as_one_organisation() -> None:
    gold = [GoldStory("1", {"persons": (), "places": (), "orgs": ("Party of Democratic Action", "SDA")})]
    scores = score_all(gold, [{"orgs": ["Party of Democratic Action"]}], None,
                       [{"SDA": "Party of Democratic Action"}])
    s = scores["orgs"][0]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
