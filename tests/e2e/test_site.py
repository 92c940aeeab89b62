"""End to end as a reader and a robot: a built digest served under /digest/, crawled link by link.

The site is served from a local http.server mounted at /digest/ (404 elsewhere), as GitHub Pages serves
a project site; every href and src of every page, feed and the sitemap is followed.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from fixture_site import (EXTERNAL_LINK, MINISTERS, PREFIX, STORIES, build_site, html_files, parse_html,
                          served_fixture, url_of, write_fixture)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$")
HASHED_CSS = re.compile(r"/static/css/site\.[0-9a-f]{10}\.css$")
DECLARED_EXTERNAL = {EXTERNAL_LINK}  # the one link out, written by hand in a story body


@dataclass
class Crawl:
    """What a crawl of the served site found."""

    base_url: str
    site: Path
    bodies: dict[str, bytes] = field(default_factory=dict)  # URL (no fragment) -> body, status 200
    kinds: dict[str, str] = field(default_factory=dict)  # URL -> content type
    docs: dict = field(default_factory=dict)  # HTML page URL -> parsed tree
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (page, as written, resolved)
    broken: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


def fetch(url: str) -> tuple[int, bytes, str]:
    """GET URL; return status, body and content type (a 404 is a status, not an exception)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        return exc.code, b"", ""


def html_links(tree) -> list[str]:
    """Return every href and src of a parsed page."""
    return [el.get(attr) for el in tree.iter() for attr in ("href", "src") if el.get(attr) is not None]


def xml_links(data: bytes) -> list[str]:
    """Return the links of an Atom feed or a sitemap."""
    root = ET.fromstring(data)
    if root.tag == f"{ATOM}feed":
        return [el.get("href") for el in root.iter(f"{ATOM}link")]
    return [el.text or "" for el in root.iter(f"{SITEMAP}loc")]


def text_links(data: bytes) -> list[str]:
    """Return the Sitemap: lines of robots.txt."""
    return [line.split(":", 1)[1].strip() for line in data.decode().splitlines() if line.startswith("Sitemap:")]


def crawl(base_url: str, site: Path) -> Crawl:
    """Follow every link from the home page, 404 page, feed, sitemap and robots.txt."""
    found = Crawl(base_url, site)
    host = urlsplit(base_url).netloc
    queue = deque((None, url) for url in (base_url, base_url + "404.html", base_url + "feed.xml",
                                           base_url + "sitemap.xml", base_url + "robots.txt"))
    while queue:
        page, url = queue.popleft()
        target, fragment = urldefrag(url)
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https"):
            found.broken.append(f"{page}: {url!r} is not an http(s) link")
            continue
        if parts.netloc != host:
            found.external.add(url)
            if url not in DECLARED_EXTERNAL:
                found.outside.append(f"{page}: {url} leaves the site")
            continue
        if not parts.path.startswith(PREFIX):
            found.outside.append(f"{page}: {url} is outside {PREFIX}, so it 404s on a project site")
            continue
        if target not in found.bodies:
            status, body, kind = fetch(target)
            if status != 200:
                found.broken.append(f"{page}: {url} answers {status}")
                continue
            found.bodies[target], found.kinds[target] = body, kind
            for raw in _links_in(found, target, body, kind):
                resolved = urljoin(target, raw)
                found.links.append((target, raw, resolved))
                queue.append((target, resolved))
        if fragment and not _has_id(found, target, fragment):
            found.broken.append(f"{page}: {url} points at a missing #{fragment}")
    return found


def _links_in(found: Crawl, url: str, body: bytes, kind: str) -> list[str]:
    if kind == "text/html":
        found.docs[url] = parse_html(body, url)
        return html_links(found.docs[url])
    if url.endswith(".xml"):
        return xml_links(body)
    if url.endswith("robots.txt"):
        return text_links(body)
    return []


def _has_id(found: Crawl, url: str, fragment: str) -> bool:
    tree = found.docs.get(url)
    return tree is not None and any(el.get("id") == fragment for el in tree.iter())


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Crawl:
    """Build the fixture digest with base_url http://127.0.0.1:PORT/digest/ and crawl it."""
    root = tmp_path_factory.mktemp("digest")
    with served_fixture(root) as served:
        yield crawl(served.base_url, served.site)


