"""Tier 1: slugs, URLs and output paths, at the site root and under a GitHub project sub-path."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.config import DEFAULT_PERMALINKS
from generator.urls import MAX_SLUG, Urls, identity, shorten, slugify

DAY = dt.date(2025, 11, 7)


@pytest.mark.parametrize("text, slug", [
    ("Azam Khan meets Akhilesh Yadav in Lucknow", "azam-khan-meets-akhilesh-yadav-in-lucknow"),
    ("Azam Khan", "azam-khan"),
    ("Akhilesh Yadav’s residence", "akhilesh-yadavs-residence"),
    ("Don't stop", "dont-stop"),
    ("Café “owner” says — hello!", "cafe-owner-says-hello"),
    ("Samajwadi Party (SP)", "samajwadi-party-sp"),
    ("J&K: L-G's rule", "j-k-l-gs-rule"),
    ("  --Leading and trailing--  ", "leading-and-trailing"),
    ("U.S. Agriculture Dept.", "u-s-agriculture-dept"),
    ("Bihar Assembly elections 2025", "bihar-assembly-elections-2025"),
    ("Zürich Straße Ærø Łódź Œuvre", "zurich-strasse-aero-lodz-oeuvre"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("../../etc/passwd", "etc-passwd"),
    ("नई दिल्ली", "ni-dilli"),
    ("अखिलेश यादव", "akhiles-yadv"),
    ("习近平", "xi-jin-ping"),
    ("Владимир Путин", "vladimir-putin"),
    ("محمد بن سلمان", "mhmd-bn-slmn"),
    ("Tōkyō 東京", "tokyo-dong-jing"),
    ("", "untitled"),
    ("!!!", "untitled"),
    ("🎉", "u1f389"),
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_fallback() -> None:
    assert slugify("—", fallback="story") == "story"


@pytest.mark.parametrize("text", [
    "word " * 40,
    "a" * 200,                       # one long word: cut, not kept whole
    "ab " * 26 + "x" * 30,
    "Senior Samajwadi Party leader Azam Khan meets party President Akhilesh Yadav in Lucknow today",
])
def test_long_slugs_are_cut(text: str) -> None:
    slug = slugify(text)
    assert 0 < len(slug) <= MAX_SLUG
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slugify(slug) == slug  # a slug is its own slug


def test_long_slugs_cut_at_a_word_boundary() -> None:
    assert slugify("word " * 40) == "-".join(["word"] * 16)


@pytest.fixture(params=["http://127.0.0.1:8000/", "https://user.github.io/digest/", "https://x.org/a/b"])
def urls(request) -> Urls:
    return Urls(request.param, DEFAULT_PERMALINKS)


def test_base_path(urls: Urls) -> None:
    assert urls.base_path.startswith("/") and urls.base_path.endswith("/")
    assert urls.index("") == urls.base_path


def test_every_url_starts_with_the_base_path_and_maps_into_site(urls: Urls) -> None:
    base = urls.base_path
    cases = {
        urls.article(DAY, "azam-khan-meets"): ("2025/11/07/azam-khan-meets/", "2025/11/07/azam-khan-meets/index.html"),
        urls.edition(DAY): ("2025/11/07/", "2025/11/07/index.html"),
        urls.term("person", "azam-khan"): ("people/azam-khan/", "people/azam-khan/index.html"),
        urls.term("place", "lucknow"): ("places/lucknow/", "places/lucknow/index.html"),
        urls.term("tag", "sp"): ("tags/sp/", "tags/sp/index.html"),
        urls.index("people"): ("people/", "people/index.html"),
        urls.index(""): ("", "index.html"),
        urls.file("feed.xml"): ("feed.xml", "feed.xml"),
        urls.file("/robots.txt"): ("robots.txt", "robots.txt"),
        urls.feed(urls.term("tag", "sp")): ("tags/sp/feed.xml", "tags/sp/feed.xml"),
        urls.paginated(urls.index(""), 2): ("page/2/", "page/2/index.html"),
        urls.paginated(urls.term("tag", "sp"), 3): ("tags/sp/page/3/", "tags/sp/page/3/index.html"),
    }
    for url, (rel, output) in cases.items():
        assert url == base + rel
        assert urls.output_path(url) == output


def test_first_page_has_no_page_suffix(urls: Urls) -> None:
    first = urls.index("people")
    assert urls.paginated(first, 1) == first == urls.paginated(first, 0)


def test_absolute_permalink() -> None:
    urls = Urls("https://user.github.io/digest/", DEFAULT_PERMALINKS)
    assert urls.absolute(urls.term("person", "azam-khan")) == "https://user.github.io/digest/people/azam-khan/"


def test_custom_permalinks() -> None:
    urls = Urls("https://x.org/", {**DEFAULT_PERMALINKS, "article": "news/{year}/{slug}/"})
    assert urls.article(DAY, "s") == "/news/2025/s/"


@pytest.mark.parametrize("url", ["/other/x/", "/digest/../etc/passwd", "/digest//etc/passwd", "relative/"])
def test_output_path_never_leaves_site(url: str) -> None:
    urls = Urls("https://user.github.io/digest/", DEFAULT_PERMALINKS)
    with pytest.raises(ValueError):
        urls.output_path(url)


def test_spellings_of_one_name_are_one_identity_and_other_scripts_are_not() -> None:
    assert identity("Akhilesh Yadav") == identity("akhilesh  yadav.") == identity("Akhílesh Yadav")
    assert identity("李明") != identity("黎明") and slugify("李明") == slugify("黎明")
    assert identity("Владимир Путин") != identity("Vladimir Putin")


def test_a_long_slug_is_cut_at_a_hyphen_and_stays_unique() -> None:
    first, second = "word-" * 30 + "one", "word-" * 30 + "two"
    assert len(shorten(first)) <= MAX_SLUG and shorten(first) != shorten(second)
    assert shorten(first).startswith("word-word-") and "--" not in shorten(first)
    assert shorten("short-slug") == "short-slug"
