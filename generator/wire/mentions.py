"""Turn model spans and rule matches into typed mentions with character offsets."""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from generator.wire import geo
from generator.wire import namelists as nl
from generator.wire.acronyms import defined_spans
from generator.wire.entities import Lexicon, Story
from generator.wire.known import ORG, PERSON, PLACE, Mention, gazetteer, lexicon_mentions
from generator.wire.names import key, left_initials, name_evidence, person_name, tidy
from generator.wire.ner import Span
from generator.wire.orgcues import FIRM_WORDS, named_firms
from generator.wire.orgrules import acronyms_in_use, cited_agencies, institutions, newspapers
from generator.wire.teams import find_teams
from generator.wire.personrules import (LANGUAGES, bracketed_surname, closes_quote, country_possessive,
                                        listed_after_plural, unlikely_person)

_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’\-]*)"
_RUN = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}}"
_STRONG_TITLE = (r"Mr|Mrs|Ms|Dr|Shri|Sri|Smt|Justice|Prof|Adv|Advocate|Chief Minister|Deputy Chief "
                 r"Minister|CM|Deputy CM|Dy CM|Union Minister|Minister|MLA|MP|Governor|Speaker|"
                 r"Chief Justice|Judge|President|Prime Minister|PM|Sheikh|Maulana|Swami|Sadhvi")
_LOWER_TITLE = (r"leader|president|chairman|chairperson|spokesperson|spokesman|coach|skipper|"
                r"captain|minister|MLA|MP|chief|founder|secretary|convenor|candidate|accused|"
                r"legislator|lawmaker|actor|actress|director|Inspector|Sub-Inspector|SP|DSP|DySP|"
                r"DCP|ACP|IG|DGP|Commissioner|officer|judge|grandmaster|shuttler|striker|pacer")
_TITLE_RULE = re.compile(rf"(?<![\w.])(?:{_STRONG_TITLE}|{_LOWER_TITLE})\.?[ \t]+(?P<name>{_RUN})")
_AGE_RULE = re.compile(rf"(?P<name>{_RUN}),[ \t]*(?:aged[ \t]+)?\d{{2}}[ \t]*,|(?P<name2>{_RUN})[ \t]*\(\d{{2}}\)")
_CUE_AFTER = re.compile(
    r"^(?:['’]s?)?(?:,[ \t]+who\b|,[ \t]*(?:aged[ \t]+)?\d{1,3}[ \t]*,|[ \t]*\(\d{1,3}\)|[ \t]+(?:has[ \t]+|had[ \t]+|"
    r"also[ \t]+|on[ \t]+\w+[ \t]+|then[ \t]+|further[ \t]+)?(?:" + "|".join(
        sorted(nl.PERSON_VERBS, key=len, reverse=True)) + r")\b)")
_ACRONYM_LIKE = re.compile(r"^[A-Z][A-Z&\-]{1,7}$")
_ROADISH = {"marg", "road", "street", "lane", "nagar", "park", "chowk", "avenue", "highway", "square"}


def title_before(text: str, start: int) -> bool:
    """Say whether a title or honorific ends just before START."""
    words = text[max(0, start - 40):start].replace("\n", " ").split()[-3:]
    if words and words[-1][-1:] in ",;:" and not words[-1][:1].islower():
        return False  # "Co-Founder, Tracxn": an apposition; "the victim, Romeo," is still a title
    return any(" ".join(w.rstrip(".,") for w in words[i:]).casefold() in nl.TITLES
               for i in range(len(words)))


def cue_after(text: str, end: int) -> bool:
    """Say whether a person cue ('said', ', 45,') follows END."""
    return bool(_CUE_AFTER.match(text[end:end + 40]))


def find_mentions(text: str, spans: Sequence[Span], story: Story, lexicon: Lexicon) -> list[Mention]:
    """Return every typed mention in TEXT, in order of position."""
    blocked = {key(text[s.start:s.end]) for s in spans if s.label == "ORG"} | acronyms_of(text)
    found: list[Mention] = []
    for span in spans:
        found.extend(_from_span(text, span, blocked))
    found.extend(_title_rule(text))
    found.extend(_age_rule(text))
    for finder in (listed_after_plural, bracketed_surname, country_possessive):
        found.extend(Mention(name, PERSON, start, end, "rule") for name, start, end in finder(text))
    found.extend(_name_list_rule(text))
    found.extend(Mention(name, ORG, start, end, "rule") for name, start, end in find_teams(text))
    for finder in (named_firms, institutions, acronyms_in_use, newspapers):
        found.extend(Mention(name, ORG, start, end, "rule") for name, start, end in finder(text))
    found.extend(Mention(name, ORG, start, end, "cited") for name, start, end in cited_agencies(text))
    found.extend(gazetteer(text))
    found.extend(_defined(text))
    found.extend(_bracketed(text))
    found.extend(lexicon_mentions(text, lexicon))
    for place in (story.dateline_city, story.dateline_region):
        if place:
            found.append(Mention(place, PLACE, -1, -1, "dateline"))
    return sorted(found, key=lambda m: (m.start, -m.end))


