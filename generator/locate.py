"""Which file of site/ answers a preview's request path, the way GitHub Pages does, and the
Content-Type it is sent with."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

TEXT_TYPES = ("text/", "application/xml", "application/json", "application/javascript", "image/svg")


@dataclass(frozen=True, slots=True)
class Located:
    """Where a request path leads: a file inside site/, a redirect, or nowhere (404)."""

    file: Path | None = None
    redirect: str | None = None


def locate(site: Path, base_path: str, raw_path: str) -> Located:
    """Map a raw (still percent-encoded) request path to a file inside SITE, the way Pages does."""
    if raw_path in ("", "/") and base_path != "/" or raw_path + "/" == base_path:
        return Located(redirect=base_path)
    if not raw_path.startswith(base_path):
        return Located()
    rel = unquote(raw_path[len(base_path):])  # decode first, so %2e%2e and %2f are checked as ../ and /
    if "\x00" in rel or rel.startswith("/") or ".." in rel.split("/"):
        return Located()
    try:
        top = site.resolve()
        target = (site / rel).resolve()  # follows symlinks: one that leaves site/ ends up outside top
        if not target.is_relative_to(top):
            return Located()
        if target.is_dir():
            if rel and not rel.endswith("/"):
                return Located(redirect=raw_path + "/")
            target = (target / "index.html").resolve()
            if not target.is_relative_to(top):
                return Located()
        if rel.endswith("/") and target.name != "index.html":
            return Located()
        return Located(file=target) if target.is_file() else Located()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name too long
        return Located()


def content_type(path: Path) -> str:
    """Return the Content-Type of a site file, with the charset for text."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return kind + "; charset=utf-8" if kind.startswith(TEXT_TYPES) else kind
