"""Write a wire headline from the lede: actor, present-tense action, no time words."""

from __future__ import annotations

import re

from typing import Any

from generator.wire.entities import Entities, Story
from generator.wire.hedge import ASIDE, CHEAP, Plan, bare_names, drop_order, indices, main_verb, plan, shortest_with, unfinished
from generator.wire.sentences import lede_paragraph, lede_sentence
from generator.wire.summary import clip
from generator.wire.trim import (  # MAX_CHARS: re-exported for callers
    AUX, ROLES, CUT_BEFORE, NO_SUBJECT, ORG_WORDS, MAX_CHARS, bare, cut_clause,
    drop_articles, finish, fit, trim_name, trim_objects)
from generator.wire.syntax import parse
from generator.wire.tense import backshift, edits, is_plural
from generator.wire.verbs import IRREGULAR, PRESENT, present_form

_NOT_VERBS = frozenset("hundred red bed shed need speed seed based owned limited united related "
                       "detailed sacred naked wicked rugged ragged".split())
_COPULA = frozenset("is are was were".split())
_PARTICIPLE_LIKE = frozenset("been done seen taken given shown known grown thrown drawn written "
                             "broken chosen driven spoken stolen frozen sworn born hidden beaten "
                             "fallen risen begun sunk struck withdrawn flown blown expected likely "
                             "unlikely set due ready able about not poised slated".split())
# Participles used as adjectives after "was": "he was interested" must not become "he interested".
_STATES = frozenset("interested concerned worried pleased satisfied disappointed surprised committed "
                    "prepared determined convinced encouraged optimistic".split())
_HOLDERS = frozenset("firm company group maker producer agency unit subsidiary".split())
_ASIDE_OPENERS = frozenset("in at on for with from by under after before during through".split())
_CLAUSE_WORDS = frozenset("and but or while who which that when as because if".split())
_LINKING = frozenset("represents means shows marks reflects comes looks seems appears".split())
_SPEAKER = re.compile(r"[,.?!][\"”’]\s*(?:said|says|added)\s+(?P<a>[^,.;\"“”]+)"
                      r"|[\"”’],?\s+(?P<b>[A-Z][^,.;\"“”]*?)\s+(?:said|says|added)\b")
_LOWER_OPENERS = frozenset("whether the we it there this our they there's it's what if when".split())
_APPOSITIVE = re.compile(r"(?<=\w),\s+(?:a|an|one of|\d[\d.]*\s+pct)\s[^,]{0,80},(?=\s+[a-z])")
_HEAD_END = frozenset("of from in at for with on by".split())
_RELATIVE = frozenset("who which that whose where when".split())
_REPORTING = frozenset("said told announced warned added stated alleged claimed asserted noted "
                       "argued insisted believed feared confirmed reiterated maintained hoped "
                       "predicted estimated reported suggested acknowledged admitted urged".split())
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
    r"|\b(?:(?:from|since|over)\s+)?(?:last|this|next|earlier this)\s+(?:night|week|month|year|weekend)"
    r"\b(?![’']s)"
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
_RUN_ON = re.compile(r"(?<=[a-z])\s+(?=(?:These|This|They|He|She|It|We)\s+[a-z])")
_REPORTED_BY = re.compile(r",\s+(?:reported|quoted|citing)\s+(?:the\s+)?[^,]{2,40}$"
                          r"|\s+(?:reported|quoted)\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s*){1,3}$")
_INVERTED = re.compile(r",\s+(?:said|says|according to)\s+(?![^,]*\bthat\b)(?!it\b|he\b|she\b|they\b)"
                       r"[^,]{2,70}$")


def headline(story: Story, entities: Entities, doc: Any = None) -> str:
    """Return a sentence-case wire headline for STORY, never empty; DOC: the parse of ``to_parse(story)``."""
    sentence = lede_sentence(story.paragraphs)
    try:
        lede = _unquote(lede_paragraph(story.paragraphs), sentence)
        text = _parsed(lede, doc) or _rewrite(lede, entities)
    except (IndexError, ValueError):  # pragma: no cover - defensive: odd input must not crash
        text = ""
    if len(text.split()) < 3:
        text = finish(clip(_clean(sentence), MAX_CHARS, ""))
    return text or "Wire story"