def acronyms_of(text: str) -> set[str]:
    """Return the folded all-capital words of TEXT that look like acronyms (BJP, SP)."""
    return {w.casefold() for w in re.findall(r"\b[A-Z]{2,6}\b", text)
            if len(w) >= 3 or w.casefold() not in nl.TITLES}


def _from_span(text: str, span: Span, blocked: set[str]) -> Iterator[Mention]:
    """Turn one model span into zero or one mention."""
    raw = text[span.start:span.end].split("\n", 1)[0]
    end = span.start + len(raw)
    titled_before = title_before(text, span.start)
    if (span.label == "PERSON" or titled_before or cue_after(text, end) or name_evidence(raw)
            or person_name(raw)[1]):
        person = _person(text, span, raw, end, blocked, titled_before)
        if person:
            yield person
            return
    clean = tidy(raw)
    folded = key(clean)
    if not clean or not clean[:1].isupper() or folded in nl.NON_ORG_NAMES:
        return
    if span.label in ("GPE", "LOC") and _modifier(text, span.start, end):
        return  # "New York-based", "pro-Moscow": a modifier, not a place of the story
    words = folded.split()
    if (folded in nl.PLACES or span.label in ("GPE", "LOC") or words[-1] in _PLACE_HEADS
            or geo.is_country_or_division(clean)):
        yield Mention(clean, PLACE, span.start, end)
    elif span.label == "FAC" and words[-1] in _ROADISH:
        yield Mention(clean, PLACE, span.start, end)
    elif span.label in ("ORG", "PERSON"):
        yield from _organisation(text, span.start, end, clean, span.label)


_COMPOUND_AFTER = re.compile(r"-[a-z]")
_COMPOUND_BEFORE = re.compile(r"(?:\b(?:pro|anti|non|ex|post|pre|trans)-)$")


def _modifier(text: str, start: int, end: int) -> bool:
    """Say whether a place at START..END is only part of a compound: 'Vienna-based', 'pro-Moscow'."""
    return bool(_COMPOUND_AFTER.match(text, end) or _COMPOUND_BEFORE.search(text, max(0, start - 6), start))


def _organisation(text: str, start: int, end: int, clean: str, label: str) -> Iterator[Mention]:
    """Yield the organisation (or the place) an ORG span names."""
    words = key(clean).split()
    seat = _SEAT.match(clean)
    if seat and _SEAT_AFTER.match(text, end):  # "Patliputra Lok Sabha seat": a place
        yield Mention(seat.group("place"), PLACE, start, end)
        return
    if (" ".join(words) in nl.AGENCIES or words[-1] in nl.NON_ORG_HEADS or words[0] in nl.TITLES
            or any(w in _NOT_IN_ORG for w in words) or clean.count("(") != clean.count(")")
            or " ".join(words) in nl.TITLES or " ".join(words) in LANGUAGES
            or all(w in _GENERIC for w in words) or _portfolio(text, end, words)
            or all(w in FIRM_WORDS | {"&", "and"} for w in words)):  # "Co Inc": a marker alone
        return
    if len(words) == 1 and not clean.isupper() and _PLACE_BEFORE.search(text, max(0, start - 60), start):
        yield Mention(clean, PLACE, start, end)  # "in Nerul", "at Kanthi", "at Kamothe, Nerul"
    elif label == "ORG" or words[-1] in nl.ORG_HEADS:
        unit = _party_unit(clean)
        yield Mention(unit[0], ORG, start + unit[1], start + unit[1] + len(unit[0])) if unit else \
            Mention(clean, ORG, start, end)


def _portfolio(text: str, end: int, words: list[str]) -> bool:
    """Say whether a span is a minister's portfolio, not a body: 'Union Home' (Minister)."""
    return bool(_TITLE_AFTER.match(text, end)) and words[-1] not in nl.ORG_HEADS


def _party_unit(name: str) -> tuple[str, int] | None:
    """Return (acronym, offset) for a party's state unit: 'J-K BJP', 'State BJP' -> BJP."""
    words = name.split()
    acronyms = [w for w in words if _ACRONYM_LIKE.match(w) and not geo.lookup(w)]
    if len(words) < 2 or len(acronyms) != 1:
        return None
    others = [w for w in words if w != acronyms[0]]
    if all(w.casefold() in ("state", "unit") or geo.lookup(w) for w in others):
        return acronyms[0], name.index(acronyms[0])
    return None


