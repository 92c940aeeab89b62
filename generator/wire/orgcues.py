"""Company cues in wire copy: names a story marks as firms are no people anywhere in that story.

Wire copy names a firm in full once ("Smith Barney, Harris Upham and Co Inc", "<Hughes Tool Co>")
and later bare ("Smith Barney said ..."); the model then takes the bare form for a person. A name
the story itself marks as a company is an organisation across the story (agreement in the story).
"""

from __future__ import annotations

import re

from generator.wire import geo
from generator.wire.namelists import DEMONYMS
from generator.wire.names import key

_WORD = r"(?:[A-Z][\w'’\-]*\.?|(?:[A-Z]\.){1,3}[A-Z]?)"
_RUN = rf"{_WORD}(?:[ \t]+{_WORD}){{0,4}}"
_SUFFIX = (r"(?:,[ \t]+(?:Inc|Ltd|Limited|Plc|PLC|plc|SA|NV|AG)(?![\w\-])"
           r"|[ \t]+(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Limited|Plc|PLC|plc|Group|Bank|SpA|AG|NV|"
           r"N\.V\.|SA|S\.A\.|A\.S\.|AS|AB|ASA|BV|KK|Oy|GmbH|Holdings|Industries|Securities|Associates|Bancorp|"
           r"Manufacturing|Refining|Resources|Petroleum|Mines|Financial)(?![\w\-])"
           r"|[ \t]+(?:&|and)[ \t]+Co(?![\w\-]))")
_QUALIFIER = r"(?:[ \t]+\([A-Z][\w ]{0,20}\))?"  # "Jardine Fleming (Securities) Ltd"
FIRM_WORDS = frozenset("inc corp corporation co cos company ltd limited plc group bank spa ag nv sa gmbh "
                        "holdings industries securities associates bancorp kk".split())
_TICKER = r"[ \t]+<[A-Z][\w.]{0,7}>"  # "W.R. Grace <GRA>"
_NAMED_FIRM = re.compile(rf"(?<![\w.'’\-])(?P<name>{_RUN}){_QUALIFIER}(?:{_SUFFIX}|{_TICKER})")
_CUE_AFTER = re.compile(
    rf"(?<![\w.'’\-])(?P<name>{_RUN})(?:[ \t]+said[ \t]+its\b|['’]s?[ \t]+(?:parent|units?|"
    r"subsidiar(?:y|ies)|shares|stock|shareholders|earnings|profits?|revenues?)\b)")
_CUE_BEFORE = re.compile(rf"(?:\b(?:shares|stake|stock)[ \t]+(?:of|in)|(?<![\w\-])(?i:company|firm|"
                         rf"stockbrokers|brokers|brokerage|underwriters?))[ \t]+(?P<name>{_RUN})")
_NOT_NOUN = r"(?:told|tells|said|says|asked|briefed|warned|assured|and|or|to|for|with|of|the)\b"
# "Smith Barney livestock analyst": the people who speak for a firm follow its name
_STAFF_AFTER = re.compile(rf"(?<![\w.'’\-])(?P<name>{_RUN})[ \t]+(?:(?!{_NOT_NOUN})[a-z]+[ \t]+)?"
                          r"(?:analysts?|economists?|strategists?)\b")
_BRACKET = re.compile(r"<(?P<name>[A-Z][^<>\n]{1,60}?)>")


def firm_keys(text: str) -> frozenset[str]:
    """Return the folded names TEXT marks as companies, with their leading and trailing parts."""
    found: set[str] = set()
    for pattern in (_NAMED_FIRM, _CUE_AFTER, _STAFF_AFTER, _BRACKET):
        for match in pattern.finditer(text):
            found.update(_parts(match.group("name")))
    found.update(key(m.group("name")) for m in _CUE_BEFORE.finditer(text))  # whole run: "firm X"
    return frozenset(found)


def _parts(name: str) -> set[str]:
    """Return the folded prefixes and suffixes of a firm's name: 'Morgan Stanley Group' -> ..."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").casefold() in FIRM_WORDS:
        words = words[:-1]  # the run took the suffix: "General Electric Co" <GE>
    while len(words) > 1 and words[0].casefold() in ("the", "a"):
        words = words[1:]
    return {key(" ".join(words[i:])) for i in range(len(words))} | {
        key(" ".join(words[:i])) for i in range(1, len(words) + 1)}


def named_firms(text: str) -> list[tuple[str, int, int]]:
    """Return (name, start, end) of each firm TEXT names with a company marker: 'Turk Henkel A.S.'.

    The name keeps its marker ("Dow Chemical Co"), as a firm's full name does; a leading
    sentence word ("The", "But") is dropped.
    """
    found = []
    for match in _FULL_FIRM.finditer(text):
        words, start = match.group(0).split(), match.start()
        of = match.group("of")
        if of and not geo.lookup(of):  # "Lynn Reaser of Barnett Banks Inc": the firm is after "of"
            cut = match.group(0).index(" of ") + 4
            words, start = match.group(0)[cut:].split(), start + cut
        based = [i for i, w in enumerate(words[:-2]) if w.endswith("-based")]
        if based:  # "St. Louis-based Mercantile Bancorp Inc"
            start = text.index(words[based[-1] + 1], start)
            words = words[based[-1] + 1:]
        while len(words) > 1 and (words[0].casefold() in _LEADING or words[0].casefold() in DEMONYMS):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if all(w.rstrip(".,").casefold() in FIRM_WORDS | {"&", "and"} for w in words):
            continue  # "Co Inc", "The Bank": a marker alone names no firm
        end = match.end()
        place = _OF_PLACE.match(text, end)  # "National Bank of Romania"
        if place and geo.lookup(place.group(1)):
            end = place.end()
        name = text[start:end].rstrip(",")
        if len(words) >= 2 and not geo.lookup(name):
            found.append((name, start, start + len(name)))
    return found


_LEADING = frozenset("the a an but and or as in on at of for by with from to when while after "
                     "analysts analyst shares".split())
_OF_PLACE = re.compile(rf"[ \t]+of[ \t]+({_WORD}(?:[ \t]+{_WORD})?)")
_MARKER = (r"(?:,?[ \t]+(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Limited|Plc|PLC|plc|Group|Bank|SpA|AG|"
           r"NV|N\.V\.|SA|S\.A\.|A\.S\.|AB|ASA|BV|KK|Oy|GmbH|Holdings|Bancorp)|[ \t]+&[ \t]+(?:Co|Sons))"
           r"(?![\w\-])")
_FULL_FIRM = re.compile(rf"(?<![\w.'’\-]){_RUN}(?:[ \t]+of[ \t]+(?P<of>{_WORD}(?:[ \t]+{_WORD})?))?"
                        rf"{_QUALIFIER}{_MARKER}")


def is_firm(name: str, firms: frozenset[str]) -> bool:
    """Say whether the person NAME is a firm the story marks as one."""
    return key(name) in firms
