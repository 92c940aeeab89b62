"""Resolve a story's mentions into distinct canonical entities and tags."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Mapping, Sequence

from generator.wire import geo
from generator.wire import namelists as nl
from generator.wire.entities import Entities, Lexicon, Story
from generator.wire.known import ORG, PERSON, PLACE, Mention
from generator.wire.acronyms import initials, story_acronyms
from generator.wire.names import fuller, key, merge_people, name_evidence
from generator.wire.orgcues import firm_keys, is_firm
from generator.wire.teams import find_teams, team_keys

MAX_TAGS = 8
_PARTY_WORDS = {"congress"}  # one head word that alone names a body
_SUFFIX = re.compile(r"^[ \t]?\((?P<x>[A-Za-z][\w\-]{0,9})\)")
_ELECTION = re.compile(
    r"(?P<where>(?:[A-Z][a-z]+[ \t]+){0,3}?)(?P<body>Assembly|Lok Sabha|Rajya Sabha|Vidhan Sabha|"
    r"Legislative Assembly|Legislative Council|Municipal|Panchayat|Presidential|General|"
    r"Parliamentary|Mayoral|Council|Senate|Congressional)[ \t]+(?:[Ee]lections?|[Pp]olls|"
    r"[Bb]ypolls?|[Bb]y-elections?)\b")
_NOT_PLACE_WORDS = {"the", "ongoing", "upcoming", "recent", "next", "last", "coming", "in", "for",
                    "during", "before", "after", "since", "and", "of", "state", "this", "these"}


def drop_overlaps(mentions: Sequence[Mention]) -> list[Mention]:
    """Keep, of mentions that overlap, the one from the strongest source (then the longest)."""
    taken: list[tuple[int, int]] = []
    kept: list[Mention] = []
    mentions = [m for m in mentions if not _inside_longer_person(m, mentions) and not _inside_a_name(m, mentions)]
    for m in sorted(mentions, key=lambda m: (-m.weight, -(m.end - m.start), m.start)):
        if m.start >= 0 and any(m.start < e and s < m.end for s, e in taken):
            continue
        kept.append(m)
        if m.start >= 0:
            taken.append((m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def _inside_a_name(m: Mention, mentions: Sequence[Mention]) -> bool:
    """Say whether place M lies inside the name of a person or an organisation, which is then no
    place of the story: 'Kalyan' of Kalyan Banerjee, 'Bombay' of Bombay High Court, 'Europe' of
    the Organisation for Security and Cooperation in Europe."""
    if m.kind != PLACE or m.start < 0 or m.source not in ("gazetteer", "model"):
        return False
    return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
               and _a_name_around(o, m) for o in mentions)


def _a_name_around(outer: Mention, place: Mention) -> bool:
    """Say whether OUTER is surely a name that holds PLACE: an organisation with a head word
    besides the place, or a person whose other words are a name ('Banerjee' of Kalyan Banerjee)."""
    rest = key(outer.name.replace(place.name, " ")).split()
    if outer.kind == ORG:
        return " - " not in outer.name and any(w in nl.ORG_HEADS for w in rest)
    if outer.kind == PERSON and outer.name.startswith(place.name) and rest:
        return outer.source in ("cue", "rule", "lexicon") or name_evidence(" ".join(rest).title())
    return False


def _inside_longer_person(m: Mention, mentions: Sequence[Mention]) -> bool:
    """Say whether person M lies inside a longer person mention: the model cut the name short."""
    if m.kind != PERSON or m.start < 0 or m.source == "lexicon":
        return False
    return any(o.kind == PERSON and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
               for o in mentions)


def resolve(text: str, mentions: Sequence[Mention], story: Story, lexicon: Lexicon) -> Entities:
    """Return the story's distinct people, places, organisations and tags."""
    aliases = {k.casefold(): v for k, v in lexicon.aliases.items()}
    acronyms = story_acronyms(text)
    extended = [_extend_org(text, m) for m in drop_overlaps(mentions)]
    acronyms = {**_bracketed_acronyms(text, extended), **acronyms}
    mentions = [_canonical(m, aliases, acronyms) for m in extended]
    kinds = _vote(mentions)
    _teams_are_organisations(kinds, team_keys(find_teams(text)))
    not_people = {key(n) for n in lexicon.not_people}
    firms = firm_keys(text)
    people = tuple(p for p in _people(mentions, kinds) if key(p) not in not_people and not is_firm(p, firms))
    person_keys = {key(p) for p in people}
    person_words = {w for p in people for w in key(p).split()}
    places = _distinct(geo.canonical(_place_name(m.name)) for m in mentions if kinds[key(m.name)] == PLACE
                       and key(m.name) not in person_keys and _is_place(m, person_words))
    orgs = _organisations(mentions, kinds, story, acronyms)
    banned = {b.casefold() for b in lexicon.banned} | {key(b) for b in lexicon.banned}
    keep = lambda names: tuple(n for n in names if n.casefold() not in banned and key(n) not in banned)
    tags = keep(_tags(text, mentions, kinds, orgs, lexicon))
    return Entities(keep(people), keep(places), keep(orgs), tags[:MAX_TAGS])


