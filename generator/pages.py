"""Plan every output of the site as a Page: its URL, its template and the data it shows.

Pages come in Groups (planning.py) that name what they read, so that an incremental build can tell which pages
an edit may change without making the others (see build.py). Stories appear on pages as cards,
each made on first use.
"""

from __future__ import annotations

from functools import partial
from typing import Collection, Iterator, Mapping, Sequence

from generator.archives import archive_groups
from generator.config import Config
from generator.editions import edition_groups
from generator.indexes import IndexPage, entries, index_context, index_pages, index_url
from generator.models import INDEX_NAMES, TERM_KINDS, Site, Term
from generator.planning import Group, Page, newest
from generator.relatedstories import related_lists
from generator.taxonomy import co_mentions
from generator.urls import Urls
from generator.schemaorg import collection, news_article
from generator.views import View, card, chunks, day_timeline, display_date, head, pagination, term_link


class Cards(Mapping):
    """Every story's card (views.card, a plain dict) by key, each made on first use: a small rebuild
    reads only a few.

    A card is read a million times in a cold build of 10,000 stories (by templates, timelines,
    feeds): a plain dict is read in C, where a lazy wrapper took a Python call each time.
    """

    def __init__(self, site: Site, urls: Urls, timezone: str):
        self.site, self.urls, self.timezone = site, urls, timezone
        self.made: dict[str, View] = {}
        self.links: dict[tuple[str, str], View] = {}  # a name's link, one for all the cards showing it

    def __getitem__(self, key: str) -> View:
        found = self.made.get(key)
        if found is None:
            article = self.site.articles[key]  # KeyError for an unknown story, as a dict would
            found = self.made[key] = card(article, self.urls, self.timezone, self.site.images.get(key), self.links)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.site.articles)

    def __len__(self) -> int:
        return len(self.site.articles)


def plan(site: Site, config: Config, urls: Urls, bodies: Mapping[str, str]) -> list[Page]:
    """Return every page of the site, in a stable order."""
    pages = [page for group in page_groups(site, config, urls, bodies) for page in group.make()]
    return pages + [sitemap_page(urls, [(p.url, p.lastmod) for p in pages if in_sitemap(p)])]


def page_groups(site: Site, config: Config, urls: Urls, bodies: Mapping[str, str],
                related: Mapping[str, tuple[str, ...]] | None = None,
                cards: Mapping[str, View] | None = None, ahead: Collection[str] = ()) -> list[Group]:
    """Return every group of pages but the sitemap, in a stable order; no page is made yet.

    AHEAD names the stories dated too far ahead of the build to lead the home page.
    """
    cards = Cards(site, urls, config.timezone) if cards is None else cards
    related = related_lists(site, config.related, {}) if related is None else related
    found = list(home_groups(site, config, urls, cards, ahead))
    found += article_groups(site, config, urls, cards, bodies, related)
    found += edition_groups(site, config, urls, cards)
    found += archive_groups(site, config, urls)
    slugs: dict = {}  # slugify's results, and long lists of names in order, shared by every term's co-mentions
    for kind in TERM_KINDS:
        found += index_groups(site, config, urls, kind)
        for term in site.terms[kind]:
            found += term_groups(site, config, urls, cards, term, slugs)
    found += site_groups(site, config, urls, cards)
    return found


def in_sitemap(page: Page) -> bool:
    """Tell whether the sitemap lists PAGE: every HTML page but the 404 and search pages."""
    return page.template.endswith(".html") and page.kind not in ("404", "search")


def home_groups(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
                ahead: Collection[str] = ()) -> Iterator[Group]:
    """Yield the pages of the paginated home page, one group each; AHEAD: stories dated far ahead."""
    order = front_order(site, ahead)
    pages = chunks(order, config.paginate)
    latest = latest_day(site, ahead)
    for number, keys in enumerate(pages, start=1):
        yield Group(f"home:{number}", tuple(keys), (), (number, len(pages), latest),
                    partial(lambda *args: [home_page(*args)], site, config, urls, cards, number, keys,
                            len(pages), latest))


