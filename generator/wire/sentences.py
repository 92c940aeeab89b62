"""Split wire copy into sentences and pick the lede paragraph (shared by summary and headline)."""

from __future__ import annotations

import re
from typing import Sequence

from generator.wire.wordlists import entries

# Never a sentence end: titles and "vs." are always followed by more of the same sentence.
_HARD = frozenset("mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev hon st mt ft "
                  "vs v etc al fig approx dept smt shri sh jr sr e.g i.e cf".split())
# Usually not a sentence end, unless the next word clearly opens a new sentence.
_SOFT = frozenset("corp inc ltd co plc bros no nos jan feb mar apr jun jul aug sep sept oct nov "
                  "dec a.m p.m u.s u.k u.n e.u u.s.a".split())
_STARTERS = frozenset("the it he she they this these those we i its his her their there in but "
                      "however meanwhile on at after according a an if when while as".split())
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|\Z)")
_NEXT = re.compile(r"\s+([\"'“‘(\[]?)(\S*)")
_TOKEN_BEFORE = re.compile(r"(\S+)\Z")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?|[A-Z]")

_NOISE_START = re.compile(
    r"(?i)^(?:follow us|image source|search icon|image:|photo:|photograph:|file photo|"
    r"updated|published|last updated|read more|also read|watch:|listen|subscribe|"
    r"here (?:are|is) the|breaking:|advertisement|by [A-Z][\w.]*(?: [\w.]+){0,4}$)")
_TIMESTAMP = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|IST|GMT|UTC|hrs)?", re.I)
_PREFIX = re.compile(
    r"^(?:(?:By\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,2}\s*(?:\([^()]{1,30}\))?\s*:\s+"
    r"|[A-Z][\w .]{1,30},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([A-Z]{2,10}\)\s*[-–—:]?\s*)")

# 'MALE Indian football team ...': a capitalised dateline run into the copy. Four letters or more
# and vowels, so acronyms ('BJP', 'AIUDF chief') stay; then one capitalised word and a lower-case
# one, so 'ICCO Executive Director X' and 'OSHAP Technologies Ltd' stay too.
_CAPS_DATELINE = re.compile(r"(?=[A-Z]*[AEIOU])[A-Z]{4,}(?:\s+[A-Z]{2,})*\s+(?=[A-Z][a-z]+\s+[a-z])"
                            r"(?!(?:Corp|Inc|Co|Ltd|Plc|Group|Bank)\b)")


def split_sentences(text: str) -> list[str]:
    """Split TEXT into sentences, keeping abbreviations, initials and decimals intact."""
    text = " ".join(text.split())
    sentences: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if end >= len(text) or not _is_boundary(text, match.start(), end):
            continue
        sentences.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _is_boundary(text: str, dot: int, end: int) -> bool:
    """Tell whether the punctuation at DOT..END closes a sentence."""
    after = _NEXT.match(text, end)
    if not after:
        return True
    opener, word = after.group(1), after.group(2)
    first = word[:1]
    if not opener and not (first.isupper() or first.isdigit()):
        return False
    if text[dot] != ".":
        return True
    before = _TOKEN_BEFORE.search(text, 0, dot)
    token = before.group(1).lstrip("\"'“‘([") if before else ""
    lower = token.lower()
    if lower in _HARD:
        return False
    starter = word.strip("\"'“‘,").lower() in _STARTERS
    if lower in _SOFT or _INITIALS.fullmatch(token + "." if "." in token else token):
        return starter and not first.isdigit()
    return True


def strip_furniture(text: str) -> str:
    """Drop a syndication prefix and a byline or caption cue run into the copy ('Our Bureau ...')."""
    text = strip_syndication(text)
    for cue in entries("noise_cues"):
        if text.startswith(cue) and len(text) > len(cue) + 1 and not text[len(cue)].isalnum():
            return text[len(cue):].lstrip(" :|-–—,")
    return text


def strip_syndication(text: str) -> str:
    """Drop a syndication prefix: '(MENAFN- IANS) Mumbai, Oct 22 (IANS) ...' -> 'Mumbai, ...'."""
    for pattern in entries("syndication"):
        match = re.match(pattern, text.lstrip())
        if match:
            return text.lstrip()[match.end():].lstrip()
    return text


def is_noise(paragraph: str) -> bool:
    """Tell whether PARAGRAPH is page furniture (bylines, captions, timestamps), not copy."""
    text = paragraph.strip()
    words = text.split()
    if not words or _NOISE_START.match(text):
        return True
    if any(text.startswith(cue) for cue in entries("noise_cues")) and len(strip_furniture(text).split()) < 6:
        return True  # a byline or caption alone in its paragraph
    if _TIMESTAMP.search(text) and len(words) < 14:
        return True
    if "|" in text and len(words) < 20:
        return True
    return len(words) < 4


def is_sentence_like(paragraph: str) -> bool:
    """Tell whether PARAGRAPH opens with a real sentence: six words or more, then a full stop."""
    first = split_sentences(paragraph)[0] if paragraph.strip() else ""
    return len(first.split()) >= 6 and first.rstrip("\"'”’)")[-1:] in ".!?…"


def strip_prefix(paragraph: str) -> str:
    """Drop an embedded dateline or byline label ('TIRUPATI: ', 'New Delhi, Sep 20 (IANS) ', 'MALE ')."""
    paragraph = strip_furniture(paragraph)
    match = _PREFIX.match(paragraph) or _CAPS_DATELINE.match(paragraph)
    if match and paragraph[match.end():match.end() + 1].isupper():
        return paragraph[match.end():]
    return paragraph


def lede_paragraph(paragraphs: Sequence[str]) -> str:
    """Return the first paragraph that is real copy, skipping noise; '' if there is none."""
    texts = (" ".join(p.split()) for p in paragraphs if p and not p.isspace())
    first = fallback = ""
    for text in texts:
        first = first or text
        if not is_noise(text):
            if is_sentence_like(text):
                return strip_prefix(text)
            fallback = fallback or text
    return strip_prefix(fallback) if fallback else first


def lede_sentence(paragraphs: Sequence[str]) -> str:
    """Return the first sentence of the lede paragraph ('' for empty copy)."""
    sentences = split_sentences(lede_paragraph(paragraphs))
    return sentences[0] if sentences else ""