_BODY_WORDS = nl.DEPARTMENTS | nl.read_list("generic-words") | {"board", "fed", "reserve", "exchequer"}
_COMPASS = {"north", "south", "east", "west", "central", "far", "middle"}  # "the North" of Korea
_PLACE_SUFFIX = re.compile(r"\s+(?:village|town|city|province|region|prefecture)$", re.I)


def _place_name(name: str) -> str:
    """Drop a generic suffix from a place: 'Sanghwan village' -> 'Sanghwan', 'Guangdong province'
    -> 'Guangdong'; not from a place so named: 'Cape Town', 'Mexico City'."""
    return name if " " not in name or geo.lookup(name) else _PLACE_SUFFIX.sub("", name)


def _is_place(m: Mention, person_words: set[str]) -> bool:
    """Say whether a place mention is a real place: no language, event, or person's name."""
    folded = key(m.name)
    if any(c.isdigit() for c in folded) or (m.source == "model" and _BODY_WORDS.issuperset(folded.split())):
        return False  # "M3", "Treasury", "Board": a measure or a body the model took for a place
    if (folded in nl.NON_PERSON_NAMES or folded.split()[-1] in nl.NON_ORG_HEADS
            or (folded in nl.DEMONYMS and folded not in _COMPASS)):
        return False
    return m.source != "model" or folded in nl.PLACES or folded not in person_words


def _extend_org(text: str, m: Mention) -> Mention:
    """Take a qualifier in brackets into an organisation's name: 'Shiv Sena (UBT)', 'JD(U)'."""
    if m.kind != ORG or m.start < 0:
        return m
    match = _SUFFIX.match(text[m.end:m.end + 14])
    qualifier = match.group("x") if match else ""
    if not match or _is_acronym_of(qualifier, m.name):
        return m
    return Mention(m.name + text[m.end:m.end + match.end()], m.kind, m.start, m.end + match.end(), m.source)


def _is_acronym_of(word: str, name: str) -> bool:
    """Say whether WORD in brackets after NAME is its acronym, not a qualifier like '(UBT)'.

    Initials are an acronym ("Samajwadi Party (SP)"), and so is a capital word of three letters
    or more after a name of three words or more, as foreign acronyms are ("Party of Democratic
    Action (SDA)", "National Bank of Romania (BNR)").
    """
    if word.casefold() in (initials(name), initials(name, True)) or (word.isupper() and word[0] == name[0]):
        return True
    return word.isupper() and len(word) >= 3 and len(name.split()) >= 3


