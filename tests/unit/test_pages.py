"""Planning: page groups cover every page once and name what they read; cards act as dicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import pytest

from generator.config import Config
from generator.models import Article
from generator.pages import Cards, in_sitemap, page_groups, plan
from generator.taxonomy import organise
from generator.urls import Urls

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def story(slug: str, day: int, people=(), tags=(), organisations=()) -> Article:
    """Return a small Article."""
    return Article(source=f"content/{slug}.md", slug=slug, title=slug.title(), summary=f"About {slug}.",
                   date=dt.datetime(2025, 11, day, 10, tzinfo=IST), body="Text.", people=tuple(people),
                   places=("Lucknow",), organisations=tuple(organisations), tags=tuple(tags))


@pytest.fixture
def setup():
    """Return a small site, its config and URLs."""
    config = Config(root=Path("."), base_url="https://example.org/digest/", paginate=2, feed_size=2)
    site = organise([story("a", 7, ["Azam Khan"], ["Politics"]), story("b", 7, ["Azam Khan", "Mayawati"], ["Politics"]),
                     story("c", 8, ["Mayawati"], ["Floods"]), story("d", 9, ["Azam Khan"], ["Politics"], ["Samajwadi Party"])])
    return site, config, Urls(config.base_url, config.permalinks)


def test_groups_make_every_page_once(setup) -> None:
    site, config, urls = setup
    bodies = {k: "<p>Text.</p>" for k in site.articles}
    groups = page_groups(site, config, urls, bodies)
    pages = [p for g in groups for p in g.make()]
    paths = [urls.output_path(p.url) for p in pages]
    assert len(paths) == len(set(paths))
    planned = plan(site, config, urls, bodies)
    assert [p.url for p in planned[:-1]] == [p.url for p in pages] and planned[-1].kind == "sitemap"
    assert len({g.name for g in groups}) == len(groups)
    assert {"home", "article", "edition", "index", "person", "place", "organisation", "tag", "feed",
            "404"} <= {p.kind for p in pages}


def test_groups_name_the_stories_they_show(setup) -> None:
    site, config, urls = setup
    bodies = {k: "<p>Text.</p>" for k in site.articles}
    cards = Cards(site, urls, config.timezone)
    found = set()
    for group in page_groups(site, config, urls, bodies, cards=cards):
        shown = {item["key"] for page in group.make() for item in _cards(page.context, cards)}
        assert shown <= set(group.shows), group.name  # a card shown but not named would go stale
        found |= shown
        if group.name.startswith(("article:", "feed")):
            assert group.bodies, group.name  # their text is on the page
        if group.parts is not None:
            parts = group.parts()
            assert [p.url for part in parts for p in part.make()] == [p.url for p in group.make()]
            for part in parts:
                shown = {item["key"] for page in part.make() for item in _cards(page.context, cards)}
                assert shown <= set(part.shows), part.name
    assert found == set(site.articles)  # every story's card was found on some page


def _cards(value, cards: Cards):
    """Yield every card (one of CARDS' own dicts) found in a page's context."""
    if isinstance(value, dict) and cards.made.get(value.get("key")) is value:
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _cards(item, cards)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _cards(item, cards)


def test_sitemap_lists_html_pages_but_404(setup) -> None:
    site, config, urls = setup
    planned = plan(site, config, urls, {k: "" for k in site.articles})
    listed = {u for u, _ in planned[-1].context["pages"]}
    assert listed == {p.url for p in planned if in_sitemap(p)}
    assert urls.file("404.html") not in listed and urls.file("feed.xml") not in listed


def test_card_reads_like_a_dict_in_python_and_jinja(setup) -> None:
    site, config, urls = setup
    card = Cards(site, urls, config.timezone)["2025/11/09/d"]
    assert card["title"] == "D" and card.get("dateline") is None and "url" in card
    assert dict(card)["url"] == "/digest/2025/11/09/d/"
    assert (card | {"extra": 1})["extra"] == 1
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    assert env.from_string("{{ c.title }} {{ c['url'] }} {{ c.people[0].name }}").render(c=card) == \
        "D /digest/2025/11/09/d/ Azam Khan"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ c.no_such_field.x }}").render(c=card)


def test_cards_are_made_only_when_asked_for_and_once(setup) -> None:
    site, config, urls = setup
    cards = Cards(site, urls, config.timezone)
    assert not cards.made
    assert cards["2025/11/08/c"]["title"] == "C" and list(cards.made) == ["2025/11/08/c"]


def test_cards_share_one_link_for_a_name(setup) -> None:
    site, config, urls = setup
    cards = Cards(site, urls, config.timezone)
    a, b = cards["2025/11/07/a"], cards["2025/11/07/b"]
    assert a["people"][0] is b["people"][0]  # Azam Khan, made once for both
    assert a["people"][0] == {"name": "Azam Khan", "url": "/digest/people/azam-khan/", "kind": "person"}
    assert a["places"][0] is b["places"][0] and a["tags"][0] is b["tags"][0]


def test_cards_mapping_knows_every_story(setup) -> None:
    site, config, urls = setup
    cards = Cards(site, urls, config.timezone)
    assert len(cards) == 4 and set(cards) == set(site.articles)
    assert cards["2025/11/07/a"] is cards["2025/11/07/a"]
    with pytest.raises(KeyError):
        cards["no/such/story"]


def test_co_mentions_show_on_the_first_page_of_a_term_only(setup) -> None:
    site, config, urls = setup
    bodies = {k: "<p>Text.</p>" for k in site.articles}
    politics = next(g for g in page_groups(site, config, urls, bodies) if g.name == "tag:politics")
    parts = politics.parts()
    pages = [page for part in parts for page in part.make()]
    assert len(pages) == 2 and pages[0].context["together"] and not pages[1].context["together"]
    assert [p.context["together"] for p in pages] == [p.context["together"] for p in politics.make()]
    assert all(() in part.extra for part in parts[1:])  # later pages' keys hold no co-mentions


def test_render_environment_reads_keys_as_jinja_does():
    from generator.jinjaenv import RenderEnvironment

    env = RenderEnvironment(undefined=jinja2.StrictUndefined)
    page = {"title": "T", "items": [1, 2], "card": {"url": "/a/", "title": "A"}}
    # a key wins where Jinja would find it; a dict's own methods stay methods, as before
    out = env.from_string("{{ p.title }} {{ p.card.url }} {{ p.card.title }} {{ p['items'] }} "
                          "{{ p.items is callable }} {{ p.get('title') }}").render(p=page)
    assert out == "T /a/ A [1, 2] True T"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ p.missing }}").render(p=page)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ p.card.missing }}").render(p=page)


def test_printed_values_read_as_markupsafe_escapes_them():
    from markupsafe import Markup, escape

    from generator.jinjaenv import escape_output

    class Html:
        def __html__(self):
            return "<b>made</b>"

    for value in ["a <b> & 'c' \"d\"", "", Markup("<em>card</em>"), 42, 1.5, None, True, Html(), ["<x>"]]:
        assert str(escape_output(value)) == str(escape(value)), value
    card = Markup("<article>kept</article>")
    assert escape_output(card) is card  # printed as it is: no copy
