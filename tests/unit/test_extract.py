"""Tests of the entity extractor: short hand-written texts, one rule each, plus the real seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS

from generator.wire.entities import Entities, Lexicon, Story
from generator.wire.extract import extract, extract_many
from generator.wire.names import fuller, merge_people, person_name
from generator.wire.parse import parse_seed
from generator.wire.acronyms import defined_acronyms

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_27c04b6d610372fb.txt"
WIRE = CORPUS / "wire"


def story(*paragraphs: str, city: str | None = None, agency: str | None = None) -> Story:
    """Build a story from paragraphs."""
    return Story(tuple(paragraphs), city, agency)


def seed_story(path: Path) -> Story:
    """Parse a seed file into a Story."""
    seed, _ = parse_seed(path.read_bytes(), path.name)
    line = seed.dateline
    return Story(seed.paragraphs, line.city if line else None, line.agency if line else None)


def folded(names: tuple[str, ...]) -> set[str]:
    """Return names case-folded."""
    return {n.casefold() for n in names}


# --- the real seed -----------------------------------------------------------------------------

def test_seed_people_exactly_in_order() -> None:
    found = extract(seed_story(SEED), Lexicon())
    assert found.people == ("Azam Khan", "Akhilesh Yadav")


def test_seed_places_orgs_and_tags() -> None:
    found = extract(seed_story(SEED), Lexicon())
    assert {"Lucknow", "Rampur", "Bihar"} <= set(found.places)
    assert "Samajwadi Party" in found.organisations
    assert "SP" not in found.organisations and "IANS" not in found.organisations
    assert {"Samajwadi Party", "Bihar Assembly elections"} <= set(found.tags)
    assert len(found.tags) <= 8


def test_seed_lexicon_alias_and_banned() -> None:
    lexicon = Lexicon(aliases={"Akhilesh Yadav": "Akhilesh Singh Yadav"}, banned=frozenset({"rampur"}))
    found = extract(seed_story(SEED), lexicon)
    assert found.people == ("Azam Khan", "Akhilesh Singh Yadav")
    assert "Rampur" not in found.places and "Lucknow" in found.places


# --- one rule per case ---------------------------------------------------------------------------

PEOPLE_CASES = [
    # (text, expected people exactly, in order)
    ("Chief Minister Yogi Adityanath inaugurated the new bridge in Gorakhpur on Monday.",
     ("Yogi Adityanath",)),
    ("Union Home Minister Amit Shah's rally drew a large crowd in Patna, officials said.",
     ("Amit Shah",)),
    ("Shivraj Singh Chouhan addressed farmers in Sehore. Later, Mr Chouhan said the scheme would "
     "continue. Chouhan also met officials.", ("Shivraj Singh Chouhan",)),
    ("DMK president M.K. Stalin said the state would oppose the move.", ("M.K. Stalin",)),
    ("Collector PVSN Raju said the roads in Vijayawada would reopen.", ("PVSN Raju",)),
    ("The procession moved along Vikramaditya Marg and reached Gandhi Bhavan by noon.", ()),
    ("The Samajwadi Party and the Bharatiya Janata Party traded charges on Tuesday.", ()),
    ("Justice Rekha Menon of the Madras High Court dismissed the petition on Friday.",
     ("Rekha Menon",)),
    ("Chandan Pillai, 32, was arrested by the Kochi police on Sunday.", ("Chandan Pillai",)),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE_CASES)
def test_people(text: str, expected: tuple[str, ...]) -> None:
    assert extract(story(text), Lexicon()).people == expected


def test_road_party_court_festival_never_people() -> None:
    text = ("Crowds gathered on Netaji Subhas Road for Durga Puja while the Rashtriya Lok Dal and "
            "the Allahabad High Court were closed. Kavita Rao said traffic was diverted.")
    found = extract(story(text), Lexicon())
    assert found.people == ("Kavita Rao",)


def test_acronym_in_brackets_folds_into_full_name() -> None:
    text = ("The Rashtriya Janata Dal (RJD) announced its candidates. The RJD said more names would "
            "follow, and RJD workers celebrated in Patna.")
    found = extract(story(text), Lexicon())
    assert "Rashtriya Janata Dal" in found.organisations
    assert "RJD" not in found.organisations
    assert "Rashtriya Janata Dal" in found.tags


def test_lexicon_alias_maps_any_type() -> None:
    text = "The SP held a meeting in Lucknow where Priya Sharma said the party would contest."
    lexicon = Lexicon(aliases={"SP": "Samajwadi Party"}, organisations=("Samajwadi Party",))
    found = extract(story(text), lexicon)
    assert found.organisations == ("Samajwadi Party",)
    assert "Samajwadi Party" in found.tags


def test_lexicon_known_names_get_their_type() -> None:
    text = "Nandigram Rao met traders at Kalyanpuri before he left for Zorbanagar."
    lexicon = Lexicon(people=("Nandigram Rao",), places=("Kalyanpuri", "Zorbanagar"))
    found = extract(story(text), lexicon)
    assert found.people == ("Nandigram Rao",)
    assert {"Kalyanpuri", "Zorbanagar"} <= set(found.places)


def test_banned_terms_never_appear() -> None:
    text = "Rahul Verma met Anita Desai in Mumbai, officials said."
    found = extract(story(text), Lexicon(banned=frozenset({"anita desai", "MUMBAI"})))
    assert found.people == ("Rahul Verma",)
    assert "Mumbai" not in found.places


def test_the_story_s_own_agency_is_not_an_organisation() -> None:
    text = "Senior Congress leader Rajesh Kumar told PTI that the alliance would hold. (PTI)"
    found = extract(story(text, city="Patna", agency="PTI"), Lexicon())
    assert "pti" not in folded(found.organisations)  # it stays in agency:
    assert "Patna" in found.places


def test_another_agency_the_copy_cites_is_an_organisation() -> None:
    text = "Senior Congress leader Rajesh Kumar told PTI that the alliance would hold. IANS reported the same."
    found = extract(story(text, city="Patna", agency="PTI"), Lexicon())
    assert "ians" in folded(found.organisations)
    assert "pti" not in folded(found.organisations)


def test_an_agency_named_only_as_a_credit_is_not_an_organisation() -> None:
    found = extract(story("Chief Minister Bhupesh Baghel | Photo: PTI. He spoke in Raipur."), Lexicon())
    assert "pti" not in folded(found.organisations)


def test_dateline_city_is_a_place() -> None:
    found = extract(story("Officials said the meeting ended.", city="Bhopal"), Lexicon())
    assert found.places == ("Bhopal",)


def test_possessive_and_title_stripped_for_places_too() -> None:
    found = extract(story("Kerala's Chief Minister Pinarayi Vijayan said Kerala's roads were repaired."), Lexicon())
    assert found.people == ("Pinarayi Vijayan",)
    assert found.places == ("Kerala",)


def test_extract_many_keeps_order_and_matches_extract() -> None:
    stories = [story("Akhil Menon said Delhi was cold."), story("Rina Das met officials in Goa.")]
    many = extract_many(stories, Lexicon())
    assert many == [extract(s, Lexicon()) for s in stories]
    assert isinstance(many[0], Entities)


# --- pure helpers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("span", "name"), [
    ("Chief Minister Yogi Adityanath", "Yogi Adityanath"),
    ("Azam Khan's", "Azam Khan"),
    ("TN BJP president K Annamalai", "K Annamalai"),
    ("Vikramaditya Marg", None),
    ("Samajwadi Party", None),
    ("Lucknow", None),
])
def test_person_name(span: str, name: str | None) -> None:
    assert person_name(span)[0] == name


def test_surname_merge_and_ambiguity() -> None:
    assert fuller("Chouhan", "Shivraj Singh Chouhan")
    assert fuller("Vijay Sinha", "Vijay Kumar Sinha")
    assert not fuller("Sinha", "Sinha")
    merged = merge_people(["Tejashwi Yadav", "Akhilesh Yadav", "Yadav", "Tejashwi"])
    assert merged["Tejashwi"] == "Tejashwi Yadav"
    assert merged["Yadav"] == ""  # two Yadavs: ambiguous, dropped


def test_defined_acronyms() -> None:
    assert defined_acronyms("Senior Samajwadi Party (SP) leader") == {"SP": "Samajwadi Party"}
    assert defined_acronyms("the Committee on Tribal Unity (COTU)") == {"COTU": "Committee on Tribal Unity"}


def test_import_does_not_load_spacy() -> None:
    code = "import sys, generator.wire.extract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the wire corpus (skipped when absent) -------------------------------------------------------

@pytest.mark.skipif(not WIRE.is_dir(), reason=f"optional corpus {WIRE} is absent")
def test_wire_stories_give_sensible_entities() -> None:
    paths = sorted(WIRE.glob("*.txt"))[:60]
    found = extract_many([seed_story(p) for p in paths], Lexicon(), processes=2)
    assert len(found) == len(paths)
    people = [p for e in found for p in e.people]
    assert people and all(not p.endswith("'s") for p in people)
    assert not any(o.casefold() == "reuters" for e in found for o in e.organisations)
    assert all(len(e.tags) <= 8 for e in found)


# --- context rules for people (generator.wire.personrules) ------------------------------------

from generator.wire.personrules import (bracketed_surname, closes_quote, country_possessive,  # noqa: E402
                                        listed_after_plural, unlikely_person)


def test_names_listed_after_a_plural_title() -> None:
    text = "Senior civil police officers Anilraj, Thommen, Pradeep and Lalitha made the arrest."
    assert [n for n, _, _ in listed_after_plural(text)] == ["Anilraj", "Thommen", "Pradeep", "Lalitha"]
    for name, start, end in listed_after_plural(text):
        assert text[start:end] == name
    assert list(listed_after_plural("The officers Gandhi Road and Patna Junction were closed.")) == []


def test_bracketed_surname() -> None:
    text = "The move by Ravindra (Singh), Bikash (Fernandes) and Lucknow (Uttar Pradesh) was good."
    assert [n for n, _, _ in bracketed_surname(text)] == ["Ravindra Singh", "Bikash Fernandes"]


def test_country_possessive_names_a_person() -> None:
    text = "He lost to Czech Republic's Tomas Vlasek in Doha, and to Kenya's Julius Yego Stadium crowd."
    assert [n for n, _, _ in country_possessive(text)] == ["Tomas Vlasek"]


def test_vetoes_for_model_people() -> None:
    text = "The match at the Vivekananda Yuba Bharati Krirangan drew a crowd."
    start = text.index("Yuba")
    assert unlikely_person(text, start, text.index(" drew"))
    text = "his collection in Telugu Godavari Kathalu won"
    assert unlikely_person(text, text.index("Godavari"), text.index(" won"))
    text = "Minister Ramesh Rao spoke."
    assert not unlikely_person(text, text.index("Ramesh"), text.index(" spoke"))
    slogan = "her slogan 'Jeetenge Hum Sab' was mocked, and Shah's reply too."
    assert closes_quote(slogan, slogan.index("' was"))
    assert not closes_quote(slogan, slogan.index("'s reply"))


CONTEXT_CASES = [
    # a title, then a comma: an apposition to the person before, not a title of the next name
    ("Funding fell, said Abhishek Goyal, Co-Founder, Zentrix. The firm tracks young companies.",
     ("Abhishek Goyal",)),
    # a lower-case title with commas still names the person
    ("The gang assaulted the victim, Romeo, near the bridge. Romeo was treated in hospital.",
     ("Romeo",)),
    # a title inside an institution's name is no person
    ("Work on the Sri Guru Teg Bahadur Law University in Kairon stopped, Pankaj Mehta said.",
     ("Pankaj Mehta",)),
    # the model cuts 'Wayanad MP Priyanka'; the fuller name wins
    ("BJP spokesperson Shehzad Poonawalla questioned Wayanad MP Priyanka Gandhi Vadra on Monday.",
     ("Shehzad Poonawalla", "Priyanka Gandhi Vadra")),
]


@pytest.mark.parametrize(("text", "expected"), CONTEXT_CASES)
def test_people_in_context(text: str, expected: tuple[str, ...]) -> None:
    assert extract(story(text), Lexicon()).people == expected
