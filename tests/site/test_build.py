"""Basic build behaviour: the pages exist, failures leave site/ alone, bad content is named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import write_config, write_story
from generator.build import build
from generator.config import load_config
from generator.errors import DigestError, ThemeError


def files(site: Path) -> dict[str, bytes]:
    """Return every file under SITE with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def two_stories(project: Path) -> Path:
    """Return a project with two stories on two days."""
    write_story(project, slug="azam-khan-meets-akhilesh", date="2025-11-07T10:15:00+05:30",
                people=["Azam Khan", "Akhilesh Yadav"], places=["Lucknow"], tags=["Politics"],
                body="Azam Khan met Akhilesh Yadav in *Lucknow*.")
    write_story(project, slug="patna-metro", date="2025-11-08T12:30:00+05:30", people=["Nitish Kumar"],
                places=["Patna"], tags=["Transport"], body="The metro completed a trial run.")
    return project


def test_build_makes_every_kind_of_page(two_stories: Path) -> None:
    result = build(load_config(two_stories))
    site = two_stories / "site"
    expected = ["index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", ".nojekyll",
                "2025/11/07/azam-khan-meets-akhilesh/index.html", "2025/11/07/index.html",
                "2025/11/08/patna-metro/index.html", "editions/index.html", "people/index.html",
                "people/azam-khan/index.html", "people/azam-khan/feed.xml", "places/lucknow/index.html",
                "tags/politics/index.html", "tags/transport/feed.xml"]
    for rel in expected:
        assert (site / rel).is_file(), rel
    assert b"<em>Lucknow</em>" in (site / "2025/11/07/azam-khan-meets-akhilesh/index.html").read_bytes()
    assert result.pages["article"] == 2 and result.pages["person"] == 3 and result.pages["news-sitemap"] == 1
    # the index, the sitemap of 2025, and one of the pages with no date (an empty index)
    assert result.pages["sitemap"] == 3 and (site / "sitemap-2025.xml").is_file()
    assert result.written == len(files(site))
    summary = result.summary()
    assert summary.startswith(f"built {sum(result.pages.values())} pages (") and "2 article" in summary
    assert "render" in summary and "read content" in summary  # seconds per named step


@pytest.mark.parametrize("term_feeds", [None, "full"])
def test_term_feeds_carry_summaries_unless_told_full_text(two_stories: Path, term_feeds: str | None) -> None:
    if term_feeds:
        write_config(two_stories, term_feeds=term_feeds)
    build(load_config(two_stories))
    site = two_stories / "site"
    person = (site / "people/azam-khan/feed.xml").read_text(encoding="utf-8")
    assert "<summary>" in person
    assert ("&lt;em&gt;Lucknow&lt;/em&gt;" in person) == (term_feeds == "full")
    assert "&lt;em&gt;Lucknow&lt;/em&gt;" in (site / "feed.xml").read_text(encoding="utf-8")  # always full


def test_paths_of_the_site_are_relative_to_base_path(two_stories: Path) -> None:
    write_config(two_stories, base_url="https://user.github.io/digest/")
    build(load_config(two_stories))
    page = (two_stories / "site/index.html").read_text(encoding="utf-8")
    assert 'href="/digest/2025/11/08/patna-metro/"' in page
    assert "https://user.github.io/digest/sitemap.xml" in (two_stories / "site/robots.txt").read_text()


def test_theme_failure_leaves_site_as_it_was(two_stories: Path) -> None:
    build(load_config(two_stories))
    before = files(two_stories / "site")
    (two_stories / "templates").mkdir()
    (two_stories / "templates/term.html").write_text("{% extends 'base.html' %}{% block main %}"
                                                     "{{ term.no_such_field.name }}{% endblock %}\n")
    with pytest.raises(ThemeError) as caught:
        build(load_config(two_stories))
    assert "term.html" in str(caught.value)
    assert files(two_stories / "site") == before
    assert not (two_stories / ".site.new").exists()


def test_theme_failure_on_first_build_leaves_no_site(two_stories: Path) -> None:
    (two_stories / "templates").mkdir()
    (two_stories / "templates/article.html").write_text("{% block main %}{{ oops( }}{% endblock %}\n")
    with pytest.raises(ThemeError) as caught:
        build(load_config(two_stories))
    problem = caught.value.problems[0]
    assert problem.path.endswith("article.html") and problem.line == 1
    assert not (two_stories / "site").exists() and not (two_stories / ".site.new").exists()