def to_parse(story: Story) -> str:
    """Return the words of STORY's lede the parser reads: no lead-in clause, time words or attribution."""
    try:
        return _parseable(_unquote(lede_paragraph(story.paragraphs), lede_sentence(story.paragraphs)))
    except (IndexError, ValueError):  # pragma: no cover - defensive, as in headline()
        return ""


def _parseable(sentence: str) -> str:
    """Return SENTENCE without its lead-in clause, time words, brackets and end attribution."""
    text = _LEAD_CLAUSE.sub("", _clean(sentence), count=1)
    return _RUN_ON.split(_unattributed(text), maxsplit=1)[0]


def _parsed(sentence: str, doc: Any = None) -> str:
    """Write the headline from the parse of SENTENCE ('' when the parse finds no clause to keep)."""
    text = _parseable(sentence)
    if len(text.split()) < 3:
        return ""
    doc = doc if doc is not None and doc.text == text else parse(text)
    verb = main_verb(doc)
    chosen = plan(doc, verb) if verb is not None else None
    if chosen is None:
        return ""
    dropped = [group for rank, _, group in chosen.optional if rank == ASIDE]
    text, dropped = _written(doc, verb, chosen, dropped)
    order = [(rank, g) for rank, g in drop_order(chosen) if g not in dropped]
    while len(text) > MAX_CHARS and order:
        tries = [(rank, _written(doc, verb, chosen, [*dropped, g])) for rank, g in order if rank <= CHEAP]
        clean = [(rank, t) for rank, t in tries if len(t[0]) <= MAX_CHARS and len(t[1]) == len(dropped) + 1]
        if clean:  # one phrase of little weight whose loss alone makes it fit and leaves none open
            text, dropped = min(clean, key=lambda c: (c[0], -len(c[1][0])))[1]
            break
        text, dropped = _written(doc, verb, chosen, [*dropped, order.pop(0)[1]])
        order = [(rank, g) for rank, g in order if g not in dropped]
    if len(text) > MAX_CHARS:  # a last resort: names without what describes them
        kept = bare_names(doc, indices(doc, chosen, dropped))
        text = finish(drop_articles(_render(doc, kept, _tensed(verb, kept)).split()))
    if len(text) > MAX_CHARS:
        words = text.split()
        text = finish(fit(words, _shortest(words, _main_verb(list(words)) or 1)))
    return text if len(text.split()) >= 3 else ""


def _written(doc: Any, verb: Any, chosen: Plan, dropped: list[frozenset[int]]
             ) -> tuple[str, list[frozenset[int]]]:
    """Return the headline without the DROPPED groups, and the groups dropped to close open phrases."""
    dropped = list(dropped)
    while True:
        kept = indices(doc, chosen, dropped)
        loose = unfinished(doc, kept)
        group = shortest_with(chosen, loose, dropped) if loose is not None else None
        if group is None:
            break
        dropped.append(group)
    return finish(drop_articles(_render(doc, kept, _tensed(verb, kept)).split())), dropped


def _tensed(verb: Any, kept: list[int]) -> dict[int, str]:
    """Return the tense changes of the main verb, and of a second main clause kept beside it."""
    chosen = frozenset(kept)
    changes = {**edits(verb, is_plural(verb, chosen)), **_says(verb), **backshift(verb)}
    for other in verb.children:  # "orders rose and manufacturing surged" -> "rise ... surges"
        if other.dep_ == "conj" and other.i in chosen and any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
            changes.update(edits(other, is_plural(other, chosen)))
    return changes


def _unattributed(text: str) -> str:
    """Drop an attribution at the end: ', an official said, reported the PTI'."""
    for _ in range(2):
        for pattern in (_ATTRIBUTION, _INVERTED, _REPORTED_BY):
            match = pattern.search(text)
            if match and _main_verb(text[: match.start()].split()) is not None:
                text = text[: match.start()]
    return text


def _says(verb: Any) -> dict[int, str]:
    """Turn 'told reporters that' into 'says'."""
    if verb.lemma_ != "tell" or not any(c.dep_ == "ccomp" for c in verb.children):
        return {}
    listener = {c.i: "" for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < _ccomp(verb)}
    if not listener:
        return {}
    told = {t.i: "" for i in listener for t in verb.doc[i].subtree}
    return {**told, verb.i: "say" if is_plural(verb) else "says"}