def front_order(site: Site, ahead: Collection[str] = ()) -> tuple[str, ...]:
    """Return the home page's stories: each day's by news value, newest day first; AHEAD last.

    A story dated far ahead of the build is a slip of the date, so it never leads the site.
    """
    keys = [key for edition in site.editions for key in edition.articles]
    return tuple([k for k in keys if k not in ahead] + [k for k in keys if k in ahead])


def latest_day(site: Site, ahead: Collection[str] = ()):
    """Return the day of the latest edition with a story not dated far ahead, None when none."""
    return next((e.day for e in site.editions if any(k not in ahead for k in e.articles)), None)


def home_page(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], number: int,
              keys: Sequence[str], total: int, latest=None) -> Page:
    """Return page NUMBER of the home page: the latest edition first, then earlier stories."""
    first = urls.index("")
    url = urls.paginated(first, number)
    title = config.title if number == 1 else f"Page {number}"
    groups = day_timeline([cards[k] for k in keys])
    for group in groups:
        group["edition_url"] = urls.edition(site.articles[group["items"][0]["key"]].day)
        group["latest"] = latest is not None and group["datetime"] == latest.isoformat()
    listed = collection(config, urls, url, title, config.description, [cards[k]["url"] for k in keys],
                        (number - 1) * config.paginate + 1)
    return Page(url, "home.html", {"head": head(config, urls, url, title, config.description, jsonld=listed),
                                   "groups": groups,
                                   "pagination": pagination(urls, first, number, total)},
                "home", newest(site, keys))


def article_groups(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
                   bodies: Mapping[str, str], related: Mapping[str, tuple[str, ...]]) -> Iterator[Group]:
    """Yield one group per story: its page shows its related stories and neighbours of the day."""
    neighbours = {}
    for edition in site.editions:
        for i, key in enumerate(edition.articles):
            neighbours[key] = (edition.articles[i - 1] if i else None,
                               edition.articles[i + 1] if i + 1 < len(edition.articles) else None)
    for key in site.order:
        yield article_group(site, config, urls, cards, bodies, key, related[key], *neighbours[key])


def article_group(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], bodies: Mapping[str, str],
                  key: str, related: tuple[str, ...], before: str | None, after: str | None) -> Group:
    """Return the group of one story's page."""
    shown = (key, *related, *(k for k in (before, after) if k))
    return Group(f"article:{key}", shown, (key,), (related, before, after),
                 partial(lambda *args: [article_page(*args)], site, config, urls, cards, bodies,
                         key, related, before, after))


def text_group(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], bodies: Mapping[str, str],
               name: str, shows: tuple[str, ...], extra: tuple) -> Group | None:
    """Return again a group that reads stories' text (a story's page, a full-text feed), None for another.

    SHOWS and EXTRA are what the group was planned with, and all that it reads of the site besides
    its stories; SITE need hold only the stories it shows.
    """
    kind, _, rest = name.partition(":")
    if kind == "article":
        return article_group(site, config, urls, cards, bodies, rest, *extra)
    if name == "feed":
        return site_feed_group(site, config, urls, cards, shows)
    if kind.endswith("-feed") and kind[:-5] in TERM_KINDS:
        return term_feed_group(site, config, urls, cards, kind[:-5], rest, extra[0], shows)
    return None


def article_page(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
                 bodies: Mapping[str, str], key: str, related: Sequence[str],
                 before: str | None, after: str | None) -> Page:
    """Return the page of one story, with its related stories and its neighbours of the day."""
    article, view = site.articles[key], cards[key]
    context = {
        "head": head(config, urls, view["url"], article.title, article.summary, "article", view["image"],
                     news_article(config, urls, article, view)),
        "article": view, "body": bodies[key],
        "organisations": [term_link(urls, "organisation", n) for n in article.organisations],
        "related": [cards[k] for k in related],
        "previous": cards[before] if before else None, "next": cards[after] if after else None,
        "edition": {"url": urls.edition(article.day), "date": display_date(article.day)},
    }
    return Page(view["url"], "article.html", context, "article", article.modified.isoformat())


