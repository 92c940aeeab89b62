"""Write a wire headline from the lede: actor, present-tense action, no time words."""

from __future__ import annotations

import re

from generator.wire.entities import Entities, Story
from generator.wire.sentences import lede_paragraph, lede_sentence
from generator.wire.summary import clip
from generator.wire.verbs import IRREGULAR, PRESENT, present_form

MAX_CHARS, MAX_WORDS, MIN_WORDS = 90, 14, 6


_NOT_VERBS = frozenset("hundred red bed shed need speed seed based owned limited united related "
                       "detailed sacred naked wicked rugged ragged".split())
_AUX = frozenset("is are was were has have had will would may might can could should must".split())
_COPULA = frozenset("is are was were".split())
_PARTICIPLE_LIKE = frozenset("been done seen taken given shown known grown thrown drawn written "
                             "broken chosen driven spoken stolen frozen sworn born hidden beaten "
                             "fallen risen begun sunk struck withdrawn flown blown expected likely "
                             "unlikely set due ready able about not poised slated".split())
_SPEAKER = re.compile(r"[,.?!][\"”’]\s*(?:said|says|added)\s+(?P<a>[^,.;\"“”]+)"
                      r"|[\"”’],?\s+(?P<b>[A-Z][^,.;\"“”]*?)\s+(?:said|says|added)\b")
_LOWER_OPENERS = frozenset("whether the we it there this our they there's it's what if when".split())
_APPOSITIVE = re.compile(r"(?<=\w),\s+(?:a|an|one of|\d[\d.]*\s+pct)\s[^,]{0,80},(?=\s+[a-z])")
_RATES = frozenset("share year day month week tonne barrel".split())
_HEAD_END = frozenset("of from in at for with on by".split())
_RELATIVE = frozenset("who which that whose where when".split())
_REPORTING = frozenset("said told announced warned added stated alleged claimed asserted noted "
                       "argued insisted believed feared confirmed reiterated maintained hoped "
                       "predicted estimated reported suggested acknowledged admitted urged".split())
_NO_SUBJECT = frozenset("a an the its his her their our this that these those of for to with by "
                        "in on at and or from than as".split())
_ROLES = frozenset(
    "leader president minister chief chairman chairperson chairwoman cm pm mp mla mlc secretary "
    "governor spokesman spokeswoman spokesperson director executive officer head athlete player "
    "captain coach grandmaster advocate judge justice actor actress author writer physician "
    "analyst economist commissioner supremo councillor mayor senator congressman ambassador "
    "envoy founder ceo md chancellor premier deputy skipper star legend veteran shuttler boss "
    "lawyer activist representative investor candidate nominee strongman patriarch dgp ips ias sir dr mr mrs ms "
    "shri smt prof".split())
_ORG_WORDS = frozenset("corp inc co ltd plc group bank party motors company technologies "
                       "industries holdings association council committee".split())
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})(?:,?\s+\d{{4}})?"
_TIME = re.compile(
    rf"(?:,\s*)?\b(?:(?:on|late|early)\s+)?(?:(?:last|this|next)\s+)?{_WEEKDAY}(?![’']s)"
    rf"(?:\s+(?:night|morning|afternoon|evening))?(?:,?\s+{_DATE})?(?:\s*,(?=\s))?"
    rf"|(?:,\s*)?\b(?:on|by)\s+{_DATE}\b(?:\s*,(?=\s))?"
    r"|(?:,\s*)?\b(?:earlier\s+|later\s+)?(?:today|yesterday|tonight|tomorrow)\b(?![’']s)"
    r"(?:\s*,(?=\s))?"
    r"|\b(?:last|this|next|earlier this)\s+(?:night|week|month|year|weekend)\b(?![’']s)"
    r"|\bhere\b(?=\s*(?:[,.;]|$|(?:today|tomorrow|yesterday|on|last|this|next|earlier)\b))"
    r"|\b(?:late|early)\s+(?:last|on)\b")
_LEAD_CLAUSE = re.compile(
    r"^(?:With|Despite|After|Before|Following|Amid|Amidst|Days after|Hours after|Weeks after|"
    r"Whether|Months after|Minutes after|Moments after|Soon after|Shortly after|A day after|Holding|In a|In an|As(?! many| much| of| part)|While|Although|Though|Ahead of|Speaking|Addressing|"
    r"Even as|Since|Citing|In response to|According to|Taking|Reacting|Responding|Continuing)\b"
    r"[^,]*,\s+(?=[A-Z\"“‘]|(?:the|a|there|it|we|they|he|she)\b)")
