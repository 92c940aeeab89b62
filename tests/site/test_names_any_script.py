"""URLs for any script: names with no Latin letters get pages of their own, clashing slugs distinct URLs
and a warning, output paths that differ only in case a warning."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import write_config, write_story
from generator.build import build
from generator.config import load_config
from generator.locate import locate

NAMES = ["अखिलेश यादव", "习近平", "Владимир Путин", "Akhilesh Yadav"]


def test_names_in_other_scripts_get_pages_of_their_own(project: Path) -> None:
    write_story(project, "summit", people=NAMES, places=["नई दिल्ली", "北京"], tags=["राजनीति"])
    result = build(load_config(project))
    assert not result.problems and not result.warnings
    people = sorted(p.parent.name for p in (project / "site/people").glob("*/index.html"))
    assert people == ["akhiles-yadv", "akhilesh-yadav", "vladimir-putin", "xi-jin-ping"]
    assert not (project / "site/people/untitled").exists() and not (project / "site/places/untitled").exists()
    page = (project / "site/people/xi-jin-ping/index.html").read_text(encoding="utf-8")
    assert "<h1>习近平</h1>" in page or ">习近平<" in page
    story = (project / "site/2025/11/07/summit/index.html").read_text(encoding="utf-8")
    for slug in people:
        assert f'href="/digest/people/{slug}/"' in story
    for path in (project / "site").rglob("*"):  # plain ASCII paths: GitHub Pages serves them as they are
        assert re.fullmatch(r"[a-z0-9./_-]+", path.relative_to(project / "site").as_posix()), path
    found = locate(project / "site", "/digest/", "/digest/people/xi-jin-ping/")
    assert found.file == (project / "site/people/xi-jin-ping/index.html").resolve()


def test_two_names_that_make_one_slug_get_two_pages_and_a_warning(project: Path) -> None:
    write_story(project, "one", people=["李明"], body="One.")
    write_story(project, "two", date="2025-11-08T00:00:00+05:30", people=["黎明", "Li-Ming"], body="Two.")
    result = build(load_config(project))
    pages = sorted(p.parent.name for p in (project / "site/people").glob("*/index.html"))
    assert len(pages) == 3 and "li-ming" in pages, pages  # 'Li-Ming' and '李明' and '黎明' are three names
    warnings = [str(w) for w in result.warnings if "same URL" in w.message]
    assert len(warnings) == 2 and all("/digest/people/li-ming-" in w for w in warnings), warnings
    two = (project / "site/2025/11/08/two/index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="/digest/people/([^"/]+)/"', two))
    assert len(links) == 2 and links <= set(pages)


def test_spellings_of_one_name_share_its_page(project: Path) -> None:
    write_story(project, "one", people=["Akhilesh Yadav"], body="One.")
    write_story(project, "two", date="2025-11-08T00:00:00+05:30", people=["akhilesh yadav"], body="Two.")
    result = build(load_config(project))
    assert not result.warnings
    assert [p.parent.name for p in (project / "site/people").glob("*/index.html")] == ["akhilesh-yadav"]


def test_a_spelling_whose_own_slug_differs_links_to_the_shared_page(project: Path) -> None:
    # 'Manuel Azpur-ua' (a line break mended badly) is one name with 'Manuel Azpurua', whose page it shares;
    # slugified alone it would make manuel-azpur-ua, a page that does not exist
    write_story(project, "one", people=["Manuel Azpurua"], body="One.")
    write_story(project, "two", date="2025-11-08T00:00:00+05:30", people=["Manuel Azpurua"], body="Two.")
    write_story(project, "three", date="2025-11-09T00:00:00+05:30", people=["Manuel Azpur-ua"], body="Three.")
    result = build(load_config(project))
    assert not result.warnings
    assert [p.parent.name for p in (project / "site/people").glob("*/index.html")] == ["manuel-azpurua"]
    three = (project / "site/2025/11/09/three/index.html").read_text(encoding="utf-8")
    assert 'href="/digest/people/manuel-azpurua/"' in three and "manuel-azpur-ua" not in three


def test_output_paths_that_differ_only_in_case_are_reported(project: Path) -> None:
    write_config(project, permalinks={"person": "Names/{slug}/", "tag": "names/{slug}/"})
    write_story(project, "one", people=["Azam Khan"], tags=["Azam Khan"])
    result = build(load_config(project))
    (warning,) = [w for w in result.warnings if "only in case" in w.message]
    assert "site/Names/azam-khan/index.html" in warning.message and "site/names/azam-khan/index.html" in warning.message


def test_a_slug_longer_than_80_characters_is_shortened_and_the_others_built(project: Path) -> None:
    long = "-".join(["headline"] * 15)
    write_story(project, long, title="A long headline")
    write_story(project, long + "-again", title="Another long headline")
    write_story(project, "short")
    result = build(load_config(project))
    assert not result.problems
    day = sorted(p.name for p in (project / "site/2025/11/07").iterdir() if p.is_dir() and p.name != "page")  # the edition's pages
    assert len(day) == 3 and "short" in day and all(len(name) <= 80 for name in day)
