"""Sitemaps: an index of yearly sitemaps of at most 50,000 URLs, and a Google News sitemap."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from generator.sitemaps import MAX_NEWS, index, news, news_language, recent, split, urlset

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def absolute(url: str) -> str:
    return "https://example.org" + url


def test_pages_are_split_by_year_newest_first_and_undated_ones_last():
    files = split([("/a/", "2025-11-07T10:00:00+05:30"), ("/b/", "2024-01-01T00:00:00+05:30"),
                   ("/c/", None), ("/d/", "2025-01-02T00:00:00+05:30")])
    assert list(files) == ["sitemap-2025.xml", "sitemap-2024.xml", "sitemap-pages.xml"]
    assert [u for u, _ in files["sitemap-2025.xml"]] == ["/a/", "/d/"]


def test_no_sitemap_holds_more_urls_than_the_limit():
    files = split([(f"/{i}/", "2025-01-01") for i in range(7)], limit=3)
    assert {name: len(e) for name, e in files.items()} == {"sitemap-2025.xml": 3, "sitemap-2025-2.xml": 3,
                                                          "sitemap-2025-3.xml": 1}


def test_the_index_lists_each_sitemap_with_its_latest_change():
    files = {"/s/sitemap-2025.xml": [("/a/", "2025-11-07"), ("/b/", "2025-12-01")], "/s/sitemap-pages.xml": [("/c/", None)]}
    root = ET.fromstring(index(files, absolute))
    assert root.tag == SM + "sitemapindex"
    rows = [(s.findtext(SM + "loc"), s.findtext(SM + "lastmod")) for s in root]
    assert rows == [("https://example.org/s/sitemap-2025.xml", "2025-12-01"),
                    ("https://example.org/s/sitemap-pages.xml", None)]


def test_a_sitemap_escapes_its_urls():
    root = ET.fromstring(urlset([("/a&b/", None)], absolute))
    assert root.find(SM + "url").findtext(SM + "loc") == "https://example.org/a&b/"


def stories(count: int, step_hours: int = 1):
    start = dt.datetime(2025, 11, 9, 18, tzinfo=IST)
    return [(f"/s{i}/", f"Story {i} & more", start - dt.timedelta(hours=step_hours * i)) for i in range(count)]


def test_news_lists_the_stories_of_the_two_days_up_to_the_newest():
    found = recent(stories(100, step_hours=1))
    assert len(found) == 49 and found[-1][2] == stories(1)[0][2] - dt.timedelta(days=2)


def test_news_never_lists_more_than_a_thousand_stories():
    assert len(recent(stories(1500, step_hours=0))) == MAX_NEWS == 1000
    assert recent([]) == []


def test_news_sitemap_has_every_element_google_requires():
    root = ET.fromstring(news(stories(2), "Wire Digest", "en-IN", absolute))
    assert root.tag == SM + "urlset"
    urls = root.findall(SM + "url")
    assert len(urls) == 2
    for url in urls:
        assert url.findtext(SM + "loc").startswith("https://example.org/s")
        item = url.find(NEWS + "news")
        publication = item.find(NEWS + "publication")
        assert publication.findtext(NEWS + "name") == "Wire Digest"
        assert publication.findtext(NEWS + "language") == "en"
        assert dt.datetime.fromisoformat(item.findtext(NEWS + "publication_date")).tzinfo is not None
        assert item.findtext(NEWS + "title").startswith("Story ") and "& more" in item.findtext(NEWS + "title")


def test_news_language_is_an_iso_639_code():
    assert [news_language(x) for x in ("en", "en-GB", "hi", "zh-CN", "zh_TW", "pt-BR")] == \
        ["en", "en", "hi", "zh-cn", "zh-tw", "pt"]
