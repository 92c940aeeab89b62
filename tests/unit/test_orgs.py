"""Organisation rules: company markers, acronyms in brackets, acronym folding."""

from __future__ import annotations

import pytest

from generator.evaluate import score_all
from generator.goldset import GoldStory
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
    "It was advised by Harris Upham and Co Inc last week.",  # the run is the marker alone
    "The Bank said rates would stay.",
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


from generator.wire.orgrules import acronyms_in_use, cited_agencies, institutions, newspapers  # noqa: E402


@pytest.mark.parametrize(("text", "found"), [
    ("The Madras High Court referred the matter.", ["Madras High Court"]),
    ("Lawyers in the Allahabad high court struck work.", ["Allahabad High Court"]),
    ("He was elected to the Goa Assembly last year.", ["Goa Assembly"]),
    ("Polling for the Ghatsila Assembly seat is on Monday.", []),  # a constituency: a place
    ("a report to the Bucharest stock exchange showed", []),  # lower case: no name
])
def test_a_place_and_an_institution_make_one_organisation(text: str, found: list[str]) -> None:
    assert [name for name, _, _ in institutions(text)] == found


@pytest.mark.parametrize(("text", "found"), [
    ("He named the goons of RJD supremo Lalu Prasad.", ["RJD"]),
    ("It was passed by the former UPA government.", ["UPA"]),
    ("He will quit the MG Party soon.", ["MG Party"]),
    ("The CM said the FIR was filed.", []),  # a title and a document
    ("The US government said so.", []),  # a place
])
def test_an_acronym_used_as_a_body_is_an_organisation(text: str, found: list[str]) -> None:
    assert [name for name, _, _ in acronyms_in_use(text)] == found


@pytest.mark.parametrize(("text", "found"), [
    ("The commander told Reuters by telephone.", ["Reuters"]),
    ("Interfax news agency said the talks failed.", ["Interfax"]),
    ("Ajmal told IANS he would win.", ["IANS"]),
    ("He told the court he was innocent.", []),
])
def test_an_agency_the_copy_cites_is_named(text: str, found: list[str]) -> None:
    assert [name for name, _, _ in cited_agencies(text)] == found


from generator.wire.entities import Lexicon, Story  # noqa: E402
from generator.wire.extract import extract  # noqa: E402


def _orgs_places(text: str) -> tuple[set[str], set[str]]:
    found = extract(Story((text,)), Lexicon())
    return set(found.organisations), set(found.places)


def test_a_portfolio_before_a_title_is_no_organisation() -> None:
    orgs, _ = _orgs_places("Union Home Minister Amit Shah met Tribal Welfare Minister Rekha Devi in Patna.")
    assert not {"Union Home", "Tribal Welfare"} & orgs


def test_a_state_unit_of_a_party_is_the_party() -> None:
    orgs, _ = _orgs_places("J-K BJP President Ravinder Raina and State BJP leaders met in Jammu on Monday.")
    assert "BJP" in orgs
    assert not {"J-K BJP", "State BJP"} & orgs


def test_a_place_inside_an_organisation_s_name_is_no_place() -> None:
    orgs, places = _orgs_places("The Bombay High Court on Monday dismissed the plea, lawyers said.")
    assert "Bombay High Court" in orgs
    assert not {"Bombay", "Mumbai"} & places


def test_a_place_inside_a_person_s_name_is_no_place() -> None:
    found = extract(Story(("Trinamool MP Kalyan Banerjee said on Monday that the party would win.",)),
                    Lexicon())
    assert "Kalyan Banerjee" in found.people
    assert "Kalyan" not in found.places


@pytest.mark.parametrize(("text", "word", "kind"), [
    ("Cases were registered at Kamothe, Nerul and Sanpada last year.", "Sanpada", "place"),
    ("Cases were registered at Kamothe, Nerul and Sanpada last year.", "Nerul", "place"),
    ("Shares of Comelf rose on Friday.", "Comelf", "org"),
])
def test_a_word_the_model_calls_a_body_is_a_place_in_a_list_after_in(text: str, word: str, kind: str) -> None:
    from generator.wire.mentions import _organisation

    start = text.index(word)
    assert [m.kind for m in _organisation(text, start, start + len(word), word, "ORG")] == [kind]


@pytest.mark.parametrize(("text", "found"), [
    ("The plant will cost $4 billion, the China Daily said on Saturday.", ["China Daily"]),
    ("He was quoted by the daily Sueddeutsche Zeitung on Saturday.", ["Sueddeutsche Zeitung"]),
    ("An editorial in party mouthpiece Saamana attacked him.", ["Saamana"]),
    ("The story ran in Britain's Sun newspaper.", []),
    ("Rates will rise, the Treasury said.", []),  # no newspaper's word
])
def test_a_newspaper_the_copy_quotes_is_an_organisation(text: str, found: list[str]) -> None:
    assert [name for name, _, _ in newspapers(text)] == found
