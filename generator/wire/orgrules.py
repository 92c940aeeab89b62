"""Organisations found by rule: institutions a place names, acronyms in use, agencies cited.

- "Madras High Court", "Allahabad high court", "Delhi University": a place and an institution's
  last words (``data/institution-heads.txt``) make one organisation, and the place inside it is
  no place of the story.
- "RJD supremo", "UPA government", "KNP member": an acronym followed by a word of a party or a
  body (``data/acronym-cues.txt``) is an organisation.
- "the China Daily said", "the daily Sueddeutsche Zeitung", "party mouthpiece Saamana": a
  newspaper the copy quotes is an organisation (``data/press-heads.txt``).
- "told IANS", "Interfax news agency said", "according to PTI": an agency cited in the copy is
  an organisation the story names, unless it is the story's own agency, which stays in
  ``agency:`` (``generator.wire.resolve``).
"""

from __future__ import annotations

import re
from typing import Iterator

from generator.wire import geo
from generator.wire import namelists as nl

Found = tuple[str, int, int]

_WORD = r"[A-Z][\w'’\-]*"
_HEADS = sorted(nl.read_list("institution-heads"), key=len, reverse=True)


def _head_pattern(head: str) -> str:
    """Return the pattern of one head: capitalised as 'High Court'; courts also in lower case."""
    words = [re.escape(w) for w in head.split()]
    space = r"[ \t]+"
    title = space.join(w[0].upper() + w[1:] for w in words)
    return "(?i:" + space.join(words) + ")" if "court" in head else title


_INSTITUTION = re.compile(rf"(?<![\w'’\-])(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+"
                          rf"(?P<head>{'|'.join(_head_pattern(h) for h in _HEADS)})\b")
_SEAT_AFTER = re.compile(r"[ \t]+(?:seat|constituency|segment|bypoll|by-election|by-poll|polls?|elections?)\b")
_CUES = nl.read_list("acronym-cues")
_ACRONYM = re.compile(r"(?<![\w\-’'])(?P<name>[A-Z]{2,6}(?:\([A-Z]\))?)[ \t]+(?P<cue>[A-Za-z]+)\b")
_AGENCY_WORD = r"[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,3}"
_CITED = re.compile(
    rf"\b(?:told|according[ \t]+to|quoted[ \t]+by|as[ \t]+per|cited[ \t]+by|reported[ \t]+by|"
    rf"interview[ \t]+with|quoted|said[ \t]+in[ \t]+an[ \t]+interview[ \t]+with)(?:[ \t]+the)?[ \t]+(?P<a>{_AGENCY_WORD})"
    rf"|(?P<b>{_AGENCY_WORD})(?:[ \t]+news)?(?:[ \t]+agency)?,?[ \t]+(?:reported|quoted|said|reports|says|cited)\b")


def institutions(text: str) -> Iterator[Found]:
    """Yield 'Madras High Court': a place or name followed by an institution's last words."""
    for match in _INSTITUTION.finditer(text):
        words = match.group("name").split()
        while words and (words[0].casefold() in nl.SENTENCE_WORDS or words[0].casefold() in nl.TITLES):
            words = words[1:]
        if not words or not geo.lookup(" ".join(words)) or _SEAT_AFTER.match(text, match.end()):
            continue  # "Ghatsila Assembly seat" names a constituency, a place
        head = " ".join(w[:1].upper() + w[1:] for w in match.group("head").split())
        start = match.end("name") - len(" ".join(words))
        yield f"{' '.join(words)} {head}", start, match.end()


def acronyms_in_use(text: str) -> Iterator[Found]:
    """Yield the acronyms used as the name of a body: 'RJD supremo', 'UPA government'."""
    for match in _ACRONYM.finditer(text):
        name = match.group("name")
        folded = name.casefold()
        if match.group("cue").casefold() not in _CUES or folded in nl.NON_ORG_NAMES or folded in nl.TITLES:
            continue
        if geo.lookup(name) or folded in nl.NON_PERSON_WORDS or folded in nl.DEMONYMS:
            continue
        if match.group("cue") == "Party":  # "MG Party"
            yield f"{name} Party", match.start("name"), match.end("cue")
        else:
            yield name, match.start("name"), match.end("name")


def cited_agencies(text: str) -> Iterator[Found]:
    """Yield the agencies the copy cites: 'told Reuters', 'Interfax news agency said'."""
    for match in _CITED.finditer(text):
        group = "a" if match.group("a") else "b"
        words = match.group(group).split()
        for size in range(len(words), 0, -1):  # "Reuters by telephone": the agency's words only
            for first in range(len(words) - size + 1):
                name = " ".join(words[first:first + size])
                if name.casefold() in nl.AGENCIES:
                    start = match.start(group) + match.group(group).index(name)
                    yield name, start, start + len(name)
                    break
            else:
                continue
            break


_PRESS = nl.read_list("press-heads")
_PAPER_NAME = r"[A-Z][\w'’\-]*(?:[ \t]+(?:dello|della|di|de|del|der|die|la|le)?[ \t]*[A-Z][\w'’\-]*){0,3}"
_PAPERS = [
    re.compile(rf"\b(?:newspaper|daily|weekly|paper|magazine|mouthpiece|tabloid)[ \t]+(?:the[ \t]+)?(?P<name>{_PAPER_NAME})"),
    re.compile(rf"(?<![\w'’\-])(?P<name>{_PAPER_NAME})[ \t]+(?:daily|newspaper|weekly)[ \t]+(?:said|reported|quoted|wrote)\b"),
    re.compile(rf"\b[Tt]he[ \t]+(?P<name>{_PAPER_NAME})[ \t]+(?:said|reported|quoted|wrote|added)\b"),
]


def newspapers(text: str) -> Iterator[Found]:
    """Yield the newspapers the copy quotes: 'the China Daily said', 'daily Sueddeutsche Zeitung'."""
    for i, pattern in enumerate(_PAPERS):
        for match in pattern.finditer(text):
            name, start = match.group("name"), match.start("name")
            owner = re.search(r"['’]s[ \t]+", name)  # "Britain's Sun"
            if owner:
                name, start = name[owner.end():], start + owner.end()
            words = name.casefold().split()
            if not words:
                continue
            if i == 2 and words[0] not in _PRESS and words[-1] not in _PRESS:
                continue  # "the Treasury said": no newspaper
            if geo.lookup(name) or words[0] in nl.SENTENCE_WORDS or name.casefold() in nl.AGENCIES:
                continue
            yield name, start, start + len(name)