def pages_of(crawled: Crawl, pattern: str) -> dict[str, object]:
    """Return the parsed pages whose URL path matches PATTERN (a regex on the part after /digest/)."""
    found = {u: t for u, t in crawled.docs.items() if re.fullmatch(pattern, u[len(crawled.base_url):])}
    assert found, f"no page matches {pattern!r}"
    return found


def page(crawled: Crawl, rel: str):
    """Return the parsed page at base_url + REL."""
    return crawled.docs[crawled.base_url + rel]


def texts(tree, selector_tag: str, cls: str | None = None) -> list[str]:
    """Return the text of every TAG element (with class CLS) of a parsed page."""
    return ["".join(el.itertext()).strip() for el in tree.iter(selector_tag)
            if cls is None or cls in (el.get("class") or "").split()]


def first(tree, tag: str, **attrs: str):
    """Return the first TAG element whose attributes include ATTRS, or fail."""
    for el in tree.iter(tag):
        if all(el.get(k.rstrip("_")) == v for k, v in attrs.items()):
            return el
    raise AssertionError(f"no <{tag} {attrs}>")


def meta(tree, **attrs: str) -> str:
    """Return the content of the <meta> with ATTRS."""
    return first(tree, "meta", **attrs).get("content")


# --- links -------------------------------------------------------------------------------------


def test_no_link_stylesheet_script_or_feed_is_broken(crawled):
    assert len(crawled.docs) > 40 and len(crawled.links) > 500, "the crawl found too little to mean anything"
    kinds = {crawled.kinds[u] for u in crawled.bodies}
    assert {"text/html", "text/css", "application/xml"} <= kinds or "text/xml" in kinds
    assert crawled.broken == []


def test_no_url_leaves_the_site_but_the_declared_one(crawled):
    assert crawled.outside == []
    assert crawled.external == DECLARED_EXTERNAL  # the one hand-written link out is there, and allowed


def test_links_are_root_relative_so_the_404_page_works_at_any_depth(crawled):
    relative = [(page, raw) for page, raw, _ in crawled.links
                if not raw.startswith(("/", "#", "http://", "https://"))]
    assert relative == []
    assert all(raw.startswith(PREFIX) for page, raw, _ in crawled.links if raw.startswith("/"))


def test_every_file_of_the_site_is_reachable(crawled):
    # the search index is fetched by the search page's script, which this crawl does not run
    unreached = [url_of(crawled.site, p, crawled.base_url) for p in sorted(crawled.site.rglob("*"))
                 if p.is_file() and p.name != ".nojekyll" and "pagefind" not in p.relative_to(crawled.site).parts
                 and url_of(crawled.site, p, crawled.base_url) not in crawled.bodies]
    # the publisher's logo is named only in the pages' JSON-LD, for search engines
    assert unreached == [crawled.base_url + "images/logo.png"]


def test_stylesheet_is_served_as_css_under_a_content_hash(crawled):
    sheets = {urljoin(u, el.get("href")) for u, t in crawled.docs.items()
              for el in t.iter("link") if el.get("rel") == "stylesheet"}
    assert len(sheets) == 1
    (sheet,) = sheets
    assert HASHED_CSS.search(sheet) and crawled.kinds[sheet] == "text/css"
    assert b"prefers-color-scheme: dark" in crawled.bodies[sheet] and b"@media print" in crawled.bodies[sheet]


def test_nothing_is_loaded_from_another_site(crawled):
    loaded = [(u, el.tag, el.get("src") or el.get("href")) for u, t in crawled.docs.items()
              for el in t.iter() if el.tag in ("script", "img", "iframe", "link") and (el.get("src") or el.get("href"))]
    assert loaded
    assert [x for x in loaded if urljoin(x[0], x[2]).startswith(("http:", "https:"))
            and not urljoin(x[0], x[2]).startswith(crawled.base_url)] == []
    css = b"".join(b for u, b in crawled.bodies.items() if u.endswith(".css"))
    assert b"@import" not in css and b"url(http" not in css and b"fonts.googleapis" not in css


# --- every page ----------------------------------------------------------------------------------


