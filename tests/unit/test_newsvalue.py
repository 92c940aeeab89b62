"""News value: the order of a day's stories, and stories dated too far ahead to lead."""

from __future__ import annotations

import datetime as dt

from generator.models import Article
from generator.newsvalue import archive_counts, coverage, far_ahead, reading_order, settles, values

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def story(slug: str, hour: int = 0, minute: int = 0, people=(), places=(), orgs=(), dateline=None,
          seed=None, day: int = 7, **editor) -> Article:
    """Return a story of 7 November 2025 (or DAY) with the names given."""
    return Article(source=f"content/{slug}.md", slug=slug, title=slug, summary="", body="Text.",
                   date=dt.datetime(2025, 11, day, hour, minute, tzinfo=IST), dateline=dateline,
                   people=tuple(people), places=tuple(places), organisations=tuple(orgs),
                   seed=seed or f"{slug}.txt", **editor)


def order(day, archive=None) -> list[str]:
    return [key.rsplit("/", 1)[1] for key in reading_order(day, archive_counts(archive or day))]


def test_a_story_the_wires_keep_returning_to_leads() -> None:
    day = [story("a-quiet-story", people=["Zoya Akhtar"]),
           story("b-follow-up", people=["Azam Khan"]), story("c-reaction", orgs=["Samajwadi Party"]),
           story("z-the-meeting", people=["Azam Khan", "Akhilesh Yadav"], orgs=["Samajwadi Party"])]
    assert coverage(day) == [0, 1, 1, 2]
    assert order(day) == ["z-the-meeting", "b-follow-up", "c-reaction", "a-quiet-story"]


def test_a_shared_dateline_is_no_shared_story() -> None:
    day = [story("a", places=["Lucknow"], dateline="Lucknow"), story("b", places=["Lucknow"], dateline="Lucknow"),
           story("c", places=["Rampur", "Bihar"], dateline="Rampur"), story("d", places=["Bihar"], dateline="Patna")]
    assert coverage(day) == [0, 0, 0.5, 0.5]  # two stories filed from Lucknow; two naming Bihar


def test_a_shared_place_weighs_half_a_shared_person_or_organisation() -> None:
    # the day's copy names the United States everywhere; the story the wires return to is the one
    # whose people and organisations recur, not the one naming the most countries
    day = [story("a-countries", places=["United States", "Japan", "West Germany"]),
           story("b", places=["United States"]), story("c", places=["Japan"]), story("d", places=["West Germany"]),
           story("e-resignation", people=["Paul Volcker"], orgs=["Federal Reserve"], places=["United States"]),
           story("f", people=["Paul Volcker"]), story("g", orgs=["Federal Reserve"])]
    assert coverage(day)[0] == 2.0 and coverage(day)[4] == 2 + 0.5 * 2  # f, g; and b, a by place
    assert order(day)[0] == "e-resignation"


def test_prominence_of_what_it_names_breaks_a_tie_of_coverage() -> None:
    day = [story("a", people=["Zoya Akhtar"]), story("b", people=["Mayawati"])]
    archive = day + [story(f"old-{i}", day=1, people=["Mayawati"]) for i in range(3)]
    assert [v.prominence for v in values(day, archive_counts(archive))] == [1, 4]
    assert order(day, archive) == ["b", "a"]


def test_then_the_later_time_then_the_wire() -> None:
    day = [story("a", seed="002.txt"), story("b", seed="001.txt"), story("c", 14, 30), story("d", 9, 5)]
    assert order(day) == ["c", "d", "b", "a"]  # times given first, later first; the rest in wire order


def test_an_editor_overrides_news_value() -> None:
    day = [story("a", people=["Azam Khan"]), story("b", people=["Azam Khan"]), story("c"),
           story("d", priority=2), story("e", lead=True), story("f", priority=-1, people=["Azam Khan"])]
    assert order(day) == ["e", "d", "a", "b", "c", "f"]


def test_describe_says_why_a_story_leads() -> None:
    (value,) = values([story("a", 14, 30, people=["Azam Khan"], lead=True, priority=1)], {"Azam Khan": 5})
    assert value.describe() == "lead: true, priority 1, coverage 0 that day, names in 5 stories, time 14:30, wire a.txt"


def test_dates_more_than_a_day_ahead() -> None:
    now = dt.datetime(2025, 11, 7, 12, 0, tzinfo=IST)
    stories = [story("today", 12), story("tomorrow", day=8, hour=11), story("next-week", day=14), story("later", day=9)]
    assert [a.slug for a in far_ahead(stories, now)] == ["later", "next-week"]
    assert settles(far_ahead(stories, now)) == dt.datetime(2025, 11, 8, tzinfo=IST)
    assert settles(()) is None
