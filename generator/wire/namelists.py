"""Word lists for entity post-processing, read from the data files in ``generator/wire/data``.

Each file holds one entry a line (matched case-insensitively) under a header comment saying
where the list comes from; an editor extends a list by adding a line.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).with_name("data")


def read_list(name: str) -> frozenset[str]:
    """Return the folded entries of data file NAME.txt: one a line, '#' starts a comment."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


TITLES = read_list("titles")
TITLE_TAILS = read_list("title-tails")
NON_PERSON_HEADS = read_list("non-person-heads")
NON_PERSON_WORDS = read_list("non-person-words")
DEMONYMS = read_list("demonyms")
DEPARTMENTS = read_list("departments")
FIRM_TAILS = read_list("firm-tails")
US_STATES = read_list("us-states")
PLACE_PREFIXES = read_list("place-prefixes")
NAME_PARTICLES = read_list("name-particles")
NON_PERSON_NAMES = read_list("non-person-names")
AGENCIES = read_list("agencies")
NON_ORG_NAMES = read_list("non-org-names")
NON_ORG_HEADS = read_list("non-org-heads")
ORG_HEADS = read_list("org-heads")
COUNTRIES = read_list("countries")
INDIAN_STATES = read_list("indian-states")
CITIES = read_list("cities")

# Places inside these strings are not standalone places ("Delhi Police" is an organisation).
LANDMARKS = read_list("landmarks")
PLACES = COUNTRIES | INDIAN_STATES | CITIES | LANDMARKS

PERSON_VERBS = read_list("person-verbs")
GIVEN_NAMES = read_list("given-names")
SURNAMES = read_list("surnames")
SENTENCE_WORDS = read_list("sentence-words")
COMMUNITIES = read_list("communities")
WORK_WORDS = read_list("work-words")
