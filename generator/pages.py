"""Plan every output of the site as a Page: its URL, its template and the data it shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from generator.config import Config
from generator.models import INDEX_NAMES, TERM_KINDS, Site, Term
from generator.taxonomy import co_mentions, related, term_index, term_positions
from generator.urls import Urls
from generator.views import (View, article_names, card, chunks, day_timeline, display_date, head,
                             jsonld, pagination, term_link, term_row)

LETTER_INDEX_FROM = 30  # an index with more terms than this gets an A-Z bar


@dataclass(frozen=True, slots=True)
class Page:
    """One planned output: where it goes, how it is rendered, from what."""

    url: str
    template: str  # a Jinja template, or 'atom', 'sitemap', 'text' for files made in Python
    context: Mapping[str, Any]
    kind: str
    lastmod: str | None = None


def plan(site: Site, config: Config, urls: Urls, bodies: Mapping[str, str]) -> list[Page]:
    """Return every page of the site, in a stable order."""
    cards = {key: card(article, urls) for key, article in site.articles.items()}
    pages = list(home_pages(site, config, urls, cards))
    pages += article_pages(site, config, urls, cards, bodies)
    pages += edition_pages(site, config, urls, cards)
    for kind in TERM_KINDS:
        pages.append(index_page(site, config, urls, kind))
        for term in site.terms[kind]:
            pages += term_pages(site, config, urls, cards, term)
    pages += site_files(site, config, urls, cards, pages)
    return pages


def home_pages(site: Site, config: Config, urls: Urls, cards: Mapping[str, View]) -> Iterator[Page]:
    """Yield the paginated home page: the latest edition first, then earlier stories."""
    first = urls.index("")
    pages = chunks(site.order, config.paginate)
    latest = site.editions[0].day if site.editions else None
    for number, keys in enumerate(pages, start=1):
        url = urls.paginated(first, number)
        title = config.title if number == 1 else f"Page {number}"
        groups = day_timeline([cards[k] for k in keys])
        for group in groups:
            group["edition_url"] = urls.edition(site.articles[group["items"][0]["key"]].day)
            group["latest"] = latest is not None and group["datetime"] == latest.isoformat()
        yield Page(url, "home.html", {"head": head(config, urls, url, title, config.description),
                                      "groups": groups,
                                      "pagination": pagination(urls, first, number, len(pages))},
                   "home", _newest(site, keys))


def article_pages(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
                  bodies: Mapping[str, str]) -> Iterator[Page]:
    """Yield one page per story, with related stories and its neighbours of the day."""
    terms, positions = term_index(site), term_positions(site)
    neighbours = {}
    for edition in site.editions:
        for i, key in enumerate(edition.articles):
            neighbours[key] = (edition.articles[i - 1] if i else None,
                               edition.articles[i + 1] if i + 1 < len(edition.articles) else None)
    for key in site.order:
        article, view = site.articles[key], cards[key]
        before, after = neighbours[key]
        context = {
            "head": head(config, urls, view["url"], article.title, article.summary, "article"),
            "article": view, "body": bodies[key],
            "organisations": [term_link(urls, "tag", n) if n in article.tags else {"name": n, "url": None}
                              for n in article.organisations],
            "related": [cards[k] for k in related(site, key, terms, positions, config.related)],
            "previous": cards[before] if before else None, "next": cards[after] if after else None,
            "edition": {"url": urls.edition(article.day), "date": display_date(article.day)},
            "jsonld": jsonld(config, urls, article, view),
        }
        yield Page(view["url"], "article.html", context, "article", article.date.isoformat())


def edition_pages(site: Site, config: Config, urls: Urls, cards: Mapping[str, View]) -> Iterator[Page]:
    """Yield one page per day, linked to the editions before and after it, and an archive."""
    editions = site.editions
    rows = []
    for i, edition in enumerate(editions):
        url, title = urls.edition(edition.day), f"Edition of {display_date(edition.day)}"
        names = article_names(site, edition.articles)
        newer, older = (editions[i - 1] if i else None), (editions[i + 1] if i + 1 < len(editions) else None)
        context = {
            "head": head(config, urls, url, title, f"{len(edition.articles)} stories of {display_date(edition.day)}."),
            "date": display_date(edition.day), "datetime": edition.day.isoformat(),
            "items": [cards[k] for k in edition.articles],
            "people": [term_link(urls, "person", n) for n in names["people"]],
            "places": [term_link(urls, "place", n) for n in names["places"]],
            "newer": {"url": urls.edition(newer.day), "date": display_date(newer.day)} if newer else None,
            "older": {"url": urls.edition(older.day), "date": display_date(older.day)} if older else None,
        }
        rows.append({"url": url, "date": display_date(edition.day), "datetime": edition.day.isoformat(),
                     "count": len(edition.articles)})
        yield Page(url, "edition.html", context, "edition", _newest(site, edition.articles))
    url = urls.index("editions")
    yield Page(url, "editions.html", {"head": head(config, urls, url, "Editions", "Every daily edition."),
                                      "editions": rows}, "index", _newest(site, site.order))


def index_page(site: Site, config: Config, urls: Urls, kind: str) -> Page:
    """Return the index of all people, places or tags with their story counts."""
    name = INDEX_NAMES[kind]
    url, title = urls.index(name), name.title()
    rows = [term_row(urls, t) for t in site.terms[kind]]
    letters = sorted({r["letter"] for r in rows}) if len(rows) > LETTER_INDEX_FROM else []
    context = {"head": head(config, urls, url, title, f"Every {kind} in the digest, with the number of stories."),
               "kind": kind, "index_name": name, "terms": rows, "letters": letters}
    return Page(url, "index.html", context, "index", _newest(site, site.order))


def term_pages(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
               term: Term) -> Iterator[Page]:
    """Yield the paginated pages of one person, place or tag, and its feed."""
    first = urls.term(term.kind, term.slug)
    pages = chunks(term.articles, config.paginate)
    together = [term_link(urls, "person", n) | {"count": c} for n, c in co_mentions(site, term)]
    for number, keys in enumerate(pages, start=1):
        url = urls.paginated(first, number)
        items = [cards[k] for k in keys]
        title = term.name if number == 1 else f"{term.name}, page {number}"
        context = {
            "head": head(config, urls, url, title, f"{len(term.articles)} stories about {term.name}."),
            "term": {"name": term.name, "kind": term.kind, "count": len(term.articles),
                     "index_url": urls.index(INDEX_NAMES[term.kind]), "index_name": INDEX_NAMES[term.kind]},
            "items": items, "timeline": day_timeline(items), "together": together,
            "feed": urls.feed(first), "pagination": pagination(urls, first, number, len(pages)),
        }
        yield Page(url, "term.html", context, term.kind, _newest(site, keys))
    yield feed_page(site, config, urls, cards, urls.feed(first), first, term.name, term.articles)


def feed_page(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], url: str,
              page_url: str, title: str, keys: tuple[str, ...]) -> Page:
    """Return an Atom feed of the newest stories among KEYS."""
    keys = keys[: config.feed_size]
    feed_title = config.title if title == config.title else f"{title} | {config.title}"
    return Page(url, "atom", {"title": feed_title, "url": url, "page_url": page_url,
                              "items": [cards[k] for k in keys], "updated": _newest(site, keys)}, "feed")


def site_files(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
               pages: list[Page]) -> list[Page]:
    """Return the feed, sitemap, robots.txt, 404 page, .nojekyll and CNAME."""
    home = urls.index("")
    files = [
        feed_page(site, config, urls, cards, urls.file("feed.xml"), home, config.title, site.order),
        Page(urls.file("404.html"), "404.html",
             {"head": head(config, urls, urls.file("404.html"), "Page not found", config.description)}, "404"),
        Page(urls.file("sitemap.xml"), "sitemap",
             {"pages": [(p.url, p.lastmod) for p in pages if p.template.endswith(".html") and p.kind != "404"]}, "sitemap"),
        Page(urls.file("robots.txt"), "text",
             {"text": f"User-agent: *\nAllow: /\n\nSitemap: {urls.absolute(urls.file('sitemap.xml'))}\n"}, "robots"),
        Page(urls.file(".nojekyll"), "text", {"text": ""}, "nojekyll"),
    ]
    if config.cname:
        files.append(Page(urls.file("CNAME"), "text", {"text": config.cname + "\n"}, "cname"))
    return files


def _newest(site: Site, keys) -> str | None:
    dates = [site.articles[k].date for k in keys]
    return max(dates).isoformat() if dates else None