def test_every_page_on_disk_is_strict_html5(crawled):
    files = html_files(crawled.site)
    assert len(files) > 40
    for path in files:
        parse_html(path.read_bytes(), str(path.relative_to(crawled.site)))


def test_every_page_head_has_title_description_canonical_open_graph_and_twitter(crawled):
    for url, tree in crawled.docs.items():
        assert tree.get("lang") == "en", url
        title = "".join(first(tree, "title").itertext())
        assert title.strip(), url
        assert meta(tree, name="description").strip(), url
        canonical = first(tree, "link", rel="canonical").get("href")
        # a search's query (search/?person=...) is not part of the page's address
        assert canonical == (url.split("?")[0] if not url.endswith("404.html") else crawled.base_url + "404.html")
        assert meta(tree, property="og:url") == canonical
        for name in ("og:title", "og:description", "og:type", "og:site_name"):
            assert meta(tree, property=name).strip(), (url, name)
        for name in ("twitter:card", "twitter:title", "twitter:description"):
            assert meta(tree, name=name).strip(), (url, name)
        assert first(tree, "link", rel="alternate", type="application/atom+xml").get("href")


def test_every_page_has_landmarks_one_h1_and_a_skip_link(crawled):
    for url, tree in crawled.docs.items():
        assert len(list(tree.iter("h1"))) == 1, url
        main = first(tree, "main")
        skip = first(tree, "a", **{"class": "skip-link"})
        assert skip.get("href") == "#" + main.get("id"), url
        assert list(tree.iter("header")) and list(tree.iter("nav")) and list(tree.iter("footer")), url


def test_nav_marks_the_current_section(crawled):
    def current(rel: str) -> list[str]:
        return [("".join(a.itertext()), a.get("aria-current")) for a in first(page(crawled, rel), "nav").iter("a")
                if a.get("aria-current")]

    assert current("") == [("Home", "page")]
    assert current("people/") == [("People", "page")]
    assert current("people/azam-khan/") == [("People", "true")]
    assert current("2025/11/07/") == [("Editions", "true")]


# --- pages -------------------------------------------------------------------------------------


def test_home_shows_the_latest_edition_first_and_paginates(crawled):
    home = page(crawled, "")
    sections = [s for s in home.iter("section") if "day" in (s.get("class") or "").split()]
    assert "lead" in sections[0].get("class")
    assert "Latest edition" in "".join(sections[0].itertext())
    assert first(sections[0], "time").get("datetime") == "2025-11-09"
    assert texts(home, "h3", "card-title")[0] == "Tejashwi Yadav promises ten lakh jobs at his last Patna rally"
    assert first(home, "a", rel="next").get("href") == PREFIX + "page/2/"
    last = page(crawled, "page/4/")
    assert first(last, "a", rel="prev").get("href") == PREFIX + "page/3/"
    assert not [a for a in last.iter("a") if a.get("rel") == "next"]


def test_story_page_shows_dateline_time_agency_terms_and_neighbours(crawled):
    story = page(crawled, "2025/11/07/bihar-campaign-enters-final-week/")
    assert texts(story, "h1") == ["Bihar campaign enters its final week"]
    stamp = first(story, "time")
    assert stamp.get("datetime") == "2025-11-07T14:40:00+05:30"
    assert "".join(stamp.itertext()) == "7 November 2025, 14:40 IST"
    head = first(story, "header", **{"class": "story-head"})
    assert texts(head, "span", "dateline") == ["Patna"] and texts(head, "span", "agency") == ["IANS"]
    chips = {"".join(a.itertext()): a.get("href") for a in first(story, "footer").iter("a")}
    assert chips == {"Akhilesh Yadav": PREFIX + "people/akhilesh-yadav/",
                     "Tejashwi Yadav": PREFIX + "people/tejashwi-yadav/",
                     "Nitish Kumar": PREFIX + "people/nitish-kumar/", "Patna": PREFIX + "places/patna/",
                     "Bihar": PREFIX + "places/bihar/", "Politics": PREFIX + "tags/politics/",
                     "Bihar elections": PREFIX + "tags/bihar-elections/"}
    assert first(story, "a", rel="prev").get("href") == PREFIX + "2025/11/07/azam-khan-meets-akhilesh-yadav/"
    assert first(story, "a", rel="next").get("href") == PREFIX + "2025/11/07/flood-relief-reaches-rampur/"
    related = first(story, "section", **{"class": "related"})
    assert "Tejashwi Yadav promises ten lakh jobs at his last Patna rally" in texts(related, "h3", "card-title")


