"""Context rules for people: lists after a plural title, 'Name (Surname)', 'Country's Name', vetoes.

Each finder returns (name, start, end) triples; ``generator.wire.mentions`` turns them into mentions.
The vetoes say when a span the model calls a person sits where no person's name stands.
"""

from __future__ import annotations

import re
from typing import Iterator

from generator.wire import namelists as nl
from generator.wire.names import person_name

Found = tuple[str, int, int]

# Plural nouns for kinds of people: the names listed right after them are people.
PLURAL_PEOPLE = (r"officers|officials|inspectors|sub[ -]inspectors|constables|policemen|personnel|"
                 r"players|ministers|leaders|MLAs|MPs|councillors|corporators|judges|justices|"
                 r"accused|suspects|victims|members|candidates|legislators|lawmakers|athletes|"
                 r"authors|writers|poets|actors|students|brothers|sisters|sons|daughters|"
                 r"winners|awardees|recipients|scholars|coaches|directors|founders|siblings")
_WORD = r"(?:[A-Z]\.[ \t]?)*[A-Z][a-z][\w'’\-]*"
_ITEM = rf"{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
_LIST = re.compile(rf"\b(?:{PLURAL_PEOPLE})[ \t]+(?P<list>{_ITEM}(?:,[ \t]*{_ITEM})*(?:,?[ \t]+and[ \t]+{_ITEM})?)")
_BRACKET = re.compile(r"(?<![\w.])(?P<given>[A-Z][a-z]{2,})[ \t]+\((?P<sur>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\)")
_POSSESSIVE = re.compile(rf"(?P<place>[A-Z][\w]*(?:[ \t]+[A-Z][\w]*){{0,2}})['’]s[ \t]+(?P<name>{_WORD}"
                         rf"(?:[ \t]+{_WORD}){{1,3}})(?![ \t]+[A-Z])")
_RUN_LEFT = re.compile(r"(?:(?<![\w])[A-Z][\w'’\-]*[ \t]+)*$")
_QUOTES = "'\"‘’“”"
LANGUAGES = frozenset(("telugu tamil malayalam kannada hindi marathi bengali bangla gujarati punjabi urdu "
                       "odia oriya assamese sanskrit konkani english maithili dogri bodo santali sindhi "
                       "kashmiri nepali manipuri french german spanish").split())


def listed_after_plural(text: str) -> Iterator[Found]:
    """Yield names listed after a plural noun for people: 'officers Anilkumar, Ignatius and Prince'."""
    for match in _LIST.finditer(text):
        base = match.start("list")
        for item in re.finditer(_ITEM, match.group("list")):
            name, _ = person_name(item.group(0))
            if name and not _placeish(name):
                start = base + item.start() + item.group(0).find(name.split()[0])
                yield name, start, start + len(name)


def bracketed_surname(text: str) -> Iterator[Found]:
    """Yield 'Udanta Singh' for 'Udanta (Singh)': a name with its surname in brackets."""
    for match in _BRACKET.finditer(text):
        given, sur = match.group("given"), match.group("sur")
        folded = [w.casefold() for w in sur.split()]
        if not (folded[-1] in nl.SURNAMES or given.casefold() in nl.GIVEN_NAMES):
            continue
        name, _ = person_name(f"{given} {sur}")
        if name and not _placeish(given) and not _placeish(sur):
            yield name, match.start("given"), match.end("given")


def country_possessive(text: str) -> Iterator[Found]:
    """Yield the name after a country's possessive: "Czech Republic's Jakub Vadlejch"."""
    for match in _POSSESSIVE.finditer(text):
        place = match.group("place").split()
        country = next((" ".join(place[i:]) for i in range(len(place))
                        if " ".join(place[i:]).casefold() in nl.COUNTRIES), None)
        if not country:
            continue
        name, titled = person_name(match.group("name"))
        if name and not titled and name == match.group("name") and not _placeish(name):
            yield name, match.start("name"), match.end("name")


def _placeish(name: str) -> bool:
    """Say whether NAME is a known place or ends in an organisation or place head word."""
    words = name.casefold().split()
    return name.casefold() in nl.PLACES or words[-1] in nl.NON_PERSON_HEADS or words[-1] in nl.ORG_HEADS


def unlikely_person(text: str, start: int, end: int) -> bool:
    """Say whether a span stands where a name rarely does: after 'the', in a work's title."""
    left = _RUN_LEFT.search(text, max(0, start - 80), start)
    run_start = left.start() if left else start
    before = text[max(0, run_start - 12):run_start].split()
    first = text[run_start:end].split()[:1]
    if before and before[-1] in ("the", "The", "a", "an") and run_start < start:
        return True  # 'the Vivekananda Yuba Bharati Krirangan': the model took a venue's tail
    if before and before[-1] in ("the", "The") and run_start == start:
        return True
    if first and first[0].casefold() in LANGUAGES:
        return True  # 'in Telugu Rameshwaram Kaakulu ...': a work's title
    return False


def closes_quote(text: str, end: int) -> bool:
    """Say whether the span ending at END closes a quotation: "... Lad Sakti Hoon'" (not "Shah's")."""
    last, after = text[end - 1:end], text[end:end + 2]
    if last and last in "'\"”":
        return True
    if not after or after[0] not in _QUOTES:
        return False
    return after[0] in "\"”" or after[1:2] not in ("s", "S")
