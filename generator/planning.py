"""What a build plans: Pages, and the Groups they come in, each naming all it reads.

Every module that plans pages (pages, editions, archives) makes these; render and the
incremental build read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from generator.models import Site


@dataclass(frozen=True, slots=True)
class Page:
    """One planned output: where it goes, how it is rendered, from what."""

    url: str
    template: str  # a Jinja template, or 'atom', 'sitemap', 'text' for files made in Python
    context: Mapping[str, Any]
    kind: str
    lastmod: str | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """Pages planned together, and all they are made from, so a build can skip an unchanged group.

    Whatever a group's pages show must be named here: the stories whose front matter they show
    (SHOWS), those whose text they show as well (BODIES), and any other value (EXTRA). The build adds
    the config, templates and code. A page added here with data from elsewhere must say so in EXTRA.
    When a group's inputs changed, the build asks its PARTS, if it has them, which pages to remake.
    """

    name: str
    shows: tuple[str, ...]
    bodies: tuple[str, ...]
    extra: tuple
    make: Callable[[], list[Page]]
    parts: Callable[[], list[Group]] | None = None  # finer groups making the same pages, if any


def newest(site: Site, keys: Iterable[str]) -> str | None:
    """Return the time of the latest change (or else publication) of the stories KEYS, None when there are none."""
    dates = [site.articles[k].modified for k in keys]
    return max(dates).isoformat() if dates else None
