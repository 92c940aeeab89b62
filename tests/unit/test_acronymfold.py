"""An acronym becomes the name it stands for across the archive."""

from __future__ import annotations

from collections import Counter

from generator.acronymfold import expansions, name_counts, with_expansions
from generator.wire.entities import Entities


def _archive() -> list[Entities]:
    return [
        Entities(people=("K. T. Rama Rao",), organisations=("Bharat Rashtra Samithi",)),
        Entities(people=("K. T. Rama Rao", "Revanth Reddy"), organisations=("Bharat Rashtra Samithi", "Congress")),
        Entities(people=(), organisations=("BRS", "KTR")),
    ]


def test_an_acronym_takes_the_recurring_name_it_stands_for() -> None:
    table = expansions(*name_counts(_archive()))
    folded = with_expansions(_archive()[2], table)
    assert folded.organisations == ("Bharat Rashtra Samithi",)
    assert folded.people == ("K. T. Rama Rao",)  # a person's initials: out of the organisations


def test_a_name_in_one_story_only_is_not_enough() -> None:
    table = expansions(Counter({"Bharat Rashtra Samithi": 1}), Counter())
    assert "brs" not in table


def test_a_known_name_is_enough() -> None:
    table = expansions(Counter(), Counter(), known_orgs=("Samajwadi Party",))
    assert with_expansions(Entities(organisations=("SP",)), table).organisations == ("Samajwadi Party",)


def test_two_names_with_the_same_initials_fold_nothing() -> None:
    orgs = Counter({"Bharat Rashtra Samithi": 2, "Bahujan Rashtriya Sangh": 2})
    table = expansions(orgs, Counter())
    assert with_expansions(Entities(organisations=("BRS",)), table).organisations == ("BRS",)
