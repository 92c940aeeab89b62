"""The live preview's rebuilds on small projects: stories, templates, config and seeds, good and bad."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from conftest import REAL_SEED, write_story
from generator.config import load_config
from generator.errors import Problem
from generator.preview import Change, Preview, classify, where

STORY = Path("content/articles/2025/11/07/a-story.md")


def preview_of(root: Path, **overrides: str) -> Preview:
    """Return a preview of ROOT that prints into strings."""
    return Preview(load_config(root, overrides), overrides, out=io.StringIO(), err=io.StringIO())


def page(root: Path, url_path: str) -> str:
    return (root / "site" / url_path / "index.html").read_text(encoding="utf-8")


def site_texts(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root / "site")): p.read_text(encoding="utf-8", errors="replace")
            for p in (root / "site").rglob("*") if p.is_file()}


def test_classify_sorts_config_seeds_and_the_rest(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "new.txt").write_text(" date 2025-11-07 x")
    change = classify(tmp_path, [tmp_path / "config.yaml", tmp_path / "seeds" / "new.txt",
                                 tmp_path / "seeds" / "gone.txt", tmp_path / "seeds" / "README.md",
                                 tmp_path / STORY])
    assert change == Change(config=True, seeds=(tmp_path / "seeds" / "new.txt",),
                            gone_seeds=(tmp_path / "seeds" / "gone.txt",))
    assert classify(tmp_path, [tmp_path / STORY]) == Change(config=False, seeds=(), gone_seeds=())


def test_where_names_files_from_the_project_folder(tmp_path: Path) -> None:
    seed = tmp_path / "seeds" / "bad.txt"
    assert where(Problem("bad.txt", "has no date line", 1), tmp_path, [seed]).path == "seeds/bad.txt"
    assert where(Problem(str(tmp_path / "templates" / "a.html"), "x", 2), tmp_path).path == "templates/a.html"
    assert where(Problem("content/x.md", "x"), tmp_path).path == "content/x.md"


def test_start_builds_and_a_saved_story_is_rebuilt(project: Path) -> None:
    story = write_story(project, "a-story", body="The first text.")
    preview = preview_of(project)
    preview.start()
    assert "The first text." in page(project, "2025/11/07/a-story")
    write_story(project, "a-story", body="The second text.")
    preview.rebuild([story])
    assert "The second text." in page(project, "2025/11/07/a-story")
    assert preview.problems == ()
    assert "rebuilt in" in preview.out.getvalue()


def test_a_deleted_story_disappears_from_every_page(project: Path) -> None:
    meta = dict(people=["Azam Khan"], places=["Rampur"], tags=["Floods"])
    write_story(project, "kept-story", title="The kept story", **meta)
    gone = write_story(project, "gone-story", title="The vanishing story", **meta)
    preview = preview_of(project)
    preview.start()
    before = [name for name, text in site_texts(project).items() if "vanishing story" in text]
    assert len(before) >= 5  # its page, home, edition, person, place, tag, feeds
    gone.unlink()
    preview.rebuild([gone])
    assert preview.problems == ()
    assert [name for name, text in site_texts(project).items()
            if "vanishing story" in text or "gone-story" in text] == []
    assert "The kept story" in page(project, "people/azam-khan")


def test_broken_front_matter_shows_until_fixed(project: Path) -> None:
    story = write_story(project, "a-story", body="Good text.")
    good = story.read_text(encoding="utf-8")
    preview = preview_of(project)
    preview.start()
    story.write_text(good.replace("title: ", "title: [unclosed ", 1), encoding="utf-8")
    preview.rebuild([story])
    assert [p.path for p in preview.problems] == [str(STORY)]
    assert preview.problems[0].line is not None
    assert f"error: {preview.problems[0]}" in preview.err.getvalue()
    assert not (project / "site/2025/11/07/a-story").exists()  # left out; the error page shows instead
    story.write_text(good.replace("Good text.", "Fixed text."), encoding="utf-8")
    preview.rebuild([story])
    assert preview.problems == ()
    assert "Fixed text." in page(project, "2025/11/07/a-story")
    assert "fixed: the site builds again" in preview.out.getvalue()


def test_a_template_error_names_the_template_and_its_line(project: Path) -> None:
    write_story(project, "a-story")
    preview = preview_of(project)
    preview.start()
    template = project / "templates" / "article.html"
    template.parent.mkdir()
    template.write_text("{% extends '!parent/article.html' %}\n{% block main %}{% if %}{% endblock %}\n")
    preview.rebuild([template])
    assert [(p.path, p.line) for p in preview.problems] == [("templates/article.html", 2)]
    template.write_text("{% extends '!parent/article.html' %}\n{% block footer %}Overridden footer{% endblock %}\n")
    preview.rebuild([template])
    assert preview.problems == ()
    assert "Overridden footer" in page(project, "2025/11/07/a-story")


def test_a_config_change_is_read_again_and_rebuilds_everything(project: Path) -> None:
    write_story(project, "a-story")
    preview = preview_of(project)
    preview.start()
    config = project / "config.yaml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "title: [unclosed\n", encoding="utf-8")
    preview.rebuild([config])
    assert [p.path for p in preview.problems] == ["config.yaml"] and preview.problems[0].line
    story = write_story(project, "a-story", body="Saved while the config was broken.")
    preview.rebuild([story])
    assert [p.path for p in preview.problems] == ["config.yaml"]  # still broken: no build
    config.write_text(good.replace("Test Digest", "Renamed Digest"), encoding="utf-8")
    preview.rebuild([config])
    assert preview.problems == ()
    assert "Renamed Digest" in page(project, "2025/11/07/a-story")
    assert "Saved while the config was broken." in page(project, "2025/11/07/a-story")


def test_a_base_url_override_survives_a_config_reload(project: Path) -> None:
    write_story(project, "a-story")
    preview = preview_of(project, base_url="http://127.0.0.1:8000/other/")
    preview.start()
    preview.rebuild([project / "config.yaml"])
    assert preview.config.base_path == "/other/"
    assert 'href="/other/2025/11/07/a-story/"' in page(project, "")


def test_a_bad_seed_shows_until_fixed_or_deleted(project: Path) -> None:
    write_story(project, "a-story")
    preview = preview_of(project)
    preview.start()
    bad = project / "seeds" / "bad.txt"
    bad.write_text("No date line at all, just copy.\n")
    preview.rebuild([bad])
    assert [p.path for p in preview.problems] == ["seeds/bad.txt"]
    assert "error: seeds/bad.txt" in preview.err.getvalue()
    bad.unlink()
    preview.rebuild([bad])
    assert preview.problems == ()


def test_a_changed_seed_is_ingested_and_hand_edits_are_kept(seeded_project: Path) -> None:
    seed = seeded_project / "seeds" / REAL_SEED.name
    preview = preview_of(seeded_project)
    preview.start()
    preview.rebuild([seed])
    stories = list((seeded_project / "content").rglob("*.md"))
    assert len(stories) == 1 and preview.problems == ()
    story = stories[0]
    edited = story.read_text(encoding="utf-8").replace("title: ", "title: Hand-edited headline, ", 1)
    story.write_text(edited, encoding="utf-8")
    preview.rebuild([story])
    shutil.copy(REAL_SEED, seed)
    with seed.open("a", encoding="utf-8") as handle:
        handle.write("\nA paragraph the agency added later.\n")
    preview.rebuild([seed])
    assert story.read_text(encoding="utf-8") == edited
    assert "kept" in preview.err.getvalue()
    assert preview.problems == ()
    assert "Hand-edited headline" in page(seeded_project, "2025/11/07/" + story.stem)


def test_a_project_that_does_not_build_at_start_is_served_with_its_problems(project: Path) -> None:
    story = write_story(project, "a-story")
    story.write_text("no front matter here\n", encoding="utf-8")
    preview = preview_of(project)
    preview.start()
    assert [(p.path, p.line) for p in preview.problems] == [(str(STORY), 1)]
    assert preview.generation == 1
    write_story(project, "a-story", body="Now it builds.")
    preview.rebuild([story])
    assert preview.problems == () and preview.generation == 2
    assert "Now it builds." in page(project, "2025/11/07/a-story")


def test_a_crash_in_the_build_is_shown_and_the_preview_goes_on(project: Path, monkeypatch) -> None:
    story = write_story(project, "a-story")
    preview = preview_of(project)
    preview.start()

    def broken_build(config, **how):
        raise KeyError("a bug")

    monkeypatch.setattr("generator.preview.build", broken_build)
    preview.rebuild([story])
    assert [p.path for p in preview.problems] == ["digest"]
    assert "the build crashed (KeyError" in str(preview.problems[0])
    assert "Traceback" in preview.err.getvalue()
    monkeypatch.undo()
    preview.rebuild([story])
    assert preview.problems == ()
