"""The digest in a real headless Chromium: screenshots, overflow, axe-core, hostile copy, the real seed.

Screenshots go to $DIGEST_SCREENSHOTS when set (to look at them), else to a pytest tmp folder.
axe-core comes from node_modules/ (`npm ci`); without it these tests skip locally and fail when CI=true.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from fixture_site import (HOSTILE_STORIES, PREFIX, SCRIPT, html_files, served_fixture,
                          serving, url_of, write_fixture)
from generator.cli import main as digest

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (375, 1280)
NARROW = (320, 375)
SCHEMES = ("light", "dark")
# One page of each kind the theme has.
PAGES = {
    "home": "", "story": "2025/11/07/azam-khan-meets-akhilesh-yadav/", "person": "people/akhilesh-yadav/",
    "place": "places/patna/", "organisation": "organisations/samajwadi-party/", "tag": "tags/politics/",
    "edition": "2025/11/07/", "people": "people/", "places": "places/", "organisations": "organisations/",
    "tags": "tags/", "editions": "editions/", "older": "page/2/", "404": "404.html",
    "year": "2025/", "month": "2025/11/", "edition-page": "2025/11/07/page/2/",
    "search": "search/?q=Akhilesh&place=Lucknow", "story-picture": "2025/11/07/flood-relief-reaches-rampur/",
}
SHOT_PAGES = ("home", "story", "person")
OVERFLOW_JS = "[document.scrollingElement.scrollWidth, window.innerWidth]"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The fixture digest, built and served under /digest/."""
    with served_fixture(tmp_path_factory.mktemp("digest")) as site:
        yield site


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """The folder screenshots are saved in."""
    folder = os.environ.get("DIGEST_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def axe_source() -> Path:
    """Return axe.min.js; skip without it, but fail in CI where it must be installed."""
    if not AXE.is_file():
        message = f"{AXE} is missing: run `npm ci` in {ROOT} to install axe-core"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE


def open_page(browser, width: int = 1280, scheme: str = "light"):
    """Return a new page in a fresh context of WIDTH px and colour SCHEME."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    return context, context.new_page()


def visit(page, url: str) -> None:
    """Load URL and fail unless it answers 200."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"


# --- how it looks --------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_home_story_and_person(browser, served, shots, width, scheme):
    context, page = open_page(browser, width, scheme)
    try:
        for kind in SHOT_PAGES:
            visit(page, served.base_url + PAGES[kind])
            path = shots / f"{kind}-{width}-{scheme}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 5000, f"{path} is nearly empty"
            # the stylesheet loaded and the right colour scheme is in force
            font, background = page.evaluate(
                "[getComputedStyle(document.body).fontFamily, getComputedStyle(document.body).backgroundColor]")
            assert "Georgia" in font, f"{kind}: the theme's stylesheet did not apply ({font})"
            assert (background == "rgb(22, 21, 20)") == (scheme == "dark"), f"{kind} {scheme}: {background}"
    finally:
        context.close()


@pytest.mark.parametrize("width", NARROW)
def test_no_page_scrolls_sideways_on_a_phone(browser, served, width):
    context, page = open_page(browser, width)
    overflowing = []
    try:
        for kind, rel in PAGES.items():
            visit(page, served.base_url + rel)
            scroll, inner = page.evaluate(OVERFLOW_JS)
            if scroll > inner:
                overflowing.append(f"{kind}: {scroll}px wide in a {inner}px window")
    finally:
        context.close()
    assert overflowing == []


def test_keyboard_focus_starts_on_a_visible_skip_link(browser, served):
    context, page = open_page(browser, 375)
    try:
        visit(page, served.base_url + PAGES["story"])
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const el = document.activeElement, box = el.getBoundingClientRect();
            return [el.className, box.left >= 0 && box.right <= innerWidth, getComputedStyle(el).outlineStyle]; }""")
        assert focused == ["skip-link", True, "solid"]
    finally:
        context.close()


def test_print_hides_navigation(browser, served):
    context, page = open_page(browser)
    try:
        visit(page, served.base_url + PAGES["story"])
        page.emulate_media(media="print")
        hidden = page.evaluate("['.site-nav', '.story-nav', '.related', '.site-footer']"
                               ".map(s => getComputedStyle(document.querySelector(s)).display)")
        assert hidden == ["none"] * 4
    finally:
        context.close()


def test_no_request_leaves_the_site_and_none_fails(browser, served):
    context, page = open_page(browser)
    requested, failed = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.url} {r.status}"))
    # ERR_ABORTED is the next navigation cancelling a late favicon fetch, not a broken URL
    page.on("requestfailed", lambda r: "ERR_ABORTED" in (r.failure or "") or failed.append(f"{r.url} {r.failure}"))
    try:
        for rel in PAGES.values():
            visit(page, served.base_url + rel)
    finally:
        context.close()
    assert any(url.endswith(".css") for url in requested), "the stylesheet was never requested"
    assert [u for u in requested if not u.startswith(served.base_url)] == []
    assert failed == []


# --- a big index on a phone ----------------------------------------------------------------------

PHONE = (375, 667)  # CSS px: the screen an index page must fit ten times
GIVEN = "Anil Bina Chetan Deepa Farhan Gita Harish Indira Jatin Kavita Lalit Meera Naveen Omkar".split()
SURNAMES = ("Saxena Sharma Singh Sinha Sethi Shah Sood Sahni Sarin Seth Srinivasan Subramaniam "
            "Kapoor Iyer Menon Das Rao Gupta Ōta").split()


def crowded_stories() -> list[dict]:
    """Return stories naming 267 people, 168 of them filed under S: more than a page of a letter."""
    names = [f"{given} {surname}" for surname in SURNAMES for given in GIVEN]
    return [dict(slug=f"story-{i}", date=f"2025-11-{7 + i % 3:02d}T{8 + i % 12:02d}:00:00+05:30",
                 title=f"Story number {i}", people=names[2 * i: 2 * i + 2] + (["Anil Saxena"] if i % 3 else [])
                 + (["वरुण गांधी"] if i == 0 else []),
                 organisations=[f"Board {i % 40}"], tags=["Politics"], body=f"Story {i}.")
            for i in range(len(names) // 2)]


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A digest whose people index is split by letter, built and served under /digest/."""
    with served_fixture(tmp_path_factory.mktemp("crowded"), crowded_stories()) as site:
        yield site


