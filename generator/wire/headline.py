"""Write a wire headline from the lede: actor, present-tense action, no time words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from generator.wire.entities import Entities, Story
from generator.wire.clause import SUBJECTS, main_verb
from generator.wire.compress import Copy, abbreviate, own_words, reported, short_names, speakers, without_place_nouns
from generator.wire.fallback import main_verb_index, rewrite, shortest
from generator.wire.hedge import ASIDE, Plan, plan
from generator.wire.hedgecut import CHEAP, bare_names, description_steps, drop_order, indices, shortest_with, unfinished
from generator.wire.ledetext import clean, parseable, unquote
from generator.wire.sentences import lede_paragraph, lede_sentence
from generator.wire.summary import clip
from generator.wire.trim import MAX_CHARS, drop_articles, finish, fit  # MAX_CHARS: re-exported for callers
from generator.wire.syntax import parse
from generator.wire.tense import backshift, edits, is_plural, present

PLAIN, BARE, SHORT, SELF, INVERTED = range(5)  # how far a headline is squeezed before the news loses a phrase
_NEWS = 4  # the drop class from which a phrase carries the news (complements and after)
_OPEN_ENDS = frozenset("VERB AUX ADP DET CCONJ SCONJ ADV PART PRON".split())


def headline(story: Story, entities: Entities, doc: Any = None) -> str:
    """Return a sentence-case wire headline for STORY, never empty; DOC: the parse of ``to_parse(story)``."""
    sentence = lede_sentence(story.paragraphs)
    try:
        lede = unquote(lede_paragraph(story.paragraphs), sentence)
        copy = Copy("\n".join(story.paragraphs), entities.people)
        text = _parsed(lede, doc, copy) or abbreviate(rewrite(parseable(lede), entities))
    except (IndexError, ValueError):  # pragma: no cover - defensive: odd input must not crash
        text = ""
    if len(text.split()) < 3:
        text = finish(clip(clean(sentence), MAX_CHARS, ""))
    return text or "Wire story"


def to_parse(story: Story) -> str:
    """Return the words of STORY's lede the parser reads: no lead-in clause, time words or attribution."""
    try:
        return parseable(unquote(lede_paragraph(story.paragraphs), lede_sentence(story.paragraphs)))
    except (IndexError, ValueError):  # pragma: no cover - defensive, as in headline()
        return ""


def _parsed(sentence: str, doc: Any = None, copy: Copy = Copy()) -> str:
    """Write the headline from the parse of SENTENCE ('' when the parse finds no clause to keep)."""
    text = parseable(sentence)
    if len(text.split()) < 3:
        return ""
    doc = doc if doc is not None and doc.text == text else parse(text)
    verb = main_verb(doc)
    chosen = plan(doc, verb) if verb is not None else None
    if chosen is None:
        return ""
    levels = (PLAIN, BARE, SHORT) + ((SELF,) if own_words(verb) is not None else ()) \
        + ((INVERTED,) if reported(verb) is not None else ())
    draft = _Draft(doc, verb, chosen, copy)
    best = ("", 0)
    for level in levels:  # the least squeezed headline that loses the fewest news phrases
        if not _squeezable(draft, level):
            continue
        text, lost = _trimmed(draft, level, best[1] if best[0] and len(best[0]) <= MAX_CHARS else None)
        if not best[0] or (len(text) > MAX_CHARS, lost) < (len(best[0]) > MAX_CHARS, best[1]):
            best = (text, lost)
        if lost == 0 and len(text) <= MAX_CHARS:
            break
    text = best[0]
    if len(text) > MAX_CHARS:
        words = text.split()
        text = finish(fit(words, shortest(words, main_verb_index(list(words)) or 1)))
    return text if len(text.split()) >= 3 else ""


@dataclass(frozen=True, slots=True)
class _Draft:
    """A parsed lede being cut: its main verb, the plan of what may go, and the copy it came from."""

    doc: Any
    verb: Any
    plan: Plan
    copy: Copy


