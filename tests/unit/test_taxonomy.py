"""Terms, editions and related stories, and the incremental recomputation of related lists."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from generator.models import Article
from generator.newsvalue import reading_order
from generator.relatedstories import (RELATED_WINDOW, NewestFirst, neighbours, newest_position, newest_rank,
                                      related_lists, top)
from generator.taxonomy import Ordered, co_mentions, make_terms, organise, term_lists

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def story(slug: str, day: int, hour: int = 0, people=(), places=(), tags=()) -> Article:
    """Return a small Article."""
    return Article(source=f"content/{slug}.md", slug=slug, title=slug, date=dt.datetime(2025, 11, day, hour, tzinfo=IST),
                   summary="", body="Text.", people=tuple(people), places=tuple(places), tags=tuple(tags))


def test_organise_orders_newest_first_and_groups_days() -> None:
    site = organise([story("a", 7, 9), story("b", 8, 1), story("c", 7, 11)])
    assert site.order == ("2025/11/08/b", "2025/11/07/c", "2025/11/07/a")
    assert [e.day.day for e in site.editions] == [8, 7]
    # of equal news value, the later story comes first in its day
    assert site.editions[1].articles == ("2025/11/07/c", "2025/11/07/a")


def test_organise_accepts_articles_by_key() -> None:
    articles = [story("a", 7, 9), story("b", 8, 1)]
    assert organise({a.key: a for a in articles}) == organise(articles)


def test_terms_merge_spellings_by_slug_and_take_the_commonest() -> None:
    terms = make_terms("person", [story("a", 9, people=["Azam Khan"]), story("b", 8, people=["Azam khan"]),
                                  story("c", 7, people=["Azam Khan"])])
    (term,) = terms
    assert (term.slug, term.name, len(term.articles)) == ("azam-khan", "Azam Khan", 3)


def test_people_sort_by_surname() -> None:
    terms = make_terms("person", [story("a", 7, people=["Zoya Akhtar", "Amit Shah"])])
    assert [t.name for t in terms] == ["Zoya Akhtar", "Amit Shah"]


def test_co_mentions_leave_out_the_person_and_count_the_others() -> None:
    site = organise([story("a", 7, people=["Azam Khan", "Mayawati"]), story("b", 8, people=["Azam Khan", "Mayawati"]),
                     story("c", 9, people=["Azam Khan", "Nitish Kumar"])])
    azam = next(t for t in site.terms["person"] if t.slug == "azam-khan")
    assert co_mentions(site, azam) == [("Mayawati", 2), ("Nitish Kumar", 1)]


def test_organisations_are_terms_but_do_not_relate_stories() -> None:
    bsp = ("Bahujan Samaj Party",)
    site = organise([dataclasses.replace(story("a", 7, tags=["Politics"]), organisations=bsp),
                     dataclasses.replace(story("b", 8), organisations=bsp), story("c", 9, tags=["Politics"])])
    (term,) = site.terms["organisation"]
    assert (term.kind, term.slug, term.articles) == ("organisation", "bahujan-samaj-party",
                                                      ("2025/11/08/b", "2025/11/07/a"))
    # ingest tags the organisations a story is about: counted as well, they would weigh one fact twice
    assert related_lists(site, 3, {})["2025/11/07/a"] == ("2025/11/09/c",)


def test_rank_breaks_ties_of_time_by_key() -> None:
    site = organise([story("b", 7), story("a", 7), story("c", 8)])
    rank = newest_rank(site)
    assert sorted(rank, key=rank.get) == ["2025/11/08/c", "2025/11/07/a", "2025/11/07/b"]


def test_a_rank_made_when_asked_orders_as_the_whole_ranking() -> None:
    # the same instant written in another zone is a tie of time, broken by key
    utc = dataclasses.replace(story("z", 7, 9), date=dt.datetime(2025, 11, 7, 3, 30, tzinfo=dt.timezone.utc))
    site = organise([story("b", 7), story("a", 7), story("c", 8), story("y", 7, 9), utc] + random_site(random.Random(3), 60))
    whole, asked = newest_rank(site), NewestFirst(site)
    assert sorted(site.order, key=asked.__getitem__) == sorted(site.order, key=whole.__getitem__)
    assert asked["2025/11/07/y"] < asked["2025/11/07/z"]  # one instant: by key


def test_top_prefers_higher_scores_then_lower_rank() -> None:
    assert top({"x": 1, "y": 2, "z": 1, "w": 2}, {"w": 3, "x": 0, "y": 2, "z": 1}, 3) == ("y", "w", "x")


def random_site(rng: random.Random, count: int) -> list[Article]:
    """Return COUNT stories over few days and names, many at the same time, so windows and ties matter."""
    names = [f"Person {i}" for i in range(8)]
    return [story(f"s{i}", rng.randint(1, 5), rng.choice([0, 0, 9, 12]), rng.sample(names, rng.randint(1, 3)),
                  rng.sample(["Lucknow", "Patna", "Delhi"], 1), rng.sample(["Politics", "Floods", "Jobs"], 2))
            for i in range(count)]


def reference_related(site, key: str, limit: int) -> tuple[str, ...]:
    """Return KEY's related stories by the rule spelled out plainly (the original implementation)."""
    from collections import Counter
    from generator.urls import slugify
    index = {(t.kind, t.slug): t for terms in site.terms.values() for t in terms}
    scores: Counter = Counter()
    for kind in ("person", "place", "tag"):
        for name in site.articles[key].names(kind):
            term = index[(kind, slugify(name))]
            at = term.articles.index(key)
            for other in term.articles[max(0, at - RELATED_WINDOW): at + RELATED_WINDOW + 1]:
                if other != key:
                    scores[other] += 1
    return tuple(sorted(scores, key=lambda k: (-scores[k], -site.articles[k].date.timestamp(), k))[:limit])


