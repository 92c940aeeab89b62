"""An updated story says so (page, JSON-LD, feed); the lead story of each edition and of the home page is marked."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import write_story
from generator.build import build
from generator.config import load_config

ATOM = "{http://www.w3.org/2005/Atom}"


def read(project: Path, rel: str) -> str:
    return (project / "site" / rel).read_text(encoding="utf-8")


def story_json_ld(page: str) -> dict:
    (text,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
    return json.loads(text)


def test_an_update_shows_on_the_page_in_json_ld_and_in_the_feed(project: Path) -> None:
    write_story(project, slug="floods", date="2025-11-07T10:15:00+05:30", updated="2025-11-07T14:05:00+05:30")
    write_story(project, slug="quiet", date="2025-11-07T09:00:00+05:30")
    build(load_config(project))
    page = read(project, "2025/11/07/floods/index.html")
    assert 'Updated <time datetime="2025-11-07T14:05:00+05:30">7 November 2025, 14:05 IST</time>' in page
    data = story_json_ld(page)
    assert (data["datePublished"], data["dateModified"]) == ("2025-11-07T10:15:00+05:30", "2025-11-07T14:05:00+05:30")
    quiet = read(project, "2025/11/07/quiet/index.html")
    assert "Updated" not in quiet and story_json_ld(quiet)["dateModified"] == "2025-11-07T09:00:00+05:30"
    feed = ET.fromstring((project / "site/feed.xml").read_bytes())
    entries = {e.find(f"{ATOM}id").text.rsplit("/", 2)[-2]: e for e in feed.iter(f"{ATOM}entry")}
    assert entries["floods"].find(f"{ATOM}updated").text == "2025-11-07T14:05:00+05:30"
    assert entries["floods"].find(f"{ATOM}published").text == "2025-11-07T10:15:00+05:30"
    assert entries["quiet"].find(f"{ATOM}updated").text == "2025-11-07T09:00:00+05:30"
    assert feed.find(f"{ATOM}updated").text == "2025-11-07T14:05:00+05:30"


def test_an_update_before_the_story_is_named(project: Path) -> None:
    write_story(project, slug="floods", date="2025-11-07T10:15:00+05:30", updated="2025-11-06")
    (problem,) = build(load_config(project)).problems
    assert problem.path.endswith("floods.md") and problem.line == 4
    assert problem.message.startswith("updated: 2025-11-06T00:00:00+05:30 is before the story's date")


def test_the_lead_story_of_an_edition_and_the_top_story_of_the_home_page_are_marked(project: Path) -> None:
    write_story(project, slug="minor", date="2025-11-07T09:00:00+05:30")
    write_story(project, slug="chosen", date="2025-11-07T08:00:00+05:30", lead=True)
    write_story(project, slug="older", date="2025-11-06T08:00:00+05:30")
    build(load_config(project))
    edition = read(project, "2025/11/07/index.html")
    lead = re.search(r'<section class="lead-story" aria-labelledby="lead-label">(.*?)</section>', edition, re.S)
    assert lead and '<p class="kicker" id="lead-label">Lead story</p>' in lead.group(1)
    assert "/2025/11/07/chosen/" in lead.group(1) and "/minor/" not in lead.group(1)
    assert edition.index("/2025/11/07/chosen/") < edition.index("/2025/11/07/minor/")
    home = read(project, "index.html")
    top = re.search(r'<section class="lead-story" aria-labelledby="top-story-label">(.*?)</section>', home, re.S)
    assert top and "Top story" in top.group(1) and "/chosen/" in top.group(1) and "/minor/" not in top.group(1)
    assert home.count('class="lead-story"') == 1  # the latest day's lead only
    older = read(project, "2025/11/06/index.html")
    assert older.count('class="lead-story"') == 1 and "/older/" in older
