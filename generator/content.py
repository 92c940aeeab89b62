"""Read content/ into Articles, reporting every bad file by name and line; re-read only what changed."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

from generator import fields, frontmatter, parallel
from generator.articlefields import make_article
from generator.config import Config
from generator.errors import ContentError, Problem, display_path
from generator.models import Article
from generator.storyfiles import RACY_NS, StatKey, fingerprint, scan_folder, story_files  # noqa: F401 - theirs

ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
META_FIELDS = tuple(name for name in ARTICLE_FIELDS if name != "body")
PARALLEL_FROM = 2000  # files to parse before it pays to fork workers (1,000 parse in about 0.12 CPU s)


@dataclass(frozen=True, slots=True)
class Source:
    """A content file as last read: its stat, the hash of its bytes, its story and the story's hashes."""

    stat: StatKey
    sha: str  # of the file's bytes
    article: Article
    key: str  # the article's key
    meta: str  # hash of every field but the body: all that lists of stories can show
    body: str  # hash of the Markdown body: the key of its rendered HTML

    def __reduce__(self):
        # the build cache holds thousands: a flat tuple loads several times faster than dataclasses.
        # The body's Markdown is left out: its HTML is kept by its hash (the `markdown` part), and it
        # was two thirds of the bytes that every whole build read (read_markdown finds it again)
        article = tuple("" if name == "body" else getattr(self.article, name) for name in ARTICLE_FIELDS)
        return _load_source, (self.stat, self.sha, article, self.key, self.meta, self.body)