def test_index_pages_fit_ten_phone_screens_and_leave_out_single_stories_by_link(browser, crowded, shots,
                                                                                axe_source):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    page = context.new_page()
    heights, found = {}, {}
    try:
        visit(page, crowded.base_url + "people/")
        letters = page.eval_on_selector_all(".letters a", "els => els.map(a => a.textContent.trim())")
        assert letters == ["D", "G", "I", "K", "M", "O", "R", "S", "# (other)"]  # Ōta under O
        with page.expect_navigation(wait_until="load"):
            page.click("text=In 2 or more stories")
        assert page.url == crowded.base_url + "people/2-or-more/"
        assert page.eval_on_selector_all(".index-list a", "els => els.map(a => a.textContent)") == ["Anil Saxena"]
        for rel in ("people/", "people/letter/s/", "people/letter/s/page/2/", "people/letter/o/",
                    "organisations/", "people/2-or-more/"):
            visit(page, crowded.base_url + rel)
            heights[rel], width = page.evaluate(
                "[document.scrollingElement.scrollHeight, document.scrollingElement.scrollWidth]")
            assert width <= PHONE[0], f"{rel} scrolls sideways"
            if rel.startswith("people/letter/s/"):  # its pages, each named by its first and last surname
                assert page.eval_on_selector_all(".guides a", "els => els.map(a => a.textContent)") == [
                    "Sahni – Singh", "Singh – Subramaniam"]
            page.screenshot(path=str(shots / f"index-{rel.strip('/').replace('/', '-')}-375.png"), full_page=True)
            bad, _ = axe_violations(page, axe_source)
            if bad:
                found[rel] = bad
    finally:
        context.close()
    assert found == {}
    assert max(heights.values()) <= 10 * PHONE[1], heights
    assert heights["people/letter/s/"] > 5 * PHONE[1], heights  # a full page of a letter was measured


