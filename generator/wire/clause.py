"""The clause a headline is written from: the main verb of a parsed lede, and the time words it drops."""

from __future__ import annotations

from typing import Any

from generator.wire.wordlists import words

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march "
                    "april june july august september october november december".split())


def reporting() -> frozenset[str]:
    """Return the lemmas of verbs that attribute rather than report."""
    return words("reporting_verbs")


def main_verb(doc: Any) -> Any | None:
    """Return the head of the clause that carries the news: an end attribution is skipped."""
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    if not roots:
        return None
    root = roots[0]
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.tag_ == "JJ":  # 'Romanian | listed state engineer X said': a misparse
        named = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and any(s.dep_ in SUBJECTS and s.pos_ == "PROPN" for s in c.children)]
        root = named[0] if named else root
    if root.lemma_.lower() in reporting():
        before = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i
                  and c.pos_ in ("VERB", "AUX")]
        subject = [c for c in root.children if c.dep_ in SUBJECTS]
        if before and (not subject or subject[0].i > before[0].i):
            return before[0]
    return root


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