def test_edition_lists_its_stories_people_places_and_neighbours(crawled):
    edition = page(crawled, "2025/11/08/")
    assert texts(edition, "h1") == ["8 November 2025"]
    assert texts(edition, "h2", "card-title") == ["Mayawati announces candidates for by-elections",
                                                  "Patna metro completes its first trial run"]
    aside = first(edition, "aside")
    assert {"Mayawati", "Akhilesh Yadav", "Nitish Kumar", "Lucknow", "Patna", "Bihar"} <= set(texts(aside, "a"))
    assert first(edition, "a", rel="prev").get("href") == PREFIX + "2025/11/07/"
    assert first(edition, "a", rel="next").get("href") == PREFIX + "2025/11/09/"


def test_people_index_is_by_surname_with_a_letter_bar_and_counts(crawled):
    people = page(crawled, "people/")
    listed = [n for ul in people.iter("ul") if ul.get("class") == "index-list" for n in texts(ul, "a")]
    letters = texts(first(people, "nav", **{"class": "letters"}), "a")
    assert len(listed) == len(MINISTERS) + 6
    surnames = [n.split()[-1] for n in listed]
    assert surnames == sorted(surnames, key=str.casefold)
    assert letters == sorted(set(s[0].upper() for s in surnames))
    row = next(li for li in people.iter("li") if "Akhilesh Yadav" in "".join(li.itertext()))
    assert "".join(first(row, "span", **{"class": "count"}).itertext()).startswith("4")


def test_people_named_once_can_be_left_out_without_script(crawled):
    every, frequent = page(crawled, "people/"), page(crawled, "people/2-or-more/")
    switch = first(every, "nav", **{"class": "index-filter"})
    links = {"".join(a.itertext()): (a.get("href"), a.get("aria-current")) for a in switch.iter("a")}
    assert links == {"All 38": (PREFIX + "people/", "page"), "In 2 or more stories 5": (PREFIX + "people/2-or-more/", None)}
    names = texts(first(frequent, "ul", **{"class": "index-list"}), "a")
    assert names == ["Azam Khan", "Nitish Kumar", "Mayawati", "Akhilesh Yadav", "Tejashwi Yadav"]  # by surname
    assert texts(frequent, "h1") == ["People in 2 or more stories"]


def test_person_page_has_a_timeline_by_day_and_co_mentions(crawled):
    person = page(crawled, "people/akhilesh-yadav/")
    assert texts(person, "h1") == ["Akhilesh Yadav"]
    timeline = first(person, "div", **{"class": "timeline"})
    assert [t.get("datetime") for t in timeline.iter("time") if len(t.get("datetime")) == 10] == ["2025-11-09", "2025-11-08"]
    together = texts(first(person, "aside"), "a")
    assert together[:2] == ["Nitish Kumar", "Tejashwi Yadav"] and "Akhilesh Yadav" not in together
    assert first(person, "link", rel="alternate", title="Akhilesh Yadav | Test Digest").get("href") == \
        PREFIX + "people/akhilesh-yadav/feed.xml"
    older = page(crawled, "people/akhilesh-yadav/page/2/")
    assert "".join(first(older, "title").itertext()).startswith("Akhilesh Yadav, page 2")


# --- feeds, sitemap, robots, JSON-LD ---------------------------------------------------------------


def feeds(crawled: Crawl) -> dict[str, bytes]:
    """Return every feed the crawl reached."""
    found = {u: b for u, b in crawled.bodies.items() if u.endswith("feed.xml")}
    assert len(found) > 10
    return found


