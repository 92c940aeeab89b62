"""One body, one name across the digest: an acronym becomes the name it stands for.

A story that says only "BRS" or "KTR" gets "Bharat Rashtra Samithi" or "K. T. Rama Rao" when the
archive holds exactly one name with those initials that is known (registry.yaml) or named in at
least two stories, as a lone surname takes its full name (``generator.surnames``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable

from generator.wire.acronyms import initials
from generator.wire.entities import Entities

MIN_STORIES = 2  # a name must recur before an acronym elsewhere is taken to mean it
PERSON, ORG = "person", "org"


def name_counts(batches: Iterable[Entities]) -> tuple[Counter[str], Counter[str]]:
    """Count the stories that name each several-word organisation and person."""
    orgs: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for entities in batches:
        orgs.update({o for o in entities.organisations if len(o.split()) > 1})
        people.update({p for p in entities.people if len(p.split()) > 2})
    return orgs, people


def expansions(orgs: Counter[str], people: Counter[str], known_orgs: Iterable[str] = (),
               known_people: Iterable[str] = ()) -> dict[str, tuple[str, str]]:
    """Map each acronym to (kind, name) where exactly one recurring or known name has it as initials.

    An organisation's acronym is the initials of its capitalised words or of all its words
    ("Bharat Rashtra Samithi" -> BRS); a person's is the initials of the words before the surname or
    of every word ("K. T. Rama Rao" -> KTR).
    """
    found: dict[str, set[tuple[str, str]]] = {}
    org_names = {o for o, n in orgs.items() if n >= MIN_STORIES} | {o for o in known_orgs if len(o.split()) > 1}
    person_names = ({p for p, n in people.items() if n >= MIN_STORIES}
                    | {p for p in known_people if len(p.split()) > 2})
    for name in org_names:
        for form in {initials(name), initials(name, True)}:
            found.setdefault(form, set()).add((ORG, name))
    for name in person_names:
        words = name.replace(".", " ").split()
        for form in {"".join(w[0] for w in words), "".join(w[0] for w in words[:-1])}:
            found.setdefault(form.casefold(), set()).add((PERSON, name))
    return {acr: next(iter(names)) for acr, names in found.items() if len(names) == 1 and len(acr) > 1}


def with_expansions(entities: Entities, table: dict[str, tuple[str, str]]) -> Entities:
    """Replace each all-capital organisation or person the TABLE knows by its name, of its kind."""
    people, orgs = list(entities.people), []
    for name in entities.organisations:
        kind, full = table.get(name.casefold(), ("", "")) if _acronym(name) else ("", "")
        if kind == PERSON:
            people.append(full)
        else:
            orgs.append(full or name)
    people = [table[p.casefold()][1] if _acronym(p) and table.get(p.casefold(), ("",))[0] == PERSON else p
              for p in people]
    return replace(entities, people=tuple(dict.fromkeys(people)), organisations=tuple(dict.fromkeys(orgs)))


def _acronym(name: str) -> bool:
    """Say whether NAME is written as an acronym: 'BRS', 'KTR'."""
    return name.isupper() and " " not in name and 2 <= len(name) <= 8
