"""Write N deterministic synthetic stories as content files, like ingest would."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import yaml

from pools import AGENCIES, FIRST_NAMES, PARTIES, PLACES, SURNAMES, TOPICS

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
START = dt.datetime(2023, 1, 1, 6, 0, tzinfo=IST)
# A big archive starts earlier, so that its stories end by then: a story dated far ahead of the
# build is a slip of the date (newsvalue.far_ahead), and would keep every build from being incremental
END = dt.datetime(2026, 6, 30, 6, 0, tzinfo=IST)
MEAN_GAP = 65  # minutes between stories, on average: about 20 a day
PEOPLE_POOL, TAG_POOL = 800, 320
SENTENCES = (
    "{person} said on {weekday} that the {party} would press the matter in {place}.",
    "Officials in {place} said the {topic} review would be completed within {num} days.",
    "Speaking to reporters in {place}, {person} described the decision as long overdue.",
    "The {party} has demanded an inquiry, saying {num} families were affected in {place}.",
    "According to the statement, the {topic} plan will cost about Rs {num} crore.",
    "{person} is expected to meet {person2} in {place} later this week.",
    "The opposition accused the government of ignoring {topic} for {num} years.",
    "Police said {num} people had been detained and the situation was under control.",
    "The meeting, which lasted {num} minutes, was described by both sides as cordial.",
    "\"We will not step back from our promise on {topic},\" {person} said.",
    "Experts said the numbers for {topic} had improved for the {ordinal} month in a row.",
    "A senior official said the order would apply across {place} from next month.",
    "Residents of {place} complained that the work had been pending since {year}.",
    "{person2} welcomed the move and said it would help {num} lakh people.",
    "The court asked the state to file a fresh report on {topic} within {num} weeks.",
    "Party workers gathered outside the office in {place} as the results came in.",
    "The ministry said that {num} projects linked to {topic} had been cleared this year.",
    "Reacting to the remarks, {person2} said the {party} had no lessons to offer.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")


@dataclass(frozen=True, slots=True)
class Pools:
    """The people, places and tags stories draw from, with Zipf-like weights."""

    people: tuple[str, ...]
    places: tuple[str, ...]
    tags: tuple[str, ...]


def make_pools(rng: random.Random) -> Pools:
    """Return the fixed name pools: 800 people, the places, 320 tags."""
    names = sorted({f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES})
    people = tuple(rng.sample(names, PEOPLE_POOL))
    states = [p for p in PLACES if " " in p or p in ("Bihar", "Punjab", "Haryana", "Gujarat", "Kerala",
                                                       "Karnataka", "Goa", "Assam", "Odisha")]
    tags = list(dict.fromkeys(TOPICS + PARTIES + tuple(f"{s} elections" for s in states)
                              + tuple(f"{p} news" for p in PLACES)))
    return Pools(people, PLACES, tuple(tags[:TAG_POOL]))


def zipf_pick(rng: random.Random, pool: Sequence[str], count: int) -> list[str]:
    """Pick COUNT distinct names, the first of the pool far more often than the last."""
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(pool))]
    chosen: list[str] = []
    while len(chosen) < count:
        name = rng.choices(pool, weights)[0]
        if name not in chosen:
            chosen.append(name)
    return chosen


def body(rng: random.Random, people: list[str], places: list[str], tags: list[str],
         others: Sequence[str]) -> str:
    """Return about 350 words in paragraphs of two or three sentences."""
    second = people[1:] or [rng.choice(others)]  # someone quoted besides the main person
    words, paragraphs = 0, []
    while words < 350:
        sentences = []
        for _ in range(rng.randint(2, 3)):
            text = rng.choice(SENTENCES).format(
                person=rng.choice(people), person2=rng.choice(second), place=rng.choice(places),
                topic=rng.choice(tags).lower(), party=rng.choice(PARTIES), num=rng.randint(2, 900),
                weekday=rng.choice(WEEKDAYS), ordinal=rng.choice(ORDINALS), year=rng.randint(2005, 2022))
            sentences.append(text)
            words += len(text.split())
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def slug_of(text: str) -> str:
    """Return a slug of a title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].rstrip("-")


def story(rng: random.Random, pools: Pools, when: dt.datetime, number: int) -> tuple[dict, str]:
    """Return the front matter and body of one story."""
    people = zipf_pick(rng, pools.people, rng.randint(1, 4))
    places = zipf_pick(rng, pools.places, rng.randint(1, 3))
    tags = zipf_pick(rng, pools.tags, rng.randint(3, 6))
    title = f"{people[0]} {rng.choice(('speaks on', 'reviews', 'backs', 'questions'))} {tags[0].lower()} in {places[0]}"
    text = body(rng, people, places, tags, pools.people)
    meta = {"title": title, "date": when.isoformat(), "dateline": places[0],
            "agency": rng.choice(AGENCIES), "summary": text.split(". ")[0] + ".", "people": people,
            "places": places, "organisations": [rng.choice(PARTIES)], "tags": tags,
            "slug": f"{slug_of(title)}-{number}"}
    return meta, text


def render_file(meta: dict, text: str) -> str:
    """Return a content file: YAML front matter between '---' lines, then the Markdown body."""
    lines = ["---"]
    for key, value in meta.items():
        lines.append(f"{key}: " + yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                                                  width=10_000).strip().removesuffix("\n...").removesuffix(" ..."))
    return "\n".join(lines) + "\n---\n\n" + text + "\n"


def first_day(count: int) -> dt.datetime:
    """Return when the first of COUNT stories is dated: START, or early enough to end by END."""
    span = dt.timedelta(minutes=MEAN_GAP * count)
    return min(START, (END - span).replace(hour=START.hour, minute=0) - dt.timedelta(days=30))


def write_stories(content: Path, count: int, seed: int = 2025) -> list[Path]:
    """Write COUNT stories under CONTENT/articles, several a day; return their paths."""
    rng = random.Random(seed)
    pools = make_pools(rng)
    when, paths = first_day(count), []
    for number in range(count):
        meta, text = story(rng, pools, when, number)
        path = content / "articles" / f"{when:%Y/%m/%d}" / f"{meta['slug']}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_file(meta, text), encoding="utf-8")
        paths.append(path)
        when += dt.timedelta(minutes=rng.randint(20, 110))  # MEAN_GAP
    return paths
