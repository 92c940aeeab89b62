"""Read content/ into Articles, reporting every bad file by name and line; re-read only what changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from generator import frontmatter
from generator.config import Config
from generator.errors import ContentError, Problem, display_path
from generator.models import Article
from generator.urls import slugify

LIST_FIELDS = ("people", "places", "organisations", "tags")
META_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name != "body")
StatKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode: any write changes one


@dataclass(frozen=True, slots=True)
class Source:
    """A content file as last read: its stat, the hash of its bytes, its story and the story's hashes."""

    stat: StatKey
    sha: str  # of the file's bytes
    article: Article
    key: str  # the article's key, kept: Article.key formats a date each time
    meta: str  # hash of every field but the body: all that lists of stories can show
    body: str  # hash of the Markdown body: the key of its rendered HTML


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading content/ found: the good files by path, and a problem for each bad one."""

    sources: dict[str, Source]
    problems: list[Problem]
    parsed: int  # files parsed this time, not taken from the cache


def content_files(config: Config) -> Iterator[Path]:
    """Yield the story files under content/, in a stable order."""
    yield from (config.root / rel for rel in scan(config))


def scan(config: Config) -> dict[str, StatKey]:
    """Map each story file under content/ (as 'content/...') to its stat key, in path order."""
    found: dict[str, StatKey] = {}
    _scan_into(config.path("content"), "content/", found)
    return dict(sorted(found.items()))


def _scan_into(folder: Path, prefix: str, found: dict[str, StatKey]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.name.startswith("."):  # editors' temporary and lock files, .git and the like
            continue
        if entry.is_dir():
            _scan_into(Path(entry.path), f"{prefix}{entry.name}/", found)
        elif entry.name.endswith(".md") and entry.is_file():
            st = entry.stat()
            found[prefix + entry.name] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _field_lines(head_text: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(head_text.split("\n"), start=1):
        key = line.split(":", 1)[0]
        if key and not key.startswith((" ", "-", "#")) and key not in lines:
            lines[key] = number
    return lines


def parse_date(value: Any, zone: str) -> dt.datetime:
    """Return an aware datetime from a front matter date; naive ones take the site's zone."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=zoneinfo.ZoneInfo(zone))
    raise ValueError(f"{value!r} is not a date")


def _names(meta: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key}: must be a list of names, e.g. {key}: [Azam Khan, Akhilesh Yadav]")
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def _text(meta: Mapping[str, Any], key: str, required: bool = False) -> str | None:
    value = meta.get(key)
    if value is None or value == "":
        if required:
            raise ValueError(f"{key}: is missing; every story needs a {key}")
        return None
    if not isinstance(value, (str, int, float)):
        raise ValueError(f"{key}: must be text")
    return str(value).strip()


def make_article(meta: Mapping[str, Any], body: str, source: str, stem: str, zone: str) -> Article:
    """Build an Article from front matter; raise ValueError naming the bad field."""
    try:
        date = parse_date(meta.get("date"), zone)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"date: {exc}; write it as 2025-11-07 or 2025-11-07T09:30:00+05:30") from None
    slug = _text(meta, "slug") or stem
    if slugify(slug) != slug:
        raise ValueError(f"slug: {slug!r} is not a slug; use lowercase letters, digits and hyphens "
                         f"such as {slugify(slug)!r}")
    seed = meta.get("source", {}).get("file") if isinstance(meta.get("source"), dict) else None
    names = {key: _names(meta, key) for key in LIST_FIELDS}
    return Article(source=source, slug=slug, title=_text(meta, "title", required=True) or "",
                   date=date, summary=_text(meta, "summary") or "", body=body,
                   dateline=_text(meta, "dateline"), agency=_text(meta, "agency"), seed=seed, **names)


def parse_article(data: bytes, source: str, config: Config) -> Article:
    """Turn the bytes of content file SOURCE into an Article; raise ContentError with the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError(Problem(source, "is not UTF-8 text: save it as UTF-8")) from None
    doc = frontmatter.split(text, source)
    try:
        return make_article(doc.meta, doc.body, source, Path(source).stem, config.timezone)
    except ValueError as exc:
        key = str(exc).split(":", 1)[0]
        head = text.split("\n---", 1)[0]
        line = _field_lines(head.removeprefix("---\n")).get(key)
        raise ContentError(Problem(source, str(exc), line + 1 if line else None)) from None


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError(Problem(source, f"cannot be read: {exc.strerror}")) from None


def read_article(path: Path, config: Config) -> Article:
    """Read one content file; raise ContentError with the file and line."""
    source = display_path(path, config.root)
    return parse_article(_read_bytes(path, source), source, config)


def fingerprint(data: bytes) -> str:
    """Return a short, stable hash of some bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def make_source(stat: StatKey, sha: str, article: Article) -> Source:
    """Return a Source with the hashes of the story's fields and of its body."""
    meta = repr(tuple(getattr(article, name) for name in META_FIELDS))
    return Source(stat, sha, article, article.key, fingerprint(meta.encode("utf-8")),
                  fingerprint(article.body.encode("utf-8")))


def read_sources(config: Config, files: Mapping[str, StatKey], known: Mapping[str, Source],
                 trusted_before: int = 0) -> Reading:
    """Read FILES, reusing KNOWN stories whose file is unchanged; report every bad file.

    A file whose stat matches is taken as unchanged, unless it changed at or after TRUSTED_BEFORE
    (ns): a write in the same clock tick as the last scan keeps its stat, so such files are hashed.
    """
    sources, problems, parsed = {}, [], 0
    for source, stat in files.items():
        old = known.get(source)
        if old is not None and old.stat == stat and stat[2] < trusted_before:
            sources[source] = old
            continue
        try:
            data = _read_bytes(config.root / source, source)
            sha = fingerprint(data)
            if old is not None and old.sha == sha:
                sources[source] = dataclasses.replace(old, stat=stat)
                continue
            sources[source] = make_source(stat, sha, parse_article(data, source, config))
            parsed += 1
        except ContentError as exc:
            problems += exc.problems
    articles = [s.article for s in sources.values()]
    return Reading(sources, problems + duplicate_urls(articles), parsed)


def unchanged(files: Mapping[str, StatKey], known: Mapping[str, StatKey], root: Path,
              hashes: Mapping[str, str], trusted_before: int) -> bool:
    """Tell whether FILES are the KNOWN ones, hashing those whose stat cannot be trusted."""
    if files.keys() != known.keys():
        return False
    for source, stat in files.items():
        if known[source] != stat:
            return False
        if stat[2] >= trusted_before:
            try:
                if fingerprint((root / source).read_bytes()) != hashes.get(source):
                    return False
            except OSError:
                return False
    return True


def load_articles(config: Config) -> tuple[list[Article], list[Problem]]:
    """Read every story; return the good ones and a problem for each bad one."""
    reading = read_sources(config, scan(config), {})
    return [s.article for s in reading.sources.values()], reading.problems


def duplicate_urls(articles: list[Article]) -> list[Problem]:
    """Report stories that would be written to the same URL."""
    first: dict[str, Article] = {}
    problems = []
    for article in articles:
        other = first.setdefault(article.key, article)
        if other is not article:
            problems.append(Problem(article.source, f"has the same date and slug as {other.source}, "
                                                    "so both would have one URL: change one slug"))
    return problems
