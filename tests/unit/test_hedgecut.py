"""Tests for what a cut leaves open, and for who a subject is, on parses of short sentences."""

from __future__ import annotations

from generator.wire.clause import main_verb
from generator.wire.hedgecut import unfinished
from generator.wire.syntax import parse
from generator.wire.tense import is_plural


def test_object_of_a_verb_of_putting_needs_its_place() -> None:
    doc = parse("The long strike puts the whole port in a state of chaos")
    assert doc[6].text == "port" and unfinished(doc, list(range(7))) == 6


def test_noun_before_its_ing_half_is_open() -> None:
    doc = parse("A court jailed the old sailor for drugs trafficking after a trial")
    kept = [t.i for t in doc[:8]]
    assert doc[7].text == "drugs" and unfinished(doc, kept) == 7


def test_list_in_a_description_makes_one_name() -> None:
    doc = parse("Italian paint and cables giant Vetrano announced its long-awaited move into Brazil with a joint venture")
    assert not is_plural(main_verb(doc))
    assert is_plural(main_verb(parse("The union and Tomas Okonkwo announced a strike")))
