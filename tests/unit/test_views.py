"""The plain dicts templates see: dates, cards, pagination, index rows, <head>, navigation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.config import DEFAULT_PERMALINKS, Config
from generator.models import Article, Site, Term
from generator.urls import Urls
from generator.views import (article_names, card, chunks, day_timeline, display_clock, display_date,
                             display_time, head, pagination, shorten, site_view, term_link,
                             term_row, zone_name)

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
BASE = "https://user.github.io/digest/"
URLS = Urls(BASE, DEFAULT_PERMALINKS)
CONFIG = Config(root=Path("."), title="Wire Digest", base_url=BASE, description="The day's stories.")


def article(slug: str = "a-story", when: dt.datetime = dt.datetime(2025, 11, 7, 10, 15, tzinfo=IST),
            **fields) -> Article:
    """Return an Article with test defaults."""
    values = dict(source=f"content/{slug}.md", slug=slug, title="Azam Khan meets Akhilesh Yadav", date=when,
                  summary="They met.", body="Text.", dateline="Lucknow", agency="IANS",
                  people=("Azam Khan", "Akhilesh Yadav"), places=("Lucknow",), tags=("Politics",))
    values.update(fields)
    return Article(**values)


@pytest.mark.parametrize("moment, zone, expected", [
    (dt.datetime(2025, 11, 7, 10, 15, tzinfo=IST), "Asia/Kolkata", "IST"),
    (dt.datetime(2025, 11, 7, 10, 15, tzinfo=IST), None, "UTC+05:30"),
    (dt.datetime(2025, 11, 7, 10, 15, tzinfo=IST), "Europe/London", "UTC+05:30"),  # zones disagree
    (dt.datetime(2025, 7, 7, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=1))), "Europe/London", "BST"),
    (dt.datetime(2025, 11, 7, 10, 15, tzinfo=dt.timezone.utc), None, "UTC"),
    (dt.datetime(2025, 11, 7, 10, 15, tzinfo=IST), "Not/AZone", "UTC+05:30"),
])
def test_zone_name_uses_the_sites_zone_only_when_it_agrees(moment, zone, expected):
    assert zone_name(moment, zone) == expected


@pytest.mark.parametrize("moment, expected", [
    (dt.datetime(2025, 11, 7, 10, 15, tzinfo=IST), "7 November 2025, 10:15 IST"),
    (dt.datetime(2025, 1, 31, 23, 59, tzinfo=IST), "31 January 2025, 23:59 IST"),
    (dt.datetime(2025, 11, 7, 0, 0, tzinfo=IST), "7 November 2025"),  # a day-only date invents no time
    (dt.datetime(2025, 11, 7, 0, 0, 1, tzinfo=IST), "7 November 2025, 00:00 IST"),
])
def test_display_time(moment, expected):
    assert display_time(moment, "Asia/Kolkata") == expected


def test_display_date_and_clock():
    assert display_date(dt.date(2025, 3, 1)) == "1 March 2025"
    assert display_clock(dt.datetime(2025, 3, 1, 9, 5, tzinfo=IST), "Asia/Kolkata") == "09:05 IST"
    assert display_clock(dt.datetime(2025, 3, 1, tzinfo=IST), "Asia/Kolkata") is None


def test_card_holds_what_a_list_shows_with_urls_under_the_base_path():
    view = card(article(), URLS, "Asia/Kolkata")
    assert view["url"] == "/digest/2025/11/07/a-story/"
    assert view["datetime"] == "2025-11-07T10:15:00+05:30"
    assert (view["date"], view["time"], view["clock"]) == ("7 November 2025", "7 November 2025, 10:15 IST", "10:15 IST")
    assert view["people"] == [{"name": "Azam Khan", "url": "/digest/people/azam-khan/", "kind": "person"},
                              {"name": "Akhilesh Yadav", "url": "/digest/people/akhilesh-yadav/", "kind": "person"}]
    assert view["places"][0]["url"] == "/digest/places/lucknow/" and view["tags"][0]["url"] == "/digest/tags/politics/"
    json.dumps(view)  # plain data only: templates never see model objects


def test_term_link_slugifies_hostile_names():
    assert term_link(URLS, "tag", "javascript:alert(1)")["url"] == "/digest/tags/javascript-alert-1/"
    assert term_link(URLS, "person", "<script>")["url"] == "/digest/people/script/"


@pytest.mark.parametrize("number, total, prev_url, next_url", [
    (1, 1, None, None),
    (1, 3, None, "/digest/people/x/page/2/"),
    (2, 3, "/digest/people/x/", "/digest/people/x/page/3/"),
    (3, 3, "/digest/people/x/page/2/", None),
])
def test_pagination(number, total, prev_url, next_url):
    view = pagination(URLS, "/digest/people/x/", number, total)
    assert (view["prev_url"], view["next_url"]) == (prev_url, next_url)
    assert [p["current"] for p in view["pages"]] == [n == number for n in range(1, total + 1)]
    assert view["pages"][0]["url"] == "/digest/people/x/"


@pytest.mark.parametrize("items, size, expected", [
    (("a", "b", "c"), 2, [("a", "b"), ("c",)]),
    (("a", "b"), 2, [("a", "b")]),
    ((), 2, [()]),  # an empty list is still one page
])
def test_chunks(items, size, expected):
    assert chunks(items, size) == expected


@pytest.mark.parametrize("name, sort_key, letter", [
    ("Azam Khan", "khan azam", "K"), ("Bihar", "bihar", "B"), ("2G case", "2g case", "#"),
    ("Éric Zemmour", "zemmour éric", "Z"), ("", "", "#"),
])
def test_term_row_letter(name, sort_key, letter):
    row = term_row(URLS, Term("person", "x", name, ("k1", "k2"), sort_key))
    assert row == {"name": name, "url": "/digest/people/x/", "count": 2, "letter": letter}


def test_head_has_absolute_canonical_and_site_title_once():
    view = head(CONFIG, URLS, "/digest/people/x/", "Azam Khan", "3 stories.")
    assert view["canonical"] == "https://user.github.io/digest/people/x/"
    assert view["full_title"] == "Azam Khan | Wire Digest"
    assert head(CONFIG, URLS, "/digest/", "Wire Digest", "d")["full_title"] == "Wire Digest"


def test_head_description_is_shortened_at_a_word_and_never_empty():
    long = "word " * 100
    view = head(CONFIG, URLS, "/digest/", "T", long)
    assert len(view["description"]) <= 300 and view["description"].endswith("word…")
    assert head(CONFIG, URLS, "/digest/", "T", "")["description"] == "The day's stories."


@pytest.mark.parametrize("text, limit, expected", [
    ("short", 10, "short"), ("one two three", 9, "one two…"), ("abcdefghij", 5, "abcd…"),
    ("  spaced\n out  ", 20, "spaced out"), ("one, two", 6, "one…"),
])
def test_shorten(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_day_timeline_groups_newest_first_cards_by_day():
    cards = [card(article("c", dt.datetime(2025, 11, 8, 9, tzinfo=IST)), URLS),
             card(article("b", dt.datetime(2025, 11, 7, 18, tzinfo=IST)), URLS),
             card(article("a", dt.datetime(2025, 11, 7, 9, tzinfo=IST)), URLS)]
    groups = day_timeline(cards)
    assert [(g["datetime"], [i["key"] for i in g["items"]]) for g in groups] == [
        ("2025-11-08", ["2025/11/08/c"]), ("2025-11-07", ["2025/11/07/b", "2025/11/07/a"])]
    assert day_timeline([]) == []


def test_site_view_nav_is_under_the_base_path():
    view = site_view(CONFIG, URLS)
    assert [(n["name"], n["url"]) for n in view["nav"]] == [
        ("Home", "/digest/"), ("Editions", "/digest/editions/"), ("People", "/digest/people/"),
        ("Places", "/digest/places/"), ("Organisations", "/digest/organisations/"), ("Tags", "/digest/tags/")]
    assert view["feed"] == "/digest/feed.xml" and view["home"] == "/digest/" and view["language"] == "en"


def test_article_names_are_most_mentioned_first():
    stories = [article("a", people=("B", "A")), article("b", people=("A",), places=("X", "Y")),
               article("c", people=("C",), places=("Y",), organisations=("BSP", "SP")),
               article("d", people=(), organisations=("SP",))]
    site = Site(articles={s.key: s for s in stories}, order=tuple(s.key for s in stories), terms={}, editions=())
    names = article_names(site, [s.key for s in stories])
    assert names == {"people": ["A", "B", "C"], "places": ["Lucknow", "Y", "X"],  # ties by name
                     "organisations": ["SP", "BSP"]}
