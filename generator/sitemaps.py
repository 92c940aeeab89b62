"""Sitemaps for search engines: an index of yearly sitemaps, and a Google News sitemap.

sitemap.xml is a sitemap index (robots.txt names it): it lists one sitemap per year of the pages'
last change (sitemap-2025.xml), and sitemap-pages.xml for pages with no date. A year with more
than MAX_URLS pages is split (sitemap-2025-2.xml), as the protocol allows 50,000 URLs a file.
news-sitemap.xml follows Google's News sitemap rules: the stories of the last two days, at most
1,000, each with the publication's name and language, its publication date and title.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Sequence

from generator.feeds import escape

MAX_URLS = 50_000  # per sitemap file (sitemaps.org)
MAX_NEWS = 1_000  # per News sitemap (Google)
NEWS_DAYS = 2  # Google News lists stories of the last two days
INDEX = "sitemap.xml"
NEWS = "news-sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

Entry = tuple[str, "str | None"]  # a page's URL and last change (ISO 8601), if known


def split(entries: Iterable[Entry], limit: int = MAX_URLS) -> dict[str, list[Entry]]:
    """Group pages by the year of their last change into files of at most LIMIT URLs, newest year first."""
    years: dict[str, list[Entry]] = {}
    for url, lastmod in entries:
        years.setdefault(lastmod[:4] if lastmod else "pages", []).append((url, lastmod))
    files: dict[str, list[Entry]] = {}
    for year in sorted((y for y in years if y != "pages"), reverse=True) + (["pages"] if "pages" in years else []):
        pages = years[year]
        for part, start in enumerate(range(0, len(pages), limit), start=1):
            files[f"sitemap-{year}.xml" if part == 1 else f"sitemap-{year}-{part}.xml"] = pages[start:start + limit]
    return files


def urlset(entries: Sequence[Entry], absolute: Callable[[str], str]) -> bytes:
    """Return a sitemap listing every page with its last change when known."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP_NS}">']
    for url, lastmod in entries:
        mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        lines.append(f"  <url><loc>{escape(absolute(url))}</loc>{mod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def index(files: dict[str, list[Entry]], absolute: Callable[[str], str]) -> bytes:
    """Return the sitemap index listing each sitemap file with the latest change among its pages."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for name, entries in files.items():
        dates = [lastmod for _, lastmod in entries if lastmod]
        mod = f"<lastmod>{max(dates)}</lastmod>" if dates else ""
        lines.append(f"  <sitemap><loc>{escape(absolute(name))}</loc>{mod}</sitemap>")
    lines.append("</sitemapindex>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def recent(stories: Sequence[tuple[str, str, dt.datetime]], days: int = NEWS_DAYS,
           limit: int = MAX_NEWS) -> list[tuple[str, str, dt.datetime]]:
    """Return the (url, title, date) of the stories (newest first) of the DAYS up to the newest, at most LIMIT.

    The window ends at the newest story, not at the clock: the same stories make the same file
    whenever they are built, and a digest that is built daily has its newest story of today.
    """
    if not stories:
        return []
    stories = sorted(stories, key=lambda s: s[2], reverse=True)
    since = stories[0][2] - dt.timedelta(days=days)
    return [s for s in stories if s[2] >= since][:limit]


def news(stories: Sequence[tuple[str, str, dt.datetime]], name: str, language: str,
         absolute: Callable[[str], str]) -> bytes:
    """Return a Google News sitemap of STORIES: (url, title, publication date) each."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">']
    publication = (f"<news:publication><news:name>{escape(name)}</news:name>"
                   f"<news:language>{escape(news_language(language))}</news:language></news:publication>")
    for url, title, date in stories:
        lines += [f"  <url><loc>{escape(absolute(url))}</loc>",
                  f"    <news:news>{publication}",
                  f"      <news:publication_date>{date.isoformat()}</news:publication_date>",
                  f"      <news:title>{escape(title)}</news:title></news:news></url>"]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def news_language(language: str) -> str:
    """Return the ISO 639 code Google News wants: 'en' for en-GB, but zh-cn and zh-tw as they are."""
    code = language.lower().replace("_", "-")
    return code if code in ("zh-cn", "zh-tw") else code.split("-")[0]
