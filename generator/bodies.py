"""Stories' bodies as HTML: each Markdown text converted once, kept in the build cache by its hash."""

from __future__ import annotations

from typing import Callable, Iterator, Mapping

from generator import markup
from generator.cache import BuildCache
from generator.models import Article


def to_html(text: str, converter=None) -> str:
    """Return the HTML of one story's Markdown: plain wire copy on the fast path, else Python-Markdown."""
    html = markup.plain_html(text)
    return html if html is not None else markup.render(converter or markup.make_converter(), text)


class Bodies(Mapping):
    """Each story's body as HTML by key: as just converted (FRESH, by hash), else from the cache's
    shards, read only when a page needs it, else converted again and kept (a cache file went missing)."""

    def __init__(self, cache: BuildCache, hashes: Mapping[str, str], articles: Mapping[str, Article],
                 markdown: Callable[[Article, str], str], fresh: Mapping[str, str] | None = None):
        """MARKDOWN(article, hash) returns a story's Markdown (the cache keeps stories without it)."""
        self.cache, self.hashes, self.articles, self.fresh = cache, hashes, articles, fresh or {}
        self.markdown = markdown
        self.converter = None

    def __getitem__(self, key: str) -> str:
        sha = self.hashes[key]
        html = self.fresh.get(sha) or self.cache.lookup("markdown", sha)
        if html is None:
            self.converter = self.converter or markup.make_converter()
            html = to_html(self.markdown(self.articles[key], sha), self.converter)
            self.cache.change("markdown", sha, html)
        return html

    def __iter__(self) -> Iterator[str]:
        return iter(self.hashes)

    def __len__(self) -> int:
        return len(self.hashes)
