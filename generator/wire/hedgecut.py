"""Cutting a headline plan: which drops leave no phrase open, in what order groups go, what is kept.

The second half of parse-and-trim (see ``hedge``): the plan says what may go; these functions
say what is left once some of it has gone, and whether what is left reads as a whole.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Sequence

from generator.wire.hedge import (ASIDE, CLAUSE, COMPLEMENT, DESCRIPTION, FIRST_PHRASE, LISTED, MODIFIER,
                                  NAME, PHRASE, PREDICATE, SUBJECT, Plan, CLAUSES, OBJECTS)
from generator.wire.clause import SUBJECTS
from generator.wire.wordlists import words

_OPENERS = frozenset("\"“‘'([")
_CLOSERS = frozenset(",;:.!?\"”’')]")


def unfinished(doc: Any, kept: list[int]) -> int | None:
    """Return a kept word that leaves a phrase open ('aimed', 'after she', 'as part'), or None."""
    if not kept:
        return None
    chosen = set(kept)
    for i in kept:
        token = doc[i]
        if i - 1 not in chosen and _compound_ing(token):
            return i  # "court | trafficking": the noun before it went
        lost = [c for c in token.rights if c.i not in chosen]
        if token.dep_ == "prep" and token.n_rights and not any(c.i in chosen for c in token.rights):
            return i  # "consortium including"
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "ROOT" and any(
                c.dep_ in SUBJECTS or c.dep_ == "mark" and c.lower_ != "that" for c in token.lefts
                if c.i not in chosen):
            return i  # "... shot 67": a clause without its subject or its 'as'

        needs = OBJECTS | CLAUSES | ({"prep", "agent"} if token.tag_ == "VBN" or token.dep_ == "pcomp" else set())
        if token.tag_ in ("VBN", "VBG") and token.dep_ in ("acl", "relcl", "advcl", "pcomp") \
                and any(c.dep_ in needs and c.left_edge.i == i + 1 for c in lost):
            return i  # "the rebate granted represents", "campaign aimed"
        if token.pos_ == "VERB" and token.dep_ in ("advcl", "relcl", "conj") \
                and any(c.dep_ == "prep" and c.left_edge.i == i + 1 for c in lost):
            return i  # "when another vehicle veered"
    at = len(kept) - 1
    while at > 0 and kept[at - 1] == kept[at] - 1 and not doc[kept[at - 1]].whitespace_:
        at -= 1  # judge a word like '2-1' by its first piece
    last = doc[kept[at]]
    lost = [c for c in last.rights if c.i not in chosen]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.i not in chosen and _compound_ing(after):
        return last.i  # "for drugs | trafficking": a compound noun cut in two
    if last.head.lower_ == "as" and after is not None and after.pos_ == "VERB" and after.i not in chosen:
        return last.i  # "... as Tiger Woods | shot 67": a clause without its verb
    if last.lower_ in words("dangling_words") or last.dep_ in ("prep", "cc", "mark", "det", "aux", "case") \
            or last.dep_ in SUBJECTS and last.head.i not in chosen:
        return last.i  # "... after she"
    needs = OBJECTS | CLAUSES | ({"prep"} if last.tag_ == "VBN" else set())
    if last.tag_ in ("VBN", "VBG", "VB") and any(c.dep_ in needs for c in lost):
        return last.i  # "suspected of making"
    if last.dep_ in OBJECTS and last.head.lemma_.lower() in words("placing_verbs") \
            and any(c.dep_ == "prep" and c.i not in chosen for c in last.head.children):
        return last.i  # "puts stock market | in twilight zone"
    if last.lower_ in words("incomplete_nouns") and any(c.dep_ in ("prep", "acl") for c in lost):
        return last.i
    if any(c.dep_ == "conj" for c in lost) and last.tag_ in ("VBG", "VBN"):
        return last.i  # "suspected of making | and selling ..."
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in lost) and any(
            c.dep_ == "det" and c.lower_ in ("any", "some", "every", "each", "no") for c in last.lefts):
        return last.i  # "any vestige | of dissent"
    return None


def _compound_ing(token: Any) -> bool:
    """Tell whether TOKEN is the '-ing' half of a compound noun the parser split ('drugs | trafficking')."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.tag_ == "VBG" and token.dep_ == "acl" and before is not None and before.pos_ == "NOUN" \
        and before.head.i != token.i and not any(c.dep_ in OBJECTS for c in token.children)


def shortest_with(plan: Plan, token: int, dropped: list[frozenset[int]]) -> frozenset[int] | None:
    """Return the smallest optional group holding TOKEN that is not yet dropped."""
    groups = [g for _, _, g in plan.optional if token in g and g not in dropped]
    return min(groups, key=len) if groups else None


_RANKS = {ASIDE: 0, PREDICATE: 1, DESCRIPTION: 2, CLAUSE: 3, PHRASE: 3, MODIFIER: 3, COMPLEMENT: 4, SUBJECT: 5,
          LISTED: 6, FIRST_PHRASE: 7, NAME: 8}
CHEAP = 4  # groups up to this class may be chosen out of order, to keep the longest headline that fits


_NAMED = 5  # the class of a phrase or clause that names a person of the story: who did what is news