# --- a busy day on a phone -----------------------------------------------------------------------

LEDE = ("officials said on Friday that the council had approved the plan after a long debate in which "
        "members of every party raised objections about its cost, its timing and the villages it leaves out")


def busy_day_stories(count: int = 170) -> list[dict]:
    """Return COUNT long stories of one day, each naming three people, two places and two organisations of its own."""
    return [dict(slug=f"council-{i}", date=f"2025-11-07T{6 + i % 16:02d}:{i % 60:02d}:00+05:30",
                 title=f"District council {i} approves the flood plan after a long debate over its cost",
                 summary=f"Story {i}: {LEDE}.", people=[f"Member {i} {s}" for s in ("Rao", "Das", "Iyer")],
                 places=[f"Village {i}", "Patna"], organisations=[f"Council {i}", "Flood Board"], tags=["Floods"],
                 body=f"{LEDE}.") for i in range(count)]


@pytest.fixture(scope="module")
def busy(tmp_path_factory):
    """A digest with one day of 170 stories, twenty a page (the default): nine pages, built and served under /digest/."""
    with served_fixture(tmp_path_factory.mktemp("busy"), busy_day_stories(), paginate=20) as site:
        yield site


def test_a_busy_day_is_paginated_within_ten_phone_screens_with_numbered_pages(browser, busy, shots, axe_source):
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
    page = context.new_page()
    heights, found = {}, {}
    try:
        for rel in ("2025/11/07/", "2025/11/07/page/5/", "2025/11/07/page/9/"):
            visit(page, busy.base_url + rel)
            heights[rel], width = page.evaluate(
                "[document.scrollingElement.scrollHeight, document.scrollingElement.scrollWidth]")
            assert width <= PHONE[0], f"{rel} scrolls sideways"
            page.screenshot(path=str(shots / f"edition-{rel.strip('/').replace('/', '-')}-375.png"), full_page=True)
            bad, _ = axe_violations(page, axe_source)
            if bad:
                found[rel] = bad
        current = page.eval_on_selector_all(".page-numbers [aria-current=page]", "els => els.map(a => a.textContent)")
        assert current == ["Page 9"]
        visit(page, busy.base_url + "2025/11/07/page/5/")
        visible = page.eval_on_selector_all(".page-numbers li", "els => els.filter(li => li.offsetParent)"
                                                               ".map(li => li.textContent.replace('Page ', '').trim())")
        assert visible == ["1", "…", "4", "5", "6", "…", "9"]  # a phone: one page either side of the current
        assert page.eval_on_selector_all("nav.edition-nav a", "els => els.map(a => a.textContent)") == ["All editions"]
    finally:
        context.close()
    assert found == {}
    assert max(heights.values()) <= 10 * PHONE[1], heights
    assert heights["2025/11/07/page/5/"] > 5 * PHONE[1], heights  # a full page of stories was measured
    # and the same page at 1280 px numbers every page, the current one marked
    context, page = open_page(browser, 1280)
    try:
        visit(page, busy.base_url + "2025/11/07/page/5/")
        numbers = page.eval_on_selector_all(".page-numbers a", "els => els.filter(a => a.offsetParent)"
                                                               ".map(a => [a.textContent, a.getAttribute('aria-current')])")
        assert numbers == [[f"Page {n}", "page" if n == 5 else None] for n in range(1, 10)]
        page.screenshot(path=str(shots / "edition-page-5-1280.png"), full_page=True)
    finally:
        context.close()


# --- accessibility -------------------------------------------------------------------------------


