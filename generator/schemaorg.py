"""schema.org JSON-LD for search engines: a story as a NewsArticle, a list page as a CollectionPage.

One place for all of it, so that any page listing stories (an edition, a person's page, the home
page, an archive) describes itself the same way: `collection(...)` with the URLs it lists, in order.
Google's documentation of Article and of ItemList (carousel, "summary page" form) is what the
properties follow: a NewsArticle with headline, image, datePublished, dateModified, author and
publisher (an Organization with a logo); an ItemList whose ListItems carry position and url.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from generator.config import Config, logo_is_url
from generator.models import Article
from generator.urls import Urls

CONTEXT = "https://schema.org"
HEADLINE = 110  # Google shows no more of a headline


# what json.dumps(data, ensure_ascii=False, sort_keys=True) makes anew for each call (a fifth of its time)
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def script_text(data: Mapping[str, Any]) -> str:
    """Return DATA as JSON safe to put inside a <script> element."""
    # on one line: with an indent, json falls back from its C encoder, and this runs for every story
    text = _ENCODER.encode(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def publisher(config: Config, urls: Urls) -> dict[str, Any]:
    """Return the site as the publishing Organization, with its logo when config.yaml names one."""
    found: dict[str, Any] = {"@type": "Organization", "name": config.title, "url": urls.absolute(urls.index(""))}
    if config.logo:
        found["logo"] = {"@type": "ImageObject", "url": logo_url(config, urls)}
    return found


def logo_url(config: Config, urls: Urls) -> str | None:
    """Return the absolute URL of the site's logo, None when there is none."""
    if not config.logo:
        return None
    return config.logo if logo_is_url(config.logo) else urls.absolute(urls.file(config.logo))


def news_article(config: Config, urls: Urls, article: Article, view: Mapping[str, Any]) -> str:
    """Return a story's NewsArticle JSON-LD; VIEW is its card (views.card)."""
    url = urls.absolute(view["url"])
    data: dict[str, Any] = {
        "@context": CONTEXT, "@type": "NewsArticle",
        "headline": article.title[:HEADLINE], "description": article.summary,
        "datePublished": article.date.isoformat(), "dateModified": article.modified.isoformat(),
        "mainEntityOfPage": url, "url": url,
        "author": {"@type": "Organization", "name": article.agency or config.title},
        "publisher": publisher(config, urls), "keywords": ", ".join(article.tags),
        "inLanguage": config.language,
        "mentions": mentions(urls, view["people"], "Person") + mentions(urls, view["places"], "Place")
        + mentions(urls, [{"name": n, "url": urls.term_named("organisation", n)} for n in article.organisations],
                   "Organization"),
    }
    if article.dateline:
        data["dateline"] = article.dateline
    if view.get("image"):
        data["image"] = [view["image"]["absolute"]]
    return script_text(data)


def mentions(urls: Urls, links: Sequence[Mapping[str, str]], schema_type: str) -> list[dict[str, str]]:
    """Return schema.org things of SCHEMA_TYPE for term LINKS, each with its page's absolute URL."""
    return [{"@type": schema_type, "name": link["name"], "url": urls.absolute(link["url"])} for link in links]


def collection(config: Config, urls: Urls, url: str, name: str, description: str,
               items: Sequence[str], start: int = 1) -> str:
    """Return a list page's CollectionPage JSON-LD: its stories' URLS as an ItemList, in order.

    START is the position of the page's first story in the whole list (page 2 of twenty a page: 21).
    """
    page = urls.absolute(url)
    return script_text({
        "@context": CONTEXT, "@type": "CollectionPage", "name": name, "description": description,
        "url": page, "inLanguage": config.language, "isPartOf": {"@type": "WebSite", "name": config.title,
                                                                 "url": urls.absolute(urls.index(""))},
        "publisher": publisher(config, urls),
        "mainEntity": {"@type": "ItemList", "numberOfItems": len(items),
                       "itemListElement": [{"@type": "ListItem", "position": start + i, "url": urls.absolute(u)}
                                           for i, u in enumerate(items)]},
    })
