"""Group articles into people, places, tags and daily editions; find related stories."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Sequence

from generator.models import TERM_KINDS, Article, Edition, Site, Term
from generator.urls import slugify

RELATED_WINDOW = 12  # neighbours in time looked at per shared term: news relates to news nearby


def organise(articles: Iterable[Article]) -> Site:
    """Return the Site: articles newest first, their terms and editions."""
    by_key = {a.key: a for a in articles}
    order = tuple(sorted(by_key, key=lambda k: (by_key[k].date, k), reverse=True))
    terms = {kind: make_terms(kind, [by_key[k] for k in order]) for kind in TERM_KINDS}
    return Site(articles=by_key, order=order, terms=terms, editions=make_editions(by_key, order))


def sort_key(kind: str, name: str) -> str:
    """Return how a term sorts in its index: people by surname, others by name."""
    words = name.split()
    if kind == "person" and len(words) > 1:
        return f"{words[-1]} {' '.join(words[:-1])}".casefold()
    return name.casefold()


def make_terms(kind: str, newest_first: Sequence[Article]) -> tuple[Term, ...]:
    """Return the terms of one kind, each with its articles newest first, in index order."""
    keys: dict[str, list[str]] = defaultdict(list)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for article in newest_first:
        for name in article.names(kind):
            slug = slugify(name)
            if not keys[slug] or keys[slug][-1] != article.key:
                keys[slug].append(article.key)
            forms[slug][name] += 1
    terms = []
    for slug, article_keys in keys.items():
        name = min(forms[slug].items(), key=lambda item: (-item[1], item[0]))[0]
        terms.append(Term(kind, slug, name, tuple(article_keys), sort_key(kind, name)))
    return tuple(sorted(terms, key=lambda t: (t.sort_key, t.slug)))


def make_editions(by_key: dict[str, Article], order: Sequence[str]) -> tuple[Edition, ...]:
    """Return the daily editions, newest first, each with its stories in reading order."""
    days: dict = defaultdict(list)
    for key in order:
        days[by_key[key].day].append(key)
    return tuple(Edition(day, tuple(sorted(keys, key=lambda k: (by_key[k].date, k))))
                 for day, keys in sorted(days.items(), reverse=True))


def term_index(site: Site) -> dict[tuple[str, str], Term]:
    """Map (kind, slug) to each term."""
    return {(t.kind, t.slug): t for terms in site.terms.values() for t in terms}


def related(site: Site, key: str, terms: dict[tuple[str, str], Term],
            positions: dict[tuple[str, str], dict[str, int]], limit: int) -> tuple[str, ...]:
    """Return up to LIMIT stories sharing most people, places or tags with KEY, newer first."""
    article = site.articles[key]
    scores: Counter[str] = Counter()
    for kind in TERM_KINDS:
        for name in article.names(kind):
            term = terms.get((kind, slugify(name)))
            if term is None:
                continue
            at = positions[(kind, term.slug)][key]
            for other in term.articles[max(0, at - RELATED_WINDOW): at + RELATED_WINDOW + 1]:
                if other != key:
                    scores[other] += 1
    ranked = sorted(scores, key=lambda k: (-scores[k], -site.articles[k].date.timestamp(), k))
    return tuple(ranked[:limit])


def term_positions(site: Site) -> dict[tuple[str, str], dict[str, int]]:
    """Map each term to the position of each of its articles in its list."""
    return {(t.kind, t.slug): {k: i for i, k in enumerate(t.articles)}
            for terms in site.terms.values() for t in terms}


def co_mentions(site: Site, term: Term, limit: int = 10) -> list[tuple[str, int]]:
    """Return the people most often named in the same stories as TERM, with counts."""
    counts: Counter[str] = Counter()
    for key in term.articles:
        for name in site.articles[key].people:
            if slugify(name) != term.slug or term.kind != "person":
                counts[name] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