def _ccomp(verb: Any) -> int:
    """Return where VERB's reported clause starts."""
    return min(c.left_edge.i for c in verb.children if c.dep_ == "ccomp")


def _render(doc: Any, kept: list[int], changes: dict[int, str]) -> str:
    """Join the KEPT tokens of DOC, with CHANGES; a comma stays only between kept neighbours."""
    chosen = set(kept)
    out: list[str] = []
    previous = -2
    for i in kept:
        token = doc[i]
        text = changes.get(i, token.text)
        if not text or token.is_punct and token.text in (",", ";", ":", "--", "—", "–") and not (
                i - 1 in chosen and i + 1 in chosen):
            continue
        glue = previous == i - 1 and not doc[i - 1].whitespace_
        out.append(text if glue or not out else " " + text)
        previous = i
    return "".join(out)


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
        return finish(fit(cut_clause(drop_articles(words)), 2))
    subject = _subject(words[:verb], entities)
    known = frozenset(w for name in (*entities.people, *entities.places) for w in name.split())
    plural = _plural(subject, words[verb], known)
    predicate = _tense(words[verb:], plural)
    words = drop_articles([*subject, *trim_objects(predicate)])
    words = cut_clause(words)
    return finish(fit(words, _shortest(words, len(subject))))


def _shortest(words: list[str], verb: int) -> int:
    """Return how many words a cut must keep: the verb and one more, and a reported clause's verb."""
    least = verb + 2
    if verb < len(words) and bare(words[verb]) in {"says", "say", "tells", "tell"}:
        said = _main_verb(list(words[verb + 1:]))
        if said is not None:
            least = verb + 1 + said + 2
    return least


def _clean(sentence: str) -> str:
    """Drop tickers, brackets, time words, unbalanced quotes and the final stop."""
    text = re.sub(r"(?is)<script\b.*?</script>|\b(?:javascript|https?):[^\s()]*(?:\([^()]*\))?|[*_`#]+", " ",
                  sentence)
    text = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", text)  # a markdown link keeps its words
    text = re.sub(r"<([^<>]*\s[^<>]*)>", r"\1", text)
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



def _is_verb(words: list[str], i: int) -> bool:
    """Tell whether words[i] can be the main verb of the lede."""
    word, raw = bare(words[i]), words[i].strip("\"'“‘")
    if i == 0 or not raw[:1].islower() or word in _NOT_VERBS:
        return False
    before = bare(words[i - 1])
    after = bare(words[i + 1]) if i + 1 < len(words) else ""
    if word in AUX or word in PRESENT:
        return before not in {"a", "the", "to"}
    if word in IRREGULAR or (word.endswith("ed") and len(word) > 4 and word.isalpha()):
        opens = words[i - 1].endswith(",") and not any(w.endswith(",") for w in words[:i - 1])
        return before not in NO_SUBJECT | _RELATIVE and after != "by" and after not in AUX \
            and not opens and not before.endswith("-be") and not _relative(words, i)
    return False


def _relative(words: list[str], i: int) -> bool:
    """Tell whether a participle opens a reduced relative: 'The rebate granted at X represents ...'."""
    if bare(words[i + 1] if i + 1 < len(words) else "") not in CUT_BEFORE - {"and", "but"}:
        return False
    for word in words[i + 2:i + 10]:
        if word.endswith(",") or bare(word) in _CLAUSE_WORDS:
            return False
        if word.islower() and (bare(word) in AUX or bare(word) in PRESENT or bare(word) in _LINKING):
            return True
    return False


