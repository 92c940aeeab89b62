"""News value: the order of a day's stories, most newsworthy first, and dates too far ahead to lead.

A day's stories are read in this order (README, "The order of the day"):

1. an editor's `lead: true` first, then a higher `priority` (0 when not given);
2. coverage: how many of the day's other stories share a person or an organisation with it, and
   half as many as share only a place (other than its dateline): a story the wires keep returning
   to leads, and a country named in half the day's copy ("United States") makes no story the news;
3. prominence: how many stories of the whole archive name its most-named person or organisation;
4. the time of day when the date gives one, later first;
5. its order in the wire (the seed's file name), then its slug.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from generator.models import Article

AHEAD = dt.timedelta(days=1)  # a date further ahead of the build than this is a mistake, not news
# a story sharing only a place with another counts this much of one sharing a person or organisation:
# measured on the 3,000 wire stories (README, "The order of the day"), a full weight let the day's most
# place-laden story lead (countries are named everywhere), none let a story with two obscure names lead
PLACE_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Value:
    """Why a story stands where it does in its day: the parts of its news value, in order."""

    lead: bool
    priority: int
    coverage: float  # other stories of the day sharing a person or organisation, plus half those sharing a place only
    prominence: int  # stories in the archive naming its most-named person or organisation
    clock: dt.time | None  # the time of day, when the date gives one
    wire: str  # the seed's file name: its order in the wire

    def describe(self) -> str:
        """Return the parts as an editor reads them."""
        parts = ["lead: true"] * self.lead + [f"priority {self.priority}"] * bool(self.priority)
        parts += [f"coverage {self.coverage:g} that day", f"names in {self.prominence} stories"]
        if self.clock is not None:
            parts.append(f"time {self.clock:%H:%M}")
        return ", ".join(parts + [f"wire {self.wire}"])


def subjects(article: Article) -> set[str]:
    """Return the people and organisations a story names: what prominence counts."""
    return {*article.people, *article.organisations}


def shared_names(article: Article) -> set[str]:
    """Return what makes two stories of one day the same news: people, organisations, places.

    The dateline is left out: two stories filed from one city need not be about one thing.
    """
    places = {p for p in article.places if p != article.dateline}
    return {*(f"p:{n}" for n in article.people), *(f"o:{n}" for n in article.organisations),
            *(f"l:{n}" for n in places)}


def archive_counts(articles: Iterable[Article]) -> Counter[str]:
    """Count the stories that name each person or organisation."""
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(subjects(article))
    return counts


def coverage(day: Sequence[Article]) -> list[float]:
    """Return, for each of a day's stories, how many others share a person or organisation with it,
    plus PLACE_WEIGHT for each other sharing only a place."""
    holders: dict[str, list[int]] = defaultdict(list)
    names = [shared_names(a) for a in day]
    for i, found in enumerate(names):
        for name in found:
            holders[name].append(i)
    result = []
    for i, found in enumerate(names):
        subjects = {j for name in found if not name.startswith("l:") for j in holders[name]} - {i}
        places = {j for name in found if name.startswith("l:") for j in holders[name]} - subjects - {i}
        result.append(len(subjects) + PLACE_WEIGHT * len(places))
    return result


def clock(article: Article) -> dt.time | None:
    """Return the time of day a story's date gives, None for a date alone (midnight)."""
    time = article.date.timetz().replace(tzinfo=None)
    return None if time == dt.time(0, 0) else time


def values(day: Sequence[Article], counts: Mapping[str, int]) -> list[Value]:
    """Return the news value of each of a day's stories; COUNTS are archive_counts."""
    return [Value(a.lead, a.priority, shared, max((counts.get(n, 0) for n in subjects(a)), default=0),
                  clock(a), a.seed or a.slug)
            for a, shared in zip(day, coverage(day))]


def sort_key(value: Value, key: str) -> tuple:
    """Return how a story sorts in its day: most newsworthy first."""
    seconds = -1 if value.clock is None else value.clock.hour * 3600 + value.clock.minute * 60 + value.clock.second
    return (not value.lead, -value.priority, -value.coverage, -value.prominence, -seconds, value.wire, key)


def reading_order(day: Sequence[Article], counts: Mapping[str, int]) -> tuple[str, ...]:
    """Return the keys of a day's stories, most newsworthy first."""
    ranked = sorted(zip(values(day, counts), day), key=lambda pair: sort_key(pair[0], pair[1].key))
    return tuple(article.key for _, article in ranked)


def far_ahead(articles: Iterable[Article], now: dt.datetime) -> tuple[Article, ...]:
    """Return the stories dated more than a day after NOW (aware), in key order."""
    return tuple(sorted((a for a in articles if a.date - now > AHEAD), key=lambda a: a.key))


def settles(articles: Iterable[Article]) -> dt.datetime | None:
    """Return when the first of these far-ahead stories will no longer be far ahead."""
    return min((a.date - AHEAD for a in articles), default=None)
