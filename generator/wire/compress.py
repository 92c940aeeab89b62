"""Shorter forms a sub-editor uses when a headline is too long: abbreviations, a person's name as
the copy gives it on second mention ('Yeltsin'), an organisation's initials when the copy defines
them ('OIC'), a place without 'the town of', and an attribution moved to the end
('Iraqi forces are shelling Arbil, opposition group says').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from generator.wire.acronyms import story_acronyms as _story_acronyms
from generator.wire.clause import SUBJECTS
from generator.wire.wordlists import entries, words

_SELF = frozenset("it he she they we".split())  # who refers back to the speaker
_ASIDES = frozenset({"appos", "acl", "relcl", "prep", "amod", "advmod"})


@dataclass(frozen=True, slots=True)
class Copy:
    """What of the story a headline may shorten names against: its text and its people."""

    text: str = ""
    people: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Return (pattern, short form) for each entry of data/abbreviations.txt."""
    pairs = (line.split("\t") for line in entries("abbreviations"))
    return tuple((re.compile(rf"(?<![\w-]){re.escape(long)}(?![\w-])", re.I), short) for long, short in pairs)


def abbreviate(text: str) -> str:
    """Write TEXT with headline abbreviations: 'percent' -> 'pct', 'million' -> 'mln'."""
    for pattern, short in _abbreviations():
        text = pattern.sub(short, text)
    return text


def short_names(doc: Any, kept: list[int], copy: Copy) -> list[tuple[set[int], dict[int, str]]]:
    """Return, name by name in KEPT, the words to drop and the changes that shorten it: a person's
    name as the copy gives it alone ('Yeltsin'), initials the copy defines for a long name ('OIC')."""
    cuts = [(gone, {}) for gone in (_given(doc, run, copy) | _legal_form(doc, run) for run in _runs(doc, kept)) if gone]
    cuts += _initials(doc, kept, copy.text)
    return sorted(cuts, key=lambda cut: min(cut[0] | set(cut[1])))


def _runs(doc: Any, kept: list[int]) -> list[list[int]]:
    """Return the runs of neighbouring kept proper nouns: 'Boris Yeltsin'."""
    runs: list[list[int]] = []
    for i in kept:
        if doc[i].pos_ != "PROPN":
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 1]


def _given(doc: Any, run: list[int], copy: Copy) -> set[int]:
    """Return the words of the person's name in RUN that the copy drops on later mention."""
    texts = [doc[i].text for i in run]
    for person in copy.people:
        size = len(person.split())
        at = next((k for k in range(len(run) - size + 1) if " ".join(texts[k:k + size]) == person), None)
        if size > 1 and at is not None:
            name = run[at:at + size]
            break
    else:
        return set()
    best: tuple[int, set[int]] = (0, set())
    for cut in range(1, len(name)):  # the surname first: on a tie it wins
        for short, before, after in ((name[cut:], name[cut - 1], None), (name[:cut], None, name[cut])):
            alone = _alone(copy.text, short, before, after, doc)
            if alone > best[0]:
                best = (alone, set(name) - set(short))
    return best[1]


def _legal_form(doc: Any, run: list[int]) -> set[int]:
    """Return the words of a firm's legal form at the end of RUN ('Holdings Ltd'), keeping its name."""
    end = len(run)
    while end > 1 and doc[run[end - 1]].lower_.rstrip(".") in words("firm_suffixes"):
        end -= 1
    return set(run[end:])


def _alone(text: str, short: list[int], before: int | None, after: int | None, doc: Any) -> int:
    """Count the mentions of SHORT in TEXT without the name word BEFORE or AFTER it."""
    words_ = r"\s+".join(re.escape(doc[i].text) for i in short)
    lead = rf"(?<!{re.escape(doc[before].text)} )" if before is not None else ""
    tail = rf"(?!\s+{re.escape(doc[after].text)}\b)" if after is not None else ""
    return len(re.findall(rf"{lead}\b{words_}\b{tail}", text))


@lru_cache(maxsize=8)
def story_acronyms(text: str) -> dict[str, str]:
    """Return the acronyms TEXT defines (one story's, read once for all the forms tried)."""
    return _story_acronyms(text)


def _initials(doc: Any, kept: list[int], text: str) -> list[tuple[set[int], dict[int, str]]]:
    """Return the words to drop and the change that write each long name in KEPT as the initials
    the copy defines for it."""
    found = []
    chosen = set(kept)
    for short, full in story_acronyms(text).items():
        size = len(full.split())
        for i in kept:
            span = [j for j in range(i, i + size + 2) if j in chosen and not doc[j].is_punct][:size]
            if " ".join(doc[j].text for j in span) == full:
                found.append((set(range(span[0] + 1, span[-1] + 1)), {i: short}))
    return found


def without_place_nouns(doc: Any, kept: list[int]) -> list[int]:
    """Return KEPT without 'the Kurdish town of' before a place name."""
    gone: set[int] = set()
    for token in (doc[i] for i in kept if doc[i].lower_ in words("place_nouns")):
        names = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        if names:
            gone |= set(range(token.left_edge.i, names[0].left_edge.i))
    return [i for i in kept if i not in gone]


def reported(verb: Any) -> Any | None:
    """Return the clause VERB reports ('said [Iraqi forces shelled Arbil]'), when its subject is named.

    'said it had received reports that [Iraqi forces were shelling Arbil]': what the reports say.
    """
    if verb.lemma_.lower() not in words("reporting_verbs"):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is not None and _pronoun_subject(clause):
        heard = [a for o in clause.children if o.dep_ == "dobj" and o.lower_ in words("report_nouns")
                 for a in o.children if a.dep_ in ("acl", "relcl") and a.pos_ in ("VERB", "AUX")]
        clause = heard[0] if heard else None
    if clause is None or _pronoun_subject(clause) or not _has_subject(clause) or clause.left_edge.tag_ == "PRP$":
        return None  # 'its venture was granted ...' cannot open a headline
    return clause


def own_words(verb: Any) -> Any | None:
    """Return the clause VERB reports when its subject is the speaker again ('X said [it would withdraw Y]')."""
    if verb.lemma_.lower() not in words("reporting_verbs"):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or not any(c.dep_ in SUBJECTS and c.lower_ in _SELF for c in clause.children):
        return None
    return clause


def _pronoun_subject(clause: Any) -> bool:
    """Tell whether CLAUSE's subject is a pronoun ('it had received')."""
    return any(c.dep_ in SUBJECTS and c.pos_ == "PRON" for c in clause.children)


def _has_subject(clause: Any) -> bool:
    """Tell whether CLAUSE has its own subject."""
    return any(c.dep_ in SUBJECTS for c in clause.children)


def speakers(verb: Any, kept: list[int]) -> list[list[int]]:
    """Return the short attributions, longest first: a name without what describes it ('Cable and
    Wireless Plc'); a noun with its compounds, then fewer ('Agriculture Department officials', 'officials')."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return [[]]
    if subject.pos_ == "PROPN" or any(c.pos_ == "PROPN" for c in subject.children if c.dep_ == "conj"):
        inner = {t.i for c in subject.children if c.dep_ in _ASIDES for t in c.subtree}
        return [[t.i for t in subject.subtree if t.i in kept and t.i not in inner
                 and t.dep_ != "det" and (t.text[:1].isupper() or t.pos_ == "CCONJ" or t.text == "&")]]
    compounds = sorted(t.i for c in subject.children if c.dep_ == "compound" for t in c.subtree if t.i in kept)
    return [compounds[k:] + [subject.i] for k in range(len(compounds) + 1)]