def test_bad_stories_are_each_named_and_the_others_still_built(two_stories: Path) -> None:
    build(load_config(two_stories))
    before = files(two_stories / "site")
    bad_yaml = write_story(two_stories, slug="bad-yaml", body="x")
    bad_yaml.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    bad_date = bad_yaml.with_name("bad-date.md")
    bad_date.write_text("---\ntitle: A title\ndate: next tuesday\n---\nBody.\n", encoding="utf-8")
    no_title = write_story(two_stories, slug="no-title", title="", date="2025-11-09", body="x")
    result = build(load_config(two_stories))
    problems = {Path(p.path).name: p for p in result.problems}
    assert set(problems) == {"bad-yaml.md", "bad-date.md", "no-title.md"}
    assert problems["bad-yaml.md"].line == 2  # the line that opened the list
    assert problems["bad-date.md"].line == 3 and "date" in problems["bad-date.md"].message
    assert "title" in problems["no-title.md"].message
    assert files(two_stories / "site") == before  # the bad stories are left out, the others built
    again = build(load_config(two_stories))
    assert again.up_to_date and again.problems == result.problems  # said again while they stand
    for path in (bad_yaml, bad_date, no_title):
        path.unlink()
    fixed = build(load_config(two_stories))
    assert not fixed.problems and files(two_stories / "site") == before


def test_duplicate_urls_name_both_stories(two_stories: Path) -> None:
    first = write_story(two_stories, slug="same", date="2025-11-07T08:00:00+05:30", body="One.")
    second = first.with_name("other-file.md")
    second.write_text(first.read_text().replace("One.", "Two."))
    (problem,) = build(load_config(two_stories)).problems
    assert "same date and slug" in problem.message and "change one slug" in problem.message
    assert "same.md" in str(problem) and "other-file.md" in str(problem)


def test_two_pages_on_one_file_is_an_error(two_stories: Path) -> None:
    write_config(two_stories, permalinks={"person": "names/{slug}/", "place": "names/{slug}/"})
    write_story(two_stories, slug="same-name", date="2025-11-09T08:00:00+05:30", people=["Patna"], body="x")
    with pytest.raises(DigestError) as caught:
        build(load_config(two_stories))
    assert "site/names/patna/index.html" in str(caught.value) and "person" in str(caught.value)


def test_clean_build_ignores_and_replaces_the_cache(two_stories: Path) -> None:
    build(load_config(two_stories))
    (two_stories / "site/stray.html").write_text("not ours")
    result = build(load_config(two_stories), clean=True)
    assert not result.up_to_date and not (two_stories / "site/stray.html").exists()
    assert build(load_config(two_stories)).up_to_date


def test_unreadable_cache_counts_as_empty(two_stories: Path) -> None:
    build(load_config(two_stories))
    before = files(two_stories / "site")
    for path in (two_stories / ".cache").iterdir():
        path.write_bytes(b"not a pickle")
    result = build(load_config(two_stories))
    assert not result.up_to_date and files(two_stories / "site") == before


def test_empty_content_builds_a_site(project: Path) -> None:
    result = build(load_config(project))
    assert (project / "site/index.html").is_file() and result.pages["article"] == 0


