"""Parse and trim: which words of a parsed lede a headline keeps, and which it may drop.

After Dorr, Zajic and Schwartz's "Hedge Trimmer" (2003): find the main clause, keep its subject,
verb and the object that carries the news; drop what leads into it (participle and conditional
clauses, time phrases), appositions, relative clauses and attributions; then, only while the
headline is too long, drop the optional phrases one by one, the least needed first. Every cut
removes a whole subtree of the parse, so nothing is ever cut mid-phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from generator.wire import namelists as nl
from generator.wire.trim import ROLES
from generator.wire.wordlists import words

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_MARKERS = frozenset({"aux", "auxpass", "neg", "prt"})
_OBJECTS = frozenset({"dobj", "attr", "acomp", "oprd", "dative", "agent"})
_CLAUSES = frozenset({"xcomp", "ccomp"})
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march "
                    "april june july august september october november december".split())
# How soon an optional phrase goes when the headline is too long (lowest first).
ASIDE, CLAUSE, PHRASE, FIRST_PHRASE, MODIFIER, DESCRIPTION, SUBJECT, LISTED = range(1, 9)
_OPENERS = frozenset("\"“‘'([")
_CLOSERS = frozenset(",;:.!?\"”’')]")
MAX_DESCRIPTION = 3  # words before a name worth keeping: "Senegal's President", "Russian Prime Minister"


@dataclass(frozen=True, slots=True)
class Plan:
    """What to print of a parsed sentence: kept token indices, and the optional groups."""

    head: int  # the main verb of the kept clause
    keep: frozenset[int]
    optional: tuple[tuple[int, int, frozenset[int]], ...]  # (rank, position, token indices)


def reporting() -> frozenset[str]:
    """Return the lemmas of verbs that attribute rather than report."""
    return words("reporting_verbs")


def main_verb(doc: Any) -> Any | None:
    """Return the head of the clause that carries the news: an end attribution is skipped."""
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    if not roots:
        return None
    root = roots[0]
    if root.lemma_.lower() in reporting():
        before = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i
                  and c.pos_ in ("VERB", "AUX")]
        subject = [c for c in root.children if c.dep_ in SUBJECTS]
        if before and (not subject or subject[0].i > before[0].i):
            return before[0]
    return root


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


def is_time(token: Any) -> bool:
    """Tell whether TOKEN heads a time phrase of the day: 'on Friday', 'Thursday', 'last night'."""
    times = words("time_words")
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(_day(o, times) for o in objects)
    return token.dep_ in ("npadvmod", "tmod", "advmod", "nmod", "pobj") and _day(token, times)


def _day(token: Any, times: frozenset[str]) -> bool:
    """Tell whether TOKEN names a day or a part of one ('Friday', 'night', 'Aug 30')."""
    low = token.text.lower().rstrip(".")
    return low in times or low in _MONTHS and any(c.like_num for c in token.children)


def _clause(verb: Any, keep: set[int], optional: list, top: bool = False) -> None:
    """Keep VERB, its subject, markers and objects; file its other phrases as optional.

    In the main clause (TOP) what stands before the subject leads into the clause and goes.
    """
    keep.add(verb.i)
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    start = min((c.left_edge.i for c in subjects), default=verb.i) if top else -1
    phrases = 0
    for child in verb.children:
        dep = child.dep_
        if dep in SUBJECTS:
            _phrase(child, keep, optional, rank=SUBJECT if top else MODIFIER)
        elif child.i < start or verb.i > child.i > start and _after_comma(child) or dep in ("punct", "dep", "intj", "meta", "parataxis", "cc", "mark") \
                and (top or dep != "mark"):
            continue  # what leads into the clause, and loose ends
        elif dep in _MARKERS or dep == "mark" and (child.lower_ != "that" or verb.dep_ != "ccomp"):
            keep.add(child.i)
        elif is_time(child) or child.lemma_.lower() in ("accord", "according"):
            continue
        elif dep in _OBJECTS and child.pos_ not in ("VERB", "AUX"):
            _phrase(child, keep, optional, first=phrases == 0)
            phrases += 1 if any(o[0] == FIRST_PHRASE and o[2] & subtree(child) for o in optional) else 0
        elif dep in _OBJECTS or dep in _CLAUSES:
            _any(child, keep, optional)
        elif dep == "conj":
            _conjunct(verb, child, optional)
        elif dep in ("advcl", "acl"):
            rank = ASIDE if _after_comma(child) or child.i < verb.i else CLAUSE
            optional.append((rank, child.i, _group(child, optional)))
        elif dep == "prep" and child.i > verb.i:
            rank = FIRST_PHRASE if phrases == 0 and _next_to_core(verb, child) else PHRASE
            phrases += 1
            optional.append((rank, child.i, _group(child, optional)))
        elif dep in ("advmod", "npadvmod", "prep") and child.i < verb.i and len(list(child.subtree)) == 1:
            keep.add(child.i)  # "barely edged up", "convincingly defeated"
        else:
            optional.append((PHRASE, child.i, _group(child, optional)))


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
    return all(t.dep_ in _OBJECTS | _CLAUSES for t in before)


def _conjunct(verb: Any, conj: Any, optional: list) -> None:
    """File a second predicate ('and said it ...') with its 'and' as optional."""
    group = _group(conj, optional) | {c.i for c in verb.children if c.dep_ == "cc" and c.i < conj.i}
    if conj.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECTS for c in conj.children):
        rank = ASIDE if conj.lemma_.lower() in reporting() or _after_comma(conj) else CLAUSE
    else:
        rank = CLAUSE
    optional.append((rank, conj.i, frozenset(group)))


def _after_comma(token: Any) -> bool:
    """Tell whether TOKEN's phrase opens after a comma or dash."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text in (",", "--", "-", "—", "–", ";")


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
        elif dep in ("prep", "acl", "relcl") and child.i > token.i and not owned:
            at = FIRST_PHRASE if first and child.left_edge.i == token.i + 1 else rank
            at = CLAUSE if dep == "relcl" and child.tag_ != "VB" else at
            optional.append((at, child.i, _group(child, optional)))
        elif dep == "conj" and child.pos_ in ("VERB", "AUX"):
            continue
        elif dep == "conj" and rank == SUBJECT:
            _listed(child, keep, optional)
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


