"""Parse and trim: which words of a parsed lede a headline keeps, and which it may drop.

After Dorr, Zajic and Schwartz's "Hedge Trimmer" (2003): find the main clause, keep its subject,
verb and the object that carries the news; drop what leads into it (participle and conditional
clauses, time phrases), appositions, relative clauses and attributions; then, only while the
headline is too long, drop the optional phrases one by one, the least needed first. Every cut
removes a whole subtree of the parse, so nothing is ever cut mid-phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.wire import namelists as nl
from generator.wire.clause import SUBJECTS, is_time, reporting
from generator.wire.tense import one_firm
from generator.wire.trim import ROLES

_MARKERS = frozenset({"aux", "auxpass", "neg", "prt"})
OBJECTS = frozenset({"dobj", "attr", "acomp", "oprd", "dative", "agent"})
CLAUSES = frozenset({"xcomp", "ccomp"})
_ADJUNCTS = frozenset({"advcl", "prep", "npadvmod", "advmod", "conj", "cc", "acl", "parataxis", "dep", "oprd"})
# How soon an optional phrase goes when the headline is too long (lowest first).
ASIDE, CLAUSE, PHRASE, FIRST_PHRASE, MODIFIER, DESCRIPTION, SUBJECT, LISTED, PREDICATE, COMPLEMENT, NAME = range(1, 12)
MAX_DESCRIPTION = 3  # words before a name worth keeping: "Senegal's President", "Russian Prime Minister"


@dataclass(frozen=True, slots=True)
class Plan:
    """What to print of a parsed sentence: kept token indices, and the optional groups."""

    head: int  # the main verb of the kept clause
    keep: frozenset[int]
    optional: tuple[tuple[int, int, frozenset[int]], ...]  # (rank, position, token indices)


def plan(doc: Any, verb: Any) -> Plan | None:
    """Return what a headline keeps of VERB's clause in DOC; None when it has no subject."""
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    keep: set[int] = set()
    optional: list[tuple[int, int, frozenset[int]]] = []
    _clause(verb, keep, optional, top=True)
    return Plan(verb.i, frozenset(keep), tuple(optional))


def subtree(token: Any) -> set[int]:
    """Return the indices of TOKEN's subtree."""
    return {t.i for t in token.subtree}


def _clause(verb: Any, keep: set[int], optional: list, top: bool = False) -> None:
    """Keep VERB, its subject, markers and objects; file its other phrases as optional.

    In the main clause (TOP) what stands before the subject leads into the clause and goes.
    """
    keep.add(verb.i)
    main = top or verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT"
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    start = min((c.left_edge.i for c in subjects), default=verb.i) if top else -1
    phrases = 0
    after = max((c.right_edge.i for c in subjects), default=verb.i) + 1
    aside = range(after, verb.i) if top and after < verb.i and _dash(verb.doc[after]) else range(0)
    pause = min((c.i for c in verb.children if c.dep_ == "punct" and c.i > verb.i and _dash(c)),
                default=len(verb.doc)) if top else len(verb.doc)
    for child in verb.children:
        dep = child.dep_
        if child.i in aside and dep not in _MARKERS:
            continue  # "Texaco, in documents filed with ..., said"
        if child.i > pause and dep in _ADJUNCTS:
            optional.append((ASIDE, child.i, _group(child, optional)))
        elif dep in SUBJECTS:
            _phrase(child, keep, optional, rank=SUBJECT if main else MODIFIER)
        elif child.i < start or verb.i > child.i > start and _after_comma(child) and dep not in _MARKERS \
                or dep in ("punct", "dep", "intj", "meta", "parataxis", "cc", "mark") \
                and (top or dep != "mark"):
            continue  # what leads into the clause, and loose ends
        elif dep in _MARKERS or dep == "mark" and (child.lower_ != "that" or verb.dep_ != "ccomp"):
            keep.add(child.i)
        elif dep == "mark":
            continue  # "said that ...": a headline drops the 'that'
        elif is_time(child) or child.lemma_.lower() in ("accord", "according"):
            continue
        elif dep in OBJECTS and any(c.dep_ == dep and c.i < child.i for c in verb.children):
            optional.append((PHRASE, child.i, _group(child, optional)))  # a second object: a misparse
        elif dep in OBJECTS and child.pos_ not in ("VERB", "AUX"):
            _phrase(child, keep, optional, first=main and phrases == 0)
            phrases += 1 if any(o[0] == FIRST_PHRASE and o[2] & subtree(child) for o in optional) else 0
        elif dep in OBJECTS or dep in CLAUSES:
            _any(child, keep, optional)
        elif dep == "conj":
            _conjunct(verb, child, optional)
        elif dep in ("advcl", "acl"):
            rank = ASIDE if _after_comma(child) or child.i < verb.i else CLAUSE
            optional.append((rank, child.i, _group(child, optional)))
        elif dep == "prep" and child.i > verb.i:
            rank = FIRST_PHRASE if main and phrases == 0 and _next_to_core(verb, child) else PHRASE
            if verb.lemma_ == "be" and phrases == 0 and _next_to_core(verb, child):
                inner: list = []  # "fighting was between rival factions": the predicate itself
                keep.update(_group(child, inner))
                optional += [(FIRST_PHRASE if main else rank_, at, g) for rank_, at, g in inner]
                phrases += 1
                continue
            phrases += 1
            optional.append((rank, child.i, _group(child, optional)))
        elif dep in ("advmod", "npadvmod", "prep") and child.i < verb.i and len(list(child.subtree)) == 1:
            if _next_to(child, verb) or child.tag_ == "WRB":
                keep.add(child.i)  # "barely edged up", "convincingly defeated", "will both take", "how"
        else:
            optional.append((PHRASE, child.i, _group(child, optional)))


