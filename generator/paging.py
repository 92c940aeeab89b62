"""Which pages of a paginated list link to which, and lists of days split into whole months: pure functions."""

from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
WINDOW = 2  # pages linked on each side of the current one, as Hugo's default pager does


def page_numbers(number: int, total: int, window: int = WINDOW) -> list[int | None]:
    """Return the page numbers page NUMBER of TOTAL links to, None where an ellipsis stands.

    The first and the last page, and WINDOW pages either side of NUMBER: page 1 of 150 links
    1 2 3 … 150. A gap of a single page shows that page: an ellipsis would take as much room.
    """
    shown = {1, max(total, 1)} | set(range(max(1, number - window), min(total, number + window) + 1))
    found: list[int | None] = []
    for n in sorted(shown):
        if found and n - found[-1] == 2:  # found[-1] is a number: None is always followed by one
            found.append(n - 1)
        elif found and n - found[-1] > 2:
            found.append(None)
        found.append(n)
    return found


def by_month(items: Sequence[T], day: Callable[[T], dt.date] = lambda item: item) -> list[tuple[dt.date, list[T]]]:
    """Return ITEMS (in any order, kept) in runs of one month, each with the first day of its month.

    DAY gives an item's date; by default the item is one.
    """
    found: list[tuple[dt.date, list[T]]] = []
    for item in items:
        month = day(item).replace(day=1)
        if not found or found[-1][0] != month:
            found.append((month, []))
        found[-1][1].append(item)
    return found


def whole_months(months: Sequence[tuple[dt.date, list[T]]], size: int) -> list[list[tuple[dt.date, list[T]]]]:
    """Return MONTHS in pages of at most SIZE days, never splitting a month; a longer month is a page alone."""
    pages: list[list[tuple[dt.date, list[T]]]] = [[]]
    filled = 0
    for month in months:
        if pages[-1] and filled + len(month[1]) > size:
            pages.append([])
            filled = 0
        pages[-1].append(month)
        filled += len(month[1])
    return pages