def _load_source(stat: StatKey, sha: str, fields: tuple, key: str, meta: str, body: str) -> Source:
    article = object.__new__(Article)
    for setter, value in zip(_ARTICLE_SETTERS, fields):
        setter(article, value)  # the slots' own setters: Article is frozen, and this is its unpickling
    return Source(stat, sha, article, key, meta, body)


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading content/ found: the good files by path, and a problem for each bad one."""

    sources: dict[str, Source]
    problems: list[Problem]
    parsed: int  # files parsed this time, not taken from the cache


_ARTICLE_SETTERS = tuple(vars(Article)[name].__set__ for name in ARTICLE_FIELDS)
_SET_BODY = _ARTICLE_SETTERS[ARTICLE_FIELDS.index("body")]


def content_files(config: Config) -> Iterator[Path]:
    """Yield the story files under content/, in a stable order."""
    yield from (config.root / rel for rel in scan(config))


def scan(config: Config) -> dict[str, StatKey]:
    """Map each story file under content/ (as 'content/...') to its stat key, in path order."""
    return story_files(scan_folder(str(config.path("content")), "content/"))


def _field_lines(head_text: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(head_text.split("\n"), start=1):
        key = line.split(":", 1)[0]
        if key and not key.startswith((" ", "-", "#")) and key not in lines:
            lines[key] = number
    return lines


def parse_article(data: bytes, source: str, config: Config) -> Article:
    """Turn the bytes of content file SOURCE into an Article; raise ContentError with the line."""
    return parse_story(data, source, config)[0]


def parse_story(data: bytes, source: str, config: Config) -> tuple[Article, list[Problem]]:
    """Turn content file SOURCE into an Article and warnings; raise ContentError naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError(Problem(source, "is not UTF-8 text: save it as UTF-8")) from None
    doc = frontmatter.split(text, source)

    def line_of(key: str) -> int | None:
        line = _field_lines(text.split("\n---", 1)[0].removeprefix("---\n")).get(key)
        return line + 1 if line else None

    checked = [Problem(source, message, line_of(key), severity)
               for key, message, severity in fields.check_keys(doc.meta)]
    errors = [p for p in checked if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    try:
        return make_article(doc.meta, doc.body, source, Path(source).stem, config.timezone), checked
    except ValueError as exc:
        raise ContentError(Problem(source, str(exc), line_of(str(exc).split(":", 1)[0]))) from None


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ContentError(Problem(source, f"cannot be read: {exc.strerror}")) from None


def read_article(path: Path, config: Config) -> Article:
    """Read one content file; raise ContentError with the file and line."""
    source = display_path(path, config.root)
    return parse_article(_read_bytes(path, source), source, config)


def make_source(stat: StatKey, sha: str, article: Article) -> Source:
    """Return a Source with the hashes of the story's fields and of its body."""
    meta = repr(tuple(getattr(article, name) for name in META_FIELDS))
    return Source(stat, sha, article, article.key, fingerprint(meta.encode("utf-8")),
                  fingerprint(article.body.encode("utf-8")))


def read_sources(config: Config, files: Mapping[str, StatKey], known: Mapping[str, Source],
                 trusted_before: int = 0, workers: int = 1) -> Reading:
    """Read FILES, reusing KNOWN stories whose file is unchanged; report every bad file.

    A file whose stat matches is taken as unchanged, unless it changed at or after TRUSTED_BEFORE
    (ns): a write in the same clock tick as the last scan keeps its stat, so such files are hashed.
    Many files to read are shared among WORKERS processes.
    """
    kept, todo = {}, []
    for source, stat in files.items():
        old = known.get(source)
        if old is not None and old.stat == stat and stat[2] < trusted_before:
            kept[source] = old
        else:
            todo.append(source)

    def work(indexes: range) -> list[tuple[Source | None, list[Problem], bool, str]]:
        # a Source crosses back from a worker without its Markdown (Source.__reduce__ leaves it out
        # of the cache): the text goes beside it, or every page showing it would read the file again
        return [(read, trouble, parsed, read.article.body if read is not None else "")
                for read, trouble, parsed in (read_source(config, todo[i], files[todo[i]], known.get(todo[i]))
                                              for i in indexes)]

    found: dict[str, tuple[Source | None, list[Problem], bool, str]] = {}
    for part, results in parallel.run(work, len(todo), 250, workers if len(todo) >= PARALLEL_FROM else 1):
        found.update(zip((todo[i] for i in part), results))
    sources, problems = {}, []
    for source in files:  # in path order, whichever worker read what
        if source in kept:
            sources[source] = kept[source]
            continue
        read, trouble, _, text = found[source]
        problems += trouble
        if read is not None:
            if text and not read.article.body:
                _SET_BODY(read.article, text)  # the story was made just now, from the worker's copy
            sources[source] = read
    duplicates = duplicate_urls([s.article for s in sources.values()])
    for problem in duplicates:  # the first story keeps the URL; the others are left out, and named
        sources.pop(problem.path, None)
    return Reading(sources, problems + duplicates, sum(f[2] for f in found.values()))


def read_source(config: Config, source: str, stat: StatKey,
                old: Source | None) -> tuple[Source | None, list[Problem], bool]:
    """Read one content file: (its Source, [], parsed?) or (None, its problems, False)."""
    try:
        data = _read_bytes(config.root / source, source)
        sha = fingerprint(data)
        if old is not None and old.sha == sha:
            return dataclasses.replace(old, stat=stat), [], False
        article, warnings = parse_story(data, source, config)
        return make_source(stat, sha, article), warnings, True
    except ContentError as exc:
        return None, exc.problems, False


def read_markdown(config: Config, article: Article, sha: str) -> str:
    """Return the Markdown of a story's body as its file holds it: the build cache does not keep it.

    SHA is the hash of the body the build took it to have; a file changed since names itself.
    """
    if article.body:
        return article.body
    path = article.source
    try:
        found, _ = parse_story(_read_bytes(config.root / path, path), path, config)
    except ContentError:
        found = None
    if found is None or fingerprint(found.body.encode("utf-8")) != sha:
        raise ContentError(Problem(path, "changed while the site was being built: build again"))
    return found.body


def unchanged(files: Mapping[str, StatKey], known: Mapping[str, StatKey], root: Path,
              hashes: Mapping[str, str], trusted_before: int) -> int | None:
    """Return how many FILES were hashed to show they are the KNOWN ones, or None if they are not.

    Files whose stat cannot be trusted (changed at or after TRUSTED_BEFORE) are hashed.
    """
    if files.keys() != known.keys():
        return None
    hashed = 0
    for source, stat in files.items():
        if known[source] != stat:
            return None
        if stat[2] >= trusted_before:
            hashed += 1
            try:
                if fingerprint((root / source).read_bytes()) != hashes.get(source):
                    return None
            except OSError:
                return None
    return hashed


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