def _bracketed_acronyms(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Map the word in brackets after an organisation to its name: 'BNR' -> 'National Bank of
    Romania'; a qualifier alone names the qualified party: 'UBT' -> 'Shiv Sena (UBT)'."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.kind != ORG or m.start < 0:
            continue
        if m.name.endswith(")") and "(" in m.name:
            found.setdefault(m.name.rsplit("(", 1)[1].rstrip(")"), m.name)
            continue
        match = _SUFFIX.match(text[m.end:m.end + 14])
        if match and match.group("x").isupper() and len(match.group("x")) > 1:
            found.setdefault(match.group("x"), m.name)
    return found


def _canonical(m: Mention, aliases: Mapping[str, str], acronyms: Mapping[str, str]) -> Mention:
    """Replace a surface form by its canonical name (lexicon alias, defined acronym)."""
    name = aliases.get(m.name.casefold()) or aliases.get(key(m.name)) or acronyms.get(m.name) or m.name
    return m if name == m.name else Mention(name, m.kind, m.start, m.end, m.source)


def _vote(mentions: Sequence[Mention]) -> dict[str, str]:
    """Give each name the type its mentions vote for, weighted by source."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m in mentions:
        votes[key(m.name)][m.kind] += m.weight
    kinds: dict[str, str] = defaultdict(str)
    for name, tally in votes.items():
        kinds[name] = max(tally.items(), key=lambda kv: kv[1])[0]
    people = _distinct(m.name for m in mentions if kinds[key(m.name)] == PERSON)
    for m in mentions:  # a bare surname or given name of a person is that person
        k = key(m.name)
        if (kinds[k] != PERSON and votes[k].get(PLACE, 0) < 10 and k not in nl.PLACES
                and m.name[:1].isupper() and any(fuller(m.name, p) for p in people)):
            kinds[k] = PERSON
    return kinds


def _teams_are_organisations(kinds: dict[str, str], teams: frozenset[str]) -> None:
    """Type as organisations the names a sports story uses as teams (see ``teams``).

    A person's name (with a given name or surname of the name lists) or a word of one stays a person ("Sampras" of Pete Sampras in "Agassi beat Sampras").
    """
    person_words = {w for k, kind in kinds.items() if kind == PERSON and len(k.split()) > 1 for w in k.split()}
    for k in teams:
        if k in kinds and k not in person_words and not (kinds[k] == PERSON and name_evidence(k)):
            kinds[k] = ORG


def _people(mentions: Sequence[Mention], kinds: Mapping[str, str]) -> tuple[str, ...]:
    """Return the distinct people, fullest form, in order of first mention."""
    forms = [m for m in mentions if kinds[key(m.name)] == PERSON]
    names = list(_distinct(m.name for m in forms))
    fullest = merge_people(names)
    cued = {key(m.name) for m in forms if m.source in ("cue", "rule", "lexicon")}
    out = []
    for name in names:
        target = fullest[name]
        if not target:
            continue
        if target == name and len(name.split()) == 1 and key(name) not in cued:
            continue  # a lone one-word name with nothing saying it is a person
        out.append(target)
    return _distinct(out)


def _organisations(mentions: Sequence[Mention], kinds: Mapping[str, str], story: Story,
                   acronyms: Mapping[str, str]) -> tuple[str, ...]:
    """Return the distinct organisations, acronyms folded into full names, agencies dropped."""
    cited = {key(m.name) for m in mentions if m.source == "cited"}
    agencies = (nl.AGENCIES - cited) | {key(story.agency or "")}  # the story's own stays in agency:
    person_words = {w for m in mentions if kinds[key(m.name)] == PERSON for w in key(m.name).split()}
    names = [m.name for m in mentions if kinds[key(m.name)] == ORG and key(m.name) not in agencies
             and not (key(m.name) in nl.ORG_HEADS and key(m.name) not in _PARTY_WORDS)
             and not _personal(m, person_words)]
    fulls = [n for n in _distinct(names) if len(n.split()) > 1]
    out = []
    for name in _distinct(names):
        if name.isupper() and len(name) > 1:
            match = [f for f in fulls if initials(f) == name.casefold() or initials(f, True) == name.casefold()]
            if match:
                out.append(match[0])
                continue
        out.append(name)
    return _distinct(out)


def _taggable(org: str) -> bool:
    """Say whether an organisation is specific enough to file a story under."""
    return (len(org.split()) > 1 or (org.isupper() and len(org) > 1)) and key(org) not in nl.NON_ORG_NAMES


def _personal(m: Mention, person_words: set[str]) -> bool:
    """Say whether a model organisation is really a person's name ('Magnus Carlsen')."""
    if m.source != "model" or m.name.isupper():
        return False
    words = key(m.name).split()
    if any(w in nl.ORG_HEADS for w in words):
        return False
    return any(w in person_words for w in words) or name_evidence(m.name)


def _tags(text: str, mentions: Sequence[Mention], kinds: Mapping[str, str],
          orgs: Sequence[str], lexicon: Lexicon) -> list[str]:
    """Return what an editor would file the story under: elections, recurring organisations."""
    tags = []
    for match in _ELECTION.finditer(text):
        where = [w for w in match.group("where").split() if w.casefold() not in _NOT_PLACE_WORDS]
        tags.append(" ".join(where + [match.group("body"), "elections"]))
    known = {key(o) for o in lexicon.organisations}
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        counts[key(m.name)] += 1
    by_initials = {initials(o): o for o in orgs if len(o.split()) > 1}
    for m in mentions:
        if m.name.isupper() and m.name.casefold() in by_initials:
            counts[key(by_initials[m.name.casefold()])] += 1
    tags.extend(o for o in orgs if key(o) in known or (counts[key(o)] >= 2 and _taggable(o)))
    return list(_distinct(tags))


def _distinct(names: Iterable[str]) -> tuple[str, ...]:
    """Return NAMES without repeats (compared folded), in order."""
    seen: set[str] = set()
    out = []
    for name in names:
        k = key(name)
        if k and k not in seen:
            seen.add(k)
            out.append(name)
    return tuple(out)
