"""Write a wire headline from the lede: actor, present-tense action, no time words."""

from __future__ import annotations

from typing import Any

from generator.wire.entities import Entities, Story
from generator.wire.clause import main_verb
from generator.wire.fallback import main_verb_index, rewrite, shortest
from generator.wire.hedge import ASIDE, Plan, plan
from generator.wire.hedgecut import CHEAP, bare_names, drop_order, indices, shortest_with, unfinished
from generator.wire.ledetext import clean, parseable, unquote
from generator.wire.sentences import lede_paragraph, lede_sentence
from generator.wire.summary import clip
from generator.wire.trim import MAX_CHARS, drop_articles, finish, fit  # MAX_CHARS: re-exported for callers
from generator.wire.syntax import parse
from generator.wire.tense import backshift, edits, is_plural

_NEWS = 4  # the drop class from which a phrase carries the news (complements and after)
_OPEN_ENDS = frozenset("VERB AUX ADP DET CCONJ SCONJ ADV PART PRON".split())


def headline(story: Story, entities: Entities, doc: Any = None) -> str:
    """Return a sentence-case wire headline for STORY, never empty; DOC: the parse of ``to_parse(story)``."""
    sentence = lede_sentence(story.paragraphs)
    try:
        lede = unquote(lede_paragraph(story.paragraphs), sentence)
        text = _parsed(lede, doc) or rewrite(parseable(lede), entities)
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


def _parsed(sentence: str, doc: Any = None) -> str:
    """Write the headline from the parse of SENTENCE ('' when the parse finds no clause to keep)."""
    text = parseable(sentence)
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
        if order[0][0] >= _NEWS:  # names lose their descriptions before the news loses a phrase
            named = _named(doc, verb, chosen, dropped)
            if len(named) <= MAX_CHARS and _closed(doc, bare_names(doc, indices(doc, chosen, dropped))):
                return named
        text, dropped = _written(doc, verb, chosen, [*dropped, order.pop(0)[1]])
        order = [(rank, g) for rank, g in order if g not in dropped]
    if len(text) > MAX_CHARS:  # a last resort: names without what describes them
        text = _named(doc, verb, chosen, dropped)
    if len(text) > MAX_CHARS:
        words = text.split()
        text = finish(fit(words, shortest(words, main_verb_index(list(words)) or 1)))
    return text if len(text.split()) >= 3 else ""


def _closed(doc: Any, kept: list[int]) -> bool:
    """Whether KEPT leaves no phrase open and ends on a word that can end a headline (not 'to buy')."""
    last = [i for i in kept if not doc[i].is_punct]
    return unfinished(doc, kept) is None and bool(last) and doc[last[-1]].pos_ not in _OPEN_ENDS


def _named(doc: Any, verb: Any, chosen: Plan, dropped: list[frozenset[int]]) -> str:
    """Return the headline without the DROPPED groups and without the words that describe its names."""
    kept = bare_names(doc, indices(doc, chosen, dropped))
    return finish(drop_articles(_render(doc, kept, _tensed(verb, kept)).split()))


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


