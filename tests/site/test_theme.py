"""The theme search path, `!parent/` overrides, fingerprinted assets, and hostile copy kept inert."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jinja2
import pytest

from conftest import ROOT, write_config, write_story
from fixture_site import HOSTILE_STORIES, HOSTILE_TITLE, IMG, SCRIPT, parse_html
from generator.build import build
from generator.config import load_config
from generator.errors import ThemeError
from generator.theme import BUILTIN_THEMES, hashed_name, resolve, static_files
from generator.themeloader import ThemeLoader

DEFAULT = BUILTIN_THEMES / "default"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data")


def site_file(root: Path, rel: str) -> str:
    """Return a built file of the project at ROOT as text."""
    return (root / "site" / rel).read_text(encoding="utf-8")


def write(path: Path, text: str) -> Path:
    """Write TEXT to PATH, making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def child_theme(root: Path, name: str = "child", parent: str = "default") -> Path:
    """Make themes/NAME extending PARENT in the project at ROOT."""
    return write(root / "themes" / name / "theme.yaml", f"name: {name}\nextends: {parent}\n").parent


def built(root: Path) -> Path:
    """Build the project at ROOT (clean) and return its site/."""
    build(load_config(root), clean=True)
    return root / "site"


# --- the search path ---------------------------------------------------------------------------


def test_search_path_is_site_then_theme_then_parents_then_default(project):
    write(project / "templates" / "x.html", "")
    write(project / "static" / "x.txt", "")
    grand = child_theme(project, "grand")
    write(grand / "templates" / "x.html", "")
    child = child_theme(project, "child", parent="grand")
    write(child / "templates" / "x.html", "")
    write_config(project, theme="child")
    theme = resolve(load_config(project))
    assert theme.template_dirs == (project / "templates", child / "templates", grand / "templates",
                                   DEFAULT / "templates")
    assert theme.static_dirs == (project / "static", DEFAULT / "static")


def test_default_theme_alone_when_nothing_overrides(project):
    theme = resolve(load_config(project))
    assert theme.template_dirs == (DEFAULT / "templates",)


def test_first_match_wins_site_over_theme_over_default(project):
    write_config(project, theme="child")
    child = child_theme(project)
    write(child / "templates" / "partials" / "card.html", '<p class="child-card">{{ item.title }}</p>\n')
    write(child / "templates" / "404.html", "CHILD 404")
    write(project / "templates" / "404.html", '{% extends "base.html" %}{% block main %}<h1>SITE 404</h1>{% endblock %}')
    write_story(project, "one")
    built(project)
    assert '<p class="child-card">One</p>' in site_file(project, "index.html")
    not_found = site_file(project, "404.html")
    assert "SITE 404" in not_found and "CHILD 404" not in not_found
    assert 'class="masthead"' in not_found  # base.html still comes from the default theme


def test_parent_prefix_extends_the_template_it_replaces(project):
    write(project / "templates" / "base.html",
          '{% extends "!parent/base.html" %}{% block styles %}{{ super() }}<meta name="x-site" content="1">'
          '{% endblock %}{% block footer %}SITE FOOTER{% endblock %}')
    write_story(project, "one")
    built(project)
    for rel in ("index.html", "2025/11/07/one/index.html", "people/index.html"):
        html = site_file(project, rel)
        assert '<meta name="x-site" content="1">' in html and "SITE FOOTER" in html
        assert re.search(r'<link rel="stylesheet" href="/digest/static/css/site\.[0-9a-f]{10}\.css">', html)
        assert 'class="masthead"' in html


def test_child_theme_can_extend_the_default_with_parent_prefix(project):
    child = child_theme(project)
    write(child / "templates" / "partials" / "card.html",
          '{% extends "!parent/partials/card.html" %}')  # a template with no blocks, extended whole
    write(child / "templates" / "base.html",
          '{% extends "!parent/base.html" %}{% block footer %}CHILD {{ super() }}{% endblock %}')
    write_config(project, theme="child")
    write_story(project, "one")
    built(project)
    html = site_file(project, "index.html")
    assert "CHILD <p>Test Digest" in html and 'class="card-title"' in html


def test_site_and_child_theme_can_both_extend_their_parent(project):
    child = child_theme(project)
    write(child / "templates" / "base.html",
          '{% extends "!parent/base.html" %}{% block footer %}CHILD {{ super() }}{% endblock %}')
    write(project / "templates" / "base.html",
          '{% extends "!parent/base.html" %}{% block footer %}SITE {{ super() }}{% endblock %}')
    write_config(project, theme="child")
    built(project)
    assert "SITE CHILD <p>Test Digest" in site_file(project, "index.html")


