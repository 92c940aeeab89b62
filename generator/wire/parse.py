"""Parse a raw wire seed: the date line, the dateline and the paragraphs."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from generator.errors import Problem
from generator.wire.sentences import strip_syndication

MAX_SEED_BYTES = 200_000  # the longest story in 3,000 agency seeds is 9 KB; NER time grows with size
YEARS = range(1900, 2101)  # a wire date outside these is a typo, and would overflow time-zone maths

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
# ' date 2025-11-07 ...'; 'Date: 2025-11-07' too, but 'Date palm ...' is copy, not a date line
_DATE_LINE = re.compile(r"\A[ \t]*(?:date|(?i:date)(?=[ \t:]+\d))(?:[ \t]*:[ \t]*|[ \t]+)(\S+)[ \t]*(.*)\Z",
                        re.S)
_DATE_WORD = re.compile(r"\A[ \t]*(?i:date)[ \t]*:?[ \t]*\Z")
# Control characters would reach titles, pages and terminals; \f, \v, \u2028, \u2029 are breaks.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_BREAKS = str.maketrans({"\f": "\n\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n\n"})
# Lead-ins written like "Patna:" that are not places.
_LEAD_INS = ("note earlier meanwhile also update updated read watch photo video editor correction "
             "disclaimer breaking highlights exclusive opinion analysis summary agencies source")
_NOT_PLACES = rf"(?!(?i:{'|'.join(_LEAD_INS.split())})\b)"
_DATELINES = (
    # Portland, Ore., March 3 (Reuters)   Lucknow, Nov 7 (IANS)   New Delhi, Nov. 7 (PTI) -
    re.compile(
        rf"(?P<city>{_LOOSE_PLACE}){_REGION},\s+(?:{_MONTHS})\.?\s+\d{{1,2}}"
        rf"(?:\s*\((?P<agency>{_AGENCY})\))?\s*(?:[-–—:]\s*|\s|\Z)"
    ),
    # Lucknow (IANS) -    Lucknow (IANS):
    re.compile(rf"(?P<city>{_PLACE})\s*\((?P<agency>{_KNOWN_AGENCY})\)\s*(?:[-–—:]\s*)?"),
    # Bhopal (Madhya Pradesh):     Patna:     Chennai :
    re.compile(rf"{_NOT_PLACES}(?P<city>{_PLACE}){_REGION}\s*:(?:\s+(?![a-z])|\Z)"),
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
        size = f"{len(data) / 1e6:.1f} MB" if len(data) >= 1e6 else f"{len(data) // 1000} KB"
        raise SeedError(Problem(name, f"is {size}; a wire story is under {MAX_SEED_BYTES // 1000} KB: "
                                      "check it is a seed, or split it"))
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
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 11, 12, 13))
    return bool(data) and controls / len(data) > 0.05


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Split TEXT on blank lines; join wrapped lines; drop trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
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


def parse_date(token: str, name: str, line: int = 1) -> dt.date:
    """Parse the YYYY-MM-DD of a date line, or fail naming its LINE."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        raise SeedError(Problem(name, f"date {token[:40]!r} is not YYYY-MM-DD: write the line as "
                                      "' date 2025-11-07 ...'", line))
    try:
        date = dt.date.fromisoformat(token)
    except ValueError as exc:
        raise SeedError(Problem(name, f"date {token} does not exist ({exc}): correct it", line)) from None
    if date.year not in YEARS:
        raise SeedError(Problem(name, f"date {token} is not a plausible wire date (years "
                                      f"{YEARS.start}-{YEARS.stop - 1}): correct it", line))
    return date


def clean_text(text: str) -> str:
    """Return TEXT with LF line ends, no trailing spaces and no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    text = _CONTROLS.sub(lambda m: " " if m.group() in "\x00\x85" else "", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def parse_seed(data: bytes, name: str) -> tuple[Seed, list[Problem]]:
    """Parse the bytes of one seed file; raise SeedError when it cannot be ingested."""
    text, warnings = decode(data, name)
    normal = clean_text(text)
    if not normal.strip():
        raise SeedError(Problem(name, "is empty: a seed needs a ' date YYYY-MM-DD' line and the story"))
    line = len(normal) - len(normal.lstrip("\n")) + 1  # blank lines may come before the date line
    first, _, rest = normal.lstrip("\n").partition("\n")
    match = _DATE_LINE.match(first)
    if not match:
        what = "has a date line with no date" if _DATE_WORD.match(first) else "has no date line"
        raise SeedError(Problem(name, f"{what}: start the file with ' date YYYY-MM-DD' "
                                      "followed by the story", line))
    date = parse_date(match.group(1), name, line)
    paragraphs = split_paragraphs(match.group(2) + "\n" + rest)
    if not paragraphs:
        raise SeedError(Problem(name, "has a date line but no story text after it: add the copy", line))
    dateline, lede = parse_dateline(strip_syndication(paragraphs[0]))
    paragraphs = ((lede,) if lede else ()) + paragraphs[1:]
    if not paragraphs:
        raise SeedError(Problem(name, "has a dateline but no story text after it: add the copy", line))
    seed = Seed(name=name, sha256=hashlib.sha256(data).hexdigest(),
                text_sha256=hashlib.sha256("\n\n".join(paragraphs).encode()).hexdigest(),
                date=date, dateline=dateline, paragraphs=paragraphs)
    return seed, warnings