def _main_verb(words: list[str]) -> int | None:
    """Return the index of the main verb, skipping appositives between commas."""
    for i in range(1, len(words)):
        if not _is_verb(words, i):
            continue
        commas = [j for j in range(i) if words[j].endswith(",")]
        closed = words[i - 1].endswith(",")
        if commas and not closed and bare(words[commas[-1] + 1]) in _ASIDE_OPENERS:
            continue  # inside an aside: "Texaco, in documents filed with ..., said"
        if commas and (closed or not {"and", "or"} & set(map(bare, words[commas[0] + 1:i]))):
            head = commas[0]
            aside = words[head + 1:i]
            if closed and len(aside) <= 4 and all(w[:1].isupper() for w in aside) \
                    and bare(words[head]) in ROLES | _HOLDERS:
                words[:i] = [*aside[:-1], aside[-1].rstrip(",")]  # "X chairman, Leonard Miller, said"
                return len(aside)
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
            words = trim_name(words[:-size]) + words[-size:]
            break
    whole = trim_name(words)
    dropped = words[:len(words) - len(whole)]
    if whole != words and ORG_WORDS & set(map(bare, dropped)) and "and" in dropped \
            and all(w[:1].isupper() or w == "and" for w in dropped[:-1]) and len(dropped) <= 8:
        return whole  # "American Telephone and Telegraph Co chairman James Olson"
    parts, current = [], []
    for word in words:
        if bare(word) == "and" or word.endswith(","):
            if bare(word) != "and":
                current.append(word.rstrip(","))
            parts.append((trim_name(current), "and" if bare(word) == "and" else ","))
            current = []
        else:
            current.append(word)
    parts.append((trim_name(current), ""))
    out: list[str] = []
    for part, joint in parts:
        out += part
        if joint == "and":
            out.append("and")
        elif joint == "," and out:
            out[-1] += ","
    return out or words



def _plural(subject: list[str], verb: str, known: frozenset[str] = frozenset()) -> bool:
    """Guess whether the subject is plural (for 'have', 'are' and base forms); KNOWN: names' words."""
    if bare(verb) in {"are", "were", "have"}:
        return True
    if bare(verb) in {"is", "was", "has"}:
        return False
    low = [bare(w) for w in subject]
    if low[:1] in (["they"], ["we"], ["i"], ["you"]):
        return True
    head = next((i for i, w in enumerate(low) if i and w in _HEAD_END), len(low)) - 1
    if "and" in low[:head] and low[head] not in ORG_WORDS and not _firm(subject[:head + 1], known):
        return True
    last = low[head] if head >= 0 else ""
    return (subject[head].islower() or head == 0) and last.endswith("s") \
        and not last.endswith(("ss", "us", "is")) or last == "police"


def _firm(subject: list[str], known: frozenset[str]) -> bool:
    """Tell whether 'Duff and Phelps' is one firm: two single unknown capitalised words."""
    if len(subject) != 3 or bare(subject[1]) != "and" or not all(w[:1].isupper() for w in subject[::2]):
        return False
    return not known & {subject[0], subject[2]}


def _tense(words: list[str], plural: bool) -> list[str]:
    """Turn the main verb into headline present tense: 'met' -> 'meets', 'was arrested' -> 'arrested'."""
    verb, rest = bare(words[0]), words[1:]
    nxt = bare(rest[0]) if rest else ""
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
    present = present_form(verb, plural) if verb not in AUX else None
    if present is None:
        return words
    if verb == "told" and "that" in map(bare, rest[:4]):
        present, rest = ("say" if plural else "says"), rest[list(map(bare, rest)).index("that"):]
        nxt = "that"
    if verb in _REPORTING or verb == "says":
        rest = _reported(rest[1:] if nxt == "that" else rest)
    return [present, *rest]


def _reported(words: list[str]) -> list[str]:
    """Put a reported clause in headline tense: 'Iraq had foiled' -> 'Iraq foils'."""
    found = list(words)
    verb = _main_verb(found)
    if verb is None or len(found) != len(words) or verb > 8:
        return _backshift(words)
    word = bare(words[verb])
    nxt = bare(words[verb + 1]) if verb + 1 < len(words) else ""
    past = word in IRREGULAR or word.endswith("ed")
    perfect = word in {"has", "have", "had"} and (nxt == "been" or nxt in IRREGULAR or nxt.endswith("ed"))
    passive = word in _COPULA and nxt.endswith("ed") and nxt not in _STATES
    if not (past or perfect or passive):
        return _backshift(words)
    subject = words[:verb]
    return [*subject, *_tense(words[verb:], _plural(subject, words[verb]))]


def _backshift(words: list[str]) -> list[str]:
    """Undo reported-speech back-shift in the first clause: 'he would' -> 'he will'."""
    shift = {"would": "will", "was": "is", "were": "are", "had": "has"}
    for i, word in enumerate(words[:5]):
        if word in shift:
            return words[:i] + [shift[word]] + words[i + 1:]
        if word in AUX:
            break
    return words
