"""Atom feeds and the sitemap, built from plain views and parsed back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.feeds import EPOCH, atom, sitemap

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://user.github.io"


def absolute(url: str) -> str:
    """Return the permalink of a site URL, as Urls.absolute does."""
    return BASE + url


def item(key: str = "2025/11/07/a", title: str = "A story", **fields) -> dict:
    """Return a card view as pages.py makes them."""
    values = {"key": key, "url": f"/digest/{key}/", "title": title, "summary": "It happened.",
              "datetime": "2025-11-07T10:15:00+05:30", "agency": "IANS",
              "tags": [{"name": "Politics", "url": "/digest/tags/politics/", "kind": "tag"}]}
    values.update(fields)
    return values


def feed(items: list[dict], updated: str | None = "2025-11-07T10:15:00+05:30", bodies=None,
         title: str = "Azam Khan | Wire Digest") -> ET.Element:
    """Render a feed and parse it back."""
    context = {"title": title, "url": "/digest/people/azam-khan/feed.xml", "page_url": "/digest/people/azam-khan/",
               "items": items, "updated": updated}
    data = atom(context, absolute, bodies or {}, "Wire Digest 0.1")
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(data)


def test_feed_has_absolute_self_and_alternate_links_and_an_id():
    root = feed([item()])
    links = {link.get("rel"): link for link in root.findall(f"{ATOM}link")}
    assert links["self"].get("href") == BASE + "/digest/people/azam-khan/feed.xml"
    assert links["self"].get("type") == "application/atom+xml"
    assert links["alternate"].get("href") == BASE + "/digest/people/azam-khan/"
    assert root.findtext(f"{ATOM}id") == BASE + "/digest/people/azam-khan/feed.xml"
    assert root.findtext(f"{ATOM}updated") == "2025-11-07T10:15:00+05:30"
    assert root.findtext(f"{ATOM}generator") == "Wire Digest 0.1"


def test_entry_carries_link_dates_author_summary_content_and_categories():
    (entry,) = feed([item()], bodies={"2025/11/07/a": "<p>Body &amp; more</p>"}).findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}id") == BASE + "/digest/2025/11/07/a/"
    assert entry.find(f"{ATOM}link").get("href") == BASE + "/digest/2025/11/07/a/"
    assert entry.findtext(f"{ATOM}published") == entry.findtext(f"{ATOM}updated") == "2025-11-07T10:15:00+05:30"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "IANS"
    assert entry.findtext(f"{ATOM}summary") == "It happened."
    content = entry.find(f"{ATOM}content")
    assert content.get("type") == "html" and content.text == "<p>Body &amp; more</p>"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["Politics"]


def test_feed_escapes_every_value():
    hostile = 'A & B <script>alert("1")</script> \'q\''
    root = feed([item(title=hostile, summary=hostile, agency=hostile,
                      tags=[{"name": hostile, "url": "/digest/tags/x/", "kind": "tag"}])], title=hostile)
    entry = root.find(f"{ATOM}entry")
    assert root.findtext(f"{ATOM}title") == hostile
    assert entry.findtext(f"{ATOM}title") == entry.findtext(f"{ATOM}summary") == hostile
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == hostile
    assert entry.find(f"{ATOM}category").get("term") == hostile
    assert not list(root.iter("script"))


def test_a_summary_feed_leaves_the_text_out_and_still_parses():
    context = {"title": "T", "url": "/digest/people/azam-khan/feed.xml", "page_url": "/digest/people/azam-khan/",
               "items": [item()], "updated": "2025-11-07T10:15:00+05:30", "full": False}
    data = atom(context, absolute, {"2025/11/07/a": "<p>The whole text</p>"}, "G")
    entry = ET.fromstring(data).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}content") is None and b"whole text" not in data
    assert entry.findtext(f"{ATOM}summary") == "It happened."
    assert entry.find(f"{ATOM}link").get("href") == BASE + "/digest/2025/11/07/a/"
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse(data)
    assert not parsed.bozo and parsed.entries[0].summary == "It happened."


def test_summary_entries_made_once_read_the_same_in_every_feed():
    items = [item(), item("2025/11/08/b", "B & <c>", agency=None)]
    summaries: dict = {}
    for url in ("/digest/people/azam-khan/", "/digest/tags/politics/"):
        for full in (False, True):
            context = {"title": "T", "url": url + "feed.xml", "page_url": url, "items": items,
                       "updated": None, "full": full}
            bodies = {"2025/11/07/a": "<p>Text</p>"}
            assert atom(context, absolute, bodies, "G", summaries) == atom(context, absolute, bodies, "G")
    assert set(summaries) == {"2025/11/07/a", "2025/11/08/b"}  # kept from the first feed, for the second


def test_entry_without_agency_names_the_wire_and_empty_feed_has_a_date():
    assert feed([item(agency=None)]).findtext(f"{ATOM}entry/{ATOM}author/{ATOM}name") == "Wire"
    empty = feed([], updated=None)
    assert empty.findall(f"{ATOM}entry") == [] and empty.findtext(f"{ATOM}updated") == EPOCH


def test_feed_keeps_the_order_it_is_given():
    items = [item("2025/11/08/b", "B", datetime="2025-11-08T09:00:00+05:30"), item("2025/11/07/a", "A")]
    assert [e.findtext(f"{ATOM}title") for e in feed(items).findall(f"{ATOM}entry")] == ["B", "A"]


def test_feed_parses_back_with_feedparser_without_bozo():
    feedparser = pytest.importorskip("feedparser")
    context = {"title": "T", "url": "/digest/feed.xml", "page_url": "/digest/", "items": [item()],
               "updated": "2025-11-07T10:15:00+05:30"}
    parsed = feedparser.parse(atom(context, absolute, {"2025/11/07/a": "<p>x</p>"}, "G"))
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.entries[0].published_parsed[:5] == (2025, 11, 7, 4, 45)  # 10:15 IST is 04:45 UTC


def test_sitemap_lists_absolute_locs_with_lastmod_when_known():
    root = ET.fromstring(sitemap([("/digest/", "2025-11-07T10:15:00+05:30"), ("/digest/a&b/", None)], absolute))
    urls = [(u.findtext(f"{SITEMAP}loc"), u.findtext(f"{SITEMAP}lastmod")) for u in root.findall(f"{SITEMAP}url")]
    assert urls == [(BASE + "/digest/", "2025-11-07T10:15:00+05:30"), (BASE + "/digest/a&b/", None)]


@pytest.mark.parametrize("value", ["plain", 'say "hi"', "it's", "both ' and \"", "a<b&c>\n\r\td", ""])
def test_quoteattr_matches_the_library(value):
    from xml.sax.saxutils import quoteattr as library

    from generator.feeds import quoteattr

    assert quoteattr(value) == library(value)


@pytest.mark.parametrize("text", ["plain", "A & B", "<script>&amp;</script>", "a > b < c", "&&<<>>", "", "é & ü"])
def test_escape_and_quoteattr_are_the_standard_librarys(text: str) -> None:
    from xml.sax import saxutils

    from generator.feeds import escape, quoteattr
    assert escape(text) == saxutils.escape(text)
    for value in (text, text + '"', text + "'", text + "\"'", text + "\n\t\r"):
        assert quoteattr(value) == saxutils.quoteattr(value)
