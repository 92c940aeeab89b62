"""Headlines from the words of a lede the parser misreads (its root a noun: 'Strikes ... spread').

The writer before the parser: find the first word that can be the main verb, trim the
descriptions before the actor, put the verb in headline tense and fit the rest to the length.
``headline`` uses it only when the parse of the lede finds no clause with a subject.
"""

from __future__ import annotations

from generator.wire.entities import Entities
from generator.wire.trim import (AUX, CUT_BEFORE, NO_SUBJECT, ORG_WORDS, ROLES, bare, cut_clause,
                                 drop_articles, finish, fit, trim_name, trim_objects)
from generator.wire.verbs import IRREGULAR, PRESENT, present_form

_NOT_VERBS = frozenset("hundred red bed shed need speed seed based owned limited united related "
                       "detailed sacred naked wicked rugged ragged".split())
_COPULA = frozenset("is are was were".split())
_PARTICIPLE_LIKE = frozenset("been done seen taken given shown known grown thrown drawn written "
                             "broken chosen driven spoken stolen frozen sworn born hidden beaten "
                             "fallen risen begun sunk struck withdrawn flown blown expected likely "
                             "unlikely set due ready able about not poised slated".split())
# Participles used as adjectives after "was": "he was interested" must not become "he interested".
# Participles used as adjectives after "was": "he was interested" must not become "he interested".
_STATES = frozenset("interested concerned worried pleased satisfied disappointed surprised committed "
                    "prepared determined convinced encouraged optimistic".split())
_HOLDERS = frozenset("firm company group maker producer agency unit subsidiary".split())
_ASIDE_OPENERS = frozenset("in at on for with from by under after before during through".split())
_CLAUSE_WORDS = frozenset("and but or while who which that when as because if".split())
_LINKING = frozenset("represents means shows marks reflects comes looks seems appears".split())
_HEAD_END = frozenset("of from in at for with on by against over under into about between among across near".split())
_RELATIVE = frozenset("who which that whose where when".split())
_REPORTING = frozenset("said told announced warned added stated alleged claimed asserted noted "
                       "argued insisted believed feared confirmed reiterated maintained hoped "
                       "predicted estimated reported suggested acknowledged admitted urged".split())


def rewrite(text: str, entities: Entities) -> str:
    """Write a headline from the words of TEXT, a lede without its lead-in clause, time words or attribution."""
    words = text.split()
    verb = main_verb_index(words)
    if verb is None:
        return finish(fit(cut_clause(drop_articles(words)), 2))
    subject = _subject(words[:verb], entities)
    known = frozenset(w for name in (*entities.people, *entities.places) for w in name.split())
    plural = _plural(subject, words[verb], known)
    predicate = _tense(words[verb:], plural)
    words = drop_articles([*subject, *trim_objects(predicate)])
    words = cut_clause(words)
    return finish(fit(words, shortest(words, len(subject))))


def shortest(words: list[str], verb: int) -> int:
    """Return how many words a cut must keep: the verb and one more, and a reported clause's verb."""
    least = verb + 2
    if verb < len(words) and bare(words[verb]) in {"says", "say", "tells", "tell"}:
        said = main_verb_index(list(words[verb + 1:]))
        if said is not None:
            least = verb + 1 + said + 2
    return least


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


def main_verb_index(words: list[str]) -> int | None:
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
    verb = main_verb_index(found)
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
