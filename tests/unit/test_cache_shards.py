"""Which shard of the build cache holds what: an edit reads and rewrites few files."""

from __future__ import annotations

from generator.cacheshards import shard_name


def test_a_name_s_pages_and_feed_share_one_shard() -> None:
    for kind in ("person", "place", "organisation", "tag"):
        names = [f"{kind}:charles-wilson", f"{kind}-feed:charles-wilson"]
        names += [f"{kind}:charles-wilson:{n}" for n in range(1, 40)]
        assert len({shard_name("groups", name) for name in names}) == 1, kind


def test_a_day_s_story_pages_and_edition_pages_each_share_one_shard() -> None:
    stories = {shard_name("groups", f"article:2025/11/07/story-{n}") for n in range(30)}
    editions = {shard_name("groups", name) for name in ["edition:2025-11-07"] + [f"edition:2025-11-07:{n}" for n in range(1, 9)]}
    assert len(stories) == len(editions) == 1


def test_other_groups_and_other_names_spread_over_the_shards() -> None:
    names = [f"person:someone-{n}" for n in range(200)] + [f"home:{n}" for n in range(200)]
    assert len({shard_name("groups", name) for name in names}) > 100
