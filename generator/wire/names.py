"""Pure string rules for names: titles, possessives, initials, validity, surname merging."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from generator.wire import namelists as nl

_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_EDGE = re.compile(r"^[\s\"“”‘'(\[<\-–—:,;|+*]+|[\s\"“”’'),.\]>\-–—:;|!?+*]+$")
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,4}$|^(?:[A-Z]\.){1,4}[A-Z]?$")
_LEFT_INITIALS = re.compile(r"(?:(?<![\w.])(?:[A-Z]\.\s?){1,4}|(?<![\w.])[A-Z]{1,4}\.?\s)+$")
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_HAS_DIGIT = re.compile(r"\d")
_UPPER_WORD = re.compile(r"^[A-Z][A-Z.\-]+$")


def key(name: str) -> str:
    """Return the comparison form of a name: case, periods, quotes and spaces folded."""
    name = name.replace("’", "'").replace(".", " ")
    return " ".join(name.split()).casefold()


_PLACE_POSSESSIVE = re.compile(r"^(?P<place>[A-Z][\w ]+)['’]s\s+(?=[A-Z])")
_DOTTED = re.compile(r"(?:\b[A-Z]\.[A-Z]\.|\bJr\.|\bSr\.)$")
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:of|and|for|the|on|in|at|to|&))+$")
_COMPOUND = re.compile(r"-(?:led|based|backed|born|era|headed|run|owned|ruled|controlled)\b.*$")
_TRAILING_SCORE = re.compile(r"(?:\s+[\d\-–]+)+$")


def tidy(text: str) -> str:
    """Strip quotes, brackets, punctuation, a leading article and a possessive from a span."""
    text = " ".join(text.split("\n", 1)[0].split())
    if _DOTTED.search(text):  # keep the period of "U.S." and "Jr."
        return _ARTICLE.sub("", text.lstrip("\"“‘'(<[ "))
    match = _PLACE_POSSESSIVE.match(text)
    if match and key(match.group("place")) in nl.PLACES:  # "Denmark's Line Christophersen"
        text = text[match.end():]
    text = _TRAILING_SCORE.sub("", text)
    text = _COMPOUND.sub("", text)
    text = _TRAILING_CONNECTOR.sub("", text)
    text = _EDGE.sub("", text)
    text = _ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    return _EDGE.sub("", text)


_MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z]+[a-z]?$")  # DySP, DyCM
_OFFICE_TAILS = {"minister", "secretary", "president", "governor", "commissioner", "director",
                 "spokesman", "spokesperson", "chairman", "general"}  # "Foreign Minister X"


def strip_title(words: Sequence[str]) -> tuple[list[str], bool]:
    """Drop titles and honorifics in front of a name; say whether any was dropped."""
    words = list(words)
    cut = 0
    for i, word in enumerate(words[:-1]):  # "TN BJP president K Annamalai": cut after the title
        folded = word.rstrip(".").casefold()
        if folded in nl.TITLE_TAILS and (word[:1].islower() or word.isupper() or _MIXED_ACRONYM.match(word)
                                         or (folded in _OFFICE_TAILS and i > 0)):
            cut = i + 1  # "Aluva DySP T R Rajesh", "Foreign Minister Dariusz Rosati"
    stripped = cut > 0
    words = words[cut:]
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in (3, 2, 1):
            head = " ".join(w.rstrip(".") for w in words[:size]).casefold()
            if size < len(words) and head in nl.TITLES:
                words, changed, stripped = words[size:], True, True
                break
    return words, stripped


def is_initial(word: str) -> bool:
    """Say whether WORD is an initial or a run of initials: 'K', 'M.K.', 'PVSN'."""
    return bool(_INITIAL.match(word))


def left_initials(before: str, blocked: Iterable[str] = ()) -> str:
    """Return the initials that end BEFORE (text just before a name), '' if none."""
    match = _LEFT_INITIALS.search(before)
    if not match:
        return ""
    words = match.group(0).split()
    bad = {b.casefold() for b in blocked} | nl.TITLES | nl.AGENCIES | nl.NON_PERSON_WORDS  # not "U.S."
    while words and (words[0].rstrip(".").casefold() in bad):
        words = words[1:]
    if any(w.rstrip(".").casefold() in bad for w in words):
        return ""
    return " ".join(words)


_AFTER_COMMA = re.compile(r",.*$")
_MID_POSSESSIVE = re.compile(r"['’]s\s.*$")


def person_name(text: str) -> tuple[str | None, bool]:
    """Return the cleaned person name in a span (None if it is no person) and a title flag."""
    clean = tidy(text)
    if key(clean) in nl.PLACES or key(clean) in nl.US_STATES:  # "Sri Lanka": no title before "Lanka"
        return None, False
    clean = _AFTER_COMMA.sub("", _MID_POSSESSIVE.sub("", clean))  # "Ivan Lendl's Grand Slam"
    words, titled = strip_title(clean.split())
    while words and (words[0].casefold() in nl.SENTENCE_WORDS or (
            len(words) > 1 and words[0].casefold() in nl.DEPARTMENTS | nl.DEMONYMS)):
        words = words[1:]  # "(Secretary of) Agriculture Richard Lyng", "Belgian Willy de Clercq"
    if not words or len(words) > 5:
        return None, titled
    name = _POSSESSIVE.sub("", " ".join(words))
    words = name.split()
    folded = [w.rstrip(".").casefold() for w in words]
    if (_HAS_DIGIT.search(name) or any(c in name for c in "@#/&()[]|:;\"“”")
            or not all(w[:1].isupper() or _particle(w, i, len(words)) for i, w in enumerate(words))
            or all(f in nl.DEMONYMS for f in folded) or folded[0] in nl.PLACE_PREFIXES
            or folded[-1] in nl.FIRM_TAILS or (len(folded) > 2 and folded[-1] in nl.PLACES)
            or any(f.endswith("bank") and len(f) > 5 for f in folded)
            or any(f in nl.NON_PERSON_WORDS for f in folded)
            or folded[-1] in nl.NON_PERSON_HEADS or (folded[-1] in nl.TITLES and folded[-1] not in nl.SURNAMES)
            or any(f in nl.ORG_HEADS for f in folded)
            or (len(words) == 1 and "-" in name.strip("-"))
            or key(name) in nl.NON_PERSON_NAMES or any(f in nl.COMMUNITIES for f in folded) or key(name) in nl.PLACES
            or key(name) in nl.AGENCIES or key(name) in nl.TITLES or key(name) in nl.US_STATES
            or all(is_initial(w) for w in words)
            or (all(_UPPER_WORD.match(w) for w in words) and any(len(w) > 4 for w in words))):
        return None, titled
    return name, titled


_ARABIC_PARTICLE = re.compile(r"^(?:al|el)-[A-Z]")


def _particle(word: str, at: int, size: int) -> bool:
    """Say whether WORD is a lower-case particle of a name: 'de' inside, 'al-Sabah' anywhere but first."""
    return at > 0 and (bool(_ARABIC_PARTICLE.match(word)) or (at < size - 1 and word in nl.NAME_PARTICLES))


def tokens(name: str) -> tuple[str, ...]:
    """Return the folded words of a name, initials split off: 'M.K. Stalin' -> (m, k, stalin)."""
    return tuple(key(name).split())


def fuller(short: str, long: str) -> bool:
    """Say whether SHORT is a shorter form of LONG: surname, given name or a subset of words."""
    a, b = tokens(short), tokens(long)
    if len(a) >= len(b) or not a:
        return False
    if len(a) == 1:
        return a[0] in (b[0], b[-1]) or (len(a[0]) > 2 and a[0] in b[1:-1] and len(b) > 2)
    it = iter(b)
    return all(w in it for w in a) and a[-1] == b[-1]


def merge_people(names: Sequence[str]) -> dict[str, str]:
    """Map each name to the fullest unambiguous name of the same person in the story."""
    result: dict[str, str] = {}
    for name in names:
        longer = {key(o): o for o in names if fuller(name, o)}
        # keep only the maximal candidates (drop those that are themselves shorter forms)
        top = [o for o in longer.values() if not any(fuller(o, p) for p in longer.values())]
        result[name] = top[0] if len(top) == 1 else name
        if len(top) > 1:
            result[name] = ""  # ambiguous surname: drop it
    return result


def name_evidence(name: str) -> bool:
    """Say whether a word of NAME is a common given name or surname."""
    folded = tokens(name)
    return any(w in nl.GIVEN_NAMES or w in nl.SURNAMES for w in folded)