_ATTRIBUTION = re.compile(
    r",\s+(?:[^,]{2,60}?\s+(?:said|says|told|"
    r"reported|added|announced|stated|estimated|confirmed|predicted|forecast)(?:\s+[^,]*)?)$")
_INVERTED = re.compile(r",\s+(?:said|says|according to)\s+(?![^,]*\bthat\b)(?!it\b|he\b|she\b|they\b)"
                       r"[^,]{2,70}$")
_CLAUSE_CUT = re.compile(
    r",\s+(?:marking|which|who|whose|where|while|saying|adding|bringing|compounding|including|"
    r"but|although|though|as|after|amid|and|following|according|making|taking|leaving|with|"
    r"prompting|citing|ending|raising|sending|setting|becoming|officials|sources|he|she|they|it)\b"
    r"|,\s+\w+ing\b|\s+(?:who|which|where|whose|when)\b|\s+[-–—]\s+")
_CUT_BEFORE = frozenset("and but in at on for with from by after before over amid as since when "
                        "during while if because against into under through near despite without "
                        "post following including where who which".split())
_ADJECTIVES = frozenset(
    "international national modern new major further former possible local federal economic "
    "financial political foreign domestic global full high low "
    "large small big good bad annual fiscal monthly quarterly previous recent current special "
    "formal senior junior insured outstanding".split())
_CHAIN_STOP = _NO_SUBJECT | _CUT_BEFORE
_DANGLING = _NO_SUBJECT | _AUX | frozenset("says said not also who which whose where when but whether until "
                                          "into over after before about amid".split())


def headline(story: Story, entities: Entities) -> str:
    """Return a sentence-case wire headline for STORY, never empty."""
    sentence = lede_sentence(story.paragraphs)
    try:
        text = _rewrite(_unquote(lede_paragraph(story.paragraphs), sentence), entities)
    except (IndexError, ValueError):  # pragma: no cover - defensive: odd input must not crash
        text = ""
    if len(text.split()) < 3:
        text = _finish(clip(sentence.rstrip("."), MAX_CHARS, ""))
    return text or "Wire story"


def _unquote(paragraph: str, sentence: str) -> str:
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


def _rewrite(sentence: str, entities: Entities) -> str:
    """Run the headline rules over one lede sentence."""
    text = _clean(sentence)
    text = _LEAD_CLAUSE.sub("", text, count=1)
    for pattern in (_ATTRIBUTION, _INVERTED):
        match = pattern.search(text)
        if match and _main_verb(text[: match.start()].split()) is not None:
            text = text[: match.start()]
    words = text.split()
    verb = _main_verb(words)
    if verb is None:
        return _finish(_fit(_drop_articles(words), 2))
    subject = _subject(words[:verb], entities)
    plural = _plural(subject, words[verb])
    predicate = _tense(words[verb:], plural)
    words = [*subject, *_trim_objects(predicate)]
    words = _drop_articles(words)
    return _finish(_fit(_cut_clause(words), len(subject) + 2))


def _clean(sentence: str) -> str:
    """Drop tickers, brackets, time words, unbalanced quotes and the final stop."""
    text = re.sub(r"<([^<>]*\s[^<>]*)>", r"\1", sentence)
    text = re.sub(r"<[^<>]*>|\([^()]*\)|\[[^\[\]]*\]", " ", text)
    text = _TIME.sub(_time_gap, text)
    text = _APPOSITIVE.sub(" ", text)
    text = re.sub(r"\b(said|says|told \w+)\s+(?:in|at|on)\s+[^,]{0,60}?\s+that\b", r"\1", text)
    text = re.sub(r"(?<=\b[A-Z]\.)\s*(And|To|Of|In|A|The|For|With|On|At|By|Official|Officials|Would|Will|Is|Was|Has|Dlrs)\b(?!\.)",
                  lambda m: " " + m.group(1).lower(), text)
    text = re.sub(r"[\"“”]", "", text) if text.count("“") != text.count("”") or text.count('"') % 2 else text
    text = re.sub(r"\s+([,;:.])", r"\1", " ".join(text.split()))
    text = re.sub(r",\s*,", ",", text)
    return text.strip(" ,;:").rstrip(".!").strip()


def _time_gap(match: re.Match[str]) -> str:
    """Replace a time phrase: keep a comma only if the phrase closed a clause alone."""
    found = match.group(0)
    return "," if found.endswith(",") and not found.startswith(",") and found.count(",") == 1 else " "


