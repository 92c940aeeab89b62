"""Find the broken links of a built site: every href and src that points inside it must lead to a file."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.errors import Problem


class _Links(HTMLParser):
    """Collect the href and src of every element of a page, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append((value, self.getpos()[0]))


def page_links(html: str) -> list[tuple[str, int]]:
    """Return (link, line) for every href and src of an HTML page."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.found


def target(site: Path, base_url: str, page_url: str, link: str) -> Path | None:
    """Return the file of SITE a link leads to, or None when it leads outside the site."""
    base = urlsplit(base_url)
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "tel", "data", "javascript") or link.startswith("#"):
        return None
    if parts.scheme or parts.netloc:
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return None  # another site: not checked (no network)
    path = unquote(parts.path) if parts.path.startswith("/") else _join(page_url, unquote(parts.path))
    base_path = base.path if base.path.endswith("/") else base.path + "/"
    if not path.startswith(base_path):
        return site / "\0outside"  # a root-relative link that misses the base path is broken
    rel = path[len(base_path):]
    return site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel


def _join(page_url: str, rel: str) -> str:
    folder = page_url.rsplit("/", 1)[0]
    parts: list[str] = []
    for piece in (folder + "/" + rel).split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def broken_links(site: Path, base_url: str) -> tuple[int, list[Problem]]:
    """Check every HTML page of SITE; return how many were read and a problem per broken link."""
    base_path = urlsplit(base_url).path.rstrip("/") + "/"
    problems, pages = [], 0
    for folder, _, names in os.walk(site):
        for name in sorted(n for n in names if n.endswith(".html")):
            path = Path(folder, name)
            rel = path.relative_to(site).as_posix()
            pages += 1
            page_url = base_path + rel
            for link, line in page_links(path.read_text(encoding="utf-8", errors="replace")):
                found = target(site, base_url, page_url, link)
                if found is not None and not found.is_file():
                    problems.append(Problem(f"site/{rel}", f"broken link {link!r}: no such page in site/; "
                                                           "build again, or fix the template or story", line))
    return pages, problems
