"""Which part of the search index a story goes in: a year, split into months, thirds and days while big."""

from __future__ import annotations

import datetime as dt

from generator.shards import plan


def days(*spans: tuple[str, int]) -> dict[str, dt.date]:
    """Return COUNT stories on each day given, keyed as the site keys them."""
    found = {}
    for day, count in spans:
        for n in range(count):
            found[f"{day.replace('-', '/')}/story-{n}"] = dt.date.fromisoformat(day)
    return found


def sizes(parts: dict[str, list[str]]) -> dict[str, int]:
    return {name: len(keys) for name, keys in parts.items()}


def test_a_small_archive_is_one_part_a_year_newest_first():
    assert sizes(plan(days(("2024-12-31", 2), ("2025-01-01", 3), ("2025-11-07", 1)))) == {"2025": 4, "2024": 2}


def test_a_big_year_splits_into_months_and_a_big_month_into_thirds():
    stories = days(("2025-10-02", 3), ("2025-11-01", 2), ("2025-11-10", 2), ("2025-11-11", 1), ("2025-11-30", 2),
                   ("2024-05-05", 4))
    assert sizes(plan(stories, limit=5)) == {"2025-11-21": 2, "2025-11-11": 1, "2025-11-01": 4, "2025-10": 3,
                                             "2024": 4}


def test_a_big_third_splits_into_days_and_a_day_is_never_split():
    stories = days(("2025-11-22", 4), ("2025-11-23", 9))
    assert sizes(plan(stories, limit=5)) == {"2025-11-23": 9, "2025-11-22": 4}


def test_each_part_keeps_the_order_it_was_given_and_no_story_is_lost():
    stories = days(("2025-11-07", 3), ("2025-11-08", 4))
    order = sorted(stories, reverse=True)
    parts = plan({k: stories[k] for k in order}, limit=5)
    assert sorted(k for keys in parts.values() for k in keys) == sorted(stories)
    assert all(keys == [k for k in order if k in keys] for keys in parts.values())


def test_a_story_s_part_depends_on_its_period_only():
    """An edit, or a story added in another period, leaves every other part's stories as they were."""
    before = plan(days(("2025-10-02", 3), ("2025-11-01", 2), ("2025-11-12", 4)), limit=5)
    after = plan(days(("2025-10-02", 3), ("2025-11-01", 2), ("2025-11-12", 4), ("2025-11-25", 1)), limit=5)
    assert {k: v for k, v in after.items() if k != "2025-11-21"} == before
