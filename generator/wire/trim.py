"""Word-level trimming for headlines: descriptor chains, articles, clause cuts, fitting, tidying."""

from __future__ import annotations

import re

MAX_CHARS, MAX_WORDS, MIN_WORDS = 80, 14, 6

AUX = frozenset("is are was were has have had will would may might can could should must".split())
_RATES = frozenset("share year day month week tonne barrel".split())
NO_SUBJECT = frozenset("a an the its his her their our this that these those of for to with by "
                        "in on at and or from than as".split())
ROLES = frozenset(
    "leader president minister chief chairman chairperson chairwoman cm pm mp mla mlc secretary "
    "governor spokesman spokeswoman spokesperson director executive officer head athlete player "
    "captain coach grandmaster advocate judge justice actor actress author writer physician "
    "analyst economist commissioner supremo councillor mayor senator congressman ambassador "
    "envoy founder ceo md chancellor premier deputy skipper star legend veteran shuttler boss "
    "lawyer activist representative investor candidate nominee strongman patriarch dgp ips ias sir dr mr mrs ms "
    "shri smt prof king queen prince princess emir sultan".split())
ORG_WORDS = frozenset("corp inc co ltd plc group bank party motors company technologies "
                       "industries holdings association council committee trust fund partners associates assoc "
                       "bros sons brothers".split())
_CLAUSE_CUT = re.compile(
    r",\s+(?:marking|which|who|whose|where|while|saying|adding|bringing|compounding|including|"
    r"but|although|though|as|after|amid|and|following|according|making|taking|leaving|with|"
    r"prompting|citing|ending|raising|sending|setting|becoming|officials|sources|he|she|they|it)\b"
    r"|,\s+\w+ing\b|\s+(?:who|which|where|whose|when)\b|\s+[-–—]\s+")
CUT_BEFORE = frozenset("and but in at on for with from by after before over amid as since when "
                        "during while if because against into under through near despite without "
                        "post following including where who which".split())
_ADJECTIVES = frozenset(
    "international national modern new major further former possible local federal economic "
    "financial political foreign domestic global full high low "
    "large small big good bad annual fiscal monthly quarterly previous recent current special "
    "formal senior junior insured outstanding".split())
# Words after which an adjective completes the phrase ("more harm than good", "is ready").
_LINKS = frozenset("than as is are be been remain remains look looks very more most so too".split())
_OPENS = NO_SUBJECT | frozenset("it them him".split())  # what follows a participle opening a clause
_CHAIN_STOP = NO_SUBJECT | CUT_BEFORE
_DANGLING = NO_SUBJECT | AUX | frozenset("says said not also who which whose where when but whether until "
                                          "into over after before about amid around nearly almost "
                                          "approximately per than via including against between among "
                                          "toward towards under within without across during through upon "
                                          "according be been being more less several no so any some many all".split())


def bare(word: str) -> str:
    """Lower-case WORD without surrounding punctuation."""
    return word.strip(",;:.!?\"'“”‘’()").lower()


def trim_objects(words: list[str]) -> list[str]:
    """Drop descriptor chains before names after the verb: 'met party President X Y' -> 'met X Y'."""
    out = list(words)
    i = len(out) - 2
    while i > 0:
        nxt = out[i + 1]
        if bare(out[i]) in ROLES and nxt[:1].isupper() and bare(nxt) not in ORG_WORDS \
                and not out[i].endswith(","):
            start = i
            while start > 1 and bare(out[start - 1]) not in _CHAIN_STOP \
                    and not out[start - 1].endswith(","):
                start -= 1
            if start > 1 and bare(out[start - 1]) in {"its", "his", "her", "their", "the", "a"}:
                start -= 1
            del out[start:i + 1]
            i = start
        i -= 1
    return out


def trim_name(words: list[str]) -> list[str]:
    """Drop everything up to the last role word when capitalised name tokens follow it."""
    lower = [i for i, w in enumerate(words) if w[:1].islower()]
    if lower and lower[-1] < len(words) - 2 and not ORG_WORDS & set(map(bare, words)) \
            and not any(bare(w) in NO_SUBJECT for w in words):
        words = words[lower[-1] + 1:]
    for i in range(len(words) - 2, -1, -1):
        rest = words[i + 1:]
        if bare(words[i]) in ROLES and all(w[:1].isupper() for w in rest) and len(rest) <= 5 \
                and not ORG_WORDS & set(map(bare, rest)):
            if i > 0 and bare(words[i - 1]) == "and":
                return words[:i - 1] + ["and", *rest]
            return rest
        if not words[i + 1][:1].isupper():
            break
    return words