def _squeezable(draft: _Draft, level: int) -> bool:
    """Tell whether squeezing to LEVEL changes anything: a description, a name to shorten."""
    kept = indices(draft.doc, draft.plan, [])
    if level == BARE:
        return bare_names(draft.doc, kept) != kept
    if level == SHORT:
        return without_place_nouns(draft.doc, kept) != kept or bool(short_names(draft.doc, kept, draft.copy))
    return True


def _trimmed(draft: _Draft, level: int, limit: int | None = None) -> tuple[str, int]:
    """Drop optional groups, the least needed first, until the headline squeezed to LEVEL fits.

    Return it, and how many phrases that carry the news it lost; stop once it has lost LIMIT.
    """
    ranked = drop_order(draft.plan, draft.doc, draft.copy.people)
    news = {g for rank, g in ranked if rank >= _NEWS}
    dropped = [group for rank, _, group in draft.plan.optional if rank == ASIDE]
    text, dropped = _written(draft, dropped, level)
    order = [(rank, g) for rank, g in ranked if g not in dropped]
    while len(text) > MAX_CHARS and order:
        if limit is not None and sum(g in news for g in dropped) >= limit:
            break  # no better than a headline already written
        over = len(text) - MAX_CHARS  # a group shorter than that cannot make it fit alone
        tries = [(rank, _written(draft, [*dropped, g], level)) for rank, g in order
                 if rank <= CHEAP and sum(len(draft.doc[i]) + 1 for i in g) >= over]
        clean = [(rank, t) for rank, t in tries if len(t[0]) <= MAX_CHARS and len(t[1]) == len(dropped) + 1]
        if clean:  # one phrase of little weight whose loss alone makes it fit and leaves none open
            text, dropped = min(clean, key=lambda c: (c[0], -len(c[1][0])))[1]
            break
        text, dropped = _written(draft, [*dropped, order.pop(0)[1]], level)
        order = [(rank, g) for rank, g in order if g not in dropped]
    return text, sum(g in news for g in dropped)


def _closed(doc: Any, kept: list[int]) -> bool:
    """Whether KEPT leaves no phrase open and ends on a word that can end a headline (not 'to buy')."""
    last = [i for i in kept if not doc[i].is_punct]
    return unfinished(doc, kept) is None and bool(last) and doc[last[-1]].pos_ not in _OPEN_ENDS


def _written(draft: _Draft, dropped: list[frozenset[int]], level: int) -> tuple[str, list[frozenset[int]]]:
    """Return the headline without the DROPPED groups, squeezed to LEVEL, and the groups dropped to
    close open phrases; a squeezed headline that ends open is returned as too long."""
    doc, chosen = draft.doc, draft.plan
    dropped = list(dropped)
    while True:
        kept = indices(doc, chosen, dropped)
        loose = unfinished(doc, kept)
        group = shortest_with(chosen, loose, dropped) if loose is not None else None
        if group is None:
            break
        dropped.append(group)
    if level == PLAIN:
        return _text(doc, kept, _tensed(draft.verb, kept)), dropped
    bare = bare_names(doc, kept)
    if level == BARE:  # descriptions go one by one, from the first, as needed
        steps = [kept] + [[i for i in kept if i not in gone] for gone in description_steps(doc, kept)]
        text = _first_fitting(_squeezed(draft, step, level) for step in steps)
    else:
        text = _squeezed(draft, bare, level)
    if len(text) <= MAX_CHARS and not _closed(doc, bare):
        return " " * (MAX_CHARS + 1), dropped
    return text, dropped


def _first_fitting(texts: Iterable[str]) -> str:
    """Return the first of TEXTS that fits, else the last."""
    text = ""
    for text in texts:
        if len(text) <= MAX_CHARS:
            break
    return text