def test_progress_bar_only_when_asked_and_long(two_stories: Path, capsys: pytest.CaptureFixture,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.build

    build(load_config(two_stories), progress=True)  # a tiny build: no bar even when asked
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(generator.build, "PROGRESS_FROM", 1)  # as if it were long
    build(load_config(two_stories), clean=True)
    assert capsys.readouterr().err == ""  # not asked (stderr is no terminal)
    build(load_config(two_stories), clean=True, progress=True)
    err = capsys.readouterr().err
    assert re.search(r"rendering: .*\d+/\d+ ", err) and err.endswith("\r")  # drawn by tqdm, then cleared


def many_stories(root: Path, count: int) -> None:
    """Write COUNT small stories over a few days, sharing a few names."""
    people = ["Azam Khan", "Mayawati", "Nitish Kumar", "Rahul Gandhi", "Sonia Gandhi", "Amit Shah"]
    for i in range(count):
        write_story(root, slug=f"story-{i}", date=f"2025-11-{1 + i % 9:02d}T{i % 24:02d}:00:00+05:30",
                    people=[people[i % 6], people[(i * 7) % 6]], places=["Lucknow" if i % 2 else "Patna"],
                    tags=[f"Topic {i % 11}", "Politics"], body=f"Story {i} *happened*.\n\nMore text.")


def test_parallel_build_equals_one_process_build(project: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import parallel

    many_stories(project, 600)  # enough files and pages for the build to fork workers
    assert parallel.cores() >= 2 or pytest.skip("one core: no workers to compare with")
    monkeypatch.setattr("generator.build.PARALLEL_FROM", 200)  # fork rendering workers for these pages
    asked, run = [], parallel.run
    monkeypatch.setattr(parallel, "run", lambda *args: asked.append(args[3]) or run(*args))
    result = build(load_config(project))
    assert result.pages["article"] == 600 and max(asked) >= 2  # it did fork
    forked = files(project / "site")
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    result = build(load_config(project), clean=True)  # rendered here, its files made by a writing process
    assert files(project / "site") == forked


def test_parallel_reading_reports_bad_files_in_order(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.content import read_sources, scan

    monkeypatch.setattr("generator.content.PARALLEL_FROM", 1)  # fork workers for these few files
    many_stories(project, 520)
    for i in (3, 400):
        path = next((project / "content").rglob(f"story-{i}.md"))
        path.write_text("---\ntitle: [broken\n---\n", encoding="utf-8")
    config = load_config(project)
    serial, forked = (read_sources(config, scan(config), {}, workers=n) for n in (1, 2))
    assert [p.path for p in forked.problems] == [p.path for p in serial.problems]
    assert len(serial.problems) == 2 and list(forked.sources) == list(serial.sources)
    assert forked.sources == serial.sources
    assert all(s.article.body for s in forked.sources.values())  # the Markdown crossed back with its story


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_site_card_macro_overrides_every_list(two_stories: Path) -> None:
    _write(two_stories / "templates" / "partials" / "card.html",
           '{% macro card(item, card_heading=3, card_clock=false) %}<p class="my-card">{{ item.title }} '
           '{{ card_heading }} {{ card_clock }}</p>{% endmacro %}')
    build(load_config(two_stories))
    site = two_stories / "site"
    assert '<p class="my-card">Patna metro 3 False</p>' in (site / "index.html").read_text(encoding="utf-8")
    assert '<p class="my-card">Patna metro 2 True</p>' in (site / "2025/11/08/index.html").read_text(encoding="utf-8")
    assert '<p class="my-card">Patna metro 3 True</p>' in (site / "places/patna/index.html").read_text(encoding="utf-8")
    assert 'class="card"' not in (site / "index.html").read_text(encoding="utf-8")


def test_site_card_written_to_be_included_still_works(two_stories: Path) -> None:
    # a partials/card.html of before macros: a template reading item and the page's own variables
    _write(two_stories / "templates" / "partials" / "card.html",
           '<p class="old-card">{{ item.title }} {{ card_heading }} {{ page_kind }}</p>')
    _write(two_stories / "templates" / "partials" / "terms.html",
           '{% if links %}<p class="old-terms">{{ label }}: {{ links|map(attribute="name")|join(", ") }}</p>{% endif %}')
    build(load_config(two_stories))
    site = two_stories / "site"
    assert '<p class="old-card">Patna metro 2 edition</p>' in (site / "2025/11/08/index.html").read_text(encoding="utf-8")
    assert '<p class="old-card">Patna metro 3 home</p>' in (site / "index.html").read_text(encoding="utf-8")
    article = (site / "2025/11/08/patna-metro/index.html").read_text(encoding="utf-8")
    assert '<p class="old-terms">People: Nitish Kumar</p>' in article


def test_site_page_including_the_default_card_the_old_way(two_stories: Path) -> None:
    # a home.html copied from the theme before cards were macros still includes partials/card.html
    _write(two_stories / "templates" / "home.html",
           '{% extends "base.html" %}{% block main %}{% for group in groups %}{% for item in group["items"] %}'
           '{% with card_heading = 4 %}{% include "partials/card.html" %}{% endwith %}'
           '{% endfor %}{% endfor %}{% endblock %}')
    build(load_config(two_stories))
    home = (two_stories / "site" / "index.html").read_text(encoding="utf-8")
    assert '<h4 class="card-title"><a href="/digest/2025/11/08/patna-metro/">Patna metro</a></h4>' in home


def test_the_collector_is_paused_while_building_and_back_after(two_stories: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import generator.build

    seen = []
    real = generator.build.read_content
    monkeypatch.setattr(generator.build, "read_content", lambda *args: seen.append(gc.isenabled()) or real(*args))
    assert gc.isenabled()
    build(load_config(two_stories))
    assert seen == [False] and gc.isenabled()
    (two_stories / "templates").mkdir()
    (two_stories / "templates" / "article.html").write_text("{% broken", encoding="utf-8")
    with pytest.raises(ThemeError):
        build(load_config(two_stories))
    assert gc.isenabled()  # a failed build gives it back too
