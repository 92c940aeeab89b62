"""Turn the stories' Markdown bodies into HTML for a build: each when a page first shows it, and
what no page showed at the end, on every core when many need Python-Markdown."""

from __future__ import annotations

import functools
from typing import Iterable

from generator import markup, parallel
from generator.bodies import Bodies
from generator.cache import BuildCache
from generator.config import Config
from generator.content import read_markdown
from generator.incremental import Content

CONVERT_PARALLEL_FROM = 200  # bodies for Python-Markdown to convert before it pays to fork workers


def render_bodies(config: Config, content: Content, cache: BuildCache) -> Bodies:
    """Return every story's body as HTML, read lazily: what the cache has not seen is converted by
    the page that shows it first (convert_rest converts what no page asked for)."""
    held = {s.body for s in content.previous.values()}  # the cache holds the last build's bodies
    wanted = {s.body for s in content.sources.values()}
    for sha in held - wanted:
        cache.change("markdown", sha, None)  # a deleted or edited story's old body goes
    return Bodies(cache, {s.key: s.body for s in content.sources.values()},
                  {s.key: s.article for s in content.sources.values()}, functools.partial(read_markdown, config),
                  pending=wanted - held)


def convert_rest(config: Config, content: Content, bodies: Bodies) -> None:
    """Convert and keep the bodies the cache has not seen and no page rendered this time showed."""
    articles = {s.body: s.article for s in content.sources.values() if s.body in bodies.pending}
    missing = sorted(articles)
    texts = [read_markdown(config, articles[sha], sha) for sha in missing]
    bodies.keep(dict(convert_markdown(texts, missing)))


def convert_markdown(texts: list[str], shas: list[str]) -> Iterable[tuple[str, str]]:
    """Yield (sha, HTML) for each Markdown text, on every core when many need Python-Markdown."""
    hard = []  # plain wire copy converts here faster than it would cross to a worker and back
    for i, text in enumerate(texts):
        html = markup.plain_html(text)
        if html is None:
            hard.append(i)
        else:
            yield shas[i], html

    def work(indexes) -> list[str]:
        converter = markup.make_converter()
        return [markup.render(converter, texts[hard[i]]) for i in indexes]

    workers = parallel.cores() if len(hard) >= CONVERT_PARALLEL_FROM else 1
    for part, html in parallel.run(work, len(hard), 100, workers):
        yield from zip((shas[hard[i]] for i in part), html)
