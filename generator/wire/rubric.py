"""The checks of a headline a program can make: a finite verb with its subject, no dangling last
word, no byline, caption or agency noise, at most 80 characters.

What it cannot check (the news of the lede kept, nothing cut mid-phrase) an editor reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from generator.wire.syntax import parse_many
from generator.wire.wordlists import entries, words

MAX_CHARS = 80
CHECKS = ("verb", "subject", "ending", "noise", "length")
_FINITE = frozenset({"VBZ", "VBP", "VBD", "MD"})
_HEADLINE_FORMS = frozenset({"VBN", "VB"})  # "Three men arrested", "Port authority to reopen"
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


@dataclass(frozen=True, slots=True)
class Verdict:
    """Which checks one headline passes."""

    headline: str
    verb: bool
    subject: bool
    ending: bool
    noise: bool
    length: bool

    @property
    def passed(self) -> bool:
        """Tell whether every check passes."""
        return all(getattr(self, check) for check in CHECKS)

    @property
    def failed(self) -> tuple[str, ...]:
        """Return the names of the checks that fail."""
        return tuple(check for check in CHECKS if not getattr(self, check))


def judge_all(headlines: Sequence[str]) -> list[Verdict]:
    """Judge each headline."""
    return [judge(text, doc) for text, doc in zip(headlines, parse_many(list(headlines)))]


def judge(headline: str, doc: Any) -> Verdict:
    """Judge one HEADLINE, given its parse DOC: a verb, and a noun or pronoun before it."""
    verb = next((t.i for t in doc if _is_predicate(t)), None)
    if verb is None:
        verb = _verb_after_noun(doc)
    subject = verb is not None and any(t.pos_ in _NOMINALS for t in doc[:verb])
    return Verdict(headline, verb is not None, subject, not dangling(headline), not noisy(headline),
                   len(headline) <= MAX_CHARS)


def _verb_after_noun(doc: Any) -> int | None:
    """Find a verb the tagger took for a noun ('Ghosh courts controversy'): a word after a noun that
    reads as a verb after 'It' or 'They'."""
    from generator.wire.syntax import parse

    for token in doc[1:]:
        if token.pos_ in ("NOUN", "PROPN", "VERB") and doc[token.i - 1].pos_ in _NOMINALS and token.is_lower:
            pronoun = "It" if token.text.endswith("s") else "They"
            if parse(f"{pronoun} {doc[token.i:].text}")[1].pos_ in ("VERB", "AUX"):
                return token.i
    return None


def _is_predicate(token: Any) -> bool:
    """Tell whether TOKEN is a finite verb, or a headline's participle or 'to' form, after the start."""
    if token.i == 0 or token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ in _FINITE or token.tag_ in _HEADLINE_FORMS and token.dep_ not in ("amod", "compound")


def dangling(headline: str) -> bool:
    """Tell whether HEADLINE ends on an article, preposition, conjunction or possessive."""
    last = headline.split()[-1].strip(",;:.!?\"'“”‘’") if headline.split() else ""
    low = last.lower()
    return low in words("dangling_words") or low.endswith(("'s", "’s")) or last.endswith(("'", "’", "-"))


def noisy(headline: str) -> bool:
    """Tell whether HEADLINE carries a byline, caption, credit or agency cue."""
    padded = f" {headline.lower()} "
    return any(f" {cue.lower()} " in padded or padded.startswith(f" {cue.lower()}")
               for cue in (*entries("noise_cues"), *entries("agency_words")))


def tally(verdicts: Iterable[Verdict]) -> dict[str, int]:
    """Count the headlines passing each check, and all of them ('all')."""
    verdicts = list(verdicts)
    counts = {check: sum(getattr(v, check) for v in verdicts) for check in CHECKS}
    counts["all"] = sum(v.passed for v in verdicts)
    return counts


def format_tally(verdicts: Sequence[Verdict], failures: bool = True) -> str:
    """Return how many headlines pass each check; then, if FAILURES, each failing headline."""
    counts = tally(verdicts)
    lines = [f"headlines: {counts['all']}/{len(verdicts)} pass every check "
             + " ".join(f"{check} {counts[check]}" for check in CHECKS)]
    lines += [f"  fails {','.join(v.failed)}: {v.headline}" for v in verdicts if failures and not v.passed]
    return "\n".join(lines)
