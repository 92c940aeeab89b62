"""A lone surname takes the one full name the archive knows for it."""

from __future__ import annotations

from collections import Counter

import pytest

from generator.surnames import full_names, story_counts, with_full_names
from generator.wire.entities import Entities


@pytest.mark.parametrize("known, batches, person, expected", [
    (("Ronald Reagan",), [], "Reagan", "Ronald Reagan"),                        # the registry knows him
    ((), [["Ronald Reagan"], ["Ronald Reagan", "Baker"]], "Reagan", "Ronald Reagan"),  # two stories agree
    ((), [["Ronald Reagan"]], "Reagan", "Reagan"),                             # one story is not enough
    (("James Baker", "Howard Baker"), [], "Baker", "Baker"),                   # two owners: leave it
    (("Ronald Reagan",), [], "Ronald", "Ronald"),                              # a given name is not a surname
    (("Ronald Reagan",), [], "reagan", "Ronald Reagan"),                       # case folded
])
def test_a_lone_surname_takes_its_single_owner(known, batches, person, expected) -> None:
    owners = full_names(known, story_counts(batches))
    assert with_full_names(Entities(people=(person,)), owners).people == (expected,)


def test_a_merged_name_is_not_listed_twice() -> None:
    owners = full_names(("Azam Khan",), Counter())
    entities = Entities(people=("Azam Khan", "Khan", "Akhilesh Yadav"), places=("Lucknow",))
    merged = with_full_names(entities, owners)
    assert merged.people == ("Azam Khan", "Akhilesh Yadav") and merged.places == ("Lucknow",)