def _bare(word: str) -> str:
    """Lower-case WORD without surrounding punctuation."""
    return word.strip(",;:.!?\"'“”‘’()").lower()


def _is_verb(words: list[str], i: int) -> bool:
    """Tell whether words[i] can be the main verb of the lede."""
    word, raw = _bare(words[i]), words[i].strip("\"'“‘")
    if i == 0 or not raw[:1].islower() or word in _NOT_VERBS:
        return False
    before = _bare(words[i - 1])
    after = _bare(words[i + 1]) if i + 1 < len(words) else ""
    if word in _AUX or word in PRESENT:
        return before not in {"a", "the", "to"}
    if word in IRREGULAR or (word.endswith("ed") and len(word) > 4 and word.isalpha()):
        opens = words[i - 1].endswith(",") and not any(w.endswith(",") for w in words[:i - 1])
        return before not in _NO_SUBJECT | _RELATIVE and after != "by" and after not in _AUX \
            and not opens
    return False


def _main_verb(words: list[str]) -> int | None:
    """Return the index of the main verb, skipping appositives between commas."""
    for i in range(1, len(words)):
        if not _is_verb(words, i):
            continue
        commas = [j for j in range(i) if words[j].endswith(",")]
        closed = words[i - 1].endswith(",")
        if commas and (closed or not {"and", "or"} & set(map(_bare, words[commas[0] + 1:i]))):
            head = commas[0]
            del words[head + 1:i]
            words[head] = words[head].rstrip(",")
            return head + 1
        return i
    return None


def _subject(words: list[str], entities: Entities) -> list[str]:
    """Trim the descriptor chain before the actor: 'Senior SP leader Azam Khan' -> 'Azam Khan'."""
    for name in sorted(entities.people, key=len, reverse=True):
        size = len(name.split())
        if " ".join(words[-size:]).rstrip(",") == name and size < len(words):
            words = _trim_name(words[:-size]) + words[-size:]
            break
    parts, current = [], []
    for word in words:
        if _bare(word) == "and" or word.endswith(","):
            if _bare(word) != "and":
                current.append(word.rstrip(","))
            parts.append((_trim_name(current), "and" if _bare(word) == "and" else ","))
            current = []
        else:
            current.append(word)
    parts.append((_trim_name(current), ""))
    out: list[str] = []
    for part, joint in parts:
        out += part
        if joint == "and":
            out.append("and")
        elif joint == "," and out:
            out[-1] += ","
    return out or words


def _trim_objects(words: list[str]) -> list[str]:
    """Drop descriptor chains before names after the verb: 'met party President X Y' -> 'met X Y'."""
    out = list(words)
    i = len(out) - 2
    while i > 0:
        nxt = out[i + 1]
        if _bare(out[i]) in _ROLES and nxt[:1].isupper() and _bare(nxt) not in _ORG_WORDS \
                and not out[i].endswith(","):
            start = i
            while start > 1 and _bare(out[start - 1]) not in _CHAIN_STOP \
                    and not out[start - 1].endswith(","):
                start -= 1
            if start > 1 and _bare(out[start - 1]) in {"its", "his", "her", "their", "the", "a"}:
                start -= 1
            del out[start:i + 1]
            i = start
        i -= 1
    return out


def _trim_name(words: list[str]) -> list[str]:
    """Drop everything up to the last role word when capitalised name tokens follow it."""
    lower = [i for i, w in enumerate(words) if w[:1].islower()]
    if lower and lower[-1] < len(words) - 2 and not _ORG_WORDS & set(map(_bare, words)) \
            and not any(_bare(w) in _NO_SUBJECT for w in words):
        words = words[lower[-1] + 1:]
    for i in range(len(words) - 2, -1, -1):
        rest = words[i + 1:]
        if _bare(words[i]) in _ROLES and all(w[:1].isupper() for w in rest) and len(rest) <= 5 \
                and not _ORG_WORDS & set(map(_bare, rest)):
            if i > 0 and _bare(words[i - 1]) == "and":
                return words[:i - 1] + ["and", *rest]
            return rest
        if not words[i + 1][:1].isupper():
            break
    return words


def _plural(subject: list[str], verb: str) -> bool:
    """Guess whether the subject is plural (for 'have', 'are' and base forms)."""
    if _bare(verb) in {"are", "were", "have"}:
        return True
    if _bare(verb) in {"is", "was", "has"}:
        return False
    bare = [_bare(w) for w in subject]
    head = next((i for i, w in enumerate(bare) if i and w in _HEAD_END), len(bare)) - 1
    if "and" in bare[:head] and bare[head] not in _ORG_WORDS:
        return True
    last = bare[head] if head >= 0 else ""
    return (subject[head].islower() or head == 0) and last.endswith("s") \
        and not last.endswith(("ss", "us", "is")) or last == "police"