_PLACE_HEADS = {"nagar", "garhwal", "pur", "puram", "abad", "ganj", "village", "district"}
_NOT_IN_ORG = {"photo", "file", "image", "getty", "credit", "source"}
_SEAT = re.compile(r"^(?P<place>[A-Z][\w\-]*(?: [A-Z][\w\-]*)?) (?:Lok Sabha|Assembly|Vidhan Sabha)$")
_SEAT_AFTER = re.compile(r"[ \t]+(?:seat|constituency|segment|bypoll|by-election|by-poll|polls?|elections?)\b")
_PLACE_BEFORE = re.compile(r"(?<![\w])(?:in|at|near|from|to)[ \t]+(?:the[ \t]+)?"
                           r"(?:[A-Z][\w\-]*(?:,[ \t]*|[ \t]+and[ \t]+))*$")
_TITLE_AFTER = re.compile(r"(?:,?[ \t]+(?:and|&)(?:[ \t]+[A-Z][\w\-]*)+)?[ \t]+"
                          r"(?:Minister|Ministers|Minister's|Secretary|Commissioner)\b")
_GENERIC = nl.read_list("generic-words")


def _person(text: str, span: Span, raw: str, end: int, blocked: set[str],
            titled_before: bool) -> Mention | None:
    """Return the person mention of a span, or None when the span names no person."""
    name, titled = person_name(raw)
    if (not name or _ACRONYM_LIKE.match(name) or _byline(text, span.start)
            or _org_follows(text, end) or _work_before(text, span.start) or _PLACE_NOUN_AFTER.match(text, end)):
        return None
    cued = titled or titled_before or cue_after(text, end)
    if span.label != "PERSON" and not (titled or titled_before or
                                       (name_evidence(name) and (cued or len(name.split()) > 1))):
        return None
    if not cued and (unlikely_person(text, span.start, end) or
                     (closes_quote(text, end) and not name_evidence(name))):
        return None
    at = text.find(name.split()[0], span.start, end + 1)
    at = span.start if at < 0 else at
    extra = left_initials(text[max(0, at - 16):at], blocked) or _given_before(text, at)
    if extra and not (titled and at > span.start):
        name, at = f"{extra} {name}", at - len(extra) - 1
    after = _SURNAME_AFTER.match(text, end)
    if after and after.group(1).casefold() in nl.SURNAMES and not _org_follows(text, after.end()):
        name, end = f"{name} {after.group(1)}", after.end()
    if text[end - 1:end].isalpha():
        name, end = with_particle(text, name, end)
    return Mention(name, PERSON, at, end, "cue" if cued else "model")


def with_particle(text: str, name: str, end: int) -> tuple[str, int]:
    """Add a particle and surname after END to NAME: 'Willy' + ' de Clercq' (not 'de Venezuela')."""
    particle = _PARTICLE_AFTER.match(text, end)
    if not particle or key(particle.group(0).split()[-1]) in nl.PLACES:
        return name, end
    return name + particle.group(0), particle.end()


_PLACE_NOUN_AFTER = re.compile(r"[ \t]+(?:airport|stadium|road|street|avenue|hospital|square|bridge|"
                               r"university|college|school|memorial|trophy|cup|foundation|institute)\b")
_PARTICLE_AFTER = re.compile(r"(?:[ \t]+(?:" + "|".join(sorted(nl.NAME_PARTICLES)) +
                             r"))+[ \t]+[A-Z][\w'’\-]+|(?:[ \t]+(?:al|el)-[A-Z][\w'’\-]*)+")
_SURNAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?!['’]?s?[ \t]+[A-Z])")
_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)[ \t]+$")
_BYLINE = re.compile(r"(?:(?:^|\n)[ \t]*(?:[Bb]y|BY|Written by|Reported by|Edited by)|\|)[ \t]*$")
_FOLLOWING = re.compile(r"(?:[ \t]+(?:[A-Z][\w'’\-]*|of|and|for|on))+")


def _work_before(text: str, start: int) -> bool:
    """Say whether the span at START is a work's title: 'his novel Mujhe Pahachaano'."""
    words = text[max(0, start - 20):start].split()
    return bool(words) and words[-1].strip(",:'\"‘“").casefold() in nl.WORK_WORDS