def test_related_lists_follow_the_plain_rule() -> None:
    site = organise(random_site(random.Random(7), 120))
    found = related_lists(site, 4, {})
    assert found and all(found[k] == reference_related(site, k, 4) for k in site.order)


def test_related_lists_found_by_forked_workers_are_the_serial_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    site = organise(random_site(random.Random(11), 300))
    serial = related_lists(site, 4, {})
    monkeypatch.setattr("generator.relatedstories.PARALLEL_FROM", 1)  # fork even for these few
    forked = related_lists(site, 4, {}, workers=2)
    assert list(forked.items()) == list(serial.items()) and len(serial) == 300


@pytest.mark.parametrize("seed", range(6))
def test_related_recomputed_near_an_edit_equals_recomputing_all(seed: int) -> None:
    rng = random.Random(seed)
    before = organise(random_site(rng, 150))
    old_related = related_lists(before, 5, {})
    articles = dict(before.articles)
    edited = []
    for _ in range(rng.randint(1, 3)):  # change, add or delete a story
        key = rng.choice(sorted(articles))
        old = articles.pop(key)
        edited.append(old)
        if rng.random() < 0.7:
            new = dataclasses.replace(old, people=("Person 9",) + old.people[1:], tags=old.tags[::-1],
                                      date=old.date + dt.timedelta(hours=rng.choice([0, 1, 30])))
            articles[new.key] = new
            edited.append(new)
    after = organise(articles.values())
    stale = {a.key for a in edited}
    for article in edited:
        stale |= neighbours(term_lists(before), article) | neighbours(term_lists(after), article)
    assert len(stale) < len(after.order)  # the point: far from the edits, lists are reused
    assert related_lists(after, 5, old_related, stale) == related_lists(after, 5, {})


def every_co_mention(site, term, limit: int = 10) -> list[tuple[str, int]]:
    """Count co-mentions name by name, the plain way, to compare with."""
    from collections import Counter

    from generator.urls import slugify
    counts = Counter(n for key in term.articles for n in site.articles[key].people)
    for name in [n for n in counts if term.kind == "person" and slugify(n) == term.slug]:
        del counts[name]
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def test_co_mentions_with_a_story_naming_hundreds_are_those_counted_name_by_name() -> None:
    rng = random.Random(7)
    crowd = [f"Person {i:03d}" for i in range(300)]
    stories = [story("crowd", 9, people=crowd + ["Azam Khan"])]
    for i in range(12):
        stories.append(story(f"small-{i}", 8, hour=i, people=rng.sample(crowd[:20] + ["Azam Khan", "Mayawati"], 3)))
    site = organise(stories)
    memo: dict = {}
    for term in site.terms["person"]:
        assert co_mentions(site, term, memo=memo) == every_co_mention(site, term), term.name
    tag = make_terms("tag", [story("t", 9, people=crowd, tags=["Lists"])])[0]
    assert co_mentions(organise([story("t", 9, people=crowd, tags=["Lists"])]), tag) == [(n, 1) for n in crowd[:10]]


def test_a_day_whose_stories_all_shift_alike_keeps_its_order_without_ordering_it_again(monkeypatch) -> None:
    from generator import taxonomy
    # Azam Khan leads the archive; one of his stories on the 7th loses him: every story of the 8th
    # naming him is one less prominent, none passes another, so the 8th is not ordered again
    stories = [story(f"a{i}", 7, i, people=["Azam Khan"]) for i in range(4)]
    stories += [story("b1", 8, 1, people=["Azam Khan", "Mayawati"]), story("b2", 8, 2, people=["Azam Khan"]),
                story("b3", 8, 3, people=["Mayawati"]), story("b4", 8, 4, people=["Nitish Kumar"])]
    before = organise(stories)
    stories[0] = dataclasses.replace(stories[0], people=("Priya Nair",))
    ordered = Ordered({e.day: e.articles for e in before.editions}, before.counts, {stories[0].key})
    days = []
    monkeypatch.setattr(taxonomy, "reading_order", lambda day, counts: days.append(day[0].day) or reading_order(day, counts))
    kept = organise(stories, ordered)
    assert days == [dt.date(2025, 11, 7)]  # the edited story's day alone
    monkeypatch.undo()
    assert kept.editions == organise(stories).editions