def drop_order(plan: Plan, doc: Any, people: Sequence[str] = ()) -> list[tuple[int, frozenset[int]]]:
    """Return (class, group) of the optional groups in the order they go: asides, clauses, then from the
    right; a phrase or clause that names one of PEOPLE goes with the news, after those that name no one."""
    surnames = {name.split()[-1] for name in people if " " in name}
    ranked = [(_class(r, g, doc, surnames), -at, g) for r, at, g in plan.optional]
    ranked = [(max([rank] + [r for r, _, inner in ranked if inner < g and r == _NAMED]), at, g)
              for rank, at, g in ranked]  # a phrase holding one that names a person is news too
    return [(rank, g) for rank, _, g in sorted(ranked, key=lambda o: o[:2])]


def _class(rank: int, group: frozenset[int], doc: Any, surnames: set[str]) -> int:
    """Return the drop class of an optional GROUP of RANK: a phrase that names a person (SURNAMES) is news."""
    if _RANKS[rank] in (_RANKS[PHRASE], _RANKS[SUBJECT]) and any(
            doc[i].pos_ == "PROPN" and doc[i].text in surnames for i in group):
        return max(_NAMED, _RANKS[rank] + 1)
    head = next((doc[i] for i in group if doc[i].head.i not in group), None)
    if rank == CLAUSE and head is not None and head.dep_ == "advcl" and head.tag_ == "VBD" and any(
            c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in head.children):
        return _NAMED
    return _RANKS[rank]


def indices(doc: Any, plan: Plan, dropped: Iterable[frozenset[int]]) -> list[int]:
    """Return the kept token indices, in order, once the DROPPED groups are gone."""
    out = set(plan.keep)
    for _, _, group in plan.optional:
        out |= group
    for group in dropped:
        out -= group
    out |= {plan.head}
    out = _rooted(doc, out, plan.head)
    sentence = doc[plan.head].sent
    return sorted(i for i in _whole_words(doc, out) if sentence.start <= i < sentence.end)


def bare_names(doc: Any, kept: list[int]) -> list[int]:
    """Return KEPT without the words that describe a name ('Olympic champion Kenny Harrison'): a last resort."""
    gone = set().union(*description_steps(doc, kept))
    return [i for i in kept if i not in gone]


def description_steps(doc: Any, kept: list[int]) -> list[set[int]]:
    """Return, in order, the words that describe each name of KEPT, cumulatively: what goes at each step."""
    steps: list[set[int]] = []
    gone: set[int] = set()
    for i in kept:
        token = doc[i]
        if i in gone:
            continue
        if token.pos_ not in ("PROPN", "PUNCT") and token.dep_ in ("amod", "compound", "nmod") \
                and token.head.pos_ == "PROPN" and token.i < token.head.i:
            inner = {t.i for t in token.subtree if t.pos_ not in ("PROPN", "CCONJ")
                     or t.dep_ in ("compound", "amod") and t.head.pos_ != "PROPN"
                     or t.dep_ == "nmod" and t.n_lefts + t.n_rights == 0 and t.head.pos_ != "PROPN"}
            for t in sorted(token.subtree, key=lambda t: -t.i):  # "Real | Madrid coach": the name's first word too
                if t.dep_ == "compound" and t.head.i in inner:
                    inner.add(t.i)
            gone |= inner
        elif token.dep_ == "amod" and token.lower_ in words("grading_adjectives") and token.head.pos_ == "NOUN":
            gone.add(i)  # "senior Belarus politician"
        if gone and (not steps or gone != steps[-1]):
            steps.append(set(gone))
    return steps


def _rooted(doc: Any, kept: set[int], head: int) -> set[int]:
    """Drop kept words whose head went (a misparse's stray word), unless set beside a name."""
    out = set(kept)
    changed = True
    while changed:
        changed = False
        for i in sorted(out):
            token = doc[i]
            if i != head and token.head.i != i and token.head.i not in out and not token.is_punct \
                    and token.dep_ not in ("appos", "conj", "poss", "case", "nsubj", "nsubjpass", "dobj") \
                    and not _named_by(token, out):
                out.discard(i)
                changed = True
    return out


def _named_by(token: Any, kept: set[int]) -> bool:
    """Tell whether TOKEN belongs to a kept name set beside a dropped title."""
    return any(a.dep_ == "appos" and a.i in kept and token.i in {t.i for t in a.subtree} for a in token.ancestors)


def _whole_words(doc: Any, kept: set[int]) -> set[int]:
    """Keep every piece of a word when one is kept: '2-1', 'nine-under-par', 'CPI-M's'."""
    texts, spaced, punct = _layout(doc)
    out = set(kept)
    for i in (i for i in kept if not punct[i] or texts[i] in "-–/"):
        j = i
        while j > 0 and not spaced[j - 1] and texts[j - 1] not in _OPENERS:
            j -= 1
            out.add(j)
        j = i
        while j + 1 < len(texts) and not spaced[j] and texts[j + 1] not in _CLOSERS:
            j += 1
            out.add(j)
    return out


@lru_cache(maxsize=4)
def _layout(doc: Any) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...]]:
    """Return each token's text, whether a space follows it and whether it is punctuation (read once a doc)."""
    return (tuple(t.text for t in doc), tuple(bool(t.whitespace_) for t in doc), tuple(t.is_punct for t in doc))