def test_example_theme_of_the_project_builds(project):
    shutil.copytree(ROOT / "themes" / "example", project / "themes" / "example")
    write_config(project, theme="example")
    write_story(project, "one")
    built(project)
    html = site_file(project, "2025/11/07/one/index.html")
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
    assert [Path(s).name.split(".")[0] for s in sheets] == ["site", "example"]
    assert "Set in the example theme." in html


def test_unknown_theme_names_config_and_the_themes_there_are(project):
    write_config(project, theme="nope")
    with pytest.raises(ThemeError) as error:
        resolve(load_config(project))
    assert "config.yaml" in str(error.value) and "'nope'" in str(error.value) and "default" in str(error.value)


def test_a_theme_extending_itself_is_an_error_naming_its_theme_yaml(project):
    child_theme(project, "a", parent="b")
    child_theme(project, "b", parent="a")
    write_config(project, theme="a")
    with pytest.raises(ThemeError) as error:
        resolve(load_config(project))
    assert "theme.yaml" in str(error.value) and "extends" in str(error.value)


def test_template_syntax_error_names_the_file_and_line(project):
    write(project / "templates" / "404.html", '{% extends "base.html" %}\n{% block main %}\n{% if %}\n{% endblock %}')
    with pytest.raises(ThemeError) as error:
        built(project)
    (problem,) = error.value.problems
    assert problem.path.endswith("templates/404.html") and problem.line == 3
    assert not (project / "site").exists()  # nothing half-written


def test_unknown_asset_is_an_error_naming_the_template(project):
    write(project / "templates" / "404.html", "{{ asset('css/missing.css') }}")
    with pytest.raises(ThemeError) as error:
        built(project)
    assert "404.html" in str(error.value) and "css/missing.css" in str(error.value)


@pytest.mark.parametrize("name", ["../theme.yaml", "partials/../../theme.yaml"])
def test_template_names_cannot_climb_out_of_the_search_path(name):
    loader = ThemeLoader((DEFAULT / "templates",))
    with pytest.raises(jinja2.TemplateNotFound):
        loader.get_source(jinja2.Environment(), name)


def test_absolute_template_names_are_not_found():
    loader = ThemeLoader((DEFAULT / "templates",))
    with pytest.raises(jinja2.TemplateNotFound):
        loader.get_source(jinja2.Environment(), str(DEFAULT / "theme.yaml"))


# --- assets ------------------------------------------------------------------------------------


@pytest.mark.parametrize("rel, data, expected", [
    ("css/site.css", b"body{}", f"css/site.{hashlib.sha256(b'body{}').hexdigest()[:10]}.css"),
    ("js/app.min.js", b"1", f"js/app.min.{hashlib.sha256(b'1').hexdigest()[:10]}.js"),
    ("img/favicon.svg", b"<svg/>", "img/favicon.svg"),
    ("robots.txt", b"", "robots.txt"),
])
def test_hashed_name_fingerprints_css_and_js_only(rel, data, expected):
    assert hashed_name(rel, data) == expected


def test_built_stylesheet_name_carries_the_hash_of_its_bytes(project):
    write_story(project, "one")
    site = built(project)
    (css,) = (site / "static" / "css").glob("site.*.css")
    assert css.name == f"site.{hashlib.sha256(css.read_bytes()).hexdigest()[:10]}.css"
    assert css.read_bytes() == (DEFAULT / "static" / "css" / "site.css").read_bytes()
    for page in site.rglob("*.html"):
        assert f'href="/digest/static/css/{css.name}"' in page.read_text(encoding="utf-8"), page
    assert (site / "static" / "img" / "favicon.svg").is_file()


def test_site_static_overrides_the_theme_and_changes_the_hash(project):
    write_story(project, "one")
    before = {p.name for p in (built(project) / "static" / "css").iterdir()}
    write(project / "static" / "css" / "site.css", "body { color: red }\n")
    assert static_files(resolve(load_config(project)))["css/site.css"] == project / "static" / "css" / "site.css"
    build(load_config(project))  # incremental: the old stylesheet must go, every page must follow
    after = {p.name for p in (project / "site" / "static" / "css").iterdir()}
    (name,) = after
    assert after != before and name == hashed_name("site.css", b"body { color: red }\n")
    assert f"/static/css/{name}" in site_file(project, "2025/11/07/one/index.html")


