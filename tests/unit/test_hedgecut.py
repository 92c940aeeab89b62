"""Tests for parse-and-trim on parses of short sentences: what a cut leaves open, who the subject is,
which phrases may go and in what steps."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.wire.clause import main_verb
from generator.wire.compress import reported
from generator.wire.hedge import LISTED, plan
from generator.wire.hedgecut import bare_names, description_steps, unfinished
from generator.wire.ledetext import parseable
from generator.wire.syntax import model, parse
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


def test_a_verb_with_its_particle_is_not_a_verb_of_putting() -> None:
    doc = parse("The rebels set up a new government in the north")
    assert unfinished(doc, list(range(7))) is None


def test_descriptions_go_one_name_at_a_time() -> None:
    doc = parse("Olympic champion Kenny Harrison and world record holder Jonathan Edwards will both run in Kell")
    steps = [sorted(doc[i].text for i in gone) for gone in description_steps(doc, list(range(len(doc))))]
    assert steps == [["Olympic", "champion"], ["Olympic", "champion", "holder", "record", "world"]]


def test_a_description_goes_with_the_name_inside_it() -> None:
    doc = parse("Riverton City coach Tom Akers praised his players after the game")
    assert [doc[i].text for i in bare_names(doc, list(range(5)))] == ["Tom", "Akers"]


def test_an_adjective_read_as_the_subject_yields_to_a_named_clause() -> None:
    words = "Danish listed port operator Kelco said it doubled output".split()
    heads = [1, 1, 3, 1, 5, 1, 7, 5, 7]
    deps = ["nsubj", "ROOT", "compound", "dobj", "nsubj", "conj", "nsubj", "ccomp", "dobj"]
    tags = ["JJ", "VBD", "NN", "NN", "NNP", "VBD", "PRP", "VBD", "NN"]
    pos = ["ADJ", "VERB", "NOUN", "NOUN", "PROPN", "VERB", "PRON", "VERB", "NOUN"]
    lemmas = ["danish", "list", "port", "operator", "Kelco", "say", "it", "double", "output"]
    doc = Doc(model().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    assert main_verb(doc).text == "said"


def test_an_item_owned_by_the_name_before_it_is_a_second_item() -> None:
    words = "A goal saved the blushes of Akers and his team".split()
    heads = [1, 2, 2, 4, 2, 4, 5, 6, 9, 6]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "cc", "poss", "conj"]
    tags = ["DT", "NN", "VBD", "DT", "NNS", "IN", "NNP", "CC", "PRP$", "NN"]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "PRON", "NOUN"]
    lemmas = ["a", "goal", "save", "the", "blush", "of", "Akers", "and", "his", "team"]
    doc = Doc(model().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    chosen = plan(doc, doc[2])
    assert any(rank == LISTED and {7, 8, 9} <= group for rank, _, group in chosen.optional)
    assert 9 not in chosen.keep


def test_a_clause_that_opens_on_its_speaker_is_not_moved_before_it() -> None:
    doc = parse("The Harbour Group said its venture was granted a new concession in the north")
    assert reported(main_verb(doc)) is None
    doc = parse("The union said government troops were shelling the town")
    assert reported(main_verb(doc)).text == "shelling"


def test_a_time_phrase_that_is_a_clause_subject_stays() -> None:
    assert "next week would" in parseable("Traders forecast on Friday that next week would not be much better.")
    assert "next week" not in parseable("Traders will meet the minister next week.")


def test_a_capitalised_verb_after_initials_is_lowered_and_a_year_after_of_stays() -> None:
    assert parseable("Kenya and the U.S. Have signed a new trade pact, officials said.") == \
        "Kenya and the U.S. have signed a new trade pact"
    assert parseable("The minister said his term ends at the end of this year.").endswith("end of this year")