def axe_violations(page, axe: Path) -> tuple[list[str], int]:
    """Run axe-core on PAGE; return its serious and critical violations, and how many rules passed."""
    page.add_script_tag(path=str(axe))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return {passes: r.passes.length, violations: r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))};
    }""")
    bad = [f"{v['impact']} {v['id']}: {v['help']} at {v['nodes']}" for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    return bad, result["passes"]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_serious_or_critical_violation(browser, served, axe_source, scheme):
    context, page = open_page(browser, 1280, scheme)
    found = {}
    try:
        for kind, rel in PAGES.items():
            visit(page, served.base_url + rel)
            bad, passes = axe_violations(page, axe_source)
            assert passes > 10, f"axe checked almost nothing on {kind}"
            if bad:
                found[kind] = bad
    finally:
        context.close()
    assert found == {}


def test_axe_is_clean_on_a_phone_in_dark_mode_too(browser, served, axe_source):
    context, page = open_page(browser, 375, "dark")
    found = {}
    try:
        for kind in ("home", "story", "person", "edition", "people", "year", "month", "edition-page"):
            visit(page, served.base_url + PAGES[kind])
            bad, _ = axe_violations(page, axe_source)
            if bad:
                found[kind] = bad
    finally:
        context.close()
    assert found == {}


# --- hostile copy --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A digest built from copy full of script, img onerror and javascript: links, served."""
    with served_fixture(tmp_path_factory.mktemp("hostile"), HOSTILE_STORIES) as site:
        yield site


INERT_JS = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
            if (/^\\s*(javascript|data|vbscript):/i.test(a.value) && ['href', 'src', 'action', 'formaction'].includes(a.name))
                bad.push(el.tagName + ' ' + a.name + '=' + a.value);
        }
    }
    for (const s of document.scripts) if (s.type !== 'application/ld+json' && !(s.type === 'module' && new URL(s.src, location.href).pathname.includes('/static/js/'))) bad.push('script ' + s.outerHTML);
    return bad;
}"""


def test_hostile_copy_fires_no_dialog_and_leaves_nothing_live(browser, hostile):
    context, page = open_page(browser)
    dialogs = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        visit(page, hostile.base_url)
        page.evaluate("() => alert('probe')")  # proves a dialog would be seen
        assert dialogs == [f"{hostile.base_url}: probe"]
        dialogs.clear()
        pages = html_files(hostile.site)
        assert len(pages) > 8
        shown = 0
        for path in pages:
            visit(page, url_of(hostile.site, path, hostile.base_url))
            for link in page.query_selector_all("main a, main [onmouseover]"):
                link.hover()  # an injected onmouseover would fire now
            assert page.evaluate(INERT_JS) == [], path
            shown += SCRIPT in page.inner_text("body")
    finally:
        context.close()
    assert dialogs == []
    assert shown > 3, "the hostile text should be shown as text, not dropped"


# --- the real seed -------------------------------------------------------------------------------


def test_the_real_seed_builds_and_its_story_page_looks_right(browser, tmp_path, shots, axe_source):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    with serving(tmp_path) as base_url:
        write_fixture(tmp_path, base_url, stories=())
        assert digest(["-C", str(tmp_path), "ingest"]) == 0
        assert digest(["-C", str(tmp_path), "build"]) == 0
        stories = [p for p in html_files(tmp_path / "site")  # site/YYYY/MM/DD/<slug>/index.html
                   if p.parent.parent.name.isdigit() and not p.parent.name.isdigit()]
        assert stories, "the seed made no story page"
        url = url_of(tmp_path / "site", stories[0], base_url)
        for width in WIDTHS:
            context, page = open_page(browser, width)
            try:
                visit(page, url)
                page.screenshot(path=str(shots / f"seed-story-{width}.png"), full_page=True)
                assert page.evaluate(OVERFLOW_JS)[0] <= width
                headline = page.inner_text("h1")
                assert "Azam Khan" in headline and len(headline) < 120
                assert page.inner_text(".dateline") == "LUCKNOW"  # uppercased by the stylesheet
                assert "IANS" in page.inner_text(".story-head .meta")
                assert page.locator(".story-body p").count() >= 10
                assert page.locator(".story-terms a").count() >= 3
                assert axe_violations(page, axe_source)[0] == []
            finally:
                context.close()
    assert url.startswith(base_url) and PREFIX in url
