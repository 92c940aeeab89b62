"""Headline tense for the main verb of a parsed lede: present for the past, 'to' for the future.

Only the main verb of the kept clause changes, and only when the lede reports the event itself:
never a verb inside a quote, a past perfect ('had left'), or an event the lede dates before the
day ('a month ago'), and never a participle used as an adjective (it is not the main verb).
"""

from __future__ import annotations

from typing import Any

from generator.wire.trim import ORG_WORDS
from generator.wire.verbs import third_person
from generator.wire.wordlists import words

_PLURAL_PRONOUNS = frozenset("they we i you these those".split())
_IRREGULAR_PRESENT = {"be": ("is", "are"), "have": ("has", "have"), "do": ("does", "do"),
                      "go": ("goes", "go")}
_QUOTES = "\"“”"
_OTHER_CLAUSES = frozenset({"advcl", "relcl", "appos", "acl", "ccomp", "conj", "parataxis", "xcomp"})


def present(lemma: str, plural: bool) -> str:
    """Return the present form of the verb LEMMA: 'meet' -> 'meets' ('meet' when plural)."""
    if lemma in _IRREGULAR_PRESENT:
        return _IRREGULAR_PRESENT[lemma][plural]
    return lemma if plural else third_person(lemma)


def is_plural(verb: Any, kept: frozenset[int] | None = None) -> bool:
    """Tell whether the subject of VERB is plural ('Seven Iraqi men', 'Essex and Kent', 'they').

    KEPT: the words the headline keeps, when a list of subjects may have been shortened.
    """
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            if child.text.lower() in _PLURAL_PRONOUNS or child.tag_ in ("NNS", "NNPS") \
                    or child.lower_ in words("plural_nouns"):
                return True
            listed = [c for c in child.children if c.dep_ == "conj" and c.i > child.i
                      and (kept is None or c.i in kept)]
            return bool(listed) and not _one_party(child) and not one_firm(child, listed[-1])
    return verb.tag_ == "VBP"


def _one_party(subject: Any) -> bool:
    """Tell whether 'X and Y' names one person: 'chairman and president, Lena Marsh'."""
    conj = next(c for c in subject.children if c.dep_ == "conj")
    return subject.lemma_.lower() in words("role_words") and conj.lemma_.lower() in words("role_words")


def one_firm(subject: Any, last: Any) -> bool:
    """Tell whether 'X and Y Plc' names one firm (capitalised words ending on a firm's word), or
    'tyre and cables giant Pirelli' one name with a list in its description."""
    span = subject.doc[subject.i:last.i + 1]
    if last.lower_.rstrip(".") in ORG_WORDS and all(t.text[:1].isupper() or t.lower_ in ("and", "&") for t in span):
        return True
    return subject.tag_ == "NN" and subject.text.islower() and not any(c.dep_ == "det" for c in subject.children) \
        and subject.right_edge.pos_ == "PROPN"


def dated_before(verb: Any) -> bool:
    """Tell whether VERB's own phrases date its event before the day ('a month ago', 'in 1992')."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    own = _own(verb)
    text = f" {' '.join(t.text.lower() for t in own)} "
    return any(f" {phrase} " in text for phrase in words("past_time_words")) or any(
        t.like_num and len(t.text) == 4 and t.text.startswith(("19", "20")) and t.head.dep_ == "prep"
        and t.head.text.lower() in ("in", "during") for t in own)


def _own(verb: Any) -> list[Any]:
    """Return VERB's tokens outside its clauses and asides, in order."""
    out, todo = [], [verb]
    while todo:
        token = todo.pop()
        out.append(token)
        todo += [c for c in token.children if c.dep_ not in _OTHER_CLAUSES]
    return sorted(out, key=lambda t: t.i)


def quoted(verb: Any) -> bool:
    """Tell whether VERB stands inside quotation marks."""
    return sum(t.text in _QUOTES for t in verb.doc[:verb.i]) % 2 == 1


def edits(verb: Any, plural: bool) -> dict[int, str]:
    """Return the words to change for headline tense: token index -> new text ('' drops it)."""
    if quoted(verb) or dated_before(verb):
        return {}
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    lemmas = [a.lemma_.lower() for a in auxes]
    texts = [a.text.lower() for a in auxes]
    if not auxes:
        if verb.tag_ == "VBD":
            return {verb.i: present(verb.lemma_.lower(), plural)}
        return {}
    if "had" in texts or verb.tag_ not in ("VBN", "VBG", "VB"):
        return {}  # a past perfect is background, and stays
    if verb.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in auxes) and lemmas[0] == "be" \
            or verb.tag_ == "VBN" and lemmas[0] == "have" and texts[0] in ("has", "have"):
        if texts[0] in ("is", "are", "am"):
            return {}  # "is expected": already present
        if lemmas[0] == "have" and not any(a.dep_ == "auxpass" for a in auxes):
            return {**{a.i: "" for a in auxes}, verb.i: present(verb.lemma_.lower(), plural)}
        return {a.i: "" for a in auxes}  # "was arrested", "has been named" -> "arrested", "named"
    if verb.tag_ == "VB" and texts[0] == "will" and not any(c.dep_ == "neg" for c in verb.children):
        return {auxes[0].i: "to"}
    if verb.tag_ == "VBG" and texts[0] in ("was", "were"):
        return {auxes[0].i: "are" if plural else "is"}
    if verb.tag_ == "VB" and texts[0] == "did":
        return {auxes[0].i: "do" if plural else "does"}
    return {}


def backshift(verb: Any) -> dict[int, str]:
    """Undo reported speech's back-shift after 'said': 'he would' -> 'he will', 'was making' -> 'is making'."""
    if verb.lemma_.lower() not in words("reporting_verbs"):
        return {}
    changes: dict[int, str] = {}
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        auxes = [a for a in clause.children if a.dep_ == "aux" and a.i < clause.i]
        if auxes and auxes[0].lower_ == "would":
            changes[auxes[0].i] = "will"
        elif auxes and clause.tag_ == "VBG" and auxes[0].lower_ in ("was", "were"):
            changes[auxes[0].i] = "are" if is_plural(clause) else "is"
    return changes
