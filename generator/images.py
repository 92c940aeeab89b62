"""A story's picture: where its `image:` is, its copy beside the story's page, and whether it changed.

`image:` is an http(s) URL, used as it is, or a file of the project: a path beside the story's
file (`floods.jpg`), or from the project's folder when it starts with `/` (`/images/floods.jpg`).
A file is copied into the story's folder in site/ under a name carrying a hash of its bytes
(`floods.1a2b3c4d5e.jpg`): an edited picture gets a new URL, so every page showing it is made again
and no browser keeps the old one.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from generator.errors import Problem

if TYPE_CHECKING:
    from generator.models import Article

SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")
StatKey = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Picture:
    """An image file as last read: its stat (None: missing), the hash of its bytes, its name in site/."""

    stat: StatKey | None
    sha: str = ""  # sha1 of its bytes: the fingerprint of its copy in site/
    name: str = ""  # file name of its copy, beside the story's page


@dataclass(frozen=True, slots=True)
class Pictures:
    """The stories' image files found: by project path, each story's picture, and the problems."""

    files: dict[str, Picture]  # project-relative path -> Picture, missing ones too
    shown: dict[str, str]  # story key -> its copy's file name, or the URL of a remote image
    local: dict[str, str]  # story key -> project-relative path of its image file
    problems: list[Problem]  # a story whose file is missing: it is left out
    warnings: list[Problem]  # a picture with no image_alt: shown, but not to readers who cannot see it


def is_url(image: str) -> bool:
    """Tell whether IMAGE is a web address, not a file of the project."""
    return image.startswith(("https://", "http://"))


def invalid(image: str) -> str | None:
    """Return what is wrong with an `image:` value, or None."""
    if is_url(image):
        return "is not a web address a page can use: no spaces or quotes" if any(
            c in image for c in ' "<>\\`') else None
    if "://" in image or image.startswith("data:"):
        return "must be a file of the project or an http(s):// address"
    if "\\" in image:
        return "must be written with forward slashes, e.g. images/floods.jpg"
    if not image.lower().endswith(SUFFIXES):
        return f"is not a picture: use a {', '.join(s[1:] for s in SUFFIXES)} file"
    if ".." in image.split("/"):
        return "must not leave the project: write it from the project's folder, e.g. /images/floods.jpg"
    return None


def project_path(story: str, image: str) -> str:
    """Return the project-relative path of a story's image file: from the project with a leading '/'."""
    if image.startswith("/"):
        return posixpath.normpath(image.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(story), image))


def copy_name(path: str, sha: str) -> str:
    """Return the name of an image's copy in site/: a slug of its name, a hash of its bytes, its suffix."""
    stem, suffix = posixpath.splitext(posixpath.basename(path))
    from generator.urls import slugify  # here: a build with nothing to do reads pictures' stats, not their names

    return f"{slugify(stem) or 'image'}.{sha[:10]}{suffix.lower()}"


def stat_key(path: Path) -> StatKey | None:
    """Return what changes when a file is written, None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) if os.path.isfile(path) else None


def look(root: Path, path: str, known: Picture | None) -> Picture:
    """Return the Picture of image file PATH, hashing it only when its stat changed."""
    stat = stat_key(root / path)
    if stat is None:
        return Picture(None)
    if known is not None and known.stat == stat:
        return known
    try:
        sha = hashlib.sha1((root / path).read_bytes()).hexdigest()
    except OSError:
        return Picture(None)
    return Picture(stat, sha, copy_name(path, sha))


def find(root: Path, articles: Iterable[Article], known: Mapping[str, Picture]) -> Pictures:
    """Find each story's picture; a story whose image file is missing is named, with its line."""
    found = Pictures({}, {}, {}, [], [])
    for article in articles:
        if article.image is None:
            continue
        if not article.image_alt:
            found.warnings.append(Problem(article.source, "image_alt: missing; say what the picture shows, for "
                                          "readers who cannot see it (image_alt: Boats on a flooded street)",
                                          key_line(Path(root) / article.source, "image"), "warning"))
        if is_url(article.image):
            found.shown[article.key] = article.image
            continue
        path = project_path(article.source, article.image)
        picture = found.files.get(path) or look(root, path, known.get(path))
        found.files[path] = picture
        if picture.stat is None:
            found.problems.append(Problem(article.source, f"image: {article.image} is not there (looked for "
                                          f"{path}); add the file, or correct or delete the line",
                                          key_line(root / article.source, "image")))
        else:
            found.shown[article.key] = picture.name
            found.local[article.key] = path
    return found


def unchanged(root: Path, files: Mapping[str, Picture]) -> bool:
    """Tell whether every image file the last build read (or missed) is as it was."""
    return all(stat_key(root / path) == picture.stat for path, picture in files.items())


def key_line(path: Path, key: str) -> int | None:
    """Return the line of KEY in a story's front matter, None when it cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, start=1) if line.startswith(f"{key}:")), None)