@pytest.mark.parametrize("seed", range(12))
def test_days_kept_when_prominence_shifts_are_the_days_ordered_again(seed: int) -> None:
    # few names, counted unevenly, many stories of a day alike but for whom they name: a shift by
    # one may keep or change which story is more prominent
    rng = random.Random(seed)
    names = [f"Person {i}" for i in range(6)]
    stories = [story(f"s{i}", rng.randint(1, 4), rng.choice([0, 9]),
                     rng.choices(names, weights=[12, 8, 5, 3, 2, 1], k=rng.randint(0, 2)))
               for i in range(120)]
    ordered = None
    for _ in range(6):
        i = rng.randrange(len(stories))
        stories[i] = dataclasses.replace(stories[i], people=tuple(rng.sample(names, rng.randint(0, 2))))
        fresh = organise(stories)
        if ordered is not None:
            assert organise(stories, Ordered(ordered.orders, ordered.counts, {stories[i].key})).editions == fresh.editions
        ordered = Ordered({e.day: e.articles for e in fresh.editions}, fresh.counts, set())


@pytest.mark.parametrize("seed", range(8))
def test_days_kept_from_the_last_order_are_the_days_ordered_again(seed: int) -> None:
    rng = random.Random(seed)
    stories = random_site(rng, 200)
    before = organise(stories)
    ordered = Ordered({e.day: e.articles for e in before.editions}, before.counts, set())
    assert organise(stories, ordered).editions == before.editions  # nothing changed: every day kept
    for _ in range(3):  # a story's people change: one comes, who may be named in other days' stories too
        i = rng.randrange(len(stories))
        stories[i] = dataclasses.replace(stories[i], people=(*stories[i].people[1:], f"Person {rng.randrange(10)}"))
        kept = organise(stories, Ordered(ordered.orders, ordered.counts, {stories[i].key}))
        fresh = organise(stories)
        assert kept.editions == fresh.editions
        ordered = Ordered({e.day: e.articles for e in fresh.editions}, fresh.counts, set())


@pytest.mark.parametrize("seed", range(4))
def test_a_story_s_place_in_a_long_list_is_found_by_halving_it(seed: int) -> None:
    site = organise(random_site(random.Random(seed), 300))  # many stories at the same time: ties by key
    for term in (t for terms in site.terms.values() for t in terms):
        for i, key in enumerate(term.articles):
            assert newest_position(site.articles, term.articles, key) == i


@pytest.mark.parametrize("seed", range(4))
def test_related_lists_of_a_few_stories_in_long_lists_are_those_of_all(seed: int) -> None:
    rng = random.Random(seed)
    site = organise(random_site(rng, 400))  # 8 people, 3 places, 3 tags: lists of 100 stories and more
    every = related_lists(site, 5, {})
    stale = set(rng.sample(site.order, 12))
    assert related_lists(site, 5, {k: () for k in every}, stale) == {k: every[k] if k in stale else () for k in every}


def reference_terms(kind: str, newest_first, clashes: dict):
    """Return make_terms's terms by the rule spelled out plainly: every name's stories, in order."""
    from generator.models import TERM_FIELDS, Term
    from generator.taxonomy import sort_key, unique_slugs
    from generator.urls import identity
    keys: dict = {}
    forms: dict = {}
    for article in newest_first:
        for name in getattr(article, TERM_FIELDS[kind]):
            found = keys.setdefault(identity(name), [])
            if article.key not in found:
                found.append(article.key)
            counts = forms.setdefault(identity(name), {})
            counts[name] = counts.get(name, 0) + 1
    shown = {ident: min(counts.items(), key=lambda item: (-item[1], item[0]))[0] for ident, counts in forms.items()}
    slugs = unique_slugs(kind, shown, forms, clashes)
    return tuple(sorted((Term(kind, slugs[i], shown[i], tuple(k), sort_key(kind, shown[i])) for i, k in keys.items()),
                        key=lambda t: (t.sort_key, t.slug)))


@pytest.mark.parametrize("seed", range(6))
def test_terms_of_names_in_several_spellings_are_those_of_the_plain_rule(seed: int) -> None:
    rng = random.Random(seed)
    spellings = ["Azam Khan", "Azam Khán", "azam khan", "AZAM KHAN", "李明", "黎明", "Mayawati", "Azpur-ua", "Azpurua"]
    stories = [story(f"s{i}", rng.randint(1, 4), rng.choice([0, 9]),
                     [rng.choice(spellings) for _ in range(rng.randint(0, 4))]) for i in range(80)]  # repeats too
    newest = [a for a in sorted(stories, key=lambda a: (a.date, a.key), reverse=True)]
    clashes: dict = {}
    expected = reference_terms("person", newest, clashes)
    found: dict = {}
    assert make_terms("person", newest, [a.key for a in newest], found) == expected
    assert found == clashes
