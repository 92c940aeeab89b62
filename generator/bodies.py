"""Stories' bodies as HTML: each Markdown text converted once, kept in the build cache by its hash."""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, Mapping

from generator import markup
from generator.cache import BuildCache
from generator.models import Article


def to_html(text: str, converter=None) -> str:
    """Return the HTML of one story's Markdown: plain wire copy on the fast path, else Python-Markdown."""
    html = markup.plain_html(text)
    return html if html is not None else markup.render(converter or markup.make_converter(), text)


class Bodies(Mapping):
    """Each story's body as HTML by key: as just converted (FRESH, by hash), else from the cache's
    shards, read only when a page needs it, else converted then and kept.

    A build converts a body when the first page showing it is rendered (PENDING: the bodies the
    cache has not seen), so that a cold build converts on every core and forks its workers with no
    HTML to copy. What a forked worker converts, the build's own process keeps: take() hands it
    over with the worker's results, keep() puts it in the cache.
    """

    def __init__(self, cache: BuildCache, hashes: Mapping[str, str], articles: Mapping[str, Article],
                 markdown: Callable[[Article, str], str], fresh: Mapping[str, str] | None = None,
                 pending: Iterable[str] = ()):
        """MARKDOWN(article, hash) returns a story's Markdown (the cache keeps stories without it)."""
        self.cache, self.hashes, self.articles, self.fresh = cache, hashes, articles, fresh or {}
        self.markdown = markdown
        self.pending = set(pending)  # hashes of bodies not converted yet
        self.taken: dict[str, str] = {}  # converted in a forked worker, for its results
        self.owner = os.getpid()
        self.converter = None

    def __getitem__(self, key: str) -> str:
        sha = self.hashes[key]
        html = self.fresh.get(sha) or self.cache.lookup("markdown", sha)
        if html is None:
            self.converter = self.converter or markup.make_converter()
            html = to_html(self.markdown(self.articles[key], sha), self.converter)
            if os.getpid() == self.owner:
                self.keep({sha: html})
            else:
                self.taken[sha] = html
        return html

    def take(self) -> dict[str, str]:
        """Return the bodies converted in this worker since the last take(), by hash."""
        taken, self.taken = self.taken, {}
        return taken

    def keep(self, htmls: Mapping[str, str]) -> None:
        """Put converted bodies (by hash) in the cache."""
        for sha, html in htmls.items():
            self.cache.change("markdown", sha, html)
            self.pending.discard(sha)

    def __iter__(self) -> Iterator[str]:
        return iter(self.hashes)

    def __len__(self) -> int:
        return len(self.hashes)
