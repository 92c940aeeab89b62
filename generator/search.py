"""The search index: one Pagefind record per story, indexed in parts that the search page merges.

The records are made from the model (no rendered page is parsed again): the story's text to
search, what a result shows (headline, date, dateline, summary) and the filters a reader narrows
by (people, places, organisations, tags, agency, year). Pagefind cannot update an index in place,
so the stories are indexed in parts, each a period of the calendar (shards.py), and a build
re-indexes only the parts whose stories changed. site/pagefind/ holds `shards.json` (the parts,
newest first) and a folder per part, a whole Pagefind bundle each: the search page loads the newest
with its script and merges the others into it with Pagefind's `mergeIndex` (their script and
WebAssembly are not fetched). Pagefind needs a primary index with stories in it: an empty one of
its own would not load.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Sequence

from generator import shards
from generator.cache import PageRecord, PlanMemo, quick_digest
from generator.config import Config
from generator.indexer import FOLDER, index, indexer_version
from generator.indexing import Indexing, Stopped
from generator.models import Article, Site
from generator.render import RenderJob
from generator.urls import Urls
from generator.views import display_date

GROUP = "search-index"  # the keys and files of the parts are kept among the page groups', as GROUP/PART
LIST = f"{FOLDER}/shards.json"  # the parts the search page merges, newest first
# what the site's search page needs of a bundle; Pagefind's own ready-made interfaces are left out,
# and so is the WebAssembly of languages the index does not have
UNUSED = re.compile(r"pagefind-(component-|modular-)?ui\.|pagefind-highlight\.|playground/")
WASM = re.compile(r"wasm\.(.*)\.pagefind$")
_TAG = re.compile(r"<[^>]+>")
# Pagefind writes its filter files (and so the meta file and entry that name them by hash) in the
# order of a Rust hash map, which changes from run to run: the same stories give the same filters
# in other bytes. Every other file of the bundle is the same bytes for the same stories.
UNSTABLE = re.compile(FOLDER + r"/([^/]+/)?(filter/.*|pagefind\.[^/]*\.pf_meta|pagefind-entry\.json)$")


def same_bytes_expected(path: str) -> bool:
    """Tell whether two builds of the same stories write PATH (in site/) with the same bytes."""
    return UNSTABLE.match(path) is None


def record(article: Article, url: str, body_html: str) -> dict[str, Any]:
    """Return the Pagefind record of one story: its text, what a result shows, its filters.

    URL is the story's path under the site's base path ('/2025/11/07/slug/'): the search page
    tells Pagefind the base path, so that one index serves any project path.
    """
    text = html.unescape(_TAG.sub(" ", body_html))
    meta = {"title": article.title, "date": display_date(article.day), "datetime": article.date.isoformat(),
            "summary": article.summary}
    if article.dateline:
        meta["dateline"] = article.dateline
    filters = {"person": list(article.people), "place": list(article.places),
               "organisation": list(article.organisations), "tag": list(article.tags),
               "agency": [article.agency] if article.agency else [], "year": [f"{article.day.year:04d}"]}
    # the names found in a story are searched too: a person in the people list may be named in the
    # text only by surname or title
    names = ". ".join(article.people + article.places + article.organisations + article.tags)
    return {"url": url, "content": " ".join(f"{article.title}. {article.summary} {text} {names}".split()),
            "meta": meta, "filters": {k: v for k, v in filters.items() if v},
            "sort": {"date": article.date.isoformat()}}


def records(articles: Mapping[str, Article], order: Sequence[str], urls: Urls,
            bodies: Mapping[str, str]) -> Iterator[dict[str, Any]]:
    """Yield the record of every story, newest first."""
    for key in order:
        article = articles[key]
        url = urls.article(article.day, article.slug)
        yield record(article, "/" + url[len(urls.base_path):], bodies[key])


@dataclass(slots=True)
class SearchMade:
    """The search index this build: each part's key and files, those written, what is left to index."""

    groups: dict[str, tuple[str, list[PageRecord]]] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    pending: bool = False  # some part lags its stories (indexing deferred or stopped): index it later
    indexed: int = 0  # stories indexed this time

    @property
    def records(self) -> list[PageRecord]:
        """Return the records of every file of the index."""
        return [r for _, records in self.groups.values() for r in records]


