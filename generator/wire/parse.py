"""Parse a raw wire seed: the date line, the dateline and the paragraphs."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from generator.errors import Problem

MAX_SEED_BYTES = 1_000_000

_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_WORD = r"(?:[A-Z][A-Za-z'’\-]*\.?|[A-Z]{2,}\.?|of|and|upon|de|la|el|al)"
_PLACE = rf"[A-Z][A-Za-z'’.\-]*(?: {_WORD}){{0,3}}"
_LOOSE_PLACE = r"[A-Z][\w'’.\-/}]*(?: [\w'’.\-/]+){0,3}"
_AGENCY = r"[A-Z][A-Za-z&]{1,9}(?:[ /-][A-Z][A-Za-z&]{1,9}){0,2}"
_KNOWN_AGENCY = r"IANS|PTI|ANI|UNI|AFP|AP|AAP|DPA|Reuters|REUTERS|Xinhua|WAM|Bernama|Yonhap|Kyodo"
_REGION = rf"(?:,\s*(?P<region>{_PLACE})|\s*\((?P<pregion>[^()\n]{{2,40}})\))?(?:\s*\[[A-Za-z ]{{2,20}}\])?"
_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*(.*)\Z", re.S)
_DATELINES = (
    # Portland, Ore., March 3 (Reuters)   Lucknow, Nov 7 (IANS)   New Delhi, Nov. 7 (PTI) -
    re.compile(
        rf"(?P<city>{_LOOSE_PLACE}){_REGION},\s+(?:{_MONTHS})\.?\s+\d{{1,2}}"
        rf"(?:\s*\((?P<agency>{_AGENCY})\))?\s*(?:[-–—:]\s*|\s)"
    ),
    # Lucknow (IANS) -    Lucknow (IANS):
    re.compile(rf"(?P<city>{_PLACE})\s*\((?P<agency>{_KNOWN_AGENCY})\)\s*(?:[-–—:]\s*)?"),
    # Bhopal (Madhya Pradesh):     Patna:     Chennai :
    re.compile(rf"(?P<city>{_PLACE}){_REGION}\s*:(?:\s+|\Z)"),
    # KOCHI   (a capitalised dateline alone in its paragraph)
    re.compile(r"(?P<city>[A-Z][A-Z]+(?: [A-Z][A-Z]+){0,2})\Z"),
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where (and through whom) a story was filed."""

    city: str
    region: str | None = None
    agency: str | None = None

    @property
    def text(self) -> str:
        """Return the dateline as a reader sees it: 'Portland, Ore.'."""
        return f"{self.city}, {self.region}" if self.region else self.city


@dataclass(frozen=True, slots=True)
class Seed:
    """One raw wire story, parsed."""

    name: str
    sha256: str
    text_sha256: str
    date: dt.date
    dateline: Dateline | None
    paragraphs: tuple[str, ...]

    @property
    def lede(self) -> str:
        """Return the first paragraph of the story proper."""
        return self.paragraphs[0]


class SeedError(Exception):
    """A seed that cannot be ingested; carries the problem."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def decode(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """Decode seed bytes as UTF-8 (BOM allowed), else as cp1252 with a warning."""
    if len(data) > MAX_SEED_BYTES:
        raise SeedError(Problem(name, f"seed is {len(data) / 1e6:.1f} MB; wire stories are "
                                      f"under {MAX_SEED_BYTES // 1_000_000} MB: check or split the file"))
    if b"\x00" in data or _looks_binary(data):
        raise SeedError(Problem(name, "is binary, not text: a seed must be a plain-text wire story"))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        warning = Problem(name, "is not valid UTF-8; read it as Windows-1252: save it as UTF-8 "
                                "to silence this", line, "warning")
        return data.decode("cp1252", errors="replace"), [warning]


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Split TEXT on blank lines; join wrapped lines; drop trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t]*\n", text)
    paragraphs = (" ".join(line.strip() for line in block.split("\n") if line.strip())
                  for block in blocks)
    return tuple(p for p in paragraphs if p)


def parse_dateline(lede: str) -> tuple[Dateline | None, str]:
    """Return the dateline at the start of LEDE (or None) and the rest of it."""
    for pattern in _DATELINES:
        match = pattern.match(lede)
        if match:
            groups = match.groupdict()
            region = groups.get("region") or groups.get("pregion")
            dateline = Dateline(_case(groups["city"].strip()), region and _case(region.strip()),
                                groups.get("agency"))
            return dateline, lede[match.end():].strip()
    return None, lede


def _case(name: str) -> str:
    """Title-case a name written all in capitals ('NEW DELHI' -> 'New Delhi')."""
    if name.isupper() and len(name) > 3 or name.islower():
        return name.title()
    small = {"and", "of", "the", "upon", "de", "la", "el", "al"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in name.split(" "))


def parse_date(token: str, name: str) -> dt.date:
    """Parse the YYYY-MM-DD of a date line, or fail naming line 1."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        raise SeedError(Problem(name, f"date {token!r} is not YYYY-MM-DD: write the line as "
                                      "' date 2025-11-07 ...'", 1))
    try:
        return dt.date.fromisoformat(token)
    except ValueError as exc:
        raise SeedError(Problem(name, f"date {token} does not exist ({exc}): correct it", 1)) from None


def parse_seed(data: bytes, name: str) -> tuple[Seed, list[Problem]]:
    """Parse the bytes of one seed file; raise SeedError when it cannot be ingested."""
    text, warnings = decode(data, name)
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    if not normal.strip():
        raise SeedError(Problem(name, "is empty: a seed needs a ' date YYYY-MM-DD' line and the story"))
    first, _, rest = normal.lstrip("\n").partition("\n")
    match = _DATE_LINE.match(first)
    if not match:
        line = normal[: normal.find(first)].count("\n") + 1
        raise SeedError(Problem(name, "has no date line: start the file with ' date YYYY-MM-DD' "
                                      "followed by the story", line))
    date = parse_date(match.group(1), name)
    paragraphs = split_paragraphs(match.group(2) + "\n" + rest)
    if not paragraphs:
        raise SeedError(Problem(name, "has a date line but no story text after it: add the copy", 1))
    dateline, lede = parse_dateline(paragraphs[0])
    paragraphs = ((lede,) if lede else ()) + paragraphs[1:]
    if not paragraphs:
        raise SeedError(Problem(name, "has a dateline but no story text after it: add the copy", 1))
    seed = Seed(name=name, sha256=hashlib.sha256(data).hexdigest(),
                text_sha256=hashlib.sha256("\n\n".join(paragraphs).encode()).hexdigest(),
                date=date, dateline=dateline, paragraphs=paragraphs)
    return seed, warnings