def test_feeds_parse_back_with_absolute_links_offsets_and_rel_self(crawled):
    feedparser = pytest.importorskip("feedparser")
    for url, body in feeds(crawled).items():
        parsed = feedparser.parse(body)
        assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links["self"] == url
        assert links["alternate"].startswith(crawled.base_url)
        assert RFC3339.match(parsed.feed.updated), url
        assert parsed.entries, url
        for entry in parsed.entries:
            assert entry.link.startswith(crawled.base_url) and entry.id == entry.link
            assert RFC3339.match(entry.published) and RFC3339.match(entry.updated)
            assert entry.published.endswith("+05:30")
            assert entry.title and entry.summary and entry.author


def test_main_feed_holds_the_latest_stories_newest_first(crawled):
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse(crawled.bodies[crawled.base_url + "feed.xml"])
    assert [e.title for e in parsed.entries][0] == "Tejashwi Yadav promises ten lakh jobs at his last Patna rally"
    assert len(parsed.entries) == len(STORIES)
    stamps = [e.published_parsed for e in parsed.entries]
    assert stamps == sorted(stamps, reverse=True)
    assert parsed.feed.updated == parsed.entries[0].published
    entry = next(e for e in parsed.entries if e.title.startswith("Flood relief"))
    assert EXTERNAL_LINK in entry.content[0].value and entry.author == "PTI"
    assert {t.term for t in entry.tags} == {"Floods"}


def test_every_term_page_links_its_own_feed(crawled):
    for url, tree in pages_of(crawled, r"(people|places|organisations|tags)/(?!2-or-more/)[^/]+/").items():
        feed = urljoin(url, first(tree, "link", rel="alternate", title="".join(first(tree, "h1").itertext())
                                  + " | Test Digest").get("href"))
        assert feed == url + "feed.xml" and feed in crawled.bodies


