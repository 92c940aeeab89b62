"""Related stories: for each story, the stories near it in time that share most of its people,
places and tags, newer first (organise in taxonomy.py names the terms they share).
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any, Collection, Iterator, Mapping, Sequence

from generator import parallel
from generator.models import Article, Site, Term
from generator.taxonomy import slug_of
from generator.urls import slugify

RELATED_WINDOW = 12  # neighbours in time looked at per shared term: news relates to news nearby
PARALLEL_FROM = 2000  # related lists to find before it pays to fork workers
# the names that relate stories: an organisation is left out, as ingest also tags the ones a story
# is about, and counting both would weigh one fact twice
RELATED_KINDS = ("person", "place", "tag")


def term_index(site: Site) -> dict[tuple[str, str], Term]:
    """Map (kind, slug) to each term."""
    return {(t.kind, t.slug): t for terms in site.terms.values() for t in terms}


def related(site: Site, key: str, terms: dict[tuple[str, str], Term],
            positions: dict[tuple[str, str], dict[str, int]], limit: int) -> tuple[str, ...]:
    """Return up to LIMIT stories sharing most people, places or tags with KEY, newer first."""
    return Relatedness(site, terms, positions).of(key, limit)


class Relatedness:
    """Score stories by the people, places and tags they share with their neighbours in time."""

    def __init__(self, site: Site, terms: dict[tuple[str, str], Term] | None = None,
                 positions: dict[tuple[str, str], dict[str, int]] | None = None, rank: Mapping[str, Any] | None = None):
        self.site = site
        self.terms = term_index(site) if terms is None else terms
        self.positions = positions if positions is not None else {}
        self.slugs: dict[str, str] = {}
        self._rank = rank

    def rank(self) -> Mapping[str, Any]:
        """Return each story's place when ranked newest first, ties by key."""
        if self._rank is None:
            self._rank = newest_rank(self.site)
        return self._rank

    def windows(self, key: str) -> Iterator[Sequence[str]]:
        """Yield, for each of KEY's names, the stories near KEY in that term's list."""
        for kind in RELATED_KINDS:
            for name in self.site.articles[key].names(kind):
                slug = self.slugs.get(name) or self.slugs.setdefault(name, slugify(name))
                if self.site.clashes and (kind, name) in self.site.clashes:
                    slug = self.site.clashes[kind, name][0]
                term = self.terms.get((kind, slug))
                if term is None:
                    continue
                at = self._position(term, key)
                yield term.articles[max(0, at - RELATED_WINDOW): at + RELATED_WINDOW + 1]

    def _position(self, term: Term, key: str) -> int:
        table = self.positions.get((term.kind, term.slug))
        if table is None and len(term.articles) > 64:
            if isinstance(self._rank, NewestFirst):  # a few lookups: indexing a tag of 30,000 stories
                return newest_position(self.site.articles, term.articles, key)  # would cost more
            table = self.positions[(term.kind, term.slug)] = {k: i for i, k in enumerate(term.articles)}  # many: index it once
        return table[key] if table is not None else term.articles.index(key)

    def of(self, key: str, limit: int) -> tuple[str, ...]:
        """Return up to LIMIT stories sharing most names with KEY's neighbours in time."""
        scores: Counter[str] = Counter()
        for window in self.windows(key):
            scores.update(window)
        scores.pop(key, None)
        return top(scores, self.rank(), limit)


def newest_position(articles: Mapping[str, Article], keys: Sequence[str], key: str) -> int:
    """Return where KEY is in KEYS, a list newest first as site.order has it (by time, then key, both
    descending), by halving it."""
    target = (articles[key].date, key)
    lo, hi = 0, len(keys)
    while lo < hi:
        mid = (lo + hi) // 2
        if (articles[keys[mid]].date, keys[mid]) > target:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(keys) and keys[lo] == key else keys.index(key)


def top(scores: Mapping[str, int], rank: Mapping[str, int], limit: int) -> tuple[str, ...]:
    """Return the LIMIT keys of highest score, ties going to the lower rank."""
    found: list[str] = []
    for score in sorted(set(scores.values()), reverse=True):  # a handful of distinct scores
        tier = sorted((k for k, n in scores.items() if n == score), key=rank.__getitem__)
        found += tier[: limit - len(found)]
        if len(found) >= limit:
            break
    return tuple(found)


def newest_rank(site: Site) -> dict[str, int]:
    """Rank stories newest first, ties of time by key: site.order with each tie run reversed."""
    order, articles, rank = site.order, site.articles, {}
    start = 0
    for end in range(1, len(order) + 1):
        if end == len(order) or articles[order[end]].date != articles[order[start]].date:
            for i, key in enumerate(reversed(order[start:end]), start=start):
                rank[key] = i
            start = end
    return rank


class NewestFirst(Mapping):
    """A story's rank as newest_rank gives it, made when asked: comparable with every other's (newer
    first, ties of time by key), though not its place in the list."""

    EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)

    def __init__(self, site: Site):
        self.articles = site.articles

    def __getitem__(self, key: str) -> tuple[int, str]:
        return -((self.articles[key].date - self.EPOCH) // datetime.timedelta(microseconds=1)), key

    def __iter__(self) -> Iterator[str]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)


def related_lists(site: Site, limit: int, reuse: Mapping[str, tuple[str, ...]],
                  stale: Collection[str] | None = None, workers: int = 1) -> dict[str, tuple[str, ...]]:
    """Return every story's related stories, taking REUSE's list where the story is not STALE.

    STALE None means all are. A story's list depends only on the stories within RELATED_WINDOW of
    it in its terms' lists, so after an edit only the edited stories' neighbours are STALE. Many
    lists to find are shared among WORKERS processes.
    """
    found: dict[str, tuple[str, ...] | None] = {}
    todo = []
    for key in site.order:
        kept = reuse.get(key)
        found[key] = kept if kept is not None and stale is not None and key not in stale else None
        if found[key] is None:
            todo.append(key)
    # many lists: every story ranked once, before any fork, so that every worker inherits it; a few:
    # only the stories they weigh, when weighed
    scorer = Relatedness(site, rank=None if len(todo) >= PARALLEL_FROM else NewestFirst(site))
    scorer.rank()

    def work(indexes: range) -> list[tuple[str, ...]]:
        return [scorer.of(todo[i], limit) for i in indexes]

    workers = workers if len(todo) >= PARALLEL_FROM else 1
    size = -(-len(todo) // (2 * workers))  # two chunks a worker: few results to send, balanced enough
    for part, lists in parallel.run(work, len(todo), size, workers):
        found.update(zip((todo[i] for i in part), lists))
    return found  # type: ignore[return-value] - every None was filled in


def neighbours(lists: Mapping[tuple[str, str], Sequence[str]], article: Article,
               clashes: Mapping[tuple[str, str], tuple[str, str]] | None = None) -> set[str]:
    """Return the stories within RELATED_WINDOW of ARTICLE in the term LISTS that hold it."""
    found: set[str] = set()
    key = article.key
    for kind in RELATED_KINDS:
        for name in article.names(kind):
            keys = lists.get((kind, slug_of(clashes or {}, kind, name)))
            if keys and key in keys:
                at = keys.index(key)
                found.update(keys[max(0, at - RELATED_WINDOW): at + RELATED_WINDOW + 1])
    return found
