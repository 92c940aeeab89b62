"""schema.org JSON-LD: a story as a NewsArticle, a list page as a CollectionPage with its ItemList."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from generator.config import DEFAULT_PERMALINKS, Config
from generator.models import Article
from generator.schemaorg import collection, news_article, publisher
from generator.urls import Urls
from generator.views import card, head, picture

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
BASE = "https://user.github.io/digest/"
URLS = Urls(BASE, DEFAULT_PERMALINKS)
CONFIG = Config(root=Path("."), title="Wire Digest", base_url=BASE, description="The day's stories.")


def article(**fields) -> Article:
    """Return an Article with test defaults."""
    values = dict(source="content/a-story.md", slug="a-story", title="Azam Khan meets Akhilesh Yadav",
                  date=dt.datetime(2025, 11, 7, 10, 15, tzinfo=IST), summary="They met.", body="Text.",
                  dateline="Lucknow", agency="IANS", people=("Azam Khan", "Akhilesh Yadav"),
                  places=("Lucknow",), tags=("Politics",))
    values.update(fields)
    return Article(**values)


def story_data(story: Article, config: Config = CONFIG, image: str | None = None) -> dict:
    return json.loads(news_article(config, URLS, story, card(story, URLS, image=image)))


def test_a_story_is_a_news_article_by_its_agency_published_by_the_site_with_mentions():
    data = story_data(article(organisations=("Samajwadi Party",)))
    assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
    assert data["datePublished"] == data["dateModified"] == "2025-11-07T10:15:00+05:30"
    assert data["dateline"] == "Lucknow" and data["headline"] == "Azam Khan meets Akhilesh Yadav"
    assert data["author"] == {"@type": "Organization", "name": "IANS"}
    assert data["publisher"] == {"@type": "Organization", "name": "Wire Digest", "url": BASE}
    assert data["keywords"] == "Politics" and data["url"] == BASE + "2025/11/07/a-story/"
    assert data["mentions"] == [
        {"@type": "Person", "name": "Azam Khan", "url": BASE + "people/azam-khan/"},
        {"@type": "Person", "name": "Akhilesh Yadav", "url": BASE + "people/akhilesh-yadav/"},
        {"@type": "Place", "name": "Lucknow", "url": BASE + "places/lucknow/"},
        {"@type": "Organization", "name": "Samajwadi Party", "url": BASE + "organisations/samajwadi-party/"}]
    assert "image" not in data


def test_without_agency_or_dateline_the_site_is_the_author():
    data = story_data(article(agency=None, dateline=None))
    assert data["author"]["name"] == "Wire Digest" and "dateline" not in data


def test_an_update_is_the_date_modified():
    data = story_data(article(updated=dt.datetime(2025, 11, 7, 14, 5, tzinfo=IST)))
    assert data["datePublished"] == "2025-11-07T10:15:00+05:30"
    assert data["dateModified"] == "2025-11-07T14:05:00+05:30"


def test_a_picture_beside_the_story_or_on_the_web_is_its_image_by_absolute_url():
    beside = story_data(article(image="floods.jpg"), image="floods.1a2b3c4d5e.jpg")
    assert beside["image"] == [BASE + "2025/11/07/a-story/floods.1a2b3c4d5e.jpg"]
    remote = story_data(article(image="https://img.example.org/f.jpg"), image="https://img.example.org/f.jpg")
    assert remote["image"] == ["https://img.example.org/f.jpg"]


def test_the_logo_makes_the_publisher_an_organization_with_an_image_object():
    assert publisher(dataclasses.replace(CONFIG, logo="images/logo.png"), URLS)["logo"] == {
        "@type": "ImageObject", "url": BASE + "images/logo.png"}
    assert publisher(dataclasses.replace(CONFIG, logo="https://cdn.example.org/l.png"), URLS)["logo"]["url"] == \
        "https://cdn.example.org/l.png"


def test_json_ld_cannot_close_its_script_element():
    story = article(title="</script><script>alert(1)</script> & <!--")
    text = news_article(CONFIG, URLS, story, card(story, URLS))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!--"


def test_a_list_page_is_a_collection_page_listing_its_stories_in_order_from_its_position():
    urls = ["/digest/2025/11/07/b/", "/digest/2025/11/07/a/"]
    data = json.loads(collection(CONFIG, URLS, "/digest/people/azam-khan/page/2/", "Azam Khan, page 2",
                                 "40 stories about Azam Khan.", urls, start=21))
    assert data["@type"] == "CollectionPage" and data["url"] == BASE + "people/azam-khan/page/2/"
    assert data["isPartOf"] == {"@type": "WebSite", "name": "Wire Digest", "url": BASE}
    listed = data["mainEntity"]
    assert listed["@type"] == "ItemList" and listed["numberOfItems"] == 2
    assert listed["itemListElement"] == [
        {"@type": "ListItem", "position": 21, "url": BASE + "2025/11/07/b/"},
        {"@type": "ListItem", "position": 22, "url": BASE + "2025/11/07/a/"}]


def test_a_picture_view_and_the_head_carry_the_image_only_when_there_is_one():
    assert picture(URLS, "/digest/x/", None, "alt") is None
    shown = picture(URLS, "/digest/x/", "f.0123456789.jpg", None)
    assert shown == {"url": "/digest/x/f.0123456789.jpg", "absolute": BASE + "x/f.0123456789.jpg", "alt": ""}
    assert head(CONFIG, URLS, "/digest/x/", "T", "D", image=shown)["image"] == shown
    assert head(CONFIG, URLS, "/digest/x/", "T", "D")["image"] is None


def test_script_text_is_json_dumps_sorted_unicode_as_is():
    from generator.schemaorg import script_text

    data = {"b": [1, 2.5, None, True], "a": {"z": "Śrī <b> & ‘q’ \"x\" \\ \n", "y": {}}, "@c": []}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    assert script_text(data) == text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    assert json.loads(script_text(data)) == data
