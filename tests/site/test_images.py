"""A story's picture: copied beside its page, shown on it and on cards, in its head; a missing file is named."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import png, write_config, write_story
from generator.build import build
from generator.check import check
from generator.config import load_config

PICTURE = re.compile(r'src="(/digest/2025/11/07/floods/floods\.[0-9a-f]{10}\.png)"')


def with_picture(project: Path, **meta) -> Path:
    """Write a story with a picture beside it and one without; return the story's path."""
    story = write_story(project, slug="floods", image="floods.png", image_alt="Boats on a flooded street",
                        people=["Azam Khan"], **meta)
    (story.parent / "floods.png").write_bytes(png(64, 36))
    write_story(project, slug="plain", people=["Azam Khan"])
    return story


def read(project: Path, rel: str) -> str:
    return (project / "site" / rel).read_text(encoding="utf-8")


def test_a_picture_is_copied_beside_its_page_and_shown_with_its_alt_text(project: Path) -> None:
    with_picture(project)
    result = build(load_config(project))
    assert not result.problems
    page = read(project, "2025/11/07/floods/index.html")
    (src,) = set(PICTURE.findall(page))
    assert (project / "site" / src.removeprefix("/digest/")).read_bytes() == png(64, 36)
    assert '<figure class="story-image">' in page and 'alt="Boats on a flooded street"' in page
    assert f'<meta property="og:image" content="http://127.0.0.1:8000{src}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert src in read(project, "people/azam-khan/index.html")  # its card, on every list
    # the day's lead: its picture is the edition's, shared
    assert f'<meta property="og:image" content="http://127.0.0.1:8000{src}">' in read(project, "2025/11/07/index.html")


def test_a_story_without_a_picture_writes_no_image_tag(project: Path) -> None:
    with_picture(project)
    build(load_config(project))
    page = read(project, "2025/11/07/plain/index.html")
    assert "og:image" not in page and "twitter:image" not in page and "<figure" not in page
    assert '<meta name="twitter:card" content="summary">' in page and '"image"' not in page


def test_a_picture_on_the_web_is_used_as_it_is(project: Path) -> None:
    write_story(project, slug="remote", image="https://img.example.org/a.jpg", image_alt="A crowd")
    build(load_config(project))
    page = read(project, "2025/11/07/remote/index.html")
    assert 'src="https://img.example.org/a.jpg" alt="A crowd"' in page
    assert '"image": ["https://img.example.org/a.jpg"]' in page.replace('":[', '": [')


def test_a_missing_picture_names_the_story_and_line_and_the_others_are_built(project: Path) -> None:
    story = with_picture(project)
    (story.parent / "floods.png").unlink()
    result = build(load_config(project))
    (problem,) = result.problems
    line = story.read_text().split("\n").index("image: floods.png") + 1
    assert (problem.path, problem.line) == ("content/articles/2025/11/07/floods.md", line)
    assert "image: floods.png is not there" in problem.message
    assert (project / "site/2025/11/07/plain/index.html").is_file()
    assert not (project / "site/2025/11/07/floods").exists()
    # said again while nothing changed; gone once the picture is there
    assert build(load_config(project)).problems == [problem]
    (story.parent / "floods.png").write_bytes(png(64, 36))
    assert not build(load_config(project)).problems
    assert (project / "site/2025/11/07/floods/index.html").is_file()


def test_an_edited_picture_gets_a_new_url_on_every_page_that_shows_it(project: Path) -> None:
    story = with_picture(project)
    write_story(project, slug="elsewhere", date="2025-11-09T00:00:00+05:30")
    build(load_config(project))
    before = set(PICTURE.findall(read(project, "people/azam-khan/index.html")))
    (story.parent / "floods.png").write_bytes(png(64, 36, (200, 120, 0)))
    result = build(load_config(project))
    after = set(PICTURE.findall(read(project, "people/azam-khan/index.html")))
    assert before != after and len(after) == 1
    assert set(PICTURE.findall(read(project, "2025/11/07/floods/index.html"))) == after
    assert "2025/11/09/elsewhere/index.html" not in result.changed  # its page does not show the picture
    old = project / "site" / before.pop().removeprefix("/digest/")
    assert not old.exists()  # the copy of the old picture goes


def test_a_picture_from_the_project_folder_and_check_names_bad_values(project: Path) -> None:
    (project / "images").mkdir()
    (project / "images" / "map.png").write_bytes(png(32, 32))
    write_story(project, slug="mapped", image="/images/map.png", image_alt="A map")
    write_story(project, slug="bad", image="../../secret.png")
    write_story(project, slug="text", image="notes.txt")
    write_story(project, slug="typo", image="https://img.example.org/a.jpg", imag_alt="A crowd")
    found = check(load_config(project))
    messages = sorted(str(p) for p in found.problems)
    assert any("bad.md:" in m and "image: '../../secret.png' must not leave the project" in m for m in messages)
    assert any("text.md:" in m and "image: 'notes.txt' is not a picture" in m for m in messages)
    assert any("typo.md:" in m and "imag_alt: unknown key, ignored; did you mean 'image_alt'?" in m for m in messages)
    assert not any("mapped.md" in m for m in messages)
    build(load_config(project))
    assert re.search(r'src="/digest/2025/11/07/mapped/map\.[0-9a-f]{10}\.png" alt="A map"',
                     read(project, "2025/11/07/mapped/index.html"))


def test_a_picture_without_alt_text_is_shown_and_warned_about(project: Path) -> None:
    story = write_story(project, slug="floods", image="https://img.example.org/a.jpg")
    result = build(load_config(project))
    (warning,) = result.warnings
    assert (warning.path, warning.severity) == ("content/articles/2025/11/07/floods.md", "warning")
    assert warning.line == story.read_text().split("\n").index("image: https://img.example.org/a.jpg") + 1
    assert warning.message.startswith("image_alt: missing; say what the picture shows")
    assert not result.problems and 'alt=""' in read(project, "2025/11/07/floods/index.html")


def test_check_names_a_missing_picture(project: Path) -> None:
    story = with_picture(project)
    (story.parent / "floods.png").unlink()
    found = check(load_config(project))
    assert any(p.path.endswith("floods.md") and "image: floods.png is not there" in p.message for p in found.problems)


def test_the_logo_is_copied_and_a_missing_one_is_named(project: Path) -> None:
    write_config(project, logo="images/logo.png")
    write_story(project, slug="plain")
    (project / "images").mkdir()
    (project / "images" / "logo.png").write_bytes(png(120, 30))
    build(load_config(project))
    assert (project / "site/images/logo.png").read_bytes() == png(120, 30)
    assert '"logo": {"@type": "ImageObject", "url": "http://127.0.0.1:8000/digest/images/logo.png"}' in \
        read(project, "2025/11/07/plain/index.html").replace('":{', '": {').replace('":"', '": "').replace(
            '","', '", "')
