"""Which page groups read each story's text: what a build of text edits remakes (textedit.py)."""

from __future__ import annotations

from types import SimpleNamespace

from generator.planning import Group
from generator.textedit import text_readers

STORIES = [SimpleNamespace(key=k) for k in ("2025/11/07/a", "2025/11/07/b", "2025/11/08/c", "2025/11/08/draft")]
GROUPS = [Group("article:2025/11/07/a", ("2025/11/07/a", "2025/11/08/c"), ("2025/11/07/a",), ((), None, None), list),
          Group("article:2025/11/07/b", ("2025/11/07/b",), ("2025/11/07/b",), ((), None, None), list),
          Group("article:2025/11/08/c", ("2025/11/08/c",), ("2025/11/08/c",), ((), None, None), list),
          Group("feed", ("2025/11/08/c", "2025/11/07/b"), ("2025/11/08/c", "2025/11/07/b"), (), list),
          Group("person:azam-khan", ("2025/11/07/a",), (), ("Azam Khan",), list)]


def test_every_story_has_the_groups_that_read_its_text_a_draft_none() -> None:
    readers = text_readers(STORIES, GROUPS)
    assert [name for name, _, _ in readers["2025/11/08/c"]] == ["article:2025/11/08/c", "feed"]
    assert [name for name, _, _ in readers["2025/11/07/a"]] == ["article:2025/11/07/a"]  # a name's page shows no text
    assert readers["2025/11/08/draft"] == ()


def test_the_entries_of_some_stories_are_theirs_in_the_whole_map() -> None:
    every = text_readers(STORIES, GROUPS)
    only = {"2025/11/08/c", "2025/11/08/draft", "2025/11/06/deleted"}
    assert text_readers(STORIES, GROUPS, only) == {k: v for k, v in every.items() if k in only}