def index_groups(site: Site, config: Config, urls: Urls, kind: str) -> list[Group]:
    """Return a group per page of the index of KIND: each names the entries it shows, and no story."""
    listed = entries(site.terms[kind], lambda key: site.articles[key].date.isoformat())
    return [Group(f"index:{kind}:{index_url(urls, kind, page.frequent, page.letter, page.number)}", (), (), page,
                  partial(lambda page: [index_page(config, urls, page)], page))
            for page in index_pages(kind, listed)]


def index_page(config: Config, urls: Urls, page: IndexPage) -> Page:
    """Return one page of an index of people, places, organisations or tags."""
    context = index_context(config, urls, page)
    return Page(context["head"]["url"], "index.html", context, "index", page.lastmod)


def term_groups(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], term: Term,
                slugs: dict[str, str] | None = None) -> list[Group]:
    """Return the group of one term's pages (in parts, a page each), and the group of its feed."""
    name = f"{term.kind}:{term.slug}"
    return [Group(name, term.articles, (), (term.name,),
                  lambda: list(term_pages(site, config, urls, cards, term, slugs)),
                  lambda: term_page_groups(site, config, urls, cards, term, slugs)),
            term_feed_group(site, config, urls, cards, term.kind, term.slug, term.name, term.articles)]


def term_feed_group(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], kind: str, slug: str,
                    name: str, keys: tuple[str, ...]) -> Group:
    """Return the group of the feed of a term (KEYS: its stories, newest first)."""
    first = urls.term(kind, slug)
    newest = keys[: config.feed_size]
    full = config.term_feeds == "full"  # by default a term's feed is its stories' summaries: no text read
    return Group(f"{kind}-feed:{slug}", newest, newest if full else (), (name,),
                 lambda: [feed_page(site, config, urls, cards, urls.feed(first), first, name, newest, full)])


def term_page_groups(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], term: Term,
                     slugs: dict[str, str] | None = None) -> list[Group]:
    """Return a group per page of one term: a page reads its stories; the first, the co-mentions."""
    pages = chunks(term.articles, config.paginate)
    together = co_mentions(site, term, memo=slugs)
    return [Group(f"{term.kind}:{term.slug}:{number}", tuple(keys), (),
                  (term.name, len(term.articles), number, len(pages), shown_together(number, together)),
                  partial(lambda *args: [term_page(*args)], site, config, urls, cards, term, number,
                          keys, len(pages), shown_together(number, together)))
            for number, keys in enumerate(pages, start=1)]


def shown_together(number: int, mentions: Sequence[tuple[str, int]]) -> Sequence[tuple[str, int]]:
    """Return the co-mentions page NUMBER of a term shows: the first page's alone.

    The box reads every story of the term: shown on every page, one story's people edited would
    remake every page of a big tag. On the first page only, later pages depend on their stories alone.
    """
    return mentions if number == 1 else ()


def term_pages(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
               term: Term, slugs: dict[str, str] | None = None) -> Iterator[Page]:
    """Yield the paginated pages of one person, place or tag."""
    pages = chunks(term.articles, config.paginate)
    together = co_mentions(site, term, memo=slugs)
    for number, keys in enumerate(pages, start=1):
        yield term_page(site, config, urls, cards, term, number, keys, len(pages), shown_together(number, together))


