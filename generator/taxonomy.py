"""Group articles into people, places, organisations, tags and daily editions (related stories: relatedstories.py)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter, defaultdict
from typing import AbstractSet, Collection, Iterable, Mapping, NamedTuple, Sequence

from generator.models import TERM_FIELDS, TERM_KINDS, Article, Edition, Site, Term
from generator.newsvalue import archive_counts, reading_order, subjects
from generator.urls import LATIN_LETTERS, identity, slugify

CROWD = 64  # a story naming more people than this is a list: see co_mentions


class Ordered(NamedTuple):
    """The order of each day as the last build found it, and what it read: a day none of whose
    stories changed, and none of whose stories' prominence moved, keeps it."""

    orders: Mapping  # day -> its stories' keys in reading order
    counts: Mapping[str, int]  # Site.counts
    moved: AbstractSet[str]  # the stories read again, added or deleted since


def organise(articles: Iterable[Article] | Mapping[str, Article], before: Ordered | None = None) -> Site:
    """Return the Site: articles newest first, their terms and editions (ARTICLES may be by key)."""
    by_key = dict(articles) if isinstance(articles, Mapping) else {a.key: a for a in articles}
    order = tuple(sorted(by_key, key=lambda k: (by_key[k].date, k), reverse=True))
    newest = [by_key[k] for k in order]
    clashes: dict[tuple[str, str], tuple[str, str]] = {}
    terms = {kind: make_terms(kind, newest, order, clashes) for kind in TERM_KINDS}
    counts = archive_counts(by_key.values())
    return Site(articles=by_key, order=order, terms=terms, editions=make_editions(by_key, order, counts, before),
                clashes=clashes, counts=counts)


def slug_of(clashes: Mapping[tuple[str, str], tuple[str, str]], kind: str, name: str) -> str:
    """Return the slug of the page of NAME, a person, place or tag (see Site.clashes)."""
    clash = clashes.get((kind, name)) if clashes else None
    return clash[0] if clash else slugify(name)


def sort_key(kind: str, name: str) -> str:
    """Return how a term sorts in its index: people by surname, others by name."""
    words = name.split()
    if kind == "person" and len(words) > 1:
        return f"{words[-1]} {' '.join(words[:-1])}".casefold()
    return name.casefold()