def _squeezed(draft: _Draft, kept: list[int], level: int) -> str:
    """Return KEPT as a headline squeezed to LEVEL: names bare; then short, one by one as needed;
    then the attribution last."""
    doc, verb = draft.doc, draft.verb
    changes = _tensed(verb, kept)
    forms = [(kept, changes)]
    if level >= SHORT:
        kept = without_place_nouns(doc, kept)
        forms = [(kept, changes)]
        for gone, short in short_names(doc, kept, draft.copy):
            kept, changes = [i for i in kept if i not in gone], {**changes, **short}
            forms.append((kept, changes))
    if level == SELF:
        return _own(draft, forms[-1][0], forms[-1][1])
    clause = reported(verb) if level >= INVERTED else None
    return _first_fitting(_text(doc, k, c) if clause is None else _inverted(draft, clause, k, c) for k, c in forms)


def _own(draft: _Draft, kept: list[int], changes: dict[int, str]) -> str:
    """Return 'X said it would withdraw Y' as 'X to withdraw Y': the speaker is the subject of its own words."""
    doc, verb = draft.doc, draft.verb
    clause = own_words(verb)
    said = {verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "neg", "dobj", "dative", "prep") and c.i < clause.i
                       for c in c.subtree}  # 'told reporters'
    gone = said | {c.i for c in clause.children if c.dep_ in SUBJECTS or c.dep_ == "mark"}
    words_ = [i for i in kept if i not in gone]
    changes = {**changes, **edits(clause, is_plural(verb, frozenset(kept)))}
    return _text(doc, words_, changes)


def _inverted(draft: _Draft, clause: Any, kept: list[int], changes: dict[int, str]) -> str:
    """Return the reported CLAUSE first and its source after it: 'Iraqi forces shell Arbil, group says'."""
    inner = [i for i in kept if clause.left_edge.i <= i <= clause.right_edge.i
             and not (draft.doc[i].dep_ == "mark" and draft.doc[i].head.i == clause.i)]  # no 'that'
    changes = {**changes, **edits(clause, is_plural(clause, frozenset(inner)))}  # the clause is the headline now
    says = "say" if is_plural(draft.verb) else "says"
    forms = [f"{_text(draft.doc, inner, changes)}, {_render(draft.doc, who, changes)} {says}"
             for who in speakers(draft.verb, kept)]
    return next((form for form in forms if len(form) <= MAX_CHARS), forms[-1])


def _text(doc: Any, kept: list[int], changes: dict[int, str]) -> str:
    """Return the KEPT words as a headline: with CHANGES, abbreviated, no articles, tidied."""
    return finish(drop_articles(abbreviate(_render(doc, kept, changes)).split()))


def _tensed(verb: Any, kept: list[int]) -> dict[int, str]:
    """Return the tense changes of the main verb, and of a second main clause kept beside it."""
    chosen = frozenset(kept)
    changes = {**edits(verb, is_plural(verb, chosen)), **_says(verb), **backshift(verb)}
    for other in verb.children:  # "orders rose and manufacturing surged" -> "rise ... surges"
        if other.i in chosen and (other.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children)
                                  or other.dep_ == "advcl" and _coordinate(verb, other)):
            changes.update(edits(other, is_plural(other, chosen)))
        elif other.dep_ == "conj" and other.i in chosen and verb.i in changes and other.tag_ in ("VBD", "VBN") \
                and not any(c.dep_ in ("aux", "auxpass") for c in other.children):
            changes[other.i] = present(other.lemma_.lower(), is_plural(verb, chosen))  # "revised and extended"
    return changes


def _coordinate(verb: Any, clause: Any) -> bool:
    """Tell whether CLAUSE, parsed as hanging on VERB, is a second main clause after 'and' ('orders rose in
    July and manufacturing surged'): in the past, with no 'when', 'as' or 'after' of its own."""
    between = verb.doc[verb.i + 1:clause.left_edge.i]
    return clause.tag_ == "VBD" and not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.children) \
        and any(t.lower_ == "and" for t in between)


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


