"""Tests of registry.yaml: parsing and checking, the lexicon it gives, and how it grows."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_story
from generator.registry import (HEADER, Registry, RegistryError, additions, dump_registry,
                                grow_registry, grown, load_registry, parse_registry, with_registry)
from generator.wire.entities import Lexicon, Story
from generator.wire.extract import extract

GOOD = """\
# editors' notes
people:
  Shivraj Singh Chouhan: [Chouhan, Mama]
  Zorawar Tlau:
places:
  Sehore: []
organisations:
  Samajwadi Party: [SP]
not_people: [Tracxn]
"""


def test_parse_good_registry() -> None:
    reg = parse_registry(GOOD)
    assert reg.people == {"Shivraj Singh Chouhan": ("Chouhan", "Mama"), "Zorawar Tlau": ()}
    assert reg.places == {"Sehore": ()}
    assert reg.organisations == {"Samajwadi Party": ("SP",)}
    assert reg.not_people == ("Tracxn",)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "people:\n"])
def test_empty_registry(text: str) -> None:
    assert parse_registry(text) == Registry()


BAD = [
    # text, line, words the message must hold
    ("people:\n  A B: [x\n", 3, "not valid YAML"),
    ("people: [Amit Shah]\n", 1, "must map each name"),
    ("people:\n  Amit Shah: Shah\n", 2, "must be a list"),
    ("persons:\n  Amit Shah: []\n", 1, "unknown section 'persons'"),
    ("people:\n  Amit Shah: [Shah]\n  Amit Shah: []\n", 3, "listed twice"),
    ("people:\n  Amit Shah: [Shah]\n  Anil Shah: [Shah]\n", 3, "listed twice"),
    ("people:\n  Amit Shah: [12]\n", 2, "'12' is not an alias"),
    ("people:\n  Bihar: []\nplaces:\n  Bihar: []\n", 4, "in both people and places"),
    ("people:\n  Amit Shah: []\nnot_people: [Amit Shah]\n", 3, "people and not_people"),
    ("- just a list\n", 1, "must be a mapping"),
    ("people: {}\npeople: {}\n", 2, "set twice"),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD)
def test_bad_registry_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(RegistryError) as info:
        parse_registry(text)
    message = str(info.value)
    assert message.startswith(f"registry.yaml:{line}: "), message
    assert words in message


def test_missing_file_is_empty(tmp_path: Path) -> None:
    assert load_registry(tmp_path) == Registry()


def test_lexicon_keeps_config_aliases_first() -> None:
    base = Lexicon(aliases={"Mama": "Someone Else"}, banned=frozenset({"x"}))
    lex = with_registry(base, parse_registry(GOOD))
    assert lex.people == ("Shivraj Singh Chouhan", "Zorawar Tlau")
    assert lex.organisations == ("Samajwadi Party",) and lex.places == ("Sehore",)
    assert lex.aliases["Chouhan"] == "Shivraj Singh Chouhan" and lex.aliases["SP"] == "Samajwadi Party"
    assert lex.aliases["Mama"] == "Someone Else"  # config.yaml wins
    assert lex.not_people == frozenset({"Tracxn"}) and lex.banned == frozenset({"x"})


# --- the extractor honours the lexicon ----------------------------------------------------------

LEX = with_registry(Lexicon(), parse_registry(GOOD))


def test_alias_alone_is_the_known_person() -> None:
    found = extract(Story(("Mama addressed farmers in Sehore on Monday. The crowd cheered.",)), LEX)
    assert found.people == ("Shivraj Singh Chouhan",)
    assert "Sehore" in found.places


def test_unusual_known_name_is_a_person_and_acronym_is_the_org() -> None:
    found = extract(Story(("Zorawar Tlau met SP workers in Bhopal. Chouhan was absent.",)), LEX)
    assert found.people == ("Zorawar Tlau", "Shivraj Singh Chouhan")
    assert "Samajwadi Party" in found.organisations and "SP" not in found.organisations


def test_not_people_are_never_people() -> None:
    text = ("Rahul Verma said funding fell in the quarter. Rahul Verma tracks startups.",)
    assert extract(Story(text), Lexicon()).people == ("Rahul Verma",)
    lex = with_registry(Lexicon(), parse_registry("not_people: [rahul verma]\n"))
    assert extract(Story(text), lex).people == ()


# --- growing ----------------------------------------------------------------------------------

def stories(root: Path, people_per_story: list[list[str]], edited_people: list[str] = ()) -> Path:
    """Write stamped (unedited) stories with these people, and one edited story; return articles/."""
    from generator import frontmatter

    for i, people in enumerate(people_per_story):
        path = write_story(root, slug=f"s{i}", people=people, source={"file": f"s{i}.txt", "sha256": "0"})
        path.write_text(frontmatter.stamp(path.read_text(encoding="utf-8")), encoding="utf-8")
    if edited_people:
        write_story(root, slug="edited", people=list(edited_people), places=["Sehore"])  # unstamped: edited
    return root / "content" / "articles"


def test_the_extractor_alone_never_grows_the_registry(tmp_path: Path) -> None:
    articles = stories(tmp_path, [["Asha Rani", "Dow Jones"]] * 5)  # repeated, but nobody checked it
    assert additions(Registry(), articles) == {}


def test_edited_story_names_are_confirmed(tmp_path: Path) -> None:
    articles = stories(tmp_path, [], edited_people=["Kiran Rao", "Tracxn"])
    reg = parse_registry(GOOD)
    assert additions(reg, articles) == {"people": ["Kiran Rao"]}  # Sehore known, Tracxn not a person
    assert additions(Registry(), articles, banned=["kiran rao"]) == {"people": ["Tracxn"], "places": ["Sehore"]}


def test_grow_keeps_editors_entries_and_order(tmp_path: Path) -> None:
    (tmp_path / "registry.yaml").write_text("people:\n  Zorawar Tlau: [Tlau]\n  Amit Shah: []\n")
    articles = stories(tmp_path, [["Asha Rani"]] * 3, edited_people=["Mala Sen", "Dev Roy"])
    assert grow_registry(tmp_path, articles) == ["Dev Roy", "Mala Sen", "Sehore"]
    text = (tmp_path / "registry.yaml").read_text()
    assert text.startswith(HEADER) and "comments" in HEADER
    reg = load_registry(tmp_path)
    assert list(reg.people) == ["Zorawar Tlau", "Amit Shah", "Dev Roy", "Mala Sen"]
    assert reg.people["Zorawar Tlau"] == ("Tlau",)
    assert grow_registry(tmp_path, articles) == []  # nothing new: the file is left alone
    assert (tmp_path / "registry.yaml").read_text() == text


def test_dump_round_trips() -> None:
    reg = grown(parse_registry(GOOD), {"people": ["Asha Rani"]})
    assert parse_registry(dump_registry(reg)) == reg
    assert dump_registry(reg) == dump_registry(parse_registry(dump_registry(reg)))
