"""Read content/ into Articles, reporting every bad file by name and line."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path
from typing import Any, Iterator, Mapping

from generator import frontmatter
from generator.config import Config
from generator.errors import ContentError, Problem, display_path
from generator.models import Article
from generator.urls import slugify

LIST_FIELDS = ("people", "places", "organisations", "tags")


def content_files(config: Config) -> Iterator[Path]:
    """Yield the story files under content/, in a stable order."""
    yield from sorted(config.path("content").rglob("*.md"))


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


def read_article(path: Path, config: Config) -> Article:
    """Read one content file; raise ContentError with the file and line."""
    source = display_path(path, config.root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(Problem(source, "is not UTF-8 text: save it as UTF-8")) from None
    except OSError as exc:
        raise ContentError(Problem(source, f"cannot be read: {exc.strerror}")) from None
    doc = frontmatter.split(text, source)
    try:
        return make_article(doc.meta, doc.body, source, path.stem, config.timezone)
    except ValueError as exc:
        key = str(exc).split(":", 1)[0]
        head = text.split("\n---", 1)[0]
        line = _field_lines(head.removeprefix("---\n")).get(key)
        raise ContentError(Problem(source, str(exc), line + 1 if line else None)) from None


def load_articles(config: Config) -> tuple[list[Article], list[Problem]]:
    """Read every story; return the good ones and a problem for each bad one."""
    articles, problems = [], []
    for path in content_files(config):
        try:
            articles.append(read_article(path, config))
        except ContentError as exc:
            problems += exc.problems
    return articles, problems + duplicate_urls(articles)


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
