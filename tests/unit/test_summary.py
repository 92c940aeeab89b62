"""Tests for sentence splitting and the lede summary."""

from __future__ import annotations

import pytest

from generator.wire.sentences import is_noise, lede_paragraph, split_sentences
from generator.wire.summary import MAX_SUMMARY, clip, summary


@pytest.mark.parametrize("text, first", [
    ("Mr. Rao met Dr. Iyer at St. Mary's. They talked.", "Mr. Rao met Dr. Iyer at St. Mary's."),
    ("Exports to the U.S. and U.K. rose. Imports fell.", "Exports to the U.S. and U.K. rose."),
    ("Sales rose in the U.S. The rest of the world lagged.", "Sales rose in the U.S."),
    ("Acme Corp. and Widget Inc. agreed a deal. Shares rose.", "Acme Corp. and Widget Inc. agreed a deal."),
    ("The vote is on Nov. 7 in Ward No. 4. Polls open early.", "The vote is on Nov. 7 in Ward No. 4."),
    ("M.K. Stalin met J. P. Morgan staff. Talks went well.", "M.K. Stalin met J. P. Morgan staff."),
    ("Prices rose 5.93 pct in May. Traders were surprised.", "Prices rose 5.93 pct in May."),
    ("The match begins at 9 a.m. Monday in Pune. Tickets are sold out.",
     "The match begins at 9 a.m. Monday in Pune."),
    ("Delhi vs. Mumbai ended level. Fans left happy.", "Delhi vs. Mumbai ended level."),
    ('He said: "We will win." Then he left.', 'He said: "We will win."'),
    ("She said: “We will win.” Then she left.", "She said: “We will win.”"),
    ("Is it over? Nobody knows.", "Is it over?"),
    ("No full stop at all", "No full stop at all"),
])
def test_split_sentences_first(text: str, first: str) -> None:
    assert split_sentences(text)[0] == first


def test_split_sentences_counts_all() -> None:
    assert len(split_sentences("One went. Two went. Three went.")) == 3


@pytest.mark.parametrize("paragraph", [
    "Follow us on Image Source : TWITTER Some caption here",
    "By Staff Reporter",
    "12 March 2024 10:15 IST",
    "Chief Minister Ravi Kumar | Photo: Agency",
    "",
])
def test_noise_paragraphs(paragraph: str) -> None:
    assert is_noise(paragraph)


def test_lede_skips_noise_and_labels() -> None:
    paragraphs = ("Follow us on Image Source : AGENCY caption", "By Express News Service",
                  "PUNE: The city council approved a new bus route on Monday after a long debate.")
    assert lede_paragraph(paragraphs).startswith("The city council approved")


def test_summary_is_first_sentence() -> None:
    paragraphs = ("The council approved the budget on Monday. It takes effect in April.", "More.")
    assert summary(paragraphs) == "The council approved the budget on Monday."


def test_summary_cuts_long_sentence_at_word() -> None:
    lede = "The committee " + "reviewed another long list of proposals " * 20 + "today."
    text = summary((lede,))
    assert len(text) <= MAX_SUMMARY and text.endswith("…")
    assert lede.startswith(text[:-1]) and not text[:-1].endswith((" ", ","))


@pytest.mark.parametrize("paragraphs", [(), ("",), ("   ",), ("x" * 1000,), ("...",), ("“",)])
def test_summary_odd_input_never_crashes(paragraphs: tuple[str, ...]) -> None:
    assert len(summary(paragraphs)) <= MAX_SUMMARY


def test_clip_short_text_unchanged() -> None:
    assert clip("Short text.", 300) == "Short text."


@pytest.mark.parametrize("paragraph, expected", [
    ("MALE Indian football team beat Nepal 3-0 in the final.", "Indian football team beat Nepal 3-0 in the final."),
    ("PORT BLAIR The island council opened the new bridge.", "The island council opened the new bridge."),
    ("AMAX Corp said it sold a mine.", "AMAX Corp said it sold a mine."),
    ("BJP Jharkhand president Babulal Marandi spoke to reporters.",
     "BJP Jharkhand president Babulal Marandi spoke to reporters."),
    ("OPEC has reaffirmed its commitment to fixed prices.", "OPEC has reaffirmed its commitment to fixed prices."),
])
def test_caps_dateline_is_stripped(paragraph: str, expected: str) -> None:
    assert lede_paragraph([paragraph]) == expected