def _given_before(text: str, at: int) -> str:
    """Return a given name just before AT that the model left out ('Dinesh' Gundu Rao)."""
    match = _WORD_BEFORE.search(text[max(0, at - 20):at])
    word = match.group(1) if match else ""
    return word if word.casefold() in nl.GIVEN_NAMES and word.casefold() not in nl.SENTENCE_WORDS else ""


def _byline(text: str, start: int) -> bool:
    """Say whether the name at START is a byline or credit: 'By Pramod Madhav', '| Madhav K'."""
    return bool(_BYLINE.search(text[max(0, start - 16):start])) and (start < 400 or "|" in text[start - 3:start])


def _org_follows(text: str, end: int) -> bool:
    """Say whether the capitalised words after END end in an organisation or place head word."""
    match = _FOLLOWING.match(text, end)
    if not match:
        return False
    words = [w.casefold() for w in match.group(0).split()[:4]]
    return any(w in nl.ORG_HEADS or w in nl.NON_PERSON_HEADS for w in words)


_BRACKETED = re.compile(r"<(?P<name>[A-Z][^<>\n]{1,60}?)>")


def _bracketed(text: str) -> Iterator[Mention]:
    """Yield companies named in angle brackets, wire style: '<Consolidated TVX Mining Corp>'."""
    for match in _BRACKETED.finditer(text):
        name = match.group("name").strip()
        if " " in name or not name.isupper():  # not a ticker like <BTY.L>
            yield Mention(name, ORG, match.start("name"), match.end("name"), "rule")


def _defined(text: str) -> Iterator[Mention]:
    """Yield organisations that the story defines with an acronym, and their acronyms."""
    for full, start, end in defined_spans(text):
        folded = key(full)
        if folded not in nl.PLACES and not person_name(full)[0] or folded.split()[-1] in nl.ORG_HEADS:
            yield Mention(full, ORG, start, end, "rule")


def _title_rule(text: str) -> Iterator[Mention]:
    """Yield the names that follow a title: 'Justice GR Swaminathan', 'Mr Chouhan'."""
    for match in _TITLE_RULE.finditer(text):
        words = match.group("name").split()
        if any(w.casefold() in nl.ORG_HEADS or w.casefold() in nl.NON_PERSON_HEADS for w in words[1:]):
            continue  # "Sri Guru Teg Bahadur Law University": a title inside a body's name
        for size in range(len(words), 0, -1):
            name, _ = person_name(" ".join(words[:size]))
            if name and not _ACRONYM_LIKE.match(name):
                start = match.start("name")
                end = start + len(" ".join(words[:size]))
                if size == len(words):
                    name, end = with_particle(text, name, end)  # "Minister Barend du Plessis"
                yield Mention(name, PERSON, start, end, "rule")
                break


_CAPITAL_RUN = re.compile(rf"(?<![\w.'’\-]){_RUN}")


def _name_list_rule(text: str) -> Iterator[Mention]:
    """Yield capitalised runs made of common given names and surnames: 'Lalu Prasad Yadav'."""
    for match in _CAPITAL_RUN.finditer(text):
        words, start = match.group(0).split(), match.start()
        while words and (words[0].casefold() in nl.SENTENCE_WORDS or words[0].rstrip(".").casefold() in nl.TITLES):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        while len(words) > 2 and not _listed(words[0]):  # "Broadcasting Anurag Thakur"
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        folded = [w.rstrip(".'’").casefold() for w in words]
        hits = sum(w in nl.GIVEN_NAMES or w in nl.SURNAMES for w in folded)
        if len(words) < 2 or not (hits >= 2 or (folded[0] in nl.GIVEN_NAMES and hits >= 1)):
            continue
        name, _ = person_name(" ".join(words))
        end = start + len(" ".join(words))
        if name and text.startswith(words[0], start) and not _org_follows(text, end) \
                and not _work_before(text, start) and not _byline(text, start):
            yield Mention(name, PERSON, start, start + len(name), "names")


def _listed(word: str) -> bool:
    """Say whether WORD is a common given name or surname."""
    folded = word.rstrip(".'’").casefold()
    return folded in nl.GIVEN_NAMES or folded in nl.SURNAMES


def _age_rule(text: str) -> Iterator[Mention]:
    """Yield names followed by an age: 'Shabnam Shaikh, 33,' or 'Lalu (36)'."""
    for match in _AGE_RULE.finditer(text):
        group = "name" if match.group("name") else "name2"
        words = match.group(group).split()
        for skip in range(len(words)):  # drop sentence-initial words that are no name
            name, _ = person_name(" ".join(words[skip:]))
            if name:
                yield Mention(name, PERSON, match.start(group), match.end(group), "rule")
                break
