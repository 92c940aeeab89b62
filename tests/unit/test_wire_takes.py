"""Takes of one story: shingles, MinHash candidates checked on the text, and editors' splits."""

from __future__ import annotations

import datetime as dt

from generator.duplicates import distinct_titles
from generator.wire.takes import Take, group_takes, shingles

STORY = ("The Reserve Bank of India kept its repo rate at 6.5 per cent on Friday and said inflation "
         "would ease in the second half of the year as vegetable prices fall. Governor Shaktikanta Das "
         "said the central bank would stay watchful of food prices and global oil.")
OTHER = ("Police in Lucknow arrested three men on Friday for running a fake recruitment racket that "
         "cheated two hundred job seekers of their savings, a senior officer said in the evening.")
DAY = dt.date(2025, 11, 7)


def take(name: str, text: str, day: dt.date = DAY, agency: str = "IANS") -> Take:
    return Take(name, agency, day, text.split(". ")[0], text)


def test_shingles_are_five_words_and_ignore_case_and_punctuation() -> None:
    assert shingles("One, two three four FIVE six.") == {"one two three four five", "two three four five six"}
    assert shingles("Too short") == {"too short"}


def test_a_cut_take_and_a_copy_edit_are_one_story() -> None:
    cut = STORY.split(" Governor")[0]
    edited = STORY.replace("kept its repo rate", "held its repo rate")
    assert group_takes([take("a", STORY), take("b", cut), take("c", edited), take("d", OTHER)]) == [[0, 1, 2], [3]]


def test_only_one_agency_a_day_apart_at_most() -> None:
    takes = [take("a", STORY), take("b", STORY, DAY + dt.timedelta(days=1)),
             take("c", STORY, DAY + dt.timedelta(days=3)), take("d", STORY, agency="PTI")]
    assert group_takes(takes) == [[0, 1], [2], [3]]


def test_takes_an_editor_told_apart_stay_apart() -> None:
    takes = [take("a", STORY), take("b", STORY + " More."), take("c", STORY + " Even more.")]
    assert group_takes(takes, {frozenset(("a", "c"))}) in ([[0, 1], [2]], [[0], [1, 2]])


def test_same_headlines_of_a_day_are_told_apart() -> None:
    taken = {(DAY, "bridge to be rebuilt"): "Lucknow"}
    titles = distinct_titles(["Bridge to be rebuilt", "Bridge to be rebuilt", "Bridge to be rebuilt", "Rates held"],
                             ["Patna", "Lucknow", "Lucknow", "Mumbai"], [DAY, DAY, DAY + dt.timedelta(days=1), DAY],
                             taken)
    assert titles == ["Bridge to be rebuilt (Patna)", "Bridge to be rebuilt (second story)",
                      "Bridge to be rebuilt", "Rates held"]
