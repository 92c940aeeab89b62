"""Acronyms: initials of a name, and acronyms a story defines ('Samajwadi Party (SP)')."""

from __future__ import annotations

import re
from typing import Iterator, Sequence

_FULL_WORD = r"(?:[A-Z][\w&'’\-]*|of|and|for|the|on|&)"
_DEFINED = re.compile(rf"(?P<full>[A-Z][\w&'’\-]*(?:[ \t]+{_FULL_WORD}){{1,9}})[ \t]*"
                      rf"\((?P<acr>[A-Z][A-Za-z&\-]{{1,9}})\)")
_REVERSED = re.compile(rf"(?<![\w])(?P<acr>[A-Z][A-Z&\-]{{1,8}})[ \t]*\((?P<full>[A-Z][\w&'’\-]*"
                       rf"(?:[ \t]+{_FULL_WORD}){{1,9}})\)")


def initials(name: str, all_words: bool = False) -> str:
    """Return the initials of NAME's capitalised words (or of all its words): 'SP'."""
    words = re.split(r"[\s\-]+", name)
    return "".join(w[0] for w in words if w and (all_words or w[0].isupper())).casefold()


def defined_acronyms(text: str) -> dict[str, str]:
    """Map each acronym defined in TEXT to its full name: 'Samajwadi Party (SP)' -> SP."""
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        words, acr = match.group("full").split(), match.group("acr")
        for i in range(len(words) - 1):
            full = " ".join(words[i:])
            if words[i][0].isupper() and acr.casefold() in (initials(full), initials(full, True)):
                found.setdefault(acr, full)
                break
    for match in _REVERSED.finditer(text):
        full, acr = match.group("full"), match.group("acr")
        if acr.casefold() in (initials(full), initials(full, True)):
            found.setdefault(acr, full)
    return found


def defined_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (full name, start, end) of each defined name and each later use of its acronym."""
    pairs = defined_acronyms(text)
    for acr, full in pairs.items():
        for match in re.finditer(rf"(?<![\w\-]){re.escape(full)}(?![\w\-])", text):
            yield full, match.start(), match.end()
        for match in re.finditer(rf"(?<![\w\-]){re.escape(acr)}(?![\w\-])", text):
            yield full, match.start(), match.end()


_FOREIGN = re.compile(rf"(?P<full>[A-Z][\w&'’\-]*(?:[ \t]+{_FULL_WORD}){{2,9}})[ \t]+\((?P<acr>[A-Z]{{3,7}})\)")


def story_acronyms(text: str) -> dict[str, str]:
    """Map every acronym TEXT defines to its full name: initials ('Samajwadi Party (SP)') and the
    capital word after a name of three words or more ('National Bank of Romania (BNR)')."""
    found = defined_acronyms(text)
    for match in _FOREIGN.finditer(text):
        words = match.group("full").split()
        while words and not words[0][:1].isupper():
            words = words[1:]
        if len(words) >= 3:
            found.setdefault(match.group("acr"), " ".join(words))
    return found


def initialisms(names: Sequence[str]) -> dict[str, str]:
    """Map each all-capital name in NAMES to the longer name it is the initials of: 'OSCE' ->
    'Organisation for Security and Cooperation in Europe' (the extractor folds them so)."""
    fulls = [n for n in names if len(n.split()) > 1]
    found = {}
    for name in names:
        match = [f for f in fulls if name.isupper() and name.casefold() in (initials(f), initials(f, True))]
        if match:
            found[name] = match[0]
    return found
