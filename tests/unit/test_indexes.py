"""Indexes split by letter and by page, with a twin of the names in two or more stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import DEFAULT_PERMALINKS, Config
from generator.indexes import (Entry, IndexPage, entries, filter_links, index_context, index_pages, index_title,
                               index_url, letter_code)
from generator.models import Term
from generator.taxonomy import fold, index_letter, sort_key
from generator.urls import Urls

URLS = Urls("https://user.github.io/digest/", DEFAULT_PERMALINKS)
CONFIG = Config(root=Path("."), title="Wire Digest", base_url="https://user.github.io/digest/")


def term(name: str, count: int = 1, kind: str = "person") -> Term:
    """Return a term NAME in COUNT stories, the newest on the 7th."""
    slug = fold(name).replace(" ", "-").replace(".", "")
    return Term(kind, slug, name, tuple(f"2025/11/{7 - i:02d}/s{i}" for i in range(count)), sort_key(kind, name))


def entry(name: str, count: int = 1, letter: str | None = None) -> Entry:
    """Return an index entry for NAME."""
    return Entry(name, fold(name).replace(" ", "-"), count, letter or index_letter(fold(name)), "2025-11-07")


def newest(key: str) -> str:
    """Return a story's time from its key, as the build's lookup does."""
    return key[:10].replace("/", "-")


@pytest.mark.parametrize("key, letter", [
    ("khan azam", "K"), ("éric", "E"), ("ōsaka", "O"), ("ßtraße", "S"), ("æon", "A"),
    ("2g case", "#"), ("मुंबई", "#"), ("москва", "#"), ("", "#"), ("'t hooft", "#"),
])
def test_index_letter_files_latin_letters_under_a_to_z_and_the_rest_under_other(key, letter):
    assert index_letter(key) == letter


def test_entries_go_letter_by_letter_with_accents_folded_and_other_last():
    terms = [term("Zoe Ōno"), term("Amit Osaka"), term("Éva Oz", 3), term("2G Spectrum", kind="tag"),
             term("Mumbai Police", kind="tag")]
    listed = entries(terms, newest)
    assert [(e.name, e.letter) for e in listed] == [
        ("Mumbai Police", "M"), ("Zoe Ōno", "O"), ("Amit Osaka", "O"), ("Éva Oz", "O"), ("2G Spectrum", "#")]
    assert listed[3].count == 3 and listed[3].lastmod == "2025-11-07"


def test_a_short_index_is_one_page_and_its_twin_lists_the_names_in_two_stories_or_more():
    listed = [entry("Azam Khan", 3), entry("Mayawati"), entry("Nitish Kumar", 2)]
    every, frequent = index_pages("person", listed, rows=10)
    assert (every.frequent, every.letter, every.split, every.letters) == (False, None, False, ())
    assert [e.name for e in frequent.entries] == ["Azam Khan", "Nitish Kumar"] and frequent.frequent
    assert every.counts == frequent.counts == (3, 2) and every.filed == 3 and frequent.filed == 2


@pytest.mark.parametrize("counts", [(1, 1), (2, 5)])
def test_no_twin_when_it_would_list_nothing_or_everything(counts):
    pages = index_pages("tag", [entry("Floods", counts[0]), entry("Jobs", counts[1])], rows=10)
    assert len(pages) == 1 and pages[0].counts == (2, 0) and filter_links(URLS, pages[0]) == []


def test_a_long_index_has_a_front_page_of_the_most_covered_and_paginated_letter_pages():
    listed = ([entry(f"Aa{i:02d}", 1) for i in range(5)] + [entry("Bb", 9), entry("Bc", 2)]
              + [entry("9 to 5", 4)])
    every = [p for p in index_pages("tag", listed, rows=2) if not p.frequent]
    front, *letters = every
    assert front.letter is None and front.split and front.letters == ("A", "B", "#")
    assert [e.name for e in front.entries][:3] == ["Bb", "9 to 5", "Bc"]  # most stories first
    assert [(p.letter, p.number, p.total, len(p.entries)) for p in letters] == [
        ("A", 1, 3, 2), ("A", 2, 3, 2), ("A", 3, 3, 1), ("B", 1, 1, 2), ("#", 1, 1, 1)]
    assert all(len(p.entries) <= 2 for p in every[1:]) and {p.filed for p in letters if p.letter == "A"} == {5}
    assert sum(len(p.entries) for p in letters) == len(listed)  # every name is listed once


def test_letter_pages_link_the_same_letter_of_the_twin_when_it_has_one():
    listed = [entry(f"Aa{i}", 2) for i in range(3)] + [entry(f"Bb{i}", 1) for i in range(3)]
    pages = {(p.frequent, p.letter, p.number): p for p in index_pages("place", listed, rows=2)}
    assert pages[(False, "A", 1)].twin_letter == "A" and pages[(True, "A", 2)].twin_letter == "A"
    assert pages[(False, "B", 1)].twin_letter is None  # no B in two stories or more: its front page
    links = filter_links(URLS, pages[(False, "B", 2)])
    assert [(link["url"], link["current"]) for link in links] == [
        ("/digest/places/letter/b/page/2/", True), ("/digest/places/2-or-more/", False)]


@pytest.mark.parametrize("frequent, letter, number, url", [
    (False, None, 1, "/digest/people/"), (True, None, 1, "/digest/people/2-or-more/"),
    (False, "K", 1, "/digest/people/letter/k/"), (True, "#", 3, "/digest/people/2-or-more/letter/other/page/3/"),
])
def test_index_url(frequent, letter, number, url):
    assert index_url(URLS, "person", frequent, letter, number) == url


def test_letter_code_and_titles():
    assert letter_code("#") == "other" and letter_code("Q") == "q"
    page = IndexPage("organisation", True, "#", 2, 3, 300, (), (), True, (9, 4), None)
    assert index_title(page) == "Organisations in 2 or more stories: other, page 2"
    assert index_title(IndexPage("tag", False, None, 1, 1, 1, (), (), False, (1, 0), None)) == "Tags"


def test_index_context_links_letters_to_pages_when_split_and_to_anchors_when_not():
    listed = [entry(f"Name{i:02d}", 1 + i % 2) for i in range(40)] + [entry("Osaka"), entry("東京")]
    one = index_pages("person", listed, rows=100)[0]
    context = index_context(CONFIG, URLS, one)
    assert [link["url"] for link in context["letter_links"]] == ["#letter-n", "#letter-o", "#letter-other"]
    assert [s["code"] for s in context["sections"]] == ["n", "o", "other"]
    split = index_pages("person", listed, rows=10)[1]
    context = index_context(CONFIG, URLS, split)
    assert context["head"]["url"] == "/digest/people/letter/n/" and context["sections"] == []
    assert context["letter_links"][0] == {"letter": "N", "code": "n", "current": True,
                                          "url": "/digest/people/letter/n/"}
    assert context["pagination"]["next_url"] == "/digest/people/letter/n/page/2/"
    assert [(f["current"], f["count"]) for f in context["filter"]] == [(True, None), (False, None)]
    front = index_context(CONFIG, URLS, index_pages("person", listed, rows=10)[0])
    assert [f["count"] for f in front["filter"]] == [42, 20]  # the totals, on the front page alone


def test_pages_of_a_letter_are_named_by_their_first_and_last_names():
    listed = [entry(name, 1, "A") for name in ("Ann Abe", "Bo Adams", "Cy Akbar", "Di Ali", "Ed Amin")]
    pages = [p for p in index_pages("person", listed, rows=2) if p.letter == "A"]
    assert [p.guides for p in pages] == [(("Abe", "Adams"), ("Akbar", "Ali"), ("Amin", "Amin"))] * 3
    guides = index_context(CONFIG, URLS, pages[1])["guides"]
    assert [(g["url"], g["current"]) for g in guides] == [
        ("/digest/people/letter/a/", False), ("/digest/people/letter/a/page/2/", True),
        ("/digest/people/letter/a/page/3/", False)]
    assert index_pages("tag", [entry("Floods"), entry("Fire")], rows=2)[0].guides == ()