def index_stories(config: Config, site: Site, urls: Urls, bodies: Mapping[str, str], job: RenderJob,
                  memo: PlanMemo, stamp: str, indexing: Indexing) -> SearchMade:
    """Index again the parts whose stories changed since the last build; stage their files.

    A part whose stories are as before costs one hash. INDEXING may defer the work (the part keeps
    its last index, or has none yet) or stop it midway. STAMP is the hash of the generator's code.
    """
    made = SearchMade()
    if not config.search:
        return made
    settings = (stamp, indexer_version(), config.language, sorted(config.permalinks.items()))
    wanted = {}
    for name, keys in shards.plan({k: site.articles[k].day for k in site.order}).items():
        wanted[f"{GROUP}/{name}"] = (quick_digest((settings, name, "".join(job.metas[k] + job.body_hashes[k]
                                                                         for k in keys))), keys)
    unnamed = None  # site/'s index files by part, when no cache names them
    for group, (key, keys) in wanted.items():
        old = memo.groups.get(group)
        if old is None and (indexing.defer or indexing.stopped) and not job.force:
            unnamed = _parts_in_site(urls, job) if unnamed is None else unnamed
            old = unnamed.get(group)  # keyed by no digest: indexed again by the next build that indexes
        if not job.force and old is not None and old[0] == key and all(r.path in job.previous for r in old[1]):
            made.groups[group] = old
        elif indexing.defer or indexing.stopped or not _index_part(config, site, urls, bodies, job, made,
                                                                      group, key, keys, indexing):
            made.pending = True
            if old is not None and not job.force and all(r.path in job.previous for r in old[1]):
                made.groups[group] = old  # the last index of the part serves until it is made again
    _list_parts(urls, job, made)
    return made


def _index_part(config: Config, site: Site, urls: Urls, bodies: Mapping[str, str], job: RenderJob,
                made: SearchMade, group: str, key: str, keys: Sequence[str], indexing: Indexing) -> bool:
    """Index one part and stage its files; False when the indexing was stopped."""
    try:
        files = index(records(site.articles, keys, urls, bodies), config.language, indexing)
    except Stopped:
        return False
    folder = FOLDER + group[len(GROUP):]
    languages = json.loads(files["pagefind-entry.json"])["languages"].values()
    wasm = {language["wasm"] for language in languages}
    found = []
    # the entry, which names the metadata, which names the chunks, goes in place after what it names
    for path in sorted(files, key=lambda p: (p == "pagefind-entry.json", p.endswith(".pf_meta"), p)):
        unused = WASM.match(path) and WASM.match(path).group(1) not in wasm
        if not (UNUSED.match(path) or unused):
            found.append(_stage(job, made, f"{folder}/{path}", urls, files[path]))
    made.groups[group] = (key, found)
    made.indexed += len(keys)
    return True


def _parts_in_site(urls: Urls, job: RenderJob) -> dict[str, tuple[str, list[PageRecord]]]:
    """Return the index files site/ holds, as each part's (empty key, records).

    A build whose cache was lost, or made by other code (an upgrade of the generator), finds no
    key for any part; when it defers indexing, the index in site/ goes on serving until it is made
    again, as it would for a part whose stories changed.
    """
    found: dict[str, tuple[str, list[PageRecord]]] = {}
    for path, fingerprint in sorted(job.previous.items()):
        part, _, rest = path[len(FOLDER) + 1:].partition("/")
        if path.startswith(FOLDER + "/") and rest:
            found.setdefault(f"{GROUP}/{part}", ("", []))[1].append(
                PageRecord(path, urls.file(path), "search-index", None, False, fingerprint))
    return found


def _list_parts(urls: Urls, job: RenderJob, made: SearchMade) -> None:
    """Write the list of the parts that have an index, newest first, for the search page."""
    names = sorted((g[len(GROUP) + 1:] for g in made.groups), reverse=True)
    data = json.dumps(names).encode("utf-8")
    made.groups[GROUP + ":list"] = ("", [_stage(job, made, LIST, urls, data)])


def _stage(job: RenderJob, made: SearchMade, path: str, urls: Urls, data: bytes) -> PageRecord:
    fingerprint = hashlib.sha1(data).hexdigest()
    if job.force or job.previous.get(path) != fingerprint:
        job.staging.write(path, data)
        made.written.append(path)
    return PageRecord(path, urls.file(path), "search-index", None, False, fingerprint)
