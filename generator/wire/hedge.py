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
_ADJUNCTS = frozenset({"advcl", "prep", "npadvmod", "advmod", "conj", "cc", "acl", "parataxis", "dep", "oprd"})
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march "
                    "april june july august september october november december".split())
# How soon an optional phrase goes when the headline is too long (lowest first).
ASIDE, CLAUSE, PHRASE, FIRST_PHRASE, MODIFIER, DESCRIPTION, SUBJECT, LISTED, PREDICATE, COMPLEMENT, NAME = range(1, 12)
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
        elif dep in _OBJECTS and any(c.dep_ == dep and c.i < child.i for c in verb.children):
            optional.append((PHRASE, child.i, _group(child, optional)))  # a second object: a misparse
        elif dep in _OBJECTS and child.pos_ not in ("VERB", "AUX"):
            _phrase(child, keep, optional, first=main and phrases == 0)
            phrases += 1 if any(o[0] == FIRST_PHRASE and o[2] & subtree(child) for o in optional) else 0
        elif dep in _OBJECTS or dep in _CLAUSES:
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
    return all(t.dep_ in _OBJECTS | _CLAUSES for t in before)


def _conjunct(verb: Any, conj: Any, optional: list) -> None:
    """File a second predicate ('and said it ...') with its 'and' as optional."""
    group = _group(conj, optional) | {c.i for c in verb.children if c.dep_ == "cc" and c.i < conj.i}
    joined = any(c.dep_ == "cc" and c.i < conj.i for c in verb.children)
    if conj.pos_ in ("VERB", "AUX") and not any(c.dep_ in SUBJECTS for c in conj.children):
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
                and not any(c.dep_ in _OBJECTS | _CLAUSES for c in child.children):
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


def unfinished(doc: Any, kept: list[int]) -> int | None:
    """Return a kept word that leaves a phrase open ('aimed', 'after she', 'as part'), or None."""
    if not kept:
        return None
    chosen = set(kept)
    for i in kept:
        token = doc[i]
        lost = [c for c in token.rights if c.i not in chosen]
        if token.dep_ == "prep" and token.n_rights and not any(c.i in chosen for c in token.rights):
            return i  # "consortium including"
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "ROOT" and any(
                c.dep_ in SUBJECTS or c.dep_ == "mark" and c.lower_ != "that" for c in token.lefts
                if c.i not in chosen):
            return i  # "... shot 67": a clause without its subject or its 'as'

        needs = _OBJECTS | _CLAUSES | ({"prep", "agent"} if token.tag_ == "VBN" or token.dep_ == "pcomp" else set())
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
    if last.lower_ in words("dangling_words") or last.dep_ in ("prep", "cc", "mark", "det", "aux", "case") \
            or last.dep_ in SUBJECTS and last.head.i not in chosen:
        return last.i  # "... after she"
    needs = _OBJECTS | _CLAUSES | ({"prep"} if last.tag_ == "VBN" else set())
    if last.tag_ in ("VBN", "VBG", "VB") and any(c.dep_ in needs for c in lost):
        return last.i  # "suspected of making"
    if last.lower_ in words("incomplete_nouns") and any(c.dep_ in ("prep", "acl") for c in lost):
        return last.i
    if any(c.dep_ == "conj" for c in lost) and last.tag_ in ("VBG", "VBN"):
        return last.i  # "suspected of making | and selling ..."
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in lost) and any(
            c.dep_ == "det" and c.lower_ in ("any", "some", "every", "each", "no") for c in last.lefts):
        return last.i  # "any vestige | of dissent"
    return None


def shortest_with(plan: Plan, token: int, dropped: list[frozenset[int]]) -> frozenset[int] | None:
    """Return the smallest optional group holding TOKEN that is not yet dropped."""
    groups = [g for _, _, g in plan.optional if token in g and g not in dropped]
    return min(groups, key=len) if groups else None


_RANKS = {ASIDE: 0, PREDICATE: 1, DESCRIPTION: 2, CLAUSE: 3, PHRASE: 3, MODIFIER: 3, COMPLEMENT: 4, SUBJECT: 5,
          LISTED: 6, FIRST_PHRASE: 7, NAME: 8}
CHEAP = 4  # groups up to this class may be chosen out of order, to keep the longest headline that fits


def drop_order(plan: Plan) -> list[tuple[int, frozenset[int]]]:
    """Return (class, group) of the optional groups in the order they go: asides, clauses, then from the right."""
    return [(_RANKS[r], g) for r, _, g in sorted(plan.optional, key=lambda o: (_RANKS[o[0]], -o[1]))]


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
    gone: set[int] = set()
    for i in kept:
        token = doc[i]
        if token.pos_ not in ("PROPN", "PUNCT") and token.dep_ in ("amod", "compound", "nmod") \
                and token.head.pos_ == "PROPN" and token.i < token.head.i:
            gone |= {t.i for t in token.subtree if t.pos_ not in ("PROPN", "CCONJ")
                     or t.dep_ in ("compound", "amod") and t.head.pos_ != "PROPN"}
    return [i for i in kept if i not in gone]


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
    out = set(kept)
    for i in (i for i in kept if not doc[i].is_punct or doc[i].text in "-–/"):
        j = i
        while j > 0 and not doc[j - 1].whitespace_ and doc[j - 1].text not in _OPENERS:
            j -= 1
            out.add(j)
        j = i
        while j + 1 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text not in _CLOSERS:
            j += 1
            out.add(j)
    return out