def drop_articles(words: list[str]) -> list[str]:
    """Drop articles: at the start always, inside unless they carry a rate ('dlrs a share')."""
    keep = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in {"the", "a", "an"} and i + 1 < len(words):
            nxt = bare(words[i + 1])
            if nxt != "hague" and (low == "the" or nxt not in _RATES):
                continue
        keep.append(word)
    return keep or words


def cut_clause(words: list[str]) -> list[str]:
    """Cut trailing subordinate clauses (', marking ...', ', which ...') when enough remains."""
    text = " ".join(words)
    for match in _CLAUSE_CUT.finditer(text):
        head = text[: match.start()].split()
        if len(head) >= MIN_WORDS - 1:
            return head
    return words


def fit(words: list[str], shortest: int) -> list[str]:
    """Shorten WORDS to the length limits at the best phrase boundary."""
    ends = [0]
    for word in words:
        ends.append(ends[-1] + len(word) + (1 if ends[-1] else 0))

    def fits(n: int) -> bool:
        return n <= MAX_WORDS and ends[n] <= MAX_CHARS

    if fits(len(words)):
        return words
    for least in (MIN_WORDS, 4):
        least = max(least, shortest)
        for grade in (2, 1):
            best = max((n for n in range(least, len(words)) if fits(n)
                        and boundary(words, n) >= grade), default=0)
            if best:
                return words[:best]
    return words[:max((n for n in range(1, len(words)) if fits(n)), default=1)]


def boundary(words: list[str], n: int) -> int:
    """Grade a cut before words[n]: 2 a clean phrase end, 1 acceptable, 0 mid-phrase."""
    last, nxt = words[n - 1], words[n]
    b_last, b_next = bare(last), bare(nxt)
    if b_last in _DANGLING or b_last in _ADJECTIVES or b_last in _LINKS or last.endswith("-") \
            or b_last.endswith("ly") and len(b_last) > 4:
        return 0
    if last.endswith(","):
        return 2
    if b_last.endswith(("'s", "’s")) or b_last.endswith("ed") and b_next == "by":
        return 0  # "among Japan's | companies", "partnership managed | by X"
    if any(c.isdigit() for c in last) and nxt[:1].islower() and b_next not in CUT_BEFORE:
        return 0  # "to 140.1 | mln francs", "its 70 | pct-owned unit"
    if last[:1].isupper() and nxt[:1].isupper():
        return 0  # inside a name
    if b_next in CUT_BEFORE:
        return 2
    before = bare(words[n - 2]) if n > 1 else ""
    if b_last.endswith("ed") or b_last in AUX or b_last.endswith("ing") and before in _DANGLING:
        return 0  # a verb without its object: "pushing | Iranian forces"
    if b_next == "that" and not b_last.endswith("ing"):
        return 2
    if b_next in {"of", "to"}:
        return 1
    after = bare(words[n + 1]) if n + 1 < len(words) else ""
    if nxt.islower() and len(b_next) > 4 and after in _OPENS and (
            b_next.endswith("ed") or b_next.endswith("ing") and (after != "to" or b_last.endswith("s"))):
        return 2  # a reduced relative clause: "workstations | designed to ...", "report | describing its"
    if b_next.isalpha() and nxt[:1].islower():
        return 0  # between a word and its object or head noun: "better | affidavit", "Mexican | units"
    return 1


def finish(words: list[str] | str) -> str:
    """Tidy the end (no dangling words, commas, brackets or quotes) and capitalise the first word."""
    words = words.split() if isinstance(words, str) else list(words)
    while len(words) > 3 and (bare(words[-1]) in _DANGLING or bare(words[-1]) in _ADJECTIVES
                              and bare(words[-2]) not in _LINKS):
        words.pop()
    text = " ".join(words).strip(" ,;:-–—([{")
    text = re.sub(r"[,;:]$", "", text)
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r"[\"“”]", "", text)
    text = re.sub(r"[\"“]([^\"“”]+)[\"”]", r"‘\1’", text)
    if text[:1].islower() and not any(c.isupper() for c in text.split(" ")[0][1:]):
        text = text[0].upper() + text[1:]
    return text
