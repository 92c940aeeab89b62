"""Numbered pagination and months of editions: which pages a page links, how days fill pages."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.config import DEFAULT_PERMALINKS
from generator.paging import by_month, page_numbers, whole_months
from generator.urls import Urls
from generator.views import page_links, pagination

URLS = Urls("https://user.github.io/digest/", DEFAULT_PERMALINKS)


@pytest.mark.parametrize("number, total, expected", [
    (1, 1, [1]),
    (1, 2, [1, 2]),
    (1, 150, [1, 2, 3, None, 150]),  # the "1 2 3 ... 150"
    (150, 150, [1, None, 148, 149, 150]),
    (75, 150, [1, None, 73, 74, 75, 76, 77, None, 150]),
    (4, 150, [1, 2, 3, 4, 5, 6, None, 150]),  # a gap of one page shows the page, not an ellipsis
    (5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
    (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),
    (3, 5, [1, 2, 3, 4, 5]),
])
def test_page_numbers_show_first_last_and_two_either_side(number, total, expected):
    assert page_numbers(number, total) == expected


@pytest.mark.parametrize("total", range(1, 40))
def test_every_page_links_itself_its_neighbours_and_both_ends_in_order(total):
    for number in range(1, total + 1):
        shown = page_numbers(number, total)
        pages = [n for n in shown if n is not None]
        assert pages == sorted(set(pages)) and {1, total, number} <= set(pages)
        assert {max(1, number - 1), min(total, number + 1)} <= set(pages)
        assert None not in (shown[0], shown[-1]) and len(shown) <= 9
        assert all(not (a is None and b is None) for a, b in zip(shown, shown[1:]))


def test_page_links_mark_the_current_page_and_the_far_ones():
    links = page_links(URLS, "/digest/tags/x/", 75, 150)
    assert [link["number"] for link in links] == [1, None, 73, 74, 75, 76, 77, None, 150]
    assert [link["number"] for link in links if link.get("current")] == [75]
    assert [link["number"] for link in links if link.get("far")] == [73, 77]  # a narrow phone drops these
    assert links[0]["url"] == "/digest/tags/x/" and links[-1]["url"] == "/digest/tags/x/page/150/"
    assert [n["number"] for n in pagination(URLS, "/digest/", 1, 3)["numbers"]] == [1, 2, 3]


@pytest.mark.parametrize("number, total, phone", [
    (1, 5, [1, 2, None, 5]),  # 3 and 4 give way to an ellipsis of their own
    (1, 150, [1, 2, None, 150]),  # 3 gives way, beside the ellipsis there already
    (75, 150, [1, None, 74, 75, 76, None, 150]),
    (5, 9, [1, None, 4, 5, 6, None, 9]),
    (3, 5, [1, 2, 3, 4, 5]),
])
def test_a_phone_sees_one_page_either_side_and_an_ellipsis_for_each_gap(number, total, phone):
    links = page_links(URLS, "/digest/", number, total)
    wide = [link["number"] for link in links if not link.get("narrow")]
    assert wide == page_numbers(number, total)
    assert [link["number"] for link in links if not link.get("far")] == phone


D = dt.date


def test_by_month_keeps_the_order_and_starts_a_run_at_each_month():
    days = [D(2025, 11, 9), D(2025, 11, 1), D(2025, 10, 31), D(2024, 10, 2)]
    assert by_month(days) == [(D(2025, 11, 1), days[:2]), (D(2025, 10, 1), [days[2]]), (D(2024, 10, 1), [days[3]])]
    assert by_month([("x", D(2025, 1, 5))], lambda item: item[1]) == [(D(2025, 1, 1), [("x", D(2025, 1, 5))])]
    assert by_month([]) == []


def test_whole_months_fill_pages_without_splitting_a_month():
    months = [(D(2025, m, 1), list(range(n))) for m, n in ((12, 30), (11, 30), (10, 31), (9, 5), (8, 40))]
    pages = whole_months(months, 70)
    assert [[m.month for m, _ in page] for page in pages] == [[12, 11], [10, 9], [8]]  # 40 days: a page alone
    assert whole_months([], 70) == [[]]  # no edition: one empty page, as an empty list is