def index_letter(key: str) -> str:
    """Return the letter a sort key files under: A-Z with accents dropped ('Éric' under E), else '#'."""
    letter = fold(key[:1])[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


def fold(text: str) -> str:
    """Return TEXT in lower case with accents dropped, as an index orders it ('Ōsaka' beside 'Oslo')."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def make_terms(kind: str, newest_first: Sequence[Article], keys_of: Sequence[str] | None = None,
               clashes: dict[tuple[str, str], tuple[str, str]] | None = None) -> tuple[Term, ...]:
    """Return the terms of one kind, each with its articles newest first, in index order.

    Spellings of one name (urls.identity: case, accents, punctuation) are one term, shown in its
    commonest spelling. Two names that are not one but make one slug ('李明' and '黎明', li-ming)
    get a page each: the first by identity keeps the slug, the others add a hash of their own, and
    CLASHES records them. KEYS_OF, the articles' keys in the same order, saves formatting each key
    again, and lets every term share one string per key (which keeps the build cache small).
    """
    by_name: dict[str, list[str]] = {}  # each spelling's stories: a name recurs in thousands of them
    repeats: Counter[str] = Counter()  # a spelling given twice in one story counts twice as a spelling
    ordered = keys_of if keys_of is not None else [a.key for a in newest_first]
    field = TERM_FIELDS[kind]
    for key, article in zip(ordered, newest_first):
        for name in getattr(article, field):
            found = by_name.get(name)
            if found is None:
                by_name[name] = [key]
            elif found[-1] != key:
                found.append(key)
            else:
                repeats[name] += 1
    keys: dict[str, list[str]] = {}
    forms: dict[str, dict[str, int]] = {}
    for name, found in by_name.items():
        ident = identity(name)
        forms.setdefault(ident, {})[name] = len(found) + repeats[name]
        keys.setdefault(ident, found)
    merged = [ident for ident, spellings in forms.items() if len(spellings) > 1]
    if merged:  # spellings of one name: their stories in one list, newest first, each once
        position = {key: i for i, key in enumerate(ordered)}
        for ident in merged:
            keys[ident] = sorted({k for name in forms[ident] for k in by_name[name]}, key=position.__getitem__)
    shown = {ident: min(counts.items(), key=lambda item: (-item[1], item[0]))[0] for ident, counts in forms.items()}
    slugs = unique_slugs(kind, shown, forms, {} if clashes is None else clashes)
    terms = [Term(kind, slugs[ident], shown[ident], tuple(article_keys), sort_key(kind, shown[ident]))
             for ident, article_keys in keys.items()]
    return tuple(sorted(terms, key=lambda t: (t.sort_key, t.slug)))


def unique_slugs(kind: str, shown: Mapping[str, str], forms: Mapping[str, Mapping[str, int]],
                 clashes: dict[tuple[str, str], tuple[str, str]]) -> dict[str, str]:
    """Give each name (by identity) its slug, a distinct one where two names make the same.

    A spelling whose own slug is not its name's ('Azpur-ua' of 'Azpurua': identity drops the
    hyphen, a slug keeps it) is recorded in CLASHES with its name's slug, as the name it shares.
    """
    slugs = {ident: slugify(name) for ident, name in shown.items()}
    first: dict[str, str] = {}
    for ident in sorted(slugs):
        owner = first.setdefault(slugs[ident], ident)
        if owner != ident:
            slug = f"{slugs[ident]}-{hashlib.blake2b(ident.encode(), digest_size=3).hexdigest()}"
            slugs[ident] = slug
            for name in forms[ident]:
                clashes[kind, name] = (slug, shown[owner])
        elif len(forms[ident]) > 1:
            for name in forms[ident]:
                if slugify(name) != slugs[ident]:
                    clashes[kind, name] = (slugs[ident], shown[ident])
    return slugs


def make_editions(by_key: dict[str, Article], order: Sequence[str], counts: Mapping[str, int] | None = None,
                  before: Ordered | None = None) -> tuple[Edition, ...]:
    """Return the daily editions, newest first, each with its stories by news value.

    COUNTS are archive_counts; a day BEFORE vouches for keeps its order (ordering every day of
    100,000 stories was most of organising them, after an edit to one).
    """
    days: dict = defaultdict(list)
    for key in order:
        days[by_key[key].day].append(by_key[key])
    counts = archive_counts(by_key.values()) if counts is None else counts
    recounted = set() if before is None else {n for n in counts.keys() | before.counts.keys()
                                              if counts.get(n) != before.counts.get(n)}
    near = Counted(counts)
    return tuple(Edition(day, kept if kept is not None else reading_order(stories, counts))
                 for day, stories in sorted(days.items(), reverse=True)
                 for kept in [same_order(day, stories, counts, before, recounted, near)])


def same_order(day, stories: Sequence[Article], counts: Mapping[str, int], before: Ordered | None,
               recounted: AbstractSet[str], near: Counted | None = None) -> tuple | None:
    """Return the day's order as BEFORE has it, if it holds: None when it may not.

    RECOUNTED are the names whose count of stories changed: only a story naming one can move, and
    only past a story whose prominence its own crossed or met (NEAR finds those).
    """
    kept = before.orders.get(day) if before is not None else None
    if kept is None or len(kept) != len(stories) or not before.moved.isdisjoint(kept):
        return None
    shifts = {}  # story -> (prominence before, now), of those whose prominence moved
    for article in stories:
        if recounted.isdisjoint(article.people) and recounted.isdisjoint(article.organisations):
            continue
        names = subjects(article)
        was, now = prominence(names, before.counts), prominence(names, counts)
        if was != now:
            shifts[article.key] = (was, now)
    if shifts and not ranks_kept(stories, shifts, counts, near or Counted(counts)):
        return None
    return kept if {a.key for a in stories} == set(kept) else None


def prominence(names: Collection[str], counts: Mapping[str, int]) -> int:
    """Return how many stories of the archive name the most-named of NAMES (newsvalue's prominence)."""
    return max((counts.get(n, 0) for n in names), default=0)


def ranks_kept(stories: Sequence[Article], shifts: Mapping[str, tuple[int, int]], counts: Mapping[str, int],
               near: Counted) -> bool:
    """Tell whether the stories whose prominence SHIFTS (before, now) keep their order with every
    other story of the day: the day's order is then as before, all else being equal.

    Two shifted stories keep theirs when the shift keeps which is more prominent; a story whose
    prominence stayed keeps its place beside a shifted one unless its own lies between (or at) the
    shifted one's before and now. An edit that drops a person named in 16,000 stories shifts all
    of them by one, and few others lie between: ordering every day again cost 2 s at 100,000 stories.
    """
    pairs = sorted(set(shifts.values()))
    if any(a[0] >= b[0] or a[1] >= b[1] for a, b in zip(pairs, pairs[1:])):
        return False
    spans = [(min(pair), max(pair)) for pair in pairs]
    if spans[0][0] == 0:  # a story naming no one counted has prominence 0: look at every story
        return not any(lo <= prominence(subjects(a), counts) <= hi for a in stories if a.key not in shifts
                       for lo, hi in spans)
    names = near.between(spans)  # a story's prominence is some name's count: it lies in a span only
    for article in stories:  # if one of its names' counts does
        if article.key in shifts or names.isdisjoint(article.people) and names.isdisjoint(article.organisations):
            continue
        value = prominence(subjects(article), counts)
        if any(lo <= value <= hi for lo, hi in spans):
            return False
    return True


class Counted:
    """The names whose count of stories lies in given spans, found once for each set of spans."""

    def __init__(self, counts: Mapping[str, int]):
        self.counts, self.found = counts, {}

    def between(self, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
        """Return the names counted LO to HI times (both included) for some (LO, HI) of SPANS."""
        key = tuple(spans)
        if key not in self.found:
            self.found[key] = frozenset(n for n, c in self.counts.items() if any(lo <= c <= hi for lo, hi in spans))
        return self.found[key]


def term_lists(site: Site) -> dict[tuple[str, str], tuple[str, ...]]:
    """Map each term to its stories, newest first: what the next build compares with."""
    return {(t.kind, t.slug): t.articles for terms in site.terms.values() for t in terms}


def co_mentions(site: Site, term: Term, limit: int = 10, memo: dict | None = None) -> list[tuple[str, int]]:
    """Return the people most often named in the same stories as TERM, with counts.

    A story naming many people (a list of 10,000 names) is not counted name by name for each of
    them, which would take the square of its names: its names count one each, read in name order
    only as far as the list needs them. MEMO, shared by the caller's terms, keeps slugs and such
    stories' names in order.
    """
    memo = {} if memo is None else memo
    crowds = [key for key in term.articles if len(site.articles[key].people) > CROWD]
    counts: Counter[str] = Counter()
    for key in term.articles:
        if len(crowds) != 1 or key != crowds[0]:
            counts.update(site.articles[key].people)
    if len(crowds) == 1:
        ordered, members = crowd_names(site, crowds[0], memo)
        for name in counts:
            counts[name] += name in members
    if term.kind == "person":
        for name in [n for n in counts if is_named(site, term, n, memo)]:
            del counts[name]
    found = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    if len(crowds) == 1 and (len(found) < limit or found[-1][1] == 1):
        more = []  # the crowd's names that no other story of the term names: one each, in name order
        for name in ordered:
            if len(more) == limit:
                break
            if name not in counts and not (term.kind == "person" and is_named(site, term, name, memo)):
                more.append((name, 1))
        found = sorted(found + more, key=lambda item: (-item[1], item[0]))[:limit]
    return found


def crowd_names(site: Site, key: str, memo: dict) -> tuple[list[str], frozenset[str]]:
    """Return the people of a story naming many, in name order and as a set, made once."""
    if ("crowd", key) not in memo:
        people = site.articles[key].people
        memo["crowd", key] = (sorted(set(people)), frozenset(people))
    return memo["crowd", key]


def is_named(site: Site, term: Term, name: str, memo: dict) -> bool:
    """Tell whether NAME is a spelling of the person TERM (whose page it would link to)."""
    slug = memo.get(name) or memo.setdefault(name, slugify(name))
    if site.clashes and ("person", name) in site.clashes:
        slug = site.clashes["person", name][0]
    return slug == term.slug