def term_page(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], term: Term,
              number: int, keys: Sequence[str], total: int, mentions: Sequence[tuple[str, int]]) -> Page:
    """Return page NUMBER of a person, place or tag: its stories, and MENTIONS, who is named with it."""
    first = urls.term(term.kind, term.slug)
    together = [term_link(urls, "person", n) | {"count": c} for n, c in mentions]
    url = urls.paginated(first, number)
    items = [cards[k] for k in keys]
    title = term.name if number == 1 else f"{term.name}, page {number}"
    about = f"{len(term.articles)} stories about {term.name}."
    listed = collection(config, urls, url, title, about, [item["url"] for item in items],
                        (number - 1) * config.paginate + 1)
    context = {
        "head": head(config, urls, url, title, about, jsonld=listed),
        "term": {"name": term.name, "kind": term.kind, "count": len(term.articles),
                 "index_url": urls.index(INDEX_NAMES[term.kind]), "index_name": INDEX_NAMES[term.kind]},
        "items": items, "timeline": day_timeline(items), "together": together,
        "feed": urls.feed(first), "pagination": pagination(urls, first, number, total),
    }
    return Page(url, "term.html", context, term.kind, newest(site, keys))


def feed_page(site: Site, config: Config, urls: Urls, cards: Mapping[str, View], url: str,
              page_url: str, title: str, keys: tuple[str, ...], full: bool = True) -> Page:
    """Return an Atom feed of the newest stories among KEYS, with their text when FULL."""
    keys = keys[: config.feed_size]
    feed_title = config.title if title == config.title else f"{title} | {config.title}"
    return Page(url, "atom", {"title": feed_title, "url": url, "page_url": page_url, "full": full,
                              "items": [cards[k] for k in keys], "updated": newest(site, keys)}, "feed")


def site_groups(site: Site, config: Config, urls: Urls, cards: Mapping[str, View]) -> list[Group]:
    """Return the groups of the site's feed and of its other files but the sitemap."""
    return [site_feed_group(site, config, urls, cards, site.order),
            Group("files", (), (), (), lambda: site_files(config, urls))] + (
        [Group("search", (), (), (), lambda: [search_page(config, urls)])] if config.search else [])


def site_feed_group(site: Site, config: Config, urls: Urls, cards: Mapping[str, View],
                    order: tuple[str, ...]) -> Group:
    """Return the group of the site's feed: the newest stories of ORDER, in full."""
    newest = order[: config.feed_size]
    return Group("feed", newest, newest, (),
                 lambda: [feed_page(site, config, urls, cards, urls.file("feed.xml"), urls.index(""),
                                    config.title, newest)])


def search_page(config: Config, urls: Urls) -> Page:
    """Return the search page: a form that works without script, and results from the Pagefind index."""
    url = urls.index("search")
    return Page(url, "search.html", {"head": head(config, urls, url, "Search", f"Search every story of {config.title}."),
                                     "pagefind": urls.file("pagefind/")}, "search")


def site_files(config: Config, urls: Urls) -> list[Page]:
    """Return robots.txt, the 404 page, .nojekyll and CNAME."""
    files = [
        Page(urls.file("404.html"), "404.html",
             {"head": head(config, urls, urls.file("404.html"), "Page not found", config.description)}, "404"),
        Page(urls.file("robots.txt"), "text",
             {"text": "User-agent: *\nAllow: /\n\n" + "".join(f"Sitemap: {urls.absolute(urls.file(name))}\n"
                                                  for name in ("sitemap.xml", "news-sitemap.xml"))}, "robots"),
        Page(urls.file(".nojekyll"), "text", {"text": ""}, "nojekyll"),
    ]
    if config.cname:
        files.append(Page(urls.file("CNAME"), "text", {"text": config.cname + "\n"}, "cname"))
    return files


def sitemap_page(urls: Urls, entries: Sequence[tuple[str, str | None]]) -> Page:
    """Return sitemap.xml's page: every (url, lastmod) of the pages it lists."""
    return Page(urls.file("sitemap.xml"), "sitemap", {"pages": list(entries)}, "sitemap")
