"""The search records made from stories: text, what a result shows, filters."""

from __future__ import annotations

import datetime as dt

from generator.models import Article
from generator.search import record, same_bytes_expected

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def story(**changes) -> Article:
    fields = dict(source="content/articles/2025/11/07/x.md", slug="x", title="Azam Khan meets Akhilesh Yadav",
                  date=dt.datetime(2025, 11, 7, tzinfo=IST), summary="The SP leader met the party chief.",
                  body="", dateline="Lucknow", agency="IANS", people=("Azam Khan", "Akhilesh Yadav"),
                  places=("Lucknow",), organisations=("Samajwadi Party",), tags=("Politics",))
    fields.update(changes)
    return Article(**fields)


def test_a_record_shows_headline_date_dateline_and_summary():
    found = record(story(), "/2025/11/07/x/", "<p>He said &amp; left.</p>")
    assert found["url"] == "/2025/11/07/x/"
    assert found["meta"] == {"title": "Azam Khan meets Akhilesh Yadav", "date": "7 November 2025",
                             "datetime": "2025-11-07T00:00:00+05:30", "dateline": "Lucknow",
                             "summary": "The SP leader met the party chief."}


def test_a_record_filters_by_people_places_organisations_tags_agency_and_year():
    assert record(story(), "/x/", "")["filters"] == {
        "person": ["Azam Khan", "Akhilesh Yadav"], "place": ["Lucknow"], "organisation": ["Samajwadi Party"],
        "tag": ["Politics"], "agency": ["IANS"], "year": ["2025"]}


def test_empty_filters_and_a_missing_dateline_are_left_out():
    found = record(story(people=(), organisations=(), agency=None, dateline=None), "/x/", "")
    assert set(found["filters"]) == {"place", "tag", "year"}
    assert "dateline" not in found["meta"]


def test_the_text_is_the_body_without_markup_and_the_names_found_in_it():
    content = record(story(), "/x/", "<p>He said &amp; <em>left</em>.</p>\n<p>Later.</p>")["content"]
    assert content.startswith("Azam Khan meets Akhilesh Yadav. The SP leader met the party chief. He said & left . Later.")
    assert "<" not in content and "Samajwadi Party" in content


def test_only_the_filter_files_of_the_index_may_differ_between_runs():
    assert not same_bytes_expected("pagefind/filter/en_1234567.pf_filter")
    assert not same_bytes_expected("pagefind/pagefind.en_0123456789.pf_meta")
    assert not same_bytes_expected("pagefind/pagefind-entry.json")
    assert same_bytes_expected("pagefind/fragment/en_1234567.pf_fragment")
    assert same_bytes_expected("pagefind/pagefind.js")
    assert not same_bytes_expected("pagefind/2025-11/filter/en_1234567.pf_filter"), "in a part of the index too"
    assert not same_bytes_expected("pagefind/2025-11/pagefind-entry.json")
    assert same_bytes_expected("pagefind/2025-11/fragment/en_1234567.pf_fragment")
    assert same_bytes_expected("pagefind/shards.json")
    assert same_bytes_expected("2025/11/07/x/index.html")
