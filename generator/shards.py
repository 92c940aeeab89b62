"""Which part (shard) of the search index each story goes in: a period of days, split while it is big.

Pagefind cannot update an index in place, so the archive is indexed in parts, each a period of the
calendar, and the search page merges them (Pagefind's `mergeIndex`). A story edited re-indexes its
part only. A part is a year; a year of more than LIMIT stories is split into its months, a month
into thirds (days 1-10, 11-20, 21 to the end), a third into days. A part is named by its first day,
as far as its period needs ('2025', '2025-11', '2025-11-21', '2025-11-24'): the names of parts sort
as their periods do, and no two periods of one plan overlap.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Mapping

# stories a part may hold before its period is split: re-indexing one costs about 2.5 ms a story on
# 2 cores, and each part costs the search page a few requests (bench/search_cost.py measures both)
LIMIT = 1000


def _year(day: dt.date) -> str:
    return f"{day.year:04d}"


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _third(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{min(day.day - 1, 20) // 10 * 10 + 1:02d}"


def _day(day: dt.date) -> str:
    return day.isoformat()


PERIODS: tuple[Callable[[dt.date], str], ...] = (_year, _month, _third, _day)


def plan(days: Mapping[str, dt.date], limit: int = LIMIT) -> dict[str, list[str]]:
    """Return the stories (keys of DAYS, in their order) of each part, by the part's name, newest part first."""
    parts: dict[str, list[str]] = {}
    _split(list(days), days, 0, limit, parts)
    return dict(sorted(parts.items(), reverse=True))


def _split(keys: list[str], days: Mapping[str, dt.date], level: int, limit: int,
           parts: dict[str, list[str]]) -> None:
    for name, members in _group(keys, days, PERIODS[level]).items():
        if len(members) > limit and level + 1 < len(PERIODS):
            _split(members, days, level + 1, limit, parts)
        else:
            parts[name] = members


def _group(keys: Iterable[str], days: Mapping[str, dt.date], period: Callable[[dt.date], str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(period(days[key]), []).append(key)
    return groups
