"""Tests for the pinned language model as ingest uses it: the parse that headlines read."""

from __future__ import annotations

from generator.wire.entities import Entities, Story
from generator.wire.headline import headline
from generator.wire.syntax import parse


def test_a_regular_verb_ending_in_e_keeps_its_e_in_the_lemma() -> None:
    # spaCy 3.8.8 and later lemmatise "staged" as "stag" (3.8.7, pinned, says "stage")
    doc = parse("The dock workers staged a walkout at the northern harbour.")
    assert [t.lemma_ for t in doc if t.text == "staged"] == ["stage"]


def test_a_headline_puts_such_a_verb_in_the_present_whole() -> None:
    lede = "Dock workers in Riverton staged a long walkout over pay at the northern harbour."
    assert headline(Story((lede,)), Entities()).startswith("Dock workers in Riverton stage ")
