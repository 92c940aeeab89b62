"""Edits to the names a story is filed under (people, places, organisations, tags): after each,
site/ is byte for byte what a clean build makes, and the pages the names lead to follow."""

from __future__ import annotations

from pathlib import Path

from conftest import write_story
from test_incremental import assert_same_as_clean, digest, edit_meta, rebuild, story_path  # noqa: F401 (fixture)


def page(project: Path, rel: str) -> str:
    """Return the text of a page of PROJECT's site."""
    return (project / "site" / rel).read_text(encoding="utf-8")


def test_tag_change_moves_the_story_between_tag_pages(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "bihar-campaign"), tags=["Politics", "Transport"])
    result = rebuild(digest)
    assert {"tags/transport/index.html", "tags/bihar-elections/index.html"} <= set(result.changed)
    assert "bihar-campaign" in page(digest, "tags/transport/index.html")
    assert "bihar-campaign" not in page(digest, "tags/bihar-elections/index.html")
    assert_same_as_clean(digest, tmp_path)


def test_place_change_moves_the_story_between_place_pages(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "patna-metro", "2025-11-08"), places=["Bihar"])
    result = rebuild(digest)
    assert "places/bihar/index.html" in result.changed
    assert "patna-metro" in page(digest, "places/bihar/index.html")
    assert_same_as_clean(digest, tmp_path)


def test_person_new_to_the_site_gets_a_page_and_an_index_entry(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "flood-relief"), people=["Azam Khan", "Priya Nair"])
    result = rebuild(digest)
    assert {"people/priya-nair/index.html", "people/priya-nair/feed.xml", "people/index.html"} <= set(result.changed)
    assert "Priya Nair" in page(digest, "people/index.html")
    assert "Priya Nair" in page(digest, "people/azam-khan/index.html")  # named with him now
    assert_same_as_clean(digest, tmp_path)


def test_tag_new_to_the_site_gets_a_page(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "patna-metro", "2025-11-08"), tags=["Transport", "Metro rail"])
    result = rebuild(digest)
    assert {"tags/metro-rail/index.html", "tags/index.html"} <= set(result.changed)
    assert_same_as_clean(digest, tmp_path)


def test_last_story_of_a_person_leaving_removes_the_page(digest: Path, tmp_path: Path) -> None:
    assert (digest / "site/people/yogi-adityanath/index.html").is_file()
    edit_meta(story_path(digest, "yogi-reviews-law-and-order", "2025-11-09"), people=["Mayawati"])
    result = rebuild(digest)
    assert result.removed >= 2  # the page and its feed
    assert not (digest / "site/people/yogi-adityanath").exists()
    assert "Yogi Adityanath" not in page(digest, "people/index.html")
    assert_same_as_clean(digest, tmp_path)


def test_last_story_of_a_tag_leaving_removes_the_page(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "flood-relief"), tags=["Politics"])
    rebuild(digest)
    assert not (digest / "site/tags/floods").exists()
    assert "Floods" not in page(digest, "tags/index.html")
    assert_same_as_clean(digest, tmp_path)


def test_another_spelling_of_a_name_files_under_the_same_page(digest: Path, tmp_path: Path) -> None:
    # one name in two spellings is one page, shown in its commonest spelling; ties go to the first in order
    edit_meta(story_path(digest, "flood-relief"), people=["Azam Khán"])
    rebuild(digest)
    assert not (digest / "site/people/azam-khan-2").exists()
    assert_same_as_clean(digest, tmp_path)
    for slug, date in (("azam-khan-meets-akhilesh", "2025-11-07"), ("same-day-same-time", "2025-11-09")):
        edit_meta(story_path(digest, slug, date), people=["Azam Khán"])  # now the commonest spelling
    rebuild(digest)
    assert "Azam Khán" in page(digest, "people/azam-khan/index.html")
    assert_same_as_clean(digest, tmp_path)


def test_two_names_making_one_slug_both_keep_a_page(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "flood-relief"), people=["Azam Khan", "李明"])
    rebuild(digest)
    assert_same_as_clean(digest, tmp_path)
    edit_meta(story_path(digest, "patna-metro", "2025-11-08"), people=["Nitish Kumar", "黎明"])
    rebuild(digest)
    assert_same_as_clean(digest, tmp_path)
    edit_meta(story_path(digest, "flood-relief"), people=["Azam Khan"])  # the first of them goes again
    rebuild(digest)
    assert_same_as_clean(digest, tmp_path)


def test_a_name_counted_once_more_reorders_another_day(digest: Path, tmp_path: Path) -> None:
    # two stories of a day alike in all but whom they name: the one naming the person named in more
    # stories of the archive comes first, so an edit on another day can reorder this one
    for slug in ("x-rahul-speaks", "y-sonia-speaks"):
        write_story(digest, slug=slug, date="2025-11-10T09:00:00+05:30",
                    people=["Rahul Gandhi" if slug.startswith("x") else "Sonia Gandhi"], body="A speech.")
    rebuild(digest)
    day = page(digest, "2025/11/10/index.html")
    assert day.index("x-rahul-speaks") < day.index("y-sonia-speaks")
    edit_meta(story_path(digest, "patna-metro", "2025-11-08"), people=["Nitish Kumar", "Sonia Gandhi"])
    result = rebuild(digest)
    day = page(digest, "2025/11/10/index.html")
    assert day.index("y-sonia-speaks") < day.index("x-rahul-speaks")
    assert "2025/11/10/index.html" in result.changed
    assert_same_as_clean(digest, tmp_path)