def _next_to(word: Any, verb: Any) -> bool:
    """Tell whether only auxiliaries stand between WORD and VERB."""
    return all(t.dep_ in _MARKERS for t in word.doc[word.i + 1:verb.i])


def _any(token: Any, keep: set[int], optional: list) -> None:
    """Keep the clause or phrase headed by TOKEN."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
        _clause(token, keep, optional)
    else:
        _phrase(token, keep, optional)


def _group(token: Any, optional: list) -> frozenset[int]:
    """Return the tokens an optional phrase headed by TOKEN brings; file its own optional parts."""
    keep: set[int] = set()
    inner: list = []
    _any(token, keep, inner)
    optional += [(rank, at, group) for rank, at, group in inner if rank != ASIDE]
    return frozenset(keep.union(*(g for rank, _, g in inner if rank != ASIDE)))


def _next_to_core(verb: Any, prep: Any) -> bool:
    """Tell whether PREP follows the verb or its object directly ('agreed on a draw')."""
    before = [t for t in verb.children if verb.i < t.i < prep.i and t.dep_ not in _MARKERS]
    return all(t.dep_ in OBJECTS | CLAUSES for t in before)


def _conjunct(verb: Any, conj: Any, optional: list) -> None:
    """File a second predicate ('and said it ...') with its 'and' as optional."""
    start = max((c.i for c in verb.children if c.dep_ == "conj" and c.i < conj.i), default=verb.i)
    ccs = {c.i for c in verb.children if c.dep_ == "cc" and start < c.i < conj.i}  # its own 'and'
    group = _group(conj, optional) | ccs
    joined = bool(ccs)
    if conj.pos_ in ("NOUN", "PROPN"):
        rank = ASIDE  # a noun hung on a verb: a misparse ('threw an eight-hitter and | White's RBI')
    elif conj.i == verb.i + 2 and joined and not any(c.dep_ in OBJECTS | {"prep"} for c in verb.children) \
            and any(c.dep_ in OBJECTS | {"prep"} for c in conj.children):
        rank = FIRST_PHRASE  # "revised and extended | their agreement": the object is both verbs'
    elif conj.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECTS for c in conj.children):
        rank = ASIDE if conj.lemma_.lower() in reporting() or _after_comma(conj) or not joined else PREDICATE
    else:
        rank = PREDICATE
    optional.append((rank, conj.i, frozenset(group)))


def _after_comma(token: Any) -> bool:
    """Tell whether TOKEN's phrase opens after a comma or dash."""
    first = token.left_edge.i
    return first > 0 and _dash(token.doc[first - 1])


def _dash(token: Any) -> bool:
    """Tell whether TOKEN sets off an aside: a comma, a semicolon or a dash ('-' with spaces round it)."""
    if token.text == "-":
        return bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in (",", "--", "—", "–", ";")