def _tense(words: list[str], plural: bool) -> list[str]:
    """Turn the main verb into headline present tense: 'met' -> 'meets', 'was arrested' -> 'arrested'."""
    verb, rest = _bare(words[0]), words[1:]
    nxt = _bare(rest[0]) if rest else ""
    if verb in _COPULA:
        if nxt == "being" or nxt in _PARTICIPLE_LIKE or nxt.endswith(("ed", "ing")) or nxt == "to":
            return rest
        return ["are" if plural else "is", *rest]
    if verb in {"has", "have", "had"}:
        if nxt == "been":
            return _tense(["is", *rest[1:]], plural) if rest[1:] else words
        present = present_form(nxt, plural) if nxt.endswith("ed") or nxt in IRREGULAR else None
        return [present, *rest[1:]] if present else [("have" if plural else "has"), *rest]
    if verb == "will" and nxt not in {"not", "be", ""}:
        return ["to", *rest]
    present = present_form(verb, plural) if verb not in _AUX else None
    if present is None:
        return words
    if verb == "told" and "that" in map(_bare, rest[:4]):
        present, rest = ("say" if plural else "says"), rest[list(map(_bare, rest)).index("that"):]
        nxt = "that"
    if verb in _REPORTING or verb == "says":
        rest = _backshift(rest[1:] if nxt == "that" else rest)
    return [present, *rest]


def _backshift(words: list[str]) -> list[str]:
    """Undo reported-speech back-shift in the first clause: 'he would' -> 'he will'."""
    shift = {"would": "will", "was": "is", "were": "are", "had": "has"}
    for i, word in enumerate(words[:5]):
        if word in shift:
            return words[:i] + [shift[word]] + words[i + 1:]
        if word in _AUX:
            break
    return words


def _drop_articles(words: list[str]) -> list[str]:
    """Drop articles: at the start always, inside unless they carry a rate ('dlrs a share')."""
    keep = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in {"the", "a", "an"} and i + 1 < len(words):
            nxt = _bare(words[i + 1])
            if nxt != "hague" and (low == "the" or nxt not in _RATES):
                continue
        keep.append(word)
    return keep or words


def _cut_clause(words: list[str]) -> list[str]:
    """Cut trailing subordinate clauses (', marking ...', ', which ...') when enough remains."""
    text = " ".join(words)
    for match in _CLAUSE_CUT.finditer(text):
        head = text[: match.start()].split()
        if len(head) >= MIN_WORDS - 1:
            return head
    return words


def _fit(words: list[str], shortest: int) -> list[str]:
    """Shorten WORDS to the length limits at the best phrase boundary."""
    ends = [0]
    for word in words:
        ends.append(ends[-1] + len(word) + (1 if ends[-1] else 0))

    def fits(n: int) -> bool:
        return n <= MAX_WORDS and ends[n] <= MAX_CHARS

    if fits(len(words)):
        return words
    tiers = ((MIN_WORDS, _CUT_BEFORE), (MIN_WORDS, _CUT_BEFORE | {"of"}), (4, _CUT_BEFORE))
    for least, cuts in tiers:
        least = max(least, shortest)
        best = max((n for n in range(least, len(words)) if fits(n)
                    and (_bare(words[n]) in cuts or words[n - 1].endswith(","))), default=0)
        if best:
            return words[:best]
    return words[:max((n for n in range(1, len(words)) if fits(n)), default=1)]


def _finish(words: list[str] | str) -> str:
    """Tidy the end (no dangling words, commas, brackets or quotes) and capitalise the first word."""
    words = words.split() if isinstance(words, str) else list(words)
    while len(words) > 3 and (_bare(words[-1]) in _DANGLING or _bare(words[-1]) in _ADJECTIVES):
        words.pop()
    text = " ".join(words).strip(" ,;:-–—([{")
    text = re.sub(r"[,;:]$", "", text)
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r"[\"“”]", "", text)
    text = re.sub(r"[\"“]([^\"“”]+)[\"”]", r"‘\1’", text)
    if text[:1].islower() and not any(c.isupper() for c in text.split(" ")[0][1:]):
        text = text[0].upper() + text[1:]
    return text