def test_names_of_several_stories_changed_at_once(digest: Path, tmp_path: Path) -> None:
    edit_meta(story_path(digest, "flood-relief"), people=["Mayawati"], places=["Lucknow"])
    edit_meta(story_path(digest, "tejashwi-promises-jobs", "2025-11-09"), people=["Tejashwi Yadav"],
              tags=["Bihar elections"], organisations=["Rashtriya Janata Dal"])
    result = rebuild(digest)
    assert {"people/mayawati/index.html", "organisations/rashtriya-janata-dal/index.html"} <= set(result.changed)
    assert_same_as_clean(digest, tmp_path)


def cache_parts(project: Path) -> dict[str, dict]:
    """Return the sharded parts of PROJECT's build cache as the next build reads them (stories by their key)."""
    from generator.cache import BuildCache, State

    stamp = next(iter(load_stamps(project)))
    cache = BuildCache(project / ".cache", stamp, State())
    sources = cache.read("sources")
    return {"groups": cache.read("groups"), "readers": cache.read("readers"),
            "sources": {s.key: (path, s.article, s.meta, s.body) for path, s in sources.items()}}


def load_stamps(project: Path) -> set[str]:
    """Return the stamps the files of PROJECT's build cache carry."""
    import pickle

    return {pickle.loads(path.read_bytes())[1] for path in (project / ".cache").glob("*.pickle")}


def test_the_cache_after_name_edits_holds_what_a_clean_builds_does(digest: Path, tmp_path: Path) -> None:
    from conftest import write_config
    from test_incremental import clean_build

    write_config(digest, feed_size=2)  # the site's feed, which reads the newest stories' text, leaves most edits alone
    rebuild(digest)
    edits = [("flood-relief", "2025-11-07", dict(people=["Mayawati", "Priya Nair"])),
             ("yogi-reviews-law-and-order", "2025-11-09", dict(people=["Mayawati"], tags=["Courts"])),
             ("patna-metro", "2025-11-08", dict(draft=True)),
             ("bihar-campaign", "2025-11-07", dict(organisations=["Janata Dal (United)"], places=["Patna"])),
             ("patna-metro", "2025-11-08", dict(draft=False, people=[]))]
    for number, (slug, date, changes) in enumerate(edits):
        edit_meta(story_path(digest, slug, date), **changes)
        rebuild(digest)
        clean_build(digest, tmp_path / str(number))
        assert len(load_stamps(digest)) == 1
        mine, clean = cache_parts(digest), cache_parts(tmp_path / str(number))
        for part in mine:
            assert mine[part] == clean[part], (number, part)


def test_the_cache_keeps_no_markdown_and_a_lost_html_is_made_again_from_the_file(digest: Path, tmp_path: Path) -> None:
    # stories are cached without their text (its HTML is kept by its hash): a page needing the HTML of a
    # story whose HTML went missing reads the story's file again
    stories = b"".join(path.read_bytes() for path in (digest / ".cache").glob("sources-*.pickle"))
    assert b"Relief reached 40 villages" not in stories and b"flood-relief" in stories
    for path in (digest / ".cache").glob("markdown-*.pickle"):
        path.unlink()
    edit_meta(story_path(digest, "tejashwi-promises-jobs", "2025-11-09"), people=["Tejashwi Yadav", "Priya Nair"])
    rebuild(digest)
    assert b"Relief reached 40 villages" in (digest / "site/feed.xml").read_bytes()
    assert_same_as_clean(digest, tmp_path)


def test_a_name_whose_stories_did_not_change_is_not_even_keyed(digest: Path, tmp_path: Path, monkeypatch) -> None:
    from generator import incremental

    keyed: list[str] = []

    def spy(job, groups):
        keyed.extend(group.name for group in groups)
        return group_keys(job, groups)

    group_keys = incremental.group_keys
    monkeypatch.setattr(incremental, "group_keys", spy)
    edit_meta(story_path(digest, "patna-metro", "2025-11-08"), tags=["Transport", "Floods"])
    rebuild(digest)
    # the names of the edited story, and the name it joined, are keyed again; a name it has nothing to do with is not
    assert {"tag:floods", "tag-feed:floods", "tag:transport", "person:nitish-kumar", "place:patna"} <= set(keyed)
    assert not {"person:mayawati", "person-feed:mayawati", "tag:by-elections", "place:lucknow"} & set(keyed)
    assert_same_as_clean(digest, tmp_path)


def test_a_name_edit_looks_for_site_s_files_in_a_second_process_and_makes_a_lost_one_again(
        digest: Path, tmp_path: Path, monkeypatch) -> None:
    from generator import build, changes

    def not_here(*args):
        raise AssertionError("site/ was looked at in the build's own process")

    monkeypatch.setattr(changes, "FORK_FROM", 0)  # as in a large site
    monkeypatch.setattr(build, "FORK_FROM", 0)
    monkeypatch.setattr(build, "all_present", not_here)
    (digest / "site/people/mayawati/index.html").unlink()
    edit_meta(story_path(digest, "patna-metro", "2025-11-08"), people=["Nitish Kumar", "Priya Nair"])
    result = rebuild(digest)
    assert {"people/mayawati/index.html", "people/priya-nair/index.html"} <= set(result.changed)
    monkeypatch.undo()
    assert_same_as_clean(digest, tmp_path)