def _phrase(token: Any, keep: set[int], optional: list, first: bool = False,
            rank: int = MODIFIER) -> None:
    """Keep the phrase headed by TOKEN without its asides; file its modifiers as optional.

    FIRST: TOKEN is the verb's object, whose first modifier is kept longest ('gratitude to X').
    """
    name = _named(token)
    if name is not None:
        _phrase(name, keep, optional, rank=rank)
        return
    keep.add(token.i)
    owned = any(c.dep_ == "case" for c in token.children)  # "Republic of Ireland's": one name
    for child in token.children:
        dep = child.dep_
        if dep in ("parataxis", "meta") or is_time(child) or _set_off(token, child):
            continue
        if dep == "punct":
            keep.add(child.i)
        elif dep == "acl" and child.i == token.i + 1 and child.tag_ == "VBG" \
                and not any(c.dep_ in OBJECTS | CLAUSES for c in child.children):
            keep.add(child.i)  # "cases of chain snatching": a compound, not a clause
            optional += [(rank, c.i, _group(c, optional)) for c in child.children]
        elif dep == "prep" and child.lower_ == "of" and token.pos_ == "PROPN" \
                and any(o.pos_ == "PROPN" for o in child.children):
            optional.append((NAME, child.i, _group(child, optional)))  # "Organisation of Islamic Conference"
        elif dep in ("prep", "acl", "relcl") and child.i > token.i and not owned:
            at = FIRST_PHRASE if first and child.left_edge.i == token.i + 1 else rank
            if first and dep in ("acl", "relcl") and doc_word(child.left_edge) == "that" \
                    and not any(c.dep_ in SUBJECTS and c.lower_ == "that" for c in child.children):
                at = FIRST_PHRASE  # "concern that ...", "reports that ...": what the noun says
            at = COMPLEMENT if dep == "prep" and child.lower_ == "of" and at not in (FIRST_PHRASE, SUBJECT) else at
            at = CLAUSE if dep == "relcl" and child.tag_ != "VB" else at
            optional.append((at, child.i, _group(child, optional)))
        elif dep == "conj" and child.pos_ in ("VERB", "AUX"):
            continue
        elif dep == "conj" and (rank == SUBJECT and not one_firm(token, child) or _owned(child)):
            _listed(child, keep, optional)  # "... and his multi-billion peseta line-up": a second item
        else:
            _any(child, keep, optional)
    _describe(token, keep, optional)


def _listed(item: Any, keep: set[int], optional: list) -> None:
    """File a later item of the subject's list, with the comma or 'and' before it, as optional."""
    inner: set[int] = set()
    _phrase(item, inner, optional, rank=SUBJECT)
    doc, first = item.doc, item.left_edge.i
    while first > 0 and doc[first - 1].dep_ in ("cc", "punct"):
        first -= 1
        inner.add(first)
    optional.append((LISTED, item.i, frozenset(inner)))


def _owned(item: Any) -> bool:
    """Tell whether a listed ITEM belongs to someone named before it ('and his line-up')."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in item.children)


def doc_word(token: Any) -> str:
    """Return TOKEN's text, lower-cased."""
    return token.lower_


def _set_off(token: Any, child: Any) -> bool:
    """Tell whether CHILD is set off from TOKEN by a comma or dash: an aside, not a list item."""
    if child.dep_ == "conj" or child.dep_ == "punct":
        return False
    if child.dep_ in ("appos", "acl", "prep", "relcl") and _after_comma(child):
        return True
    low, high = sorted((token.i, child.left_edge.i if child.i > token.i else child.right_edge.i))
    return any(_dash(t) and t.text != ";" for t in token.doc[low + 1:high])


def _named(token: Any) -> Any | None:
    """Return the name set beside a common noun ('The U.S. ambassador, Madeleine Albright')."""
    if token.pos_ == "PROPN":
        return None
    heads = [token] + [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]  # "One of Cuba's authors, X"
    for child in (c for head in heads for c in head.children):
        if child.dep_ == "appos" and child.pos_ == "PROPN" and _after_comma(child) and child.i > token.i:
            return child
    for child in token.children:
        if child.dep_ == "appos" and child.left_edge.i == token.i + 1 and token.lower_ in ROLES | nl.TITLES \
                and len([t for t in token.subtree if t.i < token.i and not t.is_punct]) >= MAX_DESCRIPTION:
            return child  # a long description before the name goes: 'AIUDF chief Badruddin Ajmal'
    return None


def _describe(token: Any, keep: set[int], optional: list) -> None:
    """Make the description before a name optional, or drop it when long ('Bihar Deputy CM')."""
    titles = ROLES | nl.TITLES
    if token.pos_ != "PROPN" or token.lower_ in titles or token.dep_ in ("compound", "amod", "nmod"):
        return
    doc, first = token.doc, token.i
    while first > token.left_edge.i and doc[first - 1].i in keep and _name_word(doc[first - 1], titles):
        first -= 1
    described = [t for t in doc[token.left_edge.i:first] if t.i in keep]
    if not described or not any(t.text.lower() in titles for t in described):
        return
    spoken = [t for t in described if t.dep_ not in ("det", "case", "punct")]
    group = frozenset(t.i for t in described)
    if len(spoken) > MAX_DESCRIPTION or described[0].is_lower and described[0].dep_ != "det" \
            and described[0].lemma_ not in ("former", "late"):
        keep.difference_update(group)  # "Senior Samajwadi Party leader", "party President"
    else:
        rank = MODIFIER if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children) \
            else DESCRIPTION
        optional.append((rank, described[0].i, group))


def _name_word(token: Any, titles: frozenset[str]) -> bool:
    """Tell whether TOKEN can be part of a person's name ('T.', 'Singh', not 'Minister')."""
    return (token.pos_ == "PROPN" or token.text[:1].isupper() and token.text.endswith(".")) \
        and token.text.lower() not in titles