def test_default_theme_makes_no_request_to_another_site():
    for path in DEFAULT.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(src|href)=\"(https?:)?//|@import|url\(\s*['\"]?(https?:)?//", text), path
    css = (DEFAULT / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "prefers-color-scheme: dark" in css and "@media print" in css


# --- hostile copy --------------------------------------------------------------------------------


@pytest.fixture
def hostile(project: Path) -> Path:
    """Build a project whose front matter and body are full of markup and javascript: links."""
    for story in HOSTILE_STORIES:
        write_story(project, **story)
    return built(project)


def live_markup(tree) -> list[str]:
    """Return what in a parsed page could run: scripts, on* handlers, script URLs, embeds, images."""
    found = []
    for el in tree.iter():
        if el.tag == "script" and el.get("type") != "application/ld+json":
            found.append(f"<script> {el.text!r}")
        if el.tag in ("iframe", "object", "embed", "svg", "form", "base"):
            found.append(f"<{el.tag}>")
        if el.tag == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        if el.tag == "img" and el.get("src") is not None:
            found.append(f"<img src={el.get('src')!r}>")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{el.tag} {name}>")
            cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{el.tag} {name}={value!r}>")
    return found


def test_hostile_copy_is_inert_on_every_page(hostile):
    pages = sorted(hostile.rglob("*.html"))
    assert len(pages) > 8
    shown = 0
    for path in pages:
        tree = parse_html(path.read_bytes(), str(path))
        assert live_markup(tree) == [], path
        shown += SCRIPT in "".join(tree.itertext())
    assert shown >= 5, "the hostile text should be shown as text on the pages that name it"


def test_hostile_title_survives_as_text_in_title_h1_meta_and_json_ld(hostile):
    tree = parse_html((hostile / "2025/11/07/hostile-story/index.html").read_bytes(), "story")
    assert "".join(next(tree.iter("h1")).itertext()) == HOSTILE_TITLE
    assert "".join(next(tree.iter("title")).itertext()).startswith(HOSTILE_TITLE)
    metas = {m.get("property") or m.get("name"): m.get("content") for m in tree.iter("meta")}
    assert metas["og:title"] == HOSTILE_TITLE and metas["description"] == f"Summary {IMG} {SCRIPT}"
    (ld,) = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    data = json.loads(ld.text)
    assert data["headline"] == HOSTILE_TITLE[:110] and data["dateline"] == IMG
    assert data["author"]["name"] == SCRIPT
    assert "</script" not in ld.text.lower()  # written as \u003c/script, so it cannot close the element


def test_hostile_body_links_lose_their_urls_but_keep_their_text(hostile):
    tree = parse_html((hostile / "2025/11/07/hostile-story/index.html").read_bytes(), "story")
    body = next(el for el in tree.iter("div") if el.get("class") == "story-body")
    links = {"".join(a.itertext()): a.get("href") for a in body.iter("a")}
    assert links == {"a link": None, "mixed case": None, "entity": None, "data": None, "spaced": None}
    assert [img.get("src") for img in body.iter("img")] == [None]
    assert "<svg onload=alert(8)>" in "".join(body.itertext())  # shown, not obeyed


def test_hostile_names_make_safe_slugs(hostile):
    urls = sorted(p.relative_to(hostile).as_posix() for p in hostile.glob("*/*/index.html"))
    assert "places/javascript-alert-1/index.html" in urls
    assert "tags/script-alert-1-script/index.html" in urls
    assert "people/ram-img-src-x-onerror-alert-1/index.html" in urls
    assert all(re.fullmatch(r"[a-z0-9/.-]+", u) for u in urls)


def test_hostile_feed_is_well_formed_and_inert(hostile):
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse((hostile / "feed.xml").read_bytes())
    assert not parsed.bozo
    entry = next(e for e in parsed.entries if e.title == HOSTILE_TITLE)
    assert entry.author == SCRIPT
    # feedparser sanitises content itself, so parse the raw XML: readers that do not must get inert HTML
    raw = (hostile / "feed.xml").read_text(encoding="utf-8")
    contents = [c.text for c in ET.fromstring(raw).iter("{http://www.w3.org/2005/Atom}content")]
    assert len(contents) == len(HOSTILE_STORIES)
    for html in contents:
        assert live_markup(parse_html(f"<!doctype html><title>x</title>{html}".encode(), "feed content")) == []


def test_an_empty_digest_builds_valid_pages_that_say_so(project):
    site = built(project)
    pages = sorted(site.rglob("*.html"))
    assert {p.relative_to(site).as_posix() for p in pages} >= {"index.html", "404.html", "people/index.html"}
    for path in pages:
        parse_html(path.read_bytes(), str(path))
    assert "No stories yet" in site_file(project, "index.html")
