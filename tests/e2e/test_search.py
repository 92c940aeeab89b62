"""Search as a reader uses it, in headless Chromium, on the fixture digest served under /digest/."""

from __future__ import annotations

import pytest

from fixture_site import STORIES, served_fixture

pytestmark = pytest.mark.browser

# a story of another year: the index comes in two parts (2025 and 2024), merged by the search page
BRIDGE = dict(slug="ganga-bridge-opens", date="2024-06-14T10:00:00+05:30", dateline="Patna",
              title="Nitish Kumar opens the new Ganga bridge at Patna",
              summary="The four-lane bridge cuts the drive to north Bihar by an hour.",
              people=["Nitish Kumar"], places=["Patna", "Bihar"], tags=["Transport"],
              body="Chief Minister Nitish Kumar opened the four-lane bridge over the Ganga on Friday.")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The fixture digest and a story of 2024, built with the search index and served under /digest/."""
    with served_fixture(tmp_path_factory.mktemp("search"), stories=STORIES + (BRIDGE,)) as site:
        yield site


@pytest.fixture
def page(browser):
    """A fresh phone-sized page (search must work at 375 px)."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    yield context.new_page()
    context.close()


def titles(page) -> list[str]:
    """Return the headlines of the results shown, in order."""
    return page.locator("#search-results .card-title").all_inner_texts()


def wait_for_status(page, text: str) -> None:
    """Wait until the live status says TEXT (the search has finished)."""
    page.wait_for_function("t => document.getElementById('search-status').textContent.includes(t)", arg=text)


def test_a_reader_finds_a_person_narrows_by_place_and_opens_a_story(page, served):
    page.goto(served.base_url + "search/")
    page.fill("#search-q", "Akhilesh Yadav")
    wait_for_status(page, "4 stories")
    assert "Azam Khan meets Akhilesh Yadav in Lucknow after release from jail" in titles(page)
    assert "Mayawati announces candidates for by-elections" in titles(page)
    page.select_option("#filter-place", "Lucknow")
    wait_for_status(page, "2 stories")
    assert sorted(titles(page)) == ["Azam Khan meets Akhilesh Yadav in Lucknow after release from jail",
                                    "Mayawati announces candidates for by-elections"]
    assert "place=Lucknow" in page.url and "q=Akhilesh+Yadav" in page.url  # a search one can share
    first = page.locator("#search-results .card").first
    assert first.locator(".dateline").inner_text() and first.locator("time").inner_text()
    assert first.locator(".summary").inner_text()
    first.locator("a").click()
    page.wait_for_load_state()
    assert page.url.startswith(served.base_url + "2025/11/")
    assert page.locator("h1").inner_text() in ("Azam Khan meets Akhilesh Yadav in Lucknow after release from jail",
                                                "Mayawati announces candidates for by-elections")


def test_the_header_box_searches_under_the_project_path(page, served):
    requested = []
    page.on("response", lambda r: requested.append((r.url, r.status)))
    page.goto(served.base_url)
    page.fill("#site-search-q", "metro")
    page.press("#site-search-q", "Enter")
    wait_for_status(page, "1 story")
    assert page.url == served.base_url + "search/?q=metro"
    assert page.input_value("#search-q") == "metro"  # ?q= fills the box
    assert titles(page) == ["Patna metro completes its first trial run"]
    assert "Patna (1)" in page.locator("#filter-place option").all_inner_texts()  # filters of the results
    assert [u for u, status in requested if status >= 400] == []
    assert all(u.startswith(served.base_url) for u, _ in requested), "a request left /digest/"
    assert any("/digest/pagefind/" in u for u, _ in requested), "the index was not fetched from /digest/"


def test_a_person_page_links_to_a_search_within_their_stories(page, served):
    page.goto(served.base_url + "people/azam-khan/")
    page.get_by_role("link", name="Search within the stories about Azam Khan").click()
    wait_for_status(page, "2 stories")
    assert page.input_value("#filter-person") == "Azam Khan"
    assert sorted(titles(page)) == ["Azam Khan meets Akhilesh Yadav in Lucknow after release from jail",
                                    "Flood relief reaches villages near Rampur"]
    page.fill("#search-q", "boats")
    wait_for_status(page, "1 story")
    assert titles(page) == ["Flood relief reaches villages near Rampur"]


def test_a_search_with_no_match_says_so(page, served):
    page.goto(served.base_url + "search/?q=zeppelin")
    wait_for_status(page, "No stories found")
    assert titles(page) == []


def test_a_search_finds_stories_in_every_part_of_the_index(page, served):
    requested = []
    page.on("response", lambda r: requested.append(r.url))
    page.goto(served.base_url + "search/?q=bridge")
    wait_for_status(page, "1 story")
    assert titles(page) == ["Nitish Kumar opens the new Ganga bridge at Patna"]
    assert any("/digest/pagefind/2024/" in u for u in requested) and any("/digest/pagefind/2025/" in u for u in requested)
    assert sum("wasm." in u for u in requested) == 1, "the parts merged into the first share its WebAssembly"


def test_a_filter_lists_its_stories_newest_first_across_the_parts(page, served):
    page.goto(served.base_url + "search/?place=Patna")
    wait_for_status(page, "4 stories")
    assert titles(page) == ["Tejashwi Yadav promises ten lakh jobs at his last Patna rally",
                            "Patna metro completes its first trial run", "Bihar campaign enters its final week",
                            "Nitish Kumar opens the new Ganga bridge at Patna"]
    assert "2024 (1)" in page.locator("#filter-year option").all_inner_texts()
