"""Sports teams: in a sports story, a place or name that plays, beats or fields a side is a team.

Sports copy names clubs by their town or county ("Leicestershire beat Somerset", "former
Blackburn and Southampton skipper", "serie A club Atalanta"); the model takes them for places
or people. A name a sports story uses as a team is an organisation across that story, as a firm
is (agreement in the story); countries stay places (national sides are their countries).
"""

from __future__ import annotations

import re

from generator.wire import geo
from generator.wire.namelists import DEMONYMS, SENTENCE_WORDS, read_list
from generator.wire.names import key

SPORT_WORDS = read_list("sport-words")
MIN_SPORT_WORDS = 4  # different sport words that make a story a sports story

_WORD = r"(?:St\.|[A-Z][\w'’\-]*)"
_NAME = rf"(?:[Tt]he[ \t]+)?(?P<{{g}}>{_WORD}(?:[ \t]+{_WORD}){{{{0,2}}}})"
_LIST = (rf"{_NAME.format(g='a')}(?:,[ \t]+{_NAME.format(g='b')})?(?:,?[ \t]+and[ \t]+"
         rf"{_NAME.format(g='c')})?")
_PLAYS = (r"beat|beats|defeated|edged|thrashed|routed|crushed|trounced|downed|upset|overcame|"
          r"drew[ \t]+with|drew[ \t]+against|lost[ \t]+to|were[ \t]+beaten[ \t]+by|were[ \t]+held[ \t]+by|"
          r"play|played|plays|meet|meets|face|faces|faced|hosted|host|hosts|visit|visits|visited")
_ROLES = (r"side|club|team|coach|manager|captain|skipper|striker|playmaker|midfielder|defender|"
          r"goalkeeper|batsman|bowler|pitcher|winger|forward|fans|supporters|players?|debut|"
          r"outfielder|quarterback|reliever|starter")
_PATTERNS = [
    re.compile(rf"{_NAME.format(g='a')}(?:,[ \t]+who)?[ \t]+(?:{_PLAYS})[ \t]+{_NAME.format(g='b')}"),
    re.compile(rf"\b(?:against|over|versus|vs\.?|v\.?|joined|joining|to[ \t]+join|loaned[ \t]+to|"
               rf"transferred[ \t]+to|signed[ \t]+for|behind)[ \t]+{_NAME.format(g='a')}"),
    re.compile(rf"\b(?:club|side|team|champions|holders|rivals|leaders|outfit|hopefuls|contenders|"
               rf"challengers|opponents|visitors|hosts)[ \t]+{_LIST}"),
    re.compile(rf"(?<![\w'’\-]){_LIST}['’]?s?[ \t]+(?:{_ROLES})\b"),
    re.compile(rf"(?<![\w'’\-]){_NAME.format(g='a')}[ \t]+\d{{1,3}}[ \t]+{_NAME.format(g='b')}[ \t]+\d{{1,3}}\b"),
]


def is_sports(text: str) -> bool:
    """Say whether TEXT reads as sports copy: four or more different sport words."""
    words = set(re.findall(r"[a-z][a-z\-]+", text.casefold()))
    return len(words & SPORT_WORDS) >= MIN_SPORT_WORDS


def find_teams(text: str) -> list[tuple[str, int, int]]:
    """Return (name, start, end) of each run a sports story uses as a team (none in other copy)."""
    if not is_sports(text):
        return []
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            for group in ("a", "b", "c"):
                run = match.groupdict().get(group) or ""
                name = _team_name(run)
                if name:
                    end = match.end(group) - (len(run) - len(run.rstrip(".")))
                    found.append((name, end - len(name), end))
    return found


def team_keys(teams: list[tuple[str, int, int]]) -> frozenset[str]:
    """Return the folded team names with the first and last words of longer ones ('Real')."""
    keys = set()
    for name, _, _ in teams:
        words = key(name).split()
        keys.update(k for k in {" ".join(words), words[0], words[-1]} if may_be_team(k))
    return frozenset(keys)


def _team_name(name: str) -> str:
    """Return the team a matched run names, or '' ('Former', 'Brazilian', "Shearer's" are none)."""
    words = name.rstrip(".").split()
    while words and words[0].casefold() in _LEADING:
        words = words[1:]
    if not words or any("'" in w or "’" in w for w in words):
        return ""
    if words[0].casefold() in SENTENCE_WORDS or any(w.casefold() in DEMONYMS for w in words):
        return ""
    return " ".join(words) if may_be_team(" ".join(words)) else ""


def may_be_team(name: str) -> bool:
    """Say whether NAME may name a team: countries, states and cities of a million stay places."""
    place = geo.lookup(name)
    return not place or (place.kind == "city" and place.population < geo.BIG_CITY)


_LEADING = {"former", "ex", "title", "defending", "league", "premier", "serie", "a"}
