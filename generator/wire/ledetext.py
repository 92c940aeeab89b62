"""What of a lede the headline writer reads: no lead-in clause, time words, brackets or attribution.

A quote lede becomes reported speech ('"We will win," said X.' -> 'X says we will win').
"""

from __future__ import annotations

import re

from generator.wire.fallback import main_verb_index

_SPEAKER = re.compile(r"[,.?!][\"”’]\s*(?:said|says|added)\s+(?P<a>[^,.;\"“”]+)"
                      r"|[\"”’],?\s+(?P<b>[A-Z][^,.;\"“”]*?)\s+(?:said|says|added)\b")
_LOWER_OPENERS = frozenset("whether the we it there this our they there's it's what if when".split())
_APPOSITIVE = re.compile(r"(?<=\w),\s+(?:a|an|one of|\d[\d.]*\s+pct)\s[^,]{0,80},(?=\s+[a-z])")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:and|to|-|–)\s*\d{{1,2}}\b)?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})(?:,?\s+\d{{4}})?")
_TIME = re.compile(
    rf"(?:,\s*)?\b(?:(?:on|late|early|since|until|till|from|by)\s+)?(?:(?:last|this|next)\s+)?{_WEEKDAY}(?![’']s)"
    rf"(?:\s+(?:night|morning|afternoon|evening))?(?:,?\s+{_DATE})?(?:\s*,(?=\s))?"
    rf"|(?:,\s*)?\b(?:on|by)\s+{_DATE}\b(?:\s*,(?=\s))?"
    r"|(?:,\s*)?\b(?:earlier\s+|later\s+)?(?:today|yesterday|tonight|tomorrow)\b(?![’']s)"
    r"(?:\s*,(?=\s))?"
    r"|(?<!\bof )\b(?:(?:from|since|over)\s+)?(?:last|this|next|earlier this)\s+(?:night|week|month|year|weekend)"
    r"\b(?![’']s)(?!\s+(?:would|will|is|was|could|should|may|might|has|had)\b)"  # not a clause's subject
    r"|\bhere\b(?=\s*(?:[,.;]|$|(?:today|tomorrow|yesterday|on|last|this|next|earlier)\b))"
    r"|\b(?:late|early)\s+(?:last|on)\b")
_LEAD_CLAUSE = re.compile(
    r"^(?:With|Despite|After|Before|Following|Amid|Amidst|Days after|Hours after|Weeks after|"
    r"Whether|Months after|Minutes after|Moments after|Soon after|Shortly after|A day after|Holding|In a|In an|As(?! many| much| of| part)|While|Although|Though|Ahead of|Speaking|Addressing|"
    r"Even as|Since|Citing|In response to|According to|Taking|Reacting|Responding|Continuing|"
    r"[A-Z][a-z]+(?:ed|en) (?:by|with|from|after))\b"
    r"[^,]*,\s+(?=[A-Z\"“‘]|(?:the|a|there|it|we|they|he|she)\b)")
_ATTRIBUTION = re.compile(
    r",\s+(?:[^,]{2,60}?\s+(?:said|says|told|"
    r"reported|added|announced|stated|estimated|confirmed|predicted|forecast)(?:\s+[^,]*)?)$")
# A headline run into the copy with no stop: 'talks with Home Ministry in Delhi These conditions were'
# A headline run into the copy with no stop: 'talks with Home Ministry in Delhi These conditions were'
_RUN_ON = re.compile(r"(?<=[a-z])\s+(?=(?:These|This|They|He|She|It|We)\s+[a-z])")
_REPORTED_BY = re.compile(r",\s+(?:reported|quoted|citing)\s+(?:the\s+)?[^,]{2,40}$"
                          r"|\s+(?:reported|quoted)\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s*){1,3}$")
_INVERTED = re.compile(r",\s+(?:said|says|according to)\s+(?![^,]*\bthat\b)(?!it\b|he\b|she\b|they\b)"
                       r"[^,]{2,70}$")


def unattributed(text: str) -> str:
    """Drop an attribution at the end: ', an official said, reported the PTI'."""
    for _ in range(2):
        for pattern in (_ATTRIBUTION, _INVERTED, _REPORTED_BY):
            match = pattern.search(text)
            if match and main_verb_index(text[: match.start()].split()) is not None:
                text = text[: match.start()]
    return text


def unquote(paragraph: str, sentence: str) -> str:
    """Turn a quote lede ('"We will win," said X.') into 'X says we will win'."""
    if sentence[:1] not in "\"“‘'":
        return sentence
    match = _SPEAKER.search(paragraph)
    if not match:
        return sentence
    who = (match.group("a") or match.group("b")).strip()
    quote = _LEAD_CLAUSE.sub("", re.split(r"[\"”]", sentence[1:])[0].strip(" ,."), count=1)
    first = quote.split(" ")[0]
    if first.lower() in _LOWER_OPENERS:
        quote = first.lower() + quote[len(first):]
    return f"{who} says {quote}"


def clean(sentence: str) -> str:
    """Drop tickers, brackets, time words, unbalanced quotes and the final stop."""
    text = re.sub(r"(?is)<script\b.*?</script>|\b(?:javascript|https?):[^\s()]*(?:\([^()]*\))?|[*_`#]+", " ",
                  sentence)
    text = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", text)  # a markdown link keeps its words
    text = re.sub(r"<([^<>]*\s[^<>]*)>", r"\1", text)
    text = re.sub(r"<[^<>]*>|\([^()]*\)|\[[^\[\]]*\]", " ", text)
    text = _TIME.sub(_time_gap, text)
    text = _APPOSITIVE.sub(" ", text)
    text = re.sub(r"\b(said|says|told \w+)\s+(?:in|at|on)\s+[^,]{0,60}?\s+that\b", r"\1", text)
    text = re.sub(r"(?<=\b[A-Z]\.)\s*(And|To|Of|In|A|The|For|With|On|At|By|Official|Officials|Would|Will|Is|Was|Has|Have|Had|Are|Were|Dlrs)\b(?!\.)",
                  lambda m: " " + m.group(1).lower(), text)
    text = re.sub(r"[\"“”]", "", text) if text.count("“") != text.count("”") or text.count('"') % 2 else text
    text = re.sub(r"\s+([,;:.])", r"\1", " ".join(text.split()))
    text = re.sub(r",\s*,", ",", text)
    return text.strip(" ,;:").rstrip(".!").strip()


def _time_gap(match: re.Match[str]) -> str:
    """Replace a time phrase: keep a comma only if the phrase closed a clause alone."""
    found = match.group(0)
    return "," if found.endswith(",") and not found.startswith(",") and found.count(",") == 1 else " "


def parseable(sentence: str) -> str:
    """Return SENTENCE without its lead-in clause, time words, brackets and end attribution."""
    text = _LEAD_CLAUSE.sub("", clean(sentence), count=1)
    return _RUN_ON.split(unattributed(text), maxsplit=1)[0]