def _set_off(token: Any, child: Any) -> bool:
    """Tell whether CHILD is set off from TOKEN by a comma or dash: an aside, not a list item."""
    if child.dep_ == "conj" or child.dep_ == "punct":
        return False
    if child.dep_ in ("appos", "acl", "prep", "relcl") and _after_comma(child):
        return True
    low, high = sorted((token.i, child.left_edge.i if child.i > token.i else child.right_edge.i))
    return any(t.text in (",", "--", "—", "–") for t in token.doc[low + 1:high])


def _named(token: Any) -> Any | None:
    """Return the name set beside a common noun ('The U.S. ambassador, Madeleine Albright')."""
    if token.pos_ == "PROPN":
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and _after_comma(child) and child.i > token.i:
            return child
    return None


def _describe(token: Any, keep: set[int], optional: list) -> None:
    """Make the description before a name optional, or drop it when long ('Bihar Deputy CM')."""
    titles = ROLES | nl.TITLES
    if token.pos_ != "PROPN" or token.lower_ in titles or token.dep_ in ("compound", "amod", "nmod", "poss"):
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


def drop_order(plan: Plan) -> list[frozenset[int]]:
    """Return the optional groups in the order they go: asides, clauses, then from the right."""
    ranks = {ASIDE: 0, CLAUSE: 1, PHRASE: 2, MODIFIER: 2, DESCRIPTION: 3, SUBJECT: 4, LISTED: 5, FIRST_PHRASE: 6}
    return [g for _, _, g in sorted(plan.optional, key=lambda o: (ranks[o[0]], -o[1]))]


def indices(doc: Any, plan: Plan, dropped: Iterable[frozenset[int]]) -> list[int]:
    """Return the kept token indices, in order, once the DROPPED groups are gone."""
    out = set(plan.keep)
    for _, _, group in plan.optional:
        out |= group
    for group in dropped:
        out -= group
    out |= {plan.head}
    return sorted(_whole_words(doc, out))


def _whole_words(doc: Any, kept: set[int]) -> set[int]:
    """Keep every piece of a word when one is kept: '2-1', 'nine-under-par', 'CPI-M's'."""
    out = set(kept)
    for i in kept:
        j = i
        while j > 0 and not doc[j - 1].whitespace_ and doc[j - 1].text not in _OPENERS:
            j -= 1
            out.add(j)
        j = i
        while j + 1 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text not in _CLOSERS:
            j += 1
            out.add(j)
    return out