def test_sitemap_lists_every_page_with_absolute_loc_and_lastmod(crawled):
    index = ET.fromstring(crawled.bodies[crawled.base_url + "sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    files = [s.findtext(f"{SITEMAP}loc") for s in index.iter(f"{SITEMAP}sitemap")]
    assert files == [crawled.base_url + "sitemap-2025.xml"]
    assert index.find(f"{SITEMAP}sitemap").findtext(f"{SITEMAP}lastmod") == "2025-11-09T16:45:00+05:30"
    entries = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
               for f in files for u in ET.fromstring(crawled.bodies[f]).iter(f"{SITEMAP}url")}
    # the search page (linked from person pages with a filter) is no page to index
    pages = {u for u in crawled.docs if not u.endswith("404.html") and "/search/" not in u}
    assert set(entries) == pages
    assert all(RFC3339.match(mod or "") for mod in entries.values()), entries
    assert entries[crawled.base_url + "2025/11/08/patna-metro-trial-run/"] == "2025-11-08T12:30:00+05:30"


def test_robots_txt_names_the_absolute_sitemap_and_nojekyll_exists(crawled):
    robots = crawled.bodies[crawled.base_url + "robots.txt"].decode()
    assert "User-agent: *" in robots and f"Sitemap: {crawled.base_url}sitemap.xml" in robots
    assert f"Sitemap: {crawled.base_url}news-sitemap.xml" in robots
    assert (crawled.site / ".nojekyll").is_file() and not (crawled.site / "CNAME").exists()


def jsonld(tree) -> dict:
    """Return the JSON-LD of a page, parsed."""
    (script,) = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    return json.loads(script.text)


def test_story_pages_carry_news_article_json_ld(crawled):
    stories = pages_of(crawled, r"\d{4}/\d\d/\d\d/[^/]+/")
    assert len(stories) == len(STORIES)
    for url, tree in stories.items():
        data = jsonld(tree)
        story = next(s for s in STORIES if url.endswith(f"/{s['slug']}/"))
        assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
        assert data["headline"] == story["title"] == "".join(first(tree, "h1").itertext())
        assert data["datePublished"] == story["date"] == first(tree, "time").get("datetime")
        assert RFC3339.match(data["datePublished"])
        assert data["dateline"] == story.get("dateline", "Lucknow")
        agency = story.get("agency", "IANS")
        assert data["author"] == {"@type": "Organization", "name": agency}
        assert data["publisher"] == {"@type": "Organization", "name": "Test Digest", "url": crawled.base_url,
                                     "logo": {"@type": "ImageObject", "url": crawled.base_url + "images/logo.png"}}
        assert data["dateModified"] == story.get("updated", story["date"])
        if story.get("image"):
            (image,) = data["image"]
            assert image.startswith(url) and fetch(image)[2] == "image/png"
            assert meta(tree, property="og:image") == image and meta(tree, name="twitter:card") == "summary_large_image"
        else:
            assert "image" not in data and not [m for m in tree.iter("meta") if "image" in (m.get("property") or "")]
        assert data["keywords"] == ", ".join(story["tags"])
        assert data["url"] == data["mainEntityOfPage"] == url
        mentions = {(m["@type"], m["name"]): m["url"] for m in data["mentions"]}
        assert set(mentions) == ({("Person", p) for p in story["people"]} | {("Place", p) for p in story["places"]}
                                 | {("Organization", o) for o in story.get("organisations", ())})
        assert all(u in crawled.bodies for u in mentions.values())


# What each schema.org type must carry, after Google's structured data documentation: Article
# (NewsArticle: headline, image, datePublished, dateModified, author with a name, publisher) and
# ItemList as a carousel's summary page (itemListElement, each ListItem with position and url).
NEWS_ARTICLE = ("headline", "datePublished", "dateModified", "author", "publisher", "url", "mainEntityOfPage")
COLLECTION_PAGE = ("name", "url", "mainEntity")


def json_ld_blocks(tree) -> list[dict]:
    """Return every JSON-LD block of a page, parsed (a block that is not JSON fails)."""
    return [json.loads(s.text) for s in tree.iter("script") if s.get("type") == "application/ld+json"]


def check_news_article(data: dict, url: str, crawled) -> None:
    missing = [k for k in NEWS_ARTICLE if not data.get(k)]
    assert not missing, f"{url}: NewsArticle lacks {missing}"
    assert len(data["headline"]) <= 110 and RFC3339.match(data["datePublished"]) and RFC3339.match(data["dateModified"])
    assert data["dateModified"] >= data["datePublished"][:10]
    assert data["author"]["@type"] == "Organization" and data["author"]["name"]
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"]
    for image in [data["publisher"]["logo"]["url"], *data.get("image", [])]:  # served, and a picture
        status, _, kind = fetch(image)
        assert status == 200 and kind.startswith("image/"), image
    assert all(m["@type"] in ("Person", "Place", "Organization") and m["url"] in crawled.bodies
               for m in data["mentions"])


def check_collection_page(data: dict, url: str, crawled) -> None:
    missing = [k for k in COLLECTION_PAGE if not data.get(k)]
    assert not missing, f"{url}: CollectionPage lacks {missing}"
    assert data["url"] == url
    listed = data["mainEntity"]
    assert listed["@type"] == "ItemList" and listed["numberOfItems"] == len(listed["itemListElement"]) > 0
    positions = [item["position"] for item in listed["itemListElement"]]
    assert positions == list(range(positions[0], positions[0] + len(positions))) and positions[0] >= 1
    for item in listed["itemListElement"]:
        assert item["@type"] == "ListItem" and item["url"] in crawled.docs, item


def test_every_json_ld_block_is_valid_structured_data(crawled):
    found: dict[str, set[str]] = {}
    for url, tree in crawled.docs.items():
        for data in json_ld_blocks(tree):
            assert data["@context"] == "https://schema.org", url
            {"NewsArticle": check_news_article, "CollectionPage": check_collection_page}[data["@type"]](data, url, crawled)
            found.setdefault(data["@type"], set()).add(url[len(crawled.base_url):])
    pages = found["CollectionPage"]
    assert "" in pages and "page/2/" in pages and "2025/11/07/" in pages  # the home page, its pages, editions
    assert {"people/azam-khan/", "places/rampur/", "organisations/samajwadi-party/", "tags/politics/"} <= pages
    assert len(found["NewsArticle"]) == len(STORIES)


def test_cname_is_written_when_config_sets_it(tmp_path):
    write_fixture(tmp_path, "https://news.example.org/", STORIES[:2], cname="news.example.org")
    site = build_site(tmp_path)
    assert (site / "CNAME").read_text() == "news.example.org\n"
    assert 'href="/people/azam-khan/"' in (site / "2025/11/07/azam-khan-meets-akhilesh-yadav/index.html").read_text()
