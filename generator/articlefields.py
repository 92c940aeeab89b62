"""Make an Article from a story's front matter: every field checked, a ValueError naming the bad one."""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from typing import Any, Mapping

from generator import images
from generator.models import Article
from generator.urls import MAX_SLUG, shorten, slugify
from generator.yamlvalues import control_character

LIST_FIELDS = ("people", "places", "organisations", "tags")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@functools.lru_cache(maxsize=None)
def fixed_zone(offset: dt.timedelta) -> dt.timezone:
    """Return the one object of a fixed offset ('+05:30') that every story dated with it shares: an
    object of its own each made every story in the build cache longer to load (a microsecond each)."""
    return dt.timezone(offset)


def parse_date(value: Any, zone: str) -> dt.datetime:
    """Return an aware datetime from a front matter date; naive ones take the site's zone."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    if isinstance(value, dt.datetime):
        if not value.tzinfo:
            return value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        shared = fixed_zone(value.utcoffset()) if type(value.tzinfo) is dt.timezone else None
        return value if shared is None or shared.tzname(None) != value.tzname() else value.replace(tzinfo=shared)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0), tzinfo=zoneinfo.ZoneInfo(zone))
    raise ValueError(f"{value!r} is not a date")


def _names(meta: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key}: must be a list of names, e.g. {key}: [Azam Khan, Akhilesh Yadav]")
    for name in value:
        if trouble := control_character(name):
            raise ValueError(f"{key}: {name!r} {trouble}")
    return tuple(dict.fromkeys(v.strip() for v in value if v.strip()))


def _text(meta: Mapping[str, Any], key: str, required: bool = False) -> str | None:
    value = meta.get(key)
    if value is None or value == "":
        if required:
            raise ValueError(f"{key}: is missing; every story needs a {key}")
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        kind = {"list": "a list", "dict": "a mapping", "bool": "a yes/no value", "date": "a date",
                "datetime": "a date"}.get(type(value).__name__, type(value).__name__)
        raise ValueError(f"{key}: must be text, not {kind}; put it in quotes if it is meant as text")
    if trouble := control_character(str(value)):
        raise ValueError(f"{key}: {trouble}")
    return str(value).strip()


def make_article(meta: Mapping[str, Any], body: str, source: str, stem: str, zone: str) -> Article:
    """Build an Article from front matter; raise ValueError naming the bad field."""
    try:
        date = parse_date(meta.get("date"), zone)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"date: {exc}; write it as 2025-11-07 or 2025-11-07T09:30:00+05:30") from None
    slug = _text(meta, "slug") or stem
    if len(slug) > MAX_SLUG and _SLUG.fullmatch(slug):  # a long headline's: shortened, kept unique
        slug = shorten(slug)
    if slugify(slug) != slug:
        raise ValueError(f"slug: {slug!r} is not a slug; use lowercase letters, digits and hyphens "
                         f"such as {slugify(slug)!r}")
    updated = _updated(meta, date, zone)
    seed = meta.get("source", {}).get("file") if isinstance(meta.get("source"), dict) else None
    names = {key: _names(meta, key) for key in LIST_FIELDS}
    return Article(source=source, slug=slug, title=_text(meta, "title", required=True) or "",
                   date=date, summary=_text(meta, "summary") or "", body=body,
                   dateline=_text(meta, "dateline"), agency=_text(meta, "agency"), seed=seed,
                   priority=_priority(meta), lead=_flag(meta, "lead"),
                   draft=meta.get("draft") is True, updated=updated, image=_image(meta),
                   image_alt=_text(meta, "image_alt"), **names)


def _updated(meta: Mapping[str, Any], date: dt.datetime, zone: str) -> dt.datetime | None:
    if meta.get("updated") in (None, ""):
        return None
    try:
        updated = parse_date(meta["updated"], zone)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"updated: {exc}; write it as 2025-11-07T14:05:00+05:30") from None
    if updated < date:
        raise ValueError(f"updated: {updated.isoformat()} is before the story's date {date.isoformat()}; "
                         "an update comes after the story")
    return None if updated == date else updated


def _image(meta: Mapping[str, Any]) -> str | None:
    image = _text(meta, "image")
    if image is None:
        return None
    if trouble := images.invalid(image):
        raise ValueError(f"image: {image!r} {trouble}")
    return image


def _priority(meta: Mapping[str, Any]) -> int:
    value = meta.get("priority")
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"priority: {value!r} is not a whole number; write e.g. priority: 2 "
                         "(higher comes first in the day, 0 is the default, -1 sinks a story)")
    return value


def _flag(meta: Mapping[str, Any], key: str) -> bool:
    value = meta.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValueError(f"{key}: {value!r} is not true or false; write {key}: true")
    return value
